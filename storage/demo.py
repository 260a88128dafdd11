"""Fictional demo households, the same every time for the same seed.

`demo_records` is pure (no store, no clock): it yields (kind, case_id, record_id, fields)
for N cases, so that the service's seed-demo can use it too. `seed_store` writes them
through the store's API, outbox and all. Every name is a random pairing of common Dutch
first names and surnames and every phone number is random: no real person's data.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from typing import Any, NamedTuple

from sync.schema import DOMAINS

FIRST_F = ("Anouk", "Fleur", "Sanne", "Lotte", "Noor", "Eva", "Iris", "Femke", "Maud", "Yara",
           "Sara", "Lieke", "Esmee", "Nadia", "Ilse", "Marloes", "Hanneke", "Ria", "Wilma",
           "Fatima", "Samira", "Dewi", "Roos", "Jasmijn")
FIRST_M = ("Daan", "Bram", "Thijs", "Ruben", "Sem", "Lucas", "Milan", "Jesse", "Stijn", "Koen",
           "Joost", "Mehmet", "Youssef", "Ricardo", "Henk", "Gerrit", "Bas", "Wouter", "Niels",
           "Tijn", "Finn", "Luuk", "Mees", "Jurre")
SURNAMES = ("Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
            "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
            "Dijkstra", "Kramer", "van der Meer", "Postma", "Kuipers", "Veenstra", "Hoekstra",
            "Yilmaz", "El Amrani", "Koster", "Prins", "Huisman", "Wolters", "Verhoeven",
            "Jonker", "Bosman", "Schouten")
ORGANISATIONS = ("Huisartsenpraktijk De Linde", "Basisschool De Regenboog", "GGD Jeugd",
                 "Veilig Thuis", "Schuldhulp Wijkpunt", "Verslavingszorg Oost",
                 "Kinderopvang Het Nest")
PLACES = ("thuis, aan de keukentafel", "thuis", "op school", "bij oma thuis", "wijkcentrum")

HARM = ("Bij ruzies tussen de ouders vallen harde woorden en er is geduwd.",
        "De kinderen zagen hoe hun vader in boosheid een deur kapot sloeg.",
        "Er is sprake geweest van een klap tijdens een ruzie over geld.")
WORRIES = ("We maken ons zorgen dat de kinderen opnieuw ruzies met geweld meemaken.",
           "We zijn bang dat de oudste zich verantwoordelijk voelt voor de jongere kinderen.")
WORKING_WELL = ("Oma komt elke woensdag en de kinderen vertrouwen haar.",
                "De ouders brengen de kinderen altijd op tijd naar school.")
DANGER = ("Als moeder en vader ruzie krijgen over geld, kunnen de kinderen geraakt worden.",
          "Als vader veel gedronken heeft, kan hij de kinderen hard aanpakken.")
GOALS = ("De kinderen zijn veilig, ook als de ouders het oneens zijn.",
         "Er wordt thuis niet geslagen en de kinderen voelen zich gerust.")
CONDITIONS = ("Er wordt niet geslagen, geduwd of gegooid in het bijzijn van de kinderen.",
              "Vader drinkt geen alcohol als hij voor de kinderen zorgt.")
AGREEMENTS = ("Bij oplopende spanning gaat vader een half uur wandelen.",
              "Moeder belt de buurvrouw als het thuis niet goed gaat.",
              "De ouders bespreken geldzaken alleen als de kinderen op school zijn.")
SIGNALS = ("De oudste komt niet meer naar de sportclub.",
           "De kinderen slapen bij oma zonder dat het afgesproken was.")
EMERGENCY = ("Bel 112 als iemand in gevaar is.",
             "De kinderen gaan naar de buurvrouw en bellen oma.")
COMMITMENTS = ("Oma belt elke zondag en vraagt hoe het gaat.",
               "De buurvrouw let op geluiden en belt moeder bij twijfel.")
VISIT_NOTES = ("Gesprek aan de keukentafel over de afspraken van het veiligheidsplan.",
               "De kinderen lieten hun tekening van de drie huizen zien.",
               "Moeder vertelde dat de afgelopen week rustiger was verlopen.")
FAMILY_VIEWS = ("Wij vinden dat het thuis al veel rustiger is dan vorig jaar.",
                "Vader ziet het drinken niet als het grootste probleem.")
SCORE_NOTES = ("Het is rustiger sinds oma vaker langskomt.",
               "We houden ons aan de afspraken, ook als het moeilijk is.",
               "Er was vorige week weer een harde ruzie.")
TASKS = ("Netwerkberaad plannen met oma en de buurvrouw", "Verslag naar de teamleider sturen",
         "Schuldhulp inschakelen", "Afspraak met de huisarts maken")


class DemoRecord(NamedTuple):
    kind: str
    case_id: str
    record_id: str
    fields: dict[str, Any]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _phone(rng: random.Random) -> str:
    return f"06-{rng.randrange(10_000_000, 100_000_000)}"


def _day(rng: random.Random, start: dt.date, span: int) -> str:
    return (start + dt.timedelta(days=rng.randrange(span))).isoformat()


def demo_case(seed: int, index: int, *, team_id: str,
              contact_worker_id: str | None) -> Iterator[DemoRecord]:
    """One fictional household, its network map, safety plan, visits and tasks."""
    rng = random.Random(f"keukentafel-demo:{seed}:{index}")
    today = dt.date(2026, 1, 5)
    case_id = _uuid(rng)
    surname = rng.choice(SURNAMES)
    yield DemoRecord("case", case_id, case_id, {
        "title": f"Gezin {surname}", "team_id": team_id,
        "contact_worker_id": contact_worker_id,
        "status": rng.choice(("intake", "active", "active", "active")),
        "summary": f"Gezin {surname} met jonge kinderen; zorgen over ruzies thuis.\n"
                   f"De ouders willen samen met hun netwerk werken aan veiligheid.",
        "legal_framework": rng.choice(("voluntary", "voluntary", "ots", "other")),
        "safety_team_involved": rng.random() < 0.4,
        "domains": sorted(rng.sample(DOMAINS, rng.randint(1, 3))),
        "opened_on": _day(rng, today - dt.timedelta(days=400), 380),
    })

    people: list[tuple[str, dict[str, Any]]] = []

    def person(name: str, circle: str, role: str, gender: str, age: int | None,
               **more: Any) -> str:
        pid = _uuid(rng)
        fields: dict[str, Any] = {
            "name": name, "circle": circle, "role": role, "gender": gender,
            "map_x": rng.randrange(-300, 300), "map_y": rng.randrange(-200, 200), **more,
        }
        if age is not None:
            fields["birth_date"] = _day(rng, today.replace(year=today.year - age - 1), 360)
        people.append((pid, fields))
        return pid

    mother = person(f"{rng.choice(FIRST_F)} {surname}", "household", "moeder", "f",
                    rng.randint(26, 45), phone=_phone(rng),
                    notes="Werkt parttime; zoekt steun bij haar moeder.")
    father = None
    if rng.random() < 0.6:
        father = person(f"{rng.choice(FIRST_M)} {rng.choice(SURNAMES)}",
                        rng.choice(("household", "family")), "vader", "m", rng.randint(28, 50),
                        phone=_phone(rng))
    def child() -> str:
        # One draw decides gender, role word and first name together, so they agree.
        gender = rng.choice(("f", "m"))
        first, role = (FIRST_F, "dochter") if gender == "f" else (FIRST_M, "zoon")
        return person(f"{rng.choice(first)} {surname}", "household", role, gender,
                      rng.randint(1, 15))

    children = [child() for _ in range(rng.randint(1, 3))]
    extra = rng.randint(0, 7 - len(people))  # 2-7 people in all
    others: list[tuple[str, str]] = []
    for _ in range(extra):
        circle = rng.choice(("family", "network", "professional"))
        if circle == "family":
            pid = person(f"{rng.choice(FIRST_F)} {rng.choice(SURNAMES)}", circle, "oma", "f",
                         rng.randint(55, 80), phone=_phone(rng))
            others.append((pid, "family"))
        elif circle == "network":
            gender = rng.choice(("f", "m"))
            first, role = (FIRST_F, "buurvrouw") if gender == "f" else (FIRST_M, "buurman")
            pid = person(f"{rng.choice(first)} {rng.choice(SURNAMES)}", circle, role, gender,
                         None, phone=_phone(rng))
            others.append((pid, "neighbour"))
        else:
            pid = person(f"{rng.choice(FIRST_F + FIRST_M)} {rng.choice(SURNAMES)}", circle,
                         "huisarts", "unknown", None, organisation=rng.choice(ORGANISATIONS),
                         phone=_phone(rng))
            others.append((pid, "professional"))
    for pid, fields in people:
        yield DemoRecord("person", case_id, pid, fields)

    def tie(a: str, b: str, type_: str, quality: str, note: str | None = None) -> DemoRecord:
        fields: dict[str, Any] = {
            "from_person_id": a, "to_person_id": b, "type": type_, "quality": quality,
            "direction": rng.choice(("none", "both", "from")),
            "support": sorted(rng.sample(("P", "G", "A", "E"), rng.randint(0, 2))),
        }
        if note:
            fields["note"] = note
        return DemoRecord("relationship", case_id, _uuid(rng), fields)

    if father is not None:
        yield tie(mother, father, rng.choice(("partner", "ex_partner")),
                  rng.choice(("stressful", "conflict", "violence")),
                  "Ruzies lopen soms hoog op.")
    for child in children:
        yield tie(mother, child, "parent_child", rng.choice(("strong", "normal", "stressful")))
        if father is not None:
            yield tie(father, child, "parent_child", rng.choice(("normal", "weak", "strong")))
    for pid, type_ in others:
        yield tie(mother, pid, type_, rng.choice(("strong", "normal", "weak", "conflict")),
                  "Contact vooral via de telefoon.")

    plan_id = _uuid(rng)
    yield DemoRecord("safety_plan", case_id, plan_id, {
        "title": "Veiligheidsplan", "status": rng.choice(("draft", "agreed", "submitted")),
        "version": 1, "phase": rng.choice(("direct", "structural")),
        "harm": rng.choice(HARM), "worries": rng.choice(WORRIES),
        "working_well": rng.choice(WORKING_WELL),
        "children_version": "Huis van zorgen: ruzie thuis.\nHuis van goede dingen: oma.\n"
                            "Huis van dromen: een rustig huis.",
        "review_on": _day(rng, today, 120),
    })
    position = 0

    def item(section: str, text: str, **more: Any) -> DemoRecord:
        nonlocal position
        position += 1
        return DemoRecord("plan_item", case_id, _uuid(rng), {
            "plan_id": plan_id, "section": section, "text": text,
            "position": f"a{position:03d}", **more,
        })

    danger_ids = []
    for d in range(rng.randint(1, 2)):
        rec = item("danger", DANGER[d], goal=GOALS[d], family_view=rng.choice(FAMILY_VIEWS))
        danger_ids.append(rec.record_id)
        yield rec
    yield item("condition", rng.choice(CONDITIONS), set_by="Veilig Thuis")
    for text in rng.sample(AGREEMENTS, 2):
        yield item("agreement", text, who="moeder", when="bij spanning",
                   how_checked="besproken bij elk huisbezoek")
    yield item("signal", rng.choice(SIGNALS))
    yield item("emergency_step", rng.choice(EMERGENCY), phone="112")
    yield item("network_commitment", rng.choice(COMMITMENTS), who="oma")

    for _ in range(rng.randint(1, 3)):
        visit_id = _uuid(rng)
        date = _day(rng, today - dt.timedelta(days=120), 120)
        participants = [mother, *rng.sample(children, 1)]
        yield DemoRecord("visit", case_id, visit_id, {
            "date": date, "participants": participants, "location": rng.choice(PLACES),
            "notes": rng.choice(VISIT_NOTES), "shared_with_family": rng.random() < 0.7,
        })
        for pid in participants:
            yield DemoRecord("scaling_score", case_id, _uuid(rng), {
                "person_id": pid, "plan_item_id": danger_ids[0], "visit_id": visit_id,
                "value": rng.randint(2, 8), "date": date, "note": rng.choice(SCORE_NOTES),
            })
    for title in rng.sample(TASKS, rng.randint(1, 3)):
        yield DemoRecord("task", case_id, _uuid(rng), {
            "title": title, "due_on": _day(rng, today, 60), "done": rng.random() < 0.3,
            "assignee_id": contact_worker_id,
        })
    yield DemoRecord("consent", case_id, _uuid(rng), {
        "person_id": mother, "purpose": "Delen van het veiligheidsplan met de huisarts",
        "given_on": _day(rng, today - dt.timedelta(days=90), 80), "basis": "toestemming",
    })


def demo_records(cases: int, *, team_id: str, contact_worker_id: str | None,
                 seed: int = 2026, start: int = 0) -> Iterator[DemoRecord]:
    """The records of demo cases `start` .. `start + cases - 1` (each seeded on its own)."""
    for index in range(start, start + cases):
        yield from demo_case(seed, index, team_id=team_id, contact_worker_id=contact_worker_id)


def seed_store(store: Any, cases: int, *, team_id: str, contact_worker_id: str | None,
               seed: int = 2026) -> int:
    """Add `cases` demo cases through the store's API; returns how many records it wrote.

    Cases follow on from earlier seeding of the same store, so seeding twice adds new
    households instead of clashing with the old ones. Each case is written in one
    transaction and the count moves on only at the end, so a run killed halfway leaves
    whole cases behind: the next run skips those (the same seed makes the same ids).
    """
    start = int(store.get_setting("demo_cases") or 0)
    written = 0
    for index in range(start, start + cases):
        batch = [
            (r.kind, r.fields, r.case_id, r.record_id)
            for r in demo_case(seed, index, team_id=team_id,
                               contact_worker_id=contact_worker_id)
        ]
        if store.get_record(batch[0][2]) is not None:
            continue  # written by a run that was stopped before it could count it
        written += len(store.create_records(batch))
    store.set_setting("demo_cases", start + cases)
    return written
