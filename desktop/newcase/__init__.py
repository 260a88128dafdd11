"""The new-case wizard: a case with its household in a few steps."""
