"""Candidate duplicate cameras (trùng lắp): pairs close enough, looking the same way, alike in
type and mount; found through a grid of cells, never by comparing all pairs."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

METRES_PER_DEGREE = 111_320.0
# Two records of one camera rarely lie further apart than GPS error on both sides allows.
BASE_RADIUS_M = 15.0
MAX_RADIUS_M = 60.0
DEFAULT_ACCURACY_M = 10.0
THRESHOLD = 0.5


@dataclass(frozen=True)
class _Camera:
    id: str
    ref: str | None
    lat: float
    lon: float
    accuracy: float
    site_id: str
    camera_type: str | None
    mount: str | None
    owner: str | None
    directions: tuple[float, ...]


def _cameras(db: sqlite_utils.Database) -> Iterator[_Camera]:
    rows = db.execute(
        "SELECT id, ref, lat, lon, location_accuracy_m, site_id, camera_type, mount, "
        "owner_unit_id, views FROM cameras WHERE deleted = 0 AND lat IS NOT NULL AND "
        "lon IS NOT NULL AND coalesce(condition, '') != 'removed'"
    )
    for cid, ref, lat, lon, accuracy, site, ctype, mount, owner, views in rows:
        directions = tuple(
            float(v["direction"])
            for v in json.loads(views or "[]")
            if v.get("direction") is not None
        )
        yield _Camera(
            cid,
            ref,
            lat,
            lon,
            accuracy or DEFAULT_ACCURACY_M,
            site,
            ctype,
            mount,
            owner,
            directions,
        )


def _metres(a: _Camera, b: _Camera) -> float:
    dy = (a.lat - b.lat) * METRES_PER_DEGREE
    dx = (a.lon - b.lon) * METRES_PER_DEGREE * math.cos(math.radians(a.lat))
    return math.hypot(dx, dy)


def _angle_between(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _score(a: _Camera, b: _Camera) -> tuple[float, list[str]] | None:
    """How likely two records are the same camera (0–1), and why; None when they cannot be."""
    distance = _metres(a, b)
    radius = min(MAX_RADIUS_M, BASE_RADIUS_M + a.accuracy + b.accuracy)
    if distance > radius:
        return None
    reasons = [f"distance {distance:.1f} m (allowed {radius:.0f} m)"]
    score = 0.45 * (1 - distance / radius)
    if a.directions and b.directions:
        gap = min(_angle_between(x, y) for x in a.directions for y in b.directions)
        if gap <= 30:
            score += 0.3 * (1 - gap / 30)
            reasons.append(f"view directions {gap:.0f}° apart")
        else:
            score -= 0.2  # looking different ways: two cameras on one pole, most likely
    if a.camera_type and a.camera_type == b.camera_type:
        score += 0.1
        reasons.append(f"same type {a.camera_type}")
    if a.mount and a.mount == b.mount:
        score += 0.1
        reasons.append(f"same mount {a.mount}")
    if a.site_id == b.site_id:
        score += 0.05
        reasons.append("same site")
    if a.owner and b.owner and a.owner != b.owner:
        reasons.append("recorded by different owners")
    return max(0.0, min(1.0, score)), reasons


def find_duplicates(
    db: sqlite_utils.Database, threshold: float = THRESHOLD
) -> list[dict[str, Any]]:
    """Candidate pairs, best first: ``{"a": {"id", "ref"}, "b": {...}, "score", "reasons"}``.

    Cameras are put in grid cells as large as the widest allowed distance, and only cameras in
    the same or neighbouring cells are compared.
    """
    cell = MAX_RADIUS_M / METRES_PER_DEGREE
    grid: dict[tuple[int, int], list[_Camera]] = defaultdict(list)
    for camera in _cameras(db):
        grid[(int(camera.lat // cell), int(camera.lon // cell))].append(camera)
    pairs: list[dict[str, Any]] = []
    for (row, col), members in grid.items():
        neighbours = [
            c for dr in (-1, 0, 1) for dc in (-1, 0, 1) for c in grid.get((row + dr, col + dc), ())
        ]
        for a in members:
            for b in neighbours:
                if a.id >= b.id:
                    continue  # each pair once
                scored = _score(a, b)
                if scored is not None and scored[0] >= threshold:
                    pairs.append(
                        {
                            "a": {"id": a.id, "ref": a.ref},
                            "b": {"id": b.id, "ref": b.ref},
                            "score": round(scored[0], 3),
                            "reasons": scored[1],
                        }
                    )
    pairs.sort(key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"]))
    return pairs
