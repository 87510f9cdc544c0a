"""The record lists' item model: pages of rows from fieldsurvey.core.store.listing, read as the view
scrolls (canFetchMore/fetchMore), never the whole table at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from fieldsurvey.core.store import listing
from fieldsurvey.ui.tables import ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractTableModel):
    """The rows of one ListQuery; column 0 of a row (the record id) is not shown.

    ``total`` is the number of matching records; only ``rowCount()`` of them are loaded so far.
    Sorting by a header re-runs the query in SQL.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        query: listing.ListQuery,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._headers = list(headers)
        self._lang = lang
        self._rows: list[tuple[Any, ...]] = []
        self._row_of: dict[str, int] = {}
        self._cursor: listing.Cursor | None = None
        self._more = False
        self.total = 0
        self.query = query
        self.set_query(query)

    def set_query(self, query: listing.ListQuery, db: sqlite_utils.Database | None = None) -> None:
        """Show another filter, order or workspace: count it and read its first page."""
        self.beginResetModel()
        self._db = db or self._db
        self.query = query
        self.total = listing.count(self._db, query)
        self._rows, self._row_of = [], {}
        self._cursor, self._more = None, True
        self._read_page()
        self.endResetModel()

    def refresh(self) -> None:
        """Read again after an edit, keeping the filter and order."""
        self.set_query(self.query)

    def _read_page(self) -> list[tuple[Any, ...]]:
        rows, self._cursor = listing.page(
            self._db, self.query, self._cursor, lang=self._lang, total=self.total
        )
        self._more = self._cursor is not None
        for row in rows:
            self._row_of[str(row[0])] = len(self._rows)
            self._rows.append(row)
        return rows

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        rows, cursor = listing.page(
            self._db, self.query, self._cursor, lang=self._lang, total=self.total
        )
        if not rows:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for row in rows:
            self._row_of[str(row[0])] = len(self._rows)
            self._rows.append(row)
        self._cursor = cursor
        self._more = cursor is not None
        self.endInsertRows()

    def row_of(self, record_id: str) -> int:
        """The loaded row of a record, or -1."""
        return self._row_of.get(record_id, -1)

    def load_until(self, record_id: str, limit: int = 50) -> int:
        """Read further pages until the record's row is loaded (at most ``limit`` pages)."""
        for _ in range(limit):
            row = self.row_of(record_id)
            if row >= 0 or not self._more:
                return row
            self.fetchMore()
        return self.row_of(record_id)

    def update_record(self, record_id: str) -> None:
        """Show a loaded record's row again after it was edited."""
        row = self.row_of(record_id)
        if row < 0:
            return
        fresh = listing.rows_by_id(self._db, self.query.table, [record_id], lang=self._lang)
        if fresh:
            self._rows[row] = fresh[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def record_id(self, row: int) -> str:
        return str(self._rows[row][0])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column() + 1]
        if role == ID_ROLE:
            return row[0]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = listing.COLUMNS[self.query.table][column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (name, descending) != (self.query.sort, self.query.descending):
            self.set_query(self.query.sorted_by(name, descending))
