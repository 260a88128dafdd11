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
        # relationship.type ("family", "professional" and "other" as above)
        "partner": translate("Choices", "Partner"),
        "ex_partner": translate("Choices", "Ex-partner"),
        "parent_child": translate("Choices", "Parent – child"),
        "sibling": translate("Choices", "Brother or sister"),
        "friend": translate("Choices", "Friend"),
        "neighbour": translate("Choices", "Neighbour"),
        # relationship.quality (the band on the network map)
        "strong": translate("Choices", "Strong"),
        "normal": translate("Choices", "Ordinary"),
        "weak": translate("Choices", "Weak"),
        "stressful": translate("Choices", "Tense"),
        "conflict": translate("Choices", "Quarrelling"),
        "violence": translate("Choices", "Violence"),
        "cut_off": translate("Choices", "Contact broken off"),
        # relationship.direction
        "none": translate("Choices", "No direction"),
        "from": translate("Choices", "From this person"),
        "to": translate("Choices", "To this person"),
        "both": translate("Choices", "Both ways"),
        # safety_plan.status, plan_version.decision
        "draft": translate("Choices", "Draft"),
        "agreed": translate("Choices", "Agreed"),
        "submitted": translate("Choices", "Submitted"),
        "approved": translate("Choices", "Approved"),
        "returned": translate("Choices", "Sent back"),
        # safety_plan.phase
        "direct": translate("Choices", "Immediate safety"),
        "structural": translate("Choices", "Lasting safety"),
        # plan_item.section
        "danger": translate("Choices", "Our biggest worry"),
        "condition": translate("Choices", "Safety condition"),
        "agreement": translate("Choices", "Agreement"),
        "signal": translate("Choices", "Warning sign"),
        "emergency_step": translate("Choices", "If things go wrong"),
        "network_commitment": translate("Choices", "Safety network"),
        # consent.basis: free text in the registry, but these three are what is written
        "consent": translate("Choices", "Consent"),
        "legal_obligation": translate("Choices", "Legal obligation"),
        "vital_interest": translate("Choices", "Vital interest (life or health)"),
        "child_voice": translate("Choices", "In the child's words"),
        "next_step": translate("Choices", "Next step"),
        # plan_item.part: the Three Houses and the Safety House
        "worries": translate("Choices", "House of worries"),
        "good_things": translate("Choices", "House of good things"),
        "dreams": translate("Choices", "House of dreams"),
        "safe_people": translate("Choices", "Safe people"),
        "rules": translate("Choices", "Rules"),
        "path": translate("Choices", "The path"),
        "married": translate("Choices", "Married"),
        "cohabiting": translate("Choices", "Living together"),
        "separated": translate("Choices", "Separated"),
        "divorced": translate("Choices", "Divorced"),
        "adoptive_parent_child": translate("Choices", "Adoptive parent – child"),
        "foster_parent_child": translate("Choices", "Foster parent – child"),
        "step_parent_child": translate("Choices", "Step-parent – child"),
        "half_sibling": translate("Choices", "Half-brother/half-sister"),
        "twin": translate("Choices", "Twin"),
        "colleague": translate("Choices", "Colleague"),
        "close": translate("Choices", "Close"),
        "fused": translate("Choices", "Too close"),
        "distant": translate("Choices", "Distant"),
        "hostile": translate("Choices", "Hostile"),
        "abuse_physical": translate("Choices", "Physical abuse"),
        "abuse_emotional": translate("Choices", "Psychological abuse"),
        "abuse_sexual": translate("Choices", "Sexual abuse"),
        "neglect": translate("Choices", "Neglect"),
        "controlling": translate("Choices", "Controlling"),
    }


# Free-text fields whose usual values are codes with a label all the same.
LABELLED_FREE_FIELDS = frozenset({("consent", "basis")})


def _field_labels() -> dict[str, str]:
    return {
        "title": translate("Fields", "Family name"),
        "team_id": translate("Fields", "Team"),
        "contact_worker_id": translate("Fields", "Contact worker"),
        "status": translate("Fields", "Status"),
        "summary": translate("Fields", "Summary"),
        "legal_framework": translate("Fields", "Legal framework"),
        "safety_team_involved": translate("Fields", "Regional safety team involved"),
        "domains": translate("Fields", "Domains"),
        "opened_on": translate("Fields", "Opened on"),
        "closed_on": translate("Fields", "Closed on"),
        "name": translate("Fields", "Name"),
        "birth_date": translate("Fields", "Date of birth"),
        "gender": translate("Fields", "Gender"),
        "role": translate("Fields", "Role"),
        "circle": translate("Fields", "Group"),
        "organisation": translate("Fields", "Organisation"),
        "phone": translate("Fields", "Phone"),
        "deceased": translate("Fields", "Deceased"),
        "notes": translate("Fields", "Notes"),
        "date": translate("Fields", "Date"),
        "participants": translate("Fields", "Present"),
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
        "value": translate("Fields", "Score (0–10)"),
        "note": translate("Fields", "Note"),
        "shared_with": translate("Fields", "Shared with"),
        "map_x": translate("Fields", "Place on the map"),
        "map_y": translate("Fields", "Place on the map"),
        "from_person_id": translate("Fields", "From"),
        "to_person_id": translate("Fields", "To"),
        "type": translate("Fields", "Kind of relationship"),
        "quality": translate("Fields", "Bond"),
        "direction": translate("Fields", "Direction"),
        "support": translate("Fields", "Support"),
        "version": translate("Fields", "Version"),
        "phase": translate("Fields", "Phase"),
        "harm": translate("Fields", "What has happened"),
        "worries": translate("Fields", "Worries"),
        "complicating_factors": translate("Fields", "Complicating factors"),
        "working_well": translate("Fields", "What is working well"),
        "children_version": translate("Fields", "Version for the children"),
        "review_on": translate("Fields", "Next review"),
        "agreed_on": translate("Fields", "Agreed on"),
        "agreed_by": translate("Fields", "Agreed by"),
        "review_comment": translate("Fields", "Review comment"),
        "reviewed_by": translate("Fields", "Reviewed by"),
        "reviewed_at": translate("Fields", "Reviewed at"),
        "plan_id": translate("Fields", "Safety plan"),
        "section": translate("Fields", "Part of the plan"),
        "text": translate("Fields", "Text"),
        "goal": translate("Fields", "Safety goal"),
        "family_view": translate("Fields", "The family's view"),
        "set_by": translate("Fields", "Set by"),
        "who": translate("Fields", "Who"),
        "when": translate("Fields", "When"),
        "how_checked": translate("Fields", "How we see that it happens"),
        "if_not_kept": translate("Fields", "What happens if it is not kept"),
        "position": translate("Fields", "Order"),
        "plan_item_id": translate("Fields", "Point in the plan"),
        "visit_id": translate("Fields", "Home visit"),
        "part": translate("Fields", "Part"),
        "addresses": translate("Fields", "Meets the conditions"),
        "decision": translate("Fields", "Decision"),
        "comment": translate("Fields", "Comment"),
        "section_comments": translate("Fields", "Comments per part"),
        "content": translate("Fields", "What the team lead saw"),
        "based_on_rev": translate("Fields", "Based on"),
        "decided_by": translate("Fields", "Decided by"),
        "decided_at": translate("Fields", "Decided at"),
        "index_person": translate("Fields", "Child the worry is about"),
        "ring": translate("Fields", "Ring"),
        "eco_x": translate("Fields", "Place on the ecogram"),
        "eco_y": translate("Fields", "Place on the ecogram"),
        "since": translate("Fields", "Since"),
        "until": translate("Fields", "Until"),
        "according_to": translate("Fields", "According to"),
        "taken_on": translate("Fields", "Taken on"),
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
        "plan_item": translate("Kinds", "Point in the plan"),
        "visit": translate("Kinds", "Home visit"),
        "scaling_score": translate("Kinds", "Scaling score"),
        "task": translate("Kinds", "Task"),
        "consent": translate("Kinds", "Consent"),
        "plan_version": translate("Kinds", "Plan version"),
        "map_snapshot": translate("Kinds", "Snapshot of the network map"),
    }


@cache
def _tables(_catalogue: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return _choice_labels(), _field_labels(), _kind_labels()


def _current() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    # One translated word tells which catalogue is installed now, so the tables follow a
    # change of language without being rebuilt for every cell.
    # ("Intake" reads the same in both languages; "Active" does not.)
    return _tables(translate("Choices", "Active"))


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
