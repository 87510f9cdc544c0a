"""The Help menu's windows: the short Vietnamese guide (bundled HTML), the shortcut list read from
the window's own menus (so it never lists a shortcut that is not there), and About (version,
licence, the data and code the app ships with and their licences, OpenStreetMap's among them).

Everything is shown in a QTextBrowser from what the app carries: no link is followed out of the
window and nothing is fetched from the network.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey import __version__
from fieldsurvey.core.resources import resource_path

translate = QCoreApplication.translate


class HelpDialog(QDialog):
    """A read-only page of help; links inside it are not followed."""

    def __init__(self, title: str, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 560)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def guide_page() -> str:
    return resource_path("help", "huong-dan.html").read_text(encoding="utf-8")


def shortcuts_page(window: QMainWindow) -> str:
    """Every menu item of the window that has a shortcut, menu by menu, in the menus' order."""
    rows = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        items = [
            (a.text().replace("&", "").rstrip("…"), a.shortcuts())
            for a in menu.actions()
            if a.shortcuts()
        ]
        if not items:
            continue
        menu_name = html.escape(top.text().replace("&", ""))
        rows.append(f'<tr><th colspan="2" align="left">{menu_name}</th></tr>')
        for text, keys in items:
            shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append(
                f"<tr><td>{html.escape(text)}</td><td><b>{html.escape(shown)}</b></td></tr>"
            )
    title = translate("Help", "Phím tắt")
    return f"<h2>{html.escape(title)}</h2><table cellpadding='4'>{''.join(rows)}</table>"


def about_page() -> str:
    """Version, licence, and what the app ships with from others, with their licences."""
    shipped = (
        (
            translate("Help", "Bản đồ đường phố Hà Nội (tháng 8/2021)"),
            "OpenStreetMap",
            "ODbL 1.0, © OpenStreetMap contributors",
        ),
        (
            translate("Help", "Địa điểm thật của tệp demo"),
            "OpenStreetMap",
            "ODbL 1.0, © OpenStreetMap contributors",
        ),
        (
            translate("Help", "Đơn vị hành chính, ranh giới xã, phường (2025)"),
            "vietnam-provinces, dvhcvn, VietnamProvinces, vietnam-3d-map",
            "GPL-3.0, MIT",
        ),
        (
            translate("Help", "Phông chữ giao diện, bản đồ"),
            "DejaVu Sans",
            "Bitstream Vera / DejaVu",
        ),
        (translate("Help", "Phông chữ báo cáo PDF"), "Liberation Serif 2.1.5", "SIL OFL 1.1"),
        (
            translate("Help", "Vẽ bản đồ"),
            "Leaflet 1.9.4, MapLibre GL JS 5.24.1, maplibre-gl-leaflet 0.1.4, jQuery 3.7.1",
            "BSD-2-Clause, BSD-3-Clause, ISC, MIT",
        ),
        (translate("Help", "Giao diện"), "Qt 6 / PySide6", "LGPL-3.0"),
    )
    rows = "".join(
        f"<tr><td>{html.escape(what)}</td><td>{html.escape(source)}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for what, source, licence in shipped
    )
    head = [
        translate("Help", "Thành phần"),
        translate("Help", "Nguồn"),
        translate("Help", "Giấy phép"),
    ]
    purpose = translate(
        "Help",
        "Khảo sát hệ thống camera giám sát của Hà Nội theo Kế hoạch 67/KH-UBND, làm việc không "
        "cần mạng.",
    )
    licence = translate("Help", "Mã nguồn theo giấy phép MIT.")
    shipped_title = translate("Help", "Dữ liệu và thư viện đi kèm")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return (
        f"<h2>FieldSurvey {html.escape(__version__)}</h2>"
        f"<p>{html.escape(purpose)}</p><p>{html.escape(licence)}</p>"
        f"<h3>{html.escape(shipped_title)}</h3>"
        f"<table cellpadding='4' border='1' cellspacing='0'><tr>{header}</tr>{rows}</table>"
    )
