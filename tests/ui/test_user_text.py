"""Names and values that look like HTML, from a surveyor's package, a photo's metadata or what
was typed, are shown as written: Qt reads a label, a tooltip or a chart's axis label that looks
like HTML as HTML unless told otherwise (a name ``<img src=…>`` would make it load a file)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import keys
from fieldsurvey.ui.charts import ChartsView
from fieldsurvey.ui.editor import RecordEditor
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.office.conflicts import ConflictsDialog
from fieldsurvey.ui.office.duplicates import MergeDialog
from fieldsurvey.ui.office.inbox import InboxDialog
from fieldsurvey.ui.office.review import ReviewDialog
from fieldsurvey.ui.photo_strip import PhotoDialog, PhotoStrip
from tests.helpers.office import OfficeDemos, send

# No "&": a screen reader's text (what shown() reads) drops it as a shortcut marker.
HOSTILE = "<b>Chợ</b> <i>Hôm</i> {{ 7*7 }}"


def shown(label: QWidget) -> str:
    """The text a label shows, as a screen reader reads it (Qt renders what it took for HTML
    and reads the result)."""
    return str(QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name))


def shown_tooltip(qtbot: QtBot, tooltip: str) -> str:
    """The text a tooltip shows: Qt's tooltip is a label reading its text the same way."""
    label = QLabel(tooltip)
    qtbot.addWidget(label)
    return shown(label)


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1", "s2"))


def test_the_editor_title_and_field_notes(qtbot: QtBot, demo: Workspace) -> None:
    camera = demo.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    demo.update("cameras", camera, {"name": HOSTILE})
    editor = RecordEditor(QUndoStack(), lang="vi")
    qtbot.addWidget(editor)
    editor.show_record(demo, "cameras", camera)
    assert shown(editor.title) == f"Camera: {HOSTILE}"
    editor.widgets["height_m"].edit.clear()
    qtbot.keyClicks(editor.widgets["height_m"].edit, "<b>cao</b>")
    editor.flush()
    assert "'<b>cao</b>'" in shown(editor.notes["height_m"])


def test_the_review_heading(qtbot: QtBot, demo: Workspace) -> None:
    camera = demo.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    demo.update("cameras", camera, {"name": HOSTILE})
    dialog = ReviewDialog(demo, None, "cameras", camera)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    assert shown(dialog.heading) == f"Camera: {HOSTILE}"


def test_conflicting_values_side_by_side(
    qtbot: QtBot, workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    site = s1.insert(
        "sites", {"name": "Chợ Hôm", "category": "market", "lat": 21.0155, "lon": 105.8516}
    )
    send(s1, office, usb)
    send(office, s2, usb)
    s1.update("sites", site, {"name": "A " + HOSTILE, "lat": 21.01})
    s2.update("sites", site, {"name": "B " + HOSTILE, "lat": 21.02})
    send(s1, office, usb)
    send(s2, office, usb)
    dialog = ConflictsDialog(office)
    qtbot.addWidget(dialog)
    fields = [c["field"] for c in dialog.items]
    dialog.queue.selectRow(fields.index("name"))
    sides = {shown(label).splitlines()[0] for label in (dialog.side_a, dialog.side_b)}
    assert sides == {"A " + HOSTILE, "B " + HOSTILE}
    # a third value the field refuses: the message quotes it as typed
    dialog.queue.selectRow(fields.index("lat"))
    dialog.third.setText("<b>21</b>")
    qtbot.mouseClick(dialog.use_third, Qt.MouseButton.LeftButton)
    assert "'<b>21</b>'" in shown(dialog.message)


def test_the_sender_of_a_package(
    qtbot: QtBot, workspaces: dict[str, Workspace], usb: Path, tmp_path: Path
) -> None:
    office = workspaces["office"]
    build_demo(tmp_path / "other.sqlite", role="surveyor", device=HOSTILE)
    with Workspace.open(tmp_path / "other.sqlite", user="x") as other:
        with office.db.conn:
            keys.enrol(office.db, keys.load_identity(other.db).public(), at="2026-01-01")
        send(other, office, usb)
    dialog = InboxDialog(office)
    qtbot.addWidget(dialog)
    assert shown(dialog.records_title).startswith(f"Gói của {HOSTILE}:")


def test_merging_two_cameras(qtbot: QtBot, demo: Workspace, demo_file: Path) -> None:
    shutil.copytree(
        photo_folder(demo_file), photo_folder(demo.path), dirs_exist_ok=True
    )  # the thumbnails
    a, b = demo.db.execute("SELECT id FROM cameras LIMIT 2").fetchall()
    for (camera,) in (a, b):
        demo.update("cameras", camera, {"name": HOSTILE})
    photo = demo.db.execute("SELECT id FROM photos LIMIT 1").fetchone()[0]
    demo.update("photos", photo, {"file_name": HOSTILE})
    demo.insert("photo_links", {"photo_id": photo, "record_table": "cameras", "record_id": a[0]})
    dialog = MergeDialog(demo, a[0], b[0])
    qtbot.addWidget(dialog)
    texts = [shown(label) for label in dialog.fields_area.widget().findChildren(QLabel)]
    assert f"Giữ lại: {HOSTILE}" in texts and f"Gộp vào rồi xóa: {HOSTILE}" in texts
    assert HOSTILE in texts  # the name both cameras share
    tooltips = [label.toolTip() for label in dialog.fields_area.widget().findChildren(QLabel)]
    assert HOSTILE in [shown_tooltip(qtbot, tip) for tip in tooltips if tip]


def test_a_photos_metadata(qtbot: QtBot, demo: Workspace) -> None:
    photo, camera = demo.db.execute(
        "SELECT photo_id, record_id FROM photo_links WHERE record_table = 'cameras' LIMIT 1"
    ).fetchone()
    taken = "<b>2026</b>-01-02 <i>x</i>"
    demo.update("photos", photo, {"taken_at": taken})
    strip = PhotoStrip()
    qtbot.addWidget(strip)
    strip.show_record(demo, "cameras", camera)
    tooltips = [strip.list.item(i).toolTip() for i in range(strip.count())]
    # as written, then why there is no thumbnail (this copy of the demo has no photo files)
    assert any(shown_tooltip(qtbot, tip).startswith(taken + " · ") for tip in tooltips)
    dialog = PhotoDialog(demo, photo)
    qtbot.addWidget(dialog)
    assert shown(dialog.details).startswith(taken)


def test_owner_names_on_a_chart(qtbot: QtBot) -> None:
    """A bar labelled with tags and text looks different from one labelled with the text alone
    only when the tags are shown rather than read as HTML."""

    def picture(label: str) -> object:
        charts = ChartsView("vi")
        qtbot.addWidget(charts)
        view = charts.chart_view("cameras_by_owner", "Camera", [(label, 3)])
        view.resize(400, 300)
        view.show()
        qtbot.waitExposed(view)
        return view.grab().toImage()

    assert picture("<b></b>Công an") != picture("Công an")


def test_a_warning_quoting_a_basemap_file(qtbot: QtBot, demo: Workspace, tmp_path: Path) -> None:
    """An MBTiles file whose metadata names its format in HTML; its tiles are not images."""
    tiles = tmp_path / "ban-do.mbtiles"
    conn = sqlite3.connect(tiles)
    conn.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB);"
    )
    conn.execute("INSERT INTO metadata VALUES ('format', '<b>x</b>')")
    conn.execute("INSERT INTO tiles VALUES (1, 0, 0, ?)", [bytes(range(16))])
    conn.commit()
    conn.close()
    window = MainWindow(demo)
    qtbot.addWidget(window)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        seen.append(shown(label))
        box.accept()

    QTimer.singleShot(20, read_and_close)
    assert window.add_mbtiles(tiles) is False
    assert seen and "(<b>x</b>)" in seen[0]
