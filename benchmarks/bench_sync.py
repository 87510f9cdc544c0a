"""Importing a sync package against the floor: the same bytes decrypted, unpacked and hashed,
the same rows inserted bare, the same photos copied.

    .venv/bin/python benchmarks/bench_sync.py [--cameras 10000] [--photos 1000] [--out FILE]
        [--city-office [PATH]] [--city-package [--city-surveyor PATH]] [--city-runs N]

1. Setup, not timed: an office and a surveyor workspace, each with its own device identity,
   enrolled with each other. On the surveyor: the demo recipe's units, one site per 4 cameras,
   --cameras cameras, and --photos distinct 640 × 480 JPEGs with EXIF (GPS at their camera,
   time, make and model) ingested with ``ingest_photos`` and linked to cameras. Then
   ``export_package`` to the office (its time and size are reported).
2. ``import_package`` into a fresh copy of the office workspace (the .sqlite file copied, no
   -wal or -shm), median of --runs runs, each on its own copy. Before each run ``os.sync()``
   flushes what earlier steps wrote, so no run pays for another's writes.
3. The floor, median of --runs runs the same way: (a) ``open_package`` into an empty staging
   folder (copy in, decrypt, untar, SHA-256 of every entry, signature); (b) changes.jsonl parsed
   and its rows inserted with sqlite-utils ``insert_all`` into a fresh plain SQLite file with the
   workspace's journal settings (WAL, synchronous FULL), in one transaction: one row per
   record with its final values, and the change rows (a log entry the package carries
   without its change, the recipient's own or one out of its sight, as a row of its own
   table); no validation, merge or search index;
   (c) the photos copied into a folder. Target: import at most 2 × (a + b + c). For
   information, (c) is also timed with an fsync per file (the store makes its files durable).
4. One more import with its steps timed (open_package, reading and validating the changes,
   storing the photos, applying the changes), to set each against its part of the floor.
5. Memory: the import once in a child process (its peak RSS before and after the import), once
   under tracemalloc (Python heap peak), and the peak RSS of this process (setup included).
   Then once under cProfile: the top entries by cumulative time from FieldSurvey's code (the
   photo workers run in other processes, so their work shows as waiting in ``run_in_workers``).

At city scale, behind flags (each measured against its own floor, the same three parts as
above, in the same run). A demo workspace takes packages only from demo devices of its own demo
(refusal ``demo-mismatch``, ``keys.check_demo_match``) and the surveyor above is a real device,
so both cases are exchanges between demo devices of one demo (seed 42), no check bypassed:

``--city-office [PATH]``: a package of --cameras cameras and --photos photos imported into an
   office that already holds the city. The office: a copy of PATH (a city office demo, e.g.
   ``benchmarks/out/city.sqlite``, never written to: it is copied, and the copy migrated when
   opened; it must come from the same demo recipe as this checkout's, or the office's first
   log entries, the demo's units, differ from the surveyor's copy of them and the import
   refuses the package as altered: a city.sqlite built before the units took their official
   capitalisation is refused so, which the setup says before it starts), else one built with
   ``build_demo(size="city", role="office")`` (~2 min); ANALYZE ran
   when it was built, so its ``sqlite_stat1`` is as a long-used workspace has it (whether it is
   there is reported). The surveyor: the demo's surveyor s1 (``build_demo(role="surveyor",
   device="s1")``, the small demo), which first sends its own demo survey to the office and
   gets the office's package back (setup, not timed), so the office's acknowledgement leaves
   only the new work in the measured package; then it gets --cameras cameras (as above,
   ``fill_surveyor``) and --photos photos (``add_photos``), and ``export_package`` to the
   office gives the package measured.
``--city-package``: the whole city exported with ``export_package(..., full=True)`` from the
   demo's city surveyor s1 (``build_demo(size="city", role="surveyor", device="s1")``, or a
   copy of --city-surveyor PATH) and imported into a fresh demo office. A demo office is never
   empty: the freshest there is, is the small demo office just built
   (``build_demo(role="office")``: 300 sites, ~1,000 cameras, the demo's units, 40 photos),
   and that is the office here. The surveyor's city holds no assignments or reviews (they are
   the office's), so its package has fewer changes than the city office's log.

For each city case: --city-runs runs (default 1; the README's figures say how many), each an
import into a fresh copy of the office (its photo folder copied too) in a child process, which
reports the import's time, its steps (as in 4) and its peak RSS before and after the import
(VmHWM), each followed by a floor run; then, unless --no-profile, one import under cProfile.
No tracemalloc run at city scale (it would take several times as long). --city-only leaves
out the 10,000 cameras into a fresh office (steps 1–5).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from PIL import Image, ImageDraw

from _common import (
    machine_info,
    machine_line,
    median,
    now_iso,
    remove_database,
    say,
    table,
    verdict,
    write_json,
)
from fieldsurvey.core.demo.generator import _Recipe, build_demo
from fieldsurvey.core.photos.store import ingest_photos
from fieldsurvey.core.store import search
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.records import RECORD_KINDS
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync import export, importing, incoming, merge, package_format, rotation
from fieldsurvey.core.sync.package import open_package
from fieldsurvey.core.text import fold
from fieldsurvey.core.trust import keys

NAME = "bench_sync"
TARGET_RATIO = 2.0
CITY_TARGET_RATIO = 1.5
CAMERAS_PER_SITE = 4
# The recipe's dates (due dates, …) are counted from this day, as build_demo's are by default.
TODAY = dt.date.today()
PHOTO_SIZE = (640, 480)
# The import's steps, timed by wrapping these functions for one extra (untimed) import. The
# indented ones run inside apply_changes.
STEPS = (
    ("open_package", rotation, "open_package"),
    ("check the log: schema, chains, signed heads, roles (first pass)", incoming._LogCheck, "scan"),
    ("store photo originals", importing, "_store_photos"),
    ("apply changes", importing, "apply_changes"),
    ("  write new records from their insert", merge, "_write_inserted"),
    ("  materialise records", merge, "_materialise"),
    ("  search index", merge, "_index"),
)


# -- setup ---------------------------------------------------------------------------------------


def new_workspace(path: Path, role: str, name: str) -> Workspace:
    path.parent.mkdir(parents=True, exist_ok=True)
    ws = Workspace.open(path, create=True, user="bench")
    with ws.db.atomic():
        ws.set_setting("role", role)
        ws.set_setting("device_name", name)
    package_format.identity(ws)
    return ws


def enrol_each_other(office: Workspace, surveyor: Workspace) -> None:
    at = now_iso()
    for ws, peer in ((office, surveyor), (surveyor, office)):
        with ws.db.atomic():
            keys.enrol(ws.db, package_format.identity(peer).public(), at=at)


def send_units(office: Workspace, surveyor: Workspace, folder: Path) -> None:
    """The office writes the demo recipe's units (reference data is the office's) and sends them
    to the surveyor, as at enrolment."""
    with office.transaction():
        office.insert_many("units", _Recipe(office, random.Random(0), "small", TODAY).units())
    package = folder / "units.fspkg"
    export.export_package(office, package, recipient_id=surveyor.device_id)
    importing.import_package(surveyor, package)
    package.unlink()


def fill_surveyor(ws: Workspace, cameras: int, seed: int) -> list[dict[str, Any]]:
    """The demo's recipe: one site per CAMERAS_PER_SITE cameras, the cameras (its units came
    from the office)."""
    recipe = _Recipe(ws, random.Random(seed), "small", TODAY)
    recipe.units()  # the recipe's unit ids, already here
    with ws.transaction():
        sites = recipe.sites(max(1, cameras // CAMERAS_PER_SITE), featured=False)
        ws.insert_many("sites", sites, index=False)
        rows = recipe.cameras(sites, cameras)
        ws.insert_many("cameras", rows, index=False)
        search.rebuild(ws.db)
    return rows


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round(((value - degrees) * 60 - minutes) * 60, 3))


def make_photos(folder: Path, cameras: list[dict[str, Any]], count: int) -> list[tuple[str, Path]]:
    """``count`` distinct 640 × 480 JPEGs, one per camera spread over the list: detail and noise
    (so they compress like photos, ~70 KB), a label, and EXIF as a phone writes it."""
    folder.mkdir()
    base = Image.effect_mandelbrot(PHOTO_SIZE, (-2.2, -1.2, 1.0, 1.2), 60).convert("RGB")
    step = max(1, len(cameras) // max(1, count))
    out = []
    for n in range(count):
        camera = cameras[(n * step) % len(cameras)]
        img = Image.blend(base, Image.effect_noise(PHOTO_SIZE, 20).convert("RGB"), 0.3)
        draw = ImageDraw.Draw(img)
        x, y = (n * 37) % 560, (n * 53) % 400
        draw.rectangle((x, y, x + 80, y + 60), fill=(n % 256, (n * 7) % 256, (n * 13) % 256))
        label = fold(camera["name"] or "").encode("ascii", "replace").decode()
        draw.text((12, 12), f"{n:05d} {label[:60]}", fill=(0, 0, 0))
        exif = Image.Exif()
        exif[0x010F], exif[0x0110], exif[0x0112] = "Bench", "Survey Phone", 1
        details = exif.get_ifd(0x8769)
        details[0x9003] = f"2025:03:{1 + n % 28:02d} {8 + n % 10:02d}:{n % 60:02d}:00"
        details[0x9011] = "+07:00"
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", _dms(camera["lat"])
        gps[3], gps[4] = "E", _dms(camera["lon"])
        path = folder / f"IMG_{n + 1:05d}.jpg"
        img.save(path, "JPEG", exif=exif, quality=85)
        out.append((str(camera["id"]), path))
    return out


def add_photos(ws: Workspace, files: list[tuple[str, Path]]) -> None:
    results = ingest_photos(ws, [path for _, path in files])
    failed = [r.error for r in results if r.error]
    if failed:
        raise SystemExit(f"{len(failed)} photos failed, e.g. {failed[0]}")
    links = [
        {"photo_id": r.photo_id, "record_table": "cameras", "record_id": camera_id}
        for (camera_id, _), r in zip(files, results, strict=True)
    ]
    ws.insert_many("photo_links", links)


def close_clean(ws: Workspace) -> None:
    """Fold the WAL into the file so a copy of the .sqlite alone is the whole workspace."""
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.close()


def fresh_copy(source: Path, folder: Path) -> Path:
    """A copy of the workspace file alone in a new folder (so no photo folder either), with
    everything written so far flushed to disk, so each run starts from the same state."""
    folder.mkdir(parents=True)
    target = folder / source.name
    remove_database(target)
    shutil.copyfile(source, target)
    os.sync()  # each run starts with no backlog of dirty pages to flush
    return target


# -- the timed work --------------------------------------------------------------------------------


def import_into(office: Path, package: Path) -> tuple[float, importing.ImportReport]:
    ws = Workspace.open(office)
    try:
        start = time.perf_counter()
        report = importing.import_package(ws, package)
        elapsed = time.perf_counter() - start
    finally:
        ws.close()
    return elapsed, report


class Floor:
    """The least work the import must do with the same package, in three timed parts."""

    def __init__(self, office: Path) -> None:
        ws = Workspace.open(office)
        try:
            me = package_format.identity(ws)
            peers = {
                p["device_id"]: keys.trusted_peer(ws.db, p["device_id"])
                for p in keys.list_peers(ws.db)
            }
        finally:
            ws.close()
        self.recipient_key = me.encryption_private
        self.fingerprint = me.public().fingerprint
        self.signing = {
            device: Ed25519PublicKey.from_public_bytes(peer.signing_public)
            for device, peer in peers.items()
            if peer is not None
        }

    def run(self, package: Path, folder: Path) -> dict[str, float]:
        folder.mkdir(parents=True)
        start = time.perf_counter()
        opened = open_package(
            package,
            staging=folder / "staging",
            recipient_key=self.recipient_key,
            recipient_fingerprint=self.fingerprint,
            trusted_signer=self.signing.get,
        )
        a = time.perf_counter() - start

        start = time.perf_counter()
        bare_insert(opened.entry_paths["changes.jsonl"], folder / "plain.sqlite")
        b = time.perf_counter() - start

        start = time.perf_counter()
        target = folder / "photos"
        target.mkdir()
        for name, path in opened.entry_paths.items():
            if name.startswith("photos/"):
                shutil.copyfile(path, target / name.split("/", 1)[1])
        c = time.perf_counter() - start

        # For information, not in the floor: the same copies made durable (the store fsyncs).
        start = time.perf_counter()
        target = folder / "photos-fsync"
        target.mkdir()
        for name, path in opened.entry_paths.items():
            if name.startswith("photos/"):
                copy = target / name.split("/", 1)[1]
                shutil.copyfile(path, copy)
                with copy.open("rb+") as handle:
                    os.fsync(handle.fileno())
        c_fsync = time.perf_counter() - start
        return {"a": a, "b": b, "c": c, "total": a + b + c, "c_fsync": c_fsync}


def bare_insert(changes_path: Path, db_path: Path) -> dict[str, int]:
    """Parse the changes and insert them as they are, plus each record's final values."""
    changes: list[dict[str, Any]] = []
    withheld: list[dict[str, Any]] = []  # log entries sent without their change (device, seq)
    records: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    with changes_path.open("rb") as fh:
        for line in fh:
            change = json.loads(line)
            if "table_name" not in change:
                withheld.append(change)
                continue
            change.setdefault("at", None)  # a change timed by its clock travels without it
            changes.append(change)
            table_records = records[change["table_name"]]
            record = table_records.get(change["record_id"])
            if record is None:
                names = RECORD_KINDS[change["table_name"]].field_names
                record = {"id": change["record_id"], "deleted": 0, **dict.fromkeys(names)}
                table_records[change["record_id"]] = record
            for name, triple in change["fields"].items():
                record[name] = triple[1]
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    db = sqlite_utils.Database(conn)
    try:
        with db.atomic():
            db["changes"].insert_all(changes)  # type: ignore[union-attr]
            if withheld:
                db["log_entries"].insert_all(withheld)  # type: ignore[union-attr]
            for name, rows in records.items():
                db[name].insert_all(rows.values())  # type: ignore[union-attr]
    finally:
        db.close()
    return {name: len(rows) for name, rows in records.items()}


# -- memory and profile ----------------------------------------------------------------------------


def _rss_mb(value: int) -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def peak_rss_mb() -> float:
    """This process's peak RSS. Linux carries ru_maxrss over fork + exec (a child would report
    its parent's peak), so there VmHWM, which is the current program's own, is read instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child_import(office: Path, package: Path) -> None:
    """Run in a child process: the import alone, then print its peak RSS as JSON."""
    before = peak_rss_mb()
    import_into(office, package)
    print(json.dumps({"rss_before_mb": before, "rss_after_mb": peak_rss_mb()}))


def memory_in_child(office: Path, package: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child-import", str(office), str(package)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def import_steps(office: Path, package: Path) -> dict[str, float]:
    """One import with its steps timed (wall clock, no profiler); "other" is the rest."""
    spent: dict[str, float] = defaultdict(float)
    originals = [(module, name, getattr(module, name)) for _, module, name in STEPS]

    def timed(label: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - start

        return wrapper

    for (label, _, _), (module, name, fn) in zip(STEPS, originals, strict=True):
        setattr(module, name, timed(label, fn))
    try:
        total, _ = import_into(office, package)
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    steps = {label: spent[label] for label, _, _ in STEPS}
    steps["other"] = total - sum(v for k, v in steps.items() if not k.startswith(" "))
    steps["total"] = total
    return steps


def traced_import(office: Path, package: Path) -> float:
    """Peak of the Python heap during one import, in MB."""
    ws = Workspace.open(office)
    try:
        tracemalloc.start()
        tracemalloc.reset_peak()
        importing.import_package(ws, package)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        ws.close()
    return peak / 1e6


def profiled_import(office: Path, package: Path, top: int = 10) -> dict[str, Any]:
    ws = Workspace.open(office)
    profile = cProfile.Profile()
    try:
        profile.enable()
        importing.import_package(ws, package)
        profile.disable()
    finally:
        ws.close()
    stats = pstats.Stats(profile)
    entries = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/fieldsurvey/" not in filename.replace("\\", "/"):
            continue
        short = filename.replace("\\", "/").split("/fieldsurvey/", 1)[1]
        entries.append(
            {
                "function": f"{short}:{line}({func})",
                "calls": ncalls,
                "tottime_s": tottime,
                "cumtime_s": cumtime,
            }
        )
    entries.sort(key=lambda e: e["cumtime_s"], reverse=True)
    total = entries[0]["cumtime_s"] if entries else 0.0
    return {"total_s": total, "top": entries[:top]}


# -- city scale ----------------------------------------------------------------------------------

CITY_SEED = 42  # the demo's seed (build_demo's default): every demo workspace here is of it


def copy_workspace(source: Path, target: Path) -> Path:
    """A copy of a workspace file (with its photo folder, if it has one) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_database(target)
    shutil.copyfile(source, target)
    if photo_folder(source).exists():
        shutil.copytree(photo_folder(source), photo_folder(target))
    return target


def fresh_workspace_copy(source: Path, folder: Path) -> Path:
    """As ``fresh_copy``, with the workspace's photo folder (an office that holds photos)."""
    target = copy_workspace(source, folder / source.name)
    os.sync()
    return target


def demo_facts(path: Path) -> dict[str, Any]:
    """Its demo settings and whether SQLite's statistics are there (a long-used workspace's)."""
    conn = sqlite3.connect(str(path))
    try:
        settings = dict(conn.execute("SELECT key, value FROM workspace").fetchall())
        stat1 = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone()[0]
        stat_rows = conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] if stat1 else 0
        counts = {
            name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("sites", "cameras", "photos", "changes")
        }
    finally:
        conn.close()
    return {
        "role": settings.get("role"),
        "demo_seed": settings.get("demo_seed"),
        "demo_size": settings.get("demo_size"),
        "sqlite_stat1_rows": stat_rows,
        "counts": counts,
    }


def build_or_copy(source: Path | None, target: Path, **demo: Any) -> str:
    """``target``: a copy of ``source`` if given, else the demo built there. Then opened once
    (which migrates it) and folded, so copies of the file alone are the whole workspace."""
    start = time.perf_counter()
    if source is not None:
        copy_workspace(source, target)
        how = f"copied from {source}"
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        build_demo(target, seed=CITY_SEED, **demo)
        how = f"built with build_demo({', '.join(f'{k}={v!r}' for k, v in demo.items())})"
    close_clean(Workspace.open(target))
    say(f"{target.name}: {how} in {time.perf_counter() - start:.0f} s")
    return how


def same_office_log(office: Workspace, surveyor: Workspace) -> bool:
    """Whether the entries of the office's log that the demo surveyor holds (the demo's units,
    written by the office's derived key in every demo workspace) are the office's own."""
    query = "SELECT seq, digest FROM log_entries WHERE device_id = ? ORDER BY seq"
    held = surveyor.db.execute(query, [office.device_id]).fetchall()
    own = dict(office.db.execute(query, [office.device_id]).fetchall())
    return all(own.get(seq) == digest for seq, digest in held)


def send_package(sender: Workspace, receiver: Workspace, package: Path) -> None:
    export.export_package(sender, package, recipient_id=receiver.device_id)
    importing.import_package(receiver, package)
    package.unlink()


def child_timed_import(office: Path, package: Path) -> None:
    """Run in a child process: one import with its steps timed, then its time, steps, report
    and peak RSS (before and after the import) printed as JSON."""
    before = peak_rss_mb()
    report: dict[str, Any] = {}
    real_import = importing.import_package

    def keep_report(*args: Any, **kwargs: Any) -> importing.ImportReport:
        result = real_import(*args, **kwargs)
        report.update(applied=result.applied, new=result.new, photos=result.photos)
        report.update(conflicts=result.conflicts, warnings=len(result.warnings))
        return result

    importing.import_package = keep_report  # type: ignore[assignment]
    steps = import_steps(office, package)
    after = peak_rss_mb()
    print(
        json.dumps(
            {"steps": steps, "report": report, "rss_before_mb": before, "rss_after_mb": after}
        )
    )


def timed_import_in_child(office: Path, package: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child-timed-import", str(office), str(package)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_city_case(
    label: str, office: Path, package: Path, folder: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Imports of ``package`` into fresh copies of ``office`` against the floor, then the
    profile."""
    floor = Floor(office)
    runs: list[dict[str, Any]] = []
    floors: list[dict[str, float]] = []
    for n in range(args.city_runs):
        copy = fresh_workspace_copy(office, folder / f"{label}-import-{n}")
        runs.append(timed_import_in_child(copy, package))
        shutil.rmtree(folder / f"{label}-import-{n}")
        os.sync()
        floors.append(floor.run(package, folder / f"{label}-floor-{n}"))
        shutil.rmtree(folder / f"{label}-floor-{n}")
        last = floors[-1]
        say(
            f"{label} run {n + 1}: import {runs[-1]['steps']['total']:.1f} s (peak RSS "
            f"{runs[-1]['rss_after_mb']:.0f} MB); floor {last['total']:.1f} s (a {last['a']:.1f}"
            f" + b {last['b']:.1f} + c {last['c']:.1f})"
        )
    profile = None
    if not args.no_profile:
        copy = fresh_workspace_copy(office, folder / f"{label}-profiled")
        profile = profiled_import(copy, package, top=15)
        shutil.rmtree(folder / f"{label}-profiled")
    import_s = median([r["steps"]["total"] for r in runs])
    floor_s = {
        part: median([f[part] for f in floors]) for part in ("a", "b", "c", "total", "c_fsync")
    }
    ratio = import_s / floor_s["total"]
    return {
        "runs": args.city_runs,
        "import_runs_s": [r["steps"]["total"] for r in runs],
        "import_s": import_s,
        "import_report": runs[-1]["report"],
        "import_steps_s": runs[-1]["steps"],
        "floor_runs": floors,
        "floor_open_package_s": floor_s["a"],
        "floor_bare_insert_s": floor_s["b"],
        "floor_copy_photos_s": floor_s["c"],
        "floor_s": floor_s["total"],
        "copy_photos_fsync_s": floor_s["c_fsync"],
        "ratio": ratio,
        "target_ratio": CITY_TARGET_RATIO,
        "ratio_met": ratio <= CITY_TARGET_RATIO,
        "memory": {
            "rss_before_mb": max(r["rss_before_mb"] for r in runs),
            "rss_after_mb": max(r["rss_after_mb"] for r in runs),
        },
        "profile": profile,
    }


def package_facts(package: Path, manifest: dict[str, Any], export_s: float) -> dict[str, Any]:
    return {
        "export_s": export_s,
        "package_mb": package.stat().st_size / 1e6,
        "changes_jsonl_mb": manifest["entries"]["changes.jsonl"]["size"] / 1e6,
        "package_changes": manifest["changes"],
        "package_photos": manifest["photos"],
    }


def run_city_office(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    """--city-office: --cameras cameras and --photos photos from the demo's surveyor s1 into
    an office that holds the city."""
    folder.mkdir()
    office_path = folder / "office" / "office.sqlite"
    how = build_or_copy(args.city_office or None, office_path, size="city", role="office")
    facts = demo_facts(office_path)
    if (facts["role"], facts["demo_size"]) != ("office", "city"):
        raise SystemExit(f"--city-office: not a city office demo ({facts})")
    if not facts["sqlite_stat1_rows"]:
        say("WARNING: the city office has no sqlite_stat1 (no ANALYZE)")
    surveyor_path = folder / "s1" / "s1.sqlite"
    build_or_copy(None, surveyor_path, role="surveyor", device="s1")
    start = time.perf_counter()
    office = Workspace.open(office_path)
    surveyor = Workspace.open(surveyor_path)
    if not same_office_log(office, surveyor):
        raise SystemExit(
            "--city-office: its first entries of the office's log (the demo's units) differ from"
            " the ones the demo surveyor built now holds, so it would refuse the surveyor's"
            " package as altered: it was built by an older demo (e.g. before the units'"
            " official capitalisation). Build it again, or leave out PATH to build one here."
        )
    send_package(surveyor, office, folder / "s1-demo-to-office.fspkg")
    send_package(office, surveyor, folder / "office-to-s1.fspkg")
    office_id = office.device_id
    close_clean(office)
    took = time.perf_counter() - start
    say(f"s1's own demo survey sent to the office and answered in {took:.0f} s")
    cameras = fill_surveyor(surveyor, args.cameras, args.seed)
    files = make_photos(folder / "jpegs", cameras, args.photos)
    add_photos(surveyor, files)
    package = folder / "s1-to-city-office.fspkg"
    start = time.perf_counter()
    manifest = export.export_package(surveyor, package, recipient_id=office_id)
    export_s = time.perf_counter() - start
    close_clean(surveyor)
    shutil.rmtree(folder / "jpegs")
    result = {"office": how, "office_facts": facts, **package_facts(package, manifest, export_s)}
    say(
        f"city office: package of {manifest['changes']:,} changes, {manifest['photos']:,} photos,"
        f" {result['package_mb']:.1f} MB"
    )
    result.update(measure_city_case("city-office", office_path, package, folder, args))
    return result


@dataclass
class CityPackage:
    """The whole city exported (``full=True``) by the demo's city surveyor s1 to a fresh demo
    office, and the workspaces it went between."""

    surveyor: Path  # closed, as it was when it exported
    office: Path  # the small demo office, untouched
    package: Path
    manifest: dict[str, Any]
    export_s: float
    surveyor_how: str  # copied from --city-surveyor PATH, or built
    surveyor_facts: dict[str, Any]


def export_city_package(folder: Path, city_surveyor: Path | None) -> CityPackage:
    """In ``folder``: the demo's city surveyor s1 (a copy of ``city_surveyor``, else built,
    about a minute), a fresh (small) demo office, and the whole city exported to it."""
    surveyor_path = folder / "s1" / "city-s1.sqlite"
    how = build_or_copy(city_surveyor, surveyor_path, size="city", role="surveyor", device="s1")
    facts = demo_facts(surveyor_path)
    if (facts["role"], facts["demo_size"]) != ("surveyor", "city"):
        raise SystemExit(f"--city-surveyor: not a city surveyor demo ({facts})")
    office_path = folder / "office" / "office.sqlite"
    build_or_copy(None, office_path, role="office")
    ws = Workspace.open(office_path)
    office_id = ws.device_id
    ws.close()
    surveyor = Workspace.open(surveyor_path)
    package = folder / "city-s1-to-office.fspkg"
    start = time.perf_counter()
    manifest = export.export_package(surveyor, package, recipient_id=office_id, full=True)
    export_s = time.perf_counter() - start
    surveyor.close()
    return CityPackage(surveyor_path, office_path, package, manifest, export_s, how, facts)


def run_city_package(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    """--city-package: the whole city (full=True) from the demo's city surveyor s1 into a
    fresh (small) demo office."""
    folder.mkdir()
    city = export_city_package(folder, args.city_surveyor)
    result = {
        "surveyor": city.surveyor_how,
        "surveyor_facts": city.surveyor_facts,
        "office_facts": demo_facts(city.office),
        **package_facts(city.package, city.manifest, city.export_s),
    }
    say(
        f"city package: {city.manifest['changes']:,} changes, {city.manifest['photos']:,} photos,"
        f" {result['package_mb']:.1f} MB, exported in {city.export_s:.0f} s"
    )
    result.update(measure_city_case("city-package", city.office, city.package, folder, args))
    return result


def import_rows(r: dict[str, Any], runs: int) -> list[list[object]]:
    """The rows every import case reports: the package, the import, its floor, the memory."""
    memory = r["memory"]
    return [
        ["package, MB", r["package_mb"]],
        ["  changes / photos", f"{r['package_changes']:,} / {r['package_photos']:,}"],
        ["export, s", r["export_s"]],
        [f"import (median of {runs}), s", r["import_s"]],
        ["floor a: open_package, s", r["floor_open_package_s"]],
        ["floor b: bare sqlite-utils insert, s", r["floor_bare_insert_s"]],
        ["floor c: copy photos, s", r["floor_copy_photos_s"]],
        [f"floor a + b + c (median of {runs}), s", r["floor_s"]],
        ["(info) c with an fsync per photo, s", r["copy_photos_fsync_s"]],
        ["ratio import / floor", r["ratio"]],
        ["import child: peak RSS before import, MB", memory["rss_before_mb"]],
        ["import child: peak RSS after import, MB", memory["rss_after_mb"]],
    ]


def report_city(title: str, r: dict[str, Any]) -> None:
    rows = import_rows(r, r["runs"])
    say(f"\n{title}")
    say(table(["measure", "value"], [[str(k), v] for k, v in rows]))
    say(
        f"ratio {r['ratio']:.2f}× (target ≤ {CITY_TARGET_RATIO}×: {verdict(r['ratio_met'])});"
        f" import report {r['import_report']}"
    )
    say(
        table(
            ["step (last run)", "import s"],
            [[k, v] for k, v in r["import_steps_s"].items() if k != "total"],
        )
    )
    profile = r["profile"]
    if profile:
        say(f"under cProfile: {profile['total_s']:.1f} s; top FieldSurvey functions:")
        say(
            table(
                ["function", "calls", "tottime s", "cumtime s"],
                [
                    [e["function"], e["calls"], e["tottime_s"], e["cumtime_s"]]
                    for e in profile["top"]
                ],
            )
        )


# -- main ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000, help="cameras (default 10000)")
    parser.add_argument("--photos", type=int, default=1000, help="photos (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument("--out", type=Path, metavar="FILE")
    parser.add_argument(
        "--city-office",
        nargs="?",
        const="",
        type=Path,
        metavar="PATH",
        help="also: the package into an office holding the city (a copy of PATH, a city office"
        " demo, else one built)",
    )
    parser.add_argument(
        "--city-package",
        action="store_true",
        help="also: the whole city (full=True) from the demo's city surveyor into a fresh office",
    )
    parser.add_argument(
        "--city-surveyor", type=Path, metavar="PATH", help="a city surveyor s1 demo to copy"
    )
    parser.add_argument("--city-runs", type=int, help="timed runs of the city cases (default 1)")
    parser.add_argument(
        "--city-only", action="store_true", help="skip the 10,000 cameras into a fresh office"
    )
    parser.add_argument("--child-import", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-timed-import", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_import:
        child_import(*args.child_import)
        return 0
    if args.child_timed_import:
        child_timed_import(*args.child_timed_import)
        return 0
    if args.city_runs is None:
        args.city_runs = 1
    if args.city_office is not None and str(args.city_office) in ("", "."):
        args.city_office = None
        city_office = True
    else:
        city_office = args.city_office is not None
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-sync-") as tmp:
        folder = Path(tmp)
        if not args.city_only:
            result = run(folder, args)
        if city_office:
            result["city_office"] = run_city_office(folder / "city-office", args)
        if args.city_package:
            result["city_package"] = run_city_package(folder / "city-package", args)
    result["bench_peak_rss_mb"] = _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    if not args.city_only:
        report(result, args)
    if "city_office" in result:
        report_city(
            f"{args.cameras:,} cameras into an office that holds the city", result["city_office"]
        )
    if "city_package" in result:
        report_city("the full city package into a fresh demo office", result["city_package"])
    out = write_json(NAME, {"machine": machine, **result}, args.out)
    say(f"wrote {out}")
    return 0


def run(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    start = time.perf_counter()
    office = new_workspace(folder / "office" / "office.sqlite", "office", "office")
    surveyor = new_workspace(folder / "surveyor" / "surveyor.sqlite", "surveyor", "s1")
    enrol_each_other(office, surveyor)
    send_units(office, surveyor, folder)
    office_id = office.device_id
    close_clean(office)
    cameras = fill_surveyor(surveyor, args.cameras, args.seed)
    say(f"surveyor: {len(cameras):,} cameras in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    files = make_photos(folder / "jpegs", cameras, args.photos)
    photo_mb = sum(p.stat().st_size for _, p in files) / 1e6
    say(f"made {len(files):,} JPEGs ({photo_mb:.1f} MB) in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    add_photos(surveyor, files)
    ingest_s = time.perf_counter() - start
    say(f"ingested and linked them in {ingest_s:.1f} s")
    counts = {
        name: surveyor.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        for name in ("units", "sites", "cameras", "photos", "photo_links", "changes")
    }
    package = folder / "s1-to-office.fspkg"
    start = time.perf_counter()
    manifest = export.export_package(surveyor, package, recipient_id=office_id)
    export_s = time.perf_counter() - start
    close_clean(surveyor)
    package_mb = package.stat().st_size / 1e6
    changes_mb = manifest["entries"]["changes.jsonl"]["size"] / 1e6
    say(
        f"export: {manifest['changes']:,} changes ({changes_mb:.1f} MB), {manifest['photos']:,}"
        f" photos, {package_mb:.1f} MB in {export_s:.1f} s"
    )

    office_path = folder / "office" / "office.sqlite"
    floor = Floor(office_path)
    imports: list[float] = []
    floors: list[dict[str, float]] = []
    import_report: importing.ImportReport | None = None
    for n in range(args.runs):
        copy = fresh_copy(office_path, folder / f"import-{n}")
        seconds, import_report = import_into(copy, package)
        imports.append(seconds)
        os.sync()  # as fresh_copy does before an import
        floors.append(floor.run(package, folder / f"floor-{n}"))
        shutil.rmtree(folder / f"import-{n}")
        shutil.rmtree(folder / f"floor-{n}")
        say(
            f"run {n + 1}: import {seconds:.1f} s; floor {floors[-1]['total']:.1f} s (a "
            f"{floors[-1]['a']:.1f} + b {floors[-1]['b']:.1f} + c {floors[-1]['c']:.1f})"
        )
    assert import_report is not None
    if import_report.applied != manifest["changes"] or import_report.photos != manifest["photos"]:
        say(
            f"WARNING: the import applied {import_report.applied} changes and "
            f"{import_report.photos} photos of {manifest['changes']} and {manifest['photos']}"
        )

    memory = memory_in_child(fresh_copy(office_path, folder / "memory-child"), package)
    memory["tracemalloc_peak_mb"] = traced_import(
        fresh_copy(office_path, folder / "memory-traced"), package
    )
    say(
        f"memory: child RSS {memory['rss_before_mb']:.0f} MB before, "
        f"{memory['rss_after_mb']:.0f} MB after; tracemalloc peak "
        f"{memory['tracemalloc_peak_mb']:.1f} MB"
    )
    steps = import_steps(fresh_copy(office_path, folder / "steps"), package)
    profile = (
        None
        if args.no_profile
        else profiled_import(fresh_copy(office_path, folder / "profiled"), package)
    )

    import_s = median(imports)
    floor_s = {
        part: median([f[part] for f in floors]) for part in ("a", "b", "c", "total", "c_fsync")
    }
    ratio = import_s / floor_s["total"]
    return {
        "cameras": args.cameras,
        "photos": args.photos,
        "runs": args.runs,
        "counts": counts,
        "photo_files_mb": photo_mb,
        "ingest_s": ingest_s,
        "export_s": export_s,
        "package_mb": package_mb,
        "changes_jsonl_mb": changes_mb,
        "package_changes": manifest["changes"],
        "package_photos": manifest["photos"],
        "import_runs_s": imports,
        "import_s": import_s,
        "import_report": {
            "applied": import_report.applied,
            "new": import_report.new,
            "photos": import_report.photos,
            "conflicts": import_report.conflicts,
            "warnings": len(import_report.warnings),
        },
        "floor_runs": floors,
        "floor_open_package_s": floor_s["a"],
        "floor_bare_insert_s": floor_s["b"],
        "floor_copy_photos_s": floor_s["c"],
        "floor_s": floor_s["total"],
        "copy_photos_fsync_s": floor_s["c_fsync"],
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "ratio_met": ratio <= TARGET_RATIO,
        "import_steps_s": steps,
        "memory": memory,
        "profile": profile,
    }


def report(r: dict[str, Any], args: argparse.Namespace) -> None:
    memory = r["memory"]
    rows = [
        *import_rows(r, args.runs),
        ["import: tracemalloc peak, MB", memory["tracemalloc_peak_mb"]],
        ["this process: peak RSS (setup included), MB", r["bench_peak_rss_mb"]],
    ]
    say(table(["measure", "value"], [[str(k), v] for k, v in rows]))
    say(f"ratio {r['ratio']:.2f}× (target ≤ {TARGET_RATIO:.0f}×: {verdict(r['ratio_met'])})")
    steps = r["import_steps_s"]
    say(f"\nwhere one more import's {steps['total']:.1f} s go, against the floor's parts:")
    floor_for = {
        "open_package": r["floor_open_package_s"],
        "validate changes (first pass)": r["floor_bare_insert_s"],
        "store photo originals": r["floor_copy_photos_s"],
    }
    say(
        table(
            ["step", "import s", "floor s"],
            [[k, v, floor_for.get(k, "")] for k, v in steps.items() if k != "total"],
        )
    )
    say("(floor b, parse + bare insert, is set against reading + validating + applying.)")
    profile = r["profile"]
    if profile:
        say(
            f"\nimport under cProfile: {profile['total_s']:.1f} s; top 10 FieldSurvey functions"
            " by cumulative time:"
        )
        say(
            table(
                ["function", "calls", "tottime s", "cumtime s"],
                [
                    [e["function"], e["calls"], e["tottime_s"], e["cumtime_s"]]
                    for e in profile["top"]
                ],
            )
        )


if __name__ == "__main__":
    sys.exit(main())
