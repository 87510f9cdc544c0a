"""Where a device's private keys are kept, so that a copy of the workspace file alone never
carries them: the operating system's credential store, or a passphrase chosen when the workspace
is made (the keys sealed with AES-256-GCM under a key derived by scrypt, kept in the workspace),
or, for a user who declines both, an owner-only key file outside the workspace folder. The
trainers' demo keys are derived from a public seed and kept nowhere.

This module knows nothing of SQLite: it turns a secret (the private key bytes) into what the
workspace stores, and back. Secrets, passphrases and derived keys are never logged.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from fieldsurvey.core import settings
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.files import atomic_write, private_folder
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

SERVICE: Final = "FieldSurvey"
# How the private keys of a workspace are kept. "demo": derived from the demo seed, not kept.
PROTECTIONS: Final = ("keyring", "passphrase", "file", "demo")
# What a user may ask for when making a workspace; "auto" picks one (see ``choose``).
CHOICES: Final = ("auto", "keyring", "passphrase", "file")
MIN_PASSPHRASE: Final = 8
MAX_PASSPHRASE: Final = 1024
SCRYPT_N: Final = 2**15
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
SALT_BYTES: Final = 16
NONCE_BYTES: Final = 12
AES_KEY_BYTES: Final = 32
# A secret is 64 bytes (signing and encryption keys), or 96 while a key rotation waits for the
# office: the previous signing key follows.
SECRET_SIZES: Final = (64, 96)
DOCUMENT_FORMAT: Final = "fieldsurvey-device-keys"
MAX_DOCUMENT_BYTES: Final = 256 * 1024
# Bounds on KDF parameters read back from a workspace: a tampered file must not make scrypt
# take all memory or time.
_MAX_N: Final = 2**20
_SAFE_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,99}")


class KeyStoreError(FieldSurveyError):
    """The private keys cannot be stored or read; the message says why and what to do."""


class PassphraseError(KeyStoreError):
    """No passphrase, a passphrase that is too short, or the wrong one."""


class KeysNotHereError(KeyStoreError):
    """The workspace's private keys are not on this machine (the file was copied here)."""


def _error(cls: type[KeyStoreError], template: str, **params: object) -> KeyStoreError:
    return cls(Message("trust", template, params))


def keys_not_here(device_id: str, where: Message | str) -> KeysNotHereError:
    """The message for a workspace whose keys stayed on the machine it was made on (``where``:
    the place they were looked for)."""
    error = _error(
        KeysNotHereError,
        QT_TRANSLATE_NOOP(
            "trust",
            "Khóa riêng của thiết bị {device} không có trên máy này ({where}): tệp dữ liệu "
            "khảo sát "
            "được chép từ máy khác, nơi khóa vẫn nằm. Dữ liệu vẫn mở được; để gửi và nhận gói, "
            "hãy dùng máy cũ, hoặc tạo khóa mới (fieldsurvey keys rotate --lost) rồi đọc dấu vân "
            "tay mới cho văn phòng để đăng ký lại",
        ),
        device=device_id[:8],
        where=where,
    )
    assert isinstance(error, KeysNotHereError)
    return error


# -- the operating system's credential store ------------------------------------------------------


def backend_usable(backend: Any) -> bool:
    """Whether a keyring backend really keeps secrets: not the fail or null backends, not a
    chainer with nothing to chain, nor one whose priority says it is not viable."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        try:
            chained = list(backend.backends)
        except Exception:  # a backend's discovery can fail in many ways: then none is usable
            return False
        return any(backend_usable(b) for b in chained)
    try:
        priority = float(type(backend).priority)
    except Exception:  # a backend raises from its priority when it cannot work here
        return False
    return priority > 0


def keyring_usable() -> bool:
    """Whether this machine has a credential store the keyring package can use."""
    try:
        import keyring

        return backend_usable(keyring.get_keyring())
    except Exception:  # keyring failing to start means: no credential store
        log.info("no usable credential store", exc_info=True)
        return False


def _keyring_error(exc: BaseException) -> KeyStoreError:
    return _error(
        KeyStoreError,
        QT_TRANSLATE_NOOP(
            "trust",
            "Kho khóa của hệ điều hành không dùng được ({kind}). Hãy mở khóa kho (đăng nhập lại) "
            "hoặc chọn bảo vệ bằng mật khẩu",
        ),
        kind=type(exc).__name__,
    )


def _keyring_get(device_id: str) -> str | None:
    import keyring

    try:
        return keyring.get_password(SERVICE, device_id)
    except Exception as exc:  # keyring's errors and the OS's: the store is not usable
        raise _keyring_error(exc) from None


def _keyring_put(device_id: str, text: str) -> None:
    import keyring

    try:
        keyring.set_password(SERVICE, device_id, text)
    except Exception as exc:
        raise _keyring_error(exc) from None


def _keyring_delete(device_id: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, device_id)
    except PasswordDeleteError:
        pass
    except Exception as exc:
        raise _keyring_error(exc) from None


# -- the key file ---------------------------------------------------------------------------------


def key_folder() -> Path:
    """Where key files are kept: the platform's data folder (or FIELDSURVEY_HOME), never a
    workspace's folder."""
    return settings.data_dir() / "keys"


def key_file(device_id: str) -> Path:
    """The key file of a device, named by its id (or a hash of it, if the id is no file name)."""
    name = (
        device_id
        if _SAFE_NAME.fullmatch(device_id)
        else "id-" + hashlib.sha256(device_id.encode()).hexdigest()[:32]
    )
    return key_folder() / f"{name}.key"


def file_warning(device_id: str) -> Message:
    """What a user who keeps the keys in a file must know."""
    return Message(
        "trust",
        QT_TRANSLATE_NOOP(
            "trust",
            "Cảnh báo: khóa riêng của máy này được lưu không mã hóa trong tệp {path} (chỉ tài "
            "khoản của bạn đọc được). Ai sao chép được tệp đó (kẻ lấy máy, phần mềm độc hại, bản "
            "sao lưu cả ổ đĩa) có thể ký gói thay bạn. Nên dùng kho khóa của hệ điều hành hoặc "
            "mật khẩu (fieldsurvey keys protect).",
        ),
        {"path": str(key_file(device_id))},
    )


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner can read, atomically (whole or not at all) and to disk."""
    private_folder(path.parent)
    atomic_write(path, data, private=True)


def _file_get(device_id: str) -> str | None:
    path = key_file(device_id)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP("trust", "Không đọc được tệp khóa {path}: {detail}"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    with contextlib.suppress(OSError):  # someone loosened it: only the owner may read keys
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return ""  # unreadable: the document check says so


def _file_put(device_id: str, text: str) -> None:
    path = key_file(device_id)
    try:
        _write_private(path, text.encode("utf-8"))
    except OSError as exc:
        raise _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP("trust", "Không ghi được tệp khóa {path}: {detail}"),
            path=path,
            detail=exc.strerror or exc,
        ) from None


def _file_delete(device_id: str) -> None:
    key_file(device_id).unlink(missing_ok=True)


# -- secrets kept outside the workspace (credential store, key file) ------------------------------


def _document(device_id: str, secrets: list[bytes]) -> str:
    return json.dumps(
        {
            "format": DOCUMENT_FORMAT,
            "version": 1,
            "device_id": device_id,
            "secrets": [base64.b64encode(s).decode("ascii") for s in secrets],
        },
        indent=1,
    )


def _secrets_of(text: str, device_id: str, where: Message | str) -> list[bytes]:
    def bad() -> KeyStoreError:
        return _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP(
                "trust", "Khóa lưu ở {where} bị hỏng hoặc không phải của FieldSurvey"
            ),
            where=where,
        )

    if len(text) > MAX_DOCUMENT_BYTES:
        raise bad()
    try:
        document = json.loads(text)
    except ValueError:
        raise bad() from None
    if (
        not isinstance(document, dict)
        or document.get("format") != DOCUMENT_FORMAT
        or document.get("version") != 1
        or document.get("device_id") != device_id
        or not isinstance(document.get("secrets"), list)
    ):
        raise bad()
    secrets = []
    for item in document["secrets"]:
        try:
            secret = base64.b64decode(str(item).encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise bad() from None
        if len(secret) not in SECRET_SIZES:
            raise bad()
        secrets.append(secret)
    return secrets


@dataclass(frozen=True)
class _Place:
    get: Callable[[str], str | None]
    put: Callable[[str, str], None]
    delete: Callable[[str], None]
    name: Callable[[str], Message | str]


_PLACES: Final = {
    "keyring": _Place(
        _keyring_get,
        _keyring_put,
        _keyring_delete,
        lambda device_id: Message("trust", QT_TRANSLATE_NOOP("trust", "kho khóa của hệ điều hành")),
    ),
    "file": _Place(_file_get, _file_put, _file_delete, lambda device_id: str(key_file(device_id))),
}


def _place(protection: str) -> _Place:
    if protection not in _PLACES:
        raise ValueError(f"not kept outside the workspace: {protection!r}")
    return _PLACES[protection]


def load_outside(protection: str, device_id: str) -> list[bytes]:
    """Every secret kept for the device in the credential store or its key file (more than one
    when copies of a workspace, or an older copy from before a key rotation, share a device
    id); the caller picks the one that matches the workspace's public keys."""
    place = _place(protection)
    text = place.get(device_id)
    if text is None:
        raise keys_not_here(device_id, place.name(device_id))
    return _secrets_of(text, device_id, place.name(device_id))


def store_outside(
    protection: str,
    device_id: str,
    secret: bytes,
    *,
    superseded: Callable[[bytes], bool] = lambda s: False,
) -> None:
    """Keep ``secret`` for the device in the credential store or its key file, beside the
    secrets already kept there, except those ``superseded`` says are replaced by it."""
    if len(secret) not in SECRET_SIZES:
        raise ValueError("a secret is 64 or 96 bytes")
    place = _place(protection)
    text = place.get(device_id)
    kept = [] if text is None else _secrets_of(text, device_id, place.name(device_id))
    kept = [s for s in kept if s != secret and not superseded(s)]
    place.put(device_id, _document(device_id, [*kept, secret]))


def forget_outside(protection: str, device_id: str, secret: bytes) -> None:
    """Remove one secret from the credential store or key file (all of it when none is left).
    Used after the workspace no longer needs it (another protection, a failed creation)."""
    place = _place(protection)
    try:
        text = place.get(device_id)
        if text is None:
            return
        kept = [s for s in _secrets_of(text, device_id, place.name(device_id)) if s != secret]
    except KeyStoreError:
        log.warning("could not read the keys kept for %s to remove old ones", device_id[:8])
        return
    if kept:
        place.put(device_id, _document(device_id, kept))
    else:
        place.delete(device_id)


# -- the passphrase -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sealed:
    """A secret encrypted under a passphrase, as the workspace keeps it."""

    kdf: str  # JSON: {"name": "scrypt", "n": …, "r": …, "p": …, "length": 32}
    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class SealingKey:
    """The key derived from the passphrase, kept in memory while the workspace is open so the
    keys can be sealed again (a rotation finishing) without asking for the passphrase."""

    kdf: str
    salt: bytes
    key: bytes = field(repr=False)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect anything (or absurdly long)."""
    if not MIN_PASSPHRASE <= len(passphrase) <= MAX_PASSPHRASE:
        raise _error(
            PassphraseError,
            QT_TRANSLATE_NOOP("trust", "Mật khẩu phải dài ít nhất {length} ký tự"),
            length=MIN_PASSPHRASE,
        )


def _kdf_params(kdf: str) -> tuple[int, int, int]:
    def bad() -> KeyStoreError:
        return _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP(
                "trust", "Thông số mã hóa khóa trong tệp dữ liệu khảo sát không hợp lệ"
            ),
        )

    try:
        params = json.loads(kdf)
    except ValueError:
        raise bad() from None
    if not isinstance(params, dict) or params.get("name") != "scrypt":
        raise bad()
    n, r, p = params.get("n"), params.get("r"), params.get("p")
    if params.get("length") != AES_KEY_BYTES or not all(type(v) is int for v in (n, r, p)):
        raise bad()
    assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise bad()
    return n, r, p


def _derive(passphrase: str, salt: bytes, kdf: str) -> bytes:
    n, r, p = _kdf_params(kdf)
    return Scrypt(salt=salt, length=AES_KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def new_sealing_key(passphrase: str) -> SealingKey:
    """Derive a fresh key (new random salt) from a new passphrase."""
    check_passphrase(passphrase)
    kdf = json.dumps(
        {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "length": AES_KEY_BYTES},
        sort_keys=True,
    )
    salt = os.urandom(SALT_BYTES)
    return SealingKey(kdf, salt, _derive(passphrase, salt, kdf))


def seal(secret: bytes, sealing: SealingKey, device_id: str) -> Sealed:
    """Encrypt ``secret`` with AES-256-GCM under the derived key, the device id as associated
    data (sealed keys moved to another device's row do not open)."""
    if len(secret) not in SECRET_SIZES:
        raise ValueError("a secret is 64 or 96 bytes")
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(sealing.key).encrypt(nonce, secret, device_id.encode("utf-8"))
    return Sealed(sealing.kdf, sealing.salt, nonce, ciphertext)


def unseal(sealed: Sealed, passphrase: str, device_id: str) -> tuple[bytes, SealingKey]:
    """The secret, and the derived key for sealing again; a wrong passphrase is a
    PassphraseError (there is no lock-out: scrypt makes each try slow instead)."""
    key = _derive(passphrase, sealed.salt, sealed.kdf)
    try:
        secret = AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, device_id.encode("utf-8"))
    except (InvalidTag, ValueError):
        raise _error(
            PassphraseError,
            QT_TRANSLATE_NOOP(
                "trust",
                "Mật khẩu không đúng (hoặc khóa trong tệp dữ liệu khảo sát bị hỏng); hãy thử lại",
            ),
        ) from None
    if len(secret) not in SECRET_SIZES:
        raise _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP("trust", "Khóa trong tệp dữ liệu khảo sát có độ dài sai"),
        )
    return secret, SealingKey(sealed.kdf, sealed.salt, key)


def passphrase_needed() -> PassphraseError:
    error = _error(
        PassphraseError,
        QT_TRANSLATE_NOOP(
            "trust",
            "Cần mật khẩu của khóa thiết bị: đặt biến FIELDSURVEY_PASSPHRASE, dùng "
            "--passphrase-file hoặc chạy trong cửa sổ dòng lệnh để được hỏi",
        ),
    )
    assert isinstance(error, PassphraseError)
    return error


def passphrase_not_given() -> PassphraseError:
    """The person asked for the passphrase gave none (closed the dialog): nothing was done."""
    error = _error(
        PassphraseError,
        QT_TRANSLATE_NOOP("trust", "Chưa nhập mật khẩu khóa thiết bị; không làm gì cả."),
    )
    assert isinstance(error, PassphraseError)
    return error


# -- choosing -------------------------------------------------------------------------------------


def choose(protection: str, passphrase: str | None) -> str:
    """The protection "auto" stands for: the passphrase when one was given, else the credential
    store when this machine has one, else the key file. Any other choice as it is."""
    if protection not in CHOICES:
        raise _error(
            KeyStoreError,
            QT_TRANSLATE_NOOP("trust", "Cách bảo vệ khóa {protection} không có (chọn {choices})"),
            protection=repr(protection),
            choices=", ".join(CHOICES),
        )
    if protection != "auto":
        return protection
    if passphrase:
        return "passphrase"
    return "keyring" if keyring_usable() else "file"


def forget_everywhere(device_id: str, secrets: Collection[bytes]) -> None:
    """Best effort: remove these secrets from the credential store and the key file."""
    for protection in ("keyring", "file"):
        if protection == "keyring" and not keyring_usable():
            continue
        for secret in secrets:
            with contextlib.suppress(KeyStoreError):
                forget_outside(protection, device_id, secret)
