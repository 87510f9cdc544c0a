"""The sync package container: a signed manifest and entries in one encrypted, streamed file.

Longer than most modules on purpose: the writer and the reader of one file format, side by
side, so every bound the reader enforces stands next to what the writer writes."""

# File layout (all integers big-endian):
#
#   magic        b"FSPKG1\n"
#   header_len   4 bytes, 1..4096
#   header       UTF-8 JSON object: {"format": 2, "recipient": <fingerprint string>,
#                "ephemeral": <base64 X25519 public key, 32 bytes>, "salt": <base64, 32 bytes>,
#                "nonce": <base64, 8 bytes>, "chunk_size": <256..16 MiB>}
#   chunks       repeated: ct_len (4 bytes) + AES-256-GCM ciphertext with its 16-byte tag
#
# key   = HKDF-SHA256(X25519(ephemeral, recipient), salt,
#                     info = b"fieldsurvey package v1" + recipient public key + ephemeral key)
# nonce = header "nonce" (8 bytes) + chunk counter (4 bytes, from 0)
# AAD   = SHA-256(magic + header_len + header) + chunk counter (4 bytes) + final flag (1 byte)
#
# Every chunk but the last holds exactly chunk_size plaintext bytes; the last has flag 1 and may
# be empty. So the header is authenticated by every chunk, and a cut, reordered, duplicated or
# appended chunk fails authentication. The plaintext is one Zstandard frame (format 3; format 2,
# still read, was a raw deflate stream, format 1 not compressed) of a tar stream: manifest.json,
# then manifest.sig (Ed25519 over the exact manifest.json bytes), then the entries. Zstandard
# level 11 (the `zstandard` package, also used for the history): the full city package's changes
# (358 MB) shrink to 36 MB, against 44 MB deflated (level 6), and come out again about six times
# faster than inflated (measured on the 2-core test machine). The reader caps the content it
# decompresses as it caps the plaintext (every entry, the total), its ratio to what it came from,
# and the frame's window (its memory).
# The manifest carries "sender" (device id) and "entries": {name: {"size": n, "sha256": hex}}.

from __future__ import annotations

import base64
import enum
import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, Self, cast

import zstandard
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.files import replace_durably
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

MAGIC = b"FSPKG1\n"
FORMAT_VERSION = 3
DEFLATE_FORMAT = 2
UNCOMPRESSED_FORMAT = 1
COMPRESSION_LEVEL = 11
# A frame asking for a larger window is refused (level 11 writes 4 MiB; level 19 8 MiB).
MAX_WINDOW = 8 << 20
# Decompressed content more than MAX_RATIO times what it came from, once past RATIO_FLOOR bytes,
# is a decompression bomb, not survey data (changes shrink about 10×, photos not at all).
MAX_RATIO = 200
RATIO_FLOOR = 16 << 20
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
DEFAULT_NAMES = (
    r"^(changes\.jsonl|acks\.json|heads\.json|authors\.json|rotation\.json|basemap\.mbtiles"
    r"|photos/[0-9a-f]{64})$"
)

DEFAULT_CHUNK = 1 << 20
MIN_CHUNK = 256
MAX_CHUNK = 16 << 20
MAX_HEADER = 4096
MAX_MANIFEST = 32 << 20
DEFAULT_MAX_TOTAL = 8 << 30
DEFAULT_MAX_ENTRIES = 50_000
DEFAULT_MAX_ENTRY = 4 << 30

_INFO = b"fieldsurvey package v1"
_TAG = 16
_SIGNATURE_SIZE = 64
_IO_BLOCK = 1 << 20
_ZSTD_PIECE = 256
# tarfile reads a pax/GNU long-name header whole into memory; ours are never near this size.
_MAX_EXT_HEADER = 64 << 10
_EXT_TYPES = (
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
)
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Refusal(enum.StrEnum):
    """Why a package was refused (or could not be written): the code a refusal carries, for
    the log, the inbox and tests; the message beside it says it to the user."""

    BAD_ARCHIVE = "bad-archive"
    BAD_BASEMAP = "bad-basemap"
    BAD_MANIFEST = "bad-manifest"
    BAD_NAME = "bad-name"
    BAD_PHOTO = "bad-photo"
    BAD_RECORD = "bad-record"
    BAD_ROTATION = "bad-rotation"
    BAD_SIGNATURE = "bad-signature"
    BUSY = "busy"
    DEMO_MISMATCH = "demo-mismatch"
    DUPLICATE_NAME = "duplicate-name"
    EXTRA_ENTRY = "extra-entry"
    EXTRA_PHOTO = "extra-photo"
    FORGED = "forged"
    HASH_MISMATCH = "hash-mismatch"
    IO_ERROR = "io-error"
    LINK = "link"
    MISSING_ENTRY = "missing-entry"
    MISSING_PHOTO = "missing-photo"
    NEWER_FORMAT = "newer-format"
    NO_RECIPIENT = "no-recipient"
    NOT_A_PACKAGE = "not-a-package"
    NOT_PERMITTED = "not-permitted"
    OLDER_FORMAT = "older-format"
    QUARANTINED = "quarantined"
    RETIRED_KEY = "retired-key"
    REVOKED = "revoked"
    SOURCE_CHANGED = "source-changed"
    TAMPERED = "tampered"
    TOO_LARGE = "too-large"
    TOO_MANY_ENTRIES = "too-many-entries"
    TRUNCATED = "truncated"
    UNKNOWN_AUTHOR = "unknown-author"
    UNKNOWN_RECIPIENT = "unknown-recipient"
    UNKNOWN_SENDER = "unknown-sender"
    WRONG_RECIPIENT = "wrong-recipient"


class PackageError(FieldSurveyError):
    """A sync package was refused (or could not be written); ``reason`` is a short code."""

    def __init__(self, reason: Refusal, message: Message) -> None:
        super().__init__(message, code=reason)
        self.reason = reason


def _say(template: str, **params: Any) -> Message:
    """A message of the sync room (a template marked with QT_TRANSLATE_NOOP, its fields)."""
    return Message("sync", template, params)


@dataclass(frozen=True)
class OpenedPackage:
    """A fully checked package: the signed manifest and its entries copied into staging.

    ``folder`` (inside the staging folder) holds the entries and ``package_copy``; the caller
    deletes it when done.
    """

    manifest: dict[str, Any]
    entry_paths: dict[str, Path]
    folder: Path
    package_copy: Path


def _show(name: str) -> str:
    # Names come from untrusted files: keep them short and unambiguous in messages.
    return repr(name if len(name) <= 80 else name[:77] + "...")


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _derive_key(shared: bytes, salt: bytes, recipient: bytes, ephemeral: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO + recipient + ephemeral)
    return hkdf.derive(shared)


def _aad(header_digest: bytes, counter: int, final: bool) -> bytes:
    return header_digest + counter.to_bytes(4, "big") + (b"\x01" if final else b"\x00")


def _name_is_safe(name: str, pattern: re.Pattern[str]) -> bool:
    # fullmatch, not match: "$" also matches before a trailing newline. The path checks hold
    # even if a caller passes a looser pattern.
    if not pattern.fullmatch(name) or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The exact bytes stored as manifest.json (and signed)."""
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Writing


class _EncryptingWriter:
    """Takes plaintext through ``write()``, writes the header and framed chunks to ``out``."""

    def __init__(
        self,
        out: BinaryIO,
        *,
        recipient_key: X25519PublicKey,
        recipient_fingerprint: str,
        chunk_size: int = DEFAULT_CHUNK,
        format_version: int = FORMAT_VERSION,
    ) -> None:
        if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
            raise ValueError(f"chunk_size must be within {MIN_CHUNK}..{MAX_CHUNK}")
        ephemeral = X25519PrivateKey.generate()
        ephemeral_raw = _raw(ephemeral.public_key())
        salt = os.urandom(32)
        self._prefix = os.urandom(8)
        header = json.dumps(
            {
                "format": format_version,
                "recipient": recipient_fingerprint,
                "ephemeral": base64.b64encode(ephemeral_raw).decode("ascii"),
                "salt": base64.b64encode(salt).decode("ascii"),
                "nonce": base64.b64encode(self._prefix).decode("ascii"),
                "chunk_size": chunk_size,
            },
            sort_keys=True,
            separators=(",", ":"),
        ).encode("utf-8")
        preamble = MAGIC + len(header).to_bytes(4, "big") + header
        out.write(preamble)
        self._digest = hashlib.sha256(preamble).digest()
        shared = ephemeral.exchange(recipient_key)
        self._aead = AESGCM(_derive_key(shared, salt, _raw(recipient_key), ephemeral_raw))
        self._out = out
        self._chunk = chunk_size
        self._buffer = bytearray()
        self._counter = 0
        self.aborted = False

    def write(self, data: bytes) -> int:
        # After an abort tarfile may still flush into us while being closed: drop it.
        if self.aborted:
            return len(data)
        self._buffer += data
        # Strictly greater: the last full chunk is held back in case it turns out to be final.
        while len(self._buffer) > self._chunk:
            self._emit(bytes(self._buffer[: self._chunk]), final=False)
            del self._buffer[: self._chunk]
        return len(data)

    def finish(self) -> None:
        self._emit(bytes(self._buffer), final=True)
        self._buffer.clear()

    def _emit(self, plain: bytes, *, final: bool) -> None:
        if self._counter > 0xFFFFFFFF:
            raise ValueError("too many chunks for one package; use a larger chunk size")
        nonce = self._prefix + self._counter.to_bytes(4, "big")
        sealed = self._aead.encrypt(nonce, plain, _aad(self._digest, self._counter, final))
        self._out.write(len(sealed).to_bytes(4, "big") + sealed)
        self._counter += 1


class _CompressingWriter:
    """Compresses what tarfile writes (one Zstandard frame) into the encrypting writer."""

    def __init__(self, out: _EncryptingWriter) -> None:
        self._out = out
        self._compress = zstandard.ZstdCompressor(level=COMPRESSION_LEVEL).compressobj()

    def write(self, data: bytes) -> int:
        if not self._out.aborted:
            self._out.write(self._compress.compress(data))
        return len(data)

    def finish(self) -> None:
        self._out.write(self._compress.flush())
        self._out.finish()


def _encrypt_stream(
    source: BinaryIO,
    target: BinaryIO,
    *,
    recipient_key: X25519PublicKey,
    recipient_fingerprint: str,
    chunk_size: int = DEFAULT_CHUNK,
    compress: bool = True,
) -> None:
    """Encrypt any plaintext stream into the package framing, compressed as packages are (the
    tests build odd tars with it; ``compress=False`` writes the uncompressed format 1)."""
    writer = _EncryptingWriter(
        target,
        recipient_key=recipient_key,
        recipient_fingerprint=recipient_fingerprint,
        chunk_size=chunk_size,
        format_version=FORMAT_VERSION if compress else UNCOMPRESSED_FORMAT,
    )
    sink: _EncryptingWriter | _CompressingWriter = (
        _CompressingWriter(writer) if compress else writer
    )
    while block := source.read(_IO_BLOCK):
        sink.write(block)
    sink.finish()


class _HashingReader:
    """Reads a source for tarfile while hashing it, to notice a file changed since pass one."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self.sha = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.sha.update(data)
        self.size += len(data)
        return data


def _describe(source: Path | bytes) -> dict[str, Any]:
    if isinstance(source, bytes):
        return {"size": len(source), "sha256": hashlib.sha256(source).hexdigest()}
    sha = hashlib.sha256()
    size = 0
    with open(source, "rb") as handle:
        while block := handle.read(_IO_BLOCK):
            sha.update(block)
            size += len(block)
    return {"size": size, "sha256": sha.hexdigest()}


def _add_member(
    tar: tarfile.TarFile, name: str, size: int, source: _BytesSource | _HashingReader
) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    info.mtime = 0  # packages differ by content only, never by when a file was touched
    tar.addfile(info, source)


def _source_changed(name: str) -> PackageError:
    return PackageError(
        Refusal.SOURCE_CHANGED,
        _say(
            QT_TRANSLATE_NOOP("sync", "Tệp {name} đã thay đổi trong lúc xuất gói; hãy xuất lại."),
            name=_show(name),
        ),
    )


def write_package(
    target: Path,
    *,
    manifest: dict[str, Any],
    entries: Iterable[tuple[str, Path | bytes]],
    sender_key: Ed25519PrivateKey,
    recipient_key: X25519PublicKey,
    recipient_fingerprint: str,
    sender: str | None = None,
    allowed_names: str = DEFAULT_NAMES,
    chunk_size: int = DEFAULT_CHUNK,
) -> dict[str, Any]:
    """Write a signed, encrypted package to ``target`` atomically; return the signed manifest.

    ``manifest`` must carry "sender" (the device id) unless ``sender`` is given; its "entries"
    key is filled in here. Bad names or a missing sender are programming errors (ValueError);
    unreadable or changing source files raise ``PackageError``.
    """
    pattern = re.compile(allowed_names)
    items = list(entries)
    final = dict(manifest)
    if sender is not None:
        final["sender"] = sender
    if not isinstance(final.get("sender"), str) or not final["sender"]:
        raise ValueError('the manifest needs "sender": the device id')
    described: dict[str, dict[str, Any]] = {}
    try:
        # Pass one: the signed manifest lists every entry's size and hash, and it must come
        # first in the stream, so hash everything before writing anything.
        for name, source in items:
            if not _name_is_safe(name, pattern):
                raise ValueError(f"entry name not allowed: {name!r}")
            if name in described or name in (MANIFEST_NAME, SIGNATURE_NAME):
                raise ValueError(f"duplicate entry name: {name!r}")
            described[name] = _describe(source)
    except OSError as exc:
        raise PackageError(
            Refusal.IO_ERROR,
            _say(
                QT_TRANSLATE_NOOP("sync", "Không đọc được tệp để xuất gói: {detail}."), detail=exc
            ),
        ) from exc
    final["entries"] = described
    signed = manifest_bytes(final)
    signature = sender_key.sign(signed)

    # A hidden temporary name in the same folder, renamed only once complete and on disk: an
    # interrupted export never leaves a file that looks like a whole package.
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.part")
    try:
        with open(temporary, "xb") as out:
            writer = _EncryptingWriter(
                out,
                recipient_key=recipient_key,
                recipient_fingerprint=recipient_fingerprint,
                chunk_size=chunk_size,
            )
            compressing = _CompressingWriter(writer)
            # tarfile's stream mode only ever calls write() on the object it is given.
            # Not a with-block: on failure the end of archive must not be written (see except).
            tar = tarfile.open(  # noqa: SIM115
                fileobj=cast(IO[bytes], compressing), mode="w|", format=tarfile.PAX_FORMAT
            )
            try:
                _add_member(tar, MANIFEST_NAME, len(signed), _BytesSource(signed))
                _add_member(tar, SIGNATURE_NAME, len(signature), _BytesSource(signature))
                for name, source in items:
                    _add_entry(tar, name, source, described[name])
            except BaseException:
                writer.aborted = True
                tar.close()
                raise
            tar.close()
            compressing.finish()
            out.flush()
            os.fsync(out.fileno())
        replace_durably(temporary, target)
    except OSError as exc:
        raise PackageError(
            Refusal.IO_ERROR,
            _say(
                QT_TRANSLATE_NOOP("sync", "Không ghi được gói {target}: {detail}."),
                target=target,
                detail=exc,
            ),
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
    return final


class _BytesSource:
    """A minimal read() over bytes that does not copy them (a BytesIO would, on first write)."""

    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else min(len(self._view), self._pos + size)
        data = bytes(self._view[self._pos : end])
        self._pos = end
        return data


def _add_entry(
    tar: tarfile.TarFile, name: str, source: Path | bytes, expected: dict[str, Any]
) -> None:
    size = int(expected["size"])
    if isinstance(source, bytes):
        _add_member(tar, name, size, _BytesSource(source))
        return
    with open(source, "rb") as handle:
        hashing = _HashingReader(handle)
        try:
            _add_member(tar, name, size, hashing)
        except OSError as exc:  # tarfile: "unexpected end of data" when the file shrank
            raise _source_changed(name) from exc
        if handle.read(1) or hashing.sha.hexdigest() != expected["sha256"]:
            raise _source_changed(name)


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class _Header:
    digest: bytes
    chunk_size: int
    prefix: bytes
    aead: AESGCM
    version: int


def _tampered(detail: Message) -> PackageError:
    return PackageError(
        Refusal.TAMPERED,
        _say(QT_TRANSLATE_NOOP("sync", "Gói bị hỏng hoặc đã bị sửa: {detail}."), detail=detail),
    )


def _truncated(detail: Message) -> PackageError:
    return PackageError(
        Refusal.TRUNCATED,
        _say(
            QT_TRANSLATE_NOOP("sync", "Gói bị cắt ngắn ({detail}); hãy chép lại từ thiết bị gửi."),
            detail=detail,
        ),
    )


def _b64_field(fields: dict[str, Any], key: str, size: int) -> bytes:
    try:
        value = base64.b64decode(fields[key], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "trường {key} sai"), key=repr(key))) from exc
    if len(value) != size:
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "trường {key} sai"), key=repr(key)))
    return value


def _read_header(
    source: BinaryIO, recipient_key: X25519PrivateKey, recipient_fingerprint: str
) -> _Header:
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        if magic and MAGIC.startswith(magic):
            raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "chỉ còn phần đầu")))
        raise PackageError(
            Refusal.NOT_A_PACKAGE,
            _say(QT_TRANSLATE_NOOP("sync", "Tệp này không phải là gói đồng bộ FieldSurvey.")),
        )
    length_bytes = source.read(4)
    if len(length_bytes) < 4:
        raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "thiếu phần tiêu đề")))
    length = int.from_bytes(length_bytes, "big")
    if not 0 < length <= MAX_HEADER:
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "độ dài tiêu đề không hợp lệ")))
    header = source.read(length)
    if len(header) < length:
        raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "thiếu phần tiêu đề")))
    try:
        fields = json.loads(header.decode("utf-8"))
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "không đọc được tiêu đề"))) from exc
    if not isinstance(fields, dict):
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "không đọc được tiêu đề")))
    version = fields.get("format")
    if type(version) is not int:
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "tiêu đề không có phiên bản")))
    if version > FORMAT_VERSION:
        raise PackageError(
            Refusal.NEWER_FORMAT,
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Gói được tạo bởi phiên bản FieldSurvey mới hơn (định dạng {version}); "
                    "hãy cập nhật FieldSurvey.",
                ),
                version=version,
            ),
        )
    if version not in (UNCOMPRESSED_FORMAT, DEFLATE_FORMAT, FORMAT_VERSION):
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "phiên bản định dạng sai")))
    recipient = fields.get("recipient")
    if recipient != recipient_fingerprint:
        shown = _show(recipient) if isinstance(recipient, str) else "?"
        raise PackageError(
            Refusal.WRONG_RECIPIENT,
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Gói này được mã hóa cho nơi nhận khác ({shown}), không phải cho máy này.",
                ),
                shown=shown,
            ),
        )
    chunk_size = fields.get("chunk_size")
    if type(chunk_size) is not int or not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "kích thước khối sai")))
    ephemeral = _b64_field(fields, "ephemeral", 32)
    salt = _b64_field(fields, "salt", 32)
    prefix = _b64_field(fields, "nonce", 8)
    try:
        shared = recipient_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError as exc:  # a low-order point gives an all-zero secret, which is refused
        raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "khóa trong tiêu đề sai"))) from exc
    key = _derive_key(shared, salt, _raw(recipient_key.public_key()), ephemeral)
    digest = hashlib.sha256(MAGIC + length_bytes + header).digest()
    return _Header(
        digest=digest,
        chunk_size=chunk_size,
        prefix=prefix,
        aead=AESGCM(key),
        version=version,
    )


class _DecryptingReader:
    """``read()`` gives plaintext; each chunk is authenticated before any of it is returned."""

    def __init__(self, source: BinaryIO, header: _Header, max_plain: int) -> None:
        self._source = source
        self._header = header
        self._max_plain = max_plain
        self._plain = b""
        self._pos = 0
        self._counter = 0
        self._total = 0
        self._lookahead: bytes | None = None
        self.finished = False

    def read(self, size: int = -1) -> bytes:
        while self._pos >= len(self._plain):
            if self.finished:
                return b""
            self._plain = self._next_chunk()
            self._pos = 0
        end = len(self._plain) if size < 0 else min(len(self._plain), self._pos + size)
        data = self._plain[self._pos : end]
        self._pos = end
        return data

    def _next_chunk(self) -> bytes:
        header = self._header
        length_bytes = self._source.read(4) if self._lookahead is None else self._lookahead
        if len(length_bytes) < 4:
            raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "thiếu khối cuối")))
        length = int.from_bytes(length_bytes, "big")
        if not _TAG <= length <= header.chunk_size + _TAG:
            raise _tampered(
                _say(QT_TRANSLATE_NOOP("sync", "khối {chunk} sai"), chunk=self._counter)
            )
        sealed = self._source.read(length)
        if len(sealed) < length:
            raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "khối cuối bị cắt")))
        # Whether this is the last chunk is decided by the file ending here; the flag in the
        # AAD then proves the writer meant it to be the last.
        self._lookahead = self._source.read(4)
        at_end = self._lookahead == b""
        if self._counter > 0xFFFFFFFF:
            raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "quá nhiều khối")))
        nonce = header.prefix + self._counter.to_bytes(4, "big")
        try:
            plain = header.aead.decrypt(nonce, sealed, _aad(header.digest, self._counter, at_end))
        except InvalidTag:
            # The same bytes under the other flag tell a cut-off file, or bytes appended after
            # the end, apart from a damaged chunk.
            other = _aad(header.digest, self._counter, not at_end)
            try:
                header.aead.decrypt(nonce, sealed, other)
            except InvalidTag:
                raise _tampered(
                    _say(
                        QT_TRANSLATE_NOOP("sync", "khối {chunk} không xác thực được"),
                        chunk=self._counter,
                    )
                ) from None
            if at_end:
                raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "thiếu khối cuối"))) from None
            raise _tampered(_say(QT_TRANSLATE_NOOP("sync", "có dữ liệu sau khối cuối"))) from None
        if not at_end and len(plain) != header.chunk_size:
            raise _tampered(
                _say(QT_TRANSLATE_NOOP("sync", "khối {chunk} thiếu"), chunk=self._counter)
            )
        self._counter += 1
        self._total += len(plain)
        if self._total > self._max_plain:
            raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "nội dung giải mã")))
        self.finished = at_end
        return plain


class _DecompressingReader:
    """``read()`` gives the decompressed content of the decrypted stream, a block at a time,
    never more in total than ``max_plain`` nor more than ``MAX_RATIO`` times its input (past
    ``RATIO_FLOOR``); the compressed stream (one Zstandard frame, or raw deflate in format 2)
    must end the plaintext exactly."""

    def __init__(self, source: _DecryptingReader, max_plain: int, version: int) -> None:
        self._source = source
        self._max_plain = max_plain
        self._deflate = version == DEFLATE_FORMAT
        self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        self._zstd = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW).decompressobj()
        self._pending = memoryview(b"")
        self._buffer = bytearray()
        self._read_in = 0
        self._given_out = 0

    def _ended(self) -> bool:
        return self._inflate.eof if self._deflate else self._zstd.eof

    def _step(self, wanted: int) -> bytes:
        """Decompress some of the pending input, leaving the rest pending."""
        if self._deflate:
            out = self._inflate.decompress(self._pending, max(wanted, 1 << 16))
            self._pending = memoryview(self._inflate.unconsumed_tail + self._inflate.unused_data)
            return out
        # Zstandard gives all that a piece of input makes: small pieces bound what one call can
        # make (a 4-byte block can stand for 128 KiB, so 256 bytes for at most 8 MiB), and the
        # ratio and total are checked after each. 256-byte pieces read the city's changes
        # (36 MB to 358 MB) in 0.55 s, 1 KiB ones in 0.48 s.
        piece, self._pending = self._pending[:_ZSTD_PIECE], self._pending[_ZSTD_PIECE:]
        out = self._zstd.decompress(piece)
        if self._zstd.eof:
            self._pending = memoryview(self._zstd.unused_data + bytes(self._pending))
        return out

    def read(self, size: int = -1) -> bytes:
        wanted = _IO_BLOCK if size < 0 else size
        while len(self._buffer) < wanted and not self._ended():
            if not self._pending:
                self._pending = memoryview(self._source.read(_IO_BLOCK))
                if not self._pending:
                    raise _truncated(_say(QT_TRANSLATE_NOOP("sync", "phần nén bị cắt")))
                self._read_in += len(self._pending)
            try:
                made = self._step(wanted)
            except (zlib.error, zstandard.ZstdError) as exc:
                raise _bad_archive(
                    _say(QT_TRANSLATE_NOOP("sync", "không giải nén được: {detail}"), detail=exc)
                ) from exc
            self._given_out += len(made)
            if self._given_out > self._max_plain:
                raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "nội dung giải nén")))
            if self._given_out > RATIO_FLOOR and self._given_out > MAX_RATIO * self._read_in:
                raise _too_large(
                    _say(QT_TRANSLATE_NOOP("sync", "tỉ lệ nén bất thường (bom giải nén)"))
                )
            self._buffer += made
        if not self._buffer:
            # Nothing may follow the compressed stream (reading on authenticates the end).
            if self._pending or self._source.read(1):
                raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "có dữ liệu sau phần nén")))
            return b""
        out = bytes(self._buffer[:wanted])
        del self._buffer[:wanted]
        return out


def _too_large(what: Message) -> PackageError:
    return PackageError(
        Refusal.TOO_LARGE,
        _say(
            QT_TRANSLATE_NOOP("sync", "Gói bị từ chối: {what} vượt quá giới hạn kích thước."),
            what=what,
        ),
    )


def _bad_archive(detail: Message | str) -> PackageError:
    return PackageError(
        Refusal.BAD_ARCHIVE,
        _say(
            QT_TRANSLATE_NOOP("sync", "Nội dung gói không phải là kho lưu trữ hợp lệ: {detail}."),
            detail=detail,
        ),
    )


def _bad_manifest(detail: Message) -> PackageError:
    return PackageError(
        Refusal.BAD_MANIFEST,
        _say(
            QT_TRANSLATE_NOOP("sync", "Bản kê khai của gói không hợp lệ: {detail}."), detail=detail
        ),
    )


class _GuardedTarInfo(tarfile.TarInfo):
    """Refuses, before tarfile reads them into memory, extended headers no writer of ours makes."""

    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> Self:
        info = super().frombuf(buf, encoding, errors)
        if info.type in _EXT_TYPES and info.size > _MAX_EXT_HEADER:
            raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "phần mở rộng quá lớn")))
        if info.type == tarfile.GNUTYPE_SPARSE:
            raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "tệp thưa")))
        return info

    def _proc_gnusparse_10(self, *args: object) -> None:
        # pax sparse 1.0 reads a map of unbounded length from the data: never legitimate here.
        raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "tệp thưa")))


def _check_regular(member: tarfile.TarInfo) -> None:
    if member.issym() or member.islnk():
        raise PackageError(
            Refusal.LINK,
            _say(
                QT_TRANSLATE_NOOP("sync", "Gói chứa liên kết {name}; chỉ chấp nhận tệp thường."),
                name=_show(member.name),
            ),
        )
    if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.sparse is not None:
        raise _bad_archive(
            _say(
                QT_TRANSLATE_NOOP("sync", "{name} không phải là tệp thường"),
                name=_show(member.name),
            )
        )


def _read_small(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = tar.extractfile(member)
    if handle is None:
        raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "không đọc được tệp")))
    data = handle.read(member.size)
    if len(data) != member.size:
        raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "tệp bị cắt")))
    return data


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _bad_manifest(_say(QT_TRANSLATE_NOOP("sync", "không phải JSON"))) from exc
    if not isinstance(manifest, dict):
        raise _bad_manifest(_say(QT_TRANSLATE_NOOP("sync", "không phải đối tượng JSON")))
    sender = manifest.get("sender")
    if not isinstance(sender, str) or not sender:
        raise _bad_manifest(_say(QT_TRANSLATE_NOOP("sync", "thiếu thiết bị gửi")))
    return manifest


def _manifest_entries(
    manifest: dict[str, Any], pattern: re.Pattern[str], max_entries: int
) -> dict[str, tuple[int, str]]:
    listed = manifest.get("entries")
    if not isinstance(listed, dict):
        raise _bad_manifest(_say(QT_TRANSLATE_NOOP("sync", "thiếu danh sách tệp")))
    if len(listed) > max_entries:
        raise _too_many(max_entries)
    result: dict[str, tuple[int, str]] = {}
    for name, value in listed.items():
        if not _name_is_safe(name, pattern):
            raise _bad_manifest(
                _say(QT_TRANSLATE_NOOP("sync", "tên {name} không hợp lệ"), name=_show(name))
            )
        size = value.get("size") if isinstance(value, dict) else None
        sha = value.get("sha256") if isinstance(value, dict) else None
        if (
            type(size) is not int
            or size < 0
            or not isinstance(sha, str)
            or not _HEX64.fullmatch(sha)
        ):
            raise _bad_manifest(
                _say(
                    QT_TRANSLATE_NOOP("sync", "mục {name} thiếu kích thước/SHA-256"),
                    name=_show(name),
                )
            )
        result[name] = (size, sha)
    return result


def _too_many(limit: int) -> PackageError:
    return PackageError(
        Refusal.TOO_MANY_ENTRIES,
        _say(QT_TRANSLATE_NOOP("sync", "Gói chứa quá nhiều tệp (giới hạn {limit})."), limit=limit),
    )


def _verify_signature(
    manifest: dict[str, Any],
    signed: bytes,
    signature: bytes,
    trusted_signer: Callable[[str], Ed25519PublicKey | None],
) -> None:
    sender = str(manifest["sender"])
    key = trusted_signer(sender)
    if key is None:
        raise PackageError(
            Refusal.UNKNOWN_SENDER,
            _say(
                QT_TRANSLATE_NOOP(
                    "sync", "Gói đến từ thiết bị {sender} chưa được đăng ký hoặc đã bị thu hồi."
                ),
                sender=_show(sender),
            ),
        )
    try:
        key.verify(signature, signed)
    except InvalidSignature:
        raise PackageError(
            Refusal.BAD_SIGNATURE,
            _say(QT_TRANSLATE_NOOP("sync", "Chữ ký của bản kê khai không hợp lệ.")),
        ) from None


def _read_archive(
    plain: _DecryptingReader | _DecompressingReader,
    folder: Path,
    *,
    pattern: re.Pattern[str],
    trusted_signer: Callable[[str], Ed25519PublicKey | None],
    max_total: int,
    max_entries: int,
    max_entry: int,
) -> tuple[dict[str, Any], dict[str, Path]]:
    manifest: dict[str, Any] | None = None
    signed = b""
    listed: dict[str, tuple[int, str]] = {}
    paths: dict[str, Path] = {}
    seen: set[str] = set()
    total = 0
    index = 0
    with tarfile.open(fileobj=cast(IO[bytes], plain), mode="r|", tarinfo=_GuardedTarInfo) as tar:
        while (member := tar.next()) is not None:
            # Stream mode keeps every TarInfo it has read; this archive's are not needed again.
            tar.members.clear()  # type: ignore[attr-defined]  # (undocumented in typeshed)
            index += 1
            name = member.name
            if index == 1:
                if name != MANIFEST_NAME:
                    raise _bad_manifest(
                        _say(QT_TRANSLATE_NOOP("sync", "tệp đầu tiên không phải manifest.json"))
                    )
                _check_regular(member)
                if member.size > MAX_MANIFEST:
                    raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "bản kê khai")))
                signed = _read_small(tar, member)
                manifest = _parse_manifest(signed)
                seen.add(name)
                continue
            if index == 2:
                if name != SIGNATURE_NAME:
                    raise PackageError(
                        Refusal.BAD_SIGNATURE,
                        _say(QT_TRANSLATE_NOOP("sync", "Gói không có chữ ký cho bản kê khai.")),
                    )
                _check_regular(member)
                if member.size != _SIGNATURE_SIZE:
                    raise PackageError(
                        Refusal.BAD_SIGNATURE,
                        _say(QT_TRANSLATE_NOOP("sync", "Chữ ký của bản kê khai không hợp lệ.")),
                    )
                assert manifest is not None
                _verify_signature(manifest, signed, _read_small(tar, member), trusted_signer)
                # Only now, signed by an enrolled device, does the manifest say anything.
                listed = _manifest_entries(manifest, pattern, max_entries)
                seen.add(name)
                continue
            if not _name_is_safe(name, pattern):
                raise PackageError(
                    Refusal.BAD_NAME,
                    _say(
                        QT_TRANSLATE_NOOP("sync", "Gói chứa tên tệp không được phép: {name}."),
                        name=_show(name),
                    ),
                )
            if name in seen:
                raise PackageError(
                    Refusal.DUPLICATE_NAME,
                    _say(
                        QT_TRANSLATE_NOOP("sync", "Gói chứa hai tệp cùng tên {name}."),
                        name=_show(name),
                    ),
                )
            seen.add(name)
            _check_regular(member)
            if len(paths) >= max_entries:
                raise _too_many(max_entries)
            total += member.size
            if member.size > max_entry:
                raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "tệp {name}"), name=_show(name)))
            if total > max_total:
                raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "tổng các tệp")))
            if name not in listed:
                raise PackageError(
                    Refusal.EXTRA_ENTRY,
                    _say(
                        QT_TRANSLATE_NOOP(
                            "sync", "Gói chứa tệp {name} không có trong bản kê khai."
                        ),
                        name=_show(name),
                    ),
                )
            size, sha = listed[name]
            if member.size != size:
                raise _hash_mismatch(name)
            paths[name] = _stage_entry(tar, member, folder / f"entry-{len(paths) + 1:06d}", sha)
        if manifest is None:
            raise _bad_manifest(_say(QT_TRANSLATE_NOOP("sync", "gói không có bản kê khai")))
        if index < 2:
            raise PackageError(
                Refusal.BAD_SIGNATURE,
                _say(QT_TRANSLATE_NOOP("sync", "Gói không có chữ ký cho bản kê khai.")),
            )
    _drain(plain)
    for name in listed:
        if name not in paths:
            raise PackageError(
                Refusal.MISSING_ENTRY,
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync", "Bản kê khai liệt kê {name} nhưng gói không chứa tệp này."
                    ),
                    name=_show(name),
                ),
            )
    return manifest, paths


def _hash_mismatch(name: str) -> PackageError:
    return PackageError(
        Refusal.HASH_MISMATCH,
        _say(
            QT_TRANSLATE_NOOP(
                "sync",
                "Nội dung tệp {name} không khớp với bản kê khai (kích thước hoặc SHA-256).",
            ),
            name=_show(name),
        ),
    )


def _stage_entry(tar: tarfile.TarFile, member: tarfile.TarInfo, path: Path, sha: str) -> Path:
    handle = tar.extractfile(member)
    if handle is None:
        raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "không đọc được tệp")))
    digest = hashlib.sha256()
    remaining = member.size
    with open(path, "xb") as out:
        while remaining:
            block = handle.read(min(remaining, _IO_BLOCK))
            if not block:
                raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "tệp bị cắt")))
            digest.update(block)
            out.write(block)
            remaining -= len(block)
    if digest.hexdigest() != sha:
        raise _hash_mismatch(member.name)
    return path


def _drain(plain: _DecryptingReader | _DecompressingReader) -> None:
    # Reading to the end authenticates the final chunk. After the tar end marker only tar's
    # zero padding (at most one record, minus what tarfile already buffered) may follow.
    extra = 0
    while block := plain.read(_IO_BLOCK):
        extra += len(block)
        if extra > 2 * tarfile.RECORDSIZE or block.strip(b"\x00"):
            raise _bad_archive(_say(QT_TRANSLATE_NOOP("sync", "có dữ liệu sau phần cuối")))


def _plain_limit(max_total: int, max_entries: int) -> int:
    # Entries plus the manifest, tar headers (with room for small pax headers) and padding.
    return (
        max_total
        + MAX_MANIFEST
        + (max_entries + 2) * 8 * tarfile.BLOCKSIZE
        + 4 * tarfile.RECORDSIZE
    )


def _copy_in(source: Path, copy: Path, limit: int) -> None:
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below; errors differ from copying
    except OSError as exc:
        raise PackageError(
            Refusal.NOT_A_PACKAGE,
            _say(
                QT_TRANSLATE_NOOP("sync", "Không mở được tệp {source}: {detail}."),
                source=source,
                detail=exc.strerror or exc,
            ),
        ) from exc
    copied = 0
    try:
        with handle, open(copy, "xb") as out:
            while block := handle.read(_IO_BLOCK):
                copied += len(block)
                if copied > limit:
                    raise _too_large(_say(QT_TRANSLATE_NOOP("sync", "tệp gói")))
                out.write(block)
    except OSError as exc:
        raise PackageError(
            Refusal.IO_ERROR,
            _say(
                QT_TRANSLATE_NOOP(
                    "sync", "Không chép được gói vào thư mục tạm (thiết bị bị rút ra?): {detail}."
                ),
                detail=exc,
            ),
        ) from exc


def open_package(
    source: Path,
    *,
    staging: Path,
    recipient_key: X25519PrivateKey,
    recipient_fingerprint: str,
    trusted_signer: Callable[[str], Ed25519PublicKey | None],
    allowed_names: str = DEFAULT_NAMES,
    max_total: int = DEFAULT_MAX_TOTAL,
    max_entries: int = DEFAULT_MAX_ENTRIES,
    max_entry: int = DEFAULT_MAX_ENTRY,
) -> OpenedPackage:
    """Copy, decrypt, unpack and check a package completely; raise ``PackageError`` if refused.

    Entries are written to generated names in a new folder inside ``staging``; on refusal that
    folder is removed again. ``trusted_signer`` maps a device id to its enrolled signing key, or
    None for an unknown or revoked device.
    """
    pattern = re.compile(allowed_names)
    staging.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="package-", dir=staging))
    try:
        copy = folder / "package.fspkg"
        plain_limit = _plain_limit(max_total, max_entries)
        # Everything below reads the private copy, so a stick pulled mid-import changes nothing.
        cipher_limit = plain_limit + (plain_limit // MIN_CHUNK + 2) * (4 + _TAG) + 2 * MAX_HEADER
        _copy_in(source, copy, cipher_limit)
        try:
            with open(copy, "rb") as handle:
                header = _read_header(handle, recipient_key, recipient_fingerprint)
                decrypted = _DecryptingReader(handle, header, plain_limit)
                plain: _DecryptingReader | _DecompressingReader = (
                    decrypted
                    if header.version == UNCOMPRESSED_FORMAT
                    else _DecompressingReader(decrypted, plain_limit, header.version)
                )
                try:
                    manifest, paths = _read_archive(
                        plain,
                        folder,
                        pattern=pattern,
                        trusted_signer=trusted_signer,
                        max_total=max_total,
                        max_entries=max_entries,
                        max_entry=max_entry,
                    )
                except tarfile.TarError as exc:
                    raise _bad_archive(str(exc)) from exc
        except OSError as exc:
            raise PackageError(
                Refusal.IO_ERROR,
                _say(
                    QT_TRANSLATE_NOOP("sync", "Không đọc/ghi được thư mục tạm: {detail}."),
                    detail=exc,
                ),
            ) from exc
        return OpenedPackage(manifest=manifest, entry_paths=paths, folder=folder, package_copy=copy)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def verify_package(
    source: Path,
    *,
    recipient_key: X25519PrivateKey,
    recipient_fingerprint: str,
    trusted_signer: Callable[[str], Ed25519PublicKey | None],
    allowed_names: str = DEFAULT_NAMES,
    max_total: int = DEFAULT_MAX_TOTAL,
    max_entries: int = DEFAULT_MAX_ENTRIES,
    max_entry: int = DEFAULT_MAX_ENTRY,
    temp_parent: Path | None = None,
) -> dict[str, Any]:
    """Check a package completely as ``open_package`` does, keep nothing, return its manifest."""
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-verify-", dir=temp_parent) as temp:
        opened = open_package(
            source,
            staging=Path(temp),
            recipient_key=recipient_key,
            recipient_fingerprint=recipient_fingerprint,
            trusted_signer=trusted_signer,
            allowed_names=allowed_names,
            max_total=max_total,
            max_entries=max_entries,
            max_entry=max_entry,
        )
        return opened.manifest
