"""What the plan tab says about the plan in words: its status, what keeps it from being
agreed, the odd data two laptops can leave behind, and the plan checked against the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop.casefile.labels import choice_label
from desktop.casefile.records_model import display_value
from desktop.safetyplan.compare import changed_since
from desktop.safetyplan.crosscheck import cross_checks
from desktop.safetyplan.data import PlanData
from desktop.safetyplan.items_model import first_line
from desktop.safetyplan.notes import check_text, unapproved_text
from desktop.safetyplan.rules import blockers, dangling
from desktop.safetyplan.words import blocker_text


def mergeable_plans(data: PlanData) -> list[Any]:
    """The other live plans that can be merged into the plan shown: those no team lead
    decided on (a decided plan is history)."""
    plan = data.plan
    if plan is None:
        return []
    return [p for p in data.plans
            if p.id != plan.id and p.id not in data.decided_plans]


def unapproved_parts(data: PlanData) -> list[str]:
    """The parts of an approved plan that differ from what its approval saw: edited on
    another laptop while the team lead approved (the edit reached the service later)."""
    plan = data.plan
    if plan is None or plan.fields.get("status") != "approved":
        return []
    approvals = [v for v in data.versions if v.fields.get("decision") == "approved"
                 and v.fields.get("version") == (plan.fields.get("version") or 1)]
    if not approvals:
        return []
    return changed_since(approvals[-1].fields.get("content"), plan, data.items)


def missing(data: PlanData) -> list[str]:
    """What keeps the plan from being agreed, in words."""
    texts = {i.id: first_line(i.fields.get("text")) for i in data.items}
    return [blocker_text(b, texts.get(b.item_id or "", "")) for b in blockers(
        data.items)]


class PlanWords(QObject):
    """The sentences about the plan, in the worker's language."""

    def status(self, data: PlanData) -> str:
        """The plan's status and version, who agreed, and what the review says."""
        plan = data.plan
        if plan is None:
            return ""
        status = plan.fields.get("status") or "draft"
        text = self.tr("Status: %1 · version %2").replace("%1", choice_label(status)).replace(
            "%2", str(plan.fields.get("version") or 1))
        agreed = self.agreed_words(data, plan)
        if agreed:
            text += "\n" + agreed
        if status == "returned" and plan.fields.get("review_comment"):
            text += "\n" + self.tr("The team lead says: %1").replace(
                "%1", plan.fields["review_comment"])
        if any(v.rev == 0 for v in data.versions):
            text += "\n" + self.tr("Your decision waits to be sent.")
        if status == "submitted" and "plan_changed" in data.refused.values():
            text += "\n" + self.tr("The plan changed after you looked at it. Look at it "
                                   "again and decide again.")
        return text

    def notes(self, data: PlanData) -> list[str]:
        """Odd data that two laptops can leave behind, said in words (never dropped)."""
        notes = []
        if data.other_plans:
            notes.append(self.tr("This case holds more than one plan (made on two laptops at "
                                 "once). Choose below which one you see; the case list "
                                 "follows the one furthest in review."))
        plan = data.plan
        for other in data.plans:
            if plan is not None and other.id != plan.id and other.id in data.decided_plans:
                notes.append(self.tr("A team lead decided on \u201c%1\u201d: that plan is "
                                     "history and is not merged into another. Choose it below "
                                     "to read it.").replace("%1", self.plan_label(other)))
        unapproved = unapproved_parts(data)
        if unapproved:
            notes.append(unapproved_text(unapproved))
        for item in dangling(data.items):
            notes.append(self.tr("\u201c%1\u201d meets a condition that was removed: choose "
                                 "again which conditions it meets.").replace(
                "%1", first_line(item.fields.get("text")) or "…"))
        return notes

    def plan_label(self, plan: Any) -> str:
        """How the chooser and the question name a plan: title, status and version."""
        return self.tr("%1 · %2 · version %3").replace(
            "%1", str(plan.fields.get("title") or self.tr("Safety plan"))).replace(
            "%2", choice_label(plan.fields.get("status") or "draft")).replace(
            "%3", str(plan.fields.get("version") or 1))

    def agreed_words(self, data: PlanData, plan: Any) -> str:
        """"Agreed on 3 March by Sanne and Karel", from the plan's fields."""
        names = {p.id: str(p.fields.get("name") or "")
                 for p in (*data.removed_people, *data.people)}
        who = [names.get(pid) or self.tr("someone") for pid in plan.fields.get("agreed_by") or ()]
        if not who:
            return ""
        return self.tr("Agreed on %1 by %2").replace(
            "%1", display_value("safety_plan", "agreed_on", plan.fields.get("agreed_on"))
        ).replace("%2", ", ".join(who))

    def checks(self, data: PlanData) -> list[str]:
        """The plan checked against the network map, in words, each naming who and what."""
        people = {p.id: p for p in (*data.removed_people, *data.people)}

        def name(person_id: str | None) -> str:
            person = people.get(person_id or "")
            found = str(person.fields.get("name") or "") if person is not None else ""
            return found or self.tr("someone")

        lines = {i.id: i for i in data.items}
        return [check_text(c, str(lines[c.item_id].fields.get("section")),
                           first_line(lines[c.item_id].fields.get("text")) or "…", name)
                for c in cross_checks(data.items, people.values(),
                                      data.relationships)]
