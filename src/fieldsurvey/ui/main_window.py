"""The main window: the workspace's sites and cameras (search and filters), the map and the
record editor; menus for workspaces, records, sync and settings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.export import export_map_html
from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.stats import workspace_stats
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW
from fieldsurvey.ui.background import read_in_background
from fieldsurvey.ui.dialogs import (
    NewSiteDialog,
    NewWorkspaceDialog,
    SettingsDialog,
    ask_passphrase,
    show_warning,
)
from fieldsurvey.ui.editor import RecordEditor
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.models import RecordListModel
from fieldsurvey.ui.sync_dialogs import ExportDialog, ImportDialog, PackagesDialog
from fieldsurvey.ui.tables import ID_ROLE

MAP_FIELDS = {"lat", "lon", "views", "condition", "purposes", "camera_type"}
MAP_RELOAD_MS = 1500
MAP_FILTER_MS = 300


class RecordList(QWidget):
    """The rows of one kind of record, a page at a time, sortable by any column."""

    record_selected = Signal(str, str)
    """Emitted with (table, record id) when the user selects a row."""

    def __init__(
        self,
        workspace: Workspace,
        table: str,
        headers: list[str],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.model = RecordListModel(
            workspace.db, listing.ListQuery(table), headers, self, lang=lang
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setDefaultSectionSize(140)
        self.view.setColumnWidth(0, 240)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.record_selected.emit(self.table, str(indexes[0].data(ID_ROLE)))

    def visible_count(self) -> int:
        """How many records the filter shows (not only the rows read so far)."""
        return self.model.total

    def select_record(self, record_id: str) -> bool:
        """Select and show the row of a record; False when the filter hides it."""
        row = self.model.load_until(record_id)
        if row < 0:
            return False
        if self.selected_id() != record_id:
            self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None


class MainWindow(QMainWindow):
    """One workspace open: lists on the left, the map and the record editor on the right."""

    workspace_changed = Signal(str)
    """Emitted with the path of the workspace just opened."""
    language_change_requested = Signal(str)
    """The user chose another language in the settings; the app rebuilds the window."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        settings: user_settings.Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or user_settings.Settings()
        self.lang = self.settings.language
        self.workspace = workspace
        self.current: tuple[str, str] | None = None
        self.resize(1366, 820)
        self.undo = QUndoStack(self)
        self.office_dialogs: list[QDialog] = []
        self.map_filter_version = 0
        self.map_timer = QTimer(self)
        self.map_timer.setSingleShot(True)
        self.map_timer.setInterval(MAP_RELOAD_MS)
        self.map_timer.timeout.connect(self.reload_map_cameras)
        # The map follows the list's filter once typing pauses (its id set costs more than a page).
        self.map_filter_timer = QTimer(self)
        self.map_filter_timer.setSingleShot(True)
        self.map_filter_timer.setInterval(MAP_FILTER_MS)
        self.map_filter_timer.timeout.connect(self._filter_map)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Tìm địa điểm, camera… (không cần dấu)  Ctrl+F"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _t: self.apply_filters())
        self.filters = self._make_filters()

        self.assignment = QLabel(self)
        self.assignment.setWordWrap(True)
        self.assignment_bar = QProgressBar(self)
        self.assignment_bar.setFormat("%v / %m")
        # Whose assignments: a workspace may hold several units' (the office sends them all).
        self.unit_box = QComboBox(self)
        self.unit_box.setToolTip(
            self.tr("Đơn vị của tôi: chỉ tính các phần việc giao cho đơn vị này")
        )
        self.unit_box.activated.connect(self.on_unit_chosen)
        self.sites = RecordList(
            workspace,
            "sites",
            [
                self.tr("Tên địa điểm"),
                self.tr("Loại"),
                self.tr("Xã/phường"),
                self.tr("Địa chỉ"),
                self.tr("Số camera"),
                self.tr("Duyệt"),
            ],
            self.lang,
            self,
        )
        self.cameras = RecordList(
            workspace,
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
            self.lang,
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.sites, self.tr("Địa điểm", "list tab"))
        self.tabs.addTab(self.cameras, self.tr("Camera", "list tab"))
        for record_list in (self.sites, self.cameras):
            record_list.record_selected.connect(self.on_record_selected)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        assignment_row = QHBoxLayout()
        assignment_row.addWidget(self.assignment, 1)
        assignment_row.addWidget(self.unit_box)
        left_layout.addLayout(assignment_row)
        left_layout.addWidget(self.assignment_bar)
        left_layout.addWidget(self.search_box)
        left_layout.addLayout(self.filters)
        left_layout.addWidget(self.tabs)

        self.map = MapView(self, lang=self.lang)
        self.map.setMinimumHeight(240)
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

        self.editor = RecordEditor(self.undo, self, lang=self.lang)
        self.editor.saved.connect(self.on_record_saved)
        self.editor.open_requested.connect(self.open_record)
        self.editor.add_requested.connect(self.add_record)
        self.editor.problem.connect(self.show_problem)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(map_area)
        self.right.addWidget(self.editor)
        self.right.setSizes([300, 500])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([560, 800])
        self.setCentralWidget(self.splitter)
        self._make_actions()
        self._restore_layout()
        self.load_workspace(workspace)

    # -- building ------------------------------------------------------------------------------

    def _make_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.commune_filter = QComboBox(self)
        self.category_filter = self._code_filter("site_category", self.tr("Mọi loại địa điểm"))
        self.condition_filter = self._code_filter("camera_condition", self.tr("Mọi tình trạng"))
        self.purpose_filter = self._code_filter("camera_purpose", self.tr("Mọi mục đích"))
        self.review_filter = self._code_filter("review_state", self.tr("Mọi trạng thái duyệt"))
        for box in (
            self.commune_filter,
            self.category_filter,
            self.condition_filter,
            self.purpose_filter,
            self.review_filter,
        ):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
            row.addWidget(box)
        return row

    def _code_filter(self, code_list: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem(everything, None)
        for code, label in vocabulary.items(code_list, self.lang):
            box.addItem(label, code)
        return box

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
        self.online_action.setToolTip(
            self.tr(
                "Tải ảnh nền OpenStreetMap từ Internet. Tên đường, tên khu vực trên đó là của "
                "OSM, không phải tên chính thức."
            )
        )
        self.online_action.toggled.connect(self.map.set_online_tiles)
        tools.addAction(self.online_action)
        return tools

    def _action(
        self,
        label: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(label, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Tệp"))
        file_menu.addAction(self._action(self.tr("Workspace &mới…"), None, self.on_new_workspace))
        file_menu.addAction(
            self._action(
                self.tr("&Mở workspace…"), QKeySequence.StandardKey.Open, self.on_open_requested
            )
        )
        self.recent_menu = file_menu.addMenu(self.tr("Mở &gần đây"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Mở workspace &mẫu (demo)"), None, self.open_demo))
        file_menu.addAction(
            self._action(self.tr("&Khôi phục workspace mẫu…"), None, self.on_reset_demo)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Cài đặt…"), "Ctrl+,", self.on_settings))
        file_menu.addAction(
            self._action(self.tr("&Thoát"), QKeySequence.StandardKey.Quit, self.close)
        )

        edit_menu = bar.addMenu(self.tr("&Sửa"))
        undo = self.undo.createUndoAction(self, self.tr("Hoàn tác"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo.createRedoAction(self, self.tr("Làm lại"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Tìm"), QKeySequence.StandardKey.Find, self.on_find_requested)
        )

        record_menu = bar.addMenu(self.tr("&Bản ghi"))
        self.new_site_action = self._action(
            self.tr("Địa điểm &mới…"), "Ctrl+Shift+N", self.on_new_site
        )
        self.new_camera_action = self._action(
            self.tr("&Camera mới tại địa điểm"), "Ctrl+N", lambda: self.add_here("cameras")
        )
        record_menu.addAction(self.new_site_action)
        record_menu.addAction(self.new_camera_action)
        record_menu.addAction(
            self._action(
                self.tr("&Tồn tại, hạn chế mới"),
                "Ctrl+Shift+T",
                lambda: self.add_here("shortcomings"),
            )
        )
        record_menu.addAction(
            self._action(
                self.tr("&Nhu cầu lắp mới"), "Ctrl+Shift+U", lambda: self.add_here("needs")
            )
        )
        record_menu.addSeparator()
        record_menu.addAction(
            self._action(self.tr("Bản ghi &tiếp theo"), "Ctrl+PgDown", lambda: self.step(1))
        )
        record_menu.addAction(
            self._action(self.tr("Bản ghi t&rước"), "Ctrl+PgUp", lambda: self.step(-1))
        )
        record_menu.addAction(
            self._action(self.tr("&Lưu và sang bản ghi tiếp"), "Ctrl+Return", self.save_and_next)
        )
        record_menu.addSeparator()
        record_menu.addAction(self._action(self.tr("&Xoá bản ghi…"), None, self.on_delete_record))

        office_menu = bar.addMenu(self.tr("&Văn phòng"))
        for label, shortcut, name in (
            (self.tr("&Hộp thư gói đã nhập…"), None, "inbox"),
            (self.tr("&Duyệt hồ sơ…"), "Ctrl+R", "review"),
            (self.tr("&Xung đột cần giải quyết…"), None, "conflicts"),
            (self.tr("Camera &trùng lặp…"), None, "duplicates"),
            (self.tr("Nhập danh sách camera &có sẵn…"), None, "inventory"),
            (self.tr("Tiến độ &khảo sát…"), None, "progress"),
            (self.tr("&Biểu đồ tổng hợp…"), None, "dashboard"),
            (self.tr("Xuất &báo cáo…"), "Ctrl+Shift+E", "report"),
        ):
            office_menu.addAction(self._action(label, shortcut, partial(self.open_office, name)))

        sync_menu = bar.addMenu(self.tr("Đồ&ng bộ"))
        sync_menu.addAction(
            self._action(self.tr("&Xuất gói…"), "Ctrl+E", self.on_export_package_requested)
        )
        sync_menu.addAction(
            self._action(self.tr("&Nhập gói…"), "Ctrl+I", self.on_import_packages_requested)
        )
        sync_menu.addAction(
            self._action(self.tr("&Các gói đã trao đổi…"), None, self.on_packages_requested)
        )

    # -- loading -------------------------------------------------------------------------------

    def load_workspace(self, workspace: Workspace) -> None:
        self.editor.flush()
        for dialog in list(self.office_dialogs):  # they work on the workspace being left
            dialog.close()
        self.undo.clear()
        self.workspace = workspace
        workspace.on_wait = self.on_write_waiting
        workspace.ask_passphrase = self.ask_passphrase
        db = workspace.db
        self.commune_filter.blockSignals(True)
        self.commune_filter.clear()
        self.commune_filter.addItem(self.tr("Mọi xã/phường"), None)
        for code, name in listing.commune_choices(db):
            self.commune_filter.addItem(name, code)
        self.commune_filter.blockSignals(False)
        self.recount()
        self.current = None
        self.editor.show_nothing()
        role = self.tr("văn phòng") if workspace.role == "office" else self.tr("khảo sát")
        self.setWindowTitle(f"FieldSurvey — {workspace.path.name} ({role})")
        self.apply_filters(db)
        self.map.show_workspace(workspace)
        self.workspace_changed.emit(str(workspace.path))

    def on_write_waiting(self) -> None:
        """A save waits for another write (an import, a bulk review) to finish: say so now,
        although the event loop is busy with the save."""
        self.statusBar().showMessage(
            self.tr("Đang chờ lần nhập gói (hoặc duyệt hàng loạt) đang chạy kết thúc để lưu…")
        )
        self.statusBar().repaint()

    def recount(self) -> None:
        """Totals and assignment progress, after records were added, deleted or imported (not on
        every keystroke in the search box or every autosave)."""
        self.counts = workspace_stats(self.workspace.db)
        self.show_assignment()

    def show_assignment(self) -> None:
        """The assigned area, the nearest due date and how far along the survey is: for the
        unit chosen beside it (kept in the workspace), or for every unit."""
        today = dt.date.today()
        open_work = [
            a
            for a in progress(self.workspace, today)["assignments"]
            if a["status"] not in ("done", "cancelled")
        ]
        units = sorted({(a["unit_name"] or "", a["unit_id"]) for a in open_work})
        mine = self.workspace.setting("my_unit") or None
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("Mọi đơn vị"), None)
        for name, unit_id in units:
            self.unit_box.addItem(name, unit_id)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(mine)))
        self.unit_box.blockSignals(False)
        self.unit_box.setVisible(len(units) > 1)
        work = [a for a in open_work if mine in (None, a["unit_id"])] or open_work
        if not work:
            self.assignment.setText(self.tr("Chưa có địa bàn được giao."))
            self.assignment_bar.hide()
            self.editor.area = None
            return
        communes = {c["code"]: c["name"] for a in work for c in a["communes"]}
        expected = sum(a["expected"] or 0 for a in work)
        surveyed = sum(a["surveyed"] for a in work)
        dues = sorted(a["due_date"] for a in work if a["due_date"])
        due = dt.date.fromisoformat(dues[0]).strftime("%d/%m/%Y") if dues else "—"
        names = sorted(communes.values())
        area = ", ".join(names[:3]) + (
            self.tr(" và {0} nơi khác").format(len(names) - 3) if len(names) > 3 else ""
        )
        text = self.tr("Địa bàn: {area} · hạn {due} · đã khảo sát {done}/{expected} địa điểm")
        text = text.format(area=area or "—", due=due, done=surveyed, expected=expected)
        if any(a["late"] for a in work):
            text += " · " + self.tr("QUÁ HẠN")
            self.assignment.setStyleSheet("color: #b00020;")
        else:
            self.assignment.setStyleSheet("")
        self.assignment.setText(text)
        self.assignment_bar.setRange(0, max(1, expected))
        self.assignment_bar.setValue(min(surveyed, expected))
        self.assignment_bar.show()
        self.editor.area = set(communes) or None

    def on_unit_chosen(self, _index: int) -> None:
        # A setting of this workspace (""=every unit), not a survey record: it does not sync.
        self.workspace.set_setting("my_unit", str(self.unit_box.currentData() or ""))
        self.show_assignment()

    def queries(self) -> tuple[listing.ListQuery, listing.ListQuery]:
        text = self.search_box.text()
        common = {
            "text": text,
            "commune": self.commune_filter.currentData(),
            "category": self.category_filter.currentData(),
            "review_state": self.review_filter.currentData(),
        }
        sites = self.sites.model.query
        cameras = self.cameras.model.query
        return (
            listing.ListQuery("sites", sort=sites.sort, descending=sites.descending, **common),
            listing.ListQuery(
                "cameras",
                sort=cameras.sort,
                descending=cameras.descending,
                condition=self.condition_filter.currentData(),
                purpose=self.purpose_filter.currentData(),
                **common,
            ),
        )

    def apply_filters(
        self, db: sqlite_utils.Database | None = None, *, force: bool = False
    ) -> None:
        """Re-run the lists whose query changed (a page each); the map follows when typing
        pauses. ``db``: a newly opened workspace; ``force``: records changed, read again."""
        site_query, camera_query = self.queries()
        for record_list, query in ((self.sites, site_query), (self.cameras, camera_query)):
            if force or db is not None or query != record_list.model.query:
                record_list.model.set_query(query, db)
        self.update_status()
        if self.current is not None and self.current[0] in ("sites", "cameras"):
            table, record_id = self.current
            (self.sites if table == "sites" else self.cameras).select_record(record_id)
        self.map_filter_timer.start()

    def _filter_map(self) -> None:
        """Tell the map which cameras the list's filter keeps (read on a worker thread: at city
        scale that is a hundred thousand ids); a newer filter makes an older answer void."""
        query = self.cameras.model.query
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
        self.map_filter_version += 1
        version = self.map_filter_version
        if not filtered:
            self.map.set_filter(None)
            return

        def show(ids: list[str]) -> None:
            if version == self.map_filter_version:
                self.map.set_filter(set(ids))

        read_in_background(
            self,
            self.workspace.path,
            lambda db: listing.ids(db, query),
            show,
            lambda exc: self.on_map_problem(str(exc)),
        )

    def update_status(self) -> None:
        """Totals (counted when the workspace loads) and what the filter shows."""
        self.statusBar().showMessage(
            self.tr(
                "{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · "
                "hiển thị {shown_sites} địa điểm, {shown_cameras} camera"
            ).format(
                shown_sites=self.sites.visible_count(),
                shown_cameras=self.cameras.visible_count(),
                **self.counts,
            )
        )

    # -- selecting and moving between records --------------------------------------------------

    def on_record_selected(self, table: str, record_id: str) -> None:
        if self.current == (table, record_id):
            return
        self.current = (table, record_id)
        try:
            self.editor.show_record(self.workspace, table, record_id)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return
        if table == "cameras":
            self.map.select_camera(record_id, centre=True)
            self.map.show_info(self.editor.record.get("name") or "")

    def open_record(self, table: str, record_id: str) -> None:
        """Show a record: in its list when it has one, always in the editor."""
        lists = {"sites": self.sites, "cameras": self.cameras}
        if table in lists:
            self.tabs.setCurrentWidget(lists[table])
            if lists[table].select_record(record_id):
                return
        self.on_record_selected(table, record_id)

    def current_list(self) -> RecordList:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, RecordList)
        return widget

    def step(self, offset: int) -> bool:
        """Go to the next (1) or previous (-1) record of the list shown."""
        record_list = self.current_list()
        chosen = record_list.selected_id()
        if chosen is None:
            if record_list.model.rowCount():
                record_list.view.selectRow(0)
                return True
            return False
        before, after = listing.neighbours(self.workspace.db, record_list.model.query, chosen)
        target = after if offset > 0 else before
        return target is not None and record_list.select_record(target)

    def save_and_next(self) -> None:
        if self.editor.flush():
            self.step(1)

    def on_find_requested(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def on_map_camera_selected(self, camera_id: str) -> None:
        self.open_record("cameras", camera_id)

    # -- adding and deleting -------------------------------------------------------------------

    def current_site(self) -> str | None:
        if self.current is None:
            return None
        table, record_id = self.current
        if table == "sites":
            return record_id
        try:
            return self.workspace.get(table, record_id).get("site_id")
        except FieldSurveyError:
            return None

    def add_here(self, table: str) -> str | None:
        site_id = self.current_site()
        if site_id is None:
            self.show_problem(self.tr("Hãy chọn một địa điểm trước (hoặc thêm địa điểm mới)."))
            return None
        return self.add_record(table, site_id)

    def add_record(self, table: str, site_id: str) -> str | None:
        """A new camera, shortcoming or need at a site, opened in the editor."""
        values: dict[str, object] = {"site_id": site_id}
        current = self.current
        if table == "shortcomings":
            values["kind"] = "other"
            if current is not None and current[0] == "cameras":
                values["camera_id"] = current[1]
        if table == "cameras":
            site = self.workspace.get("sites", site_id)
            values["name"] = listing.new_camera_name(self.workspace.db, site_id)
            if site["lat"] is not None:
                values.update(
                    {
                        "lat": site["lat"],
                        "lon": site["lon"],
                        "location_source": site["location_source"] or "typed",
                    }
                )
        try:
            record_id = self.workspace.insert(table, values)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return None
        self.recount()  # a site with its first record counts as surveyed
        if table == "cameras":
            self.cameras.model.refresh()
            self.sites.model.refresh()
            self.map_timer.start()
        self.open_record(table, record_id)
        self.update_status()
        return record_id

    def on_new_site(self) -> str | None:
        dialog = NewSiteDialog(self.lang, parent=self)
        if dialog.exec() != NewSiteDialog.DialogCode.Accepted:
            return None
        return self.create_site(dialog.values())

    def create_site(self, values: dict[str, object]) -> str | None:
        try:
            site_id = self.workspace.insert("sites", values)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return None
        self.recount()
        self.sites.model.refresh()
        self.open_record("sites", site_id)
        self.update_status()
        return site_id

    def on_delete_record(self) -> None:
        if self.current is None:
            return
        table, record_id = self.current
        answer = QMessageBox.question(
            self,
            self.tr("Xoá bản ghi"),
            self.tr("Xoá bản ghi này? Có thể khôi phục từ lịch sử thay đổi."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.delete(table, record_id)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return
        self.recount()
        self.current = None
        self.editor.show_nothing()
        self.apply_filters(force=True)
        self.map_timer.start()

    # -- after an edit -------------------------------------------------------------------------

    def reload_map_cameras(self) -> None:
        self.map.reload_cameras(self.workspace)

    def on_record_saved(self, table: str, record_id: str) -> None:
        """Show a saved change in the list row and, when it matters there, on the map."""
        lists = {"sites": self.sites, "cameras": self.cameras}
        if table in lists:
            lists[table].model.update_record(record_id)
        if table in ("cameras", "sites"):
            self.map_timer.start()
        self.statusBar().showMessage(self.tr("Đã lưu."), 2000)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        show_warning(self, "FieldSurvey", message)

    def on_map_location_picked(self, lat: float, lon: float) -> None:
        if self.current is None:
            self.statusBar().showMessage(self.tr("Hãy chọn một địa điểm hoặc camera trước."), 5000)
            return
        if self.editor.table is not None and "location" in self.editor.widgets:
            self.editor.save_values(
                {"lat": round(lat, 7), "lon": round(lon, 7), "location_source": "map_pick"}
            )
            self.editor.show_record(self.workspace, *self.current)

    def on_map_direction_set(self, camera_id: str, bearing: float, final: bool) -> None:
        if not final:
            self.statusBar().showMessage(self.tr("Hướng nhìn: {0:.0f}°").format(bearing))
            return
        if self.current != ("cameras", camera_id):
            self.open_record("cameras", camera_id)
        views = json.loads(self.workspace.get("cameras", camera_id)["views"] or "[]")
        first = views[0] if views else {"angle": DEFAULT_FIELD_OF_VIEW, "tilt": None}
        first["direction"] = round(bearing, 1)
        self.editor.save_values({"views": [first, *views[1:]]})
        self.editor.show_record(self.workspace, "cameras", camera_id)

    def on_map_problem(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Bản đồ: {0}").format(message), 10000)

    # -- map files -----------------------------------------------------------------------------

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
            show_warning(self, self.tr("Không dùng được bản đồ nền"), str(exc))
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
        """The cameras the list's filter shows, as a standalone HTML map."""
        shown = set(listing.ids(self.workspace.db, self.cameras.model.query))
        try:
            count = export_map_html(self.workspace.db, target, camera_ids=shown, lang=self.lang)
        except (FieldSurveyError, OSError) as exc:
            show_warning(self, self.tr("Không xuất được bản đồ"), str(exc))
            return None
        self.statusBar().showMessage(
            self.tr("Đã xuất {0} camera vào {1}.").format(count, target), 8000
        )
        return count

    # -- office --------------------------------------------------------------------------------

    def open_office(self, name: str) -> QDialog:
        """Open one of the supervisor's dialogs; what it changes shows in the lists and map."""
        from fieldsurvey.ui.office import (
            conflicts,
            duplicates,
            inbox,
            inventory,
            progress,
            reports,
            review,
        )

        self.editor.flush()
        ws = self.workspace
        dialogs: dict[str, Callable[[], QDialog]] = {
            "inbox": lambda: inbox.InboxDialog(ws, self),
            "review": lambda: review.ReviewDialog(ws, self, *(self.current or (None, None))),
            "conflicts": lambda: conflicts.ConflictsDialog(ws, self),
            "progress": lambda: progress.ProgressDialog(ws, self),
            "dashboard": lambda: progress.DashboardDialog(ws, self),
            "duplicates": lambda: duplicates.DuplicatesDialog(ws, self),
            "inventory": lambda: inventory.InventoryDialog(ws, self),
            "report": lambda: reports.ReportDialog(ws, self),
        }
        dialog = dialogs[name]()
        dialog.changed.connect(self.refresh_after_office_change)  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The inventory import writes for a while: nothing else is edited meanwhile.
        dialog.setModal(name == "inventory")
        self.office_dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_dialog(d))
        dialog.show()
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if dialog in self.office_dialogs:
            self.office_dialogs.remove(dialog)

    def refresh_after_office_change(self) -> None:
        self.recount()
        self.apply_filters(force=True)
        self.map_timer.start()
        if self.current is not None:
            try:
                self.editor.show_record(self.workspace, *self.current)
            except FieldSurveyError:  # merged away or deleted
                self.current = None
                self.editor.show_nothing()

    # -- sync ----------------------------------------------------------------------------------

    def on_export_package_requested(self) -> None:
        self.editor.flush()
        ExportDialog(self.workspace, self).exec()

    def on_import_packages_requested(self) -> None:
        self.editor.flush()
        dialog = ImportDialog(self.workspace, self)
        dialog.exec()
        if getattr(dialog, "outcomes", None):
            self.load_workspace(self.workspace)  # show what arrived

    def on_packages_requested(self) -> None:
        PackagesDialog(self.workspace, self).exec()

    # -- workspaces ----------------------------------------------------------------------------

    def on_open_requested(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Mở workspace"),
            str(self.workspace.path.parent),
            self.tr("Workspace FieldSurvey (*.sqlite *.db);;Tất cả (*)"),
        )
        if name:
            self.open_path(Path(name))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for text in self.settings.recent_workspaces:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _=False, p=text: self.open_path(Path(p)))
            action.setEnabled(Path(text).is_file())
        if not self.settings.recent_workspaces:
            self.recent_menu.addAction(self.tr("(chưa có)")).setEnabled(False)

    def open_path(self, path: Path) -> bool:
        self.editor.flush()
        try:
            workspace = Workspace.open(path, user=self.workspace.user)
        except FieldSurveyError as exc:
            show_warning(self, self.tr("Không mở được workspace"), exc.text(self.lang))
            return False
        old = self.workspace
        self.load_workspace(workspace)
        if old is not workspace:
            old.close()
        return True

    def on_new_workspace(self) -> None:
        dialog = NewWorkspaceDialog(self.workspace.path.parent, self.settings.user_name or "", self)
        if dialog.exec() != NewWorkspaceDialog.DialogCode.Accepted:
            return
        self.create_workspace(
            Path(dialog.path.text()),
            str(dialog.role.currentData()),
            dialog.name.text().strip(),
            protection=dialog.chosen_protection(),
            passphrase=dialog.chosen_passphrase(),
        )

    def create_workspace(
        self,
        path: Path,
        role: str,
        name: str,
        *,
        protection: str = "auto",
        passphrase: str | None = None,
    ) -> bool:
        self.editor.flush()
        try:
            workspace = Workspace.create(
                path,
                role=role,
                name=name or "FieldSurvey",
                user=self.workspace.user,
                protection=protection,
                passphrase=passphrase,
            )
        except FieldSurveyError as exc:
            show_warning(self, self.tr("Không tạo được workspace"), exc.text(self.lang))
            return False
        old = self.workspace
        self.load_workspace(workspace)
        old.close()
        if workspace.key_warning:
            self.statusBar().showMessage(workspace.key_warning.text(self.lang))
        return True

    def ask_passphrase(self) -> str:
        """The device keys' passphrase, asked when an export or import needs the keys."""
        return ask_passphrase(self)

    def open_demo(self) -> bool:
        from fieldsurvey.core.demo.generator import build_demo

        path = user_settings.demo_workspace_path()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_demo(path)
        return self.open_path(path)

    def on_reset_demo(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Khôi phục workspace mẫu"),
            self.tr(
                "Đưa workspace mẫu về trạng thái ban đầu? Mọi thay đổi trong workspace mẫu sẽ mất "
                "(các workspace khác không bị ảnh hưởng)."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reset_demo()

    def reset_demo(self) -> bool:
        """Rebuild the demo workspace as shipped and open it."""
        from fieldsurvey.core.demo.generator import build_demo

        path = user_settings.demo_workspace_path()
        self.editor.flush()
        old, user = self.workspace, self.workspace.user
        showing_demo = old.path.resolve() == path.resolve()
        if showing_demo:
            old.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            build_demo(path, force=True)  # the old file is replaced only once the new is whole
        except FieldSurveyError as exc:
            if showing_demo:
                self.load_workspace(Workspace.open(path, user=user))
            show_warning(self, self.tr("Không khôi phục được"), exc.text(self.lang))
            return False
        self.load_workspace(Workspace.open(path, user=user))
        if not showing_demo:
            old.close()
        return True

    def on_settings(self) -> None:
        dialog = SettingsDialog(self.settings.user_name, self.settings.language, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.settings.user_name = dialog.name.text().strip()
        self.workspace.user = self.settings.user_name or None
        user_settings.save_settings(self.settings)
        language = str(dialog.language.currentData())
        if language != self.lang:
            self.settings.language = language
            user_settings.save_settings(self.settings)
            self.language_change_requested.emit(language)

    # -- layout and closing --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        stored = QSettings()
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/splitter", self.splitter.restoreState),
            ("window/right", self.right.restoreState),
        ):
            value = stored.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def save_layout(self) -> None:
        stored = QSettings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/splitter", self.splitter.saveState())
        stored.setValue("window/right", self.right.saveState())

    def release(self) -> None:
        """Save what was typed and the layout; let go of the map (not of the workspace)."""
        self.editor.flush()
        self.map_timer.stop()
        self.map_filter_timer.stop()
        self.save_layout()
        self.map.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        self.workspace.close()
        super().closeEvent(event)
