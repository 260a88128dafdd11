"""Who may change what: the one set of rules that push, resolve and the audit upload ask.

Seeing a case is visibility.py's job; this module decides what a viewer may *do* with what
they see (docs/protocol.md, "Who may move, share, hand over or close a case"):

- an admin writes no case content;
- a case is created only in one of the creator's teams;
- a record is written only in a case the viewer may see;
- the fields that decide who sees a case (`team_id`, `contact_worker_id`, `shared_with`,
  and `status` into or out of `closed`) are changed, and a case record is deleted, only by
  the case's contact worker and the team leads of its team; a move also needs a
  destination team the mover belongs to, and the team lead of that team may make it too;
- only a team lead of the case's team sets a plan to approved or returned and decides on
  a plan (a `plan_version`);
- the case's contact worker and the team leads of its team read the case's access log;
- a decision is refused (`plan_changed`) when the plan or one of its items changed after
  what the team lead saw (`based_on_rev`);
- nobody updates or deletes a record of an immutable kind (`immutable`);
- a laptop hands in access-log entries only about cases it may see or has held.

Each rule compares what the request would write with what the service holds, so a value
that is already there (rule 2) is never refused, whether it arrives by a push, a
resolution or a restored record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.schema import TEAMLEAD_PLAN_STATUSES, kind_spec
from sync.service.models import CaseAccess, DeviceCase, RecordRow
from sync.service.visibility import Viewer, visible_cases

CLOSED = "closed"


class Denied(Exception):
    """The viewer may not make this change. `code` is the wire error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_write(
    viewer: Viewer, *, kind: str, access: CaseAccess | None, visible: bool,
    current: Mapping[str, Any] | None, incoming: Mapping[str, Any], delete: bool = False,
) -> str:
    """Raise Denied unless `viewer` may write `incoming` over `current` (None: the record is
    new), or, with `delete`, delete the live record; return the id of the case's team.

    `access` is the case's row in `case_access` (None: the case does not exist) and
    `visible` whether the viewer may write into the case at all.
    """
    if viewer.role == "admin":
        raise Denied("forbidden", "an admin sees no case content")
    if kind == "case" and current is None:
        return check_new_case(viewer, incoming)
    if access is None or not visible:
        raise Denied("case_not_visible", "you may not see this case")
    if kind == "case" and delete:
        # A deleted case vanishes from every list, the team lead's too: hiding it is closing it.
        _require_responsible(viewer, access, takes_in=False)
    elif kind == "case":
        check_case_placement(viewer, access, current or {}, incoming)
    check_immutable(kind, current, incoming, delete)
    check_plan_review(viewer, access.team_id, kind, incoming, current)
    return access.team_id


def check_immutable(
    kind: str, current: Mapping[str, Any] | None, incoming: Mapping[str, Any], delete: bool
) -> None:
    """A record of an immutable kind is written once; sending its values again is rule 2."""
    if current is None or not kind_spec(kind).immutable:
        return
    if delete or any(current.get(name) != value for name, value in incoming.items()):
        raise Denied("immutable", f"a {kind} is never changed or deleted")


def check_new_case(viewer: Viewer, fields: Mapping[str, Any]) -> str:
    team_id = fields.get("team_id")
    if team_id not in viewer.team_ids:
        raise Denied("not_your_team", "a case can only be created in one of your teams")
    return str(team_id)


def placement_changes(current: Mapping[str, Any], incoming: Mapping[str, Any]) -> set[str]:
    """The fields deciding who sees the case that `incoming` would change."""
    changed = {
        name for name in ("team_id", "contact_worker_id")
        if name in incoming and incoming[name] != current.get(name)
    }
    if "shared_with" in incoming and _ids(incoming["shared_with"]) != _ids(
        current.get("shared_with")
    ):
        changed.add("shared_with")  # the same colleagues in another order share nothing new
    if "status" in incoming and (incoming["status"] == CLOSED) != (current.get("status") == CLOSED):
        changed.add("status")
    return changed


def check_case_placement(
    viewer: Viewer, access: CaseAccess, current: Mapping[str, Any], incoming: Mapping[str, Any]
) -> None:
    changed = placement_changes(current, incoming)
    if not changed:
        return
    takes_in = False
    if "team_id" in changed:
        destination = incoming["team_id"]
        if destination not in viewer.team_ids:
            raise Denied("not_your_team", "a case can only be moved to one of your teams")
        # The destination's lead takes the case in, and may name its contact worker with it.
        takes_in = viewer.leads(destination)
    _require_responsible(viewer, access, takes_in)


def _require_responsible(viewer: Viewer, access: CaseAccess, takes_in: bool) -> None:
    if takes_in or viewer.user_id == access.contact_worker_id or viewer.leads(access.team_id):
        return
    raise Denied(
        "not_case_owner",
        "only the case's contact worker or a team lead of its team may move, share, "
        "hand over, close or delete it",
    )


def check_plan_review(
    viewer: Viewer, team_id: str, kind: str, incoming: Mapping[str, Any],
    current: Mapping[str, Any] | None,
) -> None:
    if kind == "plan_version" and current is None and not viewer.leads(team_id):
        raise Denied(
            "plan_review_forbidden", "only a team lead of the case's team may decide on a plan"
        )
    status = incoming.get("status")
    if kind != "safety_plan" or status not in TEAMLEAD_PLAN_STATUSES:
        return
    if current is not None and current.get("status") == status:
        return  # rule 2: nothing to do, nothing to forbid
    if not viewer.leads(team_id):
        raise Denied(
            "plan_review_forbidden",
            "only a team lead of the case's team may set a plan to approved or returned",
        )


def check_plan_decision(
    session: Session, viewer: Viewer, case_id: str, incoming: Mapping[str, Any]
) -> RecordRow:
    """A new `plan_version` decides on the plan exactly as the team lead saw it: refuse it
    (`plan_changed`) when the plan or any of its items, deleted ones included, has a rev
    above `based_on_rev`. Return the plan's row (which the decision then updates)."""
    plan = session.get(RecordRow, incoming.get("plan_id"))
    if plan is None or plan.kind != "safety_plan" or plan.case_id != case_id or plan.deleted:
        raise Denied("plan_not_found", "the decision names no plan of this case")
    if incoming.get("decided_by") not in (None, viewer.user_id):
        raise Denied("invalid_value", "plan_version.decided_by must be the one deciding")
    seen = incoming["based_on_rev"]
    session.flush()  # the batch's own earlier writes count as changes too
    items = session.scalars(
        select(RecordRow).where(
            RecordRow.case_id == case_id, RecordRow.kind == "plan_item", RecordRow.rev > seen
        )
    )
    # Items are few per case; their plan id sits in the JSON fields, read here rather than
    # by a JSON query that SQLite and PostgreSQL spell differently.
    if plan.rev > seen or any(item.fields.get("plan_id") == plan.id for item in items):
        raise Denied(
            "plan_changed", "the plan changed after the version the decision is about"
        )
    return plan


def check_resolution(
    session: Session, viewer: Viewer, *, kind: str, case_id: str,
    current: Mapping[str, Any], incoming: Mapping[str, Any], delete: bool = False,
) -> None:
    """A resolution writes `incoming` over the record's `current` fields (or deletes the
    record): the same rules as a push. The caller has checked already that the viewer may
    see the case."""
    access = session.get(CaseAccess, case_id)
    check_write(viewer, kind=kind, access=access, visible=access is not None,
                current=current, incoming=incoming, delete=delete)


def check_log_reader(viewer: Viewer, access: CaseAccess | None) -> None:
    """The case's contact worker (who prepares the inzage with the family) and the team
    leads of its team read its access log; a colleague it is only shared with does not: who
    read a family's file is the responsible worker's and the lead's to know. Raise Denied
    (code `forbidden`, or `case_not_found` for a lead asking about an unknown case; anyone
    else is not told whether the case exists)."""
    if access is None:
        if viewer.role == "teamlead":
            raise Denied("case_not_found", "no such case")
        raise Denied("forbidden", _LOG_READERS)
    if viewer.role == "admin":
        raise Denied("forbidden", _LOG_READERS)
    if viewer.user_id == access.contact_worker_id or viewer.leads(access.team_id):
        return
    raise Denied("forbidden", _LOG_READERS)


_LOG_READERS = "only the case's contact worker and a team lead of its team read its log"


def audit_cases(
    session: Session, viewer: Viewer, case_ids: Iterable[str], retention_days: int
) -> set[str]:
    """Of `case_ids`, the cases a device may hand in access-log entries about: those its
    user may see now and those the device has held (a case that left it still has the
    entries the laptop made while it had it)."""
    wanted = sorted(set(case_ids))
    allowed: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        allowed |= set(session.scalars(
            visible_cases(viewer, retention_days).where(CaseAccess.case_id.in_(chunk))
        ))
        allowed |= set(session.scalars(
            select(DeviceCase.case_id).where(
                DeviceCase.device_id == viewer.device_id, DeviceCase.case_id.in_(chunk)
            )
        ))
    return allowed


def _ids(value: Any) -> frozenset[str]:
    return frozenset(value or ())
