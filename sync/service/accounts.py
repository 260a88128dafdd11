"""Teams, users and devices: made by the command line, used by enrolment and every request."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import User as WireUser
from sync.service.models import Device, Membership, Team, User
from sync.service.records import utcnow
from sync.service.security import hash_password, new_token, token_hash

ROLES = ("worker", "teamlead", "admin")


class AccountError(ValueError):
    """A command-line mistake (unknown team, taken name); the message is safe to print."""


def add_team(session: Session, name: str, *, safety_team: bool = False) -> Team:
    """A team; with `safety_team`, one of the regional safety team (see directory.py)."""
    name = name.strip()
    if not name:
        raise AccountError("a team needs a name")
    if session.scalar(select(Team).where(Team.name == name)) is not None:
        raise AccountError(f"a team named {name!r} exists")
    team = Team(id=str(uuid.uuid4()), name=name, created_at=utcnow(), safety_team=safety_team)
    session.add(team)
    session.flush()
    return team


def team_by_name(session: Session, name: str) -> Team:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        raise AccountError(f"no team named {name!r}")
    return team


def add_user(
    session: Session, username: str, password: str, role: str, team_names: list[str],
    display_name: str | None = None,
) -> User:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 200:
        raise AccountError("a username has 1 to 200 characters")
    if len(password) < 8:
        raise AccountError("a password has at least 8 characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise AccountError("that username is taken")
    teams = [team_by_name(session, name) for name in team_names]
    user = User(
        id=str(uuid.uuid4()), username=username, display_name=display_name or username,
        role=role, password_hash=hash_password(password), created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    session.add_all(Membership(user_id=user.id, team_id=t.id) for t in teams)
    session.flush()
    return user


def team_ids(session: Session, user_id: str) -> list[str]:
    return sorted(session.scalars(select(Membership.team_id).where(Membership.user_id == user_id)))


def wire_user(session: Session, user: User) -> WireUser:
    return WireUser(
        id=user.id, username=user.username, display_name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        team_ids=team_ids(session, user.id),
    )


def add_device(session: Session, user: User, name: str) -> tuple[Device, str]:
    """A new device of `user` and its token (returned once; only its hash is kept)."""
    token = new_token()
    device = Device(
        id=str(uuid.uuid4()), user_id=user.id, name=name, token_hash=token_hash(token),
        created_at=utcnow(), revoked_at=None,
    )
    session.add(device)
    session.flush()
    return device, token


def revoke_device(session: Session, device: Device) -> bool:
    """Revoke `device`; False when it already was."""
    if device.revoked_at is not None:
        return False
    device.revoked_at = utcnow()
    return True
