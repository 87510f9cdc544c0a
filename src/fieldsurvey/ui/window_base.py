"""The main window as the functions that act for it see it: the state and the methods that
``ui/workspace_actions.py`` uses. ``MainWindow`` (``ui/main_window.py``) is the one subclass; it
imports that module, so the module types its ``window`` argument with this class instead of
importing it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.editor import RecordEditor


class WindowBase(QMainWindow):
    """A window that shows one workspace at a time, one record of it in its editor."""

    settings: user_settings.Settings
    lang: str
    workspace: Workspace
    """The workspace shown."""
    editor: RecordEditor

    def load_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller closes the one shown before)."""
        raise NotImplementedError
