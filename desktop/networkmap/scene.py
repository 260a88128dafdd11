"""The map's QGraphicsScene: builds the items of one view from the model, follows a new
model without disturbing what the worker is dragging, and reports moves made by hand.

The scene never writes: `moved` says who the worker moved from where to where, and the tab
turns that into an undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from desktop.networkmap import layout, style
from desktop.networkmap.items import PersonItem, TieItem
from desktop.networkmap.model import PARENT_TYPES, PARTNER_TYPES, MapTie, NetworkModel
from desktop.networkmap.period import ended
from desktop.networkmap.words import sector_label

Point = tuple[int, int]
Move = dict[str, tuple[Point, Point]]  # person id -> (from, to)
NUDGE = 10  # an arrow key moves the chosen people this far


class MapScene(QGraphicsScene):
    moved = Signal(object)  # Move: what the worker dragged or nudged, on release
    selection_ids_changed = Signal()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.view_name = "genogram"
        self.model = NetworkModel()
        self.disputed: frozenset[str] = frozenset()  # ties whose views differ (all views)
        self.conflicted: frozenset[str] = frozenset()  # people and ties with an open conflict
        self.people: dict[str, PersonItem] = {}
        self.ties: dict[str, TieItem] = {}
        self._backdrop: list[QGraphicsItem] = []
        self._pressed: dict[str, Point] | None = None  # set while the worker drags
        self._rebuilding = False
        self._parents: dict[str, set[str]] = {}
        self._partners: dict[str, set[str]] = {}
        self._twins: dict[str, set[str]] = {}
        self.selectionChanged.connect(self.selection_ids_changed)

    # -- showing the model ------------------------------------------------------------------

    @property
    def dragging(self) -> bool:
        return self._pressed is not None

    def show_model(self, model: NetworkModel, view_name: str | None = None) -> None:
        """Show `model` in `view_name` (or the current view). Someone the worker is dragging
        stays under the pointer; the rest go where the model (or the layout) puts them."""
        switching = view_name is not None and view_name != self.view_name
        if view_name is not None:
            self.view_name = view_name
        self.model = model
        self._index_family(model)
        faults = model.problem_ids()
        places = layout.place(model, self.view_name)
        held = set(self._pressed or ()) if not switching else set()
        self._rebuilding = True
        try:
            for person_id in [p for p in self.people if p not in model.people]:
                self.removeItem(self.people.pop(person_id))
            for person_id, person in model.people.items():
                item = self.people.get(person_id)
                if item is None:
                    item = PersonItem(person, person_id in faults)
                    self.people[person_id] = item
                    self.addItem(item)
                else:
                    item.set_person(person, person_id in faults)
                if person_id not in held:
                    item.setPos(QPointF(*places[person_id]))
            for tie_item in self.ties.values():
                self.removeItem(tie_item)
            selected = {t for t, i in self.ties.items() if i.isSelected()}
            self.ties = {}
            for tie in model.ties:
                item = TieItem(tie, tie.id in faults)
                self.ties[tie.id] = item
                self.addItem(item)
                item.setVisible(self.view_name == "ecogram" or style.genogram_draws(tie))
                item.geometry_changed()
                item.setSelected(tie.id in selected)
            self._draw_backdrop()
        finally:
            self._rebuilding = False
        self.selection_ids_changed.emit()

    def position_of(self, person_id: str) -> QPointF:
        item = self.people.get(person_id)
        return item.pos() if item is not None else QPointF()

    def _index_family(self, model: NetworkModel) -> None:
        # Looked up for every child line at every drag frame: built once per model.
        self._parents: dict[str, set[str]] = {}
        self._partners: dict[str, set[str]] = {}
        twin_links: dict[str, set[str]] = {}
        for tie in model.ties:
            if tie.type in PARENT_TYPES:
                self._parents.setdefault(tie.b, set()).add(tie.a)
            elif tie.type in PARTNER_TYPES:
                self._partners.setdefault(tie.a, set()).add(tie.b)
                self._partners.setdefault(tie.b, set()).add(tie.a)
            elif tie.type == "twin":
                twin_links.setdefault(tie.a, set()).add(tie.b)
                twin_links.setdefault(tie.b, set()).add(tie.a)
        self._twins = _groups(twin_links)

    def twin_fork(self, tie: MapTie) -> float | None:
        """For a child line to a twin: the x where the lines to the twins of this parent part
        (between them), so they start from one point as the genogram draws twins; else None."""
        parent, child = tie.a, tie.b
        twins = [t for t in self._twins.get(child, ()) if parent in self._parents.get(t, ())]
        if not twins:
            return None
        xs = [self.position_of(p).x() for p in (child, *twins)]
        return sum(xs) / len(xs)

    def forked(self, tie: MapTie) -> bool:
        """A twin tie whose twins' child lines share a point: that fork says "twins" already."""
        return tie.type == "twin" and bool(
            self._parents.get(tie.a, set()) & self._parents.get(tie.b, set()))

    def descent_point(self, tie: MapTie) -> QPointF:
        """Where a child line starts: the middle of the parents' partner line when the other
        parent of the child is this parent's partner, else below the parent."""
        parent, child = tie.a, tie.b
        shared = sorted(self._partners.get(parent, set()) & self._parents.get(child, set()))
        if shared:
            return (self.position_of(parent) + self.position_of(shared[0])) / 2
        here = self.position_of(parent)
        return QPointF(here.x(), here.y() + style.RADIUS)

    def person_moved(self, person_id: str) -> None:
        if self._rebuilding:
            return
        partners = self._partners.get(person_id, set())
        twins = self._twins.get(person_id, set())
        for item in self.ties.values():
            tie = item.tie
            # A child line starts between its parents and a twin's line parts from its twin's:
            # it follows any of them.
            if person_id in (tie.a, tie.b) or (tie.type in PARENT_TYPES and (
                    tie.a in partners or tie.b in twins)):
                item.geometry_changed()
        person = self.model.people.get(person_id)
        if self.view_name == "genogram" and person is not None and person.household:
            # Only the household's outline follows its members; redrawing it for anyone
            # else repainted the whole outline's area at every drag frame.
            self._draw_backdrop()

    def _draw_backdrop(self) -> None:
        for item in self._backdrop:
            self.removeItem(item)
        self._backdrop = []
        if self.view_name == "ecogram":
            self._draw_rings()
        self._draw_household()

    def _add_backdrop(self, item: QGraphicsItem) -> None:
        item.setZValue(-1)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(item)
        self._backdrop.append(item)

    def _draw_rings(self) -> None:
        for radius in layout.RING_EDGES[1:]:
            ring = QGraphicsEllipseItem(QRectF(-radius, -radius, 2 * radius, 2 * radius))
            ring.setPen(style.pen(1, color=QColor("#bbbbbb")))
            self._add_backdrop(ring)
        edge = layout.RING_EDGES[-1]
        for angle in (0, 90, 180, 270):  # the four sectors
            path = QPainterPath(QPointF(0, 0))
            path.lineTo(layout._on_circle(edge, angle)[0], layout._on_circle(edge, angle)[1])
            line = QGraphicsPathItem(path)
            line.setPen(style.pen(1, Qt.PenStyle.DashLine, QColor("#bbbbbb")))
            self._add_backdrop(line)
        font = QFont()
        font.setPointSizeF(11)
        for sector, start in layout.SECTOR_START.items():
            x, y = layout._on_circle(edge + 30, start + 45)
            label = QGraphicsSimpleTextItem(sector_label(sector))
            label.setFont(font)
            label.setBrush(style.MUTED)
            rect = label.boundingRect()
            label.setPos(x - rect.width() / 2, y - rect.height() / 2)
            self._add_backdrop(label)

    def _draw_household(self) -> None:
        members = [self.people[p] for p, person in self.model.people.items() if person.household]
        if not members:
            return
        # One band per row of members, reaching down to the next row, joined into one
        # outline: someone of another household who stands between the rows stays outside.
        rows: dict[int, list[PersonItem]] = {}
        for item in members:
            rows.setdefault(round(item.pos().y()), []).append(item)
        levels = sorted(rows)
        if self.view_name == "ecogram":
            levels, rows = [0], {0: members}  # the household is one group in the middle
        path = QPainterPath()
        for index, level in enumerate(levels):
            xs = [item.pos().x() for item in rows[level]]
            ys = [item.pos().y() for item in rows[level]]
            reach = 60 if index == len(levels) - 1 else max(60, levels[index + 1] - level - 30)
            band = QPainterPath()
            band.addRoundedRect(QRectF(QPointF(min(xs) - 50, min(ys) - 40),
                                       QPointF(max(xs) + 50, max(ys) + reach)), 24, 24)
            path = path.united(band)
        outline = QGraphicsPathItem()
        outline.setPath(path)
        outline.setPen(style.pen(1.5, Qt.PenStyle.DotLine))
        self._add_backdrop(outline)

    # -- what the current map uses, for the legend -------------------------------------------

    def legend_keys(self) -> list[tuple[str, ...]]:
        keys: list[tuple[str, ...]] = []

        def add(*key: str) -> None:
            if key not in keys:
                keys.append(key)

        for person in self.model.people.values():
            add("symbol", person.gender if person.gender in ("m", "f") else "x")
        if any(p.index_person for p in self.model.people.values()):
            add("index")
        if any(p.deceased for p in self.model.people.values()):
            add("deceased")
        if any(p.household for p in self.model.people.values()):
            add("household")
        if self.view_name == "ecogram" and self.model.people:
            add("rings")
        for tie in self.model.ties:
            if self.view_name == "genogram" and not style.genogram_draws(tie):
                continue
            if self.view_name == "genogram":
                if tie.type in PARTNER_TYPES:
                    add("partner", tie.type or "")
                elif tie.type in PARENT_TYPES:
                    add("child", tie.type or "")
                elif self.forked(tie):
                    add("twins")
                elif tie.quality not in style.GENOGRAM_QUALITIES:
                    add("other")
                if tie.quality in style.GENOGRAM_QUALITIES or not tie.known_quality:
                    add("quality", tie.quality or "")
            else:
                add("quality", tie.quality or "normal")
                if tie.direction in ("to", "from", "both"):
                    add("arrow")
                for letter in tie.support:
                    add("support", letter)
        if any(ended(t) for t in self.model.ties
               if self.view_name == "ecogram" or style.genogram_draws(t)):
            add("ended")
        if self.conflicted & {*self.model.people, *(t.id for t in self.model.ties)}:
            add("conflict")
        if any(t.id in self.disputed for t in self.model.ties):
            add("disputed")
        if self.model.problems:
            add("problem")
        return keys

    # -- what the worker does ----------------------------------------------------------------

    def selected_people(self) -> list[str]:
        return sorted(p for p, item in self.people.items() if item.isSelected())

    def selected_ties(self) -> list[str]:
        return sorted(t for t, item in self.ties.items()
                      if item.isSelected() and item.isVisible())

    def select_ids(self, ids: set[str]) -> None:
        for tie_id, item in self.ties.items():
            # A tie this view does not draw shows while it is chosen (from the list).
            item.setVisible(self.view_name == "ecogram" or style.genogram_draws(item.tie)
                            or tie_id in ids)
        for item_id, item in [*self.people.items(), *self.ties.items()]:
            item.setSelected(item_id in ids)

    def _positions(self, ids: list[str]) -> dict[str, Point]:
        return {p: (round(self.people[p].pos().x()), round(self.people[p].pos().y()))
                for p in ids if p in self.people}

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.selected_people():
            self._pressed = self._positions(self.selected_people())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed:
            self._report(pressed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps = {
            Qt.Key.Key_Left: (-NUDGE, 0), Qt.Key.Key_Right: (NUDGE, 0),
            Qt.Key.Key_Up: (0, -NUDGE), Qt.Key.Key_Down: (0, NUDGE),
        }
        step = steps.get(Qt.Key(event.key()))
        chosen = self.selected_people()
        if step is None or not chosen:
            super().keyPressEvent(event)
            return
        before = self._positions(chosen)
        for person_id in chosen:
            self.people[person_id].moveBy(*step)
        self._report(before)
        event.accept()

    def _report(self, before: dict[str, Point]) -> None:
        after = self._positions(list(before))
        moves = {p: (before[p], after[p]) for p in before if p in after and before[p] != after[p]}
        if moves:
            self.moved.emit(moves)


def _groups(links: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each person's others in their group of linked people (twins, triplets)."""
    out: dict[str, set[str]] = {}
    for start in sorted(links):
        if start in out:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in links[todo.pop()]:
                if other not in group:
                    group.add(other)
                    todo.append(other)
        for member in group:
            out[member] = group - {member}
    return out
