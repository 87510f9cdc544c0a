"""Run a core function off the UI thread; its result or error comes back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from fieldsurvey.core.store.db import open_read_only
from fieldsurvey.core.store.workspace import Workspace


class _Signals(QObject):
    done = Signal(object)
    """Emitted with the function's result."""
    failed = Signal(object)
    """Emitted with the exception it raised."""


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the UI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Start ``work()`` on a pool thread; ``on_done``/``on_error`` run on the UI thread, and
    only while ``parent`` still exists (a dialog closed meanwhile just drops the result)."""
    app = QCoreApplication.instance()
    assert app is not None
    signals = _Signals(app)  # outlives any widget, so the worker never signals a deleted object
    signals.done.connect(lambda result: on_done(result) if isValid(parent) else None)
    signals.failed.connect(lambda error: on_error(error) if isValid(parent) else None)
    signals.done.connect(signals.deleteLater)
    signals.failed.connect(signals.deleteLater)
    QThreadPool.globalInstance().start(_Job(work, signals))


def read_in_background(
    parent: QObject,
    path: Path,
    work: Callable[[sqlite_utils.Database], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Like run_in_background, for reading a workspace: ``work`` gets a read-only connection of
    its own (the app's connection belongs to the UI thread), closed when it returns."""

    def job() -> Any:
        db = open_read_only(path)
        try:
            return work(db)
        finally:
            db.close()

    run_in_background(parent, job, on_done, on_error)


def write_in_background(
    parent: QObject,
    workspace: Workspace,
    work: Callable[[Workspace], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Like run_in_background, for long writes (an import): ``work`` gets the workspace opened
    again on the worker thread, a connection of its own, closed when it returns. Its
    transaction never takes in what the window writes meanwhile; SQLite lets one writer at a
    time through, and the other waits (busy timeout) or is told the workspace is busy."""
    path, user = workspace.path, workspace.user

    def job() -> Any:
        with Workspace.open(path, user=user) as own:
            own.adopt_identity(workspace)  # keys the window unlocked (no dialog off its thread)
            return work(own)

    run_in_background(parent, job, on_done, on_error)
