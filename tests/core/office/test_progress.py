"""Progress against assignments: surveyed against expected, reviewed, due dates measured against
a given day, late work flagged and listed to chase."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.progress import lateness, mark_reminded, progress
from fieldsurvey.core.office.review import record_history
from fieldsurvey.core.reports.office_sheets import write_chase_list
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.office import OfficeDemos, send

HOAN_KIEM, BA_DINH = "00070", "00004"


@pytest.fixture
def planned(workspace: Workspace) -> dict[str, str]:
    """Two units: the police with a list of three sites (one visited), a ward committee with a
    target of four sites in Hoàn Kiếm (two recorded by it, one by someone else)."""
    ws = workspace
    police = ws.insert("units", {"name": "Công an TP", "contact": "069 000"})
    ward = ws.insert("units", {"name": "UBND Phường Hoàn Kiếm", "commune_code": HOAN_KIEM})
    other = ws.insert("units", {"name": "Sở GTVT"})
    listed = [
        ws.insert(
            "sites",
            {"name": f"Mục tiêu {n}", "category": "national_security", "commune_code": BA_DINH},
        )
        for n in range(3)
    ]
    ws.insert("cameras", {"site_id": listed[0], "review_state": "approved"})
    ws.insert("needs", {"site_id": listed[0], "camera_count": 2})
    ws.update("sites", listed[0], {"review_state": "needs_revision"})
    ward_sites = [
        ws.insert(
            "sites",
            {"name": f"Chợ {n}", "category": "market", "unit_id": ward, "commune_code": HOAN_KIEM},
        )
        for n in range(2)
    ]
    ws.insert("cameras", {"site_id": ward_sites[0], "review_state": "rejected"})
    ws.insert("cameras", {"site_id": ward_sites[0], "review_state": "received"})
    ws.insert(
        "sites",
        {
            "name": "Nút giao",
            "category": "traffic_route",
            "unit_id": other,
            "commune_code": HOAN_KIEM,
        },
    )
    gone = ws.insert(
        "sites",
        {"name": "Đã xóa", "category": "market", "unit_id": ward, "commune_code": HOAN_KIEM},
    )
    ws.delete("sites", gone)
    ws.insert(
        "assignments",
        {"unit_id": police, "site_ids": listed, "due_date": "2025-03-31", "status": "in_progress"},
    )
    ws.insert(
        "assignments",
        {
            "unit_id": ward,
            "commune_codes": [HOAN_KIEM],
            "target_count": 4,
            "due_date": "2025-03-15",
            "status": "in_progress",
        },
    )
    ws.insert(
        "assignments",
        {"unit_id": other, "target_count": 9, "due_date": "2025-03-01", "status": "cancelled"},
    )
    return {"police": police, "ward": ward, "other": other}


def _by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows}


def test_surveyed_expected_and_reviewed_per_unit(
    workspace: Workspace, planned: dict[str, str]
) -> None:
    units = _by(progress(workspace, dt.date(2025, 3, 10))["units"], "unit_id")
    assert set(units) == {planned["police"], planned["ward"]}  # cancelled work is not counted
    police, ward = units[planned["police"]], units[planned["ward"]]
    # police: 1 of 3 listed sites has something recorded; its records: site, camera, need
    assert (police["surveyed"], police["expected"], police["percent"]) == (1, 3, 33.3)
    assert (police["records"], police["reviewed"], police["approved"]) == (3, 2, 1)
    assert police["contact"] == "069 000"
    # ward: its 2 live sites in Hoàn Kiếm of 4; records: 2 sites + 2 cameras, 1 reviewed
    assert (ward["surveyed"], ward["expected"], ward["percent"]) == (2, 4, 50.0)
    assert (ward["records"], ward["reviewed"], ward["approved"]) == (4, 1, 0)
    assert not police["late"] and not ward["late"]


def test_late_work_against_the_given_day(workspace: Workspace, planned: dict[str, str]) -> None:
    before = progress(workspace, dt.date(2025, 3, 10))
    assert [a["unit_id"] for a in before["chase"]] == [planned["ward"]]  # due within a week
    assert before["chase"][0]["days_left"] == 5
    after = progress(workspace, dt.date(2025, 3, 20))
    units = _by(after["units"], "unit_id")
    assert units[planned["ward"]]["late"] and not units[planned["police"]]["late"]
    assert after["units"][0]["unit_id"] == planned["ward"]  # late units come first
    assert [(a["unit_id"], a["days_left"]) for a in after["chase"]] == [(planned["ward"], -5)]
    final = progress(workspace, dt.date(2025, 4, 2))
    assert [a["unit_id"] for a in final["chase"]] == [planned["ward"], planned["police"]]
    assert final["chase"][0]["days_left"] == -18  # most overdue first


def test_finished_work_is_not_late(workspace: Workspace, planned: dict[str, str]) -> None:
    for n in range(2):
        workspace.insert(
            "sites",
            {
                "name": f"Thêm {n}",
                "category": "market",
                "unit_id": planned["ward"],
                "commune_code": HOAN_KIEM,
            },
        )
    units = _by(progress(workspace, dt.date(2025, 3, 20))["units"], "unit_id")
    assert units[planned["ward"]]["surveyed"] == 4 and not units[planned["ward"]]["late"]


def test_the_chase_list_has_one_row_per_unit_its_assignments_summed(
    workspace: Workspace, planned: dict[str, str]
) -> None:
    ws = workspace
    extra = [
        ws.insert(
            "sites",
            {"name": f"Trường {n}", "category": "market", "commune_code": BA_DINH},
        )
        for n in range(2)
    ]
    ws.insert("cameras", {"site_id": extra[0]})
    ws.insert(
        "assignments",
        {"unit_id": planned["police"], "site_ids": extra, "due_date": "2023-06-10"},
    )
    ws.insert(
        "assignments",
        {
            "unit_id": planned["police"],
            "site_ids": extra,
            "due_date": "2025-01-01",
            "status": "done",
        },
    )
    chase = progress(ws, dt.date(2025, 4, 2))["chase"]
    assert [u["unit_id"] for u in chase] == [planned["police"], planned["ward"]]
    police = chase[0]
    # two late assignments (the finished one is not chased): 3 listed sites + 2 listed sites
    assert (police["assignments"], police["expected"], police["surveyed"]) == (2, 5, 2)
    assert police["contact"] == "069 000"
    assert police["due_date"] == "2023-06-10"
    assert (police["days_left"], police["days_late"]) == (-662, 662)
    assert police["late"] and police["reminded_on"] is None
    assert lateness(police["days_left"]).text("vi") == "trễ 662 ngày"  # type: ignore[union-attr]


def test_lateness_in_words() -> None:
    assert lateness(-630).text("vi") == "trễ 630 ngày"  # type: ignore[union-attr]
    assert lateness(0).text("vi") == "đến hạn hôm nay"  # type: ignore[union-attr]
    assert lateness(3).text("vi") == "còn 3 ngày"  # type: ignore[union-attr]
    assert lateness(None) is None


def test_reminded_on_is_kept_in_the_units_history(
    workspace: Workspace, planned: dict[str, str]
) -> None:
    mark_reminded(workspace, planned["ward"], dt.date(2025, 3, 18))
    mark_reminded(workspace, planned["ward"], dt.date(2025, 3, 21))
    assert workspace.get("units", planned["ward"])["reminded_on"] == "2025-03-21"
    changes = [
        (row["old"], row["new"])
        for row in record_history(workspace, "units", planned["ward"])
        if row["field"] == "reminded_on"
    ]
    assert changes == [(None, "2025-03-18"), ("2025-03-18", "2025-03-21")]
    [ward] = progress(workspace, dt.date(2025, 3, 22))["chase"]
    assert ward["reminded_on"] == "2025-03-21"


def test_the_chase_list_as_xlsx(
    workspace: Workspace, planned: dict[str, str], tmp_path: Path
) -> None:
    mark_reminded(workspace, planned["police"], dt.date(2025, 4, 1))
    chase = progress(workspace, dt.date(2025, 4, 2))["chase"]
    target = tmp_path / "don-doc.xlsx"
    assert write_chase_list(target, chase, dt.date(2025, 4, 2)) == 2
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert header[:3] == ["STT", "Đơn vị", "Người liên hệ, điện thoại"]
    by = {name: i for i, name in enumerate(header)}
    ward, police, total = rows[1], rows[2], rows[3]
    assert (ward[0], ward[1]) == (1, "UBND Phường Hoàn Kiếm")
    assert ward[by["Trễ / còn"]] == "trễ 18 ngày" and ward[by["Số ngày trễ"]] == 18
    assert police[by["Người liên hệ, điện thoại"]] == "069 000"
    assert police[by["Đã nhắc ngày"]] == "01/04/2025"
    assert (police[by["Đã khảo sát (địa điểm)"]], police[by["Cần khảo sát (địa điểm)"]]) == (1, 3)
    assert total[1] == "Tổng cộng" and total[by["Cần khảo sát (địa điểm)"]] == 7
    assert not list(tmp_path.glob(".*partial"))


def test_per_commune(workspace: Workspace, planned: dict[str, str]) -> None:
    communes = _by(progress(workspace, dt.date(2025, 3, 20))["communes"], "code")
    assert set(communes) == {BA_DINH, HOAN_KIEM}
    assert communes[BA_DINH]["name"] == "Phường Ba Đình"
    assert (communes[BA_DINH]["surveyed"], communes[BA_DINH]["expected"]) == (1, 3)
    assert (communes[HOAN_KIEM]["surveyed"], communes[HOAN_KIEM]["expected"]) == (2, 4)
    assert communes[HOAN_KIEM]["late"] and not communes[BA_DINH]["late"]


def test_demo_progress_adds_up(demo: Workspace) -> None:
    # Ten days after the demo was built: what was due in a week is late, nothing else is near.
    later = dt.date.fromisoformat(demo.setting("demo_today") or "") + dt.timedelta(days=10)
    result = progress(demo, later)
    assignments = result["assignments"]
    assert (
        len(assignments)
        == demo.db.execute(
            "SELECT count(*) FROM assignments WHERE status != 'cancelled'"
        ).fetchone()[0]
    )
    for a in assignments:
        assert 0 <= a["reviewed"] <= a["records"]
        assert a["late"] == (
            a["due_date"] < later.isoformat()
            and a["surveyed"] < a["expected"]
            and a["status"] != "done"
        )
    assert sum(u["surveyed"] for u in result["units"]) == sum(a["surveyed"] for a in assignments)
    assert result["chase"] and all(a["late"] for a in result["chase"])


def test_progress_command(demo: Workspace, run_cli: Callable[..., Any]) -> None:
    path = demo.path
    expected = progress(demo, dt.date(2025, 3, 20))["units"]
    expected_chase = progress(demo, dt.date(2025, 3, 20))["chase"]
    demo.close()
    out = run_cli("progress", "--db", str(path), "--json", "--today", "2025-03-20")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line) for line in out.stdout.splitlines()] == expected
    bad = run_cli("progress", "--db", str(path), "--today", "20/03/2025")
    assert bad.returncode != 0
    chase = run_cli("progress", "--db", str(path), "--by", "chase", "--today", "2025-03-20")
    assert chase.returncode == 0, chase.stderr
    lines = chase.stdout.splitlines()
    assert len(lines) == len(expected_chase) and all("trễ " in x for x in lines)
    assert all("liên hệ: " in x and "đã nhắc: -" in x for x in lines)


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1"))


def test_a_reminder_is_an_office_record_that_travels(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, surveyor = workspaces["office"], workspaces["s1"]
    [unit] = office.db.execute(
        "SELECT unit_id FROM assignments WHERE due_date IS NOT NULL ORDER BY due_date LIMIT 1"
    ).fetchone()
    mark_reminded(office, unit, dt.date(2025, 3, 20))
    send(office, surveyor, usb)
    assert surveyor.get("units", unit)["reminded_on"] == "2025-03-20"
    [change] = [r for r in record_history(surveyor, "units", unit) if r["field"] == "reminded_on"]
    assert change["device_id"] == office.device_id and change["user"] == "user-office"
    with pytest.raises(FieldSurveyError):  # not the surveyor's to keep
        mark_reminded(surveyor, unit, dt.date(2025, 3, 21))
