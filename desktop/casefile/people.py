"""Personen: the household, family, network and professionals of the case, with an editor."""

from __future__ import annotations

from typing import Any

from desktop.casefile.labels import choices
from desktop.casefile.record_tab import RecordTab
from desktop.casefile.records_model import Column
from sync.protocol import Record

_CIRCLES = choices("person", "circle")


def circle_order(record: Record) -> int:
    """Household first, then family, network and professionals; unplaced people last."""
    circle = record.fields.get("circle")
    return _CIRCLES.index(circle) if circle in _CIRCLES else len(_CIRCLES)


class PeopleTab(RecordTab):
    kind = "person"
    columns = (
        Column("circle"), Column("name"), Column("role"), Column("birth_date"), Column("phone"),
    )
    form_fields = (
        "name", "role", "circle", "birth_date", "gender", "organisation", "phone",
        "deceased", "notes",
    )

    def sort_key(self, record: Record) -> Any:
        return (circle_order(record), (record.fields.get("name") or "").casefold(), record.id)

    def add_text(self) -> str:
        return self.tr("&Add person")

    def accessible_table_name(self) -> str:
        return self.tr("People of the case, by circle")

    def new_fields(self) -> dict[str, Any]:
        return {"name": self.tr("New person"), "circle": "household"}
