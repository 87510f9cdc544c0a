"""The sync dialogs, driven like a user: export to a folder, preview then import, receipt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog


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
