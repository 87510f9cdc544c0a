"""The import's apply step at scale: what it keeps while it works (the spool's temporary tables,
not memory; no process-wide cache of names seen once), and that its chunked search re-index
gives the index a rebuild from the records gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core import collation
from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store import search
from fieldsurvey.core.store.db import BULK_CACHE_KIB
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS, READ_CHANGE, Workspace
from fieldsurvey.core.sync import merge, spool
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.core.sync.package_format import SyncError
from tests.helpers.office import copy_workspaces, see_the_whole_city
from tests.helpers.search_index import search_entries


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pair")
    paths = {"office": folder / "office.sqlite", "s1": folder / "s1.sqlite"}
    build_demo(paths["office"], role="office")
    build_demo(paths["s1"], role="surveyor", device="s1")
    return paths


@pytest.fixture
def pair(demo_pair: dict[str, Path], tmp_path: Path) -> Any:
    """Private copies of the office and surveyor s1, with their photo folders."""
    opened = {
        name: Workspace.open(path, user=name)
        for name, path in copy_workspaces(demo_pair, tmp_path).items()
    }
    see_the_whole_city(opened["office"], opened["s1"].device_id)
    yield opened
    for ws in opened.values():
        ws.close()


def _package(sender: Workspace, receiver: Workspace, folder: Path) -> Path:
    target = folder / "s1-to-office.fspkg"
    export_package(sender, target, recipient_id=receiver.device_id)
    return target


def _temporary_tables(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'")]


def test_new_names_are_keyed_without_filling_the_sort_key_cache(
    pair: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = pair["office"], pair["s1"]
    new_sites = s1.db.execute("SELECT count(*) FROM sites").fetchone()[0]
    collation.sort_key.cache_clear()
    report = import_package(office, _package(s1, office, tmp_path))
    assert report.applied > 1000
    # each new site's and camera's stored key is its name's, made without the cache
    for table in ("sites", "cameras"):
        rows = office.db.execute(f"SELECT name, sort_name FROM {table}").fetchall()
        assert all(key == collation.name_key(name or "") for name, key in rows)
    assert collation.sort_key.cache_info().currsize < new_sites / 10
    assert _temporary_tables(office) == []  # the spool's tables, the lists read back: dropped


def test_the_search_index_re_indexed_in_small_chunks_is_the_rebuilt_one(
    pair: dict[str, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, s1 = pair["office"], pair["s1"]
    monkeypatch.setattr(merge, "_INDEX_CHUNK", 7)  # many chunks, one ending each table's rows
    import_package(office, _package(s1, office, tmp_path))
    imported = search_entries(office.db)
    hits = search.search(office.db, "cho", limit=20)
    search.rebuild(office.db)
    assert search_entries(office.db) == imported
    assert search.search(office.db, "cho", limit=20) == hits


def test_a_refusal_in_the_middle_of_the_apply_step_leaves_no_temporary_table(
    pair: dict[str, Workspace],
) -> None:
    """A photo link to a record that does not exist stops the apply step while it reads the
    links back a batch at a time: the error is the refusal, and the spool is dropped."""
    office, s1 = pair["office"], pair["s1"]
    link = s1.db.execute("SELECT id, photo_id FROM photo_links LIMIT 1").fetchone()
    rows = s1.db.execute(
        f"SELECT {READ_CHANGE} FROM changes WHERE table_name = 'photos' AND record_id = ? "
        "UNION ALL "
        f"SELECT {READ_CHANGE} FROM changes WHERE table_name = 'photo_links' AND record_id = ? "
        "AND op = 'insert'",
        [link[1], link[0]],
    ).fetchall()
    changes = [
        {**dict(zip(CHANGE_COLUMNS, row, strict=True)), "fields": json.loads(row[-1])}
        for row in rows
    ]
    assert [c["table_name"] for c in changes][-1] == "photo_links"
    changes[-1]["fields"]["record_id"][1] = "no-such-record"
    before = office.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(SyncError), office.transaction():
        merge.apply_changes(office, changes)
    assert _temporary_tables(office) == []
    assert office.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_the_spool_reads_back_a_batch_at_a_time_by_rowid(pair: Any) -> None:
    """Every record a package touched, read back 500 at a time: each batch is looked up by the
    temporary table's rowid, not found by reading that table whole."""
    office = pair["office"]
    expected = [r[0] for r in office.db.execute("SELECT rowid FROM cameras ORDER BY rowid")]
    assert len(expected) > 2 * spool.BATCH
    with spool.Spool(office.db) as spooled:
        office.db.execute(
            f"INSERT INTO {spool.CHANGES} (id, table_name, record_id) "
            "SELECT id, 'cameras', id FROM cameras"
        )
        statements: list[str] = []
        office.db.conn.set_trace_callback(statements.append)
        read = spooled.rowids("cameras")
        try:
            got = [next(read)]
        finally:
            office.db.conn.set_trace_callback(None)
        pages = [sql for sql in statements if "LIMIT" in sql and "incoming_rowids" in sql]
        plan = [row[3] for row in office.db.execute(f"EXPLAIN QUERY PLAN {pages[0]}")]
        assert plan == ["SEARCH temp.incoming_rowids USING INTEGER PRIMARY KEY (rowid>?)"], plan
        got += read
    assert got == expected


def test_an_import_runs_with_a_larger_page_cache_and_gives_it_back(
    pair: Any, tmp_path: Path
) -> None:
    office, s1 = pair["office"], pair["s1"]
    package = _package(s1, office, tmp_path)

    def sizes() -> list[int]:
        return [office.db.execute(f"PRAGMA {s}.cache_size").fetchone()[0] for s in ("main", "temp")]

    before = sizes()
    assert -BULK_CACHE_KIB not in before
    statements: list[str] = []
    office.db.conn.set_trace_callback(statements.append)
    try:
        report = import_package(office, package)
    finally:
        office.db.conn.set_trace_callback(None)
    assert report.new > 0
    assert [sql for sql in statements if ".cache_size =" in sql] == [
        f"PRAGMA main.cache_size = -{BULK_CACHE_KIB}",
        f"PRAGMA temp.cache_size = -{BULK_CACHE_KIB}",
        f"PRAGMA main.cache_size = {before[0]}",
        f"PRAGMA temp.cache_size = {before[1]}",
    ]
    assert sizes() == before


def test_a_first_import_makes_the_tables_indexes_after_their_rows(
    pair: dict[str, Workspace], tmp_path: Path
) -> None:
    """Into a new office (more new rows than a table holds) the records are written with their
    table's indexes made after them: the same indexes, whole and consistent, the same records
    and the same search hits as the workspace the history came from."""
    office = pair["office"]
    fresh = Workspace.create(tmp_path / "fresh.sqlite", role="office", name="Văn phòng mới")
    try:
        schema = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        indexes = fresh.db.execute(schema).fetchall()
        history = [
            dict(zip(CHANGE_COLUMNS, row, strict=True))
            for row in office.db.execute(f"SELECT {READ_CHANGE} FROM changes ORDER BY rowid")
        ]
        for change in history:
            change["fields"] = json.loads(change["fields"])
        statements: list[str] = []
        fresh.db.conn.set_trace_callback(statements.append)
        with fresh.transaction():
            fresh.db.execute("PRAGMA defer_foreign_keys = ON")
            merge.apply_changes(fresh, history)
        fresh.db.conn.set_trace_callback(None)
        assert any(s.startswith('DROP INDEX "cameras_list_name"') for s in statements)
        assert fresh.db.execute(schema).fetchall() == indexes
        assert fresh.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for table in ("sites", "cameras", "shortcomings"):
            query = f"SELECT * FROM {table} ORDER BY id"
            assert fresh.db.execute(query).fetchall() == office.db.execute(query).fetchall()
            first = f"SELECT id FROM {table} ORDER BY sort_name, id LIMIT 20"
            if table != "shortcomings":
                assert fresh.db.execute(first).fetchall() == office.db.execute(first).fetchall()
        found = [  # the same records, in each workspace's rowid order
            sorted(hit["id"] for hit in search.search(ws.db, "cho", limit=10_000))
            for ws in (fresh, office)
        ]
        assert found[0] == found[1] and len(found[0]) > 20
    finally:
        fresh.close()
