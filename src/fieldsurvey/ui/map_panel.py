"""The map side of the main window: the map's toolbar (select, place or direction mode; colours
by condition or purpose; an MBTiles basemap; the HTML export; online tiles) over the map, the
map kept up to date after edits and following the lists' filter, and its messages for the
status bar.

Its strings are the main window's: they are translated under the "MainWindow" context, written
out in each ``translate("MainWindow", …)`` call so that ``pyside6-lupdate`` files them there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QFileDialog, QToolBar, QVBoxLayout, QWidget

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.export import export_map_html
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background
from fieldsurvey.ui.dialogs import show_warning
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.models import RecordListModel

MAP_RELOAD_MS = 1500
MAP_FILTER_MS = 300

translate = QCoreApplication.translate


class MapPanel(QWidget):
    """The toolbar and the map of one workspace. ``camera_list`` is the cameras' list: the map
    shows, and the HTML export writes, the cameras its query keeps."""

    status = Signal(str, int)
    """A message for the window's status bar, with how long to show it (ms; 0: until the next)."""

    def __init__(
        self,
        workspace: Workspace,
        camera_list: RecordListModel,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.camera_list = camera_list
        self.lang = lang
        self.filter_version = 0
        # After an edit the cameras are read again once edits pause (a save each field).
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(MAP_RELOAD_MS)
        self.reload_timer.timeout.connect(self.reload_cameras)
        # The map follows the list's filter once typing pauses (its id set costs more than a page).
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(MAP_FILTER_MS)
        self.filter_timer.timeout.connect(self._filter_map)

        self.map = MapView(self, lang=lang)
        self.map.setMinimumHeight(240)
        self.map.problem.connect(self.on_problem)
        self.tools = self._make_tools()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tools)
        layout.addWidget(self.map)

    def _make_tools(self) -> QToolBar:
        tools = QToolBar(translate("MainWindow", "Bản đồ"), self)
        self.mode_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for mode, label, tip in (
            (
                "select",
                translate("MainWindow", "Chọn"),
                translate("MainWindow", "Bấm vào camera để chọn nó"),
            ),
            (
                "place",
                translate("MainWindow", "Đặt vị trí"),
                translate("MainWindow", "Bấm lên bản đồ để đặt vị trí của bản ghi đang chọn"),
            ),
            (
                "direction",
                translate("MainWindow", "Hướng nhìn"),
                translate("MainWindow", "Kéo trên bản đồ để đặt hướng nhìn của camera đang chọn"),
            ),
        ):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, m=mode: self.map.set_mode(m))
            group.addAction(action)
            tools.addAction(action)
            self.mode_actions[mode] = action
        self.mode_actions["select"].setChecked(True)
        tools.addSeparator()
        self.colour_box = QComboBox(self)
        self.colour_box.addItem(translate("MainWindow", "Màu theo tình trạng"), "condition")
        self.colour_box.addItem(translate("MainWindow", "Màu theo mục đích"), "purpose")
        self.colour_box.currentIndexChanged.connect(
            lambda _: self.map.set_colour_mode(str(self.colour_box.currentData()))
        )
        tools.addWidget(self.colour_box)
        tools.addSeparator()
        mbtiles = QAction(translate("MainWindow", "Thêm bản đồ nền (MBTiles)…"), self)
        mbtiles.triggered.connect(self.on_add_mbtiles_requested)
        tools.addAction(mbtiles)
        export = QAction(translate("MainWindow", "Xuất bản đồ HTML…"), self)
        export.setToolTip(
            translate(
                "MainWindow",
                "Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng",
            )
        )
        export.triggered.connect(self.on_export_requested)
        tools.addAction(export)
        self.online_action = QAction(translate("MainWindow", "Bản đồ trực tuyến (OSM)"), self)
        self.online_action.setCheckable(True)
        self.online_action.setToolTip(
            translate("MainWindow", "Tải ảnh nền OpenStreetMap từ Internet")
        )
        self.online_action.toggled.connect(self.map.set_online_tiles)
        tools.addAction(self.online_action)
        return tools

    # -- the workspace's cameras ---------------------------------------------------------------

    def show_workspace(self, workspace: Workspace) -> None:
        """Draw a newly opened workspace."""
        self.workspace = workspace
        self.map.show_workspace(workspace)

    def reload_cameras(self) -> None:
        self.map.reload_cameras(self.workspace)

    def reload_soon(self) -> None:
        """Records changed: read the cameras again once changes pause."""
        self.reload_timer.start()

    def follow_filter(self) -> None:
        """The lists' filter changed: show the cameras it keeps once typing pauses."""
        self.filter_timer.start()

    def _filter_map(self) -> None:
        """Tell the map which cameras the list's filter keeps (read on a worker thread: at city
        scale that is a hundred thousand ids); a newer filter makes an older answer void."""
        query = self.camera_list.query
        filtered = any(
            (
                query.text.strip(),
                query.commune,
                query.category,
                query.condition,
                query.purpose,
                query.review_state,
            )
        )
        self.filter_version += 1
        version = self.filter_version
        if not filtered:
            self.map.set_filter(None)
            return

        def show(ids: list[str]) -> None:
            if version == self.filter_version:
                self.map.set_filter(set(ids))

        read_in_background(
            self,
            self.workspace.path,
            lambda db: listing.ids(db, query),
            show,
            lambda exc: self.on_problem(str(exc)),
        )

    def on_problem(self, message: str) -> None:
        self.status.emit(translate("MainWindow", "Bản đồ: {0}").format(message), 10000)

    def stop_timers(self) -> None:
        """Drop a reload or a filter still waiting to run (the window is closing)."""
        self.reload_timer.stop()
        self.filter_timer.stop()

    # -- map files -----------------------------------------------------------------------------

    def on_add_mbtiles_requested(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window(),
            translate("MainWindow", "Thêm bản đồ nền"),
            "",
            translate("MainWindow", "MBTiles (*.mbtiles);;Tất cả (*)"),
        )
        if name:
            self.add_mbtiles(Path(name))

    def add_mbtiles(self, path: Path) -> bool:
        try:
            tileset = self.map.add_mbtiles(path)
        except FieldSurveyError as exc:
            show_warning(
                self.window(), translate("MainWindow", "Không dùng được bản đồ nền"), str(exc)
            )
            return False
        self.status.emit(
            translate("MainWindow", "Đã thêm bản đồ nền {0} (mức thu phóng {1}–{2}).").format(
                tileset.name or path.name, tileset.min_zoom, tileset.max_zoom
            ),
            8000,
        )
        return True

    def on_export_requested(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window(),
            translate("MainWindow", "Xuất bản đồ HTML"),
            str(self.workspace.path.with_suffix(".html")),
            translate("MainWindow", "Trang HTML (*.html)"),
        )
        if name:
            self.export_map(Path(name))

    def export_map(self, target: Path) -> int | None:
        """The cameras the list's filter shows, as a standalone HTML map."""
        shown = set(listing.ids(self.workspace.db, self.camera_list.query))
        try:
            count = export_map_html(self.workspace.db, target, camera_ids=shown, lang=self.lang)
        except (FieldSurveyError, OSError) as exc:
            show_warning(self.window(), translate("MainWindow", "Không xuất được bản đồ"), str(exc))
            return None
        self.status.emit(
            translate("MainWindow", "Đã xuất {0} camera vào {1}.").format(count, target), 8000
        )
        return count
