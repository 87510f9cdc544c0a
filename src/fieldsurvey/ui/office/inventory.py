"""Importing an owner's camera list: its columns mapped to our fields, a preview, the import
with progress and cancel, and the rows refused with their line and reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office import inventory
from fieldsurvey.core.reports import labels
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from fieldsurvey.ui.background import Task, write_in_background
from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.i18n import current_language, error_text, tr
from fieldsurvey.ui.office.duplicates import DuplicatesDialog
from fieldsurvey.ui.values import shown_decimal

# -- inventories ----------------------------------------------------------------------------------


def target_labels() -> dict[str, str]:
    """What each inventory column can become, in words."""
    labels = {
        "lat": tr("Vĩ độ"),
        "lon": tr("Kinh độ"),
        "ref": tr("Mã hiệu của nguồn"),
        "name": tr("Tên camera"),
        "direction": tr("Hướng nhìn"),
        "field_of_view": field_label("field_of_view"),
        "tilt": tr("Góc nghiêng (camera:angle)"),
        "camera_type": field_label("camera_type"),
        "surveillance_type": tr("Loại giám sát (surveillance:type)"),
        "mount": field_label("mount"),
        "height": field_label("height_m"),
        "operator": field_label("owner_unit_id"),
        "address": field_label("address"),
        "zone": field_label("category"),
        "notes": field_label("notes"),
    }
    return {target: labels.get(target, target) for target in inventory.TARGETS}


class InventoryDialog(QDialog):
    """An owner unit's existing camera list (CSV or GeoJSON): map its columns, preview, import
    in one go, then see what happened and the duplicate candidates it brought."""

    changed = Signal()
    """Emitted after cameras were imported."""

    SAMPLES = 3

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, path: Path | str | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.inventory: inventory.InventoryFile | None = None
        self.report: inventory.ImportReport | None = None
        self.busy = False
        self.task = Task()
        self.setWindowTitle(self.tr("Nhập danh sách camera hiện có"))
        self.resize(900, 640)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Tệp CSV hoặc GeoJSON"))
        self.path.returnPressed.connect(self.load)
        browse = QPushButton(self.tr("Chọn tệp…"), self)
        browse.clicked.connect(self.on_browse_clicked)
        read = QPushButton(self.tr("Đọc tệp"), self)
        read.clicked.connect(self.load)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        file_row.addWidget(read)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("Theo cột đơn vị trong tệp (tạo đơn vị mới nếu chưa có)"), None)
        for unit_id, name in listing.unit_choices(workspace.db):
            self.owner.addItem(name, unit_id)
        self.mapping_table = QTableWidget(0, 4, self)
        self.mapping_table.setHorizontalHeaderLabels(
            [
                self.tr("Cột trong tệp"),
                self.tr("Trường FieldSurvey"),
                self.tr("Khoảng giá trị số"),
                self.tr("Giá trị mẫu"),
            ]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        self.geometry_note = QLabel(
            self.tr("Vị trí lấy từ hình học (geometry) của từng điểm trong tệp GeoJSON."), self
        )
        self.geometry_note.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.preview_button = QPushButton(self.tr("Xem trước"), self)
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.import_button = QPushButton(self.tr("Nhập"), self)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.cancel_button.hide()
        self.duplicates_button = QPushButton(self.tr("Xem camera trùng lắp…"), self)
        self.duplicates_button.clicked.connect(self.open_duplicates)
        self.duplicates_button.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_buttons = close
        actions = QHBoxLayout()
        for button in (
            self.preview_button,
            self.import_button,
            self.cancel_button,
            self.duplicates_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        form = QFormLayout()
        form.addRow(self.tr("Tệp"), file_row)
        form.addRow(field_label("owner_unit_id"), self.owner)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.geometry_note)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addLayout(actions)
        self.update_buttons()
        if path is not None:
            self.path.setText(str(path))
            self.load()

    def update_buttons(self) -> None:
        ready = self.inventory is not None and not self.busy
        self.preview_button.setEnabled(ready)
        self.import_button.setEnabled(ready and self.report is None)

    def on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn danh sách camera"),
            str(self.workspace.path.parent),
            self.tr("Danh sách camera (*.csv *.geojson *.json);;Tất cả (*)"),
        )
        if name:
            self.path.setText(name)
            self.load()

    def load(self) -> None:
        """Read the file and show its columns with the guessed mapping; a file that is not an
        inventory is refused with the reason, and nothing is written."""
        self.inventory, self.report = None, None
        self.combos = {}
        self.mapping_table.setRowCount(0)
        self.details.clear()
        self.duplicates_button.hide()
        self.geometry_note.hide()
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Chọn một tệp CSV hoặc GeoJSON."))
            self.update_buttons()
            return
        try:
            self.inventory = inventory.read_inventory(Path(text))
        except FieldSurveyError as exc:
            self.status.setText(self.tr("Không đọc được tệp: {0}").format(error_text(exc)))
            self.update_buttons()
            return
        self.show_mapping(self.inventory)
        self.status.setText(
            self.tr("{0}: {1} dòng, {2} cột. Kiểm tra cách ghép cột rồi bấm Xem trước.").format(
                self.inventory.path.name, len(self.inventory.rows), len(self.inventory.columns)
            )
        )
        self.update_buttons()

    def show_mapping(self, inv: inventory.InventoryFile) -> None:
        guessed = {
            column: target for target, column in inventory.guess_mapping(inv.columns).items()
        }
        labels = target_labels()
        self.mapping_table.setRowCount(len(inv.columns))
        for row, column in enumerate(inv.columns):
            samples: list[str] = []
            for _line, values in inv.rows:
                value = values.get(column)
                if value not in (None, "") and str(value) not in samples:
                    samples.append(str(value))
                if len(samples) >= self.SAMPLES:
                    break
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column))
            self.mapping_table.setItem(row, 2, self._range_item(inv, column))
            self.mapping_table.setItem(row, 3, QTableWidgetItem(" | ".join(samples)))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("— bỏ qua —"), None)
            for target, label in labels.items():
                combo.addItem(label, target)
            if column in guessed:
                combo.setCurrentIndex(combo.findData(guessed[column]))
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos[column] = combo
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.resizeColumnToContents(1)
        self.mapping_table.resizeColumnToContents(2)
        self.geometry_note.setVisible(inv.format == "geojson")

    def _range_item(self, inv: inventory.InventoryFile, column: str) -> QTableWidgetItem:
        """The lowest and highest number the column holds: a bearing goes up to 360, a field
        of view seldom past 120, so a person can tell which an "angle" column is."""
        found = inventory.value_range(inv, column)
        if found is None:
            return QTableWidgetItem("")
        low, high, count = found
        item = QTableWidgetItem(
            self.tr("{0} – {1} ({2} giá trị)").format(
                shown_decimal(low), shown_decimal(high), count
            )
        )
        item.setToolTip(
            self.tr("Hướng nhìn (phương vị) nằm trong 0–360°; góc nhìn (độ rộng) thường dưới 120°.")
        )
        return item

    def range_text(self, column: str) -> str:
        """The value range shown for a column of the file."""
        for row in range(self.mapping_table.rowCount()):
            name, found = self.mapping_table.item(row, 0), self.mapping_table.item(row, 2)
            if name is not None and name.text() == column and found is not None:
                return found.text()
        return ""

    def set_target(self, column: str, target: str | None) -> None:
        """Map a column of the file to a field (None: ignore it), as the combo box does."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(target))

    def mapping(self) -> dict[str, str]:
        """{target: column} as chosen; a field chosen for two columns is refused."""
        out: dict[str, str] = {}
        for column, combo in self.combos.items():
            target = combo.currentData()
            if target is None:
                continue
            if target in out:
                raise _MappingError(
                    self.tr("Trường «{0}» được chọn cho hai cột: {1} và {2}.").format(
                        combo.currentText(), out[target], column
                    )
                )
            out[target] = column
        return out

    def _checked_mapping(self) -> dict[str, str] | None:
        if self.inventory is None:
            return None
        try:
            return inventory.check_mapping(self.inventory, self.mapping())
        except _MappingError as exc:
            self.status.setText(str(exc))
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
        return None

    def _start(self, work: Any, on_done: Any, cancellable: bool) -> None:
        self.busy = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        self.update_buttons()

        def finish() -> None:
            self.busy = False
            self.progress.hide()
            self.cancel_button.hide()

        def done(result: Any) -> None:
            finish()
            on_done(result)
            self.update_buttons()

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, Cancelled):
                self.status.setText(self.tr("Đã hủy, không nhập camera nào."))
            else:
                self.status.setText(self.tr("Không nhập được: {0}").format(error_text(error)))
            self.update_buttons()

        write_in_background(self, self.workspace, work, done, failed)

    def on_preview_clicked(self) -> None:
        """Every row read and checked (nothing written): how many would be imported, the
        unreadable ones with their line and reason, and the first rows as they would be."""
        mapping = self._checked_mapping()
        inv, owner = self.inventory, self.owner.currentData()
        if mapping is None or inv is None:
            return
        self.status.setText(self.tr("Đang đọc từng dòng…"))

        def work(ws: Workspace) -> tuple[inventory.ImportReport, list[inventory.RowOutcome]]:
            checked = inventory.import_inventory(ws, inv, mapping, owner=owner, dry_run=True)
            return checked, inventory.preview(ws, inv, mapping)

        def done(result: tuple[inventory.ImportReport, list[inventory.RowOutcome]]) -> None:
            checked, first = result
            lang = current_language()
            self.status.setText(
                self.tr("Đã đọc {0} dòng: {1} dòng nhập được, {2} dòng không đọc được.").format(
                    len(inv.rows), checked.imported, len(checked.refused)
                )
                + " "
                + self.tr("Nếu nhập: {0}; {1} camera có thể trùng.").format(
                    checked.counts().text(lang), checked.flagged
                )
            )
            lines = [self.tr("Các dòng đầu:")]
            for outcome in first:
                place = inv.place(outcome.number, outcome.line).text(current_language())
                if outcome.camera is None:
                    lines.append(
                        self.tr("  {0}: không đọc được — {1}").format(
                            place,
                            outcome.error.text(current_language()) if outcome.error else "",
                        )
                    )
                    continue
                camera = outcome.camera
                lines.append(
                    self.tr("  {0}: {1} ({2:.6f}, {3:.6f}) {4}").format(
                        place,
                        camera.get("ref") or camera.get("name") or "",
                        camera["lat"],
                        camera["lon"],
                        labels.code_label(
                            "camera_type", camera.get("camera_type"), current_language()
                        ),
                    )
                )
            lines += self._refused_lines(checked)
            self.details.setPlainText("\n".join(lines))

        self._start(work, done, cancellable=False)

    def _refused_lines(self, report: inventory.ImportReport) -> list[str]:
        """The rows that cannot be imported, then what the imported rows came with (a value
        left out, a position outside Hà Nội), each with its line."""
        lang = current_language()
        lines = []
        if report.refused:
            lines.append(self.tr("Dòng không đọc được ({0}):").format(len(report.refused)))
            lines += [
                self.tr("  {0}: {1}").format(r["place"].text(lang), r["reason"].text(lang))
                for r in report.refused
            ]
        if report.warnings:
            lines.append(self.tr("Lưu ý ({0}):").format(len(report.warnings)))
            lines += [
                self.tr("  {0}: {1}").format(w["place"].text(lang), w["message"].text(lang))
                for w in report.warnings
            ]
        if report.gone:
            lines.append(self.tr("Không còn trong danh sách ({0}):").format(len(report.gone)))
            lines += [f"  {camera['ref']}" for camera in report.gone]
        return lines

    def on_import_clicked(self) -> None:
        """Import every readable row in one transaction (all or nothing), then the report."""
        mapping = self._checked_mapping()
        inv, owner = self.inventory, self.owner.currentData()
        if mapping is None or inv is None:
            return
        self.status.setText(self.tr("Đang nhập…"))
        task = self.task = Task()
        task.progress.connect(self._on_progress)

        def work(ws: Workspace) -> inventory.ImportReport:
            return inventory.import_inventory(
                ws, inv, mapping, owner=owner, progress=task.report, cancel=task.cancelled
            )

        self._start(work, self.show_report, cancellable=True)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what and not self.task.cancelled():
            self.status.setText(what + "…")

    def on_cancel_clicked(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Đang hủy…"))

    def reject(self) -> None:
        if self.busy:  # the worker still runs on the workspace; cancel rather than leave it
            self.on_cancel_clicked()
            return
        super().reject()

    def show_report(self, report: inventory.ImportReport) -> None:
        self.report = report
        if report.imported == 0:
            self.status.setText(self.tr("Không có dòng nào nhập được; không ghi gì."))
            self.report = None
        else:
            self.status.setText(
                self.tr(
                    "Đã nhập {0} camera: {1} địa điểm mới, {2} camera vào địa điểm có sẵn, "
                    "{3} đơn vị mới; {4} dòng không đọc được; {5} camera mới có thể trùng."
                ).format(
                    report.imported,
                    report.sites_created,
                    report.sites_reused,
                    report.units_created,
                    len(report.refused),
                    report.flagged,
                )
                + " "
                + report.counts().text(current_language())
                + "."
            )
        lines = self._refused_lines(report)
        if report.duplicates:
            ids = [p[s]["id"] for p in report.duplicates for s in ("a", "b")]
            titles = listing.camera_titles(self.workspace.db, ids)
            new = set(report.camera_ids)
            existing = sum(
                not (p["a"]["id"] in new and p["b"]["id"] in new) for p in report.duplicates
            )
            lines.append(
                self.tr("Có thể trùng: {0} cặp, {1} cặp với camera đã có:").format(
                    len(report.duplicates), existing
                )
            )
            lines += [
                f"  {shown_decimal(p['score'], 2)}  {titles.get(p['a']['id'], '')} ↔ "
                f"{titles.get(p['b']['id'], '')}"
                for p in report.duplicates
            ]
        self.details.setPlainText("\n".join(lines))
        self.duplicates_button.setVisible(bool(report.duplicates))
        if report.imported:
            self.changed.emit()

    def open_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.workspace, self)
        dialog.changed.connect(self.changed.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class _MappingError(Exception):
    """Two columns were mapped to one field."""
