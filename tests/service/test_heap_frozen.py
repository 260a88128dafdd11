"""The service process freezes its startup heap (app.app_from_env): the cyclic collector's
full passes, which a push of 1,000 records sets off, then walk only what requests made."""

from __future__ import annotations

import gc
import logging


def test_the_service_process_freezes_what_it_made_at_startup(monkeypatch, tmp_path):
    from sync.service.app import app_from_env

    monkeypatch.setenv("KEUKENTAFEL_DB_URL", f"sqlite:///{tmp_path}/service.sqlite3")
    root = logging.getLogger("keukentafel")
    handlers, level = list(root.handlers), root.level
    gc.unfreeze()
    try:
        app = app_from_env()
        assert gc.get_freeze_count() > 0
        app.state.engine.dispose()
        app.state.read_engine.dispose()
    finally:
        gc.unfreeze()  # the test process's heap is the test run's
        root.handlers[:] = handlers
        root.setLevel(level)
