"""Run the three benchmarks in order and write benchmarks/out/summary.md.

    .venv/bin/python benchmarks/run_all.py [--skip-build]

1. bench_demo_build.py --keep benchmarks/out/city.sqlite
2. bench_search.py --db benchmarks/out/city.sqlite
3. bench_commune_lookup.py

Each runs in its own Python process (so no cache carries over from one to the next) and writes
benchmarks/out/NAME.json; this script then reads those files and writes summary.md, a markdown
table of the headline figures ready to paste into the project README. With --skip-build, step 1
is skipped and the city workspace and bench_demo_build.json of an earlier run are reused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import BENCH_DIR, CITY_PATH, OUT_DIR, machine_line, say


def run(script: str, *args: str) -> None:
    command = [sys.executable, str(BENCH_DIR / script), *args]
    say(f"\n=== {' '.join([Path(command[0]).name, f'benchmarks/{script}', *args])}")
    start = time.perf_counter()
    subprocess.run(command, check=True)
    say(f"=== {script} finished in {time.perf_counter() - start:.0f} s")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((OUT_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def mark(met: bool) -> str:
    return "✓ met" if met else "✗ not met"


def summary_markdown(build: dict[str, Any], search: dict[str, Any], lookup: dict[str, Any]) -> str:
    city, small = build["city"], build["small"]
    c_counts, s_counts = city["counts"], small["counts"]
    s, t = search["summary"], search["targets"]
    rtree, brute = lookup["commune_at"], lookup["brute_force"]
    rows = [
        (
            "Build the city demo workspace "
            f"({c_counts['sites']:,} sites, {c_counts['cameras']:,} cameras, "
            f"{c_counts['shortcomings']:,} shortcomings, {c_counts['needs']:,} needs; "
            f"{city['file_bytes'] / 1e6:.0f} MB)",
            f"{city['wall_s']:.1f} s",
            "—",
            f"< {build['target']['city_wall_s_under']:.0f} s on 2 cores",
            mark(build["target"]["met"]),
        ),
        (
            f"Build the small demo workspace ({s_counts['sites']:,} sites, "
            f"{s_counts['cameras']:,} cameras)",
            f"{small['median_wall_s']:.2f} s (median of {len(small['runs_wall_s'])})",
            "—",
            "—",
            "",
        ),
        (
            f"Search, {s['queries']} typed queries on the city workspace (accent-insensitive "
            "FTS5, 50 results), median of per-query medians",
            f"{s['fts_median_of_medians_ms']:.1f} ms; slowest query "
            f"{s['fts_max_median_ms']:.1f} ms ({s['fts_max_median_query']!r})",
            f"LIKE scan, LIMIT 50: {s['like_median_of_medians_ms']:.1f} ms; slowest "
            f"{s['like_max_median_ms']:.0f} ms ({s['like_max_median_query']!r})",
            f"< {t['fts_median_ms_under']:.0f} ms",
            f"median {mark(t['median_met'])}; slowest {mark(t['max_met'])} "
            f"({s['queries_under_target_ms']}/{s['queries']} under)",
        ),
        (
            "Search speed-up over the LIKE scan with LIMIT 50 (per query, LIKE ms ÷ FTS ms)",
            f"median {s['ratio_median']:.1f}×; range {s['ratio_min']:.2f}× "
            f"({s['ratio_min_query']!r}) to {s['ratio_max']:.0f}×",
            "same run",
            f"≥ {t['ratio_at_least']:.0f}×",
            f"median {mark(t['ratio_median_met'])} "
            f"({s['queries_at_least_target_ratio']}/{s['queries']} queries ≥ "
            f"{t['ratio_at_least']:.0f}×)",
        ),
        (
            "Search speed-up over the LIKE scan, whole query set and worst query",
            f"all {s['queries']} queries: {s['fts_total_ms']:.0f} ms vs "
            f"{s['like_total_ms']:.0f} ms, {s['ratio_total']:.0f}×; worst query "
            f"{s['fts_max_median_ms']:.1f} ms vs {s['like_max_median_ms']:.0f} ms, "
            f"{s['ratio_worst_case']:.0f}×",
            "same run",
            f"≥ {t['ratio_at_least']:.0f}×",
            f"total {mark(s['ratio_total'] >= t['ratio_at_least'])}; worst "
            f"{mark(s['ratio_worst_case'] >= t['ratio_at_least'])}",
        ),
        (
            "For information: speed-up over the LIKE scan without LIMIT (count of all matches)",
            f"median {s['ratio_vs_full_median']:.0f}×, lowest {s['ratio_vs_full_min']:.1f}×",
            f"LIKE without LIMIT: {s['like_full_count_median_of_medians_ms']:.0f} ms median",
            "—",
            "",
        ),
        (
            f"Commune of a point: {lookup['params']['points']:,} random points in Hà Nội's bbox, "
            "`commune_at` (R*Tree + point-in-polygon)",
            f"{rtree['mean_us']:.1f} µs per lookup (median {rtree['median_us']:.1f} µs)",
            f"brute force over all {lookup['polygons']} polygons: {brute['mean_us']:,.0f} µs "
            f"({lookup['ratio_brute_over_commune_at']:.0f}× slower)",
            "same answers",
            f"{lookup['mismatches']} mismatches",
        ),
    ]
    machine = search["machine"]
    lines = [
        f"Machine: {machine_line(machine)}. Run {search['run_at']}.",
        "",
        "| Benchmark | Result | Baseline (same run) | Target | |",
        "|---|---|---|---|---|",
        *("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows),
        "",
        "Produced by `python benchmarks/run_all.py`; details in `benchmarks/out/*.json`.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="reuse benchmarks/out/city.sqlite and bench_demo_build.json",
    )
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if args.skip_build:
        if not CITY_PATH.exists() or not (OUT_DIR / "bench_demo_build.json").exists():
            parser.error(
                "--skip-build needs benchmarks/out/city.sqlite and "
                "bench_demo_build.json from an earlier run"
            )
    else:
        run("bench_demo_build.py", "--keep", str(CITY_PATH))
    run("bench_search.py", "--db", str(CITY_PATH))
    run("bench_commune_lookup.py")

    text = summary_markdown(
        load("bench_demo_build"), load("bench_search"), load("bench_commune_lookup")
    )
    path = OUT_DIR / "summary.md"
    path.write_text(text, encoding="utf-8")
    say(f"\n=== all done in {time.perf_counter() - start:.0f} s; wrote {path}\n")
    say(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
