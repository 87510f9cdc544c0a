"""Leave out of the Windows installation the parts of Qt the app never loads.

    python installers/windows/prune_qt.py APP_DIR

The PySide6 wheels carry every Qt module (3D, multimedia with FFmpeg, QML tooling, …). The app
imports the modules in MODULES (the set PyInstaller's analysis collects for the Linux build);
their .pyd files, QtWebEngineProcess.exe and the plugin folders of PLUGINS are kept with every
DLL they import, followed through the DLLs' own imports (read with pefile). Every other PySide6
module and plugin folder goes, and so does every Qt (or FFmpeg) DLL nothing kept imports: as the
Linux spec prunes, and as PyInstaller's Qt hooks choose plugins for a frozen build.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pefile

# The PySide6 modules the app imports, and those they import in turn.
MODULES = {
    "QtCharts", "QtCore", "QtDBus", "QtGui", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuickWidgets", "QtSerialPort",
    "QtSvg", "QtWebChannel", "QtWebEngineCore", "QtWebEngineWidgets", "QtWidgets",
}  # fmt: skip
# Plugins of those modules: the window system, styles, images, icons, input, network, position.
PLUGINS = {
    "generic", "iconengines", "imageformats", "networkinformation", "platforminputcontexts",
    "platforms", "platformthemes", "position", "printsupport", "styles", "tls",
}  # fmt: skip
# Libraries that are only ever loaded through another's import table.
PRUNABLE = ("qt6", "avcodec", "avformat", "avutil", "swresample", "swscale")


def imports(path: Path) -> set[str]:
    pe = pefile.PE(str(path), fast_load=True)
    pe.parse_data_directories(
        directories=[
            pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
            pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"],
        ]
    )
    names = set()
    for attribute in ("DIRECTORY_ENTRY_IMPORT", "DIRECTORY_ENTRY_DELAY_IMPORT"):
        for entry in getattr(pe, attribute, []):
            names.add(entry.dll.decode("ascii", "replace").lower())
    pe.close()
    return names


def main() -> int:
    app = Path(sys.argv[1])
    pyside = app / "PySide6"
    before = sum(p.stat().st_size for p in pyside.rglob("*") if p.is_file())
    for folder in (pyside / "plugins").iterdir():
        if folder.is_dir() and folder.name not in PLUGINS:
            shutil.rmtree(folder)
    for module in pyside.glob("*.pyd"):
        if module.name.split(".")[0] not in MODULES:
            module.unlink()
    dlls = {p.name.lower(): p for p in pyside.glob("*.dll")}
    roots = [
        *pyside.glob("*.pyd"),
        pyside / "QtWebEngineProcess.exe",
        *(pyside / "plugins").rglob("*.dll"),
        *(app / "shiboken6").glob("*.pyd"),
    ]
    needed: set[str] = set()
    queue = list(roots)
    while queue:
        for name in imports(queue.pop()):
            if name in dlls and name not in needed:
                needed.add(name)
                queue.append(dlls[name])
    for name, path in dlls.items():
        # Only Qt's own libraries and FFmpeg (multimedia's): other DLLs may be loaded by name at
        # run time (opengl32sw.dll, Qt's software OpenGL; d3dcompiler_47.dll), and stay.
        if name not in needed and name.startswith(PRUNABLE):
            path.unlink()
    after = sum(p.stat().st_size for p in pyside.rglob("*") if p.is_file())
    print(f"PySide6: {before // 2**20} MiB → {after // 2**20} MiB ({len(needed)} DLLs kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
