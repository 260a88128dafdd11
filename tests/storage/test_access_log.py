"""The local access log: append-only, and a changed, inserted or removed entry breaks the
hash chain."""

from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc

from tests.storage.conftest import new_case


def _logged(store):
    case_id = new_case(store)
    store.set_setting("user", {"id": "user-7", "team_ids": ["team-1"]})
    store.set_setting("device_id", "device-3")
    store.log_access("open_case", case_id=case_id)
    store.log_access("read", case_id=case_id, detail="visit list")
    store.log_access("search", detail="case list")
    store.log_access("print", case_id=case_id)
    return case_id


def test_entries_say_who_when_which_case_and_what(store):
    case_id = _logged(store)
    entries = store.access_log()
    assert [e.action for e in entries] == ["edit", "open_case", "read", "search", "print"]
    opened = entries[1]
    assert (opened.user_id, opened.device_id, opened.case_id) == ("user-7", "device-3", case_id)
    assert opened.at.endswith("Z")
    assert [e.action for e in store.access_log(case_id)] == ["edit", "open_case", "read", "print"]
    assert store.verify_access_log()
    with pytest.raises(ValueError):
        store.log_access("peek")


def test_the_log_refuses_updates_and_deletes(store):
    _logged(store)
    with pytest.raises(sa_exc.DatabaseError), store._db.write() as conn:
        conn.exec_driver_sql("UPDATE access_log SET action = 'read' WHERE seq = 2")
    with pytest.raises(sa_exc.DatabaseError), store._db.write() as conn:
        conn.exec_driver_sql("DELETE FROM access_log WHERE seq = 2")
    assert store.verify_access_log()


def _tamper(store, *statements):
    with store._db.write() as conn:
        conn.exec_driver_sql("DROP TRIGGER access_log_no_update")
        conn.exec_driver_sql("DROP TRIGGER access_log_no_delete")
        for sql in statements:
            conn.exec_driver_sql(sql)


def test_a_changed_entry_is_detected(store):
    _logged(store)
    _tamper(store, "UPDATE access_log SET case_id = NULL WHERE seq = 3")
    check = store.verify_access_log()
    assert not check and check.broken_at == 3


def test_a_removed_entry_is_detected(store):
    _logged(store)
    _tamper(store, "DELETE FROM access_log WHERE seq = 2")
    assert not store.verify_access_log()


def test_removing_the_newest_entries_is_detected(store):
    _logged(store)
    _tamper(store, "DELETE FROM access_log WHERE seq >= 4")
    assert not store.verify_access_log()


def test_audit_batches_are_handed_over_once(store):
    _logged(store)
    batch = store.take_audit_batch(3)
    assert len(batch) == 3
    store.mark_audit_pushed([e.id for e in batch])
    rest = store.take_audit_batch(100)
    assert [e.action for e in rest] == ["search", "print"]
    store.mark_audit_pushed([e.id for e in rest])
    assert store.take_audit_batch(100) == []
    assert store.verify_access_log()  # the pushed mark is outside the chain
