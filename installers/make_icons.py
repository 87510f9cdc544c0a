"""Render installers/linux/fieldsurvey.svg to the PNG sizes a Linux desktop looks for and to the
Windows .ico; run it after changing the SVG and commit what it writes:

    .venv/bin/python installers/make_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "linux" / "fieldsurvey.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SVG))
    pngs = {size: render(renderer, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        (HERE / "linux" / f"fieldsurvey-{size}.png").write_bytes(data)
    largest = Image.open(io.BytesIO(pngs[256]))
    largest.save(HERE / "windows" / "fieldsurvey.ico", sizes=[(s, s) for s in ICO_SIZES])
    del app


if __name__ == "__main__":
    main()
