"""The checks of a pushed change, each raising `Rejected` before the change's first write:
its ids, its kind, fields and base against the registry (sync/schema.py), the required
fields, and whether the viewer may make it (authorization.py). push.py runs them in the
order of docs/protocol.md ("Push", the checks table); a refused change writes nothing and
the rest of the batch goes on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sync.protocol import Change
from sync.schema import (
    SchemaError,
    check_json_text,
    check_required,
    field_spec,
    is_uuid,
    kind_spec,
    missing_required,
    validate_fields,
)
from sync.service import authorization
from sync.service.models import RecordRow

if TYPE_CHECKING:
    from sync.service.push import _Batch


class Rejected(Exception):
    """A change the service refuses; the rest of the batch goes on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def well_formed_ids(changes: Iterable[Change]) -> frozenset[str]:
    """The change, record and case ids of a push that are UUIDs (sync/schema.py): each
    distinct id checked once, where it enters the push. The push asks about each change's
    ids about nine times (its reads, its checks, the log's rows), and a thousand new cases
    name their case 29 times each; every such question is a lookup in this set."""
    named = {id_ for change in changes
             for id_ in (change.change_id, change.record_id, change.case_id)}
    return frozenset(id_ for id_ in named if is_uuid(id_))


def check_ids(change: Change, ids: frozenset[str]) -> None:
    """`invalid_id` for a record or case id that is not a UUID; `ids` from well_formed_ids."""
    for name in ("record_id", "case_id"):
        if getattr(change, name) not in ids:
            raise Rejected("invalid_id", f"{name} must be a UUID in its 36-character form")


def authorise(batch: _Batch, change: Change, row: RecordRow | None, incoming: dict[str, Any]
              ) -> str:
    """Ask authorization.py whether the viewer may make this change; the case's team id."""
    creating_case = change.kind == "case" and row is None
    access = None if creating_case else batch.access(change.case_id)
    try:
        team_id = authorization.check_write(
            batch.ctx.viewer, kind=change.kind, access=access,
            visible=access is not None
            and (batch.sees(change.case_id) or batch.still_holds(change)),
            current=row.fields if row is not None else None, incoming=incoming,
            delete=change.delete and row is not None and not row.deleted,
        )
        if change.kind == "plan_version" and row is None and not change.delete:
            batch.write_new()  # the plan and its items of this push count as changes too
            batch.decided[change.record_id] = authorization.check_plan_decision(
                batch.session, batch.ctx.viewer, change.case_id, incoming
            )
        return team_id
    except authorization.Denied as exc:
        raise Rejected(exc.code, exc.message) from None


def check_required_kept(kind: str, fields: dict[str, Any]) -> None:
    """A merge may not leave a required field empty."""
    missing = missing_required(kind, fields)
    if missing:
        raise Rejected("missing_field", f"a {kind} needs: {', '.join(missing)}")


def prevalidate(change: Change) -> dict[str, Any] | Rejected:
    """The schema checks of a change, which need no data of the service: run before the
    lock, their outcome raised or used at the same point of `_apply` as before."""
    try:
        kind_spec(change.kind)
        for name in change.base:
            field_spec(change.kind, name)
        # The base is kept in conflicts: the same text rules as the values.
        check_json_text(change.base, "base")
        if change.delete:
            return {}
        return validate_fields(change.kind, change.set)
    except SchemaError as exc:
        return Rejected(exc.code, exc.message)


def validate(batch: _Batch, change: Change, creating: bool) -> dict[str, Any]:
    checked = batch.checked.get(id(change))
    if checked is None:
        checked = prevalidate(change)
    if isinstance(checked, Rejected):
        raise Rejected(checked.code, checked.message)
    if creating and not change.delete:
        try:
            check_required(change.kind, checked)
        except SchemaError as exc:
            raise Rejected(exc.code, exc.message) from None
    return checked
