"""The demo workspace: realistic, inside real boundaries, and the same for the same seed."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import math
import random
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.demo.generator import build_demo, season_start_ms, uuid4_text
from fieldsurvey.core.errors import ValidationError, WorkspaceExistsError
from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.store.workspace import Workspace, read_setting


def content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, except when sqlite-utils applied its migrations."""
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"  # its own tables hold what it holds
        )
    ]
    out = {}
    for table in tables:
        columns = "migration_set, name" if table == "_sqlite_migrations" else "*"
        rows = conn.execute(f'SELECT {columns} FROM "{table}"').fetchall()
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


def built_on(path: Path) -> dt.date:
    with closing(sqlite3.connect(path)) as conn:
        return dt.date.fromisoformat(read_setting(sqlite_utils.Database(conn), "demo_today") or "")


def test_same_seed_same_content_in_every_table(demo_file: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build_demo(again, today=built_on(demo_file))  # the same day, even past midnight
    first, second = content(demo_file), content(again)
    assert first.keys() == second.keys()
    assert {"sites", "cameras", "change_rows", "log_rows", "search_index_data", "workspace"} <= (
        first.keys()
    )
    for table in first:
        assert first[table] == second[table], table


def test_other_seed_or_device_gives_other_content(demo_file: Path, tmp_path: Path) -> None:
    build_demo(tmp_path / "seed7.sqlite", seed=7)
    build_demo(tmp_path / "s2.sqlite", device="s2")
    base = content(demo_file)
    for other in ("seed7.sqlite", "s2.sqlite"):
        assert content(tmp_path / other)["sites"] != base["sites"]
    # Units are shared by every demo workspace, so packages between them refer to the same ones.
    assert content(tmp_path / "s2.sqlite")["units"] == base["units"]


def test_small_demo_is_what_a_trainer_needs(demo: Workspace) -> None:
    db = demo.db
    count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    assert count("SELECT count(*) FROM sites") == 300
    assert 1000 <= count("SELECT count(*) FROM cameras") <= 1100
    categories = {r[0] for r in db.execute("SELECT DISTINCT category FROM sites")}
    assert categories == set(vocabulary.codes("site_category"))
    assert count("SELECT count(DISTINCT commune_code) FROM sites") >= 80
    conditions = {r[0] for r in db.execute("SELECT DISTINCT condition FROM cameras")}
    assert conditions == set(vocabulary.codes("camera_condition"))
    assert count("SELECT count(*) FROM shortcomings") > 100
    assert count("SELECT count(*) FROM needs") > 50
    assert count("SELECT count(*) FROM assignments WHERE due_date IS NOT NULL") >= 10
    assert count("SELECT count(*) FROM reviews") > 50
    assert count("SELECT count(DISTINCT review_state) FROM cameras") == 4
    assert count("SELECT count(*) FROM cameras WHERE review_state IS NULL") > 500
    # every not-working camera has its shortcoming
    assert (
        count(
            "SELECT count(*) FROM cameras c WHERE condition = 'not_working' AND NOT EXISTS"
            " (SELECT 1 FROM shortcomings x WHERE x.camera_id = c.id)"
        )
        == 0
    )
    names = {r[0] for r in db.execute("SELECT name FROM units")}
    assert {
        "Công an thành phố Hà Nội",
        "Sở Xây dựng Hà Nội",
        "Sở Khoa học và Công nghệ Hà Nội",
        "Văn phòng UBND thành phố Hà Nội",
        "UBND phường Hoàn Kiếm",
    } <= names
    # Departments merged into others in 2025 are gone.
    assert not names & {"Sở Giao thông vận tải Hà Nội", "Sở Thông tin và Truyền thông Hà Nội"}
    # every record went through the write path: one insert change per record
    for table in ("units", "sites", "cameras", "shortcomings", "needs", "assignments"):
        assert count(f"SELECT count(*) FROM {table}") == count(
            f"SELECT count(*) FROM changes WHERE table_name = '{table}' AND op = 'insert'"
        )


def test_sites_and_cameras_lie_in_their_communes(demo: Workspace) -> None:
    rows = demo.db.execute("SELECT lon, lat, commune_code FROM sites").fetchall()
    inside = sum(reference.commune_at(demo.db, lon, lat) == code for lon, lat, code in rows)
    assert inside == len(rows)
    cameras = demo.db.execute(
        "SELECT c.lat, c.lon, s.lat, s.lon, c.views FROM cameras c JOIN sites s ON s.id = c.site_id"
    ).fetchall()
    for lat, lon, site_lat, site_lon, views in cameras:
        assert _metres(lat, lon, site_lat, site_lon) < 60
        assert json.loads(views), "every camera has a view direction"


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat1 - lat2) * 111_320
    dx = (lon1 - lon2) * 111_320 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def test_planted_duplicates_are_close_alike_pairs(demo: Workspace) -> None:
    pairs = json.loads(demo.setting("demo_planted_duplicates") or "[]")
    assert len(pairs) == 8
    for copy_id, original_id in pairs:
        copy, original = demo.get("cameras", copy_id), demo.get("cameras", original_id)
        assert copy["site_id"] == original["site_id"]
        assert copy["camera_type"] == original["camera_type"]
        assert _metres(copy["lat"], copy["lon"], original["lat"], original["lon"]) < 10


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_existing_target_is_refused_unless_forced(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.sqlite"
    target.write_bytes(demo_file.read_bytes())
    with Workspace.open(target) as ws:
        ws.insert("sites", {"name": "Điểm của tôi", "category": "other"})
    before = _digest(target)
    with pytest.raises(WorkspaceExistsError):
        build_demo(target)
    assert _digest(target) == before
    build_demo(target, force=True)
    with Workspace.open(target) as ws:
        assert (
            ws.db.execute("SELECT count(*) FROM sites WHERE name = 'Điểm của tôi'").fetchone()[0]
            == 0
        )


def test_interrupted_build_leaves_nothing_behind(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "w.sqlite"
    target.write_bytes(demo_file.read_bytes())
    before = _digest(target)

    def cancel(done: int, total: int, message: str) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_demo(target, force=True, progress=cancel)
    assert _digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.sqlite"]
    assert gc.isenabled()  # paused for the build only


def test_the_demo_file_opens_as_any_workspace_does(demo: Workspace, tmp_path: Path) -> None:
    """The build's own settings (a larger page cache) end with its connection."""
    with Workspace.open(tmp_path / "new.sqlite", create=True) as new:
        for pragma in ("journal_mode", "cache_size", "synchronous", "foreign_keys"):
            ask = f"PRAGMA {pragma}"
            assert demo.db.execute(ask).fetchone() == new.db.execute(ask).fetchone(), pragma
    assert demo.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_cycle_collector_is_left_as_the_build_found_it(tmp_path: Path) -> None:
    seen: list[bool] = []
    build_demo(tmp_path / "a.sqlite", progress=lambda *_: seen.append(gc.isenabled()))
    assert gc.isenabled() and seen and not any(seen)
    gc.disable()
    try:
        build_demo(tmp_path / "b.sqlite")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="small"):
        build_demo(tmp_path / "x.sqlite", size="huge")
    with pytest.raises(ValidationError, match="surveyor"):
        build_demo(tmp_path / "x.sqlite", role="boss")
    assert list(tmp_path.iterdir()) == []


def test_office_role_is_recorded(tmp_path: Path) -> None:
    build_demo(tmp_path / "office.sqlite", role="office")
    with Workspace.open(tmp_path / "office.sqlite") as ws:
        assert ws.role == "office"


def test_a_demo_built_today_is_dated_from_today_and_nothing_is_overdue(
    demo_file: Path, tmp_path: Path
) -> None:
    today = dt.date(2031, 7, 14)
    path = tmp_path / "later.sqlite"
    build_demo(path, today=today)
    assert built_on(path) == today
    with closing(Workspace.open(path, user="tester")) as ws:
        dues = [r[0] for r in ws.db.execute("SELECT due_date FROM assignments")]
        assert dues and all(d > today.isoformat() for d in dues)
        result = progress(ws, today)
        assert not any(a["late"] for a in result["assignments"])
        assert not any(a["late"] for a in result["chase"])  # only work due within a week
        # the survey happened before that day (not in 2025, not in the future)
        first, last = ws.db.execute("SELECT min(at), max(at) FROM changes").fetchone()
        season = dt.datetime.fromtimestamp(season_start_ms(today, "small") / 1000, dt.UTC)
        assert season.date() == dt.date(2031, 6, 30)
        units_at = ws.db.execute(
            "SELECT max(at) FROM changes WHERE table_name = 'units'"
        ).fetchone()[0]
        assert units_at < "2025-04"  # the units are the same in every demo of the seed
        assert first < "2025-04" and season.isoformat()[:10] <= last[:10] < today.isoformat()
        reviewed = {r[0] for r in ws.db.execute("SELECT reviewed_at FROM reviews")}
        assert reviewed == {"2031-07-13"}
    # Demo workspaces of a seed built on other days share the office's first log entries.
    units = "SELECT * FROM changes WHERE table_name = 'units' ORDER BY seq"
    with closing(sqlite3.connect(path)) as later, closing(sqlite3.connect(demo_file)) as first:
        assert later.execute(units).fetchall() == first.execute(units).fetchall()


def test_demo_ids_are_the_uuids_of_their_bits() -> None:
    rng = random.Random(3)
    for bits in [0, (1 << 128) - 1, *(rng.getrandbits(128) for _ in range(5000))]:
        assert uuid4_text(bits) == str(uuid.UUID(int=bits, version=4))
