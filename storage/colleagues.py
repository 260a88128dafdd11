"""The team directory kept in the encrypted store: replaced whole at every sync, read by the
screens that name colleagues and teams and by the sharing dialog."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from storage.models import ColleagueRow, TeamNameRow
from sync.protocol import Colleague, TeamName

T = ColleagueRow.__table__
TEAMS = TeamNameRow.__table__


def replace(conn: Connection, users: Iterable[Colleague]) -> None:
    # Whole, not merged: someone who left the teams drops out of the list with the next sync.
    conn.execute(T.delete())
    rows = [u.model_dump() for u in users]
    if rows:
        conn.execute(T.insert(), rows)


def listed(conn: Connection) -> list[Colleague]:
    rows = conn.execute(select(T).order_by(T.c.display_name, T.c.id)).mappings()
    return [Colleague.model_validate(dict(row)) for row in rows]


def replace_teams(conn: Connection, teams: Iterable[TeamName]) -> None:
    conn.execute(TEAMS.delete())
    rows = [t.model_dump() for t in teams]
    if rows:
        conn.execute(TEAMS.insert(), rows)


def listed_teams(conn: Connection) -> list[TeamName]:
    rows = conn.execute(select(TEAMS).order_by(TEAMS.c.name, TEAMS.c.id)).mappings()
    return [TeamName.model_validate(dict(row)) for row in rows]
