"""A push holds the write lock once: what needs no lock (the schema checks, the text merges
against what the records held a moment ago) runs before it, and reads in a read-only
transaction, so a crowd of pushes waits on one another only for the writes (issue 15)."""

from __future__ import annotations

import threading

from sqlalchemy import event, text

from sync.service import push_commit
from sync.service.db import make_engine, make_sessionmaker, transaction
from tests.service.world import change, new_id


def test_a_push_with_text_begins_one_writing_transaction(world, monkeypatch):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), summary="Eerste gesprek.\n")
    engine = world.app.state.engine  # on PostgreSQL the reads' engine is an option of it
    writing: list[int] = []

    def on_begin(connection):  # type: ignore[no-untyped-def]
        if connection.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            writing.append(1)

    send = push_commit.send

    def message(*args):  # type: ignore[no-untyped-def]
        # On PostgreSQL the push's writes are one message, a transaction of its own, which
        # SQLAlchemy does not begin (push_commit.py).
        writing.append(1)
        return send(*args)

    monkeypatch.setattr(push_commit, "send", message)
    event.listen(engine, "begin", on_begin)
    try:
        results = anouk.push(
            change(new_id(), "task", case["id"], {"title": "Bellen", "done": False}),
            change(case["id"], "case", case["id"], {"summary": "Tweede gesprek.\n"},
                   base={"summary": "Eerste gesprek.\n"}, base_rev=case["rev"]),
        )
    finally:
        event.remove(engine, "begin", on_begin)
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert len(writing) == 1


def test_sqlite_writers_of_one_process_take_turns_before_sqlite(tmp_path):
    """A second writer of the process waits on the process's turn, not in SQLite (its busy
    handler polls, and under load let some pushes lose the race past their time-outs)."""
    engine = make_engine(f"sqlite:///{tmp_path}/turns.sqlite3")
    factory = make_sessionmaker(engine)
    second: list[str] = []  # what the second writer did with the database

    def note(what: str):  # type: ignore[no-untyped-def]
        def listener(*_args):  # type: ignore[no-untyped-def]
            if threading.current_thread().name == "second":
                second.append(what)
        return listener

    # First of the listeners: noted before the engine's own PRAGMAs or BEGIN IMMEDIATE wait.
    event.listen(engine, "connect", note("connect"), insert=True)
    event.listen(engine, "begin", note("begin"), insert=True)
    entered = threading.Event()

    def second_writer() -> None:
        with transaction(factory) as session:
            session.execute(text("SELECT 1"))  # the Session begins at its first statement
            entered.set()

    try:
        with transaction(factory) as session:
            session.execute(text("SELECT 1"))
            other = threading.Thread(target=second_writer, name="second", daemon=True)
            other.start()
            assert not entered.wait(0.3)
            assert second == []  # waiting for its turn, it has not touched the database
        other.join(10)
        assert entered.is_set() and "begin" in second
    finally:
        engine.dispose()
