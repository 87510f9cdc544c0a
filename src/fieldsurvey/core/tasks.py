"""Long work (imports, reports, the demo build, photo batches, inventories) reports progress and
can be cancelled the same way everywhere: the worker calls ``progress(done, total, what)`` now
and then and checks ``cancelled()``; when it is, it raises ``Cancelled`` and leaves nothing
half-done behind. The window's background helper (ui/background.py) supplies both."""

from __future__ import annotations

from collections.abc import Callable

from fieldsurvey.core.errors import FieldSurveyError

# progress(done, total, what): ``what`` is a short sentence for the status line ("" if none).
Progress = Callable[[int, int, str], None]
# cancelled(): True once the person asked to stop.
Cancel = Callable[[], bool]


def no_progress(done: int, total: int, what: str) -> None:
    """The progress of work nobody watches."""


def never_cancelled() -> bool:
    """The cancel flag of work nobody can stop."""
    return False


class Cancelled(FieldSurveyError):
    """The person cancelled the work; nothing of it was kept."""
