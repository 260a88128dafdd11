"""`keukentafel demo` (what `make run` starts): the whole app on one machine, with fictional data.

It makes a throwaway folder, runs `keukentafel-server seed-demo` and then `serve` on a free
loopback port with a throwaway SQLite database, creates a local store with a printed demo
passphrase, enrols as the demo worker, syncs, and opens the window unlocked. When the
window closes the service stops and the folder (and the store's wrapped key) is removed.
The worker's real data folder is never touched.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sync.service.process import ServiceProcess, run_server

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "demo aan de keukentafel"  # fictional data only; printed on purpose
DEMO_USERNAME = "demo"
DEMO_DEVICE = "demo-laptop"


def _demo_password(username: str) -> str:
    from sync.service.demo import DEMO_USERS

    return next(u.password for u in DEMO_USERS if u.username == username)


@contextmanager
def demo_service(folder: Path) -> Iterator[ServiceProcess]:
    """Seed and serve a throwaway service database in `folder`; stopped on leaving."""
    db_url = f"sqlite:///{folder / 'service.sqlite3'}"
    run_server(db_url, "seed-demo", check=True, stdout=subprocess.DEVNULL)
    service = ServiceProcess(db_url)
    try:
        # Inside the try: a Ctrl+C while it starts must not leave the child serving.
        service.start()
        yield service
    finally:
        service.__exit__(None, None, None)


def prepare_store(data_dir: Path, service_url: str, username: str = DEMO_USERNAME) -> Any:
    """Create the local store, enrol `username` with the service and sync once."""
    from desktop.session.first_run import Enrolment
    from desktop.syncing.enrolment import enrol
    from storage.store import CaseStore
    from sync.engine import SyncEngine

    store = CaseStore.create(data_dir, DEMO_PASSPHRASE)
    enrol(store, Enrolment(service_url, username, _demo_password(username), DEMO_DEVICE))
    engine = SyncEngine.for_store(store)
    try:
        engine.run()
    finally:
        engine.client.close()
    return store


def _close_on_interrupt(window: Any) -> Any:
    """Ctrl+C in the terminal closes the window (and so stops the service) as closing it
    by hand does; Qt's event loop would otherwise never let Python see the signal."""
    from PySide6.QtCore import QTimer

    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: window.close())
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(250)
    return previous


def run_demo(args: argparse.Namespace) -> int:
    from desktop.app import make_application
    from desktop.mainwindow.window import MainWindow
    from desktop.settings import Settings
    from storage.store import CaseStore

    folder = Path(tempfile.mkdtemp(prefix="keukentafel-demo-"))
    data_dir = folder / "laptop"
    try:
        print("Keukentafel demo: starting a throwaway service with fictional data…", flush=True)
        with demo_service(folder) as service:
            store = prepare_store(data_dir, service.url)
            settings = Settings(data_dir)
            settings.set("service_url", service.url)
            settings.set("device_name", DEMO_DEVICE)
            print(f"Service: {service.url}  (user {DEMO_USERNAME})")
            print(f"Demo passphrase (to unlock after Ctrl+L): {DEMO_PASSPHRASE}", flush=True)
            app = make_application(language=settings.get("language"))
            window = MainWindow(data_dir, settings)
            window.controller.adopt(store)
            window.resize(1280, 820)
            window.show()
            previous = _close_on_interrupt(window)
            try:
                code = app.exec()
            finally:
                signal.signal(signal.SIGINT, previous)
            window.controller.shutdown()
        return code
    finally:
        try:
            CaseStore.wipe(data_dir)  # also removes the wrapped key from the keyring
        except Exception as exc:  # noqa: BLE001 - clean-up must go on
            log.warning("could not wipe the demo store: %s", type(exc).__name__)
        shutil.rmtree(folder, ignore_errors=True)
