"""The record lists' model on its own (no view): pages read on demand, sorting in SQL."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from fieldsurvey.core.store import listing
from fieldsurvey.core.store.listing import ListQuery
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.models import RecordListModel
from fieldsurvey.ui.tables import ID_ROLE

HEADERS = ["a", "b", "c", "d", "e", "f", "g"]


def test_model_passes_qt_model_checks(qtmodeltester: ModelTester, demo: Workspace) -> None:
    model = RecordListModel(demo.db, ListQuery("cameras"), HEADERS)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_read_a_page_at_a_time(demo: Workspace) -> None:
    model = RecordListModel(demo.db, ListQuery("cameras"), HEADERS)
    total = listing.count(demo.db, ListQuery("cameras"))
    assert model.total == total > listing.PAGE_SIZE
    assert model.rowCount() == listing.PAGE_SIZE  # only the first page so far
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(total)]
    assert ids == listing.ids(demo.db, ListQuery("cameras"))


def test_a_record_far_down_is_found_by_reading_on(demo: Workspace) -> None:
    model = RecordListModel(demo.db, ListQuery("cameras"), HEADERS)
    last = listing.ids(demo.db, ListQuery("cameras"))[-1]
    assert model.row_of(last) == -1
    row = model.load_until(last)
    assert row == model.total - 1 and model.record_id(row) == last


def test_sorting_by_a_header_reorders_in_sql(demo: Workspace) -> None:
    model = RecordListModel(demo.db, ListQuery("sites"), HEADERS[:6])
    model.sort(4, Qt.SortOrder.DescendingOrder)  # number of cameras, most first
    assert model.query.sort == "cameras" and model.query.descending
    counts = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)


def test_filter_and_edit_show_up(demo: Workspace) -> None:
    model = RecordListModel(demo.db, ListQuery("sites"), HEADERS[:6])
    model.set_query(ListQuery("sites", text="ho hoan kiem"))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Hồ Hoàn Kiếm")
    site_id = model.record_id(row)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    demo.update("sites", site_id, {"name": "Hồ Gươm"})
    model.update_record(site_id)
    assert changed == [row] and model.index(row, 0).data() == "Hồ Gươm"
