"""The office's street basemap in the sync dialogs: offered (ticked) when the office installed
one, left out when unticked, installed at the surveyor's and said in the import's receipt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from fieldsurvey.core.map import basemaps, streets
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.ui import workspace_dialogs
from fieldsurvey.ui.main_window import MainWindow
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog
from tests.helpers.basemap import Computers, installed_files, newer_basemap
from tests.helpers.modal import when_modal
from tests.helpers.office import OfficeDemos


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1"))


@pytest.fixture
def computers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Computers:
    return Computers(tmp_path, monkeypatch)


def export_through(qtbot: QtBot, dialog: ExportDialog, usb: Path) -> Path:
    dialog.folder.setText(str(usb))
    dialog.suggest_name()
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=30_000)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    written = dialog.written
    assert written is not None
    dialog.written = None
    return written


def export_dialog(qtbot: QtBot, office: Workspace, to: Workspace) -> ExportDialog:
    dialog = ExportDialog(office)
    qtbot.addWidget(dialog)
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(to.device_id))
    return dialog


def test_the_export_dialog_sends_the_installed_basemap_unless_unticked(
    qtbot: QtBot, workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    installed = basemaps.install(newer_basemap(tmp_path))
    dialog = export_dialog(qtbot, office, s1)
    assert dialog.basemap.isVisibleTo(dialog) and dialog.basemap.isChecked()
    assert dialog.basemap.text() == (
        f"Gửi kèm bản đồ nền (2026-10, {basemaps.megabytes(installed.size)} MB)"
    )
    dialog.basemap.setChecked(False)
    left_out = export_through(qtbot, dialog, usb)
    dialog.basemap.setChecked(True)
    carried = export_through(qtbot, dialog, usb)
    assert "Kèm bản đồ nền Hà Nội OSM 2026-10 (2026-10)." in dialog.summary.text()

    computers.at("s1")
    report = import_package(
        s1, left_out, check_basemap=basemaps.check, install_basemap=basemaps.install
    )
    assert report.basemap is None and installed_files() == []
    importer = ImportDialog(s1)
    qtbot.addWidget(importer)
    importer.show()
    importer.add_files([carried])
    qtbot.waitUntil(lambda: not importer.previewing, timeout=60_000)
    assert importer.table.item(0, 6).text() == "xem trước (kèm bản đồ nền 2026-10)"
    assert installed_files() == []  # the preview installs nothing
    qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(importer.receipt.isVisible, timeout=60_000)
    assert (
        f"{carried.name}: đã cài bản đồ nền Hà Nội OSM 2026-10 (2026-10) gửi kèm gói."
        in importer.receipt.toPlainText()
    )
    assert importer.installed_basemap is not None
    assert importer.installed_basemap.path == basemaps.active() != installed.path
    assert importer.installed_basemap.path.read_bytes() == installed.path.read_bytes()

    computers.at("office")  # the next package carries the same basemap again
    again = export_through(qtbot, dialog, usb)
    computers.at("s1")
    second = ImportDialog(s1)
    qtbot.addWidget(second)
    second.show()
    second.add_files([again])
    qtbot.waitUntil(lambda: not second.previewing, timeout=60_000)
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(second.receipt.isVisible, timeout=60_000)
    assert (
        f"{again.name}: bản đồ nền Hà Nội OSM 2026-10 (2026-10) gửi kèm gói đã được cài từ trước."
        in second.receipt.toPlainText()
    )
    assert second.installed_basemap is None  # nothing new for the window to draw

    computers.at("office")  # the next export to this surveyor: sent once is enough
    later = export_dialog(qtbot, office, s1)
    qtbot.waitUntil(later.export_button.isEnabled, timeout=30_000)
    assert not later.basemap.isChecked() and later.basemap_to_send() is None
    assert later.basemap.text() == (
        f"Gửi lại bản đồ nền (2026-10, {basemaps.megabytes(installed.size)} MB): nơi nhận đã có"
    )


def test_no_basemap_is_offered_without_an_installed_one_or_by_a_surveyor(
    qtbot: QtBot, workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    dialog = export_dialog(qtbot, office, s1)
    assert not dialog.basemap.isVisibleTo(dialog) and dialog.basemap_to_send() is None
    computers.at("s1")
    basemaps.install(newer_basemap(tmp_path))
    surveyors = ExportDialog(s1)
    qtbot.addWidget(surveyors)
    assert not surveyors.basemap.isVisibleTo(surveyors) and surveyors.basemap_to_send() is None


def test_the_window_draws_the_basemap_an_imported_package_installed(
    qtbot: QtBot, workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    installed = basemaps.install(newer_basemap(tmp_path))
    package = usb / "office-to-s1.fspkg"
    export_package(
        office,
        package,
        recipient_id=s1.device_id,
        basemap=installed.path,
        check_basemap=basemaps.check,
    )
    computers.at("s1")
    window = MainWindow(s1)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.map.ready, timeout=60_000):
        window.show()
    assert window.map.content.streets is not None
    assert window.map.content.streets.tileset.path == streets.bundled_path()

    def import_it(dialog: ImportDialog) -> None:
        dialog.add_files([package])
        wait_then(lambda: not dialog.previewing, lambda: click_import(dialog))

    def click_import(dialog: ImportDialog) -> None:
        dialog.import_button.click()
        wait_then(lambda: "bản đồ nền" in dialog.receipt.toPlainText(), dialog.accept)

    when_modal(ImportDialog, import_it)
    workspace_dialogs.on_import_packages_requested(window)
    drawn = window.map.content.streets.tileset.path
    assert drawn == basemaps.active() and drawn.parent == basemaps.folder()
    assert window.map_panel.go_to.basemap == drawn
    window.close()


def wait_then(ready: Callable[[], bool], then: Callable[[], None], left: int = 3000) -> None:
    """Inside a modal dialog's own loop: do ``then`` once ``ready``, looking every 20 ms."""
    if ready():
        then()
    elif left > 0:
        QTimer.singleShot(20, lambda: wait_then(ready, then, left - 1))
