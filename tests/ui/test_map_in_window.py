"""The map inside the main window: list and map follow each other, edits made on the map are
saved through the write path, the exported HTML map runs offline and shows user text as text."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import install_language
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.map_scheme import ExternalRequestBlocker
from fieldsurvey.ui.tables import ID_ROLE
from tests.helpers import DATA
from tests.helpers.basemap import cut_basemap
from tests.helpers.modal import when_modal
from tests.helpers.page import ANSWER_TIMEOUT_MS, js

HOSTILE = '<img src=x onerror="window.__pwned=1">${window.__pwned=2}`\\`'


@pytest.fixture
def window(qtbot: QtBot, demo: Workspace) -> MainWindow:
    win = MainWindow(demo)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.map.ready, timeout=60_000):
        win.show()
    yield win
    win.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_clicking_a_camera_on_the_map_selects_it_in_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera_id = window.map.layer.ids[7]
    window.map.camera_selected.emit(camera_id)  # what a click on the map sends
    assert window.tabs.currentWidget() is window.cameras
    assert window.cameras.selected_id() == camera_id


def answer(button: QMessageBox.StandardButton) -> None:
    """Answer the next question box with ``button``."""
    when_modal(QMessageBox, lambda box: box.button(button).click())


def site_with_cameras(window: MainWindow) -> tuple[str, list[str]]:
    site_id = str(window.sites.model.index(0, 0).data(ID_ROLE))
    cameras = [
        row[0]
        for row in window.workspace.db.execute(
            "SELECT id FROM cameras WHERE site_id = ? AND deleted = 0 AND lat IS NOT NULL",
            [site_id],
        )
    ]
    assert cameras
    window.sites.select_record(site_id)
    assert window.current == ("sites", site_id)
    return site_id, cameras


def test_place_mode_moves_the_selected_site_and_records_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    site_id, cameras = site_with_cameras(window)
    before = [window.workspace.get("cameras", c)["lat"] for c in cameras]
    window.map_panel.set_mode("place")
    answer(QMessageBox.StandardButton.No)  # the site alone
    window.map.location_picked.emit(21.0288, 105.8524)  # Hoàn Kiếm Lake, as confirmed
    site = window.workspace.get("sites", site_id)
    assert (site["lat"], site["lon"], site["commune_code"]) == (21.0288, 105.8524, "00070")
    assert site["location_source"] == "map_pick"
    last = window.workspace.history("sites", site_id)[-1]
    assert last["op"] == "update" and last["fields"]["lat"][1] == 21.0288
    assert [window.workspace.get("cameras", c)["lat"] for c in cameras] == before
    assert window.mode_actions["select"].isChecked()  # placing ends once saved


def test_a_site_moved_with_its_cameras_takes_them_along(qtbot: QtBot, window: MainWindow) -> None:
    site_id, cameras = site_with_cameras(window)
    site = window.workspace.get("sites", site_id)
    first = window.workspace.get("cameras", cameras[0])
    answer(QMessageBox.StandardButton.Yes)
    window.map.location_picked.emit(site["lat"] + 0.001, site["lon"])
    moved = window.workspace.get("cameras", cameras[0])
    assert moved["lat"] == pytest.approx(first["lat"] + 0.001, abs=1e-7)
    assert moved["lon"] == pytest.approx(first["lon"], abs=1e-7)


def test_escape_leaves_place_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.map_panel.set_mode("place")
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    assert window.mode_actions["select"].isChecked()
    qtbot.waitUntil(
        lambda: js(qtbot, window.map, "JSON.parse(FS.stats()).mode") == "select", timeout=5000
    )


def test_go_to_finds_a_street_typed_without_accents_and_flies_there(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    box = window.map_panel.go_to
    box.basemap = cut_basemap(tmp_path / "cut.mbtiles")
    qtbot.keyClicks(box, "hang bai")
    # the place index is built once, off the window's thread, then the hits come as typed
    qtbot.waitUntil(lambda: any(h.name == "Phố Hàng Bài" for h in box.hits), timeout=60_000)
    row = next(i for i, h in enumerate(box.hits) if h.name == "Phố Hàng Bài")
    with qtbot.waitSignal(box.chosen, timeout=5000):
        box.go(row)

    def there() -> bool:
        view = json.loads(
            js(
                qtbot,
                window.map,
                "JSON.stringify({c: FSBoot.map.getCenter(), z: FSBoot.map.getZoom()})",
            )
        )
        return (
            view["z"] >= 17
            and distance_m(view["c"]["lat"], view["c"]["lng"], 21.0226, 105.8526) < 300
        )

    qtbot.waitUntil(there, timeout=ANSWER_TIMEOUT_MS)


def test_use_my_position_puts_the_camera_where_the_laptop_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera_id = window.map.layer.ids[5]
    window.open_record("cameras", camera_id)
    panel = window.map_panel
    assert panel.my_position.start(log=DATA / "gps" / "hoan_kiem_walk.nmea")
    qtbot.waitUntil(lambda: panel.my_position.last is not None, timeout=10_000)
    lat, lon, _ = panel.my_position.last
    panel.use_position_action.trigger()
    panel.my_position.stop()
    camera = window.workspace.get("cameras", camera_id)
    assert (camera["lat"], camera["lon"]) == (round(lat, 7), round(lon, 7))
    assert camera["location_source"] == "gps_device"


def test_dragging_a_direction_sets_the_cameras_view(qtbot: QtBot, window: MainWindow) -> None:
    camera_id = window.map.layer.ids[3]
    window.map.direction_set.emit(camera_id, 123.4, False)
    assert json.loads(window.workspace.get("cameras", camera_id)["views"])[0]["direction"] != 123.4
    window.map.direction_set.emit(camera_id, 123.4, True)
    assert json.loads(window.workspace.get("cameras", camera_id)["views"])[0]["direction"] == 123.4


def test_search_filters_the_map_too(qtbot: QtBot, window: MainWindow) -> None:
    window.search_box.insert("hoan kiem")
    shown = window.cameras.visible_count()
    assert 0 < shown < len(window.map.layer.ids)
    qtbot.waitUntil(
        lambda: json.loads(js(qtbot, window.map, "FS.stats()"))["mask"] == shown, timeout=10_000
    )


def test_a_camera_with_a_hostile_name_shows_it_literally(qtbot: QtBot, window: MainWindow) -> None:
    camera_id = window.map.layer.ids[0]
    window.workspace.update("cameras", camera_id, {"name": HOSTILE})
    window.on_record_selected("cameras", camera_id)
    qtbot.waitUntil(
        lambda: (
            js(
                qtbot,
                window.map,
                "document.querySelector('.fs-info') ? "
                "document.querySelector('.fs-info')"
                ".textContent : ''",
            )
            == HOSTILE
        )
    )
    assert js(qtbot, window.map, "typeof window.__pwned") == "undefined"


def test_exported_html_map_works_offline_and_escapes_names(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    camera_id = window.map.layer.ids[0]
    window.workspace.update("cameras", camera_id, {"name": HOSTILE})
    target = tmp_path / "ban-do.html"
    assert window.export_map(target) == len(window.map.layer.ids)
    page_text = target.read_text(encoding="utf-8")
    assert "<script src=" not in page_text and "<link " not in page_text  # all inlined
    profile = QWebEngineProfile(QApplication.instance())
    blocker = ExternalRequestBlocker(profile, local_schemes=("file",))
    profile.setUrlRequestInterceptor(blocker)
    view = QWebEngineView()
    page = QWebEnginePage(profile)
    view.setPage(page)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loadFinished, timeout=30_000):
        view.load(QUrl.fromLocalFile(str(target)))
    assert js(qtbot, view, "typeof L.map") == "function"
    scale = js(qtbot, view, "document.querySelector('.leaflet-control-scale').textContent")
    assert scale.endswith(("m", "km")) and "ft" not in scale and "mi" not in scale
    assert js(qtbot, view, "document.querySelectorAll('.leaflet-control-scale-line').length") == 1
    count = js(qtbot, view, "document.querySelectorAll('path.leaflet-interactive').length")
    assert count > 0
    # click the markers as a user would until the hostile camera's popup opens: its name
    # shows as text, nothing runs
    shown = js(
        qtbot,
        view,
        "(function () { var paths = document.querySelectorAll('path.leaflet-interactive');"
        " for (var i = 0; i < paths.length; i++) {"
        " paths[i].dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        " var all = document.querySelectorAll('.leaflet-popup-content b');"
        " var name = all.length ? all[all.length - 1].textContent : '';"
        " if (name.indexOf('__pwned') >= 0) return name; } return ''; })()",
    )
    assert shown == HOSTILE
    assert js(qtbot, view, "typeof window.__pwned") == "undefined"
    assert blocker.blocked == []
    view.close()
    page.destroyed.connect(profile.deleteLater)  # a profile must outlive its pages
    page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_selftest_command_reports_the_map(tmp_path: Path) -> None:
    env = os.environ | {"FIELDSURVEY_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "fieldsurvey", "selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    assert all(report["checks"].values()) and set(report["checks"]) == {
        "map_loaded",
        "basemap_drawn",
        "no_external_requests",
        "camera_reopened",
        "photo_added",
        "photo_reopened",
    }
    assert report["external_requests"] == 0
    assert report["cameras_drawn"] == report["cameras_in_workspace"] > 1000
    assert isinstance(report["map_ready_ms"], float)
    assert isinstance(report["basemap_tiles_drawn"], int) and report["basemap_tiles_drawn"] > 0
    assert isinstance(report["basemap_ready_ms"], float)
    # A quiet console: Qt's and Chromium's complaints about the missing GPU, Vulkan or system
    # bus are not printed; Qt's go to the log file, at debug level.
    assert result.stderr.strip() == "", result.stderr[-2000:]
    logged = (tmp_path / "logs" / "fieldsurvey.log").read_text(encoding="utf-8")
    assert " DEBUG fieldsurvey.qt: " in logged


def test_a_newer_street_basemap_is_installed_and_drawn(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDSURVEY_HOME", str(tmp_path / "home"))
    newer = cut_basemap(tmp_path / "newer.mbtiles")
    with closing(sqlite3.connect(newer)) as db:
        db.execute("UPDATE metadata SET value = 'Hà Nội OSM 2026-11' WHERE name = 'name'")
        db.commit()
    messages: list[str] = []
    window.map_panel.status.connect(lambda text, _ms: messages.append(text))
    window.map_panel.install_basemap(newer)
    qtbot.waitUntil(lambda: any("Đã cài bản đồ đường phố" in m for m in messages), timeout=60_000)
    assert window.map.content.streets is not None
    assert window.map.content.streets.tileset.name == "Hà Nội OSM 2026-11"
    assert "Hà Nội OSM 2026-11" in window.map.streets_label()
    install_language(QApplication.instance(), "vi")  # as a Vietnamese session sets it
    assert re.search(r"\(\d+,\d MB, mức", window.map.streets_label())  # a decimal comma
    assert window.map_panel.go_to.basemap == window.map.content.streets.tileset.path
