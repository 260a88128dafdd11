"""The network map's figures (issue 10; printed, never asserted), for a case with 150 people and
300 ties (fictional, fixed seed) in a real encrypted store:

1. layout plus first render: the model built from the records, the automatic layout, the
   scene's items, and one render of the view to an image (offscreen), per view (target under
   100 ms), with the layout alone beside it;
2. a drag frame: the person with the most ties chosen and dragged by mouse events on a shown
   view; each move event timed until it is handled and the view repainted, the connected ties
   with it (target under 16 ms);
3. opening the comparison of two snapshots of that map whose contents differ by about 10 %
   (target under 200 ms);

beside the case file's open time in the same run (bench_desktop's measurement), and the map
tab's own open time from the click on its tab until it is drawn.

Run with `make bench BENCH_ARGS=map` or `python -m bench map`.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.bench_desktop import TEAM, WORKER, time_tab_beside_opening
from bench.options import size
from bench.stats import clocked, describe, with_cpu

PEOPLE = size(150, 40)
TIES = size(300, 80)
RUNS = size(7, 2)
MOVES = size(60, 10)  # drag frames per view
SEED = 150
VIEWS = ("genogram", "ecogram")


# -- the fictional network ------------------------------------------------------------------


def network_fields(people: int, ties: int, seed: int = SEED) -> tuple[
        list[dict[str, Any]], list[tuple[int, int, dict[str, Any]]]]:
    """`people` person fields and `ties` ties (as indexes into the people, with the
    relationship's other fields): a family of three generations or more, couples and children,
    the household among them, and friends, neighbours and professionals around it."""
    rng = random.Random(seed)
    persons: list[dict[str, Any]] = []
    links: list[tuple[int, int, dict[str, Any]]] = []
    pairs: set[frozenset[int]] = set()

    def person(circle: str, gender: str, born: int, **more: Any) -> int:
        persons.append({"name": f"Persoon {len(persons) + 1}", "gender": gender,
                        "circle": circle, "birth_date": f"{born}-0{1 + len(persons) % 9}-1"
                        f"{len(persons) % 10}", **more})
        return len(persons) - 1

    def tie(a: int, b: int, **fields: Any) -> bool:
        if a == b or frozenset((a, b)) in pairs or len(links) >= ties:
            return False
        pairs.add(frozenset((a, b)))
        links.append((a, b, fields))
        return True

    family = people * 2 // 5
    couples = []
    for _ in range(4):  # the grandparents' generation
        a, b = person("family", "m", 1940 + rng.randrange(10)), person(
            "family", "f", 1942 + rng.randrange(10))
        tie(a, b, type=rng.choice(("married", "divorced", "partner")), quality="normal")
        couples.append((a, b, 0))
    household: list[int] = []
    while couples and len(persons) < family:
        a, b, generation = couples.pop(0)
        home = generation == 1 and not household  # the parents of the index child
        if home:
            household = [a, b]
        for _ in range(rng.randint(2, 5)):
            if len(persons) >= family:
                break
            born = 1965 + 25 * generation + rng.randrange(8)
            child = person("family", rng.choice(("m", "f")), born)
            kind = "parent_child" if rng.random() < 0.9 else "adoptive_parent_child"
            tie(a, child, type=kind)
            tie(b, child, type=kind)
            if generation < 2 and rng.random() < 0.8 and len(persons) < family:
                partner = person("family", "f" if persons[child]["gender"] == "m" else "m", born)
                tie(child, partner, type=rng.choice(("married", "cohabiting", "separated")),
                    quality=rng.choice(("normal", "close", "conflict")))
                if not home:
                    couples.append((child, partner, generation + 1))
            if home:
                household.append(child)
    household = household or [len(persons) - 1]
    for index in household:
        persons[index]["circle"] = "household"
    persons[household[-1]]["index_person"] = True
    core = household
    kinds = {"network": ("friend", "neighbour", "colleague", "other"),
             "professional": ("professional",)}
    while len(persons) < people:
        circle = "professional" if rng.random() < 0.35 else "network"
        other = person(circle, rng.choice(("m", "f", "x")), 1960 + rng.randrange(40),
                       ring=rng.randint(1, 3))
        tie(rng.choice(core), other, type=rng.choice(kinds[circle]),
            quality=rng.choice(("strong", "normal", "weak", "stressful")),
            direction=rng.choice(("none", "to", "from", "both")),
            support=rng.sample(["P", "G", "A", "E"], rng.randint(0, 2)))
    qualities = ("close", "distant", "hostile", "conflict", "strong", "weak", "cut_off",
                 "abuse_emotional")
    while len(links) < ties:
        tie(rng.randrange(people), rng.randrange(people), type=rng.choice(("family", "friend",
                                                                           "other")),
            quality=rng.choice(qualities), direction=rng.choice(("none", "to", "both")))
    return persons, links


def _make_case(store: Any) -> str:
    case = store.create_record("case", {"title": "Familie Kaartbank", "team_id": TEAM,
                                        "contact_worker_id": WORKER, "status": "active"})
    people, ties = network_fields(PEOPLE, TIES)
    made = store.create_records([("person", f, case.id, None) for f in people])
    ids = [p.id for p in made]
    store.create_records([("relationship", {"from_person_id": ids[a], "to_person_id": ids[b],
                                            **fields}, case.id, None)
                          for a, b, fields in ties])
    return case.id


def _earlier(model: Any, seed: int = SEED) -> Any:
    """The same network about a tenth different, as it stood some visits ago: a few people
    not yet there and a few who have left since, ties that began, ended or changed since."""
    from desktop.networkmap.model import MapPerson, MapTie, NetworkModel

    rng = random.Random(seed + 1)
    outside = sorted(p for p, person in model.people.items() if not person.household)
    # About a tenth: the ties of those who joined since count as begun, so few others do.
    joined = set(rng.sample(outside, len(outside) // 25))
    people = {p: person for p, person in model.people.items() if p not in joined}
    for n in range(len(model.people) // 20):
        people[f"eerder-{n}"] = MapPerson(id=f"eerder-{n}", name=f"Vroeger {n}", circle="network")
    ties = [t for t in model.ties if t.a in people and t.b in people]
    begun = set(rng.sample([t.id for t in ties], len(ties) // 100))
    changed = set(rng.sample([t.id for t in ties if t.id not in begun], len(ties) // 30))
    earlier = [replace(t, quality="weak" if t.quality != "weak" else "strong")
               if t.id in changed else t for t in ties if t.id not in begun]
    household = next(p for p, person in model.people.items() if person.household)
    earlier += [MapTie(id=f"eerder-tie-{n}", a=household, b=f"eerder-{n}", type="friend",
                       quality="normal") for n in range(len(model.people) // 20)]
    return NetworkModel(people=people, ties=earlier)


# -- the figures -----------------------------------------------------------------------------


def _render_once(people: list[Any], ties: list[Any], view_name: str
                 ) -> tuple[tuple[float, float], float]:
    """((wall, CPU) seconds for model + layout + scene + one render to an image, seconds of
    the layout alone within a separate call)."""
    from PySide6.QtGui import QImage, QPainter

    from desktop.networkmap import layout
    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.view import MapView

    made: dict[str, Any] = {}

    def first_render() -> None:
        model = made["model"] = build(people, ties)
        scene = made["scene"] = MapScene()
        scene.show_model(model, view_name)
        view = made["view"] = MapView(scene)
        view.resize(1100, 700)
        view.fit()
        image = made["image"] = QImage(view.viewport().size(),
                                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    took = clocked(first_render)
    model, scene, view, image = made["model"], made["scene"], made["view"], made["image"]
    drawn = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
                if image.pixel(x, y) != 0xFFFFFFFF)
    if not drawn:
        raise RuntimeError("the render drew nothing")
    started = time.perf_counter()
    layout.place(model, view_name)
    alone = time.perf_counter() - started
    view.deleteLater()
    scene.deleteLater()
    return took, alone


class _PaintCounter:
    """Counts the paint events of a widget (to show each move was repainted)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _drag_frames(people: list[Any], ties: list[Any], view_name: str
                 ) -> tuple[list[tuple[float, float]], int, int]:
    """Drag the person with the most ties on a shown view; seconds per move event (handled
    and repainted), the moves that repainted, and how many ties followed the person."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.networkmap.model import build
    from desktop.networkmap.scene import MapScene
    from desktop.networkmap.view import MapView

    model = build(people, ties)
    scene = MapScene()
    scene.show_model(model, view_name)
    view = MapView(scene)
    view.resize(1100, 700)
    view.show()
    view.fit()
    QApplication.processEvents()
    count: dict[str, int] = {}
    for tie in model.ties:
        if scene.ties[tie.id].isVisible():
            for end in (tie.a, tie.b):
                count[end] = count.get(end, 0) + 1
    chosen = max(sorted(count), key=lambda p: count[p])
    item = scene.people[chosen]
    viewport = view.viewport()
    at = view.mapFromScene(item.pos())
    paints = _PaintCounter(viewport)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QApplication.processEvents()
    if not item.isSelected():
        raise RuntimeError("the press did not choose the person")
    before = item.pos()
    times, repainted, moved = [], 0, False
    for step in range(1, MOVES + 1):
        # A small circle around the start, so the person stays on screen.
        to = at + QPoint(int(40 * ((step % 8) - 4) / 4), int(30 * ((step // 8) % 3 - 1)))
        painted = paints.count
        times.append(clocked(lambda to=to: (QTest.mouseMove(viewport, to),
                                            QApplication.processEvents())))
        repainted += paints.count > painted
        moved = moved or item.pos() != before
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       view.mapFromScene(item.pos()))
    QApplication.processEvents()
    if not moved:
        raise RuntimeError("the drag did not move the person")
    view.close()
    view.deleteLater()
    scene.deleteLater()
    return times, repainted, count[chosen]


def _compare_once(snapshots: list[Any], now: str) -> tuple[float, float]:
    """(Wall, CPU) seconds from asking for the comparison until its dialog is shown and
    painted."""
    from PySide6.QtWidgets import QApplication

    from desktop.networkmap.compare import CompareDialog

    made: list[Any] = []

    def open_dialog() -> None:
        made.append(CompareDialog(snapshots, now))
        made[0].show()
        QApplication.processEvents()

    took = clocked(open_dialog)
    dialog = made[0]
    if not dialog.isVisible():
        raise RuntimeError("the comparison did not show")
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return took


def _figures(work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from bench.bench_desktop import _seed
    from desktop.networkmap.model import build
    from desktop.networkmap.snapshot import content_of, parse
    from desktop.networkmap.tab import NetworkMapTab
    from desktop.operations import StoreSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = _seed(work / "map", 1)  # a demo case to open the big one from
    other = store.list_cases()[0].id
    case_id = _make_case(store)
    people = store.list_records(kind="person", case_id=case_id)
    ties = store.list_records(kind="relationship", case_id=case_id)
    model = build(people, ties)
    now = content_of(model)
    earlier = store.create_record("map_snapshot", {
        "taken_on": "2026-09-01", "content": content_of(_earlier(model))}, case_id=case_id)
    snapshots = store.list_records(kind="map_snapshot", case_id=case_id)
    from desktop.networkmap.snapshot import compare

    differences = compare(parse(earlier.fields["content"]), parse(now))
    print(f"network map of {len(model.people)} people and {len(model.ties)} ties "
          f"({len(model.problems)} problems), median of {RUNS} runs unless said; wall clock, "
          f"and the CPU time of this process (all threads), which leaves out waiting for a "
          f"core on a shared machine:")

    session = StoreSession(store)
    view, tab, opening, tab_open = time_tab_beside_opening(
        session, NetworkMapTab, "Netwerkkaart", case_id, other, RUNS)
    if len(tab.scene.people) != len(model.people):
        raise RuntimeError("the map tab did not draw everyone")
    view.close()
    session.wait_for_writes()
    app.processEvents()
    print(f"   {'case file opens (reference)':<34}: {with_cpu(opening)}")
    print(f"   {'map tab, click until drawn':<34}: {with_cpu(tab_open)}")

    for view_name in VIEWS:
        _render_once(people, ties, view_name)  # warm: imports, fonts
        runs = [_render_once(people, ties, view_name) for _ in range(RUNS)]
        print(f"   {view_name + ': layout + first render':<34}: "
              f"{with_cpu([r[0] for r in runs])}; target < 100 ms")
        print(f"   {'':<34}  the layout alone: {describe([r[1] for r in runs])}")
    for view_name in VIEWS:
        times, repainted, followers = _drag_frames(people, ties, view_name)
        print(f"   {view_name + ': drag frame':<34}: {with_cpu(times)}; target < 16 ms")
        print(f"   {'':<34}  {repainted} of {len(times)} moves repainted, "
              f"{followers} ties follow the person")
    _compare_once(snapshots, now)  # warm
    compares = [_compare_once(snapshots, now) for _ in range(RUNS)]
    print(f"   {'comparison of two snapshots':<34}: {with_cpu(compares)}; target < 200 ms")
    print(f"   {'':<34}  {len(differences.added)} joined, {len(differences.left)} left, "
          f"{len(differences.begun)} ties begun, {len(differences.ended)} ended, "
          f"{len(differences.changed)} changed")
    store.close()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    with tempfile.TemporaryDirectory(prefix="keukentafel-bench-map-") as tmp:
        _figures(Path(tmp))


if __name__ == "__main__":
    main()
