"""Imports and edits at the same time: one import at a time per workspace, no photo of a
committed record ever removed, edits that wait for an import instead of failing, and what a
killed import leaves behind cleaned up."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldsurvey.core.photos.store import PhotoStore
from fieldsurvey.core.store.db import photo_folder, staging_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from tests.helpers.office import OfficeDemos


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("concurrency")
    paths = office_demos(("office", "s1"), synced=False)
    with Workspace.open(paths["s1"]) as s1:
        export_package(s1, folder / "s1.fspkg")
    paths["package"] = folder / "s1.fspkg"
    return paths


def fresh_office(built: dict[str, Path], folder: Path) -> Path:
    target = folder / "office.sqlite"
    shutil.copy(built["office"], target)
    shutil.copytree(photo_folder(built["office"]), photo_folder(target))
    return target


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fieldsurvey", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
    )


def assert_every_photo_whole(path: Path) -> int:
    """Every photo record's original is in the store and hashes to its name."""
    store = PhotoStore(photo_folder(path))
    conn = sqlite3.connect(path)
    shas = [row[0] for row in conn.execute("SELECT sha256 FROM photos WHERE deleted = 0")]
    conn.close()
    for sha in shas:
        original = store.find_original(sha)
        assert original is not None, f"photo {sha} lost"
        assert hashlib.sha256(original.read_bytes()).hexdigest() == sha
    return len(shas)


@pytest.mark.slow
def test_concurrent_double_imports_lose_no_photo(built: dict[str, Path], tmp_path: Path) -> None:
    second_name = tmp_path / "the same package under another name.fspkg"
    shutil.copy(built["package"], second_name)
    for round_ in range(20):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        office = fresh_office(built, folder)
        if round_ % 2:  # two command-line imports
            runs = [
                cli("import", "--db", str(office), str(built["package"])),
                cli("import", "--db", str(office), str(second_name)),
            ]
            for run in runs:
                _, err = run.communicate(timeout=300)
                assert run.returncode == 0, err
        else:  # the window (a thread with its own connection) and the command line
            errors: list[BaseException] = []

            def in_window(office: Path = office, errors: list[BaseException] = errors) -> None:
                try:
                    with Workspace.open(office) as ws:
                        import_package(ws, built["package"])
                except BaseException as exc:  # pragma: no cover - reported below
                    errors.append(exc)

            thread = threading.Thread(target=in_window)
            run = cli("import", "--db", str(office), str(second_name))
            thread.start()
            _, err = run.communicate(timeout=300)
            thread.join(timeout=300)
            assert run.returncode == 0, err
            assert not errors
        assert assert_every_photo_whole(office) == 40 + photos_of(built["office"])
        conn = sqlite3.connect(office)
        assert conn.execute("SELECT count(*) FROM packages WHERE direction = 'in'").fetchone() == (
            1,
        )
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert not staging_folder(office).exists()


def photos_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM photos").fetchone()[0])
    finally:
        conn.close()


def test_a_failed_import_never_removes_a_photo_someone_else_recorded(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """An import that fails takes back only the photo files it created, and not those a
    committed record points to."""
    from fieldsurvey.core.sync.importing import _unstore

    office = fresh_office(built, tmp_path)
    with Workspace.open(office) as ws:
        import_package(ws, built["package"])
        store = PhotoStore(photo_folder(office))
        sha = ws.db.execute("SELECT sha256 FROM photos LIMIT 1").fetchone()[0]
        recorded = store.find_original(sha)
        assert recorded is not None
        stray = recorded.with_name("f" * 64 + ".jpg")
        stray.write_bytes(b"not recorded")
        _unstore(ws, [recorded, stray])
        assert recorded.exists()
        assert not stray.exists()


def writer_holding_the_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the workspace's write lock, as an import applying a large
    package does; prints a line once it has it."""
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE workspace SET value = value WHERE key = 'role'\")\n"
        "print('locked', flush=True)\n"
        f"time.sleep({seconds})\n"
        "c.execute('COMMIT')\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


@pytest.fixture
def office_ws(built: dict[str, Path], tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(fresh_office(built, tmp_path), user="giám sát") as ws:
        yield ws


def test_an_edit_waits_for_another_write_and_says_so(office_ws: Workspace) -> None:
    ws = office_ws
    unit = ws.db.execute("SELECT id FROM units WHERE deleted = 0 LIMIT 1").fetchone()[0]
    waited: list[float] = []
    ws.on_wait = lambda: waited.append(time.monotonic())
    other = writer_holding_the_lock(ws.path, 2.5)
    assert other.stdout is not None and other.stdout.readline().strip() == "locked"
    started = time.monotonic()
    assert ws.update("units", unit, {"notes": "sửa trong lúc nhập gói"})
    other.communicate(timeout=30)
    assert len(waited) == 1 and waited[0] - started >= 0.9
    assert ws.get("units", unit)["notes"] == "sửa trong lúc nhập gói"


def test_no_edit_fails_while_a_real_import_runs(built: dict[str, Path], tmp_path: Path) -> None:
    """Edits of every kind (update, review, resolve-like confirm) made while the command line
    imports a package all land."""
    from fieldsurvey.core.office import review

    office = fresh_office(built, tmp_path)
    with Workspace.open(office, user="giám sát") as ws:
        units = [r[0] for r in ws.db.execute("SELECT id FROM units WHERE deleted = 0 LIMIT 40")]
        sites = [r[0] for r in ws.db.execute("SELECT id FROM sites WHERE deleted = 0 LIMIT 20")]
        run = cli("import", "--db", str(office), str(built["package"]))
        failures: list[BaseException] = []
        done = 0
        while run.poll() is None or done < 60:
            i = done
            try:
                ws.update("units", units[i % len(units)], {"notes": f"ghi chú {i}"})
                if i % 3 == 0:
                    review.review(ws, "sites", sites[i % len(sites)], "approved", comment=None)
                if i % 5 == 0:
                    ws.confirm("units", units[i % len(units)], ["name"])
            except BaseException as exc:
                failures.append(exc)
            done += 1
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert failures == []
        assert ws.db.execute("SELECT count(*) FROM packages").fetchone()[0] == 1


def test_a_killed_import_leaves_staging_that_the_next_open_removes(
    built: dict[str, Path], tmp_path: Path
) -> None:
    office = fresh_office(built, tmp_path)
    quarantined = office.with_name("office.quarantine")
    quarantined.mkdir()
    (quarantined / "held.fspkg").write_bytes(b"kept for the supervisor")
    run = cli("import", "--db", str(office), str(built["package"]))
    staging = staging_folder(office)
    deadline = time.monotonic() + 60
    while not any(staging.glob("*/package-*/entry-*")):
        assert time.monotonic() < deadline and run.poll() is None, "the import never staged"
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.communicate()
    assert staging.exists()
    with Workspace.open(office) as ws:
        assert not staging.exists()
        assert ws.db.execute("SELECT count(*) FROM packages").fetchone()[0] == 0
        report = import_package(ws, built["package"])
        assert report.new > 0
    assert (quarantined / "held.fspkg").exists()
    assert assert_every_photo_whole(office) == photos_of(office)
