"""The street basemap: the bundled OpenStreetMap file is checked and its tiles come out inflated
and right side up; its style and glyphs are the app's own; foreign or broken files are refused."""

from __future__ import annotations

import contextlib
import gzip
import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from fieldsurvey.core.map.mbtiles import MBTilesError, TileReader
from fieldsurvey.core.map.streets import (
    MAX_TILE_BYTES,
    OPENMAPTILES_LAYERS,
    StreetBasemap,
    bundled_path,
    glyphs,
    inflate,
    layer_names,
)
from fieldsurvey.core.resources import resource_path
from tests.core.map.test_mbtiles import DC, VECTOR, make_mbtiles, xyz

ORIGIN = "fieldsurvey://app"
# Phố Đinh Tiên Hoàng, east of Hoàn Kiếm Lake (a point on the street in the file).
DINH_TIEN_HOANG = (105.853553, 21.027191)
# Every letter of Vietnamese, with each tone mark, lower and upper case.
VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def stored(path: Path, z: int, column: int, tms_row: int) -> bytes | None:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, column, tms_row),
        ).fetchone()
    return None if row is None else bytes(row[0])


def _fields(data: memoryview) -> list[tuple[int, int | memoryview]]:
    """The (field number, value) pairs of one protobuf message (varints and byte strings)."""
    out: list[tuple[int, int | memoryview]] = []
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            out.append((field, value))
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > len(data):
                raise ValueError("field runs past the end")
            out.append((field, data[pos : pos + length]))
            pos += length
        elif wire in (1, 5):
            pos += 8 if wire == 1 else 4
        else:
            raise ValueError(f"wire type {wire}")
    if pos != len(data):
        raise ValueError("message runs past the end")
    return out


def _varint(data: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while pos < len(data) and shift < 64:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
    raise ValueError("bad varint")


def glyph_ids(data: bytes) -> set[int]:
    """The code points of a glyph range (glyphs.proto: stacks → glyphs → id)."""
    ids: set[int] = set()
    for field, stack in _fields(memoryview(data)):
        assert field == 1 and isinstance(stack, memoryview)
        for inner, glyph in _fields(stack):
            if inner == 3:
                assert isinstance(glyph, memoryview)
                ids |= {v for f, v in _fields(glyph) if f == 1 and isinstance(v, int)}
    return ids


@pytest.fixture(scope="module")
def basemap() -> StreetBasemap:
    with StreetBasemap.open(bundled_path()) as opened:
        yield opened


# --- the bundled file ---------------------------------------------------------------------------


def test_the_bundled_file_is_hanoi_in_openmaptiles_vector_tiles(basemap: StreetBasemap) -> None:
    ts = basemap.tileset
    assert (ts.format, ts.min_zoom, ts.max_zoom, ts.tile_count) == ("pbf", 0, 14, 2017)
    assert ts.bounds == (105.28, 20.56, 106.03, 21.4)
    assert ts.warnings == ()
    assert {"transportation", "transportation_name", "poi", "place"} <= basemap.layers
    assert basemap.layers <= OPENMAPTILES_LAYERS


def test_a_tile_comes_back_inflated_from_the_flipped_tms_row(basemap: StreetBasemap) -> None:
    z = 14
    x, y = xyz(*DINH_TIEN_HOANG, z)
    assert (x, y) == (13009, 7212)
    raw = stored(bundled_path(), z, x, (1 << z) - 1 - y)
    assert raw is not None and raw.startswith(b"\x1f\x8b")  # gzip, as the MBTiles spec allows
    tile = basemap.tile(z, x, y)
    assert tile == gzip.decompress(raw)
    assert {"transportation", "transportation_name", "building", "poi"} <= layer_names(tile)
    # the unflipped row is another tile, or none
    assert basemap.tile(z, x, (1 << z) - 1 - y) != tile
    assert "Phố Đinh Tiên Hoàng".encode() in tile  # names are the file's text, diacritics intact


@pytest.mark.parametrize(
    ("z", "x", "y"),
    [(14, 0, 0), (15, *xyz(*DINH_TIEN_HOANG, 15)), (14, *xyz(105.0, 20.0, 14)), (30, 0, 0)],
    ids=["off-the-city", "over-zoom", "outside-bounds", "deep"],
)
def test_a_missing_tile_is_empty_not_an_error(basemap: StreetBasemap, z: int, x: int, y: int):
    assert basemap.tile(z, x, y) == b""


def test_the_style_serves_everything_from_the_app(basemap: StreetBasemap) -> None:
    style = basemap.style(ORIGIN)
    source = style["sources"]["openmaptiles"]
    assert source["tiles"] == [f"{ORIGIN}/basemap/tiles/{{z}}/{{x}}/{{y}}.pbf"]
    assert (source["minzoom"], source["maxzoom"]) == (8, 14)  # nothing drawn below 8
    assert source["bounds"] == [105.28, 20.56, 106.03, 21.4]
    assert "OpenStreetMap contributors" in source["attribution"]
    assert "ODbL" in source["attribution"]
    assert style["glyphs"] == f"{ORIGIN}/basemap/glyphs/{{fontstack}}/{{range}}.pbf"
    text = json.dumps(style)
    assert "sprite" not in style
    assert "http://" not in text and "https://www.openstreetmap.org/copyright" in text
    assert text.count("https://") == 1  # the licence link of the attribution, a plain link


def test_names_come_from_a_second_source_shown_after_the_first_street(
    basemap: StreetBasemap,
) -> None:
    style = basemap.style(ORIGIN)
    base, names = style["sources"]["openmaptiles"], style["sources"]["openmaptiles-labels"]
    assert names["tiles"] == base["tiles"] and names["maxzoom"] == base["maxzoom"]
    assert names["attribution"] == ""  # the same data, credited once
    by_source: dict[str, set[str]] = {}
    for layer in style["layers"]:
        by_source.setdefault(layer["source"], set()).add(layer["type"])
        later = layer.get("metadata", {}).get("fieldsurvey:after-first-paint", False)
        assert later == (layer["source"] == "openmaptiles-labels"), layer["id"]
        if later:
            assert layer["layout"]["visibility"] == "none"
    assert by_source["openmaptiles"] == {"fill", "line"}
    assert by_source["openmaptiles-labels"] == {"symbol", "circle"}


def test_the_style_hides_osm_boundaries_and_administrative_place_names() -> None:
    style = json.loads(resource_path("basemap", "style.json").read_text("utf-8"))
    layers = style["layers"]
    assert not [layer for layer in layers if layer.get("source-layer") == "boundary"]
    assert not [layer for layer in layers if layer["type"] == "background"]  # the page's land
    places = [layer for layer in layers if layer.get("source-layer") == "place"]
    assert places
    shown = json.dumps([layer["filter"] for layer in places])
    for admin in ("state", "city", "town", "suburb", "quarter", "neighbourhood"):
        assert f'"{admin}"' not in shown


def test_every_font_of_the_style_has_every_vietnamese_letter() -> None:
    style = json.loads(resource_path("basemap", "style.json").read_text("utf-8"))
    fonts = {
        tuple(layer["layout"]["text-font"])
        for layer in style["layers"]
        if "text-font" in layer.get("layout", {})
    }
    assert fonts == {("DejaVu Sans Book",), ("DejaVu Sans Bold",)}
    wanted = {ord(c) for c in VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,-–’()₫"}
    for (font,) in fonts:
        have: set[int] = set()
        for start in range(0, 0x2100, 256):
            have |= glyph_ids(glyphs(font, f"{start}-{start + 255}"))
        assert wanted - have == set(), font
        # tone marks typed as separate characters (combining) are drawn too
        assert {0x300, 0x301, 0x303, 0x309, 0x323} <= have


@pytest.mark.parametrize(
    ("font", "code_range"),
    [
        ("DejaVu Sans Book", "19968-20223"),  # a range the app does not ship (CJK)
        ("Open Sans Regular", "0-255"),
        ("../../fonts", "0-255"),
        ("DejaVu Sans Book/../DejaVu Sans Bold", "0-255"),
        ("DejaVu Sans Book", "0-256"),
        ("DejaVu Sans Book", "1-256"),
        ("DejaVu Sans Book", "65536-65791"),
        ("DejaVu Sans Book", "../0-255"),
    ],
)
def test_glyphs_the_app_does_not_have_are_empty(font: str, code_range: str) -> None:
    assert glyphs(font, code_range) == b""


def test_a_shipped_glyph_range_names_its_font_and_range() -> None:
    data = glyphs("DejaVu Sans Bold", "7680-7935")
    (field, stack), *_ = _fields(memoryview(data))
    assert field == 1 and isinstance(stack, memoryview)
    named = {f: bytes(v) for f, v in _fields(stack) if f in (1, 2) and isinstance(v, memoryview)}
    assert named == {1: b"DejaVu Sans Bold", 2: b"7680-7935"}
    assert ord("ệ") in glyph_ids(data)


# --- files that are not a street basemap ------------------------------------------------------


def test_a_raster_file_is_refused_with_a_vietnamese_reason() -> None:
    with pytest.raises(MBTilesError) as info:
        StreetBasemap.open(DC)
    assert info.value.code == "not-vector"
    text = info.value.text()
    assert "là bản đồ ảnh (webp), không phải bản đồ đường phố dạng vector (pbf)" in text


def test_vector_tiles_of_another_schema_are_refused() -> None:
    with pytest.raises(MBTilesError) as info:
        StreetBasemap.open(VECTOR)
    assert info.value.code == "not-openmaptiles"
    text = info.value.text("vi")
    assert "không phải bản đồ đường phố theo lược đồ OpenMapTiles" in text
    assert "chỉ có cities" in text
    assert "is not an OpenMapTiles street map" in info.value.text("en")


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "streets.mbtiles"
    path.write_bytes(b"PK\x03\x04 not sqlite at all")
    with pytest.raises(MBTilesError) as info:
        StreetBasemap.open(path)
    assert "không phải là tệp MBTiles" in info.value.text()


def test_a_file_whose_tiles_are_broken_is_refused(tmp_path: Path) -> None:
    good = gzip.compress(b"\x1a\x10\x0a\x0etransportation")
    assert layer_names(inflate(good, tmp_path)) == {"transportation"}
    for name, data in {
        "bad-gzip": b"\x1f\x8b\x08\x00" + b"\xff" * 40,
        "cut": good[:-6],
        "not-protobuf": gzip.compress(b"\x1a\xff\xff\xff\xff\x0f"),
    }.items():
        path = make_mbtiles(tmp_path / f"{name}.mbtiles", {(14, 1, 1): data})
        with pytest.raises(MBTilesError) as info:
            StreetBasemap.open(path)
        assert info.value.code == "corrupt-tile", name
        assert "bị hỏng" in info.value.text(), name


def test_a_tile_inflating_past_the_limit_is_refused(tmp_path: Path) -> None:
    layer = b"\x1a\x10\x0a\x0etransportation"
    bomb = zlib.compress(layer + b"\x00" * (MAX_TILE_BYTES + 1), 9)  # ~16 KB on disk
    assert len(bomb) < 100_000
    # at zoom 13, below the tiles looked at when the file is opened: refused when asked for
    path = make_mbtiles(
        tmp_path / "bomb.mbtiles",
        {(14, 1, (1 << 14) - 2): gzip.compress(layer), (13, 2, (1 << 13) - 2): bomb},
    )
    with StreetBasemap.open(path) as basemap:
        assert basemap.tile(14, 1, 1) == layer
        with pytest.raises(MBTilesError) as info:
            basemap.tile(13, 2, 1)
    assert info.value.code == "tile-too-large"
    # among them: the file is refused
    path = make_mbtiles(tmp_path / "bomb14.mbtiles", {(14, 1, 1): bomb})
    with pytest.raises(MBTilesError, match="giải nén ra hơn 16 MB"):
        StreetBasemap.open(path)


def test_raster_basemaps_still_refuse_vector_files() -> None:
    with pytest.raises(MBTilesError, match="FieldSurvey chỉ hiển thị MBTiles ảnh raster"):
        TileReader.open(bundled_path())
