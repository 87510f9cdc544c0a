"""Qt set-up for widget tests: QtWebEngine and our URL scheme before the QApplication exists."""

from __future__ import annotations

import PySide6.QtWebEngineWidgets  # noqa: F401
import pytest

from fieldsurvey.ui.map_scheme import register_scheme

register_scheme()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
