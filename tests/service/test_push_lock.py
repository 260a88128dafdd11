"""A push holds the write lock once: what needs no lock (the schema checks, the text merges
against what the records held a moment ago) runs before it, and reads in a read-only
transaction, so a crowd of pushes waits on one another only for the writes (issue 15)."""

from __future__ import annotations

from sqlalchemy import event

from tests.service.world import change, new_id


def test_a_push_with_text_begins_one_writing_transaction(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"), summary="Eerste gesprek.\n")
    engine = world.app.state.engine  # on PostgreSQL the reads' engine is an option of it
    writing: list[int] = []

    def on_begin(connection):  # type: ignore[no-untyped-def]
        if connection.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            writing.append(1)

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
