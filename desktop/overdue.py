"""Whether a date has passed: overdue reviews and tasks are marked in words, not by colour
(red stays for danger and violence)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def overdue(date: str | None, today: dt.date | None = None) -> bool:
    """Whether the ISO `date` lies before today."""
    if not date:
        return False
    try:
        return dt.date.fromisoformat(date) < (today or dt.date.today())
    except ValueError:
        return False


def overdue_word() -> str:
    return QCoreApplication.translate("Overdue", "overdue")
