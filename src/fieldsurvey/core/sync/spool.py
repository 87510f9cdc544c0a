"""Changes on their way into the history. The first pass of an import puts every change it has
checked here, with its canonical fields text, the row its record starts from when it is an
insert, and its new place in its author's log; the import's transaction then adds them to the
history, the logs and the records in a few statements (``merge.apply_changes``), without
reading the package again.

They are kept in temporary tables of the workspace's connection: SQLite's temporary database,
never the workspace file, so a refused package leaves the workspace as it was, and memory
holds no more than a batch however large the package.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlite_utils

from fieldsurvey.core.store.records import RECORD_KINDS, empty_value
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS

# Changes held in memory before they are written to the temporary tables.
BATCH = 500
CHANGES = "temp.incoming_changes"
LOG = "temp.incoming_log"


def rows_table(table: str) -> str:
    """The temporary table of the rows that inserts into ``table`` start their records from."""
    return f"temp.incoming_{table}"


def record_columns(table: str) -> tuple[str, ...]:
    """A record row's columns, as the spool and the record tables both have them."""
    return ("id", "deleted", *RECORD_KINDS[table].field_names)


class Spool:
    """The temporary tables of one import (or one ``apply_changes`` call). Columns have no
    declared type, so a value keeps the type it was given until it reaches its table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.count = 0  # the changes added; one added twice (same id) is kept once
        self._changes: list[tuple[Any, ...]] = []
        self._rows: dict[str, list[list[Any]]] = {table: [] for table in RECORD_KINDS}
        self._log: list[tuple[str, int, bytes, bytes]] = []
        # Per table: an insert's row before its values (change id, record id, deleted, then
        # each field empty), and where each field goes in it.
        self._empty = {
            table: [None, None, 0, *(empty_value(f) for f in kind.fields)]
            for table, kind in RECORD_KINDS.items()
        }
        self._places = {
            table: {name: n + 3 for n, name in enumerate(kind.field_names)}
            for table, kind in RECORD_KINDS.items()
        }
        self.drop()  # what an earlier import on this connection may have left
        conn = db.conn
        conn.execute(
            f"CREATE TABLE {CHANGES} (n INTEGER PRIMARY KEY, held INTEGER NOT NULL DEFAULT 0, "
            f"{', '.join(CHANGE_COLUMNS)}, UNIQUE (id))"
        )
        conn.execute(f"CREATE TABLE {LOG} (device_id, seq, digest, hash)")
        for table in RECORD_KINDS:
            conn.execute(
                f"CREATE TABLE {rows_table(table)} "
                f"(change_id PRIMARY KEY, {', '.join(record_columns(table))})"
            )

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.drop()

    def drop(self) -> None:
        conn = self.db.conn
        for name in (CHANGES, LOG, *(rows_table(t) for t in RECORD_KINDS)):
            conn.execute(f"DROP TABLE IF EXISTS {name}")

    def add(self, change: dict[str, Any], fields_text: str) -> None:
        """A whole change, with its fields' canonical text (``fields_json``)."""
        self.count += 1
        self._changes.append((*(change[c] for c in CHANGE_COLUMNS[:-1]), fields_text))
        if change["op"] == "insert":
            table = change["table_name"]
            row = self._empty[table].copy()
            places = self._places[table]
            for name, (_, new, _) in change["fields"].items():
                place = places.get(name)  # "deleted" has none: an insert never deletes
                if place is not None:
                    row[place] = new
            row[0], row[1] = change["id"], change["record_id"]
            self._rows[table].append(row)
        if len(self._changes) >= BATCH:
            self.flush()

    def add_entry(self, device: str, seq: int, digest: bytes, hash_: bytes) -> None:
        """A new entry of an author's log, its chain already proven."""
        self._log.append((device, seq, digest, hash_))
        if len(self._log) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what is held in memory to the temporary tables. A change already added (the
        same id) keeps its first version, as it would have joined the history first."""
        conn = self.db.conn
        # One transaction of the temporary database (a savepoint: inside the import's own
        # transaction too), not one per row; the workspace file is not touched.
        conn.execute("SAVEPOINT spool")
        try:
            conn.executemany(
                f"INSERT OR IGNORE INTO {CHANGES} ({', '.join(CHANGE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(CHANGE_COLUMNS))})",
                self._changes,
            )
            for table, rows in self._rows.items():
                if rows:
                    columns = ("change_id", *record_columns(table))
                    conn.executemany(
                        f"INSERT OR IGNORE INTO {rows_table(table)} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        rows,
                    )
            conn.executemany(f"INSERT INTO {LOG} VALUES (?, ?, ?, ?)", self._log)
        except BaseException:
            conn.execute("ROLLBACK TO spool")
            conn.execute("RELEASE spool")
            raise
        conn.execute("RELEASE spool")
        self._changes.clear()
        self._log.clear()
        for rows in self._rows.values():
            rows.clear()

    def keys(self) -> Iterator[tuple[str, str]]:
        """(table, record id) of every change not held before (``held`` = 0)."""
        for table, record_id in self.db.execute(
            f"SELECT DISTINCT table_name, record_id FROM {CHANGES} WHERE held = 0"
        ):
            yield str(table), str(record_id)
