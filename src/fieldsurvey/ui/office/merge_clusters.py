"""Every sure cluster of duplicates merged at once: a lowest score, a preview of each cluster
(the record kept, the others, the values taken from them, or why a cluster is left for a
supervisor), then the merge in the background with progress and cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office import merging
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from fieldsurvey.ui.background import Task, read_workspace_in_background, write_in_background
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import message_label
from fieldsurvey.ui.values import shown_value

DEFAULT_MIN_SCORE = 0.9


class MergeClustersDialog(QDialog):
    """The clusters whose every pair scores at least the chosen score, previewed; "Gộp" merges
    the ones that can be merged, in one transaction (a cancel leaves everything as it was)."""

    changed = Signal()
    """Emitted after clusters were merged."""
    previewed = Signal()
    """Emitted when a preview is shown."""

    def __init__(self, workspace: Workspace, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = table
        self.lang = current_language()
        self.previews: list[dict[str, Any]] = []
        self.merged = 0
        self.loading = False
        self.task: Task | None = None
        self.setWindowTitle(
            self.tr("Gộp các nhóm camera trùng chắc chắn")
            if table == "cameras"
            else self.tr("Gộp các nhóm địa điểm trùng chắc chắn")
        )
        self.resize(900, 600)
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setRange(0.5, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setValue(DEFAULT_MIN_SCORE)
        self.min_score.valueChanged.connect(self._stale)
        self.preview_button = QPushButton(self.tr("Xem trước"), self)
        self.preview_button.clicked.connect(self.preview)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Mọi cặp trong nhóm có điểm từ"), self))
        top.addWidget(self.min_score)
        top.addWidget(self.preview_button)
        top.addStretch(1)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Nhóm"), self.tr("Giữ lại / giá trị"), self.tr("Từ")])
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = message_label(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("Gộp"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.clicked.connect(self.on_merge_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.preview()

    def _stale(self) -> None:
        """Another score: what is shown is no longer what would be merged."""
        if self.loading:
            return
        self.previews = []
        self.tree.clear()
        self.summary.setText(self.tr("Bấm Xem trước để xem các nhóm ở điểm này."))
        self.merge_button.setText(self.tr("Gộp"))
        self._enable()

    def _mergeable(self) -> list[dict[str, Any]]:
        return [p for p in self.previews if p["merge"]]

    def _enable(self) -> None:
        busy = self.loading or self.task is not None
        self.merge_button.setEnabled(not busy and bool(self._mergeable()))
        self.preview_button.setEnabled(not busy)
        self.min_score.setEnabled(not busy)

    def preview(self) -> None:
        """Find the clusters again at the chosen score, in the background."""
        if self.loading or self.task is not None:
            return
        self.loading = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.clear()
        self.summary.setText(self.tr("Đang tìm các nhóm trùng…"))
        self._enable()
        table, score = self.table, self.min_score.value()

        def work(ws: Workspace) -> list[dict[str, Any]]:
            return merging.preview_clusters(ws, table, score)

        read_workspace_in_background(self, self.workspace, work, self._show, self._failed)

    def _title(self, record_id: str) -> str:
        return self.workspace.title(self.table, record_id) or record_id[:8]

    def _show(self, previews: list[dict[str, Any]]) -> None:
        self.loading = False
        self.progress.hide()
        self.previews = previews
        self.tree.clear()
        labels = field_labels(self.table)
        for number, preview in enumerate(previews, start=1):
            cluster, merge = preview["cluster"], preview["merge"]
            head = QTreeWidgetItem(
                [
                    self.tr("{0}. {1} bản ghi, điểm {2:.2f}").format(
                        number, len(cluster["ids"]), cluster["score"]
                    )
                ]
            )
            if merge is None:
                head.setText(1, self.tr("Để lại: {0}").format(preview["skipped"].text(self.lang)))
                head.setForeground(1, Qt.GlobalColor.darkRed)
            else:
                head.setText(1, self.tr("Giữ lại: {0}").format(self._title(merge["keep"])))
                head.setText(2, ", ".join(self._title(i) for i in merge["others"]))
                for name, change in merge["values"].items():
                    value = shown_value(
                        self.workspace, self.table, name, change["value"], self.lang
                    )
                    head.addChild(
                        QTreeWidgetItem(
                            [
                                labels.get(name, name),
                                value,
                                self._title(change["from"]),
                            ]
                        )
                    )
            self.tree.addTopLevelItem(head)
        self.tree.resizeColumnToContents(0)
        count = len(self._mergeable())
        self.summary.setText(
            self.tr("{0} nhóm sẽ được gộp, {1} nhóm để lại cho người duyệt.").format(
                count, len(previews) - count
            )
        )
        self.merge_button.setText(self.tr("Gộp {0} nhóm").format(count))
        self._enable()
        self.previewed.emit()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.task = None
        self.progress.hide()
        if isinstance(error, Cancelled):
            self.message.setText(self.tr("Đã hủy: không gộp nhóm nào."))
        elif isinstance(error, FieldSurveyError):
            self.message.setText(error_text(error))
        else:
            raise error
        self._enable()

    def on_merge_clicked(self) -> None:
        todo = self._mergeable()
        if not todo or self.task is not None:
            return
        task = self.task = Task()
        task.progress.connect(self._on_progress)
        self.progress.setRange(0, len(todo))
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(self.tr("Đang gộp…"))
        self._enable()

        def work(ws: Workspace) -> dict[str, int]:
            return merging.merge_clusters(ws, todo, progress=task.report, cancel=task.cancelled)

        write_in_background(self, self.workspace, work, self._merged, self._failed)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _merged(self, total: dict[str, int]) -> None:
        self.task = None
        self.progress.hide()
        self.merged = total["clusters"]
        self.changed.emit()
        self.accept()

    def reject(self) -> None:
        if self.task is not None:  # the merge still runs: cancel rather than leave it
            self.task.cancel()
            self.message.setText(self.tr("Đang hủy…"))
            return
        super().reject()
