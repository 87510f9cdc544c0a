"""Who may have written a change: every device whose log this workspace can check, with its role
and the signing keys it has had. Sources: this device itself, the peers it enrolled (revoked
ones too: what they signed before their revocation stays valid), and the devices its office
introduced (``known_authors``: the surveyors and offices whose changes the office relays).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldsurvey.core.clock import COUNTER_BITS
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.text import is_record_id
from fieldsurvey.core.trust import keys, ledger
from fieldsurvey.core.trust.ledger import Head


@dataclass
class Author:
    device_id: str
    name: str
    role: str
    signing_public: bytes
    revoked_at: str | None = None
    demo_seed: int | None = None
    # Signing keys replaced by a rotation, with the time each stopped being valid.
    retired: list[tuple[bytes, str]] = field(default_factory=list)

    def head_refusal(self, head: Head) -> Message | None:
        """Why this author's signed head is not accepted, or None."""
        signed_at = _ms_iso(head.clock >> COUNTER_BITS)
        device = {"name": self.name, "device": self.device_id[:8]}
        if self.revoked_at is not None and not keys.signed_before(signed_at, self.revoked_at):
            return Message(
                "trust",
                QT_TRANSLATE_NOOP(
                    "trust",
                    "thiết bị {name} ({device}) đã bị thu hồi; thay đổi ký sau thời điểm thu hồi "
                    "không được nhận",
                ),
                device,
            )
        candidates = [self.signing_public] + [
            key for key, until in self.retired if keys.signed_before(signed_at, until)
        ]
        if not any(head.verify(Ed25519PublicKey.from_public_bytes(k)) for k in candidates):
            return Message(
                "trust",
                QT_TRANSLATE_NOOP(
                    "trust", "chữ ký nhật ký của thiết bị {name} ({device}) không hợp lệ"
                ),
                device,
            )
        return None

    def card(self) -> dict[str, Any]:
        """What an office tells its surveyors about a device whose changes it relays."""
        return {
            "device_id": self.device_id,
            "name": self.name,
            "role": self.role,
            "signing_public": self.signing_public.hex(),
            "revoked_at": self.revoked_at,
            "demo_seed": self.demo_seed,
        }


def _ms_iso(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat(timespec="milliseconds")


def authors(db: sqlite_utils.Database) -> dict[str, Author]:
    """Every device whose log this workspace can check, by device id."""
    found: dict[str, Author] = {}
    for device_id, name, role, signing, revoked_at, demo_seed in db.execute(
        "SELECT device_id, name, role, signing_public, revoked_at, demo_seed FROM known_authors"
    ):
        found[device_id] = Author(device_id, name, role, bytes(signing), revoked_at, demo_seed)
    for device_id, name, role, signing, revoked_at, demo_seed in db.execute(
        "SELECT device_id, name, role, signing_public, revoked_at, demo_seed FROM peers"
    ):
        found[device_id] = Author(device_id, name, role, bytes(signing), revoked_at, demo_seed)
    me = keys.load_public(db)
    if me is not None:
        found[me.device_id] = Author(
            me.device_id, me.name, me.role, me.signing_public, None, me.demo_seed
        )
    for author in found.values():
        author.retired = keys.retired_keys(db, author.device_id)
    return found


def roles(db: sqlite_utils.Database) -> dict[str, str]:
    """Device id → role, for every device whose changes this workspace may hold."""
    return {device: author.role for device, author in authors(db).items()}


def read_cards(data: Any) -> list[Author] | None:
    """The devices an office introduces in a package (``authors.json``), or None when the entry
    is not a list of well-formed cards."""
    if not isinstance(data, list):
        return None
    cards = []
    for item in data:
        if not isinstance(item, dict) or set(item) != {
            "device_id",
            "name",
            "role",
            "signing_public",
            "revoked_at",
            "demo_seed",
        }:
            return None
        name, role, key = item["name"], item["role"], item["signing_public"]
        revoked, seed = item["revoked_at"], item["demo_seed"]
        if not (
            is_record_id(item["device_id"])
            and isinstance(name, str)
            and 0 < len(name) <= keys.MAX_NAME_CHARS
            and role in ("surveyor", "office")
            and isinstance(key, str)
            and len(key) == 64
            and all(c in "0123456789abcdef" for c in key)
            and (revoked is None or (isinstance(revoked, str) and _is_time(revoked)))
            and (seed is None or (type(seed) is int and 0 <= seed < 1 << 31))
        ):
            return None
        cards.append(Author(item["device_id"], name, role, bytes.fromhex(key), revoked, seed))
    return cards


def _is_time(value: str) -> bool:
    if len(value) > 40:
        return False
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def remember(db: sqlite_utils.Database, cards: Iterable[Author], introduced_by: str) -> None:
    """Keep the devices an office introduced (never over a device enrolled here or this device;
    the office's later word on a revocation is kept)."""
    enrolled = {r[0] for r in db.execute("SELECT device_id FROM peers")}
    me = keys.load_public(db)
    for card in cards:
        if card.device_id in enrolled or (me is not None and card.device_id == me.device_id):
            continue
        db.execute(
            "INSERT INTO known_authors (device_id, name, role, signing_public, revoked_at, "
            "demo_seed, introduced_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO "
            "UPDATE SET signing_public = excluded.signing_public, "
            "revoked_at = coalesce(known_authors.revoked_at, excluded.revoked_at)",
            [
                card.device_id,
                card.name,
                card.role,
                card.signing_public,
                card.revoked_at,
                card.demo_seed,
                introduced_by,
            ],
        )


def verify_history(db: sqlite_utils.Database) -> list[ledger.Finding]:
    """Check every author's log held here against the keys each signer has had."""
    keys_of = {
        device: [
            Ed25519PublicKey.from_public_bytes(key)
            for key in [author.signing_public, *(k for k, _ in author.retired)]
        ]
        for device, author in authors(db).items()
    }
    return ledger.verify_history(db, keys_of)
