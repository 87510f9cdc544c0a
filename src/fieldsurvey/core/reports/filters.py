"""What a report covers: the formats, the errors a report raises, and the filter.

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
One report per unit (per.py) also keeps only the needs at the unit's own sites
(``Where.site_units``, the sites' ``unit_id``); no ``--where`` key sets that."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.reports.labels import _commune_names
from fieldsurvey.core.tasks import Cancelled
from fieldsurvey.core.text import fold

FORMATS: Final = ("xlsx", "pdf", "gpkg", "geojson", "csv")
WHERE_KEYS: Final = ("commune", "purpose", "condition", "owner", "review")
ROUND_DECIMALS: Final = 2
SENSITIVE_CATEGORY: Final = "national_security"
# How often (rows) writers report progress and look at the cancel flag.
STEP: Final = 500
# Where the reports' messages are filed in the translation files.
_CONTEXT: Final = "reports"


class ReportError(FieldSurveyError):
    """A report cannot be made as asked (bad format, filter, target); nothing was written."""


class ReportCancelled(Cancelled):
    """The report was cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            Message(_CONTEXT, QT_TRANSLATE_NOOP("reports", "Đã hủy báo cáo, không ghi tệp nào."))
        )


# -- the filter ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """A validated filter: for each key, the codes (or unit ids) any of which must match."""

    communes: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    reviews: tuple[str, ...] = ()
    # Needs at sites managed by one of these units (a unit's own report; not a --where key).
    site_units: tuple[str, ...] = ()

    @property
    def camera_keys(self) -> bool:
        return bool(self.purposes or self.conditions or self.owners)

    def describe(self, db: sqlite_utils.Database, lang: str) -> list[str]:
        """The filter in words, for the PDF's title page."""
        names = _commune_names(db)
        units = dict(db.execute("SELECT id, name FROM units").fetchall())
        parts = [
            (
                vocabulary.field_label("commune_code", lang),
                [names.get(c, c) for c in self.communes],
            ),
            (
                vocabulary.list_label("camera_purpose", lang),
                [vocabulary.label("camera_purpose", c, lang) for c in self.purposes],
            ),
            (
                vocabulary.list_label("camera_condition", lang),
                [vocabulary.label("camera_condition", c, lang) for c in self.conditions],
            ),
            (
                vocabulary.field_label("owner_unit_id", lang),
                [str(units.get(u, u)) for u in self.owners],
            ),
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


# The formats of the official report: they hold approved records only, unless the filter names
# review states itself or a draft is asked for. The data exports (CSV, GeoJSON, GeoPackage) hold
# every record the filter keeps.
OFFICIAL_FORMATS: Final = ("pdf", "xlsx")


def report_scope(where: Where, fmt: str, draft: bool) -> Where:
    """The filter an ``fmt`` report applies: ``where``, with "approved only" added for an
    official report that is not a draft and names no review state."""
    if fmt in OFFICIAL_FORMATS and not draft and not where.reviews:
        return dataclasses.replace(where, reviews=("approved",))
    return where


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
                Message(
                    _CONTEXT,
                    QT_TRANSLATE_NOOP("reports", "Bộ lọc phải có dạng khóa=giá trị: {item}."),
                    {"item": repr(item)},
                )
            )
        if key not in WHERE_KEYS:
            raise ReportError(
                Message(
                    _CONTEXT,
                    QT_TRANSLATE_NOOP("reports", "Khóa lọc không hợp lệ: {key} (dùng {keys})."),
                    {"key": repr(key), "keys": ", ".join(WHERE_KEYS)},
                )
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
                    Message(
                        _CONTEXT,
                        QT_TRANSLATE_NOOP(
                            "reports", "Giá trị không hợp lệ cho {key}: {value} (dùng {codes})."
                        ),
                        {
                            "key": key,
                            "value": repr(value),
                            "codes": ", ".join(vocabulary.codes(list_name)),
                        },
                    )
                )
        if code is None:
            raise ReportError(Message(_CONTEXT, _NOT_FOUND[key], {"value": repr(value)}))
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
# A commune or a unit the filter names but the workspace does not have.
_NOT_FOUND: Final = {
    "commune": QT_TRANSLATE_NOOP("reports", "Không tìm thấy xã, phường {value}."),
    "owner": QT_TRANSLATE_NOOP("reports", "Không tìm thấy đơn vị {value}."),
}


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
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Có {count} đơn vị tên {value}, hãy dùng mã (id)."),
                {"count": len(matches), "value": repr(value)},
            )
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
        # The sites of the cameras kept: from the cameras (an owner's, by its index) to their
        # sites, not from every site to its cameras.
        inner = " AND ".join(["c.deleted = 0", *_camera_conditions(where, params)])
        parts.append(f"s.id IN (SELECT c.site_id FROM cameras c WHERE {inner})")
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
    if where.site_units:
        parts.append(_in("s.unit_id", where.site_units, params))
    if where.purposes:
        parts.append(_has_any("n.purposes", where.purposes, params))
    if where.reviews:
        parts.append(_in("n.review_state", where.reviews, params))
    return " AND ".join(parts), params


def plan_filter(where: Where) -> tuple[str, list[Any]]:
    """On plan item ``p``: live and not rejected; its commune, the purposes it serves, and its
    responsible unit for ``owner`` (the camera's owner when it reuses one)."""
    params: list[Any] = []
    parts = ["p.deleted = 0", "p.state != 'rejected'"]
    if where.communes:
        parts.append(_in("p.commune_code", where.communes, params))
    if where.purposes:
        parts.append(_has_any("p.purposes", where.purposes, params))
    if where.owners:
        parts.append(_in("p.responsible_unit_id", where.owners, params))
    return " AND ".join(parts), params
