"""Private material on disk: a workspace, its WAL, photos, backups, staged packages and logs are
the owner's alone; and demo keys, which anyone can derive, never mix with real ones."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store.db import backup_folder, make_verified_backup, photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package, verify
from fieldsurvey.core.sync.package_format import SyncError
from fieldsurvey.core.trust import keys

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_workspace_and_everything_beside_it_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # a usual desktop umask: files readable by everyone
    try:
        path = tmp_path / "khảo sát.sqlite"
        with Workspace.open(path, create=True, user="tester") as ws:
            ws.insert("sites", {"name": "Chợ Ba Đình", "category": "market"})
            for suffix in ("", "-wal", "-shm"):
                assert mode(Path(f"{path}{suffix}")) == 0o600, suffix
            assert mode(photo_folder(path)) == 0o700
            make_verified_backup(ws.db, path, "test")
            assert mode(backup_folder(path)) == 0o700
    finally:
        os.umask(old_umask)


def test_an_existing_workspace_readable_by_others_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, create=True).close()
    path.chmod(0o644)
    photo_folder(path).chmod(0o755)
    with Workspace.open(path):
        assert mode(path) == 0o600
        assert mode(photo_folder(path)) == 0o700


def test_the_log_file_is_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "fieldsurvey", "stats", "--db", str(tmp_path / "none.sqlite")],
        capture_output=True,
        text=True,
        env=os.environ | {"FIELDSURVEY_HOME": str(home), "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode != 0
    log = home / "logs" / "fieldsurvey.log"
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700


# -- demo keys ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demo-keys")
    paths = {"office": folder / "office.sqlite", "s1": folder / "s1.sqlite"}
    build_demo(paths["office"], role="office")
    build_demo(paths["s1"], role="surveyor", device="s1")
    return paths


def test_demo_identities_are_marked_and_checked(demo_pair: dict[str, Path]) -> None:
    with Workspace.open(demo_pair["s1"]) as s1:
        me = keys.load_identity(s1.db)
        assert me is not None and me.demo_seed == 42
        profile = keys.read_profile(keys.profile_bytes(me.public()))
        assert profile.demo_seed == 42
        # A real key pair that says it is a demo one is refused.
        real = keys.make_identity(device_id=me.device_id, name="s1", role="surveyor")
        signing, encryption = real.public_keys()
        with pytest.raises(keys.ProfileError, match="demo"):
            keys.PublicIdentity(me.device_id, "s1", "surveyor", signing, encryption, 42)


def test_a_real_office_refuses_to_enrol_a_demo_device_and_the_demo_a_real_one(
    demo_pair: dict[str, Path], tmp_path: Path
) -> None:
    real = Workspace.create(tmp_path / "real.sqlite", role="office", name="Công an TP")
    with real, Workspace.open(demo_pair["s1"]) as s1, Workspace.open(demo_pair["office"]) as demo:
        demo_device = keys.load_identity(s1.db)
        real_office = keys.load_identity(real.db)
        assert demo_device is not None and real_office is not None
        with pytest.raises(keys.DemoMismatchError, match="khóa mẫu"):
            keys.enrol(real.db, demo_device.public(), at="2026-12-05T08:00:00Z")
        with pytest.raises(keys.DemoMismatchError, match="tệp dữ liệu mẫu"):
            keys.enrol(demo.db, real_office.public(), at="2026-12-05T08:00:00Z")
        assert keys.peer_status(real.db, demo_device.device_id) == "unknown"


def test_a_demo_office_refuses_a_package_from_a_real_device_enrolled_before_the_marking(
    demo_pair: dict[str, Path], tmp_path: Path
) -> None:
    """A real surveyor that found its way into a demo office's peers (written before demo keys
    were marked) is still refused when its package arrives, with the reason, writing nothing."""
    office_path = tmp_path / "office.sqlite"
    with Workspace.open(demo_pair["office"]) as source:
        source.db.execute("VACUUM INTO ?", [str(office_path)])
    real = Workspace.create(tmp_path / "real-s1.sqlite", role="surveyor", name="máy khảo sát")
    with real, Workspace.open(office_path) as office:
        office_id = keys.load_identity(office.db)
        surveyor = keys.load_identity(real.db)
        assert office_id is not None and surveyor is not None
        for db, peer in ((real.db, office_id.public()), (office.db, surveyor.public())):
            p = peer
            db.execute(
                "INSERT INTO peers (device_id, name, role, signing_public, encryption_public, "
                "fingerprint, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, '2025-01-01')",
                [p.device_id, p.name, p.role, p.signing_public, p.encryption_public, p.fingerprint],
            )
        real.insert("sites", {"name": "Địa điểm thật", "category": "market"})
        package = tmp_path / "real.fspkg"
        export_package(real, package, recipient_id=office.device_id)
        before = office.db.execute("SELECT count(*) FROM changes").fetchone()[0]
        for attempt in (verify, import_package):
            with pytest.raises(SyncError, match="tệp dữ liệu mẫu") as caught:
                attempt(office, package)
            assert caught.value.reason == "demo-mismatch"
        assert office.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
