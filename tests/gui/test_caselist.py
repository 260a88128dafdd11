"""The case list over a real store: search by family and person name, status filter, sort,
sections for a worker and a team lead, and activation."""

from __future__ import annotations

import pytest

from desktop.caselist.model import CaseListModel
from desktop.caselist.view import CaseListView, search_and_wait
from tests.gui.acting import activate, choose, click_row

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

pytestmark = pytest.mark.gui

ME, COLLEAGUE = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"


def seed(store) -> dict[str, str]:
    """Three fictional families; returns their case ids by family name."""
    ids = {}
    for title, status, worker, people, review in (
        ("Familie Jansen", "active", ME, ["Mila Jansen", "Ruben de Vries"], "2027-03-01"),
        ("Familie Bakker", "intake", COLLEAGUE, ["Sanne Bakker"], "2026-12-15"),
        ("Familie El Amrani", "closed", ME, ["Yasmin El Amrani", "Daan Visser"], None),
    ):
        case = store.create_record("case", {
            "title": title, "team_id": TEAM_ID, "status": status,
            "contact_worker_id": worker,
        })
        for name in people:
            store.create_record("person", {"name": name, "circle": "household"},
                                case_id=case.id)
        if review:
            store.create_record("safety_plan", {"title": "Plan", "review_on": review},
                                case_id=case.id)
        ids[title] = case.id
    return ids


def titles(view: CaseListView) -> list[str]:
    return [view.model.case(r).title for r in range(view.model.rowCount())]


@pytest.fixture
def view(store, session, qtbot):
    ids = seed(store)
    view = CaseListView(session)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    activate(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.ids = ids
    return view


def test_model_passes_qt_model_checks(view, qtmodeltester):
    assert isinstance(view.model, CaseListModel)
    qtmodeltester.check(view.model)


def test_search_by_family_name_and_by_person_name(view):
    assert search_and_wait(view, "bakker") == 1
    assert titles(view) == ["Familie Bakker"]
    # Daan Visser is only a person in the El Amrani household, not in any family name.
    assert search_and_wait(view, "daan VIS") == 1
    assert titles(view) == ["Familie El Amrani"]
    assert search_and_wait(view, "nobody by this name") == 0
    assert search_and_wait(view, "") == 3


def test_a_search_is_logged_without_what_was_searched(view, store, qtbot):
    assert search_and_wait(view, "Sanne") == 1

    def searches():
        return [e for e in store.access_log() if e.action == "search"]

    qtbot.waitUntil(lambda: bool(searches()))
    assert len(searches()) == 1
    assert "Sanne" not in repr(searches()[0])


def test_a_search_picks_from_the_list_read_until_a_write_comes(view, store, session, qtbot,
                                                               monkeypatch):
    """A search asks the store only for the ids it finds (the rows' marks and dates were
    read already); after a write the next search reads the list again (issue 15)."""
    reads: list[str | None] = []
    real = store.list_cases

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(kwargs.get("search"))
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "list_cases", counted)
    assert search_and_wait(view, "bakker") == 1
    assert search_and_wait(view, "daan VIS") == 1
    assert titles(view) == ["Familie El Amrani"]
    assert reads == []
    case_id = view.ids["Familie Jansen"]
    with qtbot.waitSignal(view.loaded, timeout=3000):
        session.change(lambda s: s.update_record(case_id, {"title": "Familie Bakker-Jansen"}),
                       kinds=["case"], case_ids=[case_id])
    assert search_and_wait(view, "bakker") == 2
    assert sorted(titles(view)) == ["Familie Bakker", "Familie Bakker-Jansen"]
    assert reads and all(search is None for search in reads)


def test_typing_in_the_search_field_filters_after_a_pause(view, qtbot):
    with qtbot.waitSignal(view.loaded, timeout=3000):
        qtbot.keyClicks(view.search, "Ruben")
    assert titles(view) == ["Familie Jansen"]


def test_status_filter(view, qtbot):
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.status, "intake")
    assert titles(view) == ["Familie Bakker"]
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.status, None)
    assert len(titles(view)) == 3


def test_sort_by_next_review_and_by_last_change(view, store, qtbot):
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.order, "review")
    # Earliest review first; a case without a review date last.
    assert titles(view) == ["Familie Bakker", "Familie Jansen", "Familie El Amrani"]
    store.update_record(view.ids["Familie Jansen"], {"status": "closed"})
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.order, "updated")
    assert titles(view)[0] == "Familie Jansen"


def test_sections_for_a_worker(view, store, qtbot):
    store.set_setting("user", {"id": ME, "username": "demo", "display_name": "Demo",
                               "role": "worker", "team_ids": [TEAM_ID]})
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert view.section.isEnabled()
    labels = [view.section.itemText(i) for i in range(view.section.count())]
    assert labels == ["All cases", "My cases", "Shared with me"]
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.section, "mine")
    assert sorted(titles(view)) == ["Familie El Amrani", "Familie Jansen"]
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.section, "others")
    assert titles(view) == ["Familie Bakker"]


def test_a_team_lead_sees_team_cases(view, store, qtbot):
    store.set_setting("user", {"id": COLLEAGUE, "username": "lead", "display_name": "Lead",
                               "role": "teamlead", "team_ids": [TEAM_ID]})
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert view.section.itemText(2) == "Team cases"
    with qtbot.waitSignal(view.loaded):
        choose(qtbot, view.section, "others")
    assert sorted(titles(view)) == ["Familie El Amrani", "Familie Jansen"]


def test_unsynced_changes_are_marked(view):
    row = titles(view).index("Familie Bakker")
    mark = view.model.index(row, 3)
    assert "↑" in view.model.data(mark)
    assert "not yet synced" in view.model.data(mark, 0x0003)  # tooltip


def test_clicking_a_row_or_enter_on_it_opens_the_case(view, qtbot):
    from PySide6.QtCore import Qt

    row = titles(view).index("Familie Jansen")
    with qtbot.waitSignal(view.case_activated) as blocker:
        click_row(qtbot, view.table, row)
    assert blocker.args == [view.ids["Familie Jansen"]]
    other = titles(view).index("Familie Bakker")
    qtbot.keyClick(view.table, Qt.Key.Key_Down if other > row else Qt.Key.Key_Up)
    with qtbot.waitSignal(view.case_activated) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [view.model.case(view.table.currentIndex().row()).id]


def test_an_edit_elsewhere_refreshes_the_list(view, session, qtbot):
    case_id = view.ids["Familie Bakker"]
    click_row(qtbot, view.table, titles(view).index("Familie Bakker"))
    with qtbot.waitSignal(view.loaded, timeout=3000):
        session.change(lambda s: s.update_record(case_id, {"title": "Familie Bakker-Smit"}),
                       kinds=["case"], case_ids=[case_id])
    assert "Familie Bakker-Smit" in titles(view)
    # The open case stays marked in the refreshed list.
    chosen = view.table.selectionModel().selectedRows()
    assert [view.model.case(i.row()).id for i in chosen] == [case_id]


def test_a_refresh_with_the_same_cases_keeps_the_place_in_the_list(view, qtbot):
    click_row(qtbot, view.table, 2)
    resets = []
    view.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert resets == []
    assert view.table.currentIndex().row() == 2


def test_clear_forgets_every_case(view):
    view.clear()
    assert view.model.rowCount() == 0


def test_a_returned_plan_arriving_by_sync_is_marked_in_the_list(view, store, session, qtbot):
    from PySide6.QtCore import Qt

    from sync.protocol import PullResponse, Record

    jansen = view.ids["Familie Jansen"]
    plan = next(p for p in store.list_records(kind="safety_plan", case_id=jansen))
    row = titles(view).index("Familie Jansen")
    assert "returned" not in view.model.index(row, 3).data()
    # the team lead's decision, as a sync brings it
    returned = Record(id=plan.id, kind="safety_plan", case_id=jansen, rev=plan.rev + 1,
                      fields={**plan.fields, "status": "returned",
                              "review_comment": "Maak de afspraken concreter"},
                      updated_by=COLLEAGUE, updated_at="2026-11-29T10:00:00Z")
    with qtbot.waitSignal(view.loaded, timeout=3000):
        session.change(lambda s: s.apply_pull_page(PullResponse(
            records=[returned], conflicts=[], revoked_case_ids=[], cursor="c1", more=False)),
            source="sync")
    row = titles(view).index("Familie Jansen")
    mark = view.model.index(row, 3)
    assert mark.data().split("\n")[-1] == "↩ Returned"  # under the sync mark, if any
    assert mark.data(Qt.ItemDataRole.AccessibleTextRole).endswith(
        "The team lead returned the safety plan.")
    # the words are not cut: the column holds them
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(3) >= metrics.horizontalAdvance("↩ Returned") + 16
    # the other families carry no such mark
    others = [view.model.index(r, 3).data() or "" for r in range(3) if r != row]
    assert not any("returned" in text for text in others)


def test_the_mark_follows_the_current_plan_only(store):
    """A returned plan beside a newer submitted one (two laptops) is not the current plan."""
    case = store.create_record("case", {"title": "Familie Smit", "team_id": TEAM_ID})
    store.create_record("safety_plan", {"status": "returned", "version": 1}, case_id=case.id)
    assert store.list_cases(search="Smit")[0].plan_status == "returned"
    store.create_record("safety_plan", {"status": "submitted", "version": 1},
                        case_id=case.id)
    assert store.list_cases(search="Smit")[0].plan_status == "submitted"
    store.create_record("case", {"title": "Familie Smit-Plan", "team_id": TEAM_ID})
    assert store.list_cases(search="Smit-Plan")[0].plan_status is None
