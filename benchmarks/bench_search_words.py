"""The words of every search entry, made the way the index fills them (``search_words`` in SQL,
``search._entry_words``) against the regular expressions that define them (``index_words``
joined by spaces), on the same texts in the same run.

    .venv/bin/python benchmarks/bench_search_words.py [--db PATH] [--runs N] [--out FILE]

On the city workspace (see ``_common.resolve_db``), read only: each searchable table's entry
texts as the index's statements put them together (``search.source_sql`` without the words
function), read once; then both ways over all of them, alternately, --runs times each, the
fold cache emptied before each. Reports seconds for each (median), the ratio and how many texts
give different words (must be 0). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import machine_info, machine_line, median, resolve_db, say, table, write_json
from fieldsurvey.core import text
from fieldsurvey.core.store import search

NAME = "bench_search_words"


def entry_texts(path: Path) -> list[str]:
    """Every entry's text, before its words are made: its parts joined by spaces."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found: list[str] = []
        for table_name in search._SOURCES:
            sql = search.source_sql(table_name)
            sql = sql.replace(f"{search.WORDS_FUNCTION}(", "json_array(", 1)
            found += [
                " ".join("" if p is None else str(p) for p in json.loads(row[1]))
                for row in conn.execute(sql)
            ]
        return found
    finally:
        conn.close()


def by_expressions(value: str) -> str:
    return " ".join(search.index_words(value))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    machine = machine_info()
    say(machine_line(machine))
    with tempfile.TemporaryDirectory() as tmp:
        path, how = resolve_db(args.db, Path(tmp))
        say(f"workspace: {path} ({how})")
        texts = entry_texts(path)
    say(f"{len(texts):,} entry texts, {sum(map(len, texts)) / len(texts):.0f} characters each")
    ways: dict[str, Any] = {"regular expressions": by_expressions, "bytes": search._entry_words}
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    words: dict[str, list[str]] = {}
    for _ in range(args.runs):
        for name, way in ways.items():
            text._fold.cache_clear()
            start = time.perf_counter()
            words[name] = [way(t) for t in texts]
            seconds[name].append(time.perf_counter() - start)
    differ = sum(a != b for a, b in zip(*words.values(), strict=True))
    base, fast = (median(seconds[name]) for name in ways)
    say(
        table(
            ["way", f"seconds (median of {args.runs})", "µs per entry"],
            [[name, median(s), median(s) / len(texts) * 1e6] for name, s in seconds.items()],
        )
    )
    say(f"ratio regular expressions / bytes: {base / fast:.2f}×; texts with other words: {differ}")
    out = write_json(
        NAME,
        {
            "workspace": how,
            "entries": len(texts),
            "seconds": seconds,
            "ratio": base / fast,
            "texts_with_other_words": differ,
        },
        args.out,
    )
    say(f"wrote {out}")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
