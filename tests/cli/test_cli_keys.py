"""The command line and the device keys: passphrases from FIELDSURVEY_PASSPHRASE, a file or a
terminal prompt that does not echo, never printed or logged; keys protect and keys rotate."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import keys, keystore

PASSPHRASE = "mật khẩu của máy 1"
AT = "2026-03-01T08:00:00.000Z"


def cli(*args: str, home: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command in a fresh interpreter, without a terminal."""
    extra = {"PYTHONIOENCODING": "utf-8", **env}
    if home is not None:
        extra["FIELDSURVEY_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "fieldsurvey", *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if "PASSPHRASE" not in k} | extra,
    )


@dataclass
class Setup:
    office: Path
    surveyor: Path
    folder: Path


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    """An office and a surveyor enrolled with each other; the surveyor's keys under a
    passphrase."""
    office = Workspace.create(tmp_path / "office.sqlite", role="office", name="Công an TP")
    surveyor = Workspace.create(
        tmp_path / "s1.sqlite",
        role="surveyor",
        name="Máy 1",
        protection="passphrase",
        passphrase=PASSPHRASE,
    )
    with office, surveyor:
        with office.transaction():
            keys.enrol(office.db, surveyor.public_identity(), at=AT)
        with surveyor.transaction():
            keys.enrol(surveyor.db, office.public_identity(), at=AT)
        surveyor.insert("sites", {"name": "Chợ Hàng Da", "category": "market"})
    yield Setup(office.path, surveyor.path, tmp_path)


def log_text() -> str:
    log = Path(os.environ["FIELDSURVEY_HOME"]) / "logs" / "fieldsurvey.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_export_reads_the_passphrase_from_the_environment_or_a_file(setup: Setup) -> None:
    out = setup.folder / "p.fspkg"
    done = cli(
        "export", "--db", str(setup.surveyor), "--out", str(out), FIELDSURVEY_PASSPHRASE=PASSPHRASE
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()
    phrase_file = setup.folder / "phrase.txt"
    phrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    again = cli(
        "export",
        "--db",
        str(setup.surveyor),
        "--out",
        str(setup.folder / "p2.fspkg"),
        "--passphrase-file",
        str(phrase_file),
    )
    assert again.returncode == 0, again.stderr
    imported = cli("import", "--db", str(setup.office), str(out), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["new"] == 1
    for result in (done, again, imported):
        assert PASSPHRASE not in result.stdout + result.stderr
    assert PASSPHRASE not in log_text()


def test_a_wrong_or_missing_passphrase_is_one_line_not_a_traceback(setup: Setup) -> None:
    out = setup.folder / "p.fspkg"
    wrong = cli(
        "export",
        "--db",
        str(setup.surveyor),
        "--out",
        str(out),
        FIELDSURVEY_PASSPHRASE="sai rồi 12345",
    )
    assert wrong.returncode != 0 and not out.exists()
    assert "Traceback" not in wrong.stderr
    assert "Mật khẩu không đúng" in wrong.stderr and "Wrong passphrase" in wrong.stderr
    assert "sai rồi 12345" not in wrong.stderr + wrong.stdout + log_text()
    missing = cli("export", "--db", str(setup.surveyor), "--out", str(out))
    assert missing.returncode != 0 and "FIELDSURVEY_PASSPHRASE" in missing.stderr
    assert "Traceback" not in missing.stderr
    # What needs no private key needs no passphrase.
    shown = cli("keys", "show", "--db", str(setup.surveyor), "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["protection"] == "passphrase"


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
def test_on_a_terminal_the_passphrase_is_asked_without_echo(setup: Setup) -> None:
    import pty

    out = setup.folder / "p.fspkg"
    env = {k: v for k, v in os.environ.items() if "PASSPHRASE" not in k}
    env["PYTHONIOENCODING"] = "utf-8"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command on the terminal
        os.execve(
            sys.executable,
            [
                sys.executable,
                "-m",
                "fieldsurvey",
                "export",
                "--db",
                str(setup.surveyor),
                "--out",
                str(out),
            ],
            env,
        )
    seen = b""
    typed = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if not typed and b"passphrase" in seen:
            os.write(fd, (PASSPHRASE + "\n").encode())
            typed = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    text = seen.decode("utf-8", "replace")
    assert typed, text
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert PASSPHRASE not in text  # not echoed
    assert out.exists()


def test_keys_protect_switches_and_warns_about_the_key_file(setup: Setup) -> None:
    to_file = cli(
        "keys",
        "protect",
        "--db",
        str(setup.surveyor),
        "--to",
        "file",
        FIELDSURVEY_PASSPHRASE=PASSPHRASE,
    )
    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stderr.startswith("Cảnh báo:") and "Warning:" in to_file.stderr
    out = setup.folder / "p.fspkg"
    assert cli("export", "--db", str(setup.surveyor), "--out", str(out)).returncode == 0
    new_phrase = "một mật khẩu mới"
    back = cli(
        "keys",
        "protect",
        "--db",
        str(setup.surveyor),
        "--to",
        "passphrase",
        FIELDSURVEY_NEW_PASSPHRASE=new_phrase,
    )
    assert back.returncode == 0, back.stderr
    assert new_phrase not in back.stdout + back.stderr + log_text()
    with Workspace.open(setup.surveyor) as ws:
        assert not keystore.key_file(ws.device_id).exists()
    assert cli("export", "--db", str(setup.surveyor), "--out", str(out)).returncode != 0
    done = cli(
        "export", "--db", str(setup.surveyor), "--out", str(out), FIELDSURVEY_PASSPHRASE=new_phrase
    )
    assert done.returncode == 0, done.stderr
    no_store = cli(
        "keys",
        "protect",
        "--db",
        str(setup.surveyor),
        "--to",
        "keyring",
        FIELDSURVEY_PASSPHRASE=new_phrase,
    )
    assert no_store.returncode != 0 and "credential store" in no_store.stderr


def test_keys_rotate_and_the_office_takes_the_new_keys_from_the_next_package(
    setup: Setup,
) -> None:
    before = json.loads(cli("keys", "show", "--db", str(setup.surveyor), "--json").stdout)
    rotated = cli("keys", "rotate", "--db", str(setup.surveyor), FIELDSURVEY_PASSPHRASE=PASSPHRASE)
    assert rotated.returncode == 0, rotated.stderr
    after = json.loads(cli("keys", "show", "--db", str(setup.surveyor), "--json").stdout)
    assert after["fingerprint"] != before["fingerprint"]
    assert after["fingerprint"] in rotated.stdout
    out = setup.folder / "p.fspkg"
    exported = cli(
        "export", "--db", str(setup.surveyor), "--out", str(out), FIELDSURVEY_PASSPHRASE=PASSPHRASE
    )
    assert exported.returncode == 0, exported.stderr
    assert cli("import", "--db", str(setup.office), str(out)).returncode == 0
    listed = cli("keys", "list", "--db", str(setup.office), "--json")
    assert after["fingerprint"] in listed.stdout and before["fingerprint"] not in listed.stdout


def test_lost_keys_new_ones_and_the_office_enrols_them_again(setup: Setup) -> None:
    elsewhere = setup.folder / "new-laptop"
    copy = elsewhere / "s1.sqlite"
    elsewhere.mkdir()
    shutil.copyfile(setup.surveyor, copy)
    with Workspace.open(copy) as ws:  # a copy of a file-protected workspace, keys left behind
        ws.ask_passphrase = lambda: PASSPHRASE
        ws.protect_keys("file")
    home = setup.folder / "new-laptop-home"
    out = setup.folder / "p.fspkg"
    refused = cli("export", "--db", str(copy), "--out", str(out), home=home)
    assert refused.returncode != 0 and "rotate --lost" in refused.stderr
    renewed = cli("keys", "rotate", "--db", str(copy), "--lost", home=home)
    assert renewed.returncode == 0, renewed.stderr
    assert "Cảnh báo:" in renewed.stderr  # the new keys went to a key file, as before
    fingerprint = json.loads(cli("keys", "show", "--db", str(copy), "--json", home=home).stdout)[
        "fingerprint"
    ]
    assert fingerprint in renewed.stdout
    profile = setup.folder / "s1.json"
    assert (
        cli(
            "keys", "export-profile", "--db", str(copy), "--out", str(profile), home=home
        ).returncode
        == 0
    )
    plain = cli(
        "keys", "enrol", "--db", str(setup.office), str(profile), "--fingerprint", fingerprint
    )
    assert plain.returncode != 0 and "different keys" in plain.stderr
    again = cli(
        "keys",
        "enrol",
        "--db",
        str(setup.office),
        str(profile),
        "--fingerprint",
        fingerprint,
        "--replace",
    )
    assert again.returncode == 0, again.stderr
    assert cli("export", "--db", str(copy), "--out", str(out), home=home).returncode == 0
    assert cli("import", "--db", str(setup.office), str(out)).returncode == 0
