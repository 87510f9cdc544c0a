"""The left side of the main window: the sites' and cameras' lists (a page at a time, sortable),
the search box and filters that narrow both, and the assigned area with its progress above them.

Its strings are the main window's: they are translated under the "MainWindow" context, written
out in each ``translate("MainWindow", …)`` call so that ``pyside6-lupdate`` files them there.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.compact import ElidedComboBox
from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.models import RecordListModel
from fieldsurvey.ui.tables import ID_ROLE

translate = QCoreApplication.translate


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


class ListsPanel(QWidget):
    """The assigned area and its progress, the search box, the filters, and the two lists in
    tabs. It shows; the window decides what a change of filter or selection leads to."""

    filters_changed = Signal()
    """The search text or a filter changed: the window runs the lists' queries again."""
    record_selected = Signal(str, str)
    """Emitted with (table, record id) when the user selects a row of either list."""

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.search_box = QLineEdit(self)  # its hint names the key the window gives it
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _t: self.filters_changed.emit())
        self.filters = self._make_filters()

        self.assignment = QLabel(self)
        self.assignment.setWordWrap(True)
        self.assignment_bar = QProgressBar(self)
        self.assignment_bar.setFormat("%v / %m")
        # Whose assignments: a workspace may hold several units' (the office sends them all).
        self.unit_box = QComboBox(self)
        self.unit_box.setToolTip(
            translate("MainWindow", "Đơn vị của tôi: chỉ tính các phần việc giao cho đơn vị này")
        )
        self.sites = RecordList(
            workspace,
            "sites",
            [
                translate("MainWindow", "Tên địa điểm"),
                translate("MainWindow", "Loại"),
                field_label("commune_code"),
                translate("MainWindow", "Địa chỉ"),
                translate("MainWindow", "Số camera"),
                translate("MainWindow", "Duyệt"),
            ],
            lang,
            self,
        )
        self.cameras = RecordList(
            workspace,
            "cameras",
            [
                translate("MainWindow", "Tên camera"),
                translate("MainWindow", "Địa điểm"),
                translate("MainWindow", "Loại"),
                translate("MainWindow", "Tình trạng"),
                translate("MainWindow", "Chủ quản"),
                field_label("commune_code"),
                translate("MainWindow", "Duyệt"),
            ],
            lang,
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.sites, translate("MainWindow", "Địa điểm", "list tab"))
        self.tabs.addTab(self.cameras, translate("MainWindow", "Camera", "list tab"))
        for record_list in (self.sites, self.cameras):
            record_list.record_selected.connect(self.record_selected)

        layout = QVBoxLayout(self)
        assignment_row = QHBoxLayout()
        assignment_row.addWidget(self.assignment, 1)
        assignment_row.addWidget(self.unit_box)
        layout.addLayout(assignment_row)
        layout.addWidget(self.assignment_bar)
        layout.addWidget(self.search_box)
        layout.addLayout(self.filters)
        layout.addWidget(self.tabs)

    def set_find_shortcut(self, key: str) -> None:
        """The search box's hint, with the key of the window's Find item."""
        self.search_box.setPlaceholderText(
            translate("MainWindow", "Tìm địa điểm, camera… (không cần dấu)  {0}").format(key)
        )

    def _make_filters(self) -> QGridLayout:
        """Five filters in two rows of equal columns, so each reads whole beside the map on a
        1366 px screen (a long choice is shortened, and whole in its tooltip)."""
        grid = QGridLayout()
        self.commune_filter = ElidedComboBox(self)
        self.category_filter = self._code_filter(
            "site_category", translate("MainWindow", "Mọi loại địa điểm")
        )
        self.condition_filter = self._code_filter(
            "camera_condition", translate("MainWindow", "Mọi tình trạng")
        )
        self.purpose_filter = self._code_filter(
            "camera_purpose", translate("MainWindow", "Mọi mục đích")
        )
        self.review_filter = self._code_filter(
            "review_state", translate("MainWindow", "Mọi trạng thái duyệt")
        )
        # the camera list's two filters together on the second row, purposes being long
        for box, row, column, span in (
            (self.commune_filter, 0, 0, 1),
            (self.category_filter, 0, 1, 1),
            (self.review_filter, 0, 2, 1),
            (self.condition_filter, 1, 0, 1),
            (self.purpose_filter, 1, 1, 2),
        ):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
            box.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
            grid.addWidget(box, row, column, 1, span)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        return grid

    def _code_filter(self, code_list: str, everything: str) -> QComboBox:
        box = ElidedComboBox(self)
        box.addItem(everything, None)
        for code, label in vocabulary.items(code_list, self.lang):
            box.addItem(label, code)
        return box

    def show_communes(self, db: sqlite_utils.Database) -> None:
        """The communes of a newly opened workspace in the commune filter (no filter chosen)."""
        self.commune_filter.blockSignals(True)
        self.commune_filter.clear()
        self.commune_filter.addItem(translate("MainWindow", "Mọi xã, phường"), None)
        for code, name in listing.commune_choices(db):
            self.commune_filter.addItem(name, code)
        self.commune_filter.blockSignals(False)

    def show_assignment(self, workspace: Workspace) -> set[str] | None:
        """The assigned area, the nearest due date and how far along the survey is: for the
        unit chosen beside it (kept in the workspace), or for every unit. Returns the area's
        commune codes (None when there is no assignment)."""
        today = dt.date.today()
        open_work = [
            a
            for a in progress(workspace, today)["assignments"]
            if a["status"] not in ("done", "cancelled")
        ]
        units = sorted(
            {(a["unit_name"] or "", a["unit_id"]) for a in open_work},
            key=lambda unit: (sort_key(unit[0]), unit[1]),
        )
        mine = workspace.setting("my_unit") or None
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(translate("MainWindow", "Mọi đơn vị"), None)
        for name, unit_id in units:
            self.unit_box.addItem(name, unit_id)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(mine)))
        self.unit_box.blockSignals(False)
        self.unit_box.setVisible(len(units) > 1)
        work = [a for a in open_work if mine in (None, a["unit_id"])] or open_work
        if not work:
            self.assignment.setText(translate("MainWindow", "Chưa có địa bàn được giao."))
            self.assignment_bar.hide()
            return None
        communes = {c["code"]: c["name"] for a in work for c in a["communes"]}
        expected = sum(a["expected"] or 0 for a in work)
        surveyed = sum(a["surveyed"] for a in work)
        dues = sorted(a["due_date"] for a in work if a["due_date"])
        due = dt.date.fromisoformat(dues[0]).strftime("%d/%m/%Y") if dues else "—"
        names = sorted(communes.values(), key=sort_key)
        area = ", ".join(names[:3]) + (
            translate("MainWindow", " và {0} nơi khác").format(len(names) - 3)
            if len(names) > 3
            else ""
        )
        text = translate(
            "MainWindow", "Địa bàn: {area} · hạn {due} · đã khảo sát {done}/{expected} địa điểm"
        )
        text = text.format(area=area or "—", due=due, done=surveyed, expected=expected)
        if any(a["late"] for a in work):
            text += " · " + translate("MainWindow", "QUÁ HẠN")
            self.assignment.setStyleSheet("color: #b00020;")
        else:
            self.assignment.setStyleSheet("")
        self.assignment.setText(text)
        self.assignment_bar.setRange(0, max(1, expected))
        self.assignment_bar.setValue(min(surveyed, expected))
        self.assignment_bar.show()
        return set(communes) or None

    def _filter_boxes(self) -> dict[str, QComboBox]:
        return {
            "commune": self.commune_filter,
            "category": self.category_filter,
            "condition": self.condition_filter,
            "purpose": self.purpose_filter,
            "review_state": self.review_filter,
        }

    def filter_values(self) -> dict[str, str]:
        """The search text and the filters chosen, by name (those not set left out)."""
        values = {"text": self.search_box.text()}
        for name, box in self._filter_boxes().items():
            code = box.currentData()
            if code is not None:
                values[name] = str(code)
        return {name: value for name, value in values.items() if value}

    def set_filter_values(self, values: dict[str, str]) -> None:
        """Put back a search text and filters (``filter_values``); a code no longer offered is
        left unset. The lists are not run again: the caller does it once."""
        widgets: list[QWidget] = [self.search_box, *self._filter_boxes().values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.search_box.setText(values.get("text", ""))
        for name, box in self._filter_boxes().items():
            box.setCurrentIndex(max(0, box.findData(values.get(name))))
        for widget in widgets:
            widget.blockSignals(False)

    def sort_values(self) -> dict[str, tuple[str, bool]]:
        """Each list's order: its column's name and whether it is descending."""
        return {
            record_list.table: (record_list.model.query.sort, record_list.model.query.descending)
            for record_list in (self.sites, self.cameras)
        }

    def set_sort_values(self, sorts: dict[str, tuple[str, bool]]) -> None:
        """Put back each list's order (``sort_values``; a column no longer listed is left as
        it is). The lists are not run again: the caller does it once."""
        for record_list in (self.sites, self.cameras):
            name, descending = sorts.get(record_list.table, ("name", False))
            columns = listing.COLUMNS[record_list.table]
            if name not in columns:
                continue
            model = record_list.model
            model.query = model.query.sorted_by(name, descending)
            header = record_list.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                columns.index(name),
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def queries(self) -> tuple[listing.ListQuery, listing.ListQuery]:
        """The sites' and the cameras' queries as the search box and filters set them, each in
        its list's current order."""
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

    def run_queries(self, db: sqlite_utils.Database | None = None, *, force: bool = False) -> None:
        """Re-run the lists whose query changed (a page each). ``db``: a newly opened
        workspace; ``force``: records changed, read again."""
        site_query, camera_query = self.queries()
        for record_list, query in ((self.sites, site_query), (self.cameras, camera_query)):
            if force or db is not None or query != record_list.model.query:
                record_list.model.set_query(query, db)

    def list_of(self, table: str) -> RecordList | None:
        """The list that shows a kind of record (sites and cameras have one)."""
        return {"sites": self.sites, "cameras": self.cameras}.get(table)

    def current_list(self) -> RecordList:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, RecordList)
        return widget
