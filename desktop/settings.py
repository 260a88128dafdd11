"""The desktop's settings, declared once as data and kept in a QSettings file.

As qutebrowser's configdata: every setting is one `SettingSpec` (name, type, default, what it
is for, and the names it had before), and everything else (the settings dialog, the lock
timer, the sync runner) reads `SETTINGS` instead of spelling keys of its own. The file holds
no personal data: it lives next to the encrypted store, outside it, because the language and
the idle lock time are needed before the passphrase is known.

IT can pre-set any setting (the service address above all) for every laptop in a system-wide
file, read-only to the app: `system_settings_path()`. A value there is the default; what the
worker sets in their own file wins.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

SETTINGS_FILE = "settings.ini"
# Points the system-wide file elsewhere: the tests' own folder, or a laptop IT prepares.
SYSTEM_SETTINGS_ENV = "KEUKENTAFEL_SYSTEM_SETTINGS"
SETTINGS_VERSION = 1

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key, Python type, default and the range a value must lie in."""

    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    renamed_from: tuple[str, ...] = field(default_factory=tuple)

    def coerce(self, raw: Any) -> Any:
        """The stored value as this setting's type; the default when it does not fit."""
        if raw is None:
            return self.default
        try:
            if self.type is int:
                value: Any = int(raw)
            elif self.type is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.default
        if self.maximum is not None and value > self.maximum:
            return self.default
        return value


def is_service_address(text: str) -> bool:
    """An http(s) address with a host and no spaces: what the sync client can reach."""
    from urllib.parse import urlsplit

    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _default_device_name() -> str:
    return socket.gethostname() or "laptop"


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "language", str, "nl", "language of the window (Dutch by default)", choices=LANGUAGES,
    ),
    SettingSpec(
        "idle_lock_minutes", int, 5, "lock the window after this many idle minutes",
        minimum=1, maximum=120,
    ),
    SettingSpec("service_url", str, "", "address of the team's sync service"),
    SettingSpec("device_name", str, "", "name of this laptop as the service shows it"),
    SettingSpec(
        "sync_interval_minutes", int, 3, "sync in the background this often",
        minimum=1, maximum=120,
    ),
    SettingSpec(
        "probe_interval_seconds", int, 15,
        "ask the service's /healthz this often, so the status bar shows when it goes and comes",
        minimum=1, maximum=600,
    ),
)

# Where the worker put the divider between a case-file tab's list and its form: the heights
# of both, "240,480" (empty: the tab's own start).
SPLITTER_TABS = ("person", "visit", "task", "consent")
SETTINGS += tuple(
    SettingSpec(f"splitter_{kind}", str, "", f"heights of the list and the form of the "
                f"{kind} tab of a case file")
    for kind in SPLITTER_TABS
)

SPECS: dict[str, SettingSpec] = {s.name: s for s in SETTINGS}


def system_settings_path() -> Path:
    """IT's file of defaults for every worker of this laptop."""
    override = os.environ.get(SYSTEM_SETTINGS_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / "Keukentafel" / SETTINGS_FILE
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Keukentafel") / SETTINGS_FILE
    return Path("/etc/keukentafel") / SETTINGS_FILE


def system_defaults(path: Path | None = None) -> dict[str, Any]:
    """The settings IT pre-set, each checked as the worker's own would be; a value that does
    not fit (or a service address that is no address) is left out, not guessed at."""
    path = path or system_settings_path()
    if not path.is_file():
        return {}
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    found: dict[str, Any] = {}
    for spec in SETTINGS:
        raw = qs.value(spec.name)
        if raw is None:
            continue
        value = spec.coerce(raw)
        if value == spec.default and str(raw).strip() != str(spec.default):
            continue  # coerce fell back: not what IT wrote
        if spec.name == "service_url" and not is_service_address(str(value)):
            continue
        found[spec.name] = value
    return found


# Picard-style upgrades: each function lifts a settings file from version n-1 to n.
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings(QObject):
    """Typed access to the settings file; `changed(name, value)` after each write."""

    changed = Signal(str, object)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / SETTINGS_FILE
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.system = system_defaults()
        self._upgrade()

    def get(self, name: str) -> Any:
        spec = SPECS[name]
        raw = self._qs.value(name)
        if raw is None and name in self.system:
            return self.system[name]
        value = spec.coerce(raw)
        if name == "device_name" and not value:
            return _default_device_name()
        return value

    def set(self, name: str, value: Any) -> None:
        spec = SPECS[name]
        coerced = spec.coerce(value)
        if coerced != value and not (spec.type is int and str(coerced) == str(value)):
            raise ValueError(f"setting {name!r} does not take that value")
        if name in self.system and coerced == self.system[name]:
            # Not copied into the worker's file: when IT changes the pre-set value later,
            # a worker who only confirmed it follows along.
            self._qs.remove(name)
        else:
            self._qs.setValue(name, coerced)
        self._qs.sync()
        self.changed.emit(name, coerced)

    def as_dict(self) -> dict[str, Any]:
        return {s.name: self.get(s.name) for s in SETTINGS}

    def _upgrade(self) -> None:
        version = int(self._qs.value("settings_version", 0) or 0)
        for step in range(version + 1, SETTINGS_VERSION + 1):
            upgrade = UPGRADES.get(step)
            if upgrade is not None:
                upgrade(self._qs)
        for spec in SETTINGS:
            for old in spec.renamed_from:
                if self._qs.contains(old) and not self._qs.contains(spec.name):
                    self._qs.setValue(spec.name, self._qs.value(old))
                    self._qs.remove(old)
        if version != SETTINGS_VERSION:
            self._qs.setValue("settings_version", SETTINGS_VERSION)
            self._qs.sync()
