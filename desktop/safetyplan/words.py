"""The plan's words on screen: section headings and what keeps a plan from being agreed.

Dutch comes from the translation (taal.md, "Veiligheidsplan"); the source is English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.safetyplan.rules import Blocker

translate = QCoreApplication.translate

# The order of the parts in the plan, as it is talked through at the table.
SECTIONS = (
    "danger", "condition", "agreement", "signal", "emergency_step", "network_commitment",
    "next_step", "child_voice",
)


def section_title(section: str) -> str:
    return {
        "danger": translate("SafetyPlan", "Our biggest worries and safety goals"),
        "condition": translate("SafetyPlan", "What must happen at the least (conditions)"),
        "agreement": translate("SafetyPlan", "Agreements"),
        "signal": translate("SafetyPlan", "Signals that it goes wrong"),
        "emergency_step": translate("SafetyPlan", "When it goes wrong"),
        "network_commitment": translate("SafetyPlan", "Safety network"),
        "next_step": translate("SafetyPlan", "Next steps"),
        "child_voice": translate("SafetyPlan", "In the children's words"),
    }.get(section, section)


def part_title(part: str) -> str:
    """A part of the plan: one of its text fields or a section of its lines."""
    texts = {
        "harm": translate("SafetyPlan", "What has happened"),
        "worries": translate("SafetyPlan", "Worries"),
        "complicating_factors": translate("SafetyPlan", "What makes it harder"),
        "working_well": translate("SafetyPlan", "What is working well"),
        "agreed_by": translate("SafetyPlan", "Agreed by"),
    }
    return texts.get(part) or section_title(part)


def new_item_text(section: str) -> str:
    """What a new line says until the worker types over it."""
    return {
        "danger": translate("SafetyPlan", "New danger statement"),
        "condition": translate("SafetyPlan", "New condition"),
        "agreement": translate("SafetyPlan", "New agreement"),
        "signal": translate("SafetyPlan", "New signal"),
        "emergency_step": translate("SafetyPlan", "New step"),
        "network_commitment": translate("SafetyPlan", "New commitment"),
        "next_step": translate("SafetyPlan", "New next step"),
        "child_voice": translate("SafetyPlan", "New words of a child"),
    }.get(section, section)


def emergency_text(phone: str) -> str:
    """What a step for an always-offered number says."""
    if phone == "112":
        return translate("SafetyPlan", "Call 112 when there is danger now")
    return translate("SafetyPlan", "Call Veilig Thuis")


def blocker_text(blocker: Blocker, label: str) -> str:
    """One missing thing, naming the line it is about (`label`: its text)."""
    if blocker.code == "danger_without_goal":
        return translate("SafetyPlan", "The danger statement \u201c%1\u201d has no safety goal."
                         ).replace("%1", label)
    if blocker.code == "condition_without_goal":
        return translate("SafetyPlan", "No safety goal meets the condition \u201c%1\u201d."
                         ).replace("%1", label)
    if blocker.code == "condition_without_agreement":
        return translate("SafetyPlan", "No agreement meets the condition \u201c%1\u201d."
                         ).replace("%1", label)
    return translate("SafetyPlan", "There are no steps for when it goes wrong.")


def unmet_text(missing: list[str]) -> str:
    if missing == ["condition_without_goal", "condition_without_agreement"]:
        return translate("SafetyPlan", "Not met: no safety goal and no agreement")
    if missing == ["condition_without_goal"]:
        return translate("SafetyPlan", "Not met: no safety goal")
    return translate("SafetyPlan", "Not met: no agreement")


def met_text(names: list[str]) -> str:
    return translate("SafetyPlan", "Met by: %1").replace("%1", "; ".join(names))

