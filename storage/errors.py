"""What can go wrong with the local store, as exceptions the UI and the CLI can tell apart.

Messages are English and never carry personal data: they may reach a log. The desktop
shows its own Dutch text per class (see desktop/), chosen by `code`.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store failure. `code` is stable; the message is safe to log."""

    code = "store_error"


class StoreNotFound(StoreError):
    code = "store_not_found"


class StoreExists(StoreError):
    code = "store_exists"


class WrongPassphrase(StoreError):
    code = "wrong_passphrase"


class CorruptStore(StoreError):
    code = "corrupt_store"


class KeyUnavailable(StoreError):
    """The wrapped key is neither in the keyring nor in the fallback file."""

    code = "key_unavailable"


class RecordNotFound(StoreError):
    code = "record_not_found"


class RecordExists(StoreError):
    """A new record's id is taken already."""

    code = "record_exists"


class StoreLocked(StoreError):
    """The store was closed (locked): the key is gone from memory."""

    code = "store_locked"
