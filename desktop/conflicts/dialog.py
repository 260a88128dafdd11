"""Resolving one conflict side by side: what the service kept, what came in, the common base.

The worker keeps one side, or (for free text) edits a merged text. The dialog only decides
the value (`chosen_value`); the inbox hands it to the store, which queues it for the sync.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.colleagues import Names, named_value
from desktop.conflicts.model import field_label, kind_label, who
from sync.protocol import DELETED, Conflict
from sync.schema import KINDS

_UNSET = object()


translate = QCoreApplication.translate


def describe(value: Any, kind: str | None = None, name: str | None = None,
             names: Names | None = None) -> str:
    """A value as the worker reads it; a field's user or team ids by name."""
    if value is None or value == "" or value == []:
        return translate("ResolveDialog", "(empty)")
    if value == DELETED:
        return translate("ResolveDialog", "(deleted)")
    named = named_value(kind, name, value, names or Names()) if kind and name else None
    if named:
        return named
    if isinstance(value, bool):
        return translate("ResolveDialog", "yes") if value else translate("ResolveDialog", "no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {describe(v, kind, k, names)}" for k, v in sorted(value.items()))
    return str(value)


def is_text_field(conflict: Conflict) -> bool:
    kind = KINDS.get(conflict.kind)
    if kind is None or conflict.field is None:
        return False
    spec = kind.fields.get(conflict.field)
    return spec is not None and spec.type in ("text", "str")


class ResolveDialog(QDialog):
    """Shows one conflict; `chosen_value` holds the value to keep after `accept()`."""

    def __init__(
        self,
        conflict: Conflict,
        case_title: str,
        parent: QWidget | None = None,
        *,
        me: str | None = None,
        names: Names | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.names = names or Names()
        self.chosen_value: Any = _UNSET
        self.setWindowTitle(self.tr("Resolve conflict"))
        self.setMinimumSize(800, 480)

        what = (
            field_label(conflict.field, conflict.kind) if conflict.field is not None
            else self.tr("the whole item")
        )
        heading = QLabel(self.tr("%1 — %2: %3").replace("%1", case_title)
                         .replace("%2", kind_label(conflict.kind)).replace("%3", what))
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)
        explain = QLabel(self.tr(
            "Two people changed this at the same time. Nothing has been lost: choose what "
            "stays, or write the combined text."
        ))
        explain.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        # Worded from the worker's side: the service's version against theirs (or, when a
        # colleague's change came in, that colleague's).
        mine = bool(me) and conflict.incoming_by == me
        other = who(conflict.incoming_by, me, names)
        incoming_title = (self.tr("Your version") if mine
                          else self.tr("Version of %1").replace("%1", other))
        self.kept = self._pane(conflict.kept, self.tr("Version on the service"))
        self.incoming = self._pane(conflict.incoming, incoming_title)
        self.base = self._pane(conflict.base, self.tr("How it was first (before both changes)"))
        captions = (
            self.tr("Version on the service\n(by %1)").replace(
                "%1", who(conflict.kept_by, me, names)),
            incoming_title + "\n",
            self.tr("How it was first\n(before both changes)"),
        )
        for column, (caption, pane) in enumerate(
            zip(captions, (self.kept, self.incoming, self.base), strict=True)
        ):
            label = QLabel(caption)
            label.setBuddy(pane)
            grid.addWidget(label, 0, column)
            grid.addWidget(pane, 1, column)
            grid.setColumnStretch(column, 1)

        self.keep_kept = QPushButton(self.tr("Keep the version on the &service"))
        self.keep_incoming = QPushButton(
            self.tr("Keep &your version") if mine
            else self.tr("Keep the version of %1").replace("%1", other))
        self.keep_kept.clicked.connect(lambda: self._choose(conflict.kept))
        self.keep_incoming.clicked.connect(lambda: self._choose(conflict.incoming))
        cancel = QPushButton(self.tr("&Decide later"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_kept)
        buttons.addWidget(self.keep_incoming)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(grid, 1)

        self.merged: QPlainTextEdit | None = None
        self.keep_merged: QPushButton | None = None
        if is_text_field(conflict):
            self.merged = QPlainTextEdit(describe_for_edit(conflict.kept))
            self.merged.setAccessibleName(self.tr("Combined text"))
            merged_label = QLabel(self.tr("Com&bined text"))
            merged_label.setBuddy(self.merged)
            self.keep_merged = QPushButton(self.tr("Keep the &combined text"))
            self.keep_merged.clicked.connect(self._choose_merged)
            layout.addWidget(merged_label)
            layout.addWidget(self.merged, 1)
            buttons.addWidget(self.keep_merged)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        for button in (self.keep_kept, self.keep_incoming, cancel):
            button.setAccessibleName(button.text().replace("&", ""))
        if self.keep_merged is not None:
            self.keep_merged.setAccessibleName(self.keep_merged.text().replace("&", ""))

    def _pane(self, value: Any, name: str) -> QPlainTextEdit:
        pane = QPlainTextEdit(describe(value, self.conflict.kind, self.conflict.field,
                                       self.names))
        pane.setReadOnly(True)
        pane.setAccessibleName(name)
        pane.setTabChangesFocus(True)
        pane.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        return pane

    @property
    def decided(self) -> bool:
        return self.chosen_value is not _UNSET

    def _choose(self, value: Any) -> None:
        self.chosen_value = value
        self.accept()

    @Slot()
    def _choose_merged(self) -> None:
        assert self.merged is not None
        self._choose(self.merged.toPlainText())


def describe_for_edit(value: Any) -> str:
    if value is None or value == DELETED:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
