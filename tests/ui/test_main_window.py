"""The first main window, driven like a user: lists, search box, record panel, opening files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from fieldsurvey.app import open_start_workspace
from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.store.stats import workspace_stats
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.dialogs import SettingsDialog
from fieldsurvey.ui.main_window import MainWindow
from tests.helpers.modal import when_modal


@pytest.fixture
def window(qtbot: QtBot, demo: Workspace) -> MainWindow:
    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_lists_show_every_site_and_camera(window: MainWindow) -> None:
    counts = workspace_stats(window.workspace.db)
    assert window.sites.visible_count() == counts["sites"] == 300
    assert window.cameras.visible_count() == counts["cameras"]
    assert "300 địa điểm" in window.statusBar().currentMessage()
    model = window.sites.model
    while model.canFetchMore():
        model.fetchMore()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(names) == 300 and len({model.record_id(r) for r in range(300)}) == 300
    # Ascending by name in Vietnamese alphabetical order: "Đền…" between D and E, not after Z.
    assert names == sorted(names, key=sort_key)
    assert sort_key(names[0]) < sort_key(names[-1])


def test_typing_in_the_search_box_filters_both_lists(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "hoan kiem")
    sites = {window.sites.model.index(r, 0).data() for r in range(window.sites.visible_count())}
    assert "Hồ Hoàn Kiếm" in sites
    assert 0 < len(sites) < 300
    assert 0 < window.cameras.visible_count() < 1000
    shown = window.sites.visible_count()
    window.search_box.clear()
    # QTest types ASCII keys only; accented text arrives as an input method would send it.
    window.search_box.insert("HOÀN KIẾM")
    assert window.sites.visible_count() == shown
    window.search_box.clear()
    assert window.sites.visible_count() == 300


def test_selecting_a_site_shows_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "ho hoan kiem")
    view = window.sites.view
    row = next(
        r
        for r in range(window.sites.visible_count())
        if window.sites.model.index(r, 0).data() == "Hồ Hoàn Kiếm"
    )
    rect = view.visualRect(window.sites.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.editor
    assert editor.widgets["name"].value() == "Hồ Hoàn Kiếm"
    category = editor.widgets["category"]
    assert category.box.currentText() == "Danh lam thắng cảnh"  # the label, not the code
    assert category.value() == "scenic_spot"
    assert editor.commune.text() == "Phường Hoàn Kiếm"  # the commune's name, not its code


def test_with_nothing_open_the_hint_names_the_menus_own_shortcuts(
    qtbot: QtBot, window: MainWindow
) -> None:
    hint = window.editor.empty
    assert hint.isVisible()
    keys = {
        action.shortcut().toString()
        for action in (window.new_site_action, window.new_camera_action)
    }
    assert keys == {"Ctrl+Shift+N", "Ctrl+N"}
    assert all(f"({key})" in hint.text() for key in keys)
    assert "Ctrl+F" in hint.text()
    assert window.search_box.placeholderText().endswith("  Ctrl+F")
    window.sites.view.selectRow(0)
    add_camera = next(
        b for b in window.editor.children_box.findChildren(QPushButton) if "+ Camera" in b.text()
    )
    assert add_camera.text() == "+ Camera (Ctrl+N)"
    # the site is open; the camera's key adds a camera to it, as the hint said
    before = window.cameras.visible_count()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current is not None and window.current[0] == "cameras"
    assert window.cameras.visible_count() == before + 1


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.sites.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus)


def test_opening_a_file_that_is_not_a_workspace_explains_and_keeps_the_current_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "ghi-chu.sqlite"
    bad.write_text("không phải cơ sở dữ liệu")
    seen: list[str] = []

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_message)

    QTimer.singleShot(20, close_message)
    assert window.open_path(bad) is False
    assert seen and "không phải là tệp dữ liệu khảo sát" in seen[0]
    assert window.sites.visible_count() == 300
    assert bad.read_text() == "không phải cơ sở dữ liệu"


def test_opening_another_workspace_replaces_the_lists(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "new.sqlite"
    with Workspace.open(other, create=True) as ws:
        ws.insert("sites", {"name": "Ga Cát Linh", "category": "train_station"})
    with qtbot.waitSignal(window.workspace_changed) as signal:
        assert window.open_path(other)
    assert signal.args == [str(other)]
    assert window.sites.visible_count() == 1
    assert window.windowTitle().startswith("FieldSurvey — new.sqlite")


def test_first_start_builds_and_opens_the_demo_then_reopens_the_last(tmp_path: Path) -> None:
    settings = user_settings.Settings()
    demo_path = user_settings.demo_workspace_path()
    demo_path.unlink(missing_ok=True)
    with open_start_workspace(settings) as ws:
        assert ws.path == demo_path
        assert workspace_stats(ws.db)["sites"] == 300
    mine = tmp_path / "mine.sqlite"
    Workspace.open(mine, create=True).close()
    settings.remember(mine)
    with open_start_workspace(settings) as ws:
        assert ws.path == mine.resolve()
    mine.unlink()
    with open_start_workspace(settings) as ws:  # last one gone: back to the demo
        assert ws.path == demo_path


def test_office_screens_close_with_the_workspace_they_show(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = window.open_office("progress")
    qtbot.waitUntil(lambda: dialog.isVisible())
    other = tmp_path / "other.sqlite"
    Workspace.open(other, create=True).close()
    assert window.open_path(other)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.office_dialogs == [] and not isValid(dialog)


def test_the_surveyor_picks_their_unit_and_sees_its_assignments(
    qtbot: QtBot, window: MainWindow
) -> None:
    everything = window.assignment.text()
    assert window.unit_box.count() > 2  # the demo's assignments belong to several units
    window.unit_box.setCurrentIndex(1)
    window.unit_box.activated.emit(1)
    mine = window.assignment.text()
    assert mine != everything
    unit_id = window.unit_box.currentData()
    assert window.workspace.setting("my_unit") == unit_id  # remembered by the workspace
    import datetime as dt

    from fieldsurvey.core.office.progress import progress

    work = [
        a
        for a in progress(window.workspace, dt.date.today())["assignments"]
        if a["unit_id"] == unit_id and a["status"] not in ("done", "cancelled")
    ]
    done, expected = sum(a["surveyed"] for a in work), sum(a["expected"] or 0 for a in work)
    assert f"{done}/{expected} " in mine
    window.load_workspace(window.workspace)  # reopened: still that unit
    assert window.unit_box.currentData() == unit_id and window.assignment.text() == mine


def test_the_first_start_asks_who_works_here(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(user_settings.HOME_VARIABLE, str(tmp_path / "home"))
    win = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(win)

    seen: dict[str, object] = {}

    def fill(dialog: SettingsDialog) -> None:
        seen["title"], seen["modal"] = dialog.windowTitle(), dialog.isModal()
        seen["focus"] = dialog.focusWidget() is dialog.name
        seen["texts"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        # an empty name (spaces only) is refused with a message; the dialog stays open
        qtbot.keyClicks(dialog.name, "   ")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        seen["refused"] = dialog.isVisible() and dialog.error.text()
        dialog.name.clear()
        dialog.name.insert("Nguyễn Thị Lan")  # typed (key clicks take ASCII only)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        dialog.unit.insert("Công an phường Hoàn Kiếm")
        dialog.role.setCurrentIndex(dialog.role.findData("office"))
        qtbot.keyClick(dialog.unit, Qt.Key.Key_Return)  # Enter is OK

    when_modal(SettingsDialog, fill)
    win.ask_who_on_first_start()
    assert seen["title"] == "Bắt đầu sử dụng" and seen["modal"] is True and seen["focus"]
    assert "Hãy nhập họ và tên" in str(seen["refused"])
    assert "áp dụng ngay" in str(seen["texts"])  # when the chosen language takes effect
    saved = user_settings.load_settings()
    assert (saved.user_name, saved.user_unit) == ("Nguyễn Thị Lan", "Công an phường Hoàn Kiếm")
    assert saved.user_role == "office"
    assert win.workspace.user == "Nguyễn Thị Lan"
    site = demo.insert("sites", {"name": "Chợ Hàng Da", "category": "market"})
    assert demo.history("sites", site)[-1]["user"] == "Nguyễn Thị Lan"
    asked: list[object] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    win.ask_who_on_first_start()  # a name is known: nothing is asked
    assert asked == []


def test_help_menu_guide_shortcuts_and_about(qtbot: QtBot, window: MainWindow) -> None:
    from fieldsurvey import __version__
    from fieldsurvey.ui.help import HelpDialog

    def shown(page: str) -> HelpDialog:
        found = window.findChild(HelpDialog, f"help-{page}")
        assert found is not None
        return found

    window.sites.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # F1: the shortcut list, read from the menus
    qtbot.waitUntil(lambda: window.findChild(HelpDialog, "help-shortcuts") is not None)
    keys = shown("shortcuts").browser.toPlainText()
    for label, key in (("Camera mới tại địa điểm", "Ctrl+N"), ("Xuất gói", "Ctrl+E")):
        assert label in keys and key in keys
    assert "F1" in keys and "Trợ giúp" in keys

    help_menu = next(a.menu() for a in window.menuBar().actions() if "giúp" in a.text())
    guide, _, about = help_menu.actions()
    guide.trigger()
    text = shown("guide").browser.toPlainText()
    assert "Hướng dẫn sử dụng FieldSurvey" in text and "Ctrl+Shift+N" in text
    about.trigger()
    text = shown("about").browser.toPlainText()
    assert f"FieldSurvey {__version__}" in text
    assert "OpenStreetMap" in text and "ODbL 1.0, © OpenStreetMap contributors" in text
    assert "SIL OFL 1.1" in text and "MIT" in text


def test_going_back_to_a_record_still_selected_in_its_list_shows_it(window: MainWindow) -> None:
    camera_id = window.cameras.model.record_id(0)
    window.tabs.setCurrentWidget(window.cameras)
    window.cameras.view.selectRow(0)
    assert window.current == ("cameras", camera_id)
    site_id = window.workspace.get("cameras", camera_id)["site_id"]
    window.open_record("sites", site_id)  # the camera's site, as its link opens it
    assert window.editor.table == "sites"
    window.open_record("cameras", camera_id)  # and back: the row is still selected there
    assert window.current == ("cameras", camera_id)
    assert (window.editor.table, window.editor.record_id) == ("cameras", camera_id)
