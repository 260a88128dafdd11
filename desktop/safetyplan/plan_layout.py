"""How the plan tab's page "The plan" is laid out, and the forms it shows as one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


class FormGroup:
    """What the case file flushes before it closes: the plan's form and the line's."""

    def __init__(self, *forms: Any) -> None:
        self._forms = forms

    def flush(self) -> None:
        for form in self._forms:
            form.flush()

    @property
    def editors(self) -> dict[str, Any]:
        """Every editor of both forms, as a RecordForm offers them (the look-only walk and
        the case file reach the plan's fields the same way as any other tab's)."""
        forms = [f for form in self._forms
                 for f in (form.forms.values() if hasattr(form, "forms") else (form,))]
        return {f"{i}.{name}": editor
                for i, form in enumerate(forms) for name, editor in form.editors.items()}


def plan_page(tab: Any) -> tuple[QWidget, QSplitter]:
    """The page "The plan": the toolbar over the lines and the chosen line's form; returns
    the page and the splitter between the lines and the form."""
    left = QWidget(tab)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(tab.status_label)
    left_layout.addWidget(tab.blockers_label)
    left_layout.addWidget(tab.nudge_label)
    left_layout.addWidget(tab.notes_label)
    left_layout.addWidget(tab.plan_choice)
    left_layout.addWidget(tab.tree, 1)
    right = QWidget(tab)
    right_layout = QVBoxLayout(right)
    # Beside the form where a warned-about line is repaired, not above the lines.
    right_layout.addWidget(tab.checks_label)
    right_layout.addWidget(tab.items)
    right_layout.addWidget(tab.scaling)  # under the danger statement it charts
    right_layout.addWidget(tab.review)
    right_layout.addWidget(tab.plan_form)
    right_layout.addStretch(1)
    scroll = QScrollArea(tab)
    scroll.setWidgetResizable(True)
    scroll.setWidget(right)
    # Both sides scroll rather than ask for their full width: the window must fit a
    # small screen beside the case list.
    left_scroll = QScrollArea(tab)
    left_scroll.setWidgetResizable(True)
    left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    left_scroll.setWidget(left)
    # Side by side the tree's two columns were cut in the case file's share of a
    # 1280×800 screen: there the form goes under the lines (see PlanTab.resizeEvent).
    body = QSplitter(Qt.Orientation.Horizontal, tab)
    body.addWidget(left_scroll)
    body.addWidget(scroll)
    body.setStretchFactor(0, 3)
    body.setStretchFactor(1, 2)
    # One toolbar over the plan, not rows of buttons above the lines: at 1280×800 the
    # rows left room for four lines of the plan.
    page = QWidget(tab)
    page_layout = QVBoxLayout(page)
    page_layout.setContentsMargins(0, 0, 0, 0)
    page_layout.setSpacing(0)
    page_layout.addWidget(tab.toolbar)
    page_layout.addWidget(body, 1)
    return page, body


def fit_columns(tree: QTreeView) -> None:
    """A part's title spans both columns (never cut); a line and what goes with it
    share the width, each at least as wide as its header."""
    metrics = tree.fontMetrics()
    header = tree.header()
    header.setMinimumSectionSize(max(metrics.horizontalAdvance(str(
        tree.model().headerData(c, Qt.Orientation.Horizontal))) + 24 for c in range(2)))
    for column in range(2):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    for row in range(tree.model().rowCount()):
        tree.setFirstColumnSpanned(row, QModelIndex(), True)
