"""`CaseStore`: the one way into the local store, for the desktop, the CLI and the sync engine.

Every method runs as its own transaction and is safe to call from any thread. An edit
writes the record, its outbox entry, a timeline row and an access-log entry in one
transaction, so a crash leaves all of them or none. See docs/architecture.md for the table
of methods.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy import exc as sa_exc

from storage import (
    access_log,
    case_list,
    conflict_inbox,
    creation,
    migrations,
    outbox,
    records,
    rejected,
    timeline,
    unknown,
)
from storage import monitor as monitor_figures
from storage.case_list import CaseOrder, CaseSummary
from storage.database import DB_NAME, Database, key_pragma
from storage.errors import (
    CorruptStore,
    KeyUnavailable,
    RecordExists,
    RecordNotFound,
    StoreError,
    StoreExists,
    StoreLocked,
    StoreNotFound,
)
from storage.keys import (
    KeyLocation,
    KeySlot,
    WrappingKey,
    keyring_works,
    new_store_key,
    unlock,
)
from storage.models import RECORD_TABLES
from storage.settings import get_setting as _setting
from storage.settings import put_setting as _set_setting
from storage.store_sync import SyncSide
from storage.timeline import HistoryEntry
from sync.protocol import (
    AuditEntry,
    Record,
)
from sync.schema import KINDS, SchemaError, kind_spec, validate_fields

# Kept by the store itself; `set_setting` may not touch them.
RESERVED_SETTINGS = frozenset({access_log.HEAD_SETTING, unknown.MARK_SETTING})
_NEXT_SLOT = "next"  # where a rekey keeps the new wrapped key until it is done


def _db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


class CaseStore(SyncSide):
    """An unlocked store. Make one with `CaseStore.create` or `CaseStore.open`; its sync
    methods are in `storage.store_sync`."""

    def __init__(self, data_dir: Path, db: Database, wrapping: WrappingKey | None,
                 key_location: KeyLocation | None) -> None:
        self.data_dir = Path(data_dir)
        self._db = db
        self._wrapping = wrapping
        self.key_location = key_location

    # -- making, unlocking and locking -----------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return _db_path(data_dir).exists()

    @classmethod
    def create(cls, data_dir: Path, passphrase: str) -> CaseStore:
        data_dir = Path(data_dir)
        if not passphrase:
            raise StoreError("the passphrase may not be empty")
        if cls.exists(data_dir):
            raise StoreExists("there is already a store in this data folder")
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = new_store_key()
        wrapping = WrappingKey.derive(passphrase)
        # Made 0600 before SQLite sees it; its -wal and -shm inherit that mode.
        os.close(os.open(_db_path(data_dir), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        db = Database(_db_path(data_dir), key)
        try:
            with db.write() as conn:
                migrations.upgrade(conn)
                _set_setting(conn, unknown.MARK_SETTING, unknown.registry_mark())
            location = KeySlot(data_dir).save(wrapping.wrap(key))
        except BaseException:
            # Half a store would refuse every later `init`: leave nothing behind.
            db.close()
            for path in _store_files(data_dir):
                path.unlink(missing_ok=True)
            raise
        finally:
            _zero(key)
        return cls(data_dir, db, wrapping, location)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> CaseStore:
        """Unlock with the passphrase: WrongPassphrase changes no file."""
        data_dir = Path(data_dir)
        if not cls.exists(data_dir):
            raise StoreNotFound("there is no store in this data folder")
        slot, nxt = KeySlot(data_dir), KeySlot(data_dir, _NEXT_SLOT)
        found = slot.load()
        if found is None:
            raise KeyUnavailable("the wrapped key of this store is missing")
        blob, location = found
        key, wrapping = unlock(passphrase, blob)
        try:
            db = cls._open_database(data_dir, key)
        except CorruptStore:
            # A rekey may have stopped between `PRAGMA rekey` and saving its new key.
            pending = nxt.load()
            if pending is None:
                raise
            _zero(key)
            key, wrapping = unlock(passphrase, pending[0])
            db = cls._open_database(data_dir, key)
            location = slot.save(pending[0], prefer=location)
        nxt.remove()
        _zero(key)
        if location == "file" and keyring_works():
            # A keyring that works now is the better place; the file goes once it holds the key.
            location = slot.save(slot.load()[0])  # type: ignore[index]
        return cls(data_dir, db, wrapping, location)

    @staticmethod
    def _open_database(data_dir: Path, key: bytearray) -> Database:
        # The quick checks only: connecting reads the schema through the key (a wrong key or
        # an unreadable header fails here, which the rekey recovery above relies on) and the
        # migration revision. The full page check reads the whole file, so it grows with the
        # store; the window runs it after it shows (`damaged_pages`).
        db = Database(_db_path(data_dir), key)
        try:
            with db.read() as conn:
                current = migrations.current_revision(conn)
                mark = _setting(conn, unknown.MARK_SETTING) if current is not None else None
            if current != migrations.HEAD or mark != unknown.registry_mark():
                with db.write() as conn:
                    if current != migrations.HEAD:
                        migrations.upgrade(conn)
                    # A release that knows more than the last one takes in what that one
                    # kept for it (storage/unknown.py).
                    unknown.adopt(conn)
                    _set_setting(conn, unknown.MARK_SETTING, unknown.registry_mark())
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def wipe(data_dir: Path) -> None:
        """Remove the database, its WAL and SHM, and the wrapped key (keyring and file)."""
        data_dir = Path(data_dir)
        for slot in (KeySlot(data_dir), KeySlot(data_dir, _NEXT_SLOT)):
            slot.remove()
        for path in _store_files(data_dir):
            path.unlink(missing_ok=True)

    @staticmethod
    def change_passphrase(data_dir: Path, old: str, new: str) -> None:
        """Re-wrap the key under a new passphrase; the database bytes stay the same."""
        data_dir = Path(data_dir)
        if not new:
            raise StoreError("the passphrase may not be empty")
        if not CaseStore.exists(data_dir):
            raise StoreNotFound("there is no store in this data folder")
        slot = KeySlot(data_dir)
        found = slot.load()
        if found is None:
            raise KeyUnavailable("the wrapped key of this store is missing")
        key, old_wrapping = unlock(old, found[0])
        old_wrapping.forget()
        new_wrapping = WrappingKey.derive(new)
        # The key of an unfinished rekey must follow the passphrase too.
        nxt = KeySlot(data_dir, _NEXT_SLOT)
        pending = nxt.load()
        if pending is not None:
            next_key, _ = unlock(old, pending[0])
            nxt.save(new_wrapping.wrap(next_key), prefer=pending[1])
            _zero(next_key)
        slot.save(new_wrapping.wrap(key), prefer=found[1])
        new_wrapping.forget()
        _zero(key)

    def check_passphrase(self, passphrase: str) -> None:
        """WrongPassphrase unless `passphrase` unlocks this store: the same unwrapping as
        `open` (Argon2id, so call it off the UI thread), with nothing changed or kept."""
        self._require_wrapping()
        found = KeySlot(self.data_dir).load()
        if found is None:
            raise KeyUnavailable("the wrapped key of this store is missing")
        key, wrapping = unlock(passphrase, found[0])
        wrapping.forget()
        _zero(key)

    def rekey(self) -> None:
        """Re-encrypt the database under a new random key; the old key no longer opens it."""
        wrapping = self._require_wrapping()
        key = new_store_key()
        nxt = KeySlot(self.data_dir, _NEXT_SLOT)
        nxt.save(wrapping.wrap(key), prefer=self.key_location)
        with self._db.exclusive() as raw:
            raw.execute(key_pragma(key, "rekey"))
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.replace_key(key)
        self.key_location = KeySlot(self.data_dir).save(
            wrapping.wrap(key), prefer=self.key_location
        )
        nxt.remove()
        _zero(key)

    def damaged_pages(self) -> int:
        """How many pages of the file fail their HMAC check (0: the store is whole)."""
        return self._db.damaged_pages()

    def close(self) -> None:
        """Lock: close every connection and drop the key from memory."""
        self._db.close()
        if self._wrapping is not None:
            self._wrapping.forget()
            self._wrapping = None

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require_wrapping(self) -> WrappingKey:
        if self._wrapping is None:
            raise StoreLocked("the store is locked")
        return self._wrapping

    # -- transactions ----------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._db.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._db.write() as conn:
            yield conn

    def _who(self, conn: Connection) -> tuple[str | None, str | None]:
        user = _setting(conn, "user")
        user_id = user.get("id") if isinstance(user, dict) else None
        return user_id, _setting(conn, "device_id")

    # -- records ---------------------------------------------------------------------

    def create_record(
        self, kind: str, fields: Mapping[str, Any], *, case_id: str | None = None,
        record_id: str | None = None,
    ) -> Record:
        return self.create_records([(kind, fields, case_id, record_id)])[0]

    def create_records(
        self,
        items: Iterable[tuple[str, Mapping[str, Any], str | None, str | None]],
    ) -> list[Record]:
        """Create many records in one transaction: (kind, fields, case_id, record_id) each.

        The same path as `create_record` (validation, outbox, timeline, access log), written
        with one statement per table.
        """
        prepared = creation.prepare(items)
        if not prepared:
            return []
        stamp = records.now()
        with self._write() as conn:
            user_id, device_id = self._who(conn)
            new_cases = {record_id for kind, record_id, _, _ in prepared if kind == "case"}
            self._check_cases(conn, {case_id for _, _, case_id, _ in prepared} - new_cases)
            try:
                return creation.write(conn, prepared, user_id=user_id, device_id=device_id,
                                      stamp=stamp)
            except sa_exc.IntegrityError:
                raise RecordExists("a record with one of these ids exists already") from None

    def update_record(self, record_id: str, changes: Mapping[str, Any]) -> Record:
        stamp = records.now()
        with self._write() as conn:
            current = self._live(conn, record_id)
            _check_mutable(current.kind)
            clean = validate_fields(current.kind, changes)
            edited = {k: v for k, v in clean.items() if current.fields.get(k) != v}
            if not edited:
                return current
            for name in kind_spec(current.kind).required & edited.keys():
                if edited[name] is None:
                    raise SchemaError("missing_field", f"{current.kind}.{name} may not be null")
            user_id, device_id = self._who(conn)
            updated = current.model_copy(update={
                "fields": {**current.fields, **edited}, "updated_by": user_id,
                "updated_at": stamp,
            })
            table = RECORD_TABLES[current.kind]
            conn.execute(update(table).where(table.c.id == record_id).values(
                **edited, updated_by=user_id, updated_at=stamp))
            outbox.record_change(
                conn, record_id=record_id, kind=current.kind, case_id=current.case_id,
                base_rev=current.rev, old=current.fields, new=edited,
            )
            timeline.add(conn, [{"at": stamp, "case_id": current.case_id,
                                 "record_id": record_id, "kind": current.kind,
                                 "action": "update", "changes": edited, "by": user_id,
                                 "source": "local"}])
            access_log.append(conn, "edit", user_id=user_id, device_id=device_id,
                              case_id=current.case_id, record_id=record_id,
                              detail=f"update {current.kind}: {','.join(sorted(edited))}")
        return updated

    def delete_record(self, record_id: str) -> None:
        stamp = records.now()
        with self._write() as conn:
            current = self._live(conn, record_id)
            _check_mutable(current.kind)
            user_id, device_id = self._who(conn)
            table = RECORD_TABLES[current.kind]
            conn.execute(update(table).where(table.c.id == record_id).values(
                deleted=True, updated_by=user_id, updated_at=stamp))
            # A record the service has never seen needs no tombstone there.
            if not (current.rev == 0 and outbox.drop_pending(conn, record_id)):
                outbox.record_change(
                    conn, record_id=record_id, kind=current.kind, case_id=current.case_id,
                    base_rev=current.rev, old=current.fields, new={}, delete=True,
                )
            timeline.add(conn, [{"at": stamp, "case_id": current.case_id,
                                 "record_id": record_id, "kind": current.kind,
                                 "action": "delete", "changes": {}, "by": user_id,
                                 "source": "local"}])
            access_log.append(conn, "edit", user_id=user_id, device_id=device_id,
                              case_id=current.case_id, record_id=record_id,
                              detail=f"delete {current.kind}")

    def restore_record(self, record_id: str) -> Record:
        """Undo `delete_record` while the service has not seen the delete: the tombstone
        becomes the record it was, and the outbox holds what it held before the delete (the
        create again for a record the service never saw, the edits still to send otherwise).
        A delete that has been sent cannot be taken back this way (RecordNotFound): the
        protocol has no way back from a tombstone."""
        stamp = records.now()
        with self._write() as conn:
            current = records.load(conn, record_id)
            if current is None or not current.deleted:
                raise RecordNotFound("no such deleted record")
            o = outbox.T
            entries = conn.execute(
                select(o.c.seq, o.c.base, o.c.delete, o.c.state)
                .where(o.c.record_id == record_id).order_by(o.c.seq)
            ).all()
            if current.rev == 0 and not entries:
                # Made and removed before any sync: the create was dropped, so it is again.
                outbox.record_change(
                    conn, record_id=record_id, kind=current.kind, case_id=current.case_id,
                    base_rev=0, old={}, creating=True,
                    new={k: v for k, v in current.fields.items() if v is not None},
                )
            else:
                last = entries[-1] if entries else None
                if last is None or not last.delete or last.state != outbox.PENDING:
                    raise RecordNotFound("the delete has been sent to the service already")
                edited = {name: current.fields.get(name) for name in last.base}
                if edited:
                    conn.execute(update(o).where(o.c.seq == last.seq).values(
                        set=edited, delete=False))
                else:
                    conn.execute(o.delete().where(o.c.seq == last.seq))
            user_id, device_id = self._who(conn)
            table = RECORD_TABLES[current.kind]
            conn.execute(update(table).where(table.c.id == record_id).values(
                deleted=False, updated_by=user_id, updated_at=stamp))
            timeline.add(conn, [{"at": stamp, "case_id": current.case_id,
                                 "record_id": record_id, "kind": current.kind,
                                 "action": "create", "changes": {}, "by": user_id,
                                 "source": "local"}])
            access_log.append(conn, "edit", user_id=user_id, device_id=device_id,
                              case_id=current.case_id, record_id=record_id,
                              detail=f"restore {current.kind}")
        return current.model_copy(update={"deleted": False, "updated_by": user_id,
                                          "updated_at": stamp})

    def get_record(self, record_id: str) -> Record | None:
        with self._read() as conn:
            return records.load(conn, record_id)

    def list_records(
        self, kind: str | None = None, case_id: str | None = None,
        include_deleted: bool = False,
    ) -> list[Record]:
        kinds = [kind_spec(kind).name] if kind is not None else list(KINDS)
        out: list[Record] = []
        with self._read() as conn:
            for k in kinds:
                table = RECORD_TABLES[k]
                query = select(table).order_by(table.c.updated_at, table.c.id)
                if case_id is not None:
                    query = query.where(table.c.case_id == case_id)
                if not include_deleted:
                    query = query.where(table.c.deleted.is_(False))
                out += [records.row_to_record(k, row) for row in conn.execute(query)]
        return out

    def list_cases(
        self, search: str | None = None, status: str | None = None,
        order: CaseOrder = "updated",
    ) -> list[CaseSummary]:
        with self._read() as conn:
            return case_list.list_cases(conn, search, status, order)

    def monitor(self, today: dt.date | None = None) -> monitor_figures.Figures:
        """The team lead's monitor over their teams' cases; refuses anyone else."""
        with self._read() as conn:
            teams = monitor_figures.team_ids_of_lead(_setting(conn, "user"))
            return monitor_figures.figures(conn, teams, today or dt.date.today())

    def monitor_cases(self, figure: str, key: Any,
                      today: dt.date | None = None) -> list[tuple[str, str]]:
        """The cases behind one of the monitor's figures (team lead only)."""
        with self._read() as conn:
            teams = monitor_figures.team_ids_of_lead(_setting(conn, "user"))
            return monitor_figures.cases_behind(conn, teams, figure, key,
                                                today or dt.date.today())

    def matching_case_ids(self, search: str) -> set[str]:
        """The ids of the cases `list_cases(search=search)` lists."""
        with self._read() as conn:
            return case_list.matching_ids(conn, search)

    def history(self, case_id: str) -> list[HistoryEntry]:
        with self._read() as conn:
            return timeline.entries(conn, case_id)

    def _live(self, conn: Connection, record_id: str) -> Record:
        record = records.load(conn, record_id)
        if record is None or record.deleted:
            raise RecordNotFound("no such record (or it was deleted)")
        return record

    def _check_cases(self, conn: Connection, case_ids: set[str]) -> None:
        if not case_ids:
            return
        table = RECORD_TABLES["case"]
        found = set(conn.execute(select(table.c.id).where(
            table.c.id.in_(list(case_ids)), table.c.deleted.is_(False))).scalars())
        if found != case_ids:
            raise RecordNotFound("no such case (or it was deleted)")

    # -- settings, access log, status ------------------------------------------------

    def get_setting(self, name: str) -> Any:
        with self._read() as conn:
            return _setting(conn, name)

    def set_setting(self, name: str, value: Any) -> None:
        if name in RESERVED_SETTINGS or not name:
            raise StoreError(f"the setting {name!r} is not for outside use")
        with self._write() as conn:
            _set_setting(conn, name, value)

    def log_access(self, action: str, case_id: str | None = None,
                   record_id: str | None = None, detail: str | None = None) -> AuditEntry:
        with self._write() as conn:
            user_id, device_id = self._who(conn)
            return access_log.append(conn, action, user_id=user_id, device_id=device_id,
                                     case_id=case_id, record_id=record_id, detail=detail)

    def log_access_cases(self, action: str, case_ids: Iterable[str],
                         detail: str | None = None) -> None:
        """One access-log entry per case, in one transaction (an export of many cases)."""
        with self._write() as conn:
            user_id, device_id = self._who(conn)
            access_log.append_many(conn, [
                {"action": action, "case_id": case_id, "detail": detail}
                for case_id in dict.fromkeys(case_ids)
            ], user_id=user_id, device_id=device_id)

    def access_log(self, case_id: str | None = None) -> list[AuditEntry]:
        with self._read() as conn:
            return access_log.entries(conn, case_id)

    def verify_access_log(self) -> access_log.ChainCheck:
        with self._read() as conn:
            return access_log.verify(conn)

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                kind: conn.execute(select(func.count()).select_from(table)
                                   .where(table.c.deleted.is_(False))).scalar_one()
                for kind, table in RECORD_TABLES.items()
            }

    def status(self) -> dict[str, Any]:
        counts = self.counts()
        with self._read() as conn:
            state = {
                "counts": counts,
                "pending_changes": outbox.count(conn),
                "rejected_changes": rejected.count(conn),
                "open_conflicts": conflict_inbox.count_open(conn),
                "key_location": self.key_location,
                "last_sync": _setting(conn, "last_sync"),
                "schema_revision": migrations.current_revision(conn),
            }
        if self.key_location == "file":
            state["key_warning"] = (
                "no working OS keyring: the wrapped key is kept in a 0600 file in the data folder"
            )
        return state


def _store_files(data_dir: Path) -> list[Path]:
    db = _db_path(data_dir)
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def _check_mutable(kind: str) -> None:
    # The service would refuse the change anyway; refusing here keeps it out of the outbox.
    if kind_spec(kind).immutable:
        raise SchemaError("immutable", f"a {kind} is never changed or deleted once made")


def _check_uuid(value: str) -> None:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise SchemaError("invalid_value", "a record id must be a UUID") from None


def _zero(key: bytearray) -> None:
    for i in range(len(key)):
        key[i] = 0


__all__ = ["CaseStore", "CaseSummary", "HistoryEntry"]
