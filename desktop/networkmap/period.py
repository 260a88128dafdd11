"""When a tie ran: `since` and `until` in the words the map shows beside and over a line.

A tie whose `until` lies in the past has ended; the map still draws it, faded and with the
year it ended, because who left the network is part of the family's story. A date this
version cannot read is shown as it came and never makes a tie look ended.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop.i18n import local_day
from desktop.networkmap.model import MapTie
from desktop.networkmap.words import value_label

translate = QCoreApplication.translate  # the name lupdate looks for


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def ended(tie: MapTie, today: dt.date | None = None) -> bool:
    end = _date(tie.until)
    return end is not None and end <= (today or dt.date.today())


def _year(value: str) -> str:
    day = _date(value)
    return str(day.year) if day is not None else value


def until_label(tie: MapTie) -> str:
    """The words on an ended line ("tot 2024")."""
    return translate("NetworkMap", "until %1").replace("%1", _year(tie.until or ""))


def tie_tooltip(tie: MapTie) -> str:
    """The kind and band of a tie and when it began and ended, for the pointer's tooltip."""
    parts = [value_label(tie.type), value_label(tie.quality)]
    if tie.since:
        parts.append(translate("NetworkMap", "since %1").replace("%1", local_day(tie.since)))
    if tie.until:
        parts.append(translate("NetworkMap", "until %1").replace("%1", local_day(tie.until)))
    return " · ".join(p for p in parts if p)
