"""The plan for the family: the safety plan in plain Dutch, as PDF, on paper and as JSON."""
