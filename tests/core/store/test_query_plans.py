"""The hot queries keep their index lookups when SQLite's statistics are stale: a workspace
analysed when the office held a few hundred records (sqlite_stat1 saying "sites: 300 rows")
must not make re-indexing, the lists, the duplicate search, coverage or a report's counts read a
whole table once per row of another. Each statement those run is captured as it runs and its
plan read with EXPLAIN QUERY PLAN: a path that starts from a few records must read no table
whole; one over every record may read the table it goes over, but nothing inside that loop."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.office import coverage, dashboard, duplicates, progress
from fieldsurvey.core.reports import tables as report_tables
from fieldsurvey.core.reports.filters import Where
from fieldsurvey.core.store import listing, search
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync import export
from fieldsurvey.core.trust import authorship, ledger

_STATEMENT = re.compile(r"^\s*(WITH|SELECT|INSERT|DELETE|UPDATE)\b", re.IGNORECASE)
# Loops that are not tables of ours: a JSON list of keys, a subquery or a CTE, one row.
_NOT_A_TABLE = re.compile(
    r"json_each|VIRTUAL TABLE|SUBQUERY|CONSTANT ROW|\(subquery|^SCAN \w*_?k\b"
)


# Paths that start from a few records (ids, a site, a search's hits): none of their statements
# may read a whole table. The others go over every record and may start with one.
LOOKUPS = {
    "re-indexing a few",
    "re-indexing many",
    "re-indexing a site's dependents",
    "search",
    "cameras of a site",
    "a record's history",
    "a device's log",
}


@pytest.fixture
def stale(demo: Workspace) -> Workspace:
    """The demo with statistics claiming every table and index holds 300 rows."""
    demo.db.execute("ANALYZE")
    demo.db.execute("UPDATE sqlite_stat1 SET stat = '300' || substr(stat, instr(stat, ' '))")
    demo.db.execute("UPDATE sqlite_stat1 SET stat = '300' WHERE idx IS NULL")
    demo.db.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
    assert (
        demo.db.execute(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = 'sites' AND idx IS NULL OR "
            "tbl = 'sites' AND idx = 'sqlite_autoindex_sites_1'"
        )
        .fetchone()[0]
        .startswith("300")
    )
    return demo


def captured(ws: Workspace, run: Callable[[], Any]) -> list[str]:
    """The statements ``run`` has SQLite execute, with their values in place."""
    seen: list[str] = []
    ws.db.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        ws.db.conn.set_trace_callback(None)
    return [
        sql
        for sql in dict.fromkeys(seen)
        if _STATEMENT.match(sql) and "EXPLAIN" not in sql and "'main'.'" not in sql  # FTS5's own
    ]


def scans(ws: Workspace, sql: str, *, driving: bool) -> Iterator[str]:
    """The loops of ``sql``'s plan that read a whole table: all of them, or with ``driving``
    only those inside another loop (a query over every record may start by reading a table)."""
    rows = ws.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    loops: dict[int, list[str]] = {}
    for _id, parent, _unused, detail in rows:
        if detail.startswith(("SCAN", "SEARCH")):
            loops.setdefault(parent, []).append(detail)
    for details in loops.values():
        for detail in details[1:] if driving else details:
            if detail.startswith("SCAN") and not _NOT_A_TABLE.search(detail):
                yield detail


def hot_paths(ws: Workspace) -> dict[str, Callable[[], Any]]:
    """What each hot path runs; those named in LOOKUPS start from a few records."""
    db = ws.db
    cameras = [r[0] for r in db.execute("SELECT id FROM cameras ORDER BY id")]
    site = db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    commune = db.execute("SELECT commune_code FROM sites WHERE commune_code IS NOT NULL").fetchone()
    need = db.execute("SELECT id FROM needs LIMIT 1").fetchone()[0]
    every = Where()
    device = db.execute("SELECT device_id FROM log_entries ORDER BY seq DESC LIMIT 1").fetchone()[0]
    return {
        "re-indexing a few": lambda: search.index_records(db, "cameras", cameras[:3]),
        "re-indexing many": lambda: search.index_records(db, "cameras", cameras),
        "re-indexing a site's dependents": lambda: search.index_dependents(
            db, "sites", site, {"name"}
        ),
        "search": lambda: search.search(db, "hoan kiem"),
        "list page": lambda: [
            listing.page(db, listing.ListQuery(table, **filters))
            for table in ("sites", "cameras")
            for filters in (
                {},
                {"text": "ho"},
                {"commune": commune[0]},
                {"review_state": vocabulary.codes("review_state")[0]},
            )
        ],
        "list counts": lambda: [
            listing.count(db, listing.ListQuery(table, **filters))
            for table in ("sites", "cameras")
            for filters in ({}, {"text": "ho"}, {"commune": commune[0]})
        ],
        "cameras of a site": lambda: listing.page(db, listing.ListQuery("cameras", site_id=site)),
        "duplicates": lambda: duplicates.find_workspace_duplicates(ws, involving=set(cameras[:5])),
        "coverage": lambda: (
            coverage.coverage_overview(db),
            coverage.need_coverage(db, need),
            coverage.sites_without_cameras(db),
        ),
        # the history's own tables, keyed by device number, read without materialising a view
        "a record's history": lambda: ledger.record_proof(db, "cameras", cameras[0]),
        "a device's log": lambda: (
            ledger.tip(db, device),
            ledger.entry_hash(db, device, 1),
            db.execute(export._LOG_ROWS, [device, 0, 5]).fetchall(),
        ),
        "checking the history": lambda: authorship.verify_history(db),
        "report counts": lambda: (
            [report_tables.count(db, table, every) for table in ("sites", "cameras", "needs")],
            report_tables.commune_summary(db, every, "vi"),
            report_tables.unit_summary(db, every, "vi"),
            dashboard.dashboard(db),
            progress.progress(ws, dt.date(2026, 12, 7)),
        ),
    }


def test_hot_queries_look_records_up_by_index_whatever_the_statistics(stale: Workspace) -> None:
    found: dict[str, list[tuple[str, str]]] = {}
    for name, run in hot_paths(stale).items():
        statements = captured(stale, run)
        assert statements, name
        for sql in statements:
            for detail in scans(stale, sql, driving=name not in LOOKUPS):
                found.setdefault(name, []).append((detail, sql[:300]))
    assert not found, found


def test_a_whole_table_read_per_row_of_another_is_caught(stale: Workspace) -> None:
    """The check itself: a join no index can serve reads one table whole per row of the other
    and is reported; the hot paths' statements were captured with their values in place."""
    bad = "SELECT s.id FROM sites s JOIN cameras c ON c.lat + 0 < s.lat + 0"
    assert [d.split()[:2] for d in scans(stale, bad, driving=True)] in (
        [["SCAN", "c"]],
        [["SCAN", "s"]],
    )
    camera = stale.db.execute("SELECT id FROM cameras LIMIT 1").fetchone()[0]
    assert list(scans(stale, f"SELECT * FROM cameras WHERE id = '{camera}'", driving=False)) == []
    assert list(scans(stale, "SELECT * FROM cameras WHERE notes = 'x'", driving=False))
    for name, run in hot_paths(stale).items():
        assert all("?" not in sql for sql in captured(stale, run) if "json_each" in sql), name
