"""The demo households: a daughter named as a son and a man called "dochter" were in them.
Every demo person's gender agrees with their role word and their first name."""

from __future__ import annotations

from storage.demo import FIRST_F, FIRST_M, demo_records

FEMALE_ROLES = {"moeder", "dochter", "oma", "buurvrouw"}
MALE_ROLES = {"vader", "zoon", "opa", "buurman"}
TEAM = "00000000-0000-4000-8000-000000000001"


def _people():
    for record in demo_records(60, team_id=TEAM, contact_worker_id=None):
        if record.kind == "person":
            yield record.fields


def test_every_demo_persons_gender_agrees_with_their_role():
    seen = set()
    for person in _people():
        role, gender = person["role"], person["gender"]
        seen.add(role)
        if role in FEMALE_ROLES:
            assert gender == "f", person["name"]
        elif role in MALE_ROLES:
            assert gender == "m", person["name"]


def test_every_demo_persons_first_name_agrees_with_their_gender():
    for person in _people():
        first = person["name"].split()[0]
        if person["gender"] == "f":
            assert first in FIRST_F, (person["role"], first)
        elif person["gender"] == "m":
            assert first in FIRST_M, (person["role"], first)


def test_the_demo_has_daughters_and_sons():
    roles = {person["role"] for person in _people()}
    assert {"dochter", "zoon", "moeder", "vader"} <= roles


def test_the_demo_consent_basis_is_written_in_the_workers_words():
    """The basis is free text the worker types; the demo wrote the English code "consent"."""
    bases = {r.fields["basis"] for r in demo_records(20, team_id=TEAM, contact_worker_id=None)
             if r.kind == "consent"}
    assert bases == {"toestemming"}
