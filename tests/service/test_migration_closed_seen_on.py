"""Migration 0002 gives cases that are closed already a `closed_seen_on`: their `closed_on`,
or the day of the upgrade without one; open cases get none."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from sync.service.db import alembic_config, make_engine


def test_closed_cases_get_their_date_at_the_upgrade(db_url):
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.downgrade(config, "0001")
    rows = [
        ("00000000-0000-4000-8000-000000000001", "closed", "2025-03-01"),
        ("00000000-0000-4000-8000-000000000002", "closed", None),
        ("00000000-0000-4000-8000-000000000003", "active", "2025-03-01"),
    ]
    with engine.begin() as conn:
        for case_id, status, closed_on in rows:
            conn.execute(
                text("INSERT INTO case_access (case_id, team_id, status, closed_on) "
                     "VALUES (:c, 'team', :s, :o)"),
                {"c": case_id, "s": status, "o": closed_on},
            )
    command.upgrade(config, "head")
    with engine.connect() as conn:
        got = dict(conn.execute(text("SELECT case_id, closed_seen_on FROM case_access")).all())
    engine.dispose()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert got == {
        rows[0][0]: "2025-03-01",
        rows[1][0]: today,
        rows[2][0]: None,
    }
