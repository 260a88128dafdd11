"""The comparison of two moments of the network: two snapshots, or a snapshot and now."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import field_label
from desktop.networkmap.snapshot import Comparison, Snapshot, compare, parse
from desktop.networkmap.words import value_label
from sync.protocol import Record


def _date(value: str | None) -> str:
    try:
        return dt.date.fromisoformat(value or "").strftime("%d-%m-%Y")
    except ValueError:
        return value or ""


class CompareDialog(QDialog):
    def __init__(self, snapshots: list[Record], now: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare the network at two moments"))
        self.moments: list[tuple[str, Snapshot]] = [
            (self.tr("Snapshot of %1").replace("%1", _date(r.fields.get("taken_on"))),
             parse(r.fields.get("content")))
            for r in sorted(snapshots, key=lambda r: (r.fields.get("taken_on") or "", r.id))
        ]
        self.moments.append((self.tr("Now"), parse(now)))
        self.differences = QListWidget(self)
        self.differences.setAccessibleName(self.tr("What changed"))
        self.before = QComboBox(self)
        self.after = QComboBox(self)
        for combo in (self.before, self.after):
            combo.addItems([label for label, _ in self.moments])
            combo.currentIndexChanged.connect(self._show)
        self.before.setCurrentIndex(max(0, len(self.moments) - 2))
        self.after.setCurrentIndex(len(self.moments) - 1)
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.before)
        form.addRow(self.tr("&To"), self.after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self._show()

    def texts(self) -> list[str]:
        return [self.differences.item(i).text() for i in range(self.differences.count())]

    def _show(self) -> None:
        before = self.moments[self.before.currentIndex()][1]
        after = self.moments[self.after.currentIndex()][1]
        lines = []
        if not (before.readable and after.readable):
            lines.append(self.tr("A snapshot could not be read (it may come from a newer "
                                 "version); it counts as empty."))
        lines += self.lines(compare(before, after))
        self.differences.clear()
        self.differences.addItems(lines or [self.tr("Nothing changed between these two "
                                                    "moments.")])

    def lines(self, result: Comparison) -> list[str]:
        out = [self.tr("%1 has joined the network").replace("%1", n) for n in result.added]
        out += [self.tr("%1 is no longer in the network").replace("%1", n) for n in result.left]
        for a, b, kind in result.begun:
            out.append(self.tr("New tie: %1 – %2 (%3)").replace("%1", a).replace("%2", b)
                       .replace("%3", value_label(kind)))
        for a, b, kind in result.ended:
            out.append(self.tr("Tie ended: %1 – %2 (%3)").replace("%1", a).replace("%2", b)
                       .replace("%3", value_label(kind)))
        for change in result.changed:
            def show(value: object) -> str:
                if isinstance(value, list):
                    return " ".join(str(v) for v in value) or "—"
                return value_label(value) if isinstance(value, str) else "—"

            out.append(self.tr("%1 – %2: %3 was %4, is now %5")
                       .replace("%1", change.a).replace("%2", change.b)
                       .replace("%3", field_label(change.field, "relationship").lower())
                       .replace("%4", show(change.before)).replace("%5", show(change.after)))
        return out
