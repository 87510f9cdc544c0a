"""What the map draws, in the compact forms the page fetches: cameras as one binary block, the
list's filter as a byte mask, colour legends and boundary layers."""

from __future__ import annotations

import json
import struct
import sys
from array import array
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW

MAGIC = b"FSC1"
UNKNOWN = 255
# Colours by condition: green working, amber degraded, red not working, grey removed.
CONDITION_COLOURS = {
    "working": "#1a9641",
    "degraded": "#f4a11d",
    "not_working": "#d7191c",
    "removed": "#7f7f7f",
}
PURPOSE_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#9467bd",
    "#ff7f0e",
    "#2ca02c",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
)
UNKNOWN_COLOUR = "#555555"


@dataclass(frozen=True)
class CameraLayer:
    """The cameras of a workspace as the map draws them; ``ids[i]`` is the camera at index i."""

    ids: tuple[str, ...]
    payload: bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {camera_id: i for i, camera_id in enumerate(self.ids)})

    def index_of(self, camera_id: str) -> int:
        """The camera's index in the layer, or -1 when it is not drawn (no position)."""
        return int(self._index.get(camera_id, -1))  # type: ignore[attr-defined]


def _little_endian(values: array[Any]) -> bytes:
    if sys.byteorder != "little":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def camera_layer(db: sqlite_utils.Database) -> CameraLayer:
    """Every live camera with a position, packed for the page (format in camera_layer.js):
    "FSC1", N, V, lon[N] f32, lat[N] f32, condition[N] u8, purpose[N] u8, view count[N] u8,
    padding to 4 bytes, then (direction, angle) f32 pairs for the V views in camera order."""
    conditions = {code: i for i, code in enumerate(vocabulary.codes("camera_condition"))}
    purposes = {code: i for i, code in enumerate(vocabulary.codes("camera_purpose"))}
    ids: list[str] = []
    lons, lats, views = array("f"), array("f"), array("f")
    condition, purpose, counts = bytearray(), bytearray(), bytearray()
    rows = db.execute(
        "SELECT id, lon, lat, condition, purposes, views FROM cameras "
        "WHERE deleted = 0 AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY rowid"
    )
    for camera_id, lon, lat, cond, purpose_json, views_json in rows:
        ids.append(camera_id)
        lons.append(lon)
        lats.append(lat)
        condition.append(conditions.get(cond, UNKNOWN))
        codes = json.loads(purpose_json) if purpose_json else []
        purpose.append(purposes.get(codes[0], UNKNOWN) if codes else UNKNOWN)
        n = 0
        for view in json.loads(views_json) if views_json else []:
            if view.get("direction") is None or n == 255:
                continue
            views.append(view["direction"])
            views.append(view.get("angle") or DEFAULT_FIELD_OF_VIEW)
            n += 1
        counts.append(n)
    count = len(ids)
    head = MAGIC + struct.pack("<II", count, len(views) // 2)
    body = _little_endian(lons) + _little_endian(lats) + bytes(condition + purpose + counts)
    padding = b"\0" * (-(len(head) + len(body)) % 4)
    return CameraLayer(tuple(ids), head + body + padding + _little_endian(views))


def mask(layer: CameraLayer, allowed: Collection[str] | None) -> bytes:
    """One byte per camera of the layer: 1 where it is shown (all when ``allowed`` is None)."""
    if allowed is None:
        return b"\1" * len(layer.ids)
    return bytes(1 if camera_id in allowed else 0 for camera_id in layer.ids)


def legend(lang: str = "vi") -> dict[str, list[dict[str, str]]]:
    """Colour tables, indexed as in the binary layer, with their labels."""
    return {
        "condition": [
            {
                "label": vocabulary.label("camera_condition", code, lang),
                "colour": CONDITION_COLOURS.get(code, UNKNOWN_COLOUR),
            }
            for code in vocabulary.codes("camera_condition")
        ],
        "purpose": [
            {
                "label": vocabulary.label("camera_purpose", code, lang),
                "colour": PURPOSE_COLOURS[i % len(PURPOSE_COLOURS)],
            }
            for i, code in enumerate(vocabulary.codes("camera_purpose"))
        ],
    }


PROVINCES_FILE = "vietnam_34_provinces_2025_vietnam-3d-map.json"


def provinces() -> dict[str, Any]:
    """Việt Nam's 34 provinces (Hoàng Sa and Trường Sa included) as GeoJSON: the offline
    basemap's land, drawn from bundled data with no third-party tiles."""
    data = json.loads(resource_path("reference", PROVINCES_FILE).read_text(encoding="utf-8"))
    features = [
        {
            "type": "Feature",
            "properties": {"code": p["id"], "name": p["name"]},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[ring] for ring in p["polygons"] if len(ring) >= 3],
            },
        }
        for p in data["provinces"]
    ]
    return {"type": "FeatureCollection", "features": features}


def boundaries(level: str) -> dict[str, Any]:
    """The bundled commune or former-district boundaries as GeoJSON, for a map layer."""
    return reference.boundary_geojson(level)


_POINT_SQL = {
    "needs": "SELECT x.id, coalesce(x.lat, s.lat), coalesce(x.lon, s.lon), x.priority "
    "FROM needs x JOIN sites s ON s.id = x.site_id WHERE x.deleted = 0",
    # A shortcoming stands where its camera is, or at its site.
    "shortcomings": "SELECT x.id, coalesce(c.lat, s.lat), coalesce(c.lon, s.lon), x.kind "
    "FROM shortcomings x JOIN sites s ON s.id = x.site_id "
    "LEFT JOIN cameras c ON c.id = x.camera_id WHERE x.deleted = 0",
}


def point_layer(db: sqlite_utils.Database, table: str) -> dict[str, Any]:
    """Needs or shortcomings as GeoJSON points, with the code (priority or kind) of each."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": record_id, "code": code},
        }
        for record_id, lat, lon, code in db.execute(_POINT_SQL[table])
        if lat is not None and lon is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def sites_layer(db: sqlite_utils.Database) -> dict[str, Any]:
    """The sites with a position as GeoJSON points, with their name and category."""
    rows = db.execute(
        "SELECT id, lat, lon, name, category FROM sites WHERE deleted = 0 "
        "AND lat IS NOT NULL AND lon IS NOT NULL"
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": record_id, "name": name or "", "code": category},
        }
        for record_id, lat, lon, name, category in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def plan_layer(db: sqlite_utils.Database) -> dict[str, Any]:
    """The plan's proposed and accepted items as GeoJSON: a point for each, and for a new camera
    its cone as the map draws existing ones; each with its decision and state."""
    from fieldsurvey.core.office.plan import plan_items
    from fieldsurvey.core.reports.gpkg import cone_ring
    from fieldsurvey.core.views import view_range_m

    features: list[dict[str, Any]] = []
    for item in plan_items(db, states=("proposed", "accepted")):
        if item["lat"] is None or item["lon"] is None:
            continue
        properties = {"id": item["id"], "code": item["decision"], "state": item["state"]}
        if item["decision"] == "new" and item["direction"] is not None:
            ring = cone_ring(
                item["lon"],
                item["lat"],
                item["direction"],
                item["field_of_view"] or DEFAULT_FIELD_OF_VIEW,
                view_range_m(item["camera_type"]),
            )
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                    "properties": properties,
                }
            )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
