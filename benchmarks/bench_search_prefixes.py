"""Which FTS5 prefix indexes the search index needs, with word positions (detail = full) and
without (detail = none): bench_search.py's queries timed against copies of the city's index
with each set of prefix lengths, and each copy's size.

    .venv/bin/python benchmarks/bench_search_prefixes.py [--db PATH] [--out FILE]

The copies are FTS5 tables over one copy of the index's terms in a temporary database; the
workspace is only read. Each query is asked as search() asks it (the same MATCH expressions,
per kind as a range of rowids, best first, LIMIT 50; without positions, the phrase of several
words checked on the terms), median of --runs runs; then as typed into the search box, one
keystroke at a time ("d", "do", "don", "dong", "dong ", "dong d"...), median of --typing-runs
runs per keystroke, the slowest keystroke reported. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import machine_info, machine_line, median, resolve_db, say, time_runs, write_json
from bench_search import FIXED_QUERIES, LIMIT, random_queries
from fieldsurvey.core.store import search
from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.store.search import index_words, match_expressions, rowid_range

NAME = "bench_search_prefixes"
VARIANTS = (
    ("full", "1 2 3"),  # m016's index (it also indexed the kind)
    ("none", "1 2 3"),
    ("none", "1 2 3 4"),
    ("none", "1 2 3 4 5"),
    ("none", "1 2 3 4 5 6"),
    ("none", "1 2 3 4 5 6 7"),  # m019's
)


def ask(conn: sqlite3.Connection, table: str, text: str, positions: bool) -> int:
    """search()'s questions against ``table``; the number of hits."""
    seen: set[int] = set()
    expressions = match_expressions(text)
    phrase = " " + " ".join(index_words(text))
    for stage, expression in enumerate(expressions):
        for name in SEARCH_KINDS:
            if len(seen) >= LIMIT:
                return len(seen)
            if stage == 0 and len(expressions) > 1 and not positions:
                rows = conn.execute(
                    f"SELECT i.rowid FROM {table} i CROSS JOIN terms t ON t.rowid = i.rowid "
                    f"WHERE {table} MATCH ? AND i.rowid BETWEEN ? AND ? "
                    "AND instr(' ' || t.terms, ?) > 0 LIMIT ?",
                    [expressions[1], *rowid_range(name), phrase, LIMIT],
                )
            else:
                rows = conn.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                    "AND rowid BETWEEN ? AND ? LIMIT ?",
                    [expression, *rowid_range(name), LIMIT],
                )
            seen.update(int(r[0]) for r in rows if len(seen) < LIMIT)
    return len(seen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", help="city workspace (only read)")
    parser.add_argument("--out", type=Path, metavar="FILE")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--typing-runs", type=int, default=3)
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-") as tmp:
        path, origin = resolve_db(args.db, Path(tmp))
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        search.register(source)
        names = _Names(source)
        queries = [*FIXED_QUERIES, *random_queries(names, 20, 2025)]
        rows = source.execute(
            "SELECT rowid, unpack_words(words) FROM search_entries ORDER BY rowid"
        )
        entries = rows.fetchall()
        source.close()
        say(f"{path} ({origin}): {len(entries):,} entries, {len(queries)} queries")
        conn = sqlite3.connect(Path(tmp) / "variants.sqlite", isolation_level=None)
        conn.execute("CREATE TABLE terms (rowid INTEGER PRIMARY KEY, terms TEXT NOT NULL)")
        conn.executemany("INSERT INTO terms VALUES (?, ?)", entries)
        for number, (detail, prefix) in enumerate(VARIANTS):
            table, full = f"v{number}", detail == "full"
            option = f", prefix = '{prefix}'" if prefix else ""
            conn.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5(terms, content = 'terms', "
                f"columnsize = 0, detail = {detail}, tokenize = 'unicode61'{option})"
            )
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
            conn.execute("COMMIT")
            build_s = time.perf_counter() - start
            size = conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", [f"{table}_%"]
            ).fetchone()[0]
            timings = {
                q: median(time_runs(lambda q=q, t=table, f=full: ask(conn, t, q, f), args.runs))
                * 1000
                for q in queries
            }
            hits = {q: ask(conn, table, q, full) for q in queries}
            typed = {
                q[:n]: median(
                    time_runs(lambda t=q[:n], v=table, f=full: ask(conn, v, t, f), args.typing_runs)
                )
                * 1000
                for q in queries
                for n in range(1, len(q) + 1)
            }
            slowest_typed = max(typed, key=lambda t: typed[t])
            slowest = max(timings, key=lambda q: timings[q])
            key = f"{detail} {prefix or 'no prefix'}"
            results[key] = {
                "index_mib": size / 2**20,
                "build_s": build_s,
                "median_ms": median(list(timings.values())),
                "max_ms": timings[slowest],
                "slowest": slowest,
                "over_20_ms": sum(t > 20 for t in timings.values()),
                "over_50_ms": sum(t > 50 for t in timings.values()),
                "typing_max_ms": typed[slowest_typed],
                "typing_slowest": slowest_typed,
                "typing_over_50_ms": sorted(t for t, ms in typed.items() if ms > 50),
                "per_query_ms": timings,
                "hits": hits,
            }
            say(
                f"{key:20} index {size / 2**20:7.1f} MiB, built in "
                f"{build_s:5.1f} s; queries: median {results[key]['median_ms']:.2f}"
                f" ms, max {timings[slowest]:.2f} ms ({slowest!r}), "
                f"{results[key]['over_20_ms']} over 20 ms; typed one keystroke at a "
                f"time: max {typed[slowest_typed]:.2f} ms ({slowest_typed!r}), "
                f"{len(results[key]['typing_over_50_ms'])} keystrokes over 50 ms"
            )
            conn.execute(f"DROP TABLE {table}")
        conn.close()
    same = len({tuple(r["hits"].values()) for r in results.values()}) == 1
    say(f"same number of hits with every variant: {'yes' if same else 'NO'}")
    out = write_json(NAME, {"variants": results, "same_hits": same}, args.out)
    say(f"wrote {out}")
    return 0


class _Names:
    """What random_queries reads (``db.execute``), from a plain connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params)


if __name__ == "__main__":
    sys.exit(main())
