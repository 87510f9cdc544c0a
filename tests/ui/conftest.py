"""Qt set-up for widget tests: QtWebEngine and our URL scheme before the QApplication exists."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6.QtWebEngineWidgets  # noqa: F401
import pytest

from fieldsurvey.ui.map_view import register_scheme

register_scheme()

# The office's demo workspaces and their fixtures are shared with the core tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from office_helpers import usb, workspaces  # noqa: E402, F401  (fixtures, found by name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
