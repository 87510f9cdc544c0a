"""Duplicate cameras and sites: the candidate pairs, "not a duplicate", and merging two cameras
field by field, with their photos side by side."""

from __future__ import annotations

import html
from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
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

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office import duplicates, merging
from fieldsurvey.core.photos.store import linked_photos
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.values import plain_tooltip, shown_value

# Position fields are chosen together: a latitude from one record and a longitude from the
# other is no place at all. The commune follows the chosen position (merge_cameras).
LOCATION_FIELDS = ("lat", "lon", "location_accuracy_m", "location_source")
HIDDEN_FIELDS = frozenset({"commune_code"})
THUMBNAILS_SHOWN = 6
THUMB = 72


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
            if merging.is_empty(value)
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
        compared = merging.compare_cameras(self.workspace, self.keep_id, self.other_id)
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
                    all(merging.is_empty(v) for v in a)
                    if isinstance(a, tuple)
                    else merging.is_empty(a)
                )
                empty_other = (
                    all(merging.is_empty(v) for v in b)
                    if isinstance(b, tuple)
                    else merging.is_empty(b)
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
            self.moved = merging.merge_cameras(
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
        keep, other = merging.merge_order(
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
