"""The surveyor's editor, driven like a user: new site and camera by typing and clicking,
validation beside the fields, autosave, undo/redo, photos dropped on a camera."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.photos.store import HEIC_DECODING, PhotoStore
from fieldsurvey.core.reports import tables as report_tables
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.dialogs import NewSiteDialog
from fieldsurvey.ui.editor import SAVE_DELAY_MS
from fieldsurvey.ui.i18n import install_language
from fieldsurvey.ui.main_window import MainWindow
from tests.helpers import DATA

PHOTOS = DATA / "photos" / "exif-samples" / "jpg" / "gps"


@pytest.fixture
def window(qtbot: QtBot, demo: Workspace) -> Iterator[MainWindow]:
    win = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def vietnamese() -> None:
    """The app's language as a Vietnamese session installs it (numbers: 8.724, 1,2)."""
    install_language(QApplication.instance(), "vi")


def stored(path: Path, table: str, record_id: str, field: str) -> object:
    """A value as another program reading the file sees it (not through the app's connection)."""
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {field} FROM {table} WHERE id = ?", [record_id]).fetchone()[0]


def fill_new_site_dialog(qtbot: QtBot, name: str, category_label: str) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewSiteDialog):
            QTimer.singleShot(20, fill)
            return
        qtbot.keyClicks(dialog.name, name)
        dialog.category.setCurrentIndex(dialog.category.findText(category_label))
        qtbot.keyClicks(dialog.location, "21.0368, 105.8342")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(20, fill)


def test_create_a_site_and_a_camera_by_typing_and_clicking(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill_new_site_dialog(qtbot, "Cho Long Bien", "Chợ")
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.editor.table == "sites")
    site_id = window.editor.record_id
    site = window.workspace.get("sites", site_id)
    assert (site["name"], site["category"]) == ("Cho Long Bien", "market")
    assert site["commune_code"] is not None  # filled in from the typed position
    assert window.sites.selected_id() == site_id

    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new camera here
    qtbot.waitUntil(lambda: window.editor.table == "cameras")
    camera_id = window.editor.record_id
    editor = window.editor
    name = editor.widgets["name"].edit
    name.selectAll()
    qtbot.keyClicks(name, "Camera cong chinh")
    condition = editor.widgets["condition"].box
    condition.setCurrentIndex(condition.findData("working"))
    condition.activated.emit(condition.currentIndex())
    qtbot.keyClicks(editor.widgets["height_m"].edit, "4,5")
    editor.flush()
    camera = window.workspace.get("cameras", camera_id)
    assert (camera["name"], camera["condition"], camera["height_m"]) == (
        "Camera cong chinh",
        "working",
        4.5,
    )
    assert camera["site_id"] == site_id
    assert camera["lat"] == 21.0368  # the site's position to start with
    assert window.workspace.history("cameras", camera_id)[-1]["op"] == "update"
    # one click back to the site, whose contents list the new camera
    editor.parent_button.click()
    qtbot.waitUntil(lambda: editor.table == "sites")
    assert editor.record_id == site_id


def test_a_validation_error_appears_beside_the_field_and_clears(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    editor = window.editor
    before = window.workspace.get("cameras", camera_id)["height_m"]
    height = editor.widgets["height_m"].edit
    height.clear()
    qtbot.keyClicks(height, "cao lam")
    editor.flush()
    assert "height_m" in editor.field_note("height_m")
    assert window.workspace.get("cameras", camera_id)["height_m"] == before  # nothing saved
    height.clear()
    qtbot.keyClicks(height, "999")
    editor.flush()
    assert "300" in editor.field_note("height_m")  # out of range 0–300
    height.clear()
    qtbot.keyClicks(height, "7,5")
    editor.flush()
    assert editor.field_note("height_m") == ""
    assert window.workspace.get("cameras", camera_id)["height_m"] == 7.5


def test_decimals_show_with_a_comma_and_a_dot_is_accepted_too(
    qtbot: QtBot, window: MainWindow, vietnamese: None
) -> None:
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    editor = window.editor
    height = editor.widgets["height_m"].edit
    for typed in ("7.5", "7,5"):
        height.clear()
        qtbot.keyClicks(height, typed)
        editor.flush()
        assert editor.field_note("height_m") == ""
        assert window.workspace.get("cameras", camera_id)["height_m"] == 7.5
    views = editor.widgets["views"]
    views.set_value([{"direction": 0.0}])
    views.table.item(0, 0).setText("252.5")
    editor.flush()
    saved = json.loads(window.workspace.get("cameras", camera_id)["views"])
    assert saved[0]["direction"] == 252.5
    window.open_record("sites", window.workspace.get("cameras", camera_id)["site_id"])
    window.open_record("cameras", camera_id)  # shown again as read from the workspace
    height, views = editor.widgets["height_m"].edit, editor.widgets["views"]
    assert height.text() == "7,5"
    assert views.table.item(0, 0).text() == "252,5"
    views.table.item(0, 0).setText("252,5")  # what it shows is read back the same
    assert views.value()[0]["direction"] == 252.5


def test_camera_rules_show_what_a_draft_still_lacks(qtbot: QtBot, window: MainWindow) -> None:
    site_id = window.workspace.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    window.open_record("sites", site_id)
    name = listing.new_camera_name(window.workspace.db, site_id)
    camera_id = window.add_here("cameras")
    editor = window.editor
    assert editor.record_id == camera_id
    assert (
        editor.widgets["name"].value() == name == window.workspace.get("cameras", camera_id)["name"]
    )
    camera_type = editor.widgets["camera_type"].box
    camera_type.setCurrentIndex(camera_type.findData("fixed"))
    camera_type.activated.emit(camera_type.currentIndex())
    editor.flush()
    assert editor.field_note("views") == "Camera cố định phải có hướng nhìn."
    completeness = editor.complete.value()
    views = editor.widgets["views"]
    views.add_view()
    views.table.item(0, 0).setText("135")
    editor.flush()
    assert editor.field_note("views") == ""
    assert editor.complete.value() > completeness
    assert json.loads(window.workspace.get("cameras", camera_id)["views"])[0]["direction"] == 135
    condition = editor.widgets["condition"].box
    condition.setCurrentIndex(condition.findData("not_working"))
    condition.activated.emit(condition.currentIndex())
    editor.flush()
    assert "tồn tại" in editor.field_note("condition")
    window.add_here("shortcomings")  # from the camera: linked to it
    assert editor.table == "shortcomings"
    assert window.workspace.get("shortcomings", editor.record_id)["camera_id"] == camera_id
    window.open_record("cameras", camera_id)
    assert editor.field_note("condition") == ""


def test_typed_coordinates_in_either_form_are_saved(qtbot: QtBot, window: MainWindow) -> None:
    site_id = window.workspace.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    window.open_record("sites", site_id)
    location = window.editor.widgets["location"].edit
    location.clear()
    location.insert("21°01'42.6\"N 105°51'15.1\"E")  # pasted (QTest types ASCII only)
    window.editor.flush()
    site = window.workspace.get("sites", site_id)
    assert (round(site["lat"], 5), round(site["lon"], 5)) == (21.0285, 105.85419)
    assert site["location_source"] == "typed"
    assert window.editor.commune.text() == "Phường Hoàn Kiếm"
    location.clear()
    qtbot.keyClicks(location, "ha noi")
    window.editor.flush()
    assert "21.0285, 105.8542" in window.editor.field_note("location")
    assert window.workspace.get("sites", site_id)["lat"] == site["lat"]


def test_autosave_reaches_the_file_without_saving_or_closing(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    notes = window.editor.widgets["notes"].edit
    notes.setFocus()
    qtbot.keyClicks(notes, "Day cap lo")
    # Within the save delay the change reaches the file; another program reading it sees it.
    qtbot.waitUntil(
        lambda: (stored(window.workspace.path, "cameras", camera_id, "notes") or "").endswith(
            "Day cap lo"
        ),
        timeout=3000,
    )


def test_what_was_typed_survives_closing_the_window(qtbot: QtBot, demo: Workspace) -> None:
    path = demo.path
    win = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(win)
    win.show()
    camera_id = demo.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    win.open_record("cameras", camera_id)
    name = win.editor.widgets["name"].edit
    name.clear()
    qtbot.keyClicks(name, "Dong ngay")
    win.close()  # immediately: before the save delay has passed
    with Workspace.open(path) as again:
        assert again.get("cameras", camera_id)["name"] == "Dong ngay"


def history_length(ws: Workspace, table: str, record_id: str) -> int:
    return len(ws.history(table, record_id))


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """The window has the keyboard, as when a person works in it (focus changes are seen)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_sentence_typed_with_short_pauses_is_one_change(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    camera_id = ws.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    activate(qtbot, window)
    before = history_length(ws, "cameras", camera_id)
    old = ws.get("cameras", camera_id)["notes"]
    notes = window.editor.widgets["notes"].edit
    notes.setFocus()
    notes.clear()
    timer = window.editor.timer
    for word in ("Cong ", "phia ", "B", "ac bi ", "cay che"):
        qtbot.keyClicks(notes, word)
        assert timer.isActive()
        # a pause of half the save delay, then the next word: nothing reached the history
        qtbot.waitUntil(lambda: timer.remainingTime() < SAVE_DELAY_MS // 2)
        assert history_length(ws, "cameras", camera_id) == before
    # the pause after the sentence saves it: one change, from the old text to the whole sentence
    qtbot.waitUntil(lambda: history_length(ws, "cameras", camera_id) == before + 1, timeout=5000)
    assert not timer.isActive() and not window.editor.pending
    last = ws.history("cameras", camera_id)[-1]
    assert last["fields"]["notes"][1] == "Cong phia Bac bi cay che"
    assert last["fields"]["notes"][0] == old
    assert history_length(ws, "cameras", camera_id) == before + 1


def test_leaving_a_field_saves_it_at_once(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    camera_id = ws.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    activate(qtbot, window)
    before = history_length(ws, "cameras", camera_id)
    name = window.editor.widgets["name"].edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Cong sau")
    assert history_length(ws, "cameras", camera_id) == before  # still typing
    window.editor.widgets["height_m"].edit.setFocus()  # Tab, or a click on the next field
    assert history_length(ws, "cameras", camera_id) == before + 1
    assert stored(ws.path, "cameras", camera_id, "name") == "Cong sau"
    assert not window.editor.timer.isActive()
    # an edit of another field saves the one before it first: one field per change
    notes = window.editor.widgets["notes"]
    qtbot.keyClicks(window.editor.widgets["height_m"].edit, "6")
    notes.edit.setPlainText("Dat o goc")  # pasted without the focus moving
    assert history_length(ws, "cameras", camera_id) == before + 2
    assert list(ws.history("cameras", camera_id)[-1]["fields"]) == ["height_m"]
    window.editor.flush()
    assert list(ws.history("cameras", camera_id)[-1]["fields"]) == ["notes"]


def test_undo_and_redo_of_edits(qtbot: QtBot, window: MainWindow) -> None:
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    old = window.workspace.get("cameras", camera_id)["name"]
    name = window.editor.widgets["name"].edit
    name.clear()
    qtbot.keyClicks(name, "Ten moi")
    window.editor.flush()
    assert window.workspace.get("cameras", camera_id)["name"] == "Ten moi"
    window.cameras.view.setFocus()
    qtbot.keyClick(window.cameras.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.get("cameras", camera_id)["name"] == old
    assert name.text() == old
    qtbot.keyClick(window.cameras.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.get("cameras", camera_id)["name"] == "Ten moi"
    # every step is a change in the history, so it syncs like any edit
    names = [
        c["fields"].get("name", [None, None])[1]
        for c in window.workspace.history("cameras", camera_id)
    ]
    assert names[-3:] == ["Ten moi", old, "Ten moi"]
    # the status bar says what was redone, and of which record
    assert window.statusBar().currentMessage() == "Đã làm lại: Sửa Tên (Camera: Ten moi)"


def test_undo_of_an_edit_on_another_record_brings_it_on_screen_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    first, second = (r[0] for r in ws.db.execute("SELECT id FROM cameras LIMIT 2"))
    window.open_record("cameras", first)
    old = ws.get("cameras", first)["name"]
    name = window.editor.widgets["name"].edit
    name.clear()
    qtbot.keyClicks(name, "Cong moi")
    window.open_record("cameras", second)  # leaving the record saves it
    assert ws.get("cameras", first)["name"] == "Cong moi"
    second_history = history_length(ws, "cameras", second)
    assert window.editor.record_id == second
    window.cameras.view.setFocus()
    qtbot.keyClick(window.cameras.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # the edited camera is on screen, in the form and the list, with the edit undone
    assert window.current == ("cameras", first)
    assert window.editor.record_id == first and window.cameras.selected_id() == first
    assert ws.get("cameras", first)["name"] == old
    assert window.editor.widgets["name"].value() == old
    assert window.statusBar().currentMessage() == f"Đã mở Camera: {old} và hoàn tác: Sửa Tên"
    assert history_length(ws, "cameras", second) == second_history  # untouched
    window.open_record("cameras", second)
    window.redo_action.trigger()
    assert window.editor.record_id == first
    assert ws.get("cameras", first)["name"] == "Cong moi"
    assert window.statusBar().currentMessage() == "Đã mở Camera: Cong moi và làm lại: Sửa Tên"
    assert window.undo_action.text() == "Hoàn tác Sửa Tên"


def close_next_message() -> list[str]:
    """Close the next message box when it appears; its text lands in the returned list."""
    seen: list[str] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)
    return seen


def drop_files(widget: QWidget, files: list[Path]) -> None:
    """Drag files from a file manager and drop them on a widget, as Qt delivers it."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    where = QPointF(10, 10)
    copy, none = Qt.DropAction.CopyAction, Qt.MouseButton.NoButton
    with warnings.catch_warnings():  # the QPoint form: the only one before PySide6 6.12
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), copy, data, none, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the widget refused the drag"
    QApplication.sendEvent(
        widget, QDropEvent(where, copy, data, none, Qt.KeyboardModifier.NoModifier)
    )


def test_a_photo_dropped_on_a_camera_is_ingested_and_its_gps_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, vietnamese: None
) -> None:
    photo = tmp_path / "DSCN0010.jpg"
    shutil.copy(PHOTOS / "DSCN0010.jpg", photo)
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    strip = window.editor.photos
    before = strip.count()
    with qtbot.waitSignal(strip.ingested, timeout=60_000):
        drop_files(strip, [photo])
        assert strip.progress.isVisible() and strip.cancel_button.isVisible()
    assert strip.count() == before + 1
    assert not strip.progress.isVisible()
    # The photo was taken in Italy, thousands of kilometres from the camera: asked, not applied,
    # the distance in kilometres and the place flagged, and taking it is said to be outside.
    assert re.fullmatch(
        r"Ảnh được chụp ngoài Hà Nội, cách vị trí đã ghi 8\.7\d\d km\. "
        r"Giữ vị trí đã ghi hay dùng vị trí của ảnh\?",
        window.editor.offer_text(),
    )
    assert [b.text() for b in window.editor.banner.findChildren(QPushButton)] == [
        "Vẫn dùng vị trí ngoài Hà Nội",
        "Giữ nguyên",
    ]
    assert 20.5 < window.workspace.get("cameras", camera_id)["lat"] < 21.5  # still in Hà Nội
    window.editor.answer_offer(True)
    camera = window.workspace.get("cameras", camera_id)
    assert (round(camera["lat"], 6), round(camera["lon"], 6)) == (43.467448, 11.885127)
    assert camera["location_source"] == "photo_exif"
    linked = window.workspace.db.execute(
        "SELECT count(*) FROM photo_links WHERE record_table = 'cameras' AND record_id = ? "
        "AND deleted = 0",
        [camera_id],
    ).fetchone()[0]
    assert linked == before + 1


def test_several_far_photos_are_decided_in_one_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, vietnamese: None
) -> None:
    photos = []
    for source in ("DSCN0010.jpg", "DSCN0025.jpg", "DSCN0042.jpg"):
        shutil.copy(PHOTOS / source, tmp_path / source)
        photos.append(tmp_path / source)
    ws = window.workspace
    camera_id = ws.db.execute("SELECT id FROM cameras WHERE lat IS NOT NULL LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    before = ws.get("cameras", camera_id)
    editor = window.editor
    with qtbot.waitSignal(editor.photos.ingested, timeout=60_000):
        drop_files(editor.photos, photos)
    qtbot.waitUntil(
        lambda: editor.position_dialog is not None and editor.position_dialog.isVisible()
    )
    dialog = editor.position_dialog
    assert dialog is not None
    assert not editor.offer_text().startswith("Ảnh được chụp")  # not asked three times over
    assert dialog.table.rowCount() == 3
    rows = [dialog.row_text(row) for row in range(3)]
    assert [r[0] for r in rows] == ["DSCN0010.jpg", "DSCN0025.jpg", "DSCN0042.jpg"]
    assert all(re.fullmatch(r"8\.7\d\d km", r[1]) for r in rows)  # readable, not 8723864 m
    assert all(r[2:] == ["Ngoài Hà Nội", "Dùng"] for r in rows)
    assert dialog.keep.isChecked() and dialog.keep.text() == "Giữ vị trí đã ghi"
    # the second photo's position, chosen explicitly
    dialog.use_buttons[1].click()
    assert not dialog.keep.isChecked()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    camera = ws.get("cameras", camera_id)
    assert (round(camera["lat"], 6), round(camera["lon"], 6)) == (43.468365, 11.881635)
    assert camera["location_source"] == "photo_exif"
    assert editor.widgets["location"].value() == (camera["lat"], camera["lon"])
    assert editor.position_dialog is None
    window.undo_action.trigger()  # one edit, undone like any other
    camera = ws.get("cameras", camera_id)
    assert (camera["lat"], camera["lon"]) == (before["lat"], before["lon"])


def test_several_photos_kept_leave_the_position_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    photos = []
    for source in ("DSCN0012.jpg", "DSCN0027.jpg"):
        shutil.copy(PHOTOS / source, tmp_path / source)
        photos.append(tmp_path / source)
    ws = window.workspace
    site_id = ws.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    window.open_record("sites", site_id)
    before = ws.get("sites", site_id)
    history = history_length(ws, "sites", site_id)
    with qtbot.waitSignal(window.editor.photos.ingested, timeout=60_000):
        assert window.editor.photos.add_files(photos)
    qtbot.waitUntil(lambda: window.editor.position_dialog is not None)
    dialog = window.editor.position_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Xong" with "keep" as it starts
    assert (ws.get("sites", site_id)["lat"], ws.get("sites", site_id)["lon"]) == (
        before["lat"],
        before["lon"],
    )
    assert history_length(ws, "sites", site_id) == history


@pytest.mark.skipif(HEIC_DECODING, reason="the HEIC extra is installed")
def test_a_heic_photo_without_the_extra_shows_a_placeholder_saying_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, vietnamese: None
) -> None:
    from fieldsurvey.ui.photo_strip import PhotoDialog

    photo = tmp_path / "IMG_5195.HEIC"
    shutil.copy(DATA / "photos" / "exif-samples" / "heic" / "IMG_5195.HEIC", photo)
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    strip = window.editor.photos
    with qtbot.waitSignal(strip.ingested, timeout=60_000):
        assert strip.add_files([photo])
    item = next(
        strip.list.item(i)
        for i in range(strip.count())
        if strip.list.item(i).text() == "IMG_5195.HEIC"
    )
    assert not item.icon().isNull()  # a placeholder, not an empty slot
    assert "cần cài gói mở rộng HEIC" in item.toolTip()
    assert "11/04/2021 15:47" in item.toolTip()  # when it was taken, as its clock said
    # taken in Kansas: flagged, never taken without a choice
    assert "ngoài Hà Nội" in window.editor.offer_text()
    photo_id = item.data(Qt.ItemDataRole.UserRole)
    dialog = PhotoDialog(window.workspace, photo_id, window)
    qtbot.addWidget(dialog)
    assert "cần cài gói mở rộng HEIC" in dialog.image.text()
    assert dialog.details.text().startswith("11/04/2021 15:47 · 39.051344, -94.288772")


def test_a_photo_heading_is_offered_as_the_view_direction(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, demo_file: Path
) -> None:
    # The demo's photos carry a compass heading in their EXIF; take one of its originals.
    row = window.workspace.db.execute(
        "SELECT sha256, heading_deg, format FROM photos WHERE heading_deg IS NOT NULL LIMIT 1"
    ).fetchone()
    sha, heading = row[0], row[1]
    original = PhotoStore(photo_folder(demo_file)).find_original(sha)
    assert original is not None
    photo = tmp_path / "heading.jpg"
    shutil.copy(original, photo)
    site_id = window.workspace.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    window.open_record("sites", site_id)
    camera_id = window.add_here("cameras")
    strip = window.editor.photos
    with qtbot.waitSignal(strip.ingested, timeout=60_000):
        assert strip.add_files([photo])
    while "la bàn" not in window.editor.offer_text():
        assert window.editor.offer_text(), "no heading offered"
        window.editor.answer_offer(False)
    window.editor.answer_offer(True)
    views = json.loads(window.workspace.get("cameras", camera_id)["views"])
    assert views[0]["direction"] == round(heading, 1)


def test_cancelling_a_batch_keeps_the_workspace_consistent(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    files = []
    for i, source in enumerate(sorted(PHOTOS.glob("*.jpg"))[:6]):
        target = tmp_path / f"{i}.jpg"
        shutil.copy(source, target)
        files.append(target)
    camera_id = window.workspace.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    window.open_record("cameras", camera_id)
    strip = window.editor.photos
    with qtbot.waitSignal(strip.ingested, timeout=60_000) as signal:
        strip.add_files(files)
        strip.cancel()
    results = signal.args[2]
    added = [r for r in results if r.photo_id]
    cancelled = [r for r in results if r.error]
    assert len(added) + len(cancelled) == 6
    linked = {
        row[0]
        for row in window.workspace.db.execute(
            "SELECT p.sha256 FROM photo_links l JOIN photos p ON p.id = l.photo_id "
            "WHERE l.record_table = 'cameras' AND l.record_id = ? AND l.deleted = 0",
            [camera_id],
        )
    }
    assert {r.sha256 for r in added} <= linked  # what finished before the cancel is kept
    assert strip.count() == len(linked)


def test_next_and_previous_record_and_save_and_next(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.sites)
    window.sites.view.selectRow(0)
    first = window.sites.selected_id()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = window.sites.selected_id()
    assert second not in (None, first)
    assert window.editor.record_id == second
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.sites.selected_id() == first
    name = window.editor.widgets["name"].edit
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " (2)")
    qtbot.keyClick(name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.sites.selected_id() == second
    assert window.workspace.get("sites", first)["name"].endswith(" (2)")


def test_new_workspace_and_reset_demo(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "moi.sqlite"
    assert window.create_workspace(target, "office", "Văn phòng Sở")
    assert window.workspace.path == target and window.workspace.role == "office"
    assert window.sites.visible_count() == 0
    assert "văn phòng" in window.windowTitle()
    seen = close_next_message()
    assert not window.create_workspace(target, "surveyor", "x")  # exists: refused, said why
    assert seen and "đã tồn tại" in seen[0]
    assert window.workspace.path == target
    demo_path = user_settings.demo_workspace_path()
    assert window.open_demo()
    site_id = window.workspace.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    window.workspace.delete("sites", site_id)
    assert window.reset_demo()
    assert window.workspace.path == demo_path
    assert window.workspace.get("sites", site_id)["deleted"] == 0
    assert window.sites.visible_count() == 300


def test_layout_is_remembered(qtbot: QtBot, demo: Workspace) -> None:
    first = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([300, 1000])
    sizes = first.splitter.sizes()
    first.save_layout()
    first.map.shutdown()
    second = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes() == sizes
    second.map.shutdown()


def test_a_new_sites_category_starts_empty_and_must_be_chosen(qtbot: QtBot) -> None:
    dialog = NewSiteDialog("vi")
    qtbot.addWidget(dialog)
    assert dialog.category.currentIndex() == -1 and dialog.category.currentData() is None
    assert dialog.category.placeholderText() == "— Chọn loại địa điểm —"
    qtbot.keyClicks(dialog.name, "Cho Long Bien")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Hãy chọn loại địa điểm" in dialog.error.text()
    assert dialog.category.hasFocus() or not dialog.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findText("Chợ"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["category"] == "market"


def test_dialog_refuses_a_site_without_a_name(qtbot: QtBot) -> None:
    dialog = NewSiteDialog("vi")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "tên" in dialog.error.text()
    qtbot.keyClicks(dialog.name, "Ga Ha Noi")
    dialog.category.setCurrentIndex(0)
    qtbot.keyClicks(dialog.location, "khong phai toa do")
    dialog.accept()
    assert "tọa độ" in dialog.error.text()


def test_a_need_shows_the_cameras_that_already_see_it(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QPushButton

    from fieldsurvey.core.office.coverage import need_coverage

    entry = next(e for e in need_coverage(window.workspace.db) if e["cameras"])
    window.open_record("needs", entry["need"])
    editor = window.editor
    assert editor.table == "needs"
    buttons = editor.children_box.findChildren(QPushButton)
    reuse = [b for b in buttons if b.text() == "Tận dụng"]
    assert len(reuse) == min(20, len(entry["cameras"]))
    reuse[0].click()
    first = entry["cameras"][0]["id"]
    assert first in json.loads(window.workspace.get("needs", entry["need"])["reuse_camera_ids"])
    qtbot.waitUntil(
        lambda: any(
            b.text() == "Bỏ tận dụng" and b.isVisible()
            for b in editor.children_box.findChildren(QPushButton)
        )
    )
    window.undo_action.trigger()  # a saved edit like any other
    assert first not in json.loads(
        window.workspace.get("needs", entry["need"])["reuse_camera_ids"] or "[]"
    )


def test_a_full_disk_is_a_message_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow
) -> None:
    from fieldsurvey.core.errors import WorkspaceError

    ws = window.workspace
    camera_id, other_id = (r[0] for r in ws.db.execute("SELECT id FROM cameras LIMIT 2"))
    window.open_record("cameras", camera_id)
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk
    with pytest.raises(WorkspaceError):  # fill what room is left
        for i in range(10_000):
            ws.update("cameras", other_id, {"notes": f"{i} " + "x" * 3000})
    notes = window.editor.widgets["notes"]
    seen = close_next_message()
    notes.edit.setPlainText("Ghi chú dài " * 300)
    window.editor.flush()
    qtbot.waitUntil(lambda: bool(seen))
    assert "đầy" in seen[0]  # the disk is full, and what to do about it
    assert not (ws.get("cameras", camera_id)["notes"] or "").startswith("Ghi chú")
    assert notes.value().startswith("Ghi chú dài")  # still in the form
    ws.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    window.editor.flush()  # what could not be written is tried again
    assert ws.get("cameras", camera_id)["notes"] == notes.value().strip()  # saved now
    assert "Ghi chú dài" in notes.value()


def test_a_photo_opens_large_upright(qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    from fieldsurvey.ui.photo_strip import PhotoDialog

    # The demo's photo store is beside the session's demo file; this copy shares its records.
    shutil.copytree(
        photo_folder(demo_file), photo_folder(window.workspace.path), dirs_exist_ok=True
    )
    photo_id = window.workspace.db.execute(
        "SELECT id FROM photos WHERE orientation IN (6, 8) LIMIT 1"
    ).fetchone()[0]
    dialog = PhotoDialog(window.workspace, photo_id, window)
    qtbot.addWidget(dialog)
    pixmap = dialog.image.pixmap()
    assert not pixmap.isNull()
    stored = window.workspace.get("photos", photo_id)
    # stored sideways (orientation 6 or 8): shown turned upright, so width and height swap
    assert (pixmap.width() > pixmap.height()) == (stored["height"] > stored["width"])


def test_a_new_users_first_camera(qtbot: QtBot, demo: Workspace, tmp_path: Path) -> None:
    """Open the demo, record a camera with two photos and a shortcoming at a site, close, reopen."""
    path = demo.path
    win = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.sites)
    win.sites.view.selectRow(3)
    site_id = win.sites.selected_id()
    assert site_id is not None and win.editor.record_id == site_id
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.editor.table == "cameras")
    camera_id = win.editor.record_id
    name = win.editor.widgets["name"].edit
    name.selectAll()
    qtbot.keyClicks(name, "Camera cong truoc")
    photos = [tmp_path / "a.jpg", tmp_path / "b.jpg"]
    for source, target in zip(("DSCN0021.jpg", "DSCN0025.jpg"), photos, strict=True):
        shutil.copy(PHOTOS / source, target)
    with qtbot.waitSignal(win.editor.photos.ingested, timeout=60_000):
        drop_files(win.editor.photos, photos)
    assert win.editor.photos.count() == 2
    dialog = win.editor.position_dialog  # two photos taken far away: one question for both
    assert dialog is not None and dialog.table.rowCount() == 2
    dialog.reject()  # keep the site's position
    while win.editor.offer_text():
        win.editor.answer_offer(False)
    activate(qtbot, win)  # back from the dialog
    qtbot.keyClick(
        win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: win.editor.table == "shortcomings")
    shortcoming_id = win.editor.record_id
    kind = win.editor.widgets["kind"].box
    kind.setCurrentIndex(kind.findData("obstructed"))
    kind.activated.emit(kind.currentIndex())
    qtbot.keyClicks(win.editor.widgets["description"].edit, "Cay che mat")
    win.close()

    with Workspace.open(path) as again:
        camera = again.get("cameras", camera_id)
        assert (camera["name"], camera["site_id"]) == ("Camera cong truoc", site_id)
        links = again.db.execute(
            "SELECT count(*) FROM photo_links WHERE record_table = 'cameras' AND record_id = ? "
            "AND deleted = 0",
            [camera_id],
        ).fetchone()[0]
        assert links == 2
        shortcoming = again.get("shortcomings", shortcoming_id)
        assert (shortcoming["camera_id"], shortcoming["kind"]) == (camera_id, "obstructed")
        assert shortcoming["description"] == "Cay che mat"


def test_a_needs_position_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    need_id = window.workspace.db.execute("SELECT id FROM needs LIMIT 1").fetchone()[0]
    window.open_record("needs", need_id)
    location = window.editor.widgets["location"].edit
    location.clear()
    qtbot.keyClicks(location, "21.0368, 105.8342")
    window.editor.flush()  # a need has lat and lon, not the source a site or camera keeps
    need = window.workspace.get("needs", need_id)
    assert (need["lat"], need["lon"]) == (21.0368, 105.8342)
    assert window.editor.field_note("location") == ""
    window.on_map_location_picked(21.04, 105.84)  # and picked on the map
    assert window.workspace.get("needs", need_id)["lat"] == 21.04


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("table", ["sites", "cameras", "shortcomings", "needs"])
def test_the_editor_names_each_field_as_the_reports_do(
    window: MainWindow, demo: Workspace, table: str
) -> None:
    record_id = demo.db.execute(f"SELECT id FROM {table} WHERE NOT deleted LIMIT 1").fetchone()[0]
    window.editor.show_record(demo, table, record_id)
    on_screen = {}
    for name, widget in window.editor.widgets.items():
        label = window.editor.form.labelForField(widget.parentWidget())
        on_screen[name] = label.text().removesuffix(" *")
    columns = {
        "sites": report_tables.SITE_COLUMNS,
        "cameras": report_tables.CAMERA_COLUMNS,
        "shortcomings": report_tables.SHORTCOMING_COLUMNS,
        "needs": report_tables.NEED_COLUMNS,
    }[table]
    in_report = {c.field.rpartition(".")[2]: c.header("vi") for c in columns if c.field}
    shared = on_screen.keys() & in_report.keys()
    assert len(shared) >= 3
    assert {f: on_screen[f] for f in shared} == {f: in_report[f] for f in shared}
    if table in ("sites", "cameras"):
        commune = window.editor.form.labelForField(window.editor.commune)
        assert commune.text() == in_report["commune_code"] == "Xã, phường"
