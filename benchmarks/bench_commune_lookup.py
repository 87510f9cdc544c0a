"""Which commune a point lies in: ``commune_at`` (R*Tree + point-in-polygon) against brute force.

    /tmp/venv/bin/python benchmarks/bench_commune_lookup.py [--db PATH] [--out FILE]

On a fresh workspace (or --db PATH), looks up 10,000 seeded random points in Hà Nội's bounding
box with ``commune_at`` and with a brute-force baseline that tests every commune polygon with
``point_in_rings`` (polygons parsed once, outside the timing), in the same id order, so the two
must agree. For information, also a brute force that skips polygons whose bounding box misses
the point. Reports µs per lookup, the ratio and the number of mismatching answers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import (
    machine_info,
    machine_line,
    median,
    percentile,
    say,
    table,
    write_json,
)
from fieldsurvey.core.reference import COMMUNE, commune_at, point_in_rings
from fieldsurvey.core.workspace import Workspace

NAME = "bench_commune_lookup"
# Hà Nội's bounding box (lon, lat).
BBOX = (105.28, 20.56, 106.03, 21.39)
Polygon = tuple[tuple[tuple[float, float], ...], ...]


def load_polygons(db: Any) -> list[tuple[str, Polygon, tuple[float, float, float, float]]]:
    """Every commune polygon as (code, rings, bbox), in id order (commune_at's tie-break)."""
    rows = db.conn.execute(
        "SELECT code, ring, min_lon, min_lat, max_lon, max_lat FROM admin_boundaries "
        "WHERE level = ? ORDER BY id", [COMMUNE])
    return [
        (str(code), tuple(tuple((float(p[0]), float(p[1])) for p in ring)
                          for ring in json.loads(text)), (x0, y0, x1, y1))
        for code, text, x0, y0, x1, y1 in rows
    ]


def brute_force(polygons: Sequence[tuple[str, Polygon, Any]]) -> Callable[[float, float],
                                                                          str | None]:
    def lookup(lon: float, lat: float) -> str | None:
        for code, rings, _bbox in polygons:
            if point_in_rings(lon, lat, rings):
                return code
        return None
    return lookup


def brute_force_bbox(polygons: Sequence[tuple[str, Polygon, Any]]) -> Callable[[float, float],
                                                                               str | None]:
    def lookup(lon: float, lat: float) -> str | None:
        for code, rings, (x0, y0, x1, y1) in polygons:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_rings(lon, lat, rings):
                return code
        return None
    return lookup


def timed_lookups(lookup: Callable[[float, float], str | None],
                  points: Sequence[tuple[float, float]]) -> tuple[list[str | None], dict[str, Any]]:
    """Answers and timing (µs per lookup) of ``lookup`` over ``points``, one warm-up pass of
    the first 200 points first."""
    for lon, lat in points[:200]:
        lookup(lon, lat)
    answers: list[str | None] = []
    each: list[float] = []
    clock = time.perf_counter
    start = clock()
    for lon, lat in points:
        t0 = clock()
        answers.append(lookup(lon, lat))
        each.append(clock() - t0)
    total = clock() - start
    micro = [t * 1e6 for t in each]
    return answers, {
        "total_s": total,
        "mean_us": total / len(points) * 1e6,
        "median_us": median(micro),
        "p95_us": percentile(micro, 0.95),
        "max_us": max(micro),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="use this workspace instead of a fresh one (only read)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help=f"JSON output (default benchmarks/out/{NAME}.json)")
    parser.add_argument("--points", type=int, default=10_000, help="points (default 10,000)")
    parser.add_argument("--seed", type=int, default=67, help="seed for the points")
    args = parser.parse_args(argv)

    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    rng = random.Random(args.seed)
    points = [(rng.uniform(BBOX[0], BBOX[2]), rng.uniform(BBOX[1], BBOX[3]))
              for _ in range(args.points)]

    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-") as tmp:
        if args.db:
            ws, origin = Workspace.open(args.db), f"given with --db ({args.db})"
        else:
            ws, origin = Workspace.open(Path(tmp) / "w.sqlite", create=True), "fresh workspace"
        try:
            db = ws.db
            polygons = load_polygons(db)
            vertices = sum(len(ring) for _, rings, _ in polygons for ring in rings)
            communes = len({code for code, _, _ in polygons})
            say(f"{origin}: {len(polygons)} polygons of {communes} communes, "
                f"{vertices:,} vertices; {len(points):,} points in lon {BBOX[0]}–{BBOX[2]}, "
                f"lat {BBOX[1]}–{BBOX[3]}")

            rtree_answers, rtree = timed_lookups(lambda x, y: commune_at(db, x, y), points)
            brute_answers, brute = timed_lookups(brute_force(polygons), points)
            bbox_answers, bbox = timed_lookups(brute_force_bbox(polygons), points)
        finally:
            ws.db.close()

    mismatches = [
        {"lon": lon, "lat": lat, "commune_at": a, "brute_force": b}
        for (lon, lat), a, b in zip(points, rtree_answers, brute_answers, strict=True) if a != b
    ]
    bbox_mismatches = sum(1 for a, b in zip(rtree_answers, bbox_answers, strict=True) if a != b)
    inside = sum(1 for a in rtree_answers if a is not None)
    ratio = brute["mean_us"] / rtree["mean_us"]
    bbox_ratio = bbox["mean_us"] / rtree["mean_us"]

    say()
    say(table(
        ["method", "mean µs", "median µs", "p95 µs", "max µs", "total s", "brute/this"],
        [["commune_at (R*Tree + PIP)", rtree["mean_us"], rtree["median_us"], rtree["p95_us"],
          rtree["max_us"], rtree["total_s"], ratio],
         ["brute force, every polygon", brute["mean_us"], brute["median_us"], brute["p95_us"],
          brute["max_us"], brute["total_s"], 1.0],
         ["brute force + bbox check (info)", bbox["mean_us"], bbox["median_us"], bbox["p95_us"],
          bbox["max_us"], bbox["total_s"], brute["mean_us"] / bbox["mean_us"]]],
    ))
    say(f"\ncommune_at is {ratio:.1f}× faster than brute force; brute force with a bbox check "
        f"takes {1 / bbox_ratio:.2f}× commune_at's time; {inside:,} of {len(points):,} points "
        f"fall in a commune; mismatches vs brute force: {len(mismatches)} (vs bbox variant: "
        f"{bbox_mismatches})")

    out = write_json(NAME, {
        "workspace": origin,
        "params": {"points": len(points), "seed": args.seed, "bbox": BBOX},
        "polygons": len(polygons),
        "communes": communes,
        "vertices": vertices,
        "points_inside_a_commune": inside,
        "commune_at": rtree,
        "brute_force": brute,
        "brute_force_bbox": bbox,
        "ratio_brute_over_commune_at": ratio,
        "ratio_bbox_over_commune_at": bbox_ratio,
        "mismatches": len(mismatches),
        "mismatches_bbox_variant": bbox_mismatches,
        "mismatch_examples": mismatches[:20],
    }, args.out)
    say(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
