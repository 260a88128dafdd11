"""The anonymous consult holds none of the case's names, phone numbers, birth dates,
addresses or organisations, also where they were written inside free text, and every date
is moved by the same number of days."""

from __future__ import annotations

import datetime as dt
import json
import re

from pypdf import PdfReader

from desktop.disclosure.common import Redactions
from desktop.disclosure.consult import build_consult
from desktop.disclosure.dates import DateShift, random_shift
from desktop.disclosure.gather import gather
from desktop.disclosure.saving import build, write
from desktop.disclosure.words import consult_title
from tests.disclosure.conftest import VISIT_DATE, leaks

EVERYONE = ["mother", "father", "son", "neighbour"]
SHIFT = 40


def test_consult_json_holds_no_name_phone_or_birth_date(planted):
    built = build_consult(gather(planted.store, planted.case_id), DateShift(SHIFT))
    text = json.dumps(built.data, ensure_ascii=False)
    assert leaks(text, EVERYONE) == []
    for gone in ("Dorpsstraat", "1234 AB", "Bakkerij", "Korrel", "Gezin Verhoeven"):
        assert gone.lower() not in text.lower()
    labels = {p["name"] for p in built.data["person"]}
    age = dt.date.today().year - 2017 - (dt.date.today() < dt.date(dt.date.today().year, 6, 30))
    assert f"zoon, {age}" in labels and "buurvrouw" in " ".join(labels)
    # No id of the case, a record, a worker or the team points back to the family.
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text), "an id left with the consult"
    # What remains is readable: the roles stand where the names were.
    assert "[vader" in built.data["visit"][0]["notes"]
    assert "boos" in built.data["visit"][0]["notes"]


def test_every_date_moves_by_the_same_days(planted):
    built = build_consult(gather(planted.store, planted.case_id), DateShift(SHIFT))
    moved = (dt.date.fromisoformat(VISIT_DATE) + dt.timedelta(days=SHIFT)).isoformat()
    visit = built.data["visit"][0]
    assert visit["date"] == moved
    assert built.data["scaling_score"][0]["date"] == moved
    assert built.data["map_snapshot"][0]["taken_on"] == moved
    assert built.data["case"]["opened_on"] == (dt.date(2026, 1, 5)
                                               + dt.timedelta(days=SHIFT)).isoformat()
    # ... inside free text too, in the notation it was written in.
    assert "10-03-2026" not in visit["notes"]
    assert moved[8:10] + "-" + moved[5:7] + "-" + moved[:4] in visit["notes"]
    assert VISIT_DATE not in json.dumps(built.data)


def test_the_shift_is_random_whole_days_never_zero():
    shifts = {random_shift() for _ in range(200)}
    assert 0 not in shifts and len(shifts) > 50
    assert all(isinstance(s, int) and abs(s) <= 365 for s in shifts)


def test_consult_pdf_holds_no_name_phone_or_birth_date(planted, qapp, tmp_path):
    content = gather(planted.store, planted.case_id)
    built = build(content, "consult", redactions=Redactions(words=("moe",)))
    path = tmp_path / "consult.pdf"
    write(built, "pdf", path, content=content)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert leaks(text, EVERYONE) == []
    assert "moe" not in text.split()
    assert consult_title() in text and "buurvrouw" in text and "[vader" in text
