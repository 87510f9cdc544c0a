"""The small search index (m019) against the one before it (m016), on the same workspace: the
size of each, what each finds, and how fast each answers every keystroke.

    .venv/bin/python benchmarks/bench_search_index.py --db PATH [--out FILE]

PATH is a workspace made before m019 (the city demo built with an older FieldSurvey); it is
only read: the script works on copies in a temporary folder. On the first copy, with m016's
index: each table's size (dbstat), bench_search.py's 33 queries asked as search() asked that
index (median of --runs) and typed one keystroke at a time ("d", "do", "don"…, median of
--typing-runs per keystroke). Then the second copy is opened, which runs m019 and the
migrations after it (m024 keeps the words packed and the index contentless; their time is
reported), the index is rebuilt once more (the build's time alone), and the same is measured
with search(). Both must find the same records in the same order for every keystroke. Each
copy is then compacted (VACUUM INTO) for the whole file's size, and FTS5's own part of a build
(filled again from the stored words, and 'optimize') is timed on it. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for tests.helpers
from tests.helpers.m016 import m016_search

from _common import machine_info, machine_line, median, say, time_runs, write_json
from bench_search import FIXED_QUERIES, LIMIT, random_queries
from fieldsurvey.core.store.search import rebuild, search
from fieldsurvey.core.store.workspace import Workspace

NAME = "bench_search_index"
MIB = 2**20


def sizes(conn: Any) -> dict[str, float]:
    """MiB of the search index's tables (each FTS5 shadow table apart) and of the whole file."""
    rows = conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search%' GROUP BY name"
    )
    found = {name: size / MIB for name, size in rows}
    found["search, all tables"] = sum(found.values())
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    found["file"] = pages * conn.execute("PRAGMA page_size").fetchone()[0] / MIB
    return found


def compacted_mib(conn: Any, path: Path) -> float:
    conn.execute("VACUUM INTO ?", [str(path)])
    size = path.stat().st_size / MIB
    path.unlink()
    return size


def fts_build_s(conn: Any, contentless: bool = False) -> float:
    """Seconds to make the full-text index again from the stored words as they are, and
    optimize it (the FTS5 part of a rebuild; the words are not made again): from its content
    table (m016), or (``contentless``, m024) from search_entries, their words unpacked."""
    start = time.perf_counter()
    conn.execute("BEGIN")
    if contentless:
        conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        conn.execute(
            "INSERT INTO search_index (rowid, words) "
            "SELECT rowid, unpack_words(words) FROM search_entries ORDER BY rowid"
        )
    else:
        conn.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    conn.execute("COMMIT")
    return time.perf_counter() - start


def measure(ask: Any, queries: list[str], runs: int, typing_runs: int) -> dict[str, Any]:
    per_query = {q: median(time_runs(lambda q=q: ask(q), runs)) * 1000 for q in queries}
    typed = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
    per_key = {t: median(time_runs(lambda t=t: ask(t), typing_runs)) * 1000 for t in typed}
    slowest = max(per_query, key=lambda q: per_query[q])
    slowest_key = max(per_key, key=lambda t: per_key[t])
    return {
        "median_ms": median(list(per_query.values())),
        "max_ms": per_query[slowest],
        "slowest": slowest,
        "keystrokes": len(per_key),
        "typing_max_ms": per_key[slowest_key],
        "typing_slowest": slowest_key,
        "typing_median_ms": median(list(per_key.values())),
        "typing_over_50_ms": sorted(t for t, ms in per_key.items() if ms > 50),
        "per_query_ms": per_query,
        "hits": {t: ask(t) for t in typed},
    }


def line(label: str, m: dict[str, Any]) -> str:
    return (
        f"{label}: queries median {m['median_ms']:.2f} ms, max {m['max_ms']:.2f} ms "
        f"({m['slowest']!r}); {m['keystrokes']} keystrokes: median {m['typing_median_ms']:.2f} "
        f"ms, max {m['typing_max_ms']:.2f} ms ({m['typing_slowest']!r}), "
        f"{len(m['typing_over_50_ms'])} over 50 ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", required=True)
    parser.add_argument("--out", type=Path, metavar="FILE")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--typing-runs", type=int, default=3)
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-") as tmp:
        before_path, after_path = Path(tmp) / "before.sqlite", Path(tmp) / "after.sqlite"
        shutil.copyfile(args.db, before_path)
        old = sqlite3.connect(before_path, isolation_level=None)
        applied = {r[0] for r in old.execute("SELECT name FROM _sqlite_migrations")}
        if "m019_small_search_index" in applied:
            say(f"{args.db} already has the small index (m019): give a workspace made before it")
            return 2
        queries = [*FIXED_QUERIES, *random_queries(old, 20, 2025)]
        say(f"{args.db}: {len(queries)} queries")
        before_sizes = sizes(old)
        before = measure(lambda t: m016_search(old, t, LIMIT), queries, args.runs, args.typing_runs)
        say(line("m016 index", before))
        before_sizes["file, compacted"] = compacted_mib(old, Path(tmp) / "compact.sqlite")
        before_fts_s = fts_build_s(old)
        old.close()
        shutil.copyfile(before_path, after_path)
        before_path.unlink()
        start = time.perf_counter()
        ws = Workspace.open(after_path)
        migrate_s = time.perf_counter() - start
        try:
            start = time.perf_counter()
            rebuild(ws.db)
            rebuild_s = time.perf_counter() - start
            after_sizes = sizes(ws.db)
            after = measure(lambda t: search(ws.db, t), queries, args.runs, args.typing_runs)
            say(line("m019 index", after))
            after_sizes["file, compacted"] = compacted_mib(ws.db, Path(tmp) / "compact.sqlite")
            after_fts_s = fts_build_s(ws.db.conn, contentless=True)
        finally:
            ws.db.close()  # not ws.close(): nothing more to write
    differ = sorted(t for t in before["hits"] if before["hits"][t] != after["hits"][t])
    hits = sum(len(h) for h in before["hits"].values())
    say(f"opening with m019 (backup, index built, terms made): {migrate_s:.1f} s")
    say(f"the index rebuilt alone (search.rebuild): {rebuild_s:.1f} s")
    say(f"FTS5's rebuild and optimize alone: m016 {before_fts_s:.1f} s, m019 {after_fts_s:.1f} s")
    say("MiB              before    after")
    for name in sorted(set(before_sizes) | set(after_sizes)):
        say(f"  {name:28} {before_sizes.get(name, 0):8.1f} {after_sizes.get(name, 0):8.1f}")
    say(
        f"same hits for every keystroke: {'yes' if not differ else 'NO'} "
        f"({before['keystrokes']} keystrokes, {hits:,} hits; differing: {differ[:10]})"
    )
    for m in (before, after):
        del m["hits"]
    out = write_json(
        NAME,
        {
            "sizes_mib": {"m016": before_sizes, "m019": after_sizes},
            "m016": before,
            "m019": after,
            "open_with_m019_s": migrate_s,
            "rebuild_s": rebuild_s,
            "fts_build_s": {"m016": before_fts_s, "m019": after_fts_s},
            "same_hits": not differ,
            "differing": differ,
            "hits": hits,
        },
        args.out,
    )
    say(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
