"""Place a workspace's photos that have no GPS from a surveyor's GPX track."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldsurvey.core.photos.gpx import geotag, read_gpx
from fieldsurvey.core.store.workspace import Workspace


def geotag_workspace(
    ws: Workspace,
    gpx_path: Path,
    *,
    tolerance_s: float = 60,
    camera_offset_s: float = 0,
    assumed_utc_offset: str = "+07:00",
) -> list[dict[str, Any]]:
    """Give every photo without a position the track's position at the time it was taken.

    Returns one outcome per photo without GPS: placed or not, where, how far in time from the
    nearest fix, and why not. Placed photos are updated through the write path, in one
    transaction; their location source becomes ``gpx_track``.
    """
    track = read_gpx(gpx_path)
    rows = ws.db.execute(
        "SELECT id, file_name, taken_at FROM photos WHERE deleted = 0 AND "
        "(lat IS NULL OR lon IS NULL) ORDER BY taken_at, id"
    ).fetchall()
    placements = geotag(
        track,
        [(str(photo_id), taken_at) for photo_id, _, taken_at in rows],
        tolerance_s=tolerance_s,
        camera_offset_s=camera_offset_s,
        assumed_utc_offset=assumed_utc_offset,
    )
    names = {str(photo_id): name for photo_id, name, _ in rows}
    outcomes = []
    with ws.transaction():
        for photo_id, placement in placements:
            placed = placement.lat is not None and placement.lon is not None
            if placed:
                values: dict[str, Any] = {
                    "lat": placement.lat,
                    "lon": placement.lon,
                    "location_source": "gpx_track",
                }
                if placement.ele is not None:
                    values["altitude_m"] = placement.ele
                ws.update("photos", photo_id, values)
            outcomes.append(
                {
                    "photo_id": photo_id,
                    "file_name": names[photo_id],
                    "placed": placed,
                    "lat": placement.lat,
                    "lon": placement.lon,
                    "gap_s": placement.gap_s,
                    "method": placement.method,
                    "reason": placement.reason,
                }
            )
    return outcomes
