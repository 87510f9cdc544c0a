"""MBTiles basemaps: real sample files are described and read right side up; bad files refused."""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import random
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PIL import Image

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.mbtiles import MBTilesError, TileReader, TileSet, open_tileset, read_tile
from tests.helpers import DATA

TILES = DATA / "tiles"
DC = TILES / "open-streets-dc.mbtiles"
WORLD = TILES / "geography-class-png.mbtiles"
VECTOR = TILES / "world_cities.mbtiles"

# Washington DC's centre (Wikipedia's coordinates for the city).
DC_CENTRE = (-77.0369, 38.9072)
# Hà Nội, Hoàn Kiếm Lake: far outside the DC sample.
HANOI = (105.8524, 21.0288)


def xyz(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The slippy-map (OSM/Leaflet) tile holding lon/lat at zoom z."""
    n = 2**z
    x = (lon + 180) / 360 * n
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return int(x), int(y)


def pixel_in_tile(lon: float, lat: float, z: int) -> tuple[int, int, int, int]:
    """(x, y, column, row): the tile holding lon/lat and the pixel of that point inside it."""
    n = 2**z
    fx = (lon + 180) / 360 * n
    fy = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return int(fx), int(fy), int(fx % 1 * 256), int(fy % 1 * 256)


def stored_tile(path: Path, z: int, column: int, tms_row: int) -> bytes:
    """A tile straight from the file, addressed the MBTiles (TMS) way."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, column, tms_row),
        ).fetchone()
    assert row is not None
    return bytes(row[0])


def all_tiles(path: Path) -> list[tuple[int, int, int, bytes]]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")
        return [(z, col, row, bytes(data)) for z, col, row, data in rows]


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def png_bytes(colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), "green").save(out, "JPEG")
    return out.getvalue()


def make_mbtiles(
    path: Path,
    tiles: dict[tuple[int, int, int], bytes],
    metadata: dict[str, str] | None = None,
    *,
    wal: bool = False,
) -> Path:
    """An MBTiles file in the spec's plain layout; ``tiles`` keyed by (z, column, TMS row)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        if wal:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(
            "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, "
            "tile_data blob)"
        )
        conn.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        if metadata is not None:
            conn.execute("CREATE TABLE metadata (name text, value text)")
            conn.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        conn.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(z, x, row, data) for (z, x, row), data in tiles.items()],
        )
        conn.commit()
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its SHA-256: shows that nothing was written or added."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def copy_sample(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target


# --- the real sample files ----------------------------------------------------------------------


def test_open_streets_dc_is_described_from_its_metadata_and_tiles() -> None:
    ts = open_tileset(DC)
    assert ts == TileSet(
        path=DC.absolute(),
        name="Open Streets, DC",
        # No "format" key in this file's metadata: its tiles are WebP (RIFF....WEBP).
        format="webp",
        min_zoom=7,
        max_zoom=12,
        bounds=(-77.1408, 38.779, -76.893, 39.0088),
        center=(-77.0238, 38.9082, 11),
        attribution=(
            "Data used by this map is © OpenStreetMap contributors,  CC-BY-SA. "
            "See <http://openstreetmap.org> for more info."
        ),
        description="An example of street-level map design.",
        tile_count=32,
        warnings=(),
    )


def test_geography_class_is_a_world_png_set_at_zoom_0_and_1() -> None:
    ts = open_tileset(WORLD)
    assert (ts.name, ts.format, ts.min_zoom, ts.max_zoom) == ("Geography Class", "png", 0, 1)
    assert ts.bounds == (-180.0, -85.0511, 180.0, 85.0511)
    assert ts.center == (0.0, 20.0, 0)
    assert ts.attribution is None  # present in the file, but empty
    assert ts.description is not None and ts.description.startswith("One of the example maps")
    assert ts.tile_count == 5
    assert ts.warnings == ()


def test_the_tile_over_washington_comes_back_from_the_flipped_tms_row() -> None:
    z = 12
    x, y = xyz(*DC_CENTRE, z)
    assert (x, y) == (1171, 1566)
    expected = stored_tile(DC, z, x, 2**z - 1 - y)  # TMS row 2529
    with TileReader.open(DC) as reader:
        data = reader.tile(z, x, y)
    assert data == expected
    assert read_tile(open_tileset(DC), z, x, y) == expected
    image = decode(expected)
    assert (image.format, image.size) == ("WEBP", (256, 256))


@pytest.mark.parametrize("path", [DC, WORLD], ids=lambda p: p.stem)
def test_every_stored_tile_is_found_at_its_xyz_address(path: Path) -> None:
    """The flip, and proof that the zoom and bounds checks hide no tile of the real files."""
    rows = all_tiles(path)
    with TileReader.open(path) as reader:
        assert reader.tileset.tile_count == len(rows)
        for z, column, tms_row, data in rows:
            assert reader.tile(z, column, 2**z - 1 - tms_row) == data


# Land is drawn yellow-green (green well above blue), sea and ice pale blue or white.
NORTHERN_LAND = {"Greenland": (-40.0, 72.0), "Sahara": (10.0, 23.0), "Siberia": (100.0, 65.0)}


@pytest.mark.parametrize("place", NORTHERN_LAND)
def test_north_is_up_a_northern_land_point_is_land_in_the_tile_leaflet_asks_for(place: str) -> None:
    lon, lat = NORTHERN_LAND[place]
    x, y, col, row = pixel_in_tile(lon, lat, 1)
    assert y == 0  # the northern half at zoom 1: XYZ row 0 is TMS row 1
    with TileReader.open(WORLD) as reader:
        right = decode(reader.tile(1, x, y) or b"").convert("RGB").getpixel((col, row))
    unflipped = decode(stored_tile(WORLD, 1, x, y)).convert("RGB").getpixel((col, row))
    assert isinstance(right, tuple) and isinstance(unflipped, tuple)
    assert right[1] - right[2] > 40, f"{place} should be land, got {right}"
    assert unflipped[2] >= unflipped[1], f"TMS row {y} is the southern half: sea, {unflipped}"


def test_north_is_up_antarctica_is_along_the_bottom_of_the_southern_tiles() -> None:
    def white_share(image: Image.Image, rows: range) -> float:
        grey = image.convert("L")
        values = [grey.getpixel((c, r)) for c in range(256) for r in rows]
        return sum(1 for v in values if isinstance(v, int) and v > 235) / len(values)

    bottom = range(224, 256)
    with TileReader.open(WORLD) as reader:
        for x in (0, 1):
            south = decode(reader.tile(1, x, 1) or b"")
            north = decode(reader.tile(1, x, 0) or b"")
            assert south.size == north.size == (256, 256)
            assert white_share(south, bottom) > 0.5  # Antarctic ice
            assert white_share(north, bottom) == 0  # the equator: sea and land


def test_world_cities_vector_tiles_are_refused() -> None:
    with pytest.raises(MBTilesError) as info:
        open_tileset(VECTOR)
    message = str(info.value)
    assert "là bản đồ vector (pbf)" in message
    assert "FieldSurvey chỉ hiển thị MBTiles ảnh raster (PNG/JPEG/WebP)" in message
    assert "vector tiles are not supported" in message
    assert str(VECTOR.absolute()) in message
    assert isinstance(info.value, FieldSurveyError)


def test_vector_tiles_are_recognised_without_the_format_key(tmp_path: Path) -> None:
    path = copy_sample(VECTOR, tmp_path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM metadata WHERE name = 'format'")
        conn.commit()
    with pytest.raises(MBTilesError, match="vector tiles are not supported"):
        open_tileset(path)
    raw = make_mbtiles(tmp_path / "raw.mbtiles", {(0, 0, 0): b"\x1a\x0f\x0a\x06cities"})
    with pytest.raises(MBTilesError, match="vector tiles are not supported"):
        open_tileset(raw)


# --- out of range -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("z", "x", "y"),
    [
        (6, *xyz(*DC_CENTRE, 6)),  # below min zoom
        (13, *xyz(*DC_CENTRE, 13)),  # above max zoom
        (12, *xyz(*HANOI, 12)),  # outside the bounds
        (12, 1172, 1566 - 3),  # next to DC, north of the bounds
        (12, 4096, 1566),  # off the grid
        (12, 1171, -1),
        (-1, 0, 0),
        (99, 0, 0),
    ],
)
def test_tiles_outside_the_zoom_range_bounds_or_grid_are_none(z: int, x: int, y: int) -> None:
    with TileReader.open(DC) as reader:
        assert reader.tile(z, x, y) is None
        assert read_tile(reader, z, x, y) is None
    assert read_tile(open_tileset(DC), z, x, y) is None


def test_a_tile_inside_the_bounds_but_missing_is_none(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "one.mbtiles", {(1, 0, 0): png_bytes()}, {"name": "one"})
    with TileReader.open(path) as reader:
        assert reader.tile(1, 0, 1) == png_bytes()  # TMS row 0 is the southern row
        assert reader.tile(1, 0, 0) is None
        assert reader.tile(1, 1, 1) is None


def test_a_tile_stored_outside_the_declared_bounds_is_not_served(tmp_path: Path) -> None:
    # Bounds round Hà Nội; the zoom-1 tiles are the four quarters of the world.
    metadata = {"bounds": "105.3,20.5,106.1,21.4"}
    tiles = {(1, 1, 1): png_bytes("red"), (1, 0, 1): png_bytes("blue")}
    path = make_mbtiles(tmp_path / "hn.mbtiles", tiles, metadata)
    with TileReader.open(path) as reader:
        assert reader.tile(1, *xyz(*HANOI, 1)) == png_bytes("red")
        assert reader.tile(1, 0, 0) is None  # the Americas: in the file, outside the bounds


# --- refused files ------------------------------------------------------------------------------


def test_a_corrupt_file_is_refused_as_damaged(tmp_path: Path) -> None:
    path = copy_sample(DC, tmp_path)
    data = bytearray(path.read_bytes())
    noise = random.Random(7)
    data[100:4096] = bytes(noise.randrange(256) for _ in range(100, 4096))
    path.write_bytes(bytes(data))
    with pytest.raises(MBTilesError) as info:
        open_tileset(path)
    assert "bị hỏng" in str(info.value) and "is damaged" in str(info.value)
    assert str(path) in str(info.value)


def test_an_mbtiles_without_tiles_is_refused_as_empty(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "empty.mbtiles", {}, {"name": "empty", "format": "png"})
    with pytest.raises(MBTilesError) as info:
        open_tileset(path)
    assert "không chứa ô bản đồ nào" in str(info.value)
    assert "contains no tiles" in str(info.value)


def test_a_plain_sqlite_file_is_not_mbtiles(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE cameras (id integer, name text)")
        conn.commit()
    with pytest.raises(MBTilesError) as info:
        open_tileset(path)
    assert "không phải MBTiles (không có bảng tiles)" in str(info.value)
    assert "not an MBTiles file (no tiles table)" in str(info.value)


def test_a_tiles_table_without_the_tile_columns_is_not_mbtiles(tmp_path: Path) -> None:
    path = tmp_path / "odd.mbtiles"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE tiles (z integer, x integer, y integer, image blob)")
        conn.commit()
    with pytest.raises(MBTilesError, match="lacks zoom_level, tile_column, tile_row, tile_data"):
        open_tileset(path)


def test_a_text_file_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbtiles"
    path.write_text("zoom,x,y\n12,1171,1566\n", encoding="utf-8")
    with pytest.raises(MBTilesError) as info:
        open_tileset(path)
    assert "không phải cơ sở dữ liệu SQLite" in str(info.value)
    assert "not an SQLite database" in str(info.value)


def test_an_empty_file_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.mbtiles").touch()
    with pytest.raises(MBTilesError, match="is empty"):
        open_tileset(tmp_path / "zero.mbtiles")
    with pytest.raises(MBTilesError) as missing:
        open_tileset(tmp_path / "nowhere.mbtiles")
    assert "Không tìm thấy" in str(missing.value) and "was not found" in str(missing.value)
    with pytest.raises(MBTilesError) as folder:
        TileReader.open(tmp_path)
    assert "là một thư mục" in str(folder.value) and "is a folder" in str(folder.value)


def test_tiles_of_an_unknown_format_are_refused(tmp_path: Path) -> None:
    gif = io.BytesIO()
    Image.new("P", (256, 256)).save(gif, "GIF")
    path = make_mbtiles(tmp_path / "gif.mbtiles", {(0, 0, 0): gif.getvalue()}, {"format": "gif"})
    with pytest.raises(MBTilesError) as info:
        open_tileset(path)
    assert "định dạng không nhận ra (gif)" in str(info.value)
    assert "Unknown tile format" in str(info.value)


# --- lenient about metadata ---------------------------------------------------------------------


def test_without_metadata_the_format_and_zooms_come_from_the_tiles(tmp_path: Path) -> None:
    tiles = {(2, 1, 1): jpeg_bytes(), (3, 2, 2): jpeg_bytes(), (5, 9, 20): jpeg_bytes()}
    path = make_mbtiles(tmp_path / "Phố cổ.mbtiles", tiles)
    ts = open_tileset(path)
    assert (ts.name, ts.format, ts.min_zoom, ts.max_zoom) == ("Phố cổ", "jpg", 2, 5)
    assert (ts.bounds, ts.center, ts.attribution, ts.tile_count) == (None, None, None, 3)
    assert any("No metadata table" in w.text("en") for w in ts.warnings)
    assert read_tile(ts, 5, 9, 31 - 20) == jpeg_bytes()


def test_malformed_or_contradicted_metadata_is_ignored_with_a_warning(tmp_path: Path) -> None:
    metadata = {
        "name": "Hà Nội",
        "format": "jpg",
        "minzoom": "0",
        "maxzoom": "18",
        "bounds": "105.7,21.1,105.9",
        "center": "north of here",
        "attribution": "  ",
    }
    path = make_mbtiles(tmp_path / "hn.mbtiles", {(1, 1, 1): png_bytes()}, metadata)
    ts = open_tileset(path)
    assert (ts.format, ts.min_zoom, ts.max_zoom) == ("png", 1, 1)
    assert (ts.bounds, ts.center, ts.attribution) == (None, None, None)
    joined = "\n".join(w.text("en") for w in ts.warnings)
    for said in ("says 'jpg' but the tiles are png", "zoom range differs", "malformed bounds"):
        assert said in joined
    assert "malformed center" in joined
    assert read_tile(ts, 1, 1, 0) == png_bytes()


def test_centre_zoom_is_kept_within_the_zooms_that_have_tiles(tmp_path: Path) -> None:
    metadata = {"bounds": "-180,-85,180,85", "center": "105.85,21.03,16"}
    path = make_mbtiles(tmp_path / "c.mbtiles", {(3, 6, 4): png_bytes()}, metadata)
    assert open_tileset(path).center == (105.85, 21.03, 3)


# --- read-only ----------------------------------------------------------------------------------


def test_opening_and_reading_never_write_the_file(tmp_path: Path) -> None:
    for sample in (DC, WORLD, VECTOR):
        copy_sample(sample, tmp_path)
    before = snapshot(tmp_path)
    for sample in (DC, WORLD):
        open_tileset(tmp_path / sample.name)
        with TileReader.open(tmp_path / sample.name) as reader:
            for z in range(reader.tileset.min_zoom, reader.tileset.max_zoom + 1):
                reader.tile(z, *xyz(*DC_CENTRE, z))
            # Listed while open too: a read-only connection must not leave a journal behind.
            assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)
    with pytest.raises(MBTilesError):
        open_tileset(tmp_path / VECTOR.name)
    assert snapshot(tmp_path) == before


def test_a_wal_mode_file_is_read_and_left_unchanged(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "wal.mbtiles", {(0, 0, 0): png_bytes()}, {}, wal=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with TileReader.open(path) as reader:
        assert reader.tile(0, 0, 0) == png_bytes()
    # SQLite needs -wal/-shm beside a WAL-mode file even to read it; the file itself is untouched.
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_file_names_with_uri_characters_open(tmp_path: Path) -> None:
    path = copy_sample(WORLD, tmp_path, "bản đồ #1 ?a=b 100%.mbtiles")
    ts = open_tileset(path)
    assert ts.path == path and ts.tile_count == 5


# --- the reader ---------------------------------------------------------------------------------


def test_reader_serves_many_threads_and_returns_none_once_closed() -> None:
    expected = {(z, col, 2**z - 1 - row): data for z, col, row, data in all_tiles(DC)}
    addresses = list(expected)
    failures: list[str] = []
    reader = TileReader.open(DC)

    def work(seed: int) -> None:
        order = random.Random(seed)
        for _ in range(200):
            address = order.choice(addresses)
            if reader.tile(*address) != expected[address]:
                failures.append(f"{address}")

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    reader.close()
    reader.close()
    assert reader.tile(*addresses[0]) is None
