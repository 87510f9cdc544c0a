"""The dashboard's figures: grouped counts of live records, labelled in Vietnamese and English
from the code lists, communes from the reference data and owners from the units."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from fieldsurvey.core import vocabulary
from fieldsurvey.core.office.dashboard import CHARTS, chart, dashboard
from fieldsurvey.core.store.workspace import Workspace


def _live(ws: Workspace, table: str, column: str) -> list[Any]:
    return [r[0] for r in ws.db.execute(f"SELECT {column} FROM {table} WHERE deleted = 0")]


def _as_counter(rows: list[dict[str, Any]]) -> Counter[Any]:
    return Counter({row["code"]: row["count"] for row in rows if row["count"]})


def test_single_code_charts_count_live_records(demo: Workspace) -> None:
    gone = demo.db.execute("SELECT id FROM cameras WHERE condition = 'working' LIMIT 1").fetchone()
    demo.delete("cameras", gone[0])
    demo.update("cameras", _live(demo, "cameras", "id")[5], {"connectivity": None})
    for name, (table, column, _, multiple) in CHARTS.items():
        if multiple:
            continue
        assert _as_counter(chart(demo.db, name)) == Counter(_live(demo, table, column)), name
    rows = chart(demo.db, "cameras_by_condition")
    assert [r["code"] for r in rows] == vocabulary.codes("camera_condition")  # display order
    assert rows[0]["label_vi"] == "Hoạt động tốt" and rows[0]["label_en"] == "Working"
    connectivity = chart(demo.db, "cameras_by_connectivity")
    assert connectivity[-1] == {
        "code": None,
        "label_vi": "Chưa rõ",
        "label_en": "Unknown",
        "count": 1,
    }


def test_purposes_count_each_purpose_of_a_camera(demo: Workspace) -> None:
    camera = _live(demo, "cameras", "id")[0]
    demo.update("cameras", camera, {"purposes": ["environment", "other", "public_order"]})
    expected: Counter[Any] = Counter()
    for text in _live(demo, "cameras", "purposes"):
        expected.update(json.loads(text) or [None])
    rows = chart(demo.db, "cameras_by_purpose")
    assert _as_counter(rows) == expected
    assert {r["code"] for r in rows} >= set(vocabulary.codes("camera_purpose"))
    labels = {r["code"]: r["label_en"] for r in rows}
    assert labels["traffic_management"] == vocabulary.label(
        "camera_purpose", "traffic_management", "en"
    )


def test_communes_and_owners_are_named_and_sorted_by_count(demo: Workspace) -> None:
    communes = chart(demo.db, "cameras_by_commune")
    counts = [r["count"] for r in communes]
    assert counts == sorted(counts, reverse=True) and all(counts)
    names = dict(demo.db.execute("SELECT code, name FROM admin_units WHERE level = 'commune'"))
    assert all(r["label_vi"] == names[r["code"]] for r in communes if r["code"])
    assert sum(counts) == len(_live(demo, "cameras", "id"))
    owners = chart(demo.db, "cameras_by_owner")
    units = dict(demo.db.execute("SELECT id, name FROM units"))
    assert all(r["label_vi"] == units[r["code"]] for r in owners if r["code"])
    assert len(chart(demo.db, "cameras_by_commune", keep_empty=True)) >= 126


def test_dashboard_has_every_chart_and_the_totals(
    demo: Workspace, run_cli: Callable[..., Any]
) -> None:
    figures = dashboard(demo.db)
    assert set(figures) == {"totals", *CHARTS}
    assert figures["totals"]["cameras"] == sum(r["count"] for r in figures["cameras_by_condition"])
    assert sum(r["count"] for r in figures["needs_by_priority"]) == figures["totals"]["needs"]
    path = demo.path
    demo.close()
    out = run_cli("dashboard", "--db", str(path), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == figures
