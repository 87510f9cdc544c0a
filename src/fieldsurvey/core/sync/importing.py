"""Import: one at a time, the package opened and checked whole, then its changes merged and
its photos stored in one transaction; a refused package leaves the workspace as it was and
is kept in quarantine with the reason."""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import Timeout

from fieldsurvey.core.clock import COUNTER_BITS, wall_ms
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.files import private_folder
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.photos.store import (
    Failure,
    PhotoStore,
    check_incoming_photos,
    claim_original,
    flush_files,
)
from fieldsurvey.core.store.db import (
    bulk_cache,
    import_lock,
    photo_folder,
    refresh_statistics,
    staging_folder,
)
from fieldsurvey.core.store.workspace import (
    MAX_SEQ,
    Workspace,
    iso_from_ms,
)
from fieldsurvey.core.sync.incoming import (
    MAX_CLOCK,
    MAX_LINE_BYTES,
    ChangeSummary,
    _check_format,
    _check_manifest,
    _is_count,
    _LogCheck,
    add_log,
    json_depth_ok,
)
from fieldsurvey.core.sync.merge import apply_changes
from fieldsurvey.core.sync.package import OpenedPackage, PackageError, Refusal
from fieldsurvey.core.sync.package_format import (
    AUTHORS_ENTRY,
    BASEMAP_ENTRY,
    BASEMAP_KEY,
    FUTURE_TOLERANCE_MS,
    HEADS_ENTRY,
    BasemapFacts,
    SyncError,
    identity,
)
from fieldsurvey.core.sync.rotation import _apply_key_changes, _open_with_known_keys, _rotations_in
from fieldsurvey.core.sync.spool import Spool
from fieldsurvey.core.text import is_record_id
from fieldsurvey.core.trust import authorship, keys, ledger

log = logging.getLogger(__name__)


def _say(template: str, **params: Any) -> Message:
    return Message("sync", template, params)


@dataclass
class ImportReport:
    """What an import did (or, for a refusal, why not)."""

    package_id: str | None
    sender: str | None
    applied: int = 0
    skipped: int = 0
    photos: int = 0
    conflicts: int = 0
    new: int = 0
    updated: int = 0
    deleted: int = 0
    already_imported: bool = False
    dry_run: bool = False
    quarantined: Path | None = None
    warnings: list[str] = field(default_factory=list)
    basemap: BasemapFacts | None = None
    """The street basemap the package carried, checked (in a dry run: what would be installed;
    after an import: the installed copy, when ``basemap_installed``)."""
    basemap_installed: bool = False
    basemap_error: Message | None = None
    """Why the checked basemap could not be installed after the records were committed."""


BasemapCheck = Callable[[Path], BasemapFacts]


# -- import ----------------------------------------------------------------------------------------


# Another import of the same workspace is waited for this long before giving up.
IMPORT_WAIT_S = 1800.0


@contextlib.contextmanager
def _one_import_at_a_time(ws: Workspace) -> Iterator[Path]:
    """Hold the workspace's import lock (waiting for another import, in this process or any
    other, to end) and give this import a staging folder; what killed imports left in staging
    is removed first, and this import's staging when it ends."""
    lock = import_lock(ws.path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.info("waiting for another import of %s to end", ws.path)
        try:
            lock.acquire(timeout=IMPORT_WAIT_S)
        except Timeout:
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "Một lần nhập gói khác vào tệp dữ liệu khảo sát này đang chạy quá "
                        "lâu; hãy thử lại "
                        "sau.",
                    )
                ),
                Refusal.BUSY,
            ) from None
    folder = staging_folder(ws.path)
    try:
        shutil.rmtree(folder, ignore_errors=True)
        yield private_folder(folder) / uuid.uuid4().hex
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        lock.release()


def quarantine_folder(ws: Workspace) -> Path:
    """Packages held back for the supervisor (a clock far ahead, a gap), kept until removed."""
    return ws.path.with_name(ws.path.stem + ".quarantine")


def _open_checked(
    ws: Workspace,
    source: Path,
    staging: Path,
    spool: Spool,
    check_basemap: BasemapCheck | None = None,
) -> tuple[OpenedPackage, ChangeSummary, Any, _PhotoReading, BasemapFacts | None]:
    """Open a package into ``staging`` and run every check that needs no writing: the file,
    the signature, the manifest, every change against the schema, every log against its
    author's signed head and every change against its author's role, the acknowledgements,
    the street basemap it carries (``_check_basemap``). The checked changes and new log
    entries wait in ``spool``."""
    me = identity(ws)
    opened = _open_with_known_keys(ws, me, source, staging)
    photos = _PhotoReading(opened)  # in the workers, while the log is checked here
    try:
        summary, acks, basemap = _check_opened(ws, me, opened, spool, check_basemap)
    except BaseException:
        photos.wait()  # its workers read from staging, which goes next
        raise
    return opened, summary, acks, photos, basemap


def _check_opened(
    ws: Workspace,
    me: keys.DeviceIdentity,
    opened: OpenedPackage,
    spool: Spool,
    check_basemap: BasemapCheck | None,
) -> tuple[ChangeSummary, dict[str, int], BasemapFacts | None]:
    sender = keys.trusted_peer(ws.db, str(opened.manifest["sender"]))
    assert sender is not None  # open_package refused the package otherwise
    staged_basemap = _basemap_entry(opened, sender)
    rotations = _rotations_in(ws, opened, check=True)
    try:
        keys.check_demo_match(me.demo_seed, sender.demo_seed, sender.device_id)
    except keys.DemoMismatchError as exc:
        raise SyncError(exc, Refusal.DEMO_MISMATCH) from None
    for name in ("changes.jsonl", HEADS_ENTRY, AUTHORS_ENTRY):
        if name not in opened.entry_paths:
            raise SyncError(
                _say(QT_TRANSLATE_NOOP("sync", "Gói thiếu phần {name}."), name=name),
                Refusal.BAD_MANIFEST,
            )
    _check_format(opened.manifest, me.device_id)
    known = authorship.authors(ws.db)
    cards = _read_json_entry(opened.entry_paths[AUTHORS_ENTRY], authorship.read_cards)
    if sender.role == "office":  # the office vouches for the devices it enrolled
        for card in cards:
            known.setdefault(card.device_id, card)
    else:
        cards = []
    for rotation in rotations:  # the sender's own head is signed with its new key
        author = known[sender.device_id]
        author.retired.append((author.signing_public, rotation.at))
        author.signing_public = rotation.new_signing_public
    heads = _read_json_entry(opened.entry_paths[HEADS_ENTRY], _read_heads)
    check = _LogCheck(ws, me, known, heads, spool)
    summary = check.scan(opened.entry_paths["changes.jsonl"])
    summary.cards = cards
    _check_manifest(opened.manifest, summary)
    for name in opened.entry_paths:  # a photo's name is its hash, which the signature covers
        if name.startswith("photos/") and (
            opened.manifest["entries"][name]["sha256"] != name.split("/", 1)[1]
        ):
            raise SyncError(
                _say(QT_TRANSLATE_NOOP("sync", "Ảnh trong gói không khớp mã băm của nó.")),
                Refusal.HASH_MISMATCH,
            )
    acks = _read_acks(opened.entry_paths.get("acks.json"))
    # Last: the one file opened here that nobody wrote for FieldSurvey's own checks.
    basemap = _check_basemap(opened, staged_basemap, check_basemap)
    return summary, acks, basemap


# What the manifest says of a basemap: short texts and its size, nothing else.
_BASEMAP_FACTS = {"name": str, "date": str, "size": int}
_MAX_BASEMAP_TEXT = 200


def _basemap_entry(opened: OpenedPackage, sender: keys.PublicIdentity) -> Path | None:
    """The staged street basemap of a package, if it has one: only an office sends one, and
    the signed manifest says what it is; else the whole package is refused."""
    said = opened.manifest.get(BASEMAP_KEY)
    staged = opened.entry_paths.get(BASEMAP_ENTRY)
    if said is None and staged is None:
        return None
    if sender.role != "office":
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Gói từ {sender} gửi kèm bản đồ nền, nhưng chỉ văn phòng mới được gửi bản "
                    "đồ nền. Không có gì được ghi.",
                ),
                sender=sender.name,
            ),
            Refusal.NOT_PERMITTED,
        )
    if (
        staged is None
        or not isinstance(said, dict)
        or set(said) != set(_BASEMAP_FACTS)
        or not all(type(said[key]) is kind for key, kind in _BASEMAP_FACTS.items())
        or any(len(said[key]) > _MAX_BASEMAP_TEXT for key in ("name", "date"))
        or said["size"] != opened.manifest["entries"][BASEMAP_ENTRY]["size"]
    ):
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Bản kê của gói không khớp với bản đồ nền gửi kèm. Không có gì được ghi.",
                )
            ),
            Refusal.BAD_MANIFEST,
        )
    return staged


def _reason(exc: BaseException) -> Message | str:
    """Why a basemap check or install failed, as its message says it."""
    return exc.message if isinstance(exc, FieldSurveyError) else str(exc)


def _check_basemap(
    opened: OpenedPackage, staged: Path | None, check: BasemapCheck | None
) -> BasemapFacts | None:
    """The staged basemap passes every check a basemap installed by hand passes (``check``:
    the map room's ``basemaps.check``), else the whole package is refused. Without ``check``
    the file is left unopened where it was staged and nothing is installed."""
    if staged is None or check is None:
        return None
    # Under the name it travels by, so that what the checks say names it.
    named = staged.with_name(BASEMAP_ENTRY)
    staged.rename(named)
    opened.entry_paths[BASEMAP_ENTRY] = named
    try:
        return check(named)
    except (FieldSurveyError, OSError, sqlite3.Error, ValueError) as exc:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Bản đồ nền gửi kèm gói không dùng được: {why} Không có gì được ghi.",
                ),
                why=_reason(exc),
            ),
            Refusal.BAD_BASEMAP,
        ) from exc


class _PhotoReading:
    """A package's photo files read in the bounded worker processes (``check_incoming_photos``)
    on a thread of their own, so that the workers start and read while the log is checked."""

    def __init__(self, opened: OpenedPackage) -> None:
        self.files = {
            name.split("/", 1)[1]: path
            for name, path in opened.entry_paths.items()
            if name.startswith("photos/")
        }
        self._future: Future[dict[str, Any]] | None = None
        if self.files:
            pool = ThreadPoolExecutor(1, thread_name_prefix="photo-reading")
            self._future = pool.submit(self._read)
            pool.shutdown(wait=False)  # the thread ends with its one task

    def _read(self) -> dict[str, Any]:
        return check_incoming_photos(self.files)

    def results(self) -> dict[str, Any]:
        """Per photo: its format, or the Failure that refused it."""
        return {} if self._future is None else self._future.result()

    def wait(self) -> None:
        if self._future is not None:
            futures_wait([self._future])


def _read_json_entry(path: Path, read: Any) -> Any:
    """A small JSON entry of a package, read strictly by ``read`` (None: not acceptable)."""
    data = path.read_bytes()
    value = None
    if len(data) <= MAX_LINE_BYTES * 4 and json_depth_ok(data, 4):
        try:
            value = read(json.loads(data))
        except (ValueError, RecursionError):
            value = None
    if value is None:
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Phần {name} của gói không đọc được."), name=path.name),
            Refusal.BAD_MANIFEST,
        )
    return value


def _read_heads(data: Any) -> dict[str, ledger.Head] | None:
    if not isinstance(data, list):
        return None
    heads: dict[str, ledger.Head] = {}
    for item in data:
        if not isinstance(item, dict) or set(item) != {
            "device_id",
            "seq",
            "hash",
            "clock",
            "signer",
            "signature",
        }:
            return None
        try:
            head = ledger.Head(
                item["device_id"],
                item["seq"],
                bytes.fromhex(item["hash"]),
                item["clock"],
                item["signer"],
                bytes.fromhex(item["signature"]),
            )
        except (TypeError, ValueError):
            return None
        if not (
            is_record_id(head.device_id)
            and is_record_id(head.signer)
            and _is_count(head.seq, 1, MAX_SEQ)
            and _is_count(head.clock, 0, MAX_CLOCK)
            and len(head.hash) == 32
            and len(head.signature) == 64
            and head.device_id not in heads
        ):
            return None
        heads[head.device_id] = head
    return heads


def verify(
    ws: Workspace, source: Path, *, check_basemap: BasemapCheck | None = None
) -> dict[str, Any]:
    """Every check of an import without writing anything; returns the manifest."""
    with _one_import_at_a_time(ws) as staging, Spool(ws.db) as spool:
        opened, summary, _, photos, _ = _open_checked(ws, source, staging, spool, check_basemap)
        _check_photos(ws, photos, summary.photo_formats)
        return dict(opened.manifest)


class _RollBack(Exception):
    """Ends a dry run's transaction without keeping anything."""


def import_package(
    ws: Workspace,
    source: Path,
    *,
    dry_run: bool = False,
    check_basemap: BasemapCheck | None = None,
    install_basemap: BasemapCheck | None = None,
) -> ImportReport:
    """Import one package: check everything, then apply it whole in one transaction, or refuse
    it with the workspace left exactly as it was.

    With ``dry_run`` everything is checked and applied inside a transaction that is then rolled
    back: the report says what the import would do (new, updated, deleted records, conflicts).

    A street basemap the office sent along is checked with ``check_basemap`` before anything
    is written and handed to ``install_basemap`` once the records are committed (the map
    room's ``basemaps.check`` and ``basemaps.install``); without them it is left alone.
    """
    with _one_import_at_a_time(ws) as staging, Spool(ws.db) as spool, bulk_cache(ws.db):
        return _import_checked(ws, source, staging, spool, dry_run, check_basemap, install_basemap)


def _import_checked(
    ws: Workspace,
    source: Path,
    staging: Path,
    spool: Spool,
    dry_run: bool,
    check_basemap: BasemapCheck | None = None,
    install_basemap: BasemapCheck | None = None,
) -> ImportReport:
    try:
        opened, summary, acks, photos, basemap = _open_checked(
            ws, source, staging, spool, check_basemap
        )
        manifest = opened.manifest
        report = ImportReport(str(manifest["package_id"]), str(manifest["sender"]), dry_run=dry_run)
        report.basemap = basemap
        if ws.db.execute(
            "SELECT 1 FROM packages WHERE package_id = ?", [report.package_id]
        ).fetchone():
            report.already_imported = True
            return report
        hold = _hold_back_reason(ws, manifest, summary)
        if hold is not None:
            if not dry_run:
                report.quarantined = _quarantine(ws, opened.package_copy, source.name, hold)
                hold = _say(
                    QT_TRANSLATE_NOOP("sync", "{reason} Gói đã được chép vào {folder}."),
                    reason=hold,
                    folder=report.quarantined,
                )
            raise SyncError(hold, Refusal.QUARANTINED)
        photo_files = photos.files
        _check_photos(ws, photos, summary.photo_formats)
        stored: list[Path] = []
        if dry_run:
            report.photos = len(photo_files)
        else:
            stored = _store_photos(ws, photo_files, summary.photo_formats, report)
        try:
            with contextlib.suppress(_RollBack):  # the end of a dry run
                rotations = _rotations_in(ws, opened, check=False)
                _apply_package(ws, manifest, spool, acks, report, source.name, rotations, summary)
        except sqlite3.IntegrityError as exc:  # e.g. a record pointing at one that never came
            _unstore(ws, stored)
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP("sync", "Dữ liệu trong gói không nhất quán ({detail})."),
                    detail=exc,
                ),
                Refusal.BAD_RECORD,
            ) from exc
        except BaseException:
            _unstore(ws, stored)
            raise
        if not dry_run:
            refresh_statistics(ws.db)
            log.info(
                "package %s (%s) from %s imported: %d new, %d updated, %d deleted, %d conflicts, "
                "%d photos",
                source,
                report.package_id,
                report.sender,
                report.new,
                report.updated,
                report.deleted,
                report.conflicts,
                report.photos,
            )
            if basemap is not None and install_basemap is not None:
                _install_basemap(opened.entry_paths[BASEMAP_ENTRY], install_basemap, report)
        return report
    except (PackageError, SyncError) as exc:
        log.warning("package %s refused: %s", source, exc)
        raise


def _apply_package(
    ws: Workspace,
    manifest: dict[str, Any],
    spool: Spool,
    acks: Any,
    report: ImportReport,
    file_name: str,
    rotations: Iterable[keys.Rotation],
    summary: ChangeSummary,
) -> None:
    """The one transaction of an import: key changes, changes, acknowledgements and the ledger
    row."""
    with ws.transaction():
        _apply_key_changes(ws, report.sender or "", rotations)
        authorship.remember(ws.db, summary.cards, report.sender or "")
        ws.db.execute("PRAGMA defer_foreign_keys = ON")
        stats = apply_changes(ws, spool, package_id=report.package_id)
        add_log(ws, spool, summary)
        report.applied, report.skipped = stats["applied"], stats["skipped"]
        report.conflicts = stats["conflicts"]
        report.new, report.updated = stats["new"], stats["updated"]
        report.deleted = stats["deleted"]
        _record_acks(ws, report.sender or "", acks)
        ws.db.execute(
            "INSERT INTO packages (package_id, direction, peer_device, changes, photos, "
            "created_clock, at, file_name) VALUES (?, 'in', ?, ?, ?, ?, ?, ?)",
            [
                report.package_id,
                report.sender,
                report.applied,
                report.photos,
                manifest.get("created_clock"),
                iso_from_ms(wall_ms()),
                file_name,
            ],
        )
        if report.dry_run:
            raise _RollBack


def _install_basemap(staged: Path, install: BasemapCheck, report: ImportReport) -> None:
    """Install the checked basemap; the records are committed by now, so a failure (a full
    disk) is said in the report, not raised."""
    try:
        report.basemap = install(staged)
    except (FieldSurveyError, OSError, sqlite3.Error, ValueError) as exc:
        log.warning("basemap of package %s not installed: %s", report.package_id, exc)
        report.basemap_error = _say(
            QT_TRANSLATE_NOOP(
                "sync",
                "Các thay đổi đã được nhập, nhưng không cài được bản đồ nền gửi kèm: {why}",
            ),
            why=_reason(exc),
        )
        return
    report.basemap_installed = True
    log.info(
        "basemap %s (%s) of package %s installed",
        report.basemap.name,
        report.basemap.date,
        report.package_id,
    )


def _hold_back_reason(
    ws: Workspace, manifest: dict[str, Any], summary: ChangeSummary
) -> Message | None:
    limit = (wall_ms() + FUTURE_TOLERANCE_MS) << COUNTER_BITS
    if summary.max_clock > limit or int(manifest.get("created_clock") or 0) > limit:
        return _say(
            QT_TRANSLATE_NOOP("sync", "Đồng hồ của gói ở tương lai quá xa (máy gửi sai giờ?).")
        )
    for device, (have, low) in summary.gaps.items():
        return _say(
            QT_TRANSLATE_NOOP(
                "sync",
                "Thiếu các thay đổi {first}–{last} của thiết bị {device}: hãy nhập các gói trước "
                "đó.",
            ),
            first=have + 1,
            last=low - 1,
            device=device[:8],
        )
    return None


QUARANTINE_REASON = ".reason.json"
# Written by earlier versions: the reason as one "tiếng Việt / English" line, shown as written.
QUARANTINE_REASON_TEXT = ".reason.txt"


def _quarantine(ws: Workspace, staged: Path, name: str, reason: Message) -> Path:
    """Keep a held-back package for the supervisor (from the staged copy: the USB stick may be
    gone by now), with why it was held back beside it (``<name>.reason.json``: the message's
    context, template and parameters, said in the language of whoever reads it)."""
    folder = private_folder(quarantine_folder(ws))
    target = folder / name
    shutil.copyfile(staged, target)
    target.with_name(target.name + QUARANTINE_REASON).write_text(
        json.dumps(reason.as_plain(), ensure_ascii=False), encoding="utf-8"
    )
    return target


def _check_photos(ws: Workspace, photos: _PhotoReading, formats: dict[str, str | None]) -> None:
    """Photos pass the same checks as photos a surveyor adds: each file is read (in the
    bounded worker processes: a hostile file can hang a parser) and must be a photo of the
    format its record declares, with a pixel count a camera makes; every photo record comes
    with its file unless the file is already here; no file comes without its record."""

    files = photos.files
    if set(files) - set(formats):
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Gói có ảnh không thuộc bản ghi nào")),
            Refusal.EXTRA_PHOTO,
        )
    store = PhotoStore(photo_folder(ws.path))
    for sha in formats:
        if sha not in files and store.find_original(sha) is None:
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP("sync", "Bản ghi ảnh {sha}… đến mà không có tệp ảnh"),
                    sha=sha[:12],
                ),
                Refusal.MISSING_PHOTO,
            )
    for sha, result in sorted(photos.results().items()):
        declared = formats[sha]
        if isinstance(result, Failure) or result is None or result != (declared or result):
            why: Message | str
            if isinstance(result, Failure) or result is None:
                why = result.message if result is not None else "?"
            else:
                why = _say(
                    QT_TRANSLATE_NOOP(
                        "sync", "là {found}, không phải {declared} như bản ghi của nó"
                    ),
                    found=result,
                    declared=declared,
                )
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP("sync", "Ảnh {sha}… trong gói không hợp lệ: {why}"),
                    sha=sha[:12],
                    why=why,
                ),
                Refusal.BAD_PHOTO,
            )


def _store_photos(
    ws: Workspace, files: dict[str, Path], formats: dict[str, str | None], report: ImportReport
) -> list[Path]:
    """Photo originals arrive by hash, already checked against the signed manifest: they are
    moved into the store as they are, and the new ones are returned. Their thumbnails are made
    afterwards (``photos.make_missing_copies``), in the bounded workers, outside the import."""
    store = PhotoStore(photo_folder(ws.path))
    stored: list[Path] = []
    try:
        new = {sha: path for sha, path in files.items() if store.find_original(sha) is None}
        flush_files(new.values())
        for sha, path in files.items():
            if sha in new:
                claimed = claim_original(store, sha, formats[sha], path, flushed=True)
                if claimed is not None:
                    stored.append(claimed)
            report.photos += 1
    except BaseException:  # a full disk halfway: take back what this import put there
        _unstore(ws, stored)
        raise
    return stored


def _unstore(ws: Workspace, stored: Iterable[Path]) -> None:
    """Take back the originals an import put in the store when it then failed, so the
    workspace is left as it was: only files this import created (``claim_original``) and that
    no committed photo record refers to (another import or an ingest may have recorded the
    same photo meanwhile)."""
    for path in stored:
        sha = path.name.split(".", 1)[0]
        if not ws.db.execute("SELECT 1 FROM photos WHERE sha256 = ?", [sha]).fetchone():
            path.unlink(missing_ok=True)


def _read_acks(path: Path | None) -> dict[str, int]:
    """What the sender holds of each device's changes: {device id: sequence number}."""
    if path is None:
        return {}
    data = path.read_bytes() or b"{}"
    try:
        acks = json.loads(data) if json_depth_ok(data) else None
    except (ValueError, RecursionError):
        acks = None
    if not isinstance(acks, dict) or not all(
        is_record_id(origin) and _is_count(seq, 0, MAX_SEQ) for origin, seq in acks.items()
    ):
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Phần xác nhận của gói không đọc được.")),
            Refusal.BAD_MANIFEST,
        )
    return acks


def _record_acks(ws: Workspace, peer: str, acks: dict[str, int]) -> None:
    for origin, seq in acks.items():
        ws.db.execute(
            "INSERT INTO sync_acks (peer_device, origin_device, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (peer_device, origin_device) DO UPDATE SET "
            "seq = max(seq, excluded.seq)",
            [peer, origin, seq],
        )
