"""A fictional case whose names, phone numbers and birth dates are planted everywhere free
text goes, in several spellings, for the inzage and consult tests. One store for all of them:
opening a store costs a key derivation."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storage.store import CaseStore

PASSPHRASE = "fictional passphrase for tests"
TEAM_ID = "7e4a1c52-0b8f-4c1e-9a53-3f2d6b8e1a01"
USER = {"id": "5b7c0d8e-1f2a-4b3c-8d4e-5f6a7b8c9d01", "username": "demo",
        "display_name": "Demo Werker", "role": "worker", "team_ids": [TEAM_ID]}

MOTHER = {"name": "Sanne Verhoeven", "birth_date": "1991-04-17", "phone": "06-23456789",
          "role": "moeder", "circle": "household", "gender": "f",
          "notes": "Sanne werkt in de ochtend. Mark belt haar vaak.", "index_person": False}
FATHER = {"name": "Mark de Wit", "birth_date": "1988-11-02", "phone": "+31 6 9876 5432",
          "role": "vader", "circle": "family", "gender": "m", "organisation": "Bakkerij Korrel",
          "notes": "Mark woont sinds 2025 apart. Eigen notitie over Mark."}
SON = {"name": "Jesse Verhoeven", "birth_date": "2017-06-30", "role": "zoon",
       "circle": "household", "gender": "m", "index_person": True}
NEIGHBOUR = {"name": "Fatima El Amrani", "phone": "020-7654321", "role": "buurvrouw",
             "circle": "network", "gender": "f", "birth_date": "1979-01-05"}

# Every name word, phone digits and birth date of the others, as a test looks for them.
NAMES = {
    "mother": ["Sanne", "Verhoeven"],
    "father": ["Mark", "Wit"],
    "son": ["Jesse", "Verhoeven"],
    "neighbour": ["Fatima", "Amrani"],
}
PHONES = {"mother": "623456789", "father": "698765432", "neighbour": "207654321"}
BIRTH_DATES = {
    "mother": ["1991-04-17", "17-04-1991", "17-4-1991", "17 april 1991"],
    "father": ["1988-11-02", "02-11-1988", "2-11-1988", "2 november 1988"],
    "son": ["2017-06-30", "30-06-2017", "30-6-2017", "30 juni 2017", "30/06/2017"],
    "neighbour": ["1979-01-05", "05-01-1979", "5 januari 1979"],
}
VISIT_DATE = "2026-03-10"

PLANTED_TEXT = (
    "MARK werd boos toen jesse huilde. Mevrouw verhoeven belde toen 06 – 2345 6789. "
    "Fätima el amrani (tel. 0207654321) past op. Jesse is geboren op 30-6-2017, "
    "Mark op 2 november 1988. Bel mark de wit op +31698765432. Sanne's zus kwam ook. "
    "Adres: Dorpsstraat 12, 1234 AB. Op 10-03-2026 was het rustig."
)


@dataclass
class Planted:
    store: CaseStore
    data_dir: Path
    case_id: str
    ids: dict[str, str]


def _make(data_dir: Path) -> Planted:
    store = CaseStore.create(data_dir, PASSPHRASE)
    store.set_setting("user", USER)
    case = store.create_record("case", {
        "title": "Gezin Verhoeven", "team_id": TEAM_ID, "contact_worker_id": USER["id"],
        "status": "active", "summary": "Sanne en Mark zijn uit elkaar. " + PLANTED_TEXT,
        "opened_on": "2026-01-05", "legal_framework": "voluntary",
    }).id
    ids = {"case": case}
    for key, fields in (("mother", MOTHER), ("father", FATHER), ("son", SON),
                        ("neighbour", NEIGHBOUR)):
        ids[key] = store.create_record("person", {**fields}, case_id=case).id
    store.create_record("relationship", {
        "from_person_id": ids["mother"], "to_person_id": ids["son"], "type": "parent_child",
        "quality": "strong", "note": "Sanne brengt Jesse naar school."}, case_id=case)
    store.create_record("relationship", {
        "from_person_id": ids["father"], "to_person_id": ids["neighbour"], "type": "neighbour",
        "quality": "stressful", "note": "Mark en Fatima hebben ruzie."}, case_id=case)
    plan = store.create_record("safety_plan", {
        "title": "Plan", "status": "draft", "version": 1, "worries": PLANTED_TEXT,
        "harm": "Op 3 maart 2026 gooide Mark met spullen.", "review_on": "2026-04-01",
    }, case_id=case).id
    ids["plan"] = plan
    store.create_record("plan_item", {
        "plan_id": plan, "section": "emergency_step", "text": "Bel Fatima El Amrani.",
        "phone": "020-7654321", "who": ids["neighbour"], "position": "a"}, case_id=case)
    condition = store.create_record("plan_item", {
        "plan_id": plan, "section": "condition", "text": "Geen geweld waar Jesse bij is.",
        "set_by": "Veilig Thuis", "position": "c"}, case_id=case).id
    store.create_record("plan_item", {
        "plan_id": plan, "section": "agreement", "text": "mark de Wit haalt JESSE op.",
        "who": "Mark", "position": "b", "addresses": [condition]}, case_id=case)
    visit = store.create_record("visit", {
        "date": VISIT_DATE, "participants": [ids["mother"], ids["father"], ids["son"]],
        "location": "Dorpsstraat 12, Ergens", "notes": PLANTED_TEXT,
        "observations": "Sanne Verhoeven oogde moe."}, case_id=case).id
    ids["visit"] = visit
    store.create_record("scaling_score", {
        "person_id": ids["father"], "visit_id": visit, "value": 4, "date": VISIT_DATE,
        "note": "Mark zegt: Sanne doet haar best."}, case_id=case)
    store.create_record("task", {"title": "Fatima El Amrani bellen", "due_on": "2026-03-20"},
                        case_id=case)
    ids["mother_consent"] = store.create_record("consent", {
        "person_id": ids["mother"], "purpose": "Delen met de school van Jesse",
        "given_on": "2026-03-01", "basis": "consent"}, case_id=case).id
    ids["father_consent"] = store.create_record("consent", {
        "person_id": ids["father"], "purpose": "Mark deelt met Bakkerij Korrel",
        "given_on": "2026-03-02", "basis": "consent"}, case_id=case).id
    store.create_record("map_snapshot", {
        "visit_id": visit, "taken_on": VISIT_DATE, "content": json.dumps({
            "format": 1, "people": [
                {"id": ids[k], "name": f["name"], "birth_date": f["birth_date"],
                 "circle": f["circle"]} for k, f in (("mother", MOTHER), ("father", FATHER),
                                                       ("son", SON))],
            "ties": []})}, case_id=case)
    store.log_access("open_case", case_id=case)
    return Planted(store, data_dir, case, ids)


@pytest.fixture(scope="session")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Planted]:
    # Made before any test's own isolation (tests/conftest.py) is in place, so it brings its
    # own: keyring picks and keeps its backend on first use, and without the variable it
    # would pick a test's in-memory keyring class and hand it to every later test.
    with pytest.MonkeyPatch.context() as env:
        home = tmp_path_factory.mktemp("home")
        env.setenv("HOME", str(home))
        env.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
        env.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        env.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        planted = _make(tmp_path_factory.mktemp("disclosure") / "data")
    yield planted
    planted.store.close()


def digits_of(text: str) -> str:
    """The text with the separators people put in phone numbers taken out."""
    return re.sub(r"[\s\-\u2010-\u2015./()+]", "", text)


def leaks(text: str, who: list[str]) -> list[str]:
    """The names, phone numbers and birth dates of `who` that `text` still holds."""
    found = [w for key in who for w in NAMES[key]
             if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]
    found += [w for key in who for w in BIRTH_DATES[key] if w in text]
    plain = digits_of(text)
    found += [PHONES[key] for key in who if key in PHONES and PHONES[key] in plain]
    return found
