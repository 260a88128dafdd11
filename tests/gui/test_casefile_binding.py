"""The Qt binding keeps its references: every save in the case file emits signals from
Python, and PySide6 6.12.0 dropped a reference to True on each one, so that a day's work
ended in a crash (bool_dealloc). pyproject.toml excludes that release; this keeps it out."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Pulse(QObject):
    beat = Signal(str)


def test_emitting_a_signal_leaks_no_reference(qapp):
    pulse = _Pulse()
    heard = []
    pulse.beat.connect(heard.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        pulse.beat.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(heard) == 200
    assert after == before
