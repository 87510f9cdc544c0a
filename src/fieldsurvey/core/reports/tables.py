"""The rows every report format reads (cameras, sites, shortcomings, needs, summaries), the
columns they print, and the job a writer is handed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.reports.filters import (
    ROUND_DECIMALS,
    SENSITIVE_CATEGORY,
    STEP,
    ReportCancelled,
    Where,
    camera_filter,
    need_filter,
    plan_filter,
    shortcoming_filter,
    site_filter,
)
from fieldsurvey.core.reports.labels import (
    _commune_names,
    code_label,
    code_labels,
    views_text,
    yes_no,
)
from fieldsurvey.core.reports.letterhead import ReportForm
from fieldsurvey.core.tasks import Cancel, Progress
from fieldsurvey.core.views import parse_views

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
    total: bool = False  # summed in a table's "Tổng cộng" row
    field: str | None = None  # the record field it shows, whose one label is its header

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def _col(key: str, vi: str, en: str, kind: str = "text", width: int = 14, **kw: Any) -> Column:
    return Column(key, vi, en, kind, width, **kw)


def _field(
    key: str,
    kind: str = "text",
    width: int = 14,
    *,
    field: str | None = None,
    table: str | None = None,
    **kw: Any,
) -> Column:
    """A column showing the record field ``field`` (``key`` when not given), headed by that
    field's one label (core.vocabulary), the name the screens give it too."""
    name = field or key
    return Column(
        key,
        vocabulary.field_label(name, "vi", table),
        vocabulary.field_label(name, "en", table),
        kind,
        width,
        field=f"{table}.{name}" if table else name,
        **kw,
    )


def _condition_col(code: str) -> Column:
    """A count of cameras in one condition, headed by that condition's label."""
    return Column(
        code,
        vocabulary.label("camera_condition", code, "vi"),
        vocabulary.label("camera_condition", code, "en"),
        "int",
        12,
        total=True,
    )


CAMERA_COLUMNS: Final = (
    _col("id", "Mã camera", "Camera id", width=38),
    _field("name", width=40),
    _field("site", width=36, field="site_id"),
    _field("site_category", width=24, field="category"),
    _col("commune_code", "Mã xã", "Commune code", width=8),
    _field("commune", width=22, field="commune_code"),
    _field("address", width=30),
    _field("owner", width=30, field="owner_unit_id"),
    _col("owner_contact", "Liên hệ đơn vị", "Owner contact", width=24, sensitive=True),
    _field("purposes", width=30),
    _field("camera_type", width=18),
    _field("mount", width=16),
    _field("height_m", "real", 10),
    _field("views", width=18),
    _field("resolution_mp", "real", 10),
    _field("night_vision", width=10),
    _field("connectivity", width=26),
    _field("connection_medium", width=16),
    _field("storage_days", "int", 10),
    _field("standards", width=14),
    _field("power_source", width=16),
    _field("install_year", "int", 10),
    _field("funding_source", width=18),
    _field("ai_functions", width=30),
    _field("condition", width=18),
    _field("lat", "real", 12),
    _field("lon", "real", 12),
    _field("location_accuracy_m", "real", 10),
    _field("location_source", width=18),
    _field("ref", width=14),
    _field("notes", width=30),
    _field("review_state", width=16),
    _col("photos", "Số ảnh", "Photos", "int", 8, sensitive=True, total=True),
)

SHORTCOMING_COLUMNS: Final = (
    _col("id", "Mã tồn tại", "Shortcoming id", width=38),
    _field("site", width=36, field="site_id"),
    _field("camera", width=36, field="camera_id"),
    _col("camera_id", "Mã camera", "Camera id", width=38),
    _field("commune", width=22, field="commune_code"),
    _field("kind", width=30, table="shortcomings"),
    _field("description", width=40),
    _field("remedy_kind", width=28),
    _field("remedy", width=40),
    _field("estimated_cost_vnd", "money", 18, total=True),
    _field("review_state", width=16),
)

NEED_COLUMNS: Final = (
    _col("id", "Mã nhu cầu", "Need id", width=38),
    _field("site", width=36, field="site_id"),
    _field("site_category", width=24, field="category"),
    _field("commune", width=22, field="commune_code"),
    _field("purposes", width=30),
    _field("camera_count", "int", 10, total=True),
    _field("camera_type", width=18),
    _field("ai_functions", width=30),
    _field("priority", width=12),
    _field("justification", width=40),
    _col("reuse_cameras", "Camera hiện có đã thấy", "Existing cameras seeing it", "int", 12),
    _col("plan", "Phương án", "Plan", width=28),
    _field("lat", "real", 12),
    _field("lon", "real", 12),
    _field("review_state", width=16),
)

PLAN_COLUMNS: Final = (
    _field("decision", width=26),
    _field("state", width=14),
    _field("commune", width=22, field="commune_code"),
    _field("unit", width=30, field="responsible_unit_id"),
    _col("needs", "Số nhu cầu phục vụ", "Needs served", "int", 10, total=True),
    _field("phase", "int", 8),
    _field("camera_type", width=18),
    _field("direction", "real", 10),
    _field("field_of_view", "real", 10),
    _field("resolution_mp", "real", 10),
    _field("upgrades", width=26),
    _field("detail_band", width=22),
    _field("cost", "money", 18, field="estimated_cost_vnd", total=True),
    _field("reason", width=50),
    _field("lat", "real", 12),
    _field("lon", "real", 12),
    _col("camera_id", "Mã camera hiện có", "Existing camera id", width=38),
    _col("id", "Mã mục", "Item id", width=38),
)

SITE_COLUMNS: Final = (
    _col("id", "Mã địa điểm", "Site id", width=38),
    _field("name", width=36),
    _field("category", width=24),
    _field("commune", width=22, field="commune_code"),
    _field("address", width=30),
    _field("unit", width=30, field="unit_id"),
    _col("cameras", "Số camera", "Cameras", "int", 10),
    _field("lat", "real", 12),
    _field("lon", "real", 12),
    _field("notes", width=30),
    _field("review_state", width=16),
)

_SUMMARY_COUNTS: Final = (
    _col("cameras", "Camera hiện có", "Existing cameras", "int", 12, total=True),
    _condition_col("working"),
    _condition_col("degraded"),
    _condition_col("not_working"),
    _condition_col("removed"),
    _col("condition_unknown", "Chưa rõ tình trạng", "Condition not known", "int", 12, total=True),
    _col(
        "connected", "Đã kết nối Trung tâm/Công an", "Connected to a centre", "int", 14, total=True
    ),
    _col("shortcomings", "Tồn tại, hạn chế", "Shortcomings", "int", 12, total=True),
    _col(
        "remedy_cost_vnd", "Kinh phí khắc phục (đồng)", "Remedy cost (VND)", "money", 20, total=True
    ),
)
COMMUNE_SUMMARY_COLUMNS: Final = (
    _col("commune_code", "Mã xã", "Commune code", width=8),
    _col("commune", "Xã, phường", "Commune", width=26),
    _col("sites", "Địa điểm", "Sites", "int", 10, total=True),
    *_SUMMARY_COUNTS,
    _col("needs", "Nhu cầu", "Needs", "int", 10, total=True),
    _col("cameras_needed", "Camera đơn vị đề nghị", "Cameras asked for", "int", 14, total=True),
    _col("plan_new", "Camera mới theo phương án", "New cameras in the plan", "int", 14, total=True),
)
UNIT_SUMMARY_COLUMNS: Final = (
    _field("unit", width=40, field="owner_unit_id"),
    _field("unit_kind", width=24, field="kind", table="units"),
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
    """How many rows ``table`` ("cameras", "sites", "shortcomings", "needs", "plan_items")
    will give."""
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


def _count_plan_items(where: Where) -> tuple[str, list[Any]]:
    cond, params = plan_filter(where)
    return f"SELECT count(*) FROM plan_items p WHERE {cond}", params


_COUNT_SQL: Final[dict[str, Callable[[Where], tuple[str, list[Any]]]]] = {
    "cameras": _count_cameras,
    "sites": _count_sites,
    "shortcomings": _count_shortcomings,
    "needs": _count_needs,
    "plan_items": _count_plan_items,
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
        ORDER BY a.sort_name, s.sort_name,
                 c.sort_name, c.id
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
            "views": views_text(views, lang),
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
        ORDER BY a.sort_name, s.sort_name,
                 c.sort_name, sh.id
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


def cameras_seeing_needs(db: sqlite_utils.Database) -> dict[str, int]:
    """Need id → how many existing cameras already see its place (core/office/coverage.py)."""
    from fieldsurvey.core.office.coverage import need_coverage

    return {n["need"]: sum(c["direction_known"] for c in n["cameras"]) for n in need_coverage(db)}


def need_records(
    db: sqlite_utils.Database,
    where: Where,
    lang: str,
    omit_sensitive: bool,
    seen: Mapping[str, int] | None = None,
) -> Iterator[dict[str, Any]]:
    """Kept needs; a need without its own position takes its site's; with the existing cameras
    that already see its place (``seen``, from cameras_seeing_needs when not given) and the
    plan's decisions for it."""
    if seen is None:
        seen = cameras_seeing_needs(db)
    decided: dict[str, list[str]] = {}
    for decision, needs in db.execute(
        "SELECT p.decision, p.need_ids FROM plan_items p WHERE p.deleted = 0 "
        "AND p.state != 'rejected' ORDER BY p.decision"
    ):
        for need_id in json.loads(needs or "[]"):
            decided.setdefault(need_id, []).append(code_label("plan_decision", decision, lang))
    cond, params = need_filter(where)
    rows = db.execute(
        f"""
        SELECT n.id, s.name, s.category, a.name, n.purposes, n.camera_count, n.camera_type,
               n.ai_functions, n.priority, n.justification,
               coalesce(n.lat, s.lat), coalesce(n.lon, s.lon), n.review_state
        FROM needs n
        JOIN sites s ON s.id = n.site_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        WHERE {cond}
        ORDER BY a.sort_name, s.sort_name, n.id
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
            "reuse_cameras": seen.get(nid, 0),
            "plan": "; ".join(dict.fromkeys(decided.get(nid, []))),
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
        ORDER BY a.sort_name, s.sort_name, s.id
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
            # so that the conditions add up to the cameras
            "condition_unknown": total - sum(n or 0 for n in (working, degraded, broken, removed)),
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


def commune_summary(
    db: sqlite_utils.Database, where: Where, lang: str = "vi"
) -> list[dict[str, Any]]:
    """One row per commune with anything in the report, in code order (communes without any
    record are left out), counts as numbers; records without a commune last, in a row "Chưa
    xác định" (commune_code None), so the rows add up to the whole."""
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
    pcond, pparams = plan_filter(where)
    planned = dict(
        db.execute(
            f"SELECT p.commune_code, count(*) FROM plan_items p WHERE {pcond} "
            "AND p.decision = 'new' GROUP BY 1",
            pparams,
        ).fetchall()
    )
    names = _commune_names(db)
    named: list[str] = sorted(
        {*cams, *shorts, *sites, *needs, *planned} - {None},
        key=lambda c: (c not in names, sort_key(names.get(c, str(c)))),
    )
    codes: list[str | None] = [*named]
    if None in {*cams, *shorts, *sites, *needs, *planned}:
        codes.append(None)
    out = []
    for code in codes:
        tally = cams.get(code, {})
        out.append(
            {
                "commune_code": code,
                "commune": names.get(code, code) if code else _UNDETERMINED[lang == "en"],
                "sites": sites.get(code, 0),
                **{k: tally.get(k, 0) for k in _TALLY_KEYS},
                "shortcomings": shorts.get(code, (0, 0))[0],
                "remedy_cost_vnd": shorts.get(code, (0, 0))[1],
                "needs": needs.get(code, (0, 0))[0],
                "cameras_needed": needs.get(code, (0, 0))[1],
                "plan_new": planned.get(code, 0),
            }
        )
    return out


_UNDETERMINED: Final = ("Chưa xác định", "Not determined")
_TALLY_KEYS: Final = (
    "cameras",
    "working",
    "degraded",
    "not_working",
    "removed",
    "condition_unknown",
    "connected",
)


def unit_summary(db: sqlite_utils.Database, where: Where, lang: str) -> list[dict[str, Any]]:
    """One row per owner unit with cameras in the report, most cameras first; ``unit_id`` is
    None in the row of the cameras without an owner unit."""
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
                "unit_id": uid,
                "unit": name or ("(không rõ)" if lang != "en" else "(unknown)"),
                "unit_kind": code_label("unit_kind", kind, lang),
                **{k: tally.get(k, 0) for k in _TALLY_KEYS},
                "shortcomings": shorts.get(uid, (0, 0))[0],
                "remedy_cost_vnd": shorts.get(uid, (0, 0))[1],
            }
        )
    out.sort(key=lambda r: (-int(r["cameras"]), sort_key(str(r["unit"]))))
    return out


def needs_by_site_unit(db: sqlite_utils.Database, where: Where) -> dict[str, tuple[str, int]]:
    """For each unit managing a site with kept needs: its name and how many needs."""
    cond, params = need_filter(where)
    return {
        str(uid): (str(name), int(n))
        for uid, name, n in db.execute(
            f"SELECT s.unit_id, u.name, count(*) FROM needs n JOIN sites s ON s.id = n.site_id "
            f"JOIN units u ON u.id = s.unit_id WHERE {cond} GROUP BY 1, 2",
            params,
        )
    }


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


# A street of the basemap for a printed map: its class (OpenMapTiles), its name when it is the
# line to print the name along, its (lon, lat) points; and what hands them for an extent
# (min_lon, min_lat, max_lon, max_lat): core.map.roads.roads_in, given by the caller, as the
# basemap belongs to the map room above this one.
StreetLine = tuple[str, str | None, Sequence[tuple[float, float]]]
Streets = Callable[[tuple[float, float, float, float]], Sequence[StreetLine]]


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
        photo_folder: Path | None,
    ) -> None:
        self.db = db
        self.where = where
        self.lang = lang
        self.omit_sensitive = omit_sensitive
        self._progress = progress
        self._cancel = cancel
        self.photo_folder = photo_folder  # the workspace's photo store, when photos go out
        self.done = 0
        self.total = 0
        # The photo folder's final name, as the report refers to it.
        self.photos_name = ""
        # The administrative form an official report prints (writing.report_form).
        self.form = ReportForm()
        # The unit or commune a report of one of them is about ("" for the whole filter).
        self.scope_name = ""
        # cameras_seeing_needs, computed once for all the reports of a run (per.py) or here.
        self.needs_seen: Mapping[str, int] | None = None
        # A draft of an official report: holds unapproved records too, and says so on each page.
        self.draft = False
        # What a one-table format (CSV, GeoJSON) holds: one of RECORDS.
        self.records = "cameras"
        # The streets under a map at street scale (a commune's, a unit's), when given.
        self.streets: Streets | None = None

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

    def needs(self) -> Iterator[dict[str, Any]]:
        if self.needs_seen is None:
            self.needs_seen = cameras_seeing_needs(self.db)
        return need_records(self.db, self.where, self.lang, self.omit_sensitive, self.needs_seen)

    def cameras(self, *, with_photos: bool = False) -> Iterator[CameraRow]:
        for row in camera_records(self.db, self.where, self.lang, self.omit_sensitive):
            if with_photos and row.values["photos"]:
                row.photo_ids = _photo_ids(self.db, row.values["id"])
            yield row


# What a one-table format (CSV, GeoJSON) can hold: cameras (with OpenStreetMap's keys), the
# needs for new cameras, or the plan's items.
RECORDS: Final = ("cameras", "needs", "plan_items")


def plan_records(
    db: sqlite_utils.Database, where: Where, lang: str, omit_sensitive: bool = False
) -> Iterator[dict[str, Any]]:
    """The plan's items in the report's scope (proposed and accepted), phase by phase; with
    ``omit_sensitive``, the position of an item serving a need at a national-security site, or
    reusing a camera there, is rounded as theirs are."""
    cond, params = plan_filter(where)
    names = _commune_names(db)
    units = dict(db.execute("SELECT id, name FROM units").fetchall())
    rows = db.execute(
        f"""
        SELECT p.id, p.decision, p.state, p.commune_code, p.responsible_unit_id,
               json_array_length(p.need_ids), p.phase, p.camera_type, p.direction,
               p.field_of_view, p.resolution_mp, p.upgrades, p.detail_band,
               p.estimated_cost_vnd, p.reason, p.lat, p.lon, p.camera_id,
               EXISTS (
                   SELECT 1 FROM json_each(p.need_ids) AS j
                   CROSS JOIN needs n ON n.id = j.value
                   CROSS JOIN sites s ON s.id = n.site_id
                   WHERE s.category = ?
               ) OR EXISTS (
                   SELECT 1 FROM cameras c CROSS JOIN sites s ON s.id = c.site_id
                   WHERE c.id = p.camera_id AND s.category = ?
               )
        FROM plan_items p WHERE {cond}
        ORDER BY p.phase, p.decision, p.commune_code, p.id
        """,
        [SENSITIVE_CATEGORY, SENSITIVE_CATEGORY, *params],
    )
    for (
        item_id,
        decision,
        state,
        commune,
        unit,
        needs,
        phase,
        ctype,
        direction,
        fov,
        resolution,
        upgrades,
        band,
        cost,
        reason,
        lat,
        lon,
        camera_id,
        sensitive,
    ) in rows:
        category = SENSITIVE_CATEGORY if sensitive else None
        lat, lon, _ = _round_position(lat, lon, category, omit_sensitive)
        yield {
            "id": item_id,
            "decision": code_label("plan_decision", decision, lang),
            "decision_code": decision,
            "state": code_label("plan_state", state, lang),
            "state_code": state,
            "commune": names.get(commune, commune or ""),
            "unit": units.get(unit, ""),
            "needs": needs or 0,
            "phase": phase,
            "camera_type": code_label("camera_type", ctype, lang),
            "direction": direction,
            "field_of_view": fov,
            "resolution_mp": resolution,
            "upgrades": code_labels("plan_upgrade", upgrades, lang),
            "detail_band": code_label("detail_band", band, lang),
            "cost": cost or 0,
            "reason": reason or "",
            "lat": lat,
            "lon": lon,
            "camera_id": camera_id or "",
        }


def plan_by_decision(db: sqlite_utils.Database, where: Where) -> dict[str, dict[str, int]]:
    """For each decision: items proposed, items accepted, and their estimated cost."""
    cond, params = plan_filter(where)
    out = {d: {"proposed": 0, "accepted": 0, "cost": 0} for d in vocabulary.codes("plan_decision")}
    for decision, state, n, cost in db.execute(
        f"SELECT p.decision, p.state, count(*), sum(p.estimated_cost_vnd) FROM plan_items p "
        f"WHERE {cond} GROUP BY 1, 2",
        params,
    ):
        if decision in out and state in ("proposed", "accepted"):
            out[decision][state] += n
            out[decision]["cost"] += cost or 0
    return out


# -- breakdowns of the PDF's sections (Plan 67's structure) -------------------------------------

_NOT_KNOWN: Final = ("Chưa rõ", "Not known")
_NONE: Final = ("Không có", "None")
# Storage on site, in days: the bands a breakdown uses (upper bounds, exclusive).
STORAGE_BANDS: Final = ((30, "Dưới 30 ngày", "Under 30 days"), (90, "30–89 ngày", "30–89 days"))
STORAGE_TOP: Final = ("Từ 90 ngày", "90 days or more")


def _ordered(
    list_name: str, found: dict[Any, list[int]], lang: str, width: int, empty: tuple[str, str]
) -> list[tuple[Any, ...]]:
    """(label, *numbers) in the code list's order, codes with nothing left out; the records
    without a value last under ``empty``, so the rows add up to the whole."""
    en = lang == "en"
    rows: list[tuple[Any, ...]] = [
        (label, *found[code]) for code, label in vocabulary.items(list_name, lang) if code in found
    ]
    rows += [
        (code, *numbers)
        for code, numbers in found.items()
        if code is not None and not vocabulary.is_valid(list_name, str(code))
    ]
    if None in found:
        rows.append((empty[en], *found[None]))
    return [row + (0,) * (width + 1 - len(row)) for row in rows]


def camera_breakdown(
    db: sqlite_utils.Database, where: Where, field: str, lang: str
) -> list[tuple[Any, ...]]:
    """(label, cameras) by a coded field of the cameras (type, condition, connectivity, …)."""
    list_name = {"camera_type": "camera_type", "condition": "camera_condition"}.get(field, field)
    cond, params = camera_filter(where)
    found = {
        code: [n]
        for code, n in db.execute(
            f"SELECT c.{field}, count(*) FROM cameras c WHERE {cond} GROUP BY 1", params
        )
    }
    return _ordered(list_name, found, lang, 1, _NOT_KNOWN)


def camera_list_breakdown(
    db: sqlite_utils.Database, where: Where, field: str, list_name: str, lang: str
) -> list[tuple[Any, ...]]:
    """(label, cameras) by a list field (purposes, AI functions): a camera counts under each of
    its values; those with none last."""
    cond, params = camera_filter(where)
    found: dict[Any, list[int]] = {
        code: [n]
        for code, n in db.execute(
            f"SELECT j.value, count(*) FROM cameras c, json_each(c.{field}) j WHERE {cond} "
            "GROUP BY 1",
            params,
        )
    }
    empty = db.execute(
        f"SELECT count(*) FROM cameras c WHERE {cond} AND json_array_length(c.{field}) = 0",
        params,
    ).fetchone()[0]
    if empty:
        found[None] = [empty]
    return _ordered(list_name, found, lang, 1, _NONE if field == "ai_functions" else _NOT_KNOWN)


def storage_breakdown(db: sqlite_utils.Database, where: Where, lang: str) -> list[tuple[Any, ...]]:
    """(label, cameras) by how many days the recordings are kept on site."""
    en = lang == "en"
    cond, params = camera_filter(where)
    cases = " ".join(
        f"WHEN c.storage_days < {limit} THEN {number}"
        for number, (limit, _, _) in enumerate(STORAGE_BANDS)
    )
    counts = dict(
        db.execute(
            f"SELECT CASE WHEN c.storage_days IS NULL THEN -1 {cases} ELSE {len(STORAGE_BANDS)} "
            f"END, count(*) FROM cameras c WHERE {cond} GROUP BY 1",
            params,
        ).fetchall()
    )
    labels = [(vi, en_) for _, vi, en_ in STORAGE_BANDS] + [STORAGE_TOP]
    rows: list[tuple[Any, ...]] = [
        (label[en], counts.get(number, 0)) for number, label in enumerate(labels)
    ]
    if counts.get(-1):
        rows.append((_NOT_KNOWN[en], counts[-1]))
    return rows


def shortcoming_breakdown(
    db: sqlite_utils.Database, where: Where, field: str, lang: str
) -> list[tuple[Any, ...]]:
    """(label, shortcomings, estimated cost) by kind or by remedy kind."""
    list_name = {"kind": "shortcoming_kind", "remedy_kind": "remedy_kind"}[field]
    found = {
        code: [n, cost]
        for code, (n, cost) in _shortcoming_tallies(db, where, f"sh.{field}").items()
    }
    return _ordered(list_name, found, lang, 2, _NOT_KNOWN)


def need_breakdown(
    db: sqlite_utils.Database, where: Where, by: str, lang: str
) -> list[tuple[Any, ...]]:
    """(label, needs, cameras asked for) by the site's category, or by purpose or AI function
    (a need counts under each of its values; those with none last)."""
    cond, params = need_filter(where)
    joined = "needs n JOIN sites s ON s.id = n.site_id"
    if by == "category":
        sql = (
            f"SELECT s.category, count(*), sum(n.camera_count) FROM {joined} WHERE {cond} "
            "GROUP BY 1"
        )
        list_name, empty_label = "site_category", _NOT_KNOWN
    else:
        field, list_name = {
            "purpose": ("purposes", "camera_purpose"),
            "ai": ("ai_functions", "ai_function"),
        }[by]
        sql = (
            f"SELECT j.value, count(*), sum(n.camera_count) FROM {joined}, json_each(n.{field}) j "
            f"WHERE {cond} GROUP BY 1 UNION ALL SELECT NULL, count(*), sum(n.camera_count) "
            f"FROM {joined} WHERE {cond} AND json_array_length(n.{field}) = 0"
        )
        params = params + params
        empty_label = _NONE if by == "ai" else _NOT_KNOWN
    found = {code: [n, wanted or 0] for code, n, wanted in db.execute(sql, params) if n}
    return _ordered(list_name, found, lang, 2, empty_label)


def plan_by_phase(db: sqlite_utils.Database, where: Where) -> list[tuple[Any, int, int, int]]:
    """(phase, new cameras, other items, estimated cost) of the plan's live items."""
    cond, params = plan_filter(where)
    return [
        (phase, new, other, cost or 0)
        for phase, new, other, cost in db.execute(
            f"SELECT p.phase, sum(p.decision = 'new'), sum(p.decision != 'new'), "
            f"sum(p.estimated_cost_vnd) FROM plan_items p WHERE {cond} GROUP BY 1 ORDER BY 1",
            params,
        )
    ]
