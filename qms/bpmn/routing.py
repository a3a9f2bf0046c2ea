"""Orthogonal routes for BPMN sequence flows on the swimlane grid.

The grid of :func:`qms.render.layout.swimlane_layout` leaves free space
between columns and above and below the shapes of each lane row, so a flow
can always run in those "channels". A few candidate routes are tried, from
the simplest (a straight line, one elbow) to the longest (out into a
channel and back), and the first that crosses no other shape is kept; if
every candidate crosses something, the one crossing the fewest is kept.

The shapes to stay clear of are kept in a :class:`Shapes` index, built once
per diagram: a segment is tested against the shapes beside its own line,
found by binary search, not against every shape of the diagram (which made
the export of a process quadratic in its number of steps; benchmarks/RESULTS.md).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from qms.render.layout import LANE_HEIGHT, Box

Point = tuple[float, float]

# Distance of a channel from the middle of its lane row: clear of every shape
# in the row (the tallest, a task, reaches 36 points from the middle).
CHANNEL = LANE_HEIGHT / 2 - 14
# How far beside a shape a route turns, nearest first.
OFFSETS = (20.0, 12.0, 32.0)


# How far from a route a shape must stay (points): a segment "crosses" a shape grown by this margin.
CLEARANCE = 4.0


class Shapes:
    """The shapes of a diagram, indexed for the question "which shapes does this segment cross?".

    Shapes of one size in one lane row (the same top, height and width) form a band, their left edges sorted; the
    bands are sorted by their top. A horizontal segment looks only at the bands whose height (with the clearance)
    takes in its line and, in each, by binary search, at the shapes whose width takes in part of its length: what it
    reads is what it crosses. Vertical segments do the same with the bands of one size in one column. (Testing every
    shape made the export of a process quadratic in its steps, and a grid of cells still was with long return flows
    that run along many columns; benchmarks/RESULTS.md.) A shape given twice counts twice, as in a list.
    """

    def __init__(self, boxes: Iterable[Box]):
        self.boxes = list(boxes)
        self._rows = _Bands([(b.y, b.height, b.width, b.x, i) for i, b in enumerate(self.boxes)])
        self._columns = _Bands([(b.x, b.width, b.height, b.y, i) for i, b in enumerate(self.boxes)])

    def crossed(self, a: Point, b: Point, skip: tuple[Box, ...] = (), limit: int | None = None) -> int:
        """How many shapes (other than the very objects in ``skip``) the segment a-b passes through, with the clearance.

        With a ``limit``, counting stops there: the answer is then ``limit`` for any count from ``limit`` up.
        """
        (x1, y1), (x2, y2) = a, b
        if abs(y1 - y2) < 1e-6:  # horizontal: as _hits, the line is at y1
            near = self._rows.near(y1, y1, min(x1, x2), max(x1, x2))
        elif abs(x1 - x2) < 1e-6:  # vertical, at x1
            near = self._columns.near(x1, x1, min(y1, y2), max(y1, y2))
        else:
            near = self._rows.near(min(y1, y2), max(y1, y2), min(x1, x2), max(x1, x2))
        skipped = {id(box) for box in skip}
        count = 0
        for index in near:
            box = self.boxes[index]
            if id(box) not in skipped and _hits(a, b, box, margin=CLEARANCE):
                count += 1
                if count == limit:
                    break
        return count


class _Bands:
    """Boxes grouped by (start, extent) across an axis and their size along it, sorted along it; see :class:`Shapes`."""

    def __init__(self, entries: list[tuple[float, float, float, float, int]]):
        # entry: start and extent across the axis, extent and start along it, index of the box
        groups: dict[tuple[float, float, float], list[tuple[float, int]]] = {}
        for across, extent, length, along, index in entries:
            groups.setdefault((across, extent, length), []).append((along, index))
        self._keys = sorted(groups)
        self._starts = [key[0] for key in self._keys]
        self._widest = max((key[1] for key in self._keys), default=0.0)
        self._members: list[tuple[list[float], list[int]]] = []
        for key in self._keys:
            members = sorted(groups[key])
            self._members.append(([along for along, _ in members], [index for _, index in members]))

    def near(self, low: float, high: float, first: float, last: float) -> Iterator[int]:
        """Indices of the boxes that, grown by the clearance, may meet the span [low, high] across and [first, last] along.

        A superset, with a point of slack on every side: the caller decides with :func:`_hits`. Lazily, band by
        band, so that a caller who has counted enough stops early.
        """
        slack = CLEARANCE + 1.0
        lo = bisect_left(self._starts, low - self._widest - slack)
        hi = bisect_right(self._starts, high + slack)
        for position in range(lo, hi):
            start, extent, length = self._keys[position]
            if start + extent + slack < low:
                continue
            alongs, indices = self._members[position]
            begin = bisect_left(alongs, first - length - slack)
            end = bisect_right(alongs, last + slack)
            yield from indices[begin:end]


def route(
    source: Box,
    target: Box,
    obstacles: Sequence[Box] | Shapes,
    *,
    from_gateway: bool = False,
    used_exits: set[str] | None = None,
) -> list[Point]:
    """Waypoints from ``source`` to ``target``; ``obstacles`` are the other shapes to stay clear of.

    ``obstacles`` may be a :class:`Shapes` index of every shape of the diagram: ``source`` and ``target`` (the very
    objects) are then left out of it. ``used_exits`` names the sides of ``source`` other flows already leave by
    ("right", "top", "bottom"); a gateway's branches prefer a side of their own.
    The side this route leaves by is added to it.
    """
    used = used_exits if used_exits is not None else set()
    shapes = obstacles if isinstance(obstacles, Shapes) else Shapes(obstacles)
    skip = (source, target) if isinstance(obstacles, Shapes) else ()
    best: tuple[int, int, int, list[Point]] | None = None
    for index, points in enumerate(_candidates(source, target, from_gateway)):
        # A later candidate wins only with fewer crossings, or as many and a side of its own: one more than the
        # best so far is as good as any higher count, so counting stops there (a last-resort diagonal across a
        # long diagram would otherwise count hundreds of shapes).
        crossings = _crossings(points, source, target, shapes, skip, None if best is None else best[0] + 1)
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


def _crossings(points: list[Point], source: Box, target: Box, shapes: Shapes, skip: tuple[Box, ...], limit: int | None = None) -> int:
    """Shapes the route crosses, counted up to ``limit`` (``limit`` for any count from there up)."""
    count = 0
    for a, b in pairwise(points):
        # A route must not run back through its own ends.
        for box in (source, target):
            if _hits(a, b, box, margin=-1.0):
                count += 1
        if limit is not None and count >= limit:
            return limit
        count += shapes.crossed(a, b, skip, None if limit is None else limit - count)
        if count == limit:
            return limit
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
