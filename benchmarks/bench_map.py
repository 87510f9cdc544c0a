"""The map at city scale: our canvas camera layer against folium's MarkerCluster, in the same
run, in the same offline QtWebEngine page set-up (offscreen, software rendering).

    .venv/bin/python benchmarks/bench_map.py [--db PATH] [--sample 20000] [--out FILE]

Measured, for the city workspace (200,000 cameras) and for a sample of its first --sample
cameras (folium's MarkerCluster still finishes at that size):
- ours: the camera layer's binary built in Python; then from page load to the layer's "ready"
  message (drawn and clickable), and the layer's own time from data request to first draw;
- baseline: a folium map with the same sample as a MarkerCluster of CircleMarkers, from page load
  to loadFinished (its scripts build every marker and cluster before that);
- a click's round trip page → Python (a message sent by the page's own code through the bridge);
- the page's renderer process memory after drawing the city.
Targets: drawn and interactive within 1.5 s of the data being ready; ≥ 10× faster than
MarkerCluster on the same points; click under 100 ms; renderer under 400 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import folium
import PySide6.QtWebEngineWidgets  # noqa: F401
from folium.plugins import MarkerCluster
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from _common import (
    machine_info,
    machine_line,
    median,
    resolve_db,
    say,
    table,
    write_json,
)
from _qt import wait_for
from fieldsurvey.core.map.page import ORIGIN, VENDOR_CSS, VENDOR_JS
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.map_scheme import register_scheme
from fieldsurvey.ui.map_view import MapView

NAME = "bench_map"
VENDOR = Path(__file__).resolve().parent / "vendor" / "leaflet.markercluster"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="city workspace (default benchmarks/out/city)")
    parser.add_argument(
        "--sample",
        type=int,
        default=20_000,
        help="cameras in the MarkerCluster comparison (default 20000)",
    )
    parser.add_argument("--out", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    register_scheme()
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-map-") as tmp:
        path, _origin = resolve_db(args.db, Path(tmp))
        ws = Workspace.open(path)
        sample_db = Path(tmp) / "sample.sqlite"
        results = run_all(app, ws, sample_db, args.sample)
        ws.db.close()
    rows = [[k, v] for k, v in results.items() if not isinstance(v, dict)]
    say(table(["measure", "value"], rows))
    out = write_json(NAME, {"machine": machine, **results}, args.out)
    say(f"wrote {out}")
    return 0


def make_sample(ws: Workspace, target: Path, n: int) -> Workspace:
    """A copy of the city workspace keeping only its first ``n`` cameras (for both sides)."""
    ws.db.conn.execute("VACUUM INTO ?", [str(target)])
    sample = Workspace.open(target)
    sample.db.execute(
        "UPDATE cameras SET deleted = 1 WHERE rowid NOT IN (SELECT rowid FROM "
        "cameras ORDER BY rowid LIMIT ?)",
        [n],
    )
    return sample


def our_map(ws: Workspace) -> dict[str, Any]:
    view = MapView()
    view.resize(1280, 800)
    view.show()
    start = time.perf_counter()
    ready: list[tuple[int, float]] = []
    view.ready.connect(lambda drawn, ms: ready.append((drawn, ms)))
    view.show_workspace(ws)
    prep_s = time.perf_counter() - start
    ok = wait_for(lambda: bool(ready), 180)
    total_s = time.perf_counter() - start
    result = {
        "cameras": len(view.layer.ids),
        "payload_mb": len(view.layer.payload) / 1e6,
        "python_layer_and_page_s": prep_s,
        "load_to_ready_s": total_s,
        "layer_ready_ms": ready[0][1] if ok else None,
        "ok": ok,
    }
    return {"view": view, **result}


def click_round_trip(view: MapView, runs: int = 20) -> float:
    """Median ms from asking the page to send a click to Python receiving it."""
    times = []
    got: list[float] = []
    view.bridge.camera_clicked.connect(lambda i: got.append(time.perf_counter()))
    for _ in range(runs):
        got.clear()
        start = time.perf_counter()
        view.run("FS.send({cmd: 'click', index: 1})")
        wait_for(lambda: bool(got), 10)
        times.append((got[0] - start) * 1000 if got else float("inf"))
    return median(times)


def cluster_map(ws: Workspace) -> dict[str, Any]:
    """folium MarkerCluster of the same cameras, served the same way (offline)."""
    rows = ws.db.execute(
        "SELECT lat, lon FROM cameras WHERE deleted = 0 AND lat IS NOT NULL ORDER BY rowid"
    ).fetchall()
    start = time.perf_counter()
    fmap = folium.Map(location=(21.03, 105.85), zoom_start=12, tiles=None, maxZoom=19)
    fmap.default_js = list(VENDOR_JS)
    fmap.default_css = list(VENDOR_CSS)
    cluster = MarkerCluster()
    cluster.default_js = [("markerclusterjs", f"{ORIGIN}/data/mc/leaflet.markercluster.js")]
    cluster.default_css = [
        ("markerclustercss", f"{ORIGIN}/data/mc/MarkerCluster.css"),
        ("markerclusterdefault", f"{ORIGIN}/data/mc/MarkerCluster.Default.css"),
    ]
    cluster.add_to(fmap)
    for lat, lon in rows:
        folium.CircleMarker((lat, lon), radius=3).add_to(cluster)
    html = fmap.get_root().render().encode()
    build_s = time.perf_counter() - start
    view = MapView()
    view.resize(1280, 800)
    view.show()
    view.content.page_html = html
    for name, mime in (
        ("leaflet.markercluster.js", b"application/javascript"),
        ("MarkerCluster.css", b"text/css"),
        ("MarkerCluster.Default.css", b"text/css"),
    ):
        view.content.set_file(f"/data/mc/{name}", mime, (VENDOR / name).read_bytes())
    finished: list[bool] = []
    view.loadFinished.connect(finished.append)
    start = time.perf_counter()
    view.load(QUrl(f"{ORIGIN}/map.html"))
    ok = wait_for(lambda: bool(finished), 600)
    # one more round trip: the page has run all its scripts and painted
    box: list[Any] = []
    view.page().runJavaScript("document.querySelectorAll('.marker-cluster').length", 0, box.append)
    wait_for(lambda: bool(box), 60)
    load_s = time.perf_counter() - start
    blocked = len(view.blocker.blocked)
    view.shutdown()
    return {
        "cameras": len(rows),
        "html_mb": len(html) / 1e6,
        "python_build_s": build_s,
        "load_to_ready_s": load_s,
        "clusters_shown": box[0] if box else None,
        "ok": ok,
        "external_requests": blocked,
    }


def run_all(app: QApplication, ws: Workspace, sample_path: Path, n: int) -> dict[str, Any]:
    sample = make_sample(ws, sample_path, n)
    say(f"sample workspace: {n} cameras")
    # Warm up: the first page of a process also starts QtWebEngine's own processes.
    warm = our_map(sample)
    warm.pop("view").shutdown()
    ours_sample = our_map(sample)
    say(
        f"ours, {n} cameras: {ours_sample['load_to_ready_s']:.2f} s from load to ready "
        f"(layer {ours_sample['layer_ready_ms']} ms)"
    )
    ours_sample.pop("view").shutdown()
    baseline = cluster_map(sample)
    say(
        f"MarkerCluster, {n} cameras: {baseline['load_to_ready_s']:.2f} s page, "
        f"{baseline['python_build_s']:.2f} s to build the HTML"
    )
    sample.db.close()
    city = our_map(ws)
    view = city.pop("view")
    say(
        f"ours, city ({city['cameras']} cameras): {city['load_to_ready_s']:.2f} s from load to "
        f"ready (layer {city['layer_ready_ms']} ms)"
    )
    click_ms = click_round_trip(view)
    memory = view.renderer_memory_mb()
    external = len(view.blocker.blocked)
    view.shutdown()
    app.processEvents()
    ratio = (baseline["load_to_ready_s"] + baseline["python_build_s"]) / (
        ours_sample["load_to_ready_s"]
    )
    return {
        "sample_cameras": n,
        "ours_sample_load_to_ready_s": ours_sample["load_to_ready_s"],
        "ours_sample_layer_ms": ours_sample["layer_ready_ms"],
        "cluster_sample_build_s": baseline["python_build_s"],
        "cluster_sample_load_to_ready_s": baseline["load_to_ready_s"],
        "cluster_html_mb": baseline["html_mb"],
        "ratio_cluster_over_ours_same_points": ratio,
        "city_cameras": city["cameras"],
        "city_payload_mb": city["payload_mb"],
        "city_python_prep_s": city["python_layer_and_page_s"],
        "city_load_to_ready_s": city["load_to_ready_s"],
        "city_layer_ready_ms": city["layer_ready_ms"],
        "click_round_trip_ms": click_ms,
        "renderer_memory_mb": memory,
        "external_requests": external + baseline["external_requests"],
        "details": {"ours_sample": ours_sample, "baseline": baseline, "city": city},
    }


if __name__ == "__main__":
    sys.exit(main())
