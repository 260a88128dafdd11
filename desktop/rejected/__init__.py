"""Niet verzonden wijzigingen: the changes this laptop could not deliver, kept until the
worker has read (and copied or saved) them and dismisses them."""
