"""Find a place by name: streets, places and points of interest of the basemap, typed without
accents ("hang bai", "cho hom", "benh vien bach mai"), and coordinates in every form the editor
accepts.

The index is built once per basemap file from its most detailed tiles (decoded with
mapbox-vector-tile; a tile is data, and only its names and positions are kept) into an SQLite
file in the app's cache, named by the basemap's size and hash, with an FTS5 table over the
folded names. A street is one line in many tiles: its pieces are gathered by name, and pieces
more than ``STREET_GAP_M`` apart are told apart as different streets of the same name."""

from __future__ import annotations

import hashlib
import logging
import math
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

import mapbox_vector_tile
import sqlite_utils

from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.files import replace_durably
from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.location import parse_coordinates
from fieldsurvey.core.map import streets
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store import search as store_search
from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress, never_cancelled, no_progress
from fieldsurvey.core.text import fold, words

log = logging.getLogger(__name__)

INDEX_VERSION: Final = 1
STREET_GAP_M: Final = 1500.0
# The layers whose names a person looks for, and the kind each hit is given.
_LAYERS: Final = ("transportation_name", "poi", "place", "water_name", "park", "aerodrome_label")
BUILDING: Final = Message("map", QT_TRANSLATE_NOOP("map", "Đang lập chỉ mục địa danh"))
_MAX_NAME: Final = 200


@dataclass(frozen=True)
class Place:
    """One hit: what it is called, what kind of thing it is, and where."""

    name: str
    kind: str
    lat: float
    lon: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _tile_to_lonlat(
    z: int, x: int, y_xyz: int, gx: float, gy: float, extent: int
) -> tuple[float, float]:
    """A point of a tile (y growing upwards, as the decoder gives it) as (lon, lat)."""
    n = 2**z
    px = (x + gx / extent) / n
    py = (y_xyz + 1 - gy / extent) / n
    lon = px * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py))))
    return lon, lat


def tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """The (x, y) of the tile holding (lon, lat) at ``zoom``, y counted from the north (XYZ)."""
    n = 2**zoom
    x = (lon + 180.0) / 360.0 * n
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return min(max(int(x), 0), n - 1), min(max(int(y), 0), n - 1)


def _parts(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """A decoded geometry's points, lines or rings, each a list of vertices in tile units."""
    coords: Any = geometry.get("coordinates") or []
    kind = geometry.get("type")
    if kind == "Point":
        parts: list[Any] = [[coords]]
    elif kind in ("MultiPoint", "LineString"):
        parts = [coords]
    elif kind in ("MultiLineString", "Polygon"):
        parts = list(coords)
    elif kind == "MultiPolygon":
        parts = [ring for polygon in coords for ring in polygon]
    else:
        return []
    return [[(float(p[0]), float(p[1])) for p in part] for part in parts]


def feature_name(properties: dict[str, Any]) -> str | None:
    """A feature's name, Latin script first (the basemap's names carry their diacritics there),
    spaces collapsed; None when it has none."""
    value = properties.get("name:latin") or properties.get("name")
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:_MAX_NAME] if value else None


@dataclass(frozen=True)
class TileFeature:
    """One feature of one tile: its layer, its properties, and its points, lines or rings as
    lists of (lon, lat)."""

    layer: str
    properties: dict[str, Any]
    parts: list[list[tuple[float, float]]]
    tile: tuple[int, int]


def tile_features(
    basemap: Path,
    layers: Sequence[str],
    *,
    tiles: Collection[tuple[int, int]] | None = None,
    named_only: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> Iterator[TileFeature]:
    """Every feature of ``layers`` in the basemap's deepest zoom, tile by tile and in the order
    of ``layers`` within a tile: only the tiles ``tiles`` (XYZ x, y at that zoom) when given,
    only the features with a name when ``named_only``. A tile that cannot be unpacked or
    decoded is skipped, like a missing one."""
    with closing(sqlite3.connect(f"file:{basemap}?mode=ro", uri=True)) as db:
        (zoom,) = db.execute("SELECT max(zoom_level) FROM tiles").fetchone()
        rows: Iterable[tuple[int, int, bytes | None]]
        if tiles is None:
            (total,) = db.execute(
                "SELECT count(*) FROM tiles WHERE zoom_level = ?", (zoom,)
            ).fetchone()
            rows = db.execute(
                "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ?", (zoom,)
            )
        else:
            wanted = sorted({(x, 2**zoom - 1 - y) for x, y in tiles})
            total = len(wanted)
            rows = (
                (x, row, found[0])
                for x, row in wanted
                for found in db.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                    "AND tile_row = ?",
                    (zoom, x, row),
                )
            )
        for number, (x, row, data) in enumerate(rows):
            if number % 50 == 0:
                if cancel():
                    raise Cancelled
                progress(number, total, BUILDING)
            y_xyz = 2**zoom - 1 - row
            if not data:
                continue
            try:
                decoded = mapbox_vector_tile.decode(streets.inflate(data, basemap))
            except Exception:  # a damaged, oversized or foreign tile: skipped, like a missing one
                log.warning("Tile %s/%s/%s of %s cannot be decoded", zoom, x, row, basemap)
                continue
            for layer in layers:
                content = decoded.get(layer)
                if not content:
                    continue
                extent = int(content.get("extent") or 4096)
                for feature in content["features"]:
                    properties = feature.get("properties") or {}
                    if named_only and feature_name(properties) is None:
                        continue
                    parts = [
                        [_tile_to_lonlat(zoom, x, y_xyz, gx, gy, extent) for gx, gy in part]
                        for part in _parts(feature.get("geometry") or {})
                    ]
                    yield TileFeature(layer, properties, parts, (x, y_xyz))


def _kind(layer: str, properties: dict[str, Any]) -> str:
    if layer == "transportation_name":
        return "rail" if properties.get("class") in ("rail", "transit") else "street"
    if layer == "water_name":
        return str(properties.get("class") or "water")
    if layer == "place":
        return str(properties.get("class") or "place")
    if layer == "park":
        return "park"
    if layer == "aerodrome_label":
        return "aerodrome"
    return str(properties.get("subclass") or properties.get("class") or "poi")


def _features(
    basemap: Path, progress: Progress, cancel: Cancel
) -> Iterator[tuple[str, str, list[tuple[float, float]]]]:
    """(name, kind, [(lon, lat)…]) of every named feature of the basemap's deepest zoom."""
    for feature in tile_features(
        basemap, _LAYERS, named_only=True, progress=progress, cancel=cancel
    ):
        name = feature_name(feature.properties)
        if name is None:
            continue
        points = [point for part in feature.parts for point in part]
        if points:
            yield name, _kind(feature.layer, feature.properties), points


class _Cluster:
    """The pieces of one named thing close to each other."""

    __slots__ = ("kind", "lat", "lon", "n", "points")

    def __init__(self, kind: str, points: list[tuple[float, float]]) -> None:
        self.kind = kind
        self.points = list(points)
        self.lon = sum(p[0] for p in points) / len(points)
        self.lat = sum(p[1] for p in points) / len(points)
        self.n = len(points)

    def near(self, lon: float, lat: float, gap: float) -> bool:
        return distance_m(self.lat, self.lon, lat, lon) < gap

    def add(self, points: list[tuple[float, float]]) -> None:
        for lon, lat in points:
            self.n += 1
            self.lon += (lon - self.lon) / self.n
            self.lat += (lat - self.lat) / self.n
        self.points.extend(points)

    def anchor(self) -> tuple[float, float]:
        """The vertex nearest the middle: on the street itself, not beside a bend."""
        lon, lat = min(self.points, key=lambda p: (p[0] - self.lon) ** 2 + (p[1] - self.lat) ** 2)
        return lat, lon


def _gather(features: Iterator[tuple[str, str, list[tuple[float, float]]]]) -> list[Place]:
    """One place per named thing: a street's pieces (and a point repeated in the buffer of
    neighbouring tiles) gathered into one."""
    clusters: dict[tuple[str, str], list[_Cluster]] = {}
    for name, kind, points in features:
        gap = STREET_GAP_M if len(points) > 1 else 60.0
        lon = sum(p[0] for p in points) / len(points)
        lat = sum(p[1] for p in points) / len(points)
        same = clusters.setdefault((name, kind), [])
        for cluster in same:
            if cluster.near(lon, lat, gap):
                cluster.add(points)
                break
        else:
            same.append(_Cluster(kind, points))
    places = []
    for (name, kind), found in clusters.items():
        for cluster in found:
            lat, lon = cluster.anchor()
            places.append(Place(name, kind, round(lat, 6), round(lon, 6)))
    return places


def basemap_key(basemap: Path) -> str:
    """Names the index of one basemap file: its size and the hash of its bytes."""
    digest = hashlib.sha256()
    with basemap.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return f"{basemap.stat().st_size}-{digest.hexdigest()[:16]}-v{INDEX_VERSION}"


def index_path(basemap: Path, cache: Path) -> Path:
    return cache / f"places-{basemap_key(basemap)}.sqlite"


def build_index(
    basemap: Path,
    cache: Path,
    *,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> Path:
    """The place index of ``basemap`` in ``cache``: reused when it exists, else built (into a
    temporary file renamed when whole, so a crash or a cancel leaves no half index)."""
    target = index_path(basemap, cache)
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    try:
        places = _gather(_features(basemap, progress, cancel))
    except sqlite3.DatabaseError as exc:
        raise FieldSurveyError(
            Message(
                "map",
                QT_TRANSLATE_NOOP("map", "Không đọc được bản đồ nền {name}: {reason}"),
                {"name": basemap.name, "reason": str(exc)},
            ),
            code="basemap_unreadable",
        ) from exc
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as db:
        db.executescript(
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT "
            "NULL, lat REAL NOT NULL, lon REAL NOT NULL);"
            "CREATE VIRTUAL TABLE places_fts USING fts5(folded, content='', "
            "tokenize='unicode61', prefix='2 3');"
        )
        with db:
            db.executemany(
                "INSERT INTO places (id, name, kind, lat, lon) VALUES (?, ?, ?, ?, ?)",
                [(i, p.name, p.kind, p.lat, p.lon) for i, p in enumerate(places, 1)],
            )
            db.executemany(
                "INSERT INTO places_fts (rowid, folded) VALUES (?, ?)",
                [(i, fold(p.name)) for i, p in enumerate(places, 1)],
            )
    replace_durably(partial, target)
    log.info("Place index of %s built: %d places in %s", basemap.name, len(places), target)
    return target


# Streets and places first when names tie: they are what a surveyor orients by.
_KIND_ORDER: Final = {"street": 0, "quarter": 1, "suburb": 1, "village": 1, "town": 1, "city": 1}


def search(
    index: Path, query: str, *, limit: int = 10, near: tuple[float, float] | None = None
) -> list[Place]:
    """The places whose name holds every word of ``query`` (accents and case ignored, each word
    a prefix), whole-name matches first, then streets and places, then the nearest to ``near``
    (the map's centre); coordinates in ``query`` become a hit of their own."""
    query = query.strip()[:_MAX_NAME]
    hits = search_coordinates(query)
    tokens = words(query)[:8]
    if not tokens:
        return hits
    with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT p.name, p.kind, p.lat, p.lon FROM places_fts f JOIN places p "
            "ON p.id = f.rowid WHERE places_fts MATCH ? LIMIT 500",
            (" ".join(f'"{token}"*' for token in tokens),),
        ).fetchall()
    return (hits + _ordered([Place(*row) for row in rows], " ".join(tokens), near))[:limit]


def search_coordinates(query: str) -> list[Place]:
    """Coordinates typed in any form the editor accepts, as one hit (none if it is not)."""
    try:
        lat, lon = parse_coordinates(query.strip())
    except ValidationError:
        return []
    return [Place(f"{lat:.6f}, {lon:.6f}", "coordinates", lat, lon)]


def _ordered(found: list[Place], folded: str, near: tuple[float, float] | None) -> list[Place]:
    def order(place: Place) -> tuple[bool, bool, int, float]:
        name = " ".join(words(place.name))
        far = distance_m(near[0], near[1], place.lat, place.lon) if near else len(name)
        return (name != folded, not name.startswith(folded), _KIND_ORDER.get(place.kind, 2), far)

    return sorted(found, key=order)


def workspace_places(
    db: sqlite_utils.Database,
    query: str,
    *,
    limit: int = 10,
    near: tuple[float, float] | None = None,
) -> list[Place]:
    """The workspace's own sites with a position whose name or address holds ``query``."""
    hits = store_search.search(db, query, limit=limit, kinds=[SEARCH_KINDS["sites"]])
    ids = [hit["id"] for hit in hits]
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT id, name, lat, lon FROM sites WHERE id IN ({marks}) AND deleted = 0 "
        "AND lat IS NOT NULL AND lon IS NOT NULL",
        ids,
    ).fetchall()
    found = [Place(name, "site", lat, lon) for _id, name, lat, lon in rows]
    return _ordered(found, " ".join(words(query)), near)
