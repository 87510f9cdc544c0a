"""The migration that takes private keys out of workspaces made before it: a real device's move
to its key file, a demo device's are dropped, and the bytes are gone from the SQLite file."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from fieldsurvey.core.store import db as db_module
from fieldsurvey.core.store.db import APPLICATION_ID, backup_folder, open_database
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import keys, keystore

M010 = "m010_private_keys_out_of_the_workspace"


def old_workspace(path: Path, identity: keys.DeviceIdentity) -> bytes:
    """A workspace as the version before made it: the private keys in device_keys, plain.
    Returns the 64 key bytes."""
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS.apply(db, stop_before=M010)
    secret = keys.secret_of(identity)
    with db.atomic():
        db.execute(
            "INSERT INTO device_keys (id, device_id, name, role, signing_private, "
            "encryption_private, created_at, demo_seed) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            [
                identity.device_id,
                identity.name,
                identity.role,
                secret[:32],
                secret[32:],
                "2026-01-01T00:00:00.000Z",
                identity.demo_seed,
            ],
        )
        for key, value in (
            ("device_id", identity.device_id),
            ("device_name", identity.name),
            ("role", identity.role),
        ):
            db.execute("INSERT INTO workspace (key, value) VALUES (?, ?)", [key, value])
        # Some rows after the keys, so their page is not the file's last.
        db.conn.executemany(
            "INSERT INTO units (id, name) VALUES (?, ?)",
            [(f"u{i:04d}", f"Đơn vị {i} " + "x" * 200) for i in range(200)],
        )
    db.close()
    return secret


def on_disk(path: Path) -> bytes:
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def secure_delete_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections as an SQLite built without SECURE_DELETE makes them (Debian's has it on by
    default; others do not): the migration must scrub the keys itself."""
    real_connect = db_module._connect

    def connect(path: Path) -> sqlite_utils.Database:
        db = real_connect(path)
        db.execute("PRAGMA secure_delete = OFF")
        return db

    monkeypatch.setattr(db_module, "_connect", connect)


def test_a_real_devices_keys_move_to_its_key_file_and_leave_no_trace(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, secure_delete_off: None
) -> None:
    path = tmp_path / "old.sqlite"
    before = keys.make_identity(device_id="3f0c2a9e-old-device", name="Máy 7", role="surveyor")
    secret = old_workspace(path, before)
    assert secret[:32] in on_disk(path) and secret[32:] in on_disk(path)  # the check can fail

    with caplog.at_level(logging.WARNING):
        db = open_database(path)
    data = on_disk(path)  # still open: the WAL was checkpointed into the file and emptied
    db.close()
    assert secret[:32] not in data and secret[32:] not in data
    data = on_disk(path)
    assert secret[:32] not in data and secret[32:] not in data
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    assert keystore.load_outside("file", before.device_id) == [secret]
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(device_keys)")]
    row = conn.execute("SELECT protection, signing_public FROM device_keys").fetchone()
    conn.close()
    assert "signing_private" not in columns and "encryption_private" not in columns
    assert row == ("file", before.public_keys()[0])
    with Workspace.open(path) as ws:
        assert keys.secret_of(ws.identity()) == secret
        assert ws.db.execute("SELECT count(*) FROM units").fetchone()[0] == 200
    # The verified backup made before migrating still holds the keys: the log names it.
    backups = list(backup_folder(path).glob(f"*.before-{M010}.sqlite"))
    assert len(backups) == 1 and secret[:32] in backups[0].read_bytes()
    logged = [r.getMessage() for r in caplog.records if "moved out of" in r.getMessage()]
    assert len(logged) == 1 and str(backups[0]) in logged[0]
    assert secret.hex() not in logged[0] and "AAAA" not in logged[0]


def test_a_demo_devices_keys_are_just_dropped(tmp_path: Path, secure_delete_off: None) -> None:
    path = tmp_path / "old-demo.sqlite"
    before = keys.make_identity(device_id="demo-device-7", name="demo", role="office", demo_seed=7)
    secret = old_workspace(path, before)
    open_database(path).close()
    data = on_disk(path)
    assert secret[:32] not in data and secret[32:] not in data
    assert not keystore.key_file(before.device_id).exists()
    with Workspace.open(path) as ws:
        assert keys.protection_of(ws.db) == "demo"
        assert keys.secret_of(ws.identity()) == secret


def test_a_workspace_without_keys_migrates_to_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before=M010)
    db.close()
    with Workspace.open(path) as ws:
        assert keys.load_public(ws.db) is None
        made = ws.identity()  # made on first use, kept the new way
        assert keys.protection_of(ws.db) == "file"
        assert keys.secret_of(made)[:32] not in on_disk(path)
