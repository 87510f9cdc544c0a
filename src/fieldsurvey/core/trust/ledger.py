"""The authored, tamper-evident history: every device's changes form a hash chain whose head the
device signs, so anyone holding the device's public key can check that a change was written by
it, in that place of its log, unaltered — whoever relayed it.

Each change has a content digest (SHA-256 of its canonical form) and a place in its author's
log: ``hash(n) = SHA-256("fieldsurvey log" | hash(n-1) | digest(n))``, starting from a value
derived from the device id. A signed head (device, seq, hash, clock) authenticates every
earlier entry through the chain. An entry can travel without its content (its digest only):
the chain still verifies, and the content, when it arrives later, must match the digest. So
the office can send a surveyor only what it may see without breaking anyone's chain.

A workspace keeps an entry's digest only where it does not hold the change (m023): where it
does, the digest is the change's own, made again from it when needed, and the entry's hash is
what it must give. A change edited outside the app then breaks the link of its own entry, so
it is named just as when its digest was kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldsurvey.core import history_fields
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

# The columns of a change that its digest covers, in this order; ``fields`` is its canonical
# JSON text (sorted keys, compact), as the history stores it.
DIGEST_COLUMNS = (
    "id",
    "device_id",
    "seq",
    "clock",
    "at",
    "user",
    "table_name",
    "record_id",
    "op",
)

# -- the stored form (core/store/migrations.py, m020) ---------------------------------------------
# Each device is named once, in `devices`; its changes (change_rows) and log entries (log_rows)
# hold its number. A change's time (`at`) is kept only where it is not its clock's wall time
# (AT_OF_CLOCK, always so for changes made by FieldSurvey). The views `changes` and
# `log_entries` read them back with the device's id and the time, exactly as the digest covers
# them: a time is left out only when the view gives it back equal.
AT_OF_CLOCK = "strftime('%Y-%m-%dT%H:%M:%fZ', ({clock} >> 16) / 1000.0, 'unixepoch')"
DEVICE_NUMBER = "(SELECT no FROM main.devices WHERE id = {device})"
# change_rows (as ``c``) read as DIGEST_COLUMNS, for the queries that join them to the log
# themselves (the views are joins, which SQLite cannot flatten on the right of a LEFT JOIN).
STORED_DIGEST_COLUMNS = (
    "c.id, (SELECT id FROM main.devices WHERE no = c.device), c.seq, c.clock, "
    f"coalesce(c.at, {AT_OF_CLOCK.format(clock='c.clock')}), c.user, c.table_name, "
    "c.record_id, c.op"
)
# A log entry given as (device id, seq, digest, hash); the digest None where the change is held.
INSERT_ENTRY = (
    "INSERT INTO main.log_rows (device, seq, digest, hash) "
    f"VALUES ({DEVICE_NUMBER.format(device='?')}, ?, ?, ?)"
)


def add_devices(db: sqlite_utils.Database, ids_sql: str, params: Sequence[Any] = ()) -> None:
    """Give a number to each device id ``ids_sql`` (a SELECT, or VALUES) names that has none."""
    db.execute(f"INSERT OR IGNORE INTO main.devices (id) {ids_sql}", list(params))


_LINK = b"fieldsurvey log\x00"
_GENESIS = b"fieldsurvey log genesis\x00"
_HEAD = b"fieldsurvey head\x00"


# json.dumps(columns, ensure_ascii=False, separators=(",", ":")), its encoder made once.
_COLUMNS_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def change_digest(change: Mapping[str, Any], fields_text: str) -> bytes:
    """SHA-256 of a change's canonical form: its columns as a compact JSON array, a newline,
    then its fields' canonical JSON text."""
    return columns_digest([change[c] for c in DIGEST_COLUMNS], fields_text)


def columns_digest(columns: Sequence[Any], fields_text: str) -> bytes:
    """``change_digest`` of a change given as its DIGEST_COLUMNS' values, in their order."""
    text = _COLUMNS_JSON(columns)
    return hashlib.sha256(text.encode() + b"\n" + fields_text.encode()).digest()


def genesis(device_id: str) -> bytes:
    """The hash before a device's first change."""
    return hashlib.sha256(_GENESIS + device_id.encode()).digest()


def link(previous: bytes, digest: bytes) -> bytes:
    """The hash of the next entry of a log."""
    return hashlib.sha256(_LINK + previous + digest).digest()


@dataclass(frozen=True)
class Head:
    """A signed statement "my log holds ``seq`` entries and ends in ``hash``", made at
    ``clock`` by ``signer`` (the author itself; or, for history from before logs were signed,
    the workspace that attested it once: ``attested``)."""

    device_id: str
    seq: int
    hash: bytes
    clock: int
    signer: str
    signature: bytes

    @property
    def attested(self) -> bool:
        return self.signer != self.device_id

    def message(self) -> bytes:
        return head_message(self.device_id, self.seq, self.hash, self.clock, self.signer)

    def verify(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(self.signature, self.message())
        except InvalidSignature:
            return False
        return True

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "hash": self.hash.hex(),
            "clock": self.clock,
            "signer": self.signer,
            "signature": self.signature.hex(),
        }


def head_message(device_id: str, seq: int, hash_: bytes, clock: int, signer: str) -> bytes:
    body = json.dumps(
        [device_id, seq, hash_.hex(), clock, signer], ensure_ascii=False, separators=(",", ":")
    )
    return _HEAD + body.encode()


def sign_head(
    device_id: str, seq: int, hash_: bytes, clock: int, signer: str, key: Ed25519PrivateKey
) -> Head:
    signature = key.sign(head_message(device_id, seq, hash_, clock, signer))
    return Head(device_id, seq, hash_, clock, signer, signature)


# -- what a workspace holds ----------------------------------------------------------------------


def tip(db: sqlite_utils.Database, device_id: str) -> tuple[int, bytes]:
    """The last entry of a device's log held here: (seq, hash); (0, genesis) when none."""
    row = db.execute(
        "SELECT seq, hash FROM log_entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        [device_id],
    ).fetchone()
    return (0, genesis(device_id)) if row is None else (int(row[0]), bytes(row[1]))


def tips(db: sqlite_utils.Database) -> dict[str, int]:
    """For every device: how many entries of its log are held here."""
    return {
        device: int(seq)
        for device, seq in db.execute(
            "SELECT device_id, max(seq) FROM log_entries GROUP BY device_id"
        )
    }


def add_entry(
    db: sqlite_utils.Database, device_id: str, seq: int, digest: bytes, hash_: bytes
) -> None:
    add_devices(db, "VALUES (?)", [device_id])
    db.execute(INSERT_ENTRY, [device_id, seq, digest, hash_])


def head(db: sqlite_utils.Database, device_id: str) -> Head | None:
    row = db.execute(
        "SELECT device_id, seq, hash, clock, signer, signature FROM log_heads WHERE device_id = ?",
        [device_id],
    ).fetchone()
    if row is None:
        return None
    return Head(row[0], int(row[1]), bytes(row[2]), int(row[3]), row[4], bytes(row[5]))


def store_head(db: sqlite_utils.Database, new: Head) -> None:
    """Keep a device's newest head (a later one replaces an earlier one)."""
    db.execute(
        "INSERT INTO log_heads (device_id, seq, hash, clock, signer, signature) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, "
        "hash = excluded.hash, clock = excluded.clock, signer = excluded.signer, "
        "signature = excluded.signature WHERE excluded.seq >= log_heads.seq",
        [new.device_id, new.seq, new.hash, new.clock, new.signer, new.signature],
    )


def forget_held_digests(db: sqlite_utils.Database) -> None:
    """Drop the digest of every entry whose held change gives it (the stored form since m023);
    an entry whose change no longer does keeps its digest, for the check to name."""
    rows = db.conn.execute(
        f"SELECT l.device, l.seq, l.digest, {STORED_DIGEST_COLUMNS}, c.fields FROM log_rows l "
        "JOIN change_rows c ON c.device = l.device AND c.seq = l.seq WHERE l.digest IS NOT NULL"
    )
    same = [(row[0], row[1]) for row in rows if _stored_digest(row[3:12], row[12]) == bytes(row[2])]
    db.conn.executemany("UPDATE log_rows SET digest = NULL WHERE device = ? AND seq = ?", same)


def entry_hash(db: sqlite_utils.Database, device_id: str, seq: int) -> bytes | None:
    row = db.execute(
        "SELECT hash FROM log_entries WHERE device_id = ? AND seq = ?", [device_id, seq]
    ).fetchone()
    return None if row is None else bytes(row[0])


# -- checking the whole history ------------------------------------------------------------------


@dataclass
class Finding:
    """The result of checking one device's log."""

    device_id: str
    entries: int = 0
    with_content: int = 0
    signed_up_to: int = 0
    attested: bool = False
    unsigned: int = 0
    broken: Message | None = None


def verify_history(
    db: sqlite_utils.Database, keys_of: Mapping[str, Iterable[Ed25519PublicKey]]
) -> list[Finding]:
    """Check every device's log: contiguous from 1, each hash from the one before, each
    change's content against its digest, and the head's signature with the keys the signer
    has had (``keys_of``: device id → its signing keys, newest first). Names the first broken
    link of each log."""
    findings = []
    devices = [
        r[0]
        for r in db.execute(
            "SELECT id FROM devices d WHERE EXISTS (SELECT 1 FROM log_rows WHERE device = d.no) "
            "ORDER BY id"
        )
    ]
    orphans = db.execute(
        "SELECT (SELECT id FROM devices WHERE no = c.device), c.seq FROM change_rows c "
        "LEFT JOIN log_rows l ON l.device = c.device AND l.seq = c.seq WHERE l.seq IS NULL "
        "LIMIT 1"
    ).fetchone()
    for device in devices:
        findings.append(_verify_device(db, device, keys_of))
    if orphans is not None:
        findings.append(
            Finding(
                orphans[0],
                broken=Message(
                    "trust",
                    QT_TRANSLATE_NOOP("trust", "thay đổi số {seq} không có trong nhật ký"),
                    {"seq": orphans[1]},
                ),
            )
        )
    return findings


def _stored_text(stored: str | bytes) -> str:
    """A change's fields as text, read from their stored form here (not in SQL) so that damage
    to it reads as no text, which matches no digest: it is named like an edit."""
    try:
        return history_fields.unpack(stored)
    except history_fields.DamagedHistory:
        return ""


def _stored_digest(columns: Sequence[Any], fields: str | bytes) -> bytes:
    """The digest of a change as stored here: its STORED_DIGEST_COLUMNS and its stored fields."""
    return columns_digest(columns, _stored_text(fields))


def _rows(db: sqlite_utils.Database, device: str) -> Iterator[tuple[Any, ...]]:
    cursor = db.execute(
        f"SELECT l.seq, l.digest, l.hash, {STORED_DIGEST_COLUMNS}, c.fields FROM log_rows l "
        "LEFT JOIN change_rows c ON c.device = l.device AND c.seq = l.seq "
        f"WHERE l.device = {DEVICE_NUMBER.format(device='?')} ORDER BY l.seq",
        [device],
    )
    while batch := cursor.fetchmany(5000):
        yield from batch


def _verify_device(
    db: sqlite_utils.Database, device: str, keys_of: Mapping[str, Iterable[Ed25519PublicKey]]
) -> Finding:
    finding = Finding(device)
    previous = genesis(device)
    for row in _rows(db, device):
        seq, kept, stored_hash = int(row[0]), row[1], bytes(row[2])
        if seq != finding.entries + 1:
            missing = finding.entries + 1
            finding.broken = Message(
                "trust", QT_TRANSLATE_NOOP("trust", "thiếu mục {seq}"), {"seq": missing}
            )
            return finding
        held = row[3] is not None
        # an entry holding neither its change nor a digest links to nothing: a broken link
        digest = _stored_digest(row[3:12], row[12]) if held else bytes(kept or b"")
        linked = link(previous, digest) == stored_hash
        if held and not (digest == bytes(kept) if kept is not None else linked):
            finding.broken = Message(
                "trust",
                QT_TRANSLATE_NOOP(
                    "trust", "thay đổi số {seq} ({table} {record}) đã bị sửa ngoài ứng dụng"
                ),
                {"seq": seq, "table": row[9], "record": row[10]},
            )
            return finding
        if held:
            finding.with_content += 1
        if not linked:
            finding.broken = Message(
                "trust", QT_TRANSLATE_NOOP("trust", "mắt xích {seq} không khớp"), {"seq": seq}
            )
            return finding
        previous = stored_hash
        finding.entries = seq
    signed = head(db, device)
    if signed is not None:
        at = entry_hash(db, device, signed.seq)
        keys = list(keys_of.get(signed.signer, ()))
        if at != signed.hash or not any(signed.verify(key) for key in keys):
            finding.broken = Message(
                "trust",
                QT_TRANSLATE_NOOP("trust", "chữ ký của đầu nhật ký (mục {seq}) không hợp lệ"),
                {"seq": signed.seq},
            )
            return finding
        finding.signed_up_to = signed.seq
        finding.attested = signed.attested
    finding.unsigned = finding.entries - finding.signed_up_to
    return finding


@dataclass
class RecordProof:
    """What the logs say of one record's changes (the record history view's line)."""

    signed: int = 0  # covered by a head its author signed
    attested: int = 0  # covered by a head this workspace attested at an upgrade
    unsigned: int = 0  # this device's newest changes, signed at its next export
    edited: int = 0  # content no longer matching its log entry: changed outside the app


def record_proof(db: sqlite_utils.Database, table: str, record_id: str) -> RecordProof:
    """Check each change of one record against its log entry (the digest it keeps, else its
    hash from the entry before) and say which signed head covers it (the whole chain is
    checked by ``verify_history``)."""
    proof = RecordProof()
    heads: dict[str, Head | None] = {}
    rows = db.execute(
        f"SELECT {STORED_DIGEST_COLUMNS}, c.fields, l.seq IS NOT NULL, l.digest, l.hash, "
        "(SELECT p.hash FROM log_rows p WHERE p.device = c.device AND p.seq = c.seq - 1) "
        "FROM change_rows c LEFT JOIN log_rows l ON l.device = c.device AND l.seq = c.seq "
        "WHERE c.table_name = ? AND c.record_id = ?",
        [table, record_id],
    ).fetchall()
    for row in rows:
        digest = _stored_digest(row[:9], row[9])
        entry, kept, hash_, before = row[10], row[11], row[12], row[13]
        if before is None and row[2] == 1:
            before = genesis(str(row[1]))
        if not entry or (
            bytes(kept) != digest
            if kept is not None
            else before is None or link(bytes(before), digest) != bytes(hash_)
        ):
            proof.edited += 1
            continue
        device = str(row[1])
        if device not in heads:
            heads[device] = head(db, device)
        signed = heads[device]
        if signed is None or signed.seq < int(row[2]):
            proof.unsigned += 1
        elif signed.attested:
            proof.attested += 1
        else:
            proof.signed += 1
    return proof
