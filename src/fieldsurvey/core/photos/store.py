"""The photo store: originals kept unchanged and named by SHA-256, thumbnails and display copies
derived from them, untrusted files parsed in worker processes with a time limit.

Longer than most modules on purpose: what runs in the worker processes and what the parent
does with its results are one protocol, kept in one place."""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import multiprocessing
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from fieldsurvey.core.errors import PhotoError
from fieldsurvey.core.files import atomic_write
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.photos.metadata import PhotoMetadata, read_metadata
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancel, Progress, never_cancelled, no_progress

try:  # the optional HEIC extra: decoding HEIC pixels (thumbnails), never needed for metadata
    from pillow_heif import register_heif_opener
except ImportError:
    HEIC_DECODING = False
else:
    register_heif_opener()
    HEIC_DECODING = True

THUMBNAIL_PX = 320
DISPLAY_PX = 1600
JPEG_QUALITY = 85
# Phones shoot 50–200 MP: real photos. Refuse only what no camera makes, or pixels that the
# file's size cannot honestly hold (a decompression bomb).
MAX_PIXELS = 250_000_000
MAX_PIXELS_PER_BYTE = 2000
BOMB_CHECK_ABOVE_PIXELS = 20_000_000
MAX_FILE_BYTES = 1_000_000_000
TIME_LIMIT_S = 60.0
_CHUNK = 1 << 20
_EXTENSIONS = {
    "JPEG": ".jpg",
    "PNG": ".png",
    "TIFF": ".tif",
    "HEIF": ".heic",
    "WEBP": ".webp",
    "AVIF": ".avif",
}
# check_pixels() decides what is too large, before anything is decoded; Pillow's own default
# (89 MP) would refuse a real 108 or 200 MP phone photo.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

PHOTO_NAMESPACE = uuid.UUID("0b4f5c1e-9a57-4c8e-bd0e-5f1a3e2d7c60")


@dataclass(frozen=True)
class PhotoStore:
    """Where a workspace's photo files live; paths only, no database."""

    root: Path

    def original(self, sha256: str, fmt: str | None) -> Path:
        return self.root / "originals" / sha256[:2] / (sha256 + _EXTENSIONS.get(fmt or "", ""))

    def thumbnail(self, sha256: str) -> Path:
        return self.root / "thumbnails" / sha256[:2] / (sha256 + ".jpg")

    def display(self, sha256: str) -> Path:
        return self.root / "display" / sha256[:2] / (sha256 + ".jpg")

    def staging(self) -> Path:
        return self.root / "staging"

    def find_original(self, sha256: str) -> Path | None:
        """The stored original named by this hash, whatever its extension."""
        folder = self.root / "originals" / sha256[:2]
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith(sha256):
                        return folder / entry.name
        except (FileNotFoundError, NotADirectoryError):
            pass
        return None


def _says(template: str, **params: Any) -> Message:
    """A sentence about a photo file, filed under the photos' messages."""
    return Message("photos", template, params)


def _no_such_file(path: str) -> Message:
    return _says(QT_TRANSLATE_NOOP("photos", "Không tìm thấy tệp {path}."), path=path)


@dataclass
class PreparedPhoto:
    """What a worker made of one file: the stored original and its metadata."""

    source: str
    sha256: str
    byte_size: int
    metadata: PhotoMetadata
    thumbnail: bool
    warnings: list[Message] = field(default_factory=list)


@dataclass
class IngestResult:
    """One file of a batch: either a photo (new or already stored) or an error sentence."""

    source: str
    photo_id: str | None = None
    sha256: str | None = None
    created: bool = False
    metadata: PhotoMetadata | None = None
    error: Message | None = None
    warnings: list[Message] = field(default_factory=list)


# -- work done on one file (runs in a worker process) -------------------------------------------


def _write_copy(target: Path, data: bytes) -> None:
    """A thumbnail, display or clean copy: made again from the original if a crash loses it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data, sync_folder=False)


def claim_original(
    store: PhotoStore, sha256: str, fmt: str | None, source: Path, *, flushed: bool = False
) -> Path | None:
    """Put a file whose hash is already checked into the store under its final name (flushed
    first, so a crash never leaves half a file there; ``flushed``: the caller flushed it with
    ``flush_files``). Returns the stored path when this call created it, None when the photo was
    already there (someone else's: never to be removed by us). The final name is taken with a
    hard link, which fails when the name exists, so two imports storing the same photo at once
    cannot both believe they created it."""
    final = store.original(sha256, fmt)
    if final.exists():
        return None
    final.parent.mkdir(parents=True, exist_ok=True)
    if not flushed:
        _flush(source)
    try:
        os.link(source, final)
    except FileExistsError:
        return None
    except OSError:  # no hard links here (another file system, FAT): copy under a temporary
        if final.exists():  # name, then rename
            return None
        atomic_write(final, source.read_bytes())
    return final


def _flush(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


FLUSH_THREADS = 8


def flush_files(paths: Iterable[Path]) -> None:
    """Make these files' content durable (fsync), several at a time: the disk commits flushes
    that wait together at once."""
    with ThreadPoolExecutor(FLUSH_THREADS, thread_name_prefix="flush") as pool:
        for _ in pool.map(_flush, paths):
            pass


def check_incoming_photo(source: str, sha256: str, declared_format: str | None) -> str | None:
    """A photo file that arrived in a package (its hash already checked): it must read as a
    photo (of ``declared_format`` when given), with a pixel count a camera makes. Returns its
    format when it does; raises PhotoError when not. Runs in a worker process
    (``run_in_workers``)."""
    path = Path(source)
    metadata = read_metadata(path)
    if declared_format is not None and metadata.format != declared_format:
        raise PhotoError(
            _says(
                QT_TRANSLATE_NOOP(
                    "photos", "Ảnh {photo}… là {format}, không phải {declared} như bản ghi của nó."
                ),
                photo=sha256[:12],
                format=metadata.format,
                declared=declared_format,
            )
        )
    if metadata.width and metadata.height:
        check_pixels(sha256[:12], metadata.width, metadata.height, path.stat().st_size)
    return metadata.format


def _copy_and_hash(source: Path, staging: Path) -> tuple[Path, str, int]:
    """Copy ``source`` into the staging folder, hashing on the way; fsync before returning."""
    staging.mkdir(parents=True, exist_ok=True)
    partial = staging / f"{uuid.uuid4().hex}.partial"
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as src, partial.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise PhotoError(
                        _says(
                            QT_TRANSLATE_NOOP(
                                "photos", "Tệp {name} lớn hơn {limit} MB, không phải ảnh chụp."
                            ),
                            name=source.name,
                            limit=MAX_FILE_BYTES // 1_000_000,
                        )
                    )
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial, digest.hexdigest(), size


def check_pixels(name: str, width: int, height: int, byte_size: int) -> None:
    """Refuse a pixel count no camera makes, or one the file's size cannot hold."""
    pixels = width * height
    if pixels > MAX_PIXELS or (
        pixels > BOMB_CHECK_ABOVE_PIXELS and pixels > MAX_PIXELS_PER_BYTE * byte_size
    ):
        raise PhotoError(
            _says(
                QT_TRANSLATE_NOOP(
                    "photos",
                    "Ảnh {name} khai báo {width}×{height} điểm ảnh ({megapixels} MP) trong tệp "
                    "{megabytes} MB: không phải ảnh thật, có thể là tệp độc hại.",
                ),
                name=name,
                width=width,
                height=height,
                megapixels=f"{pixels / 1e6:.0f}",
                megabytes=f"{byte_size / 1e6:.1f}",
            )
        )


def _heic_needs_extra(name: str) -> Message:
    return _says(
        QT_TRANSLATE_NOOP(
            "photos",
            "Ảnh HEIC {name}: cần cài gói mở rộng HEIC để tạo ảnh thu nhỏ "
            "(pip install 'fieldsurvey[heic]').",
        ),
        name=name,
    )


def missing_preview(name: str, fmt: str | None) -> Message:
    """Why a stored photo has no thumbnail or display copy: a HEIC photo without the HEIC
    extra, or copies not made yet (a photo that came in a package)."""
    if fmt == "HEIF" and not HEIC_DECODING:
        return _heic_needs_extra(name)
    return _says(QT_TRANSLATE_NOOP("photos", "Chưa có bản xem của ảnh {name}."), name=name)


def _open_image(path: Path, name: str) -> Image.Image:
    try:
        return Image.open(path)
    except UnidentifiedImageError as exc:
        if path.read_bytes()[4:12].startswith(b"ftyp"):
            raise PhotoError(_heic_needs_extra(name)) from exc
        raise PhotoError(
            _says(QT_TRANSLATE_NOOP("photos", "Không đọc được ảnh {name}."), name=name)
        ) from exc


def fitted_size(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """The size of an image scaled so its longest side is ``longest`` (never enlarged).

    Asking ``draft`` for this exact size, not a ``longest`` square, lets a JPEG decode at the
    smallest scale that still covers the result (a square would force a larger scale for a
    wide panorama).
    """
    width, height = size
    scale = min(1.0, longest / max(width, height, 1))
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def render(path: Path, name: str, longest: int, byte_size: int) -> bytes:
    """A JPEG at most ``longest`` pixels on its longest side, orientation applied, no metadata."""
    return render_sizes(path, name, (longest,), byte_size)[0]


def render_sizes(path: Path, name: str, sizes: Sequence[int], byte_size: int) -> list[bytes]:
    """JPEGs at most each of ``sizes`` pixels on their longest side, orientation applied, no
    metadata, from one decode.

    JPEGs are decoded at the smallest scale that covers the largest size (``draft``), so a
    12 MP photo is never fully decoded; the smaller sizes are scaled from that.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with _open_image(path, name) as img:
                check_pixels(name, img.width, img.height, byte_size)
                img.draft("RGB", fitted_size(img.size, max(sizes)))
                img.load()
                upright = ImageOps.exif_transpose(img)
                if upright.mode not in ("RGB", "L"):
                    upright = upright.convert("RGB")
                out = []
                for longest in sorted(sizes, reverse=True):
                    upright.thumbnail((longest, longest), Image.Resampling.LANCZOS)
                    buffer = io.BytesIO()
                    upright.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
                    out.append((longest, buffer.getvalue()))
                by_size = dict(out)
                return [by_size[longest] for longest in sizes]
        except PhotoError:
            raise
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise PhotoError(
                _says(
                    QT_TRANSLATE_NOOP("photos", "Ảnh {name} quá lớn để giải mã an toàn."), name=name
                )
            ) from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise PhotoError(
                _says(
                    QT_TRANSLATE_NOOP("photos", "Ảnh {name} bị hỏng hoặc không đầy đủ ({error})."),
                    name=name,
                    error=str(exc),
                )
            ) from exc


def prepare(source: str, store_root: str) -> PreparedPhoto:
    """Store one file's original and derived copies; raise PhotoError for a bad file.

    A crash or kill at any point leaves only whole files under final names: everything is
    written to a temporary name, flushed and renamed.
    """
    path = Path(source)
    store = PhotoStore(Path(store_root))
    if not path.is_file():
        raise PhotoError(_no_such_file(source))
    if path.stat().st_size == 0:
        raise PhotoError(
            _says(QT_TRANSLATE_NOOP("photos", "Tệp {name} rỗng (0 byte)."), name=path.name)
        )
    staged, sha256, size = _copy_and_hash(path, store.staging())
    try:
        metadata = read_metadata(staged)
        notes = list(metadata.warnings)
        if metadata.width and metadata.height:
            check_pixels(path.name, metadata.width, metadata.height, size)
        thumbnail = True
        try:
            thumb, display = render_sizes(staged, path.name, (THUMBNAIL_PX, DISPLAY_PX), size)
        except PhotoError as exc:
            if metadata.format != "HEIF":
                raise
            thumbnail, notes = False, [*notes, exc.message]
        final = store.original(sha256, metadata.format)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            staged.unlink()
        else:
            os.replace(staged, final)
        if thumbnail:
            _write_copy(store.thumbnail(sha256), thumb)
            _write_copy(store.display(sha256), display)
    finally:
        staged.unlink(missing_ok=True)
    return PreparedPhoto(source, sha256, size, metadata, thumbnail, notes)


@dataclass(frozen=True)
class Failure:
    """A task that did not produce a result: a bad file, a time-out or a crashed worker."""

    message: Message


def _outcome(func: Callable[..., Any], args: Sequence[Any]) -> Any:
    """``func(*args)``, or the Failure that says why it did not give a result."""
    try:
        return func(*args)
    except PhotoError as exc:
        return Failure(exc.message)
    except Exception as exc:  # an odd file tripped a library: report it for this file only
        return Failure(
            _says(QT_TRANSLATE_NOOP("photos", "Lỗi khi xử lý tệp: {error}."), error=repr(exc))
        )


def _worker(conn: Connection) -> None:
    """A worker process: run tasks one at a time until told to stop."""
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, func, args = task
        conn.send((index, _outcome(func, args)))


def _check_incoming_group(tasks: Sequence[tuple[str, str, str | None]]) -> list[Any]:
    """``check_incoming_photo`` for several files in one task: each file's format or Failure."""
    return [_outcome(check_incoming_photo, task) for task in tasks]


# Photos of a package read per task: a task is a round trip between this process and a worker,
# which waits for whatever else this process is busy with (checking the package's log).
INCOMING_PER_TASK = 25


def check_incoming_photos(
    files: Mapping[str, Path], *, time_limit_s: float = TIME_LIMIT_S
) -> dict[str, Any]:
    """``check_incoming_photo`` for a package's photos ({sha256: staged file}), in the bounded
    workers, a few files per task. A task that runs out of time or loses its worker is done
    again one file per task, so the file at fault is the one named. Per photo: its format, or
    the Failure that refused it."""
    shas = sorted(files)
    groups = [shas[i : i + INCOMING_PER_TASK] for i in range(0, len(shas), INCOMING_PER_TASK)]
    # This process checks the package's log meanwhile: the workers leave it a core.
    workers = max(1, (os.cpu_count() or 1) - 1)
    results: dict[str, Any] = {}
    outcomes = run_in_workers(
        _check_incoming_group,
        [([(str(files[sha]), sha, None) for sha in group],) for group in groups],
        names=[group[0][:12] for group in groups],
        workers=workers,
        time_limit_s=time_limit_s,
    )
    for group, outcome in zip(groups, outcomes, strict=True):
        if isinstance(outcome, list):
            results.update(zip(group, outcome, strict=True))
            continue
        alone = run_in_workers(
            check_incoming_photo,
            [(str(files[sha]), sha, None) for sha in group],
            names=[sha[:12] for sha in group],
            workers=workers,
            time_limit_s=time_limit_s,
        )
        results.update(zip(group, alone, strict=True))
    return results


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_in_workers(
    func: Callable[..., Any],
    tasks: Sequence[tuple[Any, ...]],
    *,
    names: Sequence[str],
    workers: int | None = None,
    time_limit_s: float = TIME_LIMIT_S,
    progress: Progress | None = None,
    cancel: Cancel = never_cancelled,
) -> list[Any]:
    """Run ``func(*task)`` for every task in worker processes, each bounded in time.

    Per task: the result, a Failure (an error, a time-out: the worker is killed and replaced,
    a crashed worker), or None if cancelled before it finished. ``func`` must be a module-level
    function (workers are spawned, not forked: safe from a Qt app's background thread).
    """
    results: list[Any] = [None] * len(tasks)
    if not tasks:
        return results
    count = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    context = multiprocessing.get_context("spawn")
    pool = [_Worker(context) for _ in range(count)]
    pending = list(range(len(tasks)))[::-1]
    report = progress or no_progress
    done = 0
    try:
        while done < len(tasks) and not cancel():
            for slot, worker in enumerate(pool):
                if worker.task is None and pending:
                    task = pending.pop()
                    try:
                        worker.conn.send((task, func, tasks[task]))
                    except OSError:  # the idle worker died (a crash, the OS ended it): a new one
                        worker.stop(kill=True)
                        worker = pool[slot] = _Worker(context)
                        worker.conn.send((task, func, tasks[task]))
                    worker.task = task
                    worker.started = time.monotonic()
            busy = [w for w in pool if w.task is not None]
            ready = wait([w.conn for w in busy], timeout=0.1)
            for slot, worker in enumerate(pool):
                index = worker.task
                if index is None:
                    continue
                if worker.conn in ready:
                    try:
                        _, results[index] = worker.conn.recv()
                    except EOFError:  # the worker died: out of memory, a crash in a decoder
                        results[index] = Failure(
                            _says(
                                QT_TRANSLATE_NOOP("photos", "Không xử lý được {name}."),
                                name=names[index],
                            )
                        )
                        worker.stop(kill=True)
                        pool[slot] = _Worker(context)
                elif time.monotonic() - worker.started > time_limit_s:
                    results[index] = Failure(
                        _says(
                            QT_TRANSLATE_NOOP(
                                "photos", "{name}: xử lý quá {seconds} giây nên đã dừng."
                            ),
                            name=names[index],
                            seconds=f"{time_limit_s:g}",
                        )
                    )
                    worker.stop(kill=True)
                    pool[slot] = _Worker(context)
                else:
                    continue
                worker.task = None
                done += 1
                report(done, len(tasks), names[index])
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)
    return results


def prepare_many(
    sources: Sequence[str],
    store_root: Path,
    **options: Any,
) -> list[PreparedPhoto | Failure | None]:
    """``prepare`` every file in worker processes (see run_in_workers for the options).

    Whatever a killed or cancelled worker left half-written is removed: only whole files remain.
    """
    try:
        return run_in_workers(
            prepare,
            [(source, str(store_root)) for source in sources],
            names=[Path(source).name for source in sources],
            **options,
        )
    finally:
        shutil.rmtree(store_root / "staging", ignore_errors=True)
        for partial in store_root.glob("*/*/.*.partial"):
            partial.unlink(missing_ok=True)


# -- recording photos in the workspace ----------------------------------------------------------


def _photo_values(prepared: PreparedPhoto) -> dict[str, Any]:
    meta = prepared.metadata
    has_position = meta.lat is not None and meta.lon is not None
    return {
        "sha256": prepared.sha256,
        "file_name": Path(prepared.source).name[:500],
        "format": meta.format,
        "byte_size": prepared.byte_size,
        "width": meta.width,
        "height": meta.height,
        "taken_at": meta.taken_at,
        "taken_at_utc": meta.taken_at_utc,
        "lat": meta.lat,
        "lon": meta.lon,
        "gps_accuracy_m": meta.gps_accuracy_m,
        "location_source": "photo_exif" if has_position else None,
        "altitude_m": meta.altitude,
        "heading_deg": meta.heading,
        "heading_ref": meta.heading_ref,
        "orientation": meta.orientation,
        "make": meta.make,
        "model": meta.model,
    }


def record_photo(
    ws: Workspace, prepared: PreparedPhoto, link: tuple[str, str] | None = None
) -> tuple[str, bool]:
    """The photo's record (made once per hash) and its link to a record; (photo id, created)."""
    with ws.transaction():
        row = ws.db.execute(
            "SELECT id, deleted FROM photos WHERE sha256 = ?", [prepared.sha256]
        ).fetchone()
        created = row is None
        if row is None:
            # Named by its content, so two devices that store the same photo make one record.
            photo_id = ws.insert(
                "photos",
                _photo_values(prepared),
                record_id=str(uuid.uuid5(PHOTO_NAMESPACE, prepared.sha256)),
            )
        else:
            photo_id = str(row[0])
            if row[1]:
                ws.restore("photos", photo_id)
        if link is not None:
            table, record_id = link
            exists = ws.db.execute(
                "SELECT 1 FROM photo_links WHERE photo_id = ? AND record_table = ? AND "
                "record_id = ? AND deleted = 0",
                [photo_id, table, record_id],
            ).fetchone()
            if exists is None:
                ws.get(table, record_id)
                ws.insert(
                    "photo_links",
                    {"photo_id": photo_id, "record_table": table, "record_id": record_id},
                )
    return photo_id, created


def ingest_photos(
    ws: Workspace,
    sources: Iterable[str | Path],
    *,
    link: tuple[str, str] | None = None,
    workers: int | None = None,
    time_limit_s: float = TIME_LIMIT_S,
    progress: Progress | None = None,
    cancel: Cancel = never_cancelled,
) -> list[IngestResult]:
    """Ingest files into the workspace: store, derive, record; one result per file.

    Files are parsed in worker processes using the machine's cores; the database is written
    here, one photo per transaction, only after its files are whole on disk. A cancelled batch
    keeps the photos finished before the cancel and nothing of the others.
    """
    names = [str(s) for s in sources]
    if link is not None:
        ws.get(*link)
    store_root = photo_folder(ws.path)
    prepared = prepare_many(
        names,
        store_root,
        workers=workers,
        time_limit_s=time_limit_s,
        progress=progress,
        cancel=cancel,
    )
    return record_prepared(ws, names, prepared, link)


def record_prepared(
    ws: Workspace,
    names: Sequence[str],
    prepared: Sequence[PreparedPhoto | Failure | None],
    link: tuple[str, str] | None = None,
) -> list[IngestResult]:
    """Record what ``prepare_many`` made (on the thread that owns the workspace): one result per
    file; None means the file was cancelled."""
    results: list[IngestResult] = []
    for name, outcome in zip(names, prepared, strict=True):
        if outcome is None:
            results.append(IngestResult(name, error=_says(QT_TRANSLATE_NOOP("photos", "Đã hủy."))))
        elif isinstance(outcome, Failure):
            results.append(IngestResult(name, error=outcome.message))
        else:
            photo_id, created = record_photo(ws, outcome, link)
            results.append(
                IngestResult(
                    name,
                    photo_id,
                    outcome.sha256,
                    created,
                    outcome.metadata,
                    warnings=outcome.warnings,
                )
            )
    return results


def _make_copies(original: str, store_root: str) -> str:
    """Worker task: the thumbnail and display copy of a stored original."""
    path = Path(original)
    store = PhotoStore(Path(store_root))
    sha = path.name.split(".")[0]
    thumb, display = render_sizes(path, path.name, (THUMBNAIL_PX, DISPLAY_PX), path.stat().st_size)
    _write_copy(store.thumbnail(sha), thumb)
    _write_copy(store.display(sha), display)
    return sha


def make_missing_copies(
    ws: Workspace, *, workers: int | None = None, progress: Progress | None = None
) -> tuple[int, list[Message]]:
    """Thumbnails and display copies for stored originals that have none yet (photos that came
    in a sync package), made in the bounded workers. Returns (made, problems)."""
    store = PhotoStore(photo_folder(ws.path))
    todo = []
    for sha, fmt in ws.db.execute("SELECT sha256, format FROM photos WHERE deleted = 0"):
        original = store.original(sha, fmt)
        if original.exists() and not store.thumbnail(sha).exists():
            if fmt == "HEIF" and not HEIC_DECODING:
                continue  # metadata is there; thumbnails need the HEIC extra
            todo.append(original)
    outcomes = run_in_workers(
        _make_copies,
        [(str(p), str(store.root)) for p in todo],
        names=[p.name for p in todo],
        workers=workers,
        progress=progress,
    )
    problems = [o.message for o in outcomes if isinstance(o, Failure)]
    return sum(isinstance(o, str) for o in outcomes), problems


def linked_photos(ws: Workspace, table: str, record_id: str) -> list[dict[str, Any]]:
    """The live photos linked to a record, oldest link first, with what the editor offers from
    them (position, heading), their thumbnail path (None until it is made) and, without one,
    why (``no_preview``, a message)."""
    store = PhotoStore(photo_folder(ws.path))
    rows = ws.db.execute(
        "SELECT p.id, p.sha256, p.file_name, p.lat, p.lon, p.heading_deg, p.taken_at, "
        "p.gps_accuracy_m, p.format FROM photo_links l JOIN photos p ON p.id = l.photo_id "
        "WHERE l.record_table = ? AND l.record_id = ? AND l.deleted = 0 AND p.deleted = 0 "
        "ORDER BY l.rowid",
        [table, record_id],
    ).fetchall()
    keys = (
        "id",
        "sha256",
        "file_name",
        "lat",
        "lon",
        "heading_deg",
        "taken_at",
        "accuracy_m",
        "format",
    )
    photos = [dict(zip(keys, row, strict=True)) for row in rows]
    for photo in photos:
        thumb = store.thumbnail(photo["sha256"])
        photo["thumbnail"] = thumb if thumb.exists() else None
        photo["no_preview"] = (
            None
            if thumb.exists()
            else missing_preview(photo["file_name"] or photo["sha256"][:12], photo["format"])
        )
    return photos


def photo_paths(ws: Workspace, photo_id: str) -> dict[str, Path | None]:
    """The stored original, thumbnail and display copy of a photo (None where missing)."""
    row = ws.get("photos", photo_id)
    store = PhotoStore(photo_folder(ws.path))
    sha = str(row["sha256"])
    thumb, display = store.thumbnail(sha), store.display(sha)
    return {
        "original": store.find_original(sha),
        "thumbnail": thumb if thumb.exists() else None,
        "display": display if display.exists() else None,
    }


# -- copies that leave the office ------------------------------------------------------------------

# JPEG markers that carry metadata: APP1 (EXIF, XMP), APP2 (ICC, FlashPix), APP12 (Ducky),
# APP13 (IPTC/Photoshop), APP14 (Adobe, harmless but unneeded) and COM (comments).
_METADATA_MARKERS = {0xE1: "APP1", 0xE2: "APP2", 0xEC: "APP12", 0xED: "APP13", 0xFE: "COM"}


def metadata_segments(data: bytes) -> list[str]:
    """Names of the metadata segments in a JPEG's header (empty for a clean file)."""
    found = []
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xD9, 0xDA):  # end of image / start of scan: the header is over
            break
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker in _METADATA_MARKERS:
            found.append(_METADATA_MARKERS[marker])
        pos += 2 + length
    return found


def clean_copy(source: Path, target: Path, *, longest: int | None = None) -> Path:
    """Write a JPEG rebuilt from the pixels alone: no EXIF, XMP, IPTC, ICC or comment.

    The orientation is applied to the pixels, since the tag saying how to turn them is gone.
    The source (an original in the store) is only read.
    """
    byte_size = source.stat().st_size
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open_image(source, source.name) as img:
            check_pixels(source.name, img.width, img.height, byte_size)
            if longest:
                img.draft("RGB", fitted_size(img.size, longest))
            upright = ImageOps.exif_transpose(
                img.convert("RGB") if img.mode not in ("RGB", "L") else img
            )
            if longest:
                upright.thumbnail((longest, longest), Image.Resampling.LANCZOS)
            pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=90)
    data = out.getvalue()
    if metadata_segments(data):
        raise AssertionError("a clean copy still carries metadata")
    _write_copy(target, data)
    return target


def photo_infos(
    paths: Sequence[Path], *, time_limit_s: float = TIME_LIMIT_S, workers: int | None = None
) -> list[dict[str, Any]]:
    """``photo_info`` of every file, each parsed in a worker process within the time limit."""
    outcomes = run_in_workers(
        photo_info,
        [(p,) for p in paths],
        names=[p.name for p in paths],
        workers=workers,
        time_limit_s=time_limit_s,
    )
    infos = []
    for path, outcome in zip(paths, outcomes, strict=True):
        if isinstance(outcome, dict):
            infos.append(outcome)
        else:
            info = photo_info_template(path)
            info["error"] = str(outcome.message) if isinstance(outcome, Failure) else "Đã hủy."
            infos.append(info)
    return infos


_INFO_KEYS = (
    "sha256",
    "lat",
    "lon",
    "altitude",
    "gps_accuracy_m",
    "taken_at",
    "taken_at_utc",
    "orientation",
    "heading",
    "heading_ref",
    "make",
    "model",
    "width",
    "height",
    "format",
    "error",
)


def photo_info_template(path: Path) -> dict[str, Any]:
    return {"file": str(path), **dict.fromkeys(_INFO_KEYS)}


def photo_info(path: Path) -> dict[str, Any]:
    """Metadata of one file for ``photo-info``: never raises; ``error`` says what went wrong."""
    info = photo_info_template(path)
    keys = _INFO_KEYS[1:-1]
    try:
        if not path.is_file():
            raise PhotoError(_no_such_file(str(path)))
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        info["sha256"] = digest.hexdigest()
        meta = read_metadata(path)
        values = meta.to_dict()
        info.update({k: values.get(k) for k in keys})
        if meta.width and meta.height:
            check_pixels(path.name, meta.width, meta.height, path.stat().st_size)
        if meta.warnings:
            info["warnings"] = [str(warning) for warning in meta.warnings]
    except PhotoError as exc:
        info["error"] = str(exc)
    except OSError as exc:
        info["error"] = f"Không đọc được {path.name}: {exc.strerror or exc}"
    return info
