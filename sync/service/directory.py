"""The team directory (`GET /api/v1/directory`): who the user ids on a laptop stand for.

A caller sees the users of their own teams and the users of every safety-team team on the
service (the regional safety team works in duo with all local teams), each with only the
teams the caller may know of: no password, device, username or case.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import Colleague
from sync.service.models import Membership, Team, User
from sync.service.visibility import Viewer


def directory(session: Session, viewer: Viewer) -> list[Colleague]:
    safety = set(session.scalars(select(Team.id).where(Team.safety_team.is_(True))))
    known_teams = set(viewer.team_ids) | safety
    if not known_teams:
        return []
    rows = session.execute(
        select(User.id, User.display_name, User.role, Membership.team_id)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.team_id.in_(sorted(known_teams)))
        .order_by(User.display_name, User.id)
    ).all()
    teams: dict[str, set[str]] = defaultdict(set)
    people: dict[str, tuple[str, str]] = {}
    for user_id, name, role, team_id in rows:
        people[user_id] = (name, role)
        teams[user_id].add(team_id)
    return [
        Colleague(id=user_id, display_name=name, role=role,  # type: ignore[arg-type]
                  team_ids=sorted(teams[user_id]), safety_team=bool(teams[user_id] & safety))
        for user_id, (name, role) in people.items()
    ]
