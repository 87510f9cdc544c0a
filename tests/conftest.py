"""Test set-up shared by every test: no screen, no user folders touched, a fresh workspace."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no screen, and QtWebEngine's sandbox does not run as root.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# Settings, logs and the demo workspace go to a throwaway folder, never the tester's own.
os.environ["FIELDSURVEY_HOME"] = tempfile.mkdtemp(prefix="fieldsurvey-test-home-")

from fieldsurvey.core.demo import build_demo
from fieldsurvey.core.workspace import Workspace

DATA = Path(__file__).parent / "data"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new, empty workspace in its own folder."""
    ws = Workspace.open(tmp_path / "survey.sqlite", create=True, user="tester")
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
