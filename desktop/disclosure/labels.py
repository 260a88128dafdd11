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

    def bracket(self, label: str) -> str:
        return f"[{label}]"


ENGLISH = ExportWords()
