"""What the map page may load: the app's own ``fieldsurvey:`` URL scheme (the page, its scripts,
data files, basemap tiles and glyphs, served from memory and the app's files), and everything
else blocked and counted (the online OSM tiles only when the person switches them on)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from fieldsurvey.core.map import streets
from fieldsurvey.core.map.mbtiles import TileReader, TileSet
from fieldsurvey.core.map.page import (
    SCHEME,
)
from fieldsurvey.core.resources import resource_path

log = logging.getLogger(__name__)

ONLINE_TILE_HOSTS = frozenset({"tile.openstreetmap.org"})
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
_TILE_TYPES = {
    "png": b"image/png",
    "jpg": b"image/jpeg",
    "jpeg": b"image/jpeg",
    "webp": b"image/webp",
}


def register_scheme() -> None:
    """Declare the ``fieldsurvey:`` scheme; must run before the QApplication is created.

    Also lets the page draw with WebGL where Chromium's list of GPUs would refuse it: the street
    basemap needs it, and a laptop without a GPU driver Chromium trusts (software rendering,
    virtual machines, offscreen) is drawn by Mesa's llvmpipe instead of showing no streets
    (checked under Xvfb and offscreen)."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    # Compositing stays in software: with Mesa's llvmpipe under X the GPU compositor hands back
    # no texture and the whole page stays blank; WebGL itself still uses the GPU process.
    for flag in ("--ignore-gpu-blocklist", "--disable-gpu-compositing"):
        if flag not in flags:
            flags.append(flag)
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


class ExternalRequestBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks and counts every request that leaves the app, except online tiles when allowed."""

    def __init__(
        self, parent: QObject | None = None, *, local_schemes: tuple[str, ...] = (SCHEME,)
    ) -> None:
        super().__init__(parent)
        self.allow_online_tiles = False
        self.local_schemes = (*local_schemes, "data", "blob")
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        scheme = url.scheme()
        if scheme in self.local_schemes:
            return
        if self.allow_online_tiles and scheme == "https" and url.host() in ONLINE_TILE_HOSTS:
            return
        self.blocked.append(url.toString())
        info.block(True)


class MapContent(QWebEngineUrlSchemeHandler):
    """Answers every ``fieldsurvey://app/...`` request: the page, assets, data and tiles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page_html = b""
        # path -> (mime, bytes, or a function making them on the first request)
        self.files: dict[str, tuple[bytes, bytes | Callable[[], bytes]]] = {}
        self.tiles: dict[str, tuple[TileReader, TileSet]] = {}
        self.streets: streets.StreetBasemap | None = None
        self.street_style = b""
        self.web_root = resource_path("web").resolve()
        self.font_root = resource_path("fonts").resolve()

    def set_file(self, path: str, mime: bytes, data: bytes | Callable[[], bytes]) -> None:
        self.files[path] = (mime, data)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        path = job.requestUrl().path()
        try:
            answer = self.resolve(path)
        except Exception:  # a bad tile file or the like: this request fails, the map goes on
            log.exception("map request %s failed", path)
            answer = None
        if answer is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime, data = answer
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)

    def resolve(self, path: str) -> tuple[bytes, bytes] | None:
        if path == "/map.html":
            return b"text/html", self.page_html
        if path == "/qwebchannel.js":
            source = QFile(":/qtwebchannel/qwebchannel.js")
            if not source.open(QIODevice.OpenModeFlag.ReadOnly):
                return None
            return b"application/javascript", bytes(source.readAll().data())
        if path in self.files:
            mime, data = self.files[path]
            if callable(data):
                data = data()
                self.files[path] = (mime, data)
            return mime, data
        if path.startswith("/web/"):
            return self._web_file(path[len("/web/") :])
        if path.startswith("/fonts/") and path.endswith(".ttf"):
            return self._web_file(path[len("/fonts/") :], self.font_root)
        if path.startswith("/tiles/"):
            return self._tile(path)
        if path.startswith("/basemap/"):
            return self._street(path[len("/basemap/") :].split("/"))
        return None

    def _street(self, parts: list[str]) -> tuple[bytes, bytes] | None:
        """The street basemap's style, tiles and glyphs. A tile or glyph range the app does not
        have is an empty answer: the renderer draws nothing there and goes on."""
        if parts == ["style.json"] and self.street_style:
            return b"application/json", self.street_style
        if len(parts) == 3 and parts[0] == "glyphs" and parts[2].endswith(".pbf"):
            return b"application/x-protobuf", streets.glyphs(parts[1], parts[2][: -len(".pbf")])
        if len(parts) == 4 and parts[0] == "tiles" and parts[3].endswith(".pbf"):
            numbers = [parts[1], parts[2], parts[3][: -len(".pbf")]]
            if not all(n.isdigit() and len(n) <= 9 for n in numbers) or self.streets is None:
                return None
            z, x, y = (int(n) for n in numbers)
            return b"application/x-protobuf", self.streets.tile(z, x, y)
        return None

    def _web_file(self, relative: str, root: Path | None = None) -> tuple[bytes, bytes] | None:
        root = root or self.web_root
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        types = {
            ".js": b"application/javascript",
            ".css": b"text/css",
            ".png": b"image/png",
            ".svg": b"image/svg+xml",
            ".woff2": b"font/woff2",
            ".woff": b"font/woff",
            ".ttf": b"font/ttf",
        }
        return types.get(target.suffix, b"application/octet-stream"), target.read_bytes()

    def _tile(self, path: str) -> tuple[bytes, bytes] | None:
        parts = path.split("/")
        if len(parts) != 6 or not all(p.isdigit() for p in parts[3:]):
            return None
        entry = self.tiles.get(parts[2])
        if entry is None:
            return None
        reader, tileset = entry
        data = reader.tile(int(parts[3]), int(parts[4]), int(parts[5]))
        if data is None:
            return None
        return _TILE_TYPES.get(tileset.format, b"application/octet-stream"), data


class MapPage(QWebEnginePage):
    """No navigation away from the app, no new windows; links open in the system browser."""

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == SCHEME:
            return True
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in (
            "http",
            "https",
        ):
            QDesktopServices.openUrl(url)
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        return None  # type: ignore[return-value]  # no new windows, ever

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.info("map js %s:%s %s", source, line, message)
