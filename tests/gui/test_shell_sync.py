"""The shell against the real service, in-process (Starlette's TestClient is an httpx.Client):
first run with enrolment, status bar changes (online, pending, offline), "Nu synchroniseren",
a revoked device, a token the service no longer takes, and a conflict resolved in the inbox
that reaches the service and another laptop. Every name and text is fictional."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import FIRST_RUN, UNLOCKED
from desktop.settings import Settings
from desktop.syncing.status import OFFLINE, ONLINE
from storage.errors import StoreLocked
from storage.store import CaseStore
from sync.client import RetryPolicy, SyncClient
from sync.engine import SyncEngine
from sync.service.accounts import revoke_device
from sync.service.app import create_app
from sync.service.db import transaction
from sync.service.demo import DEMO_USERS, seed
from sync.service.models import Device
from sync.service.settings import Settings as ServiceSettings

pytestmark = pytest.mark.gui

PASSPHRASE = "groene regenjas bij de voordeur"
URL = "http://testserver"
FAST = RetryPolicy(attempts=1, base=0.01, cap=0.01)
DEMO = next(u for u in DEMO_USERS if u.username == "demo")
LEAD = next(u for u in DEMO_USERS if u.username == "teamleider")


class SlowTransport(httpx.BaseTransport):
    """A slow network: every request waits for the gate to open."""

    def __init__(self, inner: httpx.BaseTransport, gate: threading.Event) -> None:
        self.inner = inner
        self.gate = gate

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.gate.wait(30)
        return self.inner.handle_request(request)


class Line:
    """The laptop's connection to the service: up (the in-process app), slow, or down."""

    def __init__(self, http: TestClient) -> None:
        self.http = http
        self.up = True
        self.gate: threading.Event | None = None

    def client(self, url: str, token: str | None) -> SyncClient:
        if self.up and self.gate is not None:
            slow = httpx.Client(transport=SlowTransport(self.http._transport, self.gate),
                                base_url=URL)
            return SyncClient(url, token, http=slow, retry=FAST)
        if self.up:
            return SyncClient(url, token, http=self.http, retry=FAST)

        def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("no network at the kitchen table", request=request)

        return SyncClient(url, token, http=httpx.Client(transport=httpx.MockTransport(refuse)),
                          retry=FAST, sleep=lambda _s: None)


@pytest.fixture
def service(tmp_path: Path):
    settings = ServiceSettings(db_url=f"sqlite:///{tmp_path / 'service.sqlite3'}",
                               login_delay_s=0.0, pool_size=4)
    app = create_app(settings, run_migrations=True)
    seed(app.state.factory)
    with TestClient(app) as http:
        yield app, http


@pytest.fixture
def line(service) -> Line:
    return Line(service[1])


@pytest.fixture
def enrolled_window(qtbot, tmp_path: Path, line: Line):
    data_dir = tmp_path / "laptop"
    w = MainWindow(data_dir, Settings(data_dir), client_factory=line.client)
    qtbot.addWidget(w)
    w.show()
    page = w.first_run
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    page.enrol_box.setChecked(True)
    page.server_url.setText(URL)
    qtbot.keyClicks(page.username, DEMO.username)
    qtbot.keyClicks(page.password, DEMO.password)
    page.device_name.setText("testlaptop")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE and bool(w.sync.status.last_sync),
                    timeout=20_000)
    yield w
    w.close()


def _case_ids(store) -> list[str]:
    return [r.id for r in store.list_records(kind="case")]


def test_first_run_enrols_and_the_first_sync_brings_the_cases(qtbot, enrolled_window):
    w = enrolled_window
    store = w.session.store
    assert store.get_setting("user")["username"] == DEMO.username
    assert page_has_no_secrets(w)
    assert len(_case_ids(store)) >= DEMO.cases
    status = w.sync.status
    assert status.pending == 0 and status.conflicts == 0 and status.enrolled
    assert w.status.connection.text() == "Online"
    assert w.status.last_sync.text().startswith("Last sync: ")
    assert w.status.pending.text() == "0 change(s) waiting"


def page_has_no_secrets(w: MainWindow) -> bool:
    page = w.first_run
    return not (page.password.text() or page.passphrase.text() or page.repeat.text())


def test_status_bar_follows_edits_sync_now_and_going_offline(qtbot, enrolled_window, line):
    w = enrolled_window
    case_id = _case_ids(w.session.store)[0]
    w.session.change(lambda s: s.update_record(case_id, {"summary": "Nieuwe afspraak."}),
                     kinds=["case"], case_ids=[case_id])
    qtbot.waitUntil(lambda: w.sync.status.pending == 1, timeout=5_000)
    assert w.status.pending.text() == "1 change(s) waiting"

    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: w.sync.status.pending == 0 and not w.sync.running, timeout=20_000)
    assert w.sync.status.connection == ONLINE

    line.up = False
    w.session.change(lambda s: s.update_record(case_id, {"summary": "Zonder netwerk."}),
                     kinds=["case"], case_ids=[case_id])
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: w.sync.status.connection == OFFLINE and not w.sync.running
                    and w.sync.status.pending == 1, timeout=20_000)
    assert w.status.connection.text() == "Offline"
    assert w.sync.status.pending == 1  # kept for the next sync
    assert any("cannot be reached" in n for n in w.notices)  # the worker is told, calmly

    line.up = True
    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE and w.sync.status.pending == 0,
                    timeout=20_000)


def test_a_revoked_device_wipes_the_store_and_says_so(qtbot, enrolled_window, service):
    w = enrolled_window
    data_dir = w.controller.data_dir
    app, _http = service
    device_id = w.session.store.get_setting("device_id")
    with transaction(app.state.factory) as session:
        assert revoke_device(session, session.get(Device, device_id))
    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: w.controller.state == FIRST_RUN, timeout=20_000)
    assert not CaseStore.exists(data_dir)
    assert w.workspace is None
    assert "removed from the team's service" in w.first_run.error.text()


def test_a_token_the_service_no_longer_takes_asks_to_enrol_again(qtbot, enrolled_window):
    w = enrolled_window
    w.session.change(lambda s: s.set_setting("token", "not-a-token-the-service-knows"))
    w.session.wait_for_writes()
    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: any(isinstance(b, QMessageBox) and b.isVisible()
                                for b in w.findChildren(QMessageBox)), timeout=20_000)
    assert w.controller.state == UNLOCKED  # nothing removed
    assert CaseStore.exists(w.controller.data_dir)
    assert any("Enrol again" in n for n in w.notices)


def test_a_conflict_is_resolved_in_the_inbox_and_reaches_everyone(
    qtbot, enrolled_window, service, tmp_path
):
    w = enrolled_window
    _app, http = service
    case_id = _case_ids(w.session.store)[0]

    # A second laptop, the team lead's, syncs and changes the summary first.
    lead_store = CaseStore.create(tmp_path / "lead", PASSPHRASE)
    answer = SyncClient(URL, http=http, retry=FAST).enrol(LEAD.username, LEAD.password, "lead")
    for name, value in (("server_url", URL), ("token", answer.token),
                        ("device_id", answer.device_id), ("user", answer.user.model_dump())):
        lead_store.set_setting(name, value)
    lead = SyncEngine(lead_store, SyncClient(URL, answer.token, http=http, retry=FAST))
    lead.run()
    lead_store.update_record(case_id, {"summary": "Versie van de teamleider."})
    lead.run()

    # The worker changed the same line offline; the sync finds the conflict.
    w.session.change(lambda s: s.update_record(case_id, {"summary": "Versie van de werker."}),
                     kinds=["case"], case_ids=[case_id])
    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: w.sync.status.conflicts == 1 and not w.sync.running, timeout=20_000)
    assert w.status.conflicts.text() == "1 conflict(s)"

    w.actions.conflicts.trigger()
    inbox = w.inbox
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5_000)
    row = inbox.model.row_at(0)
    assert row.conflict.field == "summary"
    assert row.conflict.kept == "Versie van de teamleider."
    assert row.conflict.incoming == "Versie van de werker."

    def answer_dialog(dialog):
        assert dialog.merged is not None  # free text: a combined text can be written
        dialog.merged.setPlainText("Samen besproken: beide versies.")
        qtbot.mouseClick(dialog.keep_merged, Qt.MouseButton.LeftButton)

    inbox.open_dialog = answer_dialog
    qtbot.mouseClick(inbox.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 0, timeout=5_000)
    # The resolution syncs by itself.
    qtbot.waitUntil(lambda: not w.sync.running and w.sync.status.conflicts == 0
                    and not w.session.store.take_resolutions(), timeout=20_000)
    merged = "Samen besproken: beide versies."
    assert w.session.store.get_record(case_id).fields["summary"] == merged

    lead.run()
    assert lead_store.get_record(case_id).fields["summary"] == merged
    assert lead_store.list_conflicts(open_only=True) == []
    lead_store.close()


def test_locking_during_a_slow_sync_hides_at_once_and_drops_the_key_after(
    qtbot, enrolled_window, line
):
    w = enrolled_window
    store = w.session.store
    line.gate = threading.Event()
    w.actions.sync_now.trigger()
    qtbot.waitUntil(lambda: w.sync.running, timeout=5_000)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.state == "locked" and w.workspace is None  # no wait for the network
    assert store.pending_count() == 0  # the sync still holds the open store
    line.gate.set()
    qtbot.waitUntil(lambda: not w.sync.running, timeout=20_000)
    with pytest.raises(StoreLocked):
        store.pending_count()  # closed once the sync let go: the key is gone


def test_a_new_service_address_in_the_settings_asks_to_enrol_again(qtbot, enrolled_window):
    w = enrolled_window
    asked: list[int] = []
    w.ask_enrolment = lambda: asked.append(1)
    w.settings.set("service_url", URL + "/")  # the same service
    assert w.session.busy  # it asks the store which service it is enrolled with
    # The offer is decided (and said) in the same slot that makes the session not busy.
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5_000)
    assert not any("Enrol again" in n for n in w.notices)
    assert asked == []
    w.settings.set("service_url", "https://dienst.example.org")
    qtbot.waitUntil(lambda: asked == [1], timeout=5_000)
    assert any("Enrol again" in n for n in w.notices)


def test_a_wrong_service_password_at_first_run_still_opens_the_store(qtbot, tmp_path, line):
    data_dir = tmp_path / "laptop"
    w = MainWindow(data_dir, Settings(data_dir), client_factory=line.client)
    qtbot.addWidget(w)
    w.show()
    page = w.first_run
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    page.enrol_box.setChecked(True)
    page.server_url.setText(URL)
    qtbot.keyClicks(page.username, DEMO.username)
    qtbot.keyClicks(page.password, "not-the-password")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.controller.state == UNLOCKED, timeout=10_000)
    qtbot.waitUntil(lambda: any("did not accept" in n for n in w.notices), timeout=10_000)
    assert w.session.store.get_setting("token") is None
    qtbot.waitUntil(lambda: w.status.connection.text() == "Not enrolled", timeout=10_000)
    w.close()


def test_enrolling_later_from_sync_now(qtbot, tmp_path, line):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desktop.session.enrol_dialog import EnrolDialog

    data_dir = tmp_path / "laptop"
    w = MainWindow(data_dir, Settings(data_dir), client_factory=line.client)
    qtbot.addWidget(w)
    w.show()
    qtbot.keyClicks(w.first_run.passphrase, PASSPHRASE)
    qtbot.keyClicks(w.first_run.repeat, PASSPHRASE)
    w.first_run.enrol_box.setChecked(False)
    qtbot.mouseClick(w.first_run.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.status.connection.text() == "Not enrolled", timeout=10_000)
    dialogs: list[EnrolDialog] = []

    def fill_in() -> None:
        dialog = next(d for d in QApplication.topLevelWidgets()
                      if isinstance(d, EnrolDialog) and d.isVisible())
        dialogs.append(dialog)
        dialog.server_url.setText(URL)
        qtbot.keyClicks(dialog.username, DEMO.username)
        qtbot.keyClicks(dialog.password, DEMO.password)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, fill_in)
    w.actions.sync_now.trigger()  # not enrolled: asks to enrol (the dialog runs here)
    qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE and bool(w.sync.status.last_sync),
                    timeout=20_000)
    assert len(dialogs) == 1
    assert w.settings.get("service_url") == URL
    assert len(_case_ids(w.session.store)) >= DEMO.cases
    # Enrolling set the address, which asks the store whether to offer enrolment again:
    # once that answer is in, a second offer would have been said.
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5_000)
    assert not any("Enrol again" in n for n in w.notices)
    assert not any(isinstance(d, EnrolDialog) and d.isVisible()
                   for d in QApplication.topLevelWidgets())  # asked once, not again
    w.close()
