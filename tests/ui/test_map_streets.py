"""The street basemap in the real map page (QtWebEngine offscreen, WebGL by Mesa's software
renderer): drawn offline under the cameras from the app's own tiles, style and glyphs; a road and
its name where the file has them; missing tiles answered empty; bad files refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldsurvey.core.map import streets
from fieldsurvey.core.map.mbtiles import MBTilesError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.map_view import MapView
from tests.helpers import DATA
from tests.helpers.page import js

LOAD_TIMEOUT_MS = 120_000
# A point on Phố Đinh Tiên Hoàng (a tertiary street east of Hoàn Kiếm Lake), from the file.
DINH_TIEN_HOANG = (21.027191, 105.853553)
ROADS = ["road-ground", "road-bridge", "road-tunnel"]


def open_map(qtbot: QtBot, ws: Workspace, view: tuple[float, float, int]) -> MapView:
    """A map page on ``view`` with its cameras and its streets drawn."""
    map_view = MapView()
    map_view.resize(900, 700)
    qtbot.addWidget(map_view)
    map_view.show()
    map_view.start_view = view
    with qtbot.waitSignals([map_view.ready, map_view.streets_ready], timeout=LOAD_TIMEOUT_MS):
        map_view.show_workspace(ws)
    return map_view


def close_map(map_view: MapView) -> None:
    map_view.shutdown()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def street_map(qtbot: QtBot, demo: Workspace) -> MapView:
    map_view = open_map(qtbot, demo, (*DINH_TIEN_HOANG, 17))
    yield map_view
    close_map(map_view)


def state(qtbot: QtBot, view: MapView) -> dict[str, object]:
    return dict(json.loads(js(qtbot, view, "FSBoot.streetsState()")))


def wait_drawn(qtbot: QtBot, view: MapView, zoom: int) -> None:
    """Until the street layer follows the map at ``zoom`` (MapLibre's is one less) and has
    drawn every tile in view."""

    def drawn() -> bool:
        now = state(qtbot, view)
        return bool(now["loaded"]) and bool(now["tilesLoaded"]) and now["zoom"] == zoom - 1

    qtbot.waitUntil(drawn, timeout=30_000)


def features(qtbot: QtBot, view: MapView, x: float, y: float, radius: int, layers: list[str]):
    script = f"FSBoot.streetFeatures({x}, {y}, {radius}, {json.dumps(layers)})"
    return json.loads(js(qtbot, view, script))


def test_streets_are_drawn_offline_under_the_cameras(qtbot: QtBot, street_map: MapView) -> None:
    assert street_map.blocker.blocked == []
    assert street_map.drawn > 0  # the cameras, over the streets
    assert street_map.streets_tiles is not None and street_map.streets_tiles > 0
    assert street_map.streets_first_ms is not None and street_map.streets_ms is not None
    assert 0 < street_map.streets_first_ms <= street_map.streets_ms
    # panes: streets under the boundaries and the cameras
    order = json.loads(
        js(
            qtbot,
            street_map,
            "JSON.stringify(['fsLand', 'fsStreets', 'fsBoundaries', 'overlayPane'].map("
            "function (p) { return +getComputedStyle(FSBoot.map.getPane(p)).zIndex; }))",
        )
    )
    assert order == sorted(order) and len(set(order)) == 4
    assert js(qtbot, street_map, "FSBoot.streets.getContainer().parentNode.className").startswith(
        "leaflet-pane leaflet-fsStreets-pane"
    )
    # The names, hidden in the style as served, are shown once the first street is drawn; the
    # land and the communes, which wait for that moment, are there too.
    hidden = json.loads(
        js(
            qtbot,
            street_map,
            "JSON.stringify(FSBoot.streetMap().getStyle().layers.filter(function (l) {"
            " return l.metadata && l.metadata['fieldsurvey:after-first-paint']; }).map("
            "function (l) { return (l.layout || {}).visibility || 'visible'; }))",
        )
    )
    assert hidden and set(hidden) == {"visible"}, hidden
    qtbot.waitUntil(
        lambda: js(qtbot, street_map, "!!(FSBoot.layers.land && FSBoot.layers.communes)")
    )
    # the ODbL attribution on the map
    qtbot.waitUntil(
        lambda: (
            "OpenStreetMap contributors"
            in js(
                qtbot,
                street_map,
                "document.querySelector('.leaflet-control-attribution').textContent",
            )
        )
    )
    # the page's own labels in the app's DejaVu Sans, loaded from the app
    qtbot.waitUntil(
        lambda: (
            js(
                qtbot,
                street_map,
                "document.fonts.check(\"11px 'FS DejaVu Sans'\", 'Phường Hoàn Kiếm')",
            )
            and js(qtbot, street_map, "document.fonts.status") == "loaded"
        )
    )
    assert street_map.blocker.blocked == []


def test_a_road_and_its_name_are_drawn_at_zoom_17(qtbot: QtBot, street_map: MapView) -> None:
    wait_drawn(qtbot, street_map, 17)
    size = json.loads(js(qtbot, street_map, "JSON.stringify(FSBoot.map.getSize())"))
    x, y = size["x"] / 2, size["y"] / 2  # the map is centred on the street
    found = features(qtbot, street_map, x, y, 3, ROADS)
    assert {f["layer"] for f in found} & set(ROADS), found
    # its name, along the line somewhere in view, with its diacritics
    names = features(qtbot, street_map, x, y, 2000, ["road-name-major"])
    assert "Phố Đinh Tiên Hoàng" in {f["name"] for f in names}, names
    assert "Phố Lê Thái Tổ" in {f["name"] for f in names}  # across the lake
    # no OSM boundary or pre-2025 ward name anywhere in view
    everything = features(qtbot, street_map, x, y, 2000, [])
    assert everything
    assert not [
        f
        for f in everything
        if f["layer"].startswith(("boundary", "place-"))
        and f["name"] in ("Hàng Trống", "Tràng Tiền", "Lý Thái Tổ", "Hoàn Kiếm")
    ]

    # The pixels: the street's white fill where the street is, land colour once it is off.
    street_map.set_filter(set())  # no camera drawn over the street
    qtbot.waitUntil(lambda: json.loads(js(qtbot, street_map, "FS.stats()"))["mask"] == 0)

    def road_pixels() -> int:
        image = street_map.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        ratio = image.devicePixelRatio()
        near = [
            image.pixelColor(round((x + dx) * ratio), round((y + dy) * ratio))
            for dx in range(-4, 5)
            for dy in range(-4, 5)
        ]
        return sum(1 for c in near if min(c.red(), c.green(), c.blue()) >= 250)

    qtbot.waitUntil(lambda: road_pixels() >= 10)
    js(qtbot, street_map, "FSBoot.map.removeLayer(FSBoot.streets); 1")
    qtbot.waitUntil(lambda: road_pixels() == 0)


def _fetch(qtbot: QtBot, view: MapView, url: str, *, body: bool = True) -> dict[str, int]:
    """The page's own fetch of ``url``: its status and (when asked) its body's length."""
    read = (
        "r.arrayBuffer().then(function (b) { window.__got = JSON.stringify({status: r.status, "
        "size: b.byteLength}); });"
        if body
        else "window.__got = JSON.stringify({status: r.status});"
    )
    js(
        qtbot,
        view,
        f"window.__got = null; fetch({json.dumps(url)}).then(function (r) {{ {read} }}); 1",
    )
    qtbot.waitUntil(lambda: js(qtbot, view, "window.__got !== null"))
    return dict(json.loads(js(qtbot, view, "window.__got")))


def test_a_missing_tile_is_an_empty_answer(qtbot: QtBot, street_map: MapView) -> None:
    base = "fieldsurvey://app/basemap"
    here = street_map.content.streets
    assert here is not None
    real = here.tile(14, 13009, 7212)
    assert _fetch(qtbot, street_map, f"{base}/tiles/14/13009/7212.pbf") == {
        "status": 200,
        "size": len(real),
    }
    for missing in (
        f"{base}/tiles/14/0/0.pbf",  # far from Hà Nội
        f"{base}/tiles/16/52038/28850.pbf",  # deeper than the file
        f"{base}/glyphs/DejaVu Sans Book/19968-20223.pbf",  # a range the app does not ship
    ):
        assert _fetch(qtbot, street_map, missing) == {"status": 200, "size": 0}, missing
    not_a_tile = f"{base}/tiles/14/x/1.pbf"
    assert _fetch(qtbot, street_map, not_a_tile, body=False) == {"status": 404}
    assert street_map.blocker.blocked == []


def test_a_broken_or_foreign_street_basemap_is_refused(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "streets.mbtiles"
    broken.write_bytes(streets.bundled_path().read_bytes()[:4096])  # cut short
    foreign = DATA / "tiles" / "world_cities.mbtiles"
    raster = DATA / "tiles" / "open-streets-dc.mbtiles"
    view = MapView()
    qtbot.addWidget(view)
    in_use = view.set_street_basemap(streets.bundled_path())
    for path, words in (
        (broken, "bị hỏng"),
        (foreign, "không phải bản đồ đường phố theo lược đồ OpenMapTiles"),
        (raster, "không phải bản đồ đường phố dạng vector"),
    ):
        with pytest.raises(MBTilesError) as info:
            view.set_street_basemap(path)
        assert words in info.value.text("vi"), path
        assert view.content.streets is in_use  # the one in use stays
    close_map(view)

    # The map itself on a damaged file: it says so, and shows the cameras without streets.
    shipped = tmp_path / streets.BUNDLED_NAME
    shutil.copyfile(foreign, shipped)
    monkeypatch.setattr(streets, "bundled_path", lambda: shipped)
    view = MapView()
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    with (
        qtbot.waitSignal(view.problem, timeout=10_000) as said,
        qtbot.waitSignal(view.ready, timeout=LOAD_TIMEOUT_MS),
    ):
        view.show_workspace(demo)
    assert "không phải bản đồ đường phố theo lược đồ OpenMapTiles" in said.args[0]
    assert view.content.streets is None and view.drawn > 0
    assert js(qtbot, view, "FSBoot.streets === null") is True
    assert view.blocker.blocked == []
    close_map(view)


def test_the_national_view_is_the_provinces_with_the_islands_named(
    qtbot: QtBot, demo: Workspace
) -> None:
    view = open_map(qtbot, demo, (*DINH_TIEN_HOANG, 14))
    js(qtbot, view, "FSBoot.map.setView([15.5, 108.5], 5, {animate: false}); 1")
    qtbot.waitUntil(lambda: js(qtbot, view, "FSBoot.map.getZoom()") == 5)
    labels = json.loads(
        js(
            qtbot,
            view,
            "JSON.stringify(Array.from(document.querySelectorAll('.fs-sea-label'))"
            ".map(function (e) { return e.textContent; }))",
        )
    )
    assert sorted(labels) == [
        "Biển Đông",
        "Quần đảo Hoàng Sa (TP. Đà Nẵng)",
        "Quần đảo Trường Sa (tỉnh Khánh Hòa)",
    ]
    qtbot.waitUntil(lambda: js(qtbot, view, "FSBoot.layers.land ? 1 : 0") == 1)
    assert js(qtbot, view, "FSBoot.layers.land.getLayers().length") == 34
    qtbot.waitUntil(lambda: state(qtbot, view)["zoom"] == 4)
    assert state(qtbot, view)["tiles"] == 0  # OSM's low zooms are not drawn
    js(qtbot, view, f"FSBoot.map.setView([{DINH_TIEN_HOANG[0]}, {DINH_TIEN_HOANG[1]}], 12); 1")
    qtbot.waitUntil(
        lambda: js(qtbot, view, "document.querySelectorAll('.fs-sea-label').length") == 0
    )
    assert view.blocker.blocked == []
    close_map(view)
