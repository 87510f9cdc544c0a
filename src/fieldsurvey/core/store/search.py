"""Accent-insensitive search over names, addresses, units and notes (SQLite FTS5 on folded text)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.store.records import RECORD_KINDS, SEARCH_KINDS
from fieldsurvey.core.text import fold, words
from fieldsurvey.core.transaction import write_transaction

# For each searchable table: its alias, the columns that make a record's searchable text (with
# the names of the site, unit and commune it belongs to) as (rowid, id, deleted, title, code,
# parts...), and the joins that bring those names. Inner joins are CROSS JOINs: SQLite keeps
# their order, so re-indexing a few records always starts from those records, whatever the
# statistics say (stale ones from when the office held 300 sites made it scan every site for
# each chunk of 500 cameras).
_SOURCES: dict[str, tuple[str, str, str]] = {
    "sites": (
        "s",
        "s.rowid, s.id, s.deleted, s.name, s.category, s.address, s.notes, a.name, u.name",
        """
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        LEFT JOIN units u ON u.id = s.unit_id""",
    ),
    "cameras": (
        "c",
        """c.rowid, c.id, c.deleted, coalesce(c.name, s.name), c.camera_type,
        s.name, s.address, c.ref, c.notes, u.name, a.name""",
        """
        CROSS JOIN sites s ON s.id = c.site_id
        LEFT JOIN units u ON u.id = c.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = c.commune_code""",
    ),
    "units": (
        "u",
        "u.rowid, u.id, u.deleted, u.name, u.kind, u.notes, a.name",
        """
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = u.commune_code""",
    ),
    "shortcomings": (
        "x",
        "x.rowid, x.id, x.deleted, s.name, x.kind, x.description, x.remedy, s.address",
        "CROSS JOIN sites s ON s.id = x.site_id",
    ),
    "needs": (
        "x",
        "x.rowid, x.id, x.deleted, s.name, x.priority, x.justification, s.address",
        "CROSS JOIN sites s ON s.id = x.site_id",
    ),
}


def source_sql(table: str, by: str | None = None) -> str:
    """The query of ``table``'s searchable rows: all of them, or with ``by`` ("id" or "rowid")
    those whose key is in the JSON array bound to its one parameter, looked up one by one from
    that list (the list drives the query: CROSS JOIN keeps it first)."""
    alias, columns, joins = _SOURCES[table]
    if by is None:
        return f"SELECT {columns} FROM {table} {alias} {joins}"
    return (
        f"SELECT {columns} FROM json_each(?) AS k "
        f"CROSS JOIN {table} {alias} ON {alias}.{by} = k.value {joins}"
    )


_CODE_LISTS = {
    "sites": "site_category",
    "cameras": "camera_type",
    "units": "unit_kind",
    "shortcomings": "shortcoming_kind",
    "needs": "priority",
}
# Which searchable tables show another record's name, so renaming it must re-index them.
_DEPENDENTS: dict[str, tuple[tuple[str, str, frozenset[str]], ...]] = {
    "sites": (
        ("cameras", "site_id", frozenset({"name", "address"})),
        ("shortcomings", "site_id", frozenset({"name", "address"})),
        ("needs", "site_id", frozenset({"name", "address"})),
    ),
    "units": (
        ("cameras", "owner_unit_id", frozenset({"name"})),
        ("sites", "unit_id", frozenset({"name"})),
    ),
}
ROWID_FACTOR = 16


def _search_rowid(table: str, rowid: int) -> int:
    return rowid * ROWID_FACTOR + RECORD_KINDS[table].number


def _entries(table: str, rows: Iterable[Sequence[Any]]) -> tuple[list[int], list[tuple[Any, ...]]]:
    """Split fetched rows into rowids to drop and (rowid, terms, kind, id, title) to write."""
    kind = SEARCH_KINDS[table]
    code_list = _CODE_LISTS[table]
    drop: list[int] = []
    keep: list[tuple[Any, ...]] = []
    for rowid, record_id, deleted, title, code, *parts in rows:
        search_rowid = _search_rowid(table, rowid)
        drop.append(search_rowid)
        if deleted:
            continue
        label = ""
        if code:
            label = (
                vocabulary.label(code_list, code, "vi")
                + " "
                + vocabulary.label(code_list, code, "en")
            )
        if table == "shortcomings":
            title = f"{vocabulary.label(code_list, code, 'vi') if code else ''} — {title}"
        elif table == "needs":
            title = f"Nhu cầu — {title}"
        terms = fold(" ".join(str(p) for p in (title, label, *parts) if p))
        keep.append((search_rowid, terms, kind, record_id, title or ""))
    return drop, keep


def _write(db: sqlite_utils.Database, table: str, rows: Iterable[Sequence[Any]]) -> None:
    """Write the entries of these rows, in increasing rowid order: FTS5 keeps what it is given
    in memory only while the rowids increase, and writes it out as a segment of its own (merged
    again later) at each one that goes back. A record still indexed loses its old entry (REPLACE
    deletes it); a deleted one's is dropped."""
    drop, keep = _entries(table, rows)
    kept = {entry[0] for entry in keep}
    db.conn.executemany(
        "DELETE FROM search_index WHERE rowid = ?", [(r,) for r in sorted(drop) if r not in kept]
    )
    keep.sort(key=lambda entry: int(entry[0]))
    db.conn.executemany(
        "INSERT OR REPLACE INTO search_index (rowid, terms, kind, record_id, title) "
        "VALUES (?, ?, ?, ?, ?)",
        keep,
    )


_CHUNK = 500


def index_records(db: sqlite_utils.Database, table: str, ids: Sequence[str]) -> None:
    """Bring the search entries of these records up to date (deleted ones drop out)."""
    if table not in _SOURCES:
        return
    by, keys = "id", list[Any](ids)
    if len(keys) > _CHUNK:  # several chunks: taken in rowid order, so the entries come in order
        rowids: list[int] = []
        for start in range(0, len(keys), _CHUNK):
            chunk = json.dumps(keys[start : start + _CHUNK])
            rowids += (
                int(row[0])
                for row in db.execute(
                    f"SELECT t.rowid FROM json_each(?) AS k CROSS JOIN {table} t ON t.id = k.value",
                    [chunk],
                )
            )
        by, keys = "rowid", sorted(rowids)
    sql = source_sql(table, by)
    for start in range(0, len(keys), _CHUNK):
        _write(db, table, db.execute(sql, [json.dumps(keys[start : start + _CHUNK])]).fetchall())


def index_dependents(
    db: sqlite_utils.Database, table: str, record_id: str, changed: set[str]
) -> None:
    """Re-index records that show this record's name, when that name changed."""
    for dependent, column, fields in _DEPENDENTS.get(table, ()):
        if changed & fields:
            ids = [
                row[0]
                for row in db.execute(f"SELECT id FROM {dependent} WHERE {column} = ?", [record_id])
            ]
            index_records(db, dependent, ids)


def rebuild(db: sqlite_utils.Database) -> None:
    """Rebuild the whole index from the records (used after bulk loads)."""
    with write_transaction(db):
        db.execute("DELETE FROM search_index")
        for table, (alias, _, _) in _SOURCES.items():
            cursor = db.execute(f"{source_sql(table)} WHERE {alias}.deleted = 0")
            while batch := cursor.fetchmany(5000):
                _, keep = _entries(table, batch)
                db.conn.executemany(
                    "INSERT INTO search_index (rowid, terms, kind, record_id, title) "
                    "VALUES (?, ?, ?, ?, ?)",
                    keep,
                )
        db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")


def matching(table: str, text: str, alias: str = "r") -> tuple[str, list[Any]]:
    """A WHERE clause (and its parameter) keeping the records of ``table`` (as ``alias``) whose
    folded text holds what the user typed, accents and case aside, with the broadest of
    ``match_expressions``; ``("", [])`` when nothing was typed, a clause that keeps nothing when
    only punctuation was. An index entry's rowid is its record's rowid times 16 plus the kind:
    integers, so tens of thousands of hits join without reading their ids."""
    expressions = match_expressions(text)
    if not expressions:
        return ("0", []) if text.strip() else ("", [])
    return (
        f"{alias}.rowid IN (SELECT rowid / {ROWID_FACTOR} FROM search_index "
        "WHERE search_index MATCH ?)",
        [f"kind : {SEARCH_KINDS[table]} AND terms : ({expressions[-1]})"],
    )


def match_expressions(text: str) -> list[str]:
    """FTS5 queries for what the user typed, best first: the words as a phrase (the last one as
    a prefix); then every word anywhere, whole, the last one as a prefix ("dong xuan": a record
    with "đông" and "Xuân Phương"); then every word anywhere as a prefix ("ho" in "Hoàng"). The
    last is the broadest: it finds everything the others find. Accents and case are folded."""
    tokens = words(text)
    if not tokens:
        return []
    phrase = '"' + " ".join(tokens) + '"*'
    if len(tokens) == 1:
        return [phrase]
    *whole, last = (f'"{token}"' for token in tokens)
    return [
        phrase,
        " ".join([*whole, last + "*"]),
        " ".join(f'"{token}"*' for token in tokens),
    ]


def search(
    db: sqlite_utils.Database, text: str, *, limit: int = 50, kinds: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Records whose folded text contains the words of ``text`` (as word prefixes).

    Hits where the words stand together come first, then those holding every word whole (the
    last one as a prefix), then those where each word only begins a word; within each, grouped
    by kind (sites, cameras, units, shortcomings, needs). Ranking every match by relevance
    would cost hundreds of milliseconds for a common word at city scale, so it is not done.
    """
    hits: list[dict[str, Any]] = []
    seen: set[str] = set()
    for expression in match_expressions(text):
        for kind in kinds or SEARCH_KINDS.values():
            if len(hits) >= limit:
                return hits
            rows = db.execute(
                "SELECT record_id, title FROM search_index WHERE search_index MATCH ? LIMIT ?",
                [f"kind : {kind} AND terms : ({expression})", limit - len(hits) + len(seen)],
            )
            for record_id, title in rows:
                if record_id not in seen and len(hits) < limit:
                    seen.add(record_id)
                    hits.append({"kind": kind, "id": record_id, "name": title})
    return hits
