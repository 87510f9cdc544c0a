"""The office reviews records one at a time or over a filter; reviews travel back to surveyors;
a record's history reads field by field; refusals write nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.office.review import (
    NotOfficeError,
    ReviewFilter,
    record_history,
    review,
    review_list,
    review_many,
    review_rows,
    reviews_of,
    select_records,
)
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.office import OfficeDemos, everything, open_copies, send


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1"))


def _camera(ws: Workspace, where: str = "1") -> str:
    row = ws.db.execute(f"SELECT id FROM cameras WHERE deleted = 0 AND {where} LIMIT 1").fetchone()
    return str(row[0])


def test_a_review_is_a_reviews_record_and_the_records_state(
    workspaces: dict[str, Workspace],
) -> None:
    office = workspaces["office"]
    camera = _camera(office, "review_state IS NULL")
    changes_before = office.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    review_id = review(office, "cameras", camera, "needs_revision", "  Bổ sung ảnh hướng Bắc. ")
    stored = office.get("reviews", review_id)
    assert (stored["record_table"], stored["record_id"], stored["state"]) == (
        "cameras",
        camera,
        "needs_revision",
    )
    assert stored["comment"] == "Bổ sung ảnh hướng Bắc."
    assert stored["reviewer"] == "user-office" and stored["reviewed_at"]
    assert office.get("cameras", camera)["review_state"] == "needs_revision"
    # both writes are changes in the history, from the office's device
    new = office.db.execute(
        "SELECT table_name, record_id, device_id FROM changes ORDER BY rowid DESC LIMIT 2"
    ).fetchall()
    assert office.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes_before + 2
    assert sorted(new) == sorted(
        [("reviews", review_id, office.device_id), ("cameras", camera, office.device_id)]
    )
    assert reviews_of(office, "cameras", camera)[0]["comment"] == "Bổ sung ảnh hướng Bắc."


@pytest.mark.parametrize(
    ("table", "state", "comment", "record"),
    [
        ("cameras", "rejected", None, "camera"),  # rejecting needs a reason
        ("cameras", "needs_revision", "   ", "camera"),
        ("cameras", "accepted", "ok", "camera"),  # not a review state
        ("units", "approved", None, "unit"),  # units are not reviewed
        ("cameras", "approved", None, "missing"),
        ("cameras", "approved", None, "deleted"),
        ("cameras", "approved", "x" * 4001, "camera"),
    ],
)
def test_a_refused_review_writes_nothing(
    workspaces: dict[str, Workspace], table: str, state: str, comment: str | None, record: str
) -> None:
    office = workspaces["office"]
    ids = {
        "camera": _camera(office),
        "unit": str(office.db.execute("SELECT id FROM units LIMIT 1").fetchone()[0]),
        "missing": "00000000-0000-4000-8000-000000000000",
        "deleted": _camera(office),
    }
    if record == "deleted":
        office.delete("cameras", ids["deleted"])
    before = everything(office)
    with pytest.raises(ValidationError):
        review(office, table, ids[record], state, comment)
    assert everything(office) == before


def test_only_the_office_reviews(workspaces: dict[str, Workspace]) -> None:
    s1 = workspaces["s1"]
    before = everything(s1)
    with pytest.raises(NotOfficeError, match="office"):
        review(s1, "cameras", _camera(s1), "approved")
    with pytest.raises(NotOfficeError):
        review_many(s1, ReviewFilter("cameras"), "approved")
    assert everything(s1) == before


def test_bulk_review_over_a_filter(workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    commune = office.db.execute(
        "SELECT commune_code FROM cameras WHERE review_state IS NULL GROUP BY commune_code "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    expected = {
        r[0]
        for r in office.db.execute(
            "SELECT id FROM cameras WHERE deleted = 0 AND commune_code = ? "
            "AND review_state IS NULL",
            [commune],
        )
    }
    others = [
        row
        for row in office.db.execute("SELECT id, review_state FROM cameras").fetchall()
        if row[0] not in expected
    ]
    count = review_many(
        office, ReviewFilter("cameras", commune_code=commune, state="none"), "approved", "Đạt."
    )
    assert count == len(expected) > 3
    states = dict(office.db.execute("SELECT id, review_state FROM cameras").fetchall())
    assert all(states[c] == "approved" for c in expected)
    assert all(states[c] == s for c, s in others)  # nothing outside the filter moved
    reviewed = {
        r[0]
        for r in office.db.execute(
            "SELECT record_id FROM reviews WHERE comment = 'Đạt.' AND state = 'approved'"
        )
    }
    assert reviewed == expected
    # the same filter now picks nothing: they are no longer unreviewed
    assert select_records(office, ReviewFilter("cameras", commune_code=commune, state="none")) == []


def test_bulk_review_is_all_or_nothing(workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    picked = select_records(office, ReviewFilter("sites", state="none"))
    assert len(picked) > 10
    # the database itself refuses the review of one record in the middle of the run
    office.db.execute(
        "CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON reviews "
        f"WHEN new.record_id = '{picked[len(picked) // 2]}' "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    before = everything(office)
    with pytest.raises(sqlite3.IntegrityError):
        review_many(office, ReviewFilter("sites", state="none"), "approved")
    assert everything(office) == before


def test_filters_by_site_unit_device_and_state(workspaces: dict[str, Workspace], usb: Path) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    send(s1, office, usb)
    s1_cameras = {
        r[0]
        for r in s1.db.execute(
            "SELECT record_id FROM changes WHERE table_name = 'cameras' AND op = 'insert' "
            "AND device_id = ?",
            [s1.device_id],
        )
    }
    assert len(s1_cameras) > 1000
    by_device = set(select_records(office, ReviewFilter("cameras", device="s1")))
    assert by_device == s1_cameras
    assert set(select_records(office, ReviewFilter("cameras", device=s1.device_id))) == by_device
    site, unit = office.db.execute(
        "SELECT id, unit_id FROM sites WHERE unit_id IS NOT NULL AND id IN "
        "(SELECT site_id FROM cameras) LIMIT 1"
    ).fetchone()
    at_site = {r[0] for r in office.db.execute("SELECT id FROM cameras WHERE site_id = ?", [site])}
    assert set(select_records(office, ReviewFilter("cameras", site_id=site))) == at_site
    of_unit = {
        r[0]
        for r in office.db.execute(
            "SELECT c.id FROM cameras c JOIN sites s ON s.id = c.site_id WHERE s.unit_id = ?",
            [unit],
        )
    }
    assert set(select_records(office, ReviewFilter("needs", unit_id=unit))) == {
        r[0]
        for r in office.db.execute(
            "SELECT n.id FROM needs n JOIN sites s ON s.id = n.site_id WHERE s.unit_id = ?",
            [unit],
        )
    }
    assert set(select_records(office, ReviewFilter("cameras", unit_id=unit))) == of_unit
    rejected = {
        r[0] for r in office.db.execute("SELECT id FROM sites WHERE review_state = 'rejected'")
    }
    assert set(select_records(office, ReviewFilter("sites", state="rejected"))) == rejected
    for bad in (
        ReviewFilter("cameras", device="nobody"),
        ReviewFilter("cameras", commune_code="99999"),
        ReviewFilter("cameras", state="maybe"),
        ReviewFilter("photos"),
    ):
        with pytest.raises(ValidationError):
            select_records(office, bad)


def test_review_results_travel_back_to_the_surveyor(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    camera = s1.insert(
        "cameras",
        {"site_id": _site(s1), "name": "Camera cổng chính", "camera_type": "dome"},
    )
    send(s1, office, usb)
    review(office, "cameras", camera, "needs_revision", "Thiếu hướng quan sát và ảnh.")
    send(office, s1, usb)
    assert s1.get("cameras", camera)["review_state"] == "needs_revision"
    seen = reviews_of(s1, "cameras", camera)
    assert [(r["state"], r["comment"], r["reviewer"]) for r in seen] == [
        ("needs_revision", "Thiếu hướng quan sát và ảnh.", "user-office")
    ]
    assert seen[0]["state_vi"] == "Cần bổ sung, chỉnh sửa"


def _site(ws: Workspace) -> str:
    return str(ws.db.execute("SELECT id FROM sites WHERE deleted = 0 LIMIT 1").fetchone()[0])


def test_history_shows_who_changed_what_when_and_from_where(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    camera = s1.insert(
        "cameras", {"site_id": _site(s1), "condition": "working", "purposes": ["public_order"]}
    )
    s1.update("cameras", camera, {"condition": "degraded"})
    send(s1, office, usb)
    office.update("cameras", camera, {"condition": "not_working", "storage_days": 30})
    rows = record_history(office, "cameras", camera)
    condition = [
        (r["device"], r["user"], r["op"], r["old"], r["new"])
        for r in rows
        if r["field"] == "condition"
    ]
    assert condition == [
        ("s1", "user-s1", "insert", None, "working"),
        ("s1", "user-s1", "update", "working", "degraded"),
        ("office", "user-office", "update", "degraded", "not_working"),
    ]
    purposes = [r for r in rows if r["field"] == "purposes"]
    assert purposes[0]["new"] == ["public_order"]  # list fields read as lists
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)
    assert {r["device_id"] for r in rows} == {s1.device_id, office.device_id}


def test_review_commands(
    built: dict[str, Path], tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    workspaces = open_copies(built, tmp_path)
    office_path, s1_path = workspaces["office"].path, workspaces["s1"].path
    camera = _camera(workspaces["office"], "review_state IS NULL")
    commune = workspaces["office"].get("cameras", camera)["commune_code"]
    for ws in workspaces.values():
        ws.close()
    refused = run_cli(
        "review", "--db", str(s1_path), "--table", "cameras", "--id", camera, "--state", "approved"
    )
    assert refused.returncode != 0 and "office" in refused.stderr
    no_reason = run_cli(
        "review",
        "--db",
        str(office_path),
        "--table",
        "cameras",
        "--id",
        camera,
        "--state",
        "rejected",
    )
    assert no_reason.returncode != 0 and "comment" in no_reason.stderr
    done = run_cli(
        "review",
        "--db",
        str(office_path),
        "--table",
        "cameras",
        "--id",
        camera,
        "--state",
        "rejected",
        "--comment",
        "Trùng camera khác.",
        "--user",
        "Lan",
    )
    assert done.returncode == 0, done.stderr
    bulk = run_cli(
        "review",
        "--db",
        str(office_path),
        "--table",
        "cameras",
        "--where",
        f"commune={commune}",
        "--where",
        "state=none",
        "--state",
        "approved",
    )
    assert bulk.returncode == 0, bulk.stderr
    history = run_cli(
        "history", "--db", str(office_path), "--table", "cameras", "--id", camera, "--json"
    )
    rows = [json.loads(line) for line in history.stdout.splitlines()]
    assert rows[-1]["field"] == "review_state" and rows[-1]["new"] == "rejected"
    assert rows[-1]["user"] == "Lan"
    with Workspace.open(office_path) as office:
        left = select_records(office, ReviewFilter("cameras", commune_code=commune, state="none"))
        assert left == []
        assert office.get("cameras", camera)["review_state"] == "rejected"


def test_the_review_list_names_each_record_its_site_commune_and_state(
    workspace: Workspace,
) -> None:
    hoan_kiem = {"lat": 21.0288, "lon": 105.8524}
    site = workspace.insert(
        "sites", {"name": "Hồ Hoàn Kiếm", "category": "scenic_spot", **hoan_kiem}
    )
    named = workspace.insert("cameras", {"site_id": site, "name": "Tháp Rùa", "camera_type": "ptz"})
    typed = workspace.insert("cameras", {"site_id": site, "camera_type": "alpr"})
    bare = workspace.insert("cameras", {"site_id": site})
    fault = workspace.insert("shortcomings", {"site_id": site, "kind": "broken"})
    need = workspace.insert("needs", {"site_id": site, "priority": "high", "camera_count": 2})
    review(workspace, "cameras", typed, "approved")

    cameras = review_list(workspace, ReviewFilter("cameras"))
    assert (
        cameras["ids"]
        == select_records(workspace, ReviewFilter("cameras"))
        == [
            named,
            typed,
            bare,
        ]
    )
    here = workspace.setting("device_name") or workspace.device_id[:8]  # who recorded them
    assert cameras["rows"] == [
        ["Tháp Rùa", "Hồ Hoàn Kiếm", "Phường Hoàn Kiếm", "", here],  # a name before the type
        [
            vocabulary.label("camera_type", "alpr", "vi"),
            "Hồ Hoàn Kiếm",
            "Phường Hoàn Kiếm",
            "Đã duyệt",
            here,
        ],
        ["", "Hồ Hoàn Kiếm", "Phường Hoàn Kiếm", "", here],
    ]
    english = review_list(workspace, ReviewFilter("cameras"), "en", limit=2)
    assert english["ids"] == cameras["ids"]  # every id, however few rows are shown
    assert english["rows"][1][0] == vocabulary.label("camera_type", "alpr", "en")
    assert english["rows"][1][3] == vocabulary.label("review_state", "approved", "en")
    assert len(english["rows"]) == 2

    assert review_list(workspace, ReviewFilter("sites"))["rows"] == [
        ["Hồ Hoàn Kiếm", "Hồ Hoàn Kiếm", "Phường Hoàn Kiếm", "", here]
    ]
    shortcomings = review_list(workspace, ReviewFilter("shortcomings"))
    assert shortcomings["ids"] == [fault]
    assert shortcomings["rows"][0][0] == vocabulary.label("shortcoming_kind", "broken", "vi")
    needs = review_list(workspace, ReviewFilter("needs"), limit=0)
    assert needs == {"ids": [need], "rows": []}
    with pytest.raises(ValidationError):
        review_list(workspace, ReviewFilter("units"))


def test_the_review_list_says_which_device_and_unit_each_record_came_from(
    workspaces: dict[str, Workspace],
) -> None:
    office = workspaces["office"]
    from_s1 = select_records(office, ReviewFilter("cameras", device="s1"))[:3]
    unit = office.db.execute(
        "SELECT u.name FROM peers p JOIN units u ON u.id = p.unit_id WHERE p.name = 's1'"
    ).fetchone()[0]
    rows = review_rows(office, "cameras", from_s1)
    assert [row[4] for row in rows] == [f"s1 · {unit}"] * 3
    assert review_rows(office, "cameras", [*from_s1[1:2], "no-such-id"]) == rows[1:2]


def test_the_review_list_searches_without_accents_and_pages_past_a_thousand(
    workspaces: dict[str, Workspace], run_cli: Callable[..., Any]
) -> None:
    office = workspaces["office"]
    everything_ = select_records(office, ReviewFilter("cameras"))
    assert len(everything_) > 1000  # all of them, no cap: the dialog reads rows page by page
    assert len(review_list(office, ReviewFilter("cameras"), limit=200)["rows"]) == 200
    page = review_rows(office, "cameras", everything_[1000:1200])
    assert len(page) == 200
    site = office.insert("sites", {"name": "Chợ Đồng Xuân", "category": "market"})
    camera = office.insert("cameras", {"site_id": site, "name": "Cổng chợ phía Bắc"})
    for typed in ("dong xuan", "ĐỒNG XUÂN", "cong cho phia bac", "Cổng chợ"):
        found = select_records(office, ReviewFilter("cameras", text=typed))
        assert camera in found, typed
        assert len(found) < len(everything_)
    sites = select_records(office, ReviewFilter("sites", text="cho dong xuan"))
    assert site in sites and len(sites) < 10
    approved = select_records(office, ReviewFilter("cameras", text="dong xuan", state="approved"))
    assert camera not in approved  # every criterion holds together
    assert select_records(office, ReviewFilter("cameras", text="?!")) == []
    assert select_records(office, ReviewFilter("cameras", text="  ")) == [*everything_, camera]
    # the command line's --where search= finds the same records
    picked = select_records(office, ReviewFilter("cameras", text="cong cho phia bac"))
    done = run_cli(
        "review",
        "--db",
        str(office.path),
        "--table",
        "cameras",
        "--where",
        "search=cong cho phia bac",
        "--state",
        "needs_revision",
        "--comment",
        "Thiếu ảnh",
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(picked)} " in done.stdout
    assert office.get("cameras", camera)["review_state"] == "needs_revision"
    # a bulk review covers exactly what the search shows
    assert review_many(office, ReviewFilter("cameras", text="dong xuan"), "approved") == len(
        select_records(office, ReviewFilter("cameras", text="dong xuan"))
    )
    assert office.get("cameras", camera)["review_state"] == "approved"


def test_an_office_edit_after_the_approval_puts_the_record_back_in_the_queue(
    workspaces: dict[str, Workspace], run_cli: Callable[..., Any]
) -> None:
    office = workspaces["office"]
    camera = _camera(office, "review_state IS NULL")
    review(office, "cameras", camera, "approved")
    assert record_history(office, "cameras", camera)[-1]["after_approval"] is False
    office.update("cameras", camera, {"storage_days": 45, "notes": "Đổi đầu ghi"})
    assert office.get("cameras", camera)["review_state"] == "changed_after_approval"
    queue = select_records(office, ReviewFilter("cameras", state="changed_after_approval"))
    assert queue == [camera]
    rows = record_history(office, "cameras", camera)
    flagged = {row["field"] for row in rows if row["after_approval"]}
    assert flagged == {"storage_days", "notes"}  # the approval's own change is not flagged
    json_rows = [
        json.loads(line)
        for line in run_cli(
            "history", "--db", str(office.path), "--table", "cameras", "--id", camera, "--json"
        ).stdout.splitlines()
    ]
    assert {r["field"] for r in json_rows if r["after_approval"]} == flagged
    shown = run_cli("history", "--db", str(office.path), "--table", "cameras", "--id", camera)
    marked = [line for line in shown.stdout.splitlines() if line.startswith("* ")]
    assert len(marked) == 2 and "thay đổi sau lần duyệt trước" in shown.stdout
    assert all(not row["after_approval"] for row in rows if row["field"] == "review_state")
    # approved again: its decision holds, nothing is highlighted any more
    review(office, "cameras", camera, "approved")
    assert office.get("cameras", camera)["review_state"] == "approved"
    assert not any(row["after_approval"] for row in record_history(office, "cameras", camera))
    # a review itself, or a record never approved, is not "changed after approval"
    other = _camera(office, "review_state IS NULL")
    office.update("cameras", other, {"notes": "Chưa duyệt"})
    assert office.get("cameras", other)["review_state"] is None
    review(office, "cameras", other, "needs_revision", "Bổ sung ảnh")
    office.update("cameras", other, {"notes": "Đã bổ sung"})
    assert office.get("cameras", other)["review_state"] == "needs_revision"


def test_an_imported_edit_after_the_approval_is_highlighted_for_the_reviewer(
    workspaces: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    camera = select_records(office, ReviewFilter("cameras", device="s1", state="none"))[0]
    review(office, "cameras", camera, "approved", "Đạt")
    send(office, s1, tmp_path)
    s1.update("cameras", camera, {"storage_days": 60})
    send(s1, office, tmp_path)
    assert office.get("cameras", camera)["review_state"] == "changed_after_approval"
    [flagged] = [row for row in record_history(office, "cameras", camera) if row["after_approval"]]
    assert (flagged["field"], flagged["new"], flagged["device"]) == ("storage_days", 60, "s1")
