"""The app's record lists, a page at a time: filters, search and sort become one SQL query, and
only the rows on screen are ever read (200,000 cameras never pass through Python at once).

Pages follow the sort key (keyset paging), so the thousandth page costs what the first does.
Also the short lists forms and dialogs offer: units, a site's cameras, a record's own records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.search import count as count_matching
from fieldsurvey.core.store.search import matching

PAGE_SIZE = 200
FEW_ROWS = 5000  # fewer matches than this are sorted after finding them, not found in order
LIST_TABLES = ("sites", "cameras")
# Columns of each list (after the hidden id), and the SQL each sorts by.
COLUMNS: dict[str, tuple[str, ...]] = {
    "sites": ("name", "category", "commune", "address", "cameras", "review_state"),
    "cameras": ("name", "site", "camera_type", "condition", "owner", "commune", "review_state"),
}


def _in_list_order(column: str, code_list: str) -> str:
    """Sort a code column the way its code list is ordered (working, degraded, not working…),
    as the labels shown in its place do not sort by their codes."""
    codes = vocabulary.codes(code_list)
    if not all(code.replace("_", "").isalnum() for code in codes):  # they go into the SQL
        raise ValueError(f"code list {code_list} has a code that is not a plain word")
    cases = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(codes))
    return f"CASE {column} {cases} ELSE 999 END"


# Names sort in Vietnamese alphabetical order (core/collation.py) through the stored keys the
# write path keeps beside them (``sort_name``, compared as plain text): the name order comes from
# an index, so the first page of the city's 200,000 cameras is read without sorting them, and no
# collation of ours is needed to read or check the file.
_SORT_SQL = {
    "name": "r.sort_name",
    "category": _in_list_order("r.category", "site_category"),
    "commune": "coalesce((SELECT a.sort_name FROM admin_units a WHERE a.level = 'commune' "
    "AND a.code = r.commune_code), '')",
    "address": "coalesce(r.address, '') COLLATE NOCASE",
    "cameras": "(SELECT count(*) FROM cameras c WHERE c.site_id = r.id AND c.deleted = 0)",
    "review_state": _in_list_order("r.review_state", "review_state"),
    "site": "coalesce((SELECT s.sort_name FROM sites s WHERE s.id = r.site_id), '')",
    "camera_type": _in_list_order("r.camera_type", "camera_type"),
    "condition": _in_list_order("r.condition", "camera_condition"),
    "owner": "coalesce((SELECT u.sort_name FROM units u WHERE u.id = r.owner_unit_id), '')",
}


@dataclass(frozen=True)
class ListQuery:
    """Which records a list shows and in what order. Empty filters show everything."""

    table: str
    text: str = ""
    commune: str | None = None
    category: str | None = None  # a site's category (for cameras: their site's)
    condition: str | None = None  # cameras only
    purpose: str | None = None  # cameras only
    review_state: str | None = None
    site_id: str | None = None  # cameras of one site
    sort: str = "name"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.table not in LIST_TABLES:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Không có danh sách {table}."),
                    {"table": repr(self.table)},
                )
            )
        if self.sort not in COLUMNS[self.table]:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Không sắp xếp được theo {column}."),
                    {"column": repr(self.sort)},
                )
            )
        for name, code_list in (
            ("category", "site_category"),
            ("condition", "camera_condition"),
            ("purpose", "camera_purpose"),
            ("review_state", "review_state"),
        ):
            value = getattr(self, name)
            if value is not None and not vocabulary.is_valid(code_list, value):
                raise ValidationError(
                    Message(
                        "store",
                        QT_TRANSLATE_NOOP("store", "{field}: {value} không có trong danh mục."),
                        {"field": name, "value": repr(value)},
                    )
                )

    def sorted_by(self, column: str, descending: bool = False) -> ListQuery:
        return replace(self, sort=column, descending=descending)


def _where(query: ListQuery, few: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause of a query. ``few``: the filter is known to match few rows, so SQLite is
    told to find them by their own indexes rather than walk the name order until a page fills."""

    def indexed(clause: str) -> str:
        return f"likelihood({clause}, 0.001)" if few else clause

    clauses, params = ["r.deleted = 0"], []
    found, found_params = matching(query.table, query.text)
    if found:
        clauses.append(found)
        params += found_params
    if query.commune:
        clauses.append("r.commune_code = ?")
        params.append(query.commune)
    if query.category:
        if query.table == "sites":
            clauses.append("r.category = ?")
        else:
            clauses.append("r.site_id IN (SELECT id FROM sites WHERE category = ?)")
        params.append(query.category)
    if query.review_state:
        clauses.append(indexed("r.review_state = ?"))
        params.append(query.review_state)
    if query.table == "cameras":
        if query.condition:
            clauses.append(indexed("r.condition = ?"))
            params.append(query.condition)
        if query.purpose:
            clauses.append("r.purposes LIKE ?")  # a JSON list of codes; codes are plain words
            params.append(f'%"{query.purpose}"%')
        if query.site_id:
            clauses.append("r.site_id = ?")
            params.append(query.site_id)
    return " AND ".join(clauses), params


def count(db: sqlite_utils.Database, query: ListQuery) -> int:
    if query.text.strip() and query == ListQuery(
        query.table, text=query.text, sort=query.sort, descending=query.descending
    ):  # only a search: the index counts its own hits (it holds live records only)
        return count_matching(db, query.table, query.text)
    where, params = _where(query)
    return int(
        db.execute(f"SELECT count(*) FROM {query.table} r WHERE {where}", params).fetchone()[0]
    )


_ROW_SQL = {
    "sites": """
        SELECT r.id, r.name, r.category, a.name, r.address,
               (SELECT count(*) FROM cameras c WHERE c.site_id = r.id AND c.deleted = 0),
               r.review_state
        FROM sites r
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = r.commune_code
    """,
    "cameras": """
        SELECT r.id, coalesce(r.name, ''), s.name, r.camera_type, r.condition, u.name, a.name,
               r.review_state
        FROM cameras r
        JOIN sites s ON s.id = r.site_id
        LEFT JOIN units u ON u.id = r.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = r.commune_code
    """,
}
# Code columns shown as labels: position in the row → code list.
_LABELLED = {
    "sites": {2: "site_category", 6: "review_state"},
    "cameras": {3: "camera_type", 4: "camera_condition", 7: "review_state"},
}

Cursor = tuple[Any, str]
"""Where a page ended: the last row's sort key and id; the next page starts after it."""


def page(
    db: sqlite_utils.Database,
    query: ListQuery,
    after: Cursor | None = None,
    *,
    size: int = PAGE_SIZE,
    lang: str = "vi",
    total: int | None = None,
) -> tuple[list[tuple[Any, ...]], Cursor | None]:
    """One page of rows (id first, then COLUMNS, codes as labels) and the cursor after it
    (None when this was the last page). ``total``: the query's count, when known."""
    where, params = _where(query, few=total is not None and total <= FEW_ROWS)
    key = _SORT_SQL[query.sort]
    op, order = ("<", "DESC") if query.descending else (">", "ASC")
    if after is not None:
        where += f" AND ({key}, r.id) {op} (?, ?)"
        params += list(after)
    # The page's ids first (cheap to sort), then the joined columns of those rows only.
    keyed = db.execute(
        f"SELECT r.id, {key} FROM {query.table} r WHERE {where} "
        f"ORDER BY {key} {order}, r.id {order} LIMIT ?",
        [*params, size + 1],
    ).fetchall()
    more = len(keyed) > size
    keyed = keyed[:size]
    rows = rows_by_id(db, query.table, [str(k[0]) for k in keyed], lang=lang)
    cursor = (keyed[-1][1], keyed[-1][0]) if more and keyed else None
    return rows, cursor


def rows_by_id(
    db: sqlite_utils.Database, table: str, record_ids: Sequence[str], *, lang: str = "vi"
) -> list[tuple[Any, ...]]:
    """The list rows of some records, in the order given (missing ones left out)."""
    details = {
        item[0]: item
        for item in db.execute(
            _ROW_SQL[table] + f" WHERE r.id IN ({', '.join('?' * len(record_ids))})",
            list(record_ids),
        )
    }
    labelled = _LABELLED[table]
    rows = []
    for record_id in record_ids:
        if record_id not in details:
            continue
        row = list(details[record_id])
        for position, code_list in labelled.items():
            code = row[position]
            row[position] = vocabulary.label(code_list, code, lang) if code else ""
        rows.append(tuple("" if v is None else v for v in row))
    return rows


def ids(db: sqlite_utils.Database, query: ListQuery) -> list[str]:
    """Every matching record id, in list order (for the map filter and exports)."""
    where, params = _where(query)
    key = _SORT_SQL[query.sort]
    order = "DESC" if query.descending else "ASC"
    return [
        str(r[0])
        for r in db.execute(
            f"SELECT r.id FROM {query.table} r WHERE {where} ORDER BY {key} {order}, r.id {order}",
            params,
        )
    ]


def neighbours(
    db: sqlite_utils.Database, query: ListQuery, record_id: str
) -> tuple[str | None, str | None]:
    """The records before and after one record in the list's order (for next/previous)."""
    where, params = _where(query)
    key = _SORT_SQL[query.sort]
    row = db.execute(f"SELECT {key} FROM {query.table} r WHERE r.id = ?", [record_id]).fetchone()
    if row is None:
        return None, None
    found: list[str | None] = []
    for op, order in (("<", "DESC"), (">", "ASC")):
        if query.descending:
            order = "ASC" if order == "DESC" else "DESC"
            op = ">" if op == "<" else "<"
        hit = db.execute(
            f"SELECT r.id FROM {query.table} r WHERE {where} AND ({key}, r.id) {op} (?, ?) "
            f"ORDER BY {key} {order}, r.id {order} LIMIT 1",
            [*params, row[0], record_id],
        ).fetchone()
        found.append(None if hit is None else str(hit[0]))
    return found[0], found[1]


def commune_choices(db: sqlite_utils.Database) -> Sequence[tuple[str, str]]:
    """(code, name) of the communes that have sites, for the list's commune filter."""
    return [
        (str(code), str(name))
        for code, name in db.execute(
            "SELECT a.code, a.name FROM admin_units a WHERE a.level = 'commune' AND a.code IN "
            "(SELECT DISTINCT commune_code FROM sites WHERE deleted = 0) "
            "ORDER BY a.sort_name, a.code"
        )
    ]


# -- short lists for forms and dialogs ----------------------------------------------------------


def unit_choices(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(id, name) of every unit not deleted, by name: what a unit field can name."""
    return [
        (str(unit_id), str(name))
        for unit_id, name in db.execute(
            "SELECT id, name FROM units WHERE deleted = 0 ORDER BY sort_name, rowid"
        )
    ]


def owner_unit_choices(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(id, name) of the units not deleted that own a camera not deleted, by name: the
    report's owner filter."""
    return [
        (str(unit_id), str(name))
        for unit_id, name in db.execute(
            "SELECT id, name FROM units WHERE deleted = 0 AND id IN (SELECT owner_unit_id FROM "
            "cameras WHERE deleted = 0) ORDER BY sort_name, rowid"
        )
    ]


def camera_title(name: str | None, ref: str | None, camera_id: str) -> str:
    """How a camera is named in lists: its name, else its source's reference, else the start
    of its id."""
    return name or ref or camera_id[:8]


def camera_name(site_name: str, number: int) -> str:
    """The name the ``number``-th camera of a site starts with."""
    return f"{site_name} – camera {number}"


def new_camera_name(db: sqlite_utils.Database, site_id: str) -> str:
    """The name a new camera of a site starts with: numbered after every camera the site has
    had, deleted ones included (a deleted camera's number is not given again)."""
    site = db.execute("SELECT name FROM sites WHERE id = ?", [site_id]).fetchone()
    if site is None:
        template = QT_TRANSLATE_NOOP("store", "Không có địa điểm {site}.")
        raise ValidationError(Message("store", template, {"site": site_id}))
    count = db.execute("SELECT count(*) FROM cameras WHERE site_id = ?", [site_id]).fetchone()[0]
    return camera_name(str(site[0]), int(count) + 1)


def camera_titles(db: sqlite_utils.Database, camera_ids: Sequence[str]) -> dict[str, str]:
    """{id: title} of some cameras (see camera_title), deleted ones included; unknown ids are
    left out."""
    ids = list(camera_ids)
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for camera_id, name, ref in db.execute(
            f"SELECT id, name, ref FROM cameras WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            out[str(camera_id)] = camera_title(name, ref, str(camera_id))
    return out


def site_camera_choices(db: sqlite_utils.Database, site_id: str | None) -> list[tuple[str, str]]:
    """(id, title) of a site's cameras not deleted, by name: what a field naming one of the
    site's cameras can hold."""
    return [
        (str(camera_id), camera_title(name, ref, str(camera_id)))
        for camera_id, name, ref in db.execute(
            "SELECT id, name, ref FROM cameras WHERE deleted = 0 AND site_id = ? "
            "ORDER BY sort_name, rowid",
            [site_id],
        )
    ]


def records_of(
    db: sqlite_utils.Database, table: str, field: str, record_id: str
) -> list[dict[str, Any]]:
    """The records of ``table`` not deleted whose reference ``field`` names ``record_id`` (a
    site's cameras, a camera's shortcomings…), every column, in the order they were recorded."""
    kind = record_kind(table)
    if kind.field(field).kind != "ref":
        template = QT_TRANSLATE_NOOP(
            "store", "Trường {field} của {table} không trỏ tới bản ghi khác."
        )
        raise ValidationError(Message("store", template, {"field": field, "table": table}))
    rows = db.execute(
        f"SELECT * FROM {kind.table} WHERE {field} = ? AND deleted = 0 ORDER BY rowid",
        [record_id],
    )
    names = [d[0] for d in rows.description]
    return [dict(zip(names, values, strict=True)) for values in rows.fetchall()]
