"""The service's tables (SQLAlchemy 2, typed). Alembic's migrations in migrations/ create them;
this module is what the code reads and writes.

Records are stored generically: id, kind, case id, rev, tombstone and the fields as JSON
(JSONB on PostgreSQL), validated against the schema registry in sync/schema.py. The case
rows are mirrored into `case_access` and `case_shares` so that "who may see what" is a plain
indexed query on both databases instead of a JSON query.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # A team of the regional safety team: its users are in every laptop's directory, so
    # that a local team can share a case with them (duo work).
    safety_team: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Membership(Base):
    __tablename__ = "memberships"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), primary_key=True, index=True)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class RevCounter(Base):
    """One row: the last rev handed out. Its row lock orders the commits (see push.py)."""

    __tablename__ = "rev_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class RecordRow(Base):
    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    rev: Mapped[int] = mapped_column(Integer, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # Per field, the rev of its last change; "*" stands for every field not listed. Null on
    # records from before migration 0003 (see records.field_rev).
    field_revs: Mapped[dict[str, int] | None] = mapped_column(JSONType, nullable=True)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class CaseAccess(Base):
    """The fields of a case that decide who may see it, kept with every write of the case."""

    __tablename__ = "case_access"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(36), index=True)
    contact_worker_id: Mapped[str | None] = mapped_column(String(36), index=True)
    status: Mapped[str | None] = mapped_column(String(20))
    closed_on: Mapped[str | None] = mapped_column(String(10))
    # The service's own (UTC) date on which it learned the case was closed; retention counts
    # from it, so a back-dated `closed_on` hides the case from nobody. Null while open.
    closed_seen_on: Mapped[str | None] = mapped_column(String(10))


class CaseShare(Base):
    __tablename__ = "case_shares"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class ConflictRow(Base):
    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(100))
    base: Mapped[Any] = mapped_column(JSONType, nullable=True)
    kept: Mapped[Any] = mapped_column(JSONType, nullable=True)
    incoming: Mapped[Any] = mapped_column(JSONType, nullable=True)
    kept_by: Mapped[str | None] = mapped_column(String(36))
    incoming_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    # Rev of its creation, then of its resolution: the pull cursor delivers both.
    rev: Mapped[int] = mapped_column(Integer, index=True)


class AppliedChange(Base):
    """Idempotency: the stored Result of every change (and resolution) by its change id."""

    __tablename__ = "applied_changes"
    change_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    result: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DeviceCase(Base):
    """Which cases a device holds, so that the pull can tell it which ones to purge.

    `since_rev`: the cursor of the page that first gave the device this case; until the
    device pulls with a cursor at or past it, the case's older records are sent again. A
    case the device held by writing into it: the rev of that write, or 0 when that push
    created the case (it has no older records).
    `revoked_rev`: set when the case left the device's view; reported until acknowledged.
    """

    __tablename__ = "device_cases"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    since_rev: Mapped[int] = mapped_column(Integer)
    revoked_rev: Mapped[int | None] = mapped_column(Integer)


class AccessLogHead(Base):
    """One row: the last sequence number and hash of the access log (the chain's lock)."""

    __tablename__ = "access_log_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AccessLogRow(Base):
    """NEN 7513 access log: append-only (triggers refuse UPDATE and DELETE), hash-chained."""

    __tablename__ = "access_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10))  # "service" or "device"
    at: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    record_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


Index("ix_access_log_device_entry", AccessLogRow.device_id, AccessLogRow.entry_id)


class LoginThrottleRow(Base):
    """Failed-login counts per key, shared by every process and host (ratelimit.py)."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)  # ratelimit.row_key
    # [[attempt id, time], ...] within the window, oldest first.
    attempts: Mapped[list[Any]] = mapped_column(JSON)
    locked_until: Mapped[float] = mapped_column(Double)
    seen_at: Mapped[float] = mapped_column(Double, index=True)
