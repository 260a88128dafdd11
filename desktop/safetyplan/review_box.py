"""The team lead's decision on a submitted plan (approve or return, with a comment and a
comment per part), and for everyone the last decision with its comments."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import choice_label
from desktop.colleagues import Names
from desktop.safetyplan.words import SECTIONS, section_title
from sync.protocol import Record


def _comments(version: Record) -> dict[str, str]:
    try:
        value = json.loads(version.fields.get("section_comments") or "{}")
    except ValueError:
        return {}  # written by another version of the app: shown without its parts
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


class ReviewBox(QGroupBox):
    decided = Signal(object)  # {"decision", "comment", "section_comments"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.last = QLabel(self)
        self.last.setWordWrap(True)
        self.decision = QWidget(self)
        self.comment = QPlainTextEdit(self.decision)
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.section_comments: dict[str, QLineEdit] = {}
        per_part = QFormLayout()
        for section in SECTIONS:
            edit = QLineEdit(self.decision)
            edit.setAccessibleName(section_title(section))
            self.section_comments[section] = edit
            per_part.addRow(section_title(section), edit)
        self.approve_button = QPushButton(self.tr("Approv&e"), self.decision)
        self.return_button = QPushButton(self.tr("Ret&urn"), self.decision)
        self.approve_button.clicked.connect(lambda: self._decide("approved"))
        self.return_button.clicked.connect(lambda: self._decide("returned"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.decision)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(self.tr("Comment"), self.decision))
        inner.addWidget(self.comment)
        inner.addWidget(QLabel(self.tr("Comments per part"), self.decision))
        inner.addLayout(per_part)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last)
        layout.addWidget(self.decision)
        self.show_plan(None, False)

    def show_plan(self, plan: Record | None, can_decide: bool,
                  versions: list[Record] | None = None, names: Names | None = None) -> None:
        self.decision.setVisible(can_decide)
        latest = (versions or [])[-1] if versions else None
        self.last.setText(self._describe(latest, names or Names()) if latest is not None
                          else "")
        self.last.setVisible(latest is not None)
        self.setVisible(can_decide or latest is not None)
        if not can_decide:
            self.comment.clear()
            for edit in self.section_comments.values():
                edit.clear()

    def _describe(self, version: Record, names: Names) -> str:
        lines = [self.tr("Version %1: %2").replace(
            "%1", str(version.fields.get("version") or 1)).replace(
            "%2", choice_label(version.fields.get("decision")))]
        if version.fields.get("decided_by"):
            lines.append(self.tr("By %1").replace(
                "%1", names.colleague(version.fields["decided_by"])))
        if version.fields.get("comment"):
            lines.append(str(version.fields["comment"]))
        for section, text in _comments(version).items():
            lines.append(f"{section_title(section)}: {text}")
        return "\n".join(lines)

    def _decide(self, decision: str) -> None:
        fields: dict[str, Any] = {
            "decision": decision,
            "comment": self.comment.toPlainText().strip() or None,
            "section_comments": {s: e.text().strip() for s, e in self.section_comments.items()},
        }
        self.decided.emit(fields)
