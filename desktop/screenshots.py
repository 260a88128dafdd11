"""`make screenshots`: every main screen, rendered offscreen with the demo data, as PNG files.

    QT_QPA_PLATFORM=offscreen python -m desktop.screenshots docs/screenshots

It runs the same throwaway service as `keukentafel demo`, enrols the demo worker, lets the
team lead change a case summary that the worker changed too (so the conflict inbox has
something to show), and grabs each screen. The data is fictional.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from desktop.app import make_application
from desktop.demo import DEMO_DEVICE, demo_service, prepare_store
from desktop.settings import Settings

log = logging.getLogger(__name__)

SIZE = (1280, 820)
LEAD_SIZE = (1680, 900)  # the review queue, the case list and the plan side by side


def settle(ms: int = 400, until: Callable[[], bool] | None = None, timeout: float = 15.0) -> None:
    """Let queued queries land and the widgets lay out before a grab."""
    deadline = time.monotonic() + timeout
    while True:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        if until is None or until() or time.monotonic() > deadline:
            return


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path}")
    return path


def _make_conflict(work_dir: Path, service_url: str, store: object) -> None:
    """The team lead and the worker change the same summary; the worker's sync finds it."""
    from sync.engine import SyncEngine

    case = store.list_records(kind="case")[0]  # type: ignore[attr-defined]
    lead = prepare_store(work_dir / "lead", service_url, "teamleider")
    lead.update_record(case.id, {"summary": "Afspraak met school gemaakt; oma haalt op."})
    for s in (lead,):
        engine = SyncEngine.for_store(s)
        engine.run()
        engine.client.close()
    lead.close()
    store.update_record(  # type: ignore[attr-defined]
        case.id, {"summary": "Afspraak met school gemaakt; buurvrouw haalt op."})
    engine = SyncEngine.for_store(store)
    engine.run()
    engine.client.close()


def _children_version(workspace: object, folder: Path) -> Path:
    """The open plan's children's version, as the child sees it at the table."""
    plan_tab = workspace.plan_tab  # type: ignore[attr-defined]
    workspace.case_file.tabs.setCurrentWidget(plan_tab)  # type: ignore[attr-defined]
    settle(300)
    plan_tab.parts.setCurrentWidget(plan_tab.children)  # type: ignore[attr-defined]
    settle(300)
    plan_tab.children.show_view()  # type: ignore[attr-defined]
    dialog = plan_tab.children.view_dialog  # type: ignore[attr-defined]
    dialog.resize(900, 860)
    settle()
    path = _save(dialog, folder, "12-children-version")
    dialog.close()
    plan_tab.parts.setCurrentIndex(0)  # type: ignore[attr-defined]
    return path


def _showcase(store: object) -> str:
    """The case whose plan the team lead returned: its plan shows the lead's comments."""
    plans = store.list_records(kind="safety_plan")  # type: ignore[attr-defined]
    returned = [p.case_id for p in plans if p.fields.get("status") == "returned"]
    return returned[0] if returned else store.list_cases()[0].id  # type: ignore[attr-defined]


def _sharing_dialog(case_file: object, folder: Path) -> Path:
    """"Delen…" of the open case, the regional safety team's professional ticked (not saved)."""
    from PySide6.QtCore import Qt

    case_file.share()  # type: ignore[attr-defined]
    settle(300, lambda: getattr(case_file, "sharing_dialog", None) is not None)
    dialog = case_file.sharing_dialog  # type: ignore[attr-defined]
    for row in range(dialog.model.rowCount()):
        item = dialog.model.item(row)
        if "Vera" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    dialog.resize(560, 520)
    settle()
    path = _save(dialog, folder, "15-sharing-dialog")
    dialog.reject()
    return path


def _plan_comparison(store: object, plan_tab: object, folder: Path) -> list[Path]:
    """The returned plan's version beside the plan now, part by part, after the worker
    answered the team lead's comment on the signals (the demo's fictional answer)."""
    plan = plan_tab.data.plan  # type: ignore[attr-defined]
    signals = plan_tab.model.lines("signal")  # type: ignore[attr-defined]
    if plan is None or not signals:
        return []
    store.update_record(signals[0].id, {  # type: ignore[attr-defined]
        "text": "De kinderen worden stil en spelen niet meer buiten.",
        "who": "oma: zij belt moeder en daarna de jeugdprofessional"})
    plan_tab.reload()  # type: ignore[attr-defined]
    settle(400)
    plan_tab.compare_versions()  # type: ignore[attr-defined]
    dialog = plan_tab.compare_dialog  # type: ignore[attr-defined]
    dialog.resize(1100, 760)
    settle()
    path = _save(dialog, folder, "14-plan-version-comparison")
    dialog.close()
    return [path]


def _family_plan_pages(store: object, case_id: str, folder: Path) -> list[Path]:
    """The plan for the family as it comes out of the printer: its first page and the
    first page of the children's version, drawn as on paper."""
    import datetime as dt

    from desktop.familyplan.content import family_plan
    from desktop.familyplan.export import pictures
    from desktop.safetyplan.data import read_plan

    plan = family_plan(read_plan(store, case_id), dt.date.today())
    if plan is None:
        return []
    images, children = pictures(plan)
    shots = [("family_plan_pdf", images[0])]
    if children >= 0:
        shots.append(("family_plan_children", images[children]))
    saved = []
    for name, image in shots:
        path = folder / f"{name}.png"
        image.save(str(path))
        print(f"  {path}")
        saved.append(path)
    return saved


def _review_queue(work: Path, service_url: str, folder: Path) -> list[Path]:
    """The team lead's window: the plans to review, and one of them opened from the queue."""
    from desktop.mainwindow.window import MainWindow

    data_dir = work / "teamlead"
    store = prepare_store(data_dir, service_url, "teamleider")
    settings = Settings(data_dir)
    settings.set("service_url", service_url)
    settings.set("device_name", DEMO_DEVICE)
    window = MainWindow(data_dir, settings)
    window.resize(*LEAD_SIZE)
    window.show()
    window.controller.adopt(store)
    settle(600, lambda: not window.sync.running and not window.session.busy)
    workspace = window.workspace
    assert workspace is not None
    queue = workspace.review_queue
    settle(300, lambda: queue.model.rowCount() > 0)
    # Three panes share the lead's window: give the plan the room a lead would drag it.
    workspace.setSizes([480, 420, LEAD_SIZE[0] - 900])
    window.status.clearMessage()
    saved = [_save(window, folder, "09-review-queue")]
    if queue.model.rowCount():
        queue.table.activated.emit(queue.model.index(0, 0))
        settle(600, lambda: not window.session.busy)
        saved.append(_save(window, folder, "10-review-plan"))
    saved.append(_monitor(window, folder))
    window.close()
    QCoreApplication.processEvents()
    return saved


def _monitor(window: QWidget, folder: Path) -> Path:
    """The team lead's monitor, with the families behind the first status bar listed."""
    window.show_monitor()  # type: ignore[attr-defined]
    view = window.monitor  # type: ignore[attr-defined]
    view.resize(1500, 940)
    settle(300, lambda: view.figures is not None)
    if view.status_chart.bars:
        view.choose("cases_by_status", view.status_chart.bars[0].key, None)
        settle(300, lambda: view.cases.count() > 0)
    path = _save(view, folder, "15-monitor")
    view.close()
    return path


def _map_comparison(window: QWidget, tab: QWidget, folder: Path) -> Path:
    """The network at the case's first two visits compared, on the map and as a list."""
    tab.compare_snapshots()  # type: ignore[attr-defined]
    settle(300, lambda: tab.compare_dialog is not None)  # type: ignore[attr-defined]
    dialog = tab.compare_dialog  # type: ignore[attr-defined]
    dialog.before.setCurrentIndex(0)
    dialog.after.setCurrentIndex(min(1, dialog.after.count() - 1))
    dialog.resize(1200, 720)
    dialog.show()
    settle()
    dialog.map.fit()
    settle()
    path = _save(dialog, folder, "11-map-comparison")
    dialog.close()
    return path


def _scaling_chart(window: QWidget, workspace: QSplitter, folder: Path) -> list[Path]:
    """The plan with its first danger statement chosen, scrolled to the chart beside it;
    the window and the plan's right side widened, as a worker would drag them."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QScrollArea

    plan_tab = workspace.plan_tab  # type: ignore[attr-defined]
    window.resize(1920, 1000)
    settle(200)
    # The case list keeps its width, the plan gets the rest, as a worker drags the divider.
    listed = workspace.sizes()  # type: ignore[attr-defined]
    workspace.setSizes([*listed[:-2], 600, sum(listed[-2:]) - 600])  # type: ignore[attr-defined]

    def side_by_side() -> list[QSplitter]:  # the plan lays out its parts once it is wide
        return [s for s in plan_tab.findChildren(QSplitter)
                if s.orientation() == Qt.Orientation.Horizontal]

    settle(300, lambda: bool(side_by_side()))
    body = side_by_side()[0]
    body_sizes = body.sizes()
    body.setSizes([sum(body_sizes) // 4, sum(body_sizes) - sum(body_sizes) // 4])
    dangers = plan_tab.model.lines("danger")  # type: ignore[attr-defined]
    if not dangers:
        return []
    index = plan_tab.model.index_of(dangers[0].id)  # type: ignore[attr-defined]
    plan_tab.tree.selectionModel().setCurrentIndex(  # type: ignore[attr-defined]
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    panel = plan_tab.scaling  # type: ignore[attr-defined]
    settle(400, lambda: panel.chart.pair is not None)
    for scroll in plan_tab.findChildren(QScrollArea):
        if scroll.widget() is not None and scroll.widget().isAncestorOf(panel):
            scroll.ensureWidgetVisible(panel.table, 0, 0)
            scroll.ensureWidgetVisible(panel.pair_box, 0, 0)
            scroll.horizontalScrollBar().setValue(0)
    settle()
    saved = [_save(window, folder, "13-scaling-chart")]
    body.setSizes(body_sizes)
    window.resize(*SIZE)
    workspace.setSizes(listed)  # type: ignore[attr-defined]
    return saved


def _plan_tab(window: QWidget, folder: Path, name: str) -> Path:
    """The plan tab at 1280×800, a common laptop: how many of the plan's lines are in sight."""
    window.resize(1280, 800)
    settle(300, lambda: not window.session.busy)  # type: ignore[attr-defined]
    path = _save(window, folder, name)
    window.resize(*SIZE)
    settle(200)
    return path


def _kitchen_table(window: QWidget, folder: Path) -> list[Path]:
    """Kitchen-table mode (F11) on the open case, full screen at 1280×800: the plan in the
    family's words."""
    if not window.kitchen.enter():  # type: ignore[attr-defined]
        return []
    table = window.kitchen.table  # type: ignore[attr-defined]
    settle(400, lambda: table.data.plan is not None and not window.session.busy)
    # The offscreen screen is not 1280×800: the full-screen window is given that size.
    window.resize(1280, 800)
    settle(300)
    path = _save(window, folder, "kitchen_table")
    window.kitchen.leave()  # type: ignore[attr-defined]
    window.resize(*SIZE)
    settle(200)
    return [path]


def _disclosure_page(store: object, case_id: str, folder: Path, what: str) -> Path:
    """Page 1 of the case's inzage or anonymous consult PDF (`what`). No PDF renderer is
    installed here, so the page is drawn from the very document the PDF is printed from, at
    A4 with the PDF's margins, as the plan for the family's pages are."""
    from desktop.disclosure.document import PDF_MARGIN_MM, document_of
    from desktop.disclosure.gather import gather, gather_for_inzage
    from desktop.disclosure.saving import build
    from desktop.familyplan.paper import page_images

    content = (gather_for_inzage if what == "inzage" else gather)(store, case_id)
    document = document_of(build(content, what), content)
    image = page_images(document, lambda _page, _pages: "", dpi=144,
                        margin_mm=PDF_MARGIN_MM)[0]
    path = folder / f"{what}-pdf.png"
    image.save(str(path))
    print(f"  {path}")
    return path


def _consult_preview(workspace: object, folder: Path) -> Path:
    """The anonymous consult's preview, opened from the case header's button."""
    case_file = workspace.case_file  # type: ignore[attr-defined]
    case_file.open_disclosure("consult")
    settle(400, lambda: case_file.disclosure is not None)
    dialog = case_file.disclosure
    dialog.resize(1100, 720)
    dialog.parts.setMinimumWidth(360)
    settle()
    path = _save(dialog, folder, "consult-preview")
    dialog.close()
    settle(100)
    return path


def render(folder: Path) -> list[Path]:
    from desktop.mainwindow.window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="keukentafel-shots-"))
    saved: list[Path] = []
    try:
        with demo_service(work) as service:
            data_dir = work / "laptop"
            store = prepare_store(data_dir, service.url)
            _make_conflict(work, service.url, store)
            settings = Settings(data_dir)
            settings.set("service_url", service.url)
            settings.set("device_name", DEMO_DEVICE)
            make_application(language=settings.get("language"))

            first = MainWindow(work / "fresh", Settings(work / "fresh"))
            first.resize(*SIZE)
            first.show()
            settle()
            saved.append(_save(first, folder, "01-first-run"))
            first.close()

            window = MainWindow(data_dir, settings)
            window.resize(*SIZE)
            window.show()
            window.controller.adopt(store)
            settle(600, lambda: not window.sync.running and not window.session.busy)
            window.status.clearMessage()  # a passing message is not part of the screen
            saved.append(_save(window, folder, "02-case-list"))

            case = _showcase(store)
            workspace = window.workspace
            assert workspace is not None
            workspace.open_case(case)
            settle(600, lambda: not window.session.busy)
            case_file = workspace.case_file
            names = {case_file.overview: "overview", workspace.network_map: "genogram",
                     workspace.plan_tab: "safety-plan", case_file.people: "people",
                     case_file.visits: "visits", case_file.tasks: "tasks",
                     case_file.consent: "consent", case_file.timeline: "timeline"}
            tabs = case_file.tabs
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(300, lambda: not window.session.busy)
                name = names.get(tabs.widget(index), f"tab{index}")
                if tabs.widget(index) is workspace.plan_tab:
                    saved.append(_plan_tab(window, folder, f"03-case-file-{index + 1}-{name}"))
                elif tabs.widget(index) is not workspace.network_map:
                    saved.append(_save(window, folder, f"03-case-file-{index + 1}-{name}"))
                else:
                    for view in ("ecogram", "genogram"):
                        workspace.network_map.show_view(view)
                        settle(300, lambda: not window.session.busy)
                        saved.append(_save(window, folder, f"03-case-file-{index + 1}-{view}"))
                    saved.append(_map_comparison(window, workspace.network_map, folder))

            saved.append(_sharing_dialog(case_file, folder))
            saved.append(_children_version(workspace, folder))

            tabs.setCurrentWidget(workspace.plan_tab)
            settle(300, lambda: not window.session.busy)
            saved.extend(_scaling_chart(window, workspace, folder))

            saved.extend(_plan_comparison(store, workspace.plan_tab, folder))
            saved.extend(_family_plan_pages(store, case, folder))
            saved.append(_disclosure_page(store, case, folder, "inzage"))
            saved.append(_disclosure_page(store, case, folder, "consult"))
            saved.append(_consult_preview(workspace, folder))

            tabs.setCurrentWidget(workspace.plan_tab)
            saved.extend(_kitchen_table(window, folder))

            window.show_conflicts()
            inbox = window.inbox
            assert inbox is not None
            inbox.resize(900, 420)
            settle(400, lambda: inbox.model.rowCount() > 0)
            saved.append(_save(inbox, folder, "04-conflict-inbox"))
            if inbox.model.rowCount():
                from desktop.conflicts.dialog import ResolveDialog

                row = inbox.model.row_at(0)
                dialog = ResolveDialog(row.conflict, row.case_title, window, me=row.me)
                dialog.resize(1000, 620)
                dialog.show()
                settle()
                saved.append(_save(dialog, folder, "05-resolve-conflict"))
                dialog.close()
            inbox.close()

            from desktop.mainwindow.settings_dialog import SettingsDialog

            dialog = SettingsDialog(settings, window)
            dialog.show()
            settle()
            saved.append(_save(dialog, folder, "06-settings"))
            dialog.close()

            try:
                from desktop.newcase.wizard import NewCaseWizard
            except ImportError:
                NewCaseWizard = None  # noqa: N806
            if NewCaseWizard is not None:
                wizard = NewCaseWizard(window.session, window)
                wizard.resize(900, 620)
                wizard.show()
                settle()
                saved.append(_save(wizard, folder, "07-new-case"))
                wizard.currentPage().title.setText("Gezin De Vries")
                wizard.next()
                settle()
                saved.append(_save(wizard, folder, "07-new-case-household"))
                wizard.close()

            window.lock.quick_hide()
            settle()
            saved.append(_save(window, folder, "08-locked"))
            window.close()
            QCoreApplication.processEvents()
            saved.extend(_review_queue(work, service.url, folder))
    finally:
        from storage.store import CaseStore

        for used in (work / "laptop", work / "lead", work / "fresh", work / "teamlead"):
            if CaseStore.exists(used):
                CaseStore.wipe(used)  # also the wrapped key, where a keyring holds it
        shutil.rmtree(work, ignore_errors=True)
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "docs/screenshots")
    if QApplication.instance() is None:
        QApplication(sys.argv[:1])
    print(f"Rendering screenshots to {folder}/")
    render(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
