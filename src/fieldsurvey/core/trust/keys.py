"""Device identity (Ed25519 to sign, X25519 to receive), profile files, enrolment and revocation.

Longer than most modules on purpose: an identity's whole life (made, kept, enrolled, rotated,
renewed, revoked) is in one place, so a change to any key operation is read beside the others
it must stay consistent with."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
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
from fieldsurvey.core.kinds import Role
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.text import MAX_ID_CHARS
from fieldsurvey.core.transaction import write_transaction
from fieldsurvey.core.trust import keystore

log = logging.getLogger(__name__)

ROLES: Final = tuple(Role)
PROFILE_FORMAT: Final = "fieldsurvey-profile"
PROFILE_VERSION: Final = 2
MAX_PROFILE_BYTES: Final = 64 * 1024
MAX_NAME_CHARS: Final = 200
KEY_BYTES: Final = 32

# The key tables as the m003 migration made them (it still runs them: never change them). Since
# m010 the workspace keeps only the public keys and how the private ones are protected.
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


def _say(template: str, **params: Any) -> Message:
    return Message("trust", template, params)


def _refuse(why: Message) -> ProfileError:
    return ProfileError(
        _say(QT_TRANSLATE_NOOP("trust", "Hồ sơ thiết bị không hợp lệ: {why}."), why=why)
    )


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
        raise _refuse(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust", "trường {field} trống, quá dài hoặc có ký tự điều khiển"
                ),
                field=field,
            )
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise _refuse(
            _say(QT_TRANSLATE_NOOP("trust", "vai trò {role} không hợp lệ"), role=repr(role))
        )


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
                raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "khóa không phải khóa mẫu (demo)")))
        for field, key in (
            ("signing_public", self.signing_public),
            ("encryption_public", self.encryption_public),
        ):
            if not isinstance(key, bytes) or len(key) != KEY_BYTES:
                raise _refuse(
                    _say(QT_TRANSLATE_NOOP("trust", "khóa {field} phải dài 32 byte"), field=field)
                )
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public)
        except ValueError as error:
            raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "khóa ký không hợp lệ"))) from error

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
    """This workspace's own identity, private keys included (unlocked from where they are kept:
    see keystore; the workspace holds only the public keys)."""

    device_id: str
    name: str
    role: str
    signing_private: Ed25519PrivateKey
    encryption_private: X25519PrivateKey
    demo_seed: int | None = None
    # How the private keys are kept (keystore.PROTECTIONS); None before they are stored.
    protection: str | None = None
    # The signing key a rotation replaced, kept until every peer has the new one: packages for
    # a peer that does not are signed with it (see rotate).
    previous_signing: Ed25519PrivateKey | None = dataclasses.field(default=None, repr=False)
    # The key derived from the passphrase, to seal the keys again without asking.
    sealing: keystore.SealingKey | None = dataclasses.field(default=None, repr=False, compare=False)
    # For the user when the keys are kept in a plain key file (keystore.file_warning).
    warning: Message | None = dataclasses.field(default=None, compare=False)

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
    protection: str = "auto",
    passphrase: str | None = None,
) -> DeviceIdentity:
    """Make this workspace's key pairs, keep the private keys as ``protection`` says (see
    keystore.choose; demo keys are kept nowhere) and the public ones in the workspace; refuse if
    it has an identity already. With the key file, ``warning`` of the result says the risk.

    Keys come from the OS, or, with ``seed``, from HKDF-SHA256 over the seed with the purpose,
    role and device id as info, so the demo gets the same keys for the same seed, role and device.
    Opens no transaction: the caller does (the credential store or key file is written first).
    """
    if role not in ROLES:
        raise FieldSurveyError(
            _say(QT_TRANSLATE_NOOP("trust", "Vai trò không hợp lệ: {role}."), role=repr(role))
        )
    if not device_id.strip() or not name.strip():
        raise FieldSurveyError(
            _say(QT_TRANSLATE_NOOP("trust", "Mã thiết bị và tên không được để trống."))
        )
    if load_public(db) is not None:
        raise FieldSurveyError(
            _say(QT_TRANSLATE_NOOP("trust", "Không gian làm việc này đã có danh tính thiết bị."))
        )
    identity = make_identity(
        device_id=device_id, name=name, role=role, seed=seed, demo_seed=demo_seed
    )
    if demo_seed is not None:
        identity = replace(identity, protection="demo")
        kept = _Kept("demo", None, None, None)
    else:
        kept = _keep(identity, protection, passphrase)
        identity = replace(
            identity, protection=kept.protection, sealing=kept.sealing, warning=kept.warning
        )
    signing_public, encryption_public = identity.public_keys()
    sealed = kept.sealed
    db.execute(
        "INSERT INTO device_keys (id, device_id, name, role, created_at, demo_seed, "
        "signing_public, encryption_public, protection, kdf, kdf_salt, nonce, sealed) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            device_id,
            name,
            role,
            at,
            demo_seed,
            signing_public,
            encryption_public,
            kept.protection,
            *_sealed_columns(sealed),
        ],
    )
    return identity


# -- where the private keys are kept ------------------------------------------------------------


@dataclass(frozen=True)
class _Kept:
    protection: str
    sealed: keystore.Sealed | None
    sealing: keystore.SealingKey | None
    warning: Message | None


def secret_of(identity: DeviceIdentity) -> bytes:
    """The private key bytes kept for an identity: signing, encryption, then (while a rotation
    waits for a peer) the previous signing key."""
    secret = _private_raw(identity.signing_private) + _private_raw(identity.encryption_private)
    if identity.previous_signing is not None:
        secret += _private_raw(identity.previous_signing)
    return secret


def _sealed_columns(sealed: keystore.Sealed | None) -> list[Any]:
    if sealed is None:
        return [None, None, None, None]
    return [sealed.kdf, sealed.salt, sealed.nonce, sealed.ciphertext]


def _keep(
    identity: DeviceIdentity,
    protection: str,
    passphrase: str | None,
    *,
    sealing: keystore.SealingKey | None = None,
) -> _Kept:
    """Keep the identity's private keys outside the workspace (credential store, key file) or
    sealed under a passphrase (returned, for the workspace to store). Nothing is removed from
    where the keys were kept before: the caller does that once the workspace no longer needs it.
    ``sealing``: seal under this already derived key instead of a new passphrase."""
    method = keystore.choose(protection, passphrase)
    secret = secret_of(identity)
    if method == "passphrase":
        if sealing is None:
            if not passphrase:
                raise keystore.PassphraseError(
                    _say(QT_TRANSLATE_NOOP("trust", "Hãy chọn một mật khẩu cho khóa thiết bị."))
                )
            sealing = keystore.new_sealing_key(passphrase)
        return _Kept(method, keystore.seal(secret, sealing, identity.device_id), sealing, None)
    if method == "keyring":
        if not keystore.keyring_usable():
            raise keystore.KeyStoreError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "trust",
                        "Máy này không có kho khóa của hệ điều hành dùng được; hãy chọn mật khẩu.",
                    )
                )
            )
        try:
            keystore.store_outside("keyring", identity.device_id, secret)
            return _Kept(method, None, None, None)
        except keystore.KeyStoreError:
            if protection != "auto":
                raise
            log.warning("the credential store refused the keys; keeping them in a key file")
            method = "file"
    keystore.store_outside("file", identity.device_id, secret)
    warning = keystore.file_warning(identity.device_id)
    log.warning("%s", warning)
    return _Kept("file", None, None, warning)


_KEY_ROW = (
    "SELECT device_id, name, role, signing_public, encryption_public, demo_seed, protection, "
    "kdf, kdf_salt, nonce, sealed FROM device_keys WHERE id = 1"
)


def load_public(db: sqlite_utils.Database) -> PublicIdentity | None:
    """This workspace's identity as others know it (no private key is read), or None."""
    row = db.execute(_KEY_ROW).fetchone()
    if row is None:
        return None
    device_id, name, role, signing_public, encryption_public, demo_seed = row[:6]
    return PublicIdentity(
        device_id, name, role, bytes(signing_public), bytes(encryption_public), demo_seed
    )


def protection_of(db: sqlite_utils.Database) -> str | None:
    """How this workspace's private keys are kept (keystore.PROTECTIONS), or None."""
    row = db.execute("SELECT protection FROM device_keys WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def load_identity(
    db: sqlite_utils.Database,
    *,
    passphrase: str | None = None,
    ask_passphrase: Callable[[], str] | None = None,
) -> DeviceIdentity | None:
    """This workspace's identity with its private keys, or None when it has none yet.

    Keys in the credential store or key file are read from there; sealed keys need the
    passphrase (``passphrase``, else ``ask_passphrase()`` is called, else PassphraseError); demo
    keys are derived from their seed. Keys not on this machine raise KeysNotHereError, a wrong
    passphrase PassphraseError: messages for the user, never a traceback.
    """
    row = db.execute(_KEY_ROW).fetchone()
    if row is None:
        return None
    device_id, name, role, signing_public, encryption_public, demo_seed = row[:6]
    protection, kdf, salt, nonce, sealed = row[6:]
    public = (bytes(signing_public), bytes(encryption_public))
    if protection == "demo":
        identity = make_identity(device_id=device_id, name=name, role=role, demo_seed=demo_seed)
        if identity.public_keys() != public:
            raise _damaged()
        return replace(identity, protection="demo")
    sealing = None
    if protection == "passphrase":
        if passphrase is None:
            if ask_passphrase is None:
                raise keystore.passphrase_needed()
            passphrase = ask_passphrase()
        secret, sealing = keystore.unseal(
            keystore.Sealed(str(kdf), bytes(salt), bytes(nonce), bytes(sealed)),
            passphrase,
            device_id,
        )
        candidates = [secret]
    else:
        candidates = keystore.load_outside(str(protection), device_id)
    for secret in candidates:
        identity = _from_secret(secret, device_id, name, role)
        if identity.public_keys() == public:
            return replace(
                identity,
                protection=protection,
                sealing=sealing,
                warning=keystore.file_warning(device_id) if protection == "file" else None,
            )
    if protection == "passphrase":
        raise _damaged()
    where = (
        _say(QT_TRANSLATE_NOOP("trust", "kho khóa"))
        if protection == "keyring"
        else _say(QT_TRANSLATE_NOOP("trust", "tệp khóa"))
    )
    raise keystore.keys_not_here(device_id, where)


def _damaged() -> keystore.KeyStoreError:
    return keystore.KeyStoreError(
        _say(
            QT_TRANSLATE_NOOP(
                "trust",
                "Khóa riêng không khớp với khóa công khai của tệp dữ liệu khảo sát (tệp bị sửa?).",
            )
        )
    )


def _from_secret(secret: bytes, device_id: str, name: str, role: str) -> DeviceIdentity:
    return DeviceIdentity(
        device_id=device_id,
        name=name,
        role=role,
        signing_private=Ed25519PrivateKey.from_private_bytes(secret[:32]),
        encryption_private=X25519PrivateKey.from_private_bytes(secret[32:64]),
        previous_signing=(
            Ed25519PrivateKey.from_private_bytes(secret[64:96]) if len(secret) == 96 else None
        ),
    )


def _write_keys(db: sqlite_utils.Database, identity: DeviceIdentity, kept: _Kept) -> None:
    signing_public, encryption_public = identity.public_keys()
    db.execute(
        "UPDATE device_keys SET signing_public = ?, encryption_public = ?, protection = ?, "
        "kdf = ?, kdf_salt = ?, nonce = ?, sealed = ? WHERE id = 1",
        [signing_public, encryption_public, kept.protection, *_sealed_columns(kept.sealed)],
    )


def _forget_old(old: DeviceIdentity, new_protection: str, new_secret: bytes) -> None:
    """After the workspace committed to new keys or a new protection: remove the secret it no
    longer needs from the credential store or key file (where it was kept before)."""
    if old.protection in ("keyring", "file"):
        secret = secret_of(old)
        if old.protection != new_protection or secret != new_secret:
            keystore.forget_outside(old.protection, old.device_id, secret)


def _refuse_demo(identity: DeviceIdentity) -> None:
    if identity.demo_seed is not None:
        raise FieldSurveyError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust",
                    "Khóa mẫu (demo) được suy ra từ số hạt giống, không lưu ở đâu và không đổi "
                    "được.",
                )
            )
        )


def protect(
    db: sqlite_utils.Database,
    identity: DeviceIdentity,
    protection: str,
    *,
    passphrase: str | None = None,
) -> DeviceIdentity:
    """Keep the private keys another way (or under a new passphrase): written to the new place,
    then the workspace is changed (its own transaction), then the old place is cleared."""
    _refuse_demo(identity)
    kept = _keep(identity, protection, passphrase)
    with write_transaction(db):
        _write_keys(db, identity, kept)
    _forget_old(identity, kept.protection, secret_of(identity))
    log.info("device keys of %s now kept by %s", identity.device_id[:8], kept.protection)
    return replace(identity, protection=kept.protection, sealing=kept.sealing, warning=kept.warning)


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
            raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "khóa {key} lặp lại"), key=repr(key)))
        result[key] = value
    return result


def _decode_key(value: str, field: str) -> bytes:
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as error:
        raise _refuse(
            _say(QT_TRANSLATE_NOOP("trust", "{field} không phải base64"), field=field)
        ) from error
    if len(raw) != KEY_BYTES or base64.b64encode(raw).decode("ascii") != value:
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "{field} phải là 32 byte"), field=field))
    return raw


def read_profile(data: bytes) -> PublicIdentity:
    """Parse and strictly validate a profile file; raise ProfileError with a plain reason."""
    if len(data) > MAX_PROFILE_BYTES:
        raise _refuse(
            _say(
                QT_TRANSLATE_NOOP("trust", "tệp quá lớn (hơn {limit} byte)"),
                limit=MAX_PROFILE_BYTES,
            )
        )
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "không phải JSON UTF-8"))) from error
    if not isinstance(document, dict):
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "không phải đối tượng JSON")))
    keys = set(document)
    # Version 1 came before demo keys were marked: it has no "demo_seed".
    expected = _PROFILE_KEYS - {"demo_seed"} if document.get("version") == 1 else _PROFILE_KEYS
    if keys != expected:
        missing = sorted(expected - keys)
        extra = sorted(keys - expected)
        raise _refuse(
            _say(
                QT_TRANSLATE_NOOP("trust", "thiếu {missing}, thừa {extra}"),
                missing=missing,
                extra=extra,
            )
        )
    if document["format"] != PROFILE_FORMAT:
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "không phải hồ sơ FieldSurvey")))
    version = document["version"]
    if type(version) is not int or version not in (1, PROFILE_VERSION):
        raise _refuse(
            _say(
                QT_TRANSLATE_NOOP("trust", "phiên bản {version} không hỗ trợ"),
                version=repr(version),
            )
        )
    for field in ("device_id", "name", "role", "signing_public", "encryption_public"):
        if not isinstance(document[field], str):
            raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "{field} phải là chuỗi"), field=field))
    if not isinstance(document["fingerprint"], str):
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "fingerprint phải là chuỗi")))
    demo_seed = document.get("demo_seed")
    if demo_seed is not None and not (type(demo_seed) is int and 0 <= demo_seed < MAX_DEMO_SEED):
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "demo_seed không hợp lệ")))
    identity = PublicIdentity(
        device_id=document["device_id"],
        name=document["name"],
        role=document["role"],
        signing_public=_decode_key(document["signing_public"], "signing_public"),
        encryption_public=_decode_key(document["encryption_public"], "encryption_public"),
        demo_seed=demo_seed,
    )
    if document["fingerprint"] != identity.fingerprint:
        raise _refuse(_say(QT_TRANSLATE_NOOP("trust", "dấu vân tay không khớp với khóa")))
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
    replace_keys: bool = False,
) -> None:
    """Trust ``peer``'s keys, after checking the fingerprint read out by a person if given.

    Enrolling the same keys again changes nothing — in particular a revoked device stays
    revoked (revocation is final; give the device a new id and keys instead). A different key or
    role for a device id already enrolled (or revoked), or this workspace's own id, is refused,
    unless ``replace_keys``: a device that lost its keys and made new ones is enrolled again by
    the fingerprint its user reads out (required then); its old signing key goes to key_history.
    Opens no transaction: the caller does.
    """
    if expected_fingerprint is not None and normalise_fingerprint(
        expected_fingerprint
    ) != normalise_fingerprint(peer.fingerprint):
        raise ProfileError(_say(QT_TRANSLATE_NOOP("trust", "Dấu vân tay không khớp.")))
    own = load_public(db)
    if own is not None and own.device_id == peer.device_id:
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust", "Thiết bị {device} trùng mã với chính không gian làm việc này."
                ),
                device=repr(peer.device_id),
            )
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
        if replace_keys:
            _replace_keys(db, peer, row, expected_fingerprint, at)
            return
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP("trust", "Thiết bị {device} đã đăng ký với khóa khác."),
                device=repr(peer.device_id),
            )
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


def _replace_keys(
    db: sqlite_utils.Database,
    peer: PublicIdentity,
    row: tuple[Any, ...],
    expected_fingerprint: str | None,
    at: str,
) -> None:
    _, _, role, signing_public, _, revoked_at, _ = row
    if expected_fingerprint is None:
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust", "Đăng ký lại khóa mới cần dấu vân tay do người dùng thiết bị đọc."
                )
            )
        )
    if revoked_at is not None:
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust", "Thiết bị {device} đã bị thu hồi; không đăng ký lại được."
                ),
                device=repr(peer.device_id),
            )
        )
    if role != peer.role:
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP("trust", "Thiết bị {device} đã đăng ký với vai trò khác."),
                device=repr(peer.device_id),
            )
        )
    if bytes(signing_public) == peer.signing_public or peer.signing_public in {
        key for key, _ in retired_keys(db, peer.device_id)
    }:
        raise ProfileError(_say(QT_TRANSLATE_NOOP("trust", "Khóa ký này đã từng được dùng.")))
    db.execute(
        "INSERT INTO key_history (device_id, signing_public, valid_until_at, replaced_at) "
        "VALUES (?, ?, ?, ?)",
        [peer.device_id, bytes(signing_public), at, at],
    )
    db.execute(
        "UPDATE peers SET signing_public = ?, encryption_public = ?, fingerprint = ? "
        "WHERE device_id = ?",
        [peer.signing_public, peer.encryption_public, peer.fingerprint, peer.device_id],
    )
    log.info("device %s enrolled again with new keys %s", peer.device_id[:8], peer.fingerprint)


class DemoMismatchError(ProfileError):
    """A demo workspace and a real one met: their keys must never be mixed."""


def check_demo_match(own_demo_seed: int | None, peer_demo_seed: int | None, peer_id: str) -> None:
    """A real workspace never trusts a demo device (anyone can derive a demo device's private
    keys) and a demo workspace never takes in a real device's data."""
    if (own_demo_seed is None) == (peer_demo_seed is None):
        return
    if own_demo_seed is None:
        raise DemoMismatchError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust",
                    "Thiết bị {device} dùng khóa mẫu (demo) mà ai cũng suy ra được; tệp dữ "
                    "liệu khảo sát "
                    "thật không nhận thiết bị và gói của nó.",
                ),
                device=peer_id[:8],
            )
        )
    raise DemoMismatchError(
        _say(
            QT_TRANSLATE_NOOP(
                "trust",
                "Đây là tệp dữ liệu mẫu (demo) để tập huấn; nó chỉ nhận thiết bị và gói mẫu, không "
                "nhận thiết bị thật {device}.",
            ),
            device=peer_id[:8],
        )
    )


def revoke(db: sqlite_utils.Database, device_id: str, *, at: str) -> None:
    """Stop trusting a device; revoking it again keeps the first time. Opens no transaction."""
    row = _peer_row(db, device_id)
    if row is None:
        raise ProfileError(
            _say(
                QT_TRANSLATE_NOOP("trust", "Không có thiết bị {device} đã đăng ký."),
                device=repr(device_id),
            )
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


# -- key rotation -------------------------------------------------------------------------------
#
# A device makes a new key pair and a statement {device id, old signing key, new signing key,
# new encryption key, at} signed by the old signing key (it is the device the office enrolled)
# and by the new one (it holds the new key). The statement travels in the device's packages
# until each peer has it: until then those packages are signed with the old key, which the peer
# knows, and the device keeps that one key for this only. A peer that opens the package checks
# both signatures against the enrolled key, replaces the device's keys and keeps the old
# signing key in key_history, so that packages signed before the rotation stay verifiable.
# A peer shows it has the new keys by sending a package encrypted to them: then the device
# drops the old key.

ROTATION_FORMAT: Final = "fieldsurvey-key-rotation"
ROTATION_VERSION: Final = 1
MAX_ROTATION_BYTES: Final = 8 * 1024
_ROTATION_DOMAIN: Final = b"fieldsurvey key rotation\x00"
_ROTATION_KEYS: Final = frozenset(
    {"format", "version", "statement", "old_signature", "new_signature"}
)
_STATEMENT_KEYS: Final = frozenset(
    {"device_id", "old_signing_public", "new_signing_public", "new_encryption_public", "at"}
)


class RotationError(ProfileError):
    """A key rotation statement is refused; the message says why."""


def _refuse_rotation(why: Message) -> RotationError:
    return RotationError(
        _say(QT_TRANSLATE_NOOP("trust", "Thông báo đổi khóa bị từ chối: {why}."), why=why)
    )


@dataclass(frozen=True)
class Rotation:
    """A parsed rotation statement (its signatures not yet checked against anything)."""

    device_id: str
    old_signing_public: bytes
    new_signing_public: bytes
    new_encryption_public: bytes
    at: str
    old_signature: bytes
    new_signature: bytes

    def signed_bytes(self) -> bytes:
        return _rotation_signed_bytes(
            {
                "device_id": self.device_id,
                "old_signing_public": _b64(self.old_signing_public),
                "new_signing_public": _b64(self.new_signing_public),
                "new_encryption_public": _b64(self.new_encryption_public),
                "at": self.at,
            }
        )

    @property
    def new_fingerprint(self) -> str:
        return fingerprint_of(self.new_signing_public, self.new_encryption_public)

    def signatures_valid(self) -> bool:
        """Both signatures: by the old signing key and by the new one."""
        data = self.signed_bytes()
        for key, signature in (
            (self.old_signing_public, self.old_signature),
            (self.new_signing_public, self.new_signature),
        ):
            try:
                Ed25519PublicKey.from_public_bytes(key).verify(signature, data)
            except (InvalidSignature, ValueError):
                return False
        return True


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _rotation_signed_bytes(statement: dict[str, str]) -> bytes:
    text = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return _ROTATION_DOMAIN + text.encode("ascii")


def _parse_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def rotation_statement(old: DeviceIdentity, new: DeviceIdentity, *, at: str) -> bytes:
    """The statement that ``new``'s keys replace ``old``'s, signed by both signing keys."""
    if old.device_id != new.device_id:
        raise ValueError("a rotation keeps the device id")
    if _parse_time(at) is None:
        raise ValueError("at must be an ISO time with its offset")
    old_signing, _ = old.public_keys()
    new_signing, new_encryption = new.public_keys()
    statement = {
        "device_id": old.device_id,
        "old_signing_public": _b64(old_signing),
        "new_signing_public": _b64(new_signing),
        "new_encryption_public": _b64(new_encryption),
        "at": at,
    }
    signed = _rotation_signed_bytes(statement)
    document = {
        "format": ROTATION_FORMAT,
        "version": ROTATION_VERSION,
        "statement": statement,
        "old_signature": _b64(old.sign(signed)),
        "new_signature": _b64(new.sign(signed)),
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")


def read_rotation(data: bytes | Any) -> Rotation:
    """Parse a rotation statement strictly (as bytes, or as the JSON value already read)."""
    if isinstance(data, bytes):
        if len(data) > MAX_ROTATION_BYTES:
            raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "quá lớn")))
        try:
            data = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
        except (ValueError, ProfileError):
            raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "không đọc được"))) from None
    if not isinstance(data, dict) or set(data) != _ROTATION_KEYS:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "sai cấu trúc")))
    if data["format"] != ROTATION_FORMAT or data["version"] != ROTATION_VERSION:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "định dạng lạ")))
    statement = data["statement"]
    if not isinstance(statement, dict) or set(statement) != _STATEMENT_KEYS:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "sai cấu trúc")))
    if not all(isinstance(v, str) for v in statement.values()):
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "sai kiểu")))
    device_id, at = statement["device_id"], statement["at"]
    if not device_id or len(device_id) > MAX_ID_CHARS or _CONTROL.search(device_id):
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "mã thiết bị sai")))
    if len(at) > 40 or _parse_time(at) is None:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "thời điểm sai")))
    signatures = []
    for name in ("old_signature", "new_signature"):
        value = data[name]
        try:
            raw = base64.b64decode(str(value).encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "chữ ký sai"))) from None
        if not isinstance(value, str) or len(raw) != 64:
            raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "chữ ký sai")))
        signatures.append(raw)
    try:
        old_signing, new_signing, new_encryption = (
            _decode_key(statement[name], name)
            for name in ("old_signing_public", "new_signing_public", "new_encryption_public")
        )
    except ProfileError:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "khóa sai"))) from None
    return Rotation(
        device_id, old_signing, new_signing, new_encryption, at, signatures[0], signatures[1]
    )


def retired_keys(db: sqlite_utils.Database, device_id: str) -> list[tuple[bytes, str]]:
    """The signing keys a device used before rotations, with the time each was replaced."""
    rows = db.execute(
        "SELECT signing_public, valid_until_at FROM key_history WHERE device_id = ? "
        "ORDER BY valid_until_at DESC",
        [device_id],
    ).fetchall()
    return [(bytes(key), str(until)) for key, until in rows]


def signed_before(created_at: str, valid_until_at: str) -> bool:
    """Whether a time lies at or before a retired key's end (both ISO times with offsets)."""
    created, until = _parse_time(created_at), _parse_time(valid_until_at)
    return created is not None and until is not None and created <= until


def check_rotation(db: sqlite_utils.Database, rotation: Rotation) -> bool:
    """Check a statement against the enrolled device: True when it is new (to apply), False
    when it is the one already applied. Forged statements, statements for another device or
    not signed by its enrolled key, and old statements replayed are refused. Writes nothing."""
    row = _peer_row(db, rotation.device_id)
    if row is None:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "thiết bị chưa đăng ký")))
    _, _, _, signing_public, encryption_public, revoked_at, demo_seed = row
    if revoked_at is not None:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "thiết bị đã bị thu hồi")))
    if demo_seed is not None:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "thiết bị mẫu không đổi khóa")))
    if not rotation.signatures_valid():
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "chữ ký không hợp lệ")))
    current = bytes(signing_public)
    retired = {key for key, _ in retired_keys(db, rotation.device_id)}
    if (rotation.new_signing_public, rotation.new_encryption_public) == (
        current,
        bytes(encryption_public),
    ):
        if rotation.old_signing_public in retired:
            return False  # delivered again: already applied
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "khóa cũ không khớp")))
    if rotation.old_signing_public != current:
        if rotation.old_signing_public in retired:
            raise _refuse_rotation(
                _say(QT_TRANSLATE_NOOP("trust", "thông báo cũ, khóa này đã được thay"))
            )
        raise _refuse_rotation(
            _say(QT_TRANSLATE_NOOP("trust", "không được ký bằng khóa đã đăng ký của thiết bị"))
        )
    if rotation.new_signing_public == current or rotation.new_signing_public in retired:
        raise _refuse_rotation(_say(QT_TRANSLATE_NOOP("trust", "khóa mới đã từng dùng")))
    PublicIdentity(  # the new keys are checked as a profile's would be
        rotation.device_id,
        "x",
        "surveyor",
        rotation.new_signing_public,
        rotation.new_encryption_public,
    )
    return True


def apply_rotation(db: sqlite_utils.Database, statement: bytes | Rotation, *, at: str) -> bool:
    """Replace an enrolled device's keys as its rotation statement says (see check_rotation),
    keeping the old signing key in key_history until the statement's time. True when applied,
    False when it was already. Opens no transaction: the caller does."""
    rotation = statement if isinstance(statement, Rotation) else read_rotation(statement)
    if not check_rotation(db, rotation):
        return False
    db.execute(
        "INSERT INTO key_history (device_id, signing_public, valid_until_at, replaced_at) "
        "VALUES (?, ?, ?, ?)",
        [rotation.device_id, rotation.old_signing_public, rotation.at, at],
    )
    db.execute(
        "UPDATE peers SET signing_public = ?, encryption_public = ?, fingerprint = ? "
        "WHERE device_id = ?",
        [
            rotation.new_signing_public,
            rotation.new_encryption_public,
            rotation.new_fingerprint,
            rotation.device_id,
        ],
    )
    log.info(
        "device %s rotated its keys; new fingerprint %s",
        rotation.device_id[:8],
        rotation.new_fingerprint,
    )
    return True


def pending_rotation(db: sqlite_utils.Database) -> bytes | None:
    """This device's rotation statement that some peer has not acknowledged yet, if any."""
    row = db.execute("SELECT statement FROM key_rotations WHERE done_at IS NULL").fetchone()
    return None if row is None else bytes(row[0])


def rotation_for(db: sqlite_utils.Database, peer_device: str) -> bytes | None:
    """The statement to send ``peer_device``: pending, and not acknowledged by that peer."""
    row = db.execute(
        "SELECT r.statement FROM key_rotations r WHERE r.done_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM key_rotation_acks a WHERE a.new_signing_public = r.new_signing_public "
        "AND a.peer_device = ?)",
        [peer_device],
    ).fetchone()
    return None if row is None else bytes(row[0])


def acknowledge_rotation(db: sqlite_utils.Database, peer_device: str, *, at: str) -> None:
    """``peer_device`` sent a package encrypted to this device's current keys: it has them.
    Opens no transaction: the caller does."""
    db.execute(
        "INSERT OR IGNORE INTO key_rotation_acks (new_signing_public, peer_device, at) "
        "SELECT new_signing_public, ?, ? FROM key_rotations WHERE done_at IS NULL",
        [peer_device, at],
    )


def rotation_done(db: sqlite_utils.Database) -> bool:
    """Whether a pending rotation has reached every enrolled, unrevoked peer."""
    row = db.execute(
        "SELECT new_signing_public FROM key_rotations WHERE done_at IS NULL"
    ).fetchone()
    if row is None:
        return False
    missing = db.execute(
        "SELECT count(*) FROM peers p WHERE p.revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
        "key_rotation_acks a WHERE a.new_signing_public = ? AND a.peer_device = p.device_id)",
        [row[0]],
    ).fetchone()[0]
    return int(missing) == 0


def _unlocked_sealing(
    identity: DeviceIdentity, protection: str, passphrase: str | None
) -> keystore.SealingKey | None:
    """For sealed keys: the derived key already in memory, unless a passphrase is given."""
    if protection != "passphrase" or passphrase:
        return None
    return identity.sealing


def rotate(
    db: sqlite_utils.Database,
    identity: DeviceIdentity,
    *,
    at: str,
    passphrase: str | None = None,
) -> DeviceIdentity:
    """Replace this device's keys with new ones and record the rotation statement its next
    packages carry (see above). The new keys are kept as the old ones were (sealed keys under
    the key already derived, or ``passphrase``). One rotation at a time: refused while the
    previous one has not reached every peer. Runs its own transaction."""
    _refuse_demo(identity)
    if pending_rotation(db) is not None and not rotation_done(db):
        raise FieldSurveyError(
            _say(
                QT_TRANSLATE_NOOP(
                    "trust",
                    "Lần đổi khóa trước chưa đến được mọi nơi nhận (văn phòng); hãy trao đổi gói "
                    "với họ trước.",
                )
            )
        )
    protection = identity.protection or "file"
    fresh = make_identity(device_id=identity.device_id, name=identity.name, role=identity.role)
    statement = rotation_statement(identity, fresh, at=at)
    has_peers = bool(db.execute("SELECT 1 FROM peers WHERE revoked_at IS NULL LIMIT 1").fetchone())
    rotated = replace(
        fresh,
        protection=protection,
        previous_signing=identity.signing_private if has_peers else None,
    )
    kept = _keep(
        rotated,
        protection,
        passphrase,
        sealing=_unlocked_sealing(identity, protection, passphrase),
    )
    new_signing, _ = rotated.public_keys()
    with write_transaction(db):
        db.execute("UPDATE key_rotations SET done_at = ? WHERE done_at IS NULL", [at])
        _write_keys(db, rotated, kept)
        db.execute(
            "INSERT INTO key_rotations (new_signing_public, statement, made_at, done_at) "
            "VALUES (?, ?, ?, ?)",
            [new_signing, statement, at, None if has_peers else at],
        )
    _forget_old(identity, kept.protection, secret_of(rotated))
    log.info(
        "device %s made new keys (fingerprint %s)",
        identity.device_id[:8],
        fresh.public().fingerprint,
    )
    return replace(rotated, sealing=kept.sealing, warning=kept.warning)


def finish_rotation(
    db: sqlite_utils.Database, identity: DeviceIdentity, *, at: str
) -> DeviceIdentity:
    """Once every peer has the new keys: forget the previous signing key (kept, sealed again or
    rewritten without it) and close the rotation. Runs its own transaction."""
    if not rotation_done(db):
        return identity
    done = replace(identity, previous_signing=None)
    protection = identity.protection or "file"
    if identity.previous_signing is not None and protection != "demo":
        if protection == "passphrase" and identity.sealing is None:
            return identity  # sealed again the next time the passphrase is typed
        kept = _keep(done, protection, None, sealing=identity.sealing)
        with write_transaction(db):
            _write_keys(db, done, kept)
            db.execute("UPDATE key_rotations SET done_at = ? WHERE done_at IS NULL", [at])
        _forget_old(identity, kept.protection, secret_of(done))
    else:
        with write_transaction(db):
            db.execute("UPDATE key_rotations SET done_at = ? WHERE done_at IS NULL", [at])
    return done


def renew(
    db: sqlite_utils.Database,
    *,
    at: str,
    protection: str = "auto",
    passphrase: str | None = None,
) -> DeviceIdentity:
    """New keys for a device whose private keys are lost (forgotten passphrase, a workspace
    copied without them): nothing can prove the new keys belong to the old device, so the
    office enrols them again by their fingerprint (enrol with ``replace``). Runs its own
    transaction."""
    public = load_public(db)
    if public is None:
        raise FieldSurveyError(
            _say(QT_TRANSLATE_NOOP("trust", "Tệp dữ liệu khảo sát chưa có khóa."))
        )
    if public.demo_seed is not None:
        raise FieldSurveyError(_say(QT_TRANSLATE_NOOP("trust", "Khóa mẫu (demo) không đổi được.")))
    fresh = make_identity(device_id=public.device_id, name=public.name, role=public.role)
    kept = _keep(fresh, protection, passphrase)
    with write_transaction(db):
        db.execute("UPDATE key_rotations SET done_at = ? WHERE done_at IS NULL", [at])
        _write_keys(db, fresh, kept)
    log.info(
        "device %s made new keys after losing its old ones (fingerprint %s)",
        public.device_id[:8],
        fresh.public().fingerprint,
    )
    return replace(fresh, protection=kept.protection, sealing=kept.sealing, warning=kept.warning)
