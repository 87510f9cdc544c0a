"""The street basemap: OpenStreetMap vector tiles (OpenMapTiles schema) in an MBTiles file, drawn
by the map page itself (MapLibre) under the cameras.

Everything that comes from the file is data: a tile is bytes handed to the page's renderer, after
checking that it inflates within a size limit; names inside tiles are text the renderer draws.
The file is checked with the MBTiles checks of ``mbtiles.py`` and must hold vector tiles with the
OpenMapTiles layers the style draws. The style (``resources/basemap/style.json``) and the glyphs
(SDF ranges made from the bundled DejaVu fonts by ``scripts/build_glyphs.py``) are the app's own.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from types import TracebackType
from typing import Any

import mapbox_vector_tile

from fieldsurvey.core.map.mbtiles import MBTilesError, TileReader, TileSet
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.resources import resource_path

BUNDLED_NAME = "hanoi-osm-2021-08.mbtiles"
# ODbL 1.0 asks for this notice wherever the data is shown. Our own text, never the file's.
ATTRIBUTION = (
    '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL)'
)
# The layers of the OpenMapTiles schema (openmaptiles.org/schema); a street basemap must have
# "transportation", the layer of roads, in its tiles.
OPENMAPTILES_LAYERS = frozenset(
    {
        "aerodrome_label",
        "aeroway",
        "boundary",
        "building",
        "housenumber",
        "landcover",
        "landuse",
        "mountain_peak",
        "park",
        "place",
        "poi",
        "transportation",
        "transportation_name",
        "water",
        "water_name",
        "waterway",
    }
)
REQUIRED_LAYER = "transportation"
# A tile inflating beyond this is refused: real tiles of a city are well under 1 MB.
MAX_TILE_BYTES = 16 * 1024 * 1024
# Tiles looked at to decide what a file holds.
SAMPLE_TILES = 8
SOURCE_ID = "openmaptiles"
# The names (symbol and circle layers) read the same tiles as a second source, shown from the
# first frame with streets drawn: a source's tile is drawn only once every layer of it is laid
# out, and laying out the old quarter's thousands of names took the first paint past a second.
LABELS_SOURCE_ID = "openmaptiles-labels"
LABEL_LAYER_TYPES = frozenset({"symbol", "circle"})
AFTER_FIRST_PAINT = "fieldsurvey:after-first-paint"
_RANGE = re.compile(r"(\d{1,5})-(\d{1,5})")
_MAP = "map"


def bundled_path() -> Path:
    """The street basemap shipped with the app (Hà Nội, OpenStreetMap, August 2021)."""
    return resource_path("basemap", BUNDLED_NAME)


class StreetBasemap:
    """One street basemap file kept open for a map; safe to call from any thread."""

    def __init__(self, reader: TileReader, layers: frozenset[str]) -> None:
        self._reader = reader
        self.tileset: TileSet = reader.tileset
        self.layers = layers
        """The OpenMapTiles layers found in the file's tiles."""

    @classmethod
    def open(cls, path: Path) -> StreetBasemap:
        """Check ``path`` (an MBTiles file of OpenMapTiles vector tiles) and keep it open.

        Raises ``MBTilesError`` with a message for the user when the file is missing, broken,
        not MBTiles, raster images, or vector tiles of another schema."""
        reader = TileReader.open(path, vector=True)
        try:
            layers = _check_schema(reader)
        except BaseException:
            reader.close()
            raise
        return cls(reader, layers)

    def tile(self, z: int, x: int, y: int) -> bytes:
        """The vector tile ``z/x/y`` (XYZ) inflated, ready for the renderer; ``b""`` when the
        file has none there (an empty tile draws nothing). A tile that does not inflate, or
        inflates beyond ``MAX_TILE_BYTES``, raises ``MBTilesError``."""
        data = self._reader.tile(z, x, y)
        if data is None:
            return b""
        return inflate(data, self.tileset.path)

    def style(self, origin: str) -> dict[str, Any]:
        """The MapLibre style, its source and glyphs served from ``origin`` (the app's scheme),
        its zooms and bounds those of the file."""
        text = resource_path("basemap", "style.json").read_text("utf-8")
        style: dict[str, Any] = json.loads(text)
        source = style["sources"][SOURCE_ID]
        source["tiles"] = [f"{origin}/basemap/tiles/{{z}}/{{x}}/{{y}}.pbf"]
        # The style's own minimum stays when higher: below it nothing is drawn (the national
        # view is the page's provinces), so no tile need be asked for.
        source["minzoom"] = max(int(source.get("minzoom", 0)), self.tileset.min_zoom)
        source["maxzoom"] = self.tileset.max_zoom
        source["attribution"] = ATTRIBUTION
        if self.tileset.bounds is not None:
            source["bounds"] = list(self.tileset.bounds)
        style["glyphs"] = f"{origin}/basemap/glyphs/{{fontstack}}/{{range}}.pbf"
        # The same tiles, credited once (on the first source).
        style["sources"][LABELS_SOURCE_ID] = {**source, "attribution": ""}
        for layer in style["layers"]:
            if layer["type"] in LABEL_LAYER_TYPES:
                layer["source"] = LABELS_SOURCE_ID
                layer.setdefault("layout", {})["visibility"] = "none"
                layer.setdefault("metadata", {})[AFTER_FIRST_PAINT] = True
        return style

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> StreetBasemap:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def glyphs(fontstack: str, code_range: str) -> bytes:
    """The SDF glyphs of ``fontstack`` for ``code_range`` ("0-255", "7680-7935", …) as the
    renderer asks for them; ``b""`` (no glyphs: those characters are not drawn) for a font or a
    range the app does not have."""
    folder = resource_path("basemap", "glyphs")
    match = _RANGE.fullmatch(code_range)
    if match is None:
        return b""
    start, end = int(match[1]), int(match[2])
    if start % 256 or end != start + 255 or end > 0xFFFF:
        return b""
    # Only a fontstack the app ships: its name is looked up, never joined into a path as given.
    names = {p.name: p for p in folder.iterdir() if p.is_dir()} if folder.is_dir() else {}
    font = names.get(fontstack)
    if font is None:
        return b""
    target = font / f"{start}-{end}.pbf"
    return target.read_bytes() if target.is_file() else b""


def inflate(data: bytes, path: Path) -> bytes:
    """A stored vector tile as raw protobuf: gzip and zlib are inflated, raw tiles pass."""
    if not data.startswith(b"\x1f\x8b") and not (
        len(data) >= 2 and data[0] == 0x78 and (data[0] << 8 | data[1]) % 31 == 0
    ):
        return data
    inflater = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib, told by the header
    try:
        out = inflater.decompress(data, MAX_TILE_BYTES)
    except zlib.error as exc:
        raise _broken_tile(path, str(exc)) from None
    if inflater.unconsumed_tail:
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map", "Một ô của {path} giải nén ra hơn {limit} MB; không dùng ô này."
                ),
                {"path": path, "limit": MAX_TILE_BYTES // (1024 * 1024)},
            ),
            code="tile-too-large",
        )
    if not inflater.eof:
        raise _broken_tile(path, "truncated")
    return out


def layer_names(tile: bytes) -> set[str]:
    """The names of the layers of a raw Mapbox vector tile; raises ``ValueError`` when the bytes
    are not one."""
    try:
        return set(mapbox_vector_tile.decode(tile))
    except Exception as exc:  # the decoder's protobuf and geometry errors alike
        raise ValueError(str(exc) or type(exc).__name__) from None


def _check_schema(reader: TileReader) -> frozenset[str]:
    path = reader.tileset.path
    found: set[str] = set()
    for data in reader.sample(SAMPLE_TILES):
        try:
            found |= layer_names(inflate(data, path))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _broken_tile(path, str(exc)) from None
    if REQUIRED_LAYER not in found:
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map",
                    "{path} không phải bản đồ đường phố theo lược đồ OpenMapTiles: các ô không có "
                    "lớp đường (transportation), chỉ có {layers}.",
                ),
                {"path": path, "layers": ", ".join(sorted(found)) or "—"},
            ),
            code="not-openmaptiles",
        )
    return frozenset(found & OPENMAPTILES_LAYERS)


def _broken_tile(path: Path, detail: str) -> MBTilesError:
    return MBTilesError(
        Message(
            _MAP,
            QT_TRANSLATE_NOOP(
                "map", "Một ô bản đồ trong {path} bị hỏng ({detail}). Hãy chép lại tệp từ nguồn."
            ),
            {"path": path, "detail": detail},
        ),
        code="corrupt-tile",
    )
