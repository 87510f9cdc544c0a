"""A small basemap cut from the bundled one: its real z14 tiles around the old quarter and Hoàn
Kiếm lake, so a place index is built in a moment."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from fieldsurvey.core.map import streets

# z14 tiles around the old quarter and Hoàn Kiếm lake (XYZ columns and rows).
COLUMNS, ROWS = range(13009, 13013), range(7212, 7216)


def cut_basemap(target: Path, *, extra: tuple[tuple[int, int, bytes], ...] = ()) -> Path:
    with (
        closing(sqlite3.connect(streets.bundled_path())) as source,
        closing(sqlite3.connect(target)) as out,
    ):
        out.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB);"
        )
        out.executemany(
            "INSERT INTO metadata VALUES (?, ?)", source.execute("SELECT * FROM metadata")
        )
        for x in COLUMNS:
            for y in ROWS:
                row = source.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level = 14 AND tile_column = ? "
                    "AND tile_row = ?",
                    (x, 2**14 - 1 - y),
                ).fetchone()
                if row:
                    out.execute(
                        "INSERT INTO tiles VALUES (14, ?, ?, ?)", (x, 2**14 - 1 - y, row[0])
                    )
        for x, y, data in extra:
            out.execute("INSERT INTO tiles VALUES (14, ?, ?, ?)", (x, 2**14 - 1 - y, data))
        out.commit()
    return target
