"""Key rotation (trust.keys.rotate) as packages carry it: the announcement going out, the
new keys checked and applied coming in."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldsurvey.core.clock import COUNTER_BITS, wall_ms
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message, Moment
from fieldsurvey.core.store.workspace import (
    Workspace,
    iso_from_ms,
)
from fieldsurvey.core.sync.incoming import MAX_CLOCK, json_depth_ok
from fieldsurvey.core.sync.package import OpenedPackage, PackageError, Refusal, open_package
from fieldsurvey.core.sync.package_format import SyncError, _signer
from fieldsurvey.core.trust import keys

log = logging.getLogger(__name__)


def _say(template: str, **params: Any) -> Message:
    return Message("sync", template, params)


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
        if exc.reason != Refusal.BAD_SIGNATURE or not senders:
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
            if exc.reason == Refusal.BAD_SIGNATURE:
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
            _say(
                QT_TRANSLATE_NOOP(
                    "sync", "Gói được ký bằng khóa mà thiết bị {sender} đã thay ngày {date}."
                ),
                sender=sender[:8],
                date=Moment(valid_until),
            ),
            Refusal.RETIRED_KEY,
        )
    raise refused


def _rotations_in(ws: Workspace, opened: OpenedPackage, *, check: bool) -> list[keys.Rotation]:
    """The rotation statements a package carries: all of its sender, read strictly; with
    ``check``, each also checked against what this workspace enrolled (nothing written)."""
    path = opened.entry_paths.get(ROTATION_ENTRY)
    if path is None:
        return []
    sender = str(opened.manifest["sender"])

    def bad(why: Message) -> SyncError:
        return SyncError(
            _say(
                QT_TRANSLATE_NOOP("sync", "Thông báo đổi khóa trong gói không hợp lệ: {why}."),
                why=why,
            ),
            Refusal.BAD_ROTATION,
        )

    data = path.read_bytes()
    if len(data) > 8 * keys.MAX_ROTATION_BYTES or not json_depth_ok(data, 4):
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "quá lớn")))
    try:
        items = json.loads(data)
    except ValueError:
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "không đọc được"))) from None
    if not isinstance(items, list) or not 0 < len(items) <= 8:
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "không phải danh sách")))
    rotations = []
    try:
        for item in items:
            rotation = keys.read_rotation(item)
            if rotation.device_id != sender:
                raise bad(_say(QT_TRANSLATE_NOOP("sync", "của thiết bị khác")))
            if check:
                keys.check_rotation(ws.db, rotation)
            rotations.append(rotation)
    except keys.RotationError as exc:
        raise SyncError(exc, Refusal.BAD_ROTATION) from None
    return rotations


def _apply_key_changes(ws: Workspace, sender: str, rotations: Iterable[keys.Rotation]) -> None:
    """In the import's transaction: the sender's new keys (before anything that needs them),
    and, since the package opened with this device's current keys, the sender has them."""
    at = iso_from_ms(wall_ms())
    try:
        for rotation in rotations:
            keys.apply_rotation(ws.db, rotation, at=at)
    except keys.RotationError as exc:
        raise SyncError(exc, Refusal.BAD_ROTATION) from None
    keys.acknowledge_rotation(ws.db, sender, at=at)
