"""What a saved record still lacks: the survey's rules beyond a single value, and completeness.

A record may be saved as a draft with these problems; the editor shows them beside the fields and
the record's completeness. Values themselves are checked by records.clean_value on every write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldsurvey.core.store.records import record_kind


@dataclass(frozen=True)
class Problem:
    """Something a record lacks, for one field (or "" for the record as a whole)."""

    field: str
    code: str
    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


# The fields a complete record of each kind has filled in (beyond what the database requires).
EXPECTED_FIELDS: dict[str, tuple[str, ...]] = {
    "sites": ("name", "category", "address", "lat", "lon", "unit_id"),
    "cameras": (
        "name",
        "owner_unit_id",
        "purposes",
        "camera_type",
        "mount",
        "height_m",
        "views",
        "resolution_mp",
        "connectivity",
        "storage_days",
        "condition",
        "lat",
        "lon",
    ),
    "shortcomings": ("kind", "description", "remedy_kind", "remedy"),
    "needs": ("purposes", "camera_count", "camera_type", "priority", "justification"),
}
_MISSING = Problem("", "missing", "Chưa điền.", "Not filled in yet.")


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != "[]"


def _views(record: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        views = json.loads(record.get("views") or "[]")
    except ValueError:
        return []
    return [v for v in views if isinstance(v, dict)]


def problems(
    db: sqlite_utils.Database,
    table: str,
    record: dict[str, Any],
    *,
    area: set[str] | None = None,
) -> list[Problem]:
    """The rules a stored record breaks. ``area``: the communes assigned to this surveyor."""
    found = [
        Problem(name, "missing", _MISSING.vi, _MISSING.en)
        for name in EXPECTED_FIELDS.get(table, ())
        if name not in ("lat", "lon") and not _filled(record.get(name))
    ]
    if table in ("sites", "cameras") and record.get("lat") is None:
        found.append(
            Problem(
                "location",
                "no_location",
                "Chưa có vị trí: nhập tọa độ, lấy từ ảnh hoặc chọn trên bản đồ.",
                "No location yet: type coordinates, take them from a photo or pick on the map.",
            )
        )
    if table == "cameras":
        camera_type = record.get("camera_type")
        if camera_type == "fixed" and not any(
            v.get("direction") is not None for v in _views(record)
        ):
            found.append(
                Problem(
                    "views",
                    "fixed_needs_direction",
                    "Camera cố định phải có hướng nhìn.",
                    "A fixed camera needs a view direction.",
                )
            )
        ai = json.loads(record.get("ai_functions") or "[]")
        if (camera_type == "alpr" or "alpr" in ai) and record.get("resolution_mp") is None:
            found.append(
                Problem(
                    "resolution_mp",
                    "alpr_needs_resolution",
                    "Camera nhận dạng biển số phải có độ phân giải.",
                    "A plate-recognition camera needs its resolution.",
                )
            )
        if record.get("condition") == "not_working" and record.get("id"):
            count = db.execute(
                "SELECT count(*) FROM shortcomings WHERE camera_id = ? AND deleted = 0",
                [record["id"]],
            ).fetchone()[0]
            if not count:
                found.append(
                    Problem(
                        "condition",
                        "broken_needs_shortcoming",
                        "Camera không hoạt động phải có ít nhất một tồn tại, hạn chế.",
                        "A camera that is not working needs a shortcoming.",
                    )
                )
    located = table in ("sites", "cameras") and record.get("lat") is not None
    if area and located and record.get("commune_code") not in area:
        found.append(
            Problem(
                "location",
                "outside_area",
                "Vị trí nằm ngoài địa bàn được giao.",
                "The location is outside the assigned area.",
            )
        )
    return found


def completeness(table: str, record: dict[str, Any]) -> float:
    """The share (0–1) of the fields a complete record has that are filled in."""
    expected = EXPECTED_FIELDS.get(table)
    if not expected:
        return 1.0
    record_kind(table)  # an unknown table is a programming error, said clearly
    return sum(_filled(record.get(name)) for name in expected) / len(expected)
