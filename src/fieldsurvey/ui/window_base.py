"""The main window as the functions that act for it see it: the state and the methods that
``ui/workspace_actions.py`` and ``ui/workspace_dialogs.py`` use. ``MainWindow``
(``ui/main_window.py``) is the one subclass; it imports those modules, so they type their
``window`` argument with this class instead of importing it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.map.basemaps import Basemap
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.editor import RecordEditor


class WindowBase(QMainWindow):
    """A window that shows one workspace at a time, one record of it in its editor."""

    settings: user_settings.Settings
    lang: str
    workspace: Workspace
    """The workspace shown."""
    current: tuple[str, str] | None
    """The record shown in the editor: (table, record id)."""
    editor: RecordEditor
    office_dialogs: list[QDialog]
    """The office's screens open now; they close when the window shows another workspace."""

    def load_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller closes the one shown before)."""
        raise NotImplementedError

    def show_installed_basemap(self, installed: Basemap) -> None:
        """Draw a street basemap just installed instead of the one drawn."""
        raise NotImplementedError

    def forget_place(self, path: Path) -> None:
        """Open this workspace file next time as if never opened (not where the person was)."""
        raise NotImplementedError

    def show_on_map(self, lat: float, lon: float) -> None:
        """Bring a place into view on the window's map (an office screen's item)."""
        raise NotImplementedError

    def refresh_after_office_change(self) -> None:
        """Show again what an office screen changed: lists, map, the record in the editor."""
        raise NotImplementedError

    def open_record(self, table: str, record_id: str) -> None:
        """Show a record: in its list when it has one, in the editor, and on the map."""
        raise NotImplementedError
