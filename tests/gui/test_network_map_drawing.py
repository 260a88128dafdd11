"""The network map's drawing on its own, without a store: every style and bad data, the list
model, fitting and zooming, touch, twins and ended ties."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from desktop.networkmap.listmodel import ID_ROLE
from desktop.networkmap.words import legend_text

pytestmark = pytest.mark.gui


@dataclass
class Rec:
    """A record as the map model reads it, without a store."""

    id: str
    fields: dict = field(default_factory=dict)
    deleted: bool = False


def test_the_list_model_of_an_empty_and_a_faulty_map(qtmodeltester, qapp):
    from desktop.networkmap.listmodel import MapListModel
    from desktop.networkmap.model import build

    model = MapListModel()
    qtmodeltester.check(model)
    model.set_model(build([Rec("a", {"name": "A"})], [
        Rec("t", {"from_person_id": "a", "to_person_id": "a", "type": "friend"}),
        Rec("u", {"from_person_id": "a", "to_person_id": "gone"})]), "genogram")
    qtmodeltester.check(model)
    faults = model.index(2, 0)
    assert faults.data() == "What does not add up (2)"
    assert {model.index(i, 0, faults).data(ID_ROLE) for i in range(2)} == {"t", "u"}


def test_every_style_and_bad_data_draw_in_both_views(qapp):
    """Paint every tie type and quality, every symbol and the faults, in both views: the
    drawing never raises, and the legend names each style in words."""
    from PySide6.QtGui import QImage, QPainter

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from sync.schema import QUALITIES, RELATIONSHIP_TYPES

    genders = ["m", "f", "x", None]
    people = [Rec(f"p{i:02d}", {"name": f"Persoon {i}", "gender": genders[i % 4],
                                "deceased": i % 5 == 0, "index_person": i % 7 == 0,
                                "circle": ["household", "family", "network", "professional"][
                                    i % 4], "ring": 1 + i % 3, "birth_date": "2001-02-03"})
              for i in range(24)]
    ties = []
    for i, kind in enumerate([*RELATIONSHIP_TYPES, "from-a-newer-laptop"]):
        for j, quality in enumerate([*QUALITIES, "unheard-of", None]):
            if (i + j) % 3:
                continue
            ties.append(Rec(f"t{i:02d}{j:02d}", {
                "from_person_id": f"p{i % 24:02d}", "to_person_id": f"p{(i + j + 1) % 24:02d}",
                "type": kind, "quality": quality,
                "direction": ["none", "to", "from", "both", None][j % 5],
                "support": ["P", "G", "A", "E"][: j % 5]}))
    ties.append(Rec("self", {"from_person_id": "p01", "to_person_id": "p01"}))
    ties.append(Rec("gone", {"from_person_id": "p01", "to_person_id": "nobody"}))
    model = build(people, ties)
    scene = MapScene()
    for view_name in ("genogram", "ecogram"):
        scene.show_model(model, view_name)
        image = QImage(1600, 1200, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        assert image.pixelColor(800, 600).isValid()
        texts = [legend_text(key) for key in scene.legend_keys()]
        assert all(t and "_" not in t for t in texts), texts
        assert "Question mark: something here does not add up (see the list)" in texts
    assert {k for k in scene.legend_keys() if k[0] == "quality"} >= {
        ("quality", q) for q in QUALITIES}


@pytest.fixture(scope="module")
def canvas():
    from PySide6.QtGui import QImage

    return QImage(400, 300, QImage.Format.Format_ARGB32)


def test_random_bad_data_always_draws(qapp, canvas):
    """Whatever the records hold, both views draw, the list and the legend fill in."""
    from hypothesis import given
    from PySide6.QtGui import QPainter

    from desktop.networkmap.listmodel import MapListModel
    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from tests.depth import property_settings
    from tests.unit.test_network_layout import graphs

    @property_settings(15)
    @given(graphs(max_people=25))
    def draws(graph):
        people, ties = graph
        model = build(people, ties)
        scene = MapScene()
        listed = MapListModel()
        for view_name in ("genogram", "ecogram"):
            scene.show_model(model, view_name)
            painter = QPainter(canvas)
            scene.render(painter)
            painter.end()
            assert all(legend_text(key) for key in scene.legend_keys())
            listed.set_model(model, view_name)
            assert listed.rowCount() == (3 if model.problems else 2)
        scene.deleteLater()

    draws()


def test_a_fitted_map_stays_fitted_as_the_view_grows_until_the_worker_zooms(qtbot):
    """The tab fits the map when it loads, often while its splitter is still settling: the
    drawing follows the view's size until the worker zooms or pans by hand."""
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.view import MapView

    scene = MapScene()
    scene.addRect(0, 0, 1000, 500)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    narrow = view.transform().m11()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    assert view.transform().m11() > 2 * narrow
    view.zoom_in()  # the toolbar's button
    zoomed = view.transform().m11()
    view.resize(400, 400)
    qtbot.waitUntil(lambda: view.viewport().width() < 450)
    assert view.transform().m11() == pytest.approx(zoomed)


def test_touch_pinch_zooms_one_finger_pans_and_a_finger_beside_a_person_takes_them(qtbot):
    """On a 2-in-1 laptop: two fingers spread zoom in, one finger on empty paper moves the
    paper, a finger that lands just beside a symbol still picks and drags that person."""
    from PySide6.QtGui import QInputDevice

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.style import RADIUS
    from desktop.networkmap.view import MapView

    scene = MapScene()
    scene.show_model(build([Rec(f"p{i}", {"name": f"Persoon {i}", "gender": "fm"[i % 2]})
                            for i in range(12)], []), "genogram")
    view = MapView(scene)
    view.setSceneRect(-2000, -2000, 4000, 4000)  # the paper stays put while a person moves
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.viewport()
    finger = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)

    def touch():
        return QTest.touchEvent(viewport, finger)

    empty = QPoint(400, 560)  # below the one row of people
    assert view.itemAt(empty) is None
    before = view.transform().m11()
    touch().press(0, empty, viewport).press(1, empty + QPoint(100, 0), viewport).commit()
    touch().move(0, empty - QPoint(50, 0), viewport).move(
        1, empty + QPoint(150, 0), viewport).commit()
    touch().release(0, empty - QPoint(50, 0), viewport).release(
        1, empty + QPoint(150, 0), viewport).commit()
    assert view.transform().m11() == pytest.approx(2 * before)  # the fingers twice as far apart

    bar = view.horizontalScrollBar()
    assert bar.maximum() > bar.minimum()
    start = bar.value()
    touch().press(0, empty, viewport).commit()
    touch().move(0, empty - QPoint(80, 0), viewport).commit()
    touch().release(0, empty - QPoint(80, 0), viewport).commit()
    assert bar.value() == start + 80  # the paper follows the finger
    assert not scene.selected_people()  # and no rubber band chose anyone

    view.resetTransform()
    person = scene.people["p3"]
    view.centerOn(person)
    # 9 px right of the symbol's edge: a fingertip's miss, beyond the old 4 px handle.
    beside = view.mapFromScene(person.scenePos()) + QPoint(RADIUS + 9, 0)
    touch().press(0, beside, viewport).commit()
    touch().move(0, beside + QPoint(10, 40), viewport).commit()
    touch().move(0, beside + QPoint(20, 80), viewport).commit()
    touch().release(0, beside + QPoint(20, 80), viewport).commit()
    assert scene.selected_people() == ["p3"]
    assert person.pos().y() == pytest.approx(80)


def _rec(record_id: str, **fields):
    return Rec(record_id, fields)


def test_twins_lines_start_from_one_point_on_the_parents_line(qapp):
    """Twins: the child lines from each parent part at one point between the twins; a
    brother who is not a twin keeps his own line; the legend says it."""
    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene

    people = [_rec("ma", name="Moeder", gender="f", birth_date="1985-01-01"),
              _rec("pa", name="Vader", gender="m", birth_date="1984-01-01"),
              _rec("t1", name="Tweeling Een", gender="f", birth_date="2015-03-04"),
              _rec("t2", name="Tweeling Twee", gender="m", birth_date="2015-03-04"),
              _rec("br", name="Broer", gender="m", birth_date="2012-01-01")]
    ties = [_rec("p0", from_person_id="pa", to_person_id="ma", type="married"),
            *[_rec(f"c{n}{k}", from_person_id=parent, to_person_id=kid, type="parent_child")
              for n, parent in enumerate(("ma", "pa")) for k, kid in enumerate(("t1", "t2",
                                                                                 "br"))],
            _rec("tw", from_person_id="t1", to_person_id="t2", type="twin")]
    scene = MapScene()
    scene.show_model(build(people, ties), "genogram")

    def corners(tie_id):
        path = scene.ties[tie_id]._path
        return [path.elementAt(i) for i in range(path.elementCount())]

    # From the parents' line: down, along the sibling line, to the child.
    forks = {(round(c[-2].x), round(c[-2].y)) for c in (corners(f"c{n}{k}") for n in (0, 1)
                                                     for k in (0, 1))}
    assert len(forks) == 1  # all four lines to the twins turn at one point
    fork_x, _ = forks.pop()
    twins_x = [scene.people[t].pos().x() for t in ("t1", "t2")]
    assert min(twins_x) < fork_x < max(twins_x)
    for k in (0, 1):  # and slant from there to each twin
        assert round(corners(f"c0{k}")[-1].x) == scene.people[("t1", "t2")[k]].pos().x()
    brother = corners("c02")
    assert brother[-2].x == brother[-1].x == scene.people["br"].pos().x()  # straight down
    assert ("twins",) in scene.legend_keys() and ("other",) not in scene.legend_keys()
    assert legend_text(("twins",)) == "Twins (two lines from one point)"


def test_an_ended_tie_is_drawn_faded_with_its_year_and_its_dates_in_the_tooltip(qapp):
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene

    people = [_rec("a", name="Persoon A", circle="household"),
              _rec("b", name="Persoon B", circle="network", ring=1),
              _rec("c", name="Persoon C", circle="network", ring=1)]

    def scene_with(**when):
        scene = MapScene()
        scene.show_model(build(people, [_rec("t", from_person_id="a", to_person_id="b",
                                             type="friend", quality="strong", **when)]),
                         "ecogram")
        return scene

    def darkest_on_line(scene):
        image = QImage(600, 600, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, image.rect(), scene.sceneRect().toRect())
        painter.end()
        item = scene.ties["t"]
        middle = item._path.pointAtPercent(0.5)
        spot = scene.sceneRect().toRect()
        x = round((middle.x() - spot.x()) * 600 / spot.width())
        y = round((middle.y() - spot.y()) * 600 / spot.height())
        return min(image.pixelColor(x + dx, y + dy).lightness()
                   for dx in range(-3, 4) for dy in range(-3, 4))

    over = scene_with(since="2019-03-01", until="2024-06-30")
    still = scene_with(since="2019-03-01", until="2999-01-01")
    assert over.ties["t"].ended and not still.ties["t"].ended
    assert darkest_on_line(over) > darkest_on_line(still) + 60  # faded, not gone
    tip = over.ties["t"].toolTip()
    assert "Friend" in tip and "since 01-03-2019" in tip and "until 30-06-2024" in tip
    assert ("ended",) in over.legend_keys() and ("ended",) not in still.legend_keys()
    assert not scene_with(until="some day").ties["t"].ended  # unreadable: never ended
