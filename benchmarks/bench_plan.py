"""The city camera plan: proposing it for the city, against judging every need against every
camera; and opening the plan screen.

    .venv/bin/python benchmarks/bench_plan.py [--db PATH] [--sample N] [--runs N] [--out FILE]

Without --db, reuses benchmarks/out/city.sqlite if it exists, else builds the city demo into a
temporary folder first. The workspace is copied; the copy is written to, never the original.

1. The city: ``propose`` on the copy (≈ 20,000 needs, 200,000 cameras): existing cameras judged
   through a grid, new cameras placed by the greedy cover, every item written with its history.
   One run (a second would find every need decided).
2. A sample: the --sample needs (default 2,000) nearest Hoàn Kiếm Lake and every camera within
   the longest view range of their box. There the grid (``camera_grid``) is timed against the
   baseline of judging every need against every camera of the sample, the same code otherwise
   (``existing_choices``); both must choose the same camera for every need.
3. The plan screen on the proposed city: ``overview`` (what the screen reads), median of --runs,
   and the dialog from opening to showing the plan (offscreen Qt), median of --runs.

Targets: the city proposal under 30 s; the grid at least 20× faster than every need against
every camera; the plan screen open within 1 s. Nothing is asserted.
"""

from __future__ import annotations

import argparse
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
    resolve_db,
    say,
    table,
    time_runs,
    verdict,
    write_json,
)
from fieldsurvey.core.geo import METRES_PER_DEGREE, distance_m
from fieldsurvey.core.office import plan
from fieldsurvey.core.office.coverage import cameras_with_position
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.views import LONGEST_RANGE_M

NAME = "bench_plan"
TARGET_CITY_S = 30.0
TARGET_RATIO = 20.0
TARGET_SCREEN_S = 1.0
CENTRE = (21.0287, 105.8523)  # Hoàn Kiếm Lake


def sample(ws: Workspace, size: int) -> tuple[list[Any], list[Any]]:
    """The ``size`` needs nearest the centre, and the cameras that could see any of them."""
    needs = sorted(plan.read_needs(ws.db, None), key=lambda n: distance_m(n.lat, n.lon, *CENTRE))[
        :size
    ]
    margin = 1.5 * LONGEST_RANGE_M / METRES_PER_DEGREE
    south, north = min(n.lat for n in needs) - margin, max(n.lat for n in needs) + margin
    west, east = min(n.lon for n in needs) - 2 * margin, max(n.lon for n in needs) + 2 * margin
    cameras = list(cameras_with_position(ws.db, (south, west, north, east)))
    return needs, cameras


def screen_open_s(path: Path, runs: int) -> list[float]:
    """From creating the plan dialog to the plan shown, offscreen."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from _qt import wait_for
    from fieldsurvey.ui.office.plan import PlanDialog

    app = QApplication.instance() or QApplication([])
    times = []
    with Workspace.open(path, user="bench") as ws:
        for _ in range(runs + 1):  # the first one warms up
            shown: list[bool] = []
            start = time.perf_counter()
            dialog = PlanDialog(ws)
            dialog.loaded.connect(lambda box=shown: box.append(True))
            dialog.show()
            wait_for(lambda box=shown: bool(box), 30)
            times.append(time.perf_counter() - start)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
    return times[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH", help="city workspace")
    parser.add_argument("--sample", type=int, default=2_000, help="needs in the sample")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the fast measures")
    parser.add_argument("--out", type=Path, help="where to write the JSON figures")
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as tmp:
        source, origin = resolve_db(args.db, Path(tmp))
        path = Path(tmp) / "city-plan.sqlite"
        shutil.copy(source, path)
        with Workspace.open(path, user="bench") as ws:
            needs_total = ws.db.execute("SELECT count(*) FROM needs WHERE deleted = 0").fetchone()[
                0
            ]
            say(f"workspace: {source} ({origin}), copied; {needs_total:,} needs")

            needs, cameras = sample(ws, args.sample)
            grid_choice = plan.existing_choices(plan.camera_grid(cameras), needs)
            grid_times = time_runs(
                lambda: plan.existing_choices(plan.camera_grid(cameras), needs),
                args.runs,
                warmup=0,
            )
            say(f"baseline: {len(needs):,} needs × {len(cameras):,} cameras (a minute or two)…")
            start = time.perf_counter()
            every_choice = plan.existing_choices(lambda _need: cameras, needs)
            baseline_s = time.perf_counter() - start
            same = {k: v.camera_id for k, v in grid_choice.items()} == {
                k: v.camera_id for k, v in every_choice.items()
            }

            say("proposing the plan for the city…")
            start = time.perf_counter()
            result = plan.propose(ws)
            city_s = time.perf_counter() - start
            overview_times = time_runs(lambda: plan.overview(ws.db), args.runs)
        screen_times = screen_open_s(path, args.runs)
    grid_s = median(grid_times)
    ratio = baseline_s / grid_s if grid_s else float("inf")
    overview_s, screen_s = median(overview_times), median(screen_times)
    items = sum(result.written.values())
    say()
    say(
        table(
            ["measure", "needs", "seconds", "result"],
            [
                ["propose, whole city (one run)", needs_total, city_s, f"{items:,} items"],
                ["grid, sample (median)", len(needs), grid_s, f"{len(grid_choice)} served"],
                ["every camera, sample (one run)", len(needs), baseline_s, f"same: {same}"],
                ["plan screen data (median)", needs_total, overview_s, ""],
                ["plan screen open (median)", needs_total, screen_s, ""],
            ],
        )
    )
    say()
    say(f"written: {result.written}; needs left to place by hand: {len(result.needs_left)}")
    say(
        f"city proposal: {city_s:.1f} s (target < {TARGET_CITY_S:.0f} s): "
        f"{verdict(city_s < TARGET_CITY_S)}"
    )
    say(
        f"sample: grid {ratio:,.0f}× faster than every need × every camera "
        f"(target ≥ {TARGET_RATIO:.0f}×): {verdict(ratio >= TARGET_RATIO)}; same choices: {same}"
    )
    say(
        f"plan screen: {screen_s:.2f} s (target < {TARGET_SCREEN_S:.0f} s): "
        f"{verdict(screen_s < TARGET_SCREEN_S)}"
    )
    data: dict[str, Any] = {
        "workspace": str(source),
        "workspace_origin": origin,
        "needs": needs_total,
        "city_propose_s": city_s,
        "written": result.written,
        "needs_left": len(result.needs_left),
        "sample_needs": len(needs),
        "sample_cameras": len(cameras),
        "sample_grid_seconds": grid_times,
        "sample_grid_median_s": grid_s,
        "sample_every_camera_s": baseline_s,
        "same_choices": same,
        "ratio": ratio,
        "overview_seconds": overview_times,
        "screen_seconds": screen_times,
        "targets": {"city_s": TARGET_CITY_S, "ratio": TARGET_RATIO, "screen_s": TARGET_SCREEN_S},
        "met": {
            "city": city_s < TARGET_CITY_S,
            "ratio": ratio >= TARGET_RATIO and same,
            "screen": screen_s < TARGET_SCREEN_S,
        },
    }
    say(f"figures: {write_json(NAME, data, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
