"""A small basemap cut from the bundled one: its real z14 tiles around the old quarter and Hoàn
Kiếm lake, so a place index is built in a moment; a "newer" one to install, and each
workspace of a test on a computer of its own (its own basemaps)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldsurvey.core import settings
from fieldsurvey.core.map import basemaps, streets

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


def set_metadata(path: Path, name: str, value: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("DELETE FROM metadata WHERE name = ?", (name,))
        db.execute("INSERT INTO metadata VALUES (?, ?)", (name, value))
        db.commit()


def newer_basemap(folder: Path, *, whole: bool = False) -> Path:
    """A basemap newer than the bundled one: the bundled file itself (``whole``) or a cut of
    it, dated 2026-10."""
    target = folder / "hanoi-2026-10.mbtiles"
    if whole:
        shutil.copy(streets.bundled_path(), target)
    else:
        cut_basemap(target)
    set_metadata(target, "name", "Hà Nội OSM 2026-10")
    return target


def installed_files() -> list[Path]:
    return sorted(basemaps.folder().glob("*")) if basemaps.folder().is_dir() else []


@dataclass(frozen=True)
class Computers:
    """Each workspace on a computer of its own: its own data folder, so its own basemaps."""

    folder: Path
    monkeypatch: pytest.MonkeyPatch

    def at(self, name: str) -> Path:
        home = self.folder / f"home-{name}"
        self.monkeypatch.setenv(settings.HOME_VARIABLE, str(home))
        return home
