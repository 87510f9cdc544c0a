"""Sync package container: round trips with real keys, and every crafted bad package refused."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import re
import tarfile
import tracemalloc
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.sync import package
from fieldsurvey.core.sync.package import (
    MAGIC,
    OpenedPackage,
    PackageError,
    open_package,
    verify_package,
    write_package,
)

FP = "office-fingerprint"
CHUNK = 1024
PHOTO = "photos/" + "ab" * 32


@dataclass
class Keys:
    sender: Ed25519PrivateKey
    revoked: Ed25519PrivateKey
    stranger: Ed25519PrivateKey
    recipient: X25519PrivateKey
    other: X25519PrivateKey

    def trusted(self, device: str) -> Ed25519PublicKey | None:
        # "s9" was enrolled once and revoked: the store answers None, as for a stranger.
        return self.sender.public_key() if device == "s1" else None


@pytest.fixture(scope="module")
def keys() -> Keys:
    return Keys(
        Ed25519PrivateKey.generate(),
        Ed25519PrivateKey.generate(),
        Ed25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
    )


def write(target: Path, keys: Keys, entries: Sequence[tuple[str, Path | bytes]], **kw: Any) -> Path:
    kw.setdefault("chunk_size", CHUNK)
    write_package(
        target,
        manifest={"sender": "s1", "package_id": "p-1"},
        entries=entries,
        sender_key=keys.sender,
        recipient_key=keys.recipient.public_key(),
        recipient_fingerprint=FP,
        **kw,
    )
    return target


def open_(source: Path, staging: Path, keys: Keys, **kw: Any) -> OpenedPackage:
    return open_package(
        source,
        staging=staging,
        recipient_key=keys.recipient,
        recipient_fingerprint=FP,
        trusted_signer=keys.trusted,
        **kw,
    )


def refused(source: Path, staging: Path, keys: Keys, reasons: set[str], **kw: Any) -> str:
    with pytest.raises(PackageError) as caught:
        open_(source, staging, keys, **kw)
    error = caught.value
    assert error.reason in reasons, (error.reason, str(error))
    assert isinstance(error, FieldSurveyError) and " / " in str(error)
    assert list(staging.iterdir()) == []
    return error.reason


@pytest.fixture
def small(tmp_path: Path, keys: Keys) -> bytes:
    """A package of several chunks: the raw bytes of a valid file."""
    changes = b"".join(b'{"seq": %d, "value": "Ha Noi"}\n' % i for i in range(120))
    path = write(
        tmp_path / "small.fspkg",
        keys,
        [("changes.jsonl", changes), (PHOTO, random.Random(1).randbytes(3000))],
    )
    return path.read_bytes()


def layout(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """(end of the header, [(offset, total length incl. 4-byte prefix) per chunk])."""
    header_end = len(MAGIC) + 4 + int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    chunks, pos = [], header_end
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunks.append((pos, 4 + length))
        pos += 4 + length
    return header_end, chunks


# --- round trips -----------------------------------------------------------------------------


def test_round_trip_bytes_and_files(tmp_path: Path, keys: Keys) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(5000))
    changes = "Đường Láng — camera 1\n".encode() * 300
    target = tmp_path / "out.fspkg"
    write(target, keys, [("changes.jsonl", changes), (PHOTO, photo), ("acks.json", b"")])
    assert b"camera 1" not in target.read_bytes() and b"manifest" not in target.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    opened = open_(target, tmp_path / "staging", keys)
    assert opened.manifest["sender"] == "s1" and opened.manifest["package_id"] == "p-1"
    assert opened.manifest["entries"][PHOTO] == {
        "size": 5000,
        "sha256": hashlib.sha256(photo.read_bytes()).hexdigest(),
    }
    assert set(opened.entry_paths) == {"changes.jsonl", PHOTO, "acks.json"}
    assert opened.entry_paths["changes.jsonl"].read_bytes() == changes
    assert opened.entry_paths[PHOTO].read_bytes() == photo.read_bytes()
    assert opened.entry_paths["acks.json"].read_bytes() == b""
    for path in opened.entry_paths.values():
        assert path.parent == opened.folder and path.name.startswith("entry-")
    assert opened.package_copy.read_bytes() == target.read_bytes()

    temp = tmp_path / "verify-temp"
    temp.mkdir()
    kw = {"recipient_fingerprint": FP, "trusted_signer": keys.trusted, "temp_parent": temp}
    assert verify_package(target, recipient_key=keys.recipient, **kw) == opened.manifest
    assert list(temp.iterdir()) == []


def test_empty_package_and_sender_argument(tmp_path: Path, keys: Keys) -> None:
    target = tmp_path / "empty.fspkg"
    write_package(
        target,
        manifest={},
        entries=[],
        sender="s1",
        sender_key=keys.sender,
        recipient_key=keys.recipient.public_key(),
        recipient_fingerprint=FP,
    )
    opened = open_(target, tmp_path / "staging", keys)
    assert opened.manifest == {"sender": "s1", "entries": {}} and opened.entry_paths == {}


def test_writer_refuses_bad_input_and_leaves_nothing(tmp_path: Path, keys: Keys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for entries in ([("../evil", b"x")], [("changes.jsonl", b"a"), ("changes.jsonl", b"b")]):
        with pytest.raises(ValueError):
            write(out / "p.fspkg", keys, entries)
    with pytest.raises(ValueError, match="sender"):
        write_package(
            out / "p.fspkg",
            manifest={},
            entries=[],
            sender_key=keys.sender,
            recipient_key=keys.recipient.public_key(),
            recipient_fingerprint=FP,
        )
    with pytest.raises(PackageError) as caught:
        write(out / "p.fspkg", keys, [(PHOTO, tmp_path / "missing.jpg")])
    assert caught.value.reason == "io-error"
    assert list(out.iterdir()) == []


def test_large_entry_streams_in_little_memory(tmp_path: Path, keys: Keys) -> None:
    big = tmp_path / "big.jpg"
    block = os.urandom(1 << 20)
    with open(big, "wb") as handle:
        for _ in range(50):
            handle.write(block)
    target = tmp_path / "big.fspkg"
    tracemalloc.start()
    try:
        write(target, keys, [(PHOTO, big)], chunk_size=1 << 20)
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        opened = open_(target, tmp_path / "staging", keys)
        _, open_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert write_peak < 12 << 20, write_peak
    assert open_peak < 12 << 20, open_peak
    assert opened.entry_paths[PHOTO].stat().st_size == 50 << 20
    assert opened.manifest["entries"][PHOTO]["size"] == 50 << 20


# --- the file and its encryption -------------------------------------------------------------


def test_not_a_package(tmp_path: Path, keys: Keys, small: bytes) -> None:
    staging = tmp_path / "staging"
    cases = {
        "text": b"surveyed 12 cameras today\n",
        "empty": b"",
        "random": os.urandom(3000),
        "wrong magic": b"FSPKG2\n" + small[len(MAGIC) :],
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.fspkg"
        path.write_bytes(data)
        assert refused(path, staging, keys, {"not-a-package"}) == "not-a-package"
    assert refused(tmp_path / "absent.fspkg", staging, keys, {"not-a-package"})
    assert refused(tmp_path, staging, keys, {"not-a-package"})  # a folder


def test_wrong_recipient(tmp_path: Path, keys: Keys) -> None:
    path = tmp_path / "p.fspkg"
    write_package(
        path,
        manifest={"sender": "s1"},
        entries=[("changes.jsonl", b"{}\n")],
        sender_key=keys.sender,
        recipient_key=keys.other.public_key(),
        recipient_fingerprint="another-office",
    )
    refused(path, tmp_path / "staging", keys, {"wrong-recipient"})
    # Same fingerprint claimed but another key: the first chunk cannot be authenticated.
    write_package(
        path,
        manifest={"sender": "s1"},
        entries=[],
        sender_key=keys.sender,
        recipient_key=keys.other.public_key(),
        recipient_fingerprint=FP,
    )
    refused(path, tmp_path / "staging", keys, {"tampered"})


def test_truncation_anywhere(tmp_path: Path, keys: Keys, small: bytes) -> None:
    header_end, chunks = layout(small)
    assert len(chunks) >= 4
    cuts = set(range(1, len(small), 97))
    cuts |= {offset for offset, _ in chunks} | {header_end, len(small) - 1}
    path = tmp_path / "cut.fspkg"
    for cut in sorted(cuts):
        path.write_bytes(small[:cut])
        refused(path, tmp_path / "staging", keys, {"truncated"})
    # Missing final chunk, exactly: the chunk before it is not marked final.
    path.write_bytes(small[: chunks[-1][0]])
    refused(path, tmp_path / "staging", keys, {"truncated"})


def test_single_bit_flips(tmp_path: Path, keys: Keys, small: bytes) -> None:
    header_end, chunks = layout(small)
    positions = set(range(0, len(small), 11))
    for offset, length in chunks:
        positions |= {offset, offset + 3, offset + 4, offset + length - 16, offset + length - 1}
    positions |= set(range(len(MAGIC), header_end))  # every header byte
    path = tmp_path / "flip.fspkg"
    for pos in sorted(positions):
        data = bytearray(small)
        data[pos] ^= 1 << (pos % 8)
        path.write_bytes(bytes(data))
        if pos < len(MAGIC):
            expected = {"not-a-package"}
        elif pos < header_end:
            expected = {"tampered", "wrong-recipient", "newer-format"}
        elif any(offset <= pos < offset + 4 for offset, _ in chunks):
            expected = {"tampered", "truncated"}  # a longer length can run past the end
        else:
            expected = {"tampered"}
        refused(path, tmp_path / "staging", keys, expected)


def test_reordered_duplicated_dropped_chunks(tmp_path: Path, keys: Keys, small: bytes) -> None:
    header_end, chunks = layout(small)
    pieces = [small[o : o + n] for o, n in chunks]
    head = small[:header_end]
    path = tmp_path / "p.fspkg"
    variants = {
        "swap": [pieces[1], pieces[0], *pieces[2:]],
        "swap middle": [pieces[0], pieces[2], pieces[1], *pieces[3:]],
        "duplicate": [pieces[0], pieces[0], *pieces[1:]],
        "drop middle": [pieces[0], *pieces[2:]],
        "final twice": [*pieces, pieces[-1]],
    }
    for name, order in variants.items():
        path.write_bytes(head + b"".join(order))
        assert refused(path, tmp_path / "staging", keys, {"tampered"}) == "tampered", name


def test_trailing_data_after_final_chunk(tmp_path: Path, keys: Keys, small: bytes) -> None:
    path = tmp_path / "p.fspkg"
    for tail in (b"x", b"\x00" * 4, b"\x00\x00\x00\x10" + b"\x00" * 16, os.urandom(2000)):
        path.write_bytes(small + tail)
        refused(path, tmp_path / "staging", keys, {"tampered"})


def rewrite_header(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    header_end, _ = layout(data)
    fields = json.loads(data[len(MAGIC) + 4 : header_end])
    change(fields)
    header = json.dumps(fields).encode()
    return MAGIC + len(header).to_bytes(4, "big") + header + data[header_end:]


def test_header_fields(tmp_path: Path, keys: Keys, small: bytes) -> None:
    path = tmp_path / "p.fspkg"
    cases: list[tuple[Callable[[dict[str, Any]], None], str]] = [
        (lambda f: f.update(format=package.FORMAT_VERSION + 1), "newer-format"),
        (lambda f: f.update(format=0), "tampered"),
        (lambda f: f.update(format="1"), "tampered"),
        (lambda f: f.update(chunk_size=1 << 30), "tampered"),
        (lambda f: f.update(chunk_size=2048), "tampered"),
        (lambda f: f.update(nonce=base64.b64encode(b"12345678").decode()), "tampered"),
        (lambda f: f.update(ephemeral=base64.b64encode(bytes(32)).decode()), "tampered"),
        (lambda f: f.pop("salt"), "tampered"),
        (lambda f: f.update(recipient=None), "wrong-recipient"),
        (lambda f: f.update(extra="harmless but authenticated"), "tampered"),
    ]
    for change, reason in cases:
        path.write_bytes(rewrite_header(small, change))
        assert refused(path, tmp_path / "staging", keys, {reason}) == reason
    path.write_bytes(small[: len(MAGIC)] + (1 << 20).to_bytes(4, "big") + small[len(MAGIC) + 4 :])
    refused(path, tmp_path / "staging", keys, {"tampered"})


def test_caps_on_the_encrypted_stream(tmp_path: Path, keys: Keys) -> None:
    path = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", b"x" * 30_000)])
    refused(path, tmp_path / "staging", keys, {"too-large"}, max_total=1000, max_entries=1)


# --- the archive inside: packages built by hand ----------------------------------------------


def member(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, **attrs: Any) -> Any:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    for key, value in attrs.items():
        setattr(info, key, value)
    return (info, data if kind == tarfile.REGTYPE else None)


def craft(
    path: Path,
    keys: Keys,
    body: list[Any],
    *,
    entries: dict[str, Any] | None = None,
    manifest: bytes | None = None,
    signature: bytes | None = None,
    signer: Ed25519PrivateKey | None = None,
    sender: str = "s1",
    head: bool = True,
    tail: bytes = b"",
) -> Path:
    """A package with a hand-made tar stream, signed and encrypted like the real writer's."""
    if entries is None:
        entries = {
            info.name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for info, data in body
            # Names the reader refuses stay out, so the archive check itself is what refuses.
            if data is not None and re.fullmatch(package.DEFAULT_NAMES, info.name)
        }
    if manifest is None:
        manifest = package.manifest_bytes({"sender": sender, "entries": entries})
    if signature is None:
        signature = (signer or keys.sender).sign(manifest)
    members = [member("manifest.json", manifest), member("manifest.sig", signature)] if head else []
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members + body:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    plain.write(tail)
    plain.seek(0)
    with open(path, "wb") as out:
        package._encrypt_stream(
            plain, out, recipient_key=keys.recipient.public_key(), recipient_fingerprint=FP
        )
    return path


def test_crafted_valid_package_opens(tmp_path: Path, keys: Keys) -> None:
    path = craft(
        tmp_path / "p.fspkg", keys, [member("changes.jsonl", b"{}\n"), member(PHOTO, b"j")]
    )
    assert set(open_(path, tmp_path / "staging", keys).entry_paths) == {"changes.jsonl", PHOTO}


GOOD = member("changes.jsonl", b"{}\n")
ZEROS = b"\x00" * 40_000


@pytest.mark.parametrize(
    ("body", "options", "reason"),
    [
        ([member("../evil", b"x")], {}, "bad-name"),
        ([member("/etc/passwd", b"x")], {}, "bad-name"),
        ([member("photos/../../x", b"x")], {}, "bad-name"),
        ([member("changes.jsonl\n", b"x")], {}, "bad-name"),
        ([member("photos/" + "AB" * 32, b"x")], {}, "bad-name"),
        ([member("notes.txt", b"x")], {}, "bad-name"),
        ([member("changes.jsonl", kind=tarfile.SYMTYPE, linkname="/etc/passwd")], {}, "link"),
        ([member("changes.jsonl", kind=tarfile.LNKTYPE, linkname="manifest.json")], {}, "link"),
        ([member("changes.jsonl", kind=tarfile.DIRTYPE)], {}, "bad-archive"),
        ([member("acks.json", kind=tarfile.FIFOTYPE)], {}, "bad-archive"),
        ([member("acks.json", kind=tarfile.CHRTYPE)], {}, "bad-archive"),
        ([GOOD, GOOD], {}, "duplicate-name"),
        ([GOOD, member("manifest.json", b"{}")], {}, "bad-name"),
        (
            [member("photos/" + f"{i:064x}", b"p") for i in range(4)],
            {"max_entries": 3},
            "too-many-entries",
        ),
        ([member(PHOTO, ZEROS)], {"max_entry": 16_000}, "too-large"),
        (
            [member(PHOTO, ZEROS[:12_000]), member("changes.jsonl", ZEROS[:12_000])],
            {"max_entry": 16_000, "max_total": 20_000},
            "too-large",
        ),
        (
            [member(PHOTO, b"x", pax_headers={"comment": "c" * 100_000})],
            {},
            "bad-archive",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_crafted_archive_refused(
    tmp_path: Path, keys: Keys, body: list[Any], options: dict[str, Any], reason: str
) -> None:
    path = craft(tmp_path / "p.fspkg", keys, body)
    refused(path, tmp_path / "staging", keys, {reason}, **options)


def entry(data: bytes) -> dict[str, Any]:
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def test_manifest_and_entries_must_agree(tmp_path: Path, keys: Keys) -> None:
    staging = tmp_path / "staging"
    path = tmp_path / "p.fspkg"
    wrong_hash = {"changes.jsonl": {"size": 3, "sha256": "0" * 64}}
    wrong_size = {"changes.jsonl": entry(b"{}\n!")}
    missing = {"changes.jsonl": entry(b"{}\n"), PHOTO: entry(b"j")}
    for entries, reason in [
        (wrong_hash, "hash-mismatch"),
        (wrong_size, "hash-mismatch"),
        ({}, "extra-entry"),
        (missing, "missing-entry"),
        ({"changes.jsonl": {"size": -1, "sha256": "0" * 64}}, "bad-manifest"),
        ({"changes.jsonl": {"size": 3, "sha256": "ZZ"}}, "bad-manifest"),
        ({"../x": entry(b"")}, "bad-manifest"),
        ([], "bad-manifest"),
    ]:
        craft(path, keys, [GOOD], entries=entries)  # type: ignore[arg-type]
        assert refused(path, staging, keys, {reason}) == reason


def test_manifest_must_be_a_signed_json_object(tmp_path: Path, keys: Keys) -> None:
    staging = tmp_path / "staging"
    path = tmp_path / "p.fspkg"
    for manifest in (b"not json", b"[1, 2]", b'"s1"', b"\xff\xfe", b'{"entries": {}}', b"[" * 5000):
        craft(path, keys, [], manifest=manifest)
        refused(path, staging, keys, {"bad-manifest"})
    craft(path, keys, [GOOD], head=False)
    refused(path, staging, keys, {"bad-manifest"})
    craft(path, keys, [GOOD], signature=os.urandom(64))
    refused(path, staging, keys, {"bad-signature"})
    craft(path, keys, [GOOD], signature=b"short")
    refused(path, staging, keys, {"bad-signature"})
    craft(path, keys, [GOOD], signer=keys.stranger)
    refused(path, staging, keys, {"bad-signature"})
    craft(path, keys, [GOOD], sender="ghost", signer=keys.stranger)
    refused(path, staging, keys, {"unknown-sender"})
    craft(path, keys, [GOOD], sender="s9", signer=keys.revoked)
    refused(path, staging, keys, {"unknown-sender"})


def test_archive_framing(tmp_path: Path, keys: Keys) -> None:
    staging = tmp_path / "staging"
    path = tmp_path / "p.fspkg"
    craft(path, keys, [GOOD], tail=b"smuggled")
    refused(path, staging, keys, {"bad-archive"})
    for plain in (b"", b"not a tar at all" * 100):
        with open(path, "wb") as out:
            package._encrypt_stream(
                io.BytesIO(plain),
                out,
                recipient_key=keys.recipient.public_key(),
                recipient_fingerprint=FP,
            )
        refused(path, staging, keys, {"bad-archive"})


def test_decrypted_size_is_capped(tmp_path: Path, keys: Keys) -> None:
    path = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", os.urandom(30_000))])
    with open(path, "rb") as handle:
        header = package._read_header(handle, keys.recipient, FP)
        reader = package._DecryptingReader(handle, header, max_plain=5000)
        with pytest.raises(PackageError) as caught:
            while reader.read(4096):
                pass
    assert caught.value.reason == "too-large"


def test_source_changing_during_export_leaves_nothing(
    tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"before")
    out = tmp_path / "out"
    out.mkdir()
    describe = package._describe

    def describe_then_change(source: Path | bytes) -> dict[str, Any]:
        described = describe(source)
        photo.write_bytes(b"after!")  # same size, other bytes: only the hash can tell
        return described

    monkeypatch.setattr(package, "_describe", describe_then_change)
    with pytest.raises(PackageError) as caught:
        write(out / "p.fspkg", keys, [(PHOTO, photo)])
    assert caught.value.reason == "source-changed"
    assert list(out.iterdir()) == []


# -- compression -----------------------------------------------------------------------------------


def test_content_is_compressed_before_it_is_encrypted(tmp_path: Path, keys: Keys) -> None:
    changes = b"".join(
        b'{"seq": %d, "table": "cameras", "fields": {"condition": ["working", "degraded"]}}\n' % i
        for i in range(20_000)
    )
    path = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", changes)])
    assert path.stat().st_size < len(changes) / 5
    opened = open_(path, tmp_path / "staging", keys)
    assert opened.entry_paths["changes.jsonl"].read_bytes() == changes


def test_a_package_of_the_uncompressed_format_still_opens(tmp_path: Path, keys: Keys) -> None:
    data = b'{"seq": 1}\n'
    manifest = package.manifest_bytes(
        {
            "sender": "s1",
            "entries": {
                "changes.jsonl": {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            },
        }
    )
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for info, content in (
            member("manifest.json", manifest),
            member("manifest.sig", keys.sender.sign(manifest)),
            member("changes.jsonl", data),
        ):
            tar.addfile(info, io.BytesIO(content))
    plain.seek(0)
    path = tmp_path / "old.fspkg"
    with open(path, "wb") as out:
        package._encrypt_stream(
            plain,
            out,
            recipient_key=keys.recipient.public_key(),
            recipient_fingerprint=FP,
            compress=False,
        )
    assert b'"format":1' in path.read_bytes()[:300]
    opened = open_(path, tmp_path / "staging", keys)
    assert opened.entry_paths["changes.jsonl"].read_bytes() == data


def test_a_decompression_bomb_is_refused(tmp_path: Path, keys: Keys) -> None:
    # 40 MB of zeros deflate to about 40 kB: far past any ratio survey data has.
    path = write(tmp_path / "bomb.fspkg", keys, [("changes.jsonl", bytes(40 << 20))])
    assert path.stat().st_size < 200_000
    refused(path, tmp_path / "staging", keys, {"too-large"})
    # The total is capped on the inflated side too.
    small = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", random.Random(2).randbytes(9000))])
    refused(small, tmp_path / "staging", keys, {"too-large"}, max_total=4000)


def _archive_of(opened: package.OpenedPackage, keys: Keys) -> bytes:
    """The plaintext tar of a package that was opened: manifest, signature, changes."""
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w", format=tarfile.PAX_FORMAT) as tar:
        manifest = package.manifest_bytes(opened.manifest)
        tar.addfile(member("manifest.json", manifest)[0], io.BytesIO(manifest))
        signature = keys.sender.sign(manifest)
        tar.addfile(member("manifest.sig", signature)[0], io.BytesIO(signature))
        data = opened.entry_paths["changes.jsonl"].read_bytes()
        tar.addfile(member("changes.jsonl", data)[0], io.BytesIO(data))
    return plain.getvalue()


def _deflated(data: bytes) -> bytes:
    deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return deflate.compress(data) + deflate.flush()


def _sealed(path: Path, keys: Keys, body: bytes, version: int) -> Path:
    with open(path, "wb") as out:
        writer = package._EncryptingWriter(
            out,
            recipient_key=keys.recipient.public_key(),
            recipient_fingerprint=FP,
            format_version=version,
        )
        writer.write(body)
        writer.finish()
    return path


def test_a_package_of_the_deflate_format_still_opens(tmp_path: Path, keys: Keys) -> None:
    data = b'{"seq": 1}\n' * 1000
    opened = open_(
        write(tmp_path / "p.fspkg", keys, [("changes.jsonl", data)]), tmp_path / "a", keys
    )
    body = _deflated(_archive_of(opened, keys))
    path = _sealed(tmp_path / "old.fspkg", keys, body, package.DEFLATE_FORMAT)
    assert b'"format":2' in path.read_bytes()[:300]
    assert open_(path, tmp_path / "b", keys).entry_paths["changes.jsonl"].read_bytes() == data


def test_packages_are_written_as_one_zstandard_frame(tmp_path: Path, keys: Keys) -> None:
    path = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", b'{"seq": 1}\n')])
    assert b'"format":3' in path.read_bytes()[:300]
    with open(path, "rb") as handle:
        header = package._read_header(handle, keys.recipient, FP)
        plain = package._DecryptingReader(handle, header, max_plain=1 << 20).read(1 << 20)
    assert plain[:4] == b"\x28\xb5\x2f\xfd"  # the Zstandard frame's magic number
    assert zstandard.get_frame_parameters(plain).window_size <= package.MAX_WINDOW


@pytest.mark.parametrize("version", [package.DEFLATE_FORMAT, package.FORMAT_VERSION])
def test_bytes_after_the_compressed_stream_are_refused(
    tmp_path: Path, keys: Keys, version: int
) -> None:
    source = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", b'{"seq": 1}\n')])
    archive = _archive_of(open_(source, tmp_path / "staging", keys), keys)
    compress = _deflated if version == package.DEFLATE_FORMAT else zstandard.compress
    for tail in (b"smuggled", zstandard.compress(b"a second frame")):
        path = _sealed(tmp_path / "tail.fspkg", keys, compress(archive) + tail, version)
        refused(path, tmp_path / "staging2", keys, {"bad-archive"})


def test_a_frame_asking_for_a_large_window_is_refused(tmp_path: Path, keys: Keys) -> None:
    source = write(tmp_path / "p.fspkg", keys, [("changes.jsonl", b'{"seq": 1}\n')])
    archive = _archive_of(open_(source, tmp_path / "staging", keys), keys)
    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=27)
    wide = zstandard.ZstdCompressor(compression_params=params).compressobj()
    body = wide.compress(archive) + wide.flush()
    assert zstandard.get_frame_parameters(body).window_size > package.MAX_WINDOW
    path = _sealed(tmp_path / "wide.fspkg", keys, body, package.FORMAT_VERSION)
    refused(path, tmp_path / "staging2", keys, {"bad-archive"})
