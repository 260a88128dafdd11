"""A service database made by the previous release, upgraded to this one, on SQLite and
PostgreSQL: the data survives, and a laptop one release behind keeps syncing with it
(design.md, "Compatibility across versions").

The previous release is the one before the network map and the plan review (as
tests/compat/previous.py has it): main at 992fa85, whose service migrations ended at
revision 0001 (0002_case_closed_seen_on and everything after came in with or after that
round; `git log -- sync/service/migrations`). Its database is made by those migrations and
filled through its tables as they were then, reflected from the database itself, so no
column of today's models can slip in.
"""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storage import keys
from sync.protocol import Record, Result
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.app import create_app
from sync.service.db import alembic_config, make_engine, make_sessionmaker, migrate, transaction
from sync.service.security import hash_password, new_token, token_hash
from tests.compat.previous import one_release_behind
from tests.service.conftest import service_settings
from tests.service.live import live_service
from tests.sync.harness import Account, Laptop, QuickKdf, service_records

PREVIOUS_HEAD = "0001"
PASSWORD = "wachtwoord-vorige"


@pytest.fixture(autouse=True)
def _quick_kdf(monkeypatch):
    monkeypatch.setattr(keys, "KdfParams", QuickKdf)  # as tests/sync/conftest.py does


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'previous.sqlite3'}"
    return request.getfixturevalue("postgres_cluster").create_database()


class Previous:
    """What the previous release's service held: one worker, her laptop, one case."""

    def __init__(self) -> None:
        self.team_id, self.user_id, self.device_id = (str(uuid.uuid4()) for _ in range(3))
        self.token = new_token()
        self.case_id, self.person_id, self.task_id = (str(uuid.uuid4()) for _ in range(3))
        self.at = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
        self.records = [
            Record(id=self.case_id, kind="case", case_id=self.case_id, rev=1, fields={
                "title": "Familie Voorgaand", "team_id": self.team_id,
                "contact_worker_id": self.user_id, "status": "active"}),
            Record(id=self.person_id, kind="person", case_id=self.case_id, rev=2, fields={
                "name": "Moeder Voorgaand", "circle": "household", "phone": "06-00000003"}),
            Record(id=self.task_id, kind="task", case_id=self.case_id, rev=3,
                   fields={"title": "Huisbezoek plannen"}),
        ]
        self.change_ids = [str(uuid.uuid4()) for _ in self.records]

    def fill(self, engine: sa.Engine) -> None:
        old = sa.MetaData()
        old.reflect(engine)
        t = old.tables
        with engine.begin() as conn:
            conn.execute(t["teams"].insert(), {"id": self.team_id, "name": "Wijkteam Oud",
                                              "created_at": self.at})
            conn.execute(t["users"].insert(), {
                "id": self.user_id, "username": "vorige", "display_name": "Vera Vorige",
                "role": "worker", "password_hash": hash_password(PASSWORD),
                "created_at": self.at})
            conn.execute(t["memberships"].insert(), {"user_id": self.user_id,
                                                    "team_id": self.team_id})
            conn.execute(t["devices"].insert(), {
                "id": self.device_id, "user_id": self.user_id, "name": "laptop",
                "token_hash": token_hash(self.token), "created_at": self.at,
                "revoked_at": None})
            conn.execute(t["records"].insert(), [{
                "id": r.id, "kind": r.kind, "case_id": r.case_id, "rev": r.rev,
                "deleted": False, "fields": r.fields, "updated_by": self.user_id,
                "updated_at": self.at} for r in self.records])
            conn.execute(t["case_access"].insert(), {
                "case_id": self.case_id, "team_id": self.team_id,
                "contact_worker_id": self.user_id, "status": "active", "closed_on": None})
            conn.execute(t["device_cases"].insert(), {
                "device_id": self.device_id, "case_id": self.case_id, "since_rev": 1,
                "revoked_rev": None})
            conn.execute(t["applied_changes"].insert(), [{
                "change_id": change_id, "user_id": self.user_id, "device_id": self.device_id,
                "result": Result(change_id=change_id, status="applied", rev=r.rev,
                                 record=r).model_dump(mode="json"),
                "created_at": self.at} for change_id, r in zip(self.change_ids, self.records,
                                                               strict=True)])
            conn.execute(t["rev_counter"].update().values(value=len(self.records)))
        # The access log's tables are as they were: the chain is written by its own code
        # (in Python, as that release did: not by a function of a later migration).
        with transaction(make_sessionmaker(engine)) as session:
            access_log.append_rows(session, [
                AccessEvent(action="push.applied", user_id=self.user_id,
                            device_id=self.device_id, case_id=self.case_id, record_id=r.id)
                for r in self.records])


def test_the_previous_releases_database_upgrades_and_its_laptops_keep_syncing(
        empty_db, tmp_path):
    engine = make_engine(empty_db, 2)
    command.upgrade(alembic_config(engine), PREVIOUS_HEAD)
    previous = Previous()
    previous.fill(engine)

    migrate(engine)  # what `keukentafel-server migrate` (and `serve`) does
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    with transaction(make_sessionmaker(engine)) as session:
        assert access_log.verify(session) is None  # the chain still holds

    app = create_app(service_settings(empty_db))
    with live_service(app) as url:
        # The laptop enrolled before the upgrade: its token, its records, its change ids.
        held = service_records(url, previous.token)
        assert held == {r.id: r.model_copy(update={"updated_by": previous.user_id,
                                                   "updated_at": held[r.id].updated_at})
                        for r in previous.records}
        retried = httpx.post(url + "/api/v1/sync/push", timeout=60,
                             headers={"Authorization": f"Bearer {previous.token}"},
                             json={"changes": [{
                                 "change_id": previous.change_ids[2], "kind": "task",
                                 "record_id": previous.task_id, "case_id": previous.case_id,
                                 "base_rev": 0, "set": {"title": "Huisbezoek plannen"}}]})
        assert [(r["status"], r["rev"]) for r in retried.json()["results"]] == [
            ("duplicate", 3)]  # a change sent before the upgrade is not applied again
        account = Account("vorige", PASSWORD, previous.user_id, previous.team_id,
                          "Wijkteam Oud")
        today = Laptop(tmp_path / "nieuw", "nieuw").enrol(url, account)  # password survived
        assert today.sync().rejected == 0
        today.store.update_record(previous.person_id, {"ring": 1, "index_person": False})
        assert today.sync().pushed == 1

        with one_release_behind():
            older = Laptop(tmp_path / "oud", "oud").enrol(url, account)
            report = older.sync()
            assert (report.rejected, report.rejected_kept) == (0, 0)
            person = older.records()[previous.person_id]
            assert person.fields["ring"] == 1  # unknown to it, kept as it came
            older.store.update_record(previous.person_id, {"phone": "06-00000004"})
            report = older.sync()
            assert (report.pushed, report.rejected, report.conflicts) == (1, 0, 0)
        now = service_records(url, previous.token)[previous.person_id].fields
        assert (now["phone"], now["ring"], now["name"]) == ("06-00000004", 1,
                                                           "Moeder Voorgaand")
    engine.dispose()
    for laptop in (today, older):
        laptop.close()
