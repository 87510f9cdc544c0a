"""Where the person is in the workspace the main window shows (``core.settings.Place``): the
record in the editor, the list shown, the search text and filters, each list's order, the map's
centre and zoom. Kept shortly after each move and when the window closes or shows another
workspace, and put back when that workspace opens again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.record_lists import ListsPanel
from fieldsurvey.ui.window_base import WindowBase

log = logging.getLogger(__name__)

KEEP_AFTER_MS = 2000
"""Where the person is gets written this long after they last moved (a crash loses no more)."""


class PlaceKeeper(QObject):
    """Keeps where the person is in one workspace file at a time (``path``; None: nothing kept
    while a workspace is being shown, so its loading is not taken for moves). A child of the
    window, whose record on screen it reads through ``parent()`` (a reference of its own would
    keep the window's Python side alive after the window is deleted)."""

    def __init__(self, lists: ListsPanel, map_view: MapView, window: WindowBase) -> None:
        super().__init__(window)
        self.lists = lists
        self.map = map_view
        self.path: Path | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(KEEP_AFTER_MS)
        self.timer.timeout.connect(self.keep)
        lists.filters_changed.connect(self.keep_soon)
        lists.tabs.currentChanged.connect(lambda _i: self.keep_soon())
        map_view.view_changed.connect(self.keep_soon)
        for record_list in (lists.sites, lists.cameras):
            header = record_list.view.horizontalHeader()
            header.sortIndicatorChanged.connect(lambda _c, _o: self.keep_soon())

    def keep_soon(self) -> None:
        """Something moved: keep where the person is once they pause."""
        if self.path is not None:
            self.timer.start()

    def here(self) -> user_settings.Place:
        """The record on screen, the list shown, the filters and orders, the map's view."""
        return user_settings.Place(
            record=self._window().current,
            tab="cameras" if self.lists.tabs.currentWidget() is self.lists.cameras else "sites",
            filters=self.lists.filter_values(),
            map_view=self.map.view,
            sorts=self.lists.sort_values(),
        )

    def _window(self) -> WindowBase:
        window = self.parent()
        assert isinstance(window, WindowBase)
        return window

    def keep(self) -> None:
        """Write where the person is now, for the next time this workspace opens."""
        self.timer.stop()
        if self.path is None:
            return
        try:
            user_settings.save_place(self.path, self.here())
        except OSError as exc:  # a full or read-only disk: the work itself is not affected
            log.warning("where the person was not kept: %s", exc)

    def leave(self) -> None:
        """Keep where the person is, then stop keeping (the workspace is closed or replaced)."""
        self.keep()
        self.path = None

    def read(self, path: Path) -> user_settings.Place:
        """The kept place of a workspace about to be shown: its filters and orders set in the
        lists (not run) and its view as where the next map page opens."""
        place = user_settings.load_place(path) or user_settings.Place()
        self.lists.set_filter_values(place.filters)
        self.lists.set_sort_values(place.sorts)
        self.map.start_view = self.map.view = place.map_view
        return place

    def return_to(
        self,
        workspace: Workspace,
        place: user_settings.Place,
        open_record: Callable[[str, str], None],
    ) -> None:
        """The kept record (if it is still there) and list, and the map's view again over the
        record's own move; then keep this workspace's place from now on."""
        if place.record is not None:
            try:
                workspace.get(*place.record)
            except FieldSurveyError:  # deleted or merged away since
                pass
            else:
                open_record(*place.record)
        tabs = self.lists.tabs
        tabs.setCurrentWidget(self.lists.sites if place.tab == "sites" else self.lists.cameras)
        if place.map_view is not None:
            self.map.set_view(*place.map_view)
        self.path = workspace.path
        self.timer.stop()

    def forget(self, path: Path) -> None:
        """Open this workspace file next time as if never opened."""
        if self.path is not None and self.path.resolve() == path.resolve():
            self.timer.stop()
            self.path = None
        try:
            user_settings.forget_place(path)
        except OSError as exc:
            log.warning("where the person was not forgotten: %s", exc)
