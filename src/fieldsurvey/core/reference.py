"""Hà Nội's official administrative units, the 2025 old→new table, and an offline point lookup."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, Final, TypedDict

import sqlite_utils

from fieldsurvey.core import collation
from fieldsurvey.core.geo import METRES_PER_DEGREE, metres_per_degree_lon
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.text import fold

COMMUNES_CSV: Final = "hanoi_126_communes_2025_official_from_vietnam-provinces-2026.9.0.csv"
DISTRICTS_CSV: Final = "hanoi_30_districts_pre2025_from_dvhcvn.csv"
WARDS_CSV: Final = "hanoi_526_wards_pre2025_from_dvhcvn.csv"
OLD_TO_NEW_CSV: Final = "hanoi_old_to_new_2025.csv"
COMMUNES_GEO: Final = "hanoi_126_communes_2025_vietnam-3d-map.json"
DISTRICTS_GEO: Final = "hanoi_30_districts_pre2025_dvhcvn.json"

COMMUNE: Final = "commune"
DISTRICT: Final = "district"
WARD: Final = "ward"
# Former wards have no bundled polygons, so only these two levels can answer commune_at().
BOUNDARY_LEVELS: Final = (COMMUNE, DISTRICT)

# A ring is a list of [lon, lat]; a polygon is its outer ring followed by its holes (GeoJSON order).
Ring = Sequence[Sequence[float]]
Polygon = Sequence[Ring]
_FrozenPolygon = tuple[tuple[tuple[float, float], ...], ...]

_DDL: Final = (
    """
    CREATE TABLE admin_units (
        level TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        type TEXT NOT NULL,
        parent_code TEXT,
        current INTEGER NOT NULL,
        name_folded TEXT NOT NULL,
        PRIMARY KEY (level, code)
    )
    """,
    # Records store a bare commune code, and codes repeat across levels ("00004" is both the
    # former Phường Trúc Bạch and today's Phường Ba Đình), so lookups by code alone need this.
    "CREATE INDEX admin_units_code ON admin_units (code)",
    """
    CREATE TABLE admin_unit_changes (
        old_code TEXT NOT NULL,
        old_name TEXT NOT NULL,
        old_district_code TEXT NOT NULL,
        new_code TEXT NOT NULL,
        new_name TEXT NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (old_code, new_code)
    )
    """,
    "CREATE INDEX admin_unit_changes_new_code ON admin_unit_changes (new_code)",
    """
    CREATE TABLE admin_boundaries (
        id INTEGER PRIMARY KEY,
        level TEXT NOT NULL,
        code TEXT NOT NULL,
        ring TEXT NOT NULL,
        min_lon REAL NOT NULL,
        min_lat REAL NOT NULL,
        max_lon REAL NOT NULL,
        max_lat REAL NOT NULL,
        FOREIGN KEY (level, code) REFERENCES admin_units (level, code)
    )
    """,
    "CREATE INDEX admin_boundaries_level_code ON admin_boundaries (level, code)",
    """
    CREATE VIRTUAL TABLE admin_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat)
    """,
)

# The R*Tree stores 32-bit floats but rounds every box outwards, so it can only return extra
# candidates, never miss one; the exact test below settles them. CROSS JOIN pins the R*Tree as
# the outer loop: left to itself the planner walks every boundary of the level through the
# level index and probes the R*Tree by id, which is 20 times slower.
_CANDIDATES_SQL: Final = """
    SELECT b.code, b.ring
    FROM admin_rtree AS r CROSS JOIN admin_boundaries AS b ON b.id = r.id
    WHERE r.min_lon <= :lon + :margin_lon AND r.max_lon >= :lon - :margin_lon
      AND r.min_lat <= :lat + :margin_lat AND r.max_lat >= :lat - :margin_lat
      AND b.level = :level
    ORDER BY b.id
"""
# The bundled polygons are simplified, so neighbouring communes leave slivers between them
# (about 0.7% of the city's area). A point in such a gap belongs to the nearest commune when
# that commune's edge is at most this far away.
GAP_TOLERANCE_M: Final = 300.0


class Commune(TypedDict):
    """One of the 126 current commune-level units."""

    code: str
    name: str
    short_name: str
    type: str


def _read_csv(name: str) -> list[dict[str, str]]:
    with resource_path("reference", name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_json(name: str) -> Any:
    with resource_path("reference", name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _short_name(name: str, unit_type: str) -> str:
    prefix = unit_type + " "
    if name.casefold().startswith(prefix.casefold()):
        return name[len(prefix) :]
    return name


def _unit(
    level: str, code: str, name: str, unit_type: str, parent_code: str | None, current: bool
) -> dict[str, object]:
    # The sources capitalise types inconsistently ("Thị xã", "Phường", "phường").
    unit_type = unit_type.strip().lower()
    return {
        "level": level,
        "code": code,
        "name": name,
        "short_name": _short_name(name, unit_type),
        "type": unit_type,
        "parent_code": parent_code,
        "current": int(current),
        "name_folded": fold(name),
    }


def _units() -> Iterator[dict[str, object]]:
    for row in _read_csv(COMMUNES_CSV):
        yield _unit(
            COMMUNE, row["commune_code"], row["commune_name"], row["division_type"], None, True
        )
    for row in _read_csv(DISTRICTS_CSV):
        yield _unit(DISTRICT, row["district_code"], row["district_name"], row["type"], None, False)
    for row in _read_csv(WARDS_CSV):
        yield _unit(
            WARD, row["ward_code"], row["ward_name"], row["ward_type"], row["district_code"], False
        )


def _boundaries(level: str) -> Iterator[tuple[str, list[Polygon]]]:
    """(code, polygons) for every unit of ``level``, read from the bundled geometry."""
    if level == COMMUNE:
        for ward in _read_json(COMMUNES_GEO)["wards"]:
            # This file gives outer rings only, one per part of the commune.
            yield str(ward["id"]), [[ring] for ring in ward["polygons"]]
    elif level == DISTRICT:
        for district in _read_json(DISTRICTS_GEO)["level2s"]:
            coordinates = district["coordinates"]
            polygons = [coordinates] if district["type"] == "Polygon" else coordinates
            yield str(district["level2_id"]), polygons
    else:
        raise ValueError(f"no boundaries for level {level!r}; use one of {BOUNDARY_LEVELS}")


def install_reference_data(db: sqlite_utils.Database) -> None:
    """Create and fill the reference tables; the caller owns the transaction."""
    for statement in _DDL:
        db.execute(statement)

    units = list(_units())
    db.table("admin_units").insert_all(units)
    known = {(str(unit["level"]), str(unit["code"])) for unit in units}

    db.table("admin_unit_changes").insert_all(
        {
            "old_code": row["old_code"],
            "old_name": row["old_name"],
            "old_district_code": row["old_district_code"],
            "new_code": row["new_code"],
            "new_name": row["new_name"],
            "note": row["note"],
        }
        for row in _read_csv(OLD_TO_NEW_CSV)
    )

    boundaries: list[dict[str, object]] = []
    for level in BOUNDARY_LEVELS:
        for code, polygons in sorted(_boundaries(level), key=lambda item: item[0]):
            if (level, code) not in known:
                # A polygon for a unit not in the official list would silently invent a unit.
                raise ValueError(f"bundled boundary for unknown {level} {code!r}")
            for polygon in polygons:
                lons = [point[0] for point in polygon[0]]
                lats = [point[1] for point in polygon[0]]
                boundaries.append(
                    {
                        "id": len(boundaries) + 1,
                        "level": level,
                        "code": code,
                        "ring": json.dumps(polygon, separators=(",", ":")),
                        "min_lon": min(lons),
                        "min_lat": min(lats),
                        "max_lon": max(lons),
                        "max_lat": max(lats),
                    }
                )
    db.table("admin_boundaries").insert_all(boundaries)
    db.execute(
        "INSERT INTO admin_rtree (id, min_lon, max_lon, min_lat, max_lat) "
        "SELECT id, min_lon, max_lon, min_lat, max_lat FROM admin_boundaries"
    )


def point_in_rings(lon: float, lat: float, rings: Sequence[Ring]) -> bool:
    """Whether (lon, lat) is inside ``rings`` by the even-odd rule, so holes cut out."""
    inside = False
    for ring in rings:
        if len(ring) < 3:
            continue
        # Starting from the last vertex closes the ring whether or not the data repeats the first
        # point at the end; a repeated point only adds a zero-length edge, which never crosses.
        x_prev, y_prev = ring[-1][0], ring[-1][1]
        for vertex in ring:
            x, y = vertex[0], vertex[1]
            # Half-open in y, so a ray through a vertex counts the two edges meeting there once.
            if (y > lat) != (y_prev > lat) and lon < (x_prev - x) * (lat - y) / (y_prev - y) + x:
                inside = not inside
            x_prev, y_prev = x, y
    return inside


@lru_cache(maxsize=1024)
def _parse_polygon(text: str) -> _FrozenPolygon:
    # Keyed by the stored JSON itself, so the cache can never serve rings from another workspace
    # or an older copy of the table, and a warm lookup skips the JSON parse.
    return tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in json.loads(text))


def commune_at(
    db: sqlite_utils.Database, lon: float, lat: float, level: str = COMMUNE
) -> str | None:
    """Code of the ``level`` unit containing (lon, lat), or None outside every unit.

    The simplified commune polygons overlap slightly along some borders; there the unit with the
    lowest code wins, so the answer is at least stable.
    """
    if level not in BOUNDARY_LEVELS:
        raise ValueError(f"no boundaries for level {level!r}; use one of {BOUNDARY_LEVELS}")
    params: dict[str, object] = {
        "lon": lon,
        "lat": lat,
        "level": level,
        "margin_lon": 0.0,
        "margin_lat": 0.0,
    }
    for code, text in db.conn.execute(_CANDIDATES_SQL, params):
        if point_in_rings(lon, lat, _parse_polygon(text)):
            return str(code)
    margin_lat = GAP_TOLERANCE_M / METRES_PER_DEGREE
    params["margin_lat"] = margin_lat
    params["margin_lon"] = margin_lat / max(math.cos(math.radians(lat)), 0.01)
    best: tuple[float, str] | None = None
    for code, text in db.conn.execute(_CANDIDATES_SQL, params):
        distance = distance_to_rings_m(lon, lat, _parse_polygon(text))
        if distance <= GAP_TOLERANCE_M and (best is None or distance < best[0]):
            best = (distance, str(code))
    return None if best is None else best[1]


def distance_outside_m(db: sqlite_utils.Database, lon: float, lat: float, within_m: float) -> float:
    """How far (lon, lat) is from Hà Nội: 0 inside a commune (as ``commune_at`` finds it), else
    the distance in metres to the nearest commune's edge when one lies within ``within_m``, else
    ``math.inf`` (flat earth, good to a fraction of a percent over the ten kilometres or so it
    is asked about)."""
    if commune_at(db, lon, lat) is not None:
        return 0.0
    margin_lat = within_m / METRES_PER_DEGREE
    params: dict[str, object] = {
        "lon": lon,
        "lat": lat,
        "level": COMMUNE,
        "margin_lat": margin_lat,
        "margin_lon": margin_lat / max(math.cos(math.radians(lat)), 0.01),
    }
    best = math.inf
    for _code, text in db.conn.execute(_CANDIDATES_SQL, params):
        best = min(best, distance_to_rings_m(lon, lat, _parse_polygon(text)))
    return best if best <= within_m else math.inf


def distance_to_rings_m(lon: float, lat: float, rings: Sequence[Ring]) -> float:
    """Shortest distance in metres from (lon, lat) to the edges of ``rings`` (flat-earth
    approximation, good to a fraction of a percent over the few hundred metres it is used for)."""
    kx = metres_per_degree_lon(lat)
    ky = METRES_PER_DEGREE
    best = math.inf
    for ring in rings:
        if not ring:
            continue
        x_prev, y_prev = (ring[-1][0] - lon) * kx, (ring[-1][1] - lat) * ky
        for vertex in ring:
            x, y = (vertex[0] - lon) * kx, (vertex[1] - lat) * ky
            dx, dy = x - x_prev, y - y_prev
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(x_prev * dx + y_prev * dy) / length2))
            best = min(best, math.hypot(x_prev + t * dx, y_prev + t * dy))
            x_prev, y_prev = x, y
    return best


def communes(db: sqlite_utils.Database) -> list[Commune]:
    """The 126 current commune-level units, in Vietnamese alphabetical order of their names."""
    rows = db.conn.execute(
        "SELECT code, name, short_name, type FROM admin_units WHERE level = ? AND current = 1",
        (COMMUNE,),
    )
    return [
        Commune(code=code, name=name, short_name=short_name, type=unit_type)
        for code, name, short_name, unit_type in sorted(
            rows, key=lambda row: collation.sort_key(row[1])
        )
    ]


def bundled_communes() -> list[Commune]:
    """The 126 current commune-level units as bundled (no workspace needed), in Vietnamese
    alphabetical order of their names."""
    units = [u for u in _units() if u["level"] == COMMUNE]
    return [
        Commune(
            code=str(u["code"]),
            name=str(u["name"]),
            short_name=str(u["short_name"]),
            type=str(u["type"]),
        )
        for u in sorted(units, key=lambda u: collation.sort_key(str(u["name"])))
    ]


def commune_name(db: sqlite_utils.Database, code: str) -> str | None:
    """The name of the current commune with this code, or None when no commune has it (codes
    repeat across levels: only the commune level is looked at)."""
    row = db.conn.execute(
        "SELECT name FROM admin_units WHERE level = ? AND code = ?", (COMMUNE, code)
    ).fetchone()
    return None if row is None else str(row[0])


def district_of_ward(db: sqlite_utils.Database, ward_code: str) -> str | None:
    """Code of the former district a former (pre-July-2025) ward belonged to."""
    row = db.conn.execute(
        "SELECT parent_code FROM admin_units WHERE level = ? AND code = ?", (WARD, ward_code)
    ).fetchone()
    return None if row is None else str(row[0])


def successors(db: sqlite_utils.Database, old_ward_code: str) -> list[str]:
    """Codes of the current communes that took in all or part of a former ward."""
    rows = db.conn.execute(
        "SELECT new_code FROM admin_unit_changes WHERE old_code = ? ORDER BY new_code",
        (old_ward_code,),
    )
    return [str(code) for (code,) in rows]


def boundary_geojson(level: str) -> dict[str, Any]:
    """GeoJSON FeatureCollection of the bundled ``level`` boundaries, with code and name."""
    names_csv, code_column, name_column = (
        (COMMUNES_CSV, "commune_code", "commune_name")
        if level == COMMUNE
        else (DISTRICTS_CSV, "district_code", "district_name")
    )
    polygons_by_code = sorted(_boundaries(level), key=lambda item: item[0])
    # Names come from the official list, not the geometry file, which spells communes short.
    names = {row[code_column]: row[name_column] for row in _read_csv(names_csv)}
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": code, "name": names[code]},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
            for code, polygons in polygons_by_code
        ],
    }
