"""The one table model of the app's short lists (inbox, review, conflicts, progress, duplicates,
long combo boxes) and the one role that carries each row's id, for every list model here and
in models.py. A model rather than items: one reset per fill, not a call per cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldsurvey.core.collation import sort_key
from fieldsurvey.ui.i18n import tr

LATE_BACKGROUND = QColor("#f8d7da")
LATE_FOREGROUND = QColor("#842029")
# A row to look at again (a change made after the record's approval), its note as tooltip.
NOTED_BACKGROUND = QColor("#fff3cd")

# UserRole, the role QComboBox.currentData() reads: these models also fill the filter boxes.
ID_ROLE = Qt.ItemDataRole.UserRole
# What a sortable table sorts a cell by: the key given for it (a number for a number column),
# else its text in Vietnamese alphabetical order.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    """Rows of text with an id on each row (``ID_ROLE``) and late rows in red; for tables and
    long combo boxes. A model rather than items: one reset per fill, not a call per cell."""

    def __init__(self, headers: list[str], parent: QObject | None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[list[str]] = []
        self.ids: list[Any] = []
        self.late: list[bool] = []
        self.notes: list[str] = []
        self.keys: list[list[Any]] = []

    def set_rows(
        self,
        rows: list[list[str]],
        ids: list[Any] | None = None,
        late: list[bool] | None = None,
        notes: list[str] | None = None,
        keys: list[list[Any]] | None = None,
    ) -> None:
        self.beginResetModel()
        self.rows = rows
        self.keys = keys if keys is not None else []
        self.ids = ids if ids is not None else [None] * len(rows)
        self.late = late if late is not None else [False] * len(rows)
        self.notes = notes if notes is not None else [""] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][index.column()]
        if role == ID_ROLE:
            return self.ids[row]
        if role == SORT_ROLE:
            key = self.keys[row][index.column()] if self.keys else None
            return sort_key(self.rows[row][index.column()]) if key is None else key
        if self.late[row]:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LATE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(LATE_FOREGROUND)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Trễ hạn")
        elif row < len(self.notes) and self.notes[row]:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(NOTED_BACKGROUND)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.notes[row]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def make_table(headers: list[str], parent: QWidget, *, sortable: bool = False) -> QTableView:
    """A read-only table of ``RowsModel`` rows; ``sortable``: a click on a column's header sorts
    by it (``SORT_ROLE``), the rows first shown in the order they were given."""
    table = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(table)
        proxy.setSourceModel(RowsModel(headers, proxy))
        proxy.setSortRole(SORT_ROLE)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        table.setModel(RowsModel(headers, table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setResizeContentsPrecision(100)  # column widths from 100 rows
    return table


def rows_of(table: QTableView) -> RowsModel:
    model = table.model()
    if isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    assert isinstance(model, RowsModel)
    return model


def fill_table(
    table: QTableView,
    rows: list[list[str]],
    ids: list[Any] | None = None,
    late: list[bool] | None = None,
    notes: list[str] | None = None,
    keys: list[list[Any]] | None = None,
) -> None:
    """Replace a table's rows; ``ids`` are kept on each row (``ID_ROLE``); a row with a ``late``
    flag is red, one with a note is highlighted, the note its tooltip; ``keys``: what a sortable
    table sorts each cell by (None: its text)."""
    rows_of(table).set_rows(rows, ids, late, notes, keys)
    table.resizeColumnsToContents()


def selected_id(table: QTableView) -> Any:
    rows = table.selectionModel().selectedRows()
    return rows[0].data(ID_ROLE) if rows else None


def combo_model(parent: QWidget, first: str, items: list[tuple[str, str]]) -> RowsModel:
    """A long combo box's items: ``first`` (no value) then (value, label) pairs."""
    model = RowsModel([""], parent)
    model.set_rows([[first]] + [[label] for _, label in items], [None] + [v for v, _ in items])
    return model
