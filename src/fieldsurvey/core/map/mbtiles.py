"""Offline basemaps: check an MBTiles file read-only and serve its tiles in XYZ order.

Raster files (PNG/JPEG/WebP) are the basemaps a user adds; vector files (Mapbox Vector Tiles,
asked for with ``vector=True``) are the street basemap, checked further in ``streets.py``.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.sqlite_errors import Trouble, trouble

_SQLITE_MAGIC = b"SQLite format 3\x00"
_TILE_COLUMNS = ("zoom_level", "tile_column", "tile_row", "tile_data")
# Spellings of the metadata "format" key seen in the wild, mapped to ours.
_FORMAT_ALIASES = {"png": "png", "jpg": "jpg", "jpeg": "jpg", "webp": "webp"}
_VECTOR_FORMATS = frozenset({"pbf", "mvt"})
# Web maps stop well before this; the limit keeps 2**z small and rejects nonsense requests early.
MAX_ZOOM = 30


class MBTilesError(FieldSurveyError):
    """An MBTiles file cannot be used as a basemap; the message names the file and the reason."""


@dataclass(frozen=True)
class TileSet:
    """What an MBTiles file holds, as checked by :func:`open_tileset`.

    ``format`` is what the tiles really are (sniffed from a tile, not taken from the metadata):
    "png", "jpg", "webp", or "pbf" for vector tiles (compressed or not).
    ``min_zoom``/``max_zoom`` are the zoom levels that have tiles. ``bounds`` is (west, south,
    east, north) in degrees and ``center`` (lon, lat, zoom), both from the metadata, ``None`` when
    absent or malformed. ``attribution`` and ``description`` are the file's own text and may hold
    HTML: escape them before showing them. ``warnings`` (messages) say what in the metadata was
    ignored or contradicted by the tiles.
    """

    path: Path
    name: str
    format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None
    center: tuple[float, float, int] | None
    attribution: str | None
    description: str | None
    tile_count: int
    warnings: tuple[Message, ...] = ()


def open_tileset(path: Path, *, vector: bool = False) -> TileSet:
    """Check that ``path`` is an MBTiles file FieldSurvey can show and describe it.

    The file is opened read-only and never changed. Raises ``MBTilesError`` when it is missing,
    a folder, not SQLite, damaged, not MBTiles, empty, or of an unknown tile format; and when its
    tiles are vector tiles (raster images with ``vector=True``).
    """
    path = Path(path).absolute()
    conn = _connect(path)
    try:
        return _inspect(conn, path, vector=vector)
    finally:
        conn.close()


def read_tile(source: TileReader | TileSet, z: int, x: int, y: int) -> bytes | None:
    """The encoded image of tile ``z/x/y`` (XYZ scheme, y = 0 at the north), or ``None``.

    ``None`` means no tile: outside the zoom range or bounds, or not in the file. Given a
    ``TileSet`` the file is opened just for this tile; a map should keep a ``TileReader``.
    """
    if isinstance(source, TileReader):
        return source.tile(z, x, y)
    if not _may_have_tile(source, z, x, y):
        return None
    conn = _connect(source.path)
    try:
        return _lookup(conn, source.path, z, x, y)
    finally:
        conn.close()


class TileReader:
    """One MBTiles file kept open read-only for a map; safe to call from any thread.

    A single connection is shared under a lock: tile lookups are index searches of well under
    a millisecond, so serialising them costs less than a connection per thread would.
    """

    def __init__(self, conn: sqlite3.Connection, tileset: TileSet) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.Lock()
        self.tileset = tileset

    @classmethod
    def open(cls, path: Path, *, vector: bool = False) -> TileReader:
        """Check ``path`` like :func:`open_tileset` and keep it open; raises ``MBTilesError``."""
        path = Path(path).absolute()
        conn = _connect(path)
        try:
            tileset = _inspect(conn, path, vector=vector)
        except BaseException:
            conn.close()
            raise
        return cls(conn, tileset)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded image of XYZ tile ``z/x/y``, or ``None`` if there is none.

        Also ``None`` once the reader is closed: a basemap removed while the map still has
        requests in flight just stops drawing. A file damaged since it was opened raises
        ``MBTilesError``.
        """
        if not _may_have_tile(self.tileset, z, x, y):
            return None
        with self._lock:
            if self._conn is None:
                return None
            return _lookup(self._conn, self.tileset.path, z, x, y)

    def sample(self, limit: int) -> list[bytes]:
        """Up to ``limit`` non-empty tiles of the highest zoom, as stored (to check contents)."""
        with self._lock:
            if self._conn is None:
                return []
            try:
                rows = self._conn.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND length(tile_data) > 0 "
                    "LIMIT ?",
                    (self.tileset.max_zoom, limit),
                ).fetchall()
            except sqlite3.Error as exc:
                raise _explain(exc, self.tileset.path) from None
        return [row[0] for row in rows if isinstance(row[0], bytes)]

    def close(self) -> None:
        """Release the file; further ``tile`` calls return ``None``. Safe to call twice."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> TileReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --- opening ------------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only after checking it is a regular SQLite file."""
    if not path.exists():
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "Không tìm thấy tệp bản đồ nền {path}."),
                {"path": path},
            )
        )
    if path.is_dir():
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "{path} là một thư mục, không phải tệp MBTiles."),
                {"path": path},
            )
        )
    # Checked before reading: opening a pipe or device would block or read forever.
    if not path.is_file():
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "{path} không phải là tệp thông thường."),
                {"path": path},
            )
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "Không đọc được tệp {path} ({reason})."),
                {"path": path, "reason": reason},
            )
        ) from None
    if not header:
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "Tệp {path} trống (0 byte), không phải MBTiles."),
                {"path": path},
            )
        )
    # SQLite would open any file and only fail at the first query; the magic says it plainly.
    if not header.startswith(_SQLITE_MAGIC):
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map", "{path} không phải là tệp MBTiles (không phải cơ sở dữ liệu SQLite)."
                ),
                {"path": path},
            )
        )
    # Header bytes 18-19 are 2 in WAL mode; mode=ro then needs -wal/-shm beside the file.
    wal = len(header) >= 20 and 2 in header[18:20]
    try:
        # mode=ro, not immutable=1: immutable would read stale or torn pages if another program
        # is writing the file (say, a tile downloader still filling it).
        conn = sqlite3.connect(
            _read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _explain(exc, path, wal=wal) from None
    try:
        # A hostile file's views and triggers must not call functions with side effects.
        conn.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.Error as exc:
        conn.close()
        raise _explain(exc, path, wal=wal) from None
    return conn


def _read_only_uri(path: Path) -> str:
    # Quoted, because '?', '#' and '%' in a file name would otherwise end or change the path.
    # The authority stays empty ("file:///C:/..", "file:////server/share/.."), as SQLite
    # refuses any other.
    posix = path.as_posix()
    lead = "" if posix.startswith("/") else "/"
    return f"file://{lead}{quote(posix, safe='/:')}?mode=ro"


_CONTEXT = "basemap"
# The map room's other messages about a basemap file.
_MAP = "map"


def _explain(exc: sqlite3.Error, path: Path, *, wal: bool = False) -> MBTilesError:
    """Say what is wrong with an MBTiles file SQLite could not read, by SQLite's result code.
    The file comes from outside: whatever SQLite says of it is about the file."""
    kind = trouble(exc)
    params = {"path": str(path), "detail": exc}
    if kind in (Trouble.CORRUPT, Trouble.NOT_A_DATABASE):
        template = QT_TRANSLATE_NOOP(
            "basemap", "Tệp MBTiles {path} bị hỏng (SQLite: {detail}). Hãy chép lại tệp từ nguồn."
        )
    elif wal and kind in (Trouble.CANNOT_OPEN, Trouble.READ_ONLY):
        template = QT_TRANSLATE_NOOP(
            "basemap",
            "Không mở được {path}: tệp ở chế độ WAL và SQLite không tạo được tệp phụ bên cạnh. "
            "Hãy chép tệp vào một thư mục có quyền ghi.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "basemap", "Không đọc được tệp MBTiles {path} (SQLite: {detail})."
        )
    return MBTilesError(Message(_CONTEXT, template, params), code=kind or "unreadable")


def _inspect(conn: sqlite3.Connection, path: Path, *, vector: bool = False) -> TileSet:
    try:
        return _describe(conn, path, vector=vector)
    except sqlite3.Error as exc:
        raise _explain(exc, path) from None


def _describe(conn: sqlite3.Connection, path: Path, *, vector: bool) -> TileSet:
    _check_tiles_table(conn, path)
    warnings: list[Message] = []
    meta = _read_metadata(conn, warnings)

    declared = meta.get("format", "").strip().lower()
    if declared in _VECTOR_FORMATS and not vector:
        raise _vector_error(path)
    # One non-empty tile decides: the metadata "format" is optional and sometimes wrong.
    row = conn.execute("SELECT tile_data FROM tiles WHERE length(tile_data) > 0 LIMIT 1").fetchone()
    if row is None:
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP("map", "Tệp MBTiles {path} không chứa ô bản đồ nào (tệp rỗng)."),
                {"path": path},
            )
        )
    data = row[0]
    kind = _sniff(data) if isinstance(data, bytes) else None
    if kind == "vector" and not vector:
        raise _vector_error(path)
    if vector and kind is not None and kind != "vector":
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map",
                    "{path} là bản đồ ảnh ({kind}), không phải bản đồ đường phố dạng vector (pbf).",
                ),
                {"path": path, "kind": kind},
            ),
            code="not-vector",
        )
    if kind == "vector":
        kind = "pbf"
    if kind is None:
        head = data[:8].hex(" ") if isinstance(data, bytes) else type(data).__name__
        said = f" ({declared})" if declared else ""
        template = (
            QT_TRANSLATE_NOOP(
                "map",
                "Các ô trong {path} có định dạng không nhận ra{said}, bắt đầu bằng {head}; "
                "bản đồ đường phố cần ô vector (pbf).",
            )
            if vector
            else QT_TRANSLATE_NOOP(
                "map",
                "Các ô trong {path} có định dạng không nhận ra{said}, bắt đầu bằng {head}; "
                "FieldSurvey chỉ hiển thị ảnh PNG/JPEG/WebP.",
            )
        )
        raise MBTilesError(Message(_MAP, template, {"path": path, "said": said, "head": head}))
    said_kind = "pbf" if declared in _VECTOR_FORMATS else _FORMAT_ALIASES.get(declared)
    if declared and said_kind != kind:
        warnings.append(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map", "Metadata ghi định dạng {declared} nhưng các ô là {kind}; dùng {kind}."
                ),
                {"declared": repr(declared), "kind": kind},
            )
        )

    min_zoom, max_zoom = _zoom_range(conn, path)
    declared_zooms = (_int_or_none(meta.get("minzoom")), _int_or_none(meta.get("maxzoom")))
    # The tiles decide, so that no tile in the file is hidden by a wrong minzoom/maxzoom.
    if ("minzoom" in meta or "maxzoom" in meta) and declared_zooms != (min_zoom, max_zoom):
        warnings.append(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map",
                    "Metadata ghi mức zoom {said_min}–{said_max} nhưng các ô có mức "
                    "{min_zoom}–{max_zoom}; dùng mức của các ô.",
                ),
                {
                    "said_min": meta.get("minzoom"),
                    "said_max": meta.get("maxzoom"),
                    "min_zoom": min_zoom,
                    "max_zoom": max_zoom,
                },
            )
        )
    tile_count = int(conn.execute("SELECT count(*) FROM tiles").fetchone()[0])

    return TileSet(
        path=path,
        name=meta.get("name", "").strip() or path.stem,
        format=kind,
        min_zoom=min_zoom,
        max_zoom=max_zoom,
        bounds=_parse_bounds(meta.get("bounds"), warnings),
        center=_parse_center(meta.get("center"), min_zoom, max_zoom, warnings),
        attribution=meta.get("attribution", "").strip() or None,
        description=meta.get("description", "").strip() or None,
        tile_count=tile_count,
        warnings=tuple(warnings),
    )


def _vector_error(path: Path) -> MBTilesError:
    return MBTilesError(
        Message(
            _MAP,
            QT_TRANSLATE_NOOP(
                "map",
                "{path} là bản đồ vector (pbf); FieldSurvey chỉ hiển thị MBTiles ảnh raster "
                "(PNG/JPEG/WebP).",
            ),
            {"path": path},
        )
    )


def _check_tiles_table(conn: sqlite3.Connection, path: Path) -> None:
    # The spec allows a view: TileMill/mbutil files join "map" and "images" into "tiles".
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name = 'tiles' COLLATE NOCASE"
    ).fetchone()
    missing: list[str] = list(_TILE_COLUMNS)
    if found is not None:
        have = {str(r[1]).lower() for r in conn.execute("PRAGMA table_info(tiles)")}
        missing = [c for c in _TILE_COLUMNS if c not in have]
        if not missing:
            return
    template = (
        QT_TRANSLATE_NOOP(
            "map", "{path} là cơ sở dữ liệu SQLite nhưng không phải MBTiles (không có bảng tiles)."
        )
        if found is None
        else QT_TRANSLATE_NOOP(
            "map",
            "{path} là cơ sở dữ liệu SQLite nhưng không phải MBTiles (bảng tiles thiếu cột "
            "{columns}).",
        )
    )
    raise MBTilesError(Message(_MAP, template, {"path": path, "columns": ", ".join(missing)}))


def _read_metadata(conn: sqlite3.Connection, warnings: list[Message]) -> dict[str, str]:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name = 'metadata' COLLATE NOCASE"
    ).fetchone()
    have = (
        {str(r[1]).lower() for r in conn.execute("PRAGMA table_info(metadata)")}
        if found is not None
        else set()
    )
    if not {"name", "value"} <= have:
        # Optional in practice (the spec requires it): format and zooms come from the tiles.
        warnings.append(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map", "Tệp không có bảng metadata; định dạng và mức zoom lấy từ các ô."
                ),
            )
        )
        return {}
    meta: dict[str, str] = {}
    for name, value in conn.execute("SELECT name, value FROM metadata"):
        if name is not None and value is not None:
            meta.setdefault(str(name).strip().lower(), str(value))
    return meta


def _zoom_range(conn: sqlite3.Connection, path: Path) -> tuple[int, int]:
    # ORDER BY .. LIMIT 1 walks the (zoom_level, ..) index even through the map/images view,
    # where min()/max() would scan every row.
    ends = [
        conn.execute(
            f"SELECT zoom_level FROM tiles WHERE zoom_level IS NOT NULL "
            f"ORDER BY zoom_level {order} LIMIT 1"
        ).fetchone()
        for order in ("ASC", "DESC")
    ]
    try:
        low, high = (int(end[0]) for end in ends)
    except (TypeError, ValueError):
        low = high = -1
    if not 0 <= low <= high <= MAX_ZOOM:
        raise MBTilesError(
            Message(
                _MAP,
                QT_TRANSLATE_NOOP(
                    "map", "Tệp MBTiles {path} có mức zoom không hợp lệ (cột zoom_level)."
                ),
                {"path": path},
            )
        )
    return low, high


def _sniff(data: bytes) -> str | None:
    """What a tile is from its first bytes: "png", "jpg", "webp", "vector" or ``None``."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    # Vector tiles are protobuf, stored gzip- or zlib-compressed (tippecanoe, ogr2ogr) or raw;
    # a raw Mapbox vector tile starts with field 3 (layers), wire type 2: byte 0x1a.
    if data.startswith(b"\x1f\x8b"):
        return "vector"
    if len(data) >= 2 and data[0] == 0x78 and (data[0] << 8 | data[1]) % 31 == 0:
        return "vector"
    if data[:1] == b"\x1a":
        return "vector"
    return None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _floats(value: str) -> list[float] | None:
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        return None
    return numbers if all(math.isfinite(n) for n in numbers) else None


def _parse_bounds(
    value: str | None, warnings: list[Message]
) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    numbers = _floats(value)
    if numbers is not None and len(numbers) == 4:
        west, south, east, north = numbers
        # West > east (crossing the antimeridian) is refused too: bounds only speed up lookups
        # and frame the map, so dropping doubtful ones can never hide a tile.
        if -180 <= west < east <= 180 and -90 <= south < north <= 90:
            return west, south, east, north
    warnings.append(
        Message(
            _MAP,
            QT_TRANSLATE_NOOP("map", "Bỏ qua bounds không hợp lệ {value} (cần tây,nam,đông,bắc)."),
            {"value": repr(value)},
        )
    )
    return None


def _parse_center(
    value: str | None, min_zoom: int, max_zoom: int, warnings: list[Message]
) -> tuple[float, float, int] | None:
    if value is None or not value.strip():
        return None
    numbers = _floats(value)
    if numbers is not None and len(numbers) in (2, 3):
        lon, lat = numbers[0], numbers[1]
        if -180 <= lon <= 180 and -90 <= lat <= 90:
            zoom = int(numbers[2]) if len(numbers) == 3 else min_zoom
            # A centre zoom without tiles would open the map on a blank screen.
            return lon, lat, min(max(zoom, min_zoom), max_zoom)
    warnings.append(
        Message(
            _MAP,
            QT_TRANSLATE_NOOP(
                "map", "Bỏ qua center không hợp lệ {value} (cần kinh độ,vĩ độ,zoom)."
            ),
            {"value": repr(value)},
        )
    )
    return None


# --- reading tiles ------------------------------------------------------------------------------


def _may_have_tile(tileset: TileSet, z: int, x: int, y: int) -> bool:
    """False when tile z/x/y cannot be in the file: outside the zoom range, grid or bounds."""
    if not tileset.min_zoom <= z <= min(tileset.max_zoom, MAX_ZOOM):
        return False
    n = 1 << z
    if not (0 <= x < n and 0 <= y < n):
        return False
    if tileset.bounds is None:
        return True
    west, south, east, north = tileset.bounds
    tile_west, tile_south, tile_east, tile_north = _tile_bounds(z, x, y)
    # Touching counts: bounds are often rounded, and a tile on the edge may well exist.
    return tile_west <= east and tile_east >= west and tile_south <= north and tile_north >= south


def _tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees of XYZ tile z/x/y (spherical Web Mercator)."""
    n = 1 << z

    def lat(row: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)


def _lookup(conn: sqlite3.Connection, path: Path, z: int, x: int, y: int) -> bytes | None:
    # MBTiles stores TMS rows, counted from the south; XYZ counts from the north.
    tms_row = (1 << z) - 1 - y
    try:
        row = conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, tms_row),
        ).fetchone()
    except sqlite3.Error as exc:
        raise _explain(exc, path) from None
    if row is None or not isinstance(row[0], bytes) or not row[0]:
        return None
    return row[0]
