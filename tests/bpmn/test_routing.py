"""Routing: the shapes index counts the crossings that testing every shape counts, and stops where asked."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from qms.bpmn.routing import CLEARANCE, Shapes, _crossings, _hits, route
from qms.render.layout import COLUMN_WIDTH, LANE_HEIGHT, SIZES, Box


def every_shape(a: tuple[float, float], b: tuple[float, float], boxes: list[Box], skip: tuple[Box, ...] = ()) -> int:
    return sum(1 for box in boxes if not any(box is s for s in skip) and _hits(a, b, box, margin=CLEARANCE))


def diagram(rng: random.Random) -> list[Box]:
    """Shapes on a swimlane grid (several sizes per cell, as joins and events beside tasks), some anywhere, some twice."""
    boxes: list[Box] = []
    for column in range(12):
        for row in range(6):
            if rng.random() < 0.6:
                w, h = rng.choice(list(SIZES.values()))
                cx, cy = 200 + column * COLUMN_WIDTH, 56 + row * LANE_HEIGHT + LANE_HEIGHT / 2
                boxes.append(Box(cx - w / 2, cy - h / 2, w, h))
                if rng.random() < 0.3:  # a joining gateway just left of it
                    boxes.append(Box(cx - w / 2 - 65, cy - 25, 50.0, 50.0))
    for _ in range(20):
        boxes.append(Box(rng.uniform(0, 3000), rng.uniform(0, 900), rng.uniform(0, 200), rng.uniform(0, 120)))
    boxes.append(boxes[3])  # the very same object twice counts twice
    boxes.append(Box(boxes[5].x, boxes[5].y, boxes[5].width, boxes[5].height))  # an equal copy is another shape
    return boxes


def coordinates(boxes: list[Box], rng: random.Random, axis: str) -> float:
    """A coordinate on an edge of a shape, on its clearance or near it (where strict comparisons decide), or anywhere."""
    box = rng.choice(boxes)
    start, size = (box.x, box.width) if axis == "x" else (box.y, box.height)
    edge = rng.choice((start, start + size, start + size / 2))
    return rng.choice((edge, edge - CLEARANCE, edge + CLEARANCE, edge + rng.uniform(-8, 8), rng.uniform(-50, 3100 if axis == "x" else 950)))


@pytest.mark.parametrize("seed", range(5))
def test_the_index_counts_what_testing_every_shape_counts(seed: int) -> None:
    rng = random.Random(seed)
    boxes = diagram(rng)
    shapes = Shapes(boxes)
    for _ in range(2_000):
        a = (coordinates(boxes, rng, "x"), coordinates(boxes, rng, "y"))
        kind = rng.choice(("horizontal", "vertical", "diagonal", "point"))
        if kind == "horizontal":
            b = (coordinates(boxes, rng, "x"), a[1] + rng.choice((0.0, 5e-7)))
        elif kind == "vertical":
            b = (a[0] + rng.choice((0.0, 5e-7)), coordinates(boxes, rng, "y"))
        elif kind == "diagonal":
            b = (coordinates(boxes, rng, "x"), coordinates(boxes, rng, "y"))
        else:
            b = a
        skip = (rng.choice(boxes), rng.choice(boxes))
        assert shapes.crossed(a, b) == every_shape(a, b, boxes), (a, b)
        assert shapes.crossed(a, b, skip) == every_shape(a, b, boxes, skip), (a, b, skip)
        full = every_shape(a, b, boxes)
        for limit in (1, 2, 5):
            assert shapes.crossed(a, b, limit=limit) == min(full, limit)


def test_crossings_are_counted_up_to_the_limit() -> None:
    rng = random.Random(7)
    boxes = diagram(rng)
    shapes = Shapes(boxes)
    source, target = boxes[0], boxes[-3]
    for _ in range(500):
        points = [(coordinates(boxes, rng, "x"), coordinates(boxes, rng, "y")) for _ in range(rng.randint(2, 5))]
        full = sum(every_shape(a, b, boxes, (source, target)) for a, b in pairwise(points))
        full += sum(1 for a, b in pairwise(points) for box in (source, target) if _hits(a, b, box, margin=-1.0))
        assert _crossings(points, source, target, shapes, (source, target)) == full
        for limit in (1, 3):
            assert _crossings(points, source, target, shapes, (source, target), limit) == min(full, limit)


def test_a_route_is_the_same_given_the_index_or_the_other_shapes() -> None:
    rng = random.Random(11)
    boxes = diagram(rng)
    shapes = Shapes(boxes)
    for _ in range(300):
        source, target = rng.sample(boxes, 2)
        if source is target:
            continue
        others = [box for box in boxes if box is not source and box is not target]
        gateway = rng.random() < 0.5
        used_a, used_b = {"right"} if gateway else set(), {"right"} if gateway else set()
        assert route(source, target, shapes, from_gateway=gateway, used_exits=used_a) == route(
            source, target, others, from_gateway=gateway, used_exits=used_b
        )
        assert used_a == used_b
