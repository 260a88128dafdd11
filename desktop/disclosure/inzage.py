"""The inzage (AVG art. 15): everything recorded about a family, or about one person in it,
and who read, changed, exported or printed it. No Qt.

For one person, everyone else is their role ("[vader]"): their names, phone numbers, birth
dates and notes stay out, and the same names and numbers are found and replaced wherever
they were written in free text. The scrubber's last pass runs over every string of the
result, so no field can be forgotten.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop.disclosure.common import (
    NO_REDACTIONS,
    SECTIONS,
    Built,
    Entry,
    Redactions,
    record_kinds,
    summary,
    who,
)
from desktop.disclosure.gather import CaseContent
from desktop.disclosure.labels import ENGLISH, ExportWords
from desktop.disclosure.records import export_fields, map_people
from desktop.disclosure.scrub import Scrubber, family_name, name_terms
from desktop.disclosure.service_log import merged
from storage.errors import StoreError
from sync.protocol import Record

CASE_IDS = ("team_id", "contact_worker_id", "shared_with")
# What stays of someone else in a one-person inzage: how they relate to the family.
OTHER_PERSON_KEEPS = ("role", "circle")
_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def build_inzage(
    content: CaseContent,
    person_id: str | None = None,
    *,
    words: ExportWords = ENGLISH,
    redactions: Redactions = NO_REDACTIONS,
    made_at: str | None = None,
) -> Built:
    subject = content.person(person_id) if person_id else None
    if person_id and subject is None:
        raise StoreError("no such person in this case")
    names = _names(content, subject, words)
    scrubber = _scrubber(content, subject, names, words, redactions)

    def person_name(value: str) -> str | None:
        return names.get(value)

    kinds = record_kinds(content.records)
    case = export_fields(content.case, person_name=person_name, ref=lambda v: v,
                         drop=CASE_IDS)
    worker = content.case.fields.get("contact_worker_id")
    if worker:
        case["contact_worker"] = who(worker, content.user, words, content.colleagues)
    data: dict[str, Any] = {
        "export": "inzage",
        "made_at": made_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "for_person": names[subject.id] if subject else None,
        "case": case,
    }
    entries: list[Entry] = []
    left_out = redactions.left_out
    for kind in SECTIONS:
        rows = []
        for record in content.of(kind):
            if record.id in left_out or _not_theirs(record, subject):
                continue
            fields = _fields(record, subject, names, person_name)
            rows.append({"id": record.id, **fields})
            entries.append(Entry(record.id, kind, summary(fields, scrubber.text)))
        data[kind] = rows
    hidden = left_out | {r.id for kind in SECTIONS for r in content.of(kind)
                         if _not_theirs(r, subject)}
    data["timeline"] = [
        {"at": e.at, "action": e.action, "kind": e.kind,
         "about": names.get(e.record_id), "fields": sorted(e.changes),
         "by": who(e.by, content.user, words, content.colleagues) if e.by or e.source == "local"
         else words.service}
        for e in content.timeline if e.record_id not in hidden
    ]
    service_log = content.service_log
    data["log_complete"] = service_log.complete
    data["log_reason"] = service_log.reason
    data["log_note"] = words.log_note(service_log.reason)
    data["access_log"] = [
        {"at": line.entry.at, "event": line.action, "case": content.case.id,
         "about": names.get(line.entry.record_id or "")
         or kinds.get(line.entry.record_id or ""),
         "detail": _detail(line.entry.detail, words),
         "user": who(line.entry.user_id, content.user, words, content.colleagues),
         "on_behalf_of": words.team, "device": line.entry.device_id,
         "recorded": words.recorded(line.recorded)}
        for line in merged(content.access_log, service_log, content.device_id)
        if (line.entry.record_id or "") not in hidden
    ]
    return Built("inzage", scrubber.deep(data), entries)  # type: ignore[arg-type]


def _detail(detail: str | None, words: ExportWords) -> str | None:
    """A detail that is only record ids (the service's `pull.records`, and its push rows of
    several records, `<id>:<what>`) says how many: the ids mean nothing to a family, and in
    a one-person inzage some are other people's."""
    tokens = (detail or "").split()
    if tokens and all(_ID.fullmatch(t.split(":", 1)[0]) for t in tokens):
        return words.records.replace("%1", str(len(tokens)))
    return detail


def _names(content: CaseContent, subject: Record | None,
           words: ExportWords) -> dict[str, str]:
    """Person id -> how the export names them: by name, or (one-person inzage) by role."""
    out = {}
    for person in [*content.of("person"), *content.removed_people]:
        name = str(person.fields.get("name") or words.person)
        if subject is None or person.id == subject.id:
            out[person.id] = name
        else:
            out[person.id] = words.bracket(str(person.fields.get("role") or words.person))
    return out


def _scrubber(content: CaseContent, subject: Record | None, names: dict[str, str],
              words: ExportWords, redactions: Redactions) -> Scrubber:
    extra = {w: words.redacted for w in redactions.words}
    if subject is None:
        return Scrubber(extra=extra, any_phone=False, postcodes=False)
    mine = subject.fields
    others = [p for p in [*content.of("person"), *content.removed_people]
              if p.id != subject.id]
    # The family name first: "Verhoeven" in "Gezin Verhoeven" is the family, not the mother.
    terms: dict[str, str] = {
        term: words.bracket(words.family)
        for term in name_terms(family_name(str(content.case.fields.get("title") or "")))}
    for person in others:
        for term in name_terms(str(person.fields.get("name") or "")):
            terms.setdefault(term, names[person.id])
    return Scrubber(
        names=terms,
        phones=[str(p.fields["phone"]) for p in others
                if p.fields.get("phone") and p.fields.get("phone") != mine.get("phone")],
        birth_dates=[str(p.fields["birth_date"]) for p in others
                     if p.fields.get("birth_date")
                     and p.fields.get("birth_date") != mine.get("birth_date")],
        extra=extra, keep=name_terms(str(mine.get("name") or "")),
        phone_label=words.phone, birth_date_label=words.birth_date,
        any_phone=False, postcodes=False,
    )


def _not_theirs(record: Record, subject: Record | None) -> bool:
    """Someone else's consent is theirs alone: it stays out of a one-person inzage."""
    return (subject is not None and record.kind == "consent"
            and record.fields.get("person_id") not in (None, "", subject.id))


def _fields(record: Record, subject: Record | None, names: dict[str, str],
            person_name: Any) -> dict[str, Any]:
    if record.kind == "person" and subject is not None and record.id != subject.id:
        kept = {k: record.fields[k] for k in OTHER_PERSON_KEEPS if record.fields.get(k)}
        return {"name": names[record.id], **kept}
    # A tie between two others, and its note, is about them, not about this person.
    about_others = (record.kind == "relationship" and subject is not None and subject.id
                    not in (record.fields.get("from_person_id"),
                            record.fields.get("to_person_id")))
    fields = export_fields(record, person_name=person_name, ref=lambda v: v,
                           drop=("note",) if about_others else (),
                           unknown_fields=subject is None)
    if record.kind == "map_snapshot" and "content" in fields:
        fields["content"] = map_people(fields["content"], person_name,
                                       ("birth_date",) if subject is not None else ())
    return fields
