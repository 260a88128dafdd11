"""The plan for the family in words: headings a family understands (taal.md, B1: short,
concrete, "je" and "we"), never the worker's terms. Dutch comes from the translation; the
source is English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def heading(part: str) -> str:
    return {
        "title": translate("FamilyPlan", "Our safety plan"),
        "harm": translate("FamilyPlan", "What has happened"),
        "worries": translate("FamilyPlan", "What we are worried about"),
        "goals": translate("FamilyPlan", "What we want to see instead"),
        "working_well": translate("FamilyPlan", "What is already going well"),
        "complicating_factors": translate("FamilyPlan", "What makes it harder"),
        "conditions": translate("FamilyPlan", "What must happen at the least"),
        "agreements": translate("FamilyPlan", "Who does what, when"),
        "signals": translate("FamilyPlan", "How we notice that it goes wrong"),
        "network": translate("FamilyPlan", "Who helps"),
        "next_steps": translate("FamilyPlan", "What happens next"),
        "signatures": translate("FamilyPlan", "We agree to this plan"),
        "emergency": translate("FamilyPlan", "When it goes wrong"),
        "children": translate("FamilyPlan", "For the children"),
    }[part]


def family_view(text: str) -> str:
    return translate("FamilyPlan", "How the family sees it: %1").replace("%1", text)


def set_by(who: str) -> str:
    return translate("FamilyPlan", "Set by %1").replace("%1", who)


def when(text: str) -> str:
    return translate("FamilyPlan", "When: %1").replace("%1", text)


def how_checked(text: str) -> str:
    return translate("FamilyPlan", "How we see that it happens: %1").replace("%1", text)


def if_not_kept(text: str) -> str:
    return translate("FamilyPlan", "If it does not happen: %1").replace("%1", text)


def who_acts(who: str) -> str:
    return translate("FamilyPlan", "Who: %1").replace("%1", who)


def phone(number: str) -> str:
    return translate("FamilyPlan", "Phone: %1").replace("%1", number)


def always_offered(number: str) -> str:
    """The numbers every family gets, also when the plan's steps do not name them."""
    if number == "112":
        return translate("FamilyPlan", "Danger now? Call 112.")
    return translate("FamilyPlan",
                     "Worried, or need advice? Call Veilig Thuis: 0800-2000 (free, day and "
                     "night).")


def review_on(day: str) -> str:
    return translate("FamilyPlan", "We look at the plan together again on %1.").replace(
        "%1", day)


def signature_columns() -> tuple[str, str, str]:
    return (translate("FamilyPlan", "Name"), translate("FamilyPlan", "Signature"),
            translate("FamilyPlan", "Date"))


def agreed_on(day: str) -> str:
    return translate("FamilyPlan", "Agreed on %1").replace("%1", day)


def footer(version: int, day: str, page: int, pages: int) -> str:
    return translate("FamilyPlan", "Plan for the family · version %1 · %2 · page %3 of %4"
                     ).replace("%1", str(version)).replace("%2", day).replace(
        "%3", str(page)).replace("%4", str(pages))


def children_footer(version: int, day: str, page: int, pages: int) -> str:
    return translate("FamilyPlan", "For the children · version %1 · %2 · page %3 of %4"
                     ).replace("%1", str(version)).replace("%2", day).replace(
        "%3", str(page)).replace("%4", str(pages))
