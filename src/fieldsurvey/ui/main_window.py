"""The main window: the workspace's sites and cameras, a search box, the map area and the record."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import listing, reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map_export import export_map_html
from fieldsurvey.core.search import search
from fieldsurvey.core.stats import workspace_stats
from fieldsurvey.core.workspace import Workspace
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.models import ID_ROLE, IdFilterProxyModel, RecordTableModel
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog

SEARCH_LIMIT = 100_000
# Fields shown in the record panel, with their Vietnamese labels.
DETAIL_FIELDS = {
    "sites": (
        ("name", "Tên"),
        ("category", "Loại địa điểm"),
        ("address", "Địa chỉ"),
        ("commune_code", "Xã/phường"),
        ("lat", "Vĩ độ"),
        ("lon", "Kinh độ"),
        ("notes", "Ghi chú"),
        ("review_state", "Trạng thái duyệt"),
    ),
    "cameras": (
        ("name", "Tên"),
        ("camera_type", "Loại camera"),
        ("mount", "Kiểu lắp"),
        ("condition", "Tình trạng"),
        ("connectivity", "Kết nối"),
        ("height_m", "Độ cao (m)"),
        ("resolution_mp", "Độ phân giải (MP)"),
        ("storage_days", "Lưu trữ (ngày)"),
        ("lat", "Vĩ độ"),
        ("lon", "Kinh độ"),
        ("review_state", "Trạng thái duyệt"),
    ),
}
CODE_LISTS = {
    "category": "site_category",
    "camera_type": "camera_type",
    "mount": "camera_mount",
    "condition": "camera_condition",
    "connectivity": "connectivity",
    "review_state": "review_state",
}


class RecordList(QWidget):
    """A sortable table of one record kind, filtered by the ids a search returned."""

    record_selected = Signal(str, str)
    """Emitted with (table, record id) when the user selects a row."""

    def __init__(self, table: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.model = RecordTableModel(headers, [], self)
        self.proxy = IdFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.record_selected.emit(self.table, str(indexes[0].data(ID_ROLE)))

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def select_record(self, record_id: str) -> bool:
        """Select and show the row of a record; False when it is filtered out or unknown."""
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None


class MainWindow(QMainWindow):
    """One workspace open: lists on the left, the map area and the selected record on the right."""

    workspace_changed = Signal(str)
    """Emitted with the path of the workspace just opened."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.current: tuple[str, str] | None = None
        self.resize(1280, 800)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(
            self.tr("Tìm địa điểm, camera, đơn vị… (không cần dấu)  Ctrl+F")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.on_search_text_changed)

        self.sites = RecordList(
            "sites",
            [
                self.tr("Tên địa điểm"),
                self.tr("Loại"),
                self.tr("Xã/phường"),
                self.tr("Địa chỉ"),
                self.tr("Số camera"),
                self.tr("Duyệt"),
            ],
            self,
        )
        self.cameras = RecordList(
            "cameras",
            [
                self.tr("Tên camera"),
                self.tr("Địa điểm"),
                self.tr("Loại"),
                self.tr("Tình trạng"),
                self.tr("Chủ quản"),
                self.tr("Xã/phường"),
                self.tr("Duyệt"),
            ],
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.sites, self.tr("Địa điểm"))
        self.tabs.addTab(self.cameras, self.tr("Camera"))
        for record_list in (self.sites, self.cameras):
            record_list.record_selected.connect(self.on_record_selected)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.tabs)

        self.map = MapView(self)
        self.map.setMinimumHeight(300)
        self.map.camera_selected.connect(self.on_map_camera_selected)
        self.map.location_picked.connect(self.on_map_location_picked)
        self.map.direction_set.connect(self.on_map_direction_set)
        self.map.problem.connect(self.on_map_problem)
        self.map_tools = self._make_map_tools()
        map_area = QWidget(self)
        map_layout = QVBoxLayout(map_area)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.map_tools)
        map_layout.addWidget(self.map)
        self.detail = QWidget(self)
        self.detail_form = QFormLayout(self.detail)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(map_area)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._make_actions()
        self.load_workspace(workspace)

    def _make_map_tools(self) -> QToolBar:
        tools = QToolBar(self.tr("Bản đồ"), self)
        self.mode_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for mode, label, tip in (
            ("select", self.tr("Chọn"), self.tr("Bấm vào camera để chọn nó")),
            (
                "place",
                self.tr("Đặt vị trí"),
                self.tr("Bấm lên bản đồ để đặt vị trí của bản ghi đang chọn"),
            ),
            (
                "direction",
                self.tr("Hướng nhìn"),
                self.tr("Kéo trên bản đồ để đặt hướng nhìn của camera đang chọn"),
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
        self.colour_box.addItem(self.tr("Màu theo tình trạng"), "condition")
        self.colour_box.addItem(self.tr("Màu theo mục đích"), "purpose")
        self.colour_box.currentIndexChanged.connect(
            lambda _: self.map.set_colour_mode(str(self.colour_box.currentData()))
        )
        tools.addWidget(self.colour_box)
        tools.addSeparator()
        mbtiles = QAction(self.tr("Thêm bản đồ nền (MBTiles)…"), self)
        mbtiles.triggered.connect(self.on_add_mbtiles_requested)
        tools.addAction(mbtiles)
        export = QAction(self.tr("Xuất bản đồ HTML…"), self)
        export.setToolTip(
            self.tr("Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng")
        )
        export.triggered.connect(self.on_export_map_requested)
        tools.addAction(export)
        self.online_action = QAction(self.tr("Bản đồ trực tuyến (OSM)"), self)
        self.online_action.setCheckable(True)
        self.online_action.setToolTip(self.tr("Tải ảnh nền OpenStreetMap từ Internet"))
        self.online_action.toggled.connect(self.map.set_online_tiles)
        tools.addAction(self.online_action)
        return tools

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        open_action = QAction(self.tr("&Mở workspace…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.on_open_requested)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Thoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        sync_menu = self.menuBar().addMenu(self.tr("Đồ&ng bộ"))
        for label, shortcut, slot in (
            (self.tr("&Xuất gói…"), "Ctrl+E", self.on_export_package_requested),
            (self.tr("&Nhập gói…"), "Ctrl+I", self.on_import_packages_requested),
            (self.tr("&Các gói đã trao đổi…"), "", self.on_packages_requested),
        ):
            action = QAction(label, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            sync_menu.addAction(action)
        find_action = QAction(self.tr("Tìm"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.on_find_requested)
        self.addAction(find_action)

    # -- loading -------------------------------------------------------------------------------

    def load_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        db = workspace.db
        self.commune_names = {c["code"]: c["name"] for c in reference.communes(db)}
        # Counted once here, not on every keystroke in the search box.
        self.counts = workspace_stats(db)
        self.sites.model.set_rows(listing.site_rows(db))
        self.cameras.model.set_rows(listing.camera_rows(db))
        for record_list in (self.sites, self.cameras):
            record_list.view.resizeColumnsToContents()
            record_list.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setWindowTitle(f"FieldSurvey — {workspace.path.name}")
        self.map.show_workspace(workspace)
        self.apply_search(self.search_box.text())
        self.workspace_changed.emit(str(workspace.path))

    def update_status(self) -> None:
        """Totals (counted when the workspace loads) and what the filter shows."""
        counts = self.counts
        self.statusBar().showMessage(
            self.tr(
                "{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · "
                "hiển thị {shown_sites} địa điểm, {shown_cameras} camera"
            ).format(
                shown_sites=self.sites.visible_count(),
                shown_cameras=self.cameras.visible_count(),
                **counts,
            )
        )

    # -- slots ---------------------------------------------------------------------------------

    def on_search_text_changed(self, text: str) -> None:
        self.apply_search(text)

    def apply_search(self, text: str) -> None:
        allowed: dict[str, set[str] | None] = {"site": None, "camera": None}
        if text.strip():
            hits = search(self.workspace.db, text, limit=SEARCH_LIMIT, kinds=["site", "camera"])
            allowed = {"site": set(), "camera": set()}
            for hit in hits:
                found = allowed[hit["kind"]]
                assert found is not None
                found.add(hit["id"])
        self.sites.proxy.set_allowed_ids(allowed["site"])
        self.cameras.proxy.set_allowed_ids(allowed["camera"])
        self.map.set_filter(allowed["camera"])
        self.update_status()

    def on_find_requested(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def on_record_selected(self, table: str, record_id: str) -> None:
        self.current = (table, record_id)
        if table == "cameras":
            self.map.select_camera(record_id, centre=True)
            row = self.workspace.get("cameras", record_id)
            self.map.show_info(row["name"] or "")
        self.show_record(table, record_id)

    def show_record(self, table: str, record_id: str) -> None:
        while self.detail_form.rowCount():
            self.detail_form.removeRow(0)
        try:
            record = self.workspace.get(table, record_id)
        except FieldSurveyError as exc:
            self.detail_form.addRow(QLabel(str(exc)))
            return
        for field, label in DETAIL_FIELDS[table]:
            value = record.get(field)
            if value is not None and field in CODE_LISTS:
                value = vocabulary.label(CODE_LISTS[field], str(value))
            elif value is not None and field == "commune_code":
                value = self.commune_names.get(str(value), value)
            text = QLabel("" if value is None else str(value))
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            self.detail_form.addRow(label, text)

    def on_map_camera_selected(self, camera_id: str) -> None:
        self.tabs.setCurrentWidget(self.cameras)
        if not self.cameras.select_record(camera_id):
            self.on_record_selected("cameras", camera_id)

    def on_map_location_picked(self, lat: float, lon: float) -> None:
        if self.current is None:
            self.statusBar().showMessage(self.tr("Hãy chọn một địa điểm hoặc camera trước."), 5000)
            return
        table, record_id = self.current
        try:
            self.workspace.update(
                table,
                record_id,
                {"lat": round(lat, 7), "lon": round(lon, 7), "location_source": "map_pick"},
            )
        except FieldSurveyError as exc:
            QMessageBox.warning(self, self.tr("Không đặt được vị trí"), str(exc))
            return
        self.after_edit(table, record_id)

    def on_map_direction_set(self, camera_id: str, bearing: float, final: bool) -> None:
        if not final:
            self.statusBar().showMessage(self.tr("Hướng nhìn: {0:.0f}°").format(bearing))
            return
        views = json.loads(self.workspace.get("cameras", camera_id)["views"] or "[]")
        first = views[0] if views else {"angle": 60.0, "tilt": None}
        first["direction"] = round(bearing, 1)
        try:
            self.workspace.update("cameras", camera_id, {"views": [first, *views[1:]]})
        except FieldSurveyError as exc:
            QMessageBox.warning(self, self.tr("Không đặt được hướng nhìn"), str(exc))
            return
        self.after_edit("cameras", camera_id)

    def after_edit(self, table: str, record_id: str) -> None:
        """Show a change made through the map: the record, its commune in the list, the map."""
        self.map.reload_cameras(self.workspace)
        self.show_record(table, record_id)
        self.statusBar().showMessage(self.tr("Đã lưu."), 3000)

    def on_map_problem(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Bản đồ: {0}").format(message), 10000)

    def on_add_mbtiles_requested(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Thêm bản đồ nền"), "", self.tr("MBTiles (*.mbtiles);;Tất cả (*)")
        )
        if name:
            self.add_mbtiles(Path(name))

    def add_mbtiles(self, path: Path) -> bool:
        try:
            tileset = self.map.add_mbtiles(path)
        except FieldSurveyError as exc:
            QMessageBox.warning(self, self.tr("Không dùng được bản đồ nền"), str(exc))
            return False
        self.statusBar().showMessage(
            self.tr("Đã thêm bản đồ nền {0} (mức thu phóng {1}–{2}).").format(
                tileset.name or path.name, tileset.min_zoom, tileset.max_zoom
            ),
            8000,
        )
        return True

    def on_export_map_requested(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Xuất bản đồ HTML"),
            str(self.workspace.path.with_suffix(".html")),
            self.tr("Trang HTML (*.html)"),
        )
        if name:
            self.export_map(Path(name))

    def export_map(self, target: Path) -> int | None:
        """The cameras now shown in the list, as a standalone HTML map."""
        shown = {
            str(self.cameras.proxy.index(row, 0).data(ID_ROLE))
            for row in range(self.cameras.visible_count())
        }
        try:
            count = export_map_html(self.workspace.db, target, camera_ids=shown)
        except (FieldSurveyError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Không xuất được bản đồ"), str(exc))
            return None
        self.statusBar().showMessage(
            self.tr("Đã xuất {0} camera vào {1}.").format(count, target), 8000
        )
        return count

    def on_export_package_requested(self) -> None:
        ExportDialog(self.workspace, self).exec()

    def on_import_packages_requested(self) -> None:
        dialog = ImportDialog(self.workspace, self)
        dialog.exec()
        if getattr(dialog, "outcomes", None):
            self.load_workspace(self.workspace)  # show what arrived

    def on_packages_requested(self) -> None:
        PackagesDialog(self.workspace, self).exec()

    def on_open_requested(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Mở workspace"),
            str(self.workspace.path.parent),
            self.tr("Workspace FieldSurvey (*.sqlite *.db);;Tất cả (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        try:
            workspace = Workspace.open(path, user=self.workspace.user)
        except FieldSurveyError as exc:
            QMessageBox.warning(self, self.tr("Không mở được workspace"), str(exc))
            return False
        old = self.workspace
        self.load_workspace(workspace)
        old.close()
        return True

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.map.shutdown()
        self.workspace.close()
        super().closeEvent(event)
