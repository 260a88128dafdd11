"""The zigzag and wave of a stressful or hostile tie are drawn once per length along the x
axis and laid onto the line (so that a repaint does not build hundreds of corners again):
whatever the line's direction, the path runs from its start to its end and stays beside it."""

import math

import pytest
from PySide6.QtCore import QLineF

from desktop.networkmap import style

LINES = [QLineF(10, 20, 1500, 900), QLineF(300, 300, 100, 50), QLineF(0, 0, 0, -100),
         QLineF(-40, 5, 260, 5), QLineF(7, 7, 7.4, 7.2)]


def _distance(line: QLineF, x: float, y: float) -> float:
    length = line.length()
    return abs((x - line.x1()) * line.dy() - (y - line.y1()) * line.dx()) / length


@pytest.mark.parametrize("draw, height", [(style.zigzag, 5), (style.wave, 4)])
@pytest.mark.parametrize("line", LINES)
def test_the_path_runs_along_the_line_from_end_to_end(draw, height, line):
    path = draw(line)
    first, last = path.elementAt(0), path.elementAt(path.elementCount() - 1)
    assert (first.x, first.y) == pytest.approx((line.x1(), line.y1()), abs=1e-6)
    if line.length() < 1:
        return  # too short for a pattern: the path stays at the start
    assert (last.x, last.y) == pytest.approx((line.x2(), line.y2()), abs=1e-6)
    # Curve control points of a wave lie at twice its height; corners of a zigzag at it.
    reach = 2 * height if draw is style.wave else height
    for i in range(path.elementCount()):
        point = path.elementAt(i)
        assert _distance(line, point.x, point.y) <= reach + 1e-6
    assert path.elementCount() >= math.floor(line.length() / 14)
