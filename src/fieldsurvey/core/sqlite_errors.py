"""Which SQLite errors come from the machine and the file, told apart by SQLite's own result
codes (never by the wording of the message, which changes between versions).

Known: the disk is full, the file or folder is read-only, another connection keeps it busy,
the file is damaged or not a database at all, it cannot be opened, or the disk failed to read
or write it. Anything else (a missing column, a syntax error, a broken constraint) is a bug of
ours, to be raised as it is, logged with its traceback and shown with the crash dialog.
"""

from __future__ import annotations

import enum
import sqlite3


class Trouble(enum.StrEnum):
    """What went wrong outside the program."""

    FULL = "disk-full"
    READ_ONLY = "read-only"
    BUSY = "busy"
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not-a-database"
    CANNOT_OPEN = "cannot-open"
    IO = "io-error"


_PRIMARY = {
    sqlite3.SQLITE_FULL: Trouble.FULL,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_PERM: Trouble.READ_ONLY,
    sqlite3.SQLITE_BUSY: Trouble.BUSY,
    sqlite3.SQLITE_LOCKED: Trouble.BUSY,
    sqlite3.SQLITE_CORRUPT: Trouble.CORRUPT,
    sqlite3.SQLITE_NOTADB: Trouble.NOT_A_DATABASE,
    sqlite3.SQLITE_CANTOPEN: Trouble.CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: Trouble.IO,
}


def trouble(exc: sqlite3.Error) -> Trouble | None:
    """The known trouble behind an SQLite error, by its extended result code (whose low byte
    is the primary code); None when it is none of them: a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    return _PRIMARY.get(code & 0xFF)
