"""The monitor: a team lead's view of how the team's cases are going, from this laptop's
store (works offline), with a way to the cases behind each figure and an aggregate export."""
