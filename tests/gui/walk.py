"""A seeded random walk over the real main window, as a worker clicks through it: cases, tabs,
rows, the wheel over widgets, focus moved by Tab and by clicks, the new-case wizard (cancelled
or finished), the lock and unlock, a sync. It keeps the store as it should be after what the
walk did on purpose (`expected`); a walk that only looks expects the store it started from."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget, QWizard

from desktop.casefile.editors import FieldEditor, LineEditor
from desktop.casefile.form import RecordForm
from desktop.session.controller import LOCKED, UNLOCKED
from tests.gui.acting import (
    changed_records,
    click,
    click_case,
    click_row,
    click_tab,
    reachable,
    snapshot,
    type_into,
    wheel,
)


class Walk:
    def __init__(self, qtbot: Any, window: Any, passphrase: str, seed: int, *,
                 edits: bool = False, finish_wizard: bool = False, sync: bool = False) -> None:
        self.qtbot = qtbot
        self.w = window
        self.passphrase = passphrase
        self.rng = random.Random(seed)
        self.edits = edits
        self.finish_wizard = finish_wizard
        self.sync = sync
        self.log: list[str] = []  # the steps, to replay a failure in the head
        qtbot.waitUntil(lambda: window.workspace.case_list.model.rowCount() > 0, timeout=10_000)
        self.expected = self.settled_snapshot()
        self.made_on_purpose = 0

    # -- what the store holds ---------------------------------------------------------------

    def settled_snapshot(self) -> dict:
        self.w.session.wait_for_writes()
        self.qtbot.waitUntil(lambda: not self.w.session.busy, timeout=10_000)
        return snapshot(self.w.session.store)

    def check(self, where: str) -> None:
        """The store holds exactly what the walk meant to change, nothing more."""
        diff = changed_records(self.expected, self.settled_snapshot())
        assert not diff, f"after {where}: {diff} (steps: {self.log[-12:]})"

    # -- the pieces of the window -----------------------------------------------------------

    @property
    def view(self) -> Any:
        return self.w.workspace.case_file

    @property
    def case_list(self) -> Any:
        return self.w.workspace.case_list

    def wait_case(self, case_id: str) -> None:
        view = self.view
        self.qtbot.waitUntil(lambda: view.head is not None and view.head.case.id == case_id
                             and not view._waiting, timeout=10_000)

    def wait_tab(self) -> None:
        view = self.view
        page = view.tabs.currentWidget()
        if view.case_id is not None and hasattr(page, "loaded_case"):
            self.qtbot.waitUntil(lambda: page.loaded_case == view.case_id, timeout=10_000)

    def editors(self) -> list[FieldEditor]:
        """The editors of the tab on screen (its form, the scores of a visit)."""
        page = self.view.tabs.currentWidget()
        forms = [getattr(page, "form", None)]
        out = [e for form in forms if form is not None for e in form.editors.values()]
        scores = getattr(page, "scores", None)
        if scores is not None:
            out += [*scores.editors.values(), *scores.notes.values()]
        return [e for e in out if e.widget.isVisible()]

    # -- steps ------------------------------------------------------------------------------

    def run(self, steps: int) -> None:
        self.open_a_case()
        weights = {
            self.open_a_case: 6, self.show_a_tab: 10, self.choose_a_row: 14,
            self.wheel_over_a_widget: 10, self.move_focus: 6, self.click_into_a_field: 5,
            self.new_case_wizard: 2, self.lock_and_unlock: 1,
        }
        if self.edits:
            weights[self.type_an_edit] = 4
        if self.sync:
            weights[self.sync_now] = 2
        actions, counts = list(weights), list(weights.values())
        for step in range(steps):
            action = self.rng.choices(actions, counts)[0]
            self.log.append(f"{step}:{action.__name__}")
            action()
        self.check("the walk")

    def open_a_case(self) -> None:
        model = self.case_list.model
        if not model.rowCount():
            self.log.append("no case in the list")
            return
        case_id = model.case(self.rng.randrange(model.rowCount())).id
        self.log.append(f"open {case_id[:8]}")
        click_case(self.qtbot, self.case_list, case_id)
        self.wait_case(case_id)

    def show_a_tab(self) -> None:
        tabs = self.view.tabs
        if self.view.case_id is None:
            return
        click_tab(self.qtbot, tabs, tabs.widget(self.rng.randrange(tabs.count())))
        self.wait_tab()

    def choose_a_row(self) -> None:
        table = getattr(self.view.tabs.currentWidget(), "table", None)
        if self.view.case_id is None or table is None or not table.model().rowCount():
            return
        click_row(self.qtbot, table, self.rng.randrange(table.model().rowCount()))

    def wheel_over_a_widget(self) -> None:
        """Scrolling past a form: over combos, dates, numbers, ticks, texts without focus."""
        targets: list[QWidget] = [e.widget for e in self.editors() if not e.widget.hasFocus()]
        table = getattr(self.view.tabs.currentWidget(), "table", None)
        if table is not None:
            targets.append(table.viewport())
        if targets:
            wheel(self.rng.choice(targets), self.rng.choice((-2, -1, 1, 2)))

    def move_focus(self) -> None:
        focused = self.w.focusWidget() or self.w
        key = Qt.Key.Key_Backtab if self.rng.random() < 0.3 else Qt.Key.Key_Tab
        self.qtbot.keyClick(focused, key)

    def click_into_a_field(self) -> None:
        fields = [e.widget for e in self.editors()
                  if isinstance(e.widget, QLineEdit | QPlainTextEdit) and e.widget.isEnabled()
                  and reachable(e.widget)]
        if fields:
            click(self.qtbot, self.rng.choice(fields))

    def type_an_edit(self) -> None:
        """On purpose: retype a text field of the record on screen, then leave it."""
        page = self.view.tabs.currentWidget()
        form = getattr(page, "form", None) or getattr(page, "overview", None)
        if page is self.view.overview:
            form = self.view.overview.form
        # Typed edits go through one record's form; the plan's and the map's own editors
        # are looked at (wheel, focus) but not typed into by the walk.
        if not isinstance(form, RecordForm) or form.record_id is None or not form.isEnabled():
            return
        fields = [(n, e) for n, e in form.editors.items()
                  if isinstance(e, LineEditor) and reachable(e.widget)]
        if not fields:
            return
        name, editor = self.rng.choice(fields)
        record_id = form.record_id
        text = f"Wandeling {len(self.log)}"
        type_into(self.qtbot, editor.widget, text)
        how = self.rng.choice(("tab", "click", "wait"))
        self.log.append(f"type {form.kind}.{name} ({how})")
        if how == "tab":
            self.qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)
        elif how == "click":
            table = getattr(page, "table", None)
            click(self.qtbot, table.viewport() if table is not None else self.view.header)
        record = self.expected[record_id]
        record[3][name] = text
        self.made_on_purpose += 1
        self.qtbot.waitUntil(lambda: not editor.pending, timeout=5_000)
        self.check(f"typing into {form.kind}.{name}")

    def new_case_wizard(self, finish: bool | None = None) -> None:
        """Open the wizard from the toolbar and type a family name; then cancel it or create
        the case (`finish`; by chance when the walk may finish it)."""
        from desktop.newcase.wizard import NewCaseWizard

        click(self.qtbot, self.w.toolbar.widgetForAction(self.w.actions.new_case))
        self.qtbot.waitUntil(lambda: any(x.isVisible() for x in self.w.findChildren(NewCaseWizard)))
        wizard = next(x for x in self.w.findChildren(NewCaseWizard) if x.isVisible())
        self.qtbot.waitUntil(lambda: wizard.user is not None)
        type_into(self.qtbot, wizard.family_page.title, f"Familie Wandel {len(self.log)}")
        if finish is None:
            finish = self.finish_wizard and self.rng.random() < 0.5
        if not finish:
            self.log.append("wizard cancelled")
            click(self.qtbot, wizard.button(QWizard.WizardButton.CancelButton))
            self.qtbot.waitUntil(lambda: not wizard.isVisible())
            wizard.deleteLater()
            self.check("a cancelled wizard")
            return
        click(self.qtbot, wizard.button(QWizard.WizardButton.NextButton))
        page = wizard.household_page
        type_into(self.qtbot, page.name, "Kim Wandel")
        self.qtbot.keyClick(page.name, Qt.Key.Key_Return)
        click(self.qtbot, wizard.button(QWizard.WizardButton.NextButton))
        with self.qtbot.waitSignal(wizard.case_created, timeout=10_000) as made:
            click(self.qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        case_id = made.args[0]
        self.log.append(f"wizard made {case_id[:8]}")
        wizard.deleteLater()
        self.wait_case(case_id)  # the window opens the new case
        now = self.settled_snapshot()
        new = {i: r for i, r in now.items() if r[1] == case_id}
        assert sorted(r[0] for r in new.values()) == ["case", "person"]
        self.expected.update(new)
        self.made_on_purpose += len(new)
        self.check("finishing the wizard")

    def lock_and_unlock(self) -> None:
        w = self.w
        self.qtbot.keyClick(w.focusWidget() or w, Qt.Key.Key_L,
                            Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: w.controller.state == LOCKED, timeout=10_000)
        self.qtbot.waitUntil(lambda: not w.sync.running, timeout=30_000)
        page = w.unlock_page
        self.qtbot.waitUntil(page.passphrase.isEnabled)
        self.qtbot.keyClicks(page.passphrase, self.passphrase)
        self.qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=20_000)
        self.qtbot.waitUntil(lambda: w.workspace is not None
                             and w.workspace.case_list.model.rowCount() > 0, timeout=10_000)
        self.check("the lock")
        self.open_a_case()

    def sync_now(self) -> None:
        w = self.w
        self.qtbot.waitUntil(lambda: not w.sync.running, timeout=30_000)
        with self.qtbot.waitSignals([w.sync.finished], timeout=30_000):
            click(self.qtbot, w.toolbar.widgetForAction(w.actions.sync_now))
        self.log.append("synced")
        self.check("a sync")
