"""The app's lists, a page at a time: every filter agrees with plain SQL, pages join up."""

from __future__ import annotations

import sqlite3

import pytest

from fieldsurvey.core.collation import key_of, name_key, sort_key
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.listing import ListQuery
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.store.workspace import Workspace


def all_rows(ws: Workspace, query: ListQuery, size: int = 37) -> list[tuple[object, ...]]:
    rows, cursor = listing.page(ws.db, query, size=size)
    while cursor is not None:
        more, cursor = listing.page(ws.db, query, cursor, size=size)
        rows += more
    return rows


def sql_ids(ws: Workspace, sql: str, params: list[object] | None = None) -> set[str]:
    return {r[0] for r in ws.db.execute(sql, params or [])}


@pytest.mark.parametrize(
    ("query", "sql", "params"),
    [
        (ListQuery("sites"), "SELECT id FROM sites WHERE deleted = 0", []),
        (ListQuery("cameras"), "SELECT id FROM cameras WHERE deleted = 0", []),
        (
            ListQuery("cameras", condition="not_working"),
            "SELECT id FROM cameras WHERE deleted = 0 AND condition = ?",
            ["not_working"],
        ),
        (
            ListQuery("cameras", purpose="traffic_management"),
            "SELECT c.id FROM cameras c, json_each(c.purposes) p WHERE c.deleted = 0 "
            "AND p.value = ?",
            ["traffic_management"],
        ),
        (
            ListQuery("sites", category="market"),
            "SELECT id FROM sites WHERE deleted = 0 AND category = ?",
            ["market"],
        ),
        (
            ListQuery("cameras", category="market"),
            "SELECT c.id FROM cameras c JOIN sites s ON s.id = c.site_id WHERE c.deleted = 0 "
            "AND s.category = ?",
            ["market"],
        ),
        (
            ListQuery("cameras", commune="00070"),
            "SELECT id FROM cameras WHERE deleted = 0 AND commune_code = ?",
            ["00070"],
        ),
        (
            ListQuery("sites", review_state="approved"),
            "SELECT id FROM sites WHERE deleted = 0 AND review_state = ?",
            ["approved"],
        ),
    ],
)
def test_filters_agree_with_sql_and_pages_join_up(
    demo: Workspace, query: ListQuery, sql: str, params: list[object]
) -> None:
    expected = sql_ids(demo, sql, params)
    rows = all_rows(demo, query)
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))  # no row twice across pages
    assert set(ids) == expected
    assert listing.count(demo.db, query) == len(expected)
    assert listing.ids(demo.db, query) == ids  # same order as the pages


def test_search_text_ignores_accents_and_combines_with_filters(demo: Workspace) -> None:
    plain = {r[0] for r in all_rows(demo, ListQuery("sites", text="hoan kiem"))}
    accented = {r[0] for r in all_rows(demo, ListQuery("sites", text="HOÀN KIẾM"))}
    assert plain == accented and 0 < len(plain) < 300
    names = {r[1] for r in all_rows(demo, ListQuery("sites", text="hoan kiem"))}
    assert "Hồ Hoàn Kiếm" in names
    markets = {
        r[0] for r in all_rows(demo, ListQuery("sites", text="hoan kiem", category="market"))
    }
    assert markets <= plain
    assert listing.count(demo.db, ListQuery("sites", text="!!!")) == 0


@pytest.mark.parametrize("column", listing.COLUMNS["cameras"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_is_total_and_stable_across_pages(
    demo: Workspace, column: str, descending: bool
) -> None:
    query = ListQuery("cameras", sort=column, descending=descending)
    ids = [r[0] for r in all_rows(demo, query, size=50)]
    assert len(ids) == len(set(ids)) == listing.count(demo.db, query)


def test_rows_show_labels_not_codes(demo: Workspace) -> None:
    rows, _ = listing.page(demo.db, ListQuery("sites", text="ho hoan kiem"))
    row = next(r for r in rows if r[1] == "Hồ Hoàn Kiếm")
    assert row[2] == "Danh lam thắng cảnh" and row[3] == "Phường Hoàn Kiếm"
    english, _ = listing.page(demo.db, ListQuery("sites", text="ho hoan kiem"), lang="en")
    assert next(r for r in english if r[1] == "Hồ Hoàn Kiếm")[2] == "Scenic spot"


def test_neighbours_follow_the_list_order(demo: Workspace) -> None:
    query = ListQuery("sites", category="market")
    ids = listing.ids(demo.db, query)
    assert listing.neighbours(demo.db, query, ids[1]) == (ids[0], ids[2])
    assert listing.neighbours(demo.db, query, ids[0]) == (None, ids[1])
    assert listing.neighbours(demo.db, query, ids[-1])[1] is None
    backwards = query.sorted_by("name", descending=True)
    assert listing.neighbours(demo.db, backwards, ids[1]) == (ids[2], ids[0])


def test_a_deleted_record_leaves_the_list(demo: Workspace) -> None:
    site_id = listing.ids(demo.db, ListQuery("sites"))[0]
    demo.delete("sites", site_id)
    assert site_id not in listing.ids(demo.db, ListQuery("sites"))


@pytest.mark.parametrize(
    "bad",
    [
        {"table": "units"},
        {"table": "sites", "sort": "owner"},
        {"table": "cameras", "condition": "'; DROP TABLE cameras; --"},
        {"table": "sites", "category": "nonsense"},
    ],
)
def test_bad_queries_are_refused(bad: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        ListQuery(**bad)


def test_code_columns_sort_in_their_lists_order_and_communes_by_name(demo: Workspace) -> None:
    from fieldsurvey.core import vocabulary

    rows = all_rows(demo, ListQuery("cameras", sort="condition"), size=500)
    order = [vocabulary.label("camera_condition", c) for c in vocabulary.codes("camera_condition")]
    shown = [r[4] for r in rows if r[4]]
    assert shown == sorted(shown, key=order.index)
    communes = [r[6] for r in all_rows(demo, ListQuery("cameras", sort="commune"), size=500)]
    named = [c for c in communes if c]
    # by the name shown, not its code, in Vietnamese order
    assert len(set(named)) > 10 and named == sorted(named, key=sort_key)
    assert named.index("Phường Cầu Giấy") < named.index("Phường Chương Mỹ")


VIETNAMESE_NAMES = [
    "Chợ Đồng Xuân",
    "Ô Chợ Dừa",
    "Ứng Thiên",
    "Đống Đa",
    "Yên Hòa",
    "Dương Nội",
    "Đại Mỗ",
    "Ba Đình",
    "Ông Ích Khiêm",
    "camera 10",
    "camera 2",
    "Ấp Bắc",
]


def test_lists_sort_names_in_vietnamese_order_from_their_index(workspace: Workspace) -> None:
    unit = workspace.insert("units", {"name": "Đơn vị thử"})
    sites = {
        name: workspace.insert("sites", {"name": name, "category": "market", "unit_id": unit})
        for name in VIETNAMESE_NAMES
    }
    for name, site in sites.items():
        workspace.insert("cameras", {"site_id": site, "name": name})
    expected = sorted(VIETNAMESE_NAMES, key=sort_key)
    assert expected.index("Ấp Bắc") < expected.index("Ba Đình")  # A, Ă, Â before B
    assert expected.index("Dương Nội") < expected.index("Đại Mỗ") < expected.index("Đống Đa")
    assert expected.index("Ông Ích Khiêm") < expected.index("Ứng Thiên") < expected.index("Yên Hòa")
    assert expected.index("camera 2") < expected.index("camera 10")
    for table in ("sites", "cameras"):
        shown = [r[1] for r in all_rows(workspace, ListQuery(table), size=5)]  # several pages
        assert shown == expected, table
        back = [r[1] for r in all_rows(workspace, ListQuery(table, descending=True), size=5)]
        assert back == expected[::-1], table
    by_site = [r[2] for r in all_rows(workspace, ListQuery("cameras", sort="site"), size=5)]
    assert by_site == expected
    # A renamed record takes its new place; the name order is read from the index.
    workspace.update("sites", sites["Yên Hòa"], {"name": "An Khánh"})
    assert all_rows(workspace, ListQuery("sites"), size=50)[0][1] == "An Khánh"
    plan = " ".join(
        str(row[-1])
        for row in workspace.db.execute(
            "EXPLAIN QUERY PLAN SELECT r.id FROM cameras r WHERE r.deleted = 0 "
            "ORDER BY r.sort_name, r.id LIMIT 200"
        )
    )
    assert "cameras_list_name" in plan and "TEMP B-TREE" not in plan
    # The file stays readable and checkable without the app's functions.
    workspace.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    plain = sqlite3.connect(workspace.path)
    assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plain.close()


_KEYED = ("sites", "cameras", "units", "admin_units")
_INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"


def test_a_workspace_with_the_long_sort_keys_gets_the_short_ones(demo: Workspace) -> None:
    """Before m021 each stored key ended with the name itself; after it, every key is the
    name's words only, the name indexes are made again the same, and the lists keep their
    order."""
    orders = {t: all_rows(demo, ListQuery(t), size=50) for t in ("sites", "cameras")}
    indexes = demo.db.execute(_INDEXES).fetchall()
    with demo.transaction():
        for table in _KEYED:
            names = demo.db.execute(f"SELECT rowid, name FROM {table}").fetchall()
            demo.db.conn.executemany(
                f"UPDATE {table} SET sort_name = ? WHERE rowid = ?",
                [(key_of(name or ""), rowid) for rowid, name in names],
            )
        demo.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm021_short_sort_keys'")
    path = demo.path
    demo.close()
    ws = Workspace.open(path)
    try:
        assert "m021_short_sort_keys" in {m.name for m in MIGRATIONS.applied(ws.db)}
        for table in _KEYED:
            rows = ws.db.execute(f"SELECT name, sort_name FROM {table}").fetchall()
            assert len(rows) > 10
            assert all(key == name_key(name or "") for name, key in rows), table
        assert {t: all_rows(ws, ListQuery(t), size=50) for t in orders} == orders
        assert ws.db.execute(_INDEXES).fetchall() == indexes
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        ws.close()


# -- short lists for forms and dialogs ----------------------------------------------------------


def test_units_to_choose_from_and_the_units_that_own_cameras(workspace: Workspace) -> None:
    police = workspace.insert("units", {"name": "Công an phường Hoàn Kiếm", "kind": "police"})
    board = workspace.insert("units", {"name": "Ban quản lý chợ", "kind": "other"})
    idle = workspace.insert("units", {"name": "Đội trật tự", "kind": "other"})
    gone = workspace.insert("units", {"name": "Ban cũ", "kind": "other"})
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    ward = workspace.insert("units", {"name": "UBND phường Ô Chợ Dừa", "kind": "other"})
    workspace.insert("cameras", {"site_id": site, "owner_unit_id": board})
    workspace.insert("cameras", {"site_id": site, "owner_unit_id": gone})
    workspace.insert("cameras", {"site_id": site, "owner_unit_id": ward})
    removed = workspace.insert("cameras", {"site_id": site, "owner_unit_id": police})
    workspace.delete("cameras", removed)
    workspace.delete("units", gone)

    assert listing.unit_choices(workspace.db) == [
        (board, "Ban quản lý chợ"),
        (police, "Công an phường Hoàn Kiếm"),
        (idle, "Đội trật tự"),  # Đ after C, not after U as code points put it
        (ward, "UBND phường Ô Chợ Dừa"),
    ]
    # A deleted unit, a unit whose only camera was deleted and a unit without cameras: none.
    assert listing.owner_unit_choices(workspace.db) == [
        (board, "Ban quản lý chợ"),
        (ward, "UBND phường Ô Chợ Dừa"),
    ]


def test_a_camera_is_titled_by_its_name_else_its_reference_else_its_id(
    workspace: Workspace,
) -> None:
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    named = workspace.insert("cameras", {"site_id": site, "name": "Cổng chính", "ref": "OSM-1"})
    referenced = workspace.insert("cameras", {"site_id": site, "ref": "OSM-2"})
    bare = workspace.insert("cameras", {"site_id": site})
    deleted = workspace.insert("cameras", {"site_id": site, "name": "Cổng sau"})
    workspace.delete("cameras", deleted)
    unknown = [f"{n:08d}-0000-4000-8000-000000000000" for n in range(1200)]

    titles = listing.camera_titles(
        workspace.db, [*unknown[:600], named, referenced, bare, deleted, *unknown[600:]]
    )
    assert titles == {
        named: "Cổng chính",
        referenced: "OSM-2",
        bare: bare[:8],
        deleted: "Cổng sau",
    }
    assert listing.camera_titles(workspace.db, []) == {}


def test_a_sites_cameras_to_choose_from(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    other = workspace.insert("sites", {"name": "Chợ Mơ", "category": "market"})
    second = workspace.insert("cameras", {"site_id": site, "name": "B cổng sau"})
    first = workspace.insert("cameras", {"site_id": site, "name": "A cổng chính"})
    unnamed = workspace.insert("cameras", {"site_id": site, "ref": "OSM-9"})
    gone = workspace.insert("cameras", {"site_id": site, "name": "C đã tháo"})
    workspace.delete("cameras", gone)
    workspace.insert("cameras", {"site_id": other, "name": "A ở chợ khác"})

    assert listing.site_camera_choices(workspace.db, site) == [
        (unnamed, "OSM-9"),  # no name sorts first
        (first, "A cổng chính"),
        (second, "B cổng sau"),
    ]
    assert listing.site_camera_choices(workspace.db, None) == []


def test_a_records_own_records_in_the_order_they_were_recorded(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    other = workspace.insert("sites", {"name": "Chợ Mơ", "category": "market"})
    later_name = workspace.insert("cameras", {"site_id": site, "name": "Z"})
    earlier_name = workspace.insert("cameras", {"site_id": site, "name": "A"})
    gone = workspace.insert("cameras", {"site_id": site, "name": "M"})
    workspace.delete("cameras", gone)
    workspace.insert("cameras", {"site_id": other, "name": "Elsewhere"})
    fault = workspace.insert(
        "shortcomings", {"site_id": site, "camera_id": earlier_name, "kind": "other"}
    )
    workspace.insert("shortcomings", {"site_id": site, "kind": "other"})

    cameras = listing.records_of(workspace.db, "cameras", "site_id", site)
    assert [c["id"] for c in cameras] == [later_name, earlier_name]
    assert cameras[0] == workspace.get("cameras", later_name)  # every column
    shortcomings = listing.records_of(workspace.db, "shortcomings", "camera_id", earlier_name)
    assert [s["id"] for s in shortcomings] == [fault]
    assert listing.records_of(workspace.db, "needs", "site_id", site) == []
    for table, field in (("cameras", "name"), ("cameras", "nonsense"), ("nonsense", "site_id")):
        with pytest.raises(ValidationError):
            listing.records_of(workspace.db, table, field, site)


def test_a_new_camera_is_named_after_its_site_and_numbered(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    other = workspace.insert("sites", {"name": "Chợ Mơ", "category": "market"})
    assert listing.new_camera_name(workspace.db, site) == "Chợ Hôm – camera 1"
    first = workspace.insert("cameras", {"site_id": site, "name": "Cổng chính"})
    workspace.insert("cameras", {"site_id": other})
    assert listing.new_camera_name(workspace.db, site) == "Chợ Hôm – camera 2"
    workspace.delete("cameras", first)  # its number is not given again
    assert listing.new_camera_name(workspace.db, site) == "Chợ Hôm – camera 2"
    assert listing.new_camera_name(workspace.db, other) == "Chợ Mơ – camera 2"
    with pytest.raises(ValidationError):
        listing.new_camera_name(workspace.db, "no-such-site")


def test_the_demos_cameras_are_named_the_same_way(demo: Workspace) -> None:
    site_id, site_name = demo.db.execute(
        "SELECT s.id, s.name FROM sites s WHERE (SELECT count(*) FROM cameras c "
        "WHERE c.site_id = s.id) = 2 LIMIT 1"
    ).fetchone()
    names = [c["name"] for c in listing.records_of(demo.db, "cameras", "site_id", site_id)]
    assert names == [listing.camera_name(site_name, n) for n in (1, 2)]
    assert listing.new_camera_name(demo.db, site_id) == listing.camera_name(site_name, 3)
