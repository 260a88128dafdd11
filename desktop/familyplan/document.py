"""The plan for the family as a text document: the plan, the signatures, then the steps for
when it goes wrong on a page of their own (to hang by the phone), then the children's
version on pages of their own in their words (the same pages as its own print).

Everything typed is escaped: the family's words are shown, never read as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextDocument

from desktop.familyplan import words
from desktop.familyplan.content import FamilyPlan, Line
from desktop.i18n import local_day
from desktop.safetyplan.children_print import add_pictograms, children_html

TEXT_PT = 12
HEADING_PT = 16
TITLE_PT = 22
EMERGENCY_PT = 18
PAGE_TITLE_PT = 28  # the emergency page and the children's pages: as big as their text
SIGNATURE_ROWS = 2  # blank lines for who else signs (a network member, the worker)
NEW_PAGE = "page-break-before:always;"  # on the heading itself: an empty block before it
# would take the heading's size away


def _t(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _h(part: str) -> str:
    return f'<h2 style="font-size:{HEADING_PT}pt">{_t(words.heading(part))}</h2>'


def _paragraphs(part: str, text: str) -> list[str]:
    return [_h(part), f"<p>{_t(text)}</p>"] if text else []


def _lines(part: str, lines: list[Line]) -> list[str]:
    if not lines:
        return []
    items = []
    for line in lines:
        more = [words.who_acts(line.who)] if line.who else []
        more += [words.when(line.when)] if line.when else []
        items.append(f"<li>{_t(line.text)}" + "".join(f"<br><i>{_t(m)}</i>" for m in more)
                     + "</li>")
    return [_h(part), "<ul>", *items, "</ul>"]


def _plan_pages(plan: FamilyPlan) -> list[str]:
    html = [f'<h1 style="font-size:{TITLE_PT}pt">{_t(words.heading("title"))}</h1>']
    if plan.agreed_on:
        html.append(f"<p>{_t(words.agreed_on(local_day(plan.agreed_on)))}</p>")
    html += _paragraphs("harm", plan.harm)
    worries = [f"<li>{_t(d.text)}"
               + (f"<br><i>{_t(words.family_view(d.family_view))}</i>" if d.family_view
                  else "") + "</li>" for d in plan.dangers if d.text]
    if plan.worries or worries:
        html += [_h("worries")]
        html += [f"<p>{_t(plan.worries)}</p>"] if plan.worries else []
        html += ["<ul>", *worries, "</ul>"] if worries else []
    goals = [f"<li>{_t(d.goal)}</li>" for d in plan.dangers if d.goal]
    html += [_h("goals"), "<ul>", *goals, "</ul>"] if goals else []
    html += _paragraphs("working_well", plan.working_well)
    html += _paragraphs("complicating_factors", plan.complicating_factors)
    if plan.conditions:
        html += [_h("conditions"), "<ul>"]
        html += [f"<li>{_t(c.text)}" + (f"<br><i>{_t(words.set_by(c.who))}</i>" if c.who
                                         else "") + "</li>" for c in plan.conditions]
        html.append("</ul>")
    if plan.agreements:
        html += [_h("agreements"), '<table cellpadding="6" border="1" cellspacing="0" '
                 'width="100%">']
        for a in plan.agreements:
            more = [words.when(a.when)] if a.when else []
            more += [words.how_checked(a.how_checked)] if a.how_checked else []
            more += [words.if_not_kept(a.if_not_kept)] if a.if_not_kept else []
            html.append(f'<tr><td width="25%" valign="top"><b>{_t(a.who or "…")}</b></td>'
                        f"<td>{_t(a.what)}" + "".join(f"<br>{_t(m)}" for m in more)
                        + "</td></tr>")
        html.append("</table>")
    html += _lines("signals", plan.signals)
    html += _lines("network", plan.network)
    html += _lines("next_steps", plan.next_steps)
    if plan.review_on:
        html.append(f"<p>{_t(words.review_on(local_day(plan.review_on)))}</p>")
    return html


def _signatures(plan: FamilyPlan) -> list[str]:
    name, signature, day = words.signature_columns()
    rows = [*plan.signers, *([""] * SIGNATURE_ROWS)]
    html = [_h("signatures"), '<table cellpadding="14" border="1" cellspacing="0" '
            f'width="100%"><tr><th width="35%">{_t(name)}</th><th width="40%">'
            f'{_t(signature)}</th><th>{_t(day)}</th></tr>']
    html += [f"<tr><td>{_t(who) or '&nbsp;'}<br>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td>"
             "</tr>" for who in rows]
    html.append("</table>")
    return html


def _emergency(plan: FamilyPlan) -> list[str]:
    big = f'style="font-size:{EMERGENCY_PT}pt"'  # set per block: a list keeps its own size
    html = [f'<h1 style="{NEW_PAGE} font-size:{PAGE_TITLE_PT}pt">'
            f'{_t(words.heading("emergency"))}</h1><ol {big}>']
    for step in plan.emergency:
        more = f"<br>{_t(words.who_acts(step.who))}" if step.who else ""
        number = f"<br><b>{_t(words.phone(step.phone))}</b>" if step.phone else ""
        html.append(f"<li {big}>{_t(step.text)}{more}{number}</li>")
    html.append("</ol>")
    html += [f"<p {big}><b>{_t(words.always_offered(n))}</b></p>"
             for n in plan.missing_numbers]
    return html


def _children(plan: FamilyPlan, used: set[str], first: bool) -> list[str]:
    """The children's pages; in the whole plan only when there are words or a story, on
    their own always (an empty file would say nothing, not even that it is not their
    fault)."""
    if not first and not plan.children and not plan.story:
        return []
    pages, pictograms = children_html(plan.children, plan.story)
    used.update(pictograms)
    return [f'<h1 style="{"" if first else NEW_PAGE} font-size:{PAGE_TITLE_PT}pt">'
            f'{_t(words.heading("children"))}</h1>', pages]


def _document(html: list[str], used: set[str]) -> QTextDocument:
    document = QTextDocument()
    add_pictograms(document, used)
    document.setHtml(f'<div style="font-size:{TEXT_PT}pt">' + "".join(html) + "</div>")
    return document


def plan_document(plan: FamilyPlan) -> QTextDocument:
    used: set[str] = set()
    html = [*_plan_pages(plan), *_signatures(plan), *_emergency(plan),
            *_children(plan, used, first=False)]
    return _document(html, used)


def children_only_document(plan: FamilyPlan) -> QTextDocument:
    used: set[str] = set()
    return _document(_children(plan, used, first=True), used)
