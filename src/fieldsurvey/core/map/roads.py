"""The streets of the basemap for a printed map: the roads and their names inside an extent, read
from the basemap's deepest zoom (``places.tile_features``), for a report's map of a commune or a
unit at street scale (``reports.pdf.MapFlowable``).

Only an extent of a few kilometres gets its streets: past ``MAX_TILES`` tiles of the deepest zoom
(about 10 km across at zoom 14) a printed street would be thinner than the paper shows, and the
map of the whole city shades communes instead. The roads of a tile are kept (``_tile_roads``,
least recently used first out) so the reports of neighbouring communes in one run read each tile
once.
"""

from __future__ import annotations

import functools
import math
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from fieldsurvey.core.map import basemaps, places
from fieldsurvey.core.reports.tables import Streets

# The road classes of the OpenMapTiles schema a printed map draws, widest first; paths, tracks,
# platforms and piers are left out.
DRAWN_CLASSES = (
    "motorway",
    "trunk",
    "primary",
    "secondary",
    "tertiary",
    "minor",
    "service",
    "pedestrian",
    "rail",
)
MAX_TILES = 16
# Roads of this many tiles are kept between documents (a tile's roads: a few hundred KB).
_KEPT_TILES = 64

Road = tuple[str, str | None, tuple[tuple[float, float], ...]]  # class, name, (lon, lat)…


def deepest_zoom(basemap: Path) -> int:
    with closing(sqlite3.connect(f"file:{basemap}?mode=ro", uri=True)) as db:
        (zoom,) = db.execute("SELECT max(zoom_level) FROM tiles").fetchone()
    return int(zoom)


def tiles_of(extent: tuple[float, float, float, float], zoom: int) -> list[tuple[int, int]]:
    """The (x, y) XYZ tiles at ``zoom`` covering ``extent`` (min_lon, min_lat, max_lon, max_lat)."""
    min_lon, min_lat, max_lon, max_lat = extent
    x0, y0 = places.tile_of(min_lon, max_lat, zoom)
    x1, y1 = places.tile_of(max_lon, min_lat, zoom)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


@functools.lru_cache(maxsize=_KEPT_TILES)
def _tile_roads(basemap: Path, tile: tuple[int, int]) -> tuple[Road, ...]:
    """The drawn roads of one tile, a line per part: the lines of ``transportation`` to draw
    (no name), and the named lines of ``transportation_name`` to print names along."""
    found: list[Road] = []
    for feature in places.tile_features(
        basemap, ("transportation", "transportation_name"), tiles=[tile]
    ):
        kind = str(feature.properties.get("class") or "")
        if kind not in DRAWN_CLASSES:
            continue
        name = None
        if feature.layer == "transportation_name":
            name = places.feature_name(feature.properties)
            if name is None:
                continue
        found.extend((kind, name, tuple(part)) for part in feature.parts if len(part) >= 2)
    return tuple(found)


def roads_in(basemap: Path, extent: tuple[float, float, float, float]) -> Sequence[Road]:
    """The roads inside ``extent`` (lines whose name is None are drawn; named lines carry the
    street names to print), or nothing when the extent is wider than MAX_TILES tiles."""
    if not all(math.isfinite(v) for v in extent):
        return ()
    zoom = deepest_zoom(basemap)
    tiles = tiles_of(extent, zoom)
    if not tiles or len(tiles) > MAX_TILES:
        return ()
    return [road for tile in tiles for road in _tile_roads(basemap, tile)]


def printed_streets() -> Streets:
    """What a report is handed to draw streets: the roads of the basemap the map draws."""
    return functools.partial(roads_in, basemaps.active())
