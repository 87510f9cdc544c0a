"""Accent-insensitive search (FTS5 on folded text) against a LIKE scan, on the city demo.

    .venv/bin/python benchmarks/bench_search.py [--db PATH] [--out FILE]

Without --db, reuses benchmarks/out/city.sqlite if it exists, else builds the city demo into a
temporary folder first. For each query: the median of --runs calls of
``search(db, q, limit=50)``, against the same question answered without FTS:
the same search() with each FTS MATCH replaced by a LIKE scan (``terms LIKE '% word%'`` per
word, per kind, phrase first) over a plain copy of the index (in an attached in-memory database,
so the workspace file is not modified); both must return the same hits. The LIKE scan without
LIMIT (``count(*)``) is reported for information.
Targets: FTS median under 20 ms, and at least 10× faster than LIKE. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _common import (
    machine_info,
    machine_line,
    median,
    resolve_db,
    say,
    table,
    time_runs,
    verdict,
    write_json,
)
from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.store.search import (
    hits_sql,
    index_words,
    match_expressions,
    rowid_range,
    search,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold

NAME = "bench_search"
LIMIT = 50
TARGET_MEDIAN_MS = 20.0
TARGET_RATIO = 10.0
# Typed the way people in Hà Nội type into a search box: without accents, with them, in caps.
FIXED_QUERIES = (
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
_HAS_WORD = re.compile(r"\w")


def random_queries(db: Any, count: int, seed: int) -> list[str]:
    """``count`` distinct queries cut from real site names: 1–3 consecutive words, folded
    (lower case, no accents) or kept as written, at random."""
    names = [
        row[0] for row in db.execute("SELECT name FROM sites WHERE deleted = 0 ORDER BY rowid")
    ]
    rng = random.Random(seed)
    queries: list[str] = []
    while len(queries) < count:
        tokens = [t for t in rng.choice(names).split() if _HAS_WORD.search(t)]
        if not tokens:
            continue
        n = rng.randint(1, min(3, len(tokens)))
        start = rng.randrange(len(tokens) - n + 1)
        query = " ".join(tokens[start : start + n])
        query = fold(query) if rng.random() < 0.5 else query
        if query not in queries:
            queries.append(query)
    return queries


def _like_word(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_expressions(text: str) -> list[tuple[str, list[str]]]:
    """What search() asks FTS for, asked of a LIKE scan instead: the words as a phrase (the
    last one a prefix), then every word anywhere, whole but the last (a prefix), then every
    word anywhere as a word prefix. The baseline's terms are the folded words joined by single
    spaces with a space before the first and after the last, so ``% word%`` is exactly FTS's
    "a word starting with word" and ``% word %`` its "the word"."""
    tokens = [_like_word(t) for t in index_words(text)]
    if not tokens:
        return []
    phrase = ("terms LIKE ? ESCAPE '\\'", ["% " + " ".join(tokens) + "%"])
    if len(tokens) == 1:
        return [phrase]
    clause = " AND ".join(["terms LIKE ? ESCAPE '\\'"] * len(tokens))
    whole = (clause, ["% " + t + " %" for t in tokens[:-1]] + ["% " + tokens[-1] + "%"])
    every = (clause, ["% " + t + "%" for t in tokens])
    return [phrase, whole, every]


def like_search(conn: Any, text: str) -> list[tuple[str, str, str]]:
    """search() with every MATCH replaced by a LIKE scan: same order of questions, same limit."""
    hits: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for clause, patterns in like_expressions(text):
        for kind in SEARCH_KINDS.values():
            if len(hits) >= LIMIT:
                return hits
            rows = conn.execute(
                f"SELECT record_id, title FROM bench.like_baseline WHERE kind = ? AND {clause} "
                "LIMIT ?",
                [kind, *patterns, LIMIT - len(hits) + len(seen)],
            )
            for record_id, title in rows:
                if record_id not in seen and len(hits) < LIMIT:
                    seen.add(record_id)
                    hits.append((kind, record_id, title))
    return hits


def like_count(conn: Any, text: str) -> int:
    expressions = like_expressions(text)
    if not expressions:
        return 0
    clause, patterns = expressions[-1]
    return int(
        conn.execute(
            f"SELECT count(*) FROM bench.like_baseline WHERE {clause}", patterns
        ).fetchone()[0]
    )


def fts_count(conn: Any, text: str) -> int:
    """Records holding every word as a prefix (the broadest of search()'s expressions)."""
    expressions = match_expressions(text)
    if not expressions:
        return 0
    return int(
        conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", [expressions[-1]]
        ).fetchone()[0]
    )


def measure(
    ws: Workspace, queries: Sequence[tuple[str, str]], runs: int, count_runs: int
) -> list[dict[str, Any]]:
    db, conn = ws.db, ws.db.conn
    results: list[dict[str, Any]] = []
    for source, query in queries:
        hits = search(db, query, limit=LIMIT)
        fts_times = time_runs(lambda q=query: search(db, q, limit=LIMIT), runs)
        like_rows = like_search(conn, query)
        like_times = time_runs(lambda q=query: like_search(conn, q), runs)
        full_times = time_runs(lambda q=query: like_count(conn, q), count_runs)
        full = like_count(conn, query)
        # The baseline answers the same question, so both give the same hits.
        same = sorted(h["id"] for h in hits) == sorted(row[1] for row in like_rows)
        fts_med = median(fts_times) * 1000
        like_med = median(like_times) * 1000
        results.append(
            {
                "query": query,
                "source": source,
                "folded_words": index_words(query),
                "fts_median_ms": fts_med,
                "fts_min_ms": min(fts_times) * 1000,
                "fts_max_ms": max(fts_times) * 1000,
                "fts_hits": len(hits),
                "fts_full_count": fts_count(conn, query),
                "like_median_ms": like_med,
                "like_min_ms": min(like_times) * 1000,
                "like_rows": len(like_rows),
                "like_full_count": full,
                "like_full_count_median_ms": median(full_times) * 1000,
                "ratio": like_med / fts_med if fts_med else float("inf"),
                "ratio_vs_full": median(full_times) * 1000 / fts_med if fts_med else float("inf"),
                "same_hits": same,
                "runs": runs,
                "count_runs": count_runs,
            }
        )
        r = results[-1]
        say(
            f"  {query!r:34} FTS {fts_med:8.2f} ms  LIKE {like_med:8.2f} ms  "
            f"×{r['ratio']:7.1f}  (full LIKE {r['like_full_count_median_ms']:.0f} ms)"
        )
    return results


def hit_titles(conn: Any) -> dict[int, tuple[str, str]]:
    """Index rowid → (record id, title) as search() shows a hit (the index keeps only terms)."""
    shown: dict[int, tuple[str, str]] = {}
    for name in SEARCH_KINDS:
        first, last = rowid_range(name)
        rowids = [
            int(r[0]) - first
            for r in conn.execute(
                "SELECT rowid FROM main.search_entries WHERE rowid BETWEEN ? AND ?",
                [first, last],
            )
        ]
        for rowid, record_id, title in conn.execute(hits_sql(name), [json.dumps(rowids)]):
            shown[first + rowid] = (record_id, title)
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", help="city workspace to search")
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=f"JSON output (default benchmarks/out/{NAME}.json)"
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query (default 15)")
    parser.add_argument(
        "--count-runs",
        type=int,
        default=5,
        help="timed runs of the LIKE full count per query (default 5)",
    )
    parser.add_argument(
        "--random-queries", type=int, default=20, help="queries drawn from site names (default 20)"
    )
    parser.add_argument("--seed", type=int, default=2025, help="seed for the drawn queries")
    args = parser.parse_args(argv)

    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-") as tmp:
        path, origin = resolve_db(args.db, Path(tmp))
        ws = Workspace.open(path)
        try:
            db, conn = ws.db, ws.db.conn
            index_rows = {
                kind: n
                for kind, n in conn.execute(
                    "SELECT kind, count(*) FROM search_entries GROUP BY kind ORDER BY kind"
                )
            }
            site_count = conn.execute("SELECT count(*) FROM sites WHERE deleted = 0").fetchone()[0]
            say(
                f"workspace: {path} ({origin}); {site_count:,} sites; search index rows: "
                + ", ".join(f"{k} {v:,}" for k, v in index_rows.items())
            )

            # The baseline table: a plain copy of the index, built once outside the timing, in an
            # attached in-memory database so the workspace file is left as it was.
            start = time.perf_counter()
            conn.execute("ATTACH DATABASE ':memory:' AS bench")
            conn.execute(
                "CREATE TABLE bench.like_baseline (kind TEXT, record_id TEXT, "
                "title TEXT, terms TEXT)"
            )
            conn.executemany(
                "INSERT INTO bench.like_baseline VALUES (?, ?, ?, ?)",
                (
                    (kind, *shown[rowid], " " + " ".join(index_words(terms)) + " ")
                    for shown in [hit_titles(conn)]
                    for rowid, kind, terms in conn.execute(
                        "SELECT rowid, kind, unpack_words(words) FROM main.search_entries "
                        "ORDER BY rowid"
                    )
                ),
            )
            # Generous to the baseline: it gets an index to find one kind's rows.
            conn.execute("CREATE INDEX bench.like_baseline_kind ON like_baseline (kind)")
            baseline_build_s = time.perf_counter() - start
            say(f"LIKE baseline table copied in {baseline_build_s:.1f} s (not timed below)")

            queries = [("fixed", q) for q in FIXED_QUERIES] + [
                ("site name", q) for q in random_queries(db, args.random_queries, args.seed)
            ]
            say(f"\nTiming {len(queries)} queries, {args.runs} runs each…")
            results = measure(ws, queries, args.runs, args.count_runs)
        finally:
            # Not ws.close(): its PRAGMA optimize would write to the workspace file.
            ws.db.close()

    fts = [r["fts_median_ms"] for r in results]
    ratios = [r["ratio"] for r in results]
    slowest = max(results, key=lambda r: r["fts_median_ms"])
    lowest = min(results, key=lambda r: r["ratio"])
    slowest_like = max(results, key=lambda r: r["like_median_ms"])
    summary = {
        "queries": len(results),
        "fts_median_of_medians_ms": median(fts),
        "fts_max_median_ms": slowest["fts_median_ms"],
        "fts_max_median_query": slowest["query"],
        "like_median_of_medians_ms": median([r["like_median_ms"] for r in results]),
        "like_max_median_ms": slowest_like["like_median_ms"],
        "like_max_median_query": slowest_like["query"],
        "like_full_count_median_of_medians_ms": median(
            [r["like_full_count_median_ms"] for r in results]
        ),
        "ratio_median": median(ratios),
        # The whole query set typed one after the other, and the worst query of each.
        "fts_total_ms": sum(fts),
        "like_total_ms": sum(r["like_median_ms"] for r in results),
        "ratio_total": sum(r["like_median_ms"] for r in results) / sum(fts),
        "ratio_worst_case": slowest_like["like_median_ms"] / slowest["fts_median_ms"],
        "ratio_min": lowest["ratio"],
        "ratio_min_query": lowest["query"],
        "ratio_max": max(ratios),
        "ratio_vs_full_median": median([r["ratio_vs_full"] for r in results]),
        "ratio_vs_full_min": min(r["ratio_vs_full"] for r in results),
        "queries_under_target_ms": sum(1 for t in fts if t < TARGET_MEDIAN_MS),
        "queries_at_least_target_ratio": sum(1 for r in ratios if r >= TARGET_RATIO),
        "same_hits_all": all(r["same_hits"] for r in results),
    }
    targets = {
        "fts_median_ms_under": TARGET_MEDIAN_MS,
        "ratio_at_least": TARGET_RATIO,
        "median_met": summary["fts_median_of_medians_ms"] < TARGET_MEDIAN_MS,
        "max_met": summary["fts_max_median_ms"] < TARGET_MEDIAN_MS,
        "ratio_median_met": summary["ratio_median"] >= TARGET_RATIO,
        "ratio_min_met": summary["ratio_min"] >= TARGET_RATIO,
    }

    say()
    say(
        table(
            [
                "query",
                "src",
                "FTS ms",
                "LIKE ms",
                "ratio",
                "LIKE full ms",
                "FTS hits",
                "LIKE rows",
                "FTS all",
                "LIKE all",
            ],
            [
                [
                    r["query"],
                    "fix" if r["source"] == "fixed" else "site",
                    r["fts_median_ms"],
                    r["like_median_ms"],
                    r["ratio"],
                    r["like_full_count_median_ms"],
                    r["fts_hits"],
                    r["like_rows"],
                    r["fts_full_count"],
                    r["like_full_count"],
                ]
                for r in results
            ],
        )
    )
    say("(medians of the timed runs; 'FTS all'/'LIKE all' = every matching record, no LIMIT)")
    say()
    say(
        f"FTS: median of medians {summary['fts_median_of_medians_ms']:.2f} ms, max "
        f"{summary['fts_max_median_ms']:.2f} ms ({summary['fts_max_median_query']!r}); "
        f"target < {TARGET_MEDIAN_MS:.0f} ms: median {verdict(targets['median_met'])}, "
        f"max {verdict(targets['max_met'])} "
        f"({summary['queries_under_target_ms']}/{len(results)} queries under)"
    )
    say(
        f"vs LIKE: median ratio {summary['ratio_median']:.1f}×, min ratio "
        f"{summary['ratio_min']:.1f}× ({summary['ratio_min_query']!r}); target ≥ "
        f"{TARGET_RATIO:.0f}×: median {verdict(targets['ratio_median_met'])}, min "
        f"{verdict(targets['ratio_min_met'])} "
        f"({summary['queries_at_least_target_ratio']}/{len(results)} queries at or above)"
    )
    say(
        f"LIKE: median of medians {summary['like_median_of_medians_ms']:.2f} ms, max "
        f"{summary['like_max_median_ms']:.1f} ms ({summary['like_max_median_query']!r}); "
        f"without LIMIT: median {summary['like_full_count_median_of_medians_ms']:.0f} ms "
        f"(for information: FTS is {summary['ratio_vs_full_median']:.0f}× faster than that, "
        f"at least {summary['ratio_vs_full_min']:.1f}×)"
    )
    say(
        "FTS and the LIKE baseline return the same hits for every query: "
        + ("yes" if summary["same_hits_all"] else "NO")
    )

    out = write_json(
        NAME,
        {
            "workspace": {
                "path": str(path),
                "origin": origin,
                "sites": site_count,
                "search_index_rows": index_rows,
            },
            "params": {
                "limit": LIMIT,
                "runs": args.runs,
                "count_runs": args.count_runs,
                "random_queries": args.random_queries,
                "seed": args.seed,
            },
            "baseline_table_build_s": baseline_build_s,
            "targets": targets,
            "summary": summary,
            "queries": results,
        },
        args.out,
    )
    say(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
