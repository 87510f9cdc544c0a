"""My position: an NMEA log replayed as a GPS receiver's output moves the laptop's dot on the
real map page; a receiver that cannot be opened is said, in Vietnamese."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.dialogs import SettingsDialog
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.position import MyPosition
from tests.helpers import DATA
from tests.helpers.page import js

LOG = DATA / "gps" / "hoan_kiem_walk.nmea"
FIRST = (21.030587, 105.853335)  # the walk's first two fixes (../gpx/hoan_kiem_walk.gpx)
SECOND = (21.030671, 105.853340)


@pytest.fixture
def map_view(qtbot: QtBot, demo: Workspace) -> Iterator[MapView]:
    view = MapView()
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=60_000):
        view.show_workspace(demo)
    yield view
    view.shutdown()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def dot(qtbot: QtBot, view: MapView) -> dict[str, float] | None:
    text = js(
        qtbot,
        view,
        "FSBoot.position ? JSON.stringify({at: FSBoot.position.dot.getLatLng(), "
        "radius: FSBoot.position.circle.getRadius(), centre: FSBoot.map.getCenter(), "
        "zoom: FSBoot.map.getZoom()}) : 'null'",
    )
    return json.loads(text)


def test_the_nmea_log_moves_my_position_on_the_map(qtbot: QtBot, map_view: MapView) -> None:
    position = MyPosition()
    seen: list[tuple[float, float, float]] = []
    position.moved.connect(lambda lat, lon, acc: seen.append((lat, lon, acc)))
    position.moved.connect(
        lambda lat, lon, acc: map_view.show_position(lat, lon, acc, centre=len(seen) == 1)
    )
    assert position.start(log=LOG)
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=20_000)  # the log's fixes are 5 s apart
    position.stop()
    assert distance_m(*seen[0][:2], *FIRST) < 1 and distance_m(*seen[1][:2], *SECOND) < 1
    assert all(0 < accuracy < 50 for _lat, _lon, accuracy in seen)  # from the HDOP of 1.2

    def drawn_at_second() -> bool:
        shown = dot(qtbot, map_view)
        return shown is not None and distance_m(shown["at"]["lat"], shown["at"]["lng"], *SECOND) < 1

    qtbot.waitUntil(drawn_at_second, timeout=10_000)
    shown = dot(qtbot, map_view)
    assert shown is not None
    assert shown["radius"] == pytest.approx(seen[1][2])
    assert shown["zoom"] >= 17  # brought on screen at street zoom on the first fix
    assert distance_m(shown["centre"]["lat"], shown["centre"]["lng"], *FIRST) < 5
    map_view.hide_position()
    qtbot.waitUntil(lambda: dot(qtbot, map_view) is None, timeout=10_000)


def test_a_receiver_that_cannot_be_opened_is_said(qtbot: QtBot) -> None:
    position = MyPosition()
    said: list[str] = []
    position.failed.connect(said.append)
    assert not position.start("ttyNOT-A-PORT")
    assert not position.running
    assert said and said[0].startswith("Không mở được bộ thu GPS ttyNOT-A-PORT")


def test_settings_offer_the_systems_service_and_keep_a_receiver_not_plugged_in(
    qtbot: QtBot,
) -> None:
    dialog = SettingsDialog("An", "vi", gps_port="COM7", gps_baud=4800)
    qtbot.addWidget(dialog)
    assert dialog.gps_port.itemData(0) == ""  # the operating system's location service
    assert dialog.gps_port.currentData() == "COM7" and "không thấy" in dialog.gps_port.currentText()
    assert dialog.gps_baud.currentData() == 4800 and dialog.gps_baud.isEnabled()
    dialog.gps_port.setCurrentIndex(0)
    assert not dialog.gps_baud.isEnabled()
