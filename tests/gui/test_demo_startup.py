"""`keukentafel demo` when its start-up fails: the service it started is stopped and its
throwaway folder removed, and the worker sees why instead of a stuck terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop import demo

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_a_failed_enrolment_stops_the_demo_service_and_removes_its_folder(qapp, monkeypatch):
    seen: dict = {}
    real_service = demo.demo_service

    def watched_service(folder: Path):
        seen["folder"] = folder
        manager = real_service(folder)

        class Watch:
            def __enter__(self):
                seen["service"] = manager.__enter__()
                return seen["service"]

            def __exit__(self, *exc):
                return manager.__exit__(*exc)

        return Watch()

    monkeypatch.setattr(demo, "demo_service", watched_service)
    # A wrong demo password: the real service refuses the enrolment, so start-up fails.
    monkeypatch.setattr(demo, "_demo_password", lambda username: "not the demo password")
    with pytest.raises(Exception) as failure:
        demo.run_demo(argparse.Namespace(command="demo", data_dir=None))
    assert getattr(failure.value, "code", "") or str(failure.value)
    assert seen["service"].proc.poll() is not None  # the service is stopped
    assert not seen["folder"].exists()  # and the throwaway folder removed
