"""The inzage: for the whole case everything is in it, with the access log; for one person
all of their data and none of anyone else's name, phone number, birth date or notes, also
where those were written in free text."""

from __future__ import annotations

import json

from pypdf import PdfReader

from desktop.disclosure import words
from desktop.disclosure.common import Redactions
from desktop.disclosure.gather import gather
from desktop.disclosure.inzage import build_inzage
from desktop.disclosure.saving import build, write
from tests.disclosure.conftest import FATHER, MOTHER, USER, leaks

OTHERS_OF_FATHER = ["mother", "son", "neighbour"]


def _text(built) -> str:
    return json.dumps(built.data, ensure_ascii=False)


def test_whole_case_holds_everything_and_the_access_log(planted):
    store = planted.store
    built = build_inzage(gather(store, planted.case_id))
    kinds = ("person", "relationship", "safety_plan", "plan_item", "visit", "scaling_score",
             "task", "consent", "map_snapshot")
    for kind in kinds:
        held = {r.id for r in store.list_records(kind=kind, case_id=planted.case_id)}
        assert {r["id"] for r in built.data[kind]} == held, kind
    assert {p["name"] for p in built.data["person"]} >= {MOTHER["name"], FATHER["name"]}
    log = built.data["access_log"]
    assert [e["at"] for e in log] == [e.at for e in store.access_log(planted.case_id)]
    opened = next(e for e in log if e["event"] == "open_case")
    # NEN 7513: what, when, about which case, by whom, on whose behalf.
    assert opened["case"] == planted.case_id and opened["at"]
    assert opened["user"] == USER["display_name"] and opened["on_behalf_of"]
    assert any(e["action"] == "create" and e["kind"] == "visit" for e in built.data["timeline"])


def test_one_person_holds_all_of_theirs_and_nothing_of_the_others(planted):
    built = build_inzage(gather(planted.store, planted.case_id), planted.ids["father"])
    text = _text(built)
    assert leaks(text, OTHERS_OF_FATHER) == []
    father = next(p for p in built.data["person"] if p["id"] == planted.ids["father"])
    for field in ("name", "birth_date", "phone", "organisation", "notes", "role"):
        assert father[field] == FATHER[field], field
    others = [p for p in built.data["person"] if p["id"] != planted.ids["father"]]
    assert {p["name"] for p in others} == {"[moeder]", "[zoon]", "[buurvrouw]"}
    assert all(set(p) <= {"id", "name", "role", "circle"} for p in others)
    # Their own consent is in it, the mother's is not; their score and their words are.
    assert [c["id"] for c in built.data["consent"]] == [planted.ids["father_consent"]]
    assert "Mark" in built.data["scaling_score"][0]["note"]
    assert "[moeder]" in built.data["scaling_score"][0]["note"]
    assert "Mark de Wit" in text and "Bakkerij Korrel" in text
    # People are named in the ties too; a tie between two others keeps no note.
    ties = {(r["from_person_id"], r["to_person_id"]): r for r in built.data["relationship"]}
    assert "note" not in ties[("[moeder]", "[zoon]")]
    assert ties[("Mark de Wit", "[buurvrouw]")]["note"] == "Mark en [buurvrouw] hebben ruzie."


def test_one_person_pdf_holds_nothing_of_the_others(planted, qapp, tmp_path):
    content = gather(planted.store, planted.case_id)
    built = build(content, "inzage", planted.ids["father"],
                  redactions=Redactions(words=("spullen",)))
    path = tmp_path / "inzage.pdf"
    write(built, "pdf", path, content=content)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert leaks(text, OTHERS_OF_FATHER) == []
    assert "Mark de Wit" in text and "spullen" not in text
    assert "Autoriteit Persoonsgegevens" in text and "20" in text
    # The access log is on paper too: its heading, and the opening of the case by the worker.
    assert words.section_title("access_log") in text
    assert words.event_label("open_case") in text and USER["display_name"] in text


def test_left_out_records_are_not_in_it(planted):
    visit = planted.ids["visit"]
    built = build_inzage(gather(planted.store, planted.case_id),
                         redactions=Redactions(left_out=frozenset({visit})))
    assert built.data["visit"] == []
    assert visit not in {e.record_id for e in built.entries}


def test_the_log_names_a_colleague_the_team_directory_knows(planted):
    """Who read the family's file is named when the laptop knows them from the directory;
    someone it does not know keeps a short id the family can ask about."""
    from dataclasses import replace

    from sync.protocol import Colleague

    colleague = "7d1e2c3b-0000-4000-8000-00000000c011"
    store = planted.store
    store.set_colleagues([Colleague(id=colleague, display_name="Karin Bosch", role="teamlead",
                                    team_ids=[USER["team_ids"][0]])])
    try:
        content = gather(store, planted.case_id)
    finally:
        store.set_colleagues([])
    assert content.colleagues == {colleague: "Karin Bosch"}
    own = content.access_log[0]
    read = own.model_copy(update={"id": "7d1e2c3b-0000-4000-8000-00000000e001",
                                  "user_id": colleague})
    stranger = own.model_copy(update={"id": "7d1e2c3b-0000-4000-8000-00000000e002",
                                      "user_id": "9f9f9f9f-0000-4000-8000-000000000001"})
    log = build_inzage(replace(content, access_log=[*content.access_log, read, stranger]))
    users = [e["user"] for e in log.data["access_log"]]
    assert "Karin Bosch" in users
    assert any(u.startswith("a colleague (9f9f9f9f") or u.startswith("een collega (9f9f9f9f")
               for u in users)
