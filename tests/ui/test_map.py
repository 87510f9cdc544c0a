"""The offline map in a real QtWebEngine page: nothing leaves the machine, every camera is drawn,
clicks reach Python through the one bridge, user text stays text, MBTiles come out right."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.map_view import MapView
from tests.helpers import DATA
from tests.helpers.page import js

TILES = DATA / "tiles"
LOAD_TIMEOUT_MS = 60_000


@pytest.fixture
def map_view(qtbot: QtBot, demo: Workspace) -> MapView:
    view = MapView()
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=LOAD_TIMEOUT_MS):
        view.show_workspace(demo)
    yield view
    view.shutdown()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def positioned_cameras(ws: Workspace) -> int:
    return int(
        ws.db.execute(
            "SELECT count(*) FROM cameras WHERE deleted = 0 AND lat IS NOT NULL AND lon IS NOT NULL"
        ).fetchone()[0]
    )


def test_map_loads_offline_and_draws_every_camera(
    qtbot: QtBot, map_view: MapView, demo: Workspace
) -> None:
    assert map_view.blocker.blocked == []
    total = positioned_cameras(demo)
    assert total > 1000
    stats = json.loads(js(qtbot, map_view, "FS.stats()"))
    assert stats["total"] == total == len(map_view.layer.ids)
    assert 0 < map_view.drawn <= total  # the first pass draws what is in view
    # Leaflet and the boundaries came from the app itself
    assert js(qtbot, map_view, "typeof L.map") == "function"
    qtbot.waitUntil(
        lambda: (
            js(
                qtbot,
                map_view,
                "FSBoot.layers.communes ? FSBoot.layers.communes.getLayers().length : 0",
            )
            == 126
        ),
        timeout=10_000,
    )


SCALE_LINES = (
    "JSON.stringify(Array.from(document.querySelectorAll('.leaflet-control-scale-line'),"
    " function (line) { return line.textContent; }))"
)


def test_the_scale_bar_is_in_metres_only(qtbot: QtBot, map_view: MapView) -> None:
    def lines() -> list[str]:
        return list(json.loads(js(qtbot, map_view, SCALE_LINES)))

    assert len(lines()) == 1 and re.fullmatch(r"\d+ km", lines()[0])  # the city at zoom 12
    map_view.set_view(21.0285, 105.8542, 18)
    qtbot.waitUntil(lambda: re.fullmatch(r"\d+ m", lines()[0]) is not None, timeout=5000)
    assert len(lines()) == 1  # no line in feet or miles


def test_requests_to_the_internet_are_blocked_and_counted(qtbot: QtBot, map_view: MapView) -> None:
    # The page's content security policy stops them first; each attempt is still counted.
    js(
        qtbot,
        map_view,
        "fetch('https://example.com/leak').catch(function () {}); "
        "(new Image()).src = 'http://tile.openstreetmap.org/1/0/0.png'; 1",
    )
    qtbot.waitUntil(lambda: len(map_view.blocker.blocked) >= 2, timeout=10_000)
    assert any("example.com" in url for url in map_view.blocker.blocked)


def test_the_interceptor_blocks_what_gets_past_the_page(qtbot: QtBot, map_view: MapView) -> None:
    # A page without the policy: the request reaches the network layer and is blocked there.
    map_view.content.set_file(
        "/probe.html",
        b"text/html",
        b"<html><body><img src='https://example.org/x.png'></body></html>",
    )
    with qtbot.waitSignal(map_view.loadFinished, timeout=10_000):
        map_view.load(QUrl("fieldsurvey://app/probe.html"))
    qtbot.waitUntil(lambda: any("example.org" in u for u in map_view.blocker.blocked))


def centre_on(qtbot: QtBot, view: MapView, index: int, zoom: int) -> dict[str, float]:
    """Centre the map on a camera at ``zoom`` and wait until the page shows it there: the map
    at that zoom, the camera in the middle of it and drawn where a click would find it.
    Returns the camera's point in the map."""
    js(qtbot, view, f"FS.centerOn({index}, {zoom}); 1")
    where = (
        "(function () { var size = FSBoot.map.getSize(); "
        f"var p = JSON.parse(FS.pointOf({index})); "
        "return JSON.stringify({zoom: FSBoot.map.getZoom(), x: p.x, y: p.y, "
        "dx: p.x - size.x / 2, dy: p.y - size.y / 2, hit: FS.hitTest(p.x, p.y)}); })()"
    )
    seen: dict[str, float] = {}

    def shown() -> bool:
        seen.update(json.loads(js(qtbot, view, where)))
        return (
            seen["zoom"] == zoom
            and abs(seen["dx"]) <= 1
            and abs(seen["dy"]) <= 1
            and seen["hit"] >= 0
        )

    qtbot.waitUntil(shown)
    return {"x": seen["x"], "y": seen["y"]}


def _click(view: MapView, x: float, y: float) -> None:
    target = view.focusProxy() or view
    QTest.mouseClick(
        target,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(round(x), round(y)),
    )


def test_clicking_a_camera_selects_it(qtbot: QtBot, map_view: MapView) -> None:
    index = len(map_view.layer.ids) // 2
    point = centre_on(qtbot, map_view, index, 17)
    hit = js(qtbot, map_view, f"FS.hitTest({point['x']}, {point['y']})")
    assert hit >= 0
    with qtbot.waitSignal(map_view.camera_selected, timeout=5000) as signal:
        _click(map_view, point["x"], point["y"])
    assert signal.args == [map_view.layer.ids[int(hit)]]


def test_place_mode_puts_a_marker_that_saves_where_it_was_dragged(
    qtbot: QtBot, map_view: MapView
) -> None:
    map_view.set_mode("place")
    point = centre_on(qtbot, map_view, 0, 18)
    # a spot 120 px left of camera 0, where no camera stands at this zoom
    x, y = point["x"] - 120, point["y"]
    assert js(qtbot, map_view, f"FS.hitTest({x}, {y})") == -1
    picked: list[tuple[float, float]] = []
    map_view.location_picked.connect(lambda lat, lon: picked.append((lat, lon)))
    _click(map_view, x, y)
    qtbot.waitUntil(lambda: js(qtbot, map_view, "FS.placeMarker() !== null"), timeout=5000)
    assert picked == []  # a click only puts the marker: nothing is saved without confirming
    # drag it 40 px to the right (Leaflet's own drag events), then confirm in its popup
    dragged = json.loads(
        js(
            qtbot,
            map_view,
            f"(function () {{ var m = FS.placeMarker(); var ll = FSBoot.map."
            f"containerPointToLatLng([{x + 40}, {y}]); m.setLatLng(ll); m.fire('dragend'); "
            f"return JSON.stringify([ll.lat, ll.lng]); }})()",
        )
    )
    with qtbot.waitSignal(map_view.location_picked, timeout=5000) as signal:
        js(qtbot, map_view, "document.querySelector('.fs-place-save').click(); 1")
    assert signal.args == [pytest.approx(dragged[0], abs=1e-6), pytest.approx(dragged[1], abs=1e-6)]
    map_view.set_mode("select")  # leaving the mode takes the marker away
    qtbot.waitUntil(lambda: js(qtbot, map_view, "FS.placeMarker() === null"), timeout=5000)


def test_place_mode_below_street_zoom_places_nothing(qtbot: QtBot, map_view: MapView) -> None:
    map_view.set_mode("place")
    point = centre_on(qtbot, map_view, 0, 15)
    with qtbot.waitSignal(map_view.place_too_coarse, timeout=5000) as signal:
        _click(map_view, point["x"] - 120, point["y"])
    assert signal.args == [15]
    assert js(qtbot, map_view, "FS.placeMarker() === null")


HOSTILE = '<img src=x onerror="window.__pwned=1">${window.__pwned=2}`\\`</script>'


def test_user_text_reaches_the_page_as_text(qtbot: QtBot, map_view: MapView) -> None:
    map_view.show_info(HOSTILE)
    qtbot.waitUntil(
        lambda: (
            js(
                qtbot,
                map_view,
                "document.querySelector('.fs-info') ? "
                "document.querySelector('.fs-info').textContent"
                " : ''",
            )
            == HOSTILE
        )
    )
    # An image of the test's own with the same broken source, added after the text: once its
    # error handler has run, an image made from the text would have run its handler too.
    js(
        qtbot,
        map_view,
        "window.__probe = 0; var probe = new Image(); "
        "probe.onerror = function () { window.__probe = 1; }; probe.src = 'x'; "
        "document.body.appendChild(probe); 1",
    )
    qtbot.waitUntil(lambda: js(qtbot, map_view, "window.__probe") == 1)
    assert js(qtbot, map_view, "typeof window.__pwned") == "undefined"
    assert js(qtbot, map_view, "document.querySelectorAll('.fs-info img').length") == 0


def test_the_bridge_refuses_malformed_messages(map_view: MapView) -> None:
    bridge = map_view.bridge
    for text in (
        "not json",
        "[]",
        '{"cmd": "click", "index": 1e9}',
        '{"cmd": "click", "index": true}',
        '{"cmd": "place", "lat": 91, "lon": 0}',
        '{"cmd": "place", "lat": "21", "lon": 105}',
        '{"cmd": "rm -rf"}',
        '{"cmd": "direction", "index": 0, "bearing": NaN, "final": true}',
        "x" * 20_000,
    ):
        assert json.loads(bridge.command(text)) == {"ok": False}, text
    assert bridge.rejected == 9


def test_filter_applies_to_the_map(qtbot: QtBot, map_view: MapView) -> None:
    shown = set(map_view.layer.ids[:25])
    map_view.set_filter(shown)
    qtbot.waitUntil(lambda: json.loads(js(qtbot, map_view, "FS.stats()"))["mask"] == 25)
    map_view.set_filter(None)
    qtbot.waitUntil(lambda: json.loads(js(qtbot, map_view, "FS.stats()"))["mask"] is None)


def _expected_tile(path: Path, z: int, x: int, y: int) -> bytes:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    row = conn.execute(
        "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
        [z, x, (1 << z) - 1 - y],
    ).fetchone()
    conn.close()
    return bytes(row[0])


def test_mbtiles_tiles_are_served_right_side_up(
    qtbot: QtBot, map_view: MapView, tmp_path: Path
) -> None:
    source = TILES / "geography-class-png.mbtiles"
    tileset = map_view.add_mbtiles(source)
    assert (tileset.min_zoom, tileset.max_zoom, tileset.format) == (0, 1, "png")
    url = "fieldsurvey://app/tiles/t1/1/0/0"  # XYZ: the north-west tile at zoom 1
    script = (
        f"window.__tile = null; fetch('{url}').then(r => r.arrayBuffer()).then(b => "
        "{ window.__tile = Array.from(new Uint8Array(b)); }); 1"
    )
    js(qtbot, map_view, script)
    qtbot.waitUntil(lambda: js(qtbot, map_view, "window.__tile !== null"), timeout=10_000)
    served = bytes(json.loads(js(qtbot, map_view, "JSON.stringify(window.__tile)")))
    assert (
        hashlib.sha256(served).digest() == hashlib.sha256(_expected_tile(source, 1, 0, 0)).digest()
    )
    assert served != _expected_tile(source, 1, 0, 1)
    assert map_view.blocker.blocked == []


def test_a_broken_mbtiles_file_is_refused_with_a_message(map_view: MapView, tmp_path: Path) -> None:
    broken = tmp_path / "ban-do.mbtiles"
    data = bytearray((TILES / "open-streets-dc.mbtiles").read_bytes())
    data[100:4096] = b"\x5a" * 3996
    broken.write_bytes(bytes(data))
    with pytest.raises(FieldSurveyError, match=r"ban-do\.mbtiles"):
        map_view.add_mbtiles(broken)
    vector = TILES / "world_cities.mbtiles"
    with pytest.raises(FieldSurveyError, match="vector"):
        map_view.add_mbtiles(vector)


def test_needs_layer_is_fetched_when_switched_on(
    qtbot: QtBot, map_view: MapView, demo: Workspace
) -> None:
    needs = demo.db.execute("SELECT count(*) FROM needs WHERE deleted = 0").fetchone()[0]
    count = (
        "(function () { var n = 0; FSBoot.layers.needs.eachLayer(function (g) { "
        "n += g.getLayers().length; }); return n; })()"
    )
    qtbot.waitUntil(lambda: js(qtbot, map_view, "FSBoot.layers.needs ? 1 : 0") == 1)
    assert js(qtbot, map_view, count) == 0  # nothing fetched while it is off
    js(qtbot, map_view, "FSBoot.map.addLayer(FSBoot.layers.needs); 1")
    qtbot.waitUntil(lambda: js(qtbot, map_view, count) == needs, timeout=10_000)


def test_dragging_in_direction_mode_reports_the_bearing(qtbot: QtBot, map_view: MapView) -> None:
    index = 5
    point = centre_on(qtbot, map_view, index, 17)
    map_view.select_camera(map_view.layer.ids[index])
    map_view.set_mode("direction")

    def ready_to_drag() -> bool:
        stats = json.loads(js(qtbot, map_view, "FS.stats()"))
        return stats["mode"] == "direction" and stats["selected"] == index

    qtbot.waitUntil(ready_to_drag)  # the page has the camera selected and the mode on
    start = QPoint(round(point["x"]), round(point["y"]))
    east = QPoint(start.x() + 150, start.y())
    target = map_view.focusProxy() or map_view
    with qtbot.waitSignal(
        map_view.direction_set, timeout=5000, check_params_cb=lambda cid, bearing, final: final
    ) as signal:
        QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, 6):
            QTest.mouseMove(target, QPoint(start.x() + 30 * step, start.y()))
        QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, east)
    camera_id, bearing, final = signal.args
    assert camera_id == map_view.layer.ids[index] and final is True
    assert bearing == pytest.approx(90, abs=3)  # dragged due east


def test_online_tiles_only_when_switched_on(qtbot: QtBot, map_view: MapView) -> None:
    js(qtbot, map_view, "(new Image()).src = 'https://tile.openstreetmap.org/5/25/14.png'; 1")
    qtbot.waitUntil(lambda: any("openstreetmap" in u for u in map_view.blocker.blocked))
    map_view.set_online_tiles(True)
    assert js(qtbot, map_view, "FSBoot.online ? FSBoot.map.hasLayer(FSBoot.online) : false")
    before = len(map_view.blocker.blocked)
    js(qtbot, map_view, "fetch('https://example.com/leak').catch(function () {}); 1")
    qtbot.waitUntil(lambda: len(map_view.blocker.blocked) > before)
    assert all("openstreetmap" not in u for u in map_view.blocker.blocked[before:])
    map_view.set_online_tiles(False)
    assert js(qtbot, map_view, "FSBoot.online === null")


def test_sites_are_drawn_named_from_street_zoom_and_clickable(
    qtbot: QtBot, map_view: MapView, demo: Workspace
) -> None:
    site_id, lat, lon, name = demo.db.execute(
        "SELECT id, lat, lon, name FROM sites WHERE deleted = 0 AND lat IS NOT NULL LIMIT 1"
    ).fetchone()
    markers = (
        "JSON.stringify(FSBoot.layers.sites.getLayers().map(function (m) { "
        "return [m.feature.properties.id, m.getLatLng().lat, m.getLatLng().lng]; }))"
    )
    labels = "FSBoot.layers.siteNames.getLayers().length"
    js(qtbot, map_view, f"FSBoot.map.setView([{lat}, {lon}], 12, {{animate: false}}); 1")
    qtbot.waitUntil(lambda: json.loads(js(qtbot, map_view, markers)) == [], timeout=5000)
    js(qtbot, map_view, f"FSBoot.map.setView([{lat}, {lon}], 14, {{animate: false}}); 1")
    qtbot.waitUntil(lambda: len(json.loads(js(qtbot, map_view, markers))) > 0, timeout=10_000)
    assert js(qtbot, map_view, labels) == 0  # no names below 16
    # The sites around the view are drawn, and only they: those inside the view, each once.
    shown = {row[0]: row[1:] for row in json.loads(js(qtbot, map_view, markers))}
    assert shown[site_id] == [lat, lon]
    bounds = json.loads(
        js(qtbot, map_view, "JSON.stringify(FSBoot.map.getBounds().pad(0.2).toBBoxString())")
    )
    west, south, east, north = (float(v) for v in bounds.split(","))
    inside = {
        row[0]
        for row in demo.db.execute(
            "SELECT id FROM sites WHERE deleted = 0 "
            "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            [south, north, west, east],
        )
    }
    assert (
        set(shown) == inside
        and len(shown)
        < demo.db.execute(
            "SELECT count(*) FROM sites WHERE deleted = 0 AND lat IS NOT NULL"
        ).fetchone()[0]
    )
    js(qtbot, map_view, f"FSBoot.map.setView([{lat}, {lon}], 17, {{animate: false}}); 1")
    qtbot.waitUntil(lambda: js(qtbot, map_view, labels) > 0, timeout=5000)
    names = js(
        qtbot,
        map_view,
        "JSON.stringify(FSBoot.layers.siteNames.getLayers().map(function (t) { "
        "return t.getElement() ? t.getElement().textContent : ''; }))",
    )
    assert name in json.loads(names)
    # A name stands just right of its site, placed by left and top: a 3D transform would make
    # each name a layer of its own, with its own painted tiles.
    placed = js(
        qtbot,
        map_view,
        "(function () { var out = null; FSBoot.layers.siteNames.eachLayer(function (t) { "
        f"if (t.getElement().textContent === {json.dumps(name)} && !out) {{ "
        "var box = t.getElement().getBoundingClientRect(); "
        "var map = FSBoot.map.getContainer().getBoundingClientRect(); "
        "var at = FSBoot.map.latLngToContainerPoint(t.getLatLng()); "
        "out = {dx: box.left - map.left - at.x, dy: box.top - map.top - at.y, "
        "transform: getComputedStyle(t.getElement()).transform}; } }); "
        "return JSON.stringify(out); })()",
    )
    placed = json.loads(placed)
    assert placed["transform"] == "none", placed
    assert abs(placed["dx"] - 10) <= 1 and abs(placed["dy"] + 8) <= 1, placed
    click = (
        "(function () { var hit = null; FSBoot.layers.sites.eachLayer(function (m) { "
        f"if (m.feature.properties.id === {json.dumps(site_id)}) hit = m; }}); "
        "hit.fire('click'); return 1; })()"
    )
    with qtbot.waitSignal(map_view.record_selected, timeout=5000) as signal:
        js(qtbot, map_view, click)
    assert signal.args == ["sites", site_id]
