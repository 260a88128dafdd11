"""Fictional demo households, the same every time for the same seed.

`demo_records` is pure (no store, no clock): it yields (kind, case_id, record_id, fields)
for N cases, so that the service's seed-demo can use it too. `seed_store` writes them
through the store's API, outbox and all. Every name is a random pairing of common Dutch
first names and surnames and every phone number is random: no real person's data.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Iterator
from typing import Any, NamedTuple

from sync.schema import DOMAINS, PLAN_STATUSES, SUPPORT, TEAMLEAD_PLAN_STATUSES

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
AGREEMENTS = (("vader", "Bij oplopende spanning gaat vader een half uur wandelen."),
              ("moeder", "Moeder belt de buurvrouw als het thuis niet goed gaat."),
              ("de ouders",
               "De ouders bespreken geldzaken alleen als de kinderen op school zijn."))
SIGNALS = ("De oudste komt niet meer naar de sportclub.",
           "De kinderen slapen bij oma zonder dat het afgesproken was.")
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


# Ties that rotate with the case number, so that any five cases in a row show every
# relationship type and every quality of the network map between them.
PARENT_TIES = ("married", "cohabiting", "separated", "divorced", "ex_partner")
GRANDPARENT_TIES = ("married", "partner", "divorced", "married", "married")
SECOND_CHILD_TIES = ("parent_child", "step_parent_child", "adoptive_parent_child",
                     "foster_parent_child", "parent_child")
SIBLING_TIES = ("sibling", "half_sibling", "twin", "sibling", "half_sibling")
PARENTS_QUALITY = ("conflict", "violence", "hostile", "controlling", "stressful")
GRANDFATHER_QUALITY = ("abuse_sexual", "abuse_physical", "cut_off", "distant",
                       "abuse_emotional")
MOTHER_CHILD_QUALITY = ("close", "fused", "stressful", "strong", "normal")
FATHER_CHILD_QUALITY = ("abuse_physical", "neglect", "abuse_emotional", "weak", "distant")
PARENT_NOTES = {
    "married": "Getrouwd; ruzies over geld lopen soms hoog op.",
    "cohabiting": "Wonen samen; spanning als er geldzorgen zijn.",
    "separated": "Uit elkaar sinds vorig jaar; contact verloopt stroef.",
    "divorced": "Gescheiden; overdrachten van de kinderen geven ruzie.",
    "ex_partner": "Vroegere relatie; vader ziet de kinderen om het weekend.",
}
GRANDFATHER_NOTES = {
    "abuse_sexual": "Volgens moeder gebeurde dit in haar jeugd; er is geen contact meer.",
    "abuse_physical": "Moeder werd als kind geslagen door haar vader.",
    "cut_off": "Moeder en opa spreken elkaar al jaren niet.",
    "distant": "Weinig contact; opa komt alleen op verjaardagen.",
    "abuse_emotional": "Opa kleineerde moeder vroeger vaak.",
}
PROFESSIONALS = (("huisarts", "Huisartsenpraktijk De Linde"),
                 ("leerkracht", "Basisschool De Regenboog"),
                 ("jeugdverpleegkundige", "GGD Jeugd"),
                 ("schuldhulpverlener", "Schuldhulp Wijkpunt"))
# The children's own words, as they said them (the Three Houses and the Safety House).
CHILD_VOICES = {
    "worries": ("Als papa en mama ruzie maken ga ik onder mijn deken.",
                "Ik ben bang dat papa weer boos wordt.", "Dat mama verdrietig is.",
                "'s Nachts hoor ik geschreeuw."),
    "good_things": ("Oma haalt me op woensdag op.", "Voetbal met mijn vrienden.",
                    "Mama leest voor het slapen voor.", "Tekenen bij de buurvrouw."),
    "dreams": ("Dat we weer samen aan tafel eten.", "Een rustig huis.", "Een hond.",
               "Dat niemand meer schreeuwt."),
    "safe_people": ("Oma", "Mijn juf", "De buurvrouw", "Mama"),
    "rules": ("Niemand slaat.", "Als het te hard gaat mag ik oma bellen.",
              "Grote mensen praten rustig."),
    "path": ("Eerst praten papa en mama met de hulpverlener.",
             "Elke week kijken we of het rustiger is."),
}
CHILDREN_STORY = (
    "Papa en mama maakten vaak ruzie. Soms ging het hard. Dan werden jullie bang.\n"
    "Dat is niet goed. Het is nooit jullie schuld.\n"
    "Nu helpen oma en de buurvrouw. Papa en mama praten elke week met de hulpverlener.\n"
    "Gaat het toch mis? Dan gaan jullie naar de buurvrouw en bellen jullie oma."
)

DECISION_COMMENTS = {
    "approved": "Duidelijk plan. De afspraken passen bij de voorwaarden.",
    "returned": "Maak de signalen concreter: wat zien de kinderen en wat doet oma dan?",
}
RETURNED_SECTION_COMMENTS = json.dumps({"signal": "Wie let op deze signalen?"},
                                       ensure_ascii=False)


def _first(rng: random.Random, gender: str, used: set[str]) -> str:
    """A first name not yet given in this family: a son named after his father confuses."""
    name = rng.choice([n for n in (FIRST_F if gender == "f" else FIRST_M) if n not in used])
    used.add(name)
    return name


def plan_content(plan: tuple[str, int, dict[str, Any]],
                 items: list[tuple[str, int, dict[str, Any]]]) -> str:
    """A decided plan as the team lead saw it: (id, rev, fields) of the plan and its lines,
    in the JSON a `plan_version` keeps (the desktop writes the same shape)."""
    pid, rev, fields = plan
    lines = [{"id": i, "rev": r, "fields": f} for i, r, f in items]
    return json.dumps({"plan": {"id": pid, "rev": rev, "fields": fields}, "items": lines},
                      sort_keys=True, ensure_ascii=False)


def map_content(people: list[tuple[str, dict[str, Any]]],
                ties: list[tuple[str, dict[str, Any]]]) -> str:
    """The network as a `map_snapshot` keeps it: (id, fields) of its people and ties, in the
    JSON the desktop writes (desktop/networkmap/snapshot.py `content_of`; a test keeps the
    two the same)."""
    shown = [{"id": pid, "name": str(f.get("name") or ""), "gender": f.get("gender"),
              "circle": f.get("circle"), "ring": f.get("ring"),
              "index_person": f.get("index_person") is True,
              "deceased": f.get("deceased") is True, "birth_date": f.get("birth_date")}
             for pid, f in people]
    lines = [{"id": tid, "a": f.get("from_person_id"), "b": f.get("to_person_id"),
              "type": f.get("type"), "quality": f.get("quality"),
              "direction": f.get("direction"), "support": list(f.get("support") or [])}
             for tid, f in ties]
    return json.dumps({"format": 1, "people": sorted(shown, key=lambda p: p["id"]),
                       "ties": sorted(lines, key=lambda t: t["id"])},
                      ensure_ascii=False, sort_keys=True)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# The day the demo's dates are reckoned from, unless another is given: tests and benchmarks
# get the same dates on every run (a task overdue since January stays overdue).
DEMO_TODAY = dt.date(2026, 1, 5)


def demo_case(seed: int, index: int, *, team_id: str,
              contact_worker_id: str | None,
              today: dt.date = DEMO_TODAY) -> Iterator[DemoRecord]:
    """One fictional household, its network map, safety plan, visits and tasks. Its dates
    lie around `today`; the seed alone decides everything else, ids included."""
    rng = random.Random(f"keukentafel-demo:{seed}:{index}")
    turn = index % 5
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
    used: set[str] = set()

    def first(gender: str) -> str:
        return _first(rng, gender, used)

    def person(name: str, circle: str, role: str, gender: str, age: int | None,
               ring: int, **more: Any) -> str:
        pid = _uuid(rng)
        # No map_x/map_y: a place the worker chose wins over the automatic layout, and
        # random places would scatter the generations of the genogram.
        fields: dict[str, Any] = {
            "name": name, "circle": circle, "role": role, "gender": gender, "ring": ring,
            **more,
        }
        if age is not None:
            fields["birth_date"] = _day(rng, _years_before(today, age + 1), 360)
        people.append((pid, fields))
        return pid

    father_surname = rng.choice(SURNAMES)
    parents_tie = PARENT_TIES[turn]
    apart = parents_tie in ("separated", "divorced", "ex_partner")
    mother_age = rng.randint(28, 42)
    # Generation 1: the grandparents.
    oma = person(f"{first('f')} {rng.choice(SURNAMES)}", "family", "oma", "f",
                 mother_age + rng.randint(22, 30), 1, phone=_phone(rng))
    opa = person(f"{first('m')} {surname}", "family", "opa", "m",
                 mother_age + rng.randint(24, 32), 3, deceased=rng.random() < 0.2)
    opa_v = person(f"{first('m')} {father_surname}", "family", "opa", "m",
                   mother_age + rng.randint(26, 34), 2, phone=_phone(rng))
    # Generation 2: the parents, an aunt and an uncle.
    mother = person(f"{first('f')} {surname}", "household", "moeder", "f", mother_age, 1,
                    phone=_phone(rng), notes="Werkt parttime; zoekt steun bij haar moeder.")
    father = person(f"{first('m')} {father_surname}", "family" if apart else "household",
                    "vader", "m", mother_age + rng.randint(0, 6), 2 if apart else 1,
                    phone=_phone(rng))
    aunt = person(f"{first('f')} {surname}", "family", "tante", "f",
                  mother_age + rng.randint(-5, 5), 2, phone=_phone(rng))
    uncle = person(f"{first('m')} {father_surname}", "family", "oom", "m",
                   mother_age + rng.randint(-5, 5), 3)
    # Generation 3: the children; the worry is about them.
    child_surname = surname if apart else father_surname
    twins = SIBLING_TIES[turn] == "twin"
    children: list[str] = []
    eldest_age = rng.randint(5, 14)
    for k in range(rng.randint(2, 3)):
        gender = rng.choice(("f", "m"))
        age = eldest_age if twins and k == 1 else max(1, eldest_age - 2 * k - rng.randint(0, 1))
        children.append(person(f"{first(gender)} {child_surname}", "household",
                               "dochter" if gender == "f" else "zoon", gender, age, 1,
                               index_person=k < 2))
    # The network and the professionals around them.
    friend_gender = rng.choice(("f", "m"))
    friend = person(f"{first(friend_gender)} {rng.choice(SURNAMES)}", "network",
                    "vriendin" if friend_gender == "f" else "vriend", friend_gender, None, 2,
                    phone=_phone(rng))
    neighbour_gender = rng.choice(("f", "m"))
    neighbour = person(f"{first(neighbour_gender)} {rng.choice(SURNAMES)}", "network",
                       "buurvrouw" if neighbour_gender == "f" else "buurman",
                       neighbour_gender, None, rng.choice((1, 2)), phone=_phone(rng))
    colleague_gender = rng.choice(("f", "m"))
    colleague = person(f"{first(colleague_gender)} {rng.choice(SURNAMES)}", "network",
                       "collega", colleague_gender, None, 3)
    trainer_gender = rng.choice(("f", "m"))
    trainer = person(f"{first(trainer_gender)} {rng.choice(SURNAMES)}", "network",
                     "trainer", trainer_gender, None, 3, organisation="Sportclub Vooruit")
    professionals = []
    for role, organisation in rng.sample(PROFESSIONALS, rng.randint(2, 4)):
        gender = rng.choice(("f", "m"))
        professionals.append(person(f"{first(gender)} {rng.choice(SURNAMES)}",
                                    "professional", role, gender, None, 3,
                                    organisation=organisation, phone=_phone(rng)))
    for pid, fields in people:
        yield DemoRecord("person", case_id, pid, fields)

    ties: list[DemoRecord] = []

    def tie(a: str, b: str, type_: str, quality: str, note: str | None = None,
            direction: str | None = None, support: list[str] | None = None) -> DemoRecord:
        fields: dict[str, Any] = {
            "from_person_id": a, "to_person_id": b, "type": type_, "quality": quality,
            "direction": direction or rng.choice(("none", "both", "from", "to")),
            "support": support if support is not None
            else sorted(rng.sample(SUPPORT, rng.randint(0, 2))),
        }
        if note:
            fields["note"] = note
        ties.append(DemoRecord("relationship", case_id, _uuid(rng), fields))
        return ties[-1]

    index_child, second_child = children[0], children[1]
    yield tie(oma, opa, GRANDPARENT_TIES[turn], rng.choice(("normal", "distant", "weak")),
              support=[])
    yield tie(opa, mother, "parent_child", GRANDFATHER_QUALITY[turn],
              GRANDFATHER_NOTES[GRANDFATHER_QUALITY[turn]], direction="from", support=[])
    yield tie(oma, mother, "parent_child", "strong", "Oma is de steun van moeder.",
              direction="both", support=["P", "E"])
    yield tie(opa_v, father, "parent_child", rng.choice(("normal", "weak", "distant")))
    yield tie(aunt, mother, "sibling", rng.choice(("strong", "normal", "close")),
              direction="both", support=["E", "P"])
    yield tie(uncle, father, "sibling", "cut_off", "Al jaren geen contact na een ruzie.",
              support=[])
    yield tie(father, mother, parents_tie, PARENTS_QUALITY[turn], PARENT_NOTES[parents_tie],
              direction="from" if PARENTS_QUALITY[turn] != "stressful" else "both", support=[])
    yield tie(mother, index_child, "parent_child", MOTHER_CHILD_QUALITY[turn])
    yield tie(father, index_child, "parent_child", FATHER_CHILD_QUALITY[turn],
              "De kinderen zijn bang als vader boos wordt.", direction="from", support=[])
    for child in children[1:]:
        yield tie(mother, child, "parent_child", rng.choice(("strong", "normal", "close")))
    yield tie(father, second_child, SECOND_CHILD_TIES[turn], rng.choice(("normal", "weak")))
    yield tie(index_child, second_child, SIBLING_TIES[turn], rng.choice(("close", "strong")),
              direction="both", support=["E"])
    for child in children[2:]:
        yield tie(index_child, child, "sibling", rng.choice(("normal", "strong")))
    oma_child = tie(oma, index_child, "family", "close",
                    "Oma vangt de kinderen op woensdag op.", direction="from",
                    support=["P", "A", "E"])
    yield oma_child
    yield tie(aunt, second_child, "family", rng.choice(("normal", "weak")))
    yield tie(friend, mother, "friend", rng.choice(("strong", "normal")), direction="from",
              support=["E", "A"])
    yield tie(neighbour, mother, "neighbour", rng.choice(("normal", "strong", "weak")),
              "Contact vooral via de telefoon.", direction="from", support=["P"])
    yield tie(colleague, father, "colleague", rng.choice(("normal", "weak")))
    trainer_child = tie(trainer, index_child, "other", rng.choice(("normal", "strong")),
                        "Trainer bij de sportclub.", direction="from", support=["G"])
    yield trainer_child
    for k, pro in enumerate(professionals):
        yield tie(pro, index_child if k % 2 == 0 else mother, "professional",
                  rng.choice(("normal", "weak", "strong")), direction="from",
                  support=["A"] if k == 0 else [])

    status = PLAN_STATUSES[turn]
    plan_id = _uuid(rng)
    plan_fields: dict[str, Any] = {
        "title": "Veiligheidsplan", "status": status, "version": 1,
        "phase": rng.choice(("direct", "structural")),
        "harm": rng.choice(HARM), "worries": rng.choice(WORRIES),
        "working_well": rng.choice(WORKING_WELL),
        "children_version": CHILDREN_STORY,
        "review_on": _day(rng, today, 120),
    }
    if status != "draft":
        plan_fields["agreed_on"] = _day(rng, today - dt.timedelta(days=30), 20)
    items: list[DemoRecord] = []

    def item(section: str, text: str, **more: Any) -> DemoRecord:
        rec = DemoRecord("plan_item", case_id, _uuid(rng), {
            "plan_id": plan_id, "section": section, "text": text,
            "position": f"a{len(items) + 1:03d}", **more,
        })
        items.append(rec)
        return rec

    condition_ids = [item("condition", text, set_by="Veilig Thuis").record_id
                     for text in CONDITIONS]
    # A plan is agreed only when a goal and an agreement meet each condition; the draft
    # still misses a goal for one, as a plan in the making does.
    goal_meets = condition_ids[:1] if status == "draft" else condition_ids
    danger_ids = [item("danger", DANGER[d], goal=GOALS[d], family_view=rng.choice(FAMILY_VIEWS),
                       addresses=goal_meets if d == 0 else []).record_id
                  for d in range(rng.randint(1, 2))]
    for k, (who, text) in enumerate(rng.sample(AGREEMENTS, 3)):
        item("agreement", text, who=who,
             when="bij spanning", how_checked="besproken bij elk huisbezoek",
             addresses=[condition_ids[k % len(condition_ids)]], done=k == 0)
    for text in rng.sample(SIGNALS, 2):
        item("signal", text, who="oma")
    item("emergency_step", "Bel 112 als iemand in gevaar is.", who="iedereen", phone="112")
    item("emergency_step", "Bel Veilig Thuis voor advies of om een zorg te melden.",
         who="moeder of oma", phone="0800-2000")
    item("emergency_step", "De kinderen gaan naar de buurvrouw en bellen oma.",
         who="de kinderen")
    item("network_commitment", rng.choice(COMMITMENTS), who="oma")
    # Their own random stream: the words leave the rest of the household as it was.
    voice_rng = random.Random(f"keukentafel-demo-voices:{seed}:{index}")
    for k, child in enumerate(children[:2]):
        parts = list(CHILD_VOICES) if k == 0 else ["worries", "good_things", "dreams"]
        for part in parts:
            items.append(DemoRecord("plan_item", case_id, _uuid(voice_rng), {
                "plan_id": plan_id, "section": "child_voice",
                "text": voice_rng.choice(CHILD_VOICES[part]), "who": child, "part": part,
                "position": f"a{len(items) + 1:03d}",
            }))
    decided = status in TEAMLEAD_PLAN_STATUSES
    # A decided plan was submitted first: the team lead's version shows it as it was then.
    seen = {**plan_fields, "status": "submitted"} if decided else plan_fields
    yield DemoRecord("safety_plan", case_id, plan_id, plan_fields)
    yield from items
    if decided:
        yield DemoRecord("plan_version", case_id, _uuid(rng), {
            "plan_id": plan_id, "version": 1, "decision": status,
            "comment": DECISION_COMMENTS[status],
            **({"section_comments": RETURNED_SECTION_COMMENTS} if status == "returned" else {}),
            "content": plan_content((plan_id, 0, seen),
                                    [(i.record_id, 0, i.fields) for i in items]),
            "based_on_rev": 0, "decided_by": None,
            "decided_at": f"{_day(rng, today - dt.timedelta(days=8), 7)}T10:00:00+00:00",
        })

    # Visits a few weeks apart, each with the scores of those at the table for each danger
    # statement, and the worker's own (no person). Mother sees more safety than her son does,
    # as often at a kitchen table: the chart shows raters apart, and growing together.
    first_visit = today - dt.timedelta(days=rng.randint(70, 100))
    base = {mother: rng.randint(4, 6), oma: rng.randint(3, 5), None: rng.randint(2, 4)}
    base[index_child] = max(0, base[mother] - 3 - rng.randint(0, 1))
    visits: list[tuple[str, str]] = []
    for v in range(rng.randint(3, 5)):
        visit_id = _uuid(rng)
        date = (first_visit + dt.timedelta(days=21 * v + rng.randrange(5))).isoformat()
        visits.append((visit_id, date))
        participants = [mother, index_child, *([oma] if v % 2 else [])]
        yield DemoRecord("visit", case_id, visit_id, {
            "date": date, "participants": participants, "location": rng.choice(PLACES),
            "notes": rng.choice(VISIT_NOTES), "shared_with_family": rng.random() < 0.7,
        })
        for d, danger_id in enumerate(danger_ids):
            for pid in [*participants, None]:
                value = base[pid] + v - d + rng.randint(-1, 1)
                yield DemoRecord("scaling_score", case_id, _uuid(rng), {
                    "person_id": pid, "plan_item_id": danger_id, "visit_id": visit_id,
                    "value": max(0, min(10, value)), "date": date,
                    "note": rng.choice(SCORE_NOTES),
                })
    yield from visit_snapshots(case_id, visits, people, ties, used, trainer=trainer,
                               changed=(oma_child, trainer_child), mother=mother)
    for title in rng.sample(TASKS, rng.randint(1, 3)):
        yield DemoRecord("task", case_id, _uuid(rng), {
            "title": title, "due_on": _day(rng, today, 60), "done": rng.random() < 0.3,
            "assignee_id": contact_worker_id,
        })
    yield DemoRecord("consent", case_id, _uuid(rng), {
        "person_id": mother, "purpose": "Delen van het veiligheidsplan met de huisarts",
        "given_on": _day(rng, today - dt.timedelta(days=90), 80), "basis": "toestemming",
    })


def visit_snapshots(case_id: str, visits: list[tuple[str, str]],
                    people: list[tuple[str, dict[str, Any]]], ties: list[DemoRecord],
                    used: set[str], *, trainer: str, changed: tuple[DemoRecord, DemoRecord],
                    mother: str) -> Iterator[DemoRecord]:
    """The map kept with each visit. At the first one the network was smaller: the trainer
    was not there yet, oma kept her distance from the children, and a neighbour who has
    since moved away still helped the mother; every later visit kept the map as it is now.
    Ids come from the case's id, not from the random stream, so the rest stays the same."""
    oma_child, trainer_child = changed

    def made(name: str) -> str:
        return str(uuid.uuid5(uuid.UUID(case_id), name))

    moved = made("moved-neighbour")
    neighbour = (moved, {"name": f"{next(n for n in FIRST_M if n not in used)} "
                                 f"{SURNAMES[int(case_id[:2], 16) % len(SURNAMES)]}",
                         "circle": "network", "role": "buurman", "gender": "m", "ring": 2})
    before_people = [p for p in people if p[0] != trainer] + [neighbour]
    before_ties = [(t.record_id, {**t.fields, "quality": "distant", "support": []}
                    if t is oma_child else t.fields)
                   for t in ties if t is not trainer_child]
    before_ties.append((made("moved-neighbour-tie"), {
        "from_person_id": moved, "to_person_id": mother, "type": "neighbour",
        "quality": "normal", "direction": "from", "support": ["P"]}))
    earlier = map_content(before_people, before_ties)
    now = map_content(people, [(t.record_id, t.fields) for t in ties])
    for k, (visit_id, date) in enumerate(visits):
        yield DemoRecord("map_snapshot", case_id, made(f"snapshot-{visit_id}"), {
            "visit_id": visit_id, "taken_on": date, "content": earlier if k == 0 else now})


def demo_records(cases: int, *, team_id: str, contact_worker_id: str | None,
                 seed: int = 2026, start: int = 0,
                 today: dt.date = DEMO_TODAY) -> Iterator[DemoRecord]:
    """The records of demo cases `start` .. `start + cases - 1` (each seeded on its own)."""
    for index in range(start, start + cases):
        yield from demo_case(seed, index, team_id=team_id, contact_worker_id=contact_worker_id,
                             today=today)


def seed_store(store: Any, cases: int, *, team_id: str, contact_worker_id: str | None,
               seed: int = 2026, today: dt.date = DEMO_TODAY) -> int:
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
                               contact_worker_id=contact_worker_id, today=today)
        ]
        if store.get_record(batch[0][2]) is not None:
            continue  # written by a run that was stopped before it could count it
        written += len(store.create_records(batch))
    store.set_setting("demo_cases", start + cases)
    return written
