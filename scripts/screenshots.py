#!/usr/bin/env python3
"""Take the README's screenshots of the main window, in Vietnamese and in English.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds the demo workspace in a temporary folder (the same seed gives the same content), opens
the window offscreen (no screen needed; QtWebEngine draws the map in software) at 1366×768, the
laptop screen the window is made to fit, selects a camera that has photos, waits for the map
and its streets, and saves ``main_vi.png`` and ``main_en.png``; then the window with the map
given most of it at zoom 17 over Hoàn Kiếm Lake, ``map_streets_vi.png``; then an office that
has received the demo surveyors' packages, for ``office_review_vi.png`` and
``office_dashboard_vi.png`` (each dialog at the size it opens at).
Settings and logs go to the temporary folder too, so the user's own are never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A laptop's screen: what the window is made to fit.
SCREEN_SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    home = tempfile.TemporaryDirectory(prefix="fieldsurvey-shots-")
    os.environ["FIELDSURVEY_HOME"] = home.name
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from fieldsurvey.app import make_window, prepare_web_engine

    prepare_web_engine()
    from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer
    from PySide6.QtWidgets import QApplication

    # The window's layout too (Qt's own settings), never the user's: each shot starts from
    # the window's default layout.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home.name)

    SCREEN = QSize(*SCREEN_SIZE)

    from fieldsurvey.core import settings as user_settings
    from fieldsurvey.core.demo.generator import build_demo
    from fieldsurvey.core.store.workspace import Workspace
    from fieldsurvey.ui.i18n import ensure_vietnamese_font
    from fieldsurvey.ui.map_scheme import register_scheme

    register_scheme()
    app = QApplication([sys.argv[0]])
    app.setOrganizationName("FieldSurvey")
    app.setApplicationName("FieldSurvey")
    ensure_vietnamese_font(app)
    path = Path(home.name) / "demo.sqlite"
    build_demo(path)
    args.out.mkdir(parents=True, exist_ok=True)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_streets(window: object, seconds: float = 60) -> None:
        """Until the map's street layer has drawn everything in view."""
        page = window.map.page()  # type: ignore[attr-defined]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            box: list[str] = []
            page.runJavaScript("FSBoot.streetsState()", 0, box.append)
            while not box and time.monotonic() < deadline:
                wait(50)
            state = json.loads(box[0]) if box and box[0] else {}
            if state.get("present") is False or (state.get("loaded") and state.get("tilesLoaded")):
                return
            wait(200)

    for language in ("vi", "en"):
        workspace = Workspace.open(path, user="demo")
        camera_id = workspace.db.execute(
            "SELECT record_id FROM photo_links WHERE record_table = 'cameras' AND deleted = 0 "
            "GROUP BY record_id ORDER BY count(*) DESC, record_id LIMIT 1"
        ).fetchone()[0]
        window = make_window(workspace, user_settings.Settings(language=language))
        window.resize(SCREEN)
        ready: list[bool] = []
        window.map.ready.connect(lambda *_, seen=ready: seen.append(True))
        window.show()
        deadline = time.monotonic() + 60
        while not ready and time.monotonic() < deadline:
            wait(100)
        window.open_record("cameras", camera_id)
        wait(1500)  # the map centres on the camera and draws its cone
        wait_streets(window)
        wait(1000)  # the basemap's last tiles
        target = args.out / f"main_{language}.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        window.close()
        app.processEvents()
    # The streets under the cameras, at zoom 17 over Hoàn Kiếm Lake.
    workspace = Workspace.open(path, user="demo")
    window = make_window(workspace, user_settings.Settings(language="vi"))
    window.resize(SCREEN)
    # the map given most of the window, as a user does who reads the map
    window.splitter.setSizes([500, 866])
    window.right.setSizes([600, 100])
    ready = []
    window.map.ready.connect(lambda *_, seen=ready: seen.append(True))
    window.show()
    deadline = time.monotonic() + 60
    while not ready and time.monotonic() < deadline:
        wait(100)
    window.map.run("FSBoot.map.setView([21.0287, 105.8524], 17, {animate: false})")
    wait(500)
    wait_streets(window)
    wait(300)
    target = args.out / "map_streets_vi.png"
    window.grab().save(str(target))
    print(f"wrote {target}")
    window.close()
    app.processEvents()
    # The office, after two surveyors' packages arrived.
    from fieldsurvey.core.sync.export import export_package
    from fieldsurvey.core.sync.importing import import_package

    paths = {}
    for role, device in (("office", None), ("surveyor", "s1"), ("surveyor", "s2")):
        paths[device or role] = Path(home.name) / f"{device or role}.sqlite"
        build_demo(paths[device or role], role=role, device=device)
    office = Workspace.open(paths["office"], user="Giám sát viên")
    for name in ("s1", "s2"):
        with Workspace.open(paths[name], user=name) as surveyor:
            package = Path(home.name) / f"{name}.fspkg"
            export_package(surveyor, package, recipient_id=office.device_id)
        import_package(office, package)
    window = make_window(office, user_settings.Settings(language="vi"))
    window.resize(SCREEN)
    window.show()
    wait(1500)
    for name in ("review", "dashboard"):
        dialog = window.open_office(name)
        wait(2500)  # its figures are read on a worker thread
        target = args.out / f"office_{name}_vi.png"
        dialog.grab().save(str(target))
        print(f"wrote {target}")
        dialog.close()
    window.close()
    app.processEvents()
    home.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
