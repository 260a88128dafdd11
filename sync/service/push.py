"""Applying pushed changes: who may, the merge rules 1-5 of design.md, conflicts, the log.

A push runs in one transaction that takes the row lock of `rev_counter` (records.lock_revs)
and hands out revs from it. Text merges are computed before that, with no lock held
(premerge.py). Holding that lock until commit serialises the writes (so two changes to one
record cannot both merge against the same old value) and makes revs commit in order, which
the pull cursor relies on (pull.py).

On PostgreSQL a push goes ahead of the lock (push_ahead.py; docs/protocol.md, "Push under
load"): it reads, checks and merges with provisional revs outside any transaction, then
sends one message (push_commit.py) that takes the lock, checks that the records and cases
it read still have the revs it read and that none of its change ids was stored meanwhile,
writes everything with the revs moved to their real values, and commits: no round trip
falls inside the lock. Should anything have changed, it starts again the old way, lock
first. Either way every rev is handed out and committed under the lock, so revs still
commit in order.

On SQLite the locked part of the pushes of the moment runs in one transaction, each push
in a savepoint of its own (db.write, group_commit.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.merge import MergeOutcome, merge_against_deleted, merge_change, merge_delete
from sync.protocol import Change, Conflict, ErrorDetail, Record, Result
from sync.service import access_log, applied, push_commit
from sync.service.access_log import AccessEvent
from sync.service.bulk import insert_rows, update_rows
from sync.service.db import autocommit_connection, write
from sync.service.models import (
    AppliedChange,
    CaseAccess,
    ConflictRow,
    RecordRow,
)
from sync.service.premerge import PreparedMerges
from sync.service.push_ahead import PROVISIONAL, Stale, expected, may_go_ahead, move_revs
from sync.service.push_checks import (
    Rejected,
    authorise,
    check_ids,
    check_required_kept,
    prevalidate,
    validate,
    well_formed_ids,
)
from sync.service.push_commit import Writes
from sync.service.push_reads import HeldRecord, read_ahead, read_locked
from sync.service.records import (
    access_values,
    field_rev,
    hold_cases,
    lock_revs,
    note_write,
    shared_ids,
    store_revs,
    to_conflict,
    to_record,
    utcnow,
    write_case_shares,
)
from sync.service.visibility import Viewer, may_see, sees_case

# The tables, not the ORM classes, for the batch's bulk INSERTs (bulk.py): the ORM's bulk
# path costs more per row than the insert itself, and nothing needs these rows as objects.
_RECORDS = RecordRow.__table__
_APPLIED = AppliedChange.__table__
# The columns a push that goes ahead of the lock writes of a changed record, a conflict and
# a case's `case_access` row (push_commit.py).
_RECORD_VALUES = ("id", "rev", "deleted", "fields", "field_revs", "updated_by", "updated_at")
_CONFLICT_VALUES = tuple(c.name for c in ConflictRow.__table__.columns)
_ACCESS_VALUES = tuple(c.name for c in CaseAccess.__table__.columns)

# Fields that move a case out of someone's view: never covered by the held-case rule.
VISIBILITY_FIELDS = frozenset({"team_id", "contact_worker_id", "shared_with", "status",
                               "closed_on"})


@dataclass
class NewRecord:
    """A record this push creates: the attributes of a RecordRow, kept out of the ORM and
    written with the batch's other new records in one INSERT (a later change of it in the
    same push changes the object, so the INSERT holds its final state)."""

    id: str  # the attributes are the columns: `vars()` is the row to insert
    kind: str
    case_id: str
    rev: int
    deleted: bool
    fields: dict[str, Any]
    updated_by: str | None
    updated_at: dt.datetime
    field_revs: dict[str, int] | None = None


@dataclass(frozen=True)
class PushContext:
    viewer: Viewer
    retention_days: int


def push(factory: sessionmaker[Session], ctx: PushContext, changes: list[Change],
         read_factory: sessionmaker[Session] | None = None,
         connection: psycopg.Connection[Any] | None = None) -> list[Result]:
    """Apply `changes` in order, in one transaction, each change on its own.

    Every check of a change runs before its first write, so a refused change leaves
    nothing behind and the rest of the batch goes on. Should the commit itself fail,
    nothing of the batch is kept and the laptop sends it again (the change ids make that
    safe).

    What needs no data of the service (the schema checks, the text merges against what the
    records held a moment ago) is done before the lock, in a read-only transaction of
    `read_factory` when given: on SQLite a write transaction would take the database's
    write lock twice per push, and under the lock every pusher waits (issue 15).

    `connection`: on PostgreSQL, a pooled connection in autocommit the caller holds
    already (db.autocommit_connection), for the reads and the message of a push that goes
    ahead of the lock; without it the push takes one of its own.
    """
    if not changes:
        return []
    # Each id of the batch is checked here, once; from here on it is a set lookup.
    ids = well_formed_ids(changes)
    merges = PreparedMerges.prepare(read_factory or factory, changes, ids)  # premerge.py
    checked = {id(change): prevalidate(change) for change in changes}
    if may_go_ahead(factory, changes):
        try:
            return _push(factory, ctx, changes, merges, checked, ids, ahead=True,
                         connection=connection)
        except Stale:
            pass  # something it read changed before it took the lock: again, lock first
    return _push(factory, ctx, changes, merges, checked, ids, ahead=False)


def _push(factory: sessionmaker[Session], ctx: PushContext, changes: list[Change],
          merges: PreparedMerges, checked: dict[int, dict[str, Any] | Rejected],
          ids: frozenset[str], *, ahead: bool,
          connection: psycopg.Connection[Any] | None = None) -> list[Result]:
    if ahead:
        # Its reads need no transaction (each statement sees at least what the one before
        # saw, as in READ COMMITTED; the recheck under the lock stands for the rest), and
        # its writes are one message that is a transaction of its own (push_commit.py).
        # Its reads and its message go over a plain connection (push_reads.py,
        # push_commit.py); the session, never flushed, only carries the ORM objects of the
        # checks and answers the rare query of a case the push did not name.
        held = (nullcontext(connection) if connection is not None
                else autocommit_connection(factory.kw["bind"]))
        with held as plain, factory() as session, session.no_autoflush:
            return _run(_Batch(session, ctx, changes, merges, checked, ids=ids,
                               connection=plain), changes)

    def locked(session: Session) -> list[Result]:
        with session.no_autoflush:
            # No flush before every query: the batch flushes where a query must see its writes.
            return _run(_Batch(session, ctx, changes, merges, checked, ids=ids), changes)

    # On SQLite together with the other pushes of the moment (db.write, group_commit.py).
    return write(factory, locked, len(changes))


def _run(batch: _Batch, changes: list[Change]) -> list[Result]:
    results = [batch.apply(change) for change in changes]
    batch.finish(results)
    return results


def apply_one(factory: sessionmaker[Session], ctx: PushContext, change: Change) -> Result:
    return push(factory, ctx, [change])[0]


class _Batch:
    """The state of one push: revs, the records it touches, log entries, results so far."""

    def __init__(self, session: Session, ctx: PushContext, changes: list[Change],
                 merges: PreparedMerges | None = None,
                 checked: dict[int, dict[str, Any] | Rejected] | None = None,
                 *, ids: frozenset[str], connection: psycopg.Connection[Any] | None = None
                 ) -> None:
        self.session = session
        # Going ahead of the lock: the connection its reads and its message go over.
        self.connection = connection
        ahead = connection is not None
        # The batch's change, record and case ids that are UUIDs (push_checks.py).
        self.ids = ids
        self.ahead = ahead
        self.ctx = ctx
        self.merges = merges or PreparedMerges()
        self.checked = checked or {}  # id(change) -> its fields checked, or why refused
        self.events: list[AccessEvent] = []
        self.done: dict[str, Result] = {}
        # The stored results, written in one statement at the end: nothing in the push reads
        # them back (an id sent twice in one push is answered from `done`).
        self.applied: list[tuple[Change, Result]] = []
        # change id -> what the stored result keeps of a record its answer leaves out.
        self.sent_as_is: dict[str, dict[str, Any]] = {}
        self.conflicts: list[ConflictRow] = []
        self._held: set[str] = set()
        self.to_hold: dict[str, int] = {}
        self.decided: dict[str, RecordRow] = {}  # plan_version id -> the plan it decides on
        # Per record, the revs at which this device's earlier changes in this push wrote it.
        self.own_revs: dict[str, set[int]] = {}
        # The counter's row lock first: everything read after it is at least as new as
        # every push committed before this one (see records.lock_revs). Going ahead, the
        # lock waits for `finish`, which checks that what was read still holds.
        self.first_rev = self.rev = PROVISIONAL if ahead else lock_revs(session) + 1
        change_ids = sorted({c.change_id for c in changes if c.change_id in self.ids})
        self.change_ids = change_ids
        # The batch's records and its cases' records, read before the cases' `case_access`
        # rows (or with them): a case's row changes only with its record's rev, so their
        # revs as read here are what `finish` checks again under the lock.
        case_ids = sorted({c.case_id for c in changes if c.case_id in self.ids})
        record_ids = sorted({c.record_id for c in changes if c.record_id in self.ids})
        self.read_ids = sorted({*record_ids, *case_ids})
        self.new: dict[str, NewRecord] = {}  # not yet written
        # Changed, not yet written (`wrote`); read ahead of the lock, plain HeldRecords.
        self.changed: dict[str, RecordRow | HeldRecord] = {}
        # The new shares of the cases this push writes (case id -> user ids), written at
        # the end with the `case_access` rows: nothing in the push reads them back.
        self._shares: dict[str, list[str]] = {}
        asked = {"change_ids": change_ids, "record_ids": self.read_ids, "case_ids": case_ids}
        reads = (read_ahead(connection, ctx.viewer, ctx.retention_days, **asked)
                 if connection is not None
                 else read_locked(session, ctx.viewer, ctx.retention_days, **asked))
        self.stored = reads.stored
        self.read_revs = {r.id: r.rev for r in reads.records}
        wanted = set(record_ids)
        self.records: dict[str, RecordRow | HeldRecord | NewRecord] = {
            r.id: r for r in reads.records if r.id in wanted}
        # None: the case is not on the service yet. A case this push writes is asked again
        # of its new values in `mirror`, without the database.
        self._access = {c: reads.access.get(c) for c in case_ids}
        self._sees = {c: c in reads.visible for c in case_ids}
        # The cases this device held when the push began, and whether a pull has told it to
        # purge them since (revoked_rev): the held-case rule asks this of every change of a
        # case out of view.
        self._device_cases = reads.held

    def _insert_new(self) -> list[str]:
        """INSERT the new records not yet written, in one go; their ids."""
        ids = list(self.new)
        insert_rows(self.session, _RECORDS, [vars(r) for r in self.new.values()])
        self.new = {}
        return ids

    def next_rev(self) -> int:
        self.rev += 1
        return self.rev - 1

    def write_new(self) -> None:
        """Write the new records now, for a query that must see them; from here on they
        are ORM rows like the others."""
        ids = self._insert_new()
        if not ids:
            return
        for row in self.session.scalars(select(RecordRow).where(RecordRow.id.in_(ids))):
            self.records[row.id] = row

    def wrote(self, row: RecordRow | HeldRecord | NewRecord) -> None:
        """Note a write of a record: a new one is written with the others at the end anyway;
        one the service holds goes into the push's one UPDATE (`write_changed`)."""
        if not isinstance(row, NewRecord):
            self.changed[row.id] = row

    def write_changed(self) -> None:
        """The records the push changed, in one statement (bulk.update_rows), rather than
        one UPDATE each from the session's flush: they leave the session, and the flush."""
        rows = list(self.changed.values())
        update_rows(self.session, _RECORDS, "id", [
            {"id": r.id, "rev": r.rev, "deleted": r.deleted, "fields": r.fields,
             "field_revs": r.field_revs, "updated_by": r.updated_by,
             "updated_at": r.updated_at} for r in rows])
        for row in rows:
            self.session.expunge(row)
        self.changed = {}

    def finish(self, results: list[Result]) -> None:
        now = utcnow()
        stored = [(result, {
            "change_id": change.change_id, "user_id": self.ctx.viewer.user_id,
            "device_id": self.ctx.viewer.device_id,
            "result": applied.stored_form(result, self.sent_as_is.get(change.change_id)),
            "created_at": now,
        }) for change, result in self.applied]
        events = access_log.per_case(self.events)
        if self.ahead:
            self._commit_ahead([row for _, row in stored], events, results, now)
            return
        if self.rev > self.first_rev:
            store_revs(self.session, self.rev - 1)
        self._insert_new()
        self.write_changed()
        self.write_holds()
        self.session.flush()  # the changed and new `case_access` rows, and conflicts
        write_case_shares(self.session, self._shares)
        for result, row in stored:
            row["result"]["rev"] = result.rev
        insert_rows(self.session, _APPLIED, [row for _, row in stored])
        access_log.append(self.session, events)

    def _commit_ahead(self, stored: list[dict[str, Any]], events: list[AccessEvent],
                      results: list[Result], now: dt.datetime) -> None:
        """Everything the push writes, made here with its provisional revs, then the lock,
        the recheck, the writes and the commit in one message (push_commit.py). The
        session wrote nothing: what it holds is dropped with it."""
        device_id = self.ctx.viewer.device_id
        writes = Writes(
            count=self.rev - self.first_rev,
            expected=expected(self, self.new, {row["change_id"] for row in stored}),
            new=[vars(r) for r in self.new.values()],
            changed=[{c: getattr(r, c) for c in _RECORD_VALUES} for r in self.changed.values()],
            conflicts=[{c: getattr(r, c) for c in _CONFLICT_VALUES} for r in self.conflicts],
            access=[{c: getattr(self._access[case_id], c) for c in _ACCESS_VALUES}
                    for case_id in self._shares],
            shares=self._shares,
            holds=[{"device_id": device_id, "case_id": case_id, "since_rev": rev}
                   for case_id, rev in self.to_hold.items()
                   if case_id not in self._device_cases],
            applied=stored, applied_by=(self.ctx.viewer.user_id, device_id, now),
            log=access_log.entries(events),
        )
        assert self.connection is not None
        first = push_commit.send(self.connection, writes)
        move_revs(self, first - PROVISIONAL, results)

    def access(self, case_id: str) -> CaseAccess | None:
        if case_id not in self._access:
            self._access[case_id] = self.session.get(CaseAccess, case_id)
        return self._access[case_id]

    def mirror(self, case_id: str, fields: dict[str, Any]) -> None:
        """Keep `case_access` and `case_shares` equal to the case record's deciding fields
        (records.mirror_case_access, for a whole push): the row changes in the session and
        goes to the database at the end with the others; whether the viewer still sees the
        case is decided here from the new values (visibility.sees_case)."""
        access = self.access(case_id)
        values = access_values(access, fields)
        if access is None:
            access = CaseAccess(case_id=case_id, **values)
            self.session.add(access)
            self._access[case_id] = access
        else:
            for name, value in values.items():
                setattr(access, name, value)
        self._shares[case_id] = shared_ids(fields)
        self._sees[case_id] = sees_case(
            self.ctx.viewer, access, self._shares[case_id], self.ctx.retention_days)

    def hold(self, case_id: str, rev: int) -> None:
        """The device holds what it wrote, so a pull tells it to purge a case that is out of
        its view (created for a colleague, say), not only cases it once pulled."""
        if case_id in self._held:
            return
        self._held.add(case_id)
        self.to_hold[case_id] = rev  # written with the others, before any query of them

    def _held_since(self, case_id: str, rev: int) -> int:
        """The `since_rev` of a case this push holds: 0 for a case it created, as nothing of
        a case is older than its creation, so no pull has older records of it to send
        again; a thousand new cases made offline were looked up again on every page of
        their echo (issue 15). A case that existed already is held from this write, and
        the device's next pull sends it whole."""
        created = self.new.get(case_id)
        return 0 if created is not None and created.kind == "case" else rev

    def write_holds(self) -> None:
        # A case the device held when the push began has its row (whose `since_rev` stands,
        # see records.hold_cases): nothing to add, and no statement under the lock.
        hold_cases(self.session, self.ctx.viewer.device_id, {
            case_id: rev for case_id, rev in self.to_hold.items()
            if case_id not in self._device_cases})
        self.to_hold = {}

    def sees(self, case_id: str) -> bool:
        if case_id not in self._sees:
            # A case the batch did not name (a record that exists in another case): the
            # database has it as it was, as the batch changed no case it did not name.
            self._sees[case_id] = may_see(
                self.session, self.ctx.viewer, case_id, self.ctx.retention_days
            )
        return self._sees[case_id]

    def still_holds(self, change: Change) -> bool:
        """The held-case rule (docs/protocol.md): a device that holds a case may still push
        ordinary edits of it after it lost sight of it, until a pull has told it to purge the
        case, so an edit made while the worker could see the case is not lost."""
        if change.kind == "case" and (change.delete or VISIBILITY_FIELDS & change.set.keys()):
            return False
        if change.case_id in self._device_cases:
            return self._device_cases[change.case_id] is None
        # Held since this push wrote into it (its row is added at the end, unless one was
        # there already, which the branch above answered).
        return change.case_id in self._held

    def apply(self, change: Change) -> Result:
        viewer = self.ctx.viewer
        if change.change_id not in self.ids:
            # Not stored (it could not be found again by a malformed id); refused and logged.
            self.log(change, "push.rejected", "invalid_id")
            return _rejected(change, "invalid_id", "change_id must be a UUID")
        if change.change_id in self.done:
            self.log(change, "push.duplicate", None)
            return self.done[change.change_id].model_copy(update={"status": "duplicate"})
        stored = self.stored.get(change.change_id)
        if stored is not None:
            if stored.user_id != viewer.user_id:
                # Never hand one user's stored result (it holds case data) to another.
                self.log(change, "push.rejected", "change_id_taken")
                return _rejected(
                    change, "change_id_taken", "this change id belongs to another user"
                )
            self.log(change, "push.duplicate", None)
            if applied.stored_writer(stored.result) == viewer.user_id:
                self._note_own_rev(change, int(stored.result.get("rev") or 0))
            current = self.records.get(change.record_id)
            now = (to_record(current) if current is not None and self.sees(current.case_id)
                   else None)
            return applied.answer_again(stored.result, change.change_id, now)
        try:
            result = _apply(self, change)
        except Rejected as exc:
            result = _rejected(change, exc.code, exc.message)
            current = self.records.get(change.record_id)
            if current is not None and self.sees(current.case_id):
                result.rev = current.rev
            self.log(change, "push.rejected", exc.code)
        else:
            detail = ",".join(sorted(change.set)) if not change.delete else "delete"
            self.log(change, f"push.{result.status}", detail)
            self.hold(change.case_id, self._held_since(change.case_id, result.rev))
            self._note_own(change, result)
        self.applied.append((change, result))
        self.done[change.change_id] = result
        return result

    def log(self, change: Change, action: str, detail: str | None) -> None:
        viewer = self.ctx.viewer
        self.events.append(AccessEvent(
            action=action, user_id=viewer.user_id, device_id=viewer.device_id,
            # A malformed id is never written: the log's columns hold ids, and only UUIDs.
            case_id=change.case_id if change.case_id in self.ids else None,
            record_id=change.record_id if change.record_id in self.ids else None,
            address=viewer.address, detail=detail,
        ))

    def _note_own(self, change: Change, result: Result) -> None:
        """A later change of the record in this push was made on top of this one (the
        laptop's outbox keeps their order), so its writes are no news to it. A rev handed
        out in this push is this change's write; a stored answer's rev is taken as its
        write when it names this user as the last writer (in `apply`)."""
        # A rev this push handed out is at least `first_rev`; a change that wrote nothing
        # (a delete of what the service never had, rule 2 on every field) has an older one.
        if result.error is None and result.rev >= self.first_rev:
            self._note_own_rev(change, result.rev)

    def _note_own_rev(self, change: Change, rev: int) -> None:
        self.own_revs.setdefault(change.record_id, set()).add(rev)


def _changed_since_base(batch: _Batch, change: Change, row: RecordRow | HeldRecord | NewRecord
                        ) -> frozenset[str]:
    """The fields of `change` that someone else changed on the service after its base_rev
    (the refinement of rule 3 in docs/protocol.md): their value may have come back to the
    base, but applying the change would silently undo the write in between."""
    own = batch.own_revs.get(row.id, set())
    return frozenset(
        name for name in change.set
        if (rev := field_rev(row, name)) > change.base_rev and rev not in own
    )


def _answer(change: Change, status: Any, rev: int, record: Record | None = None,
            conflicts: list[Conflict] | None = None, error: ErrorDetail | None = None
            ) -> Result:
    """A Result built without validation (every value is the service's own, checked when it
    was written: a push of 29,000 changes spent more on validating its answers than on
    writing them) and with every field given: a field left to its default costs pydantic an
    `inspect.signature` of its factory per call."""
    return Result.model_construct(
        change_id=change.change_id, status=status, rev=rev, record=record,
        conflicts=conflicts if conflicts is not None else [], error=error,
    )


def _rejected(change: Change, code: str, message: str) -> Result:
    return _answer(change, "rejected", 0,
                   error=ErrorDetail.model_construct(code=code, message=message))


def _apply(batch: _Batch, change: Change) -> Result:
    """Check, then write: every Rejected is raised before the first write."""
    session, ctx = batch.session, batch.ctx
    check_ids(change, batch.ids)
    if change.kind == "case" and change.record_id != change.case_id:
        raise Rejected("case_id_mismatch", "a case record's id must be its case id")
    row = batch.records.get(change.record_id)
    if row is not None and (row.kind != change.kind or row.case_id != change.case_id):
        raise Rejected("record_mismatch", "the record exists with another kind or case")
    incoming = validate(batch, change, creating=row is None)
    authorise(batch, change, row, incoming)
    outcome: MergeOutcome | None = None
    if row is not None:
        current = dict(row.fields)
        if row.deleted:
            if not change.delete:
                outcome = merge_against_deleted(current, incoming)
        elif change.delete:
            outcome = merge_delete(current, row.rev, change.base_rev)
        else:
            outcome = merge_change(change.kind, current, change.base, incoming, batch.merges,
                                   _changed_since_base(batch, change, row))
            if outcome.changed:
                check_required_kept(change.kind, outcome.fields)
    # From here on only writes.
    rev = batch.next_rev()
    now = utcnow()
    user = ctx.viewer.user_id

    if row is None:
        if change.delete:  # deleting what the service never had: nothing to do
            return _answer(change, "applied", 0)
        row = NewRecord(
            id=change.record_id, kind=change.kind, case_id=change.case_id, rev=rev,
            deleted=False, fields=incoming, updated_by=user, updated_at=now,
        )
        note_write(row, rev, every_field=True)
        batch.new[row.id] = row
        batch.records[row.id] = row
        if row.id in batch.decided:
            _record_decision(batch, batch.decided.pop(row.id), incoming, now)
        if change.kind == "case":
            batch.mirror(row.id, row.fields)
        if incoming == change.set:
            return _as_sent(batch, change, row.id, incoming, rev)
        return _answer(change, "applied", rev, to_record(row))

    if outcome is None:  # a delete of a record deleted already: nothing to do
        return _result(change, "applied", row, [])
    held_rev = row.rev  # the rev the record had before this change
    conflicts = [
        ConflictRow(
            id=str(uuid.uuid4()), record_id=row.id, case_id=row.case_id, kind=row.kind,
            field=c.field, base=c.base, kept=c.kept, incoming=c.incoming,
            kept_by=row.updated_by, incoming_by=user, created_at=now, resolved=False, rev=rev,
        )
        for c in outcome.conflicts
    ]
    session.add_all(conflicts)
    batch.conflicts += conflicts
    became_deleted = outcome.deleted and not row.deleted
    if outcome.changed or became_deleted:
        written = [n for n, o in outcome.outcomes.items() if n and o in ("applied", "merged")]
        note_write(row, rev, written)
        row.fields = outcome.fields
        row.deleted = outcome.deleted
        row.rev, row.updated_by, row.updated_at = rev, user, now
        batch.wrote(row)
        if row.kind == "case":
            batch.mirror(row.id, row.fields)
    if (outcome.status == "applied" and not conflicts and row.rev == rev and not row.deleted
            and change.base_rev == held_rev and outcome.fields == {**current, **change.set}):
        # Made on the rev the service still held: the laptop's copy was the service's.
        return _as_sent(batch, change, row.id, outcome.fields, rev)
    # Rule 2 on every field leaves status "applied" with the rev unchanged.
    return _result(change, outcome.status, row, conflicts)


def _as_sent(batch: _Batch, change: Change, record_id: str, fields: dict[str, Any],
             rev: int) -> Result:
    """A change taken as sent (a new record, or an edit on the rev the service held): the
    laptop holds these values, so the answer is the rev alone (design.md: `record` may be
    null) and its pull gets the writer and time as a stamp (docs/protocol.md, "The echo of
    a push"; building and sending the records back was most of 1,000 new cases' answer)."""
    batch.sent_as_is[change.change_id] = applied.hint(record_id, batch.ctx.viewer.user_id,
                                                      fields)
    return _answer(change, "applied", rev)


def _record_decision(
    batch: _Batch, plan: RecordRow, decision: dict[str, Any], now: Any
) -> None:
    """The plan takes the team lead's decision in the same transaction as its version."""
    plan.fields = {
        **plan.fields, "status": decision["decision"], "review_comment": decision.get("comment"),
        "reviewed_by": batch.ctx.viewer.user_id, "reviewed_at": decision.get("decided_at"),
    }
    rev = batch.next_rev()
    note_write(plan, rev, ("status", "review_comment", "reviewed_by", "reviewed_at"))
    plan.rev, plan.updated_by, plan.updated_at = rev, batch.ctx.viewer.user_id, now
    batch.records[plan.id] = plan
    batch.wrote(plan)
    viewer = batch.ctx.viewer
    batch.events.append(AccessEvent(  # a write of case data of its own (NEN 7513)
        action="push.applied", user_id=viewer.user_id, device_id=viewer.device_id,
        case_id=plan.case_id, record_id=plan.id, address=viewer.address,
        detail="plan_version decision: status,review_comment,reviewed_by,reviewed_at",
    ))


def _result(change: Change, status: Any, row: RecordRow | HeldRecord | NewRecord,
            conflicts: list[ConflictRow]) -> Result:
    return _answer(change, status, row.rev, to_record(row), [to_conflict(c) for c in conflicts])
