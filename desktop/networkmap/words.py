"""What the map says in words: sectors, rings, kinds of abuse, legend entries and faults.

Context "NetworkMap" for lupdate; the Dutch words come from taal.md, section Netwerkkaart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.casefile.labels import choice_label
from desktop.networkmap.model import NetworkModel, Problem

translate = QCoreApplication.translate  # the name lupdate looks for


def sector_label(sector: str) -> str:
    return {
        "family": translate("NetworkMap", "Family"),
        "friends": translate("NetworkMap", "Friends and acquaintances"),
        "neighbours": translate("NetworkMap", "Neighbours and colleagues"),
        "professionals": translate("NetworkMap", "Professionals"),
    }.get(sector, sector)


def ring_label(ring: int) -> str:
    return {
        1: translate("NetworkMap", "Inner ring"),
        2: translate("NetworkMap", "Middle ring"),
        3: translate("NetworkMap", "Outer ring"),
    }.get(ring, str(ring))


def abuse_letter(quality: str) -> str:
    """The letter on a danger line that says which kind it is (none for violence)."""
    return {
        "abuse_physical": translate("NetworkMap", "PA"),
        "abuse_emotional": translate("NetworkMap", "EA"),
        "abuse_sexual": translate("NetworkMap", "SA"),
        "neglect": translate("NetworkMap", "N"), "controlling": translate("NetworkMap", "C"),
    }.get(quality, "")


def support_label(letter: str) -> str:
    return {
        "P": translate("NetworkMap", "practical help"),
        "G": translate("NetworkMap", "company"),
        "A": translate("NetworkMap", "advice"),
        "E": translate("NetworkMap", "emotional support"),
    }.get(letter, letter)


def value_label(value: str | None) -> str:
    """A stored choice as words; a value from a newer laptop as it came."""
    return choice_label(value) if value else ""


def legend_text(key: tuple[str, ...]) -> str:
    """The legend's words for one entry the map uses (see scene.MapScene.legend_keys)."""
    what, *rest = key
    value = rest[0] if rest else ""
    if what == "symbol":
        return {
            "m": translate("NetworkMap", "Man (square)"),
            "f": translate("NetworkMap", "Woman (circle)"),
            "x": translate("NetworkMap", "Non-binary or unknown (diamond)"),
        }.get(value, value)
    if what == "index":
        return translate("NetworkMap", "Child the worry is about (double outline)")
    if what == "deceased":
        return translate("NetworkMap", "Deceased (cross)")
    if what == "household":
        return translate("NetworkMap", "Household (dotted outline)")
    if what == "partner":
        return {
            "married": translate("NetworkMap", "Married (solid line)"),
            "cohabiting": translate("NetworkMap", "Living together (dashed line)"),
            "partner": translate("NetworkMap", "Partners (dashed line)"),
            "separated": translate("NetworkMap", "Separated (one slash)"),
            "ex_partner": translate("NetworkMap", "Ex-partners (one slash)"),
            "divorced": translate("NetworkMap", "Divorced (two slashes)"),
        }.get(value, value_label(value))
    if what == "child":
        return {
            "parent_child": translate("NetworkMap", "Birth child (solid line)"),
            "adoptive_parent_child": translate("NetworkMap", "Adopted child (dashed line)"),
            "foster_parent_child": translate("NetworkMap", "Foster child (dotted line)"),
            "step_parent_child": translate("NetworkMap", "Stepchild (dash-dot line)"),
        }.get(value, value_label(value))
    if what == "twins":
        return translate("NetworkMap", "Twins (two lines from one point)")
    if what == "ended":
        return translate("NetworkMap", "Tie that has ended (faded, with the year: until …)")
    if what == "quality":
        return {
            "strong": translate("NetworkMap", "Strong (thick line)"),
            "normal": translate("NetworkMap", "Ordinary (thin line)"),
            "weak": translate("NetworkMap", "Weak (dashed line)"),
            "stressful": translate("NetworkMap", "Strained (wavy line)"),
            "conflict": translate("NetworkMap", "Quarrel (zigzag)"),
            "hostile": translate("NetworkMap", "Hostile (zigzag)"),
            "violence": translate("NetworkMap", "Violence (red arrow to whom it affects)"),
            "cut_off": translate("NetworkMap", "Contact broken off (line with two bars)"),
            "close": translate("NetworkMap", "Close (two lines)"),
            "fused": translate("NetworkMap", "Too close (three lines)"),
            "distant": translate("NetworkMap", "Distant (dotted line)"),
            "abuse_physical": translate("NetworkMap", "Physical abuse (red arrow, PA)"),
            "abuse_emotional": translate("NetworkMap", "Psychological abuse (red arrow, EA)"),
            "abuse_sexual": translate("NetworkMap", "Sexual abuse (red arrow, SA)"),
            "neglect": translate("NetworkMap", "Neglect (red arrow, N)"),
            "controlling": translate("NetworkMap", "Controlling (red arrow, C)"),
        }.get(value, translate("NetworkMap", "Unknown band: %1 (grey line)").replace("%1", value))
    if what == "other":
        return translate("NetworkMap", "Other tie (thin grey line)")
    if what == "arrow":
        return translate("NetworkMap", "Arrow: the direction of support")
    if what == "support":
        text = translate("NetworkMap", "%1: %2")
        return text.replace("%1", value).replace("%2", support_label(value))
    if what == "rings":
        return translate("NetworkMap", "Rings: inner, middle and outer, as the family sees it")
    if what == "conflict":
        return translate("NetworkMap", "!: two people changed this at once; choose which "
                                       "version stays (right-click)")
    if what == "disputed":
        return translate("NetworkMap", "≠: people see this tie differently (choose whose view)")
    if what == "problem":
        return translate("NetworkMap",
                         "Question mark: something here does not add up (see the list)")
    return value


def problem_text(problem: Problem, model: NetworkModel, names: dict[str, str]) -> str:
    """A fault of the recorded data, said so the worker can put it right."""
    who = names.get(problem.person_id or "", "")
    code = problem.code
    if code == "missing_person":
        text = translate("NetworkMap", "A tie leads to someone who is no longer in the case file.")
    elif code == "self_tie":
        text = translate("NetworkMap", "A tie of %1 leads to %1 themselves.")
    elif code == "parent_loop":
        text = translate("NetworkMap",
                         "%1 is recorded as their own ancestor: one parent tie is drawn as a "
                         "plain line.")
    elif code == "too_many_parents":
        text = translate("NetworkMap", "%1 has more parents than a family tree can show.")
    elif code == "unknown_type":
        text = translate("NetworkMap",
                         "A tie has a kind of relationship this version does not know; it is "
                         "drawn as a plain line.")
    elif code == "unknown_quality":
        text = translate("NetworkMap",
                         "A tie has a band this version does not know; it is drawn as a plain "
                         "line.")
    else:
        return code
    return text.replace("%1", who)


def viewpoint_label(who: str, names: dict[str, str]) -> str:
    if who == "worker":
        return translate("NetworkMap", "According to the worker")
    return translate("NetworkMap", "According to %1").replace("%1", names.get(who, "?"))
