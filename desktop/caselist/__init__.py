"""The case list: search, filter and sort the cases the worker may see."""
