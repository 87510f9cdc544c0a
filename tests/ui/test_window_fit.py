"""The window on a 1366×768 laptop screen, in Vietnamese (and in English): every filter,
label, button and progress text read whole, the editor given at least half the height beside
the map, ticked lists shown whole in the form, and a new record opened at its first field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.compact import show_on_screen
from fieldsurvey.ui.dialogs import NewSiteDialog, NewWorkspaceDialog, SettingsDialog
from fieldsurvey.ui.fields import CodesField
from fieldsurvey.ui.i18n import ensure_vietnamese_font, install_language
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog
from tests.helpers.fit import cut_texts, overflowing_toolbars

SCREEN = QSize(1366, 768)


@pytest.fixture
def lang() -> str:
    """The session's language (tests that check English too parametrize it)."""
    return "vi"


@pytest.fixture
def window(qtbot: QtBot, demo: Workspace, lang: str) -> Iterator[MainWindow]:
    """The window as a session in ``lang`` opens it the first time, at 1366×768."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, lang)
    ensure_vietnamese_font(app)
    QSettings().remove("window")  # the default layout, not one a test before left
    win = MainWindow(demo, settings=user_settings.Settings(language=lang))
    qtbot.addWidget(win)
    win.resize(SCREEN)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    install_language(app, "vi")  # the next test in Vietnamese, as the suite expects


def first_id(workspace: Workspace, table: str) -> str:
    """A record of the demo with a site (and, for a camera, photos and shortcomings)."""
    query = {
        "sites": "SELECT site_id FROM cameras WHERE deleted = 0 GROUP BY site_id "
        "ORDER BY count(*) DESC LIMIT 1",
        "cameras": "SELECT camera_id FROM shortcomings WHERE deleted = 0 AND camera_id IS NOT NULL "
        "LIMIT 1",
        "shortcomings": "SELECT id FROM shortcomings WHERE deleted = 0 "
        "ORDER BY length(description) DESC LIMIT 1",
        "needs": "SELECT id FROM needs WHERE deleted = 0 LIMIT 1",
        # the camera with the most photos
        "photos": "SELECT record_id FROM photo_links WHERE record_table = 'cameras' "
        "AND deleted = 0 GROUP BY record_id ORDER BY count(*) DESC, record_id LIMIT 1",
    }[table]
    return str(workspace.db.execute(query).fetchone()[0])


def settle(qtbot: QtBot) -> None:
    """Let the layouts run (they are laid out on posted events)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    qtbot.wait(1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_window_fits_a_laptop_screen(qtbot: QtBot, window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height() - 60
    assert window.size() == SCREEN
    settle(qtbot)
    assert overflowing_toolbars(window) == []
    cut = cut_texts(window)
    assert not cut, "\n".join(cut)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("table", ["sites", "cameras", "shortcomings", "needs"])
def test_each_kind_of_record_is_read_whole(qtbot: QtBot, window: MainWindow, table: str) -> None:
    window.open_record(table, first_id(window.workspace, table))
    settle(qtbot)
    assert window.editor.table == table
    cut = cut_texts(window)
    assert not cut, "\n".join(cut)


@pytest.mark.parametrize("height", [SCREEN.height(), 700])  # 700: maximised beside a taskbar
def test_the_editor_has_at_least_half_the_height_beside_the_map(
    qtbot: QtBot, window: MainWindow, height: int
) -> None:
    window.resize(SCREEN.width(), height)
    window.open_record("cameras", first_id(window.workspace, "photos"))
    settle(qtbot)
    assert window.editor.height() >= window.right.height() / 2
    # and most of it is the form, not the photos under it
    assert window.editor.form_scroll.height() >= window.editor.height() / 2


@pytest.mark.parametrize("table", ["cameras", "needs"])
def test_ticked_lists_show_every_choice_without_scrolling(
    qtbot: QtBot, window: MainWindow, table: str
) -> None:
    window.open_record(table, first_id(window.workspace, table))
    settle(qtbot)
    for name in ("purposes", "ai_functions"):
        field = window.editor.widgets[name]
        assert isinstance(field, CodesField)
        assert not field.findChildren(QAbstractScrollArea)  # nothing scrolls inside the form
        boxes = field.findChildren(QCheckBox)
        assert len(boxes) > 3
        for box in boxes:
            assert box.isVisible()
            assert field.rect().contains(box.geometry())
        # several to a row where they fit: no taller than one per row
        rows = {box.y() for box in boxes}
        assert 1 < len(rows) < len(boxes)


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup, offscreen
def test_a_filter_lists_its_choices_whole(qtbot: QtBot, window: MainWindow) -> None:
    box = window.category_filter
    longest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert longest > box.width()  # narrower than its longest choice
    box.setCurrentIndex(max(range(box.count()), key=lambda i: len(box.itemText(i))))
    assert box.toolTip() == box.currentText()  # shortened on screen, whole in the tooltip
    box.showPopup()
    qtbot.waitUntil(box.view().isVisible)
    assert box.view().width() > longest
    box.hidePopup()


def test_a_ticked_choice_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    window.open_record("needs", first_id(window.workspace, "needs"))
    field = window.editor.widgets["ai_functions"]
    assert isinstance(field, CodesField)
    before = set(field.value())
    box = next(b for b in field.findChildren(QCheckBox) if not b.isChecked())
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    window.editor.flush()
    saved = window.workspace.get("needs", window.editor.record_id)["ai_functions"]
    assert set(json.loads(saved)) == before | {field.code_of(box)}


def focused_field(window: MainWindow) -> str | None:
    return window.editor.field_of(QApplication.focusWidget())


@pytest.mark.parametrize(
    ("table", "first"),
    [("cameras", "name"), ("shortcomings", "kind"), ("needs", "purposes")],
)
def test_a_new_record_opens_at_its_first_field(
    qtbot: QtBot, window: MainWindow, table: str, first: str
) -> None:
    window.activateWindow()
    site_id = first_id(window.workspace, "sites")
    window.open_record("sites", site_id)
    window.editor.form_scroll.verticalScrollBar().setValue(
        window.editor.form_scroll.verticalScrollBar().maximum()
    )
    window.add_record(table, site_id)
    qtbot.waitUntil(lambda: focused_field(window) == first)
    widget: QWidget | None = QApplication.focusWidget()
    assert widget is not None
    qtbot.waitUntil(widget.isVisible)
    assert widget.hasFocus()
    assert window.editor.form_scroll.verticalScrollBar().value() == 0


def test_a_new_site_opens_at_its_name(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.create_site({"name": "Chợ Long Biên", "category": "market"})
    qtbot.waitUntil(lambda: focused_field(window) == "name")


OFFICE = [
    "inbox",
    "review",
    "conflicts",
    "progress",
    "dashboard",
    "duplicates",
    "inventory",
    "report",
    "plan",
    "coverage",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", OFFICE)
def test_the_office_screens_are_read_whole(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.open_record("cameras", first_id(window.workspace, "cameras"))
    dialog = window.open_office(name)
    qtbot.waitExposed(dialog)
    # Measured once its content is in: a list read in the background that arrives while the
    # layouts run would be measured before its labels are laid out.
    for state in ("busy", "loading"):
        if getattr(dialog, state, None) is not None:
            qtbot.waitUntil(lambda state=state: not getattr(dialog, state), timeout=20_000)
    settle(qtbot)
    assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height() - 68
    cut = cut_texts(dialog)
    dialog.close()
    assert not cut, "\n".join(cut)


def test_a_window_larger_than_the_screen_opens_maximised(qtbot: QtBot) -> None:
    screen = QApplication.primaryScreen()
    assert screen is not None
    free = screen.availableGeometry().size()
    big, small = QWidget(), QWidget()
    for widget in (big, small):
        qtbot.addWidget(widget)
    big.resize(free.width() + 100, free.height())
    small.resize(free.width() // 2, free.height() // 2)
    show_on_screen(big)
    show_on_screen(small)
    assert big.isMaximized() and big.isVisible()
    assert not small.isMaximized() and small.isVisible()


def test_the_checker_sees_a_cut_text_and_allows_one_shortened_on_purpose(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    text = "Mục tiêu, công trình quan trọng về an ninh quốc gia"
    cut = QLabel(text, host)
    cut.setGeometry(0, 0, 60, 20)
    shortened = QLabel(cut.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 60), host)
    shortened.setToolTip(text)
    shortened.setGeometry(0, 30, 60, 20)
    box = QCheckBox(text, host)
    box.setGeometry(0, 60, 200, 20)
    whole = QLabel("Tên", host)
    whole.setGeometry(0, 90, 60, 20)
    host.resize(420, 120)
    host.show()
    found = cut_texts(host)
    assert len(found) == 2
    assert "QLabel" in found[0] and text in found[0]
    assert "QCheckBox" in found[1]


def other_dialogs(window: MainWindow, tmp_path: Path) -> dict[str, QDialog]:
    return {
        "new site": NewSiteDialog(window.lang, parent=window),
        "new workspace": NewWorkspaceDialog(tmp_path, "Nguyễn Văn An", window),
        "settings": SettingsDialog("", window.lang, window, first_start=True),
        "export": ExportDialog(window.workspace, window),
        "import": ImportDialog(window.workspace, window),
        "packages": PackagesDialog(window.workspace, window),
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "name", ["new site", "new workspace", "settings", "export", "import", "packages"]
)
def test_the_other_dialogs_are_read_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str
) -> None:
    dialog = other_dialogs(window, tmp_path)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height() - 68
    cut = cut_texts(dialog)
    dialog.close()
    assert not cut, "\n".join(cut)
