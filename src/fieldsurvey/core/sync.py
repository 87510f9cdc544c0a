"""Two-way sync through packages: export what a peer has not acknowledged, import with merge
rules that converge (highest (clock, device, version) wins per field) and keep every conflict."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import shutil
import sqlite3
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from filelock import Timeout

from fieldsurvey.core import authorship, keys, ledger, permissions, scope, search
from fieldsurvey.core.clock import COUNTER_BITS, wall_ms
from fieldsurvey.core.db import import_lock, photo_folder, private_folder, staging_folder
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.package import OpenedPackage, PackageError, open_package, write_package
from fieldsurvey.core.photos import (
    Failure,
    PhotoStore,
    check_incoming_photo,
    claim_original,
    run_in_workers,
)
from fieldsurvey.core.records import (
    RECORD_KINDS,
    clean_value,
    empty_value,
    is_record_id,
    record_kind,
    storable_text,
)
from fieldsurvey.core.workspace import (
    CHANGE_COLUMNS,
    MAX_SEQ,
    Workspace,
    fields_json,
    iso_from_ms,
)

log = logging.getLogger(__name__)

# Version 2: every change travels in its author's signed log (ledger.py); version 1 packages,
# whose changes nobody signed, are refused.
FORMAT_VERSION = 2
HEADS_ENTRY = "heads.json"
CHANGED_AFTER_APPROVAL = "changed_after_approval"
AUTHORS_ENTRY = "authors.json"
# A package stamped more than a day ahead of this machine's clock is held back, not applied:
# one wrong laptop clock would otherwise win every field for ever.
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000


class SyncError(FieldSurveyError):
    """A package cannot be exported or imported; the message says which check failed."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


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


# -- identity ------------------------------------------------------------------------------------


def identity(ws: Workspace) -> keys.DeviceIdentity:
    """This workspace's device identity with its private keys (unlocked through the workspace,
    which asks for a passphrase if needed), made on first use."""
    return ws.identity()


def _signer(ws: Workspace) -> Any:
    def trusted(device_id: str) -> Ed25519PublicKey | None:
        peer = keys.trusted_peer(ws.db, device_id)
        return None if peer is None else Ed25519PublicKey.from_public_bytes(peer.signing_public)

    return trusted


# -- export ----------------------------------------------------------------------------------------


def default_recipient(ws: Workspace) -> keys.PublicIdentity:
    """A surveyor's packages go to the office it is enrolled with."""
    offices = [p for p in keys.list_peers(ws.db) if p["role"] == "office" and not p["revoked_at"]]
    if len(offices) != 1:
        raise SyncError(
            "Hãy chọn nơi nhận gói (--to): workspace này không có đúng một văn phòng đã đăng "
            "ký. / Choose the recipient (--to): this workspace is not enrolled with exactly one "
            "office.",
            "no-recipient",
        )
    peer = keys.trusted_peer(ws.db, offices[0]["device_id"])
    assert peer is not None
    return peer


def _recipient(ws: Workspace, recipient_id: str | None) -> keys.PublicIdentity:
    if recipient_id is None:
        return default_recipient(ws)
    found = keys.trusted_peer(ws.db, recipient_id)
    if found is None:
        raise SyncError(
            f"Thiết bị {recipient_id} chưa đăng ký hoặc đã bị thu hồi. / "
            "The recipient is not enrolled or was revoked.",
            "unknown-recipient",
        )
    return found


@dataclass
class Outgoing:
    """What an export carries, gathered while the log streams to a file."""

    count: int = 0
    withheld: int = 0
    max_clock: int = 0
    by_table: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    ranges: dict[str, list[int]] = field(default_factory=dict)
    heads: dict[str, ledger.Head] = field(default_factory=dict)
    photos: dict[str, Path] = field(default_factory=dict)


_LOG_ROWS = (
    "SELECT l.device_id, l.seq, l.digest, "
    + ", ".join(f"c.{c}" for c in CHANGE_COLUMNS)
    + " FROM log_entries l LEFT JOIN changes c ON c.device_id = l.device_id AND c.seq = l.seq "
    "WHERE l.device_id = ? AND l.seq > ? AND l.seq <= ? ORDER BY l.seq"
)


def recipient_scope(ws: Workspace, recipient: keys.PublicIdentity) -> scope.Scope | None:
    """What a recipient may see: everything for an office; for a surveyor, its unit's area and
    its own records (scope.py)."""
    if recipient.role == "office":
        return None
    row = ws.db.execute(
        "SELECT unit_id, clearance FROM peers WHERE device_id = ?", [recipient.device_id]
    ).fetchone()
    unit_id, cleared = (row[0], bool(row[1])) if row else (None, False)
    return scope.scope_of(ws.db, recipient.device_id, unit_id, cleared)


def _outgoing(
    ws: Workspace,
    recipient: keys.PublicIdentity,
    full: bool,
    sink: BinaryIO | None = None,
    own_head: ledger.Head | None = None,
) -> Outgoing:
    """Stream, author by author and in each author's order, the entries of every log the peer
    does not hold yet (all of them with ``full``) as JSON lines into ``sink``: a change whole
    when the peer may see its record, else only its place in the log (author, number, digest),
    which keeps every chain checkable and tells nothing of the record. Each author's entries go
    up to its newest signed head (this device's: ``own_head``, signed for this export); a
    city's history never sits in memory."""
    acked = (
        {}
        if full
        else {
            origin: seq
            for origin, seq in ws.db.execute(
                "SELECT origin_device, seq FROM sync_acks WHERE peer_device = ?",
                [recipient.device_id],
            )
        }
    )
    visible = recipient_scope(ws, recipient)
    store = PhotoStore(photo_folder(ws.path))
    out = Outgoing()
    for device, held in sorted(ledger.tips(ws.db).items()):
        signed = own_head if own_head is not None and device == ws.device_id else None
        signed = signed or ledger.head(ws.db, device)
        if device == ws.device_id and signed is None:
            signed = ledger.Head(device, held, b"", 0, device, b"")  # counted, not yet signed
        first = acked.get(device, 0)
        if signed is None or signed.attested or signed.seq <= first:
            continue  # a log attested at an upgrade waits for its author's own signed head
        out.heads[device] = signed
        out.ranges[device] = [first + 1, signed.seq]
        for row in ws.db.conn.execute(_LOG_ROWS, [device, first, signed.seq]):
            seq, digest, content = row[1], bytes(row[2]), row[3:]
            out.count += 1
            table, record_id = content[6], content[7]
            if (
                content[0] is None
                or device == recipient.device_id  # its own: it has them
                or (visible is not None and not visible.allows(table, record_id))
            ):
                out.withheld += 1
                if sink is not None:
                    line = {"device_id": device, "seq": seq, "digest": digest.hex()}
                    sink.write(json.dumps(line).encode() + b"\n")
                continue
            change = dict(zip(CHANGE_COLUMNS, content, strict=True))
            fields = json.loads(change["fields"])
            out.by_table[table] += 1
            out.max_clock = max(out.max_clock, change["clock"])
            if table == "photos" and change["op"] == "insert" and "sha256" in fields:
                sha = fields["sha256"][1]
                original = store.find_original(sha)
                if original is not None:
                    out.photos[sha] = original
            if sink is not None:
                sink.write(fields_json({**change, "fields": fields}).encode() + b"\n")
    return out


def pending_export(
    ws: Workspace, *, recipient_id: str | None = None, full: bool = False
) -> dict[str, Any]:
    """What an export would carry now: the recipient, the number of changes (whole, and by
    table; and those sent as their place in the log only) and photos."""
    recipient = _recipient(ws, recipient_id)
    outgoing = _outgoing(ws, recipient, full)
    return {
        "recipient": recipient.device_id,
        "recipient_name": recipient.name,
        "changes": outgoing.count - outgoing.withheld,
        "withheld": outgoing.withheld,
        "by_table": dict(sorted(outgoing.by_table.items())),
        "photos": len(outgoing.photos),
    }


def sign_own_head(ws: Workspace, me: keys.DeviceIdentity) -> ledger.Head | None:
    """A signed head over this device's whole log (None while it has written nothing)."""
    seq, hash_ = ledger.tip(ws.db, me.device_id)
    if seq == 0:
        return None
    return ledger.sign_head(
        me.device_id, seq, hash_, ws.clock.tick(), me.device_id, me.signing_private
    )


def export_package(
    ws: Workspace, target: Path, *, recipient_id: str | None = None, full: bool = False
) -> dict[str, Any]:
    """Write a package for a peer: every log entry it does not hold (all with ``full``), the
    signed heads that prove them, the photos the visible changes add, and what we hold of
    every log (our acknowledgement)."""
    me = identity(ws)
    recipient = _recipient(ws, recipient_id)
    own_head = sign_own_head(ws, me)
    try:
        manifest, outgoing = _write_export(ws, me, recipient, target, full, own_head)
    except OSError as exc:
        raise SyncError(
            f"Không ghi được gói vào {target.parent}: {exc.strerror or exc}. Hãy kiểm tra thẻ "
            "nhớ/USB và chỗ trống. / Cannot write the package there.",
            "io-error",
        ) from exc
    with ws.transaction():
        if own_head is not None:
            ledger.store_head(ws.db, own_head)
        ws.db.execute(
            "INSERT INTO packages (package_id, direction, peer_device, changes, photos, "
            "created_clock, at, file_name) VALUES (?, 'out', ?, ?, ?, ?, ?, ?)",
            [
                manifest["package_id"],
                recipient.device_id,
                outgoing.count,
                len(outgoing.photos),
                manifest["created_clock"],
                iso_from_ms(wall_ms()),
                target.name,
            ],
        )
    return manifest


def _author_cards(
    ws: Workspace, me: keys.DeviceIdentity, recipient: keys.PublicIdentity, devices: Iterable[str]
) -> bytes:
    """An office introduces to its recipient the devices whose logs it relays (their public
    signing keys and roles: the office enrolled them); others introduce nobody."""
    if me.role != "office":
        return b"[]"
    known = authorship.authors(ws.db)
    cards = [known[d].card() for d in sorted(devices) if d in known and d != recipient.device_id]
    return json.dumps(cards, ensure_ascii=False).encode()


def _write_export(
    ws: Workspace,
    me: keys.DeviceIdentity,
    recipient: keys.PublicIdentity,
    target: Path,
    full: bool,
    own_head: ledger.Head | None,
) -> tuple[dict[str, Any], Outgoing]:
    with tempfile.TemporaryDirectory(prefix=".export-", dir=target.parent) as tmp:
        changes_file = Path(tmp) / "changes.jsonl"
        with changes_file.open("wb") as sink:
            outgoing = _outgoing(ws, recipient, full, sink, own_head)
        signing_key, rotation_entries = _rotation_out(ws, me, recipient)
        heads = [h.as_json() for _, h in sorted(outgoing.heads.items())]
        entries: list[tuple[str, Path | bytes]] = [
            ("changes.jsonl", changes_file),
            *((f"photos/{sha}", path) for sha, path in outgoing.photos.items()),
            ("acks.json", json.dumps(ledger.tips(ws.db), sort_keys=True).encode()),
            (HEADS_ENTRY, json.dumps(heads).encode()),
            (AUTHORS_ENTRY, _author_cards(ws, me, recipient, outgoing.heads)),
            *rotation_entries,
        ]
        manifest = {
            "format": "fieldsurvey-package",
            "format_version": FORMAT_VERSION,
            "package_id": str(uuid.uuid4()),
            "sender": me.device_id,
            "recipient": recipient.device_id,
            "created_clock": max(ws.clock.last, outgoing.max_clock),
            "seq_ranges": outgoing.ranges,
            "changes": outgoing.count,
            "photos": len(outgoing.photos),
        }
        manifest = write_package(
            target,
            manifest=manifest,
            entries=entries,
            sender_key=signing_key,
            recipient_key=recipient.encryption_key(),
            recipient_fingerprint=recipient.fingerprint,
        )
    return manifest, outgoing


# -- key rotation (keys.rotate): what packages carry of it -----------------------------------------

ROTATION_ENTRY = "rotation.json"


def _rotation_out(
    ws: Workspace, me: keys.DeviceIdentity, recipient: keys.PublicIdentity
) -> tuple[Ed25519PrivateKey, list[tuple[str, Path | bytes]]]:
    """The key that signs a package for ``recipient``, and the entry announcing this device's
    new keys while the recipient has not shown it has them: until then the package is signed
    with the key it knows (the statement, signed by both keys, tells it the new one)."""
    statement = keys.rotation_for(ws.db, recipient.device_id)
    if statement is None:
        return me.signing_private, []
    signing = me.previous_signing or me.signing_private
    return signing, [(ROTATION_ENTRY, b"[" + statement + b"]")]


def _open_with_known_keys(
    ws: Workspace, me: keys.DeviceIdentity, source: Path, staging: Path
) -> OpenedPackage:
    """Open a package signed with its sender's enrolled key or, failing that, with a key the
    sender replaced by a rotation: accepted for a package made before the rotation, or one that
    carries the rotation itself (its sender did not yet know we have the new keys)."""
    senders: list[str] = []
    trusted = _signer(ws)

    def enrolled(device_id: str) -> Ed25519PublicKey | None:
        senders.append(device_id)
        key: Ed25519PublicKey | None = trusted(device_id)
        return key

    def open_with(signer: Any) -> OpenedPackage:
        return open_package(
            source,
            staging=staging,
            recipient_key=me.encryption_private,
            recipient_fingerprint=me.public().fingerprint,
            trusted_signer=signer,
        )

    try:
        return open_with(enrolled)
    except PackageError as exc:
        if exc.reason != "bad-signature" or not senders:
            raise
        refused = exc
    sender = senders[-1]
    if keys.trusted_peer(ws.db, sender) is None:
        raise refused
    for retired, valid_until in keys.retired_keys(ws.db, sender):
        key = Ed25519PublicKey.from_public_bytes(retired)
        try:
            opened = open_with(lambda device_id, key=key: key if device_id == sender else None)
        except PackageError as exc:
            if exc.reason == "bad-signature":
                continue
            raise
        created = opened.manifest.get("created_clock")
        made_at = (
            iso_from_ms(created >> COUNTER_BITS)
            if isinstance(created, int) and 0 <= created <= MAX_CLOCK
            else ""
        )
        if keys.signed_before(made_at, valid_until) or any(
            r.old_signing_public == retired for r in _rotations_in(ws, opened, check=False)
        ):
            return opened
        raise SyncError(
            f"Gói được ký bằng khoá mà thiết bị {sender[:8]} đã thay ngày {valid_until}. / "
            "The package is signed with a key its device replaced.",
            "retired-key",
        )
    raise refused


def _rotations_in(ws: Workspace, opened: OpenedPackage, *, check: bool) -> list[keys.Rotation]:
    """The rotation statements a package carries: all of its sender, read strictly; with
    ``check``, each also checked against what this workspace enrolled (nothing written)."""
    path = opened.entry_paths.get(ROTATION_ENTRY)
    if path is None:
        return []
    sender = str(opened.manifest["sender"])

    def bad(why: str) -> SyncError:
        return SyncError(
            f"Thông báo đổi khoá trong gói không hợp lệ: {why}. / The package's key rotation "
            f"is not valid: {why}.",
            "bad-rotation",
        )

    data = path.read_bytes()
    if len(data) > 8 * keys.MAX_ROTATION_BYTES or not json_depth_ok(data, 4):
        raise bad("quá lớn / too large")
    try:
        items = json.loads(data)
    except ValueError:
        raise bad("không đọc được / not readable") from None
    if not isinstance(items, list) or not 0 < len(items) <= 8:
        raise bad("không phải danh sách / not a list")
    rotations = []
    try:
        for item in items:
            rotation = keys.read_rotation(item)
            if rotation.device_id != sender:
                raise bad("của thiết bị khác / another device's")
            if check:
                keys.check_rotation(ws.db, rotation)
            rotations.append(rotation)
    except keys.RotationError as exc:
        raise SyncError(str(exc), "bad-rotation") from None
    return rotations


def _apply_key_changes(ws: Workspace, sender: str, rotations: Iterable[keys.Rotation]) -> None:
    """In the import's transaction: the sender's new keys (before anything that needs them),
    and, since the package opened with this device's current keys, the sender has them."""
    at = iso_from_ms(wall_ms())
    try:
        for rotation in rotations:
            keys.apply_rotation(ws.db, rotation, at=at)
    except keys.RotationError as exc:
        raise SyncError(str(exc), "bad-rotation") from None
    keys.acknowledge_rotation(ws.db, sender, at=at)


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
                "Một lần nhập gói khác vào workspace này đang chạy quá lâu; hãy thử lại sau. / "
                "Another import into this workspace is still running; try again later.",
                "busy",
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
    ws: Workspace, source: Path, staging: Path
) -> tuple[OpenedPackage, ChangeSummary, Any, _PhotoReading]:
    """Open a package into ``staging`` and run every check that needs no writing: the file,
    the signature, the manifest, every change against the schema, every log against its
    author's signed head and every change against its author's role, the acknowledgements."""
    me = identity(ws)
    opened = _open_with_known_keys(ws, me, source, staging)
    photos = _PhotoReading(opened)  # in the workers, while the log is checked here
    try:
        summary, acks = _check_opened(ws, me, opened)
    except BaseException:
        photos.wait()  # its workers read from staging, which goes next
        raise
    return opened, summary, acks, photos


def _check_opened(
    ws: Workspace, me: keys.DeviceIdentity, opened: OpenedPackage
) -> tuple[ChangeSummary, dict[str, int]]:
    sender = keys.trusted_peer(ws.db, str(opened.manifest["sender"]))
    assert sender is not None  # open_package refused the package otherwise
    rotations = _rotations_in(ws, opened, check=True)
    try:
        keys.check_demo_match(me.demo_seed, sender.demo_seed, sender.device_id)
    except keys.DemoMismatchError as exc:
        raise SyncError(str(exc), "demo-mismatch") from None
    for name in ("changes.jsonl", HEADS_ENTRY, AUTHORS_ENTRY):
        if name not in opened.entry_paths:
            raise SyncError(
                f"Gói thiếu phần {name}. / The package has no {name} entry.", "bad-manifest"
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
    check = _LogCheck(ws, me, known, heads)
    summary = check.scan(opened.entry_paths["changes.jsonl"])
    summary.cards = cards
    _check_manifest(opened.manifest, summary)
    for name in opened.entry_paths:  # a photo's name is its hash, which the signature covers
        if name.startswith("photos/") and (
            opened.manifest["entries"][name]["sha256"] != name.split("/", 1)[1]
        ):
            raise SyncError(
                "Ảnh trong gói không khớp mã băm của nó. / A photo does not match its hash.",
                "hash-mismatch",
            )
    return summary, _read_acks(opened.entry_paths.get("acks.json"))


class _PhotoReading:
    """A package's photo files read in the bounded worker processes (``check_incoming_photo``)
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
        shas = sorted(self.files)
        results = run_in_workers(
            check_incoming_photo,
            [(str(self.files[sha]), sha, None) for sha in shas],
            names=[sha[:12] for sha in shas],
        )
        return dict(zip(shas, results, strict=True))

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
            f"Phần {path.name} của gói không đọc được. / The package's {path.name} is not valid.",
            "bad-manifest",
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


def verify(ws: Workspace, source: Path) -> dict[str, Any]:
    """Every check of an import without writing anything; returns the manifest."""
    with _one_import_at_a_time(ws) as staging:
        opened, summary, _, photos = _open_checked(ws, source, staging)
        _check_photos(ws, photos, summary.photo_formats)
        return dict(opened.manifest)


@dataclass
class ChangeSummary:
    """What the import needs to know of a package's log before applying it, gathered in one
    streaming pass (a package can hold millions of changes; none is kept in memory)."""

    count: int = 0
    max_clock: int = 0
    photo_formats: dict[str, str | None] = field(default_factory=dict)
    # Per author: how much of its log was held before (seq, hash), and the signed head that
    # proves the new entries.
    held: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    heads: dict[str, ledger.Head] = field(default_factory=dict)
    # Per author whose log continues past a gap: (held, first entry in the package).
    gaps: dict[str, tuple[int, int]] = field(default_factory=dict)
    cards: list[authorship.Author] = field(default_factory=list)
    # The new entries' digests and hashes (32 + 32 bytes each, in the package's order), so the
    # second pass need not compute them again: 23 MB for the whole city's 355,000 changes.
    new_entries: bytearray = field(default_factory=bytearray)


# Bounds on what a package may claim, far inside SQLite's 64-bit integers: a sequence number
# or clock near 2**63 would make every later local write overflow.
MAX_CLOCK = 1 << 62
MAX_JSON_DEPTH = 32
MAX_USER_CHARS = 200
MAX_LINE_BYTES = 4 << 20


def _shown(value: Any) -> str:
    """An untrusted value in a message: repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def json_depth_ok(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests arrays and objects at most ``limit`` deep (checked before
    parsing, whose recursion a deep enough document would exhaust). Brackets inside strings
    are not nesting: counted only when the quick bound says it matters."""
    if data.count(b"[") + data.count(b"{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _lines(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if len(line) > MAX_LINE_BYTES or not json_depth_ok(line):
                raise SyncError(
                    f"Dòng {number} của danh sách thay đổi quá dài hoặc lồng quá sâu. / "
                    f"Line {number} of the changes is too long or nested too deeply.",
                    "bad-record",
                )
            try:
                yield number, json.loads(line)
            except (ValueError, RecursionError):  # invalid UTF-8 is a ValueError too
                raise SyncError(
                    f"Dòng {number} của changes.jsonl không đọc được. / "
                    f"Line {number} of the changes is not JSON.",
                    "bad-record",
                ) from None


class _LogCheck:
    """The first pass of an import: every line of the package's log checked against the schema
    (``_validated``), its author's chain from what this workspace holds of it, its author's
    signed head, and its author's role (permissions.py). Writes nothing."""

    def __init__(
        self,
        ws: Workspace,
        me: keys.DeviceIdentity,
        known: dict[str, authorship.Author],
        heads: dict[str, ledger.Head],
    ) -> None:
        self.ws, self.me, self.known, self.heads = ws, me, known, heads
        self.roles = {device: author.role for device, author in known.items()}
        self.summary = ChangeSummary()

    def scan(self, path: Path) -> ChangeSummary:
        device: str | None = None
        expected = 0
        held, hash_ = 0, b""
        done: set[str] = set()
        for number, raw in _lines(path):
            entry, change = _entry(raw, number, self.ws.commune_codes)
            if entry[0] != device:
                if device is not None:
                    self._end_of_log(device, expected - 1, held, hash_)
                device = entry[0]
                if device in done:
                    raise _refused_line(number, "nhật ký không theo thứ tự / log out of order")
                done.add(device)
                held, hash_ = ledger.tip(self.ws.db, device)
                expected = entry[1]
                if expected > held + 1:
                    self.summary.gaps[device] = (held, expected)
            seq, digest = entry[1], entry[2]
            if seq != expected:
                raise _refused_line(number, "số thứ tự không liên tiếp / sequence not contiguous")
            expected += 1
            self.summary.count += 1
            if change is not None:
                self._permitted(change, number)
                self.summary.max_clock = max(self.summary.max_clock, change["clock"])
                fields = change["fields"]
                if change["table_name"] == "photos" and change["op"] == "insert":
                    sha = fields["sha256"][1]
                    self.summary.photo_formats[sha] = (fields.get("format") or [None, None])[1]
            if device in self.summary.gaps:
                continue
            if seq <= held:
                stored = self.ws.db.execute(
                    "SELECT digest FROM log_entries WHERE device_id = ? AND seq = ?", [device, seq]
                ).fetchone()
                if stored is None or bytes(stored[0]) != digest:
                    raise _forged(
                        f"thay đổi số {seq} của thiết bị {device[:8]} khác với bản đã có",
                        f"change {seq} of device {device[:8]} differs from the one held here",
                    )
            else:
                hash_ = ledger.link(hash_, digest)
                self.summary.new_entries += digest + hash_
        if device is not None:
            self._end_of_log(device, expected - 1, held, hash_)
        return self.summary

    def _end_of_log(self, device: str, last: int, held: int, hash_: bytes) -> None:
        if device in self.summary.gaps or last <= held:
            return
        if device == self.me.device_id:
            raise _forged(
                "gói chứa thay đổi mang tên thiết bị này mà thiết bị này chưa từng ghi",
                "the package holds changes in this device's name that it never made",
            )
        head = self.heads.get(device)
        if head is None or head.seq != last or head.hash != hash_:
            raise _forged(
                f"nhật ký của thiết bị {device[:8]} không khớp chữ ký của tác giả",
                f"the log of device {device[:8]} does not match its author's signed head",
            )
        author = self.known.get(device)
        if author is None:
            raise SyncError(
                f"Gói chứa thay đổi của thiết bị {device[:8]} chưa đăng ký, không kiểm tra được "
                "tác giả. / The package holds changes of a device not enrolled here.",
                "unknown-author",
            )
        try:
            keys.check_demo_match(self.me.demo_seed, author.demo_seed, device)
        except keys.DemoMismatchError as exc:
            raise SyncError(str(exc), "demo-mismatch") from None
        # A head attested at an upgrade is good in its own workspace, not for others.
        why = (
            author.head_refusal(head)
            if head.signer == device
            else "không có chữ ký của tác giả / not signed by its author"
        )
        if why is not None:
            reason = "revoked" if author.revoked_at and "thu hồi" in why else "forged"
            raise SyncError(
                f"Gói bị từ chối: {why}. Không có gì được ghi. / The package was refused; "
                "nothing was written.",
                reason,
            )
        self.summary.held[device] = (held, b"")
        self.summary.heads[device] = head

    def _permitted(self, change: dict[str, Any], number: int) -> None:
        author = self.known.get(change["device_id"])
        if author is None:
            raise SyncError(
                f"Thay đổi số {number} là của thiết bị {change['device_id'][:8]} chưa đăng ký. / "
                "A change comes from a device not enrolled here.",
                "unknown-author",
            )
        why = permissions.refusal(
            author.role, change["table_name"], change["op"], change["fields"]
        ) or _undoes_office_delete(self.ws, self.roles, author.role, change)
        if why is not None:
            raise SyncError(
                f"Gói bị từ chối ở thay đổi số {change['seq']} của {author.name}: {why}. Không "
                f"có gì được ghi. / The package was refused at change {change['seq']} of "
                f"{author.name}; nothing was written.",
                "not-permitted",
            )


def _undoes_office_delete(
    ws: Workspace, roles: dict[str, str], role: str, change: dict[str, Any]
) -> str | None:
    """A surveyor may not restore a record the office deleted."""
    if role == "office" or change["fields"].get("deleted", [0, 1])[1] != 0:
        return None
    return permissions.office_delete_refusal(
        ws.db, roles, change["table_name"], change["record_id"]
    )


def _refused_line(number: int, why: str) -> SyncError:
    return SyncError(
        f"Dòng {number} của nhật ký trong gói không hợp lệ: {why}. / Line {number} of the log "
        f"is invalid: {why}.",
        "bad-record",
    )


def _forged(vi: str, en: str) -> SyncError:
    return SyncError(
        f"Gói bị từ chối: {vi}; có thể đã bị sửa hoặc giả mạo. Không có gì được ghi. / The "
        f"package was refused: {en}; it may have been altered or forged. Nothing was written.",
        "forged",
    )


_REDACTED = frozenset({"device_id", "seq", "digest"})


def _entry(
    raw: Any, number: int, communes: Collection[str]
) -> tuple[tuple[str, int, bytes], dict[str, Any] | None]:
    """One line of a package's log: (author, number, digest) and the change itself, or None
    when only its place in the log travels."""
    if isinstance(raw, dict) and set(raw) == _REDACTED:
        device, seq, digest = raw["device_id"], raw["seq"], raw["digest"]
        if not (
            is_record_id(device)
            and _is_count(seq, 1, MAX_SEQ)
            and isinstance(digest, str)
            and len(digest) == 64
            and all(c in "0123456789abcdef" for c in digest)
        ):
            raise _refused_line(number, "mục nhật ký / log entry")
        return (device, seq, bytes.fromhex(digest)), None
    change = _validated(raw, number, communes)
    digest_ = ledger.change_digest(change, fields_json(change["fields"]))
    return (change["device_id"], change["seq"], digest_), change


def _log_then_changes(
    ws: Workspace, path: Path, summary: ChangeSummary
) -> Iterator[dict[str, Any]]:
    """The second pass, inside the import's transaction: each new entry joins its author's log
    (the chain was proven by the first pass) and every change that came whole is yielded to be
    applied (a change held here only as its digest gets its content now)."""
    batch: list[tuple[str, int, bytes, bytes]] = []
    proven = memoryview(summary.new_entries)
    at = 0
    for _, raw in _lines(path):  # checked line by line in the first pass
        device, seq = raw["device_id"], raw["seq"]
        if device in summary.heads and seq > summary.held[device][0]:
            batch.append(
                (device, seq, bytes(proven[at : at + 32]), bytes(proven[at + 32 : at + 64]))
            )
            at += 64
            if len(batch) >= 5000:
                ws.db.conn.executemany(_ADD_ENTRY, batch)
                batch.clear()
        if set(raw) != _REDACTED:
            yield raw
    ws.db.conn.executemany(_ADD_ENTRY, batch)
    for head in summary.heads.values():
        ledger.store_head(ws.db, head)


_ADD_ENTRY = "INSERT INTO log_entries (device_id, seq, digest, hash) VALUES (?, ?, ?, ?)"


def _is_count(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _is_text(value: Any, limit: int) -> bool:
    """A non-empty string of at most ``limit`` characters that SQLite stores as it is."""
    return isinstance(value, str) and 0 < len(value) <= limit and storable_text(value)


def _is_time(value: Any) -> bool:
    if not _is_text(value, 40):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=8192)
def _stored_form_fault(table: str, name: str, value_type: type, value: Any) -> str | None:
    """What is wrong with a field's value as a package states it (it must already be in the
    form the write path stores), or None. Remembered for short plain values: a package repeats
    its codes, communes, sites and view directions thousands of times. ``value_type`` keeps 1,
    1.0 and True apart."""
    kind = RECORD_KINDS[table]
    try:
        stored = clean_value(kind, kind.field(name), value)
    except FieldSurveyError as exc:
        return str(exc)
    if stored != value:
        return "giá trị không ở dạng lưu trữ / not in stored form"
    return None


def _validated(change: Any, number: int, communes: Collection[str]) -> dict[str, Any]:
    """Check one change as strictly as the local write path checks a typed value: its keys,
    table, operation, ids, counters and time, and every field's old and new value in the form
    it is stored in. Raises SyncError naming the change and what is wrong."""

    def bad(why: str) -> SyncError:
        return SyncError(
            f"Bản ghi thay đổi số {number} không hợp lệ: {why}. / "
            f"Change {number} is invalid: {why}.",
            "bad-record",
        )

    if not isinstance(change, dict) or set(change) != set(CHANGE_COLUMNS):
        raise bad("thiếu hoặc thừa trường / wrong keys")
    table = change["table_name"]
    kind = RECORD_KINDS.get(table) if isinstance(table, str) else None
    if kind is None:
        raise bad(f"bảng lạ {_shown(table)} / unknown table")
    op = change["op"]
    if op not in ("insert", "update", "delete"):
        raise bad("op")
    for key in ("id", "device_id", "record_id"):
        if not is_record_id(change[key]):
            raise bad(key)
    if not _is_time(change["at"]):
        raise bad("at")
    if not _is_count(change["seq"], 1, MAX_SEQ):
        raise bad("seq")
    if not _is_count(change["clock"], 1, MAX_CLOCK):
        raise bad("clock")
    if change["user"] is not None and not _is_text(change["user"], MAX_USER_CHARS):
        raise bad("user")
    fields = change["fields"]
    if not isinstance(fields, dict) or not fields:
        raise bad("fields")
    if op == "delete" and set(fields) != {"deleted"}:
        raise bad("delete: chỉ có trường deleted / a delete changes only 'deleted'")
    for name, triple in fields.items():
        if not (isinstance(triple, list) and len(triple) == 3):
            raise bad(_shown(name))
        old, new, old_clock = triple
        if old_clock is not None and not _is_count(old_clock, 0, MAX_CLOCK):
            raise bad(f"{_shown(name)}: đồng hồ cũ / base clock")
        if op == "insert" and (old is not None or old_clock is not None):
            raise bad(
                f"{_shown(name)}: bản ghi mới không có giá trị cũ / an insert has no old value"
            )
        if name == "deleted":
            # A delete goes from 0 to 1; an update (a restore, a confirmed decision) any way.
            wanted = [(0, 1)] if op == "delete" else [(0, 0), (0, 1), (1, 0), (1, 1)]
            if (old, new) not in wanted or type(old) is not int or type(new) is not int:
                raise bad("deleted")
            continue
        if name not in kind.field_names:
            raise bad(f"trường lạ {_shown(name)} / unknown field")
        field_ = kind.field(name)
        for value in (new,) if op == "insert" else (old, new):
            if value is None and value is old:
                continue
            if isinstance(value, (int, float)) or (isinstance(value, str) and len(value) <= 100):
                why = _stored_form_fault(table, name, type(value), value)
            else:
                why = _stored_form_fault.__wrapped__(table, name, type(value), value)
            if why:
                raise bad(f"{name}: {why}")
            if field_.kind == "commune" and value is not None and value not in communes:
                raise bad(f"{name}: mã xã/phường {_shown(value)} không có / unknown commune")
            if field_.kind == "communes" and not set(json.loads(str(value))) <= set(communes):
                raise bad(f"{name}: mã xã/phường không có / unknown commune")
    if op == "insert":
        missing = [f.name for f in kind.fields if f.required and f.name not in fields]
        if missing:
            raise bad(f"thiếu {', '.join(missing)} / {', '.join(missing)} missing")
    return change


def _check_format(manifest: dict[str, Any], me: str) -> None:
    if manifest.get("format") != "fieldsurvey-package":
        raise SyncError(
            "Không phải gói đồng bộ FieldSurvey. / Not a FieldSurvey package.", "bad-manifest"
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SyncError(
            "Gói được tạo bởi phiên bản FieldSurvey mới hơn; hãy cập nhật. / "
            "The package is from a newer FieldSurvey.",
            "newer-format",
        )
    if version < FORMAT_VERSION:
        raise SyncError(
            "Gói được tạo bởi phiên bản FieldSurvey cũ, không chứng minh được tác giả của từng "
            "thay đổi; hãy cập nhật máy gửi rồi xuất lại. / The package is from an older "
            "FieldSurvey whose changes carry no proof of authorship: update the sender and "
            "export again.",
            "older-format",
        )
    if manifest.get("recipient") != me:
        raise SyncError(
            "Gói này không gửi cho workspace này. / The package is for another device.",
            "wrong-recipient",
        )
    if not is_record_id(manifest.get("package_id")) or not _is_count(
        manifest.get("created_clock"), 0, MAX_CLOCK
    ):
        raise SyncError(
            "Bản kê của gói thiếu mã gói hoặc đồng hồ hợp lệ. / The manifest has no valid "
            "package id or clock.",
            "bad-manifest",
        )


def _check_manifest(manifest: dict[str, Any], summary: ChangeSummary) -> None:
    if manifest.get("changes") != summary.count:
        raise SyncError(
            "Số thay đổi trong gói không khớp với bản kê. / The change count does "
            "not match the manifest.",
            "bad-manifest",
        )


class _RollBack(Exception):
    """Ends a dry run's transaction without keeping anything."""


def import_package(ws: Workspace, source: Path, *, dry_run: bool = False) -> ImportReport:
    """Import one package: check everything, then apply it whole in one transaction, or refuse
    it with the workspace left exactly as it was.

    With ``dry_run`` everything is checked and applied inside a transaction that is then rolled
    back: the report says what the import would do (new, updated, deleted records, conflicts).
    """
    with _one_import_at_a_time(ws) as staging:
        return _import_checked(ws, source, staging, dry_run)


def _import_checked(ws: Workspace, source: Path, staging: Path, dry_run: bool) -> ImportReport:
    try:
        opened, summary, acks, photos = _open_checked(ws, source, staging)
        manifest = opened.manifest
        report = ImportReport(str(manifest["package_id"]), str(manifest["sender"]), dry_run=dry_run)
        if ws.db.execute(
            "SELECT 1 FROM packages WHERE package_id = ?", [report.package_id]
        ).fetchone():
            report.already_imported = True
            return report
        hold = _hold_back_reason(ws, manifest, summary)
        if hold is not None:
            if not dry_run:
                report.quarantined = _quarantine(ws, opened.package_copy, source.name, hold)
                hold += (
                    f" Gói đã được chép vào {report.quarantined}. / The package was held "
                    "back in the quarantine folder."
                )
            raise SyncError(hold, "quarantined")
        photo_files = photos.files
        _check_photos(ws, photos, summary.photo_formats)
        stored: list[Path] = []
        if dry_run:
            report.photos = len(photo_files)
        else:
            stored = _store_photos(ws, photo_files, summary.photo_formats, report)
        try:
            with contextlib.suppress(_RollBack):  # the end of a dry run
                changes = _log_then_changes(ws, opened.entry_paths["changes.jsonl"], summary)
                rotations = _rotations_in(ws, opened, check=False)
                _apply_package(ws, manifest, changes, acks, report, source.name, rotations, summary)
        except sqlite3.IntegrityError as exc:  # e.g. a record pointing at one that never came
            _unstore(ws, stored)
            raise SyncError(
                f"Dữ liệu trong gói không nhất quán ({exc}). / The package's "
                "records are inconsistent.",
                "bad-record",
            ) from exc
        except BaseException:
            _unstore(ws, stored)
            raise
        if not dry_run:
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
        return report
    except (PackageError, SyncError) as exc:
        log.warning("package %s refused: %s", source, exc)
        raise


def _apply_package(
    ws: Workspace,
    manifest: dict[str, Any],
    changes: Iterable[dict[str, Any]],
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
        stats = apply_changes(ws, changes, package_id=report.package_id)
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


def _hold_back_reason(
    ws: Workspace, manifest: dict[str, Any], summary: ChangeSummary
) -> str | None:
    limit = (wall_ms() + FUTURE_TOLERANCE_MS) << COUNTER_BITS
    if summary.max_clock > limit or int(manifest.get("created_clock") or 0) > limit:
        return (
            "Đồng hồ của gói ở tương lai quá xa (máy gửi sai giờ?). / The package's clock is "
            "far in the future."
        )
    for device, (have, low) in summary.gaps.items():
        return (
            f"Thiếu các thay đổi {have + 1}–{low - 1} của thiết bị "
            f"{device[:8]}: hãy nhập các gói trước đó. / A gap in the device's changes: "
            "import the earlier packages first."
        )
    return None


QUARANTINE_REASON = ".reason.txt"


def _quarantine(ws: Workspace, staged: Path, name: str, reason: str) -> Path:
    """Keep a held-back package for the supervisor (from the staged copy: the USB stick may be
    gone by now), with why it was held back beside it (``<name>.reason.txt``)."""
    folder = private_folder(quarantine_folder(ws))
    target = folder / name
    shutil.copyfile(staged, target)
    target.with_name(target.name + QUARANTINE_REASON).write_text(reason, encoding="utf-8")
    return target


def _check_photos(ws: Workspace, photos: _PhotoReading, formats: dict[str, str | None]) -> None:
    """Photos pass the same checks as photos a surveyor adds: each file is read (in the
    bounded worker processes: a hostile file can hang a parser) and must be a photo of the
    format its record declares, with a pixel count a camera makes; every photo record comes
    with its file unless the file is already here; no file comes without its record."""

    def refuse(vi: str, en: str, reason: str) -> SyncError:
        return SyncError(f"{vi} / {en}", reason)

    files = photos.files
    if set(files) - set(formats):
        raise refuse(
            "Gói có ảnh không thuộc bản ghi nào",
            "The package carries a photo no record refers to",
            "extra-photo",
        )
    store = PhotoStore(photo_folder(ws.path))
    for sha in formats:
        if sha not in files and store.find_original(sha) is None:
            raise refuse(
                f"Bản ghi ảnh {sha[:12]}… đến mà không có tệp ảnh",
                "A photo record arrived without its file",
                "missing-photo",
            )
    for sha, result in sorted(photos.results().items()):
        declared = formats[sha]
        if isinstance(result, Failure) or result is None or result != (declared or result):
            if isinstance(result, Failure) or result is None:
                why = result.message if result is not None else "?"
            else:
                why = (
                    f"là {result}, không phải {declared} như bản ghi của nó / the file is not "
                    "of the format its record declares"
                )
            raise refuse(
                f"Ảnh {sha[:12]}… trong gói không hợp lệ: {why}",
                "A photo in the package is not acceptable",
                "bad-photo",
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
        for sha, path in files.items():
            if store.find_original(sha) is None:
                claimed = claim_original(store, sha, formats[sha], path)
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
            "Phần xác nhận của gói không đọc được. / The package's acknowledgements are not valid.",
            "bad-manifest",
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


# -- merging ---------------------------------------------------------------------------------------


def _order(change: dict[str, Any]) -> tuple[int, str, str]:
    """The total order of versions: clock, then device, then version id."""
    return (int(change["clock"]), str(change["device_id"]), str(change["id"]))


_INSERT_RECEIVED = (
    f"INSERT INTO changes ({', '.join(CHANGE_COLUMNS)}, package_id) "
    f"VALUES ({', '.join('?' * (len(CHANGE_COLUMNS) + 1))}) ON CONFLICT (id) DO NOTHING"
)


def _insert_change(ws: Workspace, change: dict[str, Any], package_id: str | None) -> bool:
    """Add one change to the history, with the package it came in; False when it was already
    there.

    A different change claiming a (device, sequence) we hold is a forgery or a bug: the import
    fails whole.
    """
    try:
        cursor = ws.db.execute(
            _INSERT_RECEIVED,
            [
                *(change[c] for c in CHANGE_COLUMNS[:-1]),
                fields_json(change["fields"]),
                package_id,
            ],
        )
    except sqlite3.IntegrityError:
        raise SyncError(
            f"Thay đổi số {change['seq']} của thiết bị {change['device_id'][:8]} đã có, với nội "
            "dung khác. / A different change already holds this device's sequence number.",
            "bad-record",
        ) from None
    return bool(cursor.rowcount)


def apply_changes(
    ws: Workspace,
    incoming: Iterable[dict[str, Any]],
    *,
    package_id: str | None = None,
    roles: dict[str, str] | None = None,
) -> dict[str, int]:
    """Add changes to the history and bring every affected record to the state its whole
    history decides. Returns counts: applied, skipped (already known), conflicts (new), and
    records new, updated and deleted. Must run in a transaction. ``package_id``: the package
    they came in, kept with each change it added.

    The result depends only on the set of changes, never on the order they arrived in: that is
    what makes packages imported twice, out of order or late converge.
    """
    applied = skipped = 0
    affected: set[tuple[str, str]] = set()
    fresh: set[tuple[str, str]] = set()  # records written whole from their one insert, below
    for change in incoming:
        if not _insert_change(ws, change, package_id):
            skipped += 1
            continue
        ws.clock.observe(int(change["clock"]))
        key = (change["table_name"], change["record_id"])
        if change["op"] == "insert" and key not in affected and _history_length(ws, *key) == 1:
            _write_inserted(ws, *key, change)
            fresh.add(key)
        else:
            affected.add(key)
        applied += 1
    before = ws.db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    outcomes: dict[str, int] = defaultdict(int)
    outcomes["new"] = len(fresh)
    roles = authorship.roles(ws.db) if roles is None else roles
    for table, record_id in sorted(affected):
        outcome = _materialise(ws, table, record_id, roles)
        if (table, record_id) not in fresh:  # a record inserted above is new whatever follows
            outcomes[outcome] += 1
    affected |= fresh
    _check_links(ws, [r for t, r in affected if t == "photo_links"])
    for table in {t for t, _ in affected}:
        search.index_records(ws.db, table, [r for t, r in affected if t == table])
    after = ws.db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    return {
        "applied": applied,
        "skipped": skipped,
        "conflicts": int(after - before),
        "new": outcomes["new"],
        "updated": outcomes["updated"],
        "deleted": outcomes["deleted"],
    }


def _check_links(ws: Workspace, link_ids: Iterable[str]) -> None:
    """Every photo link that changes must point at a record that exists once they apply."""
    for link_id in link_ids:
        row = ws.db.execute(
            "SELECT record_table, record_id FROM photo_links WHERE id = ? AND deleted = 0",
            [link_id],
        ).fetchone()
        if row is None:
            continue
        table = record_kind(row[0]).table  # checked against the schema when it arrived
        if not ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row[1]]).fetchone():
            raise SyncError(
                f"Ảnh được gắn vào bản ghi {_shown(row[1])} không có trong {table}. / "
                "A photo is linked to a record that does not exist.",
                "bad-record",
            )


def _history_length(ws: Workspace, table: str, record_id: str) -> int:
    """How many changes the history holds for a record."""
    return int(
        ws.db.execute(
            "SELECT count(*) FROM changes WHERE table_name = ? AND record_id = ?",
            [table, record_id],
        ).fetchone()[0]
    )


def _write_inserted(ws: Workspace, table: str, record_id: str, insert: dict[str, Any]) -> None:
    """A record whose whole history is its insert: what ``_materialise`` decides for it, without
    reading it back (no other version to weigh, no conflict, no delete, no later edit)."""
    kind = RECORD_KINDS[table]
    values = {f.name: empty_value(f) for f in kind.fields}
    for name, (_, new, _) in insert["fields"].items():
        values[name] = new
    values["deleted"] = 0  # an insert never carries "deleted" (checked by _validated)
    _write_row(ws, table, record_id, values, exists=False)


def _write_row(
    ws: Workspace, table: str, record_id: str, values: dict[str, Any], *, exists: bool
) -> None:
    columns = ["deleted", *RECORD_KINDS[table].field_names]
    if exists:
        ws.db.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            [*(values[c] for c in columns), record_id],
        )
    else:
        ws.db.execute(
            f"INSERT INTO {table} (id, {', '.join(columns)}) VALUES "
            f"(?, {', '.join('?' * len(columns))})",
            [record_id, *(values[c] for c in columns)],
        )


def _materialise(ws: Workspace, table: str, record_id: str, roles: dict[str, str]) -> str:
    """Write the record its history decides; says whether it is new, updated, deleted or
    still waiting for its insert. The office's decisions hold against surveyors' later edits:
    an edit does not bring back a record the office deleted, and an edit after an approval
    marks the record "changed after approval" for the office to look at again."""
    kind = RECORD_KINDS[table]
    history = [
        {"id": cid, "device_id": device, "clock": clock, "op": op, "fields": json.loads(fields)}
        for cid, device, clock, op, fields in ws.db.execute(
            "SELECT id, device_id, clock, op, fields FROM changes WHERE table_name = ? AND "
            "record_id = ?",
            [table, record_id],
        )
    ]
    if not any(c["op"] == "insert" for c in history):
        return "pending"  # its insert has not arrived yet: the record appears when it does
    winners: dict[str, dict[str, Any]] = {}
    for change in history:
        for name in change["fields"]:
            if name not in winners or _order(change) > _order(winners[name]):
                winners[name] = change
    values: dict[str, Any] = {f.name: empty_value(f) for f in kind.fields}
    for name, change in winners.items():
        values[name] = change["fields"][name][1]
    values["deleted"] = int(values.get("deleted") or 0)
    # Conflicts follow from the whole history, like the values: recomputed, never accumulated.
    ws.db.execute(
        "DELETE FROM conflicts WHERE table_name = ? AND record_id = ? AND status = 'open'",
        [table, record_id],
    )
    _field_conflicts(ws, table, record_id, history)
    if values["deleted"]:
        delete = winners["deleted"]
        # An edit the deleting device had not seen: newer than the delete's base (the newest
        # change of the record it knew), from another device.
        seen = delete["fields"]["deleted"][2] or 0
        by_office = roles.get(delete["device_id"]) == "office"
        racing = [
            c
            for c in history
            if c["op"] == "update"
            and "deleted" not in c["fields"]
            and c["device_id"] != delete["device_id"]
            and c["clock"] > seen
            and not (by_office and roles.get(c["device_id"]) != "office")
        ]
        if racing:
            # An edit made without knowing of the delete: keep the record, ask a supervisor.
            values["deleted"] = 0
            _open_conflict(ws, table, record_id, "deleted", max(racing, key=_order), delete, 0, 1)
    if values.get("review_state") == "approved":
        approved_at = winners["review_state"]["clock"]
        if any(
            roles.get(c["device_id"]) != "office"
            and c["clock"] > approved_at
            and set(c["fields"]) - {"review_state"}
            for c in history
        ):
            values["review_state"] = CHANGED_AFTER_APPROVAL
    exists = ws.db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [record_id]).fetchone()
    _write_row(ws, table, record_id, values, exists=bool(exists))
    if not exists:
        return "new"
    return "deleted" if values["deleted"] and not exists[0] else "updated"


def _field_conflicts(
    ws: Workspace, table: str, record_id: str, history: list[dict[str, Any]]
) -> None:
    """Two devices that changed a field from the same base to different values."""
    by_base: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for change in history:
        if change["op"] != "update":
            continue
        for name, (_, _, old_clock) in change["fields"].items():
            by_base[(name, old_clock)].append(change)
    for (name, _), changes in by_base.items():
        devices = {c["device_id"] for c in changes}
        if len(devices) < 2:
            continue
        winner = max(changes, key=_order)
        newest = max(int(c["clock"]) for c in changes)
        if any(name in c["fields"] and (c["fields"][name][2] or 0) >= newest for c in history):
            continue  # someone changed the field after seeing both values: settled
        for other in changes:
            if other["device_id"] != winner["device_id"] and (
                other["fields"][name][1] != winner["fields"][name][1]
            ):
                _open_conflict(
                    ws,
                    table,
                    record_id,
                    name,
                    winner,
                    other,
                    winner["fields"][name][1],
                    other["fields"][name][1],
                )


def _open_conflict(
    ws: Workspace,
    table: str,
    record_id: str,
    name: str,
    winner: dict[str, Any],
    loser: dict[str, Any],
    winner_value: Any,
    loser_value: Any,
) -> None:
    key = "\0".join([table, record_id, name, *sorted([winner["id"], loser["id"]])])
    conflict_id = hashlib.sha256(key.encode()).hexdigest()[:32]
    ws.db.execute(
        "INSERT OR IGNORE INTO conflicts (id, table_name, record_id, field, winner_change, "
        "loser_change, winner_value, loser_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            conflict_id,
            table,
            record_id,
            name,
            winner["id"],
            loser["id"],
            json.dumps(winner_value, ensure_ascii=False),
            json.dumps(loser_value, ensure_ascii=False),
        ],
    )
