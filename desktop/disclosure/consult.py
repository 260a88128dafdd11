"""The anonymous consult: a case for specialists of the regional safety team, without who.

People are their role and age ("moeder, 34"); phone numbers, addresses (a visit's place),
birth dates and organisations leave; every date moves by one random number of days, the
same for the whole export, so the intervals stay true; record ids become short references
("visit 2") so nothing points back to the case on the service. The names and numbers of the
case are then searched and replaced in every string of the result, free text included. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from desktop.ages import age_on
from desktop.disclosure.common import NO_REDACTIONS, SECTIONS, Built, Entry, Redactions, summary
from desktop.disclosure.dates import DateShift
from desktop.disclosure.gather import CaseContent
from desktop.disclosure.labels import ENGLISH, ExportWords
from desktop.disclosure.records import export_fields, map_people
from desktop.disclosure.scrub import Scrubber, family_name, name_terms
from sync.protocol import Record

# Fields that never leave in a consult, whatever is in them.
DROPPED = {
    "case": ("title", "team_id", "contact_worker_id", "shared_with"),
    "person": ("name", "birth_date", "phone", "organisation"),
    "visit": ("location",),
    "plan_item": ("phone",),
    "plan_version": ("content", "section_comments", "decided_by"),
    "safety_plan": ("reviewed_by",),
    "task": ("assignee_id",),
}
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def person_labels(people: Iterable[Record], words: ExportWords,
                  clean: Scrubber) -> dict[str, str]:
    """Person id -> "moeder, 34": the role (itself scrubbed: "moeder van Jesse" names a
    child) and the age; two the same get a number."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for person in people:
        role = clean.text(str(person.fields.get("role") or "").strip()) or words.person
        age = age_on(person.fields.get("birth_date"))
        label = role if age is None else f"{role}, {age}"
        seen[label] = seen.get(label, 0) + 1
        labels[person.id] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    return labels


def _scrubber(content: CaseContent, labels: dict[str, str], words: ExportWords,
              redactions: Redactions) -> Scrubber:
    people = [*content.of("person"), *content.removed_people]
    terms: dict[str, str] = {w: words.redacted for w in redactions.words}
    # The family name first: "Gezin Hoekstra" is the family, not the grandfather Hoekstra.
    for term in name_terms(family_name(str(content.case.fields.get("title") or ""))):
        terms.setdefault(term, words.bracket(words.family))
    for person in people:
        for term in name_terms(str(person.fields.get("name") or "")):
            terms.setdefault(term, words.bracket(labels.get(person.id, words.person)))
    for person in people:
        if person.fields.get("organisation"):
            terms.setdefault(str(person.fields["organisation"]), words.organisation)
    for visit in content.of("visit"):
        # A place is written in part as often as whole: "Dorpsstraat 12, Ergens". One
        # without a number ("Thuis", "School") is no address, and the word stays.
        place = str(visit.fields.get("location") or "")
        if not any(c.isdigit() for c in place):
            continue
        for part in [place, *place.split(",")]:
            if len(part.strip()) > 2:
                terms.setdefault(part.strip(), words.address)
    return Scrubber(
        names=terms,
        phones=[str(p.fields["phone"]) for p in people if p.fields.get("phone")]
        + [str(i.fields["phone"]) for i in content.of("plan_item") if i.fields.get("phone")],
        birth_dates=[str(p.fields["birth_date"]) for p in people if p.fields.get("birth_date")],
        phone_label=words.phone, birth_date_label=words.birth_date,
        postcode_label=words.postcode, address_label=words.address,
    )


def build_consult(
    content: CaseContent,
    shift: DateShift,
    *,
    words: ExportWords = ENGLISH,
    redactions: Redactions = NO_REDACTIONS,
) -> Built:
    people = [*content.of("person"), *content.removed_people]
    role_clean = Scrubber(names={t: words.bracket(words.person) for p in people
                                 for t in name_terms(str(p.fields.get("name") or ""))},
                          any_phone=False, postcodes=False)
    labels = person_labels(people, words, role_clean)
    scrubber = _scrubber(content, labels, words, redactions)
    refs: dict[str, str] = {}
    for kind in SECTIONS:
        for number, record in enumerate(content.of(kind), start=1):
            refs[record.id] = f"{kind} {number}"

    def person_name(value: str) -> str | None:
        # Any value that is a record's id (a condition an agreement addresses, say) becomes
        # its reference: no id of the case leaves, whatever field holds it.
        return labels.get(value) or refs.get(value)

    def ref(value: str) -> str | None:
        return refs.get(value)  # an id of a team, a worker or another case: left out

    data: dict[str, Any] = {
        "export": "consult",
        "case": export_fields(content.case, person_name=person_name, ref=ref,
                              drop=DROPPED["case"], unknown_fields=False),
    }
    entries: list[Entry] = []
    for kind in SECTIONS:
        rows = []
        for record in content.of(kind):
            if record.id in redactions.left_out:
                continue
            fields = export_fields(record, person_name=person_name, ref=ref,
                                   drop=DROPPED.get(kind, ()), unknown_fields=False)
            if kind == "person":
                fields = {"name": labels[record.id], **fields}
            if kind == "map_snapshot" and "content" in fields:
                fields["content"] = map_people(fields["content"], person_name,
                                               ("birth_date",), unknown=words.person)
            rows.append({"ref": refs[record.id], **fields})
            entries.append(Entry(record.id, kind, summary(fields, scrubber.text)))
        data[kind] = rows
    return Built("consult", _clean(data, scrubber, shift), entries,
                 {pid: label for pid, label in labels.items()})


def _clean(value: Any, scrubber: Scrubber, shift: DateShift) -> Any:
    """Every string: a date or time stamp moved; any other text scrubbed, then the dates
    written in it moved (after the scrub, so a birth date is hidden, not moved)."""
    if isinstance(value, str):
        if ISO_STAMP.fullmatch(value):
            return shift.value(value)
        return shift.text(scrubber.text(value))
    if isinstance(value, list):
        return [_clean(v, scrubber, shift) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v, scrubber, shift) for k, v in value.items()}
    return value
