"""A label that never asks for more room than it gets: long text ends in "…" and the whole
text is in the tooltip.

A plain QLabel asks for the width of its whole text as its minimum, and a top-level window
grows to its children's minimum: one family name of 87 characters made the window wider than
the screen. This label asks for a few characters' width and a fixed number of lines, so the
layout (and the window) keeps one size whatever the text.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QWidget

MIN_CHARS = 8  # what is left of a name in the narrowest layout


class ElidedLabel(QLabel):
    """`text()` stays the whole text; each of its lines is drawn elided to the width."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, lines: int = 1,
                 break_at: str = "") -> None:
        super().__init__(parent)
        self.lines = lines
        # A line too long for the width breaks at this separator first, while lines are left.
        self.break_at = break_at
        self.detail = ""  # a longer text for the tooltip than the one shown
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._update_tooltip()
        self.update()

    def set_text(self, text: str, detail: str = "") -> None:
        """Show `text`; `detail` (the whole story) is in the tooltip."""
        self.detail = detail if detail != text else ""
        self.setText(text)

    def _laid_out_lines(self, width: int) -> list[str]:
        metrics = self.fontMetrics()
        lines: list[str] = []
        for line in self.text().split("\n"):
            if not self.break_at or metrics.horizontalAdvance(line) <= width:
                lines.append(line)
                continue
            parts = line.split(self.break_at)
            current = parts[0]
            for part in parts[1:]:
                joined = current + self.break_at + part
                if metrics.horizontalAdvance(joined) <= width:
                    current = joined
                else:
                    lines.append(current)
                    current = part
            lines.append(current)
        if len(lines) > self.lines:  # the last line shown carries the rest, elided
            lines = [*lines[: self.lines - 1], self.break_at.join(lines[self.lines - 1:])]
        return lines

    def _elided_lines(self) -> list[str]:
        width = max(0, self.contentsRect().width())
        metrics = self.fontMetrics()
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                for line in self._laid_out_lines(width)]

    def is_elided(self) -> bool:
        width = max(0, self.contentsRect().width())
        return self._elided_lines() != self._laid_out_lines(width)

    def _update_tooltip(self) -> None:
        if self.detail:
            self.setToolTip(self.detail)
        else:
            self.setToolTip(self.text() if self.text() and self.is_elided() else "")

    def _height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * self.lines + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widest = max((self.fontMetrics().horizontalAdvance(line)
                      for line in self.text().split("\n")), default=0)
        margins = self.contentsMargins()
        return QSize(widest + margins.left() + margins.right(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().averageCharWidth() * MIN_CHARS, self._height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        spacing = self.fontMetrics().lineSpacing()
        for number, line in enumerate(self._elided_lines()[: self.lines]):
            line_rect = rect.adjusted(0, number * spacing, 0, 0)
            line_rect.setHeight(spacing)
            self.style().drawItemText(
                painter, line_rect, int(self.alignment()), option.palette,
                self.isEnabled(), line, self.foregroundRole())
