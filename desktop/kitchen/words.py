"""The mode's words for the family (taal.md: B1, short sentences, "jullie" for the family).

Dutch comes from the translation; the source is English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

# The plan's parts in the order they are talked through at the table.
FAMILY_SECTIONS = ("danger", "condition", "agreement", "signal", "emergency_step",
                   "network_commitment", "next_step")
PLAN_TEXTS = ("harm", "worries", "complicating_factors", "working_well")


def section_heading(section: str) -> str:
    return {
        "danger": translate("KitchenTable", "What we worry about, and what we want"),
        "condition": translate("KitchenTable", "What must happen at the least"),
        "agreement": translate("KitchenTable", "What we agree: who does what, and when"),
        "signal": translate("KitchenTable", "How we notice that it goes wrong"),
        "emergency_step": translate("KitchenTable", "When it goes wrong"),
        "network_commitment": translate("KitchenTable", "Who helps"),
        "next_step": translate("KitchenTable", "What we do next"),
    }.get(section, section)


def text_heading(name: str) -> str:
    return {
        "harm": translate("KitchenTable", "What has happened"),
        "worries": translate("KitchenTable", "What we are afraid of"),
        "complicating_factors": translate("KitchenTable", "What makes it harder"),
        "working_well": translate("KitchenTable", "What goes well"),
    }.get(name, name)


def goal_words(goal: str) -> str:
    return translate("KitchenTable", "What we want: %1").replace("%1", goal)


def family_words() -> str:
    return translate("KitchenTable", "What you say about it:")


def if_not_kept_words(text: str) -> str:
    return translate("KitchenTable", "If it does not work out: %1").replace("%1", text)


def with_family_mark() -> str:
    return translate("KitchenTable", "written together with the family")
