"""The GeoPackage report, written with sqlite3 by the OGC GeoPackage 1.3 encoding standard.

Layers (all EPSG:4326): ``cameras``, ``sites``, ``needs`` and ``plan_items`` (the city camera
plan) as points, ``view_cones`` as polygons, ``communes`` (the 2025 boundaries, with the report's
camera count) as multipolygons. Each layer has its R-tree spatial index (the
``gpkg_rtree_index`` extension, with the standard triggers) and a default QGIS style in the
``layer_styles`` table (cameras by condition, plan items by decision).

A view cone is a circular sector from the camera's position, from direction − angle/2
to direction + angle/2 (clockwise from north), as long as ``views.view_range_m`` says for the
camera's type: roughly the distance at which that kind of camera still shows a person usefully.
A view without a field-of-view angle gets ``views.DEFAULT_FIELD_OF_VIEW``; a 360° view is a full
disc. Cameras whose position was rounded (sensitive sites, ``omit_sensitive``) get no cone.

Geometries are GeoPackage binary: the "GP" header (version 0, little endian, SRS id, an
envelope for polygons) followed by little-endian WKB. Fields hold the report language's labels,
numbers as INTEGER/REAL.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.geo import METRES_PER_DEGREE
from fieldsurvey.core.reports import filters, tables
from fieldsurvey.core.reports.tables import Column, Job
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW, view_range_m

SRS_ID: Final = 4326
_ARC_STEP_DEG: Final = 5.0

_WGS84_WKT: Final = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

_CORE_TABLES: Final = (
    """CREATE TABLE gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL PRIMARY KEY,
        organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL,
        definition TEXT NOT NULL,
        description TEXT)""",
    """CREATE TABLE gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY,
        data_type TEXT NOT NULL,
        identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
        srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE gpkg_geometry_columns (
        table_name TEXT NOT NULL,
        column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL,
        m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)
_SRS_ROWS: Final = (
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate"),
    ("WGS 84 geodetic", SRS_ID, "EPSG", 4326, _WGS84_WKT, "longitude/latitude on WGS 84"),
)
_SQL_TYPES: Final = {"text": "TEXT", "int": "INTEGER", "money": "INTEGER", "real": "REAL"}

CONE_COLUMNS: Final = (
    Column("camera_id", "Mã camera", "Camera id"),
    Column("camera", "Tên camera", "Camera name"),
    Column("condition", "Tình trạng", "Condition"),
    Column("direction", "Hướng (độ)", "Direction (degrees)", "real"),
    Column("angle", "Góc nhìn (độ)", "Field of view (degrees)", "real"),
    Column("range_m", "Tầm nhìn (m)", "Range (m)", "real"),
)


_EXTENSIONS_TABLE: Final = """CREATE TABLE gpkg_extensions (
    table_name TEXT,
    column_name TEXT,
    extension_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"""
_STYLES_TABLE: Final = """CREATE TABLE layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog TEXT(256),
    f_table_schema TEXT(256),
    f_table_name TEXT(256),
    f_geometry_column TEXT(256),
    styleName TEXT(30),
    styleQML TEXT,
    styleSLD TEXT,
    useAsDefault BOOLEAN,
    description TEXT,
    owner TEXT(30),
    ui TEXT(30),
    update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""
# The R-tree extension's triggers (GeoPackage 1.3, annex F.3), for readers that edit the file.
_RTREE_TRIGGERS: Final = (
    "CREATE TRIGGER rtree_{t}_geom_insert AFTER INSERT ON {t} WHEN (new.geom NOT NULL AND NOT "
    "ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO rtree_{t}_geom VALUES (NEW.fid, "
    "ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END",
    "CREATE TRIGGER rtree_{t}_geom_update1 AFTER UPDATE OF geom ON {t} WHEN OLD.fid = NEW.fid "
    "AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "
    "rtree_{t}_geom VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), "
    "ST_MaxY(NEW.geom)); END",
    "CREATE TRIGGER rtree_{t}_geom_update2 AFTER UPDATE OF geom ON {t} WHEN OLD.fid = NEW.fid "
    "AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM rtree_{t}_geom WHERE id = "
    "OLD.fid; END",
    "CREATE TRIGGER rtree_{t}_geom_update3 AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND "
    "(NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM rtree_{t}_geom WHERE id = "
    "OLD.fid; INSERT OR REPLACE INTO rtree_{t}_geom VALUES (NEW.fid, ST_MinX(NEW.geom), "
    "ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END",
    "CREATE TRIGGER rtree_{t}_geom_update4 AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND "
    "(NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM rtree_{t}_geom WHERE id IN "
    "(OLD.fid, NEW.fid); END",
    "CREATE TRIGGER rtree_{t}_geom_delete AFTER DELETE ON {t} WHEN old.geom NOT NULL BEGIN "
    "DELETE FROM rtree_{t}_geom WHERE id = OLD.fid; END",
)


def envelope(blob: bytes) -> tuple[float, float, float, float]:
    """(min_x, max_x, min_y, max_y) of a GeoPackage geometry this module writes: the header's
    envelope, or a point's coordinates."""
    if blob[3] & 0b1110:
        min_x, max_x, min_y, max_y = struct.unpack_from("<4d", blob, 8)
        return min_x, max_x, min_y, max_y
    x, y = struct.unpack_from("<dd", blob, 8 + 5)
    return x, x, y, y


def point_blob(lon: float, lat: float) -> bytes:
    """A GeoPackage point: header without envelope, then WKB Point (little endian)."""
    return b"GP\x00\x01" + struct.pack("<iBIdd", SRS_ID, 1, 1, lon, lat)


def polygon_blob(ring: Sequence[tuple[float, float]]) -> bytes:
    """A GeoPackage polygon of one closed ring, with its [minx, maxx, miny, maxy] envelope."""
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    header = b"GP\x00\x03" + struct.pack("<i4d", SRS_ID, min(xs), max(xs), min(ys), max(ys))
    wkb = struct.pack("<BIII", 1, 3, 1, len(ring)) + b"".join(
        struct.pack("<dd", x, y) for x, y in ring
    )
    return header + wkb


def multipolygon_blob(polygons: Sequence[Sequence[Sequence[Sequence[float]]]]) -> bytes:
    """A GeoPackage multipolygon (each polygon a list of rings), with its envelope."""
    xs = [p[0] for polygon in polygons for ring in polygon for p in ring]
    ys = [p[1] for polygon in polygons for ring in polygon for p in ring]
    header = b"GP\x00\x03" + struct.pack("<i4d", SRS_ID, min(xs), max(xs), min(ys), max(ys))
    wkb = struct.pack("<BII", 1, 6, len(polygons))
    for polygon in polygons:
        wkb += struct.pack("<BII", 1, 3, len(polygon))
        for ring in polygon:
            wkb += struct.pack("<I", len(ring)) + b"".join(
                struct.pack("<dd", p[0], p[1]) for p in ring
            )
    return header + wkb


def cone_ring(
    lon: float, lat: float, direction: float, angle: float, range_m: float
) -> list[tuple[float, float]]:
    """The sector's ring (counter-clockwise, closed): apex, arc from left to right edge, apex.

    Metres become degrees on a local flat approximation, which is far below a cone's own
    uncertainty at these ranges.
    """
    dlat = range_m / METRES_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    angle = min(max(angle, 1.0), 360.0)
    steps = max(2, math.ceil(angle / _ARC_STEP_DEG))
    start = direction - angle / 2
    arc = []
    for i in range(steps + 1):
        bearing = math.radians(start + angle * i / steps)
        arc.append((lon + dlon * math.sin(bearing), lat + dlat * math.cos(bearing)))
    # Bearings run clockwise; reversed they make the counter-clockwise exterior ring that
    # GeoPackage readers expect.
    if angle >= 360.0:
        ring = arc[::-1]
        ring[-1] = ring[0]
        return ring
    return [(lon, lat), *arc[::-1], (lon, lat)]


class _Layer:
    def __init__(
        self,
        conn: sqlite3.Connection,
        name: str,
        geometry_type: str,
        cols: Sequence[Column],
        lang: str,
        description: str,
    ) -> None:
        self.conn, self.name, self.cols = conn, name, cols
        fields = ", ".join(f'"{c.key}" {_SQL_TYPES[c.kind]}' for c in cols)
        conn.execute(
            f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
            f"geom {geometry_type}, {fields})"
        )
        conn.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (?, 'features', ?, ?, ?)",
            (name, name, description, SRS_ID),
        )
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
            (name, geometry_type, SRS_ID),
        )
        self.sql = (
            f'INSERT INTO "{name}" (geom, {", ".join(chr(34) + c.key + chr(34) for c in cols)}) '
            f"VALUES ({', '.join('?' * (len(cols) + 1))})"
        )
        self.bounds = [math.inf, math.inf, -math.inf, -math.inf]
        self.count = 0

    def add_many(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self.conn.executemany(self.sql, rows)

    def finish(self, last_change: str) -> None:
        row = self.conn.execute(f'SELECT count(*) FROM "{self.name}"').fetchone()
        self.count = int(row[0])
        self._spatial_index()
        min_x, min_y, max_x, max_y = self.bounds
        if self.count and math.isfinite(min_x):
            self.conn.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                "last_change = ? WHERE table_name = ?",
                (min_x, min_y, max_x, max_y, last_change, self.name),
            )
        else:
            self.conn.execute(
                "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
                (last_change, self.name),
            )

    def _spatial_index(self) -> None:
        """The layer's R-tree (filled from the geometries' envelopes) and its triggers."""
        name = self.name
        self.conn.execute(
            f'CREATE VIRTUAL TABLE "rtree_{name}_geom" USING rtree(id, minx, maxx, miny, maxy)'
        )
        self.conn.executemany(
            f'INSERT INTO "rtree_{name}_geom" VALUES (?, ?, ?, ?, ?)',
            (
                (fid, *envelope(geom))
                for fid, geom in self.conn.execute(
                    f'SELECT fid, geom FROM "{name}" WHERE geom IS NOT NULL'
                ).fetchall()
            ),
        )
        for trigger in _RTREE_TRIGGERS:
            self.conn.execute(trigger.format(t=name))
        self.conn.execute(
            "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
            (name,),
        )

    def grow(self, min_x: float, min_y: float, max_x: float, max_y: float) -> None:
        b = self.bounds
        b[0], b[1] = min(b[0], min_x), min(b[1], min_y)
        b[2], b[3] = max(b[2], max_x), max(b[3], max_y)


def _values(cols: Sequence[Column], row: Mapping[str, Any]) -> list[Any]:
    return [None if row[c.key] == "" else row[c.key] for c in cols]


def _points(
    layer: _Layer, rows: Iterable[Mapping[str, Any]], job: Job, message: str
) -> Iterator[tuple[Any, ...]]:
    for row in rows:
        lat, lon = row["lat"], row["lon"]
        geom = None
        if lat is not None and lon is not None:
            geom = point_blob(lon, lat)
            layer.grow(lon, lat, lon, lat)
        yield (geom, *_values(layer.cols, row))
        job.step(message)


def write_gpkg(job: Job, path: Path, today: dt.date) -> dict[str, int]:
    db, where, lang = job.db, job.where, job.lang
    job.total = sum(tables.count(db, t, where) for t in ("cameras", "sites", "needs"))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA application_id = {0x47504B47}")
        conn.execute("PRAGMA user_version = 10300")
        conn.execute("BEGIN")
        for ddl in (*_CORE_TABLES, _EXTENSIONS_TABLE, _STYLES_TABLE):
            conn.execute(ddl)
        conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS_ROWS)
        en = lang == "en"
        camera_cols = tables.columns(tables.CAMERA_COLUMNS, job.omit_sensitive)
        cameras = _Layer(
            conn,
            "cameras",
            "POINT",
            camera_cols,
            lang,
            "Existing cameras" if en else "Camera hiện có",
        )
        cones = _Layer(
            conn,
            "view_cones",
            "POLYGON",
            CONE_COLUMNS,
            lang,
            "Camera view cones" if en else "Vùng quan sát của camera",
        )
        # Batches keep memory flat: a city has a quarter of a million cones.
        camera_batch: list[tuple[Any, ...]] = []
        cone_batch: list[tuple[Any, ...]] = []
        for cam in job.cameras():
            v = cam.values
            lat, lon = v["lat"], v["lon"]
            geom = None
            if lat is not None and lon is not None:
                geom = point_blob(lon, lat)
                cameras.grow(lon, lat, lon, lat)
                for direction, angle in cam.views:
                    cone_batch.append(_cone(cones, cam, lon, lat, direction, angle))
            camera_batch.append((geom, *_values(camera_cols, v)))
            if len(camera_batch) >= filters.STEP:
                cameras.add_many(camera_batch)
                cones.add_many(cone_batch)
                camera_batch.clear()
                cone_batch.clear()
            job.step("GeoPackage")
        cameras.add_many(camera_batch)
        cones.add_many(cone_batch)
        sites = _Layer(
            conn, "sites", "POINT", tables.SITE_COLUMNS, lang, "Sites" if en else "Địa điểm"
        )
        sites.add_many(
            _points(
                sites,
                tables.site_records(db, where, lang, job.omit_sensitive),
                job,
                "GeoPackage",
            )
        )
        needs = _Layer(
            conn,
            "needs",
            "POINT",
            tables.NEED_COLUMNS,
            lang,
            "Needs for new cameras" if en else "Nhu cầu lắp đặt mới",
        )
        needs.add_many(
            _points(
                needs,
                job.needs(),
                job,
                "GeoPackage",
            )
        )
        plan = _Layer(
            conn,
            "plan_items",
            "POINT",
            tables.PLAN_COLUMNS,
            lang,
            "The city camera plan" if en else "Phương án tổng thể",
        )
        plan.add_many(
            _points(
                plan, tables.plan_records(db, where, lang, job.omit_sensitive), job, "GeoPackage"
            )
        )
        communes = _communes_layer(conn, job)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        for layer in (cameras, cones, sites, needs, plan, communes):
            layer.finish(stamp)
        _styles(conn, lang)
        job.check()
        conn.execute("COMMIT")
    finally:
        conn.close()
    return {
        "cameras": cameras.count,
        "view_cones": cones.count,
        "sites": sites.count,
        "needs": needs.count,
        "plan_items": plan.count,
        "communes": communes.count,
    }


def _cone(
    layer: _Layer,
    cam: tables.CameraRow,
    lon: float,
    lat: float,
    direction: float,
    angle: float | None,
) -> tuple[Any, ...]:
    fov = DEFAULT_FIELD_OF_VIEW if angle is None else angle
    reach = view_range_m(cam.codes["camera_type"])
    ring = cone_ring(lon, lat, direction, fov, reach)
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    layer.grow(min(xs), min(ys), max(xs), max(ys))
    v = cam.values
    return (
        polygon_blob(ring),
        v["id"],
        v["name"] or None,
        v["condition"] or None,
        direction,
        fov,
        reach,
    )


COMMUNE_COLUMNS: Final = (
    Column("code", "Mã xã", "Commune code"),
    Column("name", "Xã, phường", "Commune"),
    Column("cameras", "Camera hiện có", "Existing cameras", "int"),
)


def _communes_layer(conn: sqlite3.Connection, job: Job) -> _Layer:
    """The 2025 commune boundaries, each with the report's camera count."""
    en = job.lang == "en"
    layer = _Layer(
        conn,
        "communes",
        "MULTIPOLYGON",
        COMMUNE_COLUMNS,
        job.lang,
        "Commune boundaries (2025)" if en else "Ranh giới xã, phường (2025)",
    )
    cameras = {
        str(row["commune_code"]): int(row["cameras"])
        for row in tables.commune_summary(job.db, job.where, job.lang)
        if row["commune_code"]
    }
    rows = []
    for feature in reference.boundary_geojson(reference.COMMUNE)["features"]:
        polygons = feature["geometry"]["coordinates"]
        blob = multipolygon_blob(polygons)
        min_x, max_x, min_y, max_y = envelope(blob)
        layer.grow(min_x, min_y, max_x, max_y)
        code = feature["properties"]["code"]
        rows.append((blob, code, feature["properties"]["name"], cameras.get(code, 0)))
    layer.add_many(rows)
    return layer


# -- QGIS styles -----------------------------------------------------------------------------------


def _rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    return ",".join(str(int(value[i : i + 2], 16)) for i in (0, 2, 4)) + ",255"


def _marker(name: str, colour: str, size: float = 2.4) -> str:
    return (
        f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
        '<layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">'
        f'<Option type="QString" name="color" value="{_rgb(colour)}"/>'
        '<Option type="QString" name="name" value="circle"/>'
        f'<Option type="QString" name="size" value="{size}"/>'
        '<Option type="QString" name="outline_color" value="255,255,255,255"/>'
        '<Option type="QString" name="outline_width" value="0.2"/>'
        "</Option></layer></symbol>"
    )


def _categorized(field: str, categories: Sequence[tuple[str, str]]) -> str:
    """A QGIS 3 style: points coloured by the value of ``field`` (value, colour)."""
    cats = "".join(
        f'<category symbol="{i}" value="{escape(value)}" label="{escape(value)}" render="true"/>'
        for i, (value, _) in enumerate(categories)
    )
    symbols = "".join(_marker(str(i), colour) for i, (_, colour) in enumerate(categories))
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        '<qgis version="3.28" styleCategories="Symbology">'
        f'<renderer-v2 type="categorizedSymbol" attr="{field}" symbollevels="0" '
        f'enableorderby="0" forceraster="0"><categories>{cats}</categories>'
        f"<symbols>{symbols}</symbols></renderer-v2></qgis>"
    )


def _outline() -> str:
    """A QGIS 3 style: boundaries as thin grey lines, no fill."""
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
        '<qgis version="3.28" styleCategories="Symbology">'
        '<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">'
        '<symbols><symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">'
        '<layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">'
        '<Option type="QString" name="style" value="no"/>'
        '<Option type="QString" name="outline_color" value="120,120,120,255"/>'
        '<Option type="QString" name="outline_width" value="0.3"/>'
        "</Option></layer></symbol></symbols></renderer-v2></qgis>"
    )


_CONDITION_COLOURS: Final = {
    "working": "#2E7D32",
    "degraded": "#F9A825",
    "not_working": "#C62828",
    "removed": "#757575",
}
_DECISION_COLOURS: Final = {
    "reuse": "#1A9850",
    "connect": "#2C7BB6",
    "upgrade": "#F46D43",
    "new": "#7B3294",
}


def _styles(conn: sqlite3.Connection, lang: str) -> None:
    """Default QGIS styles: cameras by condition, plan items by decision, commune outlines
    (the values are the labels the layers hold, in the report's language)."""
    conditions = [
        (vocabulary.label("camera_condition", code, lang), colour)
        for code, colour in _CONDITION_COLOURS.items()
    ]
    decisions = [
        (vocabulary.label("plan_decision", code, lang), colour)
        for code, colour in _DECISION_COLOURS.items()
    ]
    for table, qml in (
        ("cameras", _categorized("condition", conditions)),
        ("plan_items", _categorized("decision", decisions)),
        ("communes", _outline()),
    ):
        conn.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner) "
            "VALUES ('', '', ?, 'geom', ?, ?, '', 1, 'FieldSurvey', '')",
            (table, table, qml),
        )
