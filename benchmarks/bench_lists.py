"""The app's record lists: the first page, a page deep in the list, every id and the unit
picker, for each sort column, on a workspace (the demo or the city one).

    .venv/bin/python benchmarks/bench_lists.py --db PATH [--runs 5]

Run it once with this tree and once with another (PYTHONPATH=OTHER/src) on a copy of the same
workspace to compare two versions side by side; it only reads. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from fieldsurvey.core.store import listing
from fieldsurvey.core.store.db import open_read_only
from fieldsurvey.core.store.listing import ListQuery


def median_ms(call: Callable[[], object], runs: int) -> float:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = open_read_only(args.db)
    print(f"{'list':8} {'sort':13} {'first page':>11} {'page 20':>9} {'all ids':>9}  (ms)")
    total = 0.0
    for table, columns in listing.COLUMNS.items():
        for column in columns:
            query = ListQuery(table, sort=column)

            def deep(q: ListQuery = query) -> None:
                _, cursor = listing.page(db, q)
                for _ in range(19):
                    if cursor is None:
                        break
                    _, cursor = listing.page(db, q, cursor)

            first = median_ms(lambda q=query: listing.page(db, q), args.runs)
            paged = median_ms(deep, max(1, args.runs // 2))
            every = median_ms(lambda q=query: listing.ids(db, q), max(1, args.runs // 2))
            total += first
            print(f"{table:8} {column:13} {first:11.1f} {paged:9.1f} {every:9.1f}")
    units = median_ms(lambda: listing.unit_choices(db), args.runs)
    communes = median_ms(lambda: listing.commune_choices(db), args.runs)
    print(
        f"first pages, every sort: {total:.1f} ms; unit picker {units:.2f} ms; "
        f"commune filter {communes:.2f} ms"
    )


if __name__ == "__main__":
    main()
