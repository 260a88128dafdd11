"""The children's version in words: the rooms' names and, for the child-friendly view, short
sentences in child language (taal.md: "je", under ten words a sentence, no blame).

Dutch comes from the translation; the source is English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.casefile.labels import choice_label
from desktop.safetyplan.children_data import OTHER, ChildWords

translate = QCoreApplication.translate


def room_title(part: str) -> str:
    """The room's name, as the worker and the child both call it (taal.md: Drie Huizen)."""
    if part == OTHER:
        return translate("ChildrenVersion", "Other words")
    return choice_label(part)


def room_sentence(part: str) -> str:
    """One short sentence for a child, said beside the room's picture."""
    return {
        "worries": translate("ChildrenVersion", "This is what worries you."),
        "good_things": translate("ChildrenVersion", "This is what goes well."),
        "dreams": translate("ChildrenVersion", "This is what you wish for."),
        "safe_people": translate("ChildrenVersion", "With these people you are safe."),
        "rules": translate("ChildrenVersion", "These rules keep you safe."),
        "path": translate("ChildrenVersion", "This is how we get there."),
    }.get(part, translate("ChildrenVersion", "You said this too."))


def room_prompt(part: str) -> str:
    """What the worker asks the child, as a hint in the empty field."""
    return {
        "worries": translate("ChildrenVersion", "What worries you?"),
        "good_things": translate("ChildrenVersion", "What goes well?"),
        "dreams": translate("ChildrenVersion", "What do you wish for?"),
        "safe_people": translate("ChildrenVersion", "Who helps you feel safe?"),
        "rules": translate("ChildrenVersion", "Which rule keeps you safe?"),
        "path": translate("ChildrenVersion", "What has to happen first?"),
    }.get(part, "")


def group_name(group: ChildWords) -> str:
    """Whose words these are, also when that child is no longer in the case."""
    if group.kind == "removed":
        return translate("ChildrenVersion", "A child who is no longer in this case")
    if group.kind == "nobody":
        return translate("ChildrenVersion", "No child chosen")
    return group.name or translate("ChildrenVersion", "(no name)")


def group_note(group: ChildWords) -> str:
    """For the worker: why these words stand apart and how to put them right."""
    if group.kind == "removed":
        return translate("ChildrenVersion",
                         "These words are kept, but the child they belong to was removed from "
                         "the case. Choose the child again at the line in the plan.")
    if group.kind == "nobody":
        return translate("ChildrenVersion",
                         "No child is chosen for these words. Choose the child at the line in "
                         "the plan.")
    if group.kind == "person":
        return translate("ChildrenVersion",
                         "This person is not under 18 in the household, nor marked as a child "
                         "the worry is about.")
    if group.kind == "named":
        return translate("ChildrenVersion", "This child is not on the network map.")
    return ""


def child_heading(group: ChildWords) -> str:
    """The heading of one child's page in the child-friendly view."""
    if group.kind in ("removed", "nobody"):
        return group_name(group)
    return translate("ChildrenVersion", "In the words of %1").replace("%1", group_name(group))


def story_title() -> str:
    return translate("ChildrenVersion", "Words and Pictures")


def story_sentence() -> str:
    return translate("ChildrenVersion", "What happened, and what everyone does now.")


def never_your_fault() -> str:
    return translate("ChildrenVersion", "It is never your fault.")
