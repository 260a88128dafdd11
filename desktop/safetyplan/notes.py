"""The plan's notes in words: the plan checked against the network map, and an approved
plan that changed after its approval. Dutch comes from the translation; the source is
English."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.casefile.labels import choice_label
from desktop.safetyplan.crosscheck import CrossCheck
from desktop.safetyplan.words import part_title

translate = QCoreApplication.translate


def check_text(check: CrossCheck, section: str, label: str,
               name: Callable[[str | None], str]) -> str:
    """One warning of the map cross-check, naming the line (`label`, of `section`) and who
    it is about (`name`: a person id to a name)."""
    if check.code == "unsafe_tie":
        text = (translate("SafetyPlan", "\u201c%1\u201d rests on %2, whose tie to %3 (a child) "
                          "is marked \u201c%4\u201d on the map: someone with such a tie cannot "
                          "safely carry an agreement about that child.")
                if section == "agreement" else
                translate("SafetyPlan", "\u201c%1\u201d rests on %2, whose tie to %3 (a child) "
                          "is marked \u201c%4\u201d on the map: someone with such a tie cannot "
                          "safely carry a role in the safety network for that child."))
        return (text.replace("%1", label).replace("%2", name(check.person_id))
                .replace("%3", name(check.child_id))
                .replace("%4", choice_label(check.quality)))
    if check.code == "not_on_map":
        return translate("SafetyPlan", "\u201c%1\u201d is in the safety network but not on "
                         "the network map: add the person to the map, or choose someone from "
                         "it.").replace("%1", label)
    if check.code == "removed_from_map":
        return translate("SafetyPlan", "\u201c%1\u201d rests on %2, who was removed from the "
                         "network map: choose someone else, or put the person back on the "
                         "map.").replace("%1", label).replace("%2", name(check.person_id))
    if check.code == "signal_without_actor":
        return translate("SafetyPlan", "Nobody acts on the signal \u201c%1\u201d: say who "
                         "acts.").replace("%1", label)
    return translate("SafetyPlan", "The step \u201c%1\u201d has no phone number.").replace(
        "%1", label)


def unapproved_text(parts: list[str]) -> str:
    """An approved plan edited elsewhere before the approval reached that laptop."""
    return translate("SafetyPlan", "The plan changed after the team lead approved it (%1): "
                     "those changes are not approved. Start the next version to submit "
                     "them.").replace("%1", ", ".join(part_title(p) for p in parts))
