"""Installing a newer street basemap: checked before use (format, schema, zooms, covering Hà
Nội), copied whole, drawn instead of the bundled one; anything refused leaves nothing behind."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fieldsurvey.core import settings
from fieldsurvey.core.map import basemaps, streets
from fieldsurvey.core.map.mbtiles import MBTilesError
from tests.helpers import DATA
from tests.helpers.basemap import cut_basemap


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(settings.HOME_VARIABLE, str(tmp_path / "home"))
    return tmp_path / "home"


def set_metadata(path: Path, name: str, value: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("DELETE FROM metadata WHERE name = ?", (name,))
        db.execute("INSERT INTO metadata VALUES (?, ?)", (name, value))
        db.commit()


def installed_files() -> list[Path]:
    return sorted(basemaps.folder().glob("*")) if basemaps.folder().is_dir() else []


def test_the_bundled_basemap_is_drawn_until_another_is_installed(tmp_path: Path) -> None:
    assert basemaps.active() == streets.bundled_path()
    newer = cut_basemap(tmp_path / "newer.mbtiles")
    set_metadata(newer, "name", "Hà Nội OSM 2026-11")
    installed = basemaps.install(newer)
    assert installed.path.parent == basemaps.folder() and installed.date == "2026-11"
    assert installed.size == newer.stat().st_size
    assert basemaps.active() == installed.path
    listed = basemaps.available()
    assert [b.bundled for b in listed] == [False, True]
    assert basemaps.install(newer).path == installed.path  # the same file is kept once
    assert len(installed_files()) == 1


@pytest.mark.parametrize(
    "name",
    ["geography-class-png.mbtiles", "world_cities.mbtiles"],
    ids=["raster", "foreign-schema"],
)
def test_a_file_that_is_not_a_city_street_map_is_refused(name: str) -> None:
    with pytest.raises(MBTilesError):
        basemaps.install(DATA / "tiles" / name)
    assert installed_files() == []
    assert basemaps.active() == streets.bundled_path()


def test_a_street_map_of_another_city_is_refused(tmp_path: Path) -> None:
    elsewhere = cut_basemap(tmp_path / "da-nang.mbtiles")
    set_metadata(elsewhere, "bounds", "108.1,15.9,108.3,16.2")  # Đà Nẵng
    with pytest.raises(MBTilesError) as caught:
        basemaps.install(elsewhere)
    assert "không phủ Hà Nội" in caught.value.text("vi")
    assert installed_files() == []


def test_an_installed_file_damaged_later_is_left_out(tmp_path: Path) -> None:
    installed = basemaps.install(cut_basemap(tmp_path / "newer.mbtiles"))
    installed.path.write_bytes(b"not a basemap any more")
    assert basemaps.active() == streets.bundled_path()
