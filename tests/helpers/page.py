"""Helpers for tests that talk to a QtWebEngine page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot


def js(qtbot: QtBot, view: QWebEngineView, script: str) -> Any:
    """Run JavaScript in the page and wait for its result (primitives and JSON strings only)."""
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]
