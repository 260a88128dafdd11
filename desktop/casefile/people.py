"""Personen: the household, family, network and professionals of the case, with an editor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.ages import age_on
from desktop.casefile.labels import choices
from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column
from sync.protocol import Record

_CIRCLES = choices("person", "circle")


def circle_order(record: Record) -> int:
    """Household first, then family, network and professionals; unplaced people last."""
    circle = record.fields.get("circle")
    return _CIRCLES.index(circle) if circle in _CIRCLES else len(_CIRCLES)


def age(record: Record, today: dt.date | None = None) -> str:
    """Age in years, from the date of birth (the whole family, 0 to 100, at a glance)."""
    years = age_on(record.fields.get("birth_date"), today)
    return "" if years is None else str(years)


class PeopleTab(RecordTab):
    kind = "person"
    form_fields = (
        "name", "role", "circle", "birth_date", "gender", "organisation", "phone",
        "deceased", "notes",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Headers are read when the tab is made, so that they follow the chosen language.
        self.columns = (
            Column("circle"), Column("name"), Column("role"),
            Column("birth_date", QCoreApplication.translate("PeopleTab", "Age"), age),
            Column("phone"),
        )
        super().__init__(*args, **kwargs)
        # A household with grandparents is often six or more: the list keeps room for seven
        # people, and the long form below scrolls instead (it showed five).
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 8)

    def sort_key(self, record: Record) -> Any:
        return (circle_order(record), (record.fields.get("name") or "").casefold(), record.id)

    def add_text(self) -> str:
        return self.tr("&Add person")

    def accessible_table_name(self) -> str:
        return self.tr("People of the case, by circle")

    def new_fields(self) -> dict[str, Any]:
        return {"name": self.tr("New person"), "circle": "household"}
