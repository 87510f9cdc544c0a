"""Vietnamese first, English second: switching the language changes what the window shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldsurvey.app import make_window
from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import VIETNAMESE_LETTERS, ensure_vietnamese_font, install_language
from fieldsurvey.ui.main_window import MainWindow


@pytest.fixture
def app_language() -> Iterator[None]:
    yield
    install_language(QApplication.instance(), "vi")  # leave the next test in Vietnamese


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switching_to_english_changes_visible_labels(
    qtbot: QtBot, demo: Workspace, app_language: None
) -> None:
    settings = user_settings.Settings(language="vi")
    window = make_window(demo, settings)
    qtbot.addWidget(window)
    window.show()
    assert menu_titles(window)[:2] == ["&Tệp", "&Sửa"]
    assert window.tabs.tabText(0) == "Địa điểm"
    window.open_record("sites", demo.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0])
    assert (
        window.editor.form.labelForField(window.editor.widgets["name"].parentWidget()).text()
        == "Tên *"
    )

    window.language_change_requested.emit("en")  # what the settings dialog sends
    english = QApplication.instance().property("main_window")
    assert isinstance(english, MainWindow) and english is not window
    qtbot.addWidget(english)
    assert settings.language == "en"
    assert user_settings.load_settings().language == "en"  # remembered for the next start
    assert menu_titles(english) == ["&File", "&Edit", "&Records", "&Office", "&Sync", "&Help"]
    assert english.tabs.tabText(0) == "Sites"
    assert field_labels()["camera_type"] == "Camera type"
    assert english.category_filter.itemText(english.category_filter.findData("scenic_spot")) == (
        "Scenic spot"
    )  # code-list labels follow the language too
    assert "sites" in english.statusBar().currentMessage()
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"
    english.map.shutdown()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_vietnamese_numbers_and_every_diacritic_has_a_glyph(app_language: None) -> None:
    install_language(QApplication.instance(), "vi")
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"
    family = ensure_vietnamese_font(QApplication.instance())
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(c)) for c in VIETNAMESE_LETTERS)


def test_distances_read_in_each_language(app_language: None) -> None:
    from fieldsurvey.ui.values import shown_distance

    install_language(QApplication.instance(), "vi")
    assert [shown_distance(m) for m in (35.4, 999.4, 1249, 9_940, 8_723_864)] == [
        "35 m",
        "999 m",
        "1,2 km",
        "9,9 km",
        "8.724 km",
    ]
    install_language(QApplication.instance(), "en")
    assert [shown_distance(m) for m in (35.4, 1249, 8_723_864)] == ["35 m", "1.2 km", "8,724 km"]


def test_qts_own_words_are_vietnamese_too(app_language: None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    install_language(QApplication.instance(), "vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Đóng"
    install_language(QApplication.instance(), "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_decimals_and_dates_in_the_office_screens_values(
    demo: Workspace, app_language: None
) -> None:
    from fieldsurvey.ui.values import shown_date, shown_decimal, shown_value

    views = [{"direction": 252.5, "angle": 67.5}]
    install_language(QApplication.instance(), "vi")
    assert shown_value(demo, "cameras", "height_m", 7.5, "vi") == "7,5"
    assert shown_value(demo, "cameras", "views", views, "vi") == "252,5° (67,5°)"
    assert shown_decimal(0.8712, 2) == "0,87"
    assert shown_date("2026-03-31") == "31/03/2026"
    assert shown_date("2026-03-31T08:05:00+07:00", as_written=True) == "31/03/2026 08:05"
    assert shown_value(demo, "assignments", "due_date", "2026-03-31", "vi") == "31/03/2026"
    assert shown_value(demo, "reviews", "reviewed_at", "2026-03-31", "vi") == "31/03/2026"
    taken = "2026-03-31T08:05:09+07:00"
    assert shown_value(demo, "photos", "taken_at", taken, "vi") == "31/03/2026 08:05"
    install_language(QApplication.instance(), "en")
    assert shown_value(demo, "cameras", "height_m", 7.5, "en") == "7.5"
    assert shown_value(demo, "cameras", "views", views, "en") == "252.5° (67.5°)"
    assert shown_date("2026-03-31") == "31/03/2026"  # the same in both languages
