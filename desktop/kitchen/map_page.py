"""The network map at the table: the map tab's scene and view, only to look at, with a
switch that keeps the emotional lines (conflict, violence, a cut-off, …) off the map until
the family is ready to talk about them. Off by default: the worker chooses the moment.

Hidden lines are left out of the model the scene draws, so no item, tooltip or legend of
them exists while they are hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QGraphicsView, QVBoxLayout, QWidget

from desktop.kitchen.look import large
from desktop.networkmap.model import NetworkModel, build
from desktop.networkmap.scene import MapScene
from desktop.networkmap.view import MapView
from sync.protocol import Record
from sync.schema import QUALITIES

# The lines that carry no hurt: a tie with none of these (or an unknown one, from a newer
# laptop) is an emotional line and waits for the switch.
CALM_QUALITIES = frozenset({None, "strong", "normal", "weak", "close"})
EMOTIONAL_QUALITIES = frozenset(QUALITIES) - CALM_QUALITIES


def calm(model: NetworkModel) -> NetworkModel:
    return NetworkModel(people=model.people,
                        ties=[t for t in model.ties if t.quality in CALM_QUALITIES],
                        problems=[])


class MapPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NetworkModel()
        self.scene = MapScene(self)
        self.view = MapView(self.scene, self)
        self.view.setInteractive(False)  # nobody moves or changes anyone here
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setAccessibleName(self.tr("Network map"))
        self.switch = QCheckBox(self.tr("Also show the difficult lines"), self)
        self.switch.setAccessibleName(self.tr("Also show the difficult lines"))
        large(self.switch)
        self.switch.toggled.connect(lambda _on: self._draw())
        layout = QVBoxLayout(self)
        layout.addWidget(self.switch)
        layout.addWidget(self.view, 1)

    def show_map(self, people: Sequence[Record], ties: Sequence[Record]) -> None:
        self.model = build(people, ties)
        self._draw()

    def _draw(self) -> None:
        model = self.model if self.switch.isChecked() else calm(self.model)
        self.scene.show_model(model, "ecogram")
        self.view.fitted = False
        self.view.fit()
