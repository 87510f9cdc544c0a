"""The offline map: a QtWebEngine page served entirely from the ``fieldsurvey:`` URL scheme, with
every other request blocked and counted, and one QWebChannel object carrying clicks to Python."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from fieldsurvey.core import reference
from fieldsurvey.core.map import basemaps, streets
from fieldsurvey.core.map import layers as mapdata
from fieldsurvey.core.map.mbtiles import MBTilesError, TileReader, TileSet
from fieldsurvey.core.map.page import (
    ORIGIN,
    SCHEME,
    STREET_SCRIPTS,
    STREET_WORKER,
    build_map_page,
    script_json,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background
from fieldsurvey.ui.map_scheme import (
    OSM_ATTRIBUTION,
    ExternalRequestBlocker,
    MapContent,
    MapPage,
)
from fieldsurvey.ui.values import shown_decimal

log = logging.getLogger(__name__)

_MODES = ("select", "place", "direction")


def _finite(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        return None
    return number


class MapBridge(QObject):
    """The one object the page can call. Everything it receives is checked before use."""

    camera_clicked = Signal(int)
    """Emitted with the index (in the camera layer) of the camera the user clicked."""
    place_picked = Signal(float, float)
    """Emitted with (lat, lon) of the place marker when the person confirms it."""
    place_too_coarse = Signal(int)
    """Emitted with the zoom of a click in place mode below street zoom."""
    place_cancelled = Signal()
    direction_dragged = Signal(int, float, bool)
    """Emitted with (camera index, bearing in degrees, whether the drag ended)."""
    record_clicked = Signal(str, str)
    """Emitted with (table, id) of a need or shortcoming clicked on the map."""
    map_ready = Signal(int, float)
    """Emitted with (cameras drawn, milliseconds from data request to first draw)."""
    streets_drawn = Signal(int, float, float)
    """Emitted with (street basemap tiles drawn, milliseconds from the page's start to the
    first street drawn, and to everything in view drawn) once the street basemap is complete."""
    streets_failed = Signal(str)
    """Emitted with why the page cannot draw the street basemap ("webgl": no WebGL)."""
    page_error = Signal(str)
    """Emitted with a message the page reported (a failed fetch, bad data)."""
    request_blocked = Signal(str)
    """Emitted with the address of a request the page's security policy stopped."""
    view_moved = Signal(float, float, int)
    """Emitted with (lat, lon, zoom) of the map's centre after each move of the view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera_count = 0
        self.rejected = 0

    @Slot(str, result=str)
    def command(self, text: str) -> str:
        try:
            message = json.loads(text) if isinstance(text, str) and len(text) < 10_000 else None
        except ValueError:
            message = None
        if not isinstance(message, dict) or not self._dispatch(message):
            self.rejected += 1
            return json.dumps({"ok": False})
        return json.dumps({"ok": True})

    def _index(self, value: Any) -> int | None:
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (0 <= value < self.camera_count)
        ):
            return value
        return None

    def _dispatch(self, message: dict[str, Any]) -> bool:
        cmd = message.get("cmd")
        if cmd == "click":
            if message.get("index") == -1:  # a click on no camera
                return True
            index = self._index(message.get("index"))
            if index is None:
                return False
            self.camera_clicked.emit(index)
        elif cmd == "place":
            lat = _finite(message.get("lat"), -90, 90)
            lon = _finite(message.get("lon"), -180, 180)
            if lat is None or lon is None:
                return False
            self.place_picked.emit(lat, lon)
        elif cmd == "place_zoom":
            zoom = _finite(message.get("zoom"), 0, 30)
            if zoom is None:
                return False
            self.place_too_coarse.emit(int(zoom))
        elif cmd == "place_cancel":
            self.place_cancelled.emit()
        elif cmd == "direction":
            index = self._index(message.get("index"))
            bearing = _finite(message.get("bearing"), 0, 360)
            final = message.get("final")
            if index is None or bearing is None or not isinstance(final, bool):
                return False
            self.direction_dragged.emit(index, bearing % 360, final)
        elif cmd == "record":
            table, record_id = message.get("table"), message.get("id")
            if (
                table not in ("sites", "needs", "shortcomings")
                or not isinstance(record_id, str)
                or len(record_id) > 64
            ):
                return False
            self.record_clicked.emit(table, record_id)
        elif cmd == "view":
            lat = _finite(message.get("lat"), -90, 90)
            lon = _finite(message.get("lon"), -180, 180)
            zoom = _finite(message.get("zoom"), 0, 30)
            if lat is None or lon is None or zoom is None:
                return False
            self.view_moved.emit(lat, lon, round(zoom))
        elif cmd == "ready":
            drawn = message.get("drawn")
            ms = _finite(message.get("ms"), 0, 1e9)
            if not isinstance(drawn, int) or isinstance(drawn, bool) or ms is None:
                return False
            self.map_ready.emit(drawn, ms)
        elif cmd == "streets":
            tiles = message.get("tiles")
            first = _finite(message.get("first"), 0, 1e9)
            ms = _finite(message.get("ms"), 0, 1e9)
            if not isinstance(tiles, int) or isinstance(tiles, bool) or first is None or ms is None:
                return False
            self.streets_drawn.emit(tiles, first, ms)
        elif cmd == "streets-failed":
            reason = message.get("reason")
            if reason not in ("webgl", "script"):
                return False
            self.streets_failed.emit(reason)
        elif cmd == "blocked":
            self.request_blocked.emit(str(message.get("url", ""))[:500])
        elif cmd == "error":
            self.page_error.emit(str(message.get("message", ""))[:500])
        else:
            return False
        return True


class MapView(QWebEngineView):
    """The map widget: cameras of a workspace, boundaries, needs and shortcomings, basemaps."""

    camera_selected = Signal(str)
    """Emitted with the id of a camera the user clicked on the map."""
    location_picked = Signal(float, float)
    """Emitted with (lat, lon) of the place marker when the person confirms it."""
    place_too_coarse = Signal(int)
    """Emitted with the zoom of a click in place mode below street zoom (nothing placed)."""
    place_cancelled = Signal()
    """Emitted when the person cancels placing in the marker's popup."""
    direction_set = Signal(str, float, bool)
    """Emitted with (camera id, bearing, whether the drag ended) in direction mode."""
    record_selected = Signal(str, str)
    """Emitted with (table, id) of a need or shortcoming clicked on the map."""
    ready = Signal(int, float)
    """Emitted when the cameras are drawn: (cameras drawn, milliseconds)."""
    streets_ready = Signal(int, float)
    """Emitted when the street basemap first drew all it has in view: (tiles drawn,
    milliseconds since the page started); ``streets_first_ms`` says when its first street was
    drawn."""
    problem = Signal(str)
    """Emitted with a message for the user (a page error, a refused basemap file)."""
    view_changed = Signal()
    """The map was moved or zoomed: ``view`` says where it is now."""

    def __init__(self, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        # Off the record: nothing written to disk. Owned by the application, because a profile
        # must outlive its pages and a widget deletes its children in creation order.
        self.profile = QWebEngineProfile(QApplication.instance())
        self.released = False  # shutdown() has let go of the page and the profile
        self.content = MapContent(self.profile)
        self.blocker = ExternalRequestBlocker(self.profile)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.content)
        self.profile.setUrlRequestInterceptor(self.blocker)
        page = MapPage(self.profile, self)
        settings = page.settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(page)
        self.channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self.channel)
        self.setPage(page)
        self.layer = mapdata.CameraLayer((), b"")
        self._filter: set[str] | None = None
        self._masks = 0
        self.drawn = 0
        self.ready_ms: float | None = None
        self._waiting: list[str] = []
        self._version = 0
        self._tileset_count = 0
        self._streets_chosen = False
        self.streets_tiles: int | None = None
        self.streets_ms: float | None = None
        self.streets_first_ms: float | None = None
        self.start_view: tuple[float, float, int] | None = None
        """(lat, lon, zoom) the next page opens on; None: the city at zoom 12."""
        self.view: tuple[float, float, int] | None = None
        """(lat, lon, zoom) of the map's centre as the page last told it; None: not yet."""
        self.bridge.camera_clicked.connect(self.on_camera_clicked)
        self.bridge.direction_dragged.connect(self.on_direction_dragged)
        self.bridge.place_picked.connect(self.location_picked)
        self.bridge.place_too_coarse.connect(self.place_too_coarse)
        self.bridge.place_cancelled.connect(self.place_cancelled)
        self.bridge.record_clicked.connect(self.record_selected)
        self.bridge.map_ready.connect(self.on_map_ready)
        self.bridge.page_error.connect(self.problem)
        self.bridge.request_blocked.connect(self.blocker.blocked.append)
        self.bridge.streets_drawn.connect(self.on_streets_drawn)
        self.bridge.streets_failed.connect(self.on_streets_failed)
        self.bridge.view_moved.connect(self.on_view_moved)

    # -- loading -------------------------------------------------------------------------------

    def show_workspace(self, workspace: Workspace) -> None:
        """Load the map page with this workspace's cameras, needs and shortcomings."""
        if not self._streets_chosen:
            try:
                self.set_street_basemap(basemaps.active())
            except MBTilesError as exc:  # the bundled file damaged or replaced: no streets
                log.warning("street basemap refused: %s", exc)
                self._streets_chosen = True  # said once, not at every reload
                self.problem.emit(exc.text(self.lang))
        db = workspace.db
        self.content.set_file(
            "/data/communes.geojson",
            b"application/json",
            json.dumps(mapdata.boundaries(reference.COMMUNE)).encode(),
        )
        self.content.set_file(
            "/data/districts.geojson",
            b"application/json",
            lambda: json.dumps(mapdata.boundaries(reference.DISTRICT)).encode(),
        )
        self.content.set_file(
            "/data/provinces.geojson", b"application/json", json.dumps(mapdata.provinces()).encode()
        )
        self.content.set_file(
            "/data/sites.geojson",
            b"application/json",
            lambda: json.dumps(mapdata.sites_layer(db)).encode(),
        )
        self._set_plan_file(workspace)
        for table in ("needs", "shortcomings"):
            self.content.set_file(
                f"/data/{table}.geojson",
                b"application/json",
                lambda t=table: json.dumps(mapdata.point_layer(db, t)).encode(),  # type: ignore[misc]
            )
        self.layer = mapdata.CameraLayer((), b"")
        self._read_cameras(workspace, lambda url: self._load_page(url))

    def streets_label(self) -> str:
        """The street layer's name in the layer menu: what the file is, its date and size."""
        basemap = self.content.streets
        if basemap is None:
            return self.tr("Đường phố")
        tileset = basemap.tileset
        size_mb = tileset.path.stat().st_size / (1024 * 1024)
        return self.tr("Đường phố: {0} ({1} MB, mức {2}–{3})").format(
            tileset.name or tileset.path.name,
            shown_decimal(size_mb, 1),
            tileset.min_zoom,
            tileset.max_zoom,
        )

    def set_street_basemap(self, path: Path | None) -> streets.StreetBasemap | None:
        """Draw the streets of this basemap file (OpenMapTiles vector MBTiles; None: no streets)
        from the next page load. Raises ``MBTilesError`` with a message for the user when the
        file cannot be used; the basemap in use then stays."""
        basemap = streets.StreetBasemap.open(path) if path is not None else None
        old = self.content.streets
        self.content.streets = basemap
        self.content.street_style = (
            json.dumps(basemap.style(ORIGIN), ensure_ascii=False).encode() if basemap else b""
        )
        self._streets_chosen = True
        if old is not None:
            old.close()
        return basemap

    def _load_page(self, cameras_url: str) -> None:
        labels = {
            "communes": self.tr("Xã, phường (2025)"),
            "districts": self.tr("Quận, huyện (trước 2025)"),
            "needs": self.tr("Nhu cầu lắp đặt"),
            "shortcomings": self.tr("Tồn tại, hạn chế"),
            "plan": self.tr("Phương án tổng thể"),
            "sites": self.tr("Địa điểm"),
            "placeHere": self.tr("Đặt ở đây:"),
            "placeSave": self.tr("Lưu vị trí"),
            "placeCancel": self.tr("Hủy"),
            "placeDrag": self.tr("Kéo để chỉnh vị trí"),
            "streets": self.streets_label(),
        }
        # Drawn at the national view over the bundled provinces.
        sea_labels = [
            {"text": self.tr("Quần đảo Hoàng Sa (TP. Đà Nẵng)"), "lat": 17.3, "lon": 112.1},
            {"text": self.tr("Quần đảo Trường Sa (tỉnh Khánh Hòa)"), "lat": 9.6, "lon": 114.3},
            {"text": self.tr("Biển Đông"), "lat": 13.6, "lon": 113.6},
        ]
        street_config = (
            {
                "styleUrl": f"{ORIGIN}/basemap/style.json",
                "scripts": list(STREET_SCRIPTS),
                "workerUrl": STREET_WORKER,
            }
            if self.content.streets is not None
            else None
        )
        config: dict[str, Any] = {
            "camerasUrl": cameras_url,
            "communesUrl": f"{ORIGIN}/data/communes.geojson",
            "districtsUrl": f"{ORIGIN}/data/districts.geojson",
            "provincesUrl": f"{ORIGIN}/data/provinces.geojson",
            "sitesUrl": f"{ORIGIN}/data/sites.geojson",
            "needsUrl": f"{ORIGIN}/data/needs.geojson",
            "shortcomingsUrl": f"{ORIGIN}/data/shortcomings.geojson",
            "planUrl": f"{ORIGIN}/data/plan.geojson",
            "legend": mapdata.legend(self.lang),
            "labels": labels,
            "seaLabels": sea_labels,
            "streets": street_config,
            "fontUrl": f"{ORIGIN}/fonts/DejaVuSans.ttf",
        }
        if self.start_view is not None:
            config["view"] = list(self.start_view)
        self.content.page_html = build_map_page(config).encode()
        self.drawn = 0
        self.ready_ms = None
        self.streets_tiles = None
        self.streets_ms = None
        self.streets_first_ms = None
        self._waiting = []
        self.load(QUrl(f"{ORIGIN}/map.html"))

    def _read_cameras(self, workspace: Workspace, then: Callable[[str], None]) -> None:
        """Read the camera layer on a worker thread (seconds at city scale), then serve it and
        call ``then`` with its URL; a newer read makes an older one's result void."""
        self._version += 1
        version, path = self._version, workspace.path

        def done(layer: mapdata.CameraLayer) -> None:
            if version != self._version:
                return
            self.layer = layer
            self.bridge.camera_count = len(layer.ids)
            url = f"/data/cameras-{version}.bin"
            self.content.files = {
                k: v for k, v in self.content.files.items() if not k.startswith("/data/cameras-")
            }
            self.content.set_file(url, b"application/octet-stream", layer.payload)
            then(ORIGIN + url)
            if self._filter is not None:  # the list's filter, on the new layer
                self.set_filter(self._filter)

        read_in_background(
            self, path, mapdata.camera_layer, done, lambda exc: self.problem.emit(str(exc))
        )

    def reload_cameras(self, workspace: Workspace) -> None:
        """Redraw the cameras after the workspace changed (the page stays, with its view), and
        the plan's layer if it is shown."""
        self._read_cameras(workspace, lambda url: self.run(f"FS.loadCameras({script_json(url)})"))
        self._set_plan_file(workspace)
        self.run('FSBoot.refreshOverlay("plan")')

    def _set_plan_file(self, workspace: Workspace) -> None:
        """The plan's layer, read when the page asks for it (again after each change)."""
        self.content.set_file(
            "/data/plan.geojson",
            b"application/json",
            lambda: json.dumps(mapdata.plan_layer(workspace.db)).encode(),
        )

    def run(self, script: str) -> None:
        """Run a command in the page; held until the page's layer is ready if it is not yet."""
        if self.ready_ms is None:
            self._waiting.append(script)
            return
        self.page().runJavaScript(script, 0)

    # -- what Python asks of the page ----------------------------------------------------------

    def set_filter(self, camera_ids: set[str] | None) -> None:
        """Show only these cameras (None: all) — the list's filter, applied to the map."""
        self._filter = camera_ids
        if camera_ids is None:
            self.run("FS.clearMask()")
            return
        self._masks += 1
        path = f"/data/mask-{self._masks}.bin"
        self.content.files = {
            k: v for k, v in self.content.files.items() if not k.startswith("/data/mask-")
        }
        self.content.set_file(
            path, b"application/octet-stream", mapdata.mask(self.layer, camera_ids)
        )
        self.run(f"FS.setMask({script_json(ORIGIN + path)})")

    def select_camera(self, camera_id: str | None, *, centre: bool = False) -> None:
        index = -1 if camera_id is None else self.layer.index_of(camera_id)
        self.run(f"FS.select({index})")
        if centre and index >= 0:
            self.run(f"FS.centerOn({index}, 17)")

    def set_mode(self, mode: str) -> None:
        if mode not in _MODES:
            raise ValueError(mode)
        self.run(f"FS.setMode({script_json(mode)})")

    def set_colour_mode(self, mode: str) -> None:
        if mode not in ("condition", "purpose"):
            raise ValueError(mode)
        self.run(f"FS.setColourMode({script_json(mode)})")

    def show_info(self, text: str) -> None:
        """Text in a box on the map (user text is shown literally, never as HTML)."""
        self.run(f"FSBoot.showInfo({script_json(text)})")

    def show_position(self, lat: float, lon: float, accuracy_m: float, *, centre: bool) -> None:
        """The laptop's position and its accuracy circle (``centre``: bring it on screen)."""
        self.run(
            f"FSBoot.showPosition({float(lat)!r}, {float(lon)!r}, {float(accuracy_m)!r}, "
            f"{'true' if centre else 'false'})"
        )

    def hide_position(self) -> None:
        self.run("FSBoot.hidePosition()")

    def set_view(self, lat: float, lon: float, zoom: int) -> None:
        """Centre the map on a point at exactly this zoom (where it was left last time)."""
        self.run(f"FSBoot.setView({float(lat)!r}, {float(lon)!r}, {int(zoom)})")

    def fly_to(self, lat: float, lon: float, zoom: int = 17) -> None:
        """Centre the map on a point, at ``zoom`` at least."""
        self.run(f"FSBoot.flyTo({float(lat)!r}, {float(lon)!r}, {int(zoom)})")

    def set_online_tiles(self, on: bool) -> None:
        """OpenStreetMap tiles from the internet: only when the user switches them on. Their
        names are OpenStreetMap's, not the official ones: the attribution says so."""
        self.blocker.allow_online_tiles = on
        note = self.tr("tên trên ảnh nền trực tuyến là của OSM, không phải tên chính thức")
        attribution = f"{OSM_ATTRIBUTION} — {note}"
        self.run(f"FSBoot.setOnline({'true' if on else 'false'}, {script_json(attribution)})")

    def add_mbtiles(self, path: Path) -> TileSet:
        """Add a raster MBTiles basemap; raises MBTilesError with a message for the user."""
        reader = TileReader.open(path)
        tileset = reader.tileset
        self._tileset_count += 1
        key = f"t{self._tileset_count}"
        self.content.tiles[key] = (reader, tileset)
        spec = {
            "id": key,
            "url": f"{ORIGIN}/tiles/{key}/{{z}}/{{x}}/{{y}}",
            "minZoom": tileset.min_zoom,
            "maxZoom": tileset.max_zoom,
            "bounds": list(tileset.bounds) if tileset.bounds else None,
            "attribution": tileset.attribution or "",
            "name": tileset.name or path.name,
        }
        self.run(f"FSBoot.addTiles({script_json(spec)})")
        return tileset

    # -- what the page tells Python --------------------------------------------------------------

    def on_camera_clicked(self, index: int) -> None:
        self.camera_selected.emit(self.layer.ids[index])

    def on_direction_dragged(self, index: int, bearing: float, final: bool) -> None:
        self.direction_set.emit(self.layer.ids[index], bearing, final)

    def on_view_moved(self, lat: float, lon: float, zoom: int) -> None:
        self.view = (lat, lon, zoom)
        self.view_changed.emit()

    def on_map_ready(self, drawn: int, ms: float) -> None:
        self.drawn = drawn
        first = self.ready_ms is None
        self.ready_ms = ms
        if first:
            waiting, self._waiting = self._waiting, []
            for script in waiting:
                self.page().runJavaScript(script, 0)
        self.ready.emit(drawn, ms)

    def on_streets_drawn(self, tiles: int, first_ms: float, ms: float) -> None:
        self.streets_tiles = tiles
        self.streets_first_ms = first_ms
        self.streets_ms = ms
        self.streets_ready.emit(tiles, ms)

    def on_streets_failed(self, reason: str) -> None:
        log.warning("street basemap not drawn: %s", reason)
        if reason == "webgl":
            self.problem.emit(
                self.tr(
                    "Máy này không vẽ được bản đồ đường phố (trình duyệt của ứng dụng không có "
                    "WebGL); bản đồ vẫn hiện ranh giới xã, phường và camera."
                )
            )
        else:
            self.problem.emit(self.tr("Không tải được phần vẽ bản đồ đường phố."))

    def shutdown(self) -> None:
        """Release the page, then its profile (a profile must outlive its pages), and the
        street basemap's file (requests still in flight then get empty tiles)."""
        if self.released:
            return
        self.released = True
        if self.content.streets is not None:
            self.content.streets.close()
        page = self.page()
        if page is not None and page.profile() is self.profile:
            page.destroyed.connect(self.profile.deleteLater)
            page.deleteLater()

    def renderer_memory_mb(self) -> float | None:
        """Resident memory of the page's renderer process (Linux), for the benchmark."""
        pid = self.page().renderProcessPid()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return None
