"""Dutch-ready display words for the registry's field names and choice values.

The allowed values themselves come from sync/schema.py; this module only says how each one
reads on screen. Every text goes through Qt's translation (context "Choices" and "Fields"),
so lupdate finds it; a value without a label is shown as it is stored.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from sync.schema import kind_spec

translate = QCoreApplication.translate


def _choice_labels() -> dict[str, str]:
    return {
        # case.status
        "intake": translate("Choices", "Intake"),
        "active": translate("Choices", "Active"),
        "closed": translate("Choices", "Closed"),
        # case.legal_framework
        "voluntary": translate("Choices", "Voluntary"),
        "ots": translate("Choices", "Supervision order (OTS)"),
        "guardianship": translate("Choices", "Guardianship"),
        "other": translate("Choices", "Other"),
        # case.domains
        "veiligheid": translate("Choices", "Safety"),
        "opvoeding": translate("Choices", "Parenting"),
        "financien": translate("Choices", "Finances"),
        "huisvesting": translate("Choices", "Housing"),
        "gezondheid": translate("Choices", "Health"),
        "verslaving": translate("Choices", "Addiction"),
        "werk": translate("Choices", "Work"),
        "school": translate("Choices", "School"),
        "justitie": translate("Choices", "Justice"),
        # person.gender
        "f": translate("Choices", "Female"),
        "m": translate("Choices", "Male"),
        "x": translate("Choices", "Non-binary"),
        "unknown": translate("Choices", "Unknown"),
        # person.circle
        "household": translate("Choices", "Household"),
        "family": translate("Choices", "Family"),
        "network": translate("Choices", "Network"),
        "professional": translate("Choices", "Professional"),
        # relationship.type (also "family", "professional", "other" above)
        "partner": translate("Choices", "Partner"),
        "ex_partner": translate("Choices", "Ex-partner"),
        "married": translate("Choices", "Married"),
        "cohabiting": translate("Choices", "Living together"),
        "separated": translate("Choices", "Separated"),
        "divorced": translate("Choices", "Divorced"),
        "parent_child": translate("Choices", "Parent – child"),
        "adoptive_parent_child": translate("Choices", "Adoptive parent – child"),
        "foster_parent_child": translate("Choices", "Foster parent – child"),
        "step_parent_child": translate("Choices", "Step-parent – child"),
        "sibling": translate("Choices", "Brother/sister"),
        "half_sibling": translate("Choices", "Half-brother/half-sister"),
        "twin": translate("Choices", "Twin"),
        "friend": translate("Choices", "Friend"),
        "neighbour": translate("Choices", "Neighbour"),
        "colleague": translate("Choices", "Colleague"),
        # relationship.quality: the ecogram's ties, then the genogram's emotional lines
        "strong": translate("Choices", "Strong"),
        "normal": translate("Choices", "Ordinary"),
        "weak": translate("Choices", "Weak"),
        "stressful": translate("Choices", "Strained"),
        "conflict": translate("Choices", "Quarrel"),
        "violence": translate("Choices", "Violence"),
        "cut_off": translate("Choices", "Contact broken off"),
        "close": translate("Choices", "Close"),
        "fused": translate("Choices", "Too close"),
        "distant": translate("Choices", "Distant"),
        "hostile": translate("Choices", "Hostile"),
        "abuse_physical": translate("Choices", "Physical abuse"),
        "abuse_emotional": translate("Choices", "Psychological abuse"),
        "abuse_sexual": translate("Choices", "Sexual abuse"),
        "neglect": translate("Choices", "Neglect"),
        "controlling": translate("Choices", "Controlling"),
        # relationship.direction
        "none": translate("Choices", "None"),
        "from": translate("Choices", "From"),
        "to": translate("Choices", "To"),
        "both": translate("Choices", "Both ways"),
    }


def _field_labels() -> dict[str, str]:
    return {
        "title": translate("Fields", "Family name"),
        "team_id": translate("Fields", "Team"),
        "contact_worker_id": translate("Fields", "Contact worker"),
        "status": translate("Fields", "Status"),
        "summary": translate("Fields", "Summary"),
        "legal_framework": translate("Fields", "Legal framework"),
        "safety_team_involved": translate("Fields", "Safety team involved"),
        "domains": translate("Fields", "Domains"),
        "opened_on": translate("Fields", "Opened on"),
        "closed_on": translate("Fields", "Closed on"),
        "name": translate("Fields", "Name"),
        "birth_date": translate("Fields", "Date of birth"),
        "gender": translate("Fields", "Gender"),
        "role": translate("Fields", "Role"),
        "circle": translate("Fields", "Circle"),
        "organisation": translate("Fields", "Organisation"),
        "phone": translate("Fields", "Phone"),
        "deceased": translate("Fields", "Deceased"),
        "notes": translate("Fields", "Notes"),
        "date": translate("Fields", "Date"),
        "participants": translate("Fields", "Participants"),
        "location": translate("Fields", "Location"),
        "shared_with_family": translate("Fields", "Shared with the family"),
        "observations": translate("Fields", "Observations"),
        "due_on": translate("Fields", "Due on"),
        "assignee_id": translate("Fields", "Assigned to"),
        "done": translate("Fields", "Done"),
        "person_id": translate("Fields", "Person"),
        "purpose": translate("Fields", "Purpose (what may be shared with whom)"),
        "given_on": translate("Fields", "Given on"),
        "withdrawn_on": translate("Fields", "Withdrawn on"),
        "basis": translate("Fields", "Basis"),
        "value": translate("Fields", "Score"),
        "note": translate("Fields", "Note"),
        "shared_with": translate("Fields", "Shared with"),
        "map_x": translate("Fields", "Place on the map"),
        "map_y": translate("Fields", "Place on the map"),
        "from_person_id": translate("Fields", "From"),
        "to_person_id": translate("Fields", "To"),
        "type": translate("Fields", "Kind of relationship"),
        "quality": translate("Fields", "Quality"),
        "direction": translate("Fields", "Direction"),
        "support": translate("Fields", "Support"),
        "version": translate("Fields", "Version"),
        "phase": translate("Fields", "Phase"),
        "harm": translate("Fields", "What has happened"),
        "worries": translate("Fields", "Worries"),
        "complicating_factors": translate("Fields", "Complicating factors"),
        "working_well": translate("Fields", "What is working well"),
        "children_version": translate("Fields", "Version for the children"),
        "review_on": translate("Fields", "Review on"),
        "agreed_on": translate("Fields", "Agreed on"),
        "review_comment": translate("Fields", "Review comment"),
        "reviewed_by": translate("Fields", "Reviewed by"),
        "reviewed_at": translate("Fields", "Reviewed at"),
        "plan_id": translate("Fields", "Safety plan"),
        "section": translate("Fields", "Section"),
        "text": translate("Fields", "Text"),
        "goal": translate("Fields", "Safety goal"),
        "family_view": translate("Fields", "The family's view"),
        "set_by": translate("Fields", "Set by"),
        "who": translate("Fields", "Who"),
        "when": translate("Fields", "When"),
        "how_checked": translate("Fields", "How it is checked"),
        "position": translate("Fields", "Order"),
        "plan_item_id": translate("Fields", "Plan item"),
        "visit_id": translate("Fields", "Home visit"),
        "index_person": translate("Fields", "Child the worry is about"),
        "ring": translate("Fields", "Ring"),
        "eco_x": translate("Fields", "Place on the ecogram"),
        "eco_y": translate("Fields", "Place on the ecogram"),
        "since": translate("Fields", "Since"),
        "until": translate("Fields", "Until"),
        "according_to": translate("Fields", "According to"),
        "taken_on": translate("Fields", "Taken on"),
        "content": translate("Fields", "Content"),
        # The same field name reads differently in another kind.
        "task.title": translate("Fields", "Task"),
        "safety_plan.title": translate("Fields", "Title"),
        "relationship.note": translate("Fields", "Note"),
    }


def _kind_labels() -> dict[str, str]:
    return {
        "case": translate("Kinds", "Case"),
        "person": translate("Kinds", "Person"),
        "relationship": translate("Kinds", "Relationship"),
        "safety_plan": translate("Kinds", "Safety plan"),
        "plan_item": translate("Kinds", "Plan item"),
        "visit": translate("Kinds", "Home visit"),
        "scaling_score": translate("Kinds", "Scaling score"),
        "task": translate("Kinds", "Task"),
        "consent": translate("Kinds", "Consent"),
        "map_snapshot": translate("Kinds", "Snapshot of the network map"),
    }


@cache
def _tables(_catalogue: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return _choice_labels(), _field_labels(), _kind_labels()


def _current() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    # One translated word tells which catalogue is installed now, so the tables follow a
    # change of language without being rebuilt for every cell.
    return _tables(translate("Choices", "Intake"))


def choice_label(value: str | None) -> str:
    """How a stored choice value reads on screen ("" for none)."""
    if value is None:
        return ""
    return _current()[0].get(value, value)


def field_label(name: str, kind: str | None = None) -> str:
    """How a field is named on screen; `kind` where the same name means another thing."""
    labels = _current()[1]
    if kind is not None and f"{kind}.{name}" in labels:
        return labels[f"{kind}.{name}"]
    return labels.get(name, name.replace("_", " "))


def kind_label(kind: str) -> str:
    return _current()[2].get(kind, kind)


def choices(kind: str, name: str) -> tuple[str, ...]:
    """The allowed values of a field, straight from the registry."""
    return kind_spec(kind).fields[name].choices or ()
