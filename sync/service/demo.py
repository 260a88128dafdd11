"""`seed-demo`: fictional teams, users with public demo passwords, and demo cases.

The households come from storage/demo.py (pure, no store needed) and enter the service
through the same push path as a laptop's changes, so revs, visibility and the access log
are exactly as in real use.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.demo import DemoRecord, demo_records, plan_content
from sync.protocol import Change
from sync.service.accounts import add_team, add_user, team_ids
from sync.service.db import transaction
from sync.service.models import RecordRow, Team, User
from sync.service.push import PushContext, push
from sync.service.visibility import Viewer

DEMO_TEAMS = ("Wijkteam Noord", "Wijkteam Zuid")
# The regional safety team the local teams work in duo with (every directory lists it).
DEMO_SAFETY_TEAMS = ("Regionaal Veiligheidsteam",)


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
    DemoUser("veilig", "demo-veilig-2026", "worker", "Regionaal Veiligheidsteam",
             "Vera Smit", 0),
)

SEED_DEVICE = "00000000-0000-4000-8000-000000000000"


def seed(factory: sessionmaker[Session], retention_days: int = 30, seed: int = 2026,
         today: dt.date | None = None) -> bool:
    """Make whatever of the demo teams, users and cases is missing; False when all was there.

    Resumable: a run killed halfway leaves whole steps behind (the accounts in one
    transaction, each user's cases in one push), and the next run adds only what is
    missing. The households are the same each time, so a step is done when its first
    record exists.

    The dates lie around `today`, the day of seeding by default: reckoned from a fixed day,
    every review in `make run` had become overdue months later.
    """
    today = today or dt.date.today()
    made = False
    with transaction(factory) as session:
        for name in DEMO_TEAMS + DEMO_SAFETY_TEAMS:
            if session.scalar(select(Team).where(Team.name == name)) is None:
                add_team(session, name, safety_team=name in DEMO_SAFETY_TEAMS)
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
                                        seed=seed, start=start, today=today))
            done = session.get(RecordRow, records[0].record_id) is not None
        start += u.cases
        # A worker only submits a plan; its team lead approves or returns it afterwards.
        decisions = [r for r in records if r.kind == "plan_version"]
        decided = {r.fields["plan_id"] for r in decisions}
        if not done:
            changes = [
                Change(change_id=str(uuid.uuid4()), record_id=r.record_id, kind=r.kind,
                       case_id=r.case_id, base_rev=0,
                       set={**r.fields, "status": "submitted"}
                       if r.record_id in decided else r.fields)
                for r in records if r.kind != "plan_version"
            ]
            _push_all(factory, _viewer(user, teams), retention_days, changes)
            made = True
        made = _decide(factory, decisions, teams[0], retention_days) or made
    return made


def _viewer(user: User, teams: list[str]) -> Viewer:
    return Viewer(
        user_id=user.id, username=user.username, display_name=user.display_name,
        role=user.role, team_ids=frozenset(teams), device_id=SEED_DEVICE,
        address="seed-demo",
    )


def _push_all(factory: sessionmaker[Session], viewer: Viewer, retention_days: int,
              changes: list[Change]) -> None:
    ctx = PushContext(viewer=viewer, retention_days=retention_days)
    # A new record applied as sent is answered with its rev alone (record None).
    for result in push(factory, ctx, changes):  # one transaction: all of them or none
        if result.status != "applied" or result.error is not None or not result.rev:
            raise RuntimeError(f"demo record refused: {result.error}")


def _decide(factory: sessionmaker[Session], decisions: list[DemoRecord], team_id: str,
            retention_days: int) -> bool:
    """The team lead of the team decides on the submitted demo plans not decided yet, each
    on the plan exactly as it stands (so `based_on_rev` and `content` are the real ones)."""
    with transaction(factory) as session:
        lead = next((user for user in session.scalars(select(User).where(User.role == "teamlead"))
                     if team_id in team_ids(session, user.id)), None)
        if lead is None:
            return False
        teams = team_ids(session, lead.id)
        changes = []
        for d in decisions:
            if session.get(RecordRow, d.record_id) is not None:
                continue
            plan = session.get(RecordRow, d.fields["plan_id"])
            assert plan is not None
            items = [row for row in session.scalars(select(RecordRow).where(
                RecordRow.case_id == d.case_id, RecordRow.kind == "plan_item"))
                if row.fields.get("plan_id") == plan.id and not row.deleted]
            items.sort(key=lambda row: str(row.fields.get("position")))
            fields = {
                **d.fields, "decided_by": lead.id,
                "based_on_rev": max([plan.rev, *(row.rev for row in items)]),
                "content": plan_content((plan.id, plan.rev, plan.fields),
                                        [(row.id, row.rev, row.fields) for row in items]),
            }
            changes.append(Change(change_id=str(uuid.uuid4()), record_id=d.record_id,
                                  kind="plan_version", case_id=d.case_id, base_rev=0,
                                  set=fields))
    if not changes:
        return False
    _push_all(factory, _viewer(lead, teams), retention_days, changes)
    return True
