"""How long the deterministic demo workspace takes to build, step by step.

    .venv/bin/python benchmarks/bench_demo_build.py [--keep PATH] [--out FILE]

Builds the city demo (50,000 sites, 200,000 cameras) with ``build_demo(size="city",
force=True)`` in a temporary folder, timestamping each step through the progress callback, then
the small demo. Target: the city build under 60 s on a 2-core machine. Nothing is asserted; the
figures are printed and written to benchmarks/out/bench_demo_build.json.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (
    machine_info,
    machine_line,
    median,
    remove_database,
    say,
    table,
    verdict,
    write_json,
)
from fieldsurvey.core.demo.generator import SIZES, build_demo

NAME = "bench_demo_build"
CITY_TARGET_S = 60.0
# The progress messages are the app's (Vietnamese); the English names are for the report.
STEP_NAMES = {
    "Đơn vị": "units",
    "Địa điểm": "sites",
    "Camera": "cameras",
    "Tồn tại, hạn chế": "shortcomings",
    "Nhu cầu": "needs",
    "Giao việc, duyệt": "assignments (+ reviews in small)",
    "Chỉ mục tìm kiếm": "search index rebuild",
}


def timed_build(path: Path, size: str, seed: int) -> dict[str, Any]:
    """Build one demo workspace and return its wall/CPU time, per-step times, size and counts."""
    marks: list[tuple[float, float, str]] = []

    def progress(done: int, total: int, message: str) -> None:
        marks.append((time.perf_counter(), time.process_time(), message))

    cpu_start = time.process_time()
    start = time.perf_counter()
    counts = build_demo(path, size=size, seed=seed, force=True, progress=progress)
    end = time.perf_counter()
    cpu = time.process_time() - cpu_start

    # Each step's wall time, and the CPU time of this process in it (on a machine shared with
    # other work, the wall time grows with the others' load and the CPU time much less).
    steps: list[dict[str, Any]] = []
    if marks:
        steps.append(
            {
                "step": "setup (create file, schema, reference data, recipe)",
                "message": None,
                "seconds": marks[0][0] - start,
                "cpu_seconds": marks[0][1] - cpu_start,
            }
        )
        for (at, cpu_at, message), (next_at, next_cpu, _) in itertools.pairwise(marks):
            steps.append(
                {
                    "step": STEP_NAMES.get(message, message),
                    "message": message,
                    "seconds": next_at - at,
                    "cpu_seconds": next_cpu - cpu_at,
                }
            )
        steps.append(
            {
                "step": "finish (stats, WAL checkpoint, move into place)",
                "message": marks[-1][2],
                "seconds": end - marks[-1][0],
                "cpu_seconds": cpu_start + cpu - marks[-1][1],
            }
        )
    return {
        "size": size,
        "seed": seed,
        "sites_requested": SIZES[size][0],
        "cameras_requested": SIZES[size][1],
        "wall_s": end - start,
        "cpu_s": cpu,
        "file_bytes": path.stat().st_size,
        "counts": counts,
        "steps": steps,
    }


def print_build(result: dict[str, Any]) -> None:
    say(
        table(
            ["step", "seconds", "share", "CPU seconds"],
            [
                [
                    s["step"],
                    s["seconds"],
                    f"{100 * s['seconds'] / result['wall_s']:.0f}%",
                    s["cpu_seconds"],
                ]
                for s in result["steps"]
            ]
            + [["total (wall; CPU of this process)", result["wall_s"], "100%", result["cpu_s"]]],
        )
    )
    counts = result["counts"]
    say(
        f"file: {result['file_bytes'] / 1e6:.1f} MB; counts: "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="PATH",
        help="leave the city workspace at PATH (replacing what is there)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=f"JSON output (default benchmarks/out/{NAME}.json)"
    )
    parser.add_argument("--seed", type=int, default=42, help="demo seed (default 42)")
    parser.add_argument(
        "--small-runs",
        type=int,
        default=3,
        help="how many times to build the small demo (median reported)",
    )
    args = parser.parse_args(argv)

    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-") as tmp:
        folder = Path(tmp)
        say(f"\nBuilding the city demo ({SIZES['city'][0]:,} sites, {SIZES['city'][1]:,} cameras)…")
        city_path = folder / "city.sqlite"
        city = timed_build(city_path, "city", args.seed)
        peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print_build(city)
        met = city["wall_s"] < CITY_TARGET_S
        say(
            f"target: city build under {CITY_TARGET_S:.0f} s on a 2-core machine "
            f"({machine['cpu_count']} CPUs here): {city['wall_s']:.1f} s → {verdict(met)}"
        )
        say(f"peak memory (max RSS) of this process: {peak_rss_mb:,.0f} MB")
        if args.keep:
            keep = args.keep.resolve()
            keep.parent.mkdir(parents=True, exist_ok=True)
            remove_database(keep)
            shutil.move(city_path, keep)
            say(f"city workspace kept at {keep}")

        say(
            f"\nBuilding the small demo ({SIZES['small'][0]:,} sites, "
            f"{SIZES['small'][1]:,} cameras) {args.small_runs} times…"
        )
        smalls = [
            timed_build(folder / f"small{i}.sqlite", "small", args.seed)
            for i in range(args.small_runs)
        ]
        small_times = [s["wall_s"] for s in smalls]
        print_build(smalls[0])
        say(
            "small demo wall times: "
            + ", ".join(f"{t:.2f} s" for t in small_times)
            + f" (median {median(small_times):.2f} s)"
        )

    path = write_json(
        NAME,
        {
            "target": {
                "city_wall_s_under": CITY_TARGET_S,
                "on_cpus": 2,
                "met": met,
                "cpus_here": machine["cpu_count"],
            },
            "city": city,
            "city_peak_rss_mb": peak_rss_mb,
            "city_kept_at": str(args.keep.resolve()) if args.keep else None,
            "small": {
                **smalls[0],
                "runs_wall_s": small_times,
                "median_wall_s": median(small_times),
            },
        },
        args.out,
    )
    say(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
