"""The map's "go to" search over the bundled street basemap's places, beside a LIKE scan.

    .venv/bin/python benchmarks/bench_places.py [--runs 21] [--out FILE]

Builds (or reuses, from the app's cache) the basemap's place index, reporting how long the
build took, then for each query: the median of --runs calls of ``places.search(index, q)`` —
what the box runs as the person types — beside the same question answered without FTS (every
place's folded name scanned with LIKE for each word, in SQLite, ordered the same way), both
timed in the same run; both must return the same first hit. Target: search ≤ 20 ms. Nothing
is asserted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from contextlib import closing

from _common import machine_info, machine_line, median, say, table, time_runs, verdict, write_json
from fieldsurvey.core.map import basemaps, places
from fieldsurvey.core.settings import cache_dir
from fieldsurvey.core.text import fold, words

QUERIES = ("hang bai", "cho hom", "benh vien bach mai", "ho hoan kiem", "tran phu", "ga ha noi")


def like_search(index: str, query: str) -> list[places.Place]:
    """The same hits found by scanning every name (the baseline)."""
    tokens = words(query)
    with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as db:
        db.create_function("fold", 1, fold, deterministic=True)
        where = " AND ".join("(' ' || fold(name)) LIKE ?" for _ in tokens)
        rows = db.execute(
            f"SELECT name, kind, lat, lon FROM places WHERE {where} LIMIT 500",
            [f"% {token}%" for token in tokens],
        ).fetchall()
    return places._ordered([places.Place(*row) for row in rows], " ".join(tokens), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    machine = machine_info()
    say(machine_line(machine))
    basemap = basemaps.active()
    started = time.perf_counter()
    index = places.build_index(basemap, cache_dir())
    build_s = time.perf_counter() - started
    say(f"Place index of {basemap.name}: {build_s:.1f} s (a cached index: the file's hash only)")
    rows, results = [], []
    for query in QUERIES:
        fts = time_runs(lambda q=query: places.search(index, q), args.runs)
        like = time_runs(lambda q=query: like_search(str(index), q), max(3, args.runs // 4))
        first = places.search(index, query)[:1]
        same = first == like_search(str(index), query)[:1]
        fts_ms, like_ms = median(fts) * 1000, median(like) * 1000
        rows.append(
            [
                query,
                f"{fts_ms:.2f}",
                f"{like_ms:.1f}",
                f"{like_ms / fts_ms:.0f}×",
                same,
                first[0].name if first else "—",
            ]
        )
        results.append({"query": query, "fts_ms": fts_ms, "like_ms": like_ms, "same": same})
    say(table(["query", "search ms", "LIKE ms", "ratio", "same first hit", "first hit"], rows))
    worst = max(r["fts_ms"] for r in results)
    say(f"Slowest search {worst:.2f} ms; target ≤ 20 ms: {verdict(worst <= 20)}")
    write_json(
        "bench_places",
        {"machine": machine, "build_s": build_s, "queries": results},
        args.out,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
