"""Long work (imports, reports, the demo build, photo batches, inventories) reports progress and
can be cancelled the same way everywhere: the worker calls ``progress(done, total, what)`` now
and then and checks ``cancel()``; when it returns True, the work stops, leaves nothing half-done
behind and raises ``Cancelled`` (a photo batch instead keeps the photos finished before)."""

from __future__ import annotations

from collections.abc import Callable

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

# progress(done, total, what): ``what`` says what is being done, a Message (said in the reader's
# language) or a short plain text such as a file name ("" if none).
Progress = Callable[[int, int, "Message | str"], None]
# cancel(): True once the person asked to stop.
Cancel = Callable[[], bool]


class Cancelled(FieldSurveyError):
    """The person cancelled; nothing of the work was kept."""

    code = "cancelled"

    def __init__(self, message: Message | None = None) -> None:
        super().__init__(message or Message("tasks", QT_TRANSLATE_NOOP("tasks", "Đã hủy.")))


def no_progress(done: int, total: int, what: Message | str) -> None:
    """The Progress of work nobody watches."""


def never_cancelled() -> bool:
    """The Cancel of work nobody can stop."""
    return False
