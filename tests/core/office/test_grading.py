"""Unit grading: scorecards of a small hand-made office whose figures are worked out by hand, the
scale the office sets (a changed scale changes the grade, a bad one is refused and nothing kept),
the XLSX export, the commands and the demo."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from fieldsurvey.core.office.grading import (
    SETTING_KEY,
    GradingScale,
    GradingScaleError,
    duplicate_record_ids,
    grade_label,
    grading_scale,
    save_grading_scale,
    unit_scorecards,
    with_values,
)
from fieldsurvey.core.office.review import review
from fieldsurvey.core.reports.office_sheets import write_scorecards
from fieldsurvey.core.store.workspace import Workspace

BA_DINH = "00004"
TODAY = dt.date(2025, 3, 11)


@pytest.fixture
def office(workspace: Workspace) -> dict[str, str]:
    """Unit A: two assignments, one 10 days late; its records two sites and two cameras, some
    filled in, one camera with a photo, three of them reviewed. Unit B: a target without a due
    date, one site recorded, nothing reviewed."""
    ws = workspace
    a = ws.insert("units", {"name": "Công an phường Ba Đình", "contact": "Đ/c Lan 0912 000 111"})
    b = ws.insert("units", {"name": "UBND phường Ba Đình", "commune_code": BA_DINH})
    s1 = ws.insert(
        "sites",
        {
            "name": "Trụ sở",
            "category": "market",
            "address": "1 Hùng Vương",
            "lat": 21.0368,
            "lon": 105.8342,
            "unit_id": a,
            "commune_code": BA_DINH,
        },
    )  # 6 of 6 expected fields
    s2 = ws.insert("sites", {"name": "Chưa đến", "category": "market"})  # nothing recorded
    s3 = ws.insert(
        "sites",
        {"name": "Chợ", "category": "market", "lat": 21.04, "lon": 105.84},
    )  # 4 of 6
    c1 = ws.insert(
        "cameras", {"site_id": s1, "name": "Cổng", "lat": 21.0368, "lon": 105.8343}
    )  # 3 of 13
    c2 = ws.insert("cameras", {"site_id": s3})  # 0 of 13
    photo = ws.insert("photos", {"sha256": "ab" * 32})
    ws.insert("photo_links", {"photo_id": photo, "record_table": "cameras", "record_id": c1})
    ws.insert(
        "assignments",
        {"unit_id": a, "site_ids": [s1, s2], "due_date": "2025-03-01", "status": "in_progress"},
    )
    ws.insert("assignments", {"unit_id": a, "site_ids": [s3], "due_date": "2025-04-01"})
    ws.insert("sites", {"name": "Ngã tư", "category": "market", "unit_id": b})  # 3 of 6
    ws.insert("assignments", {"unit_id": b, "target_count": 2})
    review(ws, "sites", s1, "approved")
    review(ws, "cameras", c1, "needs_revision", "Thiếu hướng nhìn")
    review(ws, "cameras", c1, "approved")
    review(ws, "cameras", c2, "rejected", "Không phải camera")
    return {"a": a, "b": b, "c1": c1, "c2": c2, "s1": s1}


def _by_unit(cards: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["unit_id"]: c for c in cards}


def test_scorecards_of_a_hand_made_office(workspace: Workspace, office: dict[str, str]) -> None:
    cards = unit_scorecards(workspace, TODAY, duplicates={office["c2"]})
    assert [c["unit_id"] for c in cards] == [office["a"], office["b"]]  # best score first
    a, b = cards
    # timeliness: one assignment 10 days late (100 − 2×10 = 80), one not yet due (100)
    assert (a["assignments"], a["on_time"], a["late"], a["days_late"]) == (2, 1, 1, 10)
    assert a["timeliness"] == 90.0
    # completeness: fields (6/6 + 4/6 + 3/13 + 0/13) / 4 = 47.4 %; cameras with a photo 1/2;
    # sites and cameras with a position 3/4; their mean
    assert (a["records"], a["cameras"], a["photographed"]) == (4, 2, 1)
    assert (a["positioned"], a["placeable"]) == (3, 4)
    assert a["required_fields"] == 47.4
    assert a["completeness"] == round((47.4 + 50 + 75) / 3, 1) == 57.5
    # quality: 1 of the 3 reviewed approved first time, less the 1 of 4 found duplicated
    assert (a["reviewed"], a["approved_first_time"], a["needed_revision"], a["rejected"]) == (
        3,
        1,
        1,
        1,
    )
    assert a["duplicates"] == 1
    assert a["quality"] == round(100 / 3 - 25, 1) == 8.3
    # weighted 30/40/30: (30×90 + 40×57.5 + 30×8.3) / 100
    assert a["score"] == 52.5 and a["grade"] == "average"
    assert grade_label(a["grade"]).text("vi") == "Trung bình"  # type: ignore[union-attr]
    assert a["contact"] == "Đ/c Lan 0912 000 111"
    # B: no due date and nothing reviewed: graded on completeness alone (3/6 fields, no position)
    assert b["timeliness"] is None and b["quality"] is None
    assert (b["required_fields"], b["completeness"]) == (50.0, 25.0)
    assert (b["score"], b["grade"]) == (25.0, "weak")


def test_the_scale_changes_the_grade(workspace: Workspace, office: dict[str, str]) -> None:
    def grade_of_a(scale: GradingScale) -> tuple[float, str]:
        card = _by_unit(unit_scorecards(workspace, TODAY, scale, duplicates={office["c2"]}))
        return card[office["a"]]["score"], card[office["a"]]["grade"]

    assert grade_of_a(GradingScale()) == (52.5, "average")
    # quality not weighed: (30×90 + 40×57.5) / 70
    assert grade_of_a(GradingScale(quality_weight=0)) == (71.4, "fair")
    assert grade_of_a(GradingScale(average=55)) == (52.5, "weak")
    # a day late costs 5 points: 50 and 100, timeliness 75
    assert grade_of_a(GradingScale(late_penalty=5)) == (48.0, "weak")
    # two photos a camera: none has them, completeness (47.4 + 0 + 75) / 3 = 40.8
    card = _by_unit(
        unit_scorecards(
            workspace, TODAY, GradingScale(photos_per_camera=2), duplicates={office["c2"]}
        )
    )[office["a"]]
    assert (card["photographed"], card["completeness"]) == (0, 40.8)
    # the scale kept in the workspace is the one used by default
    save_grading_scale(workspace, GradingScale(quality_weight=0))
    assert grading_scale(workspace) == GradingScale(quality_weight=0)
    default = _by_unit(unit_scorecards(workspace, TODAY, duplicates={office["c2"]}))
    assert default[office["a"]]["grade"] == "fair"


def test_bad_scales_are_refused_field_by_field_and_nothing_is_kept(
    workspace: Workspace,
) -> None:
    save_grading_scale(workspace, GradingScale(good=90))
    kept = workspace.setting(SETTING_KEY)
    bad = GradingScale(quality_weight=200, good=60, fair=70, late_penalty=-1, photos_per_camera=2.5)  # type: ignore[arg-type]
    with pytest.raises(GradingScaleError) as refused:
        save_grading_scale(workspace, bad)
    problems = {name: m.text("vi") for name, m in refused.value.problems.items()}
    assert problems == {
        "quality_weight": "Trọng số chất lượng: phải từ 0 đến 100.",
        "fair": "Điểm tối thiểu xếp loại Khá: phải thấp hơn Điểm tối thiểu xếp loại Tốt (60).",
        "late_penalty": "Điểm trừ mỗi ngày trễ hạn: phải từ 0 đến 100.",
        "photos_per_camera": "Số ảnh cần có của mỗi camera: phải là số nguyên.",
    }
    assert refused.value.text("vi") == problems["quality_weight"]
    with pytest.raises(GradingScaleError) as no_weight:
        save_grading_scale(
            workspace, GradingScale(timeliness_weight=0, completeness_weight=0, quality_weight=0)
        )
    assert "ít nhất một trọng số" in no_weight.value.text("vi")
    with pytest.raises(GradingScaleError) as not_a_number:
        with_values(GradingScale(), {"good": "tám mươi", "fair": "75,5"})
    assert set(not_a_number.value.problems) == {"good"}  # 75.5 is a good "fair"
    with pytest.raises(GradingScaleError, match="Không có mục colour"):
        with_values(GradingScale(), {"colour": "1"})
    assert workspace.setting(SETTING_KEY) == kept
    assert grading_scale(workspace) == GradingScale(good=90)
    assert with_values(GradingScale(), {"fair": "75,5"}) == GradingScale(fair=75.5)


def test_a_kept_scale_that_no_longer_checks_reads_as_the_default(workspace: Workspace) -> None:
    workspace.set_setting(SETTING_KEY, json.dumps({"good": 10, "fair": 70}))
    assert grading_scale(workspace) == GradingScale()
    workspace.set_setting(SETTING_KEY, json.dumps({"good": 95, "late_penalty": "x"}))
    assert grading_scale(workspace) == GradingScale(good=95)


def test_scorecards_as_xlsx(workspace: Workspace, office: dict[str, str], tmp_path: Path) -> None:
    cards = unit_scorecards(workspace, TODAY, duplicates={office["c2"]})
    target = tmp_path / "danh-gia.xlsx"
    assert write_scorecards(target, cards, TODAY) == 2
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    header = rows[0]
    by = {name: i for i, name in enumerate(header)}
    assert header[:4] == ("STT", "Đơn vị", "Xếp loại", "Điểm")
    a, b, total = rows[1:]
    assert (a[0], a[1], a[2], a[3]) == (1, "Công an phường Ba Đình", "Trung bình", 52.5)
    assert b[by["Xếp loại"]] == "Yếu" and b[by["Đúng hạn (điểm)"]] is None
    assert (a[by["Duyệt ngay lần đầu"]], a[by["Bị từ chối"]], a[by["Nghi trùng lắp"]]) == (1, 1, 1)
    assert total[1] == "Tổng cộng" and total[by["Số bản ghi"]] == 5


def test_demo_scorecards_add_up(demo: Workspace) -> None:
    duplicates = duplicate_record_ids(demo)
    cards = unit_scorecards(demo, dt.date(2025, 3, 20), duplicates=duplicates)
    assert cards and all(c["grade"] in ("good", "fair", "average", "weak", None) for c in cards)
    for card in cards:
        assert card["approved_first_time"] <= card["reviewed"] <= card["records"]
        assert card["photographed"] <= card["cameras"] and card["positioned"] <= card["placeable"]
        for key in ("timeliness", "completeness", "quality", "score"):
            assert card[key] is None or 0 <= card[key] <= 100
    scores = [c["score"] for c in cards if c["score"] is not None]
    assert scores == sorted(scores, reverse=True)
    assert unit_scorecards(demo, dt.date(2025, 3, 20)) == cards  # duplicates found by itself


def test_grades_and_grading_scale_commands(
    demo: Workspace, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = demo.path
    demo.close()
    out = run_cli("grading-scale", "--db", str(path), "--set", "good=80", "--set", "fair=65")
    assert out.returncode == 0, out.stderr
    assert "good — Điểm tối thiểu xếp loại Tốt / Minimum score for Good: 80" in out.stdout
    bad = run_cli("grading-scale", "--db", str(path), "--set", "good=60", "--set", "average=x")
    assert bad.returncode != 0 and "Điểm tối thiểu xếp loại Trung bình" in bad.stderr
    shown = run_cli("grading-scale", "--db", str(path), "--json")
    assert json.loads(shown.stdout) == dataclasses.asdict(GradingScale(good=80, fair=65))
    target = tmp_path / "grades.xlsx"
    out = run_cli(
        "grades", "--db", str(path), "--json", "--today", "2025-03-20", "--xlsx", str(target)
    )
    assert out.returncode == 0, out.stderr
    cards = [json.loads(line) for line in out.stdout.splitlines()]
    with Workspace.open(path) as ws:
        assert cards == unit_scorecards(ws, dt.date(2025, 3, 20))
    assert openpyxl.load_workbook(target).worksheets[0].max_row == len(cards) + 2
    text = run_cli("grades", "--db", str(path), "--today", "2025-03-20")
    assert text.returncode == 0 and "đúng hạn" in text.stdout


def test_a_unit_with_nothing_recorded_is_graded_only_once_late(workspace: Workspace) -> None:
    unit = workspace.insert("units", {"name": "UBND xã Mới"})
    workspace.insert("assignments", {"unit_id": unit, "target_count": 3, "due_date": "2025-03-01"})
    [early] = unit_scorecards(workspace, dt.date(2025, 2, 1), duplicates=set())
    assert (early["records"], early["timeliness"], early["score"], early["grade"]) == (
        0,
        100.0,
        None,
        None,
    )
    [late] = unit_scorecards(workspace, dt.date(2025, 3, 31), duplicates=set())
    assert (late["days_late"], late["timeliness"], late["score"], late["grade"]) == (
        30,
        40.0,
        40.0,
        "weak",
    )
