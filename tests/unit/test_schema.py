"""The schema registry: one declaration of every record kind drives validation."""

import pytest

from sync.schema import KINDS, SchemaError, full_fields, validate_fields

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

DESIGN_KINDS = {
    "case", "person", "relationship", "safety_plan", "plan_item",
    "visit", "scaling_score", "task", "consent", "plan_version",
}


def test_every_kind_of_the_design_is_declared():
    assert set(KINDS) == DESIGN_KINDS


@pytest.mark.parametrize(
    ("kind", "fields", "code"),
    [
        ("huisdier", {}, "unknown_kind"),
        ("person", {"name": "A", "shoe_size": 42}, "unknown_field"),
        ("person", {"name": 3}, "wrong_type"),
        ("person", {"name": "A", "map_x": True}, "wrong_type"),
        ("person", {"name": "A", "birth_date": "31-12-2001"}, "wrong_type"),
        ("person", {"name": "A", "circle": "club"}, "invalid_value"),
        (
            "case",
            {"title": "T", "team_id": TEAM_ID, "domains": ["veiligheid", "ruimtevaart"]},
            "invalid_value",
        ),
        ("scaling_score", {"value": 11}, "invalid_value"),
        ("person", {"role": "moeder"}, "missing_field"),
        ("case", {"title": "T"}, "missing_field"),
    ],
)
def test_bad_records_are_rejected_with_a_code(kind, fields, code):
    with pytest.raises(SchemaError) as err:
        validate_fields(kind, fields, creating=True)
    assert err.value.code == code


def test_error_messages_never_carry_the_value():
    with pytest.raises(SchemaError) as err:
        validate_fields("person", {"name": "A", "birth_date": "geheim-0612345678"})
    assert "0612345678" not in str(err.value)


def test_valid_records_come_back_canonical():
    out = validate_fields(
        "case",
        {"title": "Familie", "team_id": TEAM_ID, "domains": ["school"], "opened_on": "2026-01-05"},
        creating=True,
    )
    assert out["opened_on"] == "2026-01-05"
    assert validate_fields("person", {"phone": None}) == {"phone": None}
    assert full_fields("task", {"title": "x"}) == {
        "title": "x", "due_on": None, "assignee_id": None, "done": None,
    }
