"""photo-info, photos add and photos geotag, run as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldsurvey.core.photos import store as photos
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers import DATA

RunCli = Callable[..., subprocess.CompletedProcess[str]]

GPS_PHOTO = DATA / "photos" / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg"
HEIC_PHOTO = DATA / "photos" / "exif-samples" / "heic" / "IMG_5195.HEIC"
INFO_KEYS = {
    "file",
    "sha256",
    "lat",
    "lon",
    "altitude",
    "taken_at",
    "orientation",
    "heading",
    "make",
    "model",
    "width",
    "height",
    "error",
}


def test_photo_info_json_one_object_per_file_bad_files_included(
    run_cli: RunCli, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "ghi chú.jpg"
    text.write_text("không phải ảnh")
    missing = tmp_path / "missing.jpg"
    result = run_cli(
        "photo-info", str(GPS_PHOTO), str(empty), str(text), str(missing), str(HEIC_PHOTO), "--json"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["file"] for o in objects] == [
        str(GPS_PHOTO),
        str(empty),
        str(text),
        str(missing),
        str(HEIC_PHOTO),
    ]
    assert all(o.keys() >= INFO_KEYS for o in objects)
    good, zero, note, gone, heic = objects
    assert good["error"] is None
    assert good["lat"] == pytest.approx(43.4674483, abs=1e-5)
    assert good["lon"] == pytest.approx(11.8851167, abs=1e-5)
    assert good["make"] == "NIKON" and good["width"] == 640
    assert good["taken_at"].startswith("2008-10-22T16:28:39")
    for bad in (zero, note, gone):
        assert bad["error"] and bad["lat"] is None and bad["taken_at"] is None
    assert "0 byte" in zero["error"]
    assert heic["error"] is None and heic["make"] == "Apple" and heic["lat"] is not None


def test_photos_add_then_geotag(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace.open(db, create=True) as ws:
        site = ws.insert("sites", {"name": "Hồ Hoàn Kiếm", "category": "scenic_spot"})
        camera = ws.insert("cameras", {"site_id": site})
    # A phone photo without GPS, taken during the walk recorded in the GPX track.
    from PIL import Image

    no_gps = tmp_path / "IMG_0002.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2025:03:14 08:32:30"
    Image.new("RGB", (64, 48), "grey").save(no_gps, exif=exif)
    added = run_cli(
        "photos",
        "add",
        "--db",
        str(db),
        str(GPS_PHOTO),
        str(no_gps),
        "--to",
        "cameras",
        camera,
        "--json",
    )
    assert added.returncode == 0, added.stderr
    results = [json.loads(line) for line in added.stdout.splitlines()]
    assert [r["error"] for r in results] == [None, None]
    assert all(r["created"] for r in results)

    track = DATA / "gpx" / "hoan_kiem_walk.gpx"
    tagged = run_cli("photos", "geotag", "--db", str(db), "--gpx", str(track), "--json")
    assert tagged.returncode == 0, tagged.stderr
    outcomes = [json.loads(line) for line in tagged.stdout.splitlines()]
    assert len(outcomes) == 1  # the photo with GPS is left alone
    [outcome] = outcomes
    with Workspace.open(db) as ws:
        row = ws.get("photos", outcome["photo_id"])
        links = ws.db.execute(
            "SELECT count(*) FROM photo_links WHERE record_id = ?", [camera]
        ).fetchone()[0]
    assert links == 2
    if outcome["placed"]:
        assert row["location_source"] == "gpx_track"
        assert row["lat"] == pytest.approx(outcome["lat"]) and 21.0 < row["lat"] < 21.04
    else:
        pytest.fail(f"not placed: {outcome['reason']}")


def test_photos_add_reports_bad_files_and_fails_when_none_stored(
    run_cli: RunCli, tmp_path: Path
) -> None:
    db = tmp_path / "w.sqlite"
    Workspace.open(db, create=True).close()
    bad = tmp_path / "bad.jpg"
    bad.write_text("xin chào")
    result = run_cli("photos", "add", "--db", str(db), str(bad))
    assert result.returncode == 1
    assert "không phải" in result.stderr and "Traceback" not in result.stderr
    [said] = [line for line in result.stderr.splitlines() if line.startswith("LỖI")]
    assert said.startswith(f"LỖI {bad}: ") and f" / ERROR {bad}: " in said


@pytest.mark.skipif(photos.HEIC_DECODING, reason="the HEIC extra is installed")
def test_heic_without_the_extra_keeps_metadata_and_says_what_to_install(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "IMG_5195.HEIC"
    shutil.copy(HEIC_PHOTO, source)
    [result] = photos.ingest_photos(workspace, [source], workers=1)
    assert result.error is None and result.photo_id
    assert any("fieldsurvey[heic]" in w.text("en") for w in result.warnings)
    paths = photos.photo_paths(workspace, result.photo_id)
    assert paths["original"] is not None and paths["original"].suffix == ".heic"
    assert paths["thumbnail"] is None
    row = workspace.get("photos", result.photo_id)
    assert row["make"] == "Apple" and row["lat"] == pytest.approx(39.0513444, abs=1e-5)


@pytest.mark.skipif(not photos.HEIC_DECODING, reason="needs the HEIC extra")
def test_heic_with_the_extra_gets_a_thumbnail(workspace: Workspace, tmp_path: Path) -> None:
    [result] = photos.ingest_photos(workspace, [HEIC_PHOTO], workers=1)
    assert result.error is None and result.photo_id
    assert photos.photo_paths(workspace, result.photo_id)["thumbnail"] is not None
