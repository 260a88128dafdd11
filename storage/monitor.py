"""The monitor's figures from the laptop's store: a handful of SQL aggregates over the
cases of the signed-in team lead's teams, folded by the shared rules in sync/monitor.py.

Each figure is one grouped query, never a loop over every record, so the monitor stays
quick on a laptop that holds years of a team's cases (bench/bench_monitor.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from storage.as_pulled import AS_PULLED
from storage.errors import StoreError
from sync import monitor as rules

# The cases a monitor looks at: the team's, not deleted. `?` is the teams as a JSON list.
_TEAM_CASES = "c.deleted = 0 AND c.team_id IN (SELECT value FROM json_each(?))"
_OPEN_CASE = "coalesce(c.status, '') != 'closed'"

# The moment a plan was submitted for a decision: the latest moment in the case's timeline,
# at or before the decision, at which the plan's status became `submitted` (an edit here or
# a change that came in by sync; either carries the time the plan reached that state). An
# entry of a plan pulled in as it was holds no copy: its row still has the status it came
# with (storage/as_pulled.py).
_DAYS_TO_DECISION = f"""
SELECT julianday(v.decided_at) - julianday((
    SELECT max(h.at) FROM history h INDEXED BY ix_history_plan_at
    WHERE h.kind = 'safety_plan' AND h.record_id = v.plan_id AND h.case_id = v.case_id
      AND coalesce(json_extract(h.changes, '$.status'), CASE WHEN h.changes = '{AS_PULLED}' THEN
          (SELECT p.status FROM rec_safety_plan p WHERE p.id = h.record_id) END) = 'submitted'
      AND julianday(h.at) <= julianday(v.decided_at)))
FROM rec_plan_version v JOIN rec_case c ON c.id = v.case_id
WHERE v.deleted = 0 AND v.decision IN ('approved', 'returned') AND {_TEAM_CASES}
"""

_CHILD_VOICE = """EXISTS (SELECT 1 FROM rec_plan_item i
    WHERE i.case_id = p.case_id AND i.plan_id = p.id AND i.deleted = 0
      AND coalesce(i.part, '') != '')"""


class NotTeamLead(StoreError):
    """The store's signed-in user is no team lead: the monitor is theirs only."""

    code = "not_team_lead"


@dataclass(frozen=True)
class Figures:
    """What the monitor shows. The first seven are the contract's (MONITOR_KEYS)."""

    today: str
    cases_by_status: dict[str, int]
    plans_by_status: dict[str, int]
    cases_by_legal_framework: dict[str, dict[str, int]]
    overdue_reviews: int
    median_days_to_decision: float | None
    share_returned: float | None
    share_with_child_voice: float | None
    overdue_tasks: int
    decided: int  # decisions (approved or returned) the median and share rest on
    plans: int
    scaling_by_month: dict[str, float]  # the team's mean score per month
    scaling_by_case: dict[str, dict[str, float]] = field(default_factory=dict)

    def contract(self) -> dict[str, Any]:
        """Exactly the keys the CLI prints and the service answers."""
        return {key: getattr(self, key) for key in rules.MONITOR_KEYS}


def team_ids_of_lead(user: Any) -> list[str]:
    """The teams whose figures `user` (the store's `user` setting) may see; refuses anyone
    who is not a team lead."""
    if not isinstance(user, dict) or user.get("role") != "teamlead":
        raise NotTeamLead("the monitor is for team leads only")
    return sorted(str(t) for t in user.get("team_ids") or [])


def _rows(conn: Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


def _one(conn: Connection, sql: str, *params: Any) -> int:
    return int(conn.exec_driver_sql(sql, params).scalar_one() or 0)


def figures(conn: Connection, team_ids: Iterable[str], today: dt.date) -> Figures:
    teams = json.dumps(sorted(team_ids))
    day = today.isoformat()
    by_status = rules.by_value(_rows(conn, f"""
        SELECT c.status, count(*) FROM rec_case c WHERE {_TEAM_CASES} GROUP BY c.status""",
                                     teams))
    frameworks = rules.spread_over_months(
        ((lf, rules.month_of(opened), rules.month_of(closed), n)
         for lf, opened, closed, n in _rows(conn, f"""
        SELECT c.legal_framework, c.opened_on, c.closed_on, count(*) FROM rec_case c
        WHERE {_TEAM_CASES} AND c.opened_on IS NOT NULL
        GROUP BY c.legal_framework, substr(c.opened_on, 1, 7), substr(c.closed_on, 1, 7)""",
                                             teams)), today)
    plans = _rows(conn, f"""
        SELECT p.status, count(*) FROM rec_safety_plan p JOIN rec_case c ON c.id = p.case_id
        WHERE p.deleted = 0 AND {_TEAM_CASES} GROUP BY p.status""", teams)
    plan_count = sum(n for _, n in plans)
    overdue_reviews = _one(conn, f"""
        SELECT count(*) FROM rec_safety_plan p JOIN rec_case c ON c.id = p.case_id
        WHERE p.deleted = 0 AND {_TEAM_CASES} AND {_OPEN_CASE}
          AND p.review_on IS NOT NULL AND p.review_on < ?""", teams, day)
    overdue_tasks = _one(conn, f"""
        SELECT count(*) FROM rec_task t JOIN rec_case c ON c.id = t.case_id
        WHERE t.deleted = 0 AND {_TEAM_CASES} AND {_OPEN_CASE}
          AND coalesce(t.done, 0) = 0 AND t.due_on IS NOT NULL AND t.due_on < ?""",
                         teams, day)
    decisions = dict(_rows(conn, f"""
        SELECT v.decision, count(*) FROM rec_plan_version v JOIN rec_case c ON c.id = v.case_id
        WHERE v.deleted = 0 AND v.decision IN ('approved', 'returned') AND {_TEAM_CASES}
        GROUP BY v.decision""", teams))
    decided = sum(decisions.values())
    days = [d for (d,) in _rows(conn, _DAYS_TO_DECISION, teams) if d is not None]
    # One pass over the plan lines instead of a look-up per plan.
    with_voice = _one(conn, f"""
        SELECT count(DISTINCT p.id) FROM rec_plan_item i
        JOIN rec_safety_plan p ON p.id = i.plan_id AND p.case_id = i.case_id
        JOIN rec_case c ON c.id = p.case_id
        WHERE i.deleted = 0 AND coalesce(i.part, '') != '' AND p.deleted = 0
          AND {_TEAM_CASES}""", teams)
    # Per case and month in one query; the team's month follows from those groups.
    per_case: dict[str, dict[str, float]] = {}
    team: dict[str, list[float]] = {}
    for case_id, month, total, n in _rows(conn, f"""
        SELECT s.case_id, substr(s.date, 1, 7), sum(s.value), count(*) FROM rec_scaling_score s
        JOIN rec_case c ON c.id = s.case_id
        WHERE s.deleted = 0 AND {_TEAM_CASES} AND s.date IS NOT NULL AND s.value IS NOT NULL
        GROUP BY s.case_id, substr(s.date, 1, 7) ORDER BY 1, 2""", teams):
        per_case.setdefault(case_id, {})[month] = round(total / n, 1)
        sums = team.setdefault(month, [0.0, 0])
        sums[0] += total
        sums[1] += n
    scaling = {m: round(total / n, 1) for m, (total, n) in sorted(team.items())}
    return Figures(
        today=day, cases_by_status=by_status, plans_by_status=rules.by_value(plans),
        cases_by_legal_framework=frameworks, overdue_reviews=overdue_reviews,
        median_days_to_decision=rules.median_days(days),
        share_returned=rules.share(decisions.get("returned", 0), decided),
        share_with_child_voice=rules.share(with_voice, plan_count),
        overdue_tasks=overdue_tasks, decided=decided, plans=plan_count,
        scaling_by_month=scaling, scaling_by_case=per_case,
    )


# Which cases stand behind each figure: a condition on `c` (the case), with its parameters.
def _behind(figure: str, key: Any, day: str) -> tuple[str, tuple[Any, ...]]:
    plan = "EXISTS (SELECT 1 FROM rec_safety_plan p WHERE p.case_id = c.id AND p.deleted = 0"
    if figure == "cases_by_status":
        return ("coalesce(c.status, 'unknown') = ?", (key,))
    if figure == "cases_by_legal_framework":
        month, framework = key  # framework None: every case open that month
        start, end = f"{month}-01", f"{month}-31"
        return ("coalesce(c.legal_framework, 'unknown') = coalesce(?, "
                "coalesce(c.legal_framework, 'unknown')) AND c.opened_on <= ? AND "
                "(c.closed_on IS NULL OR c.closed_on >= ? OR substr(c.opened_on, 1, 7) = ?)",
                (framework, end, start, month))
    if figure == "plans_by_status":
        return (f"{plan} AND coalesce(p.status, 'unknown') = ?)", (key,))
    if figure == "overdue_reviews":
        return (f"{_OPEN_CASE} AND {plan} AND p.review_on < ?)", (day,))
    if figure == "overdue_tasks":
        return (f"{_OPEN_CASE} AND EXISTS (SELECT 1 FROM rec_task t WHERE t.case_id = c.id "
                "AND t.deleted = 0 AND coalesce(t.done, 0) = 0 AND t.due_on < ?)", (day,))
    if figure == "median_days_to_decision":
        return ("EXISTS (SELECT 1 FROM rec_plan_version v WHERE v.case_id = c.id "
                "AND v.deleted = 0 AND v.decision IN ('approved', 'returned'))", ())
    if figure == "share_returned":
        return ("EXISTS (SELECT 1 FROM rec_plan_version v WHERE v.case_id = c.id "
                "AND v.deleted = 0 AND v.decision = 'returned')", ())
    if figure == "share_with_child_voice":
        return (f"{plan} AND {_CHILD_VOICE})", ())
    if figure == "scaling_by_month":
        return ("EXISTS (SELECT 1 FROM rec_scaling_score s WHERE s.case_id = c.id "
                "AND s.deleted = 0 AND s.value IS NOT NULL AND substr(s.date, 1, 7) = ?)",
                (key,))
    raise ValueError(f"no cases behind the figure {figure!r}")


def cases_behind(conn: Connection, team_ids: Iterable[str], figure: str, key: Any,
                 today: dt.date) -> list[tuple[str, str]]:
    """(case id, family name) of the cases a figure counts, by family name: for the team
    lead's own eyes on screen, never for an export."""
    condition, params = _behind(figure, key, today.isoformat())
    return [(cid, title or "") for cid, title in _rows(conn, f"""
        SELECT c.id, c.title FROM rec_case c WHERE {_TEAM_CASES} AND {condition}
        ORDER BY c.title, c.id""", json.dumps(sorted(team_ids)), *params)]
