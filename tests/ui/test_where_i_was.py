"""Reopening a workspace puts the person back where they were: the record on screen, the list
shown, its filters and each list's order, the map's centre and zoom; kept shortly after each
move as well as when the window closes, so a crash loses little."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.tables import ID_ROLE
from tests.helpers.page import js

VIEW = (21.0412, 105.8123, 15)


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(Workspace.open(path, user="tester"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map.ready, timeout=60_000):
        window.show()
    return window


def close(window: MainWindow) -> None:
    window.close()
    # The map's page is deleted first, then (once the page is gone) its profile.
    for _ in range(2):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def demo_path(demo: Workspace) -> Iterator[Path]:
    path = demo.path
    demo.close()
    yield path


def map_centre(qtbot: QtBot, window: MainWindow) -> tuple[float, float, int]:
    text = js(
        qtbot,
        window.map,
        "JSON.stringify([FSBoot.map.getCenter().lat, FSBoot.map.getCenter().lng,"
        " FSBoot.map.getZoom()])",
    )
    lat, lon, zoom = (float(v) for v in text.strip("[]").split(","))
    return lat, lon, int(zoom)


def test_reopening_shows_the_same_record_filters_list_and_map(
    qtbot: QtBot, demo_path: Path
) -> None:
    window = open_window(qtbot, demo_path)
    window.search_box.setText("camera")
    window.condition_filter.setCurrentIndex(window.condition_filter.findData("working"))
    window.commune_filter.setCurrentIndex(2)
    commune = window.commune_filter.currentData()
    qtbot.waitUntil(lambda: window.cameras.model.rowCount() > 0, timeout=10_000)
    camera_id = str(window.cameras.model.index(0, 0).data(ID_ROLE))
    window.tabs.setCurrentWidget(window.cameras)
    window.sites.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by commune, Z to A
    window.cameras.select_record(camera_id)
    assert window.current == ("cameras", camera_id)
    window.map.set_view(*VIEW)
    qtbot.waitUntil(lambda: window.map.view == pytest.approx(VIEW), timeout=10_000)
    close(window)

    again = open_window(qtbot, demo_path)
    try:
        assert again.current == ("cameras", camera_id)
        assert again.editor.record["id"] == camera_id
        assert again.tabs.currentWidget() is again.cameras
        assert again.cameras.selected_id() == camera_id
        assert again.search_box.text() == "camera"
        assert again.condition_filter.currentData() == "working"
        assert again.commune_filter.currentData() == commune
        assert again.category_filter.currentData() is None  # not chosen, not restored
        sites_order = again.sites.model.query
        assert (sites_order.sort, sites_order.descending) == ("commune", True)
        header = again.sites.view.horizontalHeader()
        assert header.sortIndicatorSection() == 2
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert again.cameras.model.query.sort == "name"
        assert map_centre(qtbot, again) == pytest.approx(VIEW, abs=1e-4)
    finally:
        close(again)


def test_where_the_person_is_is_kept_while_working_not_only_at_closing(
    qtbot: QtBot, demo_path: Path
) -> None:
    window = open_window(qtbot, demo_path)
    try:
        site_id = str(window.sites.model.index(3, 0).data(ID_ROLE))
        window.sites.select_record(site_id)
        window.category_filter.setCurrentIndex(1)
        category = window.category_filter.currentData()
        qtbot.waitUntil(
            lambda: (
                (place := user_settings.load_place(demo_path)) is not None
                and place.record == ("sites", site_id)
                and place.filters.get("category") == category
            ),
            timeout=10_000,
        )
    finally:
        close(window)


def test_a_record_deleted_since_is_not_brought_back(qtbot: QtBot, demo_path: Path) -> None:
    window = open_window(qtbot, demo_path)
    site_id = str(window.sites.model.index(0, 0).data(ID_ROLE))
    window.sites.select_record(site_id)
    close(window)
    workspace = Workspace.open(demo_path, user="tester")
    with workspace.transaction():
        workspace.set_setting("role", "office")
    workspace.delete("sites", site_id)
    workspace.close()

    again = open_window(qtbot, demo_path)  # no warning box: it would block here
    try:
        assert again.current is None
        assert again.tabs.currentWidget() is again.sites
    finally:
        close(again)


def test_a_workspace_never_opened_starts_on_the_city(qtbot: QtBot, demo_path: Path) -> None:
    user_settings.forget_place(demo_path)
    window = open_window(qtbot, demo_path)
    try:
        assert window.current is None
        lat, lon, zoom = map_centre(qtbot, window)
        assert zoom == 12
        assert (lat, lon) == pytest.approx((21.0285, 105.8542), abs=0.01)
    finally:
        close(window)


def test_the_demo_put_back_as_shipped_starts_from_the_beginning(
    qtbot: QtBot, demo_path: Path
) -> None:
    window = open_window(qtbot, demo_path)
    try:
        assert window.open_demo()
        site_id = str(window.sites.model.index(2, 0).data(ID_ROLE))
        window.sites.select_record(site_id)
        window.places.keep()
        assert window.reset_demo()
        assert window.current is None
        assert user_settings.load_place(user_settings.demo_workspace_path()) in (
            None,
            user_settings.Place(),
        )
    finally:
        close(window)
