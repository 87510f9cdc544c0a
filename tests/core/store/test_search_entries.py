"""The search index built in SQL holds what the index built row by row in Python held: the same
entries for every record of the demo, after a rebuild and after re-indexing records one by one,
and so the same hits for the queries bench_search.py times; and the small index (m019) finds
what the index with word positions before it found, for those queries and every keystroke of
them."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.store import db as workspace_db
from fieldsurvey.core.store.migrations import _SMALL_SEARCH, MIGRATIONS, _split
from fieldsurvey.core.store.records import RECORD_KINDS, SEARCH_KINDS
from fieldsurvey.core.store.search import (
    WORDS,
    _entry_words,
    hits_sql,
    index_records,
    index_words,
    rebuild,
    rowid_range,
    search,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold
from tests.helpers.m016 import m016_search
from tests.helpers.search_index import search_entries

# The index as it was built before, row by row in Python: each table's columns (rowid, id,
# deleted, title, code, parts...) and its code list; the terms were the title, the code's
# Vietnamese and English labels and the parts, each folded with core.text.fold.
_OLD_SOURCES = {
    "sites": (
        "site_category",
        """SELECT s.rowid, s.id, s.deleted, s.name, s.category, s.address, s.notes, a.name, u.name
        FROM sites s
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        LEFT JOIN units u ON u.id = s.unit_id""",
    ),
    "cameras": (
        "camera_type",
        """SELECT c.rowid, c.id, c.deleted, coalesce(c.name, s.name), c.camera_type,
        s.name, s.address, c.ref, c.notes, u.name, a.name
        FROM cameras c
        JOIN sites s ON s.id = c.site_id
        LEFT JOIN units u ON u.id = c.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = c.commune_code""",
    ),
    "units": (
        "unit_kind",
        """SELECT u.rowid, u.id, u.deleted, u.name, u.kind, u.notes, a.name FROM units u
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = u.commune_code""",
    ),
    "shortcomings": (
        "shortcoming_kind",
        """SELECT x.rowid, x.id, x.deleted, s.name, x.kind, x.description, x.remedy, s.address
        FROM shortcomings x JOIN sites s ON s.id = x.site_id""",
    ),
    "needs": (
        "priority",
        """SELECT x.rowid, x.id, x.deleted, s.name, x.priority, x.justification, s.address
        FROM needs x JOIN sites s ON s.id = x.site_id""",
    ),
}
QUERIES = (  # bench_search.FIXED_QUERIES
    "hoan kiem",
    "Hoàn Kiếm",
    "HOAN KIEM",
    "dong da",
    "Đống Đa",
    "cho dong xuan",
    "nut giao kim ma",
    "khach san",
    "ga ha noi",
    "cong an",
    "ubnd phuong",
    "tran duy hung",
    "ngan hang",
)


LANGS = ("vi", "en")


def kept_words(parts: list[Any], once: bool = True) -> list[str]:
    """The words of the parts in turn, but (``once``) for a part whose words already stand
    together; without ``once``, every part's words, as entries held them before m022."""
    words: list[str] = []
    for part in parts:
        new = index_words(fold(str(part))) if part else []
        n = len(new)
        if not once or not any(words[i : i + n] == new for i in range(len(words) - n + 1)):
            words += new
    return words


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        (
            ["Chợ Hôm – camera 2", "Chợ Hôm", "phố Huế, Hai Bà Trưng", None, "Hai Bà Trưng"],
            "cho hom camera 2 pho hue hai ba trung",
        ),
        (["Hôm Chợ", "Chợ Hôm"], "hom cho cho hom"),  # the same words, not together
        (["ga ha noi", "HÀ"], "ga ha noi"),
        (["ga hanoi", "ha"], "ga hanoi ha"),  # a word, not a run of letters
        ([None, "", "—"], ""),
    ],
)
def test_a_part_whose_words_stand_in_the_entry_is_kept_once(parts: list[Any], words: str) -> None:
    assert _entry_words(*parts) == words
    assert kept_words(parts) == words.split()


def expected_entries(ws: Workspace, once: bool = True) -> dict[int, tuple[Any, ...]]:
    """rowid → (terms' words, kind, record id, title), computed as before (``kept_words``)."""
    entries: dict[int, tuple[Any, ...]] = {}
    for table, (code_list, sql) in _OLD_SOURCES.items():
        for rowid, record_id, deleted, title, code, *parts in ws.db.execute(sql):
            if deleted:
                continue
            labels = [vocabulary.label(code_list, code, lang) if code else "" for lang in LANGS]
            if table == "shortcomings":
                title = f"{labels[0]} — {title}"
            elif table == "needs":
                title = f"Nhu cầu — {title}"
            entries[rowid_range(table)[0] + rowid] = (
                kept_words([title, *labels, *parts], once),
                SEARCH_KINDS[table],
                record_id,
                title or "",
            )
    return entries


def indexed_entries(ws: Workspace) -> dict[int, tuple[Any, ...]]:
    """rowid → (entry's words, kind, record id, title) as the index and its hits have them."""
    entries: dict[int, tuple[Any, ...]] = {}
    for rowid, words, kind in search_entries(ws.db):
        assert words == " ".join(index_words(words))
        entries[rowid] = (index_words(words), kind)
    for table in SEARCH_KINDS:
        first, last = rowid_range(table)
        keys = [r - first for r in entries if first <= r <= last]
        for rowid, record_id, title in ws.db.execute(hits_sql(table), [json.dumps(keys)]):
            entries[first + rowid] += (record_id, title)
    return entries


def drawn_queries(ws: Workspace, count: int = 20) -> list[str]:
    """Queries cut from site names as bench_search.random_queries cuts them."""
    names = [row[0] for row in ws.db.execute("SELECT name FROM sites WHERE deleted = 0")]
    rng = random.Random(2025)
    queries: list[str] = []
    while len(queries) < count:
        tokens = rng.choice(names).split()
        n = rng.randint(1, min(3, len(tokens)))
        start = rng.randrange(len(tokens) - n + 1)
        queries.append(" ".join(tokens[start : start + n]))
    return queries


def test_rebuilt_index_holds_what_the_python_build_held(demo: Workspace) -> None:
    # some records without a code, with an unknown code, deleted, with a quote in a name
    site = demo.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    demo.update("sites", site, {"name": "Nhà 'Bảy' Mẫu"})
    camera = demo.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    demo.db.execute("UPDATE cameras SET camera_type = 'no_such_type' WHERE id = ?", [camera])
    demo.db.execute(
        "UPDATE cameras SET camera_type = NULL, name = NULL WHERE rowid IN "
        "(SELECT rowid FROM cameras LIMIT 5 OFFSET 3)"
    )
    demo.delete("cameras", demo.db.execute("SELECT id FROM cameras LIMIT 1 OFFSET 9").fetchone()[0])
    rebuild(demo.db)
    expected = expected_entries(demo)
    assert len(expected) > 1000
    assert indexed_entries(demo) == expected


def test_reindexed_records_hold_what_the_python_build_held(demo: Workspace) -> None:
    expected = expected_entries(demo)
    demo.db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    demo.db.execute("DELETE FROM search_entries")
    for table in _OLD_SOURCES:
        ids = [row[0] for row in demo.db.execute(f"SELECT id FROM {table} ORDER BY random()")]
        index_records(demo.db, table, ids[:7])  # one chunk
        index_records(demo.db, table, ids[7:])  # several chunks for the cameras
    assert indexed_entries(demo) == expected


def as_before_m024(db: Any, entries: dict[int, tuple[Any, ...]], *migrations: str) -> None:
    """Make the search tables as m019 made them (the words as text, the index over them) and
    hold ``entries`` (rowid → (words, …)), and mark ``migrations`` and m024 not applied."""
    with db.conn:
        db.execute("DROP TABLE search_index")
        db.execute("DROP TABLE search_entries")
        for statement in _split(_SMALL_SEARCH)[2:]:  # but its DROP TABLEs of the m016 tables
            assert statement.startswith("CREATE")
            db.execute(statement)
        db.conn.executemany(
            "INSERT INTO search_terms (rowid, terms) VALUES (?, ?)",
            [(rowid, " ".join(words)) for rowid, (words, *_) in entries.items()],
        )
        db.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
        for name in (*migrations, "m024_packed_search_words"):
            db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])


def test_a_workspace_with_repeated_parts_gets_them_once(demo: Workspace) -> None:
    """Before m022 an entry held every part's words, repeated or not; after it (and m024, which
    packs them), as today."""
    before = expected_entries(demo, once=False)
    path = demo.path
    demo.close()
    db = workspace_db._connect(path)
    as_before_m024(db, before, "m022_search_words_once")
    held = db.execute("SELECT rowid, terms FROM search_terms ORDER BY rowid").fetchall()
    assert held == [(rowid, " ".join(words)) for rowid, (words, *_) in sorted(before.items())]
    db.close()
    ws = Workspace.open(path)
    try:
        assert "m022_search_words_once" in {m.name for m in MIGRATIONS.applied(ws.db)}
        assert "search_terms" not in ws.db.table_names()
        after = indexed_entries(ws)
        assert after == expected_entries(ws)
        assert sum(len(e[0]) for e in after.values()) < 0.9 * sum(
            len(e[0]) for e in before.values()
        )
    finally:
        ws.close()


def test_benchmark_queries_find_the_same_hits(demo: Workspace) -> None:
    """The index is the same, so the hits are; checked through search() itself against an index
    made from the Python-built entries."""
    queries = [*QUERIES, *drawn_queries(demo)]
    rebuild(demo.db)
    built = {q: search(demo.db, q, limit=50) for q in queries}
    demo.db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    demo.db.execute("DELETE FROM search_entries")
    demo.db.conn.executemany(
        "INSERT INTO search_entries (rowid, words) VALUES (?, ?)",
        [(rowid, WORDS.pack(" ".join(w))) for rowid, (w, *_) in expected_entries(demo).items()],
    )
    demo.db.execute(
        "INSERT INTO search_index (rowid, words) "
        "SELECT rowid, unpack_words(words) FROM search_entries ORDER BY rowid"
    )
    assert {q: search(demo.db, q, limit=50) for q in queries} == built
    assert sum(len(hits) for hits in built.values()) > 100


def test_a_workspace_with_the_old_index_gets_the_lean_one(tmp_path: Path) -> None:
    """m016: a workspace made before it (its index a full-text table with its own copy of the
    text, record ids and titles) is found the same after opening, from the records."""
    path = tmp_path / "old.sqlite"
    db = workspace_db._connect(path)
    db.execute(f"PRAGMA application_id = {workspace_db.APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before="m016_lean_search_index")
    db.execute(
        "INSERT INTO sites (id, name, category, sort_name) "
        "VALUES ('s1', 'Chợ Đồng Xuân', 'market', '')"
    )
    db.execute(
        "INSERT INTO search_index (rowid, terms, kind, record_id, title) "
        "VALUES (1 * 16 + ?, 'cho dong xuan', 'site', 's1', 'Chợ Đồng Xuân')",
        [RECORD_KINDS["sites"].number],
    )
    db.close()
    ws = Workspace.open(path)
    try:
        assert "m016_lean_search_index" in {m.name for m in MIGRATIONS.applied(ws.db)}
        columns = [r[1] for r in ws.db.execute("PRAGMA table_info(search_index)")]
        assert columns == ["words"]
        assert search(ws.db, "dong xuan") == [{"kind": "site", "id": "s1", "name": "Chợ Đồng Xuân"}]
        assert indexed_entries(ws) == expected_entries(ws)
    finally:
        ws.close()


# The index as m016 made it (word positions, the kind a column of its own, rowid = record rowid
# * 16 + table number, the terms the folded text); tests.helpers.m016 asks it as search() did.
_M016_INDEX = (
    "DROP TABLE search_index",
    "DROP TABLE search_entries",
    "CREATE TABLE search_terms (rowid INTEGER PRIMARY KEY, terms TEXT NOT NULL, "
    "kind TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_index USING fts5(terms, kind, content = 'search_terms', "
    "content_rowid = 'rowid', columnsize = 0, tokenize = 'unicode61', prefix = '1 2 3')",
)


def test_a_workspace_with_the_m016_index_finds_the_same_after_m019(demo: Workspace) -> None:
    """Every keystroke of the benchmark's queries (and a few with punctuation, an underscore,
    nothing to find) finds the same records, in the same order, with the index m019 makes as
    with the one before it, on the same records."""
    queries = [*QUERIES, *drawn_queries(demo), "Vân Đình (điểm", "a_b c", "zzzq", "(", "1 2"]
    typed = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
    path = Path(demo.db.execute("PRAGMA database_list").fetchone()[2])
    demo.close()
    db = workspace_db._connect(path)
    for statement in _M016_INDEX:
        db.execute(statement)
    for table, (_, sql) in _OLD_SOURCES.items():
        number = RECORD_KINDS[table].number
        db.conn.executemany(
            "INSERT INTO search_terms (rowid, terms, kind) VALUES (?, ?, ?)",
            [
                (rowid * 16 + number, terms, kind)
                for rowid, (terms, kind) in m016_terms(db, table, sql).items()
            ],
        )
    db.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    before = {text: m016_search(db, text) for text in typed}
    for name in ("m019_small_search_index", "m024_packed_search_words"):
        db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
    db.close()
    ws = Workspace.open(path)
    try:
        assert "m019_small_search_index" in {m.name for m in MIGRATIONS.applied(ws.db)}
        assert {text: search(ws.db, text) for text in typed} == before
        assert sum(len(hits) for hits in before.values()) > 1000
        assert indexed_entries(ws) == expected_entries(ws)
    finally:
        ws.close()


def m016_terms(db: Any, table: str, sql: str) -> dict[int, tuple[str, str]]:
    """record rowid → (folded terms, kind) as m016's index held them, each part's words kept
    once as entries keep them since m022 (``kept_words``): both indexes hold the same words."""
    code_list = _OLD_SOURCES[table][0]
    terms: dict[int, tuple[str, str]] = {}
    for rowid, _, deleted, title, code, *parts in db.execute(sql):
        if deleted:
            continue
        labels = [vocabulary.label(code_list, code, lang) if code else "" for lang in LANGS]
        if table == "shortcomings":
            title = f"{labels[0]} — {title}"
        elif table == "needs":
            title = f"Nhu cầu — {title}"
        terms[rowid] = (" ".join(kept_words([title, *labels, *parts])), SEARCH_KINDS[table])
    return terms
