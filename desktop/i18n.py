"""The window's language: Qt's own qtbase translator first, then Keukentafel's; and dates
as the worker reads them.

Source strings are English, so English needs no translator at all; Dutch (the default)
loads `resources/translations/keukentafel_nl.qm`, which `make translations` builds from the
reviewed .ts file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

APP_CATALOGUE = "keukentafel"


def translations_dir() -> Path:
    """Where the built .qm files are: next to the sources, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "translations"
    return Path(__file__).resolve().parents[1] / "resources" / "translations"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language` on `app`; returns them so they stay alive.

    Translators already installed by an earlier call are replaced. A missing catalogue is
    logged, not fatal: the window then shows the English source strings.
    """
    for old in getattr(app, "_keukentafel_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        QLocale.setDefault(QLocale(language))
        qt_base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt_base)
            installed.append(qt_base)
        ours = QTranslator(app)
        if ours.load(f"{APP_CATALOGUE}_{language}", str(translations_dir())):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("translation catalogue for %s not found; run `make translations`",
                        language)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
    app._keukentafel_translators = installed  # type: ignore[attr-defined]
    return installed


def local_time(iso: str | None) -> str | None:
    """An ISO 8601 UTC stamp as local day and time, for reading only."""
    if not iso:
        return None
    try:
        stamp = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone().strftime("%d-%m-%Y %H:%M")


def local_day(iso: str | None) -> str:
    """An ISO date, or the day of an ISO 8601 stamp, as the worker writes it (31-12-2026);
    what cannot be read is shown as it came."""
    if not iso:
        return ""
    if "T" in iso:
        return (local_time(iso) or iso)[:10]
    try:
        return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso
