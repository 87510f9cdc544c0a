"""The office's street basemap travels to its surveyors in the office's packages: installed
after the records are committed, checked as strictly as a basemap installed by hand, and a
package whose basemap fails (or that a surveyor sent with one) refused whole before anything
is written."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.map import basemaps, streets
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync import export
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package, verify
from fieldsurvey.core.sync.package import Refusal
from fieldsurvey.core.sync.package_format import SyncError
from tests.helpers import DATA
from tests.helpers.basemap import (
    Computers,
    installed_files,
    newer_basemap,
    set_metadata,
)
from tests.helpers.office import OfficeDemos, copy_workspaces, everything


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1"))


@pytest.fixture
def computers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Computers:
    return Computers(tmp_path, monkeypatch)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def office_sends(
    office: Workspace,
    to: Workspace,
    package: Path,
    basemap: Path | None,
    check: Callable[[Path], Any] = basemaps.check,
) -> dict[str, Any]:
    return export_package(
        office, package, recipient_id=to.device_id, basemap=basemap, check_basemap=check
    )


def surveyor_imports(ws: Workspace, package: Path, **options: Any) -> Any:
    return import_package(
        ws, package, check_basemap=basemaps.check, install_basemap=basemaps.install, **options
    )


def test_the_offices_newer_basemap_is_installed_at_the_surveyors(
    workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    installed = basemaps.install(newer_basemap(tmp_path, whole=True))  # the real 24 MB file
    offered = basemaps.offered(office.role)
    assert offered is not None and offered.path == installed.path
    package = usb / "office-to-s1.fspkg"
    manifest = office_sends(office, s1, package, offered.path)
    assert manifest["basemap"] == {
        "name": "Hà Nội OSM 2026-10",
        "date": "2026-10",
        "size": installed.size,
    }
    assert manifest["entries"]["basemap.mbtiles"]["sha256"] == sha(installed.path)

    computers.at("s1")
    assert basemaps.active() == streets.bundled_path()
    preview = surveyor_imports(s1, package, dry_run=True)
    assert preview.basemap is not None and preview.basemap.date == "2026-10"
    assert not preview.basemap_installed and installed_files() == []  # a preview installs nothing
    report = surveyor_imports(s1, package)
    assert report.basemap_installed and report.basemap_error is None
    assert report.basemap.path.parent == basemaps.folder()
    assert basemaps.active() == report.basemap.path
    assert sha(report.basemap.path) == sha(installed.path)
    assert s1.db.execute(
        "SELECT 1 FROM packages WHERE package_id = ?", [manifest["package_id"]]
    ).fetchone()
    again = surveyor_imports(s1, package)
    assert again.already_imported and not again.basemap_installed


def test_a_package_without_a_basemap_installs_none(
    workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    basemaps.install(newer_basemap(tmp_path))
    package = usb / "office-to-s1.fspkg"
    assert "basemap" not in office_sends(office, s1, package, None)
    computers.at("s1")
    report = surveyor_imports(s1, package)
    assert report.basemap is None and installed_files() == []


def fake_check(path: Path) -> Any:
    """What a faulty office's check would say of any file: a fine basemap."""

    @dataclass(frozen=True)
    class Said:
        path: Path
        name: str = "Hà Nội OSM 2026-10"
        date: str = "2026-10"
        size: int = 0

    return Said(path, size=path.stat().st_size)


def not_mbtiles(folder: Path) -> Path:
    path = folder / "not.mbtiles"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    return path


def elsewhere(folder: Path) -> Path:
    path = newer_basemap(folder)
    set_metadata(path, "bounds", "108.1,15.9,108.3,16.2")  # Đà Nẵng
    return path


def raster_of_the_world(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "tiles" / "geography-class-png.mbtiles", folder))


@pytest.mark.parametrize("make", [not_mbtiles, elsewhere, raster_of_the_world])
def test_a_signed_office_package_with_a_bad_basemap_is_refused_whole(
    workspaces: dict[str, Workspace],
    computers: Computers,
    tmp_path: Path,
    usb: Path,
    make: Callable[[Path], Path],
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    with office.transaction():  # a change for the surveyor, which must not arrive
        office.insert("units", {"name": "Tổ khảo sát mới", "kind": "police"})
    package = usb / "office-to-s1.fspkg"
    manifest = office_sends(office, s1, package, make(tmp_path), check=fake_check)
    assert manifest["changes"] > 0 and "basemap" in manifest

    home = computers.at("s1")
    before = everything(s1)
    for attempt in (
        lambda: verify(s1, package, check_basemap=basemaps.check),
        lambda: surveyor_imports(s1, package, dry_run=True),
        lambda: surveyor_imports(s1, package),
    ):
        with pytest.raises(SyncError) as refused:
            attempt()
        assert refused.value.reason == Refusal.BAD_BASEMAP
        assert "Bản đồ nền gửi kèm gói không dùng được" in refused.value.text("vi")
    assert everything(s1) == before
    assert installed_files() == [] and not (home / "data" / "basemaps").exists()
    assert basemaps.active() == streets.bundled_path()


def test_a_surveyors_package_carrying_a_basemap_is_refused_at_the_office(
    workspaces: dict[str, Workspace],
    computers: Computers,
    tmp_path: Path,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("s1")
    basemap = basemaps.install(newer_basemap(tmp_path))
    with pytest.raises(SyncError) as not_sent:  # the export itself says no
        export_package(s1, usb / "no.fspkg", basemap=basemap.path, check_basemap=basemaps.check)
    assert not_sent.value.reason == Refusal.NOT_PERMITTED and not (usb / "no.fspkg").exists()

    # A surveyor's app changed to send one anyway: the office refuses the whole package.
    monkeypatch.setattr(export, "_offered_basemap", lambda me, path, check: basemap)
    package = usb / "s1-to-office.fspkg"
    assert "basemap" in export_package(s1, package)
    computers.at("office")
    before = everything(office)
    with pytest.raises(SyncError) as refused:
        surveyor_imports(office, package)
    assert refused.value.reason == Refusal.NOT_PERMITTED
    assert "chỉ văn phòng mới được gửi bản đồ nền" in refused.value.text("vi")
    assert everything(office) == before and installed_files() == []


def test_the_bundled_basemap_is_never_offered(
    workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path
) -> None:
    computers.at("office")
    assert basemaps.offered("office") is None  # every computer has the bundled one
    basemaps.install(newer_basemap(tmp_path))
    assert basemaps.offered("surveyor") is None
    offered = basemaps.offered("office")
    assert offered is not None and offered.date == "2026-10"


def test_the_basemap_goes_from_the_command_line_unless_left_out(
    built: dict[str, Path],
    computers: Computers,
    tmp_path: Path,
    usb: Path,
    run_cli: Callable[..., Any],
) -> None:
    paths = copy_workspaces(built, tmp_path)
    with Workspace.open(paths["s1"]) as s1:
        s1_device = s1.device_id
    office, s1_path = str(paths["office"]), str(paths["s1"])

    computers.at("office")
    plain = usb / "plain.fspkg"
    result = run_cli("export", "--db", office, "--to", s1_device, "--out", str(plain))
    assert result.returncode == 0, result.stderr
    assert "bản đồ nền" not in result.stdout  # only the bundled one here: nothing to send
    refused = run_cli("export", "--db", office, "--to", s1_device, "--out", "x", "--basemap")
    assert refused.returncode != 0 and "Không có bản đồ nền để gửi kèm" in refused.stderr
    assert run_cli("basemap", "install", str(newer_basemap(tmp_path))).returncode == 0
    dry = run_cli("export", "--db", office, "--to", s1_device, "--dry-run")
    assert "Gửi kèm bản đồ nền Hà Nội OSM 2026-10 (2026-10, " in dry.stdout
    left_out = usb / "left-out.fspkg"
    result = run_cli(
        "export", "--db", office, "--to", s1_device, "--out", str(left_out), "--no-basemap"
    )
    assert result.returncode == 0 and "bản đồ nền" not in result.stdout
    carried = usb / "carried.fspkg"
    result = run_cli("export", "--db", office, "--to", s1_device, "--out", str(carried))
    assert result.returncode == 0, result.stderr
    assert "Gửi kèm bản đồ nền Hà Nội OSM 2026-10 (2026-10, " in result.stdout

    home = computers.at("s1")
    imported = run_cli("import", "--db", s1_path, str(plain), str(left_out), "--json")
    assert imported.returncode == 0, imported.stderr
    lines = [json.loads(line) for line in imported.stdout.splitlines()]
    assert [line["basemap"] for line in lines] == [None, None]
    assert not (home / "data" / "basemaps").exists()
    dry = run_cli("import", "--db", s1_path, str(carried), "--dry-run")
    assert "(thử) Sẽ cài bản đồ nền Hà Nội OSM 2026-10 (2026-10)" in dry.stdout
    assert not (home / "data" / "basemaps").exists()
    said = run_cli("import", "--db", s1_path, str(carried))
    assert said.returncode == 0, said.stderr
    assert "Đã cài bản đồ nền Hà Nội OSM 2026-10 (2026-10); bản đồ dùng nó từ lần mở sau" in (
        said.stdout
    )
    listed = run_cli("basemap", "list", "--json")
    active = json.loads(listed.stdout.splitlines()[0])
    assert active["active"] and active["date"] == "2026-10" and not active["bundled"]

    computers.at("office")  # the next package leaves it out: this surveyor has it
    later = usb / "later.fspkg"
    result = run_cli("export", "--db", office, "--to", s1_device, "--out", str(later))
    assert result.returncode == 0, result.stderr
    assert "đã gửi cho nơi nhận này trước đây nên không gửi lại" in result.stdout
    with Workspace.open(paths["office"]) as ws:
        assert export.sent_basemap(ws, s1_device) == sha(basemaps.active())
    again = usb / "again.fspkg"  # unless asked for
    result = run_cli("export", "--db", office, "--to", s1_device, "--out", str(again), "--basemap")
    assert result.returncode == 0 and "Gửi kèm bản đồ nền Hà Nội OSM 2026-10" in result.stdout
    computers.at("s1")
    said = run_cli("import", "--db", s1_path, str(again))
    assert said.returncode == 0, said.stderr
    assert "Bản đồ nền Hà Nội OSM 2026-10 (2026-10) gửi kèm gói đã được cài" in said.stdout
    assert len(list((home / "data" / "basemaps").iterdir())) == 1


def test_a_basemap_that_cannot_be_installed_after_the_commit_is_said_not_raised(
    workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    with office.transaction():
        unit = office.insert("units", {"name": "Tổ khảo sát mới", "kind": "police"})
    package = usb / "office-to-s1.fspkg"
    office_sends(office, s1, package, basemaps.install(newer_basemap(tmp_path)).path)
    computers.at("s1")
    committed: list[bool] = []

    def disk_full(path: Path) -> Any:
        with closing(sqlite3.connect(s1.path)) as other:  # sees only what is committed
            committed.append(other.execute("SELECT 1 FROM units WHERE id = ?", [unit]).fetchone())
        raise OSError(28, "No space left on device")

    report = import_package(s1, package, check_basemap=basemaps.check, install_basemap=disk_full)
    assert committed == [(1,)]  # installed only once the records were in
    assert not report.basemap_installed and report.basemap_error is not None
    assert "không cài được bản đồ nền" in report.basemap_error.text("vi")
    assert installed_files() == [] and report.new > 0


def test_a_basemap_the_manifest_misdescribes_is_refused(
    workspaces: dict[str, Workspace], computers: Computers, tmp_path: Path, usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    computers.at("office")
    package = usb / "office-to-s1.fspkg"

    def wrong_size(path: Path) -> Any:
        return fake_check(path).__class__(path, size=path.stat().st_size - 1)

    office_sends(office, s1, package, newer_basemap(tmp_path), check=wrong_size)
    computers.at("s1")
    before = everything(s1)
    with pytest.raises(SyncError) as refused:
        surveyor_imports(s1, package)
    assert refused.value.reason == Refusal.BAD_MANIFEST
    assert "không khớp với bản đồ nền" in refused.value.text("vi")
    assert everything(s1) == before and installed_files() == []
