"""Coverage of needs (tận dụng hệ thống hiện có): for each need, the existing cameras whose view
cones already cover its place, candidates for reuse or connection instead of a new camera; and
the sites of each category with no camera at all.

A camera covers a point when the point lies within its range and inside one of its view cones
(direction ± field of view / 2). The range is not recorded, so it is taken from the camera's
type (a PTZ or panoramic camera sees all round and further; an ALPR camera reads plates near
by). A camera with no recorded direction is listed when the point is within ``NEAR_M`` metres,
marked ``direction_known: false``. Removed cameras never count.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldsurvey.core.geo import METRES_PER_DEGREE, bearing_and_distance
from fieldsurvey.core.views import ALL_ROUND, LONGEST_RANGE_M, view_cones, view_range_m

NEAR_M = 30.0
_CELL_M = LONGEST_RANGE_M


@dataclass(frozen=True)
class Camera:
    id: str
    ref: str | None
    site_id: str
    lat: float
    lon: float
    camera_type: str | None
    condition: str | None
    connectivity: str | None
    owner: str | None
    views: tuple[tuple[float, float], ...]
    resolution_mp: float | None = None
    ai_functions: frozenset[str] = frozenset()
    night_vision: bool | None = None


def cameras_with_position(
    db: sqlite_utils.Database, box: tuple[float, float, float, float] | None = None
) -> Iterator[Camera]:
    """Live, not removed cameras with a position; within (south, west, north, east) if given."""
    where, params = "", []
    if box is not None:
        where, params = (
            " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            [box[0], box[2], box[1], box[3]],
        )
    for (
        cid,
        ref,
        site,
        lat,
        lon,
        ctype,
        condition,
        connectivity,
        owner,
        views,
        resolution,
        ai,
        night,
    ) in db.execute(
        "SELECT id, ref, site_id, lat, lon, camera_type, condition, connectivity, "
        "owner_unit_id, views, resolution_mp, ai_functions, night_vision FROM cameras "
        "WHERE deleted = 0 AND lat IS NOT NULL AND "
        "lon IS NOT NULL AND coalesce(condition, '') != 'removed'" + where,
        params,
    ):
        yield Camera(
            cid,
            ref,
            site,
            lat,
            lon,
            ctype,
            condition,
            connectivity,
            owner,
            view_cones(views),
            resolution,
            frozenset(json.loads(ai or "[]")),
            None if night is None else bool(night),
        )


def covers(camera: Camera, bearing: float, distance: float) -> bool | None:
    """Whether the camera sees a point at this bearing and distance from it; None when it has no
    recorded direction (then only nearness can be said)."""
    reach = view_range_m(camera.camera_type)
    if distance > reach:
        return False
    if camera.camera_type in ALL_ROUND:
        return True
    if not camera.views:
        return None
    if distance < 1:
        return True  # at the camera itself
    return any(abs((bearing - d + 180) % 360 - 180) <= fov / 2 for d, fov in camera.views)


def need_coverage(db: sqlite_utils.Database, need_id: str | None = None) -> list[dict[str, Any]]:
    """For each need with a place (its own position, else its site's): the cameras covering it,
    nearest first, as ``{"need", "site", "lat", "lon", "cameras": [{"id", "ref", "site",
    "distance_m", "direction_known", "condition", "connectivity", "owner", "listed"}]}``.
    ``listed`` says whether the need already names the camera for reuse. ``need_id``: only that
    need (reading only the cameras around it)."""
    cell = _CELL_M / METRES_PER_DEGREE
    needs = db.execute(
        "SELECT n.id, n.site_id, coalesce(n.lat, s.lat), coalesce(n.lon, s.lon), "
        "n.reuse_camera_ids FROM needs AS n JOIN sites AS s ON s.id = n.site_id "
        "WHERE n.deleted = 0" + (" AND n.id = ?" if need_id else "") + " ORDER BY n.id",
        [need_id] if need_id else [],
    ).fetchall()
    box = None
    if need_id is not None:
        if not needs or needs[0][2] is None:
            return []
        lat, lon = needs[0][2], needs[0][3]
        reach_lon = 2 * cell / max(0.1, math.cos(math.radians(lat)))
        box = (lat - 2 * cell, lon - reach_lon, lat + 2 * cell, lon + reach_lon)
    grid: dict[tuple[int, int], list[Camera]] = defaultdict(list)
    for camera in cameras_with_position(db, box):
        grid[(int(camera.lat // cell), int(camera.lon // cell))].append(camera)
    out = []
    for need_id_, site_id, lat, lon, reuse in needs:
        if lat is None or lon is None:
            continue
        listed = set(json.loads(reuse or "[]"))
        row, col = int(lat // cell), int(lon // cell)
        found = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for camera in grid.get((row + dr, col + dc), ()):
                    bearing, distance = bearing_and_distance(camera.lat, camera.lon, lat, lon)
                    seen = covers(camera, bearing, distance)
                    if seen is False or (seen is None and distance > NEAR_M):
                        continue
                    found.append(
                        {
                            "id": camera.id,
                            "ref": camera.ref,
                            "site": camera.site_id,
                            "distance_m": round(distance, 1),
                            "direction_known": seen is not None,
                            "condition": camera.condition,
                            "connectivity": camera.connectivity,
                            "owner": camera.owner,
                            "listed": camera.id in listed,
                        }
                    )
        found.sort(key=lambda c: (not c["direction_known"], c["distance_m"], c["id"]))
        out.append({"need": need_id_, "site": site_id, "lat": lat, "lon": lon, "cameras": found})
    return out


def sites_without_cameras(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Site ids with no camera at all (removed ones do not count), by site category."""
    by_category: dict[str, list[str]] = defaultdict(list)
    for site_id, category in db.execute(
        "SELECT s.id, s.category FROM sites AS s WHERE s.deleted = 0 AND NOT EXISTS (SELECT 1 "
        "FROM cameras AS c WHERE c.site_id = s.id AND c.deleted = 0 AND "
        "coalesce(c.condition, '') != 'removed') ORDER BY s.category, s.id"
    ):
        by_category[category].append(site_id)
    return dict(by_category)


def coverage_overview(db: sqlite_utils.Database) -> dict[str, Any]:
    """What the coverage screen shows: each need with its site, commune and the cameras that
    already see it (titled); and the sites with no camera, by category, with their names."""
    from fieldsurvey.core import reference
    from fieldsurvey.core.store.listing import camera_titles

    covered = need_coverage(db)
    titles = camera_titles(db, sorted({c["id"] for n in covered for c in n["cameras"]}))
    sites = {
        str(site_id): (name, commune)
        for site_id, name, commune in db.execute(
            "SELECT id, name, commune_code FROM sites WHERE deleted = 0"
        )
    }
    communes = {c["code"]: c["name"] for c in reference.communes(db)}

    def place(site_id: str) -> tuple[str, str]:
        name, commune = sites.get(site_id, ("", None))
        return name or "", communes.get(commune, "") if commune else ""

    needs = []
    for need in covered:
        site_name, commune = place(need["site"])
        needs.append(
            {
                "need": need["need"],
                "site": site_name,
                "commune": commune,
                "lat": need["lat"],
                "lon": need["lon"],
                "cameras": [
                    {**camera, "title": titles.get(camera["id"], camera["id"])}
                    for camera in need["cameras"]
                ],
            }
        )
    without = {
        category: [
            {"id": site_id, "name": place(site_id)[0], "commune": place(site_id)[1]}
            for site_id in ids
        ]
        for category, ids in sites_without_cameras(db).items()
    }
    return {"needs": needs, "sites_without": without}
