"""Answers that arrive after their screen is gone.

A read or write runs off the UI thread; by the time its answer comes back the worker may
have locked the app, and the view that asked has been thrown away with everything it showed.
Its callbacks then do nothing instead of touching a deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid


def while_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """`callback`, run only while `owner` still exists."""

    def call(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return call
