"""The errors FieldSurvey raises on purpose, each with a message a user can act on.

``FieldSurveyError`` is something about the user's environment or input (a file that is not a
workspace, a read-only folder, a workspace from a newer version): show its message and carry on.
Anything else that escapes is a bug of ours.
"""

from __future__ import annotations

from fieldsurvey.core.messages import Message


class FieldSurveyError(Exception):
    """A problem the user can fix; ``text(lang)`` says what happened and what to do.

    Raised with a ``Message`` (a template from the translation files, its parameters) and a
    ``code`` naming the trouble; ``str()`` of it is the message's "tiếng Việt / English" text,
    what the command line prints."""

    code: str = ""

    def __init__(self, message: Message, *, code: str | None = None) -> None:
        self.message = message
        if code is not None:
            self.code = code
        super().__init__(str(message))

    def text(self, lang: str = "vi") -> str:
        """What happened and what to do, in ``lang``."""
        return self.message.text(lang)


class WorkspaceError(FieldSurveyError):
    """The workspace file cannot be opened or written."""


class NotAWorkspaceError(WorkspaceError):
    """The file exists but is not a FieldSurvey workspace (not SQLite, or someone else's)."""


class CorruptWorkspaceError(WorkspaceError):
    """SQLite reports the file as damaged."""


class NewerWorkspaceError(WorkspaceError):
    """The workspace was written by a newer FieldSurvey; opening it could damage it."""


class BusyWorkspaceError(WorkspaceError):
    """Another connection (an import, a bulk review) kept the workspace busy too long."""


class WorkspaceExistsError(WorkspaceError):
    """Refusing to overwrite an existing file."""


class ValidationError(FieldSurveyError):
    """A value given for a record is not acceptable."""


class PhotoError(FieldSurveyError):
    """A photo file cannot be read or stored; the message names the file and the reason."""
