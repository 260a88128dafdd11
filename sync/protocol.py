"""Sync protocol v1: the wire models that the desktop client and the central service share.

These pydantic models *are* the contract of design.md ("Sync protocol v1"); the service
builds `/openapi.json` from them and the client parses responses with them, so the two
ends cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from sync.schema import is_text, is_uuid

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

MAX_PUSH_CHANGES = 1000
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 1000
# What the laptop asks for: fewer, larger pages cut the per-page cost of a first sync (a
# request, a transaction, a lookup of held rows per kind). 2,000 once pushed the laptop's
# peak memory past its 150 MiB budget (two pages live while the next is fetched ahead);
# since the next page is asked for by the header's cursor (sync/pages_ahead.py), a first
# sync of 93,758 records peaks at 139 MiB with 2,000 (132 with 1,500, 146 with 2,500) and
# took 4.01-4.12 s against 4.17-4.27 s with 1,500 (three alternating pairs).
LAPTOP_PULL_LIMIT = 2000
# The header of a pull's answer that names the next page's cursor when `more` is true, so
# that the laptop can ask for that page before it has read this one (docs/protocol.md,
# "Pull and the cursor"). The body's `cursor` stays what counts.
NEXT_CURSOR_HEADER = "Kt-Next-Cursor"
# A pull names at most this many ranges of its own revs (`own`, "The echo of a push").
MAX_OWN_RANGES = 100

Role = Literal["worker", "teamlead", "admin"]
ResultStatus = Literal["applied", "merged", "conflict", "duplicate", "rejected"]

# The value that stands for "this side deleted the record" in a delete-versus-edit conflict.
DELETED = "deleted"

# The one 401 error code that makes a laptop wipe its store.
DEVICE_REVOKED = "device_revoked"


# Default factories as Python functions, not the builtins `dict` and `list`: pydantic's
# `model_construct` asks `inspect.signature` of each factory on every call, and for a
# builtin that parses its text signature (130 µs per Result; the service constructs one per
# pushed change). tests/unit/test_protocol_defaults.py keeps it so.
def _no_values() -> dict[str, Any]:
    return {}


def _no_conflicts() -> list[Conflict]:
    return []


def _text(value: str) -> str:
    if not is_text(value):
        raise PydanticCustomError("invalid_text", "holds a NUL character or a lone surrogate")
    return value


def _id(value: str) -> str:
    if not is_uuid(value):
        raise PydanticCustomError("invalid_id", "must be a UUID in its 36-character form")
    return value


# The request types of the validation rules in docs/protocol.md ("Text and ids"): the same
# checks as sync/schema.py, raised as pydantic errors that the service answers with 422 and
# the error's own code.
Text = Annotated[str, AfterValidator(_text)]
Id = Annotated[
    str, AfterValidator(_id),
    WithJsonSchema({"type": "string", "format": "uuid", "minLength": 36, "maxLength": 36}),
]
# A lone surrogate cannot be written back as JSON; NUL can, and is judged per change.
# pydantic-core refuses the surrogate itself (`string_unicode`, answered as `invalid_text`)
# once a string has a bound on its length, as it then reads the string as UTF-8: no Python
# call per string, a third of parsing a push (issue 15). No string is longer than a body.
# Documented as the plain string it was.
Writable = Annotated[
    str, StringConstraints(max_length=MAX_PUSH_BYTES), WithJsonSchema({"type": "string"}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Model):
    code: str
    message: str


class ErrorBody(_Model):
    """Every error answer: `{"error": {"code", "message"}}` with a 4xx status."""

    error: ErrorDetail


class EnrolRequest(_Model):
    username: Text = Field(min_length=1, max_length=200)
    password: Text = Field(min_length=1, max_length=1000)
    device_name: Text = Field(min_length=1, max_length=200)


class User(_Model):
    id: str
    username: str
    display_name: str
    role: Role
    team_ids: list[str]


class Colleague(_Model):
    """One entry of the team directory: who a user id stands for, nothing more."""

    id: str
    display_name: str
    role: Role
    team_ids: list[str]
    # A professional of the regional safety team (a member of a safety-team team).
    safety_team: bool = False


class TeamName(_Model):
    """One team of the directory: what a team id stands for."""

    id: str
    name: str
    safety_team: bool = False


class Directory(_Model):
    users: list[Colleague]
    # Only when asked for (`?teams=true`): a laptop of before the team names parses this
    # answer with unknown keys forbidden, so the plain answer stays as it was. None: the
    # service did not say (an older service), not "no teams".
    teams: list[TeamName] | None = None


class EnrolResponse(_Model):
    device_id: str
    token: str
    user: User


class Record(_Model):
    id: str
    kind: str
    case_id: str
    rev: int
    deleted: bool = False
    fields: dict[str, Any]
    updated_by: str | None = None
    updated_at: str | None = None


class Conflict(_Model):
    """A value the service did not take, kept so that a person can decide.

    For a delete-versus-edit conflict `field` is null and `kept`/`incoming` are each
    either "deleted" or the fields that side holds.
    """

    id: str
    record_id: str
    case_id: str
    kind: str
    field: str | None
    base: Any = None
    kept: Any = None
    incoming: Any = None
    kept_by: str | None = None
    incoming_by: str | None = None
    created_at: str
    resolved: bool = False


class Change(_Model):
    """One edit of one record. Its ids, kind and values are checked by the push, which
    answers a bad one with a `rejected` result for this change alone, so that one bad change
    never holds up the others. (Only a lone surrogate in a string here refuses the whole
    request: no answer could name such a change.)"""

    change_id: Writable
    record_id: Writable
    kind: Writable
    case_id: Writable
    base_rev: int = Field(ge=0)
    base: dict[str, Any] = Field(default_factory=_no_values)
    set: dict[str, Any] = Field(default_factory=_no_values)
    delete: bool = False


class Result(_Model):
    change_id: str
    status: ResultStatus
    rev: int
    record: Record | None = None
    conflicts: list[Conflict] = Field(default_factory=_no_conflicts)
    error: ErrorDetail | None = None


class PushRequest(_Model):
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class PushResponse(_Model):
    results: list[Result]


class Stamp(_Model):
    """A record the device wrote itself, as sent, at this rev (docs/protocol.md, "The echo
    of a push"): the pull names who wrote it and when, not its fields again."""

    id: str
    kind: str
    rev: int
    updated_by: str | None = None
    updated_at: str | None = None


def _no_stamps() -> list[Stamp]:
    return []


class PullResponse(_Model):
    records: list[Record]
    conflicts: list[Conflict]
    revoked_case_ids: list[str]
    cursor: str
    more: bool
    # Only in the answer to a pull that named `own` revs: an older laptop never asks, so
    # it never meets the key its strict model would refuse.
    stamps: list[Stamp] = Field(default_factory=_no_stamps)


class ResolveRequest(_Model):
    change_id: Id
    value: Any = None


class AuditEntry(_Model):
    """One line of an access log (NEN 7513): who did what to which case, when, from where."""

    id: Id
    at: Text
    user_id: Text | None = None
    device_id: Text | None = None
    case_id: Id | None = None
    record_id: Id | None = None
    action: Text
    address: Text | None = None
    detail: Text | None = None


class AuditUpload(_Model):
    entries: list[AuditEntry] = Field(max_length=10_000)


class AuditUploadResult(_Model):
    accepted: int


class AuditLog(_Model):
    entries: list[AuditEntry]


class Health(_Model):
    status: Literal["ok"]
