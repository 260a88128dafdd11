"""Acting on the case file as a person does (clicks on case-list rows, tabs and table rows,
a file or print dialog answered), a case file view holding one main tab, a fictional family
with every field type filled in, and a snapshot of every record to prove that looking changed
nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from desktop.casefile.view import CaseFileView, open_and_wait
from storage.store import CaseStore

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"  # a team's id is a UUID, like every id

ME = "11111111-1111-4111-8111-111111111111"
COLLEAGUE = "22222222-2222-4222-8222-222222222222"
USER = {"id": ME, "username": "demo", "display_name": "Demo Werker", "role": "worker",
        "team_ids": [TEAM_ID]}


def filled_family(store: CaseStore, title: str, surname: str, day: int) -> dict[str, Any]:
    """A case with every field type of every kind the case file shows filled in: people with
    every field, visits with participants and scores, tasks assigned to the worker, to a
    family member and to a colleague, consent about a person. Returns the ids."""
    case = store.create_record("case", {
        "title": title, "team_id": TEAM_ID, "contact_worker_id": ME, "status": "active",
        "summary": f"Zorgen over de veiligheid thuis.\nGesprek {day} gepland.",
        "legal_framework": "ots", "safety_team_involved": True,
        "domains": ["veiligheid", "school"], "opened_on": f"2026-0{day}-0{day}",
        "shared_with": [COLLEAGUE],
    })
    people = {}
    for i, (first, circle, gender) in enumerate((("Anna", "household", "f"),
                                                 ("Bram", "household", "m"),
                                                 ("Oma Jo", "family", "x"))):
        people[first] = store.create_record("person", {
            "name": f"{first} {surname}", "birth_date": f"19{80 + i}-0{day}-1{i}",
            "gender": gender, "role": ("moeder", "zoon", "oma")[i], "circle": circle,
            "organisation": "Buurtteam" if i == 2 else None, "phone": f"06-1234567{i}",
            "deceased": False, "notes": f"Notitie over {first}.\nTweede regel.",
            "map_x": 10 * i, "map_y": 20 * i,
        }, case_id=case.id).id
    visits = []
    for i in range(2):
        visit = store.create_record("visit", {
            "date": f"2026-1{i}-0{day}", "participants": [people["Anna"], people["Bram"]],
            "location": "Thuis", "notes": f"Bezoek {i}.", "shared_with_family": i == 0,
            "observations": "Rustig.",
        }, case_id=case.id)
        visits.append(visit.id)
        for value, who in ((4 + i, "Anna"), (6, "Bram")):
            store.create_record("scaling_score", {
                "value": value, "visit_id": visit.id, "person_id": people[who],
                "date": visit.fields["date"], "note": f"Omdat {who} het zegt.",
            }, case_id=case.id)
    tasks = [
        store.create_record("task", {"title": title_, "due_on": due, "assignee_id": who,
                                     "done": done}, case_id=case.id).id
        for title_, due, who, done in (
            ("Schuldhulp inschakelen", "2026-12-01", ME, False),
            ("School bellen", "2026-12-03", people["Anna"], False),
            ("Overdracht lezen", None, COLLEAGUE, True),
        )
    ]
    consent = store.create_record("consent", {
        "person_id": people["Anna"], "purpose": "Gesprek met school",
        "given_on": "2026-09-01", "withdrawn_on": "2026-11-01", "basis": "mondeling",
    }, case_id=case.id).id
    return {"case": case.id, "people": people, "visits": visits, "tasks": tasks,
            "consent": consent}


def snapshot(store: CaseStore) -> dict[str, tuple[str, str | None, bool, dict[str, Any]]]:
    """Every record in the store, deleted ones too, with all of its fields."""
    return {r.id: (r.kind, r.case_id, r.deleted, dict(r.fields))
            for r in store.list_records(include_deleted=True)}


def changed_records(before: dict, after: dict) -> dict[str, Any]:
    """What differs between two snapshots, field by field (readable in a failing assert)."""
    out: dict[str, Any] = {}
    for record_id in before.keys() | after.keys():
        old, new = before.get(record_id), after.get(record_id)
        if old == new:
            continue
        if old is None or new is None:
            out[record_id] = (old, new)
            continue
        fields = {k: (old[3].get(k), new[3].get(k)) for k in old[3].keys() | new[3].keys()
                  if old[3].get(k) != new[3].get(k)}
        out[record_id] = {"kind": old[0], "deleted": (old[2], new[2]), **fields}
    return out


def activate(qtbot: Any, window: QWidget) -> None:
    """Make `window` the active one, so that a click gives focus as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def click(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click in the middle of `widget` (on a tick box, on its box: its middle may lie
    beyond its text, where a click does nothing), scrolled into sight first as a person
    scrolls to it. The click lands on whatever is at that point of the window, so the test
    fails if something else covers the widget."""
    from PySide6.QtWidgets import QCheckBox

    if pos is None and isinstance(widget, QCheckBox):
        pos = QPoint(8, widget.height() // 2)
    pos = pos or widget.rect().center()
    window = widget.window()

    def in_sight() -> bool:
        return reachable(widget, pos)

    try:
        qtbot.waitUntil(in_sight, timeout=2_000)  # rows just built are laid out first
    except Exception as exc:  # pytest-qt's TimeoutError
        hit = window.childAt(widget.mapTo(window, pos))
        raise AssertionError(f"{widget.accessibleName() or widget} is not in sight: "
                             f"{hit} is at its middle") from exc
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def reachable(widget: QWidget, pos: QPoint | None = None) -> bool:
    """Whether a person can click `widget` (at `pos`) once it is scrolled into sight: nothing
    else of the window is at that point."""
    _scroll_to(widget)
    window = widget.window()
    hit = window.childAt(widget.mapTo(window, pos or widget.rect().center()))
    return hit is not None and (hit is widget or widget.isAncestorOf(hit))


def _scroll_to(widget: QWidget) -> None:
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None \
                and parent.widget().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def click_tab(qtbot: Any, tabs: QTabWidget, page: QWidget) -> None:
    """Click the tab of `page` in its tab bar, as a person does."""
    bar = tabs.tabBar()
    index = tabs.indexOf(page)
    assert index >= 0
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_row(qtbot: Any, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """Click a row of a table, scrolled into sight first (as a person scrolls to it)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and view.viewport().rect().contains(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_case(qtbot: Any, case_list: Any, case_id: str) -> None:
    """Click a family in the case list."""
    row = case_list.model.row_of(case_id)
    assert row >= 0, "the case is not in the list"
    click_row(qtbot, case_list.table, row)


def type_into(qtbot: Any, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Click into a field and type, over what it held (Ctrl+A) or after it."""
    click(qtbot, widget)
    if replace:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:  # to the very end, in a line or a text
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def choose(qtbot: Any, combo: Any, data: Any) -> None:
    """Open a combo box by a click and click the item holding `data` in its list."""
    from PySide6.QtWidgets import QApplication

    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    # The list ignores a release that comes right after it opened (as from the opening press).
    qtbot.wait(QApplication.doubleClickInterval() + 20)
    index = combo.model().index(combo.findData(data), 0)
    assert index.isValid()
    view.scrollTo(index)
    for _ in range(5):
        if not view.isVisible():
            break
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())
        qtbot.wait(50)
        if not view.isVisible():
            break
        # On a busy machine the list may still take the click for the opening one's
        # release: a person then clicks again.
        qtbot.wait(200)
    assert not view.isVisible() and combo.currentData() == data


def open_calendar(qtbot: Any, date_edit: Any) -> None:
    """Click the calendar button at the end of a date field. The click goes to what is under
    the pointer there (the button inside the field), as the window system delivers it."""
    pos = QPoint(date_edit.width() - 8, date_edit.height() // 2)
    target = date_edit.childAt(pos) or date_edit
    click(qtbot, target, target.mapFrom(date_edit, pos))
    qtbot.waitUntil(date_edit.calendarWidget().isVisible)


def pick_date(qtbot: Any, date_edit: Any, iso: str) -> None:
    """Open the calendar of a date box by its arrow and click the day."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QTableView

    open_calendar(qtbot, date_edit)
    calendar = date_edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    day = QDate.fromString(iso, Qt.DateFormat.ISODate)
    calendar.setCurrentPage(day.year(), day.month())  # the month buttons, in short
    table = calendar.findChild(QTableView)
    model = table.model()
    # The first row of the grid may show the end of the month before: find the day in the
    # rows from the week it can be in.
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if str(model.data(index)) == str(day.day()) and (day.day() < 15) == (row < 4):
                qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                                 pos=table.visualRect(index).center())
                qtbot.waitUntil(lambda: not calendar.isVisible())
                assert date_edit.date() == day
                return
    raise AssertionError(f"no {iso} in the calendar")


def wheel(widget: QWidget, steps: int = 1) -> None:
    """A turn of the mouse wheel over `widget` (delivered as the window system does)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(widget.rect().center())
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


Tab = TypeVar("Tab", bound=QWidget)


def one_tab_view(qtbot: Any, session: Any, make_tab: Callable[[Any, QWidget], Tab],
                 size: tuple[int, int] = (1200, 800)) -> tuple[CaseFileView, Tab]:
    """A case file view holding one main view of the case, as the main window adds the
    network map and the safety plan (`make_tab(controller, view)` makes it), at `size` on
    screen and the active window: (view, tab)."""
    view = CaseFileView(session)
    tab = make_tab(view.controller, view)
    view.add_tab(tab, type(tab).__name__)  # no test reads the tab's title
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    activate(qtbot, view)  # shortcuts reach only the active window, and clicks give focus
    return view, tab


def open_on_tab(qtbot: Any, view: CaseFileView, tab: Any, case_id: str) -> None:
    """Open the case in the view and bring `tab` to the front, once it has read the case."""
    assert open_and_wait(view, case_id)
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_case == case_id)


def settle(session: Any, qtbot: Any) -> None:
    """Let pending writes land and their results come back to the UI thread."""
    qtbot.waitUntil(lambda: not session.busy)


def click_record(qtbot: Any, tab: Any, record_id: str) -> None:
    """Click a record's row in a record tab; its form then shows that record."""
    click_row(qtbot, tab.table, tab.model.row_of(record_id))
    assert tab.form.record_id == record_id


def shown_dialog(qtbot: Any, dialog_of: Callable[[], QDialog | None]) -> QDialog:
    """Wait for the dialog a click opened (`dialog_of` reads it from its owner, such as
    `lambda: tab.paper.export_dialog`) to be on screen, and return it."""
    qtbot.waitUntil(lambda: dialog_of() is not None and dialog_of().isVisible())
    dialog = dialog_of()
    assert dialog is not None
    return dialog


def save_in(dialog: QFileDialog, folder: Path, name: str) -> None:
    """In a save dialog: walk to `folder`, type `name` and press Save, as the worker does.
    The dialog adds the suffix of the chosen file type."""
    dialog.setDirectory(str(folder))  # no test can walk a file tree click by click
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    field.clear()
    QTest.keyClicks(field, name)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)


def print_to_file(dialog: QDialog, path: Path) -> None:
    """In a print dialog: there is no printer on a test machine, so the dialog offers printing
    to a PDF file, as on a laptop without a printer; type where and press Print."""
    field = dialog.findChild(QLineEdit, "filename")
    assert field.isVisible()
    field.clear()
    QTest.keyClicks(field, str(path))
    buttons = dialog.findChild(QDialogButtonBox)
    ok = next(b for b in buttons.buttons()
              if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
