"""Dutch-ready display words for the registry's field names and choice values.

The allowed values themselves come from sync/schema.py; this module only says how each one
reads on screen. Every text goes through Qt's translation (context "Choices" and "Fields"),
so lupdate finds it; a value without a label is shown as it is stored.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from sync.schema import kind_spec

_tr = QCoreApplication.translate


def _choice_labels() -> dict[str, str]:
    return {
        # case.status
        "intake": _tr("Choices", "Intake"),
        "active": _tr("Choices", "Active"),
        "closed": _tr("Choices", "Closed"),
        # case.legal_framework
        "voluntary": _tr("Choices", "Voluntary"),
        "ots": _tr("Choices", "Supervision order (OTS)"),
        "guardianship": _tr("Choices", "Guardianship"),
        "other": _tr("Choices", "Other"),
        # case.domains
        "veiligheid": _tr("Choices", "Safety"),
        "opvoeding": _tr("Choices", "Parenting"),
        "financien": _tr("Choices", "Finances"),
        "huisvesting": _tr("Choices", "Housing"),
        "gezondheid": _tr("Choices", "Health"),
        "verslaving": _tr("Choices", "Addiction"),
        "werk": _tr("Choices", "Work"),
        "school": _tr("Choices", "School"),
        "justitie": _tr("Choices", "Justice"),
        # person.gender
        "f": _tr("Choices", "Female"),
        "m": _tr("Choices", "Male"),
        "x": _tr("Choices", "Non-binary"),
        "unknown": _tr("Choices", "Unknown"),
        # person.circle
        "household": _tr("Choices", "Household"),
        "family": _tr("Choices", "Family"),
        "network": _tr("Choices", "Network"),
        "professional": _tr("Choices", "Professional"),
    }


def _field_labels() -> dict[str, str]:
    return {
        "title": _tr("Fields", "Family name"),
        "team_id": _tr("Fields", "Team"),
        "contact_worker_id": _tr("Fields", "Contact worker"),
        "status": _tr("Fields", "Status"),
        "summary": _tr("Fields", "Summary"),
        "legal_framework": _tr("Fields", "Legal framework"),
        "safety_team_involved": _tr("Fields", "Safety team involved"),
        "domains": _tr("Fields", "Domains"),
        "opened_on": _tr("Fields", "Opened on"),
        "closed_on": _tr("Fields", "Closed on"),
        "name": _tr("Fields", "Name"),
        "birth_date": _tr("Fields", "Date of birth"),
        "gender": _tr("Fields", "Gender"),
        "role": _tr("Fields", "Role"),
        "circle": _tr("Fields", "Circle"),
        "organisation": _tr("Fields", "Organisation"),
        "phone": _tr("Fields", "Phone"),
        "deceased": _tr("Fields", "Deceased"),
        "notes": _tr("Fields", "Notes"),
        "date": _tr("Fields", "Date"),
        "participants": _tr("Fields", "Participants"),
        "location": _tr("Fields", "Location"),
        "shared_with_family": _tr("Fields", "Shared with the family"),
        "observations": _tr("Fields", "Observations"),
        "due_on": _tr("Fields", "Due on"),
        "assignee_id": _tr("Fields", "Assigned to"),
        "done": _tr("Fields", "Done"),
        "person_id": _tr("Fields", "Person"),
        "purpose": _tr("Fields", "Purpose (what may be shared with whom)"),
        "given_on": _tr("Fields", "Given on"),
        "withdrawn_on": _tr("Fields", "Withdrawn on"),
        "basis": _tr("Fields", "Basis"),
        "value": _tr("Fields", "Score"),
        "note": _tr("Fields", "Note"),
        "shared_with": _tr("Fields", "Shared with"),
        "map_x": _tr("Fields", "Place on the map"),
        "map_y": _tr("Fields", "Place on the map"),
        "from_person_id": _tr("Fields", "From"),
        "to_person_id": _tr("Fields", "To"),
        "type": _tr("Fields", "Kind of relationship"),
        "quality": _tr("Fields", "Quality"),
        "direction": _tr("Fields", "Direction"),
        "support": _tr("Fields", "Support"),
        "version": _tr("Fields", "Version"),
        "phase": _tr("Fields", "Phase"),
        "harm": _tr("Fields", "What has happened"),
        "worries": _tr("Fields", "Worries"),
        "complicating_factors": _tr("Fields", "Complicating factors"),
        "working_well": _tr("Fields", "What is working well"),
        "children_version": _tr("Fields", "Version for the children"),
        "review_on": _tr("Fields", "Review on"),
        "agreed_on": _tr("Fields", "Agreed on"),
        "review_comment": _tr("Fields", "Review comment"),
        "reviewed_by": _tr("Fields", "Reviewed by"),
        "reviewed_at": _tr("Fields", "Reviewed at"),
        "plan_id": _tr("Fields", "Safety plan"),
        "section": _tr("Fields", "Section"),
        "text": _tr("Fields", "Text"),
        "goal": _tr("Fields", "Safety goal"),
        "family_view": _tr("Fields", "The family's view"),
        "set_by": _tr("Fields", "Set by"),
        "who": _tr("Fields", "Who"),
        "when": _tr("Fields", "When"),
        "how_checked": _tr("Fields", "How it is checked"),
        "position": _tr("Fields", "Order"),
        "plan_item_id": _tr("Fields", "Plan item"),
        "visit_id": _tr("Fields", "Home visit"),
        # The same field name reads differently in another kind.
        "task.title": _tr("Fields", "Task"),
        "safety_plan.title": _tr("Fields", "Title"),
        "relationship.note": _tr("Fields", "Note"),
    }


def _kind_labels() -> dict[str, str]:
    return {
        "case": _tr("Kinds", "Case"),
        "person": _tr("Kinds", "Person"),
        "relationship": _tr("Kinds", "Relationship"),
        "safety_plan": _tr("Kinds", "Safety plan"),
        "plan_item": _tr("Kinds", "Plan item"),
        "visit": _tr("Kinds", "Home visit"),
        "scaling_score": _tr("Kinds", "Scaling score"),
        "task": _tr("Kinds", "Task"),
        "consent": _tr("Kinds", "Consent"),
    }


# Labels are looked up per language: the cache is cleared when the language changes.
@cache
def _tables(_language: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return _choice_labels(), _field_labels(), _kind_labels()


def _current() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from PySide6.QtCore import QLocale

    return _tables(QLocale().name())


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
