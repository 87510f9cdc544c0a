"""What each kind of survey record holds, and the checks every value passes before it is written."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldsurvey.core import vocabulary
from fieldsurvey.core.collation import name_key
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.text import MAX_ID_CHARS, is_record_id, storable_text

Value = str | int | float | None


def _invalid(template: str, **params: Any) -> ValidationError:
    """The error of a value that is not acceptable (a template of the "store" context)."""
    return ValidationError(Message("store", template, params))


@dataclass(frozen=True)
class Field:
    """One column of a record table, as the write path sees it."""

    name: str
    kind: str  # text | int | real | bool | code | codes | ref | refs | json | date
    code_list: str | None = None
    ref: str | None = None
    required: bool = False
    low: float | None = None
    high: float | None = None
    max_length: int = 4000

    @functools.cached_property
    def clean(self) -> Callable[[Any], Value]:
        """``clean_value`` of this field: its check, made once for the field (see ``_cleaner``)."""
        return _cleaner(self)


def _text(name: str, *, required: bool = False, max_length: int = 4000) -> Field:
    return Field(name, "text", required=required, max_length=max_length)


def _code(name: str, code_list: str, *, required: bool = False) -> Field:
    return Field(name, "code", code_list=code_list, required=required)


def _codes(name: str, code_list: str) -> Field:
    return Field(name, "codes", code_list=code_list)


def _ref(name: str, table: str, *, required: bool = False) -> Field:
    return Field(name, "ref", ref=table, required=required)


def _real(name: str, low: float, high: float) -> Field:
    return Field(name, "real", low=low, high=high)


def _int(name: str, low: float, high: float) -> Field:
    return Field(name, "int", low=low, high=high)


_LOCATION = (
    _real("lat", -90, 90),
    _real("lon", -180, 180),
    _real("location_accuracy_m", 0, 100_000),
    _code("location_source", "location_source"),
    Field("commune_code", "commune"),
)
_REVIEW = _code("review_state", "review_state")


@dataclass(frozen=True)
class RecordKind:
    """A table of survey records: its fields, and the words that find it in search."""

    table: str
    number: int  # stable small number, used to build search-index rowids
    fields: tuple[Field, ...]
    title_field: str | None = None

    def field(self, name: str) -> Field:
        found = self.find(name)
        if found is None:
            raise _invalid(
                QT_TRANSLATE_NOOP("store", "Bảng {table} không có trường {name}."),
                table=self.table,
                name=repr(name),
            )
        return found

    def find(self, name: str) -> Field | None:
        """The field called ``name``, or None when this kind has none."""
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @functools.cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @functools.cached_property
    def commune_field_names(self) -> tuple[str, ...]:
        """The fields that name one commune."""
        return tuple(f.name for f in self.fields if f.kind == "commune")

    @functools.cached_property
    def cleaners(self) -> tuple[tuple[str, Callable[[Any], Value]], ...]:
        """(name, ``Field.clean``) of each field, in order: what cleaning a whole record runs,
        looked up once (made on first use: a cleaner reads its code list)."""
        return tuple((f.name, f.clean) for f in self.fields)


RECORD_KINDS: dict[str, RecordKind] = {
    kind.table: kind
    for kind in (
        RecordKind(
            "units",
            1,
            (
                _text("name", required=True, max_length=300),
                _code("kind", "unit_kind"),
                Field("commune_code", "commune"),
                _ref("parent_id", "units"),
                _text("contact", max_length=500),
                _text("notes"),
                # The day the office last reminded the unit of its late work (the chase list).
                Field("reminded_on", "date"),
            ),
            title_field="name",
        ),
        RecordKind(
            "sites",
            2,
            (
                _text("name", required=True, max_length=300),
                _code("category", "site_category", required=True),
                _text("address", max_length=500),
                *_LOCATION,
                _ref("unit_id", "units"),
                _text("notes"),
                _REVIEW,
            ),
            title_field="name",
        ),
        RecordKind(
            "cameras",
            3,
            (
                _ref("site_id", "sites", required=True),
                _text("name", max_length=300),
                _ref("owner_unit_id", "units"),
                _codes("purposes", "camera_purpose"),
                _code("camera_type", "camera_type"),
                _code("mount", "camera_mount"),
                _real("height_m", 0, 300),
                Field("views", "views"),
                _real("resolution_mp", 0.01, 1000),
                Field("night_vision", "bool"),
                _code("connectivity", "connectivity"),
                _code("connection_medium", "connection_medium"),
                _int("storage_days", 0, 3650),
                _codes("standards", "camera_standard"),
                _code("power_source", "power_source"),
                _int("install_year", 1980, 2100),
                _code("funding_source", "funding_source"),
                _codes("ai_functions", "ai_function"),
                _code("condition", "camera_condition"),
                *_LOCATION,
                _text("ref", max_length=200),
                _text("notes"),
                _REVIEW,
                # The owner's list this camera came in with (an inventory import), if any.
                _ref("import_id", "inventory_imports"),
            ),
            title_field="name",
        ),
        RecordKind(
            "shortcomings",
            4,
            (
                _ref("site_id", "sites", required=True),
                _ref("camera_id", "cameras"),
                _code("kind", "shortcoming_kind", required=True),
                _text("description"),
                _code("remedy_kind", "remedy_kind"),
                _text("remedy"),
                _int("estimated_cost_vnd", 0, 1e13),
                _REVIEW,
            ),
        ),
        RecordKind(
            "needs",
            5,
            (
                _ref("site_id", "sites", required=True),
                _codes("purposes", "camera_purpose"),
                _int("camera_count", 0, 10_000),
                _code("camera_type", "camera_type"),
                _codes("ai_functions", "ai_function"),
                _code("priority", "priority"),
                _text("justification"),
                Field("reuse_camera_ids", "refs", ref="cameras"),
                _real("lat", -90, 90),
                _real("lon", -180, 180),
                _REVIEW,
                # The image detail the need asks for (core/office/plan.py: when not given, it
                # follows from the purposes and AI functions).
                _code("detail_band", "detail_band"),
            ),
        ),
        RecordKind(
            "assignments",
            6,
            (
                _ref("unit_id", "units", required=True),
                Field("commune_codes", "communes"),
                Field("site_ids", "refs", ref="sites"),
                _int("target_count", 0, 1_000_000),
                Field("due_date", "date"),
                _code("status", "assignment_status"),
                _text("notes"),
            ),
        ),
        RecordKind(
            "photos",
            7,
            (
                Field("sha256", "sha256", required=True),
                _text("file_name", max_length=500),
                _text("format", max_length=20),
                _int("byte_size", 0, 1e12),
                _int("width", 1, 1e6),
                _int("height", 1, 1e6),
                _text("taken_at", max_length=40),
                _text("taken_at_utc", max_length=40),
                _real("lat", -90, 90),
                _real("lon", -180, 180),
                _real("gps_accuracy_m", 0, 100_000),
                _code("location_source", "location_source"),
                _real("altitude_m", -1000, 100_000),
                _real("heading_deg", 0, 360),
                _text("heading_ref", max_length=1),
                _int("orientation", 1, 8),
                _text("make", max_length=200),
                _text("model", max_length=200),
            ),
        ),
        RecordKind(
            "photo_links",
            8,
            (
                _ref("photo_id", "photos", required=True),
                Field("record_table", "table", required=True),
                Field("record_id", "text", required=True),
                _text("caption", max_length=500),
            ),
        ),
        RecordKind(
            "reviews",
            9,
            (
                Field("record_table", "table", required=True),
                Field("record_id", "text", required=True),
                _code("state", "review_state", required=True),
                _text("comment"),
                _text("reviewer", max_length=200),
                _text("reviewed_at", max_length=40),
            ),
        ),
        # Two records (cameras or sites) a supervisor decided are not duplicates of each other;
        # record_a sorts before record_b.
        RecordKind(
            "not_duplicates",
            10,
            (
                Field("record_table", "table", required=True),
                Field("record_a", "text", required=True),
                Field("record_b", "text", required=True),
                _text("note"),
                _text("decided_by", max_length=200),
            ),
        ),
        # One import of an owner unit's camera list: where it came from and what it did
        # (core/office/inventory.py). Sending the list again matches its rows by the owner's
        # reference; the counts say how many were unchanged, updated, new, no longer listed.
        RecordKind(
            "inventory_imports",
            11,
            (
                _text("file_name", required=True, max_length=500),
                _text("format", max_length=20),
                _ref("owner_unit_id", "units"),
                _text("imported_at", max_length=40),
                _int("row_count", 0, 10_000_000),
                _int("new_count", 0, 10_000_000),
                _int("updated_count", 0, 10_000_000),
                _int("unchanged_count", 0, 10_000_000),
                _int("gone_count", 0, 10_000_000),
                _int("refused_count", 0, 10_000_000),
                _text("imported_by", max_length=200),
            ),
            title_field="file_name",
        ),
        # One decision of the city camera plan (core/office/plan.py): reuse, connect or upgrade
        # an existing camera, or install a new one, for the needs it serves.
        RecordKind(
            "plan_items",
            12,
            (
                _code("decision", "plan_decision", required=True),
                Field("need_ids", "refs", ref="needs"),
                _ref("camera_id", "cameras"),
                _real("lat", -90, 90),
                _real("lon", -180, 180),
                Field("commune_code", "commune"),
                _real("direction", 0, 360),
                _real("field_of_view", 1, 360),
                _code("camera_type", "camera_type"),
                _code("mount", "camera_mount"),
                _real("resolution_mp", 0.01, 1000),
                Field("night_vision", "bool"),
                _codes("ai_functions", "ai_function"),
                _codes("purposes", "camera_purpose"),
                _codes("upgrades", "plan_upgrade"),
                _code("detail_band", "detail_band"),
                _text("reason", max_length=2000),
                _ref("responsible_unit_id", "units"),
                _int("estimated_cost_vnd", 0, 1e13),
                _int("phase", 1, 10),
                _code("state", "plan_state", required=True),
                _text("decided_by", max_length=200),
                _text("notes"),
            ),
        ),
    )
}

# Tables whose rows keep a stored Vietnamese sort key of their name (column ``sort_name``,
# filled by the write path, never synced: it follows from the name).
NAME_SORTED = frozenset({"sites", "cameras", "units"})


def with_sort_name(table: str, row: dict[str, Value]) -> dict[str, Value]:
    """``row`` with the sort key of its name added when its table keeps one and it names one."""
    if table in NAME_SORTED and "name" in row:
        return {**row, "sort_name": name_key(str(row["name"] or ""))}
    return row


# Tables whose records appear in search, with how a hit is named.
SEARCH_KINDS = {
    "sites": "site",
    "cameras": "camera",
    "units": "unit",
    "shortcomings": "shortcoming",
    "needs": "need",
}


def record_kind(table: str) -> RecordKind:
    try:
        return RECORD_KINDS[table]
    except KeyError:
        raise _invalid(
            QT_TRANSLATE_NOOP("store", "Không có loại bản ghi {table}."), table=repr(table)
        ) from None


def _number(field: Field, value: Any, integer: bool) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần một số."), field=field.name)
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        raise _invalid(
            QT_TRANSLATE_NOOP("store", "{field}: {value} không phải là số."),
            field=field.name,
            value=repr(value),
        ) from None
    if not math.isfinite(number):
        raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: số không hợp lệ."), field=field.name)
    if integer:
        if number != int(number):
            raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần số nguyên."), field=field.name)
        number = int(number)
    if (field.low is not None and number < field.low) or (
        field.high is not None and number > field.high
    ):
        raise _invalid(
            QT_TRANSLATE_NOOP("store", "{field}: {value} nằm ngoài khoảng {low}–{high}."),
            field=field.name,
            value=value,
            low=f"{field.low:g}",
            high=f"{field.high:g}",
        )
    return number


# ``json.dumps(value, ensure_ascii=False)``, without making its encoder again for every value.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _json_list(field: Field, value: Any) -> list[Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (json.JSONDecodeError, RecursionError):  # nesting deeper than Python's stack
            raise _invalid(
                QT_TRANSLATE_NOOP("store", "{field}: danh sách không đọc được."), field=field.name
            ) from None
    if not isinstance(value, (list, tuple)):
        raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần một danh sách."), field=field.name)
    return list(value)


_VIEWS = Field("views", "views")
_VIEW_KEYS = frozenset({"direction", "angle", "tilt"})
_VIEW_PARTS = tuple(
    (key, Field(f"views.{key}", "real", low=low, high=high))
    for key, low, high in (("direction", 0, 360), ("angle", 1, 360), ("tilt", -90, 90))
)


def _views(value: Any) -> str:
    views = []
    for item in _json_list(_VIEWS, value):
        if not isinstance(item, dict) or not item.keys() <= _VIEW_KEYS:
            raise _invalid(
                QT_TRANSLATE_NOOP("store", "views: mỗi hướng nhìn gồm direction, angle, tilt.")
            )
        view: dict[str, float | None] = {"direction": None, "angle": None, "tilt": None}
        for key, part in _VIEW_PARTS:
            number = item.get(key)
            if number is None:
                continue
            assert part.low is not None and part.high is not None
            if type(number) is float and part.low <= number <= part.high:
                view[key] = number  # what _number gives back for it
            else:
                view[key] = _number(part, number, False)
        if view["direction"] is not None:
            view["direction"] = float(view["direction"]) % 360
        views.append(view)
    return _to_json(views)


_LIST_KINDS = frozenset({"codes", "refs", "communes", "views"})


def empty_value(field: Field) -> Value:
    """What a field holds when nothing was given: an empty list for list fields, else null."""
    return "[]" if field.kind in _LIST_KINDS else None


def clean_value(kind: RecordKind, field: Field, value: Any) -> Value:
    """Check one value and return it in the form it is stored in; raise ValidationError if bad."""
    return field.clean(value)


def _clean_any(field: Field, value: Any) -> Value:
    """``clean_value`` for any value: every check, in order, for a field of any kind."""
    if value is None or (isinstance(value, str) and not value.strip() and field.kind != "json"):
        if field.required:
            raise _invalid(
                QT_TRANSLATE_NOOP("store", "{field}: bắt buộc phải có."), field=field.name
            )
        return empty_value(field)
    match field.kind:
        case "text" | "table":
            if not isinstance(value, str):
                raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần chữ."), field=field.name)
            value = value.strip()
            if len(value) > field.max_length:
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: dài quá {limit} ký tự."),
                    field=field.name,
                    limit=field.max_length,
                )
            if not storable_text(value):
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: có ký tự không hợp lệ."), field=field.name
                )
            if field.kind == "table" and value not in RECORD_KINDS:
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: không có bảng {table}."),
                    field=field.name,
                    table=repr(value),
                )
            return str(value)
        case "int":
            return int(_number(field, value, True))
        case "real":
            return float(_number(field, value, False))
        case "bool":
            if value in (True, 1, "1", "true", "yes"):
                return 1
            if value in (False, 0, "0", "false", "no"):
                return 0
            raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần có/không."), field=field.name)
        case "code":
            assert field.code_list is not None
            if not isinstance(value, str) or not vocabulary.is_valid(field.code_list, value):
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: {value} không có trong danh mục {codes}."),
                    field=field.name,
                    value=repr(value),
                    codes=field.code_list,
                )
            return value
        case "codes":
            assert field.code_list is not None
            codes = _json_list(field, value)
            for code in codes:
                if not isinstance(code, str) or not vocabulary.is_valid(field.code_list, code):
                    raise _invalid(
                        QT_TRANSLATE_NOOP(
                            "store", "{field}: {value} không có trong danh mục {codes}."
                        ),
                        field=field.name,
                        value=repr(code),
                        codes=field.code_list,
                    )
            return _to_json(sorted(set(codes)))
        case "ref" | "commune":
            if not is_record_id(value):
                raise _invalid(QT_TRANSLATE_NOOP("store", "{field}: cần một mã."), field=field.name)
            return str(value)
        case "refs" | "communes":
            ids = _json_list(field, value)
            if not all(is_record_id(i) for i in ids):
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: cần danh sách mã."), field=field.name
                )
            return _to_json(list(dict.fromkeys(ids)))
        case "views":
            return _views(value)
        case "date":
            text = str(value)
            try:
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: {value} không phải ngày (YYYY-MM-DD)."),
                    field=field.name,
                    value=repr(text),
                ) from None
        case "sha256":
            text = str(value).lower()
            if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
                raise _invalid(
                    QT_TRANSLATE_NOOP("store", "{field}: không phải SHA-256."), field=field.name
                )
            return text
    raise AssertionError(f"unknown field kind {field.kind}")


# -- each field's check, made once -------------------------------------------------------------
#
# ``_clean_any`` asks, for every value, what kind of field it is for and runs the generic checks.
# The write path and the import check millions of values, nearly all of them already of the type
# their field wants (a float for a real field, a code of the list for a code field). Each
# field's cleaner answers those with the same few tests ``_clean_any`` would end in, with the
# field's limits and code list at hand, and hands every other value to ``_clean_any``: so what
# it accepts, it accepts as ``_clean_any`` does (the same stored form), and what it refuses is
# refused by ``_clean_any`` with its message. tests/core/store/test_cleaners.py holds them to it.

# Text given for a list field (a package's JSON text, a form's) is read and written again each
# time it is checked; the answers for short texts are remembered, up to this many per field
# (views: the city demo's 200,000 cameras look in some 12,000 distinct ways; a few MB at most).
_REMEMBERED_TEXTS = 4096
_REMEMBERED_VIEWS = 16384
_REMEMBERED_LENGTH = 256
_MISSING = object()


def _cleaner(field: Field) -> Callable[[Any], Value]:
    """The function that cleans values of ``field`` (``Field.clean``)."""
    kind, low, high = field.kind, field.low, field.high

    def clean_other(value: Any) -> Value:
        return _clean_any(field, value)

    if kind in ("text", "table"):
        limit = field.max_length
        tables = RECORD_KINDS if kind == "table" else None

        def clean_text(value: Any) -> Value:
            if type(value) is str:
                text = value.strip()
                if (
                    text
                    and len(text) <= limit
                    and storable_text(text)
                    and (tables is None or text in tables)
                ):
                    return text
            return _clean_any(field, value)

        return clean_text
    if kind in ("int", "real") and low is not None and high is not None:
        # An int in range is stored as it is; a float in range in a real field too (NaN is
        # in no range). A float given for an int field, or an int for a real one, goes the
        # long way, which converts it.
        number_type = int if kind == "int" else float

        def clean_number(value: Any) -> Value:
            if type(value) is number_type and low <= value <= high:
                return value
            return _clean_any(field, value)

        return clean_number
    if kind == "bool":

        def clean_bool(value: Any) -> Value:
            if value is True or (type(value) is int and value == 1):
                return 1
            if value is False or (type(value) is int and value == 0):
                return 0
            return _clean_any(field, value)

        return clean_bool
    if kind == "code":
        assert field.code_list is not None
        codes = _code_set(field.code_list)

        def clean_code(value: Any) -> Value:
            if type(value) is str and value in codes:
                return value
            return _clean_any(field, value)

        return clean_code
    if kind == "codes":
        assert field.code_list is not None
        codes = _code_set(field.code_list)

        def clean_codes(value: Any) -> Value:
            if type(value) is list and all(type(c) is str and c in codes for c in value):
                return _to_json(sorted(set(value)))
            return _clean_any(field, value)

        return _remembering(clean_codes)
    if kind in ("ref", "commune"):

        def clean_ref(value: Any) -> Value:
            if (
                type(value) is str
                and 0 < len(value) <= MAX_ID_CHARS
                and not value.isspace()
                and storable_text(value)
            ):
                return value
            return _clean_any(field, value)

        return clean_ref
    if kind == "views":
        return _remembering(clean_other, _REMEMBERED_VIEWS)
    if kind in _LIST_KINDS:
        return _remembering(clean_other)
    return clean_other


def _code_set(code_list: str) -> frozenset[str]:
    """The codes of a list a code field accepts as they are (a blank one would be no value)."""
    return frozenset(code for code in vocabulary.codes(code_list) if code.strip())


def _remembering(
    clean: Callable[[Any], Value], limit: int = _REMEMBERED_TEXTS
) -> Callable[[Any], Value]:
    """``clean``, remembering what it made of short texts (the same text always cleans the
    same way; a refused one is not remembered, so it is refused again with its message)."""
    known: dict[str, Value] = {}

    def clean_remembered(value: Any) -> Value:
        if type(value) is not str or len(value) > _REMEMBERED_LENGTH:
            return clean(value)
        found = known.get(value, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        stored = clean(value)
        if len(known) < limit:
            known[value] = stored
        return stored

    return clean_remembered
