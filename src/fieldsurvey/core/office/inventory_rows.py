"""Existing inventories, read: camera lists an owner unit already keeps (CSV, GeoJSON or an
OpenStreetMap Overpass answer, often with OpenStreetMap tags), their columns mapped to our
fields, and each row read as the camera it would become, or why it cannot be. Longer than most
modules on purpose: the three formats' readers and the parsers of messy values (directions,
coordinates, codes) share one row model and are one step of the mapping dialog.

Steps, as the column-mapping dialog uses them: ``read_inventory`` (columns and rows),
``guess_mapping`` (from OSM and common column names; DESIGN §8: ``angle`` is a direction),
``value_range`` (what a numeric column holds, so a bearing is told from a field of view),
``preview`` (the first rows as they would be imported, or why not). ``inventory.py`` imports.

Where a row is: its line in a CSV; in GeoJSON or Overpass JSON its feature's number ("điểm thứ
N"), since such files are often written on one line (``InventoryFile.place``).

A row inside Hà Nội, or outside it by at most ``NEAR_CITY_M`` (a camera just over the border,
a position rounded off), is read, the latter with a warning; one farther is refused with its
line (a swapped latitude/longitude is pointed out).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
NEAR_CITY_M = 10_000.0
PREVIEW_ROWS = 10


class InventoryError(FieldSurveyError):
    """The inventory file as a whole cannot be read (not CSV or GeoJSON, not UTF-8, too big)."""


def _says(template: str, params: Mapping[str, Any] | None = None) -> Message:
    """A sentence of the inventory import, filed under the office's messages."""
    return Message("office", template, params or {})


class RowError(ValueError):
    """Why a row (or a value in it) cannot be read; ``message`` says it in either language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


# What a column can be mapped to, with the column names (folded) recognised for it.
TARGETS: dict[str, tuple[str, ...]] = {
    "lat": ("lat", "latitude", "y", "vi do", "vido", "vi_do", "toa do y"),
    "lon": ("lon", "lng", "long", "longitude", "x", "kinh do", "kinhdo", "kinh_do", "toa do x"),
    # The source's own id first: it is what finds the row in the owner's list again.
    "ref": ("id", "@id", "osm_id", "camera_id", "ref", "code", "ma", "ma camera", "so hieu"),
    "name": ("name", "displayname", "display_name", "ten", "ten camera"),
    # DESIGN §8: a city list's ``angle`` column is the compass bearing, not the field of view
    # (the mapping dialog shows each column's range of values, so a person can tell).
    "direction": (
        "camera:direction",
        "direction",
        "surveillance:direction",
        "angle",
        "huong",
        "huong nhin",
        "bearing",
        "heading",
    ),
    "field_of_view": ("field_of_view", "fov", "camera:fov", "goc nhin"),
    "tilt": ("camera:angle", "tilt", "goc nghieng"),
    "camera_type": ("camera:type", "camera_type", "type", "loai", "loai camera"),
    "surveillance_type": ("surveillance:type",),
    "mount": ("camera:mount", "mount", "vi tri gan", "kieu lap"),
    "height": ("height", "camera:height", "height_m", "chieu cao", "do cao"),
    "operator": (
        "operator",
        "managementunit",
        "management_unit",
        "owner",
        "don vi",
        "don vi quan ly",
        "chu so huu",
    ),
    "address": ("address", "addr:full", "addr:street", "dia chi"),
    "zone": ("surveillance:zone", "zone", "category", "loai dia diem"),
    "notes": ("note", "notes", "description", "ghi chu", "mo ta"),
}


@dataclass
class InventoryFile:
    """A read inventory: its format, columns in file order, and rows with their line numbers
    (GeoJSON rows carry their geometry's point, when it has one, under ``"geometry"``)."""

    path: Path
    format: str  # csv | geojson | overpass
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]
    delimiter: str | None = None

    @property
    def by_feature(self) -> bool:
        """Whether a row is told by its feature's number (GeoJSON, Overpass) not its line."""
        return self.format != "csv"

    def place(self, number: int, line: int) -> Message:
        """Where row ``number`` (1 for the first) is: "dòng N" in a CSV, "điểm thứ N" in
        GeoJSON or Overpass JSON (whose lines say little: such files are often one line)."""
        if self.by_feature:
            return _says(QT_TRANSLATE_NOOP("office", "điểm thứ {number}"), {"number": number})
        return _says(QT_TRANSLATE_NOOP("office", "dòng {line}"), {"line": line})

    def where(self, number: int, line: int) -> dict[str, Any]:
        """A report entry's place: its line, its feature number when the file has features,
        and ``place`` to say it."""
        out: dict[str, Any] = {"line": line}
        if self.by_feature:
            out["feature"] = number
        out["place"] = self.place(number, line)
        return out


@dataclass
class RowOutcome:
    line: int
    number: int = 0  # 1 for the file's first row (a GeoJSON feature's number)
    camera: dict[str, Any] | None = None
    site: dict[str, Any] | None = None  # zone, address and name for the site, when new
    operator: str | None = None
    owner_note: str | None = None  # the row's own note (the camera's notes say where it came from)
    error: Message | None = None
    warnings: list[Message] = field(default_factory=list)


# -- reading the file -----------------------------------------------------------------------------


def _text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InventoryError(_cannot_read(path, exc)) from None
    if size > MAX_FILE_BYTES:
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "Tệp {name} quá lớn ({size} MB)."),
                {"name": path.name, "size": size // 2**20},
            )
        )
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP(
                    "office",
                    "Tệp {name} không phải UTF-8 (dòng {line}); hãy lưu lại dạng CSV UTF-8.",
                ),
                {"name": path.name, "line": line},
            )
        ) from None
    except OSError as exc:
        raise InventoryError(_cannot_read(path, exc)) from None


def _cannot_read(path: Path, exc: OSError) -> Message:
    return _says(
        QT_TRANSLATE_NOOP("office", "Không đọc được tệp {path}: {detail}."),
        {"path": path, "detail": exc.strerror},
    )


def read_inventory(path: Path | str) -> InventoryFile:
    """Read a CSV (``,`` or ``;`` or tab separated), GeoJSON or OpenStreetMap Overpass JSON
    inventory."""
    path = Path(path)
    text = _text(path)
    stripped = text.lstrip()
    if path.suffix.lower() in (".geojson", ".json") or stripped.startswith("{"):
        return _read_geojson(path, text)
    return _read_csv(path, text)


def _read_csv(path: Path, text: str) -> InventoryFile:
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    if not first.count(delimiter):
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP(
                    "office",
                    "{name}: dòng đầu không có tên cột phân cách bằng dấu phẩy hoặc chấm phẩy.",
                ),
                {"name": path.name},
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
        rows: list[tuple[int, dict[str, Any]]] = []
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # a blank line
            if len(rows) >= MAX_ROWS:
                raise InventoryError(
                    _says(
                        QT_TRANSLATE_NOOP("office", "{name}: quá {most} dòng."),
                        {"name": path.name, "most": MAX_ROWS},
                    )
                )
            values: dict[str, Any] = dict(zip(header, record, strict=False))
            if len(record) > len(header):
                values["\0extra"] = record[len(header) :]
            rows.append((line, values))
    except csv.Error as exc:
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}, dòng {line}: CSV không đọc được ({detail})."),
                {"name": path.name, "line": reader.line_num, "detail": exc},
            )
        ) from None
    if len(set(header)) != len(header) or not all(header):
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}: tên cột trống hoặc trùng nhau."),
                {"name": path.name},
            )
        )
    return InventoryFile(path, "csv", header, rows, delimiter)


def _feature_lines(text: str, key: str = "features") -> list[int]:
    """The line each item of the array under ``key`` (a FeatureCollection's features, an
    Overpass answer's elements; "" for a top-level array) starts on; empty if the layout defeats
    the scan, and the items are then numbered instead."""
    match = re.search(rf'"{key}"\s*:\s*\[' if key else r"^\s*\[", text)
    if match is None:
        return []
    decoder = json.JSONDecoder()
    lines: list[int] = []
    position, line, counted = match.end(), 1, 0
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        line += text.count("\n", counted, position)
        counted = position
        lines.append(line)
        try:
            _, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return []


def _read_geojson(path: Path, text: str) -> InventoryFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}, dòng {line}: JSON không đọc được ({detail})."),
                {"name": path.name, "line": exc.lineno, "detail": exc.msg},
            )
        ) from None
    elements = data.get("elements") if isinstance(data, dict) else data
    if isinstance(elements, list) and all(
        isinstance(e, dict) and ("tags" in e or "lat" in e) for e in elements[:1]
    ):
        return _read_overpass(path, text, elements, "elements" if isinstance(data, dict) else "")
    if isinstance(data, dict) and data.get("type") == "Feature":
        features: Any = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
    else:
        features = None
    if not isinstance(features, list):
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}: không phải GeoJSON FeatureCollection."),
                {"name": path.name},
            )
        )
    if len(features) > MAX_ROWS:
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}: quá {most} điểm."),
                {"name": path.name, "most": MAX_ROWS},
            )
        )
    lines = _feature_lines(text)
    if len(lines) != len(features):
        lines = list(range(1, len(features) + 1))
    columns: dict[str, None] = {}
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, feature in zip(lines, features, strict=True):
        values: dict[str, Any] = {}
        if not isinstance(feature, dict):
            values["\0bad"] = _says(QT_TRANSLATE_NOOP("office", "không phải một Feature"))
        else:
            properties = feature.get("properties") or {}
            if isinstance(properties, dict):
                for key, value in properties.items():
                    columns.setdefault(str(key), None)
                    values[str(key)] = value
            if "id" in feature and "id" not in values:
                columns.setdefault("id", None)
                values["id"] = feature["id"]
            values["\0geometry"] = feature.get("geometry")
        rows.append((line, values))
    return InventoryFile(path, "geojson", list(columns), rows)


def _read_overpass(path: Path, text: str, elements: list[Any], key: str) -> InventoryFile:
    """An Overpass API answer (``[out:json]``): nodes with ``lat``, ``lon`` and ``tags``; the
    id becomes ``node/<id>`` as OpenStreetMap writes it."""
    if len(elements) > MAX_ROWS:
        raise InventoryError(
            _says(
                QT_TRANSLATE_NOOP("office", "{name}: quá {most} điểm."),
                {"name": path.name, "most": MAX_ROWS},
            )
        )
    lines = _feature_lines(text, key)
    if len(lines) != len(elements):
        lines = list(range(1, len(elements) + 1))
    columns: dict[str, None] = dict.fromkeys(("id", "lat", "lon"))
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, element in zip(lines, elements, strict=True):
        if not isinstance(element, dict):
            rows.append(
                (line, {"\0bad": _says(QT_TRANSLATE_NOOP("office", "không phải một điểm OSM"))})
            )
            continue
        raw_tags = element.get("tags")
        tags: dict[Any, Any] = raw_tags if isinstance(raw_tags, dict) else {}
        values: dict[str, Any] = {
            "id": f"{element.get('type', 'node')}/{element.get('id')}",
            "lat": element.get("lat"),
            "lon": element.get("lon"),
        }
        for tag, value in tags.items():
            columns.setdefault(str(tag), None)
            values.setdefault(str(tag), value)
        rows.append((line, values))
    return InventoryFile(path, "overpass", list(columns), rows)


# -- mapping --------------------------------------------------------------------------------------


def guess_mapping(columns: Sequence[str]) -> dict[str, str]:
    """``{target: column}`` from the columns' names (accents, case, spaces and ``_`` ignored);
    the first listed name of a target wins when several columns fit."""
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(fold(column).strip().replace("_", " "), column)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for target, names in TARGETS.items():
        for name in names:
            found = by_name.get(name.replace("_", " "))
            if found is not None and found not in used:
                mapping[target] = found
                used.add(found)
                break
    return mapping


def check_mapping(inventory: InventoryFile, mapping: Mapping[str, str]) -> dict[str, str]:
    unknown = set(mapping) - set(TARGETS)
    if unknown:
        raise ValidationError(
            _says(
                QT_TRANSLATE_NOOP("office", "Không có trường đích {fields}."),
                {"fields": ", ".join(sorted(unknown))},
            )
        )
    missing = {c for c in mapping.values() if c not in inventory.columns}
    if missing:
        raise ValidationError(
            _says(
                QT_TRANSLATE_NOOP("office", "Tệp không có cột {columns}."),
                {"columns": ", ".join(sorted(missing))},
            )
        )
    if inventory.format != "geojson" and not {"lat", "lon"} <= set(mapping):
        raise ValidationError(
            _says(QT_TRANSLATE_NOOP("office", "Cần chọn cột vĩ độ (lat) và kinh độ (lon)."))
        )
    return dict(mapping)


def value_range(inventory: InventoryFile, column: str) -> tuple[float, float, int] | None:
    """(lowest, highest, how many) of the plain numbers in ``column`` (a unit such as ``°`` or
    ``m`` after one is allowed), or None when it holds none: so the mapping dialog can show
    whether an ``angle`` column is a bearing (up to 360) or a field of view."""
    low, high, count = math.inf, -math.inf, 0
    for _line, values in inventory.rows:
        value = values.get(column)
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            number: float | None = float(value)
        else:
            text = str(value).strip().lower().replace(",", ".")
            match = re.fullmatch(rf"({_NUMBER})\s*(m|°|deg)?", text)
            number = float(match.group(1)) if match else None
        if number is None or not math.isfinite(number):
            continue
        low, high, count = min(low, number), max(high, number), count + 1
    return (low, high, count) if count else None


# -- values -------------------------------------------------------------------------------------

_COMPASS = {
    name: index * 22.5
    for index, names in enumerate(
        (
            ("n", "north", "bac"),
            ("nne", "north-northeast"),
            ("ne", "northeast", "north-east", "dong bac"),
            ("ene", "east-northeast"),
            ("e", "east", "dong"),
            ("ese", "east-southeast"),
            ("se", "southeast", "south-east", "dong nam"),
            ("sse", "south-southeast"),
            ("s", "south", "nam"),
            ("ssw", "south-southwest"),
            ("sw", "southwest", "south-west", "tay nam"),
            ("wsw", "west-southwest"),
            ("w", "west", "tay"),
            ("wnw", "west-northwest"),
            ("nw", "northwest", "north-west", "tay bac"),
            ("nnw", "north-northwest"),
        )
    )
    for name in names
}
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*-\s*({_NUMBER})$")


def parse_directions(value: Any) -> list[tuple[float, float | None]]:
    """View directions from a ``camera:direction`` value, as (direction, field of view or None).

    Degrees (``90``, ``90°``, ``-140`` = 220, ``360`` = 0, ``12.5``), compass points (``NW``,
    ``north``, Vietnamese ``đông bắc``), lists separated by ``;`` or ``,`` (``90;160;270``,
    ``180, 270``) and ranges read clockwise as a sector (``190-100``: from 190° through north to
    100°, a 270° sector centred on 325°). Anything else raises ValueError saying why.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    if isinstance(value, bool):
        raise _unreadable_direction(value)
    if isinstance(value, (int, float)):
        parts = [str(value)]
    else:
        parts = [p for p in re.split(r"[;,]", str(value)) if p.strip()]
    views: list[tuple[float, float | None]] = []
    for part in parts:
        text = fold(part).strip().replace("°", "").replace("deg", "").strip()
        text = re.sub(r"\s+", " ", text)
        if text in _COMPASS:
            views.append((_COMPASS[text], None))
            continue
        sector = _RANGE.match(text)
        if re.fullmatch(_NUMBER, text):
            number = float(text)
            if not math.isfinite(number) or abs(number) > 360:
                raise RowError(
                    _says(
                        QT_TRANSLATE_NOOP("office", "hướng nhìn {value} ngoài khoảng ±360°"),
                        {"value": repr(part.strip())},
                    )
                )
            views.append((number % 360, None))
        elif sector is not None and not text.startswith("-"):
            start, end = float(sector.group(1)), float(sector.group(2))
            if max(abs(start), abs(end)) > 360:
                raise RowError(
                    _says(
                        QT_TRANSLATE_NOOP("office", "khoảng hướng {value} ngoài 0–360°"),
                        {"value": repr(part.strip())},
                    )
                )
            width = (end - start) % 360 or 360.0
            views.append(((start + width / 2) % 360, width))
        else:
            raise _unreadable_direction(part.strip())
    return views


def _unreadable_direction(value: Any) -> RowError:
    return RowError(
        _says(
            QT_TRANSLATE_NOOP("office", "hướng nhìn {value} không đọc được"), {"value": repr(value)}
        )
    )


_COORDINATE = re.compile(r"^[+-]?\d{1,3}(?:\.\d+)?$")


def _coordinate(value: Any, name: str, decimal_comma: bool) -> float:
    if isinstance(value, bool) or value is None:
        raise _missing(name)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if decimal_comma and text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if not text:
            raise _missing(name)
        if not _COORDINATE.match(text):
            raise RowError(
                _says(
                    QT_TRANSLATE_NOOP("office", "{name} {value} không phải số"),
                    {"name": name, "value": repr(str(value).strip())},
                )
            )
        number = float(text)
    if not math.isfinite(number):
        raise RowError(_says(QT_TRANSLATE_NOOP("office", "{name} không hợp lệ"), {"name": name}))
    return number


def _missing(name: str) -> RowError:
    return RowError(_says(QT_TRANSLATE_NOOP("office", "thiếu {name}"), {"name": name}))


def _number(value: Any, low: float, high: float) -> float | None:
    """A plain number (a unit such as ``m`` or ``°`` after it is allowed), or None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip().lower().replace(",", ".")
    match = re.fullmatch(rf"({_NUMBER})\s*(m|°|deg)?", text)
    if match is None:
        return None
    number = float(match.group(1))
    return number if low <= number <= high else None


def _code(list_name: str, tag: str, value: Any) -> str | None:
    """Our code for a value: an OSM value of ``tag``, our own code, or one of our labels;
    ``dome;fixed`` and ``wall/ceiling`` give their first value we know."""
    if value is None:
        return None
    for part in re.split(r"[;/,]", str(value)):
        part = part.strip()
        if not part:
            continue
        code = vocabulary.from_osm(list_name, tag, part)
        if code is None and vocabulary.is_valid(list_name, part.lower()):
            code = part.lower()
        if code is None:
            folded = fold(part)
            for candidate, label in vocabulary.items(list_name, "vi") + vocabulary.items(
                list_name, "en"
            ):
                if fold(label) == folded:
                    code = candidate
                    break
        if code is not None:
            return code
    return None


def _cell(values: Mapping[str, Any], mapping: Mapping[str, str], target: str) -> Any:
    column = mapping.get(target)
    if column is None:
        return None
    value = values.get(column)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _point(values: Mapping[str, Any]) -> tuple[float, float] | Message | None:
    geometry = values.get("\0geometry")
    if geometry is None:
        return None
    if not isinstance(geometry, dict):
        return _says(QT_TRANSLATE_NOOP("office", "hình học không đọc được"))
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "MultiPoint" and isinstance(coordinates, list) and len(coordinates) == 1:
        kind, coordinates = "Point", coordinates[0]
    if kind != "Point":
        return _says(
            QT_TRANSLATE_NOOP("office", "hình học {kind} không phải một điểm"), {"kind": repr(kind)}
        )
    if (
        not isinstance(coordinates, list)
        or len(coordinates) < 2
        or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coordinates)
    ):
        return _says(QT_TRANSLATE_NOOP("office", "tọa độ điểm không đọc được"))
    return float(coordinates[1]), float(coordinates[0])


def read_row(
    ws: Workspace,
    inventory: InventoryFile,
    mapping: Mapping[str, str],
    line: int,
    values: Mapping[str, Any],
    number: int = 0,
) -> RowOutcome:
    """One row (the ``number``-th, 1 for the first) as the camera it would become, or why it
    cannot be read."""
    outcome = RowOutcome(line, number)
    try:
        _read_into(ws, inventory, mapping, values, outcome)
    except RowError as exc:
        outcome.error = exc.message
        outcome.camera = None
    except ValueError as exc:
        outcome.error = Message("office", "{detail}", {"detail": str(exc)})
        outcome.camera = None
    return outcome


def _read_into(
    ws: Workspace,
    inventory: InventoryFile,
    mapping: Mapping[str, str],
    values: Mapping[str, Any],
    outcome: RowOutcome,
) -> None:
    if "\0bad" in values:
        raise RowError(values["\0bad"])
    if "\0extra" in values:
        raise RowError(_says(QT_TRANSLATE_NOOP("office", "nhiều ô hơn số cột")))
    point = _point(values)
    if isinstance(point, Message):
        raise RowError(point)
    if point is None or {"lat", "lon"} <= set(mapping):
        comma = inventory.delimiter == ";"
        lat = _coordinate(_cell(values, mapping, "lat"), "lat", comma)
        lon = _coordinate(_cell(values, mapping, "lon"), "lon", comma)
    else:
        lat, lon = point
    inside = -90 <= lat <= 90 and -180 <= lon <= 180
    away = reference.distance_outside_m(ws.db, lon, lat, NEAR_CITY_M) if inside else math.inf
    if away:
        swapped = -90 <= lon <= 90 and reference.commune_at(ws.db, lat, lon) is not None
        if not inside:
            raise RowError(
                _says(
                    QT_TRANSLATE_NOOP(
                        "office", "tọa độ ngoài khoảng ({lat}, {lon}) (lat/lon đổi chỗ?)"
                    )
                    if swapped
                    else QT_TRANSLATE_NOOP("office", "tọa độ ngoài khoảng ({lat}, {lon})"),
                    {"lat": lat, "lon": lon},
                )
            )
        if away > NEAR_CITY_M:
            raise RowError(
                _says(
                    QT_TRANSLATE_NOOP(
                        "office",
                        "({lat}, {lon}) cách Hà Nội hơn {limit} km (lat/lon đổi chỗ?), không nhập",
                    )
                    if swapped
                    else QT_TRANSLATE_NOOP(
                        "office", "({lat}, {lon}) cách Hà Nội hơn {limit} km, không nhập"
                    ),
                    {"lat": f"{lat:.6f}", "lon": f"{lon:.6f}", "limit": f"{NEAR_CITY_M / 1000:g}"},
                )
            )
        outcome.warnings.append(
            _says(
                QT_TRANSLATE_NOOP(
                    "office", "({lat}, {lon}) nằm ngoài Hà Nội (lat/lon đổi chỗ?), vẫn được nhập"
                )
                if swapped
                else QT_TRANSLATE_NOOP("office", "({lat}, {lon}) nằm ngoài Hà Nội, vẫn được nhập"),
                {"lat": f"{lat:.6f}", "lon": f"{lon:.6f}"},
            )
        )
    directions = parse_directions(_cell(values, mapping, "direction"))
    warn = outcome.warnings.append
    fov_value = _cell(values, mapping, "field_of_view")
    fov = _number(fov_value, 1, 360)
    if fov_value is not None and fov is None:
        warn(
            _says(
                QT_TRANSLATE_NOOP("office", "góc nhìn {value} bị bỏ qua"),
                {"value": repr(fov_value)},
            )
        )
    tilt_value = _cell(values, mapping, "tilt")
    tilt = _number(tilt_value, 0, 90)
    if tilt_value is not None and tilt is None:
        warn(
            _says(
                QT_TRANSLATE_NOOP("office", "camera:angle {value} bị bỏ qua (cần 0–90°)"),
                {"value": repr(tilt_value)},
            )
        )
    views = [
        {"direction": d, "angle": width or fov, "tilt": -tilt if tilt is not None else None}
        for d, width in directions
    ]
    camera_type = None
    surveillance = _cell(values, mapping, "surveillance_type")
    if surveillance is not None:
        camera_type = _code("camera_type", "surveillance:type", surveillance)
    raw_type = _cell(values, mapping, "camera_type")
    if camera_type is None and raw_type is not None:
        camera_type = _code("camera_type", "camera:type", raw_type)
        if camera_type is None:
            warn(
                _says(
                    QT_TRANSLATE_NOOP("office", "loại camera {value} không có trong danh mục"),
                    {"value": repr(raw_type)},
                )
            )
    raw_mount = _cell(values, mapping, "mount")
    mount = _code("camera_mount", "camera:mount", raw_mount)
    if raw_mount is not None and mount is None:
        warn(
            _says(
                QT_TRANSLATE_NOOP("office", "vị trí gắn {value} không có trong danh mục"),
                {"value": repr(raw_mount)},
            )
        )
    raw_height = _cell(values, mapping, "height")
    height = _number(raw_height, 0, 300)
    if raw_height is not None and height is None:
        warn(
            _says(
                QT_TRANSLATE_NOOP("office", "chiều cao {value} bị bỏ qua"),
                {"value": repr(raw_height)},
            )
        )
    ref = _cell(values, mapping, "ref")
    name = _cell(values, mapping, "name")
    notes = _cell(values, mapping, "notes")
    outcome.owner_note = str(notes) if notes is not None else None
    place = (
        f"điểm thứ {outcome.number}" if inventory.by_feature else f"dòng {outcome.line}"
    )  # kept in the record's notes, as data: not a sentence of the app
    source = f"Nhập từ danh sách kiểm kê {inventory.path.name}, {place}."
    outcome.camera = {
        "name": str(name)[:300] if name is not None else None,
        "ref": str(ref)[:200] if ref is not None else None,
        "camera_type": camera_type,
        "mount": mount,
        "height_m": height,
        "views": views,
        "lat": lat,
        "lon": lon,
        "location_source": "inventory_import",
        "notes": f"{source}\n{notes}" if notes is not None else source,
    }
    zone = _cell(values, mapping, "zone")
    address = _cell(values, mapping, "address")
    outcome.site = {
        "category": _code("site_category", "surveillance:zone", zone) or "other",
        "address": str(address)[:500] if address is not None else None,
    }
    operator = _cell(values, mapping, "operator")
    outcome.operator = str(operator).strip()[:300] if operator is not None else None


def preview(
    ws: Workspace,
    inventory: InventoryFile,
    mapping: Mapping[str, str],
    count: int = PREVIEW_ROWS,
) -> list[RowOutcome]:
    """The first ``count`` rows as they would be imported (or why they would not)."""
    mapping = check_mapping(inventory, mapping)
    return [
        read_row(ws, inventory, mapping, line, values, number)
        for number, (line, values) in enumerate(inventory.rows[:count], start=1)
    ]
