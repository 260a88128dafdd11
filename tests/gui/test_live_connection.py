"""Online and offline are live: with a real service process that is stopped and started
again, the status bar says so within the probe interval, without "Nu synchroniseren", and
what was changed meanwhile goes out as soon as the service is back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop import demo
from desktop.mainwindow.window import MainWindow
from desktop.settings import Settings
from desktop.syncing.status import OFFLINE, ONLINE
from sync.service.process import ServiceProcess, run_server

pytestmark = [pytest.mark.gui, pytest.mark.slow]

NEW_TITLE = "Familie Voorbeeldhuis"  # fictional


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'service.sqlite3'}"
    run_server(url, "seed-demo", check=True, stdout=subprocess.DEVNULL)
    return url


@pytest.fixture
def service(db_url: str):
    with ServiceProcess(db_url) as running:
        yield running


@pytest.fixture
def window(qtbot, tmp_path: Path, service: ServiceProcess):
    data_dir = tmp_path / "laptop"
    settings = Settings(data_dir)
    settings.set("probe_interval_seconds", 1)  # the test need not wait the usual 15 s
    store = demo.prepare_store(data_dir, service.url)
    w = MainWindow(data_dir, settings)
    qtbot.addWidget(w)
    w.controller.adopt(store)
    w.show()
    qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE, timeout=20_000)
    yield w
    w.close()


def _titles_on_the_service(service: ServiceProcess) -> list[str]:
    """What the service holds, asked as the demo worker on a second laptop would."""
    from sync.client import SyncClient

    with SyncClient(service.url) as client:
        answer = client.enrol(demo.DEMO_USERNAME, demo._demo_password(demo.DEMO_USERNAME),
                              "tweede laptop")
    with SyncClient(service.url, answer.token) as client:
        titles, cursor, more = [], "", True
        while more:
            page = client.pull(cursor)
            titles += [str(r.fields.get("title")) for r in page.records if r.kind == "case"]
            cursor, more = page.cursor, page.more
        return titles


def test_the_status_bar_follows_the_service_going_and_coming_back(qtbot, window, service):
    w = window
    online_text = w.status.connection.text()
    service.stop()
    qtbot.waitUntil(lambda: w.sync.status.connection == OFFLINE, timeout=30_000)
    assert w.status.connection.text() != online_text
    assert not w.sync.running  # the probe noticed it, not a sync

    case_id = w.session.store.list_records(kind="case")[0].id
    w.session.change(lambda store: store.update_record(case_id, {"title": NEW_TITLE}),
                     kinds=["case"], case_ids=[case_id])
    qtbot.waitUntil(lambda: w.sync.status.pending > 0, timeout=10_000)

    with ServiceProcess(service.db_url, port=service.port) as back:
        qtbot.waitUntil(lambda: w.sync.status.connection == ONLINE, timeout=30_000)
        qtbot.waitUntil(lambda: w.sync.status.pending == 0, timeout=30_000)
        assert w.status.connection.text() == online_text
        assert NEW_TITLE in _titles_on_the_service(back)
