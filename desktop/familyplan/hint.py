"""The readability hint under a field the family will read: a small, calm line with the
Flesch-Douma score, the sentence length and the share of long words, and what to do about
them. It follows the text a moment after typing stops, so it never slows typing down, and
it never blocks a thing: the worker decides.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop.casefile.form import RecordForm
from desktop.familyplan.readability import (
    CHILD_SENTENCE_WORDS,
    EASY_SCORE,
    LONG_SENTENCE_WORDS,
    Readability,
    readability,
)

translate = QCoreApplication.translate

# The text fields whose words end up in the plan for the family. A child's words are not
# among them: they are written as the child said them, never rewritten.
FAMILY_FIELDS = frozenset({"text", "goal", "family_view", "if_not_kept", "harm", "worries",
                           "working_well", "complicating_factors", "children_version"})
DELAY_MS = 400
MAX_LONG_WORDS = 5
FAIR_SCORE = 40.0


def level(result: Readability) -> str:
    if result.score >= EASY_SCORE:
        return translate("Readability", "easy")
    if result.score >= FAIR_SCORE:
        return translate("Readability", "fair")
    return translate("Readability", "hard")


def hint_text(result: Readability, limit: int = LONG_SENTENCE_WORDS) -> str:
    """`limit`: the words a sentence above which sentences read as long to its readers."""
    lines = [translate("Readability", "Readability: %1 (%2) · %3 words a sentence · %4% long "
                       "words").replace("%1", f"{result.score:.0f}").replace(
        "%2", level(result)).replace("%3", f"{result.average_sentence_length:.0f}").replace(
        "%4", f"{100 * result.long_share:.0f}")]
    if result.sentences_too_long(limit):
        lines.append(translate("Readability", "Short sentences read more easily."))
    if result.long_words:
        lines.append(translate("Readability", "Long words: %1").replace(
            "%1", ", ".join(result.long_words[:MAX_LONG_WORDS])))
    return "\n".join(lines)


class ReadabilityHint(QLabel):
    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None,
                 limit: int = LONG_SENTENCE_WORDS) -> None:
        super().__init__(parent)
        self.edit = edit
        self.limit = limit
        self.setObjectName("readabilityHint")
        self.setWordWrap(True)
        palette = self.palette()  # calm: the colour of a hint, not of a warning
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        self.setPalette(palette)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.follow)
        # The document, not the field: the form shows a stored value with the field's
        # signals blocked, and that text is read by the family too.
        edit.document().contentsChanged.connect(self.timer.start)
        self.hide()

    def follow(self) -> None:
        result = readability(self.edit.toPlainText())
        self.setText(hint_text(result, self.limit) if result.words else "")
        self.setVisible(bool(result.words))


def attach_hints(forms: Iterable[RecordForm]) -> list[ReadabilityHint]:
    """A hint under each family-read text field of `forms`, in the field's own cell."""
    hints = []
    for form in forms:
        for name, editor in form.editors.items():
            cell = editor.widget.parentWidget()
            layout = cell.layout() if cell is not None else None
            if name not in FAMILY_FIELDS or not isinstance(editor.widget, QPlainTextEdit) \
                    or layout is None:
                continue
            # The story is told to the children: their sentences are shorter still.
            limit = CHILD_SENTENCE_WORDS if name == "children_version" else LONG_SENTENCE_WORDS
            hint = ReadabilityHint(editor.widget, cell, limit)
            layout.addWidget(hint)
            hints.append(hint)
    return hints
