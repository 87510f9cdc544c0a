"""The short lists' table model (ui/tables.py) passes Qt's model checks and keeps each row's id,
late rows marked, across refills."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldsurvey.ui.tables import (
    ID_ROLE,
    RowsModel,
    combo_model,
    fill_table,
    make_table,
    selected_id,
)


def test_rows_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    # No parent: the tester holds the model until its teardown, which disconnects from it.
    model = RowsModel(["Tên", "Xã/phường"], None)
    qtmodeltester.check(model, force_py=True)  # and it keeps checking every change below
    model.set_rows(
        [["Chợ Đồng Xuân", "Hoàn Kiếm"], ["Ga Hà Nội", "Văn Miếu"]], ["a", "b"], [False, True]
    )
    assert model.index(1, 0).data(ID_ROLE) == "b"
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)  # a late row says so
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    model.set_rows([])
    assert model.rowCount() == 0


def test_a_table_gives_the_id_of_its_selected_row(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(["Tên"], parent)
    fill_table(table, [["Một"], ["Hai"]], ids=[11, 22])
    assert selected_id(table) is None
    table.selectRow(1)
    assert selected_id(table) == 22


def test_a_combo_model_has_no_value_first(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = combo_model(parent, "Tất cả", [("received", "Đã nhận"), ("approved", "Đã duyệt")])
    assert [model.index(r, 0).data(ID_ROLE) for r in range(3)] == [None, "received", "approved"]
    assert model.index(2, 0).data() == "Đã duyệt"


def test_a_sortable_table_sorts_numbers_by_value_and_names_in_vietnamese_order(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(["Đơn vị", "Trễ"], parent, sortable=True)
    names = ["Phường Ô Chợ Dừa", "Phường Đống Đa", "Phường Ba Đình"]
    fill_table(
        table,
        [[n, f"trễ {d} ngày"] for n, d in zip(names, (9, 630, 10), strict=True)],
        ids=["o", "d", "b"],
        keys=[[None, d] for d in (9, 630, 10)],
    )
    model = table.model()

    def shown(column: int) -> list[str]:
        return [model.index(r, column).data() for r in range(model.rowCount())]

    assert shown(0) == names  # in the order given until a header is clicked
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown(1) == ["trễ 9 ngày", "trễ 10 ngày", "trễ 630 ngày"]  # not as text
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(0) == ["Phường Ba Đình", "Phường Đống Đa", "Phường Ô Chợ Dừa"]
    table.selectRow(1)
    assert selected_id(table) == "d"  # the id of the row shown, through the sorting
