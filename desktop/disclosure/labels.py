"""The few words the pure builders put into an export (a replaced name, a removed number).
The defaults are English for tests that need no Qt; desktop.disclosure.words gives the
Dutch ones through the translator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportWords:
    person: str = "person"
    family: str = "family"
    phone: str = "[phone number]"
    birth_date: str = "[birth date]"
    postcode: str = "[postcode]"
    address: str = "[address]"
    organisation: str = "[organisation]"
    redacted: str = "[redacted]"
    worker: str = "the worker"
    colleague: str = "a colleague"
    team: str = "the team"
    this_laptop: str = "this laptop"
    service: str = "the service"
    another_laptop: str = "another laptop"
    records: str = "%1 records"
    # The log's completeness, said on the inzage's first page and in its JSON (`log_note`).
    log_whole: str = ("This log holds what was recorded on this laptop, on other laptops "
                      "and by the service.")
    log_not_enrolled: str = ("This log holds only what was recorded on this laptop: the "
                             "laptop is not connected to the service.")
    log_offline: str = ("This log holds only what was recorded on this laptop: the service "
                        "could not be reached. What happened on other laptops is missing.")
    log_refused: str = ("This log holds only what was recorded on this laptop: the service "
                        "did not give its part. What happened on other laptops is missing.")
    log_not_asked: str = "This log holds only what was recorded on this laptop."

    def log_note(self, reason: str | None) -> str:
        return {None: self.log_whole, "not_enrolled": self.log_not_enrolled,
                "offline": self.log_offline, "refused": self.log_refused,
                }.get(reason, self.log_not_asked)

    def recorded(self, where: str) -> str:
        return {"this_laptop": self.this_laptop, "other_laptop": self.another_laptop,
                }.get(where, self.service)

    def bracket(self, label: str) -> str:
        return f"[{label}]"


ENGLISH = ExportWords()
