"""Device keys in the window: the new-workspace dialog's protection choice (the system's store
when there is one, else a passphrase typed twice; the key file with its risk) and the modal
passphrase dialog an export opens when the keys are sealed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import keys
from fieldsurvey.ui.dialogs import NewWorkspaceDialog, PassphraseDialog
from fieldsurvey.ui.i18n import install_language
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.sync_dialogs import ExportDialog
from tests.helpers.modal import when_modal

PASSPHRASE = "mat khau van phong 2026"  # typed with QTest, which knows ASCII keys only
AT = "2026-03-01T08:00:00.000Z"


@pytest.fixture
def window(qtbot: QtBot, demo: Workspace) -> Iterator[MainWindow]:
    win = MainWindow(demo, settings=user_settings.Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def ok_button(dialog: NewWorkspaceDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_the_systems_store_is_the_default_when_there_is_one(
    qtbot: QtBot, tmp_path: Path, memory_keyring: Any
) -> None:
    dialog = NewWorkspaceDialog(tmp_path, "Nguyễn Văn A")
    qtbot.addWidget(dialog)
    assert dialog.chosen_protection() == "keyring"
    assert not dialog.passphrase.isEnabled()
    assert dialog.chosen_passphrase() is None


def test_without_a_store_a_passphrase_is_the_default_and_the_file_shows_its_risk(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = NewWorkspaceDialog(tmp_path, "Nguyễn Văn A")  # the tests' fail backend: no store
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_protection() == "passphrase"
    assert not dialog.protection.model().item(0).isEnabled()  # type: ignore[attr-defined]
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.passphrase_again.echoMode() == QLineEdit.EchoMode.Password
    assert "Cảnh báo" not in dialog.key_note.text()
    dialog.protection.setCurrentIndex(dialog.protection.findData("file"))
    assert dialog.key_note.text().startswith("Cảnh báo: khóa riêng sẽ nằm không mã hóa")
    assert not dialog.passphrase.isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == NewWorkspaceDialog.DialogCode.Accepted
    assert dialog.chosen_protection() == "file" and dialog.chosen_passphrase() is None


def test_the_passphrase_must_be_long_enough_and_typed_twice_alike(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = NewWorkspaceDialog(tmp_path, "Nguyễn Văn A")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.passphrase_again, "short")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "ít nhất 8" in dialog.error.text()
    dialog.passphrase.clear()
    dialog.passphrase_again.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrase_again, PASSPHRASE + "!")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "không khớp" in dialog.error.text()
    qtbot.keyClick(dialog.passphrase_again, Qt.Key.Key_Backspace)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == NewWorkspaceDialog.DialogCode.Accepted
    assert dialog.chosen_passphrase() == PASSPHRASE


def test_the_passphrase_dialog_in_english(qtbot: QtBot) -> None:
    install_language(QApplication.instance(), "en")
    try:
        dialog = PassphraseDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Device keys' passphrase"
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        form = NewWorkspaceDialog(Path("."), "")
        qtbot.addWidget(form)
        assert form.protection.itemText(1) == "Passphrase"
    finally:
        install_language(QApplication.instance(), "vi")


def test_a_workspace_made_in_the_window_under_a_passphrase_asks_for_it_to_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "van-phong.sqlite"

    def fill(dialog: NewWorkspaceDialog) -> None:
        dialog.path.setText(str(target))
        dialog.role.setCurrentIndex(dialog.role.findData("surveyor"))
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.passphrase_again, PASSPHRASE)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    when_modal(NewWorkspaceDialog, fill)
    window.on_new_workspace()
    ws = window.workspace
    assert ws.path == target
    assert keys.protection_of(ws.db) == "passphrase"
    # An office to send to.
    office = Workspace.create(tmp_path / "office.sqlite", role="office", name="Công an TP")
    with office, ws.transaction():
        keys.enrol(ws.db, office.public_identity(), at=AT)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert window.open_path(target)  # opened again: the keys are locked
    ws = window.workspace

    export = ExportDialog(ws, window)
    qtbot.addWidget(export)
    export.folder.setText(str(usb))
    qtbot.waitUntil(export.export_button.isEnabled, timeout=30_000)  # what would go is counted
    asked: list[str] = []

    def cancel(dialog: PassphraseDialog) -> None:
        asked.append(dialog.labelText())
        dialog.reject()

    when_modal(PassphraseDialog, cancel)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert asked and "Chưa nhập mật khẩu" in export.summary.text()

    def wrong(dialog: PassphraseDialog) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit), "not the passphrase")
        dialog.accept()

    when_modal(PassphraseDialog, wrong)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert export.summary.text().startswith("Mật khẩu không đúng")
    assert export.written is None

    def right(dialog: PassphraseDialog) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit), PASSPHRASE)
        dialog.accept()

    when_modal(PassphraseDialog, right)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.written is not None, timeout=30_000)
    assert export.written is not None and export.written.exists()
    assert PASSPHRASE not in export.summary.text()
    asked.clear()
    when_modal(PassphraseDialog, cancel, tries=15)  # would record a second question
    again = ExportDialog(ws, window)
    qtbot.addWidget(again)
    again.folder.setText(str(usb))
    qtbot.waitUntil(again.export_button.isEnabled, timeout=30_000)
    qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.written is not None, timeout=30_000)
    assert asked == []  # unlocked once for the life of the workspace
