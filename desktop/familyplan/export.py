"""The plan for the family, or only the children's version, written where the worker chose
(a PDF or JSON file) or printed, and each time logged: no export or print goes unlogged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage, QPagedPaintDevice, QTextDocument

from desktop.familyplan import words
from desktop.familyplan.content import FamilyPlan, children_json, family_plan, plan_json
from desktop.familyplan.document import children_only_document, plan_document
from desktop.familyplan.paper import Footer, page_images, paint_pages, write_pdf
from desktop.i18n import local_day
from desktop.safetyplan.data import read_plan
from storage.errors import StoreError

WHATS = ("plan", "children")
FORMATS = ("pdf", "json")


def access_detail(what: str, fmt: str) -> str:
    """What the access log says: which copy, on which medium; never a name or a path."""
    return {"plan": "family_plan", "children": "children_version"}[what] + f"_{fmt}"


def _document(plan: FamilyPlan, what: str) -> QTextDocument:
    return plan_document(plan) if what == "plan" else children_only_document(plan)


def _footer(plan: FamilyPlan, what: str) -> Footer:
    day = local_day(plan.made_on.isoformat())
    text = words.footer if what == "plan" else words.children_footer
    return lambda page, pages: text(plan.version, day, page, pages)


def as_json(plan: FamilyPlan, what: str) -> dict[str, Any]:
    if what == "plan":
        return plan_json(plan)
    return {"title": plan.title, "version": plan.version,
            "made_on": plan.made_on.isoformat(), **children_json(plan)}


def write(plan: FamilyPlan, what: str, fmt: str, path: Path) -> None:
    """Write the copy to `path` only (the place the worker chose)."""
    if what not in WHATS or fmt not in FORMATS:
        raise ValueError(f"unknown family plan export {what!r} {fmt!r}")
    if fmt == "json":
        Path(path).write_text(json.dumps(as_json(plan, what), ensure_ascii=False, indent=2)
                              + "\n", encoding="utf-8")
        return
    write_pdf(_document(plan, what), Path(path), _footer(plan, what),
              words.heading("title" if what == "plan" else "children"))


def print_on(plan: FamilyPlan, what: str, printer: QPagedPaintDevice) -> None:
    paint_pages(_document(plan, what), printer, _footer(plan, what))


def pictures(plan: FamilyPlan, dpi: int = 100) -> tuple[list[QImage], int]:
    """The plan's pages as images, and which of them the children's version starts on
    (-1: none), for the screenshots."""
    document = _document(plan, "plan")
    images = page_images(document, _footer(plan, "plan"), dpi)
    block = document.begin()
    while block.isValid():  # the heading itself, not the same words in the plan's text
        if block.blockFormat().headingLevel() == 1 and block.text() == words.heading(
                "children"):
            top = document.documentLayout().blockBoundingRect(block).top()
            return images, int(top // document.pageSize().height())
        block = block.next()
    return images, -1


def export_case(store: Any, case_id: str, what: str, fmt: str, path: Path,
                today: dt.date | None = None) -> None:
    """Export from the store (the command line) and log it; a file whose access-log entry
    could not be written is removed again."""
    plan = family_plan(read_plan(store, case_id), today or dt.date.today())
    if plan is None:
        raise StoreError("this case has no safety plan")
    try:
        write(plan, what, fmt, path)
    except OSError:
        raise StoreError("cannot write the export file") from None
    try:
        store.log_access("export", case_id=case_id, detail=access_detail(what, fmt))
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
