"""The city-wide report dialog: format, filter, language, sensitive fields, progress and cancel;
one report, or one per owner unit or commune into a folder."""

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
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.roads import printed_streets
from fieldsurvey.core.reports import filters, per, writing
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import Task, read_in_background
from fieldsurvey.ui.fields import field_label
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
        # The folder of the documents a per-unit or per-commune run wrote, and what it wrote.
        self.written_folder: Path | None = None
        self.written_per: per.Written | None = None
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
        self.per = QComboBox(self)
        self.per.addItem(self.tr("Một báo cáo"), None)
        self.per.addItem(self.tr("Mỗi đơn vị chủ quản một báo cáo"), "unit")
        self.per.addItem(self.tr("Mỗi xã, phường một báo cáo"), "commune")
        self.per.setToolTip(
            self.tr(
                "Một tệp PDF hoặc XLSX cho mỗi đơn vị chủ quản hoặc xã, phường có dữ liệu, "
                "vào một thư mục"
            )
        )
        self.out_label = QLabel(self.tr("Tệp kết quả"), self)
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
        self.commune.addItem(self.tr("Mọi xã, phường"), None)
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
                "Bỏ thông tin liên hệ của chủ quản, làm tròn tọa độ các điểm an ninh quốc gia, "
                "không kèm ảnh"
            )
        )
        self.records = QComboBox(self)
        self.records.addItem(self.tr("Camera hiện có (khóa OpenStreetMap)"), "cameras")
        self.records.addItem(self.tr("Nhu cầu lắp đặt mới"), "needs")
        self.records.addItem(self.tr("Mục của phương án tổng thể"), "plan_items")
        self.records.setToolTip(self.tr("CSV, GeoJSON chứa một loại bản ghi"))
        self.draft = QCheckBox(self.tr("Bản dự thảo (gồm cả bản ghi chưa duyệt)"), self)
        self.draft.setToolTip(
            self.tr(
                "Báo cáo chính thức (PDF, XLSX) chỉ gồm bản ghi đã duyệt; bản dự thảo gồm mọi "
                "bản ghi và mỗi trang ghi “DỰ THẢO”."
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
            self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole
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
        form.addRow(self.tr("Lập"), self.per)
        form.addRow(self.tr("Bản ghi"), self.records)
        form.addRow(self.out_label, out_row)
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(field_label("commune_code"), self.commune)
        form.addRow(field_label("purposes"), self.purpose)
        form.addRow(field_label("condition"), self.condition)
        form.addRow(field_label("owner_unit_id"), self.owner)
        form.addRow(field_label("review_state"), self.review)
        form.addRow("", self.draft)
        form.addRow("", self.omit_sensitive)
        form.addRow("", self.photos)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.open_folder_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _i: self.on_format_changed())
        self.per.currentIndexChanged.connect(lambda _i: self.on_per_changed())
        self.omit_sensitive.toggled.connect(lambda _on: self.update_photos())
        self.records.currentIndexChanged.connect(lambda _i: self.update_photos())
        self.draft.toggled.connect(lambda _on: self.update_scope())
        self.update_photos()
        self.update_scope()
        self.form_button.setEnabled(self.fmt() == "pdf")

    def _code_box(self, code_list: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem(everything, None)
        for code, label in vocabulary.items(code_list, self.lang):
            box.addItem(label, code)
        return box

    def fmt(self) -> str:
        return str(self.format.currentData())

    def per_choice(self) -> str | None:
        """ "unit" or "commune" for one report each, None for one report."""
        data = self.per.currentData()
        return None if data is None else str(data)

    def on_per_changed(self) -> None:
        """One report each goes to a folder, in PDF or XLSX only; one report to a file."""
        each = self.per_choice() is not None
        model = self.format.model()
        for row, (code, _label, _pattern) in enumerate(FORMATS):
            item = model.item(row)  # type: ignore[attr-defined]
            item.setEnabled(not each or code in per.PER_FORMATS)
        if each and self.fmt() not in per.PER_FORMATS:
            self.format.setCurrentIndex(self.format.findData("pdf"))
        self.out_label.setText(self.tr("Thư mục kết quả") if each else self.tr("Tệp kết quả"))
        text = self.out.text().strip()
        if text:
            path = Path(text)
            if each and path.suffix:
                self.out.setText(str(path.with_suffix("")))
            elif not each:
                self.out.setText(str(path.with_name(path.name + "." + self.fmt())))

    def on_format_changed(self) -> None:
        """The output name follows the format's extension (a folder keeps its name)."""
        text = self.out.text().strip()
        if text and self.per_choice() is None:
            self.out.setText(str(Path(text).with_suffix("." + self.fmt())))
        self.update_photos()
        self.update_scope()
        self.form_button.setEnabled(self.fmt() == "pdf")

    def update_scope(self) -> None:
        """An official report holds approved records only: the review filter says so, and a
        draft (PDF, XLSX only) lifts it."""
        official = self.fmt() in filters.OFFICIAL_FORMATS
        self.draft.setEnabled(official)
        if not official:
            self.draft.setChecked(False)
        self.review.setItemText(
            0,
            self.tr("Chỉ bản ghi đã duyệt")
            if official and not self.draft.isChecked()
            else self.tr("Mọi trạng thái duyệt"),
        )

    def on_form_clicked(self) -> None:
        from fieldsurvey.ui.office.report_form import ReportFormDialog

        ReportFormDialog(self.workspace, self).exec()

    def update_photos(self) -> None:
        one_table = self.fmt() in ("csv", "geojson")
        self.records.setEnabled(one_table)
        if not one_table:
            self.records.setCurrentIndex(0)
        allowed = (
            one_table
            and self.records.currentData() == "cameras"
            and not self.omit_sensitive.isChecked()
        )
        self.photos.setEnabled(allowed)
        if not allowed:
            self.photos.setChecked(False)

    def on_browse_clicked(self) -> None:
        if self.per_choice() is not None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Thư mục lưu các báo cáo"), self.out.text()
            )
            if folder:
                self.out.setText(folder)
            return
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
        each = self.per_choice()
        if each is not None:
            self.plan_each(each, out, where)
            return
        fmt, lang = self.fmt(), str(self.language.currentData())
        omit, photos = self.omit_sensitive.isChecked(), self.photos.isChecked()
        draft, records = self.draft.isChecked(), str(self.records.currentData())
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
                draft=draft,
                records=records,
                photos=photos,
                workspace_path=path,
                streets=printed_streets(),
                progress=task.report,
                cancel=task.cancelled,
            )

        self._start()
        read_in_background(
            self, path, work, lambda counts: self.on_done(out, counts), self.on_failed
        )

    def _start(self) -> None:
        self.busy = True
        self.written, self.report_counts = None, None
        self.written_folder, self.written_per = None, None
        self.run_button.setEnabled(False)
        self.open_folder_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Đang tạo báo cáo…"))

    def plan_each(self, each: str, folder: Path, where: filters.Where) -> None:
        """Find the units or communes with records (in the background), then ask before
        replacing any file, then write their reports."""
        fmt, draft = self.fmt(), self.draft.isChecked()
        self.task = Task()
        self._start()
        read_in_background(
            self,
            self.workspace.path,
            lambda db: per.plan_reports(db, each, fmt, where, draft),
            lambda plan: self.on_planned(plan, folder, where),
            self.on_failed,
        )

    def on_planned(self, plan: per.Plan, folder: Path, where: filters.Where) -> None:
        if self.task.cancelled():
            self._finish()
            self.status.setText(self.tr("Đã hủy báo cáo, không ghi tệp nào."))
            return
        if not plan.parts:
            self._finish()
            self.status.setText(
                self.tr("Không đơn vị chủ quản nào có dữ liệu trong phạm vi đã chọn.")
                if plan.per == "unit"
                else self.tr("Không xã, phường nào có dữ liệu trong phạm vi đã chọn.")
            )
            return
        taken = per.existing_files(folder, plan) if folder.is_dir() else []
        if taken and (
            QMessageBox.question(
                self,
                self.tr("Thay các tệp đã có?"),
                self.tr("Thư mục {0} đã có {1} tệp cùng tên, ví dụ {2}. Thay các tệp đó?").format(
                    folder, len(taken), taken[0].name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            self._finish()
            self.status.setText(self.tr("Chưa ghi báo cáo nào: các tệp đã có được giữ nguyên."))
            return
        lang, omit = str(self.language.currentData()), self.omit_sensitive.isChecked()
        draft = self.draft.isChecked()
        task = self.task
        task.progress.connect(self._on_progress)

        def work(db: sqlite_utils.Database) -> per.Written:
            return per.write_reports(
                db,
                plan.per,
                plan.fmt,
                folder,
                where=where,
                lang=lang,
                omit_sensitive=omit,
                draft=draft,
                streets=printed_streets(),
                overwrite=True,  # asked above
                plan=plan,
                progress=task.report,
                cancel=task.cancelled,
            )

        self.status.setText(self.tr("Đang tạo {0} báo cáo…").format(len(plan.parts)))
        read_in_background(
            self,
            self.workspace.path,
            work,
            lambda written: self.on_each_done(folder, plan, written),
            self.on_failed,
        )

    def on_each_done(self, folder: Path, plan: per.Plan, written: per.Written) -> None:
        self._finish()
        self.written_folder, self.written_per = folder, written
        if plan.per == "unit":
            text = self.tr("Đã ghi {0} báo cáo vào {1}; bỏ qua {2} đơn vị không có dữ liệu.")
            left = self.tr("{0} camera không có đơn vị chủ quản, không thuộc báo cáo nào.")
        else:
            text = self.tr("Đã ghi {0} báo cáo vào {1}; bỏ qua {2} xã, phường không có dữ liệu.")
            left = self.tr("{0} camera chưa xác định xã, phường, không thuộc báo cáo nào.")
        lines = [text.format(len(written.paths), folder, written.skipped)]
        if written.left_out:
            lines.append(left.format(written.left_out))
        self.status.setText("\n".join(lines))
        self.open_folder_button.show()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if self.per_choice() is not None and text and text != "OK" and not self.task.cancelled():
            self.status.setText(self.tr("Đang ghi {0}…").format(text))

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
        if isinstance(error, per.PerReportCancelled):
            self.written_folder = error.written[0].parent if error.written else None
            self.status.setText(
                self.tr("Đã hủy: đã ghi {0} trong {1} báo cáo, không còn tệp ghi dở.").format(
                    len(error.written), error.total
                )
            )
            if error.written:
                self.open_folder_button.show()
        elif isinstance(error, filters.ReportCancelled):
            self.status.setText(self.tr("Đã hủy báo cáo, không ghi tệp nào."))
        else:
            self.status.setText(self.tr("Không tạo được báo cáo: {0}").format(error_text(error)))

    def on_cancel_clicked(self) -> None:
        if self.busy:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang hủy…"))
        else:
            self.reject()

    def open_folder(self) -> None:
        folder = self.written.parent if self.written is not None else self.written_folder
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def reject(self) -> None:
        if self.busy:  # the worker still writes; cancel it rather than leave it running
            self.task.cancel()
            return
        super().reject()
