"""Every keystroke of the search benchmark's queries, typed one at a time, on one workspace: what
``search()`` finds and how long it takes.

    .venv/bin/python benchmarks/bench_keystrokes.py --db PATH [--runs N] [--hits FILE]

The queries are bench_search.py's (its fixed ones and 20 drawn from the site names); each prefix
("d", "do", "don"…) is asked --runs times (median). Reports the slowest keystroke, the median
and the sum. With --hits FILE: the hits of every keystroke are written there, or, when FILE
exists, compared with it (run it once with one version of FieldSurvey, then with another, on
workspaces of the same records). Target: the slowest keystroke at most 50 ms. PATH is opened as
a workspace (an older one is upgraded first: use a copy). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import machine_info, machine_line, median, say, time_runs
from bench_search import FIXED_QUERIES, LIMIT, random_queries
from fieldsurvey.core.store import search
from fieldsurvey.core.store.workspace import Workspace


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--hits", type=Path, metavar="FILE")
    args = parser.parse_args()
    say(machine_line(machine_info()))
    ws = Workspace.open(args.db)
    try:
        queries = [*FIXED_QUERIES, *random_queries(ws.db, 20, 2025)]
        typed = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
        ms = {
            t: median(time_runs(lambda t=t: search.search(ws.db, t, limit=LIMIT), args.runs)) * 1000
            for t in typed
        }
        hits = {t: search.search(ws.db, t, limit=LIMIT) for t in typed}
    finally:
        ws.close()
    worst = max(ms, key=lambda t: ms[t])
    say(
        f"{len(typed)} keystrokes, {sum(map(len, hits.values())):,} hits: slowest"
        f" {ms[worst]:.2f} ms ({worst!r}), median {median(list(ms.values())):.3f} ms,"
        f" all {sum(ms.values()):.1f} ms (target: slowest <= 50 ms)"
    )
    if args.hits and args.hits.exists():
        before = json.loads(args.hits.read_text(encoding="utf-8"))
        differ = [t for t in typed if before.get(t) != hits[t]]
        say(f"hits against {args.hits}: {len(differ)} keystrokes differ {differ[:5]}")
    elif args.hits:
        args.hits.write_text(json.dumps(hits, ensure_ascii=False), encoding="utf-8")
        say(f"hits written to {args.hits}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
