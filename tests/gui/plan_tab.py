"""The safety plan tab's set-up and the acts its GUI tests share: a case with a plan and
lines in a real store, the tab in a case file view, and clicks on its lines.

A test module makes its fixtures of the set-up by name, `tab = pytest.fixture(plan_view,
name="tab")`: an imported fixture is unused to ruff and shadowed by each test's argument (F401,
F811), and in conftest.py it would be every GUI test's fixture."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.safetyplan.positions import sort_key
from desktop.safetyplan.tab import PlanTab
from tests.gui.acting import one_tab_view, open_on_tab

TEAM_NOORD = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # ids are UUIDs

ME = "11111111-1111-4111-8111-111111111111"


def user(role="worker"):
    return {"id": ME, "username": "demo", "display_name": "Demo Werker", "role": role,
            "team_ids": [TEAM_NOORD]}


def new_case(store):
    case = store.create_record("case", {"title": "Familie Van Dijk", "team_id": TEAM_NOORD,
                                        "status": "active", "contact_worker_id": ME})
    store.create_record("person", {"name": "Sanne van Dijk"}, case_id=case.id)
    return case


def make_plan(store, case, status="draft", **extra):
    plan = store.create_record("safety_plan", {"title": "Plan", "status": status,
                                               "version": 1, **extra}, case_id=case.id)

    def line(section, position, **fields):
        return store.create_record("plan_item", {"plan_id": plan.id, "section": section,
                                                 "position": position, **fields},
                                   case_id=case.id)

    return plan, line


def plan_view(session, qtbot):
    """A case file view holding the plan tab, shown and active: (view, tab)."""
    return one_tab_view(qtbot, session, PlanTab)


def open_plan(tab, case, qtbot):
    view, plan_tab = tab
    open_on_tab(qtbot, view, plan_tab, case.id)
    return plan_tab


def settle(tab, qtbot):
    view, plan_tab = tab
    qtbot.waitUntil(lambda: not view.session.busy)
    qtbot.waitUntil(lambda: not view.session.busy)  # the read after the write


def click(tree, index):
    tree.scrollTo(index)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())


def tick(box):
    """Click the tick box itself (its middle may lie past its short label)."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def lines(store, case, section):
    items = [i for i in store.list_records(kind="plan_item", case_id=case.id)
             if i.fields["section"] == section]
    return sorted(items, key=lambda i: sort_key(i.fields.get("position"), i.id))


def plan_records(store, case):
    """Every plan and line of the case, removed ones too, with all of their fields."""
    return {r.id: (r.deleted, dict(r.fields))
            for kind in ("safety_plan", "plan_item")
            for r in store.list_records(kind=kind, case_id=case.id, include_deleted=True)}
