"""The schema registry: one declaration of every record kind drives validation."""

import pytest

from sync.schema import KINDS, SchemaError, full_fields, validate_fields

TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"

DESIGN_KINDS = {
    "case", "person", "relationship", "safety_plan", "plan_item",
    "visit", "scaling_score", "task", "consent", "plan_version",
    "map_snapshot",  # contract additions: network map
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
        # A laptop's store holds integers in 64 bits (SQLite): a larger one stopped the pull
        # of every laptop that met the record (OverflowError in its INSERT).
        ("person", {"name": "A", "map_x": 2**63}, "invalid_value"),
        ("person", {"name": "A", "map_y": -(2**63) - 1}, "invalid_value"),
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


def test_the_network_map_additions_validate():
    from sync.schema import SchemaError, kind_spec, validate_fields

    assert validate_fields("relationship", {
        "type": "foster_parent_child", "quality": "abuse_emotional", "since": "2024-02-01",
        "until": "2025-03-01", "according_to": "worker",
    })["since"] == "2024-02-01"
    assert validate_fields("person", {"index_person": True, "ring": 3, "eco_x": -40})
    for bad in ({"ring": 0}, {"ring": 4}, {"index_person": "ja"}):
        with pytest.raises(SchemaError):
            validate_fields("person", bad)
    assert kind_spec("map_snapshot").immutable
    assert {k for k in KINDS if kind_spec(k).immutable} == {"map_snapshot", "plan_version"}


def test_is_uuid_takes_the_36_character_form_in_either_case_and_nothing_else():
    import uuid

    from sync.schema import is_uuid

    good = str(uuid.uuid4())
    for _ in range(2):  # asked again, the same answer
        assert is_uuid(good) and is_uuid(good.upper())
        assert not is_uuid(good + " ")
        assert not is_uuid(good[:-1] + "g")
        assert not is_uuid(good.replace("-", ""))
        assert not is_uuid(None) and not is_uuid(uuid.UUID(good))

    class Named(str):
        pass

    assert is_uuid(Named(good)) and not is_uuid(Named("Fleur"))


def test_integers_up_to_64_bits_are_taken():
    fields = {"name": "A", "map_x": 2**63 - 1, "map_y": -(2**63)}
    assert validate_fields("person", fields) == fields
