"""The main window: the workspace's sites and cameras, a search box, the map area and the record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import listing, reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.search import search
from fieldsurvey.core.stats import workspace_stats
from fieldsurvey.core.workspace import Workspace
from fieldsurvey.ui.models import ID_ROLE, IdFilterProxyModel, RecordTableModel

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


class MainWindow(QMainWindow):
    """One workspace open: lists on the left, the map area and the selected record on the right."""

    workspace_changed = Signal(str)
    """Emitted with the path of the workspace just opened."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
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

        self.map_area = QLabel(self.tr("Bản đồ ngoại tuyến sẽ hiển thị ở đây."), self)
        self.map_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_area.setMinimumHeight(240)
        self.map_area.setStyleSheet("background: #eef2f5; color: #567; border: 1px solid #ccd;")
        self.detail = QWidget(self)
        self.detail_form = QFormLayout(self.detail)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.map_area)
        right.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._make_actions()
        self.load_workspace(workspace)

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
        find_action = QAction(self.tr("Tìm"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.on_find_requested)
        self.addAction(find_action)

    # -- loading -------------------------------------------------------------------------------

    def load_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        db = workspace.db
        self.commune_names = {c["code"]: c["name"] for c in reference.communes(db)}
        self.sites.model.set_rows(listing.site_rows(db))
        self.cameras.model.set_rows(listing.camera_rows(db))
        for record_list in (self.sites, self.cameras):
            record_list.view.resizeColumnsToContents()
            record_list.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setWindowTitle(f"FieldSurvey — {workspace.path.name}")
        self.apply_search(self.search_box.text())
        self.workspace_changed.emit(str(workspace.path))

    def update_status(self) -> None:
        counts = workspace_stats(self.workspace.db)
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
        self.update_status()

    def on_find_requested(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def on_record_selected(self, table: str, record_id: str) -> None:
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
        self.workspace.close()
        super().closeEvent(event)
