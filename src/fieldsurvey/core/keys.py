"""Device identity (Ed25519 to sign, X25519 to receive), profile files, enrolment and revocation."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Final

import sqlite_utils
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldsurvey.core.errors import FieldSurveyError

ROLES: Final = ("surveyor", "office")
PROFILE_FORMAT: Final = "fieldsurvey-profile"
PROFILE_VERSION: Final = 2
MAX_PROFILE_BYTES: Final = 64 * 1024
MAX_ID_CHARS: Final = 100
MAX_NAME_CHARS: Final = 200
KEY_BYTES: Final = 32

KEY_TABLES: tuple[str, ...] = (
    """CREATE TABLE device_keys (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('surveyor','office')),
    signing_private BLOB NOT NULL,
    encryption_private BLOB NOT NULL,
    created_at TEXT
)""",
    """CREATE TABLE peers (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    signing_public BLOB NOT NULL,
    encryption_public BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at TEXT,
    revoked_at TEXT
)""",
)

_PROFILE_KEYS: Final = frozenset(
    {
        "format",
        "version",
        "device_id",
        "name",
        "role",
        "signing_public",
        "encryption_public",
        "fingerprint",
        "demo_seed",
    }
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The largest demo seed a profile may name (the demo's seeds are small numbers).
MAX_DEMO_SEED: Final = 1 << 31


class ProfileError(FieldSurveyError):
    """A profile file or an enrolment is not acceptable; the message says why."""


def _refuse(vi: str, en: str) -> ProfileError:
    return ProfileError(f"Hồ sơ thiết bị không hợp lệ: {vi}. / Invalid device profile: {en}.")


def fingerprint_of(signing_public: bytes, encryption_public: bytes) -> str:
    """20 hex digits of SHA-256 over both public keys, in groups of 4 (``A1B2-C3D4-…``)."""
    digest = hashlib.sha256(
        b"fieldsurvey fingerprint\x00" + signing_public + encryption_public
    ).hexdigest()
    head = digest[:20].upper()
    return "-".join(head[i : i + 4] for i in range(0, 20, 4))


def normalise_fingerprint(text: str) -> str:
    """Upper-case with spaces and dashes removed, so a fingerprint read aloud compares equal."""
    return re.sub(r"[\s\-]", "", text).upper()


def _check_text(value: str, field: str, limit: int) -> None:
    if not value.strip() or len(value) > limit or _CONTROL.search(value):
        raise _refuse(f"trường {field} trống, quá dài hoặc có ký tự điều khiển", f"bad {field}")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise _refuse(f"vai trò {role!r} không hợp lệ", f"unknown role {role!r}")


@dataclass(frozen=True)
class PublicIdentity:
    """What others know of a workspace: its id, name, role and two public keys."""

    device_id: str
    name: str
    role: str
    signing_public: bytes
    encryption_public: bytes
    # Set for the trainers' demo devices, whose private keys anyone can derive from the seed;
    # checked here, so an identity that says it is a demo one really is.
    demo_seed: int | None = None

    def __post_init__(self) -> None:
        _check_text(self.device_id, "device_id", MAX_ID_CHARS)
        _check_text(self.name, "name", MAX_NAME_CHARS)
        _check_role(self.role)
        if self.demo_seed is not None:
            derived = make_identity(
                device_id=self.device_id, name=self.name, role=self.role, demo_seed=self.demo_seed
            )
            if (derived.public_keys()) != (self.signing_public, self.encryption_public):
                raise _refuse("khóa không phải khóa mẫu (demo)", "the keys are not demo keys")
        for field, key in (
            ("signing_public", self.signing_public),
            ("encryption_public", self.encryption_public),
        ):
            if not isinstance(key, bytes) or len(key) != KEY_BYTES:
                raise _refuse(f"khóa {field} phải dài 32 byte", f"{field} must be 32 bytes")
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public)
        except ValueError as error:
            raise _refuse("khóa ký không hợp lệ", "invalid signing key") from error

    @property
    def fingerprint(self) -> str:
        """Short human-comparable string derived from both public keys."""
        return fingerprint_of(self.signing_public, self.encryption_public)

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` is this device's Ed25519 signature of ``data``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def encryption_key(self) -> X25519PublicKey:
        """The X25519 key packages for this device are encrypted to."""
        return X25519PublicKey.from_public_bytes(self.encryption_public)


@dataclass(frozen=True)
class DeviceIdentity:
    """This workspace's own identity, private keys included; they never leave device_keys."""

    device_id: str
    name: str
    role: str
    signing_private: Ed25519PrivateKey
    encryption_private: X25519PrivateKey
    demo_seed: int | None = None

    def public_keys(self) -> tuple[bytes, bytes]:
        raw = serialization.Encoding.Raw
        fmt = serialization.PublicFormat.Raw
        return (
            self.signing_private.public_key().public_bytes(raw, fmt),
            self.encryption_private.public_key().public_bytes(raw, fmt),
        )

    def public(self) -> PublicIdentity:
        signing_public, encryption_public = self.public_keys()
        return PublicIdentity(
            device_id=self.device_id,
            name=self.name,
            role=self.role,
            signing_public=signing_public,
            encryption_public=encryption_public,
            demo_seed=self.demo_seed,
        )

    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature (64 bytes) of ``data``."""
        return self.signing_private.sign(data)


def _private_raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _derive(seed: bytes, purpose: str, role: str, device_id: str) -> bytes:
    info = f"fieldsurvey {purpose}\x00{role}\x00{device_id}".encode()
    return HKDF(algorithm=SHA256(), length=KEY_BYTES, salt=None, info=info).derive(seed)


def demo_seed_bytes(demo_seed: int) -> bytes:
    """What the demo's keys are derived from: public knowledge, so demo keys protect nothing."""
    return f"fieldsurvey-demo:{demo_seed}".encode()


def make_identity(
    *,
    device_id: str,
    name: str,
    role: str,
    seed: bytes | None = None,
    demo_seed: int | None = None,
) -> DeviceIdentity:
    """Key pairs from the OS, or, with ``seed``, from HKDF-SHA256 over the seed with the purpose,
    role and device id as info (same seed, role and device, same keys). ``demo_seed``: the
    trainers' demo keys, derived from that number and marked as demo keys. Not stored."""
    if demo_seed is not None:
        seed = demo_seed_bytes(demo_seed)
    if seed is None:
        signing = Ed25519PrivateKey.generate()
        encryption = X25519PrivateKey.generate()
    else:
        signing = Ed25519PrivateKey.from_private_bytes(_derive(seed, "ed25519", role, device_id))
        encryption = X25519PrivateKey.from_private_bytes(_derive(seed, "x25519", role, device_id))
    identity = DeviceIdentity(device_id, name, role, signing, encryption, demo_seed)
    _check_text(device_id, "device_id", MAX_ID_CHARS)  # as a profile would be checked
    _check_text(name, "name", MAX_NAME_CHARS)
    return identity


def create_identity(
    db: sqlite_utils.Database,
    *,
    device_id: str,
    name: str,
    role: str,
    seed: bytes | None = None,
    demo_seed: int | None = None,
    at: str | None = None,
) -> DeviceIdentity:
    """Make and store this workspace's key pairs; refuse if it has an identity already.

    Keys come from the OS, or, with ``seed``, from HKDF-SHA256 over the seed with the purpose,
    role and device id as info, so the demo gets the same keys for the same seed, role and device.
    Opens no transaction: the caller does.
    """
    if role not in ROLES:
        raise FieldSurveyError(f"Vai trò không hợp lệ: {role!r}. / Unknown role: {role!r}.")
    if not device_id.strip() or not name.strip():
        raise FieldSurveyError(
            "Mã thiết bị và tên không được để trống. / Device id and name must not be empty."
        )
    if load_identity(db) is not None:
        raise FieldSurveyError(
            "Không gian làm việc này đã có danh tính thiết bị. / "
            "This workspace already has a device identity."
        )
    identity = make_identity(
        device_id=device_id, name=name, role=role, seed=seed, demo_seed=demo_seed
    )
    signing, encryption = identity.signing_private, identity.encryption_private
    db.execute(
        "INSERT INTO device_keys (id, device_id, name, role, signing_private, encryption_private,"
        " created_at, demo_seed) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        [device_id, name, role, _private_raw(signing), _private_raw(encryption), at, demo_seed],
    )
    return identity


def load_identity(db: sqlite_utils.Database) -> DeviceIdentity | None:
    """This workspace's identity, or None when it has none yet."""
    row = db.execute(
        "SELECT device_id, name, role, signing_private, encryption_private, demo_seed "
        "FROM device_keys WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    device_id, name, role, signing_raw, encryption_raw, demo_seed = row
    return DeviceIdentity(
        device_id=device_id,
        name=name,
        role=role,
        signing_private=Ed25519PrivateKey.from_private_bytes(bytes(signing_raw)),
        encryption_private=X25519PrivateKey.from_private_bytes(bytes(encryption_raw)),
        demo_seed=demo_seed,
    )


def profile_bytes(identity: PublicIdentity) -> bytes:
    """The profile file a device or the office hands over: public keys only, UTF-8 JSON."""
    document = {
        "format": PROFILE_FORMAT,
        "version": PROFILE_VERSION,
        "device_id": identity.device_id,
        "name": identity.name,
        "role": identity.role,
        "signing_public": base64.b64encode(identity.signing_public).decode("ascii"),
        "encryption_public": base64.b64encode(identity.encryption_public).decode("ascii"),
        "fingerprint": identity.fingerprint,
        "demo_seed": identity.demo_seed,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _refuse(f"khóa {key!r} lặp lại", f"duplicate key {key!r}")
        result[key] = value
    return result


def _decode_key(value: str, field: str) -> bytes:
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as error:
        raise _refuse(f"{field} không phải base64", f"{field} is not base64") from error
    if len(raw) != KEY_BYTES or base64.b64encode(raw).decode("ascii") != value:
        raise _refuse(f"{field} phải là 32 byte", f"{field} must be 32 bytes")
    return raw


def read_profile(data: bytes) -> PublicIdentity:
    """Parse and strictly validate a profile file; raise ProfileError with a plain reason."""
    if len(data) > MAX_PROFILE_BYTES:
        raise _refuse("tệp quá lớn", f"file larger than {MAX_PROFILE_BYTES} bytes")
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _refuse("không phải JSON UTF-8", "not UTF-8 JSON") from error
    if not isinstance(document, dict):
        raise _refuse("không phải đối tượng JSON", "not a JSON object")
    keys = set(document)
    # Version 1 came before demo keys were marked: it has no "demo_seed".
    expected = _PROFILE_KEYS - {"demo_seed"} if document.get("version") == 1 else _PROFILE_KEYS
    if keys != expected:
        missing = sorted(expected - keys)
        extra = sorted(keys - expected)
        raise _refuse(
            f"thiếu {missing}, thừa {extra}", f"missing keys {missing}, unexpected keys {extra}"
        )
    if document["format"] != PROFILE_FORMAT:
        raise _refuse("không phải hồ sơ FieldSurvey", "not a FieldSurvey profile")
    version = document["version"]
    if type(version) is not int or version not in (1, PROFILE_VERSION):
        raise _refuse(f"phiên bản {version!r} không hỗ trợ", f"unsupported version {version!r}")
    for field in ("device_id", "name", "role", "signing_public", "encryption_public"):
        if not isinstance(document[field], str):
            raise _refuse(f"{field} phải là chuỗi", f"{field} must be a string")
    if not isinstance(document["fingerprint"], str):
        raise _refuse("fingerprint phải là chuỗi", "fingerprint must be a string")
    demo_seed = document.get("demo_seed")
    if demo_seed is not None and not (type(demo_seed) is int and 0 <= demo_seed < MAX_DEMO_SEED):
        raise _refuse("demo_seed không hợp lệ", "demo_seed is not valid")
    identity = PublicIdentity(
        device_id=document["device_id"],
        name=document["name"],
        role=document["role"],
        signing_public=_decode_key(document["signing_public"], "signing_public"),
        encryption_public=_decode_key(document["encryption_public"], "encryption_public"),
        demo_seed=demo_seed,
    )
    if document["fingerprint"] != identity.fingerprint:
        raise _refuse("dấu vân tay không khớp với khóa", "the fingerprint does not match the keys")
    return identity


def _peer_row(db: sqlite_utils.Database, device_id: str) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = db.execute(
        "SELECT device_id, name, role, signing_public, encryption_public, revoked_at, demo_seed "
        "FROM peers WHERE device_id = ?",
        [device_id],
    ).fetchone()
    return row


def enrol(
    db: sqlite_utils.Database,
    peer: PublicIdentity,
    *,
    expected_fingerprint: str | None = None,
    at: str,
) -> None:
    """Trust ``peer``'s keys, after checking the fingerprint read out by a person if given.

    Enrolling the same keys again changes nothing — in particular a revoked device stays
    revoked (revocation is final; give the device a new id and keys instead). A different key or
    role for a device id already enrolled (or revoked), or this workspace's own id, is refused.
    Opens no transaction: the caller does.
    """
    if expected_fingerprint is not None and normalise_fingerprint(
        expected_fingerprint
    ) != normalise_fingerprint(peer.fingerprint):
        raise ProfileError("Dấu vân tay không khớp. / Fingerprint does not match.")
    own = load_identity(db)
    if own is not None and own.device_id == peer.device_id:
        raise ProfileError(
            f"Thiết bị {peer.device_id!r} trùng mã với chính không gian làm việc này. / "
            f"Device {peer.device_id!r} has this workspace's own id."
        )
    if own is not None:
        check_demo_match(own.demo_seed, peer.demo_seed, peer.device_id)
    row = _peer_row(db, peer.device_id)
    if row is not None:
        _, _, role, signing_public, encryption_public, _, _ = row
        if (
            bytes(signing_public) == peer.signing_public
            and bytes(encryption_public) == peer.encryption_public
            and role == peer.role
        ):
            return
        raise ProfileError(
            f"Thiết bị {peer.device_id!r} đã đăng ký với khóa khác. / "
            f"Device {peer.device_id!r} is already enrolled with different keys."
        )
    db.execute(
        "INSERT INTO peers (device_id, name, role, signing_public, encryption_public,"
        " fingerprint, enrolled_at, revoked_at, demo_seed) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [
            peer.device_id,
            peer.name,
            peer.role,
            peer.signing_public,
            peer.encryption_public,
            peer.fingerprint,
            at,
            peer.demo_seed,
        ],
    )


class DemoMismatchError(ProfileError):
    """A demo workspace and a real one met: their keys must never be mixed."""


def check_demo_match(own_demo_seed: int | None, peer_demo_seed: int | None, peer_id: str) -> None:
    """A real workspace never trusts a demo device (anyone can derive a demo device's private
    keys) and a demo workspace never takes in a real device's data."""
    if (own_demo_seed is None) == (peer_demo_seed is None):
        return
    if own_demo_seed is None:
        raise DemoMismatchError(
            f"Thiết bị {peer_id[:8]} dùng khóa mẫu (demo) mà ai cũng suy ra được; workspace "
            "thật không nhận thiết bị và gói của nó. / The device uses demo keys, which anyone "
            "can derive; a real workspace does not accept it or its packages."
        )
    raise DemoMismatchError(
        f"Đây là workspace mẫu (demo) để tập huấn; nó chỉ nhận thiết bị và gói mẫu, không nhận "
        f"thiết bị thật {peer_id[:8]}. / This is a training demo workspace: it accepts only demo "
        "devices and their packages, not a real device."
    )


def revoke(db: sqlite_utils.Database, device_id: str, *, at: str) -> None:
    """Stop trusting a device; revoking it again keeps the first time. Opens no transaction."""
    row = _peer_row(db, device_id)
    if row is None:
        raise ProfileError(
            f"Không có thiết bị {device_id!r} đã đăng ký. / No enrolled device {device_id!r}."
        )
    db.execute(
        "UPDATE peers SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
        [at, device_id],
    )


def trusted_peer(db: sqlite_utils.Database, device_id: str) -> PublicIdentity | None:
    """The enrolled, unrevoked peer with this id, or None."""
    row = _peer_row(db, device_id)
    if row is None or row[5] is not None:
        return None
    peer_id, name, role, signing_public, encryption_public, _, demo_seed = row
    return PublicIdentity(
        peer_id, name, role, bytes(signing_public), bytes(encryption_public), demo_seed
    )


def peer_status(db: sqlite_utils.Database, device_id: str) -> str:
    """'unknown', 'revoked' or 'enrolled'."""
    row = _peer_row(db, device_id)
    if row is None:
        return "unknown"
    return "revoked" if row[5] is not None else "enrolled"


def list_peers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every peer ever enrolled, by device id, with its fingerprint and status (no key bytes)."""
    rows = db.execute(
        "SELECT device_id, name, role, fingerprint, enrolled_at, revoked_at "
        "FROM peers ORDER BY device_id"
    ).fetchall()
    return [
        {
            "device_id": device_id,
            "name": name,
            "role": role,
            "fingerprint": fingerprint,
            "enrolled_at": enrolled_at,
            "revoked_at": revoked_at,
            "status": "revoked" if revoked_at is not None else "enrolled",
        }
        for device_id, name, role, fingerprint, enrolled_at, revoked_at in rows
    ]
