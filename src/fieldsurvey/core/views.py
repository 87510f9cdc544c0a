"""What a camera sees: its view directions as stored, and how far it sees by its type.

One place for the assumptions the map's cones, the GeoPackage's cone polygons, the coverage of
needs and the duplicate finder share: a view without a recorded field of view is 60° wide, and a
camera sees as far as is usual for its type (the survey records no range).
"""

from __future__ import annotations

import json
from functools import lru_cache

DEFAULT_FIELD_OF_VIEW = 60.0
# How far a camera of each type usefully sees, in metres (identifying people or vehicles).
VIEW_RANGE_M = {
    "fixed": 40.0,
    "dome": 25.0,
    "ptz": 100.0,
    "alpr": 30.0,
    "thermal": 60.0,
    "panoramic": 20.0,
    "other": 35.0,
}
DEFAULT_RANGE_M = 35.0
LONGEST_RANGE_M = max(VIEW_RANGE_M.values())
# Types that turn or see all round: their direction does not limit what they can see.
ALL_ROUND = frozenset({"ptz", "panoramic"})


def view_range_m(camera_type: str | None) -> float:
    return VIEW_RANGE_M.get(camera_type or "", DEFAULT_RANGE_M)


def parse_views(raw: str | None) -> tuple[tuple[float, float | None], ...]:
    """(direction, angle) of each view in a camera's ``views`` JSON; broken entries are skipped."""
    if not raw:
        return ()
    try:
        views = json.loads(raw)
    except ValueError:
        return ()
    out = []
    for view in views if isinstance(views, list) else []:
        if not isinstance(view, dict):
            continue
        direction, angle = view.get("direction"), view.get("angle")
        if isinstance(direction, int | float):
            out.append((float(direction), float(angle) if isinstance(angle, int | float) else None))
    return tuple(out)


@lru_cache(maxsize=16384)  # a city's cameras share a few thousand views
def view_cones(raw: str | None) -> tuple[tuple[float, float], ...]:
    """(direction, width) of each view, a missing width taken as the default field of view."""
    return tuple((d, DEFAULT_FIELD_OF_VIEW if a is None else a) for d, a in parse_views(raw))


@lru_cache(maxsize=16384)
def view_tilts(raw: str | None) -> tuple[float, ...]:
    """The recorded tilt of each view that has one (degrees, negative below the horizon)."""
    if not raw:
        return ()
    try:
        views = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(views, list):
        return ()
    return tuple(
        float(v["tilt"])
        for v in views
        if isinstance(v, dict) and isinstance(v.get("tilt"), int | float)
    )
