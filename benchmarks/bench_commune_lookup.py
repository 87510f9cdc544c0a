"""Which commune a point lies in: ``commune_at`` (R*Tree + point-in-polygon) against brute force.

    .venv/bin/python benchmarks/bench_commune_lookup.py [--db PATH] [--out FILE]

On a fresh workspace (or --db PATH), looks up 10,000 seeded random points in Hà Nội's bounding
box with ``commune_at`` and with a brute-force baseline that answers the same question without
the R*Tree: test every commune polygon with ``point_in_rings`` in id order (commune_at's
tie-break); and, where ``commune_at`` also snaps points in the slivers between the simplified
polygons to the nearest commune within ``GAP_TOLERANCE_M``, measure the distance to every
polygon the same way. Polygons are parsed once, outside the timing. For information, also a
brute force that skips polygons whose bounding box is too far from the point. Reports µs per
lookup, the ratio and the number of points where the answers differ.
"""

from __future__ import annotations

import argparse
import json
import math
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
from fieldsurvey.core import reference
from fieldsurvey.core.geo import METRES_PER_DEGREE
from fieldsurvey.core.reference import COMMUNE, commune_at, point_in_rings
from fieldsurvey.core.store.workspace import Workspace

NAME = "bench_commune_lookup"
# Hà Nội's bounding box (lon, lat).
BBOX = (105.28, 20.56, 106.03, 21.39)
Polygon = tuple[tuple[tuple[float, float], ...], ...]


def load_polygons(db: Any) -> list[tuple[str, Polygon, tuple[float, float, float, float]]]:
    """Every commune polygon as (code, rings, bbox), in id order (commune_at's tie-break)."""
    rows = db.conn.execute(
        "SELECT code, ring, min_lon, min_lat, max_lon, max_lat FROM admin_boundaries "
        "WHERE level = ? ORDER BY id",
        [COMMUNE],
    )
    return [
        (
            str(code),
            tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in json.loads(text)),
            (x0, y0, x1, y1),
        )
        for code, text, x0, y0, x1, y1 in rows
    ]


# Points in a gap between polygons go to the nearest commune within this many metres, in the
# versions of commune_at that do so (None: a point outside every polygon is in no commune).
GAP_TOLERANCE_M: float | None = getattr(reference, "GAP_TOLERANCE_M", None)
_distance = getattr(reference, "distance_to_rings_m", None)
Lookup = Callable[[float, float], str | None]


def brute_force(polygons: Sequence[tuple[str, Polygon, Any]]) -> Lookup:
    def lookup(lon: float, lat: float) -> str | None:
        for code, rings, _bbox in polygons:
            if point_in_rings(lon, lat, rings):
                return code
        if GAP_TOLERANCE_M is None or _distance is None:
            return None
        best: tuple[float, str] | None = None
        for code, rings, _bbox in polygons:
            distance = _distance(lon, lat, rings)
            if distance <= GAP_TOLERANCE_M and (best is None or distance < best[0]):
                best = (distance, code)
        return None if best is None else best[1]

    return lookup


def brute_force_bbox(polygons: Sequence[tuple[str, Polygon, Any]]) -> Lookup:
    """Brute force that skips a polygon when its bounding box (grown by the gap tolerance,
    converted to degrees at the point's latitude) cannot hold the answer."""

    def lookup(lon: float, lat: float) -> str | None:
        for code, rings, (x0, y0, x1, y1) in polygons:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_rings(lon, lat, rings):
                return code
        if GAP_TOLERANCE_M is None or _distance is None:
            return None
        dy = GAP_TOLERANCE_M / METRES_PER_DEGREE
        dx = dy / math.cos(math.radians(lat))
        best: tuple[float, str] | None = None
        for code, rings, (x0, y0, x1, y1) in polygons:
            if x0 - dx <= lon <= x1 + dx and y0 - dy <= lat <= y1 + dy:
                distance = _distance(lon, lat, rings)
                if distance <= GAP_TOLERANCE_M and (best is None or distance < best[0]):
                    best = (distance, code)
        return None if best is None else best[1]

    return lookup


def timed_lookups(
    lookup: Lookup, points: Sequence[tuple[float, float]], warmup: int
) -> tuple[list[str | None], dict[str, Any]]:
    """Answers and timing (µs per lookup) of ``lookup`` over ``points``, after an untimed pass
    over the first ``warmup`` points."""
    for lon, lat in points[:warmup]:
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


def _metres(distance: float | None) -> str:
    return "—" if distance is None else f"{distance:.0f} m away"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="use this workspace instead of a fresh one (only read)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=f"JSON output (default benchmarks/out/{NAME}.json)"
    )
    parser.add_argument("--points", type=int, default=10_000, help="points (default 10,000)")
    parser.add_argument("--seed", type=int, default=67, help="seed for the points")
    args = parser.parse_args(argv)

    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    rng = random.Random(args.seed)
    points = [
        (rng.uniform(BBOX[0], BBOX[2]), rng.uniform(BBOX[1], BBOX[3])) for _ in range(args.points)
    ]

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
            say(
                f"{origin}: {len(polygons)} polygons of {communes} communes, "
                f"{vertices:,} vertices; {len(points):,} points in lon {BBOX[0]}–{BBOX[2]}, "
                f"lat {BBOX[1]}–{BBOX[3]}"
            )

            # commune_at parses a polygon the first time it meets it (then caches it), while the
            # baselines parsed theirs above: a full untimed pass first keeps parsing out of its
            # timing too. The baselines keep no cache, so a short warm-up is enough for them.
            rtree_answers, rtree = timed_lookups(
                lambda x, y: commune_at(db, x, y), points, warmup=len(points)
            )
            brute_answers, brute = timed_lookups(brute_force(polygons), points, warmup=200)
            bbox_answers, bbox = timed_lookups(brute_force_bbox(polygons), points, warmup=200)
        finally:
            ws.db.close()

    mismatches = [
        {"lon": lon, "lat": lat, "commune_at": a, "brute_force": b}
        for (lon, lat), a, b in zip(points, rtree_answers, brute_answers, strict=True)
        if a != b
    ]
    polygon_of = dict(enumerate(polygons))
    for m in mismatches:
        # How far the point is from each answer's polygons, to see why they differ.
        for key in ("commune_at", "brute_force"):
            code = m[key]
            m[f"{key}_distance_m"] = (
                None
                if code is None or _distance is None
                else min(
                    _distance(m["lon"], m["lat"], rings)
                    for _, (c, rings, _) in polygon_of.items()
                    if c == code
                )
            )
    bbox_mismatches = sum(1 for a, b in zip(rtree_answers, bbox_answers, strict=True) if a != b)
    inside = sum(1 for a in rtree_answers if a is not None)
    ratio = brute["mean_us"] / rtree["mean_us"]
    bbox_ratio = bbox["mean_us"] / rtree["mean_us"]

    say()
    say(
        table(
            ["method", "mean µs", "median µs", "p95 µs", "max µs", "total s", "brute/this"],
            [
                [
                    "commune_at (R*Tree + PIP)",
                    rtree["mean_us"],
                    rtree["median_us"],
                    rtree["p95_us"],
                    rtree["max_us"],
                    rtree["total_s"],
                    ratio,
                ],
                [
                    "brute force, every polygon",
                    brute["mean_us"],
                    brute["median_us"],
                    brute["p95_us"],
                    brute["max_us"],
                    brute["total_s"],
                    1.0,
                ],
                [
                    "brute force + bbox check (info)",
                    bbox["mean_us"],
                    bbox["median_us"],
                    bbox["p95_us"],
                    bbox["max_us"],
                    bbox["total_s"],
                    brute["mean_us"] / bbox["mean_us"],
                ],
            ],
        )
    )
    say(
        f"\ncommune_at is {ratio:.1f}× faster than brute force; brute force with a bbox check "
        f"takes {bbox_ratio:.2f}× commune_at's time; {inside:,} of {len(points):,} points "
        f"get a commune; mismatches vs brute force: {len(mismatches)} (vs bbox variant: "
        f"{bbox_mismatches})"
    )

    if GAP_TOLERANCE_M is not None:
        say(
            f"(both snap a point outside every polygon to the nearest commune within "
            f"{GAP_TOLERANCE_M:.0f} m)"
        )
    for m in mismatches[:5]:
        say(
            f"  mismatch at ({m['lon']:.6f}, {m['lat']:.6f}): commune_at {m['commune_at']} "
            f"({_metres(m['commune_at_distance_m'])}), brute force {m['brute_force']} "
            f"({_metres(m['brute_force_distance_m'])})"
        )

    out = write_json(
        NAME,
        {
            "workspace": origin,
            "gap_tolerance_m": GAP_TOLERANCE_M,
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
        },
        args.out,
    )
    say(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
