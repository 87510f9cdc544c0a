"""Sync between the demo office and two surveyors: packages travel, converge whatever the order,
keep conflicts, and every refused package leaves the workspace exactly as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.clock import COUNTER_BITS
from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.inbox import held_back
from fieldsurvey.core.photos.store import PhotoStore, ingest_photos
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS, READ_CHANGE, Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package, verify
from fieldsurvey.core.trust import keys
from tests.helpers import DATA
from tests.helpers.office import see_the_whole_city
from tests.helpers.search_index import search_entries

SURVEY_TABLES = (
    "units",
    "sites",
    "cameras",
    "shortcomings",
    "needs",
    "assignments",
    "photos",
    "photo_links",
    "reviews",
    "conflicts",
)


def content(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """The survey content of a workspace, order-independent."""
    return {
        t: sorted(ws.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in SURVEY_TABLES
    }


def everything(path: Path) -> list[Any]:
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%'"
        )
    ]
    out = [(t, sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables]
    conn.close()
    photos = path.with_name(path.stem + ".photos")
    files = sorted(str(p.relative_to(photos)) for p in photos.rglob("*") if p.is_file())
    out.append(("photo files", files))
    return out


@pytest.fixture(scope="module")
def demo_trio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("trio")
    paths = {
        "office": folder / "office.sqlite",
        "s1": folder / "s1.sqlite",
        "s2": folder / "s2.sqlite",
    }
    build_demo(paths["office"], role="office")
    build_demo(paths["s1"], role="surveyor", device="s1")
    build_demo(paths["s2"], role="surveyor", device="s2")
    return paths


@pytest.fixture
def trio(demo_trio: dict[str, Path], tmp_path: Path) -> dict[str, Workspace]:
    """Private copies of the office and two surveyors, with their photo folders."""
    opened = {}
    for name, source in demo_trio.items():
        target = tmp_path / source.name
        shutil.copy(source, target)
        photos = source.with_name(source.stem + ".photos")
        if photos.exists():
            shutil.copytree(photos, target.with_name(target.stem + ".photos"))
        opened[name] = Workspace.open(target, user=name)
    for name in ("s1", "s2"):
        see_the_whole_city(opened["office"], opened[name].device_id)
    opened["office"].close()  # written through to the file: tests copy it
    opened["office"] = Workspace.open(opened["office"].path, user="office")
    yield opened
    for ws in opened.values():
        ws.close()


def send(sender: Workspace, receiver: Workspace, folder: Path, **options: Any) -> Path:
    target = (
        folder / f"{sender.path.stem}-to-{receiver.path.stem}-{len(list(folder.iterdir()))}.fspkg"
    )
    export_package(sender, target, recipient_id=receiver.device_id, **options)
    return target


def test_surveyors_packages_reach_the_office_whole(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    out = tmp_path / "usb"
    out.mkdir()
    package = send(s1, office, out)
    assert "Hồ Hoàn Kiếm".encode() not in package.read_bytes()  # a lost stick leaks nothing
    report = import_package(office, package)
    assert report.applied > 1000 and report.photos == 40 and report.conflicts == 0
    for table in ("sites", "cameras", "photos"):
        s1_ids = {r[0] for r in s1.db.execute(f"SELECT id FROM {table}")}
        office_ids = {r[0] for r in office.db.execute(f"SELECT id FROM {table}")}
        assert s1_ids <= office_ids
    # s1's rows arrive exactly as s1 has them
    row = s1.db.execute("SELECT * FROM cameras ORDER BY rowid LIMIT 1").fetchone()
    assert office.db.execute("SELECT * FROM cameras WHERE id = ?", [row[0]]).fetchone() == row
    # photo originals arrive as they were; their thumbnails are made after the import
    store = office.path.with_name(office.path.stem + ".photos")
    originals = {p.stem for p in (store / "originals").rglob("*.jpg")}
    assert {r[0] for r in s1.db.execute("SELECT sha256 FROM photos")} <= originals
    assert all(
        p.stem == hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (store / "originals").rglob("*.jpg")
    )
    from fieldsurvey.core.photos.store import make_missing_copies

    made, problems = make_missing_copies(office, workers=1)
    assert made >= 40 and problems == []
    assert len(list((store / "thumbnails").rglob("*.jpg"))) >= 40
    # the office's own search finds s1's sites
    from fieldsurvey.core.store.search import search

    name = s1.db.execute("SELECT name FROM sites WHERE name LIKE 'Chợ %' LIMIT 1").fetchone()[0]
    assert any(hit["name"] == name for hit in search(office.db, name))


def test_import_twice_changes_nothing(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1 = trio["office"], trio["s1"]
    package = send(s1, office, tmp_path)
    import_package(office, package)
    before = everything(office.path)
    again = import_package(office, package)
    assert again.already_imported and again.applied == 0
    assert everything(office.path) == before


def test_order_of_arrival_does_not_matter(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    p1, p2 = send(s1, office, tmp_path), send(s2, office, tmp_path)
    other = tmp_path / "office-copy.sqlite"
    shutil.copy(office.path, other)
    import_package(office, p1)
    import_package(office, p2)
    with Workspace.open(other) as copy:
        import_package(copy, p2)
        import_package(copy, p1)
        assert content(copy) == content(office)


def _shared_site(trio: dict[str, Workspace], folder: Path) -> str:
    """A site made by s1 that the office and s2 both have (s1 → office → s2)."""
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    site = s1.insert(
        "sites",
        {"name": "Ga Cát Linh", "category": "train_station", "lat": 21.0285, "lon": 105.8275},
    )
    import_package(office, send(s1, office, folder))
    import_package(s2, send(office, s2, folder))
    assert s2.get("sites", site)["name"] == "Ga Cát Linh"
    return site


def test_concurrent_edits_keep_both_values_and_converge(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    site = _shared_site(trio, tmp_path)
    s1.update("sites", site, {"address": "Số 1 Cát Linh"})
    s2.update("sites", site, {"address": "Ngõ 2 Cát Linh"})
    p1, p2 = send(s1, office, tmp_path), send(s2, office, tmp_path)
    other = tmp_path / "office-copy.sqlite"
    office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(office.path, other)
    import_package(office, p1)
    report = import_package(office, p2)
    assert report.conflicts == 1
    conflict = office.db.execute(
        "SELECT field, winner_value, loser_value, status FROM conflicts WHERE record_id = ?", [site]
    ).fetchone()
    assert conflict[0] == "address" and conflict[3] == "open"
    values = {json.loads(conflict[1]), json.loads(conflict[2])}
    assert values == {"Số 1 Cát Linh", "Ngõ 2 Cát Linh"}
    assert office.get("sites", site)["address"] == json.loads(conflict[1])  # the winner shows
    with Workspace.open(other) as copy:
        import_package(copy, p2)
        import_package(copy, p1)
        assert content(copy) == content(office)


def test_a_delete_racing_an_edit_keeps_the_record(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    site = _shared_site(trio, tmp_path)
    s1.delete("sites", site)
    s2.update("sites", site, {"notes": "Đã kiểm tra lại, vẫn còn camera."})
    import_package(office, send(s1, office, tmp_path))
    import_package(office, send(s2, office, tmp_path))
    record = office.get("sites", site)
    assert record["deleted"] == 0 and record["notes"].startswith("Đã kiểm tra")
    fields = [
        r[0] for r in office.db.execute("SELECT field FROM conflicts WHERE record_id = ?", [site])
    ]
    assert "deleted" in fields


def test_the_office_sends_back_and_surveyors_agree(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    import_package(office, send(s1, office, tmp_path))
    import_package(office, send(s2, office, tmp_path))
    import_package(s1, send(office, s1, tmp_path))
    import_package(s2, send(office, s2, tmp_path))
    import_package(office, send(s1, office, tmp_path))  # s1's acknowledgement: nothing new
    shared = [content(ws) for ws in (s1, s2, office)]
    assignments = [ws.pop("assignments") for ws in shared]
    assert shared[0] == shared[1] == shared[2]
    # each surveyor holds the assignments of its own unit only
    for ws, held in zip((s1, s2), assignments[:2], strict=True):
        unit = office.db.execute(
            "SELECT unit_id FROM peers WHERE device_id = ?", [ws.device_id]
        ).fetchone()[0]
        assert held and {row[2] for row in held} == {unit}
        assert set(held) < set(assignments[2])


def test_export_sends_only_what_the_peer_lacks(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1 = trio["office"], trio["s1"]
    import_package(office, send(s1, office, tmp_path))
    import_package(s1, send(office, s1, tmp_path))  # carries the office's acknowledgement
    s1.insert("sites", {"name": "Bến xe Yên Nghĩa", "category": "bus_station"})
    manifest = export_package(s1, tmp_path / "small.fspkg")
    assert manifest["changes"] == 1 and manifest["recipient"] == office.device_id
    full = export_package(s1, tmp_path / "full.fspkg", full=True)
    assert full["changes"] > 1000


# -- refusals: each leaves the workspace exactly as it was ----------------------------------------


def _refused(ws: Workspace, package: Path, reason: str, folder: Path) -> FieldSurveyError:
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = everything(ws.path)
    with pytest.raises(FieldSurveyError) as caught:
        import_package(ws, package)
    assert getattr(caught.value, "reason", None) == reason, caught.value
    assert everything(ws.path) == before
    staging = ws.path.with_name(ws.path.stem + ".staging")
    assert not staging.exists() or not any(staging.iterdir())
    return caught.value


def test_package_from_an_unknown_device_is_refused(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office = trio["office"]
    # A demo surveyor the demo office never enrolled: it knows the office, not the reverse.
    build_demo(tmp_path / "stranger.sqlite", role="surveyor", device="stranger")
    stranger = Workspace.open(tmp_path / "stranger.sqlite")
    stranger.insert("sites", {"name": "Điểm lạ", "category": "other"})
    package = tmp_path / "stranger.fspkg"
    export_package(stranger, package)
    stranger.close()
    _refused(office, package, "unknown-sender", tmp_path)


def test_package_from_a_revoked_device_is_refused(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    package = send(s1, office, tmp_path)
    with office.transaction():
        keys.revoke(office.db, s1.device_id, at="2025-03-20")
    _refused(office, package, "unknown-sender", tmp_path)


def test_package_for_another_device_is_refused(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    package = send(office, s1, tmp_path)
    with pytest.raises(FieldSurveyError):
        import_package(s2, package)


def test_tampered_and_truncated_packages_are_refused(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    package = send(s1, office, tmp_path)
    data = package.read_bytes()
    flipped = tmp_path / "flipped.fspkg"
    flipped.write_bytes(data[:5000] + bytes([data[5000] ^ 1]) + data[5001:])
    cut = tmp_path / "cut.fspkg"
    cut.write_bytes(data[: len(data) // 2])
    for bad in (flipped, cut):
        office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = everything(office.path)
        with pytest.raises(FieldSurveyError):
            import_package(office, bad)
        assert everything(office.path) == before


def test_a_package_from_the_future_is_quarantined(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    far = 4_102_444_800_000 << COUNTER_BITS  # 2100
    s1.clock.observe(far)
    s1.insert("sites", {"name": "Trạm tương lai", "category": "other"})
    package = send(s1, office, tmp_path)
    error = _refused(office, package, "quarantined", tmp_path)
    assert "tương lai" in str(error)
    kept = office.path.with_name(office.path.stem + ".quarantine") / package.name
    assert kept.exists()
    [held] = held_back(office)  # the supervisor sees why
    assert held["path"] == str(kept) and "tương lai" in held["reason"].text("vi")
    assert "future" in held["reason"].text("en") and "tương lai" not in held["reason"].text("en")


def test_a_gap_in_a_devices_changes_is_quarantined(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    import_package(office, send(s1, office, tmp_path))
    import_package(s1, send(office, s1, tmp_path))
    s1.insert("sites", {"name": "Trạm A", "category": "other"})
    missing = send(s1, office, tmp_path)
    with s1.db.atomic():  # pretend the first package never arrived: it is lost on the way
        s1.db.execute(
            "DELETE FROM packages WHERE direction = 'out' AND file_name = ?", [missing.name]
        )
    s1.insert("sites", {"name": "Trạm B", "category": "other"})
    later = tmp_path / "later.fspkg"
    # s1 thinks the office has everything up to Trạm A (the ack came with an earlier package)
    with s1.db.atomic():
        s1.db.execute(
            "UPDATE sync_acks SET seq = seq + 1 WHERE peer_device = ? AND origin_device = ?",
            [office.device_id, s1.device_id],
        )
    export_package(s1, later)
    _refused(office, later, "quarantined", tmp_path)
    import_package(office, missing)
    report = import_package(
        office, office.path.with_name(office.path.stem + ".quarantine") / later.name
    )
    assert report.applied == 1


def test_verify_checks_without_writing(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1 = trio["office"], trio["s1"]
    package = send(s1, office, tmp_path)
    office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = everything(office.path)
    manifest = verify(office, package)
    assert manifest["sender"] == s1.device_id
    assert everything(office.path) == before


def test_records_that_break_the_schema_are_refused() -> None:
    from fieldsurvey.core.sync.incoming import _validated

    good = {
        "id": "c1",
        "device_id": "d",
        "seq": 1,
        "clock": 1 << 20,
        "at": "2025-03-03T01:00:00.000Z",
        "user": None,
        "table_name": "sites",
        "record_id": "r",
        "op": "insert",
        "fields": {"name": [None, "X", None], "category": [None, "bank", None]},
    }
    assert _validated(good, 1, {"00004"}) == good
    for bad in (
        {**good, "table_name": "secrets"},
        {**good, "fields": {"colour": [None, "red", None]}},
        {**good, "fields": {"category": [None, "spaceport", None]}},
        {**good, "extra": 1},
        {**good, "seq": True},
        {**good, "fields": {"name": "X"}},
    ):
        with pytest.raises(FieldSurveyError):
            _validated(bad, 1, {"00004"})


def test_demo_office_and_surveyor_exchange_from_the_command_line(
    run_cli: Any, tmp_path: Path
) -> None:
    office, surveyor, package = (tmp_path / "A.sqlite", tmp_path / "B.sqlite", tmp_path / "P.fspkg")
    assert run_cli("demo", "--role", "office", "--db", str(office), "-q").returncode == 0
    assert run_cli("demo", "--role", "surveyor", "--db", str(surveyor), "-q").returncode == 0
    exported = run_cli("export", "--db", str(surveyor), "--out", str(package))
    assert exported.returncode == 0, exported.stderr
    assert run_cli("verify", str(package), "--db", str(office)).returncode == 0
    dry = run_cli("import", "--db", str(office), str(package), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    preview = json.loads(dry.stdout)
    assert preview["dry_run"] and preview["new"] > 1000 and preview["conflicts"] == 0
    real = run_cli("import", "--db", str(office), str(package), "--json")
    result = json.loads(real.stdout)
    assert (result["new"], result["updated"]) == (preview["new"], preview["updated"])
    again = json.loads(run_cli("import", "--db", str(office), str(package), "--json").stdout)
    assert again["already_imported"] is True
    wrong = run_cli("import", "--db", str(surveyor), str(package), "--json")
    assert wrong.returncode == 1 and json.loads(wrong.stdout)["reason"] == "wrong-recipient"
    assert "Traceback" not in wrong.stderr


KILLER = """
import sys
from pathlib import Path
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.core.store.workspace import Workspace
ws = Workspace.open(sys.argv[1])
print("started", flush=True)
import_package(ws, Path(sys.argv[2]))
print("done", flush=True)
"""


# Five moments in the quick set; 25 more, spread at random over an import, in the slow set.
KILL_MOMENTS = [0.05, 0.3, 0.8, 1.5, 3.0]
KILL_MOMENTS_SLOW = [round(random.Random(f"kill-{i}").uniform(0.0, 3.5), 3) for i in range(25)]


@pytest.mark.parametrize(
    "delay", [*KILL_MOMENTS, *(pytest.param(d, marks=pytest.mark.slow) for d in KILL_MOMENTS_SLOW)]
)
def test_an_import_killed_at_any_moment_leaves_all_or_nothing(
    demo_trio: dict[str, Path], tmp_path: Path, delay: float
) -> None:
    import signal
    import subprocess
    import sys
    import time

    s1 = Workspace.open(demo_trio["s1"])
    office_path = tmp_path / "office.sqlite"
    shutil.copy(demo_trio["office"], office_path)
    shutil.copytree(photo_folder(demo_trio["office"]), photo_folder(office_path))
    package = tmp_path / "s1.fspkg"
    with Workspace.open(office_path) as office:
        export_package(s1, package, recipient_id=office.device_id)
    s1.close()
    lines = [json.loads(line) for line in _changes_in(package, office_path)]
    # s1's own changes (the office's reference data it holds is already at the office)
    ids = [c["id"] for c in lines if c["device_id"] == s1.device_id]
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(office_path), str(package)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    conn = sqlite3.connect(office_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    present = conn.execute(
        f"SELECT count(*) FROM changes WHERE id IN ({', '.join('?' * len(ids))})", ids
    ).fetchone()[0]
    ledger = conn.execute("SELECT count(*) FROM packages WHERE direction = 'in'").fetchone()[0]
    conn.close()
    assert (present, ledger) in {(0, 0), (len(ids), 1)}
    with Workspace.open(office_path) as office:  # importing again completes it
        import_package(office, package)
        assert office.db.execute(
            f"SELECT count(*) FROM changes WHERE id IN ({', '.join('?' * len(ids))})", ids
        ).fetchone()[0] == len(ids)
        store = PhotoStore(photo_folder(office_path))
        for (sha,) in office.db.execute("SELECT sha256 FROM photos"):
            original = store.find_original(sha)
            assert original is not None
            assert hashlib.sha256(original.read_bytes()).hexdigest() == sha


def _changes_in(package: Path, office_path: Path) -> list[str]:
    """The change lines of a package, read with the office's key (nothing is written)."""
    from fieldsurvey.core.sync.package import open_package
    from fieldsurvey.core.sync.package_format import _signer

    with Workspace.open(office_path) as office:
        me = keys.load_identity(office.db)
        assert me is not None
        opened = open_package(
            package,
            staging=tmp_staging(office_path),
            recipient_key=me.encryption_private,
            recipient_fingerprint=me.public().fingerprint,
            trusted_signer=_signer(office),
        )
        lines = opened.entry_paths["changes.jsonl"].read_text(encoding="utf-8").splitlines()
        shutil.rmtree(opened.folder, ignore_errors=True)
    return lines


def tmp_staging(path: Path) -> Path:
    return path.with_name("probe-staging")


def test_a_change_reusing_a_known_sequence_number_fails_the_import(
    trio: dict[str, Workspace],
) -> None:
    from fieldsurvey.core.sync.merge import apply_changes
    from fieldsurvey.core.sync.package_format import SyncError

    office, s1 = trio["office"], trio["s1"]
    row = s1.db.execute(
        f"SELECT {READ_CHANGE} FROM changes WHERE device_id = ? ORDER BY seq LIMIT 1",
        [s1.device_id],
    ).fetchone()
    change = dict(zip(CHANGE_COLUMNS, row, strict=True))
    change["fields"] = json.loads(change["fields"])
    with office.transaction():
        assert apply_changes(office, [change])["applied"] == 1
        assert apply_changes(office, [change])["skipped"] == 1  # the same change: nothing
    forged = {**change, "id": "another-id-same-seq"}
    with pytest.raises(SyncError, match="sequence"), office.transaction():
        apply_changes(office, [forged])


@pytest.fixture(scope="module")
def sealed(demo_trio: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real package from s1 to the office, for the mutation corpus below."""
    folder = tmp_path_factory.mktemp("sealed")
    with Workspace.open(demo_trio["s1"]) as s1, Workspace.open(demo_trio["office"]) as office:
        s1_copy = folder / "s1.sqlite"
        s1.db.execute("VACUUM INTO ?", [str(s1_copy)])
        target = folder / "s1.fspkg"
        with Workspace.open(s1_copy) as sender:
            export_package(sender, target, recipient_id=office.device_id)
    return target


@pytest.fixture(scope="module")
def office_copy(demo_trio: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("office")
    path = folder / "office.sqlite"
    shutil.copy(demo_trio["office"], path)
    ws = Workspace.open(path)
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield ws, everything(path)
    ws.close()


@pytest.mark.parametrize("where", [i / 40 for i in range(40)])
@pytest.mark.parametrize("how", ["truncate", "flip"])
def test_damaged_packages_are_refused_and_write_nothing(
    sealed: Path, office_copy: Any, tmp_path: Path, where: float, how: str
) -> None:
    office, before = office_copy
    data = sealed.read_bytes()
    at = int(len(data) * where)
    bad = tmp_path / "bad.fspkg"
    if how == "truncate":
        bad.write_bytes(data[:at])
    else:
        bad.write_bytes(data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1 :])
    with pytest.raises(FieldSurveyError) as caught:
        import_package(office, bad)
    assert getattr(caught.value, "reason", "") in {
        "not-a-package",
        "truncated",
        "tampered",
        "wrong-recipient",
        "newer-format",
        "bad-archive",
        "bad-signature",
        "hash-mismatch",
        "too-large",
    }, caught.value
    assert everything(office.path) == before


def test_a_signed_package_with_a_record_outside_the_schema_is_refused(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    from fieldsurvey.core.sync.package import write_package

    office, s1 = trio["office"], trio["s1"]
    me = keys.load_identity(s1.db)
    peer = keys.trusted_peer(s1.db, office.device_id)
    assert me is not None and peer is not None
    change = {
        "id": "x1",
        "device_id": s1.device_id,
        "seq": 1,
        "clock": 1 << 40,
        "at": "2025-03-03T01:00:00Z",
        "user": "s1",
        "table_name": "sites",
        "record_id": "r1",
        "op": "insert",
        "fields": {
            "name": [None, "X", None],
            "category": [None, "bank", None],
            "secret_column": [None, "DROP TABLE", None],
        },
    }
    package = tmp_path / "evil.fspkg"
    write_package(
        package,
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": "evil-1",
            "sender": s1.device_id,
            "recipient": office.device_id,
            "created_clock": 1 << 40,
            "seq_ranges": {},
            "changes": 1,
            "photos": 0,
        },
        entries=[
            ("changes.jsonl", (json.dumps(change) + "\n").encode()),
            ("acks.json", b"{}"),
            ("heads.json", b"[]"),
            ("authors.json", b"[]"),
        ],
        sender_key=me.signing_private,
        recipient_key=peer.encryption_key(),
        recipient_fingerprint=peer.fingerprint,
    )
    error = _refused(office, package, "bad-record", tmp_path)
    assert "secret_column" in str(error)


def test_an_edit_the_deleter_never_saw_wins_over_the_delete_even_with_an_older_clock(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    site = _shared_site(trio, tmp_path)
    s2.update("sites", site, {"notes": "Sửa trước, nhưng s1 chưa thấy."})
    s1.clock.observe(s2.clock.last + (10_000 << COUNTER_BITS))  # s1's clock runs ahead
    s1.delete("sites", site)
    import_package(office, send(s2, office, tmp_path))
    import_package(office, send(s1, office, tmp_path))
    record = office.get("sites", site)
    assert record["deleted"] == 0
    assert "deleted" in [
        r[0] for r in office.db.execute("SELECT field FROM conflicts WHERE record_id = ?", [site])
    ]


def test_a_delete_after_seeing_the_edit_wins(trio: dict[str, Workspace], tmp_path: Path) -> None:
    office, s1, s2 = trio["office"], trio["s1"], trio["s2"]
    site = _shared_site(trio, tmp_path)
    s2.update("sites", site, {"notes": "Sửa rồi gửi về."})
    import_package(office, send(s2, office, tmp_path))
    import_package(s1, send(office, s1, tmp_path))  # s1 sees the edit, then deletes
    s1.delete("sites", site)
    import_package(office, send(s1, office, tmp_path))
    assert office.get("sites", site, include_deleted=True)["deleted"] == 1
    assert (
        office.db.execute("SELECT count(*) FROM conflicts WHERE record_id = ?", [site]).fetchone()[
            0
        ]
        == 0
    )


def test_a_failed_import_takes_back_the_photos_it_stored(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    office, s1 = trio["office"], trio["s1"]
    camera = s1.db.execute("SELECT id FROM cameras WHERE deleted = 0 LIMIT 1").fetchone()[0]
    photo = DATA / "photos" / "exif-samples" / "jpg" / "gps"
    [result] = ingest_photos(s1, [photo / "DSCN0012.jpg"], link=("cameras", camera), workers=1)
    assert result.photo_id is not None
    package = send(s1, office, tmp_path)
    # The office's database refuses the photo record (as a full disk or a bug would, midway).
    with office.db.atomic():
        office.db.execute(
            "CREATE TRIGGER refuse_photos BEFORE INSERT ON photos "
            "BEGIN SELECT RAISE(ABORT, 'no photos today'); END"
        )
    _refused(office, package, "bad-record", tmp_path)
    originals = office.path.with_name(office.path.stem + ".photos") / "originals"
    assert not any(originals.rglob(f"{result.sha256}*"))


def test_the_packages_exchanged_newest_first_with_the_peers_name(tmp_path: Path) -> None:
    from fieldsurvey.core.sync.history import exchanged_packages

    office = Workspace.create(tmp_path / "office.sqlite", role="office", name="Công an TP")
    surveyor = Workspace.create(tmp_path / "s1.sqlite", role="surveyor", name="Máy 1")
    at = "2026-03-01T08:00:00.000Z"
    with office.transaction():
        keys.enrol(office.db, surveyor.public_identity(), at=at)
    with surveyor.transaction():
        keys.enrol(surveyor.db, office.public_identity(), at=at)
    assert exchanged_packages(office.db) == []
    sent = []
    for n in (1, 2):
        surveyor.insert("sites", {"name": f"Chợ số {n}", "category": "market"})
        path = tmp_path / f"goi-{n}.fspkg"
        export_package(surveyor, path, recipient_id=office.device_id)
        sent.append(import_package(office, path))

    received = exchanged_packages(office.db)
    assert [p["package_id"] for p in received] == [r.package_id for r in reversed(sent)]
    assert {p["direction"] for p in received} == {"in"}
    assert {p["peer_device"] for p in received} == {surveyor.device_id}
    assert {p["peer_name"] for p in received} == {"Máy 1"}
    assert all(p["changes"] >= 1 and p["photos"] == 0 and p["at"] for p in received)
    assert [p["file_name"] for p in received] == ["goi-2.fspkg", "goi-1.fspkg"]
    gone = exchanged_packages(surveyor.db)
    assert [(p["direction"], p["peer_name"]) for p in gone] == [("out", "Công an TP")] * 2
    assert [p["package_id"] for p in gone] == [p["package_id"] for p in received]
    office.close()
    surveyor.close()


def _applied_state(ws: Workspace) -> dict[str, Any]:
    """What an import writes, apart from when it ran: the records, the history with the
    package each change came in, the logs and the search index."""
    state: dict[str, Any] = dict(content(ws))
    for table in ("changes", "log_entries", "log_heads"):
        state[table] = sorted(ws.db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    state["search_index"] = search_entries(ws.db)
    return state


@pytest.mark.parametrize("batch", [1, 3])
def test_changes_applied_in_batches_write_what_one_batch_writes(
    trio: dict[str, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    from fieldsurvey.core.sync import spool

    office, s1 = trio["office"], trio["s1"]
    first = send(s1, office, tmp_path)
    # new records edited after their insert, in a package that also brings the first one's
    # changes again (s1 has no acknowledgement yet): those are skipped
    site = s1.insert("sites", {"name": "Ga Cát Linh", "category": "train_station"})
    s1.update("sites", site, {"address": "Số 1 Cát Linh"})
    camera = s1.insert("cameras", {"site_id": site, "name": "Cổng ga"})
    s1.update("cameras", camera, {"name": "Cổng ga phía Bắc"})
    gone = s1.insert("cameras", {"site_id": site, "name": "Sân ga"})
    s1.delete("cameras", gone)
    second = send(s1, office, tmp_path)
    office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other = tmp_path / "office-batched.sqlite"
    shutil.copy(office.path, other)
    whole = [import_package(office, package) for package in (first, second)]
    monkeypatch.setattr(spool, "BATCH", batch)
    with Workspace.open(other) as copy:
        batched = [import_package(copy, package) for package in (first, second)]
        assert _applied_state(copy) == _applied_state(office)
    counts = [(r.applied, r.skipped, r.new, r.updated, r.deleted, r.conflicts) for r in whole]
    assert [(r.applied, r.skipped, r.new, r.updated, r.deleted, r.conflicts) for r in batched] == (
        counts
    )
    assert whole[1].applied == 6 and whole[1].skipped == whole[0].applied
    assert office.get("cameras", camera)["name"] == "Cổng ga phía Bắc"
    assert office.get("cameras", gone, include_deleted=True)["deleted"] == 1


def test_the_checked_changes_wait_outside_the_workspace_and_are_gone_after(
    trio: dict[str, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldsurvey.core.sync import spool

    monkeypatch.setattr(spool, "BATCH", 7)  # written to the temporary tables as they come
    office, s1 = trio["office"], trio["s1"]
    package = send(s1, office, tmp_path)

    def left_over() -> list[Any]:
        assert not office.db.conn.in_transaction
        return office.db.execute("SELECT name FROM temp.sqlite_master").fetchall()

    verify(office, package)
    assert left_over() == []
    damaged = tmp_path / "damaged.fspkg"
    data = package.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(FieldSurveyError):
        import_package(office, damaged)
    assert left_over() == []
    import_package(office, package, dry_run=True)
    assert left_over() == []
    assert import_package(office, package).applied > 1000
    assert left_over() == []
    # refused once its whole log was checked and waiting: nothing of it stays anywhere
    s1.clock.observe(4_102_444_800_000 << COUNTER_BITS)  # 2100
    s1.insert("sites", {"name": "Trạm tương lai", "category": "other"})
    office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = everything(office.path)
    with pytest.raises(FieldSurveyError):
        import_package(office, send(s1, office, tmp_path))
    assert left_over() == []
    assert everything(office.path) == before


def test_the_same_change_twice_is_added_once(trio: dict[str, Workspace]) -> None:
    from fieldsurvey.core.sync.merge import apply_changes

    office, s1 = trio["office"], trio["s1"]
    rows = s1.db.execute(
        f"SELECT {READ_CHANGE} FROM changes WHERE device_id = ? ORDER BY seq LIMIT 2",
        [s1.device_id],
    ).fetchall()
    first, second = (
        {**dict(zip(CHANGE_COLUMNS, row, strict=True)), "fields": json.loads(row[-1])}
        for row in rows
    )
    with office.transaction():
        counts = apply_changes(office, [first, second, first])
    assert (counts["applied"], counts["skipped"]) == (2, 1)
    held = office.db.execute(
        "SELECT count(*) FROM changes WHERE id IN (?, ?)", [first["id"], second["id"]]
    ).fetchone()[0]
    assert held == 2


def test_an_import_refreshes_the_statistics(trio: dict[str, Workspace], tmp_path: Path) -> None:
    """The planner sees the tables as they are after an import, not as they were when the
    office was last analysed (issue of stale plans: a full scan per chunk of cameras)."""
    office, s1 = trio["office"], trio["s1"]
    office.db.execute("ANALYZE")

    def counted() -> int:
        stat = office.db.execute(
            "SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_cameras_1'"
        ).fetchone()[0]
        return int(stat.split()[0])

    before = counted()
    out = tmp_path / "usb"
    out.mkdir()
    import_package(office, send(s1, office, out))
    cameras = office.db.execute("SELECT count(*) FROM cameras").fetchone()[0]
    # ANALYZE with analysis_limit estimates a table's size from a sample: near, not exact.
    assert before < cameras * 0.6 and abs(counted() - cameras) < cameras * 0.1


def test_package_names_are_plain_and_never_taken(tmp_path: Path) -> None:
    from fieldsurvey.core.sync.export import package_name

    day = dt.date(2026, 12, 5)
    assert package_name("Tổ khảo sát 1", "Văn phòng Công an", day, tmp_path) == (
        "tokhaosat1-vanphongcongan-2026-12-05-01.fspkg"
    )
    (tmp_path / "s1-vanphong-2026-12-05-01.fspkg").touch()
    (tmp_path / "s1-vanphong-2026-12-05-02.fspkg").touch()
    assert package_name("s1", "Văn phòng", day, tmp_path) == "s1-vanphong-2026-12-05-03.fspkg"
    assert package_name("../..", "\\\\", day, tmp_path) == "thietbi-thietbi-2026-12-05-01.fspkg"


def test_an_imported_owner_list_travels_with_its_cameras(
    trio: dict[str, Workspace], tmp_path: Path
) -> None:
    from fieldsurvey.core.office.inventory import import_inventory

    office, s1 = trio["office"], trio["s1"]
    path = tmp_path / "owner.csv"
    path.write_text("ref,lat,lon\nOWN-1,21.0285,105.8542\nOWN-2,21.0290,105.8550\n", "utf-8")
    report = import_inventory(office, path)
    assert report.import_id is not None and len(report.camera_ids) == 2
    import_package(s1, send(office, s1, tmp_path))
    source = s1.get("inventory_imports", report.import_id)
    assert (source["file_name"], source["row_count"], source["new_count"]) == ("owner.csv", 2, 2)
    assert {s1.get("cameras", i)["import_id"] for i in report.camera_ids} == {report.import_id}
    # a surveyor may not record an import of its own
    with pytest.raises(FieldSurveyError):
        s1.insert("inventory_imports", {"file_name": "mine.csv"})
