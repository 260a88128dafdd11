"""The record kinds and their fields, declared once.

Everything that needs to know what a record may hold reads this registry: validation on
the service and in the local store, the local tables, the merge (which fields are
mergeable text) and the exports (which fields are personal data). design.md, section
"Domain model", is the source; extend the declarations here and nowhere else.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

FieldType = Literal["str", "text", "int", "bool", "date", "list[str]"]

FIELD_TYPES: tuple[FieldType, ...] = ("str", "text", "int", "bool", "date", "list[str]")


class SchemaError(ValueError):
    """A record that does not fit the registry.

    `code` is a stable machine-readable reason (used as the API error code); the message
    names kinds and fields but never a value, so it is safe to log.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record kind."""

    name: str
    type: FieldType
    choices: tuple[str, ...] | None = None  # allowed values (for list[str]: of each item)
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False  # required when the record is created
    personal: bool = False  # identifies or describes a person: left out of anonymised exports
    reference: str | None = None  # kind this field points to (a record id)
    holds_id: bool = False  # a record, user or team id (for list[str]: each item)

    def __post_init__(self) -> None:
        if self.reference is not None:
            object.__setattr__(self, "holds_id", True)

    @property
    def mergeable(self) -> bool:
        """Free text is merged line by line; every other type is kept whole."""
        return self.type == "text"


@dataclass(frozen=True)
class KindSpec:
    """One record kind and its fields."""

    name: str
    fields: Mapping[str, FieldSpec]
    description: str = ""
    immutable: bool = False  # written once: nobody updates or deletes a record of this kind

    @functools.cached_property
    def required(self) -> frozenset[str]:
        # Cached: the push checks it for every new record (29,000 for a thousand new cases).
        return frozenset(self.required_in_order)

    @functools.cached_property
    def required_in_order(self) -> tuple[str, ...]:
        return tuple(sorted(n for n, f in self.fields.items() if f.required))


def _kind(name: str, description: str, *specs: FieldSpec, immutable: bool = False) -> KindSpec:
    return KindSpec(name=name, fields={s.name: s for s in specs}, description=description,
                    immutable=immutable)


F = FieldSpec

CASE_STATUSES = ("intake", "active", "closed")
LEGAL_FRAMEWORKS = ("voluntary", "ots", "guardianship", "other")
DOMAINS = (
    "veiligheid", "opvoeding", "financien", "huisvesting", "gezondheid",
    "verslaving", "werk", "school", "justitie",
)
GENDERS = ("f", "m", "x", "unknown")
CIRCLES = ("household", "family", "network", "professional")
RELATIONSHIP_TYPES = (
    "partner", "ex_partner", "parent_child", "sibling", "family",
    "friend", "neighbour", "professional", "other",
    # The structural ties of a genogram (design.md, "Contract additions").
    "married", "cohabiting", "separated", "divorced", "adoptive_parent_child",
    "foster_parent_child", "step_parent_child", "half_sibling", "twin", "colleague",
)
QUALITIES = (
    "strong", "normal", "weak", "stressful", "conflict", "violence", "cut_off",
    # The emotional lines of the genogram standard (McGoldrick, Gerson).
    "close", "fused", "distant", "hostile", "abuse_physical", "abuse_emotional",
    "abuse_sexual", "neglect", "controlling",
)
DIRECTIONS = ("none", "from", "to", "both")
SUPPORT = ("P", "G", "A", "E")
PLAN_STATUSES = ("draft", "agreed", "submitted", "approved", "returned")
PLAN_PHASES = ("direct", "structural")
PLAN_SECTIONS = (
    "danger", "condition", "agreement", "signal", "emergency_step", "network_commitment",
    "child_voice", "next_step",
)
# For a `child_voice` item: a room of the Three Houses or of the Safety House.
CHILD_VOICE_PARTS = ("worries", "good_things", "dreams", "safe_people", "rules", "path")
PLAN_DECISIONS = ("approved", "returned")
# Only a team lead of the case's team may move a plan into these.
TEAMLEAD_PLAN_STATUSES = ("approved", "returned")

KINDS: dict[str, KindSpec] = {
    k.name: k
    for k in (
        _kind(
            "case", "one household/family and everything recorded about it",
            F("title", "str", required=True, personal=True),
            F("team_id", "str", required=True, holds_id=True),
            F("contact_worker_id", "str", holds_id=True),
            F("status", "str", choices=CASE_STATUSES),
            F("summary", "text", personal=True),
            F("legal_framework", "str", choices=LEGAL_FRAMEWORKS),
            F("safety_team_involved", "bool"),
            F("domains", "list[str]", choices=DOMAINS),
            F("opened_on", "date"),
            F("closed_on", "date"),
            F("shared_with", "list[str]", holds_id=True),
        ),
        _kind(
            "person", "someone in the household, family, network or a professional",
            F("name", "str", required=True, personal=True),
            F("birth_date", "date", personal=True),
            F("gender", "str", choices=GENDERS),
            F("role", "str"),
            F("circle", "str", choices=CIRCLES),
            F("organisation", "str", personal=True),
            F("phone", "str", personal=True),
            F("deceased", "bool"),
            F("notes", "text", personal=True),
            F("map_x", "int"),  # place on the genogram
            F("map_y", "int"),
            F("index_person", "bool"),
            F("ring", "int", minimum=1, maximum=3),
            # Place on the ecogram: each view keeps where the worker put someone.
            F("eco_x", "int"),
            F("eco_y", "int"),
        ),
        _kind(
            "relationship", "a tie between two people on the network map",
            F("from_person_id", "str", required=True, reference="person"),
            F("to_person_id", "str", required=True, reference="person"),
            F("type", "str", choices=RELATIONSHIP_TYPES),
            F("quality", "str", choices=QUALITIES),
            F("direction", "str", choices=DIRECTIONS),
            F("support", "list[str]", choices=SUPPORT),
            F("note", "text", personal=True),
            F("since", "date"),
            F("until", "date"),
            F("according_to", "str"),  # a person id, or "worker": whose view this line is
        ),
        _kind(
            "safety_plan", "the safety plan agreed with the family and its network",
            F("title", "str"),
            F("status", "str", choices=PLAN_STATUSES),
            F("version", "int", minimum=1),
            F("phase", "str", choices=PLAN_PHASES),
            F("harm", "text", personal=True),
            F("worries", "text", personal=True),
            F("complicating_factors", "text", personal=True),
            F("working_well", "text", personal=True),
            F("children_version", "text", personal=True),
            F("review_on", "date"),
            F("agreed_on", "date"),
            F("review_comment", "text"),
            F("reviewed_by", "str"),
            F("reviewed_at", "str"),
            # Beyond design.md: who of the family agreed (person ids of the case).
            F("agreed_by", "list[str]", holds_id=True),
        ),
        _kind(
            "plan_item", "one line of a safety plan, in one of its sections",
            F("plan_id", "str", required=True, reference="safety_plan"),
            F("section", "str", required=True, choices=PLAN_SECTIONS),
            F("text", "text", personal=True),
            F("goal", "text", personal=True),
            F("family_view", "text", personal=True),
            F("set_by", "str"),
            F("who", "str", personal=True),
            F("when", "str"),
            F("how_checked", "str"),
            F("phone", "str", personal=True),
            F("position", "str"),
            F("done", "bool"),
            F("part", "str", choices=CHILD_VOICE_PARTS),
            F("addresses", "list[str]"),
            # Beyond design.md: for an agreement, what happens when it is not kept.
            F("if_not_kept", "text", personal=True),
            # Beyond design.md: written together with the family at the kitchen table
            # (their own words on a worry, a child's Three Houses).
            F("with_family", "bool"),
        ),
        _kind(
            "plan_version", "what a team lead approved or returned, exactly as they saw it",
            F("plan_id", "str", required=True, reference="safety_plan"),
            F("version", "int", required=True, minimum=1),
            F("decision", "str", required=True, choices=PLAN_DECISIONS),
            F("comment", "text", personal=True),
            F("section_comments", "str", personal=True),
            F("content", "str", required=True, personal=True),
            F("based_on_rev", "int", required=True, minimum=0),
            F("decided_by", "str"),
            F("decided_at", "str"),
            immutable=True,
        ),
        _kind(
            "visit", "a home visit",
            F("date", "date"),
            F("participants", "list[str]", holds_id=True),
            F("location", "str", personal=True),
            F("notes", "text", personal=True),
            F("shared_with_family", "bool"),
            F("observations", "text", personal=True),
        ),
        _kind(
            "scaling_score", "how safe one participant judges the situation, 0-10",
            F("person_id", "str", reference="person"),
            F("plan_item_id", "str", reference="plan_item"),
            F("visit_id", "str", reference="visit"),
            F("value", "int", required=True, minimum=0, maximum=10),
            F("date", "date"),
            F("note", "str", personal=True),
        ),
        _kind(
            "task", "who does what, by when",
            F("title", "str", required=True, personal=True),
            F("due_on", "date"),
            F("assignee_id", "str", holds_id=True),
            F("done", "bool"),
        ),
        _kind(
            "consent", "what the family agreed may be shared, with whom, until when",
            F("person_id", "str", reference="person"),
            F("purpose", "str", personal=True),
            F("given_on", "date"),
            F("withdrawn_on", "date"),
            F("basis", "str"),
        ),
        _kind(
            "map_snapshot", "the network map as it stood at a home visit or on request",
            F("visit_id", "str", reference="visit"),
            F("taken_on", "date"),
            F("content", "str", personal=True),  # JSON: the people and ties as they stood
            immutable=True,
        ),
    )
}

KIND_NAMES: tuple[str, ...] = tuple(KINDS)


# NUL (PostgreSQL cannot store it) and UTF-16 surrogates (a lone one cannot be encoded as
# UTF-8 or JSON) are no text a person wrote: refused wherever text enters.
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def is_text(value: object) -> bool:
    """A string that every store and the wire can hold: no NUL, no lone surrogate."""
    return isinstance(value, str) and _BAD_TEXT.search(value) is None


def is_uuid(value: object) -> bool:
    """An id as the service and the store make them: a UUID in its 36-character form."""
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def check_text(value: str, where: str) -> str:
    """`value`, or SchemaError `invalid_text` naming `where` (never the value)."""
    if not is_text(value):
        raise SchemaError("invalid_text", f"{where} holds a NUL character or a lone surrogate")
    return value


def check_id(value: str, where: str) -> str:
    """`value`, or SchemaError `invalid_id`: every id is a UUID in its 36-character form."""
    if not is_uuid(value):
        raise SchemaError("invalid_id", f"{where} must be a UUID in its 36-character form")
    return value


def check_json_text(value: Any, where: str) -> Any:
    """Every string (keys too) inside a JSON value passes `check_text`; returns `value`."""
    if isinstance(value, str):
        check_text(value, where)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_json_text(key, where)
            check_json_text(item, where)
    elif isinstance(value, list | tuple):
        for item in value:
            check_json_text(item, where)
    return value


# The error code for a kind the registry does not declare. A laptop newer than the service
# keeps such a change waiting instead of setting it aside (docs/protocol.md, "Mixed versions").
UNKNOWN_KIND = "unknown_kind"


def kind_spec(kind: str) -> KindSpec:
    """The declaration of `kind`, or SchemaError `unknown_kind`."""
    try:
        return KINDS[kind]
    except (KeyError, TypeError):
        raise SchemaError(UNKNOWN_KIND, f"unknown record kind {kind!r}") from None


def field_spec(kind: str, name: str) -> FieldSpec:
    spec = kind_spec(kind)
    try:
        return spec.fields[name]
    except KeyError:
        raise SchemaError("unknown_field", f"{kind} has no field {name!r}") from None


def _check_value(kind: str, f: FieldSpec, value: Any) -> Any:
    """Return `value` in its canonical form, or raise SchemaError. Null is always allowed.
    The field's name for an error is made only when there is one: a push of 1,000 new
    records checks some 7,000 values."""
    if value is None:
        return None
    if f.type in ("str", "text"):
        if not isinstance(value, str):
            raise SchemaError("wrong_type", f"{kind}.{f.name} must be a string")
        if _BAD_TEXT.search(value) is not None:
            check_text(value, f"{kind}.{f.name}")
        if f.holds_id:
            check_id(value, f"{kind}.{f.name}")
        if f.choices is not None and value not in f.choices:
            raise SchemaError(
                "invalid_value", f"{kind}.{f.name} must be one of: {', '.join(f.choices)}"
            )
        return value
    where = f"{kind}.{f.name}"
    if f.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError("wrong_type", f"{where} must be an integer")
        if not INT_MIN <= value <= INT_MAX:
            # A laptop's store holds integers in 64 bits: a larger one would stop every
            # laptop's pull that meets the record.
            raise SchemaError("invalid_value", f"{where} must fit in 64 bits")
        if f.minimum is not None and value < f.minimum:
            raise SchemaError("invalid_value", f"{where} must be at least {f.minimum}")
        if f.maximum is not None and value > f.maximum:
            raise SchemaError("invalid_value", f"{where} must be at most {f.maximum}")
        return value
    if f.type == "bool":
        if not isinstance(value, bool):
            raise SchemaError("wrong_type", f"{where} must be true or false")
        return value
    if f.type == "date":
        if not isinstance(value, str):
            raise SchemaError("wrong_type", f"{where} must be an ISO 8601 date string")
        check_text(value, where)
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise SchemaError("wrong_type", f"{where} must be an ISO 8601 date") from None
    if f.type == "list[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SchemaError("wrong_type", f"{where} must be a list of strings")
        for item in value:
            check_text(item, where)
            if f.holds_id:
                check_id(item, where)
        if f.choices is not None:
            bad = [v for v in value if v not in f.choices]
            if bad:
                raise SchemaError(
                    "invalid_value", f"{where} items must be among: {', '.join(f.choices)}"
                )
        return list(value)
    raise AssertionError(f"undeclared field type {f.type}")  # registry bug, not user input


def validate_fields(
    kind: str, fields: Mapping[str, Any], *, creating: bool = False
) -> dict[str, Any]:
    """Check `fields` against the registry and return them in canonical form.

    With `creating`, the kind's required fields must be present and not null.
    Raises SchemaError (`unknown_kind`, `unknown_field`, `wrong_type`, `invalid_value`,
    `invalid_text`, `invalid_id`, `missing_field`).
    """
    spec = kind_spec(kind)
    if not isinstance(fields, Mapping):
        raise SchemaError("wrong_type", "fields must be an object")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        f = spec.fields.get(name)
        if f is None:
            raise SchemaError("unknown_field", f"{kind} has no field {name!r}")
        clean[name] = _check_value(kind, f, value)
    if creating:
        check_required(kind, clean)
    return clean


def missing_required(kind: str, fields: Mapping[str, Any]) -> list[str]:
    """The required fields of `kind` that `fields` leaves empty (absent means null), sorted."""
    return [n for n in kind_spec(kind).required_in_order if fields.get(n) is None]


def check_required(kind: str, clean: Mapping[str, Any]) -> None:
    """SchemaError `missing_field` when a new record of `kind` lacks a required field."""
    missing = missing_required(kind, clean)
    if missing:
        raise SchemaError("missing_field", f"a new {kind} needs: {', '.join(missing)}")


def validate_known(kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """`validate_fields` for the fields the registry declares; a field it does not declare
    (a newer release's, as the service sent it) passes unchanged, its text checked like any.
    For values that came from the service and go back to it: a laptop one release behind
    never refuses what a newer one wrote (docs/protocol.md, "Mixed versions")."""
    spec = kind_spec(kind)
    if not isinstance(fields, Mapping):
        raise SchemaError("wrong_type", "fields must be an object")
    clean = validate_fields(kind, {k: v for k, v in fields.items() if k in spec.fields})
    for name, value in fields.items():
        if name not in spec.fields:
            clean[name] = check_json_text(value, f"{kind}.{check_text(name, kind)}")
    return clean


def full_fields(kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """All fields of `kind`, absent ones as null (absent means null)."""
    spec = kind_spec(kind)
    return {name: fields.get(name) for name in spec.fields}


def personal_fields(kind: str) -> frozenset[str]:
    return frozenset(n for n, f in kind_spec(kind).fields.items() if f.personal)


def text_fields(kind: str) -> frozenset[str]:
    return frozenset(n for n, f in kind_spec(kind).fields.items() if f.mergeable)


def describe(kinds: Iterable[str] | None = None) -> dict[str, Any]:
    """A JSON-friendly description of the registry (for docs and the service)."""
    out: dict[str, Any] = {}
    for name in kinds or KIND_NAMES:
        spec = kind_spec(name)
        out[name] = {
            fname: {
                "type": f.type,
                **({"choices": list(f.choices)} if f.choices else {}),
                **({"minimum": f.minimum} if f.minimum is not None else {}),
                **({"maximum": f.maximum} if f.maximum is not None else {}),
                "required": f.required,
                "personal": f.personal,
            }
            for fname, f in spec.fields.items()
        }
    return out
