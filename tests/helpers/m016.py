"""search() as it asked the index migration m016 made, kept as it was: the reference the
smaller index (m019) is held to, by tests/core/store/test_search_entries.py and by
benchmarks/bench_search_index.py."""

from __future__ import annotations

import json
from typing import Any

from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.store.search import hits_sql, match_expressions


def m016_search(db: Any, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """search() as it asked m016's index: the kind a column of the index, rowid = record rowid
    * 16 + table number, phrases answered by FTS5 from word positions."""
    hits: list[dict[str, Any]] = []
    seen: set[int] = set()
    tables = {kind: table for table, kind in SEARCH_KINDS.items()}
    for expression in match_expressions(text):
        for kind in SEARCH_KINDS.values():
            if len(hits) >= limit:
                return hits
            found = [
                int(row[0])
                for row in db.execute(
                    "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?",
                    [f"kind : {kind} AND terms : ({expression})", limit - len(hits) + len(seen)],
                )
            ]
            new = [rowid for rowid in found if rowid not in seen][: limit - len(hits)]
            if not new:
                continue
            shown = {
                int(rowid): (record_id, title)
                for rowid, record_id, title in db.execute(
                    hits_sql(tables[kind]), [json.dumps([r // 16 for r in new])]
                )
            }
            for rowid in new:
                seen.add(rowid)
                record_id, title = shown[rowid // 16]
                hits.append({"kind": kind, "id": record_id, "name": title})
    return hits
