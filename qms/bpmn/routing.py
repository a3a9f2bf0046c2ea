"""Orthogonal routes for BPMN sequence flows on the swimlane grid.

The grid of :func:`qms.render.layout.swimlane_layout` leaves free space
between columns and above and below the shapes of each lane row, so a flow
can always run in those "channels". A few candidate routes are tried, from
the simplest (a straight line, one elbow) to the longest (out into a
channel and back), and the first that crosses no other shape is kept; if
every candidate crosses something, the one crossing the fewest is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from qms.render.layout import LANE_HEIGHT, Box

Point = tuple[float, float]

# Distance of a channel from the middle of its lane row: clear of every shape
# in the row (the tallest, a task, reaches 36 points from the middle).
CHANNEL = LANE_HEIGHT / 2 - 14
# How far beside a shape a route turns, nearest first.
OFFSETS = (20.0, 12.0, 32.0)


def route(
    source: Box, target: Box, obstacles: Sequence[Box], *, from_gateway: bool = False, used_exits: set[str] | None = None
) -> list[Point]:
    """Waypoints from ``source`` to ``target``; ``obstacles`` are the other shapes to stay clear of.

    ``used_exits`` names the sides of ``source`` other flows already leave by
    ("right", "top", "bottom"); a gateway's branches prefer a side of their own.
    The side this route leaves by is added to it.
    """
    used = used_exits if used_exits is not None else set()
    best: tuple[int, int, int, list[Point]] | None = None
    for index, points in enumerate(_candidates(source, target, from_gateway)):
        crossings = _crossings(points, source, target, obstacles)
        shared = 1 if from_gateway and exit_side(source, points) in used else 0
        score = (crossings, shared, index)
        if best is None or score < best[:3]:
            best = (*score, points)
        if crossings == 0 and not shared:
            break
    assert best is not None
    points = simplify(best[3])
    used.add(exit_side(source, points))
    return points


def exit_side(source: Box, points: Sequence[Point]) -> str:
    _, y = points[0]
    if abs(y - source.y) < 1e-6:
        return "top"
    if abs(y - (source.y + source.height)) < 1e-6:
        return "bottom"
    return "right"


def _candidates(s: Box, t: Box, from_gateway: bool) -> Iterable[list[Point]]:
    sx, sy = s.centre
    tx, ty = t.centre
    s_right, t_left = s.x + s.width, t.x
    channels = (sy - CHANNEL, sy + CHANNEL, ty - CHANNEL, ty + CHANNEL)

    def exit_toward(y: float) -> Point:
        return (sx, s.y) if y < sy else (sx, s.y + s.height)

    def enter_from(y: float) -> Point:
        return (tx, t.y) if y < ty else (tx, t.y + t.height)

    if tx > sx + 1:  # forward: leave on the right, arrive on the left
        if abs(sy - ty) < 0.5:
            yield [(s_right, sy), (t_left, ty)]
        if from_gateway and abs(sy - ty) >= 0.5:  # a branch leaves a gateway by its top or bottom corner
            yield [exit_toward(ty), (sx, ty), (t_left, ty)]
        if from_gateway:  # ... or along a channel when its right corner is taken
            for y in channels[:2]:
                for x2 in (t_left - d for d in OFFSETS):
                    yield [exit_toward(y), (sx, y), (x2, y), (x2, ty), (t_left, ty)]
                yield [exit_toward(y), (sx, y), (tx, y), enter_from(y)]
        for x in (t_left - 20, (s_right + t_left) / 2, s_right + 20, t_left - 12, s_right + 12):
            if s_right < x < t_left:
                yield [(s_right, sy), (x, sy), (x, ty), (t_left, ty)]
        if abs(sy - ty) >= 0.5:
            yield [exit_toward(ty), (sx, ty), (t_left, ty)]
            yield [(s_right, sy), (tx, sy), enter_from(sy)]
        for y in channels:
            for x1 in (s_right + d for d in OFFSETS):
                for x2 in (t_left - d for d in OFFSETS):
                    yield [(s_right, sy), (x1, sy), (x1, y), (x2, y), (x2, ty), (t_left, ty)]
                yield [(s_right, sy), (x1, sy), (x1, y), (tx, y), enter_from(y)]
    else:  # backward (a return path) or in the same column: out by the top or bottom, along a channel
        for y in channels:
            if abs(y - sy) < 0.5:
                continue
            for x2 in (t_left - d for d in OFFSETS):
                yield [exit_toward(y), (sx, y), (x2, y), (x2, ty), (t_left, ty)]
            yield [exit_toward(y), (sx, y), (tx, y), enter_from(y)]
    yield [(s_right, sy), (t_left, ty)]  # last resort, never empty


def _crossings(points: list[Point], source: Box, target: Box, obstacles: Sequence[Box]) -> int:
    count = 0
    segments = list(pairwise(points))
    for a, b in segments:
        for box in obstacles:
            if _hits(a, b, box, margin=4.0):
                count += 1
        # A route must not run back through its own ends.
        for box in (source, target):
            if _hits(a, b, box, margin=-1.0):
                count += 1
    return count


def _hits(a: Point, b: Point, box: Box, margin: float) -> bool:
    """Whether the axis-parallel segment a-b passes through the inside of ``box`` grown by ``margin``."""
    left, top = box.x - margin, box.y - margin
    right, bottom = box.x + box.width + margin, box.y + box.height + margin
    (x1, y1), (x2, y2) = a, b
    if abs(y1 - y2) < 1e-6:  # horizontal
        return top < y1 < bottom and max(min(x1, x2), left) < min(max(x1, x2), right)
    if abs(x1 - x2) < 1e-6:  # vertical
        return left < x1 < right and max(min(y1, y2), top) < min(max(y1, y2), bottom)
    # Diagonal (never produced here): test its bounding box.
    return max(min(x1, x2), left) < min(max(x1, x2), right) and max(min(y1, y2), top) < min(max(y1, y2), bottom)


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(kept[-1][0] - point[0]) < 1e-6 and abs(kept[-1][1] - point[1]) < 1e-6:
            continue
        kept.append(point)
    result: list[Point] = []
    for point in kept:
        if len(result) >= 2:
            (x0, y0), (x1, y1) = result[-2], result[-1]
            if (abs(x0 - x1) < 1e-6 and abs(x1 - point[0]) < 1e-6) or (abs(y0 - y1) < 1e-6 and abs(y1 - point[1]) < 1e-6):
                result[-1] = point
                continue
        result.append(point)
    return result
