"""The street basemaps a computer has: the one bundled with the app and the newer ones the office
installs (a vector MBTiles of the city in the OpenMapTiles schema). The newest installed one is
drawn; the bundled one when none is.

An installed file is checked before it is used like every file from outside: MBTiles, vector
tiles of the OpenMapTiles schema (a sample decoded), zooms, and bounds that cover Hà Nội. It is
copied whole into the app's data folder under a name from its hash (a half-copied file never
replaces anything), and its description is read from the copy."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from fieldsurvey.core.files import partial_name, replace_durably
from fieldsurvey.core.map import streets
from fieldsurvey.core.map.mbtiles import MBTilesError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.settings import data_dir

log = logging.getLogger(__name__)

# Hà Nội's extent (west, south, east, north): a city basemap must cover most of it.
HANOI_BOUNDS: Final = (105.28, 20.56, 106.03, 21.40)
MIN_COVER: Final = 0.9
MIN_DETAIL_ZOOM: Final = 14


@dataclass(frozen=True)
class Basemap:
    """One street basemap file: where it is, what it covers, how old and how large it is."""

    path: Path
    name: str
    bounds: tuple[float, float, float, float] | None
    min_zoom: int
    max_zoom: int
    date: str
    size: int
    bundled: bool

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["path"] = str(self.path)
        return out


def folder() -> Path:
    """Where installed basemaps are kept."""
    return data_dir() / "basemaps"


def _describe(path: Path, *, bundled: bool) -> Basemap:
    with streets.StreetBasemap.open(path) as basemap:
        tileset = basemap.tileset
        date = _metadata_date(path) or ""
    return Basemap(
        path=path,
        name=tileset.name or path.name,
        bounds=tileset.bounds,
        min_zoom=tileset.min_zoom,
        max_zoom=tileset.max_zoom,
        date=date,
        size=path.stat().st_size,
        bundled=bundled,
    )


def _metadata_date(path: Path) -> str | None:
    """The data's date as the file says it (its name or description often holds it)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        rows = dict(db.execute("SELECT name, value FROM metadata").fetchall())
    for key in ("date", "version", "name", "description"):
        value = str(rows.get(key) or "")
        found = re.search(r"(20\d\d)[-/.](\d\d)(?:[-/.](\d\d))?", value)
        if found:
            return "-".join(part for part in found.groups() if part)
    return None


def _cover(bounds: tuple[float, float, float, float] | None) -> float:
    """How much of Hà Nội's extent ``bounds`` covers (0–1)."""
    if bounds is None:
        return 0.0
    west, south, east, north = HANOI_BOUNDS
    w, s, e, n = bounds
    width = max(0.0, min(e, east) - max(w, west))
    height = max(0.0, min(n, north) - max(s, south))
    return (width * height) / ((east - west) * (north - south))


def check(path: Path) -> Basemap:
    """Describe ``path`` if it can be a street basemap of the city, else ``MBTilesError``."""
    info = _describe(Path(path).absolute(), bundled=False)
    if info.max_zoom < MIN_DETAIL_ZOOM:
        raise MBTilesError(
            Message(
                "map",
                QT_TRANSLATE_NOOP(
                    "map",
                    "{path} chỉ có tới mức thu phóng {zoom}; bản đồ đường phố cần tới mức {need}.",
                ),
                {"path": path, "zoom": info.max_zoom, "need": MIN_DETAIL_ZOOM},
            ),
            code="basemap-too-coarse",
        )
    if _cover(info.bounds) < MIN_COVER:
        raise MBTilesError(
            Message(
                "map",
                QT_TRANSLATE_NOOP(
                    "map",
                    "{path} không phủ Hà Nội (phạm vi {bounds}); chọn bản đồ của cả thành phố.",
                ),
                {"path": path, "bounds": info.bounds or "—"},
            ),
            code="basemap-elsewhere",
        )
    return info


def install(source: Path) -> Basemap:
    """Check ``source`` and copy it into the basemaps folder (the copy is checked again); the
    map draws it from its next start. Installing the same file twice keeps one copy."""
    check(source)
    target = folder() / f"basemap-{digest(source)[:16]}.mbtiles"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        partial = partial_name(target)
        try:
            with Path(source).open("rb") as src, partial.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            check(partial)  # the copy itself, not only the file it came from
            replace_durably(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    log.info("Basemap %s installed as %s", source, target)
    return _describe(target, bundled=False)


def digest(path: Path) -> str:
    """The SHA-256 of a basemap file (hex): what names an installed copy, and what an office
    remembers having sent to each surveyor."""
    sha = hashlib.sha256()
    with Path(path).open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _installed() -> list[Path]:
    """The installed basemap files, newest data first (then newest installed)."""
    paths = sorted(folder().glob("basemap-*.mbtiles")) if folder().is_dir() else []

    def newest(path: Path) -> tuple[str, float]:
        try:
            return (_metadata_date(path) or "", path.stat().st_mtime)
        except (OSError, sqlite3.Error):
            return ("", 0.0)

    return sorted(paths, key=newest, reverse=True)


def available() -> list[Basemap]:
    """The installed basemaps (newest data first), then the bundled one; a file that no longer
    passes its checks is left out (and logged)."""
    installed = []
    for path in _installed():
        try:
            installed.append(_describe(path, bundled=False))
        except MBTilesError as exc:
            log.warning("Installed basemap %s left out: %s", path, exc)
    return [*installed, _describe(streets.bundled_path(), bundled=True)]


def active() -> Path:
    """The street basemap to draw: the newest installed one that still opens, else the bundled
    one (which the map checks as it opens it, so it is not described here)."""
    for path in _installed():
        try:
            streets.StreetBasemap.open(path).close()
        except MBTilesError as exc:
            log.warning("Installed basemap %s left out: %s", path, exc)
            continue
        return path
    return streets.bundled_path()


def megabytes(size: int) -> int:
    """A basemap's size in whole megabytes (at least 1), as people are told it."""
    return max(1, round(size / 1_000_000))


def offered(role: str) -> Basemap | None:
    """The basemap an office sends its surveyors with its packages: the one it draws, when it
    installed one (the bundled one every computer has already); a surveyor sends none."""
    if role != "office":
        return None
    path = active()
    if path == streets.bundled_path():
        return None
    try:
        return check(path)
    except MBTilesError as exc:
        log.warning("Installed basemap %s not offered: %s", path, exc)
        return None
