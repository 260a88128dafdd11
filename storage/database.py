"""The SQLCipher connection: a raw 256-bit key set first, then the pinned settings.

Every connection of the pool is made by `_connect`, which sets `PRAGMA key` before
anything else touches the file, so no page is ever read or written unencrypted. The key
lives only in a bytearray that `Database.close()` overwrites; it is never put in a URL,
a log line or an exception.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from storage.errors import CorruptStore, StoreError, StoreLocked

DB_NAME = "keukentafel.db"
BUSY_TIMEOUT_MS = 10_000

# Pinned, as design.md's security model asks: a saved edit survives a power cut and
# temporary tables never reach the disk.
PINNED_PRAGMAS = (
    "PRAGMA cipher_compatibility = 4",
    # Before anything that may wait for a lock held by another process (the window and the
    # command line may have the store open at once).
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    # Pages in the cache are kept decrypted: a larger cache spares the case list most of
    # SQLCipher's per-page decrypt and HMAC check.
    "PRAGMA cache_size = -16384",
    # A checkpoint every 10,000 WAL pages (40 MB) instead of SQLite's 1,000: a first sync's
    # page of 1,500 records dirties some 2,000 pages (its records land all over the id
    # indexes), so at 1,000 every commit also copied its pages into the file and waited for
    # a second fsync; now the index pages written by several commits are copied once. A
    # first sync of 93,758 records into the store: 6.7 -> 6.1 s of CPU, 13.3 -> 9.4 s wall.
    # The WAL holds the same encrypted pages as the file, and every commit is still synced.
    "PRAGMA wal_autocheckpoint = 10000",
)


def _null(value: None) -> None:
    return None


# sqlcipher3 binds a None or a bool only after looking for an adapter and then asking the
# value itself (`__conform__`), which raises and clears an AttributeError each time: about
# 1.5 µs a value, where an int or a str takes 0.1 µs. A pulled record binds a dozen of them
# (its empty fields, its timeline row), so a first sync spent seconds raising. An adapter
# found in the registry spares that; each gives what sqlcipher3 binds anyway (NULL; 0 or 1).
# The registry is the module's, so this holds for every connection of the process.
sqlcipher.register_adapter(type(None), _null)
sqlcipher.register_adapter(bool, int)


def key_pragma(key: bytes | bytearray, verb: str = "key") -> str:
    """`PRAGMA key = "x'...'"`: a raw key, so SQLCipher runs no key derivation of its own."""
    return f"PRAGMA {verb} = \"x'{bytes(key).hex()}'\""


def fold(value: str | None) -> str | None:
    """Case and accent folding for search ("Öztürk" is found as "ozturk"), knowing more
    than ASCII (SQLite's lower() does not)."""
    if value is None:
        return None
    folded = value.casefold()
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c))


class Database:
    """A pool of keyed connections to one store file, with read and write transactions."""

    def __init__(self, path: Path, key: bytes | bytearray | None) -> None:
        self.path = path
        # None means plain SQLite through the same module: only the benchmark does that.
        self._key = bytearray(key) if key is not None else None
        self._write_lock = threading.RLock()
        self._closed = False
        self.engine: Engine = create_engine(
            "sqlite://",
            module=sqlcipher,
            creator=self._connect,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=8,
            # Bound values are case data: never in a log line or an exception message.
            hide_parameters=True,
        )
        event.listen(self.engine, "begin", _begin)

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def _connect(self) -> Any:
        if self._closed:
            raise StoreLocked("the store is locked")
        conn = sqlcipher.connect(str(self.path), check_same_thread=False, isolation_level=None)
        try:
            if self._key is not None:
                conn.execute(key_pragma(self._key))
            for pragma in PINNED_PRAGMAS:
                conn.execute(pragma)
            # Reading the schema fails here, not later, when the key does not fit.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc):
                # The passphrase was right (the key unwrapped), so the file is at fault.
                raise CorruptStore("the store file cannot be read with its key") from None
            raise StoreError(f"the store cannot be opened ({_reason(exc)})") from None
        conn.create_function("kt_fold", 1, fold, deterministic=True)
        return conn

    def damaged_pages(self) -> int:
        """How many pages fail `cipher_integrity_check` (every page's HMAC): 0 for a whole
        file. It reads the whole file, so it runs after the window shows, not at open."""
        if not self.encrypted:
            return 0
        with self.read() as conn:
            return len(conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall())

    def check_integrity(self) -> None:
        """Raise CorruptStore when any page fails its HMAC check."""
        bad = self.damaged_pages()
        if bad:
            raise CorruptStore(f"{bad} pages of the store fail their HMAC check")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot, never blocking the writer (WAL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed whole or not at all.

        Writers of this process queue on a lock; other processes wait on `BEGIN IMMEDIATE`
        (busy timeout), so a transaction never fails half-way for want of the write lock.
        """
        with self._write_lock, self.engine.connect() as conn:
            conn = conn.execution_options(kt_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def exclusive(self) -> Iterator[Any]:
        """The one raw connection, with every pooled one closed (for `PRAGMA rekey`)."""
        with self._write_lock:
            self.engine.dispose()
            raw = self._connect()
            try:
                yield raw
            finally:
                raw.close()
                self.engine.dispose()

    def replace_key(self, key: bytes | bytearray) -> None:
        self._wipe_key()
        self._key = bytearray(key)

    def _wipe_key(self) -> None:
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0

    def close(self) -> None:
        with self._write_lock:
            self._closed = True
            self.engine.dispose()
            self._wipe_key()
            self._key = None


def _begin(conn: Connection) -> None:
    # The driver runs in autocommit mode (isolation_level=None): we open transactions
    # ourselves, IMMEDIATE for writes so that the write lock is taken up front.
    write = conn.get_execution_options().get("kt_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _reason(exc: Exception) -> str:
    # SQLite's own messages name no data ("database is locked", "disk I/O error").
    return str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
