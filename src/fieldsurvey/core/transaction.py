"""One write transaction on a SQLite connection: BEGIN IMMEDIATE, waiting a while for another
connection's write, and telling the caller when the wait is long. Every write of the app goes
through ``write_transaction`` (the workspace's, the device keys', the office's)."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator

import sqlite_utils

BUSY_TIMEOUT_MS = 5000
# A write waits this long for another connection's write (an import applying a large package)
# before it is given up; after WAIT_NOTICE_S the caller is told, so a window can say why.
WRITE_WAIT_S = 120.0
WAIT_NOTICE_S = 1.0


def _begin_immediate(conn: sqlite3.Connection, on_wait: Callable[[], None] | None) -> None:
    """BEGIN IMMEDIATE, waiting for another connection's write to end.

    IMMEDIATE takes the write lock at the start: a transaction that reads and then writes can
    no longer meet a write committed in between (SQLite refuses that upgrade at once, whatever
    the busy timeout). ``on_wait`` is called once when the wait passes ``WAIT_NOTICE_S``.
    """
    deadline = time.monotonic() + WRITE_WAIT_S
    conn.execute(f"PRAGMA busy_timeout = {int(WAIT_NOTICE_S * 1000)}")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                    raise
            if on_wait is not None:
                on_wait()
                on_wait = None
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextlib.contextmanager
def write_transaction(
    db: sqlite_utils.Database, *, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """One write transaction: all of it lands, or none does. Nested inside another it is a
    savepoint of that one. Every write of the app goes through here (or Workspace.transaction).
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    _begin_immediate(conn, on_wait)
    try:
        yield
        conn.execute("COMMIT")  # a deferred foreign key can still fail here
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
