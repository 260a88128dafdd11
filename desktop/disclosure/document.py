"""An export on paper and as a file: the built content as a text document (the preview
shows exactly this document, the PDF is printed from it) and as JSON.

A consult carries the network map drawn with roles only: the people's names are replaced by
their consult labels before the map is drawn, so no name reaches the picture.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from html import escape
from typing import Any

from PySide6.QtCore import QIODevice, QRectF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QTextDocument,
)

from desktop.casefile.labels import choice_label, field_label, kind_label
from desktop.disclosure import words
from desktop.disclosure.common import SECTIONS, Built
from desktop.disclosure.gather import CaseContent
from desktop.networkmap.export import Page, map_scene
from desktop.networkmap.model import build
from desktop.paper import a4_pdf
from sync.schema import kind_spec

TEXT_PT = 11
MAP_URL = "keukentafel:map"
MAP_WIDTH_PX = 640
# Keys of the JSON that the paper shows elsewhere or not at all.
HIDDEN_KEYS = frozenset({"id", "ref", "case"})


def to_json(built: Built) -> str:
    return json.dumps(built.data, ensure_ascii=False, indent=2) + "\n"


def _text(value: Any) -> str:
    return escape(str(value)).replace("\n", "<br>")


def _value(kind: str, name: str, value: Any) -> str:
    spec = kind_spec(kind).fields.get(name) if kind in SECTIONS or kind == "case" else None
    if isinstance(value, bool):
        return words.yes_no(value)
    if isinstance(value, list):
        return ", ".join(_value(kind, name, v) if not isinstance(v, dict | list)
                         else _nested(v) for v in value)
    if isinstance(value, dict):
        return _nested(value)
    if spec is not None and spec.choices:
        return _text(choice_label(str(value)))
    if spec is not None and spec.type == "date" and isinstance(value, str) and len(value) == 10:
        year, month, day = value.split("-")
        return _text(f"{day}-{month}-{year}")
    return _text(value)


def _nested(value: Any) -> str:
    """JSON inside a record (a plan version as the team lead saw it, a map snapshot), as
    short lines; enough to read, the JSON export has it whole."""
    if isinstance(value, dict):
        return "<br>".join(f"{_text(field_label(k))}: {_nested(v)}" for k, v in value.items()
                           if v not in (None, "", [], {}) and k not in HIDDEN_KEYS)
    if isinstance(value, list):
        return "; ".join(_nested(v) for v in value)
    if isinstance(value, bool):
        return words.yes_no(value)
    return _text(choice_label(value) if isinstance(value, str) else value)


def _record_table(kind: str, record: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td width='30%' valign='top'><b>{_text(field_label(name, kind))}</b></td>"
        f"<td valign='top'>{_value(kind, name, value)}</td></tr>"
        for name, value in record.items() if name not in HIDDEN_KEYS
        and value not in (None, "", [], {}))
    return f"<table width='100%' cellpadding='3' border='0'>{rows}</table><hr>"


def _table(header: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th align='left'>{_text(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td valign='top'>{_text(c or '')}</td>" for c in row)
                   + "</tr>" for row in rows)
    return (f"<table width='100%' cellpadding='3' border='1' cellspacing='0'>"
            f"<tr>{head}</tr>{body}</table>")


def _date(stamp: str | None) -> str:
    if not stamp:
        return ""
    day = stamp[:10]
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        return stamp
    return parsed.strftime("%d-%m-%Y") + (f" {stamp[11:16]}" if len(stamp) > 10 else "")


def html_of(built: Built, with_map: bool) -> str:
    data = built.data
    parts = [f"<div style='font-size:{TEXT_PT}pt'>"]
    if built.what == "inzage":
        parts.append(f"<h1>{_text(words.inzage_title(data.get('for_person')))}</h1>")
        parts.append(f"<p>{_text(words.made_on(_date(data.get('made_at'))))}</p>")
        if data.get("for_person"):
            parts.append(f"<p><b>{_text(words.about_others(data['for_person']))}</b></p>")
        for heading, paragraph in words.inzage_intro():
            parts.append(f"<h3>{_text(heading)}</h3><p>{_text(paragraph)}</p>")
        if data.get("log_note"):
            parts.append(f"<h3>{_text(words.section_title('access_log'))}</h3>"
                         f"<p>{_text(data['log_note'])}</p>")
    else:
        parts.append(f"<h1>{_text(words.consult_title())}</h1>")
        parts.append(f"<p>{_text(words.consult_intro())}</p>")
    parts.append(f"<h2>{_text(words.section_title('case'))}</h2>")
    parts.append(_record_table("case", {k: v for k, v in data["case"].items()
                                        if k != "contact_worker"}))
    if data["case"].get("contact_worker"):
        parts.append(f"<p>{_text(field_label('contact_worker_id', 'case'))}: "
                     f"{_text(data['case']['contact_worker'])}</p>")
    if with_map:
        # The map fills a page of its own: its heading starts that page rather than being
        # left alone at the foot of the one before.
        parts.append(f"<h2 style='page-break-before: always'>"
                     f"{_text(words.section_title('map'))}</h2>"
                     f"<p><img src='{MAP_URL}' width='{MAP_WIDTH_PX}'></p>")
    for kind in SECTIONS:
        rows = data.get(kind) or []
        if not rows:
            continue
        parts.append(f"<h2>{_text(kind_label(kind))}</h2>")
        parts.extend(_record_table(kind, row) for row in rows)
    if "timeline" in data:
        parts.append(f"<h2>{_text(words.section_title('timeline'))}</h2>")
        parts.append(_table(words.timeline_columns(), [
            [_date(e["at"]), words.event_label(e["action"]), e.get("about") or
             kind_label(e["kind"]), ", ".join(field_label(f, e["kind"]) for f in e["fields"]),
             e["by"]] for e in data["timeline"]]))
    if "access_log" in data:
        parts.append(f"<h2>{_text(words.section_title('access_log'))}</h2>")
        parts.append(_table(words.log_columns(), [
            [_date(e["at"]), words.event_label(e["event"]),
             e.get("about") and (kind_label(e["about"]) if e["about"] in SECTIONS
                                 else e["about"]),
             e["user"], e["on_behalf_of"], e.get("detail"), e.get("recorded")]
            for e in data["access_log"]]))
    parts.append("</div>")
    return "".join(parts)


def map_image(content: CaseContent, names: dict[str, str]) -> QImage:
    """The ecogram with every name replaced by `names` (people it lacks are left off)."""
    model = build([p for p in content.of("person") if p.id in names],
                  content.of("relationship"))
    people = {pid: dataclasses.replace(person, name=names[pid])
              for pid, person in model.people.items()}
    page = Page(map_scene(dataclasses.replace(model, people=people), "ecogram"))
    image = QImage(page.size(2), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    page.paint(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def document_of(built: Built, content: CaseContent | None = None) -> QTextDocument:
    document = QTextDocument()
    with_map = bool(built.map_names) and content is not None and bool(content.of("person"))
    if with_map:
        assert content is not None
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(MAP_URL),
                             map_image(content, built.map_names))
    document.setHtml(html_of(built, with_map))
    return document


PDF_MARGIN_MM = 15


def write_pdf(document: QTextDocument, device: QIODevice, title: str) -> None:
    """Print `document` as A4 to `device` (the QSaveFile of the place the worker chose)."""
    document.print_(a4_pdf(device, title, PDF_MARGIN_MM))
