"""The user's options (name, language, recent workspaces), kept in one JSON file per user, and
where the person was in each workspace (``Place``), in a second file beside it.

Paths come from platformdirs; the environment variable FIELDSURVEY_HOME puts everything in one
folder instead (portable use from a USB stick, and tests).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from fieldsurvey.core.files import atomic_write

APP_NAME = "FieldSurvey"
HOME_VARIABLE = "FIELDSURVEY_HOME"
MAX_RECENT = 10
USER_ROLES = ("", "surveyor", "office")
GPS_BAUDS = (4800, 9600, 19200, 38400, 57600, 115200)


def config_dir() -> Path:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    """Files the app can make again (the place index of a basemap)."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, False))


def log_dir() -> Path:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False))


def demo_workspace_path() -> Path:
    """Where the bundled demo workspace is built on first use."""
    return data_dir() / "demo.sqlite"


@dataclass
class Settings:
    """User options. Window geometry is Qt's business and lives apart (QSettings)."""

    user_name: str = ""
    user_unit: str = ""
    # The person's role, asked on the first start: "surveyor" or "office" ("" not said yet); a
    # new workspace is offered with it (a workspace's own role is set when it is created).
    user_role: str = ""
    language: str = "vi"
    recent_workspaces: list[str] = field(default_factory=list)
    # Where "my position" comes from: "" is the operating system's location service; else the
    # serial (USB) port of an NMEA GPS receiver ("COM3", "/dev/ttyUSB0") read at ``gps_baud``.
    gps_port: str = ""
    gps_baud: int = 9600
    # The folder the last sync package was written to (the export dialog offers it again).
    export_folder: str = ""

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent_workspaces = [text, *(p for p in self.recent_workspaces if p != text)][
            :MAX_RECENT
        ]

    @property
    def last_workspace(self) -> Path | None:
        for text in self.recent_workspaces:
            if Path(text).is_file():
                return Path(text)
        return None


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved options; defaults when there is no file or it cannot be read."""
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {k: v for k, v in raw.items() if k in Settings.__dataclass_fields__}
    try:
        settings = Settings(**known)
    except TypeError:
        return Settings()
    if not isinstance(settings.recent_workspaces, list):
        settings.recent_workspaces = []
    settings.recent_workspaces = [str(p) for p in settings.recent_workspaces]
    for name in ("user_name", "user_unit"):
        if not isinstance(getattr(settings, name), str):
            setattr(settings, name, "")
    if settings.user_role not in USER_ROLES:
        settings.user_role = ""
    if not isinstance(settings.export_folder, str) or len(settings.export_folder) > 4096:
        settings.export_folder = ""
    if not isinstance(settings.gps_port, str) or len(settings.gps_port) > 200:
        settings.gps_port = ""
    if settings.gps_baud not in GPS_BAUDS:
        settings.gps_baud = 9600
    return settings


def save_settings(settings: Settings) -> None:
    """Write the options atomically (a crash never leaves half a file)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(asdict(settings), ensure_ascii=False, indent=2))


# -- where the person was in each workspace -------------------------------------------------------
#
# Kept in a file of its own beside the options (not in settings.json, not in the workspace file):
# it is written every few seconds while someone works, so it must neither overwrite the options
# that other screens save (the export folder) with the window's older copy, nor wait behind an
# import or a bulk review holding the workspace's write lock (nor touch a file being backed up).

MAX_PLACES = 20
PLACE_TABLES = ("sites", "cameras", "shortcomings", "needs")
LIST_TABS = ("sites", "cameras")
FILTER_KEYS = ("text", "commune", "category", "condition", "purpose", "review_state")


@dataclass
class Place:
    """Where someone was in one workspace: the record in the editor, the list shown, the lists'
    search text and filters (code or text by name; absent: no filter), each list's order (its
    column and whether descending), and the map's centre and zoom."""

    record: tuple[str, str] | None = None
    tab: str = "sites"
    filters: dict[str, str] = field(default_factory=dict)
    map_view: tuple[float, float, int] | None = None
    sorts: dict[str, tuple[str, bool]] = field(default_factory=dict)


def places_path() -> Path:
    return config_dir() / "places.json"


def _workspace_key(workspace: Path) -> str:
    return str(Path(workspace).resolve())


def _read_places() -> dict[str, object]:
    try:
        raw = json.loads(places_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _number(value: object, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and low <= number <= high else None


def _place(raw: object) -> Place | None:
    """A stored place, with whatever part of it is damaged or hand-edited left out."""
    if not isinstance(raw, dict):
        return None
    place = Place()
    record = raw.get("record")
    if (
        isinstance(record, list)
        and len(record) == 2
        and record[0] in PLACE_TABLES
        and isinstance(record[1], str)
        and 0 < len(record[1]) <= 64
    ):
        place.record = (record[0], record[1])
    if raw.get("tab") in LIST_TABS:
        place.tab = str(raw["tab"])
    filters = raw.get("filters")
    if isinstance(filters, dict):
        place.filters = {
            key: value
            for key, value in filters.items()
            if key in FILTER_KEYS and isinstance(value, str) and 0 < len(value) <= 200
        }
    sorts = raw.get("sorts")
    if isinstance(sorts, dict):
        place.sorts = {
            table: (order[0], order[1])
            for table, order in sorts.items()
            if table in LIST_TABS
            and isinstance(order, list)
            and len(order) == 2
            and isinstance(order[0], str)
            and 0 < len(order[0]) <= 64
            and isinstance(order[1], bool)
        }
    view = raw.get("map_view")
    if isinstance(view, list) and len(view) == 3:
        lat, lon, zoom = _number(view[0], -90, 90), _number(view[1], -180, 180), view[2]
        if lat is not None and lon is not None and _number(zoom, 0, 30) is not None:
            place.map_view = (lat, lon, int(zoom))
    return place


def load_place(workspace: Path) -> Place | None:
    """Where the person was in this workspace file when it was last shown; None: never shown
    (or nothing readable kept)."""
    return _place(_read_places().get(_workspace_key(workspace)))


def save_place(workspace: Path, place: Place) -> None:
    """Keep where the person is in this workspace file (the latest ``MAX_PLACES`` files are
    kept). The file is read again first: another window's workspaces stay."""
    places = _read_places()
    key = _workspace_key(workspace)
    places.pop(key, None)
    places[key] = asdict(place)
    kept = dict(list(places.items())[-MAX_PLACES:])
    path = places_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(kept, ensure_ascii=False, indent=1))


def forget_place(workspace: Path) -> None:
    """Start this workspace file afresh next time (the demo put back as shipped)."""
    places = _read_places()
    if places.pop(_workspace_key(workspace), None) is not None:
        path = places_path()
        atomic_write(path, json.dumps(places, ensure_ascii=False, indent=1))
