"""The workspace file: how it is opened, migrated, backed up, and which files it refuses."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.errors import (
    CorruptWorkspaceError,
    NewerWorkspaceError,
    NotAWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
)
from fieldsurvey.core.store import db as workspace_db
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.transaction import BUSY_TIMEOUT_MS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_workspace_pragmas(tmp_path: Path) -> None:
    db = workspace_db.open_database(tmp_path / "w.sqlite", create=True)
    try:
        pragma = lambda name: db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("trusted_schema") == 0
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
        assert pragma("synchronous") == 2  # FULL
        assert pragma("application_id") == workspace_db.APPLICATION_ID
        applied = [m.name for m in MIGRATIONS.applied(db)]
        assert applied == [m.name for m in MIGRATIONS._migrations]
        assert {"sites", "cameras", "change_rows", "search_index", "admin_units"} <= set(
            db.table_names()
        )
    finally:
        db.close()


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        workspace.db.execute("INSERT INTO cameras (id, site_id) VALUES ('c', 'no-such-site')")


def test_missing_file_is_not_created_without_asking(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="Không tìm thấy"):
        workspace_db.open_database(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", NotAWorkspaceError),
        (b"Camera list\nname,lat,lon\n", NotAWorkspaceError),
        (b"\xff\xd8\xff\xe0" + bytes(2000), NotAWorkspaceError),
        (b"SQLite format 3\x00" + b"\x00\x00garbage" * 500, CorruptWorkspaceError),
    ],
    ids=["empty", "text", "jpeg", "corrupt-sqlite"],
)
def test_files_that_are_not_workspaces_are_refused_untouched(
    tmp_path: Path, content: bytes, error: type[Exception]
) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(error) as caught:
        Workspace.open(path)
    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite"]


def test_a_damaged_page_in_a_real_workspace_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, create=True).close()
    data = bytearray(path.read_bytes())
    # Overwrite the schema page's header: sqlite_master can no longer be read.
    data[100:140] = b"\xee" * 40
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptWorkspaceError, match="bị hỏng"):
        Workspace.open(path)


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAWorkspaceError, match="không phải tệp dữ liệu khảo sát FieldSurvey"):
        Workspace.open(path)
    assert digest(path) == before
    assert not workspace_db.backup_folder(path).exists()


def test_workspace_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('fieldsurvey', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerWorkspaceError, match="mới hơn"):
        Workspace.open(path)
    assert digest(path) == before
    assert not workspace_db.backup_folder(path).exists()


def test_migrating_an_older_workspace_makes_a_verified_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    last = MIGRATIONS._migrations[-1].name
    db = workspace_db._connect(path)
    db.execute(f"PRAGMA application_id = {workspace_db.APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before=last)
    db.execute("INSERT INTO workspace (key, value) VALUES ('device_id', 'old-device')")
    db.close()
    before = digest(path)

    ws = Workspace.open(path)
    try:
        assert [m.name for m in MIGRATIONS.applied(ws.db)][-1] == last
        assert ws.device_id == "old-device"
    finally:
        ws.close()
    backups = list(workspace_db.backup_folder(path).glob("*.sqlite"))
    assert len(backups) == 1 and f"before-{last}" in backups[0].name
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = [r[0] for r in copy.execute("SELECT name FROM _sqlite_migrations")]
    assert last not in names
    assert copy.execute("SELECT value FROM workspace").fetchone()[0] == "old-device"
    copy.close()
    assert before != digest(path)
    # Opening again migrates nothing, so makes no further backup.
    Workspace.open(path).close()
    assert len(list(workspace_db.backup_folder(path).glob("*.sqlite"))) == 1


def test_failed_migration_leaves_the_workspace_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, create=True).close()

    def broken(db: object) -> None:
        failure = sqlite3.OperationalError("disk I/O error")
        failure.sqlite_errorcode = sqlite3.SQLITE_IOERR  # what SQLite sets on a real one
        raise failure

    extra = MIGRATIONS._Migration("m900_broken", broken, True)
    monkeypatch.setattr(MIGRATIONS, "_migrations", [*MIGRATIONS._migrations, extra])
    with pytest.raises(WorkspaceError):
        Workspace.open(path)
    monkeypatch.undo()
    ws = Workspace.open(path)
    assert "m900_broken" not in [m.name for m in MIGRATIONS.applied(ws.db)]
    ws.close()


def test_existing_target_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    path.write_text("precious")
    with pytest.raises(WorkspaceExistsError, match="--force"):
        workspace_db.check_writable_target(path, force=False)
    workspace_db.check_writable_target(path, force=True)
    assert path.read_text() == "precious"


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable, for root too (root ignores permission bits, not chattr +i)."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i not supported here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_folder_gets_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    existing = folder / "w.sqlite"
    Workspace.open(existing, create=True).close()
    before = digest(existing)
    with read_only_folder(folder):
        with pytest.raises(WorkspaceError, match=r"quyền ghi|Không ghi được"):
            Workspace.open(folder / "new.sqlite", create=True)
        with pytest.raises(WorkspaceError, match=r"quyền ghi|Không ghi được"):
            Workspace.open(existing)
        with pytest.raises(WorkspaceError, match=r"quyền ghi|Không ghi được"):
            build_demo(folder / "demo.sqlite")
    assert sorted(p.name for p in folder.iterdir()) == ["w.photos", "w.sqlite"]
    assert digest(existing) == before


def _indexes(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    return sorted(
        db.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
    )


def test_indexes_made_after_a_bulk_load_are_the_same_indexes(workspace: Workspace) -> None:
    db = workspace.db
    before = _indexes(db)
    cameras = [name for name, table, _ in before if table == "cameras"]
    assert "cameras_site" in cameras
    with workspace.transaction(), workspace_db.indexes_made_after(db, ["cameras", "changes"]):
        left = {table for _, table, _ in _indexes(db)}
        assert "cameras" not in left and "changes" not in left and "sites" in left
        site = workspace.insert("sites", {"name": "Chợ", "category": "market"})
        workspace.insert("cameras", {"site_id": site, "name": "Cổng"})
    assert _indexes(db) == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM cameras WHERE site_id = ?", [site]
    ).fetchall()
    assert "cameras_site" in str(plan)


def test_indexes_dropped_for_a_failed_load_come_back_with_the_rollback(
    workspace: Workspace,
) -> None:
    before = _indexes(workspace.db)
    with (
        pytest.raises(RuntimeError),
        workspace.transaction(),
        workspace_db.indexes_made_after(workspace.db, ["cameras"]),
    ):
        raise RuntimeError("the load failed")
    assert _indexes(workspace.db) == before


def test_indexes_are_dropped_only_inside_a_transaction(workspace: Workspace) -> None:
    with pytest.raises(AssertionError), workspace_db.indexes_made_after(workspace.db, ["cameras"]):
        pass
    assert "cameras_site" in {name for name, _, _ in _indexes(workspace.db)}


def test_a_bulk_cache_is_given_back_after_the_block(workspace: Workspace) -> None:
    size = lambda: workspace.db.execute("PRAGMA cache_size").fetchone()[0]  # noqa: E731
    before = size()
    with workspace_db.bulk_cache(workspace.db):
        assert size() == -workspace_db.BULK_CACHE_KIB
    with workspace_db.bulk_cache(workspace.db, 256 << 10):
        assert size() == -(256 << 10)
    assert size() == before
