"""Key rotation: a statement signed by the old and the new signing key, checked by the office
against the enrolled key, carried in packages until the office shows it has the new keys; old
keys kept in key_history for what they signed before. Real workspaces, real packages."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from fieldsurvey.core.clock import COUNTER_BITS
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package, verify
from fieldsurvey.core.sync.package import write_package
from fieldsurvey.core.sync.package_format import SyncError
from fieldsurvey.core.trust import keys, keystore

AT = "2026-03-01T08:00:00.000Z"
LATER = "2026-03-02T08:00:00.000Z"


@dataclass
class Pair:
    office: Workspace
    surveyor: Workspace
    folder: Path

    def send(self, sender: Workspace, receiver: Workspace, name: str) -> Path:
        sender.insert("sites", {"name": f"Địa điểm {name}", "category": "market"})
        path = self.folder / f"{name}.fspkg"
        export_package(sender, path, recipient_id=receiver.device_id)
        return path


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    office = Workspace.create(tmp_path / "office.sqlite", role="office", name="Công an TP")
    surveyor = Workspace.create(tmp_path / "s1.sqlite", role="surveyor", name="Máy 1")
    with office.transaction():
        keys.enrol(office.db, surveyor.public_identity(), at=AT)
    with surveyor.transaction():
        keys.enrol(surveyor.db, office.public_identity(), at=AT)
    folder = tmp_path / "usb"
    folder.mkdir()
    yield Pair(office, surveyor, folder)
    office.close()
    surveyor.close()


def enrolled_keys(office: Workspace, device_id: str) -> tuple[bytes, bytes, str]:
    row = office.db.execute(
        "SELECT signing_public, encryption_public, fingerprint FROM peers WHERE device_id = ?",
        [device_id],
    ).fetchone()
    return bytes(row[0]), bytes(row[1]), str(row[2])


def history(office: Workspace) -> list[tuple[bytes, str]]:
    rows = office.db.execute("SELECT signing_public, valid_until_at FROM key_history").fetchall()
    return [(bytes(k), str(v)) for k, v in rows]


# -- the statement, checked and applied -----------------------------------------------------------


def test_a_rotation_replaces_the_enrolled_keys_and_keeps_the_old_signing_key(pair: Pair) -> None:
    old = pair.surveyor.identity()
    new = keys.make_identity(device_id=old.device_id, name=old.name, role=old.role)
    statement = keys.rotation_statement(old, new, at=AT)
    before = enrolled_keys(pair.office, old.device_id)
    assert before == (*old.public_keys(), old.public().fingerprint)

    with pair.office.transaction():
        assert keys.apply_rotation(pair.office.db, statement, at=LATER) is True
    after = enrolled_keys(pair.office, old.device_id)
    assert after == (*new.public_keys(), new.public().fingerprint)
    assert after[2] != before[2]  # the fingerprint changed
    assert history(pair.office) == [(old.public_keys()[0], AT)]
    listed = {p["device_id"]: p["fingerprint"] for p in keys.list_peers(pair.office.db)}
    assert listed[old.device_id] == new.public().fingerprint
    # The same statement again (a package sent before the office's reply) changes nothing.
    with pair.office.transaction():
        assert keys.apply_rotation(pair.office.db, statement, at=LATER) is False
    assert enrolled_keys(pair.office, old.device_id) == after


def _tampered(statement: bytes, **changes: str) -> bytes:
    document = json.loads(statement)
    for key, value in changes.items():
        if key in document:
            document[key] = value
        else:
            document["statement"][key] = value
    return json.dumps(document).encode()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def test_forged_statements_are_refused(pair: Pair) -> None:
    old = pair.surveyor.identity()
    new = keys.make_identity(device_id=old.device_id, name=old.name, role=old.role)
    thief = keys.make_identity(device_id=old.device_id, name=old.name, role=old.role)
    statement = keys.rotation_statement(old, new, at=AT)
    forged = [
        # the thief's key put in place of the new one
        _tampered(statement, new_signing_public=_b64(thief.public_keys()[0])),
        _tampered(statement, new_encryption_public=_b64(thief.public_keys()[1])),
        _tampered(statement, at="2030-01-01T00:00:00.000Z"),
        # signed by the thief instead of the enrolled key (it claims the enrolled key is old)
        keys.rotation_statement(
            keys.DeviceIdentity(
                old.device_id, old.name, old.role, thief.signing_private, thief.encryption_private
            ),
            new,
            at=AT,
        ),
        # a valid old signature with a new signature by someone who does not hold the new key
        _tampered(
            statement,
            new_signature=_b64(thief.sign(keys.read_rotation(statement).signed_bytes())),
        ),
        b"not json",
        json.dumps({"format": "fieldsurvey-key-rotation"}).encode(),
    ]
    before = enrolled_keys(pair.office, old.device_id)
    for document in forged:
        with pytest.raises(keys.RotationError), pair.office.transaction():
            keys.apply_rotation(pair.office.db, document, at=LATER)
    assert enrolled_keys(pair.office, old.device_id) == before
    assert history(pair.office) == []


def test_a_statement_signed_by_another_device_is_refused(pair: Pair, tmp_path: Path) -> None:
    other = Workspace.create(tmp_path / "s2.sqlite", role="surveyor", name="Máy 2")
    with other, pair.office.transaction():
        keys.enrol(pair.office.db, other.public_identity(), at=AT)
    victim = pair.surveyor.public_identity()
    theirs = other.identity()
    # Máy 2 claims to be Máy 1 rotating: signed with Máy 2's own (enrolled) key.
    impostor = keys.DeviceIdentity(
        victim.device_id, "x", "surveyor", theirs.signing_private, theirs.encryption_private
    )
    new = keys.make_identity(device_id=victim.device_id, name="x", role="surveyor")
    with pytest.raises(keys.RotationError, match="enrolled key"), pair.office.transaction():
        keys.apply_rotation(pair.office.db, keys.rotation_statement(impostor, new, at=AT), at=LATER)
    assert enrolled_keys(pair.office, victim.device_id)[0] == victim.signing_public


def test_a_replayed_old_statement_is_refused(pair: Pair) -> None:
    first = pair.surveyor.identity()
    second = keys.make_identity(device_id=first.device_id, name=first.name, role=first.role)
    third = keys.make_identity(device_id=first.device_id, name=first.name, role=first.role)
    one = keys.rotation_statement(first, second, at=AT)
    two = keys.rotation_statement(second, third, at=LATER)
    with pair.office.transaction():
        assert keys.apply_rotation(pair.office.db, one, at=LATER)
        assert keys.apply_rotation(pair.office.db, two, at=LATER)
    with pytest.raises(keys.RotationError, match="old statement"), pair.office.transaction():
        keys.apply_rotation(pair.office.db, one, at=LATER)
    # Going back to a retired key is refused too.
    back = keys.rotation_statement(third, first, at=LATER)
    with pytest.raises(keys.RotationError, match="used before"), pair.office.transaction():
        keys.apply_rotation(pair.office.db, back, at=LATER)
    assert enrolled_keys(pair.office, first.device_id)[0] == third.public_keys()[0]


def test_unknown_revoked_and_demo_devices_cannot_rotate(pair: Pair) -> None:
    stranger = keys.make_identity(device_id="stranger", name="x", role="surveyor")
    new = keys.make_identity(device_id="stranger", name="x", role="surveyor")
    with pytest.raises(keys.RotationError, match="not enrolled"), pair.office.transaction():
        keys.apply_rotation(pair.office.db, keys.rotation_statement(stranger, new, at=AT), at=AT)
    me = pair.surveyor.identity()
    fresh = keys.make_identity(device_id=me.device_id, name=me.name, role=me.role)
    with pair.office.transaction():
        keys.revoke(pair.office.db, me.device_id, at=AT)
    with pytest.raises(keys.RotationError, match="revoked"), pair.office.transaction():
        keys.apply_rotation(pair.office.db, keys.rotation_statement(me, fresh, at=AT), at=AT)


# -- through packages ----------------------------------------------------------------------------


def test_rotation_travels_in_packages_until_the_office_has_the_new_keys(pair: Pair) -> None:
    office, surveyor = pair.office, pair.surveyor
    old = surveyor.identity()
    before_rotation = pair.send(surveyor, office, "p0")

    rotated = surveyor.rotate_keys()
    assert rotated.public_keys() != old.public_keys()
    assert rotated.previous_signing is not None
    key_file = keystore.key_file(old.device_id)
    assert [len(s) for s in keystore.load_outside("file", old.device_id)] == [96]
    with pytest.raises(FieldSurveyError, match="previous key rotation"):
        surveyor.rotate_keys()  # one at a time

    first = pair.send(surveyor, office, "p1")  # signed with the old key, carries the statement
    second = pair.send(surveyor, office, "p2")
    assert verify(office, first)["sender"] == old.device_id
    import_package(office, first)
    assert enrolled_keys(office, old.device_id)[:2] == rotated.public_keys()
    import_package(office, second)  # signed with the old key, after the office applied it
    import_package(office, before_rotation)  # made before the rotation, arriving late
    assert (
        office.db.execute("SELECT count(*) FROM packages WHERE direction = 'in'").fetchone()[0] == 3
    )

    reply = pair.send(office, surveyor, "reply")  # encrypted to the new keys
    import_package(surveyor, reply)  # proves the office has them
    assert keys.rotation_for(surveyor.db, office.device_id) is None
    surveyor.identity()  # the previous signing key is dropped
    assert [len(s) for s in keystore.load_outside("file", old.device_id)] == [64]
    assert key_file.exists()

    after = pair.send(surveyor, office, "p3")  # signed with the new key, no statement
    import_package(office, after)
    rows = office.db.execute("SELECT count(*) FROM packages WHERE direction = 'in'").fetchone()
    assert rows[0] == 4


def test_the_old_key_cannot_sign_a_package_made_after_the_rotation(pair: Pair) -> None:
    office, surveyor = pair.office, pair.surveyor
    stolen = surveyor.identity()
    surveyor.rotate_keys()
    import_package(office, pair.send(surveyor, office, "p1"))
    retired_until = keys.retired_keys(office.db, stolen.device_id)[0][1]
    at_ms = int(datetime.fromisoformat(retired_until).timestamp() * 1000)
    forged = pair.folder / "forged.fspkg"
    changes = b""
    write_package(
        forged,
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": str(uuid.uuid4()),
            "sender": stolen.device_id,
            "recipient": office.device_id,
            "created_clock": (at_ms + 60_000) << COUNTER_BITS,
            "seq_ranges": {},
            "changes": 0,
            "photos": 0,
        },
        entries=[
            ("changes.jsonl", changes),
            ("acks.json", b"{}"),
            ("heads.json", b"[]"),
            ("authors.json", b"[]"),
        ],
        sender_key=stolen.signing_private,
        recipient_key=office.public_identity().encryption_key(),
        recipient_fingerprint=office.public_identity().fingerprint,
    )
    with pytest.raises(SyncError) as caught:
        import_package(office, forged)
    assert caught.value.reason == "retired-key"
    # The same key for a package stamped before the rotation is still good (and is checked).
    backdated = pair.folder / "backdated.fspkg"
    write_package(
        backdated,
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": str(uuid.uuid4()),
            "sender": stolen.device_id,
            "recipient": office.device_id,
            "created_clock": (at_ms - 60_000) << COUNTER_BITS,
            "seq_ranges": {},
            "changes": 0,
            "photos": 0,
        },
        entries=[
            ("changes.jsonl", changes),
            ("acks.json", b"{}"),
            ("heads.json", b"[]"),
            ("authors.json", b"[]"),
        ],
        sender_key=stolen.signing_private,
        recipient_key=office.public_identity().encryption_key(),
        recipient_fingerprint=office.public_identity().fingerprint,
    )
    assert verify(office, backdated)["sender"] == stolen.device_id


def test_a_package_carrying_another_devices_statement_is_refused(
    pair: Pair, tmp_path: Path
) -> None:
    office, surveyor = pair.office, pair.surveyor
    other = Workspace.create(tmp_path / "s2.sqlite", role="surveyor", name="Máy 2")
    with other:
        with office.transaction():
            keys.enrol(office.db, other.public_identity(), at=AT)
        theirs = other.identity()
        fresh = keys.make_identity(device_id=theirs.device_id, name="Máy 2", role="surveyor")
        statement = keys.rotation_statement(theirs, fresh, at=AT)
    me = surveyor.identity()
    package = pair.folder / "mixed.fspkg"
    write_package(
        package,
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": str(uuid.uuid4()),
            "sender": me.device_id,
            "recipient": office.device_id,
            "created_clock": 1 << COUNTER_BITS,
            "seq_ranges": {},
            "changes": 0,
            "photos": 0,
        },
        entries=[
            ("changes.jsonl", b""),
            ("acks.json", b"{}"),
            ("heads.json", b"[]"),
            ("authors.json", b"[]"),
            ("rotation.json", b"[" + statement + b"]"),
        ],
        sender_key=me.signing_private,
        recipient_key=office.public_identity().encryption_key(),
        recipient_fingerprint=office.public_identity().fingerprint,
    )
    with pytest.raises(SyncError) as caught:
        import_package(office, package)
    assert caught.value.reason == "bad-rotation"
    assert enrolled_keys(office, theirs.device_id)[0] == theirs.public_keys()[0]


# -- keys lost --------------------------------------------------------------------------------


def test_lost_keys_new_ones_enrolled_again_by_fingerprint(pair: Pair) -> None:
    office, surveyor = pair.office, pair.surveyor
    old = surveyor.public_identity()
    renewed = surveyor.renew_keys(protection="passphrase", passphrase="mật khẩu mới 2026")
    assert renewed.public().fingerprint != old.fingerprint
    profile = keys.read_profile(keys.profile_bytes(surveyor.public_identity()))
    with pytest.raises(keys.ProfileError, match="different keys"), office.transaction():
        keys.enrol(office.db, profile, at=LATER)
    with pytest.raises(keys.ProfileError, match="fingerprint"), office.transaction():
        keys.enrol(office.db, profile, at=LATER, replace_keys=True)
    with office.transaction():
        keys.enrol(
            office.db,
            profile,
            expected_fingerprint=renewed.public().fingerprint,
            at=LATER,
            replace_keys=True,
        )
    assert enrolled_keys(office, old.device_id)[2] == renewed.public().fingerprint
    assert history(office) == [(old.signing_public, LATER)]
    import_package(office, pair.send(surveyor, office, "after"))


def test_sealed_keys_rotate_under_the_same_passphrase(tmp_path: Path) -> None:
    phrase = "mật khẩu khảo sát 2026"
    office = Workspace.create(tmp_path / "office.sqlite", role="office", name="Công an TP")
    path = tmp_path / "s1.sqlite"
    surveyor = Workspace.create(
        path, role="surveyor", name="Máy 1", protection="passphrase", passphrase=phrase
    )
    with office, surveyor:
        with office.transaction():
            keys.enrol(office.db, surveyor.public_identity(), at=AT)
        with surveyor.transaction():
            keys.enrol(surveyor.db, office.public_identity(), at=AT)
        pair = Pair(office, surveyor, tmp_path)
        rotated = surveyor.rotate_keys()

        def sealed_size() -> int:
            row = surveyor.db.execute("SELECT length(sealed) FROM device_keys").fetchone()
            return int(row[0])

        assert sealed_size() == 96 + 16  # the previous signing key rides along, sealed
        import_package(office, pair.send(surveyor, office, "p1"))
        import_package(surveyor, pair.send(office, surveyor, "reply"))
        surveyor.identity()
        assert sealed_size() == 64 + 16
    with Workspace.open(path) as again:
        again.ask_passphrase = lambda: phrase
        assert again.identity().public_keys() == rotated.public_keys()
