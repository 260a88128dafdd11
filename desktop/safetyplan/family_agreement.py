"""Marking the plan agreed asks who of the family agreed to it: a tick box for each of the
family's people on the map (household and family, or anyone not yet placed in a circle)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sync.protocol import Record

FAMILY_CIRCLES = ("household", "family", None)


def family(people: Iterable[Record]) -> list[Record]:
    """Who can agree for the family: the living people of the household and the family."""
    return [p for p in people if not p.deleted and p.fields.get("circle") in FAMILY_CIRCLES
            and p.fields.get("deceased") is not True]


class AgreeDialog(QDialog):
    """`agreed()` is the ticked person ids, in the order shown; OK needs at least one."""

    def __init__(self, people: list[Record], ticked: Iterable[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who agreed to the plan?"))
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Tick who of the family agreed to this plan."), self)
        question.setWordWrap(True)
        layout.addWidget(question)
        chosen = set(ticked)
        self.boxes: dict[str, QCheckBox] = {}
        for person in people:
            name = str(person.fields.get("name") or "")
            box = QCheckBox(name, self)
            box.setAccessibleName(name)
            box.setChecked(person.id in chosen)
            box.toggled.connect(self._update)
            self.boxes[person.id] = box
            layout.addWidget(box)
        if not people:
            layout.addWidget(QLabel(self.tr("Nobody of the family is on the network map yet: "
                                            "put them on the map first."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = QPushButton(self.tr("Mark as &agreed"), self)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def agreed(self) -> list[str]:
        return [pid for pid, box in self.boxes.items() if box.isChecked()]

    def _update(self, *_: object) -> None:
        self.ok_button.setEnabled(bool(self.agreed()))
