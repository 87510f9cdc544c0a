"""Item models for the record lists: named columns over rows loaded by fieldsurvey.core.listing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind; column 0 of every row is the record's id (not shown)."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, ...]] = []
        self._row_of: dict[str, int] = {}
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {row[0]: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def row_of(self, record_id: str) -> int:
        """The source row of a record, or -1."""
        return self._row_of.get(record_id, -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column() + 1]
            return "" if value is None else value
        if role == ID_ROLE:
            return row[0]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def record_id(self, row: int) -> str:
        return str(self._rows[row][0])


class IdFilterProxyModel(QSortFilterProxyModel):
    """Shows only the records whose ids are allowed (None allows all); sorts by any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed: set[str] | None = None
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_allowed_ids(self, ids: set[str] | None) -> None:
        self.beginFilterChange()
        self._allowed = ids
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._allowed is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model.record_id(source_row) in self._allowed
