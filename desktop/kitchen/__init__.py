"""Kitchen-table mode: the open case shown full screen to the family (issue 12)."""
