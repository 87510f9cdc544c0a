"""The write path: every change is validated, written with its history in one transaction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS, READ_CHANGE, Workspace
from tests.helpers.search_index import search_entries

HOAN_KIEM_LAKE = {"lat": 21.0288, "lon": 105.8524}


def new_site(ws: Workspace, **values: Any) -> str:
    return ws.insert("sites", {"name": "Hồ Hoàn Kiếm", "category": "scenic_spot", **values})


def changes(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute(f"SELECT {READ_CHANGE} FROM changes ORDER BY seq").fetchall()
    return [
        dict(zip(CHANGE_COLUMNS, row, strict=True)) | {"fields": json.loads(row[-1])}
        for row in rows
    ]


def test_insert_update_delete_are_recorded_with_gapless_sequence(workspace: Workspace) -> None:
    site = new_site(workspace, **HOAN_KIEM_LAKE)
    camera = workspace.insert(
        "cameras",
        {
            "site_id": site,
            "camera_type": "ptz",
            "views": [{"direction": 360, "angle": 90}],
            "purposes": ["public_order", "traffic_management", "public_order"],
            **HOAN_KIEM_LAKE,
        },
    )
    assert workspace.update("cameras", camera, {"condition": "degraded", "height_m": "6,5"})
    assert not workspace.update("cameras", camera, {"condition": "degraded"})  # nothing changed
    workspace.delete("cameras", camera)

    history = changes(workspace)
    assert [c["seq"] for c in history] == [1, 2, 3, 4]
    assert [c["op"] for c in history] == ["insert", "insert", "update", "delete"]
    assert all(c["device_id"] == workspace.device_id and c["user"] == "tester" for c in history)
    clocks = [c["clock"] for c in history]
    assert clocks == sorted(clocks) and len(set(clocks)) == 4
    assert len({c["id"] for c in history}) == 4

    inserted = history[1]["fields"]
    assert inserted["camera_type"] == [None, "ptz", None]
    assert json.loads(inserted["views"][1]) == [{"direction": 0.0, "angle": 90.0, "tilt": None}]
    assert json.loads(inserted["purposes"][1]) == ["public_order", "traffic_management"]
    assert inserted["commune_code"][1] == "00070"  # filled from the coordinates

    update = history[2]["fields"]
    assert update == {
        "condition": [None, "degraded", None],
        "height_m": [None, 6.5, None],
    }
    # a delete's base is the newest change of the record it had seen: the update above
    assert history[3]["fields"] == {"deleted": [0, 1, history[2]["clock"]]}
    record = workspace.get("cameras", camera, include_deleted=True)
    assert record["deleted"] == 1 and record["height_m"] == 6.5
    with pytest.raises(ValidationError, match="đã bị xóa"):
        workspace.get("cameras", camera)


def test_update_records_the_clock_of_the_value_it_replaces(workspace: Workspace) -> None:
    site = new_site(workspace)
    workspace.update("sites", site, {"address": "Đinh Tiên Hoàng"})
    workspace.update("sites", site, {"address": "Lê Thái Tổ", "notes": "ghi chú"})
    history = workspace.history("sites", site)
    first_address_clock = history[1]["clock"]
    assert history[2]["fields"]["address"] == ["Đinh Tiên Hoàng", "Lê Thái Tổ", first_address_clock]
    # notes was never set: its old value is null and has no clock
    assert history[2]["fields"]["notes"] == [None, "ghi chú", None]
    # name was set by the insert: a later rename points at the insert's clock
    workspace.update("sites", site, {"name": "Hồ Gươm"})
    assert workspace.history("sites", site)[3]["fields"]["name"][2] == history[0]["clock"]


@pytest.mark.parametrize(
    ("table", "values", "message"),
    [
        ("sites", {"name": "X"}, "category"),
        ("sites", {"name": "X", "category": "spaceport"}, "danh mục"),
        ("sites", {"name": "X", "category": "bank", "lat": 91, "lon": 105}, "ngoài khoảng"),
        ("sites", {"name": "X", "category": "bank", "lat": "abc"}, "không phải là số"),
        ("sites", {"name": "X", "category": "bank", "colour": "red"}, "colour"),
        ("sites", {"name": "X", "category": "bank", "commune_code": "00001"}, "hiện hành"),
        ("sites", {"name": "X" * 301, "category": "bank"}, "dài quá"),
        ("cameras", {"site_id": "no-such-site"}, "không có bản ghi"),
        ("cameras", {"site_id": None}, "bắt buộc"),
        ("units", {"name": "U", "kind": "alien"}, "danh mục"),
        ("assignments", {"unit_id": None}, "bắt buộc"),
        ("nonsense", {"name": "X"}, "Không có loại bản ghi"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    workspace: Workspace, table: str, values: dict[str, Any], message: str
) -> None:
    before = workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationError, match=message):
        workspace.insert(table, values)
    assert workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert workspace.db.execute("SELECT count(*) FROM sites").fetchone()[0] == 0


def test_camera_view_validation(workspace: Workspace) -> None:
    site = new_site(workspace)
    with pytest.raises(ValidationError, match="views"):
        workspace.insert("cameras", {"site_id": site, "views": [{"heading": 10}]})
    with pytest.raises(ValidationError, match="ngoài khoảng"):
        workspace.insert("cameras", {"site_id": site, "views": [{"direction": 10, "tilt": 120}]})
    camera = workspace.insert(
        "cameras",
        {
            "site_id": site,
            "views": [{"direction": 0, "angle": 60, "tilt": -15}, {"direction": 180, "angle": 60}],
        },
    )
    views = json.loads(workspace.get("cameras", camera)["views"])
    assert [v["direction"] for v in views] == [0.0, 180.0]


def test_a_failed_group_of_writes_leaves_nothing_and_no_sequence_gap(
    workspace: Workspace,
) -> None:
    site = new_site(workspace)
    with pytest.raises(ValidationError), workspace.transaction():
        workspace.insert("cameras", {"site_id": site})
        workspace.update("sites", site, {"name": "Đổi tên"})
        workspace.insert("cameras", {"site_id": "missing"})
    assert workspace.get("sites", site)["name"] == "Hồ Hoàn Kiếm"
    assert workspace.db.execute("SELECT count(*) FROM cameras").fetchone()[0] == 0
    workspace.insert("cameras", {"site_id": site})
    assert [c["seq"] for c in changes(workspace)] == [1, 2]


def test_moving_a_site_updates_its_commune(workspace: Workspace) -> None:
    site = new_site(workspace, **HOAN_KIEM_LAKE)
    assert workspace.get("sites", site)["commune_code"] == "00070"
    workspace.update("sites", site, {"lat": 21.0368, "lon": 105.8346})  # Ba Đình square
    assert workspace.get("sites", site)["commune_code"] == "00004"
    workspace.update("sites", site, {"lat": 10.78, "lon": 106.70})  # Hồ Chí Minh City
    assert workspace.get("sites", site)["commune_code"] is None
    workspace.update("sites", site, {"lat": None, "lon": None})
    assert workspace.get("sites", site)["commune_code"] is None


def test_clock_and_sequence_continue_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path, create=True) as ws:
        device = ws.device_id
        new_site(ws)
        last_clock = ws.clock.last
    with Workspace.open(path, now=lambda: 0) as ws:  # a laptop whose clock went back to 1970
        assert ws.device_id == device
        new_site(ws)
    rows = sqlite3.connect(path).execute("SELECT seq, clock FROM changes ORDER BY seq").fetchall()
    assert [r[0] for r in rows] == [1, 2]
    assert rows[1][1] > last_clock


def test_deleted_records_cannot_be_referenced(workspace: Workspace) -> None:
    site = new_site(workspace)
    workspace.delete("sites", site)
    with pytest.raises(ValidationError, match="không có bản ghi"):
        workspace.insert("cameras", {"site_id": site})
    with pytest.raises(ValidationError, match="đã bị xóa"):
        workspace.update("sites", site, {"name": "X"})


def test_insert_many_writes_the_same_rows_as_insert(tmp_path: Path) -> None:
    def build(path: Path, bulk: bool) -> list[tuple[Any, ...]]:
        ids = iter(f"00000000-0000-4000-8000-{n:012d}" for n in range(100))
        clock = iter(range(1_700_000_000_000, 1_800_000_000_000, 1000))
        with Workspace.open(
            path, create=True, now=lambda: next(clock), new_id=lambda: next(ids)
        ) as ws:
            rows = [{"name": f"Chợ {n}", "category": "market", **HOAN_KIEM_LAKE} for n in range(3)]
            if bulk:
                ws.insert_many("sites", rows)
            else:
                for row in rows:
                    ws.insert("sites", row)
            # Ids are drawn in another order in bulk, so compare everything but the ids.
            queries = (
                "SELECT * FROM sites ORDER BY rowid",
                "SELECT device_id, seq, clock, at, user, table_name, op, change_fields(fields) "
                "FROM changes",
            )
            return [ws.db.execute(q).fetchall() for q in queries] + [search_entries(ws.db)]

    one_by_one = build(tmp_path / "a.sqlite", bulk=False)
    in_bulk = build(tmp_path / "b.sqlite", bulk=True)
    assert [r[1:] for r in one_by_one[0]] == [r[1:] for r in in_bulk[0]]
    assert one_by_one[1:] == in_bulk[1:]


def test_a_write_while_another_connection_writes_says_the_workspace_is_busy(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from fieldsurvey.core import transaction
    from fieldsurvey.core.errors import WorkspaceError

    # A write waits two minutes for another's before it gives up; here, a second.
    monkeypatch.setattr(transaction, "WRITE_WAIT_S", 1.0)

    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    other = sqlite3.connect(workspace.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import holding the write lock
    workspace.db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(WorkspaceError, match="đang bận"):
            workspace.update("sites", site, {"address": "Phố Huế"})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert workspace.get("sites", site)["address"] is None
    workspace.update("sites", site, {"address": "Phố Huế"})  # once it is done, it saves
