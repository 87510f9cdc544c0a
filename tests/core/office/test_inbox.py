"""The office's inbox: every imported package with its sender, times and what it brought, the
same counts the import reported, and for one package exactly the records it carried."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.messages import Message
from fieldsurvey.core.office.inbox import held_back, inbox, package_records
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from tests.helpers.history import log_with_digests
from tests.helpers.office import OfficeDemos, open_copies, see_the_whole_city, send


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1", "s2"), synced=False)


def _counts(report: Any) -> dict[str, Any]:
    return {
        "package_id": report.package_id,
        "sender": report.sender,
        "changes": report.applied,
        "photos": report.photos,
        "new": report.new,
        "updated": report.updated,
        "deleted": report.deleted,
        "conflicts": report.conflicts,
    }


def _site(ws: Workspace, n: int = 0) -> str:
    row = ws.db.execute("SELECT id FROM sites WHERE deleted = 0 LIMIT 1 OFFSET ?", [n]).fetchone()
    return str(row[0])


def test_the_inbox_counts_what_each_import_reported(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    see_the_whole_city(office, s2.device_id)
    assert inbox(office) == []
    shared = s1.insert(
        "sites", {"name": "Chợ Hôm", "category": "market", "lat": 21.0155, "lon": 105.8516}
    )
    first = send(s1, office, usb)
    send(office, s2, usb)
    office.update("sites", _site(office, 5), {"notes": "Văn phòng ghi chú."})  # a local edit
    s1.update("sites", shared, {"address": "Phố Huế"})
    s2.update("sites", shared, {"address": "Trần Xuân Soạn"})
    s2.delete("sites", _site(office, 3))  # a site the office has had from the start
    second = send(s1, office, usb)
    third = send(s2, office, usb)
    assert third.conflicts == 1 and third.deleted == 1
    listed = inbox(office)
    assert [{k: p[k] for k in _counts(first)} for p in listed] == [
        _counts(r) for r in (third, second, first)
    ]
    assert [p["sender_name"] for p in listed] == ["s2", "s1", "s1"]
    assert listed[0]["open_conflicts"] == 1 and listed[0]["file_name"].endswith(".fspkg")
    assert listed[0]["imported_at"] >= listed[1]["imported_at"] >= listed[2]["imported_at"]
    assert listed[1]["records_by_table"] == {"sites": 1}


def test_one_package_lists_exactly_the_records_it_brought(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    send(s1, office, usb)
    send(office, s1, usb)
    site = s1.insert("sites", {"name": "Bến xe Yên Nghĩa", "category": "bus_station"})
    camera = s1.insert("cameras", {"site_id": site, "camera_type": "ptz"})
    s1.update("cameras", camera, {"condition": "working"})
    edited, gone = _site(s1, 7), _site(s1, 8)
    s1.update("sites", edited, {"notes": "Đã đo lại vị trí.", "address": "Km 3"})
    s1.delete("sites", gone)
    office.insert("sites", {"name": "Văn phòng thêm", "category": "other"})  # not in a package
    report = send(s1, office, usb)
    records = package_records(office, str(report.package_id))
    got = {(r["table"], r["record_id"]): r for r in records}
    assert set(got) == {
        ("sites", site),
        ("cameras", camera),
        ("sites", edited),
        ("sites", gone),
    }
    assert got[("sites", site)]["outcome"] == "new"
    assert got[("sites", site)]["title"] == "Bến xe Yên Nghĩa"
    assert got[("cameras", camera)]["outcome"] == "new"
    assert got[("cameras", camera)]["changes"] == 2
    assert got[("sites", edited)]["outcome"] == "updated"
    assert got[("sites", edited)]["fields"] == ["address", "notes"]
    assert got[("sites", gone)]["outcome"] == "deleted" and got[("sites", gone)]["deleted"]
    [summary] = [p for p in inbox(office) if p["package_id"] == report.package_id]
    assert (summary["new"], summary["updated"], summary["deleted"]) == (2, 1, 1)
    assert (report.new, report.updated, report.deleted) == (2, 1, 1)
    with pytest.raises(ValidationError):
        package_records(office, "not-a-package")


def test_refused_dry_run_and_repeated_packages_leave_no_trace(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    package = usb / "s1.fspkg"
    export_package(s1, package, recipient_id=office.device_id)
    import_package(office, package, dry_run=True)
    assert inbox(office) == []
    damaged = usb / "damaged.fspkg"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(FieldSurveyError):
        import_package(office, damaged)
    assert inbox(office) == []
    report = import_package(office, package)
    assert import_package(office, package).already_imported
    [only] = inbox(office)
    assert only["package_id"] == report.package_id and only["new"] == report.new


def test_held_back_packages_are_listed(workspaces: dict[str, Workspace], usb: Path) -> None:
    office = workspaces["office"]
    assert held_back(office) == []
    folder = office.path.with_name(office.path.stem + ".quarantine")
    folder.mkdir()
    shutil.copy(Path(__file__), folder / "late.fspkg")
    [item] = held_back(office)
    assert item["file_name"] == "late.fspkg" and item["bytes"] > 0
    assert item["reason"] is None  # put there by hand: no reason was written


def test_a_held_back_reason_is_read_in_each_language(workspaces: dict[str, Workspace]) -> None:
    office = workspaces["office"]
    folder = office.path.with_name(office.path.stem + ".quarantine")
    folder.mkdir()
    for name in ("new.fspkg", "older.fspkg", "damaged.fspkg"):
        shutil.copy(Path(__file__), folder / name)
    gap = Message(
        "sync",
        "Thiếu các thay đổi {first}–{last} của thiết bị {device}: hãy nhập các gói trước đó.",
        {"first": 4, "last": 6, "device": "3f2a9c01"},
    )
    (folder / "new.fspkg.reason.json").write_text(
        json.dumps(gap.as_plain(), ensure_ascii=False), encoding="utf-8"
    )
    older = "Đồng hồ của gói ở tương lai quá xa. / The package's clock is too far ahead."
    (folder / "older.fspkg.reason.txt").write_text(older, encoding="utf-8")
    (folder / "damaged.fspkg.reason.json").write_text('{"context": 3}', encoding="utf-8")
    reasons = {item["file_name"]: item["reason"] for item in held_back(office)}
    assert set(reasons) == {"new.fspkg", "older.fspkg", "damaged.fspkg"}
    assert reasons["new.fspkg"] == gap  # each language from the translation files
    assert reasons["new.fspkg"].text("vi").startswith("Thiếu các thay đổi 4–6 của thiết bị")
    assert reasons["new.fspkg"].text("en") == gap.text("en") != gap.text("vi")
    assert reasons["older.fspkg"] == older  # written by an earlier version: shown as written
    assert reasons["damaged.fspkg"] == '{"context": 3}'


def test_inbox_command(built: dict[str, Path], tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    workspaces = open_copies(built, tmp_path)
    report = send(workspaces["s1"], workspaces["office"], usb)
    office_path = workspaces["office"].path
    for ws in workspaces.values():
        ws.close()
    listed = run_cli("inbox", "--db", str(office_path), "--json")
    assert listed.returncode == 0, listed.stderr
    [package] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert package["package_id"] == report.package_id and package["new"] == report.new
    records = run_cli(
        "inbox", "--db", str(office_path), "--json", "--package", package["package_id"]
    )
    assert records.returncode == 0, records.stderr
    assert sum(json.loads(line)["outcome"] == "new" for line in records.stdout.splitlines()) == (
        report.new
    )


def test_packages_imported_before_changes_kept_their_package_are_assigned_on_upgrade(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    s1.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    send(s1, office, usb)
    office.update("sites", _site(office, 5), {"notes": "Văn phòng ghi chú."})  # a local edit
    s2.update("sites", _site(s2, 2), {"address": "Phố Huế"})
    send(s2, office, usb)
    expected = inbox(office)
    expected_records = [package_records(office, p["package_id"]) for p in expected]
    log = log_with_digests(office)
    path = office.path
    office.close()
    # The workspace as an earlier FieldSurvey left it: the history in one table (before m020),
    # every log entry with its digest (before m023), no package kept with the changes (before
    # m006).
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE old_log (device_id, seq, digest, hash)")
        conn.executemany("INSERT INTO old_log VALUES (?, ?, ?, ?)", log)
        for statement in (
            "CREATE TABLE old_changes AS SELECT id, device_id, seq, clock, at, user, "
            "table_name, record_id, op, fields FROM changes ORDER BY rowid",
            "DROP VIEW changes",
            "DROP VIEW log_entries",
            "DROP TABLE change_rows",
            "DROP TABLE log_rows",
            "DROP TABLE devices",
            "ALTER TABLE old_changes RENAME TO changes",
            "ALTER TABLE old_log RENAME TO log_entries",
            "DELETE FROM _sqlite_migrations "
            "WHERE name IN ('m006_package_changes', 'm020_compact_history', "
            "'m023_digests_of_held_changes')",
        ):
            conn.execute(statement)
    with Workspace.open(path) as upgraded:
        assert inbox(upgraded) == expected
        assert [package_records(upgraded, p["package_id"]) for p in expected] == expected_records
        assert log_with_digests(upgraded) == log
