"""What the new-case wizard collects, and the records it becomes (no Qt: plain logic)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sync.schema import validate_fields


@dataclass
class Member:
    """Someone of the household, as entered in the wizard."""

    name: str
    role: str | None = None
    birth_date: str | None = None  # ISO 8601


@dataclass
class NewCaseDraft:
    title: str = ""
    team_id: str = ""
    status: str = "intake"
    legal_framework: str | None = "voluntary"
    safety_team_involved: bool = False
    members: list[Member] = field(default_factory=list)

    def records(
        self, contact_worker_id: str | None, today: dt.date | None = None
    ) -> list[tuple[str, dict[str, Any], str | None, str | None]]:
        """The case and its household as `create_records` items, case first.

        Raises sync.schema.SchemaError when something does not fit the registry."""
        case_id = str(uuid.uuid4())
        case_fields = validate_fields("case", {
            "title": self.title.strip() or None,
            "team_id": self.team_id,
            "status": self.status,
            "legal_framework": self.legal_framework,
            "safety_team_involved": self.safety_team_involved,
            "contact_worker_id": contact_worker_id,
            "opened_on": (today or dt.date.today()).isoformat(),
        }, creating=True)
        items: list[tuple[str, dict[str, Any], str | None, str | None]] = [
            ("case", case_fields, None, case_id)
        ]
        for member in self.members:
            person = validate_fields("person", {
                "name": member.name.strip() or None, "role": member.role or None,
                "birth_date": member.birth_date, "circle": "household",
            }, creating=True)
            items.append(("person", person, case_id, None))
        return items
