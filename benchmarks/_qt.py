"""Helpers the benchmarks of Qt pages share: waiting in Qt's event loop for a condition, and
running JavaScript in a page for its result.

Not a benchmark itself; imported as ``_qt`` like ``_common``.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView


def wait_for(condition: Any, timeout_s: float) -> bool:
    """Run Qt's event loop until ``condition()`` holds or ``timeout_s`` has passed."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    timer = QTimer()
    timer.timeout.connect(
        lambda: loop.quit() if condition() or time.perf_counter() > deadline else None
    )
    timer.start(2)
    loop.exec()
    timer.stop()
    return bool(condition())


def run_js(view: QWebEngineView, script: str, timeout_s: float = 30) -> Any:
    """The result of ``script`` in the view's page (None if it took longer than ``timeout_s``)."""
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    wait_for(lambda: bool(box), timeout_s)
    return box[0] if box else None
