"""Existing inventories: camera lists an owner unit already keeps (CSV or GeoJSON, often with
OpenStreetMap tags), read, mapped to our fields, previewed and imported in one transaction.
Longer than most modules on purpose: reading, mapping, previewing and importing are the steps
of one dialog and share one row model.

Steps, as the column-mapping dialog uses them: ``read_inventory`` (columns and rows),
``guess_mapping`` (from OSM and common column names), ``preview`` (the first rows as they would
be imported, or why not), ``import_inventory`` (every readable row, all or nothing; the rows it
could not read with their line numbers and reasons; the duplicate candidates among the new and
existing cameras).

Where a camera goes (cameras need a site): to the site of the nearest site or camera within
``SITE_JOIN_M`` metres, existing or created earlier in the same import (a camera next to
existing cameras joins their site); else to a new site at the camera's position,
named after the row's address, name or reference, with the category its ``surveillance:zone``
gives (else "other"). So the cameras of one building share a site and nothing is far from its
site.

Rows outside Hà Nội are imported with a warning (a supervisor sees them, and a swapped
latitude/longitude is pointed out); a row that looks like a duplicate is still imported (the
duplicate finder flags it, a supervisor decides).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.geo import METRES_PER_DEGREE, metres_per_degree_lon
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.duplicates import find_workspace_duplicates
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress, never_cancelled, no_progress
from fieldsurvey.core.text import fold

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
SITE_JOIN_M = 50.0
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
    "direction": (
        "camera:direction",
        "direction",
        "surveillance:direction",
        "huong",
        "huong nhin",
        "bearing",
        "heading",
    ),
    "field_of_view": ("field_of_view", "fov", "camera:fov", "angle", "goc nhin"),
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


@dataclass
class RowOutcome:
    line: int
    camera: dict[str, Any] | None = None
    site: dict[str, Any] | None = None  # zone, address and name for the site, when new
    operator: str | None = None
    error: Message | None = None
    warnings: list[Message] = field(default_factory=list)


@dataclass
class ImportReport:
    imported: int = 0
    camera_ids: list[str] = field(default_factory=list)
    sites_created: int = 0
    sites_reused: int = 0
    units_created: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)  # {"line", "reason"}
    warnings: list[dict[str, Any]] = field(default_factory=list)  # {"line", "message"}
    duplicates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        """New cameras that are in at least one duplicate candidate pair."""
        new = set(self.camera_ids)
        return len({i for p in self.duplicates for i in (p["a"]["id"], p["b"]["id"]) if i in new})

    def summary(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "flagged": self.flagged,
            "refused": len(self.refused),
            "sites_created": self.sites_created,
            "sites_reused": self.sites_reused,
            "units_created": self.units_created,
            "warnings": len(self.warnings),
        }


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
) -> RowOutcome:
    """One row as the camera it would become, or why it cannot be read."""
    outcome = RowOutcome(line)
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
    if not inside or reference.commune_at(ws.db, lon, lat) is None:
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
    source = f"Nhập từ danh sách kiểm kê {inventory.path.name}, dòng {outcome.line}."
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
    return [read_row(ws, inventory, mapping, line, v) for line, v in inventory.rows[:count]]


# -- importing ------------------------------------------------------------------------------------


def find_unit(ws: Workspace, text: str) -> str | None:
    """A unit by its id, or by its name ignoring accents and case."""
    row = ws.db.execute("SELECT id FROM units WHERE id = ? AND deleted = 0", [text]).fetchone()
    if row is not None:
        return str(row[0])
    wanted = fold(text).strip()
    for unit_id, name in ws.db.execute("SELECT id, name FROM units WHERE deleted = 0"):
        if fold(name).strip() == wanted:
            return str(unit_id)
    return None


class _Sites:
    """Sites by grid cell, to find the nearest within SITE_JOIN_M of a point."""

    def __init__(self, rows: Iterable[tuple[str, float, float]]) -> None:
        self._cell = SITE_JOIN_M / METRES_PER_DEGREE
        self._grid: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
        for row in rows:
            self.add(*row)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return int(lat // self._cell), int(lon // self._cell)

    def add(self, site_id: str, lat: float, lon: float) -> None:
        self._grid[self._key(lat, lon)].append((site_id, lat, lon))

    def nearest(self, lat: float, lon: float) -> str | None:
        row, col = self._key(lat, lon)
        best: tuple[float, str] | None = None
        kx = metres_per_degree_lon(lat)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for site_id, slat, slon in self._grid.get((row + dr, col + dc), ()):
                    d = math.hypot((slat - lat) * METRES_PER_DEGREE, (slon - lon) * kx)
                    if d <= SITE_JOIN_M and (best is None or d < best[0]):
                        best = (d, site_id)
        return None if best is None else best[1]


def _site_name(outcome: RowOutcome, inventory: InventoryFile) -> str:
    camera, site = outcome.camera or {}, outcome.site or {}
    for text in (site.get("address"), camera.get("name")):
        if text:
            return str(text)[:300]
    if camera.get("ref"):
        return f"Điểm camera {camera['ref']}"[:300]
    return f"Điểm camera {inventory.path.stem}, dòng {outcome.line}"[:300]


def import_inventory(
    ws: Workspace,
    inventory: InventoryFile | Path | str,
    mapping: Mapping[str, str] | None = None,
    *,
    owner: str | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> ImportReport:
    """Import every readable row, in one transaction (nothing is written if anything fails;
    ``cancel`` is checked every 500 rows and raises ``Cancelled``).

    ``mapping`` is ``{target: column}`` (default: ``guess_mapping``). ``owner`` (a unit's id or
    name) owns every camera; else the ``operator`` column names the owner, matched to a unit by
    name without accents, and a unit is created for a name no unit has. ``dry_run`` reads and
    checks every row and writes nothing (``imported`` then counts the rows that would be).
    """
    if not isinstance(inventory, InventoryFile):
        inventory = read_inventory(inventory)
    mapping = check_mapping(
        inventory, guess_mapping(inventory.columns) if mapping is None else mapping
    )
    owner_id = None
    if owner is not None:
        owner_id = find_unit(ws, owner)
        if owner_id is None:
            raise ValidationError(
                _says(
                    QT_TRANSLATE_NOOP("office", "Không có đơn vị {owner}."), {"owner": repr(owner)}
                )
            )
    report = ImportReport()
    total = len(inventory.rows)
    outcomes: list[RowOutcome] = []
    for number, (line, values) in enumerate(inventory.rows):
        outcome = read_row(ws, inventory, mapping, line, values)
        if outcome.error is not None:
            report.refused.append({"line": line, "reason": outcome.error})
        else:
            outcomes.append(outcome)
        report.warnings.extend({"line": line, "message": w} for w in outcome.warnings)
        if number % 500 == 0:
            if cancel():
                raise Cancelled
            progress(number, total, _says(QT_TRANSLATE_NOOP("office", "Đang đọc danh sách")))
    if dry_run or not outcomes:
        report.imported = len(outcomes) if dry_run else 0
        return report
    # A site is near when the site itself or one of its cameras is.
    sites = _Sites(
        ws.db.execute(
            "SELECT id, lat, lon FROM sites WHERE deleted = 0 AND lat IS NOT NULL AND "
            "lon IS NOT NULL UNION ALL SELECT site_id, lat, lon FROM cameras WHERE deleted = 0 "
            "AND lat IS NOT NULL AND lon IS NOT NULL"
        ).fetchall()
    )
    units: dict[str, str] = {}
    cameras: list[dict[str, Any]] = []
    with ws.transaction():
        for outcome in outcomes:
            camera = dict(outcome.camera or {})
            unit = owner_id
            if unit is None and outcome.operator:
                key = fold(outcome.operator).strip()
                if key not in units:
                    found = find_unit(ws, outcome.operator)
                    if found is None:
                        found = ws.insert("units", {"name": outcome.operator, "kind": "other"})
                        report.units_created += 1
                    units[key] = found
                unit = units[key]
            site_id = sites.nearest(camera["lat"], camera["lon"])
            if site_id is None:
                site = outcome.site or {}
                site_id = ws.insert(
                    "sites",
                    {
                        "name": _site_name(outcome, inventory),
                        "category": site.get("category") or "other",
                        "address": site.get("address"),
                        "lat": camera["lat"],
                        "lon": camera["lon"],
                        "location_source": "inventory_import",
                        "unit_id": unit,
                    },
                )
                sites.add(site_id, camera["lat"], camera["lon"])
                report.sites_created += 1
            else:
                report.sites_reused += 1
            camera["site_id"] = site_id
            camera["owner_unit_id"] = unit
            cameras.append(camera)
        progress(total, total, _says(QT_TRANSLATE_NOOP("office", "Đang ghi camera")))
        report.camera_ids = ws.insert_many("cameras", cameras)
        if cancel():
            raise Cancelled  # the transaction rolls back: nothing of the inventory is kept
    report.imported = len(report.camera_ids)
    report.duplicates = find_workspace_duplicates(ws, involving=set(report.camera_ids))
    return report
