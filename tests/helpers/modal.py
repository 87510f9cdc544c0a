"""Answering a modal dialog from a test: it runs its own event loop, so the answer is queued
before the code that opens it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(kind: type[QWidget], act: Callable[[Any], None], *, tries: int = 500) -> None:
    """Act on the next modal dialog of this kind once it is up; give up after ``tries`` looks,
    20 ms apart."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left > 0:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(20, lambda: attempt(tries))
