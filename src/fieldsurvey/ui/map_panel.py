"""The map side of the main window: the map's toolbar (select, place or direction mode; colours
by condition or purpose; an MBTiles basemap; the HTML export; online tiles) over the map, the
map kept up to date after edits and following the lists' filter, and its messages for the
status bar.

Its strings are the main window's: they are translated under the "MainWindow" context, written
out in each ``translate("MainWindow", …)`` call so that ``pyside6-lupdate`` files them there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map import basemaps
from fieldsurvey.core.map.export import export_map_html
from fieldsurvey.core.settings import load_settings
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background, run_in_background
from fieldsurvey.ui.dialogs import show_warning
from fieldsurvey.ui.go_to import GoToBox
from fieldsurvey.ui.i18n import error_text
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.models import RecordListModel
from fieldsurvey.ui.position import MyPosition

MAP_RELOAD_MS = 1500
MAP_FILTER_MS = 300

translate = QCoreApplication.translate


class MapPanel(QWidget):
    """The toolbar and the map of one workspace. ``camera_list`` is the cameras' list: the map
    shows, and the HTML export writes, the cameras its query keeps."""

    status = Signal(str, int)
    """A message for the window's status bar, with how long to show it (ms; 0: until the next)."""
    position_used = Signal(float, float)
    """(lat, lon) of this computer, asked for the record on screen ("use my position")."""

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
        self.my_position = MyPosition(self)
        self.my_position.moved.connect(self.on_position)
        self.my_position.failed.connect(self.on_position_failed)
        self.first_fix = True
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
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
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
        self.go_to = GoToBox(self.workspace, self)
        self.go_to.chosen.connect(self.on_go_to)
        self.go_to.status.connect(self.status)
        tools.addWidget(self.go_to)
        go_to = QAction(translate("MainWindow", "Tới địa danh"), self)
        go_to.setShortcut(QKeySequence("Ctrl+G"))
        go_to.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        go_to.triggered.connect(self.focus_go_to)
        self.addAction(go_to)
        self.position_action = QAction(translate("MainWindow", "Vị trí của tôi"), self)
        self.position_action.setCheckable(True)
        self.position_action.setShortcut(QKeySequence("Ctrl+L"))
        self.position_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.position_action.setToolTip(
            translate("MainWindow", "Hiện vị trí của máy này trên bản đồ (Ctrl+L)")
        )
        self.position_action.toggled.connect(self.on_position_toggled)
        tools.addAction(self.position_action)
        # What is used less often waits in one menu, so the bar fits a 1366 px screen.
        more = QMenu(translate("MainWindow", "Bản đồ"), self)
        self.use_position_action = more.addAction(
            translate("MainWindow", "Dùng vị trí của tôi cho bản ghi đang chọn")
        )
        self.use_position_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.use_position_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.use_position_action.triggered.connect(self.on_use_position)
        self.addAction(self.use_position_action)
        more.addSeparator()
        install = more.addAction(
            translate("MainWindow", "Cài bản đồ đường phố mới (MBTiles vector)…")
        )
        install.triggered.connect(self.on_install_basemap_requested)
        mbtiles = more.addAction(translate("MainWindow", "Thêm bản đồ nền (MBTiles)…"))
        mbtiles.triggered.connect(self.on_add_mbtiles_requested)
        export = more.addAction(translate("MainWindow", "Xuất bản đồ HTML…"))
        export.setToolTip(
            translate(
                "MainWindow",
                "Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng",
            )
        )
        export.triggered.connect(self.on_export_requested)
        self.online_action = more.addAction(
            translate("MainWindow", "Bản đồ trực tuyến (OSM, cần Internet; tên theo OSM)")
        )
        self.online_action.setCheckable(True)
        self.online_action.setToolTip(
            translate(
                "MainWindow",
                "Tải ảnh nền OpenStreetMap từ Internet; tên đường, địa giới trên đó là của "
                "OpenStreetMap, không phải tên chính thức",
            )
        )
        self.online_action.toggled.connect(self.map.set_online_tiles)
        more.setToolTipsVisible(True)
        button = QToolButton(self)
        button.setText(translate("MainWindow", "Bản đồ"))
        button.setMenu(more)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tools.addWidget(button)
        self.more_menu = more
        leave = QAction(self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        leave.triggered.connect(self.leave_mode)
        self.map.addAction(leave)
        self.map.place_too_coarse.connect(
            lambda _zoom: self.status.emit(
                translate("MainWindow", "Phóng to tới mức đường phố (17) rồi bấm để đặt vị trí."),
                5000,
            )
        )
        self.map.place_cancelled.connect(self.leave_mode)
        return tools

    def set_mode(self, mode: str) -> None:
        self.mode_actions[mode].setChecked(True)
        self.map.set_mode(mode)
        if mode == "place":
            self.status.emit(
                translate(
                    "MainWindow",
                    "Bấm lên bản đồ ở mức đường phố, kéo dấu tới đúng chỗ rồi bấm “Lưu vị trí”; "
                    "Esc để thôi.",
                ),
                0,
            )

    def leave_mode(self) -> None:
        """Back to selecting (Esc, a cancelled or a saved placing)."""
        if not self.mode_actions["select"].isChecked():
            self.set_mode("select")
            self.status.emit("", 1)

    # -- where things are ----------------------------------------------------------------------

    def focus_go_to(self) -> None:
        self.go_to.setFocus()
        self.go_to.selectAll()

    def on_go_to(self, lat: float, lon: float, name: str) -> None:
        self.map.fly_to(lat, lon, 17)
        self.status.emit(translate("MainWindow", "Bản đồ: {0}").format(name), 5000)

    def on_position_toggled(self, on: bool) -> None:
        if not on:
            self.my_position.stop()
            self.map.hide_position()
            return
        self.first_fix = True
        settings = load_settings()
        if self.my_position.start(settings.gps_port, settings.gps_baud):
            self.status.emit(translate("MainWindow", "Đang chờ vị trí…"), 0)
        else:
            self.position_action.setChecked(False)

    def on_position(self, lat: float, lon: float, accuracy: float) -> None:
        self.map.show_position(lat, lon, accuracy, centre=self.first_fix)
        if self.first_fix:
            self.first_fix = False
            self.status.emit(
                translate("MainWindow", "Vị trí của tôi: sai số khoảng {0:.0f} m.").format(accuracy)
                if accuracy
                else translate("MainWindow", "Vị trí của tôi đã hiện trên bản đồ."),
                5000,
            )

    def on_position_failed(self, message: str) -> None:
        self.status.emit(message, 10000)
        self.position_action.setChecked(False)

    def on_use_position(self) -> None:
        last = self.my_position.last
        if last is None:
            self.status.emit(
                translate(
                    "MainWindow",
                    "Chưa có vị trí của máy này: bật “Vị trí của tôi” (Ctrl+L) và chờ tín hiệu.",
                ),
                8000,
            )
            if not self.position_action.isChecked():
                self.position_action.setChecked(True)
            return
        self.position_used.emit(last[0], last[1])

    # -- the workspace's cameras ---------------------------------------------------------------

    def show_workspace(self, workspace: Workspace) -> None:
        """Draw a newly opened workspace."""
        self.workspace = workspace
        self.go_to.workspace = workspace
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
        self.my_position.stop()

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

    def on_install_basemap_requested(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window(),
            translate("MainWindow", "Cài bản đồ đường phố mới"),
            "",
            translate("MainWindow", "MBTiles (*.mbtiles);;Tất cả (*)"),
        )
        if name:
            self.install_basemap(Path(name))

    def install_basemap(self, source: Path) -> None:
        """Check and copy a newer street basemap on a worker thread, then draw it."""
        self.status.emit(
            translate("MainWindow", "Đang kiểm tra và cài bản đồ {0}…").format(source.name), 0
        )

        run_in_background(
            self, lambda: basemaps.install(source), self.show_installed, self.on_basemap_failed
        )

    def show_installed(self, installed: basemaps.Basemap) -> None:
        """Draw a street basemap just installed (from a file or with the office's package)."""
        try:
            self.map.set_street_basemap(installed.path)
        except FieldSurveyError as exc:
            self.on_basemap_failed(exc)
            return
        self.go_to.basemap, self.go_to.index = installed.path, None
        self.map.show_workspace(self.workspace)
        self.status.emit(
            translate("MainWindow", "Đã cài bản đồ đường phố {0} ({1}).").format(
                installed.name, installed.date or "—"
            ),
            8000,
        )

    def on_basemap_failed(self, error: BaseException) -> None:
        self.status.emit("", 1)
        show_warning(
            self.window(),
            translate("MainWindow", "Không cài được bản đồ đường phố"),
            error_text(error),
        )

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
