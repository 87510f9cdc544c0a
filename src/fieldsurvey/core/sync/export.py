"""Export: what a peer has not acknowledged, limited to what it may see, each author's log with
its signed head, written as one signed, encrypted package."""

from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from fieldsurvey.core.clock import wall_ms
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.photos.store import (
    PhotoStore,
)
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import (
    CHANGE_COLUMNS,
    Workspace,
    clock_time,
    fields_json,
    iso_from_ms,
)
from fieldsurvey.core.sync import scope
from fieldsurvey.core.sync.package import Refusal, write_package
from fieldsurvey.core.sync.package_format import (
    AUTHORS_ENTRY,
    BASEMAP_ENTRY,
    BASEMAP_KEY,
    FORMAT_VERSION,
    HEADS_ENTRY,
    BasemapFacts,
    SyncError,
    identity,
)
from fieldsurvey.core.sync.rotation import _rotation_out
from fieldsurvey.core.text import slug
from fieldsurvey.core.trust import authorship, keys, ledger

log = logging.getLogger(__name__)


def _say(template: str, **params: Any) -> Message:
    return Message("sync", template, params)


# -- export ----------------------------------------------------------------------------------------


def package_name(sender: str, recipient: str, day: dt.date, folder: Path) -> str:
    """The name a package is offered under: sender, recipient, date and the day's sequence, the
    first one free in ``folder`` ("s1-vanphong-2026-12-05-03.fspkg"); names folded to plain
    letters and digits, so any file system and any USB stick takes them."""

    def plain(name: str) -> str:
        return slug(name, "")[:24] or "thietbi"

    stem = f"{plain(sender)}-{plain(recipient)}-{day.isoformat()}"
    number = 1
    while (folder / f"{stem}-{number:02d}.fspkg").exists():
        number += 1
    return f"{stem}-{number:02d}.fspkg"


def default_recipient(ws: Workspace) -> keys.PublicIdentity:
    """A surveyor's packages go to the office it is enrolled with."""
    offices = [p for p in keys.list_peers(ws.db) if p["role"] == "office" and not p["revoked_at"]]
    if len(offices) != 1:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Hãy chọn nơi nhận gói (--to): tệp dữ liệu khảo sát này không có đúng "
                    "một văn phòng đã "
                    "đăng ký.",
                )
            ),
            Refusal.NO_RECIPIENT,
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
            _say(
                QT_TRANSLATE_NOOP("sync", "Thiết bị {device} chưa đăng ký hoặc đã bị thu hồi."),
                device=recipient_id,
            ),
            Refusal.UNKNOWN_RECIPIENT,
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


# Each entry of a device's log, with its change when held and, last, whether the change's time is
# its clock's (stored as NULL: the package then leaves "at" out, package_format.FORMAT_VERSION).
_LOG_ROWS = (
    f"SELECT ?1, l.seq, l.digest, {ledger.STORED_DIGEST_COLUMNS}, change_fields(c.fields), "
    "c.at IS NULL "
    "FROM log_rows l LEFT JOIN change_rows c ON c.device = l.device AND c.seq = l.seq "
    f"WHERE l.device = {ledger.DEVICE_NUMBER.format(device='?1')} AND l.seq > ?2 "
    "AND l.seq <= ?3 ORDER BY l.seq"
)


def _digest(device: str, seq: int, kept: bytes | None, content: Sequence[Any]) -> str:
    """A withheld entry's digest: kept with the entry where its change is not held, else the
    change's own (ledger.py). An entry with neither was damaged outside the app."""
    if kept is not None:
        return bytes(kept).hex()
    if content[0] is None:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Không tạo được gói: mục {seq} trong nhật ký của thiết bị {device} không "
                    "còn thay đổi lẫn mã băm của nó (tệp đã bị sửa ngoài ứng dụng).",
                ),
                seq=seq,
                device=device[:8],
            ),
            Refusal.TAMPERED,
        )
    return ledger.columns_digest(content[:9], content[9]).hex()


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
            seq, kept, content, timed_by_clock = row[1], row[2], row[3:-1], row[-1]
            out.count += 1
            table, record_id = content[6], content[7]
            if (
                content[0] is None
                or device == recipient.device_id  # its own: it has them
                or (visible is not None and not visible.allows(table, record_id))
            ):
                out.withheld += 1
                if sink is not None:
                    line = {
                        "device_id": device,
                        "seq": seq,
                        "digest": _digest(device, seq, kept, content),
                    }
                    sink.write(json.dumps(line).encode() + b"\n")
                continue
            change = dict(zip(CHANGE_COLUMNS, content, strict=True))
            fields = json.loads(change["fields"])
            if timed_by_clock and change["at"] == clock_time(change["clock"]):
                del change["at"]  # the reader puts the same text back (incoming._validated)
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
        "basemap_sent": sent_basemap(ws, recipient.device_id),
    }


def _sent_basemap_key(device_id: str) -> str:
    return f"basemap_sent:{device_id}"


def sent_basemap(ws: Workspace, recipient_id: str) -> str | None:
    """The SHA-256 of the street basemap last sent to ``recipient_id`` (None: none yet), so an
    office sends its 24 MB basemap to each surveyor once, not with every package."""
    return ws.setting(_sent_basemap_key(recipient_id))


def sign_own_head(ws: Workspace, me: keys.DeviceIdentity) -> ledger.Head | None:
    """A signed head over this device's whole log (None while it has written nothing)."""
    seq, hash_ = ledger.tip(ws.db, me.device_id)
    if seq == 0:
        return None
    return ledger.sign_head(
        me.device_id, seq, hash_, ws.clock.tick(), me.device_id, me.signing_private
    )


def export_package(
    ws: Workspace,
    target: Path,
    *,
    recipient_id: str | None = None,
    full: bool = False,
    basemap: Path | None = None,
    check_basemap: Callable[[Path], BasemapFacts] | None = None,
) -> dict[str, Any]:
    """Write a package for a peer: every log entry it does not hold (all with ``full``), the
    signed heads that prove them, the photos the visible changes add, and what we hold of
    every log (our acknowledgement).

    An office may offer its street basemap with them: ``basemap``, checked and described by
    ``check_basemap`` (``basemaps.check``; it raises when the file is no city basemap), goes
    as one more entry and the manifest says what it is (name, date, size)."""
    me = identity(ws)
    recipient = _recipient(ws, recipient_id)
    offered = _offered_basemap(me, basemap, check_basemap)
    own_head = sign_own_head(ws, me)
    try:
        manifest, outgoing = _write_export(ws, me, recipient, target, full, own_head, offered)
    except OSError as exc:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Không ghi được gói vào {folder}: {detail}. Hãy kiểm tra thẻ nhớ/USB và chỗ "
                    "trống.",
                ),
                folder=target.parent,
                detail=exc.strerror or exc,
            ),
            Refusal.IO_ERROR,
        ) from exc
    with ws.transaction():
        if own_head is not None:
            ledger.store_head(ws.db, own_head)
        if BASEMAP_ENTRY in manifest["entries"]:
            ws.set_setting(
                _sent_basemap_key(recipient.device_id),
                manifest["entries"][BASEMAP_ENTRY]["sha256"],
            )
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
    log.info(
        "package %s written for %s: %d changes, %d photos",
        target,
        recipient.device_id[:8],
        outgoing.count,
        len(outgoing.photos),
    )
    return manifest


def _offered_basemap(
    me: keys.DeviceIdentity,
    basemap: Path | None,
    check_basemap: Callable[[Path], BasemapFacts] | None,
) -> BasemapFacts | None:
    """The basemap to send, checked now (a file damaged since it was installed does not go)."""
    if basemap is None:
        return None
    if check_basemap is None:
        raise ValueError("a basemap goes only with the function that checks it")
    if me.role != "office":
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Chỉ văn phòng mới gửi kèm bản đồ nền trong gói.")),
            Refusal.NOT_PERMITTED,
        )
    return check_basemap(basemap)


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
    basemap: BasemapFacts | None = None,
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
        if basemap is not None:
            entries.append((BASEMAP_ENTRY, basemap.path))
        manifest: dict[str, Any] = {
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
        if basemap is not None:
            manifest[BASEMAP_KEY] = {
                "name": basemap.name,
                "date": basemap.date,
                "size": basemap.size,
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
