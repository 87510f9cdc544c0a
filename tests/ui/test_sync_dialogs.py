"""The sync dialogs, driven like a user: export to a folder, preview then import, receipt."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.settings import load_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog
from tests.helpers.modal import when_modal


def test_export_then_import_through_the_dialogs(qtbot: QtBot, tmp_path: Path) -> None:
    build_demo(tmp_path / "office.sqlite", role="office")
    build_demo(tmp_path / "surveyor.sqlite", role="surveyor")
    usb = tmp_path / "usb"
    usb.mkdir()
    with Workspace.open(tmp_path / "surveyor.sqlite") as surveyor:
        export = ExportDialog(surveyor)
        qtbot.addWidget(export)
        assert "(office)" in export.recipient.currentText()
        # what would go is counted off the window's thread; Export waits for the count
        assert not export.export_button.isEnabled()
        qtbot.waitUntil(lambda: "Sẽ gửi" in export.summary.text(), timeout=30_000)
        assert export.export_button.isEnabled()
        export.folder.setText(str(usb))
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: export.written is not None, timeout=30_000)
        package = export.written
        assert package is not None and package.parent == usb and package.stat().st_size > 0
    junk = usb / "hong.fspkg"
    junk.write_bytes(b"not a package")
    with Workspace.open(tmp_path / "office.sqlite") as office:
        before = office.db.execute("SELECT count(*) FROM sites").fetchone()[0]
        dialog = ImportDialog(office)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.add_files([package, junk])
        assert not dialog.import_button.isEnabled()  # the previews run in the background
        qtbot.waitUntil(lambda: not dialog.previewing, timeout=60_000)
        assert dialog.table.item(0, 6).text() == "xem trước"
        assert int(dialog.table.item(0, 2).text()) > 1000  # new records in the preview
        assert dialog.table.item(1, 6).text().startswith("TỪ CHỐI")
        # the preview wrote nothing
        assert office.db.execute("SELECT count(*) FROM sites").fetchone()[0] == before
        assert dialog.importable() == [package]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.receipt.isVisible, timeout=60_000)
        qtbot.waitUntil(lambda: "ảnh thu nhỏ" in dialog.receipt.toPlainText(), timeout=60_000)
        receipt = dialog.receipt.toPlainText()
        assert "mới" in receipt and "TỪ CHỐI" in receipt
        assert office.db.execute("SELECT count(*) FROM sites").fetchone()[0] == before + 300
        packages = PackagesDialog(office)
        qtbot.addWidget(packages)
        assert packages.table.rowCount() == 1
        assert packages.table.item(0, 1).text() == "nhận"
        assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", packages.table.item(0, 0).text())


def test_export_names_the_package_and_never_overwrites_unasked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    build_demo(tmp_path / "surveyor.sqlite", role="surveyor")
    usb = tmp_path / "usb"
    usb.mkdir()
    today = dt.date.today().isoformat()
    with Workspace.open(tmp_path / "surveyor.sqlite") as surveyor:
        sender = surveyor.public_identity().name
        export = ExportDialog(surveyor)
        qtbot.addWidget(export)
        export.show()
        qtbot.waitUntil(export.export_button.isEnabled, timeout=30_000)
        export.folder.setText(str(usb))
        export.folder.editingFinished.emit()
        first = export.file_name.text()
        # sender, recipient, date, the day's sequence: plain letters, nothing hidden
        assert re.fullmatch(rf"[a-z0-9]+-[a-z0-9]+-{today}-01\.fspkg", first), first
        assert first.startswith(re.sub(r"[^a-z0-9]+", "", fold(sender))[:24] + "-")
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: export.written is not None, timeout=30_000)
        assert export.written == usb / first and export.open_folder_button.isVisible()
        assert load_settings().export_folder == str(usb)  # offered again next time
        assert export.file_name.text().endswith(f"{today}-02.fspkg")

        # the same name again: asked, and "No" leaves the first package as it was
        export.file_name.setText(first)
        before = (usb / first).read_bytes()
        export.written = None
        asked: list[str] = []

        def answer_no(box: QMessageBox) -> None:
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.No).click()

        when_modal(QMessageBox, answer_no)
        assert export.export_button.isEnabled()
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: asked != [])
        assert first in asked[0] and "Ghi đè" in asked[0]
        assert export.written is None and (usb / first).read_bytes() == before
        assert sorted(p.name for p in usb.iterdir()) == [first]

        again = ExportDialog(surveyor)
        qtbot.addWidget(again)
        assert again.folder.text() == str(usb)
        assert again.file_name.text().endswith(f"{today}-02.fspkg")
        again.file_name.setText("../ra-ngoai.fspkg")
        qtbot.waitUntil(again.export_button.isEnabled, timeout=30_000)
        qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
        assert "Tên tệp không hợp lệ" in again.summary.text() and again.written is None
