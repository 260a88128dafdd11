"""The comparison of two moments of the network: two snapshots, or a snapshot and now.

The later moment is drawn on the map with what changed marked in words (compare_scene.py);
beside it the same differences as a list a screen reader reads, and one sentence on
whether the circle of support around the children grew.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsView,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.casefile.labels import field_label
from desktop.i18n import local_day
from desktop.networkmap.compare_scene import CompareScene
from desktop.networkmap.snapshot import Comparison, Snapshot, compare, parse
from desktop.networkmap.view import MapView
from desktop.networkmap.words import value_label
from sync.protocol import Record


def newest_per_visit(snapshots: list[Record]) -> list[Record]:
    """A visit saved again after the map changed has several snapshots: the newest one
    stands for the visit. Snapshots taken by hand all stay."""
    by_visit: dict[str, Record] = {}
    loose = []
    for record in snapshots:
        visit_id = record.fields.get("visit_id")
        if not visit_id:
            loose.append(record)
            continue
        kept = by_visit.get(visit_id)
        if kept is None or (record.updated_at or "", record.id) > (kept.updated_at or "",
                                                                    kept.id):
            by_visit[visit_id] = record
    return [*loose, *by_visit.values()]


class CompareDialog(QDialog):
    def __init__(self, snapshots: list[Record], now: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare the network at two moments"))
        self.moments: list[tuple[str, Snapshot]] = [
            (self.moment_name(r), parse(r.fields.get("content")))
            for r in sorted(newest_per_visit(snapshots),
                            key=lambda r: (r.fields.get("taken_on") or "", r.id))
        ]
        self.moments.append((self.tr("Now"), parse(now)))
        self.result = Comparison()
        self.differences = QListWidget(self)
        self.differences.setAccessibleName(self.tr("What changed"))
        self.differences.setWordWrap(True)  # each difference read whole, never cut off
        self.circle = QLabel(self)
        self.circle.setWordWrap(True)
        self.circle.setTextFormat(Qt.TextFormat.PlainText)
        self.circle.setAccessibleName(self.tr("The circle of support around the children"))
        self.scene = CompareScene(self)
        self.map = MapView(self.scene, self)
        self.map.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.map.setAccessibleName(self.tr("The later moment on the map, with what changed "
                                           "marked"))
        self.before = QComboBox(self)
        self.after = QComboBox(self)
        self.view_choice = QComboBox(self)
        self.view_choice.addItem(self.tr("Ecogram"), "ecogram")
        self.view_choice.addItem(self.tr("Genogram"), "genogram")
        for combo in (self.before, self.after):
            combo.addItems([label for label, _ in self.moments])
        self.before.setCurrentIndex(max(0, len(self.moments) - 2))
        self.after.setCurrentIndex(len(self.moments) - 1)
        for combo in (self.before, self.after, self.view_choice):
            combo.currentIndexChanged.connect(self._show)
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.before)
        form.addRow(self.tr("&To"), self.after)
        form.addRow(self.tr("&Drawing"), self.view_choice)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.circle)
        side_layout.addWidget(self.differences, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.map)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])  # the list gets room to read, not what is left over
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self._show()

    def moment_name(self, record: Record) -> str:
        date = local_day(record.fields.get("taken_on"))
        if record.fields.get("visit_id"):
            return self.tr("Home visit %1").replace("%1", date)
        return self.tr("Snapshot of %1").replace("%1", date)

    def texts(self) -> list[str]:
        return [self.differences.item(i).text() for i in range(self.differences.count())]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.map.fit()

    def _show(self, *_: Any) -> None:
        before = self.moments[self.before.currentIndex()][1]
        after = self.moments[self.after.currentIndex()][1]
        self.result = result = compare(before, after)
        lines = []
        if not (before.readable and after.readable):
            lines.append(self.tr("A snapshot could not be read (it may come from a newer "
                                 "version); it counts as empty."))
        lines += self.lines(result)
        self.differences.clear()
        self.differences.addItems(lines or [self.tr("Nothing changed between these two "
                                                    "moments.")])
        self.circle.setText("\n".join(self.circle_lines(result)))
        self.scene.show_comparison(before, after, result, self.view_choice.currentData())
        if self.isVisible():
            self.map.fit()

    def circle_lines(self, result: Comparison) -> list[str]:
        around = result.circle_after.around
        if around == "nobody":
            around = result.circle_before.around
        if around == "nobody":
            return [self.tr("No child is marked as the one the worry is about and nobody "
                            "lives in the household, so there is no circle to count.")]
        was, now = len(result.circle_before.members), len(result.circle_after.members)
        children = around == "children"
        if now > was:
            text = (self.tr("The circle around the children has grown: %1 → %n person(s)", "",
                            now) if children else
                    self.tr("The circle around the household has grown: %1 → %n person(s)", "",
                            now))
        elif now < was:
            text = (self.tr("The circle around the children has become smaller: %1 → %n "
                            "person(s)", "", now) if children else
                    self.tr("The circle around the household has become smaller: %1 → %n "
                            "person(s)", "", now))
        else:
            text = (self.tr("The circle around the children has stayed the same: %n person(s)",
                            "", now) if children else
                    self.tr("The circle around the household has stayed the same: %n person(s)",
                            "", now))
        out = [text.replace("%1", str(was))]
        if result.circle_joined:
            out.append(self.tr("Joined the circle: %1").replace(
                "%1", ", ".join(result.circle_joined)))
        if result.circle_left:
            out.append(self.tr("No longer in the circle: %1").replace(
                "%1", ", ".join(result.circle_left)))
        return out

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
