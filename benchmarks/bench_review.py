"""The office's review on the city workspace: a bulk review over a filter, the dashboard figures
and progress, each against a baseline in the same run.

    .venv/bin/python benchmarks/bench_review.py [--db PATH] [--out FILE]

--db is a city workspace (default benchmarks/out/city.sqlite, which bench_demo_build.py leaves
behind with --keep); it is only read: the reviews are written to two copies of it in a
temporary folder, made an office workspace there.

- Bulk review: every unreviewed camera of the commune with the most of them approved with
  ``review_many`` (one transaction), against the same reviews made one ``review`` call at a
  time, each in its own transaction, as a loop over a selection would do.
- Dashboard: ``dashboard`` (grouped counts in SQL) against reading the same columns of every live
  record into Python and counting them there. Median of 3.
- Progress: ``progress`` for every assignment, for information. Median of 3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import CITY_PATH, machine_info, machine_line, median, say, table, time_runs, write_json
from fieldsurvey.core.office.dashboard import CHARTS, dashboard
from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.office.review import ReviewFilter, review, review_many, select_records
from fieldsurvey.core.store.workspace import Workspace

NAME = "bench_review"


def python_counts(ws: Workspace) -> dict[str, Counter[Any]]:
    """The baseline: every live record's column read into Python and counted there."""
    out: dict[str, Counter[Any]] = {}
    for name, (table_name, column, _, multiple) in CHARTS.items():
        values = ws.db.execute(f"SELECT {column} FROM {table_name} WHERE deleted = 0")
        counter: Counter[Any] = Counter()
        for (value,) in values:
            if multiple:
                counter.update(json.loads(value) or [None])
            else:
                counter[value] += 1
        out[name] = counter
    return out


def office_copy(source: Path, folder: Path, name: str) -> Workspace:
    target = folder / f"{name}.sqlite"
    shutil.copy(source, target)
    ws = Workspace.open(target, user="bench")
    with ws.transaction():
        ws.set_setting("role", "office")
    return ws


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=CITY_PATH, help="the city workspace (read)")
    parser.add_argument(
        "--out", type=Path, help=f"JSON output (default benchmarks/out/{NAME}.json)"
    )
    args = parser.parse_args(argv)
    if not args.db.is_file():
        say(f"{args.db} not found: build it with benchmarks/bench_demo_build.py --keep")
        return 1
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    results: dict[str, Any] = {"workspace": str(args.db)}
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-", dir=args.db.parent) as tmp:
        bulk_ws = office_copy(args.db, Path(tmp), "bulk")
        commune = bulk_ws.db.execute(
            "SELECT commune_code FROM cameras WHERE deleted = 0 AND review_state IS NULL "
            "GROUP BY commune_code ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        flt = ReviewFilter("cameras", commune_code=commune, state="none")
        ids = select_records(bulk_ws, flt)
        start = time.perf_counter()
        count = review_many(bulk_ws, flt, "approved", "Đạt yêu cầu.")
        bulk_s = time.perf_counter() - start
        bulk_ws.close()
        one_ws = office_copy(args.db, Path(tmp), "one")
        start = time.perf_counter()
        for record_id in ids:
            review(one_ws, "cameras", record_id, "approved", "Đạt yêu cầu.")
        one_s = time.perf_counter() - start
        one_ws.close()
    assert count == len(ids)
    results["bulk_review"] = {
        "records": count,
        "commune": commune,
        "bulk_s": bulk_s,
        "one_by_one_s": one_s,
        "ratio": one_s / bulk_s,
    }

    with Workspace.open(args.db) as ws:
        figures = dashboard(ws.db)
        counts = python_counts(ws)
        for name, rows in figures.items():
            if name != "totals":
                assert Counter({r["code"]: r["count"] for r in rows if r["count"]}) == counts[name]
        dash = median(time_runs(lambda: dashboard(ws.db), 3))
        base = median(time_runs(lambda: python_counts(ws), 3))
        today = dt.date(2025, 3, 20)
        prog = median(time_runs(lambda: progress(ws, today), 3))
        assignments = len(progress(ws, today)["assignments"])
    results["dashboard"] = {"sql_s": dash, "python_s": base, "ratio": base / dash}
    results["progress"] = {"s": prog, "assignments": assignments}

    say()
    say(
        table(
            ["benchmark", "this (s)", "baseline (s)", "baseline/this"],
            [
                [
                    f"bulk review of {count:,} cameras (one transaction)",
                    bulk_s,
                    one_s,
                    one_s / bulk_s,
                ],
                ["dashboard figures (SQL), median of 3", dash, base, base / dash],
                [f"progress of {assignments} assignments, median of 3", prog, "-", "-"],
            ],
        )
    )
    say("baselines: one review() per record, each its own transaction; counting in Python")
    path = write_json(NAME, results, args.out)
    say(f"written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
