"""Progress of the survey against the assignments (late ones in red), and the dashboard's charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLocale,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.dashboard import dashboard
from fieldsurvey.core.office.progress import lateness, mark_reminded, progress
from fieldsurvey.core.reports.office_sheets import write_chase_list
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_workspace_in_background
from fieldsurvey.ui.charts import ChartsView
from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import close_row, export_units_xlsx
from fieldsurvey.ui.office.grades import GradesPage
from fieldsurvey.ui.tables import (
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date

# -- progress --------------------------------------------------------------------------------


class ProgressDialog(QDialog):
    """Progress against the assignments, per unit, per commune and per assignment, with due
    dates and late work in red; the list of units to chase (one row per unit, sortable), ready
    to copy or export to XLSX, where the office marks the units it reminded today; the units'
    scorecards and grades (``GradesPage``)."""

    changed = Signal()
    """Emitted when a unit is marked reminded (a unit record changed)."""
    loaded = Signal()
    """Emitted when the figures are shown."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.today = today or dt.date.today()
        self.figures: dict[str, list[dict[str, Any]]] | None = None
        self.setWindowTitle(self.tr("Tiến độ khảo sát"))
        self.resize(1100, 640)
        self.status = QLabel(self.tr("Đang tính tiến độ…"), self)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)
        done = self.tr("Đã khảo sát / cần")
        percent = self.tr("Tiến độ")
        reviewed = self.tr("Đã duyệt / bản ghi")
        due, left = self.tr("Hạn"), self.tr("Còn (ngày)")
        self.units = make_table(
            [self.tr("Đơn vị"), done, percent, reviewed, due, left, self.tr("Liên hệ")], self
        )
        self.communes = make_table(
            [field_label("commune_code"), done, percent, reviewed, due, left], self
        )
        self.assignments = make_table(
            [
                self.tr("Đơn vị"),
                self.tr("Khu vực"),
                field_label("status", "assignments"),
                done,
                percent,
                reviewed,
                due,
                left,
            ],
            self,
        )
        self.chase = make_table(
            [
                self.tr("Đơn vị"),
                self.tr("Liên hệ"),
                self.tr("Khu vực"),
                self.tr("Số việc"),
                due,
                self.tr("Trễ / còn"),
                done,
                self.tr("Đã nhắc ngày"),
            ],
            self,
            sortable=True,
        )
        self.chase.selectionModel().selectionChanged.connect(self.on_chase_selected)
        self.remind_button = QPushButton(self.tr("Đã nhắc hôm nay"), self)
        self.remind_button.setToolTip(
            self.tr("Ghi hôm nay là ngày đã nhắc đơn vị đang chọn (lưu vào dữ liệu của đơn vị).")
        )
        self.remind_button.setEnabled(False)
        self.remind_button.clicked.connect(self.remind_selected)
        self.export_button = QPushButton(self.tr("Xuất XLSX…"), self)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.copy_button = QPushButton(self.tr("Sao chép"), self)
        self.copy_button.clicked.connect(self.copy_chase_list)
        chase_buttons = QDialogButtonBox(self)
        for button in (self.remind_button, self.export_button, self.copy_button):
            chase_buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        chase_page = QWidget(self)
        chase_layout = QVBoxLayout(chase_page)
        chase_layout.addWidget(self.chase)
        chase_layout.addWidget(chase_buttons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.units, self.tr("Theo đơn vị"))
        self.tabs.addTab(self.communes, self.tr("Theo xã, phường"))
        self.tabs.addTab(self.assignments, self.tr("Giao việc"))
        self.tabs.addTab(chase_page, self.tr("Danh sách cần đôn đốc"))
        self.grades = GradesPage(workspace, self.today, self)
        self.tabs.addTab(self.grades, self.tr("Đánh giá đơn vị"))
        self.tabs.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.spinner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close_row(self))
        self.load()

    def load(self) -> None:
        """Compute the figures again in the background (after a unit is marked reminded)."""
        today_value = self.today
        read_workspace_in_background(
            self,
            self.workspace,
            lambda ws: progress(ws, today_value),
            self.show_figures,
            self.failed,
        )

    def failed(self, error: BaseException) -> None:
        self.spinner.hide()
        self.status.setText(error_text(error, self.lang))
        self.loaded.emit()

    def days_left(self, due: str | None) -> str:
        if not due:
            return ""
        return str((dt.date.fromisoformat(due) - self.today).days)

    @staticmethod
    def percent(row: dict[str, Any]) -> str:
        if row["percent"] is None:
            return "—"
        return f"{QLocale().toString(float(row['percent']), 'f', 1)} %"

    @staticmethod
    def done_text(row: dict[str, Any]) -> str:
        expected = row["expected"]
        return f"{row['surveyed']} / {'—' if expected is None else expected}"

    def show_figures(self, figures: dict[str, list[dict[str, Any]]]) -> None:
        self.figures = figures
        self.spinner.hide()
        late = sum(1 for u in figures["units"] if u["late"])
        self.status.setText(
            self.tr("Tính đến ngày {0}: {1} đơn vị, {2} đơn vị trễ hạn.").format(
                self.today.strftime("%d/%m/%Y"), len(figures["units"]), late
            )
        )
        fill_table(
            self.units,
            [
                [
                    u["unit_name"] or "",
                    self.done_text(u),
                    self.percent(u),
                    f"{u['reviewed']} / {u['records']}",
                    shown_date(u["due_date"]),
                    self.days_left(u["due_date"]),
                    u["contact"] or "",
                ]
                for u in figures["units"]
            ],
            late=[u["late"] for u in figures["units"]],
        )
        fill_table(
            self.communes,
            [
                [
                    c["name"],
                    self.done_text(c),
                    self.percent(c),
                    f"{c['reviewed']} / {c['records']}",
                    shown_date(c["due_date"]),
                    self.days_left(c["due_date"]),
                ]
                for c in figures["communes"]
            ],
            late=[c["late"] for c in figures["communes"]],
        )
        fill_table(
            self.assignments,
            [
                [
                    a["unit_name"] or "",
                    ", ".join(c["name"] for c in a["communes"]),
                    ""
                    if a["status"] is None
                    else vocabulary.label("assignment_status", a["status"], self.lang),
                    self.done_text(a),
                    self.percent(a),
                    f"{a['reviewed']} / {a['records']}",
                    shown_date(a["due_date"]),
                    self.days_left(a["due_date"]),
                ]
                for a in figures["assignments"]
            ],
            late=[a["late"] for a in figures["assignments"]],
        )
        chase = figures["chase"]
        fill_table(
            self.chase,
            [
                [
                    u["unit_name"] or "",
                    u["contact"] or "",
                    ", ".join(c["name"] for c in u["communes"]),
                    str(u["assignments"]),
                    shown_date(u["due_date"]),
                    self.lateness(u),
                    self.done_text(u),
                    shown_date(u["reminded_on"]),
                ]
                for u in chase
            ],
            ids=[u["unit_id"] for u in chase],
            late=[u["late"] for u in chase],
            keys=[
                [
                    None,
                    None,
                    None,
                    u["assignments"],
                    u["due_date"] or "",
                    u["days_left"],
                    u["surveyed"],
                    u["reminded_on"] or "",
                ]
                for u in chase
            ],
        )
        self.copy_button.setEnabled(bool(chase))
        self.export_button.setEnabled(bool(chase))
        self.on_chase_selected()
        self.tabs.setEnabled(True)
        self.loaded.emit()

    def lateness(self, row: dict[str, Any]) -> str:
        """How late, in words: "trễ 630 ngày", "còn 3 ngày"."""
        words = lateness(row["days_left"])
        return "" if words is None else words.text(self.lang)

    def chase_text(self) -> str:
        """The chase list as plain text, one unit a line, for a message or an e-mail."""
        if self.figures is None:
            return ""
        lines = [self.tr("Danh sách cần đôn đốc ({0})").format(self.today.strftime("%d/%m/%Y"))]
        for a in self.figures["chase"]:
            lines.append(
                self.tr("{0} — liên hệ: {1} — {2} (hạn {3}) — đã khảo sát {4}").format(
                    a["unit_name"] or "",
                    a["contact"] or self.tr("chưa có"),
                    self.lateness(a),
                    shown_date(a["due_date"]),
                    self.done_text(a),
                )
            )
        return "\n".join(lines)

    def copy_chase_list(self) -> None:
        QApplication.clipboard().setText(self.chase_text())
        self.status.setText(self.tr("Đã chép danh sách cần đôn đốc."))

    def on_chase_selected(self, *_: Any) -> None:
        self.remind_button.setEnabled(selected_id(self.chase) is not None)

    def remind_selected(self) -> None:
        """Keep today as the day the selected unit was reminded, then show the figures again."""
        unit_id = selected_id(self.chase)
        if unit_id is None:
            return
        try:
            mark_reminded(self.workspace, unit_id, self.today)
        except FieldSurveyError as error:
            QMessageBox.warning(self, self.tr("Không ghi được"), error_text(error, self.lang))
            return
        self.changed.emit()
        self.load()

    def export_chase(self, path: Path) -> int:
        """The list to chase as an XLSX workbook; returns the number of units written."""
        assert self.figures is not None
        return write_chase_list(path, self.figures["chase"], self.today, self.lang)

    def on_export_clicked(self) -> None:
        export_units_xlsx(
            self,
            self.tr("Xuất danh sách cần đôn đốc"),
            self.workspace.path.parent / f"don-doc-{self.today.isoformat()}.xlsx",
            self.export_chase,
            self.status,
        )


# -- dashboard -------------------------------------------------------------------------------


class DashboardDialog(QDialog):
    """The dashboard: bar charts of cameras, shortcomings and needs; the chart shown can be
    saved as a PNG picture."""

    changed = Signal()
    """Never emitted: this dialog only reads (kept so every office dialog is alike)."""
    loaded = Signal()
    """Emitted when the charts are drawn."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.figures: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Bảng tổng hợp"))
        self.resize(1000, 680)
        self.status = QLabel(self.tr("Đang tổng hợp…"), self)
        self.status.setWordWrap(True)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)
        self.charts = ChartsView(self.lang, self)
        self.save_button = QPushButton(self.tr("Lưu ảnh…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons = close_row(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.spinner)
        layout.addWidget(self.charts, 1)
        layout.addWidget(buttons)
        read_workspace_in_background(
            self, workspace, lambda ws: dashboard(ws.db), self.show_figures, self.failed
        )

    def failed(self, error: BaseException) -> None:
        self.spinner.hide()
        self.status.setText(error_text(error, self.lang))
        self.loaded.emit()

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        self.spinner.hide()
        totals = figures["totals"]
        locale = QLocale()
        self.status.setText(
            self.tr(
                "Địa điểm: {0} · Camera: {1} · Tồn tại: {2} · Nhu cầu: {3} · Ảnh: {4} · "
                "Xã, phường có dữ liệu: {5}"
            ).format(
                *(
                    locale.toString(int(totals.get(key, 0)))
                    for key in ("sites", "cameras", "shortcomings", "needs", "photos")
                ),
                totals.get("communes_covered", 0),
            )
        )
        self.charts.show_figures(figures)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def save_chart(self, path: Path) -> bool:
        """The chart shown, as a PNG picture."""
        return self.charts.current_picture().save(str(path), "PNG")

    def on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu biểu đồ"), "bieu-do.png", self.tr("Ảnh PNG (*.png)")
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".png") else name + ".png")
        if not self.save_chart(path):
            QMessageBox.warning(
                self, self.tr("Không lưu được"), self.tr("Không ghi được {0}.").format(path)
            )
