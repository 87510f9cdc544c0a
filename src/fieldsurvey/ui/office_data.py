"""The supervisor's data screens: candidate duplicate cameras and sites, merging two cameras,
importing an owner's inventory, and the city-wide reports. Thin over core/office/duplicates.py,
core/office/inventory.py and core/reports/; every write goes through the workspace."""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office import duplicates, inventory
from fieldsurvey.core.photos.store import linked_photos
from fieldsurvey.core.reports import filters, labels, writing
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background, write_in_background
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text, tr
from fieldsurvey.ui.values import plain_tooltip, shown_value

# Position fields are chosen together: a latitude from one record and a longitude from the
# other is no place at all. The commune follows the chosen position (merge_cameras).
LOCATION_FIELDS = ("lat", "lon", "location_accuracy_m", "location_source")
HIDDEN_FIELDS = frozenset({"commune_code"})
THUMBNAILS_SHOWN = 6
THUMB = 72


class _Relay(QObject):
    """Carries progress from the worker thread to the UI thread (a queued signal)."""

    progress = Signal(int, int, str)


class _Cancelled(Exception):
    """The user cancelled an inventory import; the core rolls the transaction back."""


# -- duplicates -----------------------------------------------------------------------------------


class MergeDialog(QDialog):
    """Two cameras side by side, a choice per field of which value survives; OK merges the
    other camera into the kept one (its photos, shortcomings and needs move over)."""

    changed = Signal()
    """Emitted after the merge was written."""

    def __init__(
        self, workspace: Workspace, keep_id: str, other_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.keep_id, self.other_id = keep_id, other_id
        self.lang = current_language()
        self.moved: dict[str, int] | None = None
        self.setWindowTitle(self.tr("Gộp hai camera"))
        self.resize(900, 640)
        self.groups: dict[str, QButtonGroup] = {}
        self.fields_area = QScrollArea(self)
        self.fields_area.setWidgetResizable(True)
        swap = QPushButton(self.tr("Đổi bên giữ lại"), self)
        swap.clicked.connect(self.swap)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("Gộp"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.clicked.connect(self.on_merge_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(swap, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.fields_area, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.fill()

    def swap(self) -> None:
        self.keep_id, self.other_id = self.other_id, self.keep_id
        self.fill()

    def _text(self, field_name: str, value: Any) -> str:
        return (
            ""
            if duplicates.is_empty(value)
            else shown_value(self.workspace, "cameras", field_name, value, self.lang)
        )

    def _location_text(self, record: dict[str, Any]) -> str:
        lat, lon = record["lat"], record["lon"]
        if lat is None or lon is None:
            return ""
        text = f"{lat:.6f}, {lon:.6f}"
        if record["location_accuracy_m"] is not None:
            text += f" (±{record['location_accuracy_m']:g} m)"
        if record["location_source"]:
            text += " · " + self._text("location_source", record["location_source"])
        return text

    def rows(self) -> list[tuple[str, str, Any, Any, str, str]]:
        """(key, label, keep value, other value, keep text, other text), one per field shown."""
        compared = duplicates.compare_cameras(self.workspace, self.keep_id, self.other_id)
        by_field = {row["field"]: row for row in compared}
        keep = {name: row["a"] for name, row in by_field.items()}
        other = {name: row["b"] for name, row in by_field.items()}
        labels = field_labels()
        labels.update(
            {
                "site_id": self.tr("Địa điểm"),
                "photos": self.tr("Ảnh"),
                "location": labels["location"],
            }
        )
        out: list[tuple[str, str, Any, Any, str, str]] = []
        for row in compared:
            name = row["field"]
            if name in HIDDEN_FIELDS or name == "photos" or name in LOCATION_FIELDS[1:]:
                continue
            if name == "lat":
                pick = LOCATION_FIELDS
                out.append(
                    (
                        "location",
                        labels["location"],
                        tuple(keep[f] for f in pick),
                        tuple(other[f] for f in pick),
                        self._location_text(keep),
                        self._location_text(other),
                    )
                )
                continue
            out.append(
                (
                    name,
                    labels.get(name, name),
                    row["a"],
                    row["b"],
                    self._text(name, row["a"]),
                    self._text(name, row["b"]),
                )
            )
        return out

    def fill(self) -> None:
        """Build the side-by-side table for the current kept/other cameras."""
        self.groups = {}
        body = QWidget()
        grid = QGridLayout(body)
        titles = listing.camera_titles(self.workspace.db, [self.keep_id, self.other_id])
        keep_title, other_title = (
            html.escape(titles.get(i, "")) for i in (self.keep_id, self.other_id)
        )
        heading_keep = QLabel("<b>" + self.tr("Giữ lại: {0}").format(keep_title) + "</b>", body)
        heading_other = QLabel(
            "<b>" + self.tr("Gộp vào rồi xoá: {0}").format(other_title) + "</b>", body
        )
        heading_keep.setWordWrap(True)
        heading_other.setWordWrap(True)
        grid.addWidget(heading_keep, 0, 1)
        grid.addWidget(heading_other, 0, 2)
        empty = self.tr("(trống)")
        line = 1
        for key, label, a, b, a_text, b_text in self.rows():
            grid.addWidget(QLabel(label, body), line, 0)
            if a == b:
                same = QLabel(a_text or empty, body)
                same.setTextFormat(Qt.TextFormat.PlainText)
                same.setWordWrap(True)
                same.setEnabled(False)
                grid.addWidget(same, line, 1, 1, 2)
            else:
                group = QButtonGroup(body)
                keep_radio = QRadioButton(a_text or empty, body)
                other_radio = QRadioButton(b_text or empty, body)
                keep_radio.setObjectName(f"{key}:keep")
                other_radio.setObjectName(f"{key}:other")
                group.addButton(keep_radio, 0)
                group.addButton(other_radio, 1)
                empty_keep = (
                    all(duplicates.is_empty(v) for v in a)
                    if isinstance(a, tuple)
                    else duplicates.is_empty(a)
                )
                empty_other = (
                    all(duplicates.is_empty(v) for v in b)
                    if isinstance(b, tuple)
                    else duplicates.is_empty(b)
                )
                (other_radio if empty_keep and not empty_other else keep_radio).setChecked(True)
                grid.addWidget(keep_radio, line, 1)
                grid.addWidget(other_radio, line, 2)
                self.groups[key] = group
            line += 1
        grid.addWidget(QLabel(self.tr("Ảnh"), body), line, 0)
        grid.addWidget(self._photos(self.keep_id, body), line, 1)
        grid.addWidget(self._photos(self.other_id, body), line, 2)
        note = QLabel(self.tr("Ảnh của cả hai camera được giữ lại."), body)
        grid.addWidget(note, line + 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(line + 2, 1)
        self.fields_area.setWidget(body)

    def _photos(self, camera_id: str, parent: QWidget) -> QWidget:
        photos = linked_photos(self.workspace, "cameras", camera_id)
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("{0} ảnh").format(len(photos)), box))
        for photo in photos[:THUMBNAILS_SHOWN]:
            if photo["thumbnail"] is None:
                continue
            thumb = QLabel(box)
            thumb.setPixmap(
                QPixmap(str(photo["thumbnail"])).scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio
                )
            )
            thumb.setToolTip(plain_tooltip(str(photo["file_name"] or "")))
            row.addWidget(thumb)
        row.addStretch(1)
        return box

    def choose(self, key: str, side: str) -> None:
        """Pick ``side`` ("keep" or "other") for a row that differs, as a click on it does."""
        button = self.groups[key].button(0 if side == "keep" else 1)
        button.setChecked(True)

    def choices(self) -> dict[str, str]:
        """{field: "keep" | "other"} for every field whose values differ."""
        out: dict[str, str] = {}
        for key, group in self.groups.items():
            side = "other" if group.checkedId() == 1 else "keep"
            for name in LOCATION_FIELDS if key == "location" else (key,):
                out[name] = side
        return out

    def on_merge_clicked(self) -> None:
        try:
            self.moved = duplicates.merge_cameras(
                self.workspace, self.keep_id, self.other_id, self.choices()
            )
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
            return
        self.changed.emit()
        self.accept()


class DuplicatesDialog(QDialog):
    """Candidate duplicate cameras (and sites), best first, with why; merge a pair or say it is
    not a duplicate, which is remembered and synced."""

    changed = Signal()
    """Emitted after a merge or a "not a duplicate" decision was written."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Camera, địa điểm trùng lắp"))
        self.resize(960, 520)
        self.camera_pairs: list[dict[str, Any]] = []
        self.site_pairs: list[dict[str, Any]] = []
        headers = [self.tr("Điểm"), self.tr("Bản ghi A"), self.tr("Bản ghi B"), self.tr("Lý do")]
        self.cameras = self._table(headers)
        self.sites = self._table(headers)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.cameras, self.tr("Camera"))
        self.tabs.addTab(self.sites, self.tr("Địa điểm"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.loading = False
        self.merge_button = QPushButton(self.tr("Gộp…"), self)
        self.merge_button.clicked.connect(self.on_merge_clicked)
        self.not_duplicate_button = QPushButton(self.tr("Không trùng"), self)
        self.not_duplicate_button.clicked.connect(self.on_not_duplicate_clicked)
        self.tabs.currentChanged.connect(lambda _i: self.update_buttons())
        self.cameras.itemSelectionChanged.connect(self.update_buttons)
        self.sites.itemSelectionChanged.connect(self.update_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.not_duplicate_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def reload(self) -> None:
        """Find every candidate again, in the background on a connection of its own (a city's
        cameras take a while); decided pairs and merged cameras drop out."""
        path = self.workspace.path
        self.loading = True
        self.progress.show()
        self.status.setText(self.tr("Đang tìm bản ghi trùng lắp…"))
        self.update_buttons()

        def work(db: sqlite_utils.Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return (
                duplicates.find_duplicates(db, photo_root=photo_folder(path)),
                duplicates.find_duplicate_sites(db),
            )

        def done(found: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            self.loading = False
            self.progress.hide()
            self.status.clear()
            self.camera_pairs, self.site_pairs = found
            self.show_pairs()

        def failed(error: BaseException) -> None:
            self.loading = False
            self.progress.hide()
            self.status.setText(self.tr("Không tìm được: {0}").format(error_text(error)))
            self.update_buttons()

        read_in_background(self, path, work, done, failed)

    def show_pairs(self) -> None:
        ids = [p[s]["id"] for p in self.camera_pairs for s in ("a", "b")]
        titles = listing.camera_titles(self.workspace.db, ids)
        self._fill(
            self.cameras,
            self.camera_pairs,
            lambda side: (
                titles.get(side["id"], side["id"])
                + (f" [{side['ref']}]" if side.get("ref") else "")
            ),
        )
        self._fill(self.sites, self.site_pairs, lambda side: str(side["name"]))
        self.tabs.setTabText(0, self.tr("Camera ({0})").format(len(self.camera_pairs)))
        self.tabs.setTabText(1, self.tr("Địa điểm ({0})").format(len(self.site_pairs)))
        self.update_buttons()

    def after_merge(self, keep: str, other: str) -> None:
        """The merged camera's pairs go; the kept camera's are scored again (its values and
        photos may have changed). The rest of the list stands."""
        rest = [p for p in self.camera_pairs if not {p["a"]["id"], p["b"]["id"]} & {keep, other}]
        fresh = duplicates.find_workspace_duplicates(self.workspace, involving={keep})
        self.camera_pairs = sorted(
            rest + fresh, key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"])
        )
        self.show_pairs()

    def _fill(self, table: QTableWidget, pairs: list[dict[str, Any]], name: Any) -> None:
        table.clearSelection()
        table.setRowCount(len(pairs))
        for r, pair in enumerate(pairs):
            cells = [f"{pair['score']:.2f}", name(pair["a"]), name(pair["b"])]
            cells.append("; ".join(r.text(current_language()) for r in pair["reasons"]))
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def selected_pair(self) -> tuple[str, dict[str, Any]] | None:
        """(table, pair) of the selected row of the current tab."""
        on_cameras = self.tabs.currentIndex() == 0
        table = self.cameras if on_cameras else self.sites
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        pairs = self.camera_pairs if on_cameras else self.site_pairs
        return ("cameras" if on_cameras else "sites"), pairs[rows[0].row()]

    def select_pair(self, a: str, b: str) -> bool:
        """Show and select the pair of these two cameras; False when it is not listed."""
        for row, pair in enumerate(self.camera_pairs):
            if {pair["a"]["id"], pair["b"]["id"]} == {a, b}:
                self.tabs.setCurrentIndex(0)
                self.cameras.selectRow(row)
                return True
        return False

    def update_buttons(self) -> None:
        selected = None if self.loading else self.selected_pair()
        self.merge_button.setEnabled(selected is not None and selected[0] == "cameras")
        self.not_duplicate_button.setEnabled(selected is not None)

    def on_merge_clicked(self) -> None:
        selected = self.selected_pair()
        if selected is None or selected[0] != "cameras":
            return
        keep, other = duplicates.merge_order(
            self.workspace, selected[1]["a"]["id"], selected[1]["b"]["id"]
        )
        dialog = MergeDialog(self.workspace, keep, other, self)
        dialog.changed.connect(self.changed.emit)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Đã gộp hai camera."))
            self.after_merge(dialog.keep_id, dialog.other_id)
        dialog.deleteLater()

    def on_not_duplicate_clicked(self) -> None:
        selected = self.selected_pair()
        if selected is None:
            return
        table, pair = selected
        try:
            duplicates.mark_not_duplicate(self.workspace, table, pair["a"]["id"], pair["b"]["id"])
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("Đã ghi nhận: hai bản ghi không trùng nhau."))
        if table == "cameras":
            self.camera_pairs.remove(pair)
        else:
            self.site_pairs.remove(pair)
        self.changed.emit()
        self.show_pairs()


# -- inventories ----------------------------------------------------------------------------------


def target_labels() -> dict[str, str]:
    """What each inventory column can become, in words."""
    labels = {
        "lat": tr("Vĩ độ"),
        "lon": tr("Kinh độ"),
        "ref": tr("Mã hiệu của nguồn"),
        "name": tr("Tên camera"),
        "direction": tr("Hướng nhìn"),
        "field_of_view": tr("Góc nhìn (độ)"),
        "tilt": tr("Góc nghiêng (camera:angle)"),
        "camera_type": tr("Loại camera"),
        "surveillance_type": tr("Loại giám sát (surveillance:type)"),
        "mount": tr("Kiểu lắp đặt"),
        "height": tr("Độ cao lắp (m)"),
        "operator": tr("Đơn vị chủ quản"),
        "address": tr("Địa chỉ"),
        "zone": tr("Loại địa điểm"),
        "notes": tr("Ghi chú"),
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
        self._cancel = threading.Event()
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
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Cột trong tệp"), self.tr("Trường FieldSurvey"), self.tr("Giá trị mẫu")]
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
        self.cancel_button = QPushButton(self.tr("Huỷ"), self)
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
        form.addRow(self.tr("Đơn vị chủ quản"), self.owner)
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
            self.mapping_table.setItem(row, 2, QTableWidgetItem(" | ".join(samples)))
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
        self.geometry_note.setVisible(inv.format == "geojson")

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
        self._cancel.clear()
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
            if isinstance(error, _Cancelled):
                self.status.setText(self.tr("Đã huỷ, không nhập camera nào."))
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
            self.status.setText(
                self.tr("Đã đọc {0} dòng: {1} dòng nhập được, {2} dòng không đọc được.").format(
                    len(inv.rows), checked.imported, len(checked.refused)
                )
            )
            lines = [self.tr("Các dòng đầu:")]
            for outcome in first:
                if outcome.camera is None:
                    lines.append(
                        self.tr("  dòng {0}: không đọc được — {1}").format(
                            outcome.line,
                            outcome.error.text(current_language()) if outcome.error else "",
                        )
                    )
                    continue
                camera = outcome.camera
                lines.append(
                    self.tr("  dòng {0}: {1} ({2:.6f}, {3:.6f}) {4}").format(
                        outcome.line,
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
                self.tr("  dòng {0}: {1}").format(r["line"], r["reason"].text(lang))
                for r in report.refused
            ]
        if report.warnings:
            lines.append(self.tr("Lưu ý ({0}):").format(len(report.warnings)))
            lines += [
                self.tr("  dòng {0}: {1}").format(w["line"], w["message"].text(lang))
                for w in report.warnings
            ]
        return lines

    def on_import_clicked(self) -> None:
        """Import every readable row in one transaction (all or nothing), then the report."""
        mapping = self._checked_mapping()
        inv, owner = self.inventory, self.owner.currentData()
        if mapping is None or inv is None:
            return
        self.status.setText(self.tr("Đang nhập…"))
        relay = _Relay(self)
        relay.progress.connect(self._on_progress)
        cancel = self._cancel

        def progress(done: int, total: int, text: str) -> None:
            if cancel.is_set():
                raise _Cancelled
            relay.progress.emit(done, total, text)

        def work(ws: Workspace) -> inventory.ImportReport:
            return inventory.import_inventory(ws, inv, mapping, owner=owner, progress=progress)

        self._start(work, self.show_report, cancellable=True)

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_cancel_clicked(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Đang huỷ…"))

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
                f"  {p['score']:.2f}  {titles.get(p['a']['id'], '')} ↔ "
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
        self._cancel = threading.Event()
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
        form = QFormLayout()
        form.addRow(self.tr("Định dạng"), self.format)
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
        cancel = self._cancel
        cancel.clear()
        relay = _Relay(self)
        relay.progress.connect(self._on_progress)

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
                progress=lambda done, total, text: relay.progress.emit(done, total, text),
                cancel=cancel.is_set,
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
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang huỷ…"))
        else:
            self.reject()

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def reject(self) -> None:
        if self.busy:  # the worker still writes; cancel it rather than leave it running
            self._cancel.set()
            return
        super().reject()
