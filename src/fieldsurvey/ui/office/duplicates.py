"""Duplicate cameras and sites: the candidate pairs and their clusters, "not a duplicate", and
merging a cluster's records field by field, with their photos side by side; every sure cluster
at once is ``merge_clusters.py``."""

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
from fieldsurvey.core.office import clusters, duplicate_sites, duplicates, merging
from fieldsurvey.core.photos.store import linked_photos
from fieldsurvey.core.store import listing
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import read_in_background
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import message_label
from fieldsurvey.ui.office.merge_clusters import MergeClustersDialog
from fieldsurvey.ui.values import plain_tooltip, shown_decimal, shown_value

# Position fields are chosen together (merging.LOCATION_FIELDS): a latitude from one record and
# a longitude from another is no place at all. The commune follows the chosen position.
LOCATION_FIELDS = merging.LOCATION_FIELDS
HIDDEN_FIELDS = frozenset({"commune_code"})
THUMBNAILS_SHOWN = 6
THUMB = 72


def side_name(index: int) -> str:
    """The name of a record's column in the merge dialog's choices: the kept record's "keep",
    the next "other", then "other2", "other3"…"""
    return "keep" if index == 0 else "other" if index == 1 else f"other{index}"


# -- duplicates -----------------------------------------------------------------------------------


class MergeDialog(QDialog):
    """Two or more cameras (or sites) side by side, a choice per field of which record's value
    survives; OK merges the others into the kept one (their photos and whatever points at them
    move over)."""

    changed = Signal()
    """Emitted after the merge was written."""

    def __init__(
        self,
        workspace: Workspace,
        *ids: str,
        table: str = "cameras",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = table
        self.ids = list(ids)
        self.lang = current_language()
        self.moved: dict[str, int] | None = None
        if table == "cameras" and len(ids) == 2:
            self.setWindowTitle(self.tr("Gộp hai camera"))
        elif table == "cameras":
            self.setWindowTitle(self.tr("Gộp {0} camera").format(len(ids)))
        else:
            self.setWindowTitle(self.tr("Gộp {0} địa điểm").format(len(ids)))
        self.resize(900 + 200 * max(0, len(ids) - 2), 640)
        self.groups: dict[str, QButtonGroup] = {}
        self.fields_area = QScrollArea(self)
        self.fields_area.setWidgetResizable(True)
        swap = QPushButton(self.tr("Đổi bên giữ lại"), self)
        swap.clicked.connect(self.swap)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.warning = message_label(self)
        apart = clusters.why_apart(workspace, table, self.ids)
        if apart is not None:
            self.warning.setText(
                self.tr("Lưu ý: {0}. Gộp lại sẽ coi chúng là một.").format(apart.text(self.lang))
            )
        self.warning.setVisible(apart is not None)
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
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.fill()

    @property
    def keep_id(self) -> str:
        return self.ids[0]

    @property
    def other_id(self) -> str:
        return self.ids[1]

    def swap(self) -> None:
        """The next record becomes the kept one (of two, the other)."""
        self.ids = self.ids[1:] + self.ids[:1]
        self.fill()

    def _text(self, field_name: str, value: Any) -> str:
        return (
            ""
            if merging.is_empty(value)
            else shown_value(self.workspace, self.table, field_name, value, self.lang)
        )

    def _location_text(self, values: dict[str, Any]) -> str:
        lat, lon = values["lat"], values["lon"]
        if lat is None or lon is None:
            return ""
        text = f"{lat:.6f}, {lon:.6f}"
        if values["location_accuracy_m"] is not None:
            text += f" (±{values['location_accuracy_m']:g} m)"
        if values["location_source"]:
            text += " · " + self._text("location_source", values["location_source"])
        return text

    def rows(self) -> list[tuple[str, str, list[Any], list[str]]]:
        """(key, label, values, texts), one per field shown, a value and a text per record."""
        compared = merging.compare_records(self.workspace, self.table, self.ids)
        by_field = {row["field"]: row["values"] for row in compared}
        labels = field_labels(self.table)
        labels.update({"site_id": self.tr("Địa điểm"), "photos": self.tr("Ảnh")})
        out: list[tuple[str, str, list[Any], list[str]]] = []
        for row in compared:
            name, values = row["field"], row["values"]
            if name in HIDDEN_FIELDS or name == "photos" or name in LOCATION_FIELDS[1:]:
                continue
            if name == "lat":
                located = [
                    {f: by_field[f][n] for f in LOCATION_FIELDS} for n in range(len(self.ids))
                ]
                out.append(
                    (
                        "location",
                        labels["location"],
                        [tuple(v.values()) for v in located],
                        [self._location_text(v) for v in located],
                    )
                )
                continue
            out.append(
                (name, labels.get(name, name), values, [self._text(name, v) for v in values])
            )
        return out

    def fill(self) -> None:
        """Build the side-by-side table for the records in their current order."""
        self.groups = {}
        body = QWidget()
        grid = QGridLayout(body)
        titles = (
            listing.camera_titles(self.workspace.db, self.ids)
            if self.table == "cameras"
            else {i: self.workspace.title(self.table, i) or "" for i in self.ids}
        )
        for n, record_id in enumerate(self.ids):
            title = html.escape(titles.get(record_id, ""))
            text = (
                self.tr("Giữ lại: {0}").format(title)
                if n == 0
                else self.tr("Gộp vào rồi xóa: {0}").format(title)
            )
            heading = QLabel("<b>" + text + "</b>", body)
            heading.setWordWrap(True)
            grid.addWidget(heading, 0, n + 1)
        chosen = merging.default_choices(self.workspace, self.table, self.ids[0], self.ids[1:])
        empty = self.tr("(trống)")
        line = 1
        for key, label, values, texts in self.rows():
            grid.addWidget(QLabel(label, body), line, 0)
            if all(v == values[0] for v in values):
                same = QLabel(texts[0] or empty, body)
                same.setTextFormat(Qt.TextFormat.PlainText)
                same.setWordWrap(True)
                same.setEnabled(False)
                grid.addWidget(same, line, 1, 1, len(self.ids))
            else:
                group = QButtonGroup(body)
                default = chosen["lat" if key == "location" else key]
                for n, text in enumerate(texts):
                    radio = QRadioButton(text or empty, body)
                    radio.setObjectName(f"{key}:{side_name(n)}")
                    group.addButton(radio, n)
                    radio.setChecked(self.ids[n] == default)
                    grid.addWidget(radio, line, n + 1)
                self.groups[key] = group
            line += 1
        grid.addWidget(QLabel(self.tr("Ảnh"), body), line, 0)
        for n, record_id in enumerate(self.ids):
            grid.addWidget(self._photos(record_id, body), line, n + 1)
        note = QLabel(
            self.tr("Ảnh của cả hai camera được giữ lại.")
            if self.table == "cameras" and len(self.ids) == 2
            else self.tr("Ảnh của mọi bản ghi được giữ lại."),
            body,
        )
        grid.addWidget(note, line + 1, 1, 1, len(self.ids))
        for n in range(len(self.ids)):
            grid.setColumnStretch(n + 1, 1)
        grid.setRowStretch(line + 2, 1)
        self.fields_area.setWidget(body)

    def _photos(self, record_id: str, parent: QWidget) -> QWidget:
        photos = linked_photos(self.workspace, self.table, record_id)
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
        """Pick ``side`` ("keep", "other", "other2"…) for a row that differs, as a click does."""
        index = next(n for n in range(len(self.ids)) if side_name(n) == side)
        button = self.groups[key].button(index)
        button.setChecked(True)

    def choices(self) -> dict[str, str]:
        """{field: "keep" | "other" | "other2"…} for every field whose values differ."""
        out: dict[str, str] = {}
        for key, group in self.groups.items():
            side = side_name(max(group.checkedId(), 0))
            for name in LOCATION_FIELDS if key == "location" else (key,):
                out[name] = side
        return out

    def chosen_records(self) -> dict[str, str]:
        """{field: the id of the record whose value survives}, for every field whose values
        differ."""
        sides = {side_name(n): record_id for n, record_id in enumerate(self.ids)}
        return {name: sides[side] for name, side in self.choices().items()}

    def on_merge_clicked(self) -> None:
        try:
            self.moved = merging.merge_records(
                self.workspace, self.table, self.ids, self.chosen_records()
            )
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
            return
        self.changed.emit()
        self.accept()


class DuplicatesDialog(QDialog):
    """Candidate duplicate cameras (and sites), best first, with why and the cluster each pair
    belongs to (the records connected by pairs); merge the cluster of a pair in one step, say a
    pair is not a duplicate (remembered and synced), or merge every sure cluster at once after a
    preview."""

    changed = Signal()
    """Emitted after a merge or a "not a duplicate" decision was written."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Camera, địa điểm trùng lắp"))
        self.resize(960, 520)
        self.camera_pairs: list[dict[str, Any]] = []
        self.site_pairs: list[dict[str, Any]] = []
        headers = [
            self.tr("Điểm"),
            self.tr("Bản ghi A"),
            self.tr("Bản ghi B"),
            self.tr("Lý do"),
            self.tr("Nhóm"),
        ]
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
        self.bulk_button = QPushButton(self.tr("Gộp các nhóm chắc chắn…"), self)
        self.bulk_button.clicked.connect(self.on_bulk_clicked)
        self.tabs.currentChanged.connect(lambda _i: self.update_buttons())
        self.cameras.itemSelectionChanged.connect(self.update_buttons)
        self.sites.itemSelectionChanged.connect(self.update_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.not_duplicate_button)
        row.addWidget(self.bulk_button)
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
        return table

    def reload(self, done_text: str = "") -> None:
        """Find every candidate again, in the background on a connection of its own (a city's
        cameras take a while); decided pairs and merged cameras drop out. ``done_text`` is the
        status once found."""
        path = self.workspace.path
        self.loading = True
        self.progress.show()
        self.status.setText(self.tr("Đang tìm bản ghi trùng lắp…"))
        self.update_buttons()

        def work(db: sqlite_utils.Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return (
                duplicates.find_duplicates(db, photo_root=photo_folder(path)),
                duplicate_sites.find_duplicate_sites(db),
            )

        def done(found: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            self.loading = False
            self.progress.hide()
            self.status.setText(done_text)
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

    def after_merge(self, table: str, ids: list[str]) -> None:
        """The merged records' pairs go; the kept camera's are scored again (its values and
        photos may have changed), the sites' are found again (quick). The rest stands."""
        if table == "sites":
            self.site_pairs = duplicate_sites.find_duplicate_sites(self.workspace.db)
            self.show_pairs()
            return
        rest = [p for p in self.camera_pairs if not {p["a"]["id"], p["b"]["id"]} & set(ids)]
        fresh = duplicates.find_workspace_duplicates(self.workspace, involving={ids[0]})
        self.camera_pairs = sorted(
            rest + fresh, key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"])
        )
        self.show_pairs()

    @staticmethod
    def cluster_of(pairs: list[dict[str, Any]], pair: dict[str, Any]) -> list[str]:
        """The ids of the records connected to this pair by the listed pairs (its cluster)."""
        for group in clusters.clusters_of(pairs):
            if pair in group:
                return sorted({p[side]["id"] for p in group for side in ("a", "b")})
        return sorted((pair["a"]["id"], pair["b"]["id"]))

    def _fill(self, table: QTableWidget, pairs: list[dict[str, Any]], name: Any) -> None:
        table.clearSelection()
        table.setRowCount(len(pairs))
        cluster: dict[int, str] = {}
        for number, group in enumerate(clusters.clusters_of(pairs), start=1):
            size = len({p[side]["id"] for p in group for side in ("a", "b")})
            for pair in group:
                cluster[id(pair)] = self.tr("{0} ({1} bản ghi)").format(number, size)
        for r, pair in enumerate(pairs):
            cells = [shown_decimal(pair["score"], 2), name(pair["a"]), name(pair["b"])]
            cells.append("; ".join(r.text(current_language()) for r in pair["reasons"]))
            cells.append(cluster[id(pair)])
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
        self.merge_button.setEnabled(selected is not None)
        self.not_duplicate_button.setEnabled(selected is not None)
        self.bulk_button.setEnabled(not self.loading)

    def on_merge_clicked(self) -> None:
        """Merge the selected pair's whole cluster in one step, the fullest record kept."""
        selected = self.selected_pair()
        if selected is None:
            return
        table, pair = selected
        pairs = self.camera_pairs if table == "cameras" else self.site_pairs
        ranked = merging.merge_rank(self.workspace, table, self.cluster_of(pairs, pair))
        dialog = MergeDialog(self.workspace, *ranked, table=table, parent=self)
        dialog.changed.connect(self.changed.emit)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            count = len(dialog.ids)
            if table == "cameras" and count == 2:
                self.status.setText(self.tr("Đã gộp hai camera."))
            elif table == "cameras":
                self.status.setText(self.tr("Đã gộp {0} camera.").format(count))
            else:
                self.status.setText(self.tr("Đã gộp {0} địa điểm.").format(count))
            self.after_merge(table, dialog.ids)
        dialog.deleteLater()

    def on_bulk_clicked(self) -> None:
        """Every sure cluster of the current tab merged at once, after a preview."""
        table = "cameras" if self.tabs.currentIndex() == 0 else "sites"
        dialog = MergeClustersDialog(self.workspace, table, self)
        dialog.changed.connect(self.changed.emit)
        dialog.exec()
        if dialog.merged:
            self.reload(self.tr("Đã gộp {0} nhóm.").format(dialog.merged))
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
