"""The dialogs that work on the whole workspace, opened from the main window's Office and Sync
menus: the supervisor's screens (``ui/office/``), which close when the window shows another
workspace, and the package export, import and history dialogs (``ui/sync_dialogs.py``). What
they change, the window shows again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog
from fieldsurvey.ui.window_base import WindowBase

# -- office ------------------------------------------------------------------------------------


def open_office(window: WindowBase, name: str) -> QDialog:
    """Open one of the supervisor's dialogs; what it changes shows in the lists and map."""
    from fieldsurvey.ui.office import (
        conflicts,
        coverage,
        duplicates,
        inbox,
        inventory,
        plan,
        progress,
        reports,
        review,
    )

    window.editor.flush()
    ws = window.workspace
    dialogs: dict[str, Callable[[], QDialog]] = {
        "inbox": lambda: inbox.InboxDialog(ws, window),
        "review": lambda: review.ReviewDialog(ws, window, *(window.current or (None, None))),
        "conflicts": lambda: conflicts.ConflictsDialog(ws, window),
        "progress": lambda: progress.ProgressDialog(ws, window),
        "dashboard": lambda: progress.DashboardDialog(ws, window),
        "duplicates": lambda: duplicates.DuplicatesDialog(ws, window),
        "inventory": lambda: inventory.InventoryDialog(ws, window),
        "report": lambda: reports.ReportDialog(ws, window),
        "plan": lambda: plan.PlanDialog(ws, window),
        "coverage": lambda: coverage.CoverageDialog(ws, window),
    }
    dialog = dialogs[name]()
    if isinstance(dialog, plan.PlanDialog | coverage.CoverageDialog):
        dialog.locate.connect(window.show_on_map)
    dialog.changed.connect(window.refresh_after_office_change)  # type: ignore[attr-defined]
    if isinstance(dialog, review.ReviewDialog):  # "show on map": the record in the window
        dialog.locate_requested.connect(window.open_record)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # The inventory import writes for a while: nothing else is edited meanwhile.
    dialog.setModal(name == "inventory")
    window.office_dialogs.append(dialog)
    dialog.finished.connect(lambda _result, d=dialog: _forget_dialog(window, d))
    dialog.show()
    return dialog


def _forget_dialog(window: WindowBase, dialog: QDialog) -> None:
    if dialog in window.office_dialogs:
        window.office_dialogs.remove(dialog)


def close_office(window: WindowBase) -> None:
    """Close the office's screens: they work on the workspace the window is leaving."""
    for dialog in list(window.office_dialogs):
        dialog.close()


# -- sync --------------------------------------------------------------------------------------


def on_export_package_requested(window: WindowBase) -> None:
    window.editor.flush()
    ExportDialog(window.workspace, window).exec()


def on_import_packages_requested(window: WindowBase) -> None:
    window.editor.flush()
    dialog = ImportDialog(window.workspace, window)
    dialog.exec()
    if getattr(dialog, "outcomes", None):
        window.load_workspace(window.workspace)  # show what arrived
    if dialog.installed_basemap is not None:  # the office's newer street basemap, drawn now
        window.show_installed_basemap(dialog.installed_basemap)


def on_packages_requested(window: WindowBase) -> None:
    PackagesDialog(window.workspace, window).exec()
