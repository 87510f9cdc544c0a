"""Putting a record on the map: a site moved with or without its cameras, and where a record
is (to centre the map on it)."""

from __future__ import annotations

import sqlite_utils

from fieldsurvey.core.store.records import RECORD_KINDS, record_kind
from fieldsurvey.core.store.workspace import Workspace


def has_position(table: str) -> bool:
    """Whether records of ``table`` have a place on the map (sites, cameras, needs)."""
    kind = RECORD_KINDS.get(table)
    return kind is not None and "lat" in kind.field_names


def position(db: sqlite_utils.Database, table: str, record_id: str) -> tuple[float, float] | None:
    """(lat, lon) of a record, None when it has no position (or is not there)."""
    if not has_position(table):
        return None
    row = db.execute(
        f"SELECT lat, lon FROM {table} WHERE id = ? AND deleted = 0 AND lat IS NOT NULL "
        "AND lon IS NOT NULL",
        [record_id],
    ).fetchone()
    return (float(row[0]), float(row[1])) if row else None


def cameras_with_position(db: sqlite_utils.Database, site_id: str) -> int:
    """How many of a site's cameras have a position (those a moved site could take along)."""
    return int(
        db.execute(
            "SELECT count(*) FROM cameras WHERE site_id = ? AND deleted = 0 AND lat IS NOT NULL "
            "AND lon IS NOT NULL",
            [site_id],
        ).fetchone()[0]
    )


def place_record(
    ws: Workspace, table: str, record_id: str, lat: float, lon: float, source: str
) -> None:
    """Put a camera or a need at (lat, lon), saying where the position came from when the
    record keeps that (a site moves with ``move_site``)."""
    values: dict[str, object] = {"lat": round(lat, 7), "lon": round(lon, 7)}
    if "location_source" in record_kind(table).field_names:
        values["location_source"] = source
    ws.update(table, record_id, values)


def move_site(
    ws: Workspace,
    site_id: str,
    lat: float,
    lon: float,
    *,
    with_cameras: bool,
    source: str = "map_pick",
) -> int:
    """Put a site at (lat, lon); with ``with_cameras`` its positioned cameras move by the same
    offset (so they keep where they stand around it). One transaction; returns the cameras
    moved."""
    with ws.transaction():
        site = ws.get("sites", site_id)
        old = (site["lat"], site["lon"])
        ws.update("sites", site_id, {"lat": lat, "lon": lon, "location_source": source})
        if not with_cameras or None in old:
            return 0
        d_lat, d_lon = lat - old[0], lon - old[1]
        cameras = ws.db.execute(
            "SELECT id, lat, lon FROM cameras WHERE site_id = ? AND deleted = 0 "
            "AND lat IS NOT NULL AND lon IS NOT NULL",
            [site_id],
        ).fetchall()
        for camera_id, camera_lat, camera_lon in cameras:
            ws.update(
                "cameras",
                camera_id,
                {
                    "lat": round(camera_lat + d_lat, 7),
                    "lon": round(camera_lon + d_lon, 7),
                    "location_source": source,
                },
            )
    return len(cameras)
