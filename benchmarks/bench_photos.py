"""Photo metadata + thumbnail the way the store does it, against the naive way; batch ingest
with one worker against one per core.

    .venv/bin/python benchmarks/bench_photos.py [--count 500] [--out FILE]

1. A 12-megapixel JPEG (4000 × 3000, with EXIF GPS and orientation) is made once. For it, the
   median of --runs timings of: ours — ``read_metadata`` (no pixel decode) + ``render`` of the
   320 px thumbnail (JPEG ``draft`` decodes at 1/8 scale); naive — Pillow full decode
   (``load()``), ``getexif()``, then ``thumbnail()``. Target: ours at most a third of naive.
2. --count distinct copies of that photo are ingested into a fresh workspace with 1 worker, then
   into another with one worker per core (each ingest: copy + SHA-256, metadata, thumbnail,
   display copy, database record). Target: scales with cores.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from _common import machine_info, machine_line, median, say, table, time_runs, verdict, write_json
from fieldsurvey.core.photos.metadata import read_metadata
from fieldsurvey.core.photos.store import THUMBNAIL_PX, ingest_photos, render
from fieldsurvey.core.store.workspace import Workspace

NAME = "bench_photos"
# A real phone photo kept as a test fixture (source in tests/data/photos/SOURCES.md).
PHONE_PHOTO = (
    Path(__file__).resolve().parent.parent / "tests/data/photos/exif-samples/jpg/mobile/jolla.jpg"
)
# Real phone photos kept as test fixtures (sources in tests/data/photos/SOURCES.md).
PHONE_PHOTOS = Path(__file__).resolve().parent.parent / "tests" / "data" / "photos"
PHONE_FILES = (
    "exif-samples/jpg/mobile/HMD_Nokia_8.3_5G.jpg",
    "exif-samples/jpg/mobile/jolla.jpg",
    "exif-samples/jpg/hdr/iphone_hdr_NO.jpg",
)
TARGET_RATIO = 3.0


def make_12mp_jpeg(path: Path) -> Path:
    """A 4000 × 3000 JPEG with detail everywhere (so it compresses like a photo), and EXIF."""
    base = Image.effect_mandelbrot((4000, 3000), (-2.2, -1.2, 1.0, 1.2), 80).convert("RGB")
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    img = Image.blend(base, noise, 0.25)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Bench", "12MP", 6
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (21.0, 1.0, 43.68), "E", (105.0, 51.0, 8.64)
    img.save(path, "JPEG", exif=exif, quality=92)
    return path


def ours(path: Path) -> None:
    read_metadata(path)
    render(path, path.name, THUMBNAIL_PX, path.stat().st_size)


def naive(path: Path) -> None:
    with Image.open(path) as img:
        img.load()
        img.getexif()
        img.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
        img.save(io.BytesIO(), "JPEG")


def distinct_copies(source: Path, folder: Path, count: int) -> list[Path]:
    """Copies that differ by a few bytes after the end-of-image marker: distinct hashes, the
    same decode work."""
    data = source.read_bytes()
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"IMG_{n:04d}.jpg"
        path.write_bytes(data + n.to_bytes(4, "big"))
        paths.append(path)
    return paths


def ingest_time(sources: list[Path], folder: Path, workers: int) -> float:
    with Workspace.open(folder / f"w{workers}.sqlite", create=True) as ws:
        start = time.perf_counter()
        results = ingest_photos(ws, sources, workers=workers)
        elapsed = time.perf_counter() - start
    failed = [r.error for r in results if r.error]
    if failed:
        raise SystemExit(f"{len(failed)} photos failed, e.g. {failed[0]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500, help="photos per batch (default 500)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of one photo")
    parser.add_argument("--out", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-photos-") as tmp:
        folder = Path(tmp)
        photo = make_12mp_jpeg(folder / "12mp.jpg")
        size_mb = photo.stat().st_size / 1e6
        say(f"12 MP JPEG: {size_mb:.1f} MB")
        ours_s = median(time_runs(lambda: ours(photo), args.runs))
        naive_s = median(time_runs(lambda: naive(photo), args.runs))
        ratio = naive_s / ours_s
        say(
            f"metadata + thumbnail: ours {ours_s * 1000:.1f} ms, naive {naive_s * 1000:.1f} ms,"
            f" {ratio:.1f}× faster (target ≥ {TARGET_RATIO:.0f}×: {verdict(ratio >= 3)})"
        )
        with Image.open(PHONE_PHOTO) as img:
            phone_size = img.size
        phone_ours = median(time_runs(lambda: ours(PHONE_PHOTO), args.runs))
        phone_naive = median(time_runs(lambda: naive(PHONE_PHOTO), args.runs))
        phone = {
            "file": PHONE_PHOTO.name,
            "pixels": f"{phone_size[0]}×{phone_size[1]}",
            "mb": PHONE_PHOTO.stat().st_size / 1e6,
            "ours_ms": phone_ours * 1000,
            "naive_ms": phone_naive * 1000,
            "ratio": phone_naive / phone_ours,
        }
        say(
            f"real phone photo {phone['file']} ({phone['pixels']}, {phone['mb']:.1f} MB): ours "
            f"{phone['ours_ms']:.1f} ms, naive {phone['naive_ms']:.1f} ms, {phone['ratio']:.1f}×"
        )
        sources = distinct_copies(photo, folder / "batch", args.count)
        one = ingest_time(sources, folder, 1)
        say(f"ingest {args.count} photos, 1 worker: {one:.1f} s")
        many = ingest_time(sources, folder, cores)
        say(f"ingest {args.count} photos, {cores} workers: {many:.1f} s")
    speedup = one / many
    say(
        table(
            ["measure", "value"],
            [
                ["ours, ms per photo", ours_s * 1000],
                ["naive, ms per photo", naive_s * 1000],
                ["ratio naive / ours", ratio],
                [f"ingest {args.count}, 1 worker, s", one],
                [f"ingest {args.count}, {cores} workers, s", many],
                ["speed-up", speedup],
            ],
        )
    )
    out = write_json(
        NAME,
        {
            "machine": machine,
            "photo_mb": size_mb,
            "ours_ms": ours_s * 1000,
            "naive_ms": naive_s * 1000,
            "ratio": ratio,
            "target_ratio": TARGET_RATIO,
            "ratio_met": ratio >= TARGET_RATIO,
            "phone_photo": phone,
            "batch_count": args.count,
            "batch_one_worker_s": one,
            "batch_workers": cores,
            "batch_all_workers_s": many,
            "batch_speedup": speedup,
        },
        args.out,
    )
    say(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
