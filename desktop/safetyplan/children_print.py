"""The children's version on paper: the same pages as the view, as a text document that the
printer splits into pages itself (a grabbed widget would be cut at the page's edge)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.safetyplan.children_data import OTHER, PARTS, ChildWords
from desktop.safetyplan.children_pictograms import ROOM_PICTOGRAMS, pictogram
from desktop.safetyplan.children_words import (
    child_heading,
    never_your_fault,
    room_sentence,
    room_title,
    story_sentence,
    story_title,
)

PRINT_TEXT_PT = 20
PRINT_HEADING_PT = 28
PRINT_PICTOGRAM_PX = 72


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")  # a child's words are shown, never markup


def children_html(groups: Sequence[ChildWords], story: str) -> tuple[str, set[str]]:
    """The pages as rich text, and the pictograms it shows (see add_pictograms): the plan
    for the family puts the same pages after its own."""
    used: set[str] = set()
    html = [f'<div style="font-size:{PRINT_TEXT_PT}pt">']
    for group in groups:
        if not group.count:
            continue
        html.append(f'<p style="font-size:{PRINT_HEADING_PT}pt"><b>'
                    f"{_text(child_heading(group))}</b></p><table cellpadding='8'>")
        for part in (*PARTS, OTHER):
            if not group.room(part):
                continue
            name = ROOM_PICTOGRAMS[part]
            used.add(name)
            words = "".join(f"<br>\u201c{_text(str(item.fields.get('text') or ''))}\u201d"
                            for item in group.room(part))
            html.append(f'<tr><td valign="top"><img src="pictogram:{name}" '
                        f'width="{PRINT_PICTOGRAM_PX}" height="{PRINT_PICTOGRAM_PX}"></td>'
                        f"<td><b>{_text(room_title(part))}</b><br>"
                        f"{_text(room_sentence(part))}{words}</td></tr>")
        html.append("</table>")
    if story.strip():
        html.append(f'<p style="font-size:{PRINT_HEADING_PT}pt"><b>{_text(story_title())}'
                    f"</b></p><p>{_text(story_sentence())}</p><p>{_text(story.strip())}</p>")
    html.append(f"<p><b>{_text(never_your_fault())}</b></p></div>")
    return "".join(html), used


def add_pictograms(document: QTextDocument, used: set[str]) -> None:
    for name in used:
        image = pictogram(name, PRINT_PICTOGRAM_PX * 4).toImage()  # sharp on paper
        document.addResource(QTextDocument.ResourceType.ImageResource,
                             QUrl(f"pictogram:{name}"), image)


def children_document(groups: Sequence[ChildWords], story: str) -> QTextDocument:
    document = QTextDocument()
    html, used = children_html(groups, story)
    add_pictograms(document, used)
    document.setHtml(html)
    return document


def print_children(groups: Sequence[ChildWords], story: str, printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    children_document(groups, story).print_(printer)
