"""Every report of the city workspace against the floor: a plain SQL dump of the same rows.

    .venv/bin/python benchmarks/bench_reports.py [--db PATH] [--formats csv,geojson,gpkg,pdf,xlsx]
                                                  [--out FILE]

On the city workspace (default benchmarks/out/city.sqlite, as bench_demo_build.py --keep leaves
it; 200,000 cameras), for each format: ``write_report`` into a temporary folder (wall-clock
time, file size, rows per table), then, in the same run, the floor: the raw rows of the tables
that format holds (``SELECT * … WHERE deleted = 0``) written with ``csv.writer`` to one file,
no joins, labels, geometry or formatting. The PDF holds aggregates only, so its floor is the
same dump of the cameras table (the rows its counts and map read). Targets: the city's PDF under
30 s, every other report under 60 s, and ``pdf-per-unit`` (one PDF per owner unit, the whole
run) under 3 minutes in bounded memory; the ratio to the floor says how much the formatting
costs. Each process's peak memory is measured by running every report in a child process.

The official PDF and XLSX hold approved records only, and the city workspace has no reviews:
the reports here are drafts (``draft=True``), which hold every record — the heavier case. The
PDFs get the basemap's streets, as the command line and the report dialog give them.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import CITY_PATH, machine_info, machine_line, say, table, verdict, write_json

NAME = "bench_reports"
TARGET_S = 60.0
# Plan 67's report targets: the whole city's PDF, and one PDF per unit for every unit.
TARGETS_S = {"pdf": 30.0, "pdf-per-unit": 180.0}
FORMATS = ("csv", "geojson", "gpkg", "pdf", "xlsx", "pdf-per-unit")
# The tables each format writes rows of.
TABLES = {
    "csv": ("cameras",),
    "geojson": ("cameras",),
    "gpkg": ("cameras", "sites", "needs"),
    "pdf": ("cameras",),
    "xlsx": ("cameras", "shortcomings", "needs"),
    "pdf-per-unit": ("cameras",),
}

_CHILD = """
import json, resource, sys, time
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.map.roads import printed_streets
from fieldsurvey.core.reports.per import write_reports
from fieldsurvey.core.reports.writing import write_report
ws = Workspace.open(sys.argv[1])
fmt = sys.argv[2]
start = time.perf_counter()
if fmt == "pdf-per-unit":
    written = write_reports(
        ws.db, "unit", "pdf", sys.argv[3], draft=True, streets=printed_streets()
    )
    counts = {"documents": len(written.paths), "skipped units": written.skipped}
else:
    counts = write_report(
        ws.db, fmt, sys.argv[3], draft=fmt in ("pdf", "xlsx"), streets=printed_streets()
    )
seconds = time.perf_counter() - start
ws.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "counts": counts, "peak_rss_mb": peak}))
"""


def report_in_child(db: Path, fmt: str, out: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), fmt, str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    files = sorted(out.iterdir()) if out.is_dir() else [out]
    result["bytes"] = sum(f.stat().st_size for f in files)
    for f in files:
        f.unlink()
    if out.is_dir():
        out.rmdir()
    return result


def sql_dump(db: Path, tables: tuple[str, ...], out: Path) -> tuple[float, int]:
    """The floor: every live row of ``tables`` as it is stored, to one CSV file."""
    import sqlite3

    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for name in tables:
            cursor = conn.execute(f"SELECT * FROM {name} WHERE deleted = 0")
            writer.writerow([d[0] for d in cursor.description])
            for row in cursor:
                writer.writerow(row)
                rows += 1
    conn.close()
    return time.perf_counter() - start, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=CITY_PATH, help="the city workspace")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=f"JSON output (default benchmarks/out/{NAME}.json)"
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        say(f"{args.db} does not exist: run bench_demo_build.py --keep {args.db} first")
        return 2
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    say(f"workspace: {args.db} ({args.db.stat().st_size / 1e6:,.0f} MB)")
    # Open once first so a pending migration runs before anything is timed.
    subprocess.run(
        [sys.executable, "-c", f"from fieldsurvey.core.store.workspace import Workspace as W; "
         f"W.open({str(args.db)!r}).close()"],
        check=True,
    )  # fmt: skip
    results: dict[str, Any] = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-reports-") as tmp:
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"report.{fmt}"
            report = report_in_child(args.db, fmt, out)
            floor_s, floor_rows = sql_dump(args.db, TABLES[fmt], Path(tmp) / "floor.csv")
            ratio = report["seconds"] / floor_s
            target = TARGETS_S.get(fmt, TARGET_S)
            met = report["seconds"] < target
            results[fmt] = {
                **report,
                "floor_seconds": floor_s,
                "floor_rows": floor_rows,
                "floor_tables": TABLES[fmt],
                "ratio": ratio,
                "target_s": target,
                "target_met": met,
            }
            counts = ", ".join(f"{k} {v:,}" for k, v in report["counts"].items())
            rows.append(
                (
                    fmt,
                    report["seconds"],
                    floor_s,
                    f"{ratio:.1f}×",
                    f"{report['bytes'] / 1e6:.1f}",
                    f"{report['peak_rss_mb']:.0f}",
                    f"< {target:.0f} s {verdict(met)}",
                )
            )
            say(f"{fmt}: {report['seconds']:.1f} s ({counts}); floor {floor_s:.1f} s")
    say()
    say(
        table(
            ["format", "report s", "SQL dump s", "ratio", "MB", "peak RSS MB", "target"],
            rows,
        )
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    path = write_json(
        NAME, {"db": str(args.db), "targets_s": {"default": TARGET_S, **TARGETS_S},
               "results": results, "peak_rss_mb": peak},
        args.out,
    )  # fmt: skip
    say(f"\nfigures in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
