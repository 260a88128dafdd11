"""The status bar counts along while a sync runs: the first sync of a freshly enrolled laptop
against the real service (in-process), held after its first page of 20 records."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from PySide6.QtCore import Qt

from desktop.mainwindow.window import MainWindow
from desktop.session.controller import UNLOCKED
from desktop.settings import Settings
from desktop.syncing.status import ONLINE
from sync.client import RetryPolicy, SyncClient
from sync.engine import SyncEngine
from sync.service.app import create_app
from sync.service.demo import DEMO_USERS, seed
from sync.service.settings import Settings as ServiceSettings

pytestmark = pytest.mark.gui

PASSPHRASE = "groene regenjas bij de voordeur"
URL = "http://testserver"
FAST = RetryPolicy(attempts=1, base=0.01, cap=0.01)
DEMO = next(u for u in DEMO_USERS if u.username == "demo")
PAGE = 20


class HeldAfterFirstPage(httpx.BaseTransport):
    """A slow line: every pull after the first waits until `gate` opens."""

    def __init__(self, inner: httpx.BaseTransport, gate: threading.Event) -> None:
        self.inner = inner
        self.gate = gate

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sync/pull") and request.url.params.get("cursor"):
            self.gate.wait(30)
        return self.inner.handle_request(request)


@pytest.fixture
def http(tmp_path: Path):
    settings = ServiceSettings(db_url=f"sqlite:///{tmp_path / 'service.sqlite3'}",
                               login_delay_s=0.0, pool_size=4)
    app = create_app(settings, run_migrations=True)
    seed(app.state.factory)
    with TestClient(app) as http:
        yield http


def test_the_status_bar_counts_what_the_sync_received(qtbot, tmp_path: Path, http):
    gate = threading.Event()

    def client(url: str, token: str | None) -> SyncClient:
        return SyncClient(url, token, http=http, retry=FAST)

    def engine(store) -> SyncEngine:
        held = httpx.Client(transport=HeldAfterFirstPage(http._transport, gate), base_url=URL)
        return SyncEngine(store, SyncClient(URL, store.get_setting("token"), http=held,
                                            retry=FAST), wipe=lambda: None, pull_limit=PAGE)

    data_dir = tmp_path / "laptop"
    w = MainWindow(data_dir, Settings(data_dir), client_factory=client, engine_factory=engine)
    qtbot.addWidget(w)
    w.show()
    try:
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

        # The first page is in, the second waits on the line: the bar says how far it is.
        qtbot.waitUntil(lambda: w.status.connection.text() == f"Syncing… {PAGE} received",
                        timeout=20_000)
        assert w.status.connection.accessibleName() == w.status.connection.text()
        gate.set()
        qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE and not w.sync.running,
                        timeout=20_000)
        assert w.status.connection.text() == "Online"
        assert w.sync.status.received == 0  # counts belong to a running sync only
    finally:
        gate.set()
        w.close()
