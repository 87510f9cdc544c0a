"""The city-wide reports: XLSX workbook, PDF summary, GeoPackage, GeoJSON and CSV.

``write_report(db, fmt, out, ...)`` is the one entry point (the CLI's ``report`` command and,
later, a dialog call it). Every format reads the same rows (``camera_records`` and friends), so
a filter or ``omit_sensitive`` means the same thing everywhere. The file is written under a
temporary name beside ``out`` and renamed at the end: a refused filter, an error or a cancel
never leaves a file at ``out``.

The filter (``--where KEY=VALUE``, repeated; the same key twice means either value, different
keys must all hold):

========== =========================== ===================================================
key        value                       applies to
========== =========================== ===================================================
commune    code or name ("Hoàn Kiếm")  cameras, sites, shortcomings and needs (site's)
purpose    camera_purpose code/label   cameras, needs; shortcomings through their camera
condition  camera_condition code/label cameras; shortcomings through their camera
owner      unit id or exact unit name  cameras; shortcomings through their camera
review     review_state code/label     each record's own review state (or review_state=)
========== =========================== ===================================================

A site is kept when it matches ``commune``/``review`` and, when a camera key is given, has at
least one kept camera. Needs carry no owner or condition: those keys leave needs unfiltered.

Sensitive fields (DESIGN.md): owner contact details, exact coordinates of sites in the
national-security category (rounded to ``ROUND_DECIMALS`` places, about 1 km; their cameras'
and needs' too, and their view cones are left out) and photos. ``omit_sensitive=True`` applies
that to every format. Photos only leave in a GeoJSON/CSV photo folder, as clean copies.

Text is never a formula in a spreadsheet: XLSX writes it as inline strings; in CSV, text
starting with = + - @, a tab or a carriage return gets a leading apostrophe
(``text.spreadsheet_text``), while numbers (Python ints and floats) are written as they are.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, TextIO

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.db import photo_folder
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.text import fold, spreadsheet_text
from fieldsurvey.core.views import parse_views

FORMATS: Final = ("xlsx", "pdf", "gpkg", "geojson", "csv")
WHERE_KEYS: Final = ("commune", "purpose", "condition", "owner", "review")
ROUND_DECIMALS: Final = 2
SENSITIVE_CATEGORY: Final = "national_security"
# How often (rows) writers report progress and look at the cancel flag.
STEP: Final = 500

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


class ReportError(FieldSurveyError):
    """A report cannot be made as asked (bad format, filter, target); nothing was written."""


class ReportCancelled(FieldSurveyError):
    """The report was cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã huỷ báo cáo, không ghi tệp nào. / Report cancelled, no file written.")


# -- the filter ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """A validated filter: for each key, the codes (or unit ids) any of which must match."""

    communes: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    reviews: tuple[str, ...] = ()

    @property
    def camera_keys(self) -> bool:
        return bool(self.purposes or self.conditions or self.owners)

    def describe(self, db: sqlite_utils.Database, lang: str) -> list[str]:
        """The filter in words, for the PDF's title page."""
        names = _commune_names(db)
        units = dict(db.execute("SELECT id, name FROM units").fetchall())
        parts = [
            (list_title("commune", lang), [names.get(c, c) for c in self.communes]),
            (
                vocabulary.list_label("camera_purpose", lang),
                [vocabulary.label("camera_purpose", c, lang) for c in self.purposes],
            ),
            (
                vocabulary.list_label("camera_condition", lang),
                [vocabulary.label("camera_condition", c, lang) for c in self.conditions],
            ),
            (list_title("owner", lang), [str(units.get(u, u)) for u in self.owners]),
            (
                vocabulary.list_label("review_state", lang),
                [vocabulary.label("review_state", c, lang) for c in self.reviews],
            ),
        ]
        return [f"{title}: {', '.join(values)}" for title, values in parts if values]


def _code_of(list_name: str, value: str) -> str | None:
    """A code of ``list_name`` given as the code itself or as its vi/en label (accents optional)."""
    if vocabulary.is_valid(list_name, value):
        return value
    wanted = fold(value).strip()
    for lang in vocabulary.LANGUAGES:
        for code, text in vocabulary.items(list_name, lang):
            if fold(text) == wanted:
                return code
    return None


def parse_where(db: sqlite_utils.Database, items: Sequence[str]) -> Where:
    """Check every ``key=value`` against the workspace's communes, units and code lists.

    Values only ever reach SQL as parameters; anything unknown is refused with the values that
    would have been accepted.
    """
    found: dict[str, list[str]] = {key: [] for key in WHERE_KEYS}
    communes = reference.communes(db)
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        key = _KEY_ALIASES.get(key, key)
        if not sep or not value:
            raise ReportError(
                f"Bộ lọc phải có dạng khoá=giá trị: {item!r}. / "
                f"A filter must be key=value: {item!r}."
            )
        if key not in WHERE_KEYS:
            raise ReportError(
                f"Khoá lọc không hợp lệ: {key!r} (dùng {', '.join(WHERE_KEYS)}). / "
                f"Unknown filter key {key!r} (use {', '.join(WHERE_KEYS)})."
            )
        code: str | None
        if key == "commune":
            wanted = fold(value)
            code = next(
                (
                    c["code"]
                    for c in communes
                    if value == c["code"] or wanted in (fold(c["name"]), fold(c["short_name"]))
                ),
                None,
            )
        elif key == "owner":
            code = _unit_id(db, value)
        else:
            list_name = {
                "purpose": "camera_purpose",
                "condition": "camera_condition",
                "review": "review_state",
            }[key]
            code = _code_of(list_name, value)
            if code is None:
                raise ReportError(
                    f"Giá trị không hợp lệ cho {key}: {value!r} "
                    f"(dùng {', '.join(vocabulary.codes(list_name))}). / "
                    f"Unknown value for {key}: {value!r}."
                )
        if code is None:
            raise ReportError(
                f"Không tìm thấy {_KEY_VI[key]} {value!r}. / "
                f"No {key} called {value!r} in the workspace."
            )
        if code not in found[key]:
            found[key].append(code)
    return Where(
        communes=tuple(found["commune"]),
        purposes=tuple(found["purpose"]),
        conditions=tuple(found["condition"]),
        owners=tuple(found["owner"]),
        reviews=tuple(found["review"]),
    )


_KEY_ALIASES: Final = {"review_state": "review", "owner_unit": "owner"}
_KEY_VI: Final = {"commune": "xã, phường", "owner": "đơn vị"}


def _unit_id(db: sqlite_utils.Database, value: str) -> str | None:
    row = db.execute("SELECT id FROM units WHERE id = ? AND deleted = 0", [value]).fetchone()
    if row is not None:
        return str(row[0])
    wanted = fold(value).strip()
    matches = [
        str(uid)
        for uid, name in db.execute("SELECT id, name FROM units WHERE deleted = 0")
        if fold(name).strip() == wanted
    ]
    if len(matches) > 1:
        raise ReportError(
            f"Có {len(matches)} đơn vị tên {value!r}, hãy dùng mã (id). / "
            f"{len(matches)} units are called {value!r}; give its id."
        )
    return matches[0] if matches else None


def _in(column: str, values: Sequence[str], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _has_any(column: str, values: Sequence[str], params: list[Any]) -> str:
    params.extend(values)
    return (
        f"EXISTS (SELECT 1 FROM json_each({column}) "
        f"WHERE json_each.value IN ({', '.join('?' * len(values))}))"
    )


def _camera_conditions(where: Where, params: list[Any], *, communes: bool = True) -> list[str]:
    """Conditions on camera ``c`` for the camera keys (and commune)."""
    out = []
    if communes and where.communes:
        out.append(_in("c.commune_code", where.communes, params))
    if where.purposes:
        out.append(_has_any("c.purposes", where.purposes, params))
    if where.conditions:
        out.append(_in("c.condition", where.conditions, params))
    if where.owners:
        out.append(_in("c.owner_unit_id", where.owners, params))
    return out


def camera_filter(where: Where) -> tuple[str, list[Any]]:
    params: list[Any] = []
    parts = ["c.deleted = 0", *_camera_conditions(where, params)]
    if where.reviews:
        parts.append(_in("c.review_state", where.reviews, params))
    return " AND ".join(parts), params


def site_filter(where: Where) -> tuple[str, list[Any]]:
    params: list[Any] = []
    parts = ["s.deleted = 0"]
    if where.communes:
        parts.append(_in("s.commune_code", where.communes, params))
    if where.reviews:
        parts.append(_in("s.review_state", where.reviews, params))
    if where.camera_keys:
        inner = " AND ".join(
            ["c.site_id = s.id", "c.deleted = 0", *_camera_conditions(where, params)]
        )
        parts.append(f"EXISTS (SELECT 1 FROM cameras c WHERE {inner})")
    return " AND ".join(parts), params


def shortcoming_filter(where: Where) -> tuple[str, list[Any]]:
    """On shortcoming ``sh`` joined to its site ``s`` and (left) its camera ``c``."""
    params: list[Any] = []
    parts = ["sh.deleted = 0"]
    if where.communes:
        parts.append(_in("coalesce(c.commune_code, s.commune_code)", where.communes, params))
    if where.camera_keys:
        parts.append("c.id IS NOT NULL")
        parts.extend(_camera_conditions(where, params, communes=False))
    if where.reviews:
        parts.append(_in("sh.review_state", where.reviews, params))
    return " AND ".join(parts), params


def need_filter(where: Where) -> tuple[str, list[Any]]:
    """On need ``n`` joined to its site ``s``."""
    params: list[Any] = []
    parts = ["n.deleted = 0"]
    if where.communes:
        parts.append(_in("s.commune_code", where.communes, params))
    if where.purposes:
        parts.append(_has_any("n.purposes", where.purposes, params))
    if where.reviews:
        parts.append(_in("n.review_state", where.reviews, params))
    return " AND ".join(parts), params


# -- labels ----------------------------------------------------------------------------------------

_TITLES: Final = {
    "commune": ("Xã, phường", "Commune"),
    "owner": ("Đơn vị quản lý", "Owner unit"),
}


def list_title(key: str, lang: str) -> str:
    vi, en = _TITLES[key]
    return en if lang == "en" else vi


@lru_cache(maxsize=4096)
def code_labels(list_name: str, raw: str | None, lang: str) -> str:
    """Labels of a JSON list of codes, joined with "; " (the form spreadsheets filter well)."""
    if not raw:
        return ""
    try:
        codes = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(codes, list):
        return raw
    return "; ".join(vocabulary.label(list_name, str(code), lang) for code in codes)


def code_label(list_name: str, code: str | None, lang: str) -> str:
    return vocabulary.label(list_name, code, lang) if code else ""


def _commune_names(db: sqlite_utils.Database) -> dict[str, str]:
    return {c["code"]: c["name"] for c in reference.communes(db)}


def report_date(lang: str, today: dt.date | None = None) -> str:
    """The report's date, dd/MM/yyyy as Vietnamese documents write it."""
    return (today or dt.date.today()).strftime("%d/%m/%Y")


@lru_cache(maxsize=4096)
def views_text(raw: str | None) -> str:
    """Views as "70° (60°); 250°": direction, and the field of view when known."""
    return "; ".join(
        f"{d:g}°" + (f" ({a:g}°)" if a is not None else "") for d, a in parse_views(raw)
    )


def yes_no(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if lang == "en":
        return "yes" if value else "no"
    return "Có" if value else "Không"


# -- the rows every format reads -------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of a report table: its key (GeoPackage field), headers, and how it is shown."""

    key: str
    vi: str
    en: str
    kind: str = "text"  # text | int | real | money
    width: int = 14
    sensitive: bool = False

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def _col(key: str, vi: str, en: str, kind: str = "text", width: int = 14, **kw: Any) -> Column:
    return Column(key, vi, en, kind, width, **kw)


CAMERA_COLUMNS: Final = (
    _col("id", "Mã camera", "Camera id", width=38),
    _col("name", "Tên camera", "Camera name", width=40),
    _col("site", "Địa điểm", "Site", width=36),
    _col("site_category", "Loại địa điểm", "Site category", width=24),
    _col("commune_code", "Mã xã", "Commune code", width=8),
    _col("commune", "Xã, phường", "Commune", width=22),
    _col("address", "Địa chỉ", "Address", width=30),
    _col("owner", "Đơn vị quản lý", "Owner unit", width=30),
    _col("owner_contact", "Liên hệ đơn vị", "Owner contact", width=24, sensitive=True),
    _col("purposes", "Mục đích", "Purposes", width=30),
    _col("camera_type", "Loại camera", "Camera type", width=18),
    _col("mount", "Vị trí lắp", "Mount", width=16),
    _col("height_m", "Độ cao (m)", "Height (m)", "real", 10),
    _col("views", "Hướng nhìn (góc)", "Directions (field of view)", width=18),
    _col("resolution_mp", "Độ phân giải (MP)", "Resolution (MP)", "real", 10),
    _col("night_vision", "Quan sát ban đêm", "Night vision", width=10),
    _col("connectivity", "Kết nối", "Connectivity", width=26),
    _col("connection_medium", "Đường truyền", "Connection medium", width=16),
    _col("storage_days", "Lưu trữ (ngày)", "Storage (days)", "int", 10),
    _col("standards", "Chuẩn", "Standards", width=14),
    _col("power_source", "Nguồn điện", "Power source", width=16),
    _col("install_year", "Năm lắp đặt", "Install year", "int", 10),
    _col("funding_source", "Nguồn kinh phí", "Funding source", width=18),
    _col("ai_functions", "Chức năng AI", "AI functions", width=30),
    _col("condition", "Tình trạng", "Condition", width=18),
    _col("lat", "Vĩ độ", "Latitude", "real", 12),
    _col("lon", "Kinh độ", "Longitude", "real", 12),
    _col("location_accuracy_m", "Sai số vị trí (m)", "Location accuracy (m)", "real", 10),
    _col("location_source", "Nguồn vị trí", "Location source", width=18),
    _col("ref", "Mã nguồn", "Source ref", width=14),
    _col("notes", "Ghi chú", "Notes", width=30),
    _col("review_state", "Trạng thái duyệt", "Review state", width=16),
    _col("photos", "Số ảnh", "Photos", "int", 8, sensitive=True),
)

SHORTCOMING_COLUMNS: Final = (
    _col("id", "Mã tồn tại", "Shortcoming id", width=38),
    _col("site", "Địa điểm", "Site", width=36),
    _col("camera", "Camera", "Camera", width=36),
    _col("camera_id", "Mã camera", "Camera id", width=38),
    _col("commune", "Xã, phường", "Commune", width=22),
    _col("kind", "Tồn tại, hạn chế", "Shortcoming", width=30),
    _col("description", "Mô tả", "Description", width=40),
    _col("remedy_kind", "Phương án khắc phục", "Remedy", width=28),
    _col("remedy", "Chi tiết phương án", "Remedy details", width=40),
    _col("estimated_cost_vnd", "Kinh phí dự kiến (đồng)", "Estimated cost (VND)", "money", 18),
    _col("review_state", "Trạng thái duyệt", "Review state", width=16),
)

NEED_COLUMNS: Final = (
    _col("id", "Mã nhu cầu", "Need id", width=38),
    _col("site", "Địa điểm", "Site", width=36),
    _col("site_category", "Loại địa điểm", "Site category", width=24),
    _col("commune", "Xã, phường", "Commune", width=22),
    _col("purposes", "Mục đích", "Purposes", width=30),
    _col("camera_count", "Số camera", "Cameras", "int", 10),
    _col("camera_type", "Loại camera", "Camera type", width=18),
    _col("ai_functions", "Chức năng AI", "AI functions", width=30),
    _col("priority", "Mức ưu tiên", "Priority", width=12),
    _col("justification", "Lý do", "Justification", width=40),
    _col("reuse_cameras", "Camera có thể tận dụng", "Cameras to reuse", "int", 12),
    _col("lat", "Vĩ độ", "Latitude", "real", 12),
    _col("lon", "Kinh độ", "Longitude", "real", 12),
    _col("review_state", "Trạng thái duyệt", "Review state", width=16),
)

SITE_COLUMNS: Final = (
    _col("id", "Mã địa điểm", "Site id", width=38),
    _col("name", "Tên địa điểm", "Site name", width=36),
    _col("category", "Loại địa điểm", "Site category", width=24),
    _col("commune", "Xã, phường", "Commune", width=22),
    _col("address", "Địa chỉ", "Address", width=30),
    _col("unit", "Đơn vị", "Unit", width=30),
    _col("cameras", "Số camera", "Cameras", "int", 10),
    _col("lat", "Vĩ độ", "Latitude", "real", 12),
    _col("lon", "Kinh độ", "Longitude", "real", 12),
    _col("notes", "Ghi chú", "Notes", width=30),
    _col("review_state", "Trạng thái duyệt", "Review state", width=16),
)

_SUMMARY_COUNTS: Final = (
    _col("cameras", "Camera hiện có", "Existing cameras", "int", 12),
    _col("working", "Hoạt động tốt", "Working", "int", 12),
    _col("degraded", "Xuống cấp", "Degraded", "int", 12),
    _col("not_working", "Không hoạt động", "Not working", "int", 12),
    _col("removed", "Đã tháo dỡ", "Removed", "int", 12),
    _col("connected", "Đã kết nối Trung tâm/Công an", "Connected to a centre", "int", 14),
    _col("shortcomings", "Tồn tại, hạn chế", "Shortcomings", "int", 12),
    _col("remedy_cost_vnd", "Kinh phí khắc phục (đồng)", "Remedy cost (VND)", "money", 20),
)
COMMUNE_SUMMARY_COLUMNS: Final = (
    _col("commune_code", "Mã xã", "Commune code", width=8),
    _col("commune", "Xã, phường", "Commune", width=26),
    _col("sites", "Địa điểm", "Sites", "int", 10),
    *_SUMMARY_COUNTS,
    _col("needs", "Nhu cầu", "Needs", "int", 10),
    _col("cameras_needed", "Camera cần lắp mới", "New cameras needed", "int", 14),
)
UNIT_SUMMARY_COLUMNS: Final = (
    _col("unit", "Đơn vị quản lý", "Owner unit", width=40),
    _col("unit_kind", "Loại đơn vị", "Unit kind", width=24),
    *_SUMMARY_COUNTS,
)

_CONNECTED: Final = ("connected_city_centre", "connected_police")


def columns(table: Sequence[Column], omit_sensitive: bool) -> list[Column]:
    return [c for c in table if not (omit_sensitive and c.sensitive)]


def _round_position(
    lat: float | None, lon: float | None, category: str | None, omit_sensitive: bool
) -> tuple[float | None, float | None, bool]:
    """The position to publish and whether it was rounded (a sensitive site's)."""
    if omit_sensitive and category == SENSITIVE_CATEGORY and lat is not None and lon is not None:
        return round(lat, ROUND_DECIMALS), round(lon, ROUND_DECIMALS), True
    return lat, lon, False


def count(db: sqlite_utils.Database, table: str, where: Where) -> int:
    """How many rows ``table`` ("cameras", "sites", "shortcomings", "needs") will give."""
    sql, params = _COUNT_SQL[table](where)
    return int(db.execute(sql, params).fetchone()[0])


def _count_cameras(where: Where) -> tuple[str, list[Any]]:
    cond, params = camera_filter(where)
    return f"SELECT count(*) FROM cameras c WHERE {cond}", params


def _count_sites(where: Where) -> tuple[str, list[Any]]:
    cond, params = site_filter(where)
    return f"SELECT count(*) FROM sites s WHERE {cond}", params


def _count_shortcomings(where: Where) -> tuple[str, list[Any]]:
    cond, params = shortcoming_filter(where)
    return (
        "SELECT count(*) FROM shortcomings sh JOIN sites s ON s.id = sh.site_id "
        f"LEFT JOIN cameras c ON c.id = sh.camera_id WHERE {cond}",
        params,
    )


def _count_needs(where: Where) -> tuple[str, list[Any]]:
    cond, params = need_filter(where)
    return f"SELECT count(*) FROM needs n JOIN sites s ON s.id = n.site_id WHERE {cond}", params


_COUNT_SQL: Final[dict[str, Callable[[Where], tuple[str, list[Any]]]]] = {
    "cameras": _count_cameras,
    "sites": _count_sites,
    "shortcomings": _count_shortcomings,
    "needs": _count_needs,
}


@dataclass
class CameraRow:
    """One camera as every format needs it: display values plus what maps and OSM tags use."""

    values: dict[str, Any]
    codes: dict[str, Any]
    views: tuple[tuple[float, float | None], ...]
    rounded: bool
    photo_ids: list[str] = field(default_factory=list)


def camera_records(
    db: sqlite_utils.Database, where: Where, lang: str, omit_sensitive: bool
) -> Iterator[CameraRow]:
    """The kept cameras, ordered by commune, site and name, values turned into labels."""
    cond, params = camera_filter(where)
    rows = db.execute(
        f"""
        SELECT c.id, c.name, s.name, s.category, c.commune_code, a.name, s.address, u.name,
               u.contact, c.purposes, c.camera_type, c.mount, c.height_m, c.views,
               c.resolution_mp, c.night_vision, c.connectivity, c.connection_medium,
               c.storage_days, c.standards, c.power_source, c.install_year, c.funding_source,
               c.ai_functions, c.condition, c.lat, c.lon, c.location_accuracy_m,
               c.location_source, c.ref, c.notes, c.review_state,
               (SELECT count(*) FROM photo_links p WHERE p.record_table = 'cameras'
                  AND p.record_id = c.id AND p.deleted = 0),
               c.site_id, c.owner_unit_id
        FROM cameras c
        LEFT JOIN sites s ON s.id = c.site_id
        LEFT JOIN units u ON u.id = c.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = c.commune_code
        WHERE {cond}
        ORDER BY c.commune_code, s.name, c.name, c.id
        """,
        params,
    )
    for (
        cid,
        name,
        site,
        category,
        commune_code,
        commune,
        address,
        owner,
        contact,
        purposes,
        ctype,
        mount,
        height,
        views,
        resolution,
        night,
        connectivity,
        medium,
        storage,
        standards,
        power,
        year,
        funding,
        ai,
        condition,
        lat,
        lon,
        accuracy,
        loc_source,
        ref,
        notes,
        review,
        photos,
        site_id,
        owner_id,
    ) in rows:
        lat, lon, rounded = _round_position(lat, lon, category, omit_sensitive)
        values = {
            "id": cid,
            "name": name or "",
            "site": site or "",
            "site_category": code_label("site_category", category, lang),
            "commune_code": commune_code or "",
            "commune": commune or "",
            "address": address or "",
            "owner": owner or "",
            "owner_contact": contact or "",
            "purposes": code_labels("camera_purpose", purposes, lang),
            "camera_type": code_label("camera_type", ctype, lang),
            "mount": code_label("camera_mount", mount, lang),
            "height_m": height,
            "views": views_text(views),
            "resolution_mp": resolution,
            "night_vision": yes_no(night, lang),
            "connectivity": code_label("connectivity", connectivity, lang),
            "connection_medium": code_label("connection_medium", medium, lang),
            "storage_days": storage,
            "standards": code_labels("camera_standard", standards, lang),
            "power_source": code_label("power_source", power, lang),
            "install_year": year,
            "funding_source": code_label("funding_source", funding, lang),
            "ai_functions": code_labels("ai_function", ai, lang),
            "condition": code_label("camera_condition", condition, lang),
            "lat": lat,
            "lon": lon,
            "location_accuracy_m": None if rounded else accuracy,
            "location_source": code_label("location_source", loc_source, lang),
            "ref": ref or "",
            "notes": notes or "",
            "review_state": code_label("review_state", review, lang),
            "photos": photos,
        }
        codes = {
            "site_id": site_id,
            "owner_id": owner_id,
            "site_category": category,
            "camera_type": ctype,
            "mount": mount,
            "condition": condition,
            "purposes": purposes,
            "ai_functions": ai,
            "height_m": height,
            "install_year": year,
        }
        yield CameraRow(values, codes, () if rounded else parse_views(views), rounded)


def shortcoming_records(
    db: sqlite_utils.Database, where: Where, lang: str
) -> Iterator[dict[str, Any]]:
    cond, params = shortcoming_filter(where)
    rows = db.execute(
        f"""
        SELECT sh.id, s.name, c.name, sh.camera_id, a.name, sh.kind, sh.description,
               sh.remedy_kind, sh.remedy, sh.estimated_cost_vnd, sh.review_state
        FROM shortcomings sh
        JOIN sites s ON s.id = sh.site_id
        LEFT JOIN cameras c ON c.id = sh.camera_id
        LEFT JOIN admin_units a ON a.level = 'commune'
             AND a.code = coalesce(c.commune_code, s.commune_code)
        WHERE {cond}
        ORDER BY coalesce(c.commune_code, s.commune_code), s.name, c.name, sh.id
        """,
        params,
    )
    for sid, site, camera, camera_id, commune, kind, desc, rkind, remedy, cost, review in rows:
        yield {
            "id": sid,
            "site": site or "",
            "camera": camera or "",
            "camera_id": camera_id or "",
            "commune": commune or "",
            "kind": code_label("shortcoming_kind", kind, lang),
            "description": desc or "",
            "remedy_kind": code_label("remedy_kind", rkind, lang),
            "remedy": remedy or "",
            "estimated_cost_vnd": cost,
            "review_state": code_label("review_state", review, lang),
        }


def need_records(
    db: sqlite_utils.Database, where: Where, lang: str, omit_sensitive: bool
) -> Iterator[dict[str, Any]]:
    """Kept needs; a need without its own position takes its site's."""
    cond, params = need_filter(where)
    rows = db.execute(
        f"""
        SELECT n.id, s.name, s.category, a.name, n.purposes, n.camera_count, n.camera_type,
               n.ai_functions, n.priority, n.justification, json_array_length(n.reuse_camera_ids),
               coalesce(n.lat, s.lat), coalesce(n.lon, s.lon), n.review_state
        FROM needs n
        JOIN sites s ON s.id = n.site_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        WHERE {cond}
        ORDER BY s.commune_code, s.name, n.id
        """,
        params,
    )
    for (
        nid,
        site,
        category,
        commune,
        purposes,
        n,
        ctype,
        ai,
        prio,
        why,
        reuse,
        lat,
        lon,
        rs,
    ) in rows:
        lat, lon, _ = _round_position(lat, lon, category, omit_sensitive)
        yield {
            "id": nid,
            "site": site or "",
            "site_category": code_label("site_category", category, lang),
            "commune": commune or "",
            "purposes": code_labels("camera_purpose", purposes, lang),
            "camera_count": n,
            "camera_type": code_label("camera_type", ctype, lang),
            "ai_functions": code_labels("ai_function", ai, lang),
            "priority": code_label("priority", prio, lang),
            "priority_code": prio,
            "justification": why or "",
            "reuse_cameras": reuse,
            "lat": lat,
            "lon": lon,
            "review_state": code_label("review_state", rs, lang),
        }


def site_records(
    db: sqlite_utils.Database, where: Where, lang: str, omit_sensitive: bool
) -> Iterator[dict[str, Any]]:
    cond, params = site_filter(where)
    rows = db.execute(
        f"""
        SELECT s.id, s.name, s.category, a.name, s.address, u.name,
               (SELECT count(*) FROM cameras c2 WHERE c2.site_id = s.id AND c2.deleted = 0),
               s.lat, s.lon, s.notes, s.review_state
        FROM sites s
        LEFT JOIN units u ON u.id = s.unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        WHERE {cond}
        ORDER BY s.commune_code, s.name, s.id
        """,
        params,
    )
    for sid, name, category, commune, address, unit, cams, lat, lon, notes, review in rows:
        lat, lon, _ = _round_position(lat, lon, category, omit_sensitive)
        yield {
            "id": sid,
            "name": name or "",
            "category": code_label("site_category", category, lang),
            "commune": commune or "",
            "address": address or "",
            "unit": unit or "",
            "cameras": cams,
            "lat": lat,
            "lon": lon,
            "notes": notes or "",
            "review_state": code_label("review_state", review, lang),
        }


# -- summaries -------------------------------------------------------------------------------------


def _camera_tallies(
    db: sqlite_utils.Database, where: Where, group: str
) -> dict[Any, dict[str, int]]:
    cond, params = camera_filter(where)
    connected = ", ".join(f"'{c}'" for c in _CONNECTED)
    out: dict[Any, dict[str, int]] = {}
    for key, total, working, degraded, broken, removed, conn in db.execute(
        f"""
        SELECT {group}, count(*),
               sum(c.condition = 'working'), sum(c.condition = 'degraded'),
               sum(c.condition = 'not_working'), sum(c.condition = 'removed'),
               sum(c.connectivity IN ({connected}))
        FROM cameras c WHERE {cond} GROUP BY 1
        """,
        params,
    ):
        out[key] = {
            "cameras": total,
            "working": working or 0,
            "degraded": degraded or 0,
            "not_working": broken or 0,
            "removed": removed or 0,
            "connected": conn or 0,
        }
    return out


def _shortcoming_tallies(
    db: sqlite_utils.Database, where: Where, group: str
) -> dict[Any, tuple[int, int]]:
    cond, params = shortcoming_filter(where)
    return {
        key: (n, cost or 0)
        for key, n, cost in db.execute(
            f"""
            SELECT {group}, count(*), sum(sh.estimated_cost_vnd)
            FROM shortcomings sh JOIN sites s ON s.id = sh.site_id
            LEFT JOIN cameras c ON c.id = sh.camera_id
            WHERE {cond} GROUP BY 1
            """,
            params,
        )
    }


def commune_summary(db: sqlite_utils.Database, where: Where) -> list[dict[str, Any]]:
    """One row per commune with anything in the report, in code order (communes without any
    record are left out), counts as numbers."""
    cams = _camera_tallies(db, where, "c.commune_code")
    shorts = _shortcoming_tallies(db, where, "coalesce(c.commune_code, s.commune_code)")
    scond, sparams = site_filter(where)
    sites = dict(
        db.execute(
            f"SELECT s.commune_code, count(*) FROM sites s WHERE {scond} GROUP BY 1", sparams
        ).fetchall()
    )
    ncond, nparams = need_filter(where)
    needs = {
        code: (n, wanted or 0)
        for code, n, wanted in db.execute(
            f"SELECT s.commune_code, count(*), sum(n.camera_count) FROM needs n "
            f"JOIN sites s ON s.id = n.site_id WHERE {ncond} GROUP BY 1",
            nparams,
        )
    }
    names = _commune_names(db)
    codes = sorted(
        {*cams, *shorts, *sites, *needs} - {None},
        key=lambda c: (c not in names, str(c)),
    )
    out = []
    for code in codes:
        tally = cams.get(code, {})
        out.append(
            {
                "commune_code": code,
                "commune": names.get(code, code),
                "sites": sites.get(code, 0),
                **{k: tally.get(k, 0) for k in _TALLY_KEYS},
                "shortcomings": shorts.get(code, (0, 0))[0],
                "remedy_cost_vnd": shorts.get(code, (0, 0))[1],
                "needs": needs.get(code, (0, 0))[0],
                "cameras_needed": needs.get(code, (0, 0))[1],
            }
        )
    return out


_TALLY_KEYS: Final = ("cameras", "working", "degraded", "not_working", "removed", "connected")


def unit_summary(db: sqlite_utils.Database, where: Where, lang: str) -> list[dict[str, Any]]:
    """One row per owner unit with cameras in the report, most cameras first."""
    cams = _camera_tallies(db, where, "c.owner_unit_id")
    shorts = _shortcoming_tallies(db, where, "c.owner_unit_id")
    units = {
        uid: (name, kind) for uid, name, kind in db.execute("SELECT id, name, kind FROM units")
    }
    out = []
    for uid in {*cams, *(k for k in shorts if k is not None)}:
        name, kind = units.get(uid, (None, None))
        tally = cams.get(uid, {})
        out.append(
            {
                "unit": name or ("(không rõ)" if lang != "en" else "(unknown)"),
                "unit_kind": code_label("unit_kind", kind, lang),
                **{k: tally.get(k, 0) for k in _TALLY_KEYS},
                "shortcomings": shorts.get(uid, (0, 0))[0],
                "remedy_cost_vnd": shorts.get(uid, (0, 0))[1],
            }
        )
    out.sort(key=lambda r: (-int(r["cameras"]), fold(str(r["unit"]))))
    return out


def tally(
    db: sqlite_utils.Database, sql_from: str, code_sql: str, where_sql: str, params: list[Any]
) -> list[tuple[str, int]]:
    """(code, count) of a grouped query, most first."""
    return [
        (str(code), int(n))
        for code, n in db.execute(
            f"SELECT {code_sql}, count(*) FROM {sql_from} WHERE {where_sql} "
            "GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        )
        if code is not None
    ]


# -- GeoJSON and CSV (OpenStreetMap keys) ----------------------------------------------------------

OSM_KEYS: Final = (
    "fieldsurvey:id",
    "man_made",
    "surveillance",
    "surveillance:type",
    "surveillance:zone",
    "camera:type",
    "camera:mount",
    "camera:direction",
    "camera:angle",
    "height",
    "operator",
    "name",
    "ref",
    "start_date",
    "description",
    "lat",
    "lon",
    "fieldsurvey:site_id",
    "fieldsurvey:site",
    "fieldsurvey:site_category",
    "fieldsurvey:commune_code",
    "fieldsurvey:commune",
    "fieldsurvey:purposes",
    "fieldsurvey:condition",
    "fieldsurvey:connectivity",
    "fieldsurvey:resolution_mp",
    "fieldsurvey:night_vision",
    "fieldsurvey:storage_days",
    "fieldsurvey:ai_functions",
    "fieldsurvey:review_state",
    "fieldsurvey:owner_contact",
    "fieldsurvey:location_rounded",
    "fieldsurvey:photos",
)
_SENSITIVE_OSM: Final = ("fieldsurvey:owner_contact", "fieldsurvey:photos")


def osm_keys(omit_sensitive: bool) -> list[str]:
    return [k for k in OSM_KEYS if not (omit_sensitive and k in _SENSITIVE_OSM)]


def _num(value: Any) -> str:
    return "" if value is None else f"{value:g}"


def osm_properties(row: CameraRow) -> dict[str, Any]:
    """A camera as OpenStreetMap tags (man_made=surveillance …) plus fieldsurvey:* keys.

    OSM keys carry OSM values; fieldsurvey:* keys carry the report language's labels.
    """
    v, c = row.values, row.codes
    tags: dict[str, Any] = {
        "fieldsurvey:id": v["id"],
        "man_made": "surveillance",
        "surveillance:type": "camera",
    }
    if c["camera_type"]:
        tags.update(vocabulary.osm_tags("camera_type", c["camera_type"]))
    if c["mount"]:
        tags.update(vocabulary.osm_tags("camera_mount", c["mount"]))
    if c["site_category"]:
        tags.update(vocabulary.osm_tags("site_category", c["site_category"]))
    if row.views:
        tags["camera:direction"] = ";".join(f"{d:g}" for d, _ in row.views)
        if all(a is not None for _, a in row.views):
            tags["camera:angle"] = ";".join(f"{a:g}" for _, a in row.views)
    tags["height"] = _num(c["height_m"]) or None
    tags["operator"] = v["owner"] or None
    tags["name"] = v["name"] or None
    tags["ref"] = v["ref"] or None
    tags["start_date"] = str(c["install_year"]) if c["install_year"] else None
    tags["description"] = v["notes"] or None
    tags["lat"], tags["lon"] = v["lat"], v["lon"]
    tags.update(
        {
            "fieldsurvey:site_id": c["site_id"],
            "fieldsurvey:site": v["site"] or None,
            "fieldsurvey:site_category": v["site_category"] or None,
            "fieldsurvey:commune_code": v["commune_code"] or None,
            "fieldsurvey:commune": v["commune"] or None,
            "fieldsurvey:purposes": v["purposes"] or None,
            "fieldsurvey:condition": v["condition"] or None,
            "fieldsurvey:connectivity": v["connectivity"] or None,
            "fieldsurvey:resolution_mp": v["resolution_mp"],
            "fieldsurvey:night_vision": v["night_vision"] or None,
            "fieldsurvey:storage_days": v["storage_days"],
            "fieldsurvey:ai_functions": v["ai_functions"] or None,
            "fieldsurvey:review_state": v["review_state"] or None,
            "fieldsurvey:owner_contact": v["owner_contact"] or None,
            "fieldsurvey:location_rounded": "yes" if row.rounded else None,
            "fieldsurvey:photos": ";".join(row.photo_ids) or None,
        }
    )
    return tags


def _photo_ids(db: sqlite_utils.Database, camera_id: str) -> list[str]:
    return [
        str(pid)
        for (pid,) in db.execute(
            "SELECT l.photo_id FROM photo_links l JOIN photos p ON p.id = l.photo_id "
            "WHERE l.record_table = 'cameras' AND l.record_id = ? AND l.deleted = 0 "
            "AND p.deleted = 0 ORDER BY l.photo_id",
            [camera_id],
        )
    ]


class Job:
    """What a writer needs: the database, the choices, progress and the cancel flag."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        where: Where,
        lang: str,
        omit_sensitive: bool,
        progress: Progress | None,
        cancel: Cancel | None,
        workspace_path: Path | None,
    ) -> None:
        self.db = db
        self.where = where
        self.lang = lang
        self.omit_sensitive = omit_sensitive
        self._progress = progress
        self._cancel = cancel
        self.workspace_path = workspace_path
        self.done = 0
        self.total = 0
        # The photo folder's final name, as the report refers to it.
        self.photos_name = ""

    def step(self, message: str, *, stage: bool = False) -> None:
        """Count a row written (or a ``stage`` done); every STEP rows and after every stage,
        report progress and honour a cancel."""
        before = self.done
        self.done += 1
        if stage or self.done // STEP != before // STEP:
            self.check()
            if self._progress is not None:
                self._progress(self.done, max(self.total, self.done), message)

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ReportCancelled

    def cameras(self, *, with_photos: bool = False) -> Iterator[CameraRow]:
        for row in camera_records(self.db, self.where, self.lang, self.omit_sensitive):
            if with_photos and row.values["photos"]:
                row.photo_ids = _photo_ids(self.db, row.values["id"])
            yield row


def _write_csv(job: Job, handle: TextIO, photos_dir: Path | None) -> None:
    keys = osm_keys(job.omit_sensitive)
    job.total = count(job.db, "cameras", job.where)
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(keys)
    for row in job.cameras(with_photos=photos_dir is not None):
        if photos_dir is not None:
            _copy_photos(job, row, photos_dir)
        tags = osm_properties(row)
        writer.writerow([_csv_cell(tags.get(k)) for k in keys])
        job.step("CSV")


def _csv_cell(value: Any) -> Any:
    """A CSV cell: numbers as they are, text that a spreadsheet would take for a formula
    behind an apostrophe (text.spreadsheet_text), nothing as an empty cell."""
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value


def _write_geojson(job: Job, handle: TextIO, photos_dir: Path | None) -> None:
    """A FeatureCollection of camera points, streamed one feature per line."""
    keys = osm_keys(job.omit_sensitive)
    job.total = count(job.db, "cameras", job.where)
    handle.write('{"type": "FeatureCollection", "features": [\n')
    first = True
    for row in job.cameras(with_photos=photos_dir is not None):
        if photos_dir is not None:
            _copy_photos(job, row, photos_dir)
        tags = osm_properties(row)
        lat, lon = tags.pop("lat"), tags.pop("lon")
        geometry = (
            None
            if lat is None or lon is None
            else {
                "type": "Point",
                "coordinates": [lon, lat],
            }
        )
        feature = {
            "type": "Feature",
            "id": row.values["id"],
            "geometry": geometry,
            "properties": {k: tags[k] for k in keys if k in tags and tags[k] is not None},
        }
        handle.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
        job.step("GeoJSON")
    handle.write("\n]}\n")


def photos_folder(out: Path) -> Path:
    """Where the clean photo copies of a GeoJSON/CSV report go: ``<name>_photos/`` beside it."""
    return out.with_name(out.stem + "_photos")


def _copy_photos(job: Job, row: CameraRow, folder: Path) -> None:
    from fieldsurvey.core.photos import PhotoStore, clean_copy

    if job.workspace_path is None or not row.photo_ids:
        return
    store = PhotoStore(photo_folder(job.workspace_path))
    kept = []
    for pid in row.photo_ids:
        sha = job.db.execute("SELECT sha256 FROM photos WHERE id = ?", [pid]).fetchone()[0]
        original = store.find_original(str(sha))
        if original is None:
            continue
        clean_copy(original, folder / f"{pid}.jpg", longest=DISPLAY_LONGEST)
        kept.append(f"{job.photos_name}/{pid}.jpg")
    row.photo_ids = kept


# Photos that leave in a report folder are display-sized clean copies.
DISPLAY_LONGEST: Final = 1600


# -- the one entry point ---------------------------------------------------------------------------


def write_report(
    db: sqlite_utils.Database,
    fmt: str,
    out: Path | str,
    *,
    where: Sequence[str] | Where = (),
    lang: str = "vi",
    omit_sensitive: bool = False,
    photos: bool = False,
    workspace_path: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Write the ``fmt`` report of the workspace to ``out``; return the rows written per table.

    ``where`` is a list of ``key=value`` filters (or a parsed ``Where``); ``photos`` adds clean
    copies of the cameras' photos in a folder beside a GeoJSON/CSV file (needs
    ``workspace_path``; refused together with ``omit_sensitive``). ``progress(done, total,
    message)`` is called now and then; ``cancel()`` returning True stops the report. Nothing
    is left at ``out`` unless the whole report was written.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ReportError(
            f"Định dạng không hỗ trợ: {fmt!r} (dùng {', '.join(FORMATS)}). / "
            f"Unknown format {fmt!r} (use {', '.join(FORMATS)})."
        )
    if lang not in vocabulary.LANGUAGES:
        raise ReportError(f"Ngôn ngữ không hỗ trợ: {lang!r} (vi, en). / Unknown language {lang!r}.")
    if photos and (omit_sensitive or fmt not in ("csv", "geojson") or workspace_path is None):
        raise ReportError(
            "Chỉ xuất ảnh kèm GeoJSON/CSV và khi không lược bỏ thông tin nhạy cảm. / "
            "Photos go only with GeoJSON/CSV, and not with --omit-sensitive."
        )
    parsed = where if isinstance(where, Where) else parse_where(db, where)
    out = Path(out)
    if out.is_dir():
        raise ReportError(f"{out} là một thư mục. / {out} is a folder.")
    if not out.parent.is_dir():
        raise ReportError(f"Không có thư mục {out.parent}. / No folder {out.parent}.")
    job = Job(db, parsed, lang, omit_sensitive, progress, cancel, workspace_path)
    job.check()
    # Created like any new file (the user's umask decides its mode), under a name no one else
    # uses, then renamed over ``out``.
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        tmp.open("xb").close()
    except OSError as exc:
        raise ReportError(
            f"Không ghi được vào {out.parent}: {exc.strerror}. / Cannot write to {out.parent}."
        ) from exc
    photos_tmp = photos_final = None
    if photos:
        photos_final = photos_folder(out)
        job.photos_name = photos_final.name
        photos_tmp = Path(tempfile.mkdtemp(prefix=f".{photos_final.name}.", dir=out.parent))
    try:
        counts = _write(job, fmt, tmp, photos_tmp, today or dt.date.today())
        job.check()
        if photos_tmp is not None and photos_final is not None:
            _replace_folder(photos_tmp, photos_final)
            photos_tmp = None
        with tmp.open("rb+") as written:  # on disk before it takes the final name, any format
            os.fsync(written.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if photos_tmp is not None:
            _remove_tree(photos_tmp)
        raise
    if progress is not None:
        progress(job.done, max(job.total, job.done), "OK")
    return counts


def _replace_folder(new: Path, final: Path) -> None:
    if final.exists():
        old = final.with_name(final.name + ".old")
        _remove_tree(old)
        final.rename(old)
        new.rename(final)
        _remove_tree(old)
    else:
        new.rename(final)
    # The renamed copy should look like the rest of the report, not a private temp folder.
    final.chmod(0o755)


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _write(
    job: Job, fmt: str, tmp: Path, photos_dir: Path | None, today: dt.date
) -> dict[str, int]:
    if fmt in ("csv", "geojson"):
        # utf-8-sig for CSV: Excel only reads Vietnamese CSV right with the byte-order mark.
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with tmp.open("w", encoding=encoding, newline="") as handle:
            (_write_csv if fmt == "csv" else _write_geojson)(job, handle, photos_dir)
        return {"cameras": job.done}
    if fmt == "xlsx":
        from fieldsurvey.core.report_xlsx import write_xlsx

        return write_xlsx(job, tmp, today)
    if fmt == "gpkg":
        from fieldsurvey.core.gpkg import write_gpkg

        return write_gpkg(job, tmp, today)
    from fieldsurvey.core.report_pdf import write_pdf

    return write_pdf(job, tmp, today)
