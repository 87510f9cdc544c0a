"""Test set-up shared by every test: no screen, no user folders touched, a fresh workspace."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

# Before anything imports Qt: no screen, and QtWebEngine's sandbox does not run as root.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# Settings, logs and the demo workspace go to a throwaway folder, never the tester's own.
os.environ["FIELDSURVEY_HOME"] = tempfile.mkdtemp(prefix="fieldsurvey-test-home-")
# Device keys never go to the tester's own credential store: keyring's fail backend, here and in
# the command-line runs the tests start (tests that need a store install one in memory).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.office import office_demos, usb, workspaces  # noqa: F401  (fixtures, by name)

DATA = Path(__file__).parent / "data"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new, empty workspace in its own folder."""
    ws = Workspace.open(tmp_path / "survey.sqlite", create=True, user="tester")
    with ws.transaction():  # the office's role: every kind of record may be written
        ws.set_setting("role", "office")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo workspace, built once per test run; copy it before writing to it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the small demo workspace."""
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    ws = Workspace.open(copy, user="tester")
    yield ws
    ws.close()


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed ``fieldsurvey`` command in a fresh interpreter, as a user would."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fieldsurvey", *args],
            capture_output=True,
            text=True,
            check=False,
            env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        )

    return run


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A credential store in memory: the real keyring API, nothing left on the machine."""

    priority = 1  # type: ignore[assignment]  # a class attribute where keyring has a property

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """This process's credential store is one in memory for the test."""
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)
