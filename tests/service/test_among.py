"""`db.among`, the `column IN values` of the pull's visible cases and the push's lookups:
every value matches exactly itself, on SQLite and PostgreSQL, also a value holding what
PostgreSQL's array text gives a meaning (the service writes that text itself)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from sync.service.db import among, transaction
from sync.service.models import Team

NAMES = ["Noord", "Zuid, Oost", "", "NULL", '"West"', "{a,b}", "back\\slash\\", "Ω ü"]


def test_among_finds_exactly_the_values_asked_for(world):
    now = dt.datetime.now(dt.UTC)
    with transaction(world.factory) as session:
        session.execute(insert(Team), [{"id": f"t{n}", "name": name, "created_at": now}
                                       for n, name in enumerate(NAMES)])
    with transaction(world.factory) as session:
        def found(values: list[str]) -> list[str]:
            return sorted(session.scalars(select(Team.name).where(
                among(session, Team.name, values))))

        for name in NAMES:
            assert found([name, "Elders"]) == [name]
        assert found(NAMES) == sorted(NAMES)
        assert found(["Zuid", " Oost", "West", "a", "back\\slash"]) == []
        assert found([]) == []
