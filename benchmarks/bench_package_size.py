"""The size of the full city package against the Zstandard-compressed CSV of its rows, and of a
city workspace against the CSV of its records.

    .venv/bin/python benchmarks/bench_package_size.py [--city-surveyor PATH] [--city-office PATH]

The demo's city surveyor s1 (a copy of PATH, or built, about a minute) exports everything
(``export_package(..., full=True)``) to a small demo office. The baseline, in the same run: the
records the package carries (units, sites, cameras, shortcomings, needs, assignments, reviews,
photos, photo links, plan items) written as CSV with a header per table by Python's csv module
from the same workspace, and that CSV compressed by Zstandard at its command line's default
level (3). Target: the package at most 1.5 × that. The CSV leaves out each name's stored sort
key (``sort_name``): it follows from the name and no package carries it.

With --city-office: that workspace written compactly (``VACUUM INTO``) against the same CSV of
its records, uncompressed. Target: at most 3 × that.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_sync
from fieldsurvey.core.store.workspace import Workspace

TABLES = (
    "units",
    "sites",
    "cameras",
    "shortcomings",
    "needs",
    "assignments",
    "reviews",
    "photos",
    "photo_links",
    "plan_items",
)


def rows_csv(path: Path) -> bytes:
    ws = Workspace.open(path)
    try:
        out = io.StringIO()
        writer = csv.writer(out)
        for table in TABLES:
            columns = [c for c in ws.db[table].columns_dict if c != "sort_name"]
            writer.writerow(columns)
            writer.writerows(ws.db.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        return out.getvalue().encode("utf-8")
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--city-surveyor", type=Path, help="a city surveyor demo (copied)")
    parser.add_argument("--city-office", type=Path, help="also: this workspace against its CSV")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.city_office:
            compact = Path(tmp) / "compact.sqlite"
            db = sqlite3.connect(args.city_office)
            db.execute("VACUUM INTO ?", [str(compact)])
            db.close()
            data = rows_csv(compact)
            size = compact.stat().st_size
            print(
                f"workspace {size / 1e6:.1f} MB compacted, CSV of its records {len(data) / 1e6:.1f}"
                f" MB: {size / len(data):.2f}x (target <= 3x)"
            )
            compact.unlink()
        city = bench_sync.export_city_package(Path(tmp), args.city_surveyor)
        data = rows_csv(city.surveyor)
        start = time.perf_counter()
        packed = zstandard.ZstdCompressor(level=3).compress(data)
        csv_s = time.perf_counter() - start
        size = city.package.stat().st_size
        print(
            f"full city package: {city.manifest['changes']:,} changes, {size / 1e6:.1f} MB,"
            f" exported in {city.export_s:.0f} s"
        )
        print(
            f"CSV of its rows: {len(data) / 1e6:.1f} MB, zstd -3 {len(packed) / 1e6:.1f} MB"
            f" ({csv_s:.1f} s)"
        )
        ratio = size / len(packed)
        print(f"package / compressed CSV: {ratio:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
