"""`seed-demo`: fictional teams, users with public demo passwords, and demo cases.

The households come from storage/demo.py (pure, no store needed) and enter the service
through the same push path as a laptop's changes, so revs, visibility and the access log
are exactly as in real use.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.demo import demo_records
from sync.protocol import Change
from sync.service.accounts import add_team, add_user, team_ids
from sync.service.db import transaction
from sync.service.models import RecordRow, Team, User
from sync.service.push import PushContext, push
from sync.service.visibility import Viewer

DEMO_TEAMS = ("Wijkteam Noord", "Wijkteam Zuid")


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    team: str | None
    display_name: str
    cases: int


# Public demo credentials (fictional people), printed by seed-demo on purpose.
DEMO_USERS = (
    DemoUser("demo", "demo-keukentafel", "worker", "Wijkteam Noord", "Demi de Vries", 6),
    DemoUser("sanne", "demo-sanne-2026", "worker", "Wijkteam Noord", "Sanne Jansen", 3),
    DemoUser("teamleider", "demo-teamleider", "teamlead", "Wijkteam Noord", "Karin Bosch", 0),
    DemoUser("zuid", "demo-zuid-2026", "worker", "Wijkteam Zuid", "Omar Haddou", 3),
    DemoUser("beheer", "demo-beheer-2026", "admin", None, "Beheerder", 0),
)

SEED_DEVICE = "00000000-0000-4000-8000-000000000000"


def seed(factory: sessionmaker[Session], retention_days: int = 30, seed: int = 2026) -> bool:
    """Make whatever of the demo teams, users and cases is missing; False when all was there.

    Resumable: a run killed halfway leaves whole steps behind (the accounts in one
    transaction, each user's cases in one push), and the next run adds only what is
    missing. The households are the same each time, so a step is done when its first
    record exists.
    """
    made = False
    with transaction(factory) as session:
        for name in DEMO_TEAMS:
            if session.scalar(select(Team).where(Team.name == name)) is None:
                add_team(session, name)
                made = True
        for u in DEMO_USERS:
            if session.scalar(select(User).where(User.username == u.username)) is None:
                add_user(session, u.username, u.password, u.role, [u.team] if u.team else [],
                         display_name=u.display_name)
                made = True
    start = 0
    for u in DEMO_USERS:
        if not u.cases:
            continue
        with transaction(factory) as session:
            user = session.scalar(select(User).where(User.username == u.username))
            assert user is not None
            teams = team_ids(session, user.id)
            records = list(demo_records(u.cases, team_id=teams[0], contact_worker_id=user.id,
                                        seed=seed, start=start))
            done = session.get(RecordRow, records[0].record_id) is not None
        start += u.cases
        if done:
            continue
        viewer = Viewer(
            user_id=user.id, username=user.username, display_name=user.display_name,
            role=user.role, team_ids=frozenset(teams), device_id=SEED_DEVICE,
            address="seed-demo",
        )
        ctx = PushContext(viewer=viewer, retention_days=retention_days)
        changes = [
            Change(change_id=str(uuid.uuid4()), record_id=record.record_id, kind=record.kind,
                   case_id=record.case_id, base_rev=0, set=record.fields)
            for record in records
        ]
        for result in push(factory, ctx, changes):  # one transaction: all of them or none
            if result.status != "applied":
                raise RuntimeError(f"demo record refused: {result.error}")
        made = True
    return made
