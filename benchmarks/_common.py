"""Helpers shared by the benchmark scripts: machine info, timing, tables and JSON output.

Not a benchmark itself. The scripts run as ``python benchmarks/NAME.py``, which puts this
folder first on ``sys.path``, so they import it as ``_common``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
# The city workspace bench_demo_build.py leaves behind (with --keep) for bench_search.py.
CITY_PATH = OUT_DIR / "city.sqlite"


def cpu_model() -> str:
    """The CPU model from /proc/cpuinfo where there is one, else what platform knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Hardware", "Processor") and value.strip():
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def machine_info() -> dict[str, Any]:
    try:
        version = metadata.version("fieldsurvey")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "sqlite_version": sqlite3.sqlite_version,
        "fieldsurvey_version": version,
    }


def machine_line(machine: dict[str, Any]) -> str:
    """One line describing the machine, for tables and the summary."""
    return (
        f"{machine['cpu_model']}, {machine['cpu_count']} CPUs; {machine['platform']}; "
        f"Python {machine['python']}; SQLite {machine['sqlite_version']}"
    )


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def time_runs(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Seconds taken by each of ``runs`` calls of ``fn``, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return float(ordered[index])


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table; numbers right-aligned, text left-aligned."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        all(isinstance(row[i], int | float) for row in rows) if rows else False
        for i in range(len(headers))
    ]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if is_number else value.ljust(width)
            for value, width, is_number in zip(row, widths, numeric, strict=True)
        ).rstrip()

    separator = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), separator, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def write_json(name: str, data: dict[str, Any], out: Path | str | None = None) -> Path:
    """Write ``data`` to ``out`` (default benchmarks/out/NAME.json) and return the path."""
    path = Path(out) if out else OUT_DIR / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"benchmark": name, "run_at": now_iso(), "machine": machine_info(), **data}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def remove_database(path: Path) -> None:
    """Remove a SQLite file with its -wal and -shm companions (a stale -wal would be replayed)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def say(text: str = "") -> None:
    print(text, flush=True)
    sys.stdout.flush()


def resolve_db(arg: Path | None, tmp: Path) -> tuple[Path, str]:
    """The city workspace a benchmark runs on, and where it came from: the one given, the one
    bench_demo_build.py --keep left, or one built into ``tmp`` (about a minute)."""
    if arg:
        return arg, "given with --db"
    if CITY_PATH.exists():
        return CITY_PATH, "reused benchmarks/out/city.sqlite"
    from fieldsurvey.core.demo.generator import build_demo

    path = tmp / "city.sqlite"
    say("No --db and no benchmarks/out/city.sqlite: building the city demo first (~1 min)…")
    start = time.perf_counter()
    build_demo(path, size="city", force=True)
    say(f"built in {time.perf_counter() - start:.1f} s")
    return path, "built into a temporary folder"
