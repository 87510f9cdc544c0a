"""Progress relayed from a worker thread to a dialog, and the cancel a dialog asks for."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Relay(QObject):
    """Carries progress from the worker thread to the UI thread (a queued signal)."""

    progress = Signal(int, int, str)


class Cancelled(Exception):
    """The user cancelled an inventory import; the core rolls the transaction back."""
