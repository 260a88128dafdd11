"""The team directory (`GET /api/v1/directory`): who the user ids on a laptop stand for.

A caller sees the users of their own teams, the users of every safety-team team on the
service (the regional safety team works in duo with all local teams), and the contact
workers and sharers of the cases the caller may see (so that a professional a case is shared
with knows its contact worker by name), each with only the teams the caller may know of: no
password, device, username or case.

With the users come, when asked, the names of the teams the caller may know of: their own
teams, the safety-team teams, and the team of every case they may see (the case carries its
team id already; its name is all they learn). A team they have no relation to stays unnamed.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from sync.protocol import Colleague, TeamName
from sync.service.models import CaseAccess, CaseShare, Membership, Team, User
from sync.service.visibility import Viewer, visible_cases


def directory(session: Session, viewer: Viewer, retention_days: int) -> list[Colleague]:
    safety = set(session.scalars(select(Team.id).where(Team.safety_team.is_(True))))
    known_teams = set(viewer.team_ids) | safety
    seen = visible_cases(viewer, retention_days).scalar_subquery()
    on_cases = union(
        select(CaseAccess.contact_worker_id.label("user_id")).where(
            CaseAccess.case_id.in_(seen)),
        select(CaseShare.user_id.label("user_id")).where(CaseShare.case_id.in_(seen)),
    ).subquery()
    members = select(Membership.user_id).where(Membership.team_id.in_(sorted(known_teams)))
    rows = session.execute(
        select(User.id, User.display_name, User.role, Membership.team_id)
        .outerjoin(Membership, Membership.user_id == User.id)
        .where(or_(User.id.in_(members), User.id.in_(select(on_cases.c.user_id))))
        .order_by(User.display_name, User.id)
    ).all()
    teams: dict[str, set[str]] = defaultdict(set)
    people: dict[str, tuple[str, str]] = {}
    for user_id, name, role, team_id in rows:
        people[user_id] = (name, role)
        if team_id in known_teams:  # another team of theirs is not the caller's to know
            teams[user_id].add(team_id)
    return [
        Colleague(id=user_id, display_name=name, role=role,  # type: ignore[arg-type]
                  team_ids=sorted(teams[user_id]), safety_team=bool(teams[user_id] & safety))
        for user_id, (name, role) in people.items()
    ]


def teams(session: Session, viewer: Viewer, retention_days: int) -> list[TeamName]:
    seen = visible_cases(viewer, retention_days).scalar_subquery()
    of_cases = select(CaseAccess.team_id).where(CaseAccess.case_id.in_(seen))
    rows = session.execute(
        select(Team.id, Team.name, Team.safety_team)
        .where(or_(Team.id.in_(sorted(viewer.team_ids)), Team.safety_team.is_(True),
                   Team.id.in_(of_cases)))
        .order_by(Team.name, Team.id)
    ).all()
    return [TeamName(id=team_id, name=name, safety_team=bool(safety))
            for team_id, name, safety in rows]
