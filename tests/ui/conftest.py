"""Qt set-up for widget tests: QtWebEngine and our URL scheme before the QApplication exists."""

from __future__ import annotations

import PySide6.QtWebEngineWidgets  # noqa: F401
import pytest

from fieldsurvey.ui.map_scheme import register_scheme

register_scheme()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Let every map page go before its profile while Qt can still do it in order: a page
    left for the interpreter's exit meets an already deleted profile and the process crashes
    after the tests have passed."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from fieldsurvey.ui.map_view import MapView

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.allWidgets():
        if isinstance(widget, MapView) and isValid(widget):
            widget.shutdown()
    for _ in range(3):  # the pages, then (once each page is gone) their profiles
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
