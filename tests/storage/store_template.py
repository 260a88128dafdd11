"""One migrated, empty store file per test process, copied for every example of a property
test: Alembic runs once, not once an example."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from storage import keys, migrations
from storage.database import DB_NAME, Database
from storage.store import CaseStore

_TEMPLATE: dict[str, Any] = {}


def empty_store_file() -> tuple[Path, bytearray]:
    """The template store file and its key."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="kt-template-"))
        # Gone with the test process: every run left one behind in the temp folder.
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        key = keys.new_store_key()
        db = Database(folder / DB_NAME, key)
        with db.write() as conn:
            migrations.upgrade(conn)
        db.close()
        _TEMPLATE.update(path=folder / DB_NAME, key=bytearray(key))
    return _TEMPLATE["path"], _TEMPLATE["key"]


def store_copy(folder: Path, source: Path | None = None) -> CaseStore:
    """A store in `folder` (made here) from a copy of `source`'s store file, by default of
    the template: one migrated, empty store."""
    template, key = empty_store_file()
    folder.mkdir()
    shutil.copy(source or template, folder / DB_NAME)
    return CaseStore(folder, Database(folder / DB_NAME, key), None, "file")
