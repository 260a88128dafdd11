"""Colleagues and teams by name: the one place that turns a user or team id into what the
screen shows.

The names come from the team directory the sync keeps in the store (`store.colleagues()`,
`store.teams()`); the worker's own name from the enrolment. An id the directory does not
know (someone of another team, or a laptop that has not synced since) is still "a colleague"
or "a team", with a short part of its id where the worker may need to tell two apart (the
inzage's form): a whole id means nothing to a family at the kitchen table.

`named_value` is the one formatter of a field value that holds such ids: every view that
shows a record's values (refused changes, conflicts, the timeline) asks it first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.protocol import Colleague, TeamName

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Names:
    """Display names by user id, and which id is this laptop's worker."""

    me: str | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    teams: Mapping[str, str] = field(default_factory=dict)  # team names by team id

    def name(self, user_id: Any) -> str | None:
        """The display name of `user_id`, or None when the laptop does not know it."""
        if not isinstance(user_id, str) or not user_id:
            return None
        return self.names.get(user_id) or None

    def colleague(self, user_id: Any) -> str:
        """The name, else "a colleague" (the worker themself by name too)."""
        return self.name(user_id) or translate("Colleagues", "a colleague")

    def someone(self, user_id: Any) -> str:
        """The name, else "a colleague (1a2b3c4d)": the short id tells two unknowns apart."""
        return self.name(user_id) or translate("Colleagues", "a colleague (%1)").replace(
            "%1", _short(user_id))

    def team(self, team_id: Any) -> str:
        """The team's name, else "a team (1a2b3c4d)"."""
        if isinstance(team_id, str) and self.teams.get(team_id):
            return self.teams[team_id]
        return translate("Colleagues", "a team (%1)").replace("%1", _short(team_id))


def _short(some_id: Any) -> str:
    return str(some_id or "")[:8]


# Fields whose value is a user id (or a list of them) or a team id. sync/schema.py marks them
# `holds_id` but not whose id; a test holds this list to every such field of the registry.
USER_ID_FIELDS = frozenset({
    ("case", "contact_worker_id"), ("case", "shared_with"),
    ("safety_plan", "reviewed_by"), ("plan_version", "decided_by"),
})
TEAM_ID_FIELDS = frozenset({("case", "team_id")})
# A colleague or someone of the family or network (a person id of the case).
PERSON_OR_USER_FIELDS = frozenset({("task", "assignee_id")})


def named_value(kind: str, name: str, value: Any, names: Names,
                people: Mapping[str, str] | None = None) -> str | None:
    """A value of a field that holds user or team ids, with names for the ids; None for any
    other field (the caller words it). `people`: names of the case's persons by id."""
    if (kind, name) in TEAM_ID_FIELDS:
        return names.team(value) if value else None
    if (kind, name) in USER_ID_FIELDS:
        ids = value if isinstance(value, list) else [value] if value else []
        return ", ".join(names.someone(i) for i in ids) if ids else None
    if (kind, name) in PERSON_OR_USER_FIELDS:
        if not value:
            return None
        known = (people or {}).get(value) if isinstance(value, str) else None
        return known or names.name(value) or translate("Colleagues", "someone (%1)").replace(
            "%1", _short(value))
    return None


def names_of(users: list[Colleague], user: Any, teams: Iterable[TeamName] = ()) -> Names:
    names = {u.id: u.display_name for u in users}
    me = None
    if isinstance(user, dict) and user.get("id"):
        me = str(user["id"])
        names.setdefault(me, str(user.get("display_name") or user.get("username") or ""))
    return Names(me, names, {t.id: t.name for t in teams})


def read_names(store: Any) -> Names:
    """Read off the UI thread (inside a StoreSession query)."""
    return names_of(store.colleagues(), store.get_setting("user"), store.teams())
