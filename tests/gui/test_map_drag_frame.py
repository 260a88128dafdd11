"""A drag frame on the map draws what moves, not the whole map (issue 10's drag frame under
16 ms: each move used to repaint every tie whose area the dragged person's ties crossed).

While a person is dragged, the people and ties that stay put are shown as pictures taken at
the first move; they must look as before, and any other change puts the real items back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.networkmap import items
from desktop.networkmap.model import MapPerson, MapTie, NetworkModel
from desktop.networkmap.scene import MapScene
from desktop.networkmap.view import MapView

pytestmark = pytest.mark.gui


def _model(far: tuple[int, int] = (320, 160)) -> NetworkModel:
    """Anna is dragged; the tie between Cor and Dirk crosses where her ties go."""
    people = {
        "a": MapPerson("a", "Anna", gender="f", circle="household", genogram_at=(0, 0)),
        "b": MapPerson("b", "Bram", gender="m", circle="family", genogram_at=(240, 0)),
        "c": MapPerson("c", "Cor", gender="m", circle="network", genogram_at=(-160, -160)),
        "d": MapPerson("d", "Dirk", gender="m", circle="network", genogram_at=far),
    }
    ties = [MapTie("ab", "a", "b", type="family", quality="close"),
            MapTie("cd", "c", "d", type="family", quality="hostile")]
    return NetworkModel(people=people, ties=ties)


@pytest.fixture
def shown(qapp):
    scene = MapScene()
    scene.show_model(_model(), "genogram")
    view = MapView(scene)
    view.resize(700, 500)
    view.show()
    view.fit()
    QApplication.processEvents()
    yield scene, view
    view.close()


@pytest.fixture
def painted(monkeypatch):
    """How often each tie was drawn (the real drawing still runs)."""
    counts: dict[str, int] = {}
    real = items.TieItem.paint

    def paint(self, painter, option, widget=None):
        counts[self.tie.id] = counts.get(self.tie.id, 0) + 1
        real(self, painter, option, widget)

    monkeypatch.setattr(items.TieItem, "paint", paint)
    return counts


def _press_and_move(scene, view, steps: int = 4) -> QPoint:
    viewport = view.viewport()
    at = view.mapFromScene(scene.people["a"].pos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, at + QPoint(6 * step, 4 * step))
        QApplication.processEvents()
    return at


def _release(scene, view) -> None:
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier,
                       view.mapFromScene(scene.people["a"].pos()))
    QApplication.processEvents()


def test_a_drag_frame_draws_the_ties_that_move_and_not_those_that_stay(painted, shown):
    scene, view = shown
    at = view.mapFromScene(scene.people["a"].pos())
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseMove(view.viewport(), at + QPoint(3, 2))  # the first move takes the pictures
    QApplication.processEvents()
    painted.clear()
    for step in range(2, 7):
        QTest.mouseMove(view.viewport(), at + QPoint(6 * step, 4 * step))
        QApplication.processEvents()
    assert painted.get("ab", 0) >= 5  # Anna's tie follows her at every frame
    assert painted.get("cd", 0) == 0  # the tie between the others is in the picture
    assert scene.people["a"].pos().x() > 0
    _release(scene, view)


def test_the_pictures_look_like_the_items_they_stand_for(shown):
    scene, view = shown
    _press_and_move(scene, view)
    assert view.glass.active
    dirk = view.mapFromScene(scene.people["d"].sceneBoundingRect()).boundingRect()
    area = dirk.intersected(QRect(QPoint(0, 0), view.viewport().size()))
    during = view.viewport().grab(area).toImage()
    view.glass.lift()
    QApplication.processEvents()
    after = view.viewport().grab(area).toImage()
    assert not area.isEmpty() and during == after
    _release(scene, view)


def test_release_puts_every_item_back(shown):
    scene, view = shown
    _press_and_move(scene, view)
    assert view.glass.active and scene.people["d"].opacity() == 0
    _release(scene, view)
    assert not view.glass.active
    assert {item.opacity() for item in scene.items()} == {1.0}


def test_a_map_rebuilt_during_the_drag_is_drawn_as_it_is(shown):
    """An edit arriving by sync while the worker drags: the pictures would show Dirk where he
    was, so the items come back and show him where he is now."""
    scene, view = shown
    _press_and_move(scene, view)
    assert view.glass.active
    scene.show_model(_model(far=(-300, 200)), None)
    QApplication.processEvents()
    assert not view.glass.active
    assert scene.people["d"].pos().x() == -300 and scene.people["d"].opacity() == 1
    assert scene.people["a"].isSelected() and scene.dragging  # the drag goes on
    _release(scene, view)


def test_zooming_during_the_drag_puts_the_items_back(shown):
    scene, view = shown
    _press_and_move(scene, view)
    view.zoom_in()
    QApplication.processEvents()
    QApplication.processEvents()
    assert not view.glass.active
    assert {item.opacity() for item in scene.items()} == {1.0}
    _release(scene, view)


def test_dragging_someone_outside_the_household_leaves_its_outline_alone(shown):
    """The outline follows the household's members only; it was drawn anew, and its whole
    area repainted, at every move of anyone."""
    scene, view = shown
    outline = list(scene._backdrop)
    viewport = view.viewport()
    at = view.mapFromScene(scene.people["c"].pos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    for step in range(1, 4):
        QTest.mouseMove(viewport, at + QPoint(5 * step, 0))
        QApplication.processEvents()
    assert scene.people["c"].pos().x() > -160
    assert scene._backdrop == outline and outline  # the same items, not new ones
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       view.mapFromScene(scene.people["c"].pos()))
    _press_and_move(scene, view)  # Anna is of the household: her outline follows her
    assert scene._backdrop != outline
    _release(scene, view)


def test_a_faded_item_stays_faded_and_shows_once(shown):
    """An item drawn see-through (as a map may show a tie that ended) is in a picture once,
    not also drawn over it, and keeps its own look after the drag."""
    scene, view = shown
    faded = scene.ties["cd"]
    faded.setOpacity(0.4)
    QApplication.processEvents()
    _press_and_move(scene, view)
    assert view.glass.active and faded.opacity() == 0
    area = view.mapFromScene(faded.sceneBoundingRect()).boundingRect().intersected(
        QRect(QPoint(0, 0), view.viewport().size()))
    moving = [view.mapFromScene(item.sceneBoundingRect()).boundingRect()
              for item in (*scene.people.values(), scene.ties["ab"])]
    during = view.viewport().grab(area).toImage()
    view.glass.lift()
    QApplication.processEvents()
    after = view.viewport().grab(area).toImage()
    changed = [(x, y) for x in range(0, area.width(), 2) for y in range(0, area.height(), 2)
               if during.pixel(x, y) != after.pixel(x, y)
               and not any(r.contains(area.topLeft() + QPoint(x, y)) for r in moving)]
    assert changed == []  # away from the people and Anna's tie, both look alike
    _release(scene, view)
    assert faded.opacity() == pytest.approx(0.4)
