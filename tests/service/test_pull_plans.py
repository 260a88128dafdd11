"""On PostgreSQL a pull page's statements are planned for their own values
(`pull._page_reads`): in a generic plan the page's `case_id = ANY(:cases)` compared every
record with every visible case in turn. Here a device pulls a first sync page by page, more
often than psycopg and PostgreSQL need to switch a statement to a generic plan, and every
page statement runs with `plan_cache_mode = force_custom_plan`; the setting ends with the
page's transaction, so the pooled connections keep generic plans for everything else."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, text

PAGES = 9  # psycopg prepares at the 5th run, PostgreSQL may go generic after 5 more


@pytest.mark.postgres
def test_every_page_of_a_pull_is_planned_for_its_own_cases(pg_world) -> None:
    world = pg_world
    writer = world.device("anouk")
    team = world.team("Noord")
    for n in range(PAGES):
        case = writer.new_case(team, title=f"Familie Proef {n}")
        writer.new_record(case["id"], "task", title=f"Taak {n}")
    laptop = world.enrol("anouk", "tweede laptop")

    engine = world.app.state.engine
    modes: list[str] = []

    def note_mode(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if "json_build_object" in statement and "FROM records" in statement:
            with conn.connection.driver_connection.cursor() as own:
                own.execute("SHOW plan_cache_mode")
                modes.append(own.fetchone()[0])

    event.listen(engine, "before_cursor_execute", note_mode)
    try:
        pages = 0
        while True:
            response = laptop.pull_page(limit=2)
            assert response.status_code == 200, response.text
            page = response.json()
            laptop.cursor = page["cursor"]
            pages += 1
            if not page["more"]:
                break
    finally:
        event.remove(engine, "before_cursor_execute", note_mode)

    assert pages >= PAGES
    assert modes and set(modes) == {"force_custom_plan"}
    assert len(modes) >= PAGES
    with engine.connect() as conn:
        assert conn.execute(text("SHOW plan_cache_mode")).scalar() == "auto"
