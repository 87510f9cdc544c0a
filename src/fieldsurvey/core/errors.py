"""The errors FieldSurvey raises on purpose, each with a message a user can act on.

``FieldSurveyError`` is something about the user's environment or input (a file that is not a
workspace, a read-only folder, a workspace from a newer version): show its message and carry on.
Anything else that escapes is a bug of ours.
"""

from __future__ import annotations


class FieldSurveyError(Exception):
    """A problem the user can fix; ``str(error)`` says what happened and what to do."""


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
