"""Duplicate-camera search through a grid of cells, against comparing all pairs.

    .venv/bin/python benchmarks/bench_duplicates.py [--db PATH] [--sample N] [--runs N] [--out FILE]

Without --db, reuses benchmarks/out/city.sqlite if it exists, else builds the city demo into a
temporary folder first. The workspace is opened read-only (no migration, nothing written).

1. The city: ``find_duplicates(db)`` over every camera (about 200,000), median of --runs.
2. A sample: the --sample cameras (default 20,000) nearest Hoàn Kiếm Lake, copied into an
   in-memory database, so the sample is as dense as the city centre. There
   ``find_duplicates`` (grid) is timed against the all-pairs baseline: the same cameras, the
   same scoring function and threshold, every pair (i < j) compared once. Both must return the
   same pairs.

Targets: the city search under 10 s, and the grid at least 50× faster than all pairs on the
sample. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlite_utils

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
from fieldsurvey.core.office.duplicates import (
    THRESHOLD,
    _cameras,
    _evidence,
    _Scored,
    _settle,
    find_duplicates,
    probability,
)

NAME = "bench_duplicates"
TARGET_CITY_S = 10.0
TARGET_RATIO = 50.0
CENTRE = (21.0287, 105.8523)  # Hoàn Kiếm Lake


def all_pairs(db: sqlite_utils.Database, threshold: float = THRESHOLD) -> list[tuple[str, str]]:
    """The baseline: every pair of cameras scored, no spatial index, then settled the same way
    (a record that matched a camera of the other's list better)."""
    cameras = sorted(_cameras(db), key=lambda c: c.id)
    scored = []
    for a, b in itertools.combinations(cameras, 2):
        found = _evidence(a, b)
        if found is not None:  # every pair kept: none left out before settling
            scored.append(_Scored(a, b, *found))
    _settle(scored)
    return [(s.a.id, s.b.id) for s in scored if round(probability(s.odds), 3) >= threshold]


def sample_db(city: sqlite_utils.Database, path: Path, size: int) -> sqlite_utils.Database:
    """An in-memory database holding the ``size`` cameras nearest the city centre."""
    conn = sqlite3.connect("file::memory:", uri=True)
    conn.execute("ATTACH DATABASE ? AS city", [f"file:{path}?mode=ro"])
    conn.execute(
        "CREATE TABLE cameras AS SELECT * FROM city.cameras WHERE deleted = 0 AND lat IS NOT "
        "NULL ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) LIMIT ?",
        [CENTRE[0], CENTRE[0], CENTRE[1], CENTRE[1], size],
    )
    conn.commit()
    conn.execute("DETACH DATABASE city")
    return sqlite_utils.Database(conn)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", help="city workspace")
    parser.add_argument("--sample", type=int, default=20_000, help="cameras in the sample")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the grid search")
    parser.add_argument("--out", type=Path, help="where to write the JSON figures")
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    with tempfile.TemporaryDirectory(prefix="bench-duplicates-") as tmp:
        path, origin = resolve_db(args.db, Path(tmp))
        city = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
        cameras = city.execute("SELECT count(*) FROM cameras WHERE deleted = 0").fetchone()[0]
        say(f"workspace: {path} ({origin}), {cameras:,} cameras")

        city_pairs = find_duplicates(city)
        city_times = time_runs(lambda: find_duplicates(city), args.runs, warmup=0)
        city_s = median(city_times)

        sample = sample_db(city, path, args.sample)
        grid_pairs = [(p["a"]["id"], p["b"]["id"]) for p in find_duplicates(sample)]
        grid_times = time_runs(lambda: find_duplicates(sample), args.runs, warmup=0)
        say(f"all-pairs baseline on {args.sample:,} cameras (a few minutes)…")
        start = time.perf_counter()
        baseline_pairs = all_pairs(sample)
        baseline_s = time.perf_counter() - start
    grid_s = median(grid_times)
    ratio = baseline_s / grid_s if grid_s else float("inf")
    same = sorted(grid_pairs) == sorted(baseline_pairs)
    say()
    say(
        table(
            ["measure", "cameras", "seconds", "pairs found"],
            [
                ["grid, whole city (median)", cameras, city_s, len(city_pairs)],
                ["grid, sample (median)", args.sample, grid_s, len(grid_pairs)],
                ["all pairs, sample (one run)", args.sample, baseline_s, len(baseline_pairs)],
            ],
        )
    )
    say()
    say(
        f"city search: {city_s:.2f} s (target < {TARGET_CITY_S:.0f} s): "
        f"{verdict(city_s < TARGET_CITY_S)}"
    )
    say(
        f"sample: grid {ratio:,.0f}× faster than all pairs (target ≥ {TARGET_RATIO:.0f}×): "
        f"{verdict(ratio >= TARGET_RATIO)}; same pairs: {same}"
    )
    data: dict[str, Any] = {
        "workspace": str(path),
        "workspace_origin": origin,
        "cameras": cameras,
        "city_seconds": city_times,
        "city_median_s": city_s,
        "city_pairs": len(city_pairs),
        "sample_cameras": args.sample,
        "sample_grid_seconds": grid_times,
        "sample_grid_median_s": grid_s,
        "sample_all_pairs_s": baseline_s,
        "sample_pairs": len(grid_pairs),
        "same_pairs": same,
        "ratio": ratio,
        "targets": {"city_s": TARGET_CITY_S, "ratio": TARGET_RATIO},
        "met": {"city": city_s < TARGET_CITY_S, "ratio": ratio >= TARGET_RATIO},
    }
    say(f"figures: {write_json(NAME, data, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
