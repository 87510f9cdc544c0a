"""Device keys, profiles, enrolment and revocation against a real SQLite file."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.db import open_database
from fieldsurvey.core.trust.keys import (
    MAX_PROFILE_BYTES,
    DeviceIdentity,
    ProfileError,
    PublicIdentity,
    create_identity,
    enrol,
    list_peers,
    load_identity,
    peer_status,
    profile_bytes,
    read_profile,
    revoke,
    trusted_peer,
)

AT = "2025-06-01T08:00:00+07:00"


def new_db(path: Path) -> sqlite_utils.Database:
    """A new workspace database: the key tables as its migrations made them."""
    return open_database(path, create=True)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return new_db(tmp_path / "w.sqlite")


def other_device(tmp_path: Path, device_id: str, seed: bytes | None = None) -> DeviceIdentity:
    other = new_db(tmp_path / f"{device_id}-{uuid.uuid4()}.sqlite")
    return create_identity(other, device_id=device_id, name=device_id, role="surveyor", seed=seed)


def test_identity_round_trips_through_the_table(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    db = new_db(path)
    assert load_identity(db) is None
    made = create_identity(db, device_id="office-1", name="Văn phòng", role="office", at=AT)
    db.conn.commit()
    db.close()
    loaded = load_identity(sqlite_utils.Database(path))
    assert loaded is not None
    assert loaded.public() == made.public()
    assert (loaded.device_id, loaded.name, loaded.role) == ("office-1", "Văn phòng", "office")
    assert made.public().verify(loaded.sign(b"x"), b"x")


def test_second_identity_refused(db: sqlite_utils.Database) -> None:
    create_identity(db, device_id="s1", name="S1", role="surveyor")
    with pytest.raises(FieldSurveyError):
        create_identity(db, device_id="s2", name="S2", role="surveyor")


def test_bad_role_refused(db: sqlite_utils.Database) -> None:
    with pytest.raises(FieldSurveyError):
        create_identity(db, device_id="s1", name="S1", role="admin")


def test_seeded_keys_are_deterministic(tmp_path: Path) -> None:
    def keys(seed: bytes, role: str, device_id: str = "d") -> PublicIdentity:
        db = new_db(tmp_path / f"{uuid.uuid4()}.sqlite")
        return create_identity(db, device_id=device_id, name="n", role=role, seed=seed).public()

    first = keys(b"seed-42", "surveyor")
    assert keys(b"seed-42", "surveyor") == first
    for other in (
        keys(b"seed-43", "surveyor"),
        keys(b"seed-42", "office"),
        keys(b"seed-42", "surveyor", "e"),
    ):
        assert other.signing_public != first.signing_public
        assert other.encryption_public != first.encryption_public
    assert keys(b"", "surveyor").signing_public != first.signing_public


def test_random_keys_differ(tmp_path: Path) -> None:
    assert other_device(tmp_path, "a").public() != other_device(tmp_path, "a").public()


def test_sign_and_verify(tmp_path: Path) -> None:
    me = other_device(tmp_path, "s1")
    signature = me.sign(b"manifest")
    assert len(signature) == 64
    public = me.public()
    assert public.verify(signature, b"manifest")
    assert not public.verify(signature, b"manifest!")
    assert not public.verify(signature[:-1] + bytes([signature[-1] ^ 1]), b"manifest")
    assert not public.verify(b"short", b"manifest")
    assert not other_device(tmp_path, "s2").public().verify(signature, b"manifest")


def test_encryption_key_matches_private(tmp_path: Path) -> None:
    me = other_device(tmp_path, "s1")
    them = other_device(tmp_path, "s2")
    shared = them.encryption_private.exchange(me.public().encryption_key())
    assert shared == me.encryption_private.exchange(them.public().encryption_key())


def test_fingerprint_shape(tmp_path: Path) -> None:
    fingerprint = other_device(tmp_path, "s1").public().fingerprint
    groups = fingerprint.split("-")
    assert len(groups) == 5
    assert all(len(g) == 4 and g == g.upper() for g in groups)
    int("".join(groups), 16)


def test_profile_round_trip(tmp_path: Path) -> None:
    public = other_device(tmp_path, "máy-đo-1").public()
    data = profile_bytes(public)
    document = json.loads(data.decode("utf-8"))
    assert document["format"] == "fieldsurvey-profile"
    assert document["version"] == 2
    assert document["fingerprint"] == public.fingerprint
    assert document["demo_seed"] is None
    assert read_profile(data) == public


def test_a_profile_from_before_demo_keys_were_marked_reads_as_a_real_device(
    tmp_path: Path,
) -> None:
    public = other_device(tmp_path, "máy-đo-1").public()
    document = json.loads(profile_bytes(public))
    del document["demo_seed"]
    document["version"] = 1
    assert read_profile(json.dumps(document).encode()) == public


def _tampered_key(document: dict[str, Any]) -> None:
    raw = bytearray(base64.b64decode(document["encryption_public"]))
    raw[0] ^= 1
    document["encryption_public"] = base64.b64encode(bytes(raw)).decode()


def _tampered_fingerprint(document: dict[str, Any]) -> None:
    fingerprint = document["fingerprint"]
    document["fingerprint"] = ("0" if fingerprint[0] != "0" else "1") + fingerprint[1:]


CORRUPTIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "missing key": lambda d: d.pop("name"),
    "extra key": lambda d: d.update(extra=1),
    "wrong format": lambda d: d.update(format="other"),
    "wrong version": lambda d: d.update(version=3),
    "demo seed as text": lambda d: d.update(demo_seed="42"),
    "demo seed that did not make the keys": lambda d: d.update(demo_seed=42),
    "version 1 with a demo seed": lambda d: d.update(version=1, demo_seed=None),
    "version as bool": lambda d: d.update(version=True),
    "version as string": lambda d: d.update(version="1"),
    "name not string": lambda d: d.update(name=5),
    "device id null": lambda d: d.update(device_id=None),
    "empty device id": lambda d: d.update(device_id=""),
    "control char in name": lambda d: d.update(name="a\nb"),
    "bad role": lambda d: d.update(role="admin"),
    "key not string": lambda d: d.update(signing_public=[1, 2]),
    "fingerprint not string": lambda d: d.update(fingerprint=123),
    "key not base64": lambda d: d.update(signing_public="!!!" + d["signing_public"][3:]),
    "key too short": lambda d: d.update(signing_public=base64.b64encode(bytes(31)).decode()),
    "key too long": lambda d: d.update(encryption_public=base64.b64encode(bytes(33)).decode()),
    "tampered fingerprint": _tampered_fingerprint,
    "tampered key, old fingerprint": _tampered_key,
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_corrupted_profile_refused(tmp_path: Path, name: str) -> None:
    document = json.loads(profile_bytes(other_device(tmp_path, "s1").public()))
    CORRUPTIONS[name](document)
    with pytest.raises(ProfileError):
        read_profile(json.dumps(document).encode())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{not json",
        b"\xff\xfe{}",
        b"[]",
        b'"profile"',
        b"null",
    ],
)
def test_unreadable_profile_refused(data: bytes) -> None:
    with pytest.raises(ProfileError):
        read_profile(data)


def test_duplicate_key_refused(tmp_path: Path) -> None:
    data = profile_bytes(other_device(tmp_path, "s1").public())
    data = data.replace(b'"name":', b'"name": "x", "name":', 1)
    with pytest.raises(ProfileError, match="duplicate"):
        read_profile(data)


def test_oversize_profile_refused(tmp_path: Path) -> None:
    data = profile_bytes(other_device(tmp_path, "s1").public())
    with pytest.raises(ProfileError, match="larger"):
        read_profile(data + b" " * MAX_PROFILE_BYTES)


def test_enrol_with_right_fingerprint(db: sqlite_utils.Database, tmp_path: Path) -> None:
    peer = other_device(tmp_path, "s1").public()
    assert peer_status(db, "s1") == "unknown"
    assert trusted_peer(db, "s1") is None
    spoken = peer.fingerprint.lower().replace("-", " ")
    enrol(db, peer, expected_fingerprint=spoken, at=AT)
    assert peer_status(db, "s1") == "enrolled"
    assert trusted_peer(db, "s1") == peer
    [row] = list_peers(db)
    assert row["device_id"] == "s1"
    assert row["fingerprint"] == peer.fingerprint
    assert row["status"] == "enrolled"
    assert row["enrolled_at"] == AT


def test_enrol_with_wrong_fingerprint_refused(db: sqlite_utils.Database, tmp_path: Path) -> None:
    peer = other_device(tmp_path, "s1").public()
    wrong = other_device(tmp_path, "s1").public().fingerprint
    with pytest.raises(ProfileError, match="ingerprint"):
        enrol(db, peer, expected_fingerprint=wrong, at=AT)
    assert peer_status(db, "s1") == "unknown"


def test_re_enrol_is_a_no_op(db: sqlite_utils.Database, tmp_path: Path) -> None:
    peer = other_device(tmp_path, "s1").public()
    enrol(db, peer, at=AT)
    enrol(db, peer, at="2026-01-01T00:00:00+07:00")
    [row] = list_peers(db)
    assert row["enrolled_at"] == AT


def test_different_key_for_same_id_refused(db: sqlite_utils.Database, tmp_path: Path) -> None:
    enrol(db, other_device(tmp_path, "s1").public(), at=AT)
    impostor = other_device(tmp_path, "s1").public()
    with pytest.raises(ProfileError):
        enrol(db, impostor, at=AT)
    assert trusted_peer(db, "s1") != impostor


def test_own_id_refused(db: sqlite_utils.Database, tmp_path: Path) -> None:
    create_identity(db, device_id="s1", name="S1", role="surveyor")
    with pytest.raises(ProfileError):
        enrol(db, other_device(tmp_path, "s1").public(), at=AT)


def test_revoke(db: sqlite_utils.Database, tmp_path: Path) -> None:
    peer = other_device(tmp_path, "s1").public()
    enrol(db, peer, at=AT)
    revoke(db, "s1", at="2025-07-01")
    assert trusted_peer(db, "s1") is None
    assert peer_status(db, "s1") == "revoked"
    revoke(db, "s1", at="2025-08-01")
    assert list_peers(db)[0]["revoked_at"] == "2025-07-01"
    enrol(db, peer, expected_fingerprint=peer.fingerprint, at="2025-09-01")
    assert peer_status(db, "s1") == "revoked"
    assert trusted_peer(db, "s1") is None


def test_revoke_unknown_refused(db: sqlite_utils.Database) -> None:
    with pytest.raises(ProfileError):
        revoke(db, "nobody", at=AT)
