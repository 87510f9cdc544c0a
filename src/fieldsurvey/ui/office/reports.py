"""The city-wide report dialog: format, filter, language, sensitive fields, progress and cancel."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.reports import filters, writing
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import Task, read_in_background
from fieldsurvey.ui.i18n import current_language, error_text

# -- reports --------------------------------------------------------------------------------------

FORMATS = (
    ("xlsx", "XLSX (Excel)", "*.xlsx"),
    ("pdf", "PDF", "*.pdf"),
    ("gpkg", "GeoPackage", "*.gpkg"),
    ("geojson", "GeoJSON", "*.geojson"),
    ("csv", "CSV", "*.csv"),
)


class ReportDialog(QDialog):
    """A report of the workspace (XLSX, PDF, GeoPackage, GeoJSON, CSV), filtered, written in
    the background with progress and cancel; writes nothing into the workspace."""

    changed = Signal()
    """Never emitted: a report writes nothing into the workspace (kept for a uniform API)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.written: Path | None = None
        self.report_counts: dict[str, int] | None = None
        self.busy = False
        self.task = Task()
        self.setWindowTitle(self.tr("Báo cáo"))
        self.setMinimumWidth(560)
        self.format = QComboBox(self)
        for code, label, _pattern in FORMATS:
            self.format.addItem(label, code)
        self.out = QLineEdit(
            str(workspace.path.parent / f"{workspace.path.stem}-bao-cao.xlsx"), self
        )
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self.on_browse_clicked)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(self.lang))
        db = workspace.db
        self.commune = QComboBox(self)
        self.commune.addItem(self.tr("Mọi xã/phường"), None)
        for code, name in listing.commune_choices(db):
            self.commune.addItem(name, code)
        self.purpose = self._code_box("camera_purpose", self.tr("Mọi mục đích"))
        self.condition = self._code_box("camera_condition", self.tr("Mọi tình trạng"))
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("Mọi đơn vị chủ quản"), None)
        for unit_id, name in listing.owner_unit_choices(db):
            self.owner.addItem(name, unit_id)
        self.review = self._code_box("review_state", self.tr("Mọi trạng thái duyệt"))
        self.omit_sensitive = QCheckBox(self.tr("Bỏ trường nhạy cảm"), self)
        self.omit_sensitive.setToolTip(
            self.tr(
                "Bỏ thông tin liên hệ của chủ quản, làm tròn toạ độ các điểm an ninh quốc gia, "
                "không kèm ảnh"
            )
        )
        self.photos = QCheckBox(self.tr("Kèm ảnh (bản sạch)"), self)
        self.photos.setToolTip(
            self.tr("Bản sao ảnh đã bỏ siêu dữ liệu, trong thư mục bên cạnh tệp GeoJSON/CSV")
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.open_folder_button = QPushButton(self.tr("Mở thư mục"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(
            self.tr("Tạo báo cáo"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.run_button.clicked.connect(self.on_run_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.form_button = QPushButton(self.tr("Mẫu văn bản…"), self)
        self.form_button.setToolTip(
            self.tr("Cơ quan ban hành, số và ký hiệu, nơi nhận, người ký của báo cáo PDF")
        )
        self.form_button.clicked.connect(self.on_form_clicked)
        format_row = QHBoxLayout()
        format_row.addWidget(self.format, 1)
        format_row.addWidget(self.form_button)
        form = QFormLayout()
        form.addRow(self.tr("Định dạng"), format_row)
        form.addRow(self.tr("Tệp kết quả"), out_row)
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(self.tr("Xã/phường"), self.commune)
        form.addRow(self.tr("Mục đích"), self.purpose)
        form.addRow(self.tr("Tình trạng"), self.condition)
        form.addRow(self.tr("Đơn vị chủ quản"), self.owner)
        form.addRow(self.tr("Trạng thái duyệt"), self.review)
        form.addRow("", self.omit_sensitive)
        form.addRow("", self.photos)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.open_folder_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _i: self.on_format_changed())
        self.omit_sensitive.toggled.connect(lambda _on: self.update_photos())
        self.update_photos()
        self.form_button.setEnabled(self.fmt() == "pdf")

    def _code_box(self, code_list: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem(everything, None)
        for code, label in vocabulary.items(code_list, self.lang):
            box.addItem(label, code)
        return box

    def fmt(self) -> str:
        return str(self.format.currentData())

    def on_format_changed(self) -> None:
        """The output name follows the format's extension."""
        text = self.out.text().strip()
        if text:
            self.out.setText(str(Path(text).with_suffix("." + self.fmt())))
        self.update_photos()
        self.form_button.setEnabled(self.fmt() == "pdf")

    def on_form_clicked(self) -> None:
        from fieldsurvey.ui.office.report_form import ReportFormDialog

        ReportFormDialog(self.workspace, self).exec()

    def update_photos(self) -> None:
        allowed = self.fmt() in ("csv", "geojson") and not self.omit_sensitive.isChecked()
        self.photos.setEnabled(allowed)
        if not allowed:
            self.photos.setChecked(False)

    def on_browse_clicked(self) -> None:
        _code, label, pattern = FORMATS[self.format.currentIndex()]
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu báo cáo"), self.out.text(), f"{label} ({pattern})"
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != "." + self.fmt():
                path = path.with_name(path.name + "." + self.fmt())
            self.out.setText(str(path))

    def where(self) -> list[str]:
        """The chosen filters as the core's ``key=value`` strings."""
        out = []
        for key, box in (
            ("commune", self.commune),
            ("purpose", self.purpose),
            ("condition", self.condition),
            ("owner", self.owner),
            ("review", self.review),
        ):
            if box.currentData() is not None:
                out.append(f"{key}={box.currentData()}")
        return out

    def on_run_clicked(self) -> None:
        text = self.out.text().strip()
        if not text:
            self.status.setText(self.tr("Chọn tệp kết quả."))
            return
        out = Path(text)
        try:
            where = filters.parse_where(self.workspace.db, self.where())
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
            return
        fmt, lang = self.fmt(), str(self.language.currentData())
        omit, photos = self.omit_sensitive.isChecked(), self.photos.isChecked()
        path = self.workspace.path
        task = self.task = Task()
        task.progress.connect(self._on_progress)

        def work(db: sqlite_utils.Database) -> dict[str, int]:
            return writing.write_report(
                db,
                fmt,
                out,
                where=where,
                lang=lang,
                omit_sensitive=omit,
                photos=photos,
                workspace_path=path,
                progress=task.report,
                cancel=task.cancelled,
            )

        self.busy = True
        self.written, self.report_counts = None, None
        self.run_button.setEnabled(False)
        self.open_folder_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Đang tạo báo cáo…"))
        read_in_background(
            self, path, work, lambda counts: self.on_done(out, counts), self.on_failed
        )

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self.busy = False
        self.progress.hide()
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def on_done(self, out: Path, counts: dict[str, int]) -> None:
        self._finish()
        self.written, self.report_counts = out, counts
        rows = ", ".join(f"{table}: {n}" for table, n in counts.items())
        self.status.setText(self.tr("Đã ghi báo cáo {0} ({1}).").format(out, rows))
        self.open_folder_button.show()

    def on_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, filters.ReportCancelled):
            self.status.setText(self.tr("Đã huỷ báo cáo, không ghi tệp nào."))
        else:
            self.status.setText(self.tr("Không tạo được báo cáo: {0}").format(error_text(error)))

    def on_cancel_clicked(self) -> None:
        if self.busy:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang huỷ…"))
        else:
            self.reject()

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def reject(self) -> None:
        if self.busy:  # the worker still writes; cancel it rather than leave it running
            self.task.cancel()
            return
        super().reject()
