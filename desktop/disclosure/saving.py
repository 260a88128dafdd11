"""Saving an export where the worker chose, and logging it.

The file is written through QSaveFile: it appears whole or not at all, and nothing is put in
a temporary folder. Every export writes an access-log entry whose detail names the kind and
format only ("inzage_pdf"), never a name; a file whose entry could not be written is removed
again, so no export goes unlogged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QIODevice, QSaveFile
from PySide6.QtGui import QTextDocument

from desktop.disclosure import words
from desktop.disclosure.common import NO_REDACTIONS, Built, Redactions
from desktop.disclosure.consult import build_consult
from desktop.disclosure.dates import DateShift, random_shift
from desktop.disclosure.document import document_of, to_json, write_pdf
from desktop.disclosure.gather import CaseContent, gather, gather_for_inzage
from desktop.disclosure.inzage import build_inzage
from storage.errors import StoreError

FORMATS = ("pdf", "json")
WHATS = ("inzage", "consult")


def access_detail(what: str, fmt: str, one_person: bool) -> str:
    return f"{what}_{fmt}" + ("_person" if one_person else "")


def build(content: CaseContent, what: str, person_id: str | None = None,
          redactions: Redactions = NO_REDACTIONS, shift: DateShift | None = None) -> Built:
    if what == "inzage":
        return build_inzage(content, person_id, words=words.export_words(),
                            redactions=redactions)
    if what == "consult":
        if person_id is not None:
            raise StoreError("an anonymous consult is of the whole case; leave out --person")
        return build_consult(content, shift or DateShift(random_shift()),
                             words=words.export_words(), redactions=redactions)
    raise ValueError(f"unknown export {what!r}")


def write(built: Built, fmt: str, path: Path, document: QTextDocument | None = None,
          content: CaseContent | None = None) -> None:
    """Write the export to `path`, whole or not at all; OSError when it cannot."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError("cannot write the export file")
    if fmt == "json":
        out.write(to_json(built).encode("utf-8"))
    else:
        title = words.consult_title() if built.what == "consult" else words.inzage_title(None)
        write_pdf(document or document_of(built, content), out, title)
    if not out.commit():
        raise OSError("cannot write the export file")


def log_export(store: Any, case_id: str, what: str, fmt: str, one_person: bool) -> None:
    store.log_access("export", case_id=case_id,
                     detail=access_detail(what, fmt, one_person))


def export_case(store: Any, what: str, case_id: str, person_id: str | None, fmt: str,
                path: Path) -> None:
    """The command line's export: read (the inzage with the service's log when the store
    is enrolled and the service answers), build, write and log in one go."""
    content = gather_for_inzage(store, case_id) if what == "inzage" else gather(store, case_id)
    built = build(content, what, person_id)
    try:
        write(built, fmt, path, content=content)
    except OSError:
        raise StoreError("cannot write the export file") from None
    try:
        log_export(store, case_id, what, fmt, person_id is not None)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
