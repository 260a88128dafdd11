"""The key: wrapped under the passphrase, kept in the keyring or a 0600 file, re-wrapped by
a passphrase change and replaced by a rekey."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage import keys
from storage.database import DB_NAME, key_pragma
from storage.errors import (
    CorruptStore,
    KeyUnavailable,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from storage.store import CaseStore
from tests.storage.conftest import PASSPHRASE, new_case


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


def test_wrong_passphrase_fails_and_changes_no_file(store, data_dir):
    new_case(store)
    store.close()
    before = _snapshot(data_dir)
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, "not the passphrase")
    assert _snapshot(data_dir) == before


def test_create_twice_and_open_missing(store, data_dir, tmp_path):
    with pytest.raises(StoreExists):
        CaseStore.create(data_dir, PASSPHRASE)
    with pytest.raises(StoreNotFound):
        CaseStore.open(tmp_path / "elsewhere", PASSPHRASE)


def test_fail_backend_keeps_the_wrapped_key_in_a_private_file(store, data_dir):
    assert store.key_location == "file"
    assert store.status()["key_location"] == "file"
    assert "key_warning" in store.status()
    key_file = data_dir / keys.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    blob = json.loads(key_file.read_text())
    assert blob["kdf"] == "argon2id" and blob["m"] >= 64 * 1024 and blob["t"] >= 3
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600


def test_a_working_keyring_holds_the_wrapped_key_and_no_file_is_written(
    memory_keyring, data_dir
):
    with CaseStore.create(data_dir, PASSPHRASE) as store:
        assert store.key_location == "keyring"
        assert store.status()["key_location"] == "keyring"
        case_id = new_case(store)
    assert not (data_dir / keys.KEY_FILE).exists()
    (blob,) = memory_keyring.secrets.values()
    assert json.loads(blob)["kdf"] == "argon2id"
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.get_record(case_id) is not None
    CaseStore.wipe(data_dir)
    assert memory_keyring.secrets == {}
    assert not CaseStore.exists(data_dir)


def test_the_wrapped_blob_never_holds_the_plain_key(store, data_dir):
    raw = (data_dir / keys.KEY_FILE).read_text()
    key, _ = keys.unlock(PASSPHRASE, raw)
    assert bytes(key).hex() not in raw.lower()
    assert bytes(key) not in (data_dir / keys.KEY_FILE).read_bytes()


def test_passphrase_change_rewraps_and_leaves_the_database_alone(store, data_dir):
    case_id = new_case(store)
    store.close()
    db_before = (data_dir / DB_NAME).read_bytes()
    CaseStore.change_passphrase(data_dir, PASSPHRASE, "a new passphrase")
    assert (data_dir / DB_NAME).read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        CaseStore.change_passphrase(data_dir, PASSPHRASE, "something else")
    with CaseStore.open(data_dir, "a new passphrase") as reopened:
        assert reopened.get_record(case_id).fields["title"] == "Familie Jansen"


def _opens_with(path: Path, key: bytes) -> bool:
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def test_rekey_replaces_the_key_and_the_old_one_no_longer_opens(store, data_dir):
    case_id = new_case(store)
    old_key, _ = keys.unlock(PASSPHRASE, (data_dir / keys.KEY_FILE).read_text())
    assert _opens_with(data_dir / DB_NAME, bytes(old_key))
    store.rekey()
    new_case(store, "Familie Na Rekey")  # the open store goes on working
    store.close()
    new_key, _ = keys.unlock(PASSPHRASE, (data_dir / keys.KEY_FILE).read_text())
    assert new_key != old_key
    assert not _opens_with(data_dir / DB_NAME, bytes(old_key))
    assert _opens_with(data_dir / DB_NAME, bytes(new_key))
    with CaseStore.open(data_dir, PASSPHRASE) as reopened:
        assert reopened.get_record(case_id) is not None
        assert len(reopened.list_cases()) == 2


def test_a_rekey_interrupted_before_saving_its_key_is_finished_at_open(
    store, data_dir, monkeypatch
):
    case_id = new_case(store)
    real_save = keys.KeySlot.save

    def failing_save(self, blob, prefer=None):
        if not self.slot:
            raise OSError("the lid closed")
        return real_save(self, blob, prefer)

    monkeypatch.setattr(keys.KeySlot, "save", failing_save)
    with pytest.raises(OSError):
        store.rekey()
    monkeypatch.setattr(keys.KeySlot, "save", real_save)
    store.close()
    # A passphrase change in between takes the unfinished rekey's key along.
    CaseStore.change_passphrase(data_dir, PASSPHRASE, "tussendoor")
    with CaseStore.open(data_dir, "tussendoor") as reopened:
        assert reopened.get_record(case_id) is not None
    assert not (data_dir / (keys.KEY_FILE + ".next")).exists()
    with CaseStore.open(data_dir, "tussendoor") as again:
        assert again.get_record(case_id) is not None


def test_pinned_settings(store):
    with store._db.read() as conn:
        def pragma(name: str):
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("foreign_keys") == 1
        assert pragma("cipher_version").startswith("4.")


def test_close_locks_the_store(store):
    store.close()
    with pytest.raises(Exception) as info:
        store.list_cases()
    assert "locked" in str(info.value)


def test_a_changed_byte_in_the_file_is_caught_by_the_page_check(store, data_dir):
    # The full check reads every page, so it runs after the window shows, not at open: the
    # store opens, and the check counts the damaged page.
    for i in range(30):
        new_case(store, f"Familie {i}")
    assert store.damaged_pages() == 0
    store.close()
    db = data_dir / DB_NAME
    data = bytearray(db.read_bytes())
    assert len(data) > 3 * 4096
    data[2 * 4096 + 100] ^= 0xFF  # inside page 3
    db.write_bytes(bytes(data))
    with CaseStore.open(data_dir, PASSPHRASE) as opened:
        assert opened.damaged_pages() == 1
        with pytest.raises(CorruptStore):
            opened._db.check_integrity()


def test_a_damaged_schema_page_is_still_caught_at_open(store, data_dir):
    new_case(store, "Familie Schemaschade")
    store.close()
    db = data_dir / DB_NAME
    data = bytearray(db.read_bytes())
    data[100] ^= 0xFF  # page 1: the header and the schema, read by every open
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptStore):
        CaseStore.open(data_dir, PASSPHRASE)


def test_a_missing_wrapped_key_is_reported(store, data_dir):
    store.close()
    (data_dir / keys.KEY_FILE).unlink()
    with pytest.raises(KeyUnavailable):
        CaseStore.open(data_dir, PASSPHRASE)


def test_a_key_file_moves_into_a_keyring_that_works_later(store, data_dir, memory_keyring):
    case_id = new_case(store)
    assert store.key_location == "file"
    store.close()
    with CaseStore.open(data_dir, PASSPHRASE) as reopened:
        assert reopened.key_location == "keyring"
        assert reopened.get_record(case_id) is not None
    assert not (data_dir / keys.KEY_FILE).exists()
    assert len(memory_keyring.secrets) == 1
    with CaseStore.open(data_dir, PASSPHRASE) as again:
        assert again.key_location == "keyring"


def test_a_broken_keyring_falls_back_to_the_file(memory_keyring, data_dir):
    def broken(*_args):
        raise RuntimeError("D-Bus said no")

    memory_keyring.set_password = broken  # type: ignore[method-assign]
    memory_keyring.get_password = broken  # type: ignore[method-assign]
    with CaseStore.create(data_dir, PASSPHRASE) as store:
        assert store.key_location == "file"
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.key_location == "file"


def test_the_passphrase_check_of_an_open_store_unwraps_and_changes_nothing(store, data_dir):
    """Leaving kitchen-table mode asks the passphrase: checked by the unlocking code itself."""
    new_case(store)
    before = _snapshot(data_dir)
    with pytest.raises(WrongPassphrase):
        store.check_passphrase("not the passphrase")
    store.check_passphrase(PASSPHRASE)
    assert _snapshot(data_dir) == before
    assert store.list_records(kind="case")  # still open
