"""Search finds what Vietnamese users type, with or without accents, and stays in sync."""

from __future__ import annotations

import json

import pytest

from fieldsurvey.core.store.search import index_records, rowid_range, search
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.search_index import search_entries


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    unit = workspace.insert("units", {"name": "UBND Phường Đống Đa", "kind": "commune_committee"})
    lake = workspace.insert(
        "sites",
        {
            "name": "Hồ Hoàn Kiếm",
            "category": "scenic_spot",
            "address": "Đinh Tiên Hoàng",
            "lat": 21.0288,
            "lon": 105.8524,
        },
    )
    workspace.insert(
        "sites",
        {"name": "Chợ Đồng Xuân", "category": "market", "notes": "Cổng chính phố Đồng Xuân"},
    )
    workspace.insert(
        "cameras",
        {
            "site_id": lake,
            "name": "Cổng đền Ngọc Sơn",
            "owner_unit_id": unit,
            "notes": "Góc quay hướng tháp Rùa",
        },
    )
    return workspace


def names(ws: Workspace, text: str) -> list[str]:
    return sorted(hit["name"] for hit in search(ws.db, text))


@pytest.mark.parametrize("typed", ["hoan kiem", "Hoàn Kiếm", "HOAN KIEM", "HOÀN KIẾM", "hoàn kiem"])
def test_hoan_kiem_found_however_typed(ws: Workspace, typed: str) -> None:
    # the site by name, its camera by the site's name
    assert names(ws, typed) == ["Cổng đền Ngọc Sơn", "Hồ Hoàn Kiếm"]


@pytest.mark.parametrize("typed", ["dong da", "Đống Đa", "ĐỐNG ĐA", "Ðống Ða", "dong"])
def test_d_with_stroke_found_as_d(ws: Workspace, typed: str) -> None:
    found = names(ws, typed)
    assert "UBND Phường Đống Đa" in found
    # via the owner unit's name
    assert "Cổng đền Ngọc Sơn" in found


def test_hits_carry_kind_id_and_name(ws: Workspace) -> None:
    hits = search(ws.db, "dong xuan")
    assert hits[0]["kind"] == "site" and hits[0]["name"] == "Chợ Đồng Xuân"
    assert ws.get("sites", hits[0]["id"])["name"] == "Chợ Đồng Xuân"


def test_notes_and_addresses_are_searched(ws: Workspace) -> None:
    assert names(ws, "thap rua") == ["Cổng đền Ngọc Sơn"]
    assert names(ws, "dinh tien hoang") == ["Cổng đền Ngọc Sơn", "Hồ Hoàn Kiếm"]


def test_words_standing_together_come_first(ws: Workspace) -> None:
    ws.insert("sites", {"name": "Kiếm Hoàn", "category": "other"})
    hits = [h["name"] for h in search(ws.db, "hoan kiem", kinds=["site"])]
    assert hits == ["Hồ Hoàn Kiếm", "Kiếm Hoàn"]


def test_index_follows_renames_and_deletes(ws: Workspace) -> None:
    lake = search(ws.db, "ho hoan kiem", kinds=["site"])[0]["id"]
    ws.update("sites", lake, {"name": "Hồ Gươm"})
    assert names(ws, "ho guom") == ["Cổng đền Ngọc Sơn", "Hồ Gươm"]
    assert "Hồ Hoàn Kiếm" not in names(ws, "hoan kiem")
    ws.delete("sites", lake)
    assert names(ws, "ho guom") == ["Cổng đền Ngọc Sơn"]


def test_empty_and_odd_queries(ws: Workspace) -> None:
    assert search(ws.db, "") == []
    assert search(ws.db, "   ,;!") == []
    assert search(ws.db, 'cho" OR "x') == []  # FTS syntax is not interpreted
    assert search(ws.db, "NEAR(") == []
    assert search(ws.db, "zzzz") == []


def test_limit(demo: Workspace) -> None:
    assert len(search(demo.db, "camera", limit=7)) == 7


def test_many_records_indexed_at_once_are_each_found_once(workspace: Workspace) -> None:
    # more than one chunk of ids, given out of rowid order, some already indexed
    ids = workspace.insert_many(
        "sites", [{"name": f"Trạm số {n}", "category": "other"} for n in range(1300)], index=False
    )
    index_records(workspace.db, "sites", ids[:10])
    with workspace.transaction():
        workspace.db.execute("UPDATE sites SET deleted = 1 WHERE id = ?", [ids[5]])
        index_records(workspace.db, "sites", list(reversed(ids)))
    first = rowid_range("sites")[0]
    rowids = [rowid - first for rowid, _, _ in search_entries(workspace.db)]
    entries = workspace.db.execute(
        "SELECT s.id FROM json_each(?) k JOIN sites s ON s.rowid = k.value", [json.dumps(rowids)]
    ).fetchall()
    assert sorted(r[0] for r in entries) == sorted(ids[:5] + ids[6:])
    assert names(workspace, "tram so 1299") == ["Trạm số 1299"]
    assert "Trạm số 5" not in names(workspace, "tram so 5")  # deleted
    assert "Trạm số 6" in names(workspace, "tram so 6")


def test_reindexing_starts_from_the_records_whatever_the_statistics(demo: Workspace) -> None:
    """Statistics from when the office held a few hundred sites made SQLite scan every site for
    each chunk of cameras it re-indexed; the queries now start from the records' list."""
    from fieldsurvey.core.store.search import _SOURCES, source_sql

    demo.db.execute("ANALYZE")
    demo.db.execute("UPDATE sqlite_stat1 SET stat = '300' || substr(stat, instr(stat, ' '))")
    demo.db.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
    for table in _SOURCES:
        plan = [
            row[3]
            for row in demo.db.execute(
                f"EXPLAIN QUERY PLAN {source_sql(table, listed=True)}", ["[1, 2, 3]"]
            )
        ]
        assert plan[0].startswith("SCAN k") and not any(
            step.startswith("SCAN") for step in plan[1:]
        ), (table, plan)
    # and the index still holds what it should after a re-index through them
    camera, name = demo.db.execute("SELECT id, name FROM cameras LIMIT 1").fetchone()
    index_records(demo.db, "cameras", [camera])
    assert any(hit["id"] == camera for hit in search(demo.db, name, limit=200))


def test_every_word_whole_comes_before_words_that_only_begin_a_word(ws: Workspace) -> None:
    lake = ws.insert("sites", {"name": "Đền Hồ Xuân Hương", "category": "scenic_spot"})
    street = ws.insert("sites", {"name": "Phố Hoàng Xuân Hãn", "category": "other"})
    ws.insert(
        "needs",
        {
            "site_id": lake,
            "priority": "low",
            "justification": "Ven hồ đông người, thêm camera cho phường Xuân Phương.",
        },
    )
    hits = [(h["kind"], h["name"]) for h in search(ws.db, "ho xuan")]
    assert hits[0] == ("site", "Đền Hồ Xuân Hương")  # the words together
    # a need with "hồ" and "Xuân" apart, before a site where "ho" only begins "Hoàng"
    assert hits.index(("need", "Nhu cầu — Đền Hồ Xuân Hương")) < hits.index(
        ("site", "Phố Hoàng Xuân Hãn")
    )
    assert ws.get("sites", street)["name"] == "Phố Hoàng Xuân Hãn"


def test_dong_xuan_finds_the_market_first_not_a_need_with_dong_and_xuan_phuong(
    demo: Workspace,
) -> None:
    market = search(demo.db, "Chợ Đồng Xuân", kinds=["site"])[0]
    demo.insert(
        "needs",
        {
            "site_id": market["id"],
            "priority": "high",
            "justification": "Khu vực đông người, nối với tuyến Xuân Phương.",
        },
    )
    for typed in ("dong xuan", "Đồng Xuân", "DONG XUAN"):
        hits = search(demo.db, typed)
        assert hits[0]["name"] == "Chợ Đồng Xuân"
        names = [h["name"] for h in hits]
        need = names.index("Nhu cầu — Chợ Đồng Xuân") if "Nhu cầu — Chợ Đồng Xuân" in names else 99
        together = [n for n in names if "Đồng Xuân" in n]
        assert all(names.index(n) < need for n in together if not n.startswith("Nhu cầu"))
