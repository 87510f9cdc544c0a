"""The supervisor's screens driven like a user, on an office workspace that received the packages
of two demo surveyors: the inbox, reviews (one record, refused without a comment, over a
filter), the conflict queue, progress against the due dates and the dashboard."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.messages import Message
from fieldsurvey.core.office.conflicts import list_conflicts
from fieldsurvey.core.office.dashboard import dashboard
from fieldsurvey.core.office.grading import (
    SETTING_KEY,
    GradingScale,
    grading_scale,
    unit_scorecards,
)
from fieldsurvey.core.office.inbox import inbox, package_records
from fieldsurvey.core.office.review import ReviewFilter, reviews_of, select_records
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import install_language
from fieldsurvey.ui.office.conflicts import ConflictsDialog
from fieldsurvey.ui.office.grades import GradingScaleDialog
from fieldsurvey.ui.office.inbox import InboxDialog
from fieldsurvey.ui.office.progress import DashboardDialog, ProgressDialog
from fieldsurvey.ui.office.review import ReviewDialog
from fieldsurvey.ui.tables import ID_ROLE, LATE_BACKGROUND, selected_id
from tests.helpers.office import OfficeDemos, everything, send


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1", "s2"))


def answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` in the next question box when it appears; its text lands in the list."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    return seen


def rows(view: QTableView) -> int:
    return view.model().rowCount()


def cell(view: QTableView, r: int, c: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return view.model().index(r, c).data(role)


def column(view: QTableView, c: int) -> list[str]:
    return [cell(view, r, c) for r in range(rows(view))]


def loaded(qtbot: QtBot, dialog: ReviewDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)


def test_the_inbox_lists_both_surveyors_packages(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    dialog = InboxDialog(office)
    qtbot.addWidget(dialog)
    assert rows(dialog.packages) == 2
    assert sorted(column(dialog.packages, 0)) == ["s1", "s2"]
    by_sender = {p["sender_name"]: p for p in inbox(office)}
    for row in range(2):
        package = by_sender[cell(dialog.packages, row, 0)]
        # changes, new, updated, deleted as the import counted them
        assert [cell(dialog.packages, row, c) for c in (3, 4, 5, 6)] == [
            str(package["changes"]),
            str(package["new"]),
            str(package["updated"]),
            str(package["deleted"]),
        ]
        assert package["new"] > 1900 and package["records_by_table"]["sites"] == 300
    # the newest package is selected: the records it brought, 300 of them new sites
    first = cell(dialog.packages, 0, 0)
    records = package_records(office, by_sender[first]["package_id"])
    assert rows(dialog.records) == len(records)
    kinds = column(dialog.records, 0)
    assert kinds.count("Địa điểm") == 300 and kinds.count("Camera") == 1008
    # choose the other package
    dialog.packages.selectRow(1)
    other = by_sender[cell(dialog.packages, 1, 0)]
    assert rows(dialog.records) == len(package_records(office, other["package_id"]))
    assert other["sender_name"] in dialog.records_title.text()
    assert "Không có gói nào bị giữ lại" in dialog.held_title.text()


def test_the_inbox_says_why_a_package_was_held_back_in_the_apps_language(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    folder = office.path.with_name(office.path.stem + ".quarantine")
    folder.mkdir()
    for name in ("a-new.fspkg", "b-older.fspkg"):
        (folder / name).write_bytes(b"package")
    reason = Message("sync", "Đồng hồ của gói ở tương lai quá xa (máy gửi sai giờ?).", {})
    (folder / "a-new.fspkg.reason.json").write_text(json.dumps(reason.as_plain()), "utf-8")
    older = "Lý do cũ. / An older reason."
    (folder / "b-older.fspkg.reason.txt").write_text(older, encoding="utf-8")
    try:
        for lang in ("vi", "en"):
            install_language(QApplication.instance(), lang)
            dialog = InboxDialog(office)
            qtbot.addWidget(dialog)
            assert column(dialog.held, 0) == ["a-new.fspkg", "b-older.fspkg"]
            assert column(dialog.held, 2) == [reason.text(lang), older]
        assert reason.text("en") != reason.text("vi")
    finally:
        install_language(QApplication.instance(), "vi")


def test_approve_a_record_by_clicking(qtbot: QtBot, workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    camera = select_records(office, ReviewFilter("cameras", device="s1", state="none"))[0]
    dialog = ReviewDialog(office, table="cameras", record_id=camera)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.current == ("cameras", camera)
    assert dialog.approve_button.isEnabled() and not dialog.refusal.isVisibleTo(dialog)
    # its history, device by device, beside its (no) reviews
    assert rows(dialog.history) > 0
    assert set(column(dialog.history, 1)) == {"s1"}  # the surveyor who recorded it
    assert rows(dialog.reviews) == 0
    dialog.comment.insertPlainText("Đạt yêu cầu, đủ ảnh")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    [written] = reviews_of(office, "cameras", camera)
    assert (written["state"], written["comment"], written["reviewer"]) == (
        "approved",
        "Đạt yêu cầu, đủ ảnh",
        "user-office",
    )
    assert office.get("cameras", camera)["review_state"] == "approved"
    loaded(qtbot, dialog)
    # on to the next record of the list
    assert dialog.current is not None and dialog.current[1] != camera
    assert dialog.current[1] in dialog.ids and dialog.approve_button.isEnabled()
    # back on the approved one, its review is beside its history
    dialog.show_record("cameras", camera)
    assert column(dialog.reviews, 1) == ["Đã duyệt"]
    assert column(dialog.reviews, 2) == ["Đạt yêu cầu, đủ ảnh"]


def test_a_decision_after_a_filter_change_reaches_only_the_record_shown(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    dialog = ReviewDialog(office, table="cameras")
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    first = dialog.current
    assert first is not None and dialog.approve_button.isEnabled()
    first_commune = office.db.execute(
        "SELECT s.commune_code FROM cameras c JOIN sites s ON s.id = c.site_id WHERE c.id = ?",
        [first[1]],
    ).fetchone()[0]
    other = office.db.execute(
        "SELECT s.commune_code FROM cameras c JOIN sites s ON s.id = c.site_id "
        "WHERE c.deleted = 0 AND s.commune_code != ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        [first_commune],
    ).fetchone()[0]
    before = everything(office)
    dialog.commune_box.setCurrentIndex(dialog.commune_box.findData(other))
    # while the new list loads, nothing is current and a click decides nothing
    assert dialog.current is None and not dialog.approve_button.isEnabled()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert everything(office) == before
    loaded(qtbot, dialog)
    shown = dialog.current
    assert shown is not None and shown != first and shown[1] in dialog.ids
    assert shown[1] == selected_id(dialog.list)  # the record shown is the one selected
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert office.get("cameras", shown[1])["review_state"] == "approved"
    assert reviews_of(office, "cameras", first[1]) == []  # the earlier record untouched
    loaded(qtbot, dialog)


def test_the_history_says_whether_its_changes_are_proven(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    camera = select_records(office, ReviewFilter("cameras", device="s1", state="none"))[0]
    dialog = ReviewDialog(office, table="cameras", record_id=camera)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert "thay đổi có chữ ký của tác giả" in dialog.proof.text()
    assert "sửa ngoài ứng dụng" not in dialog.proof.text()
    # a row of the history changed behind the app's back
    with office.transaction():
        office.db.execute(
            "UPDATE change_rows SET user = 'someone else' WHERE table_name = 'cameras' "
            "AND record_id = ?",
            [camera],
        )
    dialog.show_record("cameras", camera)
    assert "không khớp nhật ký: đã bị sửa ngoài ứng dụng" in dialog.proof.text()


def test_needs_revision_without_a_comment_is_refused(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    site = select_records(office, ReviewFilter("sites", state="none"))[0]
    dialog = ReviewDialog(office, table="sites", record_id=site)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    before = everything(office)
    emitted: list[bool] = []
    dialog.changed.connect(lambda: emitted.append(True))
    qtbot.mouseClick(dialog.revise_button, Qt.MouseButton.LeftButton)
    assert "Cần ghi nhận xét" in dialog.message.text()
    assert "/" not in dialog.message.text()  # the user's language only
    assert everything(office) == before and not emitted
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert "Cần ghi nhận xét" in dialog.message.text()
    assert everything(office) == before and not emitted
    # with a comment it is written
    dialog.comment.insertPlainText("Thiếu ảnh toàn cảnh")
    qtbot.mouseClick(dialog.revise_button, Qt.MouseButton.LeftButton)
    assert emitted and office.get("sites", site)["review_state"] == "needs_revision"
    assert reviews_of(office, "sites", site)[0]["comment"] == "Thiếu ảnh toàn cảnh"
    loaded(qtbot, dialog)


def test_bulk_review_over_a_filter(qtbot: QtBot, workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    commune = office.db.execute(
        "SELECT s.commune_code FROM cameras AS c JOIN sites AS s ON s.id = c.site_id "
        "WHERE c.deleted = 0 AND c.review_state IS NULL GROUP BY s.commune_code "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    flt = ReviewFilter("cameras", commune_code=commune, device="s2", state="none")
    picked = select_records(office, flt)
    everywhere = select_records(office, ReviewFilter("cameras", state="none"))
    assert 1 < len(picked) < len(everywhere)
    dialog = ReviewDialog(office)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    for box, value in (
        (dialog.table_box, "cameras"),
        (dialog.commune_box, commune),
        (
            dialog.device_box,
            office.db.execute("SELECT device_id FROM peers WHERE name = 's2'").fetchone()[0],
        ),
        (dialog.state_box, "none"),
    ):
        box.setCurrentIndex(box.findData(value))
        loaded(qtbot, dialog)
    assert rows(dialog.list) == len(picked)
    assert str(len(picked)) in dialog.count.text()
    assert str(len(picked)) in dialog.bulk.text()
    dialog.bulk.setChecked(True)
    dialog.comment.insertPlainText("Đã kiểm tra tại chỗ")
    # saying no writes nothing
    before = everything(office)
    seen = answer_next_question(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert seen and str(len(picked)) in seen[0]
    assert everything(office) == before
    seen = answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert seen
    assert select_records(office, flt) == []
    approved = ReviewFilter("cameras", commune_code=commune, device="s2", state="approved")
    assert set(picked) <= set(select_records(office, approved))
    for camera in picked:
        assert reviews_of(office, "cameras", camera)[0]["comment"] == "Đã kiểm tra tại chỗ"
    # only those: the rest of the unreviewed cameras are untouched
    assert len(select_records(office, ReviewFilter("cameras", state="none"))) == len(
        everywhere
    ) - len(picked)
    loaded(qtbot, dialog)
    assert rows(dialog.list) == 0


def test_a_surveyor_workspace_may_not_review(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    surveyor = workspaces["s1"]
    dialog = ReviewDialog(surveyor)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.refusal.isVisibleTo(dialog)
    assert "Chỉ tệp dữ liệu khảo sát của văn phòng" in dialog.refusal.text()
    dialog.list.selectRow(0)
    assert dialog.current is not None  # reading is allowed
    for widget in (
        dialog.approve_button,
        dialog.revise_button,
        dialog.reject_button,
        dialog.comment,
        dialog.bulk,
    ):
        assert not widget.isEnabled()
    conflicts = ConflictsDialog(surveyor)
    qtbot.addWidget(conflicts)
    assert "Chỉ tệp dữ liệu khảo sát của văn phòng" in conflicts.refusal.text()


def test_conflicts_settled_by_clicking(
    qtbot: QtBot, workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    usb = tmp_path / "usb"
    usb.mkdir()
    site = s1.insert(
        "sites",
        {"name": "Ga Cát Linh", "category": "train_station", "lat": 21.0285, "lon": 105.8275},
    )
    camera = s1.insert("cameras", {"site_id": site, "condition": "working", "storage_days": 15})
    send(s1, office, usb)
    send(office, s2, usb)
    s1.update("cameras", camera, {"condition": "degraded", "storage_days": 30})
    s2.update("cameras", camera, {"condition": "not_working", "storage_days": 90})
    send(s1, office, usb)
    send(s2, office, usb)
    queue = {c["field"]: c for c in list_conflicts(office)}
    assert set(queue) == {"condition", "storage_days"}
    dialog = ConflictsDialog(office)
    qtbot.addWidget(dialog)
    assert rows(dialog.queue) == 2
    assert set(column(dialog.queue, 2)) == {"Tình trạng", "Thời gian lưu trữ (ngày)"}
    # the condition: both values with who and when; keep B
    row = column(dialog.queue, 2).index("Tình trạng")
    dialog.queue.selectRow(row)
    b = queue["condition"]["b"]
    assert b["device"] in dialog.side_b.text() and "user-s" in dialog.side_b.text()
    assert queue["condition"]["a"]["device"] in dialog.side_a.text()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.keep_b, Qt.MouseButton.LeftButton)
    assert office.get("cameras", camera)["condition"] == b["value"]
    assert [c["field"] for c in list_conflicts(office)] == ["storage_days"]
    assert rows(dialog.queue) == 1
    # the storage days: a value the field refuses, then a third value
    dialog.queue.selectRow(0)
    dialog.third.setText("nhiều ngày")
    qtbot.mouseClick(dialog.use_third, Qt.MouseButton.LeftButton)
    assert dialog.message.text() and "/" not in dialog.message.text()
    assert len(list_conflicts(office)) == 1
    dialog.third.setText("60")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.use_third, Qt.MouseButton.LeftButton)
    assert office.get("cameras", camera)["storage_days"] == 60
    assert list_conflicts(office) == []
    assert rows(dialog.queue) == 0 and "Không còn xung đột" in dialog.count.text()
    assert not dialog.keep_a.isEnabled()
    # The choices are changes like any other: they travel to both surveyors and settle there.
    send(office, s1, usb)
    send(office, s2, usb)
    for surveyor in (s1, s2):
        settled = surveyor.get("cameras", camera)
        assert (settled["condition"], settled["storage_days"]) == (b["value"], 60)
        assert list_conflicts(surveyor) == []


def late_rows(dialog: ProgressDialog) -> list[str]:
    return [
        cell(dialog.units, r, 0)
        for r in range(rows(dialog.units))
        if (brush := cell(dialog.units, r, 0, Qt.ItemDataRole.BackgroundRole)) is not None
        and brush.color() == LATE_BACKGROUND
    ]


def test_progress_highlights_late_units(qtbot: QtBot, workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    dues = sorted(
        dt.date.fromisoformat(d)
        for (d,) in office.db.execute(
            "SELECT due_date FROM assignments WHERE due_date IS NOT NULL "
            "AND status NOT IN ('done', 'cancelled')"
        )
    )
    early = ProgressDialog(office, today=dues[0] - dt.timedelta(days=10))
    qtbot.addWidget(early)
    qtbot.waitUntil(lambda: early.figures is not None, timeout=10_000)
    assert late_rows(early) == []
    late = ProgressDialog(office, today=dues[-1] + dt.timedelta(days=5))
    qtbot.addWidget(late)
    qtbot.waitUntil(lambda: late.figures is not None, timeout=10_000)
    assert late.figures is not None
    late_units = {u["unit_name"]: u for u in late.figures["units"] if u["late"]}
    assert late_units  # some unit has not finished
    assert set(late_rows(late)) == set(late_units)
    unit = sorted(late_units)[0]
    row = column(late.units, 0).index(unit)
    due_date = dt.date.fromisoformat(late_units[unit]["due_date"])
    assert cell(late.units, row, 4) == due_date.strftime("%d/%m/%Y")


def test_dashboard_draws_the_core_figures(
    qtbot: QtBot, workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office = workspaces["office"]
    dialog = DashboardDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=10_000)
    figures = dashboard(office.db)
    assert dialog.charts.count() == 7
    for index, name in enumerate(dialog.charts.sets):
        view = dialog.charts.widget(index)
        [series] = view.chart().series()
        bar_set = series.barSets()[0]
        values = [bar_set.at(i) for i in range(bar_set.count())]
        title = view.chart().title()
        # long charts: the largest groups as bars, the rest said in the title (a bar of their
        # sum would squash the others)
        rest = sum(r["count"] for r in figures[name]) - sum(values)
        assert rest == 0 or f"các nơi khác: {rest:.0f}" in title, name
        # ticks at round numbers
        [axis] = view.chart().axes(Qt.Orientation.Horizontal)
        assert axis.tickInterval() in {f * 10**e for e in range(6) for f in (1, 2, 5)}, name
        assert axis.max() % axis.tickInterval() == 0 and axis.max() >= max(values), name
    communes = dialog.charts.labels["cameras_by_commune"]
    assert len(communes) == 20
    assert communes[0] == max(figures["cameras_by_commune"], key=lambda r: r["count"])["label_vi"]
    # needs beside the cameras they ask for
    [needs] = dialog.charts.widget(6).chart().series()
    asked = needs.barSets()[1]
    assert sum(asked.at(i) for i in range(asked.count())) == sql_sum(
        office, "SELECT sum(camera_count) FROM needs WHERE deleted = 0"
    )
    assert "Chưa rõ" not in dialog.charts.labels["cameras_by_purpose"]
    assert dialog.charts.labels["cameras_by_purpose"][0] == (
        "Quản lý, giám sát, điều hành giao thông"
    )
    dialog.charts.setCurrentIndex(2)
    target = tmp_path / "tinh-trang.png"
    assert dialog.save_chart(target)
    picture = QImage(str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.width() > 100 and picture.height() > 100


def test_filter_then_approve_reaches_only_the_record_shown_and_an_empty_list_decides_nothing(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    dialog = ReviewDialog(office, table="cameras")
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    first = dialog.current
    assert first is not None
    # the filter: only what s2 recorded and nobody reviewed yet
    s2 = office.db.execute("SELECT device_id FROM peers WHERE name = 's2'").fetchone()[0]
    dialog.state_box.setCurrentIndex(dialog.state_box.findData("none"))
    loaded(qtbot, dialog)
    dialog.device_box.setCurrentIndex(dialog.device_box.findData(s2))
    assert dialog.current is None and not dialog.approve_button.isEnabled()
    loaded(qtbot, dialog)
    shown = dialog.current
    assert shown is not None and shown[1] == selected_id(dialog.list) and shown[1] in dialog.ids
    assert set(dialog.ids) == set(select_records(office, dialog.current_filter()))
    assert dialog.heading.text().endswith(office.title("cameras", shown[1]))
    before = {c: office.get("cameras", c)["review_state"] for c in [*dialog.ids, first[1]]}
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    after = {c: office.get("cameras", c)["review_state"] for c in before}
    assert {c for c in before if before[c] != after[c]} == {shown[1]}
    assert after[shown[1]] == "approved"
    [written] = reviews_of(office, "cameras", shown[1])
    assert written["reviewer"] == "user-office"
    loaded(qtbot, dialog)
    assert shown[1] not in dialog.ids  # no longer unreviewed: on to the next one
    assert dialog.current is not None and dialog.current[1] == selected_id(dialog.list)
    # a search nothing matches: no record, every decision off, a click writes nothing
    dialog.search.setText("khong co ban ghi nao ten nhu the nay")
    assert not dialog.approve_button.isEnabled()  # off as soon as typing starts
    loaded(qtbot, dialog)
    assert dialog.ids == [] and rows(dialog.list) == 0 and dialog.current is None
    assert "Không có bản ghi nào" in dialog.heading.text()
    dialog.bulk.setChecked(True)
    buttons = (dialog.approve_button, dialog.revise_button, dialog.reject_button)
    assert not dialog.bulk.isEnabled() and not any(b.isEnabled() for b in buttons)
    dialog.comment.insertPlainText("Không có gì")
    before_all = everything(office)
    for button in buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert everything(office) == before_all


def test_the_review_list_searches_without_accents_and_shows_where_records_came_from(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    site = office.insert("sites", {"name": "Chợ Đồng Xuân mới", "category": "market"})
    camera = office.insert("cameras", {"site_id": site, "name": "Cổng phía Bắc chợ"})
    dialog = ReviewDialog(office, table="cameras")
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    everywhere = len(dialog.ids)
    qtbot.keyClicks(dialog.search, "cong phia bac cho")
    qtbot.waitUntil(lambda: not dialog.loading and dialog.listed is not None, timeout=10_000)
    assert dialog.listed is not None and dialog.listed.text == "cong phia bac cho"
    assert camera in dialog.ids and len(dialog.ids) < everywhere
    assert "Cổng phía Bắc chợ" in column(dialog.list, 0)
    here = office.setting("device_name") or office.device_id[:8]
    assert column(dialog.list, 4)[column(dialog.list, 0).index("Cổng phía Bắc chợ")] == here
    # the surveyors' records name their device and the unit it works for
    dialog.search.clear()
    loaded(qtbot, dialog)
    sources = set(column(dialog.list, 4))
    assert any(s.startswith("s1 · Tổ khảo sát") for s in sources), sources


def test_the_review_list_pages_past_a_thousand_records(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    every = select_records(office, ReviewFilter("cameras"))
    assert len(every) > 1500
    far = every[1500]
    dialog = ReviewDialog(office, table="cameras", record_id=far)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert str(len(every)) in dialog.count.text()
    # the record asked for, far down the list: its row is read and selected
    assert dialog.current == ("cameras", far) and selected_id(dialog.list) == far
    assert 1500 < rows(dialog.list) < len(every)
    model = dialog.list.model()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert rows(dialog.list) == len(every) > 1000
    assert cell(dialog.list, len(every) - 1, 0, ID_ROLE) == every[-1]
    dialog.list.selectRow(len(every) - 1)
    assert dialog.current == ("cameras", every[-1]) and dialog.approve_button.isEnabled()


def test_an_edit_after_the_approval_puts_the_record_back_in_the_queue_highlighted(
    qtbot: QtBot, workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    camera = select_records(office, ReviewFilter("cameras", device="s1", state="none"))[0]
    dialog = ReviewDialog(office, table="cameras", record_id=camera)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.current == ("cameras", camera) and not dialog.changed_note.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    assert office.get("cameras", camera)["review_state"] == "approved"
    # the surveyor, who got the approval back, changes the storage days; the office imports it
    usb = tmp_path / "usb"
    usb.mkdir()
    send(office, s1, usb)
    s1.update("cameras", camera, {"storage_days": 61})
    send(s1, office, usb)
    assert office.get("cameras", camera)["review_state"] == "changed_after_approval"
    dialog.state_box.setCurrentIndex(dialog.state_box.findData("changed_after_approval"))
    loaded(qtbot, dialog)
    assert dialog.ids == [camera] and dialog.current == ("cameras", camera)
    assert column(dialog.list, 3) == ["Đã sửa sau khi duyệt"]
    assert dialog.changed_note.isVisibleTo(dialog)
    assert "Thời gian lưu trữ" in dialog.changed_note.text()
    noted = [
        r
        for r in range(rows(dialog.history))
        if cell(dialog.history, r, 0, Qt.ItemDataRole.ToolTipRole) == "Thay đổi sau khi đã duyệt"
    ]
    assert [cell(dialog.history, r, 1) for r in noted] == ["s1"]
    assert cell(dialog.history, noted[0], 4).endswith("→ 61")
    assert cell(dialog.history, noted[0], 0, Qt.ItemDataRole.BackgroundRole) is not None
    # approved again, it leaves that queue
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    assert dialog.ids == [] and office.get("cameras", camera)["review_state"] == "approved"


def test_the_record_under_review_shows_its_photos_and_its_place_on_the_map(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    camera = office.db.execute(
        "SELECT c.id FROM cameras c JOIN photo_links l ON l.record_id = c.id "
        "WHERE c.deleted = 0 AND l.deleted = 0 AND c.lat IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    dialog = ReviewDialog(office, table="cameras", record_id=camera)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.current == ("cameras", camera)
    assert dialog.photos.count() > 0 and not dialog.photos.add_button.isVisibleTo(dialog)
    lat, lon = office.db.execute("SELECT lat, lon FROM cameras WHERE id = ?", [camera]).fetchone()
    assert f"{lat:.6f}" in dialog.place.text() and f"{lon:.6f}" in dialog.place.text()
    with qtbot.waitSignal(dialog.locate_requested) as asked:
        qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["cameras", camera]


def test_a_decision_carries_the_name_given_at_the_first_start(
    qtbot: QtBot,
    workspaces: dict[str, Workspace],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fieldsurvey.core import settings as user_settings
    from fieldsurvey.ui import workspace_dialogs
    from fieldsurvey.ui.dialogs import SettingsDialog
    from fieldsurvey.ui.main_window import MainWindow
    from tests.helpers.modal import when_modal

    monkeypatch.setenv(user_settings.HOME_VARIABLE, str(tmp_path / "home"))
    office = workspaces["office"]
    window = MainWindow(office, settings=user_settings.Settings())
    qtbot.addWidget(window)

    def fill(dialog: SettingsDialog) -> None:
        dialog.name.insert("Trần Văn Bình")
        dialog.unit.insert("Văn phòng Công an thành phố")
        dialog.role.setCurrentIndex(dialog.role.findData("office"))
        dialog.accept()

    when_modal(SettingsDialog, fill)
    window.ask_who_on_first_start()
    dialog = workspace_dialogs.open_office(window, "review")
    assert isinstance(dialog, ReviewDialog)
    loaded(qtbot, dialog)
    shown = dialog.current
    assert shown is not None
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    [written] = reviews_of(office, *shown)
    assert written["reviewer"] == "Trần Văn Bình"
    assert office.history(*shown)[-1]["user"] == "Trần Văn Bình"  # the state's change too
    loaded(qtbot, dialog)
    dialog.show_record(*shown)
    assert column(dialog.reviews, 3) == ["Trần Văn Bình"]
    # "show on map" selects it in the window (its list, map and form)
    assert dialog.map_button.isEnabled()
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    assert window.current == shown
    dialog.close()


def test_without_a_reviewer_name_no_decision_is_written(
    qtbot: QtBot, workspaces: dict[str, Workspace]
) -> None:
    office = workspaces["office"]
    office.user = None
    dialog = ReviewDialog(office, table="cameras")
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.current is not None and dialog.approve_button.isEnabled()
    before = everything(office)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "Chưa có tên người duyệt" in dialog.message.text()
    assert everything(office) == before


def test_the_chase_list_one_row_per_unit_sorted_reminded_and_exported(
    qtbot: QtBot, workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office = workspaces["office"]
    (last,) = office.db.execute(
        "SELECT max(due_date) FROM assignments WHERE status NOT IN ('done', 'cancelled')"
    ).fetchone()
    today = dt.date.fromisoformat(last) + dt.timedelta(days=630)
    dialog = ProgressDialog(office, today=today)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=10_000)
    assert dialog.figures is not None
    chase = dialog.figures["chase"]
    names = column(dialog.chase, 0)
    assert len(names) == len(set(names)) == len(chase) > 1  # one row per unit
    assert all(
        text.startswith("trễ ") and text.endswith(" ngày") for text in column(dialog.chase, 5)
    )
    assert f"trễ {630} ngày" in column(dialog.chase, 5)
    # sorted by a click on a header: days late as numbers, most overdue last when ascending
    dialog.chase.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    shown = [int(t.split()[1]) for t in column(dialog.chase, 5)]
    assert shown == sorted(shown)
    dialog.chase.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(dialog.chase, 0) == sorted(names, key=sort_key)
    # "Đã nhắc hôm nay" on the first row shown: kept on the unit, shown once read again
    assert not dialog.remind_button.isEnabled()
    dialog.chase.selectRow(0)
    unit_id = selected_id(dialog.chase)
    assert dialog.remind_button.isEnabled()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.remind_button, Qt.MouseButton.LeftButton)
    assert office.get("units", unit_id)["reminded_on"] == today.isoformat()
    row = [cell(dialog.chase, r, 0, ID_ROLE) for r in range(rows(dialog.chase))].index(unit_id)
    assert cell(dialog.chase, row, 7) == today.strftime("%d/%m/%Y")
    # exported as XLSX, one row per unit and the totals
    target = tmp_path / "don-doc.xlsx"
    assert dialog.export_chase(target) == len(chase)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("STT", "Đơn vị")
    assert sorted(v[1] for v in values[1:-1]) == sorted(names)
    assert values[-1][1] == "Tổng cộng"


def test_the_units_grades_tab_scale_and_export(
    qtbot: QtBot, workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office = workspaces["office"]
    today = dt.date(2025, 3, 20)
    dialog = ProgressDialog(office, today=today)
    qtbot.addWidget(dialog)
    page = dialog.grades
    qtbot.waitUntil(lambda: page.cards is not None, timeout=60_000)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Đánh giá đơn vị"
    expected = unit_scorecards(office, today)
    assert page.cards == expected
    assert column(page.table, 0) == [c["unit_name"] for c in expected]
    labels = {"good": "Tốt", "fair": "Khá", "average": "Trung bình", "weak": "Yếu"}
    assert column(page.table, 1) == [labels.get(c["grade"], "chưa đủ dữ liệu") for c in expected]
    # sorted by score, lowest first (units not graded at the top)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    ordered = sorted(expected, key=lambda c: -1 if c["score"] is None else c["score"])
    assert [cell(page.table, r, 2) for r in range(rows(page.table))] == [
        "—" if c["score"] is None else QLocale().toString(float(c["score"]), "f", 1)
        for c in ordered
    ]
    # the scale: bad values are named beside their fields and nothing is kept
    scale_dialog = GradingScaleDialog(office, page)
    qtbot.addWidget(scale_dialog)
    scale_dialog.fields["good"].setText("60")
    scale_dialog.fields["fair"].setText("70")
    scale_dialog.fields["quality_weight"].setText("nhiều")
    scale_dialog.accept()
    assert scale_dialog.result() != QDialog.DialogCode.Accepted
    shown = {n for n, label in scale_dialog.problems.items() if not label.isHidden()}
    assert shown == {"fair", "quality_weight"}
    assert scale_dialog.problems["quality_weight"].text() == "Trọng số chất lượng: phải là một số."
    assert office.setting(SETTING_KEY) is None
    # a scale where every unit with a score is "Tốt": kept, and the page graded again with it
    scale_dialog.fields["good"].setText("0,5")
    scale_dialog.fields["fair"].setText("0,2")
    scale_dialog.fields["average"].setText("0")
    scale_dialog.fields["quality_weight"].setText("30")
    scale_dialog.accept()
    assert scale_dialog.result() == QDialog.DialogCode.Accepted
    assert grading_scale(office) == GradingScale(good=0.5, fair=0.2, average=0)
    with qtbot.waitSignal(page.loaded, timeout=60_000):
        page.load()
    regraded = {c["unit_id"]: c["grade"] for c in page.cards or []}
    assert {g for g in regraded.values() if g is not None} <= {"good", "fair", "average"}
    assert any(g == "good" for g in regraded.values())
    target = tmp_path / "danh-gia.xlsx"
    assert page.export(target) == len(expected)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.cell(1, 3).value == "Xếp loại" and sheet.max_row == len(expected) + 2


def sql_sum(ws: Workspace, sql: str) -> int:
    return int(ws.db.execute(sql).fetchone()[0] or 0)
