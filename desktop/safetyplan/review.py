"""The plan's review: the frozen copy a team lead decides on, and the next step of the
status flow (draft → agreed → submitted → approved or returned)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.safetyplan.rules import highest_rev
from sync.protocol import Record

EDITABLE_AFTER_APPROVAL = "draft"


def content(plan: Record, items: Iterable[Record]) -> str:
    """The plan and its lines exactly as they are on screen, as JSON (sorted, so the same
    plan always gives the same text and two versions compare line by line)."""
    lines = [
        {"id": i.id, "rev": i.rev, "fields": i.fields}
        for i in items if not i.deleted and i.fields.get("plan_id") == plan.id
    ]
    return json.dumps({"plan": {"id": plan.id, "rev": plan.rev, "fields": plan.fields},
                       "items": lines}, sort_keys=True, ensure_ascii=False)


def decision_fields(
    plan: Record, items: list[Record], decision: str, comment: str | None,
    section_comments: Mapping[str, str], user_id: str | None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """A new `plan_version`: what the team lead decided about what they saw."""
    moment = now or dt.datetime.now(dt.UTC)
    comments = {k: v for k, v in section_comments.items() if v}
    return {
        "plan_id": plan.id,
        "version": plan.fields.get("version") or 1,
        "decision": decision,
        "comment": comment or None,
        "section_comments": json.dumps(comments, sort_keys=True, ensure_ascii=False)
        if comments else None,
        "content": content(plan, items),
        "based_on_rev": highest_rev(plan, items),
        "decided_by": user_id,
        "decided_at": moment.isoformat(timespec="seconds"),
    }


def reopened(plan: Record) -> dict[str, Any] | None:
    """The plan fields an edit of an approved plan also sets: a draft of the next version
    (None when the plan is not approved)."""
    if plan.fields.get("status") != "approved":
        return None
    return {"status": EDITABLE_AFTER_APPROVAL, "version": (plan.fields.get("version") or 1) + 1}
