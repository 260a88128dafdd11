"""A rejected change in words: field labels, choices and reasons as the worker reads them,
for the table, the detail pane, the clipboard and the saved text file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.casefile.labels import choice_label, field_label, kind_label
from desktop.colleagues import Names, named_value
from desktop.i18n import local_time
from storage.rejected import RejectedChange
from sync.schema import KINDS

translate = QCoreApplication.translate


def reason(code: str) -> str:
    """Why the change was not delivered; the service's code only for what has no words."""
    words = {
        "case_not_visible": translate(
            "RejectedChanges", "You could no longer see this case when it was sent"),
        "case_revoked": translate(
            "RejectedChanges", "The case left this laptop before the change was sent"),
        "already_resolved": translate(
            "RejectedChanges", "Someone else decided this conflict first"),
        "conflict_not_found": translate(
            "RejectedChanges", "You could no longer see this conflict when your choice was sent"),
        "not_your_team": translate("RejectedChanges", "You may not make this change"),
        "forbidden": translate("RejectedChanges", "You may not make this change"),
        "plan_review_forbidden": translate(
            "RejectedChanges", "Only a team lead may approve or return a plan"),
        "not_case_owner": translate(
            "RejectedChanges",
            "Only the contact worker or the team lead may share, hand over or close this case"),
    }
    if code in words:
        return words[code]
    return translate("RejectedChanges", "The service refused it (%1)").replace("%1", code)


def family(change: RejectedChange) -> str:
    return change.case_title or translate("RejectedChanges", "(unknown family)")


def item(change: RejectedChange) -> str:
    """The kind of record, with its name where it has one: "Person: Moeder Offline"."""
    kind = kind_label(change.kind)
    return f"{kind}: {change.record_label}" if change.record_label else kind


def fields_in_words(change: RejectedChange, names: Names | None = None
                    ) -> list[tuple[str, str]]:
    """(label, value) per field, in the order the record kind declares them; user and team
    ids by the names of the team directory."""
    if change.delete:
        return [(translate("RejectedChanges", "Change"),
                 translate("RejectedChanges", "delete this item"))]
    declared = list(KINDS[change.kind].fields) if change.kind in KINDS else []
    ordered = sorted(change.values, key=lambda n: (declared.index(n) if n in declared
                                                   else len(declared), n))
    return [(field_label(name, change.kind),
             named_value(change.kind, name, change.values[name], names or Names())
             or value_in_words(change.values[name]))
            for name in ordered]


def value_in_words(value: Any) -> str:
    if value is None:
        return translate("RejectedChanges", "(empty)")
    if isinstance(value, bool):
        return translate("RejectedChanges", "yes") if value else translate(
            "RejectedChanges", "no")
    if isinstance(value, list):
        return ", ".join(value_in_words(v) for v in value)
    if isinstance(value, str):
        return choice_label(value)
    return str(value)


def summary(change: RejectedChange) -> str:
    """One line for the table: the fields' labels."""
    return ", ".join(label for label, _ in fields_in_words(change))


def as_text(change: RejectedChange, names: Names | None = None) -> str:
    """The whole change as plain text, to read, copy or save."""
    lines = [
        translate("RejectedChanges", "Family: %1").replace("%1", family(change)),
        translate("RejectedChanges", "Item: %1").replace("%1", item(change)),
        translate("RejectedChanges", "Not sent because: %1").replace("%1", reason(
            change.error_code)),
        translate("RejectedChanges", "When: %1").replace(
            "%1", local_time(change.rejected_at) or change.rejected_at),
        "",
    ]
    for label, value in fields_in_words(change, names):
        lines.append(f"{label}:")
        lines.extend(f"    {line}" for line in (value.splitlines() or [""]))
    return "\n".join(lines) + "\n"
