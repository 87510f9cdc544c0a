"""Run a core function off the UI thread; its result or error comes back on the UI thread, its
progress as a signal, and the dialog that started it can cancel it (``Task``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from fieldsurvey.core.messages import Message
from fieldsurvey.core.store.db import open_read_only
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import current_language


class Task(QObject):
    """The progress and the cancel of one piece of long work, shared by the dialog that starts it
    and the work on its pool thread. The work gets ``report`` as its core ``Progress`` and
    ``cancelled`` as its core ``Cancel``; ``progress`` reaches the dialog on the UI thread (a
    queued signal, dropped once the dialog is gone); ``cancel()`` asks the work to stop.

    Made without a parent: the work holds it, so it outlives a dialog closed meanwhile."""

    progress = Signal(int, int, str)
    """(done, total, what is being done in the person's language)"""

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._lang = current_language()

    def report(self, done: int, total: int, what: Message | str) -> None:
        """The core's Progress: callable from any thread."""
        self.progress.emit(done, total, what if isinstance(what, str) else what.text(self._lang))

    def cancel(self) -> None:
        """Ask the work to stop (it stops at its next check and keeps nothing half-done)."""
        self._stop.set()

    def cancelled(self) -> bool:
        """The core's Cancel: callable from any thread."""
        return self._stop.is_set()


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


def read_workspace_in_background(
    parent: QObject,
    ws: Workspace,
    work: Callable[[Workspace], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``work`` on a read-only view of the workspace on a pool thread."""
    path, user = ws.path, ws.user
    read_in_background(
        parent, path, lambda db: work(Workspace(db, path, user=user)), on_done, on_error
    )


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
