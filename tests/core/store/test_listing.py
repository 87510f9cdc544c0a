"""The app's lists, a page at a time: every filter agrees with plain SQL, pages join up."""

from __future__ import annotations

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.listing import ListQuery
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
    assert len(set(named)) > 10 and named == sorted(named)  # by the name shown, not its code
