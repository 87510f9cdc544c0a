"""Start the desktop app; the only place a QApplication is made.

Stages, in order: exception hook → folders and logging → user settings → workspace (the last one
used, or the demo, built on first run) → Qt application → main window → event loop.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from fieldsurvey import __version__
from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.files import private_folder
from fieldsurvey.core.store.workspace import Workspace

if TYPE_CHECKING:
    from fieldsurvey.ui.main_window import MainWindow

# Qt's and Chromium's chatter, kept in the log file (at debug level) for whoever investigates.
qt_log = logging.getLogger("fieldsurvey.qt")
qt_log.setLevel(logging.DEBUG)
log = logging.getLogger("fieldsurvey")


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug of ours: log it and show it with a report to copy (what was saved stays saved)."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("Unhandled error\n%s", text)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        sys.__excepthook__(kind, value, tb)
        return
    report = (
        f"FieldSurvey {__version__} · Python {sys.version.split()[0]} · {sys.platform}\n"
        f"Log: {user_settings.log_dir() / 'fieldsurvey.log'}\n\n{text}"
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "FieldSurvey",
        QApplication.translate(
            "app",
            "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.\n"
            "Hãy bấm “Sao chép báo cáo” và gửi cho bộ phận hỗ trợ; chi tiết có trong tệp nhật ký.",
        ),
    )
    box.setDetailedText(report)
    copy = box.addButton(
        QApplication.translate("app", "Sao chép báo cáo"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
    box.exec()


def setup_logging() -> Path | None:
    """Log to the platform's log folder (refused packages, errors), not to the terminal."""
    folder = user_settings.log_dir()
    path = folder / "fieldsurvey.log"
    try:
        private_folder(folder)
        path.touch(mode=0o600)
        path.chmod(0o600)
    except OSError:  # no writable log folder: carry on without a log file
        logging.getLogger("fieldsurvey").addHandler(logging.NullHandler())
        return None
    logging.basicConfig(
        filename=path,
        level=logging.INFO,
        encoding="utf-8",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return path


def open_start_workspace(
    settings: user_settings.Settings, requested: Path | None = None
) -> Workspace:
    """The workspace to start on: the one asked for, the last one used, else the demo."""
    candidates = [p for p in (requested, settings.last_workspace) if p is not None]
    for path in candidates:
        try:
            return Workspace.open(path, user=settings.user_name or None)
        except FieldSurveyError as exc:
            if path == requested:
                raise
            log.warning("Cannot reopen %s: %s", path, exc)
    demo = user_settings.demo_workspace_path()
    if not demo.exists():
        demo.parent.mkdir(parents=True, exist_ok=True)
        build_demo(demo)
    return Workspace.open(demo, user=settings.user_name or None)


def prepare_web_engine() -> None:
    """Before QtWebEngine starts: no sandbox as root (it cannot run there); Chromium's own
    logging only for fatal errors (its GPU, Vulkan and D-Bus complaints on machines without a
    GPU driver or a system bus are not the user's business; a ``--log-level`` given in
    QTWEBENGINE_CHROMIUM_FLAGS wins); Qt's messages into the log file."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        flags.append("--no-sandbox")
    if not any(flag.startswith("--log-level") for flag in flags):
        flags.append("--log-level=3")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must be loaded before the QApplication)


def _qt_message(kind: Any, context: Any, message: str) -> None:
    """Qt's warnings (no Vulkan, no window-manager hints, software rendering) to the log file at
    debug level; its critical and fatal messages at warning and error."""
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtCriticalMsg: logging.WARNING,
        QtMsgType.QtFatalMsg: logging.ERROR,
    }.get(kind, logging.DEBUG)
    qt_log.log(level, "%s", message)


def make_window(workspace: Workspace, settings: user_settings.Settings) -> MainWindow:
    """The main window, remembering each workspace it opens and rebuilt in a new language."""
    from PySide6.QtWidgets import QApplication

    from fieldsurvey.ui.i18n import install_language
    from fieldsurvey.ui.main_window import MainWindow

    app = QApplication.instance()
    assert app is not None
    install_language(app, settings.language)
    window = MainWindow(workspace, settings=settings)

    def remember(path: str) -> None:
        settings.remember(Path(path))
        user_settings.save_settings(settings)

    def switch(language: str) -> None:
        settings.language = language
        user_settings.save_settings(settings)
        window.release()
        fresh = make_window(window.workspace, settings)
        fresh.show()
        window.hide()
        window.deleteLater()
        app.setProperty("main_window", fresh)

    window.workspace_changed.connect(remember)
    window.language_change_requested.connect(switch)
    remember(str(workspace.path))
    app.setProperty("main_window", window)
    return window


def run_app(argv: list[str], workspace_path: Path | None = None) -> int:
    sys.excepthook = _excepthook
    setup_logging()
    log.info("FieldSurvey %s starting", __version__)
    settings = user_settings.load_settings()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fieldsurvey.ui.compact import show_on_screen
    from fieldsurvey.ui.i18n import ensure_vietnamese_font
    from fieldsurvey.ui.map_scheme import register_scheme

    prepare_web_engine()
    register_scheme()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("FieldSurvey")
    app.setOrganizationName("FieldSurvey")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("fieldsurvey")  # the location service asks which app wants it
    ensure_vietnamese_font(app)
    try:
        workspace = open_start_workspace(settings, workspace_path)
    except FieldSurveyError as exc:
        QMessageBox.critical(None, "FieldSurvey", str(exc))
        return 1
    window = make_window(workspace, settings)
    show_on_screen(window)  # maximised on a screen smaller than the window
    QTimer.singleShot(0, window.ask_who_on_first_start)
    return app.exec()


def run_selftest(timeout_s: float = 120.0) -> dict[str, object]:
    """Start the app headless on a temporary copy of the demo workspace and use it: load the map
    and its street basemap, create a camera with a photo through the window, close, reopen and
    find them again.

    Returns what was checked and how long each step took; ``ok`` is True only if all passed.
    """
    import tempfile
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    prepare_web_engine()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from fieldsurvey.core.photos.store import PhotoStore, linked_photos
    from fieldsurvey.core.store.db import photo_folder
    from fieldsurvey.ui.map_scheme import register_scheme

    register_scheme()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    report: dict[str, object] = {"ok": False}
    steps: dict[str, float] = {}
    checks: dict[str, bool] = {}

    def wait_for(signal, seconds: float = timeout_s) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        got: list[tuple[object, ...]] = []

        def receive(*args: object) -> None:
            got.append(args)
            loop.quit()

        signal.connect(receive)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        signal.disconnect(receive)
        return got

    def timed(name: str, start: float) -> None:
        steps[name] = round((time.perf_counter() - start) * 1000, 1)

    with tempfile.TemporaryDirectory(prefix="fieldsurvey-selftest-") as tmp:
        start = time.perf_counter()
        path = Path(tmp) / "demo.sqlite"
        build_demo(path)
        timed("demo_ms", start)
        settings = user_settings.Settings(user_name="selftest")
        workspace = Workspace.open(path, user="selftest")
        cameras = int(
            workspace.db.execute(
                "SELECT count(*) FROM cameras WHERE deleted = 0 AND lat IS NOT NULL"
            ).fetchone()[0]
        )
        start = time.perf_counter()
        window = make_window(workspace, settings)
        ready = []
        window.map.ready.connect(lambda drawn, ms: ready.append((drawn, ms)))
        window.show()
        if not ready:
            wait_for(window.map.ready)
        timed("window_and_map_ms", start)
        loaded = len(window.map.layer.ids)
        checks["map_loaded"] = bool(ready) and loaded == cameras
        # The street basemap under the cameras, at the window's start view.
        start = time.perf_counter()
        if window.map.streets_tiles is None:
            wait_for(window.map.streets_ready, min(timeout_s, 60.0))
        timed("streets_ms", start)
        street_tiles = window.map.streets_tiles or 0
        checks["basemap_drawn"] = street_tiles > 0
        checks["no_external_requests"] = not window.map.blocker.blocked

        # A camera with a photo, made the way a surveyor makes it: at a site, through the editor.
        start = time.perf_counter()
        site_id = str(workspace.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0])
        window.open_record("sites", site_id)
        camera_id = window.add_here("cameras")
        editor = window.editor
        name_widget = editor.widgets["name"]
        name_widget.set_value("Selftest camera")
        editor.on_edited("name")
        editor.flush()
        timed("create_camera_ms", start)
        sha = str(workspace.db.execute("SELECT sha256 FROM photos LIMIT 1").fetchone()[0])
        original = PhotoStore(photo_folder(path)).find_original(sha)
        photo = Path(tmp) / "selftest.jpg"
        if original is not None:  # a new photo (new bytes), with the demo photo's EXIF
            from PIL import Image

            with Image.open(original) as picture:
                picture.save(photo, quality=80, exif=picture.info.get("exif", b""))
        start = time.perf_counter()
        added = editor.photos.add_files([photo])
        results = wait_for(editor.photos.ingested) if added else []
        timed("add_photo_ms", start)
        batch = results[0][2] if results else []
        checks["photo_added"] = isinstance(batch, list) and any(r.photo_id for r in batch)
        start = time.perf_counter()
        window.close()
        app.processEvents()
        with Workspace.open(path) as again:
            camera = again.get("cameras", camera_id) if camera_id else {}
            photos = linked_photos(again, "cameras", camera_id) if camera_id else []
            checks["camera_reopened"] = camera.get("name") == "Selftest camera"
            checks["photo_reopened"] = len(photos) == 1 and photos[0]["thumbnail"] is not None
        timed("close_and_reopen_ms", start)
        report.update(
            {
                "map_ready_ms": round(ready[0][1], 1) if ready else None,
                "cameras_drawn": loaded if ready else 0,
                "cameras_in_workspace": cameras,
                "basemap_tiles_drawn": street_tiles,
                "basemap_ready_ms": (
                    round(window.map.streets_ms, 1) if window.map.streets_ms is not None else None
                ),
                "external_requests": len(window.map.blocker.blocked),
                "checks": checks,
                "steps": steps,
            }
        )
        report["ok"] = all(checks.values())
    return report
