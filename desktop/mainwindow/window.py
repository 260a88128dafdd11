"""The main window: a stack of first-run page, unlock page and workspace, with the toolbar,
the status bar, the lock and the background sync wired together.

The window title never names a family. Locking throws the workspace away (and closes every
dialog of the window), so nothing of a case is left on screen or in a widget.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

from desktop.kitchen.mode import KitchenMode
from desktop.mainwindow.actions import build_actions
from desktop.mainwindow.settings_dialog import SettingsDialog
from desktop.mainwindow.statusbar import SyncStatusBar
from desktop.mainwindow.workspace import Workspace
from desktop.operations import StoreSession
from desktop.session.controller import FIRST_RUN, LOCKED, UNLOCKED, SessionController
from desktop.session.enrol_dialog import EnrolDialog
from desktop.session.first_run import Enrolment, FirstRunChoice, FirstRunPage
from desktop.session.lock import Clock, LockController
from desktop.session.messages import error_message, short_message
from desktop.session.unlock import UnlockPage
from desktop.settings import Settings
from desktop.syncing.enrolment import enrol
from desktop.syncing.runner import (
    ClientFactory,
    EngineFactory,
    SyncRunner,
    default_client,
    engine_factory_for,
)
from desktop.syncing.status import NOT_ENROLLED
from sync.errors import DeviceRevoked, EnrolmentRequired

if TYPE_CHECKING:  # both are imported when first shown: the start should not wait for them
    from desktop.conflicts.view import ConflictInbox
    from desktop.monitor.view import MonitorWindow
    from desktop.rejected.view import RejectedChanges

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        *,
        clock: Clock | None = None,
        client_factory: ClientFactory = default_client,
        engine_factory: EngineFactory | None = None,
        store_class: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keukentafel")
        self.setObjectName("mainWindow")
        self.settings = settings
        # Not a child of the window: jobs still running when the window is deleted must find
        # their session alive (the jobs' callbacks keep it).
        self.session = StoreSession(None)
        self.controller = SessionController(
            data_dir, self.session, self, store_class=store_class,
            enrol=lambda store, enrolment: enrol(store, enrolment, client_factory),
        )
        lock_options = {"clock": clock} if clock is not None else {}
        self.lock = LockController(settings.get("idle_lock_minutes"), parent=self, **lock_options)
        self.sync = SyncRunner(
            self.session, settings.get("sync_interval_minutes"), self,
            engine_factory=engine_factory or engine_factory_for(client_factory),
            probe_seconds=settings.get("probe_interval_seconds"), client_factory=client_factory,
        )
        self.controller.before_close = lambda: self.sync.wait(30_000)
        self.controller.close_later = self.sync.close_after_sync
        self.workspace: Workspace | None = None
        self.inbox: ConflictInbox | None = None
        self.unsent: RejectedChanges | None = None
        self.monitor: MonitorWindow | None = None
        self.notice = ""  # the last message shown to the worker
        self.notices: list[str] = []  # every message shown since the window opened
        self.last_lock_reason = ""
        self._copied_here = False  # the clipboard changed while this app had the focus
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(self._clipboard_changed)

        self.first_run = FirstRunPage(settings.get("device_name"), settings.get("service_url"))
        self.unlock_page = UnlockPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)

        self.actions = build_actions(self)
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        a = self.actions
        # Kitchen-table mode on the toolbar, where it is always in sight without taking
        # room from the open case's header.
        for action in (a.new_case, a.sync_now, a.conflicts, a.kitchen, a.settings, a.lock):
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)
        menu = self.menuBar().addMenu(self.tr("&Keukentafel"))
        for action in (a.new_case, a.sync_now, a.conflicts, a.rejected, a.enrol, a.settings,
                       a.lock, a.kitchen):
            menu.addAction(action)
        menu.addAction(a.monitor)
        menu.addSeparator()
        self.about_action = QAction(self.tr("&About Keukentafel"), self)
        self.about_action.setStatusTip(self.tr("Version, licence and source code"))
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.about_action)
        menu.addAction(a.quit)
        self.addAction(a.lock)  # its shortcut works even while the toolbar is hidden
        self.addAction(a.kitchen)  # F11 with the menu bar hidden too
        self.kitchen = KitchenMode(self)
        # Ctrl+Tab from anywhere in the window, not only with the focus in the tabs.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self._next_case_tab(step))

        self.status = SyncStatusBar()
        self.setStatusBar(self.status)

        a.lock.triggered.connect(self.lock.quick_hide)
        a.sync_now.triggered.connect(self.sync_now)
        a.conflicts.triggered.connect(self.show_conflicts)
        a.rejected.triggered.connect(self.show_rejected)
        a.new_case.triggered.connect(self.new_case)
        a.enrol.triggered.connect(self.ask_enrolment)
        a.settings.triggered.connect(self.edit_settings)
        a.quit.triggered.connect(self.close)
        a.kitchen.triggered.connect(self.enter_kitchen)
        self.kitchen.changed.connect(self._at_table)
        a.monitor.triggered.connect(self.show_monitor)
        self.status.lock_clicked.connect(self.lock.quick_hide)
        self.status.conflicts_clicked.connect(self.show_conflicts)
        self.status.rejected_clicked.connect(self.show_rejected)

        self.lock.lock_requested.connect(self._on_lock_requested)
        self.controller.state_changed.connect(self._show_state)
        self.controller.unlock_failed.connect(self.unlock_page.show_error)
        self.controller.first_run_failed.connect(self.first_run.show_error)
        self.controller.enrol_failed.connect(self._say)
        self.controller.store_damaged.connect(self._say)
        self.controller.enrolling.connect(lambda: self.first_run.set_busy(
            True, self.tr("Enrolling with the team's service…")))
        self.controller.about_to_lock.connect(self._hide_everything)
        self.first_run.chosen.connect(self._first_run_chosen)
        self.unlock_page.submitted.connect(self.controller.unlock)
        self.session.failed.connect(self._on_failed)
        self.sync.status_changed.connect(self.status.show_status)
        self.sync.failed.connect(self._on_sync_failed)
        self.sync.finished.connect(self._on_sync_finished)
        self.sync.device_revoked.connect(self._on_device_revoked)
        self.sync.enrolment_required.connect(self._on_enrolment_required)
        settings.changed.connect(self._on_setting_changed)
        self._show_state(self.controller.state)

    # -- states -------------------------------------------------------------------------

    @Slot(str)
    def _show_state(self, state: str) -> None:
        unlocked = state == UNLOCKED
        for action in self.actions.case_actions:
            action.setEnabled(unlocked)
        self.toolbar.setVisible(unlocked)
        self.menuBar().setVisible(unlocked)
        self.status.set_locked(not unlocked)
        if state == FIRST_RUN:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.passphrase.setFocus()
        elif state == LOCKED:
            self.stack.setCurrentWidget(self.unlock_page)
            self.unlock_page.reset()
        else:
            self.first_run.forget_secrets()
            self.unlock_page.reset()
            self.workspace = Workspace(self.session, self.settings)
            self.workspace.map_conflict_chosen.connect(self.resolve_record)
            self.stack.addWidget(self.workspace)
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.setFocus()
            self.lock.arm()
            self.sync.start()
            self.session.query(lambda store: store.key_location, self._note_key_location,
                               on_error=lambda exc: None)
            self.session.query(lambda store: store.rejected_count(), self.status.show_rejected,
                               on_error=lambda exc: None)
            self._check_role()

    @Slot()
    def _clipboard_changed(self) -> None:
        if self.controller.unlocked and QApplication.focusWidget() is not None:
            self._copied_here = True

    def _note_key_location(self, location: str | None) -> None:
        if location == "file":  # the design asks that the worker is told
            self._say(
                self.tr("Your computer's password store does not work. Your key is therefore "
                        "kept encrypted in a file."),
                self.tr("Key kept in a file"))

    @Slot(object)
    def _first_run_chosen(self, choice: FirstRunChoice) -> None:
        if choice.enrolment is not None:
            self.settings.set("service_url", choice.enrolment.server_url)
            self.settings.set("device_name", choice.enrolment.device_name)
        self.controller.create(choice)

    @Slot(str)
    def _on_lock_requested(self, reason: str) -> None:
        self.last_lock_reason = reason
        self.controller.lock()

    @Slot()
    def _hide_everything(self) -> None:
        """Before the store closes: every case name leaves the screen and the widgets."""
        self.lock.disarm()
        self.sync.stop()
        self.kitchen.end()
        app = QApplication.instance()
        for widget in app.topLevelWidgets() if app else ():
            if (isinstance(widget, QDialog) and widget.isVisible()
                    and widget not in (self.inbox, self.unsent)):
                widget.reject()
                widget.deleteLater()  # a half-filled form must not keep a family's name
        if self.inbox is not None:
            self.inbox.clear()
        if self.unsent is not None:
            self.unsent.clear()
        if self.monitor is not None and isValid(self.monitor):
            self.monitor.clear()
        self.monitor = None  # rejected and deleted with the other dialogs above
        self.actions.monitor.setVisible(False)
        self.status.show_rejected(0)
        if self.workspace is not None:
            self.workspace.clear()  # saves what was typed but not yet paused on
        # Reads still running land nowhere: no view is filled again while locked.
        self.session.abandon_pending()
        # Text copied from a case must not outlive the lock in the clipboard.
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and (self._copied_here or clipboard.ownsClipboard()):
            clipboard.clear()
        self._copied_here = False
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.hide()
            self.workspace.deleteLater()
            self.workspace = None
        self.stack.setCurrentWidget(self.unlock_page)

    # -- kitchen-table mode -------------------------------------------------------------

    @Slot()
    def enter_kitchen(self) -> None:
        if self.controller.unlocked and not self.kitchen.active and not self.kitchen.enter():
            self._say(self.tr("Open a case first: kitchen-table mode shows the open case."))

    @Slot(bool)
    def _at_table(self, active: bool) -> None:
        # At the table only the lock (Ctrl+L) and the idle lock stay; no action of the work
        # screen, and so no dialog of it, reaches the family's screen.
        for action in self.actions.case_actions:
            action.setEnabled(self.controller.unlocked and (not active
                                                            or action is self.actions.lock))

    # -- actions ------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> None:
        """ "Nu synchroniseren": on a laptop that is not enrolled yet, offer to enrol."""
        if not self.controller.unlocked or self.kitchen.active:
            return
        if self.sync.status.connection == NOT_ENROLLED and not self.sync.running:
            self.ask_enrolment()
        else:
            self.sync.sync_now()

    @Slot()
    def show_conflicts(self) -> None:
        if not self.controller.unlocked or self.kitchen.active:
            return
        if self.inbox is None:
            from desktop.conflicts.view import ConflictInbox

            self.inbox = ConflictInbox(self.session, self)
            self.inbox.resolution_queued.connect(lambda _id: self.sync.sync_now())
        self.inbox.show()
        self.inbox.raise_()
        self.inbox.activateWindow()

    @Slot(str)
    def resolve_record(self, record_id: str) -> None:
        """A conflict chosen where it shows (the network map): the inbox, resolving it."""
        self.show_conflicts()
        if self.inbox is not None:
            self.inbox.resolve_record(record_id)

    @Slot()
    def show_rejected(self) -> None:
        """ "Niet verzonden wijzigingen": what could not be delivered, kept on this laptop."""
        if not self.controller.unlocked or self.kitchen.active:
            return
        if self.unsent is None:
            from desktop.rejected.view import RejectedChanges

            self.unsent = RejectedChanges(self.session, self)
            self.unsent.count_changed.connect(self.status.show_rejected)
        self.unsent.show()
        self.unsent.raise_()
        self.unsent.activateWindow()

    def _check_role(self) -> None:
        """The monitor's entry is there for a team lead only (the role may come with an
        enrolment or a sync)."""
        self.session.query(lambda store: store.get_setting("user"), self._show_role,
                           on_error=lambda exc: None)

    def _show_role(self, user: Any) -> None:
        self.actions.monitor.setVisible(isinstance(user, dict)
                                        and user.get("role") == "teamlead")

    @Slot()
    def show_monitor(self) -> None:
        """ "Monitor": the team lead's figures; the view itself refuses anyone else."""
        if (not self.controller.unlocked or self.kitchen.active
                or not self.actions.monitor.isVisible()):
            return
        if self.monitor is None or not isValid(self.monitor):
            from desktop.monitor.view import MonitorWindow

            self.monitor = MonitorWindow(self.session, self)
        self.monitor.show()
        self.monitor.raise_()
        self.monitor.activateWindow()

    @Slot()
    def new_case(self) -> None:
        if not self.controller.unlocked or self.kitchen.active:
            return
        from desktop.newcase.wizard import NewCaseWizard

        wizard = NewCaseWizard(self.session, self)
        if self.workspace is not None:
            wizard.case_created.connect(self.workspace.open_case)
        wizard.open()

    @Slot()
    def ask_enrolment(self) -> None:
        if not self.controller.unlocked or self.kitchen.active:
            return
        dialog = EnrolDialog(self.settings.get("service_url"), self.settings.get("device_name"),
                             self)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.controller.unlocked:
            enrolment = dialog.enrolment()
            self.controller.enrol(enrolment, on_done=lambda: self._enrolled(enrolment))
        if isValid(dialog):  # locking may have deleted it already
            dialog.deleteLater()

    def _enrolled(self, enrolment: Enrolment) -> None:
        # Only now: the settings then name the service the store is enrolled with.
        self.settings.set("service_url", enrolment.server_url)
        self.settings.set("device_name", enrolment.device_name)
        self._say(self.tr("This laptop is enrolled with the team's service."))
        self.sync.start()

    @Slot()
    def show_about(self) -> None:
        from desktop.mainwindow.about_dialog import AboutDialog

        self.about = AboutDialog(self)
        self.about.finished.connect(self.about.deleteLater)
        self.about.open()

    def edit_settings(self) -> None:
        if not self.controller.unlocked or self.kitchen.active:
            return
        dialog = SettingsDialog(self.settings, self)
        dialog.exec()
        if isValid(dialog):  # locking may have deleted it already
            dialog.deleteLater()

    @Slot(str, object)
    def _on_setting_changed(self, name: str, value: Any) -> None:
        if name == "idle_lock_minutes":
            self.lock.set_idle_minutes(value)
        elif name == "sync_interval_minutes":
            self.sync.set_interval(value)
        elif name == "probe_interval_seconds":
            self.sync.probe.set_interval(value)
        elif name == "service_url" and value and self.controller.unlocked:
            # The token belongs to the old service: a new address needs a new enrolment.
            self.session.query(
                lambda store: store.get_setting("server_url"),
                lambda current: self._offer_enrolment(current, value),
                on_error=lambda exc: None,
            )

    def _offer_enrolment(self, current: str | None, wanted: str) -> None:
        if current and current.rstrip("/") == wanted.rstrip("/"):
            return
        self._say(self.tr("Enrol again to sync with the new service address."))
        QTimer.singleShot(0, self.ask_enrolment)

    def _next_case_tab(self, step: int) -> None:
        if (self.workspace is None or not self.controller.unlocked or self.kitchen.active
                or not self.workspace.case_file_built):  # no case was opened yet
            return
        tabs = self.workspace.case_file.tabs
        if tabs.isVisible() and tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    # -- messages -----------------------------------------------------------------------

    def _say(self, message: str, short: str = "") -> None:
        """`message` to the worker; in the status bar as `short` when given, whole on hover."""
        self.notice = message
        self.notices.append(message)
        self.status.show_notice(short or message, message)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        if getattr(exc, "code", "") == "store_locked":
            return  # a read that raced the lock: nothing to tell
        self._say(error_message(exc))

    @Slot(object)
    def _on_sync_finished(self, report: Any) -> None:
        self.status.show_rejected(report.rejected_kept)
        self._check_role()
        if report.rejected:
            self._say(self.tr(
                "%n change(s) could not be sent. They are kept safely on this laptop. "
                "See them in Unsent changes.", "", report.rejected))
        if report.held:
            # A service older than this laptop: nothing is wrong with the work itself.
            self._say(self.tr(
                "%n change(s) are waiting to be sent: the service does not know this kind "
                "of information yet. They are kept safely on this laptop and go out once "
                "the service has been updated.", "", report.held))

    @Slot(object)
    def _on_sync_failed(self, exc: BaseException) -> None:
        if getattr(exc, "code", "") in ("not_enrolled", "enrolment_required"):
            return
        self._say(error_message(exc), short_message(exc))

    @Slot()
    def _on_device_revoked(self) -> None:
        self.controller.wipe()
        message = error_message(DeviceRevoked("device revoked"))
        self.notice = message
        self.first_run.show_error(message)

    @Slot()
    def _on_enrolment_required(self) -> None:
        message = error_message(EnrolmentRequired("enrol again"))
        self._say(message)
        if self.kitchen.active:
            return  # no question over the family's screen: the status bar has it afterwards
        box = QMessageBox(QMessageBox.Icon.Information, "Keukentafel", message,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Enrol again…"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Later"))
        box.accepted.connect(self.ask_enrolment)
        box.finished.connect(box.deleteLater)
        box.open()

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.sync.stop()
        self.controller.shutdown()
        # Let every job of the session land before the window (and its session) goes away.
        self.session.wait_for_writes(15_000)
        QThreadPool.globalInstance().waitForDone(15_000)
        QCoreApplication.sendPostedEvents()
        super().closeEvent(event)
