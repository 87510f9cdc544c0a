"""Private keys are never in the workspace file: the OS credential store (through the real
keyring API, with a store in memory), a passphrase (real scrypt and AES-GCM), or an owner-only
key file outside the workspace folder; demo keys are derived. Tested on real SQLite files."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.package_format import identity
from fieldsurvey.core.trust import keys, keystore

PASSPHRASE = "mật khẩu đủ dài 2026"


def on_disk(path: Path) -> bytes:
    """Everything SQLite keeps of a workspace on disk: the file and its WAL."""
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def private_bytes(identity: keys.DeviceIdentity) -> list[bytes]:
    secret = keys.secret_of(identity)
    return [secret[:32], secret[32:64]]


def assert_no_private_key_in(path: Path, identity: keys.DeviceIdentity) -> None:
    data = on_disk(path)
    for raw in private_bytes(identity):
        assert raw not in data


# -- which credential store is usable --------------------------------------------------------------


class Unavailable(keyring.backend.KeyringBackend):
    """A backend that says, as real ones do off their platform, that it cannot work here."""

    @keyring.compat.properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("not on this platform")

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("never used")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("never used")


def test_the_fail_and_null_backends_and_an_empty_chainer_are_not_a_credential_store(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    assert not keystore.backend_usable(fail.Keyring())
    assert not keystore.backend_usable(null.Keyring())
    monkeypatch.setattr(keyring.backend, "_limit", lambda backend: False)
    assert chainer.ChainerBackend().backends == []
    assert not keystore.backend_usable(chainer.ChainerBackend())
    assert not keystore.backend_usable(Unavailable())


def test_a_real_backend_and_a_chainer_with_one_are(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    assert keystore.backend_usable(memory_keyring)
    memory_class = type(memory_keyring)
    monkeypatch.setattr(keyring.backend, "_limit", lambda b: isinstance(b, memory_class))
    assert [type(b) for b in chainer.ChainerBackend().backends] == [memory_class]
    assert keystore.backend_usable(chainer.ChainerBackend())


def test_detection_follows_the_installed_backend(memory_keyring: Any) -> None:
    assert keystore.keyring_usable()
    keyring.set_keyring(fail.Keyring())
    assert not keystore.keyring_usable()
    assert keystore.choose("auto", None) == "file"
    keyring.set_keyring(memory_keyring)
    assert keystore.choose("auto", None) == "keyring"
    assert keystore.choose("auto", PASSPHRASE) == "passphrase"


def test_without_a_store_asking_for_it_is_a_clear_error(tmp_path: Path) -> None:
    assert not keystore.keyring_usable()  # the tests' fail backend
    with pytest.raises(FieldSurveyError, match="credential store"):
        Workspace.create(tmp_path / "w.sqlite", role="surveyor", name="S", protection="keyring")
    assert not (tmp_path / "w.sqlite").exists()


# -- the credential store ------------------------------------------------------------------------


def test_keys_in_the_credential_store_under_the_device_id(
    tmp_path: Path, memory_keyring: Any
) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.create(path, role="surveyor", name="Máy 1") as ws:
        made = ws.identity()
        assert keys.protection_of(ws.db) == "keyring"
        assert ws.key_warning is None
    assert list(memory_keyring.passwords) == [("FieldSurvey", made.device_id)]
    assert not keystore.key_file(made.device_id).exists()
    assert_no_private_key_in(path, made)
    with Workspace.open(path) as again:
        loaded = identity(again)
    assert loaded.public_keys() == made.public_keys()
    assert keys.secret_of(loaded) == keys.secret_of(made)


def test_a_copy_on_a_machine_without_the_entry_says_where_the_keys_are(
    tmp_path: Path, memory_keyring: Any
) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.create(path, role="surveyor", name="Máy 1").close()
    memory_keyring.passwords.clear()  # another machine's credential store
    with Workspace.open(path) as ws, pytest.raises(keystore.KeysNotHereError) as caught:
        ws.identity()
    assert "rotate --lost" in str(caught.value) and "không có trên máy này" in str(caught.value)


class Locked(keyring.backend.KeyringBackend):
    """A credential store that is there but refuses (a locked collection, no session bus)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def test_a_store_that_refuses_gives_way_to_the_key_file_only_when_chosen_automatically(
    tmp_path: Path, memory_keyring: Any
) -> None:
    keyring.set_keyring(Locked())
    with pytest.raises(keystore.KeyStoreError, match="KeyringLocked"):
        Workspace.create(tmp_path / "a.sqlite", role="surveyor", name="S", protection="keyring")
    assert not (tmp_path / "a.sqlite").exists()
    with Workspace.create(tmp_path / "b.sqlite", role="surveyor", name="S") as ws:
        assert keys.protection_of(ws.db) == "file"
        assert ws.key_warning is not None


# -- the passphrase ------------------------------------------------------------------------------


def test_a_passphrase_seals_the_keys_with_scrypt_and_aes_gcm(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.create(
        path, role="surveyor", name="Máy 1", protection="passphrase", passphrase=PASSPHRASE
    ) as ws:
        made = ws.identity()
        device_id = made.device_id
    assert not keystore.key_file(device_id).exists()
    assert_no_private_key_in(path, made)
    conn = sqlite3.connect(path)
    kdf, salt, nonce, sealed, protection = conn.execute(
        "SELECT kdf, kdf_salt, nonce, sealed, protection FROM device_keys"
    ).fetchone()
    conn.close()
    assert protection == "passphrase"
    assert json.loads(kdf) == {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}
    assert len(salt) == 16 and len(nonce) == 12 and len(sealed) == 64 + 16
    # The same sealing opened by hand: scrypt, then AES-256-GCM with the device id as AAD.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(PASSPHRASE.encode())
    assert AESGCM(key).decrypt(nonce, sealed, device_id.encode()) == keys.secret_of(made)


def test_the_passphrase_is_asked_once_only_when_a_private_key_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.create(
        path, role="office", name="VP", protection="passphrase", passphrase=PASSPHRASE
    ).close()
    asked: list[int] = []

    def ask() -> str:
        asked.append(1)
        return PASSPHRASE

    with Workspace.open(path) as ws:
        ws.ask_passphrase = ask
        assert ws.public_identity().name == "VP"  # public keys: no passphrase
        assert asked == []
        first = identity(ws)
        assert identity(ws) is first
        assert asked == [1]


def test_a_wrong_passphrase_is_a_plain_error_and_there_is_no_lock_out(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.create(
        path, role="office", name="VP", protection="passphrase", passphrase=PASSPHRASE
    ).close()
    with Workspace.open(path) as ws:
        for wrong in ("sai mật khẩu 1", "sai mật khẩu 2", "sai mật khẩu 3"):
            ws.ask_passphrase = lambda wrong=wrong: wrong
            with pytest.raises(keystore.PassphraseError, match="Wrong passphrase"):
                ws.identity()
        ws.ask_passphrase = None
        with pytest.raises(keystore.PassphraseError, match="FIELDSURVEY_PASSPHRASE"):
            ws.identity()
        ws.ask_passphrase = lambda: PASSPHRASE
        assert ws.identity().protection == "passphrase"


def test_sealed_keys_moved_to_another_device_id_do_not_open(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.create(
        path, role="office", name="VP", protection="passphrase", passphrase=PASSPHRASE
    ).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE device_keys SET device_id = 'another-device'")
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws, pytest.raises(keystore.PassphraseError):
        keys.load_identity(ws.db, passphrase=PASSPHRASE)


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(keystore.PassphraseError, match="at least 8"):
        Workspace.create(
            tmp_path / "w.sqlite", role="office", name="VP", protection="passphrase", passphrase="1"
        )
    with pytest.raises(keystore.PassphraseError, match="Choose a passphrase"):
        Workspace.create(tmp_path / "w.sqlite", role="office", name="VP", protection="passphrase")
    assert not (tmp_path / "w.sqlite").exists()


def test_tampered_kdf_parameters_are_refused_before_scrypt_runs(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.create(
        path, role="office", name="VP", protection="passphrase", passphrase=PASSPHRASE
    ).close()
    conn = sqlite3.connect(path)
    huge = json.dumps({"name": "scrypt", "n": 2**40, "r": 8, "p": 1, "length": 32})
    conn.execute("UPDATE device_keys SET kdf = ?", [huge])
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws, pytest.raises(keystore.KeyStoreError, match="parameters"):
        keys.load_identity(ws.db, passphrase=PASSPHRASE)


# -- the key file --------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_key_file_is_owner_only_outside_the_workspace_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "w.sqlite"
    with caplog.at_level(logging.WARNING):
        ws = Workspace.create(path, role="surveyor", name="Máy 1")  # no store: the key file
    with ws:
        made = ws.identity()
        said = ws.key_warning
    assert said is not None and said.text("en").startswith("Warning:")
    warning = str(said)  # both languages, as the command line and the log show it
    assert warning.startswith("Cảnh báo:")
    vi, en = warning.split(" / Warning: ")
    assert str(keystore.key_file(made.device_id)) in vi and "sign packages as you" in en
    assert any(r.getMessage() == warning for r in caplog.records)
    key_file = keystore.key_file(made.device_id)
    assert key_file.name == f"{made.device_id}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert not key_file.resolve().is_relative_to(tmp_path.resolve())
    assert key_file.resolve().is_relative_to(Path(os.environ["FIELDSURVEY_HOME"]).resolve())
    assert_no_private_key_in(path, made)
    for secret in private_bytes(made):
        assert secret not in key_file.read_bytes()  # base64 in the file, not raw
    assert keystore.load_outside("file", made.device_id)[0] == keys.secret_of(
        made
    )  # the file does hold the keys, so the checks above could fail


def test_a_copied_workspace_file_carries_no_usable_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace.create(path, role="surveyor", name="Máy 1") as ws:
        made = ws.identity()
        ws.insert("sites", {"name": "Chợ Ba Đình", "category": "market"})
    copy = tmp_path / "usb" / "w.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    monkeypatch.setenv("FIELDSURVEY_HOME", str(tmp_path / "other-machine"))
    with Workspace.open(copy) as ws:
        assert ws.db.execute("SELECT name FROM sites").fetchone()[0] == "Chợ Ba Đình"
        assert ws.public_identity().fingerprint == made.public().fingerprint
        with pytest.raises(keystore.KeysNotHereError) as caught:
            identity(ws)
    message = str(caught.value)
    assert isinstance(caught.value, FieldSurveyError)
    assert message.index("không có trên máy này") < message.index("not on this machine")
    assert "fingerprint" in message and "keys rotate --lost" in message


def test_two_workspaces_of_one_device_id_each_find_their_keys(tmp_path: Path) -> None:
    """Key files are named by device id; an older copy (before a rotation) keeps working."""
    path = tmp_path / "w.sqlite"
    with Workspace.create(path, role="surveyor", name="Máy 1") as ws:
        ws.identity()
    older = tmp_path / "older.sqlite"
    shutil.copyfile(path, older)
    with Workspace.open(path) as ws:
        rotated = ws.rotate_keys()
    with Workspace.open(path) as ws:
        assert ws.identity().public_keys() == rotated.public_keys()
    with Workspace.open(older) as ws, pytest.raises(keystore.KeysNotHereError):
        ws.identity()  # its keys were replaced by the rotation: gone on purpose


# -- demo keys -------------------------------------------------------------------------------------


def test_demo_keys_are_derived_and_stored_nowhere(demo_file: Path) -> None:
    with Workspace.open(demo_file) as ws:
        me = ws.identity()
        assert keys.protection_of(ws.db) == "demo"
    derived = keys.make_identity(
        device_id=me.device_id, name=me.name, role=me.role, demo_seed=me.demo_seed
    )
    assert keys.secret_of(me) == keys.secret_of(derived)
    assert not keystore.key_file(me.device_id).exists()
    assert_no_private_key_in(demo_file, me)
    with Workspace.open(demo_file) as ws, pytest.raises(FieldSurveyError, match="Demo keys"):
        ws.protect_keys("file")


# -- switching -------------------------------------------------------------------------------------


def test_switching_protection_moves_the_keys_and_clears_the_old_place(
    tmp_path: Path, memory_keyring: Any
) -> None:
    path = tmp_path / "w.sqlite"
    ws = Workspace.create(path, role="surveyor", name="Máy 1", protection="file")
    made = ws.identity()
    key_file = keystore.key_file(made.device_id)
    assert key_file.exists()

    assert ws.protect_keys("passphrase", passphrase=PASSPHRASE) is None
    assert not key_file.exists()
    ws.close()
    with Workspace.open(path) as ws:
        with pytest.raises(keystore.PassphraseError):
            ws.identity()
        ws.ask_passphrase = lambda: PASSPHRASE
        assert keys.secret_of(ws.identity()) == keys.secret_of(made)
        ws.protect_keys("keyring")
        assert keys.protection_of(ws.db) == "keyring"
        assert ws.db.execute("SELECT sealed FROM device_keys").fetchone()[0] is None
    assert list(memory_keyring.passwords) == [("FieldSurvey", made.device_id)]
    with Workspace.open(path) as ws:
        warning = ws.protect_keys("file")
        assert warning is not None and "Cảnh báo" in str(warning)
    assert memory_keyring.passwords == {}
    with Workspace.open(path) as ws:
        assert keys.secret_of(ws.identity()) == keys.secret_of(made)
    assert_no_private_key_in(path, made)


def test_a_failed_creation_leaves_no_key_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "w.sqlite"
    real_replace = os.replace
    made: list[Path] = []

    def replace(source: Any, destination: Any) -> None:
        if Path(destination) == target:  # the finished workspace cannot be put in place
            raise OSError(28, "No space left on device")
        if str(destination).endswith(".key"):
            made.append(Path(destination))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(FieldSurveyError):
        Workspace.create(target, role="surveyor", name="S", protection="file")
    assert len(made) == 1  # the key file was written, then taken back
    assert not made[0].exists()
    assert not target.exists()
