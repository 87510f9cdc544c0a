"""Qt's standard dialogs in a Vietnamese session: Qt ships no Vietnamese (no qtbase_vi.qm), so
the app draws its file dialogs itself (not the system's) and their words come from our own
catalogue, qt_vi, as the message boxes' buttons already do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldsurvey.ui.i18n import install_language

# The contexts of the words a file dialog shows (its labels, buttons, tooltips, the columns
# of its file list, the kinds of file): what qt_vi translates for it.
FILE_DIALOG_CONTEXTS = {
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    "QPlatformTheme",
}


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    install_language(app(), "vi")
    yield
    install_language(app(), "vi")  # the next test in Vietnamese too, as the suite expects


def shown_words(dialog: QFileDialog) -> dict[str, str]:
    """What a file dialog shows in words: its labels and buttons, its tool buttons' tooltips
    and its file list's column names, by where they are."""
    words: dict[str, str] = {}
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            words[f"{name}.text"] = widget.text()
        if isinstance(widget, QAbstractButton) and widget.toolTip():
            words[f"{name}.toolTip"] = widget.toolTip()
    view = dialog.findChild(QTreeView)
    assert view is not None
    model = view.model()
    for column in range(model.columnCount()):
        words[f"column {column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    return words


def open_file_dialog(qtbot: QtBot, mode: str, folder: Path) -> QFileDialog:
    dialog = QFileDialog(None, "FieldSurvey", str(folder))
    qtbot.addWidget(dialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setNameFilter("Ảnh (*.jpg);;Tất cả (*)")  # ours, already in Vietnamese
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_qt_ships_no_vietnamese_so_the_file_dialogs_are_drawn_by_qt(
    qtbot: QtBot, vietnamese: None
) -> None:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert not QTranslator().load("qtbase_vi", folder)
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    install_language(app(), "en")  # in English the system's own dialogs are fine
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


class Marking(QTranslator):
    """Stands for a complete qt_vi: marks every word it is asked for in the file dialog's
    contexts, so that a word left unmarked is one no catalogue of ours could translate."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context in FILE_DIALOG_CONTEXTS else ""


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_every_word_of_a_file_dialog_can_come_from_our_catalogue(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, mode: str
) -> None:
    marking = Marking(app())
    app().installTranslator(marking)
    try:
        dialog = open_file_dialog(qtbot, mode, tmp_path)
        words = shown_words(dialog)
    finally:
        app().removeTranslator(marking)
    assert len(words) > 10
    unmarked = {where: word for where, word in words.items() if not word.startswith("«")}
    assert unmarked == {}


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_a_file_dialog_reads_in_vietnamese(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, mode: str
) -> None:
    dialog = open_file_dialog(qtbot, mode, tmp_path)
    english = Marking()
    words = shown_words(dialog)
    # none left in Qt's English (the words a Marking translator would be asked for)
    app().installTranslator(english)
    try:
        sources = shown_words(open_file_dialog(qtbot, mode, tmp_path))
    finally:
        app().removeTranslator(english)
    left = {
        where: word
        for where, word in words.items()
        if sources.get(where, "").startswith("«") and word == sources[where].strip("«»")
    }
    assert left == {}


def test_message_box_buttons_read_in_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "FieldSurvey", "?", buttons.Yes | buttons.No | buttons.Cancel
    )
    qtbot.addWidget(box)
    assert {box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Cancel)} == {
        "&Có",
        "&Không",
        "Hủy",
    }
