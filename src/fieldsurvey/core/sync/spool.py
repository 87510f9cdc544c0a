"""Changes on their way into the history. The first pass of an import puts every change it has
checked here, with its fields packed as the history keeps them, the row its record starts from
when it is an insert, and its new place in its author's log; the import's transaction then adds
them to the history, the logs and the records in a few statements (``merge.apply_changes``),
without reading the package again.

They are kept in temporary tables of the workspace's connection: SQLite's temporary database,
never the workspace file, so a refused package leaves the workspace as it was, and memory
holds no more than a batch however large the package.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlite_utils

from fieldsurvey.core import history_fields
from fieldsurvey.core.store.records import RECORD_KINDS, empty_value
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS

# Changes held in memory before they are written to the temporary tables.
BATCH = 500
CHANGES = "temp.incoming_changes"
LOG = "temp.incoming_log"
# The records the apply step wrote straight from their insert (``merge._write_inserted``), so
# the ids of a whole city stay in the temporary database, not in memory.
FRESH = "temp.incoming_fresh"
# The lists the apply step reads back a batch at a time (``Spool._read_back``).
_READ_BACK = ("temp.incoming_to_rebuild", "temp.incoming_ids", "temp.incoming_rowids")


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
        conn.execute(
            f"CREATE TABLE {FRESH} (table_name, record_id, change_id, "
            "PRIMARY KEY (table_name, record_id)) WITHOUT ROWID"
        )
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
        for name in (CHANGES, LOG, FRESH, *_READ_BACK, *(rows_table(t) for t in RECORD_KINDS)):
            conn.execute(f"DROP TABLE IF EXISTS {name}")

    def add(self, change: dict[str, Any], fields_text: str) -> None:
        """A whole change, with its fields' canonical text (``fields_json``), kept packed
        (``history_fields.pack``): a seventh of the text to write to the temporary tables and
        read back (the whole city: about 250 MB less)."""
        self.count += 1
        self._changes.append(
            (*(change[c] for c in CHANGE_COLUMNS[:-1]), history_fields.pack(fields_text))
        )
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

    def _read_back(self, name: str, select: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        """The first column of ``select``'s rows, in its order: kept in a temporary table of
        their own (``name``), then read back BATCH at a time, each batch read whole. So memory
        holds one batch however many there are, and no statement is left open between batches:
        the caller may write the workspace's tables meanwhile, and stop by an exception with the
        spool's tables still free to drop. Batches are found by the table's own rowid, named
        ``_rowid_``: a column of ``select`` may be called rowid (``rowids``'s is), and paging by
        that column read the whole table for each batch (200,000 cameras: 3 s)."""
        conn = self.db.conn
        table = f"temp.{name}"
        conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(f"CREATE TABLE {table} AS {select}", params)
        last = 0
        while True:
            rows = conn.execute(
                f"SELECT _rowid_, * FROM {table} WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT {BATCH}",
                [last],
            ).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            for row in rows:
                yield row[1] if len(row) == 2 else tuple(row[1:])
        conn.execute(f"DROP TABLE {table}")

    def keys_to_rebuild(self) -> Iterator[tuple[str, str]]:
        """(table, record id) of every change not held before (``held`` = 0), except the
        records written straight from their insert (``FRESH``), in (table, id) order."""
        for table, record_id in self._read_back(
            "incoming_to_rebuild",
            f"SELECT DISTINCT table_name, record_id FROM {CHANGES} c WHERE held = 0 "
            f"AND NOT EXISTS (SELECT 1 FROM {FRESH} f WHERE f.table_name = c.table_name "
            "AND f.record_id = c.record_id) ORDER BY table_name, record_id",
        ):
            yield str(table), str(record_id)

    def tables(self) -> list[str]:
        """The tables the changes not held before touch."""
        return [
            str(row[0])
            for row in self.db.execute(
                f"SELECT DISTINCT table_name FROM {CHANGES} WHERE held = 0 ORDER BY table_name"
            )
        ]

    def record_ids(self, table: str) -> Iterator[str]:
        """The ids of the records of ``table`` the changes not held before touch."""
        for record_id in self._read_back(
            "incoming_ids",
            f"SELECT DISTINCT record_id FROM {CHANGES} WHERE held = 0 AND table_name = ?",
            [table],
        ):
            yield str(record_id)

    def rowids(self, table: str) -> Iterator[int]:
        """The rowids in ``table`` (a record table) of every record the changes not held
        before touch (written, updated or deleted), in increasing order; a record with no row
        (its insert has not arrived yet) has none."""
        for rowid in self._read_back(
            "incoming_rowids",
            f"SELECT t.rowid FROM main.{table} t WHERE t.id IN (SELECT record_id FROM {CHANGES} "
            "WHERE held = 0 AND table_name = ?) ORDER BY t.rowid",
            [table],
        ):
            yield int(rowid)
