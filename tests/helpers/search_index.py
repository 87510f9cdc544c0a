"""The search entries a workspace holds, read back after checking that its full-text index holds
exactly them: the index is contentless (m024), so it cannot be read back, only asked which
entries hold a word."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def search_entries(db: Any) -> list[tuple[int, str, str]]:
    """(rowid, words, kind) of every search entry, in rowid order, once the index is checked:
    FTS5's own integrity check, the index's words are the entries' words, and for each word it
    finds exactly the entries that hold it."""
    db.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    rows = [
        (int(rowid), words, kind)
        for rowid, words, kind in db.execute(
            "SELECT rowid, unpack_words(words), kind FROM search_entries ORDER BY rowid"
        )
    ]
    holding: dict[str, set[int]] = defaultdict(set)
    for rowid, words, _ in rows:
        for word in words.split():
            holding[word].add(rowid)
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary "
        "USING fts5vocab(main, search_index, row)"
    )
    words = {row[0] for row in db.execute("SELECT term FROM temp.search_vocabulary")}
    assert words == set(holding)
    for word, rowids in holding.items():
        found = db.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?", [f'"{word}"']
        )
        assert {int(row[0]) for row in found} == rowids, word
    return rows
