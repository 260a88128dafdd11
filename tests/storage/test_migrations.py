"""Alembic migrations: a store made by the first revision opens at the newest, and the
newest schema is exactly what the models (and so the registry) declare."""

from __future__ import annotations

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage import keys, migrations
from storage.database import DB_NAME, Database
from storage.models import DERIVED_COLUMNS, RECORD_TABLES, UNKNOWN_FIELDS, Base
from storage.store import CaseStore
from sync.schema import KINDS
from tests.storage.conftest import PASSPHRASE

CASE_ID = "0b7f6a51-2f0e-4d0c-9f0a-6c1f2d3e4a5b"


def _store_at_first_revision(data_dir):
    """A store as the first release made it: schema 0001, one case, one outbox entry."""
    data_dir.mkdir(parents=True)
    key = keys.new_store_key()
    wrapping = keys.WrappingKey.derive(PASSPHRASE)
    keys.KeySlot(data_dir).save(wrapping.wrap(key))
    os.close(os.open(data_dir / DB_NAME, os.O_CREAT | os.O_WRONLY, 0o600))
    db = Database(data_dir / DB_NAME, key)
    with db.write() as conn:
        migrations.upgrade(conn, "0001")
        conn.execute(text(
            "INSERT INTO rec_case (id, case_id, rev, deleted, title, team_id, status) "
            "VALUES (:id, :id, 0, 0, 'Familie Oud', 'team-1', 'active')"
        ), {"id": CASE_ID})
        conn.execute(text(
            "INSERT INTO outbox (change_id, record_id, kind, case_id, base_rev, base, \"set\", "
            "\"delete\", state, created_at) VALUES ('5d1c2b3a-0000-4000-8000-000000000001', "
            ":id, 'case', :id, 0, '{}', '{\"title\": \"Familie Oud\"}', 0, 'pending', "
            "'2026-01-01T00:00:00Z')"
        ), {"id": CASE_ID})
    with db.read() as conn:
        assert migrations.current_revision(conn) == "0001"
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "access_log" not in tables
    db.close()


def test_a_first_revision_store_is_upgraded_at_open(data_dir):
    _store_at_first_revision(data_dir)
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.status()["schema_revision"] == migrations.HEAD
        assert store.get_record(CASE_ID).fields["title"] == "Familie Oud"
        assert store.pending_count() == 1
        store.log_access("open_case", case_id=CASE_ID)
        assert store.verify_access_log()
        assert [c.title for c in store.list_cases(search="oud")] == ["Familie Oud"]


def test_head_constant_names_the_newest_script():
    script = ScriptDirectory(str(migrations.SCRIPT_DIR))
    assert script.get_current_head() == migrations.HEAD
    assert [s.revision for s in script.walk_revisions()][-1] == "0001"


def test_migrated_schema_equals_the_models(store):
    with store._db.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_record_tables_hold_exactly_the_registry_fields():
    for kind, spec in KINDS.items():
        columns = set(RECORD_TABLES[kind].c.keys())
        common = {"id", "case_id", "rev", "deleted", "updated_by", "updated_at", UNKNOWN_FIELDS}
        derived = set(DERIVED_COLUMNS.get(kind, ()))
        assert columns - common - derived == set(spec.fields), kind


def test_changes_refused_before_0004_are_copied_into_the_rejected_changes(data_dir):
    _store_at_first_revision(data_dir)
    key_blob, _ = keys.KeySlot(data_dir).load()
    key, wrapping = keys.unlock(PASSPHRASE, key_blob)
    wrapping.forget()
    db = Database(data_dir / DB_NAME, key)
    with db.write() as conn:
        migrations.upgrade(conn, "0003")
        conn.execute(text("UPDATE outbox SET state = 'rejected', error_code = 'forbidden'"))
    db.close()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        with store._db.read() as conn:
            rows = conn.execute(text(
                "SELECT case_title, kind, error_code, \"values\" FROM rejected_change")).all()
        assert [(r[0], r[1], r[2]) for r in rows] == [("Familie Oud", "case", "forbidden")]
        store.purge_case(CASE_ID)
        (kept,) = store.list_rejected()
        assert kept.values == {"title": "Familie Oud"} and kept.case_title == "Familie Oud"


def test_the_timeline_indexes_only_plan_entries_by_record(store):
    # A pulled record of any other kind would otherwise be written at a random place in
    # this index too (migration 0016); the monitor reads it for plans only.
    with store._db.read() as conn:
        by_record = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history'"
            " AND sql LIKE '%record_id%'").all()
    assert [(name, sql.split(" WHERE ")[-1]) for name, sql in by_record] == [
        ("ix_history_plan_at", "kind = 'safety_plan'")]


def test_counting_rejected_changes_reads_their_index_not_the_outbox(store):
    # The status bar counts them at every unlock: a scan of an outbox holding 187,000
    # changes made offline took 440 ms of a core, beside the case list's first read.
    from storage.rejected import count_stray

    with store._db.read() as conn:
        query = count_stray().compile(dialect=conn.dialect)
        params = tuple(query.params[name] for name in query.positiontup or ())
        plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}", params).all()
    outbox_steps = [row[-1] for row in plan if " outbox " in f"{row[-1]} "]
    assert outbox_steps == ["SCAN outbox USING COVERING INDEX ix_outbox_rejected"]
