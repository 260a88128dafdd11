"""The case file: an open case, its header and its views as tabs."""
