"""Accent-insensitive search over names, addresses, units and notes (SQLite FTS5 on folded text)."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.packing import DamagedPacking, Packing
from fieldsurvey.core.store.records import RECORD_KINDS, SEARCH_KINDS
from fieldsurvey.core.text import LETTERS_FOLDED_TO_D, fold
from fieldsurvey.core.transaction import write_transaction

# For each searchable table: its alias, the title a hit shows, the code whose labels are
# searched too, the other columns of its searchable text (with the names of the site, unit and
# commune it belongs to), and the joins that bring those names. Inner joins are CROSS JOINs:
# SQLite keeps their order, so re-indexing a few records always starts from those records,
# whatever the statistics say (stale ones from when the office held 300 sites made it scan every
# site for each chunk of 500 cameras).
_SOURCES: dict[str, tuple[str, str, str, tuple[str, ...], str]] = {
    "sites": (
        "s",
        "s.name",
        "s.category",
        ("s.address", "s.notes", "a.name", "u.name"),
        """
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        LEFT JOIN units u ON u.id = s.unit_id""",
    ),
    "cameras": (
        "c",
        "coalesce(c.name, s.name)",
        "c.camera_type",
        ("s.name", "s.address", "c.ref", "c.notes", "u.name", "a.name"),
        """
        CROSS JOIN sites s ON s.id = c.site_id
        LEFT JOIN units u ON u.id = c.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = c.commune_code""",
    ),
    "units": (
        "u",
        "u.name",
        "u.kind",
        ("u.notes", "a.name"),
        """
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = u.commune_code""",
    ),
    "shortcomings": (
        "x",
        "s.name",
        "x.kind",
        ("x.description", "x.remedy", "s.address"),
        "CROSS JOIN sites s ON s.id = x.site_id",
    ),
    "needs": (
        "x",
        "s.name",
        "x.priority",
        ("x.justification", "s.address"),
        "CROSS JOIN sites s ON s.id = x.site_id",
    ),
}
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
# An entry's rowid: its table's number times 2**40 plus its record's rowid, so each table's
# entries are one range of rowids that FTS5 reads alone (core/store/migrations.py, m019).
KIND_SHIFT = 40
# The words the index holds: runs of letters and digits of the folded text, the tokens FTS5's
# unicode61 makes of it (the underscore, a word character to Python, separates words there).
_TOKENS = re.compile(r"[^\W_]+")
WORDS_FUNCTION = "search_words"
WORDS = Packing("search", "words", dictionary_id=1, level=3, max_text_bytes=128 << 10)
"""How search_entries keeps an entry's words (``core/packing.py``): packed with a dictionary
trained on the small demo's entries, the city's 42.5 MB of words are 14.4 MB (level 3: 1.5 µs to
pack an entry, 1 µs to unpack one). A stored value that claims more than 128 KiB is damaged: an
entry's words are cut at a quarter of that in characters (``_MOST_CHARACTERS``), several times
what the longest texts a record may hold give."""
_MOST_CHARACTERS = WORDS.max_text_bytes // 4
# Stored words are unpacked this many at a time at most, so a damaged file's values that claim
# the most each take at most 64 MiB at once.
_UNPACK_BATCH = 512
log = logging.getLogger(__name__)


def index_words(text: str | None) -> list[str]:
    """The words of ``text`` as the index holds them and as a query is matched: folded (accents,
    case, đ), split at anything but a letter or a digit."""
    return _TOKENS.findall(fold(text))


_DASHES = ("\u2013", "\u2014")  # – and —, in labels and titles


def _plain_characters() -> str:
    """The characters ``_words_of_parts`` folds with bytes operations: each one's compatibility
    decomposition is ASCII and combining marks only (every Vietnamese letter, NBSP, "…"),
    plus the letters fold turns into "d" and the dashes, made spaces first."""
    chars = {*LETTERS_FOLDED_TO_D, *_DASHES}
    for code in range(0x80, 0x2100):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        if all(ch.isascii() or "\u0300" <= ch <= "\u036f" for ch in decomposed):
            chars.add(chr(code))
    return "".join(sorted(chars))


_PLAIN = re.compile("[\x00-\x7f" + re.escape(_plain_characters()) + "]*")
# Between the parts of an entry's text (``_entry_words``); a separator like any other.
_PART = "\x1f"
# Each ASCII letter lower case, each digit itself, _PART itself, any other byte a space.
_SEPARATE = bytes(
    ord(chr(c).lower()) if (chr(c).isascii() and chr(c).isalnum()) or chr(c) == _PART else 32
    for c in range(256)
)


# What _words_of_parts replaces before decomposing: the letters fold turns into "d", the dashes.
_REPLACED = tuple((c, " " if c in _DASHES else "d") for c in (*LETTERS_FOLDED_TO_D, *_DASHES))


def _words_of_parts(text: str) -> list[str]:
    """``index_words`` of each part of ``text`` (the parts separated by _PART), joined by single
    spaces. A text of ``_PLAIN`` characters (almost every record) is folded and split with bytes
    operations instead, all its parts at once: decomposed, its marks dropped by encoding to
    ASCII, its separators made spaces: the same words, made 2.6 times faster (the city's 355,000
    entries, benchmarks/bench_search_words.py), in every import and build."""
    if not _PLAIN.fullmatch(text):
        return [" ".join(index_words(part)) for part in text.split(_PART)]
    for char, replacement in _REPLACED:
        if char in text:
            text = text.replace(char, replacement)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_SEPARATE)
    return [" ".join(part.split()) for part in plain.decode("ascii").split(_PART)]


def _entry_words(*parts: object) -> str:
    """An entry's words: each part's in turn, but for a part whose words already stand together
    in the entry (a camera named after its site, then the site's name; a commune named in the
    address, then the commune). Every word and every phrase of a part stays; measured on the
    city office, the words kept 58.5 → 46.2 MiB, with the same hits for all 300 keystrokes of
    the search benchmark. The parts are folded in one call: the city's entries in 2.8–3.6 s
    against 2.5–2.6 s for their whole texts in one piece (benchmarks/bench_search_words.py)."""
    try:
        text = _PART.join(parts)  # type: ignore[arg-type]  # texts, as the columns hold
    except TypeError:  # a number (source_sql gives every NULL as '')
        text = _PART.join("" if p is None else str(p) for p in parts)
    words = ""
    for joined in _words_of_parts(text):
        if not joined or (joined in words and f" {joined} " in f" {words} "):
            continue
        words = f"{words} {joined}" if words else joined
    return words[:_MOST_CHARACTERS]


def register(conn: sqlite3.Connection) -> None:
    """In SQL (every workspace connection has them): ``search_words(part, …)`` an entry's words
    (``_entry_words``), with which the index is filled, and ``unpack_words(stored)`` the text of
    the words search_entries keeps, for reading them in SQL."""
    conn.create_function(WORDS_FUNCTION, -1, _entry_words, deterministic=True)
    conn.create_function("unpack_words", 1, WORDS.sql_unpack, deterministic=True)


def rowid_range(table: str) -> tuple[int, int]:
    """The first and last rowid an entry of ``table`` can have; an entry's rowid minus the first
    is its record's rowid."""
    first = RECORD_KINDS[table].number << KIND_SHIFT
    return first, first + (1 << KIND_SHIFT) - 1


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _labels_sql(table: str, code: str, language: str) -> str:
    """An SQL expression giving the label of ``code`` (its column) in this language: a CASE over
    the code list (a few dozen codes), so no table is joined. An unknown code (from an old
    package) is its own label, as vocabulary.label says; no code, no label."""
    code_list = _CODE_LISTS[table]
    branches = " ".join(
        f"WHEN {_literal(item)} THEN {_literal(vocabulary.label(code_list, item, language))}"
        for item in vocabulary.codes(code_list)
    )
    return f"coalesce(CASE {code} {branches} ELSE {code} END, '')"


def _title_sql(table: str) -> str:
    """The title a hit of ``table`` shows."""
    _, title, code, _, _ = _SOURCES[table]
    if table == "shortcomings":
        return f"{_labels_sql(table, code, 'vi')} || ' — ' || {title}"
    if table == "needs":
        return f"'Nhu cầu — ' || {title}"
    return f"coalesce({title}, '')"


def _keyed(table: str, listed: bool) -> str:
    """FROM and joins of ``table``'s rows: all of them, or (``listed``) those whose rowid is in
    the JSON array bound to the one parameter, looked up one by one from that list (the list
    drives the query: CROSS JOIN keeps it first)."""
    alias, _, _, _, joins = _SOURCES[table]
    if not listed:
        return f"FROM {table} {alias} {joins}"
    return f"FROM json_each(?) AS k CROSS JOIN {table} {alias} ON {alias}.rowid = k.value {joins}"


def source_sql(table: str, listed: bool = False) -> str:
    """The index entries (entry, words) of ``table``'s records that are not deleted, in rowid
    order, of all of them or of the listed rowids (see _keyed). The words are those of the
    title, the code's labels in each language and the other columns, made in one call per
    row (``_entry_words``), as text."""
    alias, _, code, parts, _ = _SOURCES[table]
    labels = (_labels_sql(table, code, language) for language in ("vi", "en"))
    text = ", ".join(f"coalesce({part}, '')" for part in (_title_sql(table), *labels, *parts))
    return (
        f"SELECT {alias}.rowid + {rowid_range(table)[0]} AS entry, {WORDS_FUNCTION}({text}) "
        "AS words "
        f"{_keyed(table, listed)} WHERE {alias}.deleted = 0 ORDER BY {alias}.rowid"
    )


def hits_sql(table: str) -> str:
    """(rowid, id, title) of ``table``'s records whose rowids are in the JSON array bound to
    the one parameter: what a hit shows, read from the records (the index keeps only terms)."""
    alias = _SOURCES[table][0]
    return f"SELECT {alias}.rowid, {alias}.id, {_title_sql(table)} {_keyed(table, True)}"


_CHUNK = 500
# The index is contentless FTS5 (core/store/migrations.py, m024): search_entries keeps each
# entry's words packed (its kind is computed from the rowid), search_index only which entries
# hold each word and each word's first 1 to 7 letters. An entry leaves the index by a 'delete'
# given the words it was indexed with, read from search_entries.
_BATCH = 8192


def _add(db: sqlite_utils.Database, source: str, parameters: Sequence[Any] = ()) -> None:
    """Add the entries ``source`` gives (entry, words as text; see source_sql) to
    search_entries, packed _BATCH at a time on every core (``Packing.pack_many``), and to the
    index from the same texts."""
    cursor = db.execute(source, parameters)
    while batch := cursor.fetchmany(_BATCH):
        packed = WORDS.pack_many([words for _, words in batch])
        db.conn.executemany(
            "INSERT INTO search_entries (rowid, words) VALUES (?, ?)",
            zip((entry for entry, _ in batch), packed, strict=True),
        )
        db.conn.executemany("INSERT INTO search_index (rowid, words) VALUES (?, ?)", batch)


def reindex(db: sqlite_utils.Database, table: str, rowids: Sequence[int]) -> None:
    """Replace the entries of these records (their rowids, in increasing order) with their
    current ones: FTS5 keeps what it is given in memory only while the rowids increase, and
    writes it out as a segment of its own (merged again later) at each one that goes back. A
    deleted record's entry is dropped and not written again. An entry whose stored words
    cannot be read (the file changed outside the app) cannot be taken out of the index: the
    whole index is made again from the records instead."""
    keys_json = json.dumps(list(rowids))
    entries = f"SELECT value + {rowid_range(table)[0]} FROM json_each(?)"
    held = db.execute(
        f"SELECT rowid, words FROM search_entries WHERE rowid IN ({entries}) ORDER BY rowid",
        [keys_json],
    ).fetchall()
    try:
        for start in range(0, len(held), _UNPACK_BATCH):
            some = held[start : start + _UNPACK_BATCH]
            words = WORDS.unpack_many([stored for _, stored in some])
            db.conn.executemany(
                "INSERT INTO search_index (search_index, rowid, words) VALUES ('delete', ?, ?)",
                zip((entry for entry, _ in some), words, strict=True),
            )
    except DamagedPacking as exc:
        log.warning("search index made again: a stored entry is damaged (%s)", exc)
        rebuild(db)
        return
    if held:
        db.execute(f"DELETE FROM search_entries WHERE rowid IN ({entries})", [keys_json])
    _add(db, source_sql(table, listed=True), [keys_json])


def index_records(db: sqlite_utils.Database, table: str, ids: Sequence[str]) -> None:
    """Bring the search entries of these records up to date (deleted ones drop out), _CHUNK
    at a time in rowid order."""
    if table not in _SOURCES:
        return
    rowids: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        rowids += (
            int(row[0])
            for row in db.execute(
                f"SELECT t.rowid FROM json_each(?) AS k CROSS JOIN {table} t ON t.id = k.value",
                [json.dumps(list(ids[start : start + _CHUNK]))],
            )
        )
    rowids.sort()
    for start in range(0, len(rowids), _CHUNK):
        reindex(db, table, rowids[start : start + _CHUNK])


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
    """Rebuild the whole index from the records (used after bulk loads): each table's words
    made in SQL, one query per table, in the order of their rowids."""
    with write_transaction(db):
        db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        db.execute("DELETE FROM search_entries")
        for table in sorted(_SOURCES, key=lambda name: RECORD_KINDS[name].number):
            _add(db, source_sql(table))
        db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")


def matching(table: str, text: str, alias: str = "r") -> tuple[str, list[Any]]:
    """A WHERE clause (and its parameter) keeping the records of ``table`` (as ``alias``) whose
    folded text holds what the user typed, accents and case aside, with the broadest of
    ``match_expressions``; ``("", [])`` when nothing was typed, a clause that keeps nothing when
    only punctuation was. An index entry's rowid is its record's rowid plus its table's first
    (``rowid_range``): integers, so tens of thousands of hits join without reading their ids."""
    expressions = match_expressions(text)
    if not expressions:
        return ("0", []) if text.strip() else ("", [])
    first, last = rowid_range(table)
    return (
        f"{alias}.rowid IN (SELECT rowid - {first} FROM search_index "
        f"WHERE search_index MATCH ? AND rowid BETWEEN {first} AND {last})",
        [expressions[-1]],
    )


def count(db: sqlite_utils.Database, table: str, text: str) -> int:
    """How many records of ``table`` ``matching`` keeps (the index holds live records only)."""
    expressions = match_expressions(text)
    if not expressions:
        return 0
    return int(
        db.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ? "
            "AND rowid BETWEEN ? AND ?",
            [expressions[-1], *rowid_range(table)],
        ).fetchone()[0]
    )


def match_expressions(text: str) -> list[str]:
    """FTS5 queries for what the user typed, best first: the words as a phrase (the last one as
    a prefix); then every word anywhere, whole, the last one as a prefix ("dong xuan": a record
    with "đông" and "Xuân Phương"); then every word anywhere as a prefix ("ho" in "Hoàng"). The
    last is the broadest: it finds everything the others find. Accents and case are folded.

    The index keeps no word positions, so FTS5 cannot answer the phrase of several words:
    search() asks for the second instead and keeps the entries whose words hold the phrase."""
    tokens = index_words(text)
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


# The entries of one table matching an FTS5 query, in rowid order.
_FOUND = (
    "SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?"
)
_FOUND_WORDS = (
    "SELECT i.rowid, e.words FROM search_index i CROSS JOIN search_entries e ON e.rowid = i.rowid "
    "WHERE search_index MATCH ? AND i.rowid BETWEEN ? AND ?"
)


def _readable_words(values: Sequence[bytes]) -> list[str]:
    """The words of these stored values, a damaged one's none (it holds no phrase)."""
    try:
        return WORDS.unpack_many(values)
    except DamagedPacking:
        texts = []
        for value in values:
            try:
                texts.append(WORDS.unpack(value))
            except DamagedPacking:
                texts.append("")
        return texts


def _holding_phrase(
    db: sqlite_utils.Database, expression: str, first: int, last: int, phrase: str, wanted: int
) -> list[int]:
    """The first ``wanted`` entries in [first, last] that ``expression`` matches and whose words
    hold ``phrase``: an entry's words are joined by single spaces, so " a b c" found in " " +
    words is the words a and b whole and the next one starting with c. The words are unpacked
    a batch at a time (``Packing.unpack_many``) until enough are found: the first batch as
    many as are wanted, each next one twice the last, up to _UNPACK_BATCH (most phrases are in
    most of the entries that hold their words; "nut giao ki" in one site of 34)."""
    found: list[int] = []
    cursor = db.execute(_FOUND_WORDS, [expression, first, last])
    size = wanted
    while len(found) < wanted and (batch := cursor.fetchmany(size)):
        texts = _readable_words([stored for _, stored in batch])
        pairs = zip((entry for entry, _ in batch), texts, strict=True)
        found += (int(entry) for entry, words in pairs if phrase in f" {words}")
        size = min(size * 2, _UNPACK_BATCH)
    cursor.close()
    return found[:wanted]


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
    seen: set[int] = set()
    tables = {kind: table for table, kind in SEARCH_KINDS.items()}
    expressions = match_expressions(text)
    phrase = " " + " ".join(index_words(text))
    for stage, expression in enumerate(expressions):
        for kind in kinds or SEARCH_KINDS.values():
            if len(hits) >= limit:
                return hits
            first, last = rowid_range(tables[kind])
            wanted = limit - len(hits) + len(seen)
            if stage == 0 and len(expressions) > 1:  # the phrase of several words
                found = _holding_phrase(db, expressions[1], first, last, phrase, wanted)
            else:
                rows = db.execute(_FOUND, [expression, first, last, wanted])
                found = [int(row[0]) for row in rows]
            new = [rowid for rowid in found if rowid not in seen][: limit - len(hits)]
            if not new:
                continue
            shown = {
                int(rowid): (record_id, title)
                for rowid, record_id, title in db.execute(
                    hits_sql(tables[kind]), [json.dumps([r - first for r in new])]
                )
            }
            for rowid in new:
                seen.add(rowid)
                record_id, title = shown[rowid - first]
                hits.append({"kind": kind, "id": record_id, "name": title})
    return hits
