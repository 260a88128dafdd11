"""The tables of the local store: one mapped class per record kind, generated from the
registry in sync/schema.py (the fields are declared there and nowhere else), plus the
outbox, conflicts, queued resolutions, settings, the timeline and the access log.

Field columns carry the field's own name; list[str] values are stored as JSON, dates as
ISO 8601 text. The Alembic migrations in storage/migrations build exactly this schema
(a test compares the two).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeEngine

from sync.schema import KINDS, FieldSpec


class Base(DeclarativeBase):
    pass


def column_type(spec: FieldSpec) -> TypeEngine[Any]:
    """The SQL type a field of the registry is stored as."""
    return {
        "str": Text(),
        "text": Text(),
        "int": Integer(),
        "bool": Boolean(),
        "date": String(10),
        "list[str]": JSON(),
    }[spec.type]


class RecordRow:
    """The columns every record kind shares (design.md, "Domain model")."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Fields a newer release sent that this registry does not declare: kept as they came
    # and read back into `Record.fields`, so nothing a newer laptop wrote is lost here.
    unknown_fields: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


UNKNOWN_FIELDS = "unknown_fields"


def table_name(kind: str) -> str:
    return f"rec_{kind}"


# Columns that are no field: the store derives them. `rec_case.search` holds the folded
# family and person names the case list searches, kept by the triggers of migration 0007
# (never written by the application, never sent).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {"case": ("search",)}


def _record_class(kind: str) -> type[Base]:
    attrs: dict[str, Any] = {"__tablename__": table_name(kind)}
    if UNKNOWN_FIELDS in KINDS[kind].fields:
        raise AssertionError(f"{kind}.{UNKNOWN_FIELDS} would hide the column of unknown fields")
    for name, spec in KINDS[kind].fields.items():
        attrs[name] = mapped_column(name, column_type(spec), nullable=True)
    for name in DERIVED_COLUMNS.get(kind, ()):
        attrs[name] = mapped_column(name, Text, nullable=True)
    class_name = "".join(part.title() for part in kind.split("_")) + "Row"
    return type(class_name, (RecordRow, Base), attrs)


RECORD_CLASSES: dict[str, type[Base]] = {kind: _record_class(kind) for kind in KINDS}
RECORD_TABLES = {kind: cls.__table__ for kind, cls in RECORD_CLASSES.items()}

CaseRow = RECORD_CLASSES["case"]
PersonRow = RECORD_CLASSES["person"]
SafetyPlanRow = RECORD_CLASSES["safety_plan"]

# The case list searches person names per case and finds the next review date per case.
Index("ix_rec_safety_plan_case_review", RECORD_TABLES["safety_plan"].c.case_id,
      RECORD_TABLES["safety_plan"].c.deleted, RECORD_TABLES["safety_plan"].c.review_on)


class UnknownRecordRow(Base):
    """A record of a kind this release does not know (a newer laptop made it): kept as it
    came until a release that knows the kind moves it into its own table."""

    __tablename__ = "unknown_record"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    rev: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class OutboxEntry(Base):
    """One local change waiting for the service: the edit and the values it was made against.

    `state` is `pending` (may still absorb later edits), `in_flight` (handed to a push; sent
    again unchanged after a crash) or `rejected` (the service refused it; kept, not resent).
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    base_rev: Mapped[int] = mapped_column(Integer)
    base: Mapped[dict[str, Any]] = mapped_column(JSON)
    new: Mapped[dict[str, Any]] = mapped_column("set", JSON)
    delete: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    error_code: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))


class ConflictRow(Base):
    """A conflict the service reported (protocol `Conflict`), open until someone resolves it."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(Text, nullable=True)
    base: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept: Mapped[Any] = mapped_column(JSON, nullable=True)
    incoming: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    incoming_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class QueuedResolution(Base):
    """A conflict resolved on this laptop, waiting to be sent by the next sync."""

    __tablename__ = "queued_resolution"

    conflict_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    # The record's values before the choice, to show again should the service refuse it;
    # None when the worker's own unsent change carries the choice too (its push settles it).
    shown: Mapped[Any] = mapped_column(JSON, nullable=True)


class Setting(Base):
    """Sync state kept inside the encrypted store (token, cursor, user, ...)."""

    __tablename__ = "setting"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class HistoryRow(Base):
    """The timeline of a case: every local edit and every change that came in by sync."""

    __tablename__ = "history"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    by: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(String(8))


Index("ix_history_case_at", HistoryRow.case_id, HistoryRow.at)
# The monitor finds when each plan was submitted; only plans' entries are indexed by record
# (migration 0016: an index of every pulled record's entry slowed a first sync).
Index("ix_history_plan_at", HistoryRow.record_id, HistoryRow.at,
      sqlite_where=HistoryRow.kind == "safety_plan")
Index("ix_outbox_case_state", OutboxEntry.case_id, OutboxEntry.state)
# Counting the rejected changes must not read the whole outbox (migration 0020).
Index("ix_outbox_rejected", OutboxEntry.change_id, sqlite_where=OutboxEntry.state == "rejected")
Index("ix_conflict_case_resolved", ConflictRow.case_id, ConflictRow.resolved)


class AccessLogRow(Base):
    """The local access log (NEN 7513): append-only, each entry hashed with its predecessor."""

    __tablename__ = "access_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    device_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    pushed: Mapped[bool] = mapped_column(Boolean, default=False)


class RejectedChangeRow(Base):
    """A change the service refused, or that could not be sent before its case left this
    laptop: kept (encrypted, like everything here) until the worker dismisses it, with the
    family's name and the values, so that the purge of a case never takes the text with it."""

    __tablename__ = "rejected_change"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36))
    case_title: Mapped[str | None] = mapped_column(Text, nullable=True)
    record_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    record_label: Mapped[str | None] = mapped_column(Text, nullable=True)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    delete: Mapped[bool] = mapped_column(Boolean, default=False)
    error_code: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[str] = mapped_column(String(32))


class ColleagueRow(Base):
    """One user of the team directory (`GET /api/v1/directory`), as the last sync had it."""

    __tablename__ = "colleague"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    display_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    team_ids: Mapped[list[str]] = mapped_column(JSON)
    safety_team: Mapped[bool] = mapped_column(Boolean)


class TeamNameRow(Base):
    """One team of the team directory, by name, as the last sync that named teams had it."""

    __tablename__ = "team_name"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    safety_team: Mapped[bool] = mapped_column(Boolean)
