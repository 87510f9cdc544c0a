"""The units' scorecards and grades (core.office.grading), a page of the progress dialog, and the
grading scale the office sets (weights, thresholds), kept in the workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.messages import Message
from fieldsurvey.core.office.grading import (
    FIELD_LABELS,
    GradingScaleError,
    grade_label,
    grading_scale,
    save_grading_scale,
    unit_scorecards,
    with_values,
)
from fieldsurvey.core.reports.office_sheets import write_scorecards
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_workspace_in_background
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import export_units_xlsx, message_label
from fieldsurvey.ui.tables import fill_table, make_table

# A missing figure sorts below every real one.
_NONE_KEY = -1.0


class GradesPage(QWidget):
    """A scorecard per unit (sortable): its grade and score, each criterion's score and the
    figures behind it; the scale can be changed (the cards are computed again) and the cards
    exported to XLSX."""

    loaded = Signal()
    """Emitted when the scorecards are shown (or could not be computed)."""

    def __init__(self, workspace: Workspace, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.lang = current_language()
        self.cards: list[dict[str, Any]] | None = None
        self.status = QLabel(self.tr("Đang đánh giá các đơn vị…"), self)
        self.status.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("Đơn vị"),
                self.tr("Xếp loại"),
                self.tr("Điểm"),
                self.tr("Đúng hạn"),
                self.tr("Đầy đủ"),
                self.tr("Chất lượng"),
                self.tr("Việc trễ / được giao"),
                self.tr("Số ngày trễ"),
                self.tr("Thông tin đã điền"),
                self.tr("Camera đủ ảnh"),
                self.tr("Có vị trí"),
                self.tr("Duyệt ngay lần đầu / đã duyệt"),
                self.tr("Phải sửa"),
                self.tr("Bị từ chối"),
                self.tr("Nghi trùng lắp"),
            ],
            self,
            sortable=True,
        )
        self.scale_button = QPushButton(self.tr("Thang điểm…"), self)
        self.scale_button.clicked.connect(self.on_scale_clicked)
        self.export_button = QPushButton(self.tr("Xuất XLSX…"), self)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.export_button.setEnabled(False)
        buttons = QDialogButtonBox(self)
        for button in (self.scale_button, self.export_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        """Compute the scorecards in the background (candidate duplicates are looked for once)."""
        self.export_button.setEnabled(False)
        today = self.today
        read_workspace_in_background(
            self,
            self.workspace,
            lambda ws: unit_scorecards(ws, today),
            self.show_cards,
            self.failed,
        )

    def failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error, self.lang))
        self.loaded.emit()

    def number(self, value: float | None, suffix: str = "") -> str:
        if value is None:
            return "—"
        return QLocale().toString(float(value), "f", 1) + suffix

    def grade(self, card: dict[str, Any]) -> str:
        label = grade_label(card["grade"])
        return self.tr("chưa đủ dữ liệu") if label is None else label.text(self.lang)

    def show_cards(self, cards: list[dict[str, Any]]) -> None:
        self.cards = cards
        graded = [c for c in cards if c["grade"] is not None]
        self.status.setText(
            self.tr("Tính đến ngày {0}: {1} đơn vị, {2} đơn vị đã xếp loại.").format(
                self.today.strftime("%d/%m/%Y"), len(cards), len(graded)
            )
        )

        def key(value: float | None) -> float:
            return _NONE_KEY if value is None else float(value)

        fill_table(
            self.table,
            [
                [
                    c["unit_name"] or "",
                    self.grade(c),
                    self.number(c["score"]),
                    self.number(c["timeliness"]),
                    self.number(c["completeness"]),
                    self.number(c["quality"]),
                    f"{c['late']} / {c['assignments']}",
                    str(c["days_late"]),
                    self.number(c["required_fields"], " %"),
                    f"{c['photographed']} / {c['cameras']}",
                    f"{c['positioned']} / {c['placeable']}",
                    f"{c['approved_first_time']} / {c['reviewed']}",
                    str(c["needed_revision"]),
                    str(c["rejected"]),
                    str(c["duplicates"]),
                ]
                for c in cards
            ],
            ids=[c["unit_id"] for c in cards],
            late=[c["grade"] == "weak" for c in cards],
            keys=[
                [
                    None,
                    key(c["score"]),  # the grade sorts as its score
                    key(c["score"]),
                    key(c["timeliness"]),
                    key(c["completeness"]),
                    key(c["quality"]),
                    c["late"],
                    c["days_late"],
                    key(c["required_fields"]),
                    c["photographed"],
                    c["positioned"],
                    c["approved_first_time"],
                    c["needed_revision"],
                    c["rejected"],
                    c["duplicates"],
                ]
                for c in cards
            ],
        )
        self.export_button.setEnabled(bool(cards))
        self.loaded.emit()

    def on_scale_clicked(self) -> None:
        dialog = GradingScaleDialog(self.workspace, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Đang đánh giá lại theo thang điểm mới…"))
            self.load()

    def export(self, path: Path) -> int:
        """The scorecards as an XLSX workbook; returns the number of units written."""
        assert self.cards is not None
        return write_scorecards(path, self.cards, self.today, self.lang)

    def on_export_clicked(self) -> None:
        export_units_xlsx(
            self,
            self.tr("Xuất bảng đánh giá đơn vị"),
            self.workspace.path.parent / f"danh-gia-don-vi-{self.today.isoformat()}.xlsx",
            self.export,
            self.status,
        )


class GradingScaleDialog(QDialog):
    """Edit the scale the office grades units on; Save keeps it once every field checks, else
    each refused field says why beside it and nothing is kept."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.setWindowTitle(self.tr("Thang điểm đánh giá đơn vị"))
        self.setMinimumWidth(520)
        scale = grading_scale(workspace)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        locale = QLocale()
        for name, label in FIELD_LABELS.items():
            value = getattr(scale, name)
            edit = QLineEdit(
                str(value) if isinstance(value, int) else locale.toString(float(value), "g", 6),
                self,
            )
            problem = message_label(self)
            problem.hide()
            self.fields[name] = edit
            self.problems[name] = problem
            form.addRow(Message("office", label).text(self.lang), edit)
            form.addRow("", problem)
        note = QLabel(
            self.tr(
                "Điểm mỗi tiêu chí từ 0 đến 100; điểm chung là trung bình có trọng số của các tiêu "
                "chí tính được. Xếp loại Tốt, Khá, Trung bình khi điểm chung đạt ngưỡng tương ứng, "
                "dưới ngưỡng Trung bình là Yếu."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addLayout(form)
        box.addWidget(buttons)

    def accept(self) -> None:
        for label in self.problems.values():
            label.hide()
        values = {name: edit.text() for name, edit in self.fields.items()}
        try:
            save_grading_scale(self.workspace, with_values(grading_scale(self.workspace), values))
        except GradingScaleError as error:
            for name, problem in error.problems.items():
                if name in self.problems:
                    self.problems[name].setText(problem.text(self.lang))
                    self.problems[name].show()
            return
        super().accept()
