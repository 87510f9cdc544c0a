"""Progress against assignments: surveyed against expected, reviewed, due dates measured against
a given day, late work flagged and listed to chase."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.store.workspace import Workspace

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
        {"name": "Đã xoá", "category": "market", "unit_id": ward, "commune_code": HOAN_KIEM},
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
    demo.close()
    out = run_cli("progress", "--db", str(path), "--json", "--today", "2025-03-20")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line) for line in out.stdout.splitlines()] == expected
    bad = run_cli("progress", "--db", str(path), "--today", "20/03/2025")
    assert bad.returncode != 0
