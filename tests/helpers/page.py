"""Helpers for tests that talk to a QtWebEngine page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

# How long a page may take to answer. The pages draw with software WebGL here: in one full
# run on a 2-core machine, one answer (after the map flew to a street at zoom 17) took more
# than 10 s, not seen again in later runs; an answer that never comes still fails.
ANSWER_TIMEOUT_MS = 60_000


def js(qtbot: QtBot, view: QWebEngineView, script: str) -> Any:
    """Run JavaScript in the page and wait for its result (primitives and JSON strings only)."""
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=ANSWER_TIMEOUT_MS)
    return box[0]
