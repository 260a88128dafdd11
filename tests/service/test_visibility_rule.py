"""The push decides whether a case it just wrote is still seen in Python
(visibility.sees_case); every other request asks the database (visible_cases). Both must
give the same answer for every combination of reach and retention."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

from sqlalchemy import insert

from sync.service.db import make_engine, make_sessionmaker, transaction
from sync.service.models import CaseAccess, CaseShare
from sync.service.visibility import Viewer, sees_case, visible_case_ids

RETENTION = 30
ME, OTHER = str(uuid.uuid4()), str(uuid.uuid4())
MY_TEAM, OTHER_TEAM = str(uuid.uuid4()), str(uuid.uuid4())


def _date(days_ago: int | None) -> str | None:
    if days_ago is None:
        return None
    return (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days_ago)).isoformat()


def test_the_rule_in_python_is_the_rule_in_sql(db_url):
    days = (None, 0, RETENTION - 1, RETENTION, RETENTION + 1, -5)  # -5: in the future
    grid = list(itertools.product(
        (MY_TEAM, OTHER_TEAM), (None, ME, OTHER), ((), (ME,), (OTHER,)),
        (None, "active", "closed"), days, days,
    ))
    cases = {str(uuid.uuid4()): combo for combo in grid}
    engine = make_engine(db_url)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        session.execute(insert(CaseAccess), [
            {"case_id": case_id, "team_id": team, "contact_worker_id": worker,
             "status": status, "closed_seen_on": _date(seen), "closed_on": _date(closed)}
            for case_id, (team, worker, _, status, seen, closed) in cases.items()])
        session.execute(insert(CaseShare), [
            {"case_id": case_id, "user_id": user}
            for case_id, combo in cases.items() for user in combo[2]])
    rows = {}
    with transaction(factory) as session:
        for row in session.query(CaseAccess):
            rows[row.case_id] = row
            session.expunge(row)
    try:
        for role in ("worker", "teamlead", "admin"):
            viewer = Viewer(user_id=ME, username="ik", display_name="Ik", role=role,
                            team_ids=frozenset({MY_TEAM}), device_id=str(uuid.uuid4()))
            with transaction(factory) as session:
                in_sql = visible_case_ids(session, viewer, RETENTION)
            in_python = {case_id for case_id, combo in cases.items()
                         if sees_case(viewer, rows[case_id], combo[2], RETENTION)}
            assert in_python == in_sql, role
            assert in_sql or role == "admin"  # the grid reaches every role but the admin
    finally:
        engine.dispose()
