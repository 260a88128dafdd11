"""The Dutch words of the exports, through the translator (the sources are English, as
everywhere in desktop/): the replacement labels and the texts of the inzage's first page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.disclosure.labels import ExportWords

translate = QCoreApplication.translate  # the name lupdate looks for


def export_words() -> ExportWords:
    return ExportWords(
        person=translate("Disclosure", "person"),
        family=translate("Disclosure", "family"),
        phone=translate("Disclosure", "[phone number]"),
        birth_date=translate("Disclosure", "[birth date]"),
        postcode=translate("Disclosure", "[postcode]"),
        address=translate("Disclosure", "[address]"),
        organisation=translate("Disclosure", "[organisation]"),
        redacted=translate("Disclosure", "[redacted]"),
        worker=translate("Disclosure", "the worker"),
        colleague=translate("Disclosure", "a colleague"),
        team=translate("Disclosure", "the local team"),
        this_laptop=translate("Disclosure", "this laptop"),
        service=translate("Disclosure", "the service"),
        another_laptop=translate("Disclosure", "another laptop"),
        records=translate("Disclosure", "%1 records"),
        log_whole=translate("Disclosure", "This log holds what was recorded on this laptop, "
                                          "on other laptops and by the service."),
        log_not_enrolled=translate(
            "Disclosure", "This log holds only what was recorded on this laptop: the laptop "
                          "is not connected to the service."),
        log_offline=translate(
            "Disclosure", "This log holds only what was recorded on this laptop: the service "
                          "could not be reached. What happened on other laptops is missing."),
        log_refused=translate(
            "Disclosure", "This log holds only what was recorded on this laptop: the service "
                          "did not give its part. What happened on other laptops is missing."),
        log_not_asked=translate("Disclosure",
                                "This log holds only what was recorded on this laptop."),
    )


def inzage_title(person: str | None) -> str:
    if person:
        return translate("Disclosure", "Inzage for %1").replace("%1", person)
    return translate("Disclosure", "Inzage: everything we wrote down about your family")


def consult_title() -> str:
    return translate("Disclosure", "Anonymous consult")


def made_on(day: str) -> str:
    return translate("Disclosure", "Made on %1.").replace("%1", day)


def inzage_intro() -> list[tuple[str, str]]:
    """The headings and paragraphs of the first page: what AVG art. 15 says the family must
    be told, in plain Dutch (B1)."""
    return [
        (translate("Disclosure", "Why we write this down"),
         translate("Disclosure",
                   "We write this down to help your family and to keep the children safe. We"
                   " use it to make agreements with you. We use it to see how things are "
                   "going. And we use it to arrange help.")),
        (translate("Disclosure", "What we write down"),
         translate("Disclosure",
                   "Names, dates of birth and phone numbers. Who belongs to the family and "
                   "the network. Notes of home visits. The safety plan and its versions. "
                   "Your numbers on the scale. Tasks. What you agreed may be shared.")),
        (translate("Disclosure", "Who sees it"),
         translate("Disclosure",
                   "Your contact worker and the team leader of the local team. Colleagues "
                   "the file is shared with. The regional safety team, only when that is "
                   "needed. Others only with your consent, or when the law says so.")),
        (translate("Disclosure", "How long we keep it"),
         translate("Disclosure",
                   "We keep the file for 20 years after the help has ended. Then we delete "
                   "it.")),
        (translate("Disclosure", "Your rights"),
         translate("Disclosure",
                   "You may read everything we wrote down about you. Is something wrong? "
                   "Then you may ask us to correct it. You may ask us to delete it. You may "
                   "object to what we do with it. Do you disagree with how we handle your "
                   "data? Then you can complain to the Autoriteit Persoonsgegevens. You do "
                   "not have to pay for this inzage.")),
        (translate("Disclosure", "Where it comes from"),
         translate("Disclosure",
                   "From you, from people in your network, and from professionals we work "
                   "with, such as the school or the doctor.")),
    ]


def about_others(person: str) -> str:
    return translate(
        "Disclosure", "This overview is for %1. What is about other people is left out, or "
                      "their name is replaced by their role, such as [father].").replace(
        "%1", person)


def consult_intro() -> str:
    return translate(
        "Disclosure", "Without names: people are their role and age. Phone numbers, "
                      "addresses, dates of birth and names of organisations are left out. "
                      "All dates are moved by the same number of days.")


def section_title(name: str) -> str:
    titles = {
        "case": translate("Disclosure", "The file"),
        "timeline": translate("Disclosure", "Timeline: what changed"),
        "access_log": translate("Disclosure", "Log: who read, changed, exported or printed"),
        "map": translate("Disclosure", "Network map"),
    }
    return titles.get(name, name)


def log_columns() -> list[str]:
    return [translate("Disclosure", "When"), translate("Disclosure", "What"),
            translate("Disclosure", "About"), translate("Disclosure", "Who"),
            translate("Disclosure", "On behalf of"), translate("Disclosure", "Details"),
            translate("Disclosure", "Recorded on")]


def timeline_columns() -> list[str]:
    return [translate("Disclosure", "When"), translate("Disclosure", "What"),
            translate("Disclosure", "About"), translate("Disclosure", "Fields"),
            translate("Disclosure", "Who")]


def event_label(action: str) -> str:
    events = {
        "open_case": translate("Disclosure", "opened"),
        "read": translate("Disclosure", "read"),
        "edit": translate("Disclosure", "changed"),
        "search": translate("Disclosure", "searched"),
        "export": translate("Disclosure", "exported"),
        "print": translate("Disclosure", "printed"),
        "sync": translate("Disclosure", "synchronised"),
        "resolve": translate("Disclosure", "conflict decided"),
        "purge": translate("Disclosure", "removed from this laptop"),
        "create": translate("Disclosure", "added"),
        "update": translate("Disclosure", "changed"),
        "delete": translate("Disclosure", "removed"),
        "conflict": translate("Disclosure", "conflict"),
        # The service's own entries (docs/protocol.md, the access log).
        "pull.records": translate("Disclosure", "sent to a laptop"),
        "pull.conflict": translate("Disclosure", "conflict sent to a laptop"),
        "pull.revoke": translate("Disclosure", "taken off a laptop"),
        "push.applied": translate("Disclosure", "changed"),
        "push.merged": translate("Disclosure", "changed"),
        "push.conflict": translate("Disclosure", "conflict"),
        "push.rejected": translate("Disclosure", "change refused"),
        "push.duplicate": translate("Disclosure", "sent again"),
        "resolve.rejected": translate("Disclosure", "decision refused"),
        "audit.read": translate("Disclosure", "log read"),
    }
    return events.get(action, action)


def yes_no(value: bool) -> str:
    return translate("Disclosure", "yes") if value else translate("Disclosure", "no")
