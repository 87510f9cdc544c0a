"""The city office's whole round, through the installed command as a supervisor would run it:
packages from two surveyors, the inbox, a review, a conflict resolved, a planted duplicate
merged, the results sent back, and every report produced and opened by its own reader."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from fieldsurvey.core.office.merging import merge_cameras
from fieldsurvey.core.store.workspace import Workspace

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
def test_the_office_round(run_cli: RunCli, tmp_path: Path) -> None:
    office, s1, s2 = (tmp_path / f"{n}.sqlite" for n in ("office", "s1", "s2"))
    ok(run_cli("demo", "--db", str(office), "--role", "office", "--quiet"))
    ok(run_cli("demo", "--db", str(s1), "--role", "surveyor", "--device", "s1", "--quiet"))
    ok(run_cli("demo", "--db", str(s2), "--role", "surveyor", "--device", "s2", "--quiet"))
    usb = tmp_path / "usb"
    usb.mkdir()
    peers = {
        p["name"]: p["device_id"]
        for p in json_lines(ok(run_cli("keys", "list", "--db", str(office), "--json")))
    }

    # Both surveyors work for the unit with the widest assigned area (what the office sends
    # each follows it), s1 also cleared for national-security sites.
    with Workspace.open(office) as ws:
        unit, communes = ws.db.execute(
            "SELECT unit_id, commune_codes FROM assignments "
            "ORDER BY json_array_length(commune_codes) DESC LIMIT 1"
        ).fetchone()
    ok(run_cli("keys", "assign", "--db", str(office), peers["s1"], "--unit", unit, "--clearance"))
    ok(run_cli("keys", "assign", "--db", str(office), peers["s2"], "--unit", unit))
    area = ", ".join(f"'{code}'" for code in json.loads(communes))

    def carry(source: Path, target: Path, name: str, *extra: str) -> None:
        package = usb / f"{name}.fspkg"
        ok(run_cli("export", "--db", str(source), "--out", str(package), *extra))
        ok(run_cli("import", "--db", str(target), str(package)))

    # The first round: each surveyor's survey reaches the office, and the office's view of
    # the whole reaches both surveyors.
    carry(s1, office, "s1-first")
    carry(s2, office, "s2-first")
    carry(office, s1, "to-s1-first", "--to", peers["s1"])
    carry(office, s2, "to-s2-first", "--to", peers["s2"])

    # Both surveyors change the same camera's condition: a conflict for the office.
    with Workspace.open(s1, user="Nguyễn Văn A") as ws:
        camera_id = ws.db.execute(
            "SELECT c.id FROM cameras c JOIN sites s ON s.id = c.site_id WHERE s.category != "
            f"'national_security' AND s.commune_code IN ({area}) ORDER BY c.id LIMIT 1"
        ).fetchone()[0]
        ws.update("cameras", camera_id, {"condition": "degraded", "notes": "Ống kính mờ"})
        site_id = ws.get("cameras", camera_id)["site_id"]
        new_camera = ws.insert(
            "cameras", {"site_id": site_id, "name": "Camera cổng phụ", "condition": "working"}
        )
    with Workspace.open(s2, user="Trần Thị B") as ws:
        ws.update("cameras", camera_id, {"condition": "not_working"})
    for name, path in (("s1", s1), ("s2", s2)):
        ok(run_cli("export", "--db", str(path), "--out", str(usb / f"{name}.fspkg")))
    imported = json_lines(
        ok(
            run_cli(
                "import",
                "--db",
                str(office),
                str(usb / "s1.fspkg"),
                str(usb / "s2.fspkg"),
                "--json",
            )
        )
    )
    assert len(imported) == 2

    inbox = json_lines(ok(run_cli("inbox", "--db", str(office), "--json")))
    assert len(inbox) == 4  # two first rounds, two with today's changes

    # Review the new camera; resolve the conflict with the value the office checked itself.
    ok(
        run_cli(
            "review",
            "--db",
            str(office),
            "--table",
            "cameras",
            "--id",
            new_camera,
            "--state",
            "approved",
            "--comment",
            "Đúng thực tế",
        )
    )
    conflicts = json_lines(ok(run_cli("conflicts", "--db", str(office), "--json")))
    on_condition = [c for c in conflicts if c["field"] == "condition"]
    assert len(on_condition) == 1 and on_condition[0]["record_id"] == camera_id
    ok(run_cli("resolve", "--db", str(office), str(on_condition[0]["id"]), "--take", "b"))
    assert json_lines(ok(run_cli("conflicts", "--db", str(office), "--json"))) == []

    # A planted duplicate in the surveyors' area (so the merge goes back to them), found by the
    # finder and merged keeping both cameras' photos.
    pairs = json_lines(ok(run_cli("duplicates", "--db", str(office), "--json")))
    with Workspace.open(office, user="office") as ws:
        planted = json.loads(ws.setting("demo_planted_duplicates") or "[]")
        found = {frozenset((p["a"]["id"], p["b"]["id"])) for p in pairs}
        in_area = {
            row[0]
            for row in ws.db.execute(
                "SELECT c.id FROM cameras c JOIN sites s ON s.id = c.site_id "
                f"WHERE s.commune_code IN ({area})"
            )
        }
        copy_id, original_id = next(p for p in planted if frozenset(p) in found and p[0] in in_area)
        photos_before = ws.db.execute(
            "SELECT count(*) FROM photo_links WHERE record_table = 'cameras' AND deleted = 0 "
            "AND record_id IN (?, ?)",
            [copy_id, original_id],
        ).fetchone()[0]
        merge_cameras(ws, original_id, copy_id, {})
        assert ws.get("cameras", copy_id, include_deleted=True)["deleted"] == 1
        photos_after = ws.db.execute(
            "SELECT count(DISTINCT photo_id) FROM photo_links WHERE record_table = 'cameras' "
            "AND deleted = 0 AND record_id = ?",
            [original_id],
        ).fetchone()[0]
        assert photos_after == photos_before
        resolved = ws.get("cameras", camera_id)["condition"]

    # Results go back: the surveyor sees the review, its comment and the settled value.
    carry(office, s1, "back", "--to", peers["s1"])
    with Workspace.open(s1) as ws:
        camera = ws.get("cameras", new_camera)
        assert camera["review_state"] == "approved"
        comment = ws.db.execute(
            "SELECT comment FROM reviews WHERE record_id = ? AND deleted = 0", [new_camera]
        ).fetchone()[0]
        assert comment == "Đúng thực tế"
        assert ws.get("cameras", camera_id)["condition"] == resolved
        assert ws.get("cameras", copy_id, include_deleted=True)["deleted"] == 1

    # Every report, opened by the tool named for it.
    reports = tmp_path / "reports"
    reports.mkdir()
    for fmt in ("xlsx", "pdf", "gpkg", "geojson", "csv"):
        ok(
            run_cli(
                "report",
                "--db",
                str(office),
                "--format",
                fmt,
                "--out",
                str(reports / f"ke-hoach.{fmt}"),
            )
        )
    with Workspace.open(office) as ws:
        cameras = ws.db.execute("SELECT count(*) FROM cameras WHERE deleted = 0").fetchone()[0]
        approved = ws.db.execute(
            "SELECT count(*) FROM cameras WHERE deleted = 0 AND review_state = 'approved'"
        ).fetchone()[0]
    # The official workbook holds the approved cameras; the data exports every camera.
    book = openpyxl.load_workbook(reports / "ke-hoach.xlsx", read_only=True)
    assert book["Camera hiện có"].max_row == approved + 2  # header, totals
    book.close()
    geojson = json.loads((reports / "ke-hoach.geojson").read_text(encoding="utf-8"))
    assert len(geojson["features"]) == cameras
    if shutil.which("ogrinfo"):
        listing = subprocess.run(
            ["ogrinfo", "-so", "-q", str(reports / "ke-hoach.gpkg")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "cameras" in listing and "view_cones" in listing
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "30",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(reports / "ke-hoach.pdf"),
                str(reports / "page"),
            ],
            check=True,
        )
        assert any(reports.glob("page*.png"))
