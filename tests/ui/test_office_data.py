"""The supervisor's data screens, driven like a user: duplicate cameras merged by clicking or
marked "not a duplicate", a real OpenStreetMap inventory imported, reports written and
cancelled."""

from __future__ import annotations

import csv
import json
import re
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from fieldsurvey.core.messages import Message
from fieldsurvey.core.office import inventory
from fieldsurvey.core.office.duplicates import mark_not_duplicate
from fieldsurvey.core.reports import writing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import install_language
from fieldsurvey.ui.office.duplicates import DuplicatesDialog, MergeDialog
from fieldsurvey.ui.office.inventory import InventoryDialog
from fieldsurvey.ui.office.merge_clusters import MergeClustersDialog
from fieldsurvey.ui.office.report_form import ReportFormDialog
from fieldsurvey.ui.office.reports import ReportDialog
from tests.helpers import DATA
from tests.helpers.modal import when_modal

INVENTORY = DATA / "inventory"
# The rows of osm_cameras.csv that lie outside Hà Nội (see tests/core/test_inventory.py):
# imported, each with a warning.
OUTSIDE_LINES = [51, 52, 411, 412, 443, 444, 526, 557, 562, 563, 613]


def planted(ws: Workspace) -> set[frozenset[str]]:
    return {frozenset(p) for p in json.loads(ws.setting("demo_planted_duplicates") or "[]")}


def listed(dialog: DuplicatesDialog) -> list[frozenset[str]]:
    return [frozenset((p["a"]["id"], p["b"]["id"])) for p in dialog.camera_pairs]


def counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(
        ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("cameras", "sites", "units", "photo_links", "changes")
    )


def live_cameras(ws: Workspace, where: str = "1") -> int:
    return int(
        ws.db.execute(f"SELECT count(*) FROM cameras WHERE deleted = 0 AND {where}").fetchone()[0]
    )


def signal_count(signal: object) -> list[int]:
    seen: list[int] = []
    signal.connect(lambda: seen.append(1))  # type: ignore[attr-defined]
    return seen


def opened(qtbot: QtBot, ws: Workspace) -> DuplicatesDialog:
    """The duplicates dialog once its background search has finished."""
    dialog = DuplicatesDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    return dialog


def test_planted_duplicates_are_listed_best_first(qtbot: QtBot, demo: Workspace) -> None:
    install_language(QApplication.instance(), "vi")  # a Vietnamese session: decimal commas
    dialog = opened(qtbot, demo)
    shown = listed(dialog)
    assert planted(demo) <= set(shown)
    texts = [dialog.cameras.item(r, 0).text() for r in range(dialog.cameras.rowCount())]
    assert all(re.fullmatch(r"[01],\d\d", text) for text in texts)
    scores = [float(text.replace(",", ".")) for text in texts]
    assert scores == sorted(scores, reverse=True) and len(scores) == len(shown)
    reasons = [dialog.cameras.item(r, 3).text() for r in range(len(scores))]
    assert all(reasons)
    distances = [m for text in reasons for m in re.findall(r"cách nhau (\S+) m", text)]
    assert distances and all(re.fullmatch(r"\d+,\d", d) for d in distances)
    assert dialog.tabs.tabText(0) == f"Camera ({len(shown)})"
    assert not dialog.merge_button.isEnabled()  # nothing selected yet


def test_closing_while_searching_is_harmless(qtbot: QtBot, demo: Workspace) -> None:
    dialog = DuplicatesDialog(demo)
    assert dialog.loading
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()  # the search's result arrives and is dropped
    assert opened(qtbot, demo).camera_pairs


def test_merge_a_planted_pair_by_clicking(qtbot: QtBot, demo: Workspace) -> None:
    pair = sorted(planted(demo), key=sorted)[0]
    a, b = sorted(pair)
    # Each camera gets a photo of its own, and both get one they share.
    photos = [r[0] for r in demo.db.execute("SELECT id FROM photos ORDER BY id LIMIT 3")]
    for photo, camera in ((photos[0], a), (photos[1], b), (photos[2], a), (photos[2], b)):
        demo.insert(
            "photo_links", {"photo_id": photo, "record_table": "cameras", "record_id": camera}
        )
    before = {cid: demo.get("cameras", cid) for cid in (a, b)}
    dialog = opened(qtbot, demo)
    changed = signal_count(dialog.changed)
    assert dialog.select_pair(a, b)
    assert dialog.merge_button.isEnabled()
    seen: dict[str, object] = {}

    def merge(merge_dialog: object) -> None:
        assert isinstance(merge_dialog, MergeDialog)
        try:
            choose_and_merge(merge_dialog)
        except BaseException:
            merge_dialog.reject()  # never leave the test waiting on a modal dialog
            raise

    def choose_and_merge(merge_dialog: MergeDialog) -> None:
        seen["keep"], seen["other"] = merge_dialog.keep_id, merge_dialog.other_id
        # Defaults: the kept camera's value, unless it has none.
        keep, other = before[merge_dialog.keep_id], before[merge_dialog.other_id]
        install = merge_dialog.findChild(QRadioButton, "install_year:other")
        assert install.isChecked() == (keep["install_year"] is None)
        # The user takes the other camera's name and its position.
        for key in ("name", "location"):
            radio = merge_dialog.findChild(QRadioButton, f"{key}:other")
            radio.click()  # as a click does, wherever the dialog has scrolled it
            assert radio.isChecked()
        seen["name"], seen["lat"] = other["name"], other["lat"]
        seen["install_year"] = keep["install_year"] or other["install_year"]
        qtbot.mouseClick(merge_dialog.merge_button, Qt.MouseButton.LeftButton)

    when_modal(MergeDialog, merge)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    keep_id, other_id = str(seen["keep"]), str(seen["other"])
    kept = demo.get("cameras", keep_id)
    assert kept["name"] == seen["name"] and kept["lat"] == seen["lat"]
    assert kept["install_year"] == seen["install_year"]
    assert demo.get("cameras", other_id, include_deleted=True)["deleted"] == 1
    linked = {
        r[0]
        for r in demo.db.execute(
            "SELECT photo_id FROM photo_links WHERE record_table = 'cameras' AND record_id = ? "
            "AND deleted = 0",
            [keep_id],
        )
    }
    assert set(photos) <= linked  # both cameras' photos, the shared one once
    assert frozenset((a, b)) not in listed(dialog)
    assert changed and "Đã gộp" in dialog.status.text()


def test_merge_dialog_shows_both_cameras_and_their_photos(qtbot: QtBot, demo: Workspace) -> None:
    a, b = sorted(sorted(planted(demo), key=sorted)[1])
    photo = demo.db.execute("SELECT id FROM photos LIMIT 1").fetchone()[0]
    demo.insert("photo_links", {"photo_id": photo, "record_table": "cameras", "record_id": b})
    dialog = MergeDialog(demo, a, b)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.fields_area.widget().findChildren(QRadioButton)]
    assert texts  # the fields that differ can be chosen
    labels = " ".join(
        w.text() for w in dialog.fields_area.widget().findChildren(type(dialog.status))
    )
    assert "Ảnh của cả hai camera được giữ lại." in labels
    assert "0 ảnh" in labels and "1 ảnh" in labels
    dialog.swap()
    assert (dialog.keep_id, dialog.other_id) == (b, a)
    assert dialog.choices()  # every differing field has a side
    assert set(dialog.choices().values()) <= {"keep", "other"}


def test_not_a_duplicate_is_remembered(qtbot: QtBot, demo: Workspace) -> None:
    dialog = opened(qtbot, demo)
    changed = signal_count(dialog.changed)
    first = listed(dialog)[0]
    total = len(listed(dialog))
    dialog.cameras.selectRow(0)
    qtbot.mouseClick(dialog.not_duplicate_button, Qt.MouseButton.LeftButton)
    assert first not in listed(dialog) and len(listed(dialog)) == total - 1
    assert changed
    again = opened(qtbot, demo)
    assert first not in listed(again)
    a, b = sorted(first)
    assert demo.db.execute(
        "SELECT count(*) FROM not_duplicates WHERE record_a = ? AND record_b = ? AND deleted = 0",
        [a, b],
    ).fetchone() == (1,)


def test_duplicate_sites_tab(qtbot: QtBot, demo: Workspace) -> None:
    site = demo.get("sites", demo.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0])
    twin = demo.insert(
        "sites",
        {
            "name": site["name"].upper(),
            "category": site["category"],
            "lat": site["lat"] + 0.0001,
            "lon": site["lon"],
        },
    )
    dialog = opened(qtbot, demo)
    pairs = [frozenset((p["a"]["id"], p["b"]["id"])) for p in dialog.site_pairs]
    assert frozenset((site["id"], twin)) in pairs
    dialog.tabs.setCurrentIndex(1)
    dialog.sites.selectRow(pairs.index(frozenset((site["id"], twin))))
    assert dialog.merge_button.isEnabled() and dialog.not_duplicate_button.isEnabled()
    qtbot.mouseClick(dialog.not_duplicate_button, Qt.MouseButton.LeftButton)
    assert frozenset((site["id"], twin)) not in [
        frozenset((p["a"]["id"], p["b"]["id"])) for p in dialog.site_pairs
    ]


def _three_of_one_camera(ws: Workspace) -> list[str]:
    """Three records of one camera, a metre apart, each knowing something the others do not."""
    site = ws.insert("sites", {"name": "Nút giao Kim Mã", "category": "traffic_route"})
    base = {
        "site_id": site,
        "lon": 105.8200,
        "location_accuracy_m": 5,
        "camera_type": "fixed",
        "mount": "pole",
        "views": [{"direction": 90, "angle": 60}],
    }
    return [
        ws.insert("cameras", {**base, "lat": 21.03000, "name": "Kim Mã 1", "height_m": 6}),
        ws.insert("cameras", {**base, "lat": 21.03001, "ref": "KM-1"}),
        ws.insert("cameras", {**base, "lat": 21.03002, "name": "Camera Kim Mã"}),
    ]


def test_a_cluster_of_three_cameras_merges_in_one_step(qtbot: QtBot, workspace: Workspace) -> None:
    ids = _three_of_one_camera(workspace)
    dialog = opened(qtbot, workspace)
    assert len(dialog.camera_pairs) == 3
    assert {dialog.cameras.item(r, 4).text() for r in range(3)} == {"1 (3 bản ghi)"}
    dialog.cameras.selectRow(0)
    seen: dict[str, Any] = {}

    def merge(merge_dialog: object) -> None:
        assert isinstance(merge_dialog, MergeDialog)
        try:
            seen["ids"] = list(merge_dialog.ids)
            assert sorted(merge_dialog.ids) == sorted(ids)
            assert merge_dialog.windowTitle() == "Gộp 3 camera"
            third = merge_dialog.ids.index(ids[2])
            radio = merge_dialog.findChild(
                QRadioButton, f"name:{'other' if third == 1 else 'other2'}"
            )
            radio.click()
            qtbot.mouseClick(merge_dialog.merge_button, Qt.MouseButton.LeftButton)
        except BaseException:
            merge_dialog.reject()
            raise

    when_modal(MergeDialog, merge)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    keep = seen["ids"][0]
    kept = workspace.get("cameras", keep)
    assert (kept["name"], kept["ref"], kept["height_m"]) == ("Camera Kim Mã", "KM-1", 6)
    assert live_cameras(workspace) == 1
    assert dialog.camera_pairs == [] and "Đã gộp 3 camera" in dialog.status.text()


def test_the_merge_dialog_warns_of_records_known_to_be_two(
    qtbot: QtBot, workspace: Workspace
) -> None:
    ids = _three_of_one_camera(workspace)
    dialog = MergeDialog(workspace, *ids)
    qtbot.addWidget(dialog)
    assert dialog.warning.isHidden()
    mark_not_duplicate(workspace, "cameras", ids[0], ids[2])
    warned = MergeDialog(workspace, *ids)
    qtbot.addWidget(warned)
    assert not warned.warning.isHidden() and "không trùng" in warned.warning.text()


def test_sure_clusters_merge_at_once_after_a_preview(qtbot: QtBot, workspace: Workspace) -> None:
    ids = _three_of_one_camera(workspace)
    loose = [
        workspace.insert(
            "cameras",
            {"site_id": workspace.get("cameras", ids[0])["site_id"], "lat": lat, "lon": 105.83},
        )
        for lat in (21.0400, 21.04003)
    ]
    dialog = opened(qtbot, workspace)
    changed = signal_count(dialog.changed)
    seen: dict[str, Any] = {}

    def bulk(merge: object) -> None:
        assert isinstance(merge, MergeClustersDialog)
        try:
            qtbot.waitUntil(lambda: not merge.loading, timeout=20_000)
            seen["clusters"] = merge.tree.topLevelItemCount()
            seen["summary"] = merge.summary.text()
            head = merge.tree.topLevelItem(0)
            seen["values"] = {
                head.child(n).text(0): head.child(n).text(1) for n in range(head.childCount())
            }
            assert merge.merge_button.text() == "Gộp 1 nhóm"
            for score in (0.5, 0.9):  # another score: previewed again before anything merges
                merge.min_score.setValue(score)
                assert not merge.merge_button.isEnabled() and not merge.tree.topLevelItemCount()
                qtbot.mouseClick(merge.preview_button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: not merge.loading, timeout=20_000)
                seen[score] = merge.tree.topLevelItemCount()
            qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not merge.isVisible(), timeout=20_000)
        except BaseException:
            merge.reject()
            raise

    when_modal(MergeClustersDialog, bulk)
    qtbot.mouseClick(dialog.bulk_button, Qt.MouseButton.LeftButton)
    assert seen["clusters"] == seen[0.9] == 1  # the two known only by their position: not sure
    assert seen[0.5] == 2
    assert "1 nhóm sẽ được gộp" in seen["summary"]
    assert "KM-1" in seen["values"].values()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert changed and "Đã gộp 1 nhóm" in dialog.status.text()
    assert live_cameras(workspace) == 3
    assert all(not workspace.get("cameras", i)["deleted"] for i in loose)


def test_duplicate_sites_merge_with_their_cameras(qtbot: QtBot, demo: Workspace) -> None:
    site = demo.get("sites", demo.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0])
    twin = demo.insert(
        "sites",
        {
            "name": site["name"].upper(),
            "category": site["category"],
            "lat": site["lat"] + 0.0001,
            "lon": site["lon"],
        },
    )
    camera = demo.insert("cameras", {"site_id": twin, "name": "Camera cổng"})
    dialog = opened(qtbot, demo)
    pairs = [frozenset((p["a"]["id"], p["b"]["id"])) for p in dialog.site_pairs]
    dialog.tabs.setCurrentIndex(1)
    dialog.sites.selectRow(pairs.index(frozenset((site["id"], twin))))

    def merge(merge_dialog: object) -> None:
        assert isinstance(merge_dialog, MergeDialog)
        assert merge_dialog.table == "sites" and merge_dialog.keep_id == site["id"]
        qtbot.mouseClick(merge_dialog.merge_button, Qt.MouseButton.LeftButton)

    when_modal(MergeDialog, merge)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert demo.get("sites", twin, include_deleted=True)["deleted"] == 1
    assert demo.get("cameras", camera)["site_id"] == site["id"]
    assert "Đã gộp 2 địa điểm" in dialog.status.text()


def test_import_the_real_osm_inventory(qtbot: QtBot, demo: Workspace) -> None:
    install_language(QApplication.instance(), "vi")
    # A surveyor recorded three of the listed cameras: the import flags them (the list's own
    # cameras, each with its own reference, are never each other's duplicates).
    with (INVENTORY / "osm_cameras.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["camera:type"]][:3]
    site = demo.db.execute("SELECT id FROM sites WHERE deleted = 0 LIMIT 1").fetchone()[0]
    for row in rows:
        demo.insert(
            "cameras",
            {
                "site_id": site,
                "lat": float(row["lat"]) + 0.00002,
                "lon": float(row["lon"]),
                "camera_type": row["camera:type"],
            },
        )
    before = live_cameras(demo)
    dialog = InventoryDialog(demo, path=INVENTORY / "osm_cameras.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    changed = signal_count(dialog.changed)
    assert dialog.combos["lat"].currentData() == "lat"
    assert dialog.combos["camera:direction"].currentData() == "direction"
    assert dialog.combos["id"].currentData() == "ref"
    row = [dialog.mapping_table.item(r, 0).text() for r in range(dialog.mapping_table.rowCount())]
    assert "node/" in dialog.mapping_table.item(row.index("id"), 3).text()  # samples shown
    assert dialog.range_text("id") == ""  # not numbers
    assert dialog.range_text("camera:direction").startswith("-140 – 360")  # a bearing's range
    # decimals as a Vietnamese session writes them
    assert re.fullmatch(r"2\d,\d+ – 2\d,\d+ \(\d+ giá trị\)", dialog.range_text("lat"))

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and "691 dòng" in dialog.status.text(), timeout=20_000)
    assert "691 dòng nhập được" in dialog.status.text()
    assert "0 dòng không đọc được" in dialog.status.text()
    assert live_cameras(demo) == before  # the preview wrote nothing
    for line in OUTSIDE_LINES:
        assert f"dòng {line}:" in dialog.details.toPlainText()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert live_cameras(demo) == before + 691  # outside Hà Nội: imported, with a warning
    assert "Đã nhập 691 camera" in dialog.status.text()
    report = dialog.details.toPlainText()
    refused = [line for line in report.splitlines() if "Hà Nội" in line]
    assert [int(line.split()[1].rstrip(":")) for line in refused] == OUTSIDE_LINES
    assert changed and not dialog.import_button.isEnabled()  # imported once, not twice
    assert dialog.report is not None and dialog.report.duplicates
    assert dialog.duplicates_button.isVisible()
    assert "Có thể trùng" in report
    duplicates = dialog.open_duplicates()
    qtbot.waitUntil(lambda: not duplicates.loading, timeout=20_000)
    new = set(dialog.report.camera_ids)
    assert any(pair & new for pair in listed(duplicates))
    duplicates.close()
    assert "691 mới" in dialog.status.text()


def test_the_same_list_imported_again_adds_nothing(qtbot: QtBot, demo: Workspace) -> None:
    inventory.import_inventory(demo, INVENTORY / "osm_cameras.csv")
    before = live_cameras(demo)
    dialog = InventoryDialog(demo, path=INVENTORY / "osm_cameras.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and "691 dòng" in dialog.status.text(), timeout=20_000)
    assert "691 không đổi, 0 cập nhật, 0 mới" in dialog.status.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert "0 mới, 0 không còn trong danh sách" in dialog.status.text()
    assert live_cameras(demo) == before


def test_mapping_chosen_by_hand_and_an_owner(qtbot: QtBot, demo: Workspace, tmp_path: Path) -> None:
    unit_id = demo.db.execute("SELECT id FROM units LIMIT 1").fetchone()[0]
    path = tmp_path / "danh_sach.csv"
    path.write_text(
        "Số;Bắc;Đông;Hướng nhìn\nA-1;21,0285;105,8542;Tây Bắc\nA-2;21,0290;105,8550;90\n",
        encoding="utf-8-sig",
    )
    dialog = InventoryDialog(demo)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert set(dialog.combos) == {"Số", "Bắc", "Đông", "Hướng nhìn"}
    assert dialog.combos["Bắc"].currentData() is None  # not a name it knows
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "vĩ độ" in dialog.status.text()  # the core's refusal: choose lat and lon
    dialog.set_target("Bắc", "lat")
    dialog.set_target("Đông", "lat")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "hai cột" in dialog.status.text()
    dialog.set_target("Đông", "lon")
    dialog.set_target("Số", "ref")
    dialog.owner.setCurrentIndex(dialog.owner.findData(unit_id))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    rows = demo.db.execute(
        "SELECT ref, owner_unit_id, views FROM cameras WHERE ref LIKE 'A-%' ORDER BY ref"
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [("A-1", unit_id), ("A-2", unit_id)]
    assert json.loads(rows[0][2])[0]["direction"] == 315.0


class Gate:
    """Holds a worker at one step of its progress until the test lets it go on, so the test
    acts at a known point of the work, not whenever the thread happens to be."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.released = threading.Event()

    def hold(self) -> None:
        """Called on the worker: say it got there, then wait for the test."""
        self.reached.set()
        if not self.released.wait(timeout=60):
            raise TimeoutError("the test never let the worker go on")


def test_a_cancelled_import_writes_nothing(
    qtbot: QtBot, demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(demo)
    gate = Gate()
    inside: dict[str, int] = {}
    import_inventory = inventory.import_inventory

    def held_import(ws: Workspace, *args: Any, progress: Any = None, **kwargs: Any) -> Any:
        def step(done: int, total: int, message: Message | str) -> None:
            if str(message).startswith(
                "Đang ghi camera"
            ):  # in its transaction, the new sites written
                inside["sites"] = ws.db.execute("SELECT count(*) FROM sites").fetchone()[0]
                gate.hold()
            progress(done, total, message)

        return import_inventory(ws, *args, progress=step, **kwargs)

    monkeypatch.setattr(inventory, "import_inventory", held_import)
    dialog = InventoryDialog(demo, path=INVENTORY / "osm_cameras.geojson")
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.reached.is_set, timeout=30_000)
        assert dialog.busy and dialog.cancel_button.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        gate.released.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "Đã hủy" in dialog.status.text() and dialog.report is None
    assert inside["sites"] > before[1]  # it had written, and all of it was taken back
    assert counts(demo) == before
    assert dialog.import_button.isEnabled()  # it can be imported after all


def test_files_that_are_not_inventories_write_nothing(
    qtbot: QtBot, demo: Workspace, tmp_path: Path
) -> None:
    before = counts(demo)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("lat,lon,name\n21.0,105.8,Ch\xe1\n".encode("latin-1"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    garbage = tmp_path / "photo.geojson"
    garbage.write_bytes(bytes(range(256)) * 4)
    expected = {latin: "UTF-8", empty: "tên cột", garbage: "UTF-8"}
    for path, words in expected.items():
        dialog = InventoryDialog(demo, path=path)
        qtbot.addWidget(dialog)
        assert dialog.status.text().startswith("Không đọc được tệp")
        assert words in dialog.status.text()
        assert not dialog.import_button.isEnabled() and not dialog.preview_button.isEnabled()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert counts(demo) == before


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager."""

    def __init__(self, seen: list[QUrl]) -> None:
        super().__init__()
        self.seen = seen

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.seen.append(url)


def test_xlsx_report_with_a_filter(qtbot: QtBot, demo: Workspace, tmp_path: Path) -> None:
    dialog = ReportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fmt() == "xlsx" and dialog.out.text().endswith(".xlsx")
    assert dialog.review.itemText(0) == "Chỉ bản ghi đã duyệt" and dialog.draft.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.out.text().endswith(".csv") and dialog.photos.isEnabled()
    assert not dialog.draft.isEnabled() and dialog.review.itemText(0) == "Mọi trạng thái duyệt"
    dialog.records.setCurrentIndex(dialog.records.findData("needs"))
    assert not dialog.photos.isEnabled()  # photos go with a list of cameras only
    dialog.records.setCurrentIndex(dialog.records.findData("cameras"))
    dialog.omit_sensitive.setChecked(True)
    assert not dialog.photos.isEnabled()  # the core refuses photos with omit-sensitive
    dialog.omit_sensitive.setChecked(False)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert not dialog.photos.isEnabled()
    out = tmp_path / "bao cáo.xlsx"
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    book = openpyxl.load_workbook(out, read_only=True)
    # The official report: the approved cameras (header, totals).
    assert book["Camera hiện có"].max_row - 2 == live_cameras(demo, "review_state = 'approved'")
    book.close()
    assert str(out) in dialog.status.text() and dialog.open_folder_button.isVisible()
    opened_urls: list[QUrl] = []
    catcher = UrlCatcher(opened_urls)
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in opened_urls] == [tmp_path]

    dialog.condition.setCurrentIndex(dialog.condition.findData("not_working"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.draft.setChecked(True)  # every camera, each page headed as a draft
    assert dialog.where() == ["condition=not_working"]
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book["Existing cameras"].max_row - 2 == live_cameras(demo, "condition = 'not_working'")
    book.close()


def test_a_cancelled_report_leaves_no_file(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    partial: list[Path] = []
    write_report = writing.write_report

    def held_report(*args: Any, progress: Any = None, **kwargs: Any) -> Any:
        def step(done: int, total: int, message: str) -> None:
            if not gate.reached.is_set():  # the first rows are written
                partial.extend(tmp_path.glob("*report*"))
                gate.hold()
            progress(done, total, message)

        return write_report(*args, progress=step, **kwargs)

    monkeypatch.setattr(writing, "write_report", held_report)
    dialog = ReportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.draft.setChecked(True)  # every record, as the counts below
    out = tmp_path / "report.xlsx"
    dialog.out.setText(str(out))
    try:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.reached.is_set, timeout=60_000)
        assert dialog.busy and dialog.progress.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        gate.released.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert partial  # a temporary file was half-written when the cancel came
    assert "Đã hủy" in dialog.status.text()
    assert dialog.written is None and not out.exists()
    assert not list(tmp_path.glob("*report*"))  # nor a half-written temporary file


def whole_pdfs(folder: Path) -> list[str]:
    """The names in ``folder``, each checked to be a PDF written to its end."""
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        data = (folder / name).read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), name
    return names


def test_one_report_per_unit_from_the_dialog(qtbot: QtBot, demo: Workspace, tmp_path: Path) -> None:
    dialog = ReportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.draft.setChecked(True)  # every record, as the counts below
    dialog.per.setCurrentIndex(dialog.per.findData("unit"))
    assert dialog.out_label.text() == "Thư mục kết quả" and not dialog.out.text().endswith(".xlsx")
    model = dialog.format.model()
    assert not model.item(dialog.format.findData("gpkg")).isEnabled()  # PDF or XLSX only
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.commune.setCurrentIndex(dialog.commune.findData("00004"))
    folder = tmp_path / "theo đơn vị"
    dialog.out.setText(str(folder))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written_per is not None, timeout=120_000)
    units = dict(
        demo.db.execute(
            "SELECT id, name FROM units WHERE id IN (SELECT owner_unit_id FROM cameras "
            "WHERE deleted = 0 AND commune_code = '00004' UNION SELECT s.unit_id FROM needs n "
            "JOIN sites s ON s.id = n.site_id WHERE n.deleted = 0 AND s.commune_code = '00004')"
        ).fetchall()
    )
    names = whole_pdfs(folder)
    assert len(names) == len(units) > 1
    assert all(any(n.endswith(f"-{uid[:8]}.pdf") for n in names) for uid in units)
    assert f"Đã ghi {len(units)} báo cáo vào {folder}" in dialog.status.text()
    assert dialog.open_folder_button.isVisible() and not dialog.busy

    # Again into the same folder: asked first; "No" keeps every file as it was.
    before = {n: (folder / n).stat().st_mtime_ns for n in names}
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            box.button(button).click()

        return act

    when_modal(QMessageBox, answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert asked and f"đã có {len(units)} tệp cùng tên" in asked[0]
    assert "Chưa ghi báo cáo nào" in dialog.status.text()
    assert {n: (folder / n).stat().st_mtime_ns for n in names} == before
    when_modal(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(asked) == 2 and not dialog.busy, timeout=120_000)
    assert whole_pdfs(folder) == names and "Đã ghi" in dialog.status.text()
    assert any((folder / n).stat().st_mtime_ns != before[n] for n in names)


def test_a_per_unit_run_cancelled_after_its_first_document(
    qtbot: QtBot, demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    write_report = writing.write_report

    def held_report(*args: Any, **kwargs: Any) -> Any:
        counts = write_report(*args, **kwargs)
        if not gate.reached.is_set():  # the first document is written whole
            gate.hold()
        return counts

    monkeypatch.setattr(writing, "write_report", held_report)
    dialog = ReportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.draft.setChecked(True)  # every record, as the counts below
    dialog.per.setCurrentIndex(dialog.per.findData("unit"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    folder = tmp_path / "out"
    dialog.out.setText(str(folder))
    try:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.reached.is_set, timeout=60_000)
        assert dialog.busy and dialog.progress.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        gate.released.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    total = demo.db.execute(
        "SELECT count(*) FROM (SELECT owner_unit_id FROM cameras WHERE deleted = 0 UNION "
        "SELECT s.unit_id FROM needs n JOIN sites s ON s.id = n.site_id WHERE n.deleted = 0)"
    ).fetchone()[0]
    assert f"Đã hủy: đã ghi 1 trong {total} báo cáo" in dialog.status.text()
    assert len(whole_pdfs(folder)) == 1  # that document whole, and no temporary file
    assert dialog.written_per is None and dialog.open_folder_button.isVisible()


def test_the_report_form_is_set_from_the_report_dialog(qtbot: QtBot, demo: Workspace) -> None:
    dialog = ReportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.form_button.isEnabled()  # the form is the PDF's
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.form_button.isEnabled()

    def fill(form: ReportFormDialog) -> None:
        form.fields["issuing_body"].setText("Công an phường Ba Đình")
        form.fields["number"].setText("7")
        form.recipients.setPlainText("Như trên\n\nLưu: VT")
        qtbot.mouseClick(
            form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    when_modal(ReportFormDialog, fill)
    qtbot.mouseClick(dialog.form_button, Qt.MouseButton.LeftButton)
    kept = writing.report_form(demo.db)
    assert (kept.issuing_body, kept.number, kept.recipients) == (
        "Công an phường Ba Đình",
        "7",
        ("Như trên", "Lưu: VT"),
    )


def test_a_refused_report_form_says_why_and_keeps_nothing(qtbot: QtBot, demo: Workspace) -> None:
    before = writing.report_form(demo.db)
    form = ReportFormDialog(demo)
    qtbot.addWidget(form)
    form.show()
    form.fields["signer_name"].setText("Trần Thị B")
    form.recipients.setPlainText("\n".join(f"Nơi {i}" for i in range(16)))
    qtbot.mouseClick(
        form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )
    assert form.isVisible() and "Nơi nhận" in form.status.text()
    assert writing.report_form(demo.db) == before
