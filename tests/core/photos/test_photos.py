"""The photo store: whole files only, stored once, derived copies upright, hostile files refused."""

from __future__ import annotations

import hashlib
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from fieldsurvey.core.photos.store import (
    INCOMING_PER_TASK,
    Failure,
    PhotoStore,
    check_incoming_photos,
    clean_copy,
    ingest_photos,
    metadata_segments,
    photo_folder,
    photo_paths,
    run_in_workers,
)
from fieldsurvey.core.store.workspace import Workspace


def make_jpeg(
    path: Path,
    *,
    size: tuple[int, int] = (640, 480),
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    comment: bytes | None = None,
    seed: int = 0,
) -> Path:
    """A real JPEG written by Pillow, with the EXIF a phone would write."""
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    img.putpixel((seed % size[0], 0), (255, 0, 0))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x0110] = "Model 1"
    if orientation:
        exif[0x0112] = orientation
    if gps:
        lat, lon = gps
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"
        gps_ifd[2] = _dms(lat)
        gps_ifd[3] = "E"
        gps_ifd[4] = _dms(lon)
    extra = {"comment": comment} if comment else {}
    img.save(path, "JPEG", exif=exif, quality=90, **extra)
    return path


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def camera(workspace: Workspace) -> str:
    site = workspace.insert("sites", {"name": "Chợ Đồng Xuân", "category": "market"})
    return workspace.insert("cameras", {"site_id": site})


def test_ingest_stores_original_unchanged_with_upright_copies_and_history(
    workspace: Workspace, camera: str, tmp_path: Path
) -> None:
    source = make_jpeg(
        tmp_path / "IMG_0001.jpg", size=(800, 600), orientation=6, gps=(21.0382, 105.8497)
    )
    [result] = ingest_photos(workspace, [source], link=("cameras", camera), workers=1)
    assert result.error is None and result.created and result.photo_id
    paths = photo_paths(workspace, result.photo_id)
    original = paths["original"]
    assert original is not None and original.name == sha(source) + ".jpg"
    assert original.read_bytes() == source.read_bytes()
    assert original.parent.parent.parent == photo_folder(workspace.path)
    with Image.open(paths["thumbnail"]) as thumb:  # type: ignore[arg-type]
        assert max(thumb.size) <= 320
        assert thumb.height > thumb.width  # orientation 6: the 800×600 photo stands upright
        assert not thumb.getexif()
    with Image.open(paths["display"]) as display:  # type: ignore[arg-type]
        assert display.size == (600, 800)
    row = workspace.get("photos", result.photo_id)
    assert row["lat"] == pytest.approx(21.0382, abs=1e-5)
    assert row["lon"] == pytest.approx(105.8497, abs=1e-5)
    assert row["location_source"] == "photo_exif"
    assert (row["make"], row["model"], row["orientation"]) == ("TestCam", "Model 1", 6)
    assert (row["width"], row["height"], row["byte_size"]) == (800, 600, source.stat().st_size)
    ops = workspace.db.execute(
        "SELECT table_name, op FROM changes ORDER BY seq DESC LIMIT 2"
    ).fetchall()
    assert sorted(ops) == [("photo_links", "insert"), ("photos", "insert")]
    link = workspace.db.execute(
        "SELECT photo_id, record_table, record_id FROM photo_links"
    ).fetchone()
    assert link == (result.photo_id, "cameras", camera)
    assert not (photo_folder(workspace.path) / "staging").exists()


def test_the_same_photo_twice_is_stored_once(
    workspace: Workspace, camera: str, tmp_path: Path
) -> None:
    source = make_jpeg(tmp_path / "a.jpg")
    copy = tmp_path / "b.jpg"
    copy.write_bytes(source.read_bytes())
    first, second, third = ingest_photos(
        workspace, [source, copy, source], link=("cameras", camera), workers=2
    )
    assert first.photo_id == second.photo_id == third.photo_id
    assert [first.created, second.created, third.created].count(True) == 1
    count = lambda table: workspace.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert count("photos") == 1 and count("photo_links") == 1
    assert len(list((photo_folder(workspace.path) / "originals").rglob("*.jpg"))) == 1


def _bomb(path: Path) -> Path:
    """A small real JPEG whose header claims 50,000 × 50,000 pixels."""
    data = bytearray(make_jpeg(path, size=(64, 48)).read_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = (50_000).to_bytes(2, "big") + (50_000).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    return path


def _written(data: bytes) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return write


def _cut(path: Path) -> Path:
    return _written(make_jpeg(path, size=(1200, 900)).read_bytes()[:3000])(path)


@pytest.mark.parametrize(
    ("name", "maker", "message"),
    [
        ("empty.jpg", _written(b""), "rỗng"),
        ("note.jpg", _written("Biên bản khảo sát".encode()), "không phải"),
        ("noise.jpg", _written(bytes(range(256)) * 40), "không phải"),
        ("cut.jpg", _cut, "hỏng"),
        ("bomb.jpg", _bomb, "MP"),
    ],
)
def test_bad_files_get_a_clear_error_and_nothing_is_stored(
    workspace: Workspace, tmp_path: Path, name: str, maker: Callable[[Path], Path], message: str
) -> None:
    source = maker(tmp_path / name)
    before = workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    [result] = ingest_photos(workspace, [source], workers=1)
    assert result.photo_id is None
    assert result.error and message in result.error.text("vi"), result.error
    assert workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert files_under(photo_folder(workspace.path)) == []


def test_a_batch_with_bad_files_keeps_the_good_ones(workspace: Workspace, tmp_path: Path) -> None:
    good = [make_jpeg(tmp_path / f"ok{i}.jpg", seed=i) for i in range(4)]
    bad = tmp_path / "bad.jpg"
    bad.write_text("not a photo")
    results = ingest_photos(workspace, [good[0], bad, *good[1:]], workers=2)
    assert [r.error is None for r in results] == [True, False, True, True, True]
    assert workspace.db.execute("SELECT count(*) FROM photos").fetchone()[0] == 4


def sleepy(seconds: float) -> float:
    """A task that hangs, standing in for a decoder stuck on a hostile file."""
    time.sleep(seconds)
    return seconds


def test_a_file_that_hangs_is_stopped_at_the_time_limit() -> None:
    start = time.monotonic()
    results = run_in_workers(
        sleepy, [(0.0,), (600.0,), (0.0,)], names=["a", "hang", "c"], workers=2, time_limit_s=2
    )
    elapsed = time.monotonic() - start
    assert results[0] == 0.0 and results[2] == 0.0
    assert isinstance(results[1], Failure) and "quá 2 giây" in results[1].message.text("vi")
    assert elapsed < 60  # the hung worker was killed, not waited for


def test_a_packages_photos_are_read_a_few_per_task_each_with_its_own_verdict(
    tmp_path: Path,
) -> None:
    files = {}
    for n in range(INCOMING_PER_TASK + 3):
        path = make_jpeg(tmp_path / f"p{n}.jpg", seed=n)
        files[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    bad = sorted(files)[INCOMING_PER_TASK // 2]  # inside the first task
    files[bad].write_bytes(b"not a photo")
    results = check_incoming_photos(files)
    assert set(results) == set(files)
    assert isinstance(results[bad], Failure)
    assert all(results[sha] == "JPEG" for sha in files if sha != bad)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_packages_photo_that_hangs_is_the_one_named(tmp_path: Path) -> None:
    files = {}
    for n in range(4):
        path = make_jpeg(tmp_path / f"p{n}.jpg", seed=n)
        files[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    stuck = sorted(files)[1]
    hanging = tmp_path / "stuck.jpg"
    os.mkfifo(hanging)  # opening it for reading waits for a writer that never comes
    files[stuck] = hanging
    results = check_incoming_photos(files, time_limit_s=2)
    assert isinstance(results[stuck], Failure)
    assert stuck[:12] in results[stuck].message.text("vi")
    assert all(results[sha] == "JPEG" for sha in files if sha != stuck)


def test_cancelled_batch_leaves_only_whole_photos(workspace: Workspace, tmp_path: Path) -> None:
    sources = [make_jpeg(tmp_path / f"p{i}.jpg", size=(1600, 1200), seed=i) for i in range(12)]
    seen: list[int] = []
    results = ingest_photos(
        workspace,
        sources,
        workers=2,
        progress=lambda done, total, name: seen.append(done),
        cancel=lambda: len(seen) >= 3,
    )
    finished = [r for r in results if r.error is None]
    assert 3 <= len(finished) < 12
    assert all(str(r.error) == "Đã hủy. / Cancelled." for r in results if r.error)
    store = photo_folder(workspace.path)
    stored = files_under(store)
    assert not [f for f in stored if "partial" in f or f.startswith("staging")]
    # every stored original is a whole copy of its source, and has its record
    shas = {sha(s) for s in sources}
    originals = list((store / "originals").rglob("*.jpg"))
    assert {p.stem for p in originals} <= shas
    assert all(p.stem == sha(p) for p in originals)
    recorded = {r[0] for r in workspace.db.execute("SELECT sha256 FROM photos")}
    assert recorded == {r.sha256 for r in finished}


def test_clean_copy_carries_no_metadata(tmp_path: Path) -> None:
    source = make_jpeg(
        tmp_path / "src.jpg",
        orientation=6,
        gps=(21.0288, 105.8524),
        comment=b"Camera cua Cong an phuong",
    )
    # add an XMP packet too, as phones do
    with Image.open(source) as img:
        img.save(
            tmp_path / "xmp.jpg",
            exif=img.getexif(),
            comment=b"kept by Pillow",
            xmp=b"<x:xmpmeta><rdf:RDF/></x:xmpmeta>",
        )
    source = tmp_path / "xmp.jpg"
    before = sha(source)
    assert set(metadata_segments(source.read_bytes())) >= {"APP1", "COM"}
    target = clean_copy(source, tmp_path / "out" / "clean.jpg")
    data = target.read_bytes()
    assert metadata_segments(data) == []
    assert b"Exif" not in data[:2000] and b"xmpmeta" not in data and b"kept by" not in data
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.size == (480, 640)  # turned upright, since the tag is gone
    assert sha(source) == before


def test_ingest_result_for_unknown_link_target_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    from fieldsurvey.core.errors import ValidationError

    with pytest.raises(ValidationError):
        ingest_photos(workspace, [make_jpeg(tmp_path / "a.jpg")], link=("cameras", "nope"))
    assert not [p for p in photo_folder(workspace.path).rglob("*") if p.is_file()]


def test_store_paths_are_content_addressed(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path)
    digest = "ab" + "0" * 62
    assert store.original(digest, "JPEG") == tmp_path / "originals" / "ab" / f"{digest}.jpg"
    assert store.thumbnail(digest) == tmp_path / "thumbnails" / "ab" / f"{digest}.jpg"


def test_phone_sized_photos_pass_the_pixel_check_and_bombs_do_not() -> None:
    from fieldsurvey.core.errors import PhotoError
    from fieldsurvey.core.photos.store import check_pixels

    check_pixels("108mp.jpg", 12_000, 9_000, 28_000_000)  # a real 108 MP phone photo
    check_pixels("200mp.jpg", 16_320, 12_240, 45_000_000)  # 200 MP
    check_pixels("flat.jpg", 4_000, 3_000, 90_000)  # 12 MP of sky compresses very well
    with pytest.raises(PhotoError, match="MP"):
        check_pixels("bomb.jpg", 50_000, 50_000, 60_000)
    with pytest.raises(PhotoError, match="MP"):
        check_pixels("huge.jpg", 20_000, 20_000, 200_000_000)  # 400 MP: no camera makes it
    with pytest.raises(PhotoError, match="MP"):
        check_pixels("thin.jpg", 8_000, 8_000, 20_000)  # 64 MP in 20 kB


def test_a_worker_that_died_while_idle_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldsurvey.core.photos import store

    made: list[object] = []

    class DiesFirst(store._Worker):
        def __init__(self, context: object) -> None:
            super().__init__(context)
            made.append(self)
            if len(made) == 1:  # the first worker is gone before it gets a task
                self.process.kill()
                self.process.join()

    monkeypatch.setattr(store, "_Worker", DiesFirst)
    results = store.run_in_workers(abs, [(-1,), (-2,), (-3,)], names=["a", "b", "c"], workers=1)
    assert results == [1, 2, 3]
    assert len(made) == 2
