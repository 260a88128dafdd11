"""Colleagues by name: the one place that turns a user id into what the screen shows.

The names come from the team directory the sync keeps in the store (`store.colleagues()`);
the worker's own name from the enrolment. An id the directory does not know (someone of
another team, or a laptop that has not synced since) is still "a colleague": an id means
nothing to a family at the kitchen table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.protocol import Colleague

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Names:
    """Display names by user id, and which id is this laptop's worker."""

    me: str | None = None
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, user_id: Any) -> str | None:
        """The display name of `user_id`, or None when the laptop does not know it."""
        if not isinstance(user_id, str) or not user_id:
            return None
        return self.names.get(user_id) or None

    def colleague(self, user_id: Any) -> str:
        """The name, else "a colleague" (the worker themself by name too)."""
        return self.name(user_id) or translate("Colleagues", "a colleague")


def names_of(users: list[Colleague], user: Any) -> Names:
    names = {u.id: u.display_name for u in users}
    me = None
    if isinstance(user, dict) and user.get("id"):
        me = str(user["id"])
        names.setdefault(me, str(user.get("display_name") or user.get("username") or ""))
    return Names(me, names)


def read_names(store: Any) -> Names:
    """Read off the UI thread (inside a StoreSession query)."""
    return names_of(store.colleagues(), store.get_setting("user"))
