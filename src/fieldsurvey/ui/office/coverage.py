"""Coverage ("Độ phủ camera"): each need with the existing cameras that already see its place,
and the sites of each category with no camera at all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.coverage import coverage_overview
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_workspace_in_background
from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import close_row
from fieldsurvey.ui.tables import fill_table, make_table, selected_id
from fieldsurvey.ui.values import shown_distance


class CoverageDialog(QDialog):
    """Needs and the cameras that see them (filter: seen / not seen), and sites without cameras
    by category; a need is shown on the main window's map on request."""

    changed = Signal()
    """Never emitted: this screen only reads (kept so every office dialog is alike)."""
    loaded = Signal()
    """Emitted when the figures are shown."""
    locate = Signal(float, float)
    """(lat, lon) of the need to show on the main window's map."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.data: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Độ phủ camera"))
        self.resize(1100, 640)
        self.summary = QLabel(self.tr("Đang tính độ phủ…"), self)
        self.summary.setWordWrap(True)
        self.seen = QComboBox(self)
        self.seen.addItem(self.tr("Mọi nhu cầu"), None)
        self.seen.addItem(self.tr("Đã có camera thấy"), True)
        self.seen.addItem(self.tr("Chưa camera nào thấy"), False)
        self.seen.currentIndexChanged.connect(self.show_needs)
        self.needs = make_table(
            [
                self.tr("Địa điểm"),
                field_label("commune_code"),
                self.tr("Số camera thấy"),
                self.tr("Gần nhất"),
                self.tr("Camera đã thấy nơi cần"),
            ],
            self,
        )
        self.needs.doubleClicked.connect(lambda _index: self.on_locate_clicked())
        self.locate_button = QPushButton(self.tr("Xem trên &bản đồ"), self)
        self.locate_button.clicked.connect(self.on_locate_clicked)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Hiện:"), self))
        filters.addWidget(self.seen)
        filters.addStretch(1)
        filters.addWidget(self.locate_button)
        needs_page = QWidget(self)
        needs_layout = QVBoxLayout(needs_page)
        needs_layout.addLayout(filters)
        needs_layout.addWidget(self.needs, 1)
        self.categories = make_table([field_label("category"), self.tr("Số địa điểm")], self)
        self.sites = make_table(
            [field_label("category"), self.tr("Địa điểm"), field_label("commune_code")], self
        )
        sites_page = QWidget(self)
        sites_layout = QHBoxLayout(sites_page)
        sites_layout.addWidget(self.categories, 1)
        sites_layout.addWidget(self.sites, 2)
        tabs = QTabWidget(self)
        tabs.addTab(needs_page, self.tr("Nhu cầu và camera đã thấy"))
        tabs.addTab(sites_page, self.tr("Địa điểm chưa có camera"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(close_row(self))
        read_workspace_in_background(
            self, workspace, lambda ws: coverage_overview(ws.db), self.show_coverage, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, FieldSurveyError):
            raise error
        self.summary.setText(error_text(error))

    def show_coverage(self, data: dict[str, Any]) -> None:
        self.data = data
        needs = data["needs"]
        seen = sum(1 for n in needs if any(c["direction_known"] for c in n["cameras"]))
        without = data["sites_without"]
        self.summary.setText(
            self.tr(
                "{0} trong {1} nhu cầu đã có camera hiện có nhìn thấy nơi cần (hướng nhìn đã "
                "ghi); {2} địa điểm chưa có camera nào."
            ).format(seen, len(needs), sum(len(v) for v in without.values()))
        )
        categories = sorted(without.items(), key=lambda kv: -len(kv[1]))
        fill_table(
            self.categories,
            [
                [vocabulary.label("site_category", category, self.lang), str(len(sites))]
                for category, sites in categories
            ],
        )
        rows = [(category, site) for category, sites in categories for site in sites]
        fill_table(
            self.sites,
            [
                [vocabulary.label("site_category", category, self.lang), s["name"], s["commune"]]
                for category, s in rows
            ],
            [s["id"] for _, s in rows],
        )
        self.show_needs()
        self.loaded.emit()

    def shown_needs(self) -> list[dict[str, Any]]:
        if self.data is None:
            return []
        wanted = self.seen.currentData()
        return [
            n
            for n in self.data["needs"]
            if wanted is None or any(c["direction_known"] for c in n["cameras"]) == wanted
        ]

    def show_needs(self) -> None:
        needs = self.shown_needs()
        fill_table(
            self.needs,
            [
                [
                    n["site"],
                    n["commune"],
                    str(sum(c["direction_known"] for c in n["cameras"])),
                    shown_distance(n["cameras"][0]["distance_m"]) if n["cameras"] else "—",
                    "; ".join(
                        c["title"]
                        if c["direction_known"]
                        else self.tr("{0} (chưa ghi hướng)").format(c["title"])
                        for c in n["cameras"]
                    ),
                ]
                for n in needs
            ],
            [n["need"] for n in needs],
        )

    def on_locate_clicked(self) -> None:
        need_id = selected_id(self.needs)
        need = next((n for n in self.shown_needs() if n["need"] == need_id), None)
        if need is not None:
            self.locate.emit(float(need["lat"]), float(need["lon"]))
