"""A record's photos: a strip of thumbnails (a placeholder saying why for a photo without one,
such as HEIC without the HEIC extra), drop or pick files to add them (read in worker processes,
with a progress bar and a cancel button), double-click to see one large with the date and time
it was taken."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.photos.store import (
    Failure,
    IngestResult,
    PreparedPhoto,
    linked_photos,
    missing_preview,
    photo_paths,
    prepare_many,
    record_prepared,
)
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import Task, run_in_background
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.values import plain_tooltip, shown_date

PHOTO_FILTER = "*.jpg *.jpeg *.heic *.heif *.png *.tif *.tiff *.webp *.avif"
THUMB = 96
# The strip's thumbnails: small enough to leave the form most of the editor on a laptop.
STRIP_THUMB = 72


def placeholder(fmt: str | None) -> QPixmap:
    """A thumbnail-sized grey square naming the photo's format, for a photo without a preview."""
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(QColor("#d9d9d9"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(0, 0, THUMB - 1, THUMB - 1)
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    label = {"HEIF": "HEIC"}.get(fmt or "", fmt or "?")
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return pixmap


class PhotoStrip(QWidget):
    """The photos of one record; ``ingested`` is emitted with the results of each batch."""

    ingested = Signal(str, str, list)
    """(table, record id, [IngestResult]) after a batch of files was added to that record."""

    def __init__(self, parent: QWidget | None = None, *, editable: bool = True) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.record: tuple[str, str] | None = None
        self.busy = False
        self.task = Task()
        self.setAcceptDrops(editable)

        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(STRIP_THUMB, STRIP_THUMB))
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(STRIP_THUMB + self.fontMetrics().height() + 24)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.itemActivated.connect(self.on_item_activated)
        self.list.setToolTip(
            self.tr("Kéo thả ảnh vào đây; nhấp đúp để xem ảnh lớn")
            if editable
            else self.tr("Nhấp đúp để xem ảnh lớn")
        )
        self.add_button = QPushButton(self.tr("Thêm ảnh…"), self)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.add_button.setVisible(editable)  # read-only: the photos of a record under review
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        # With no photo the strip is one line: the form keeps the height.
        self.empty = QLabel(
            self.tr("Chưa có ảnh. Kéo thả ảnh vào đây.") if editable else self.tr("Chưa có ảnh."),
            self,
        )
        self.empty.setStyleSheet("color: palette(mid);")

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        shown = QVBoxLayout()
        shown.addWidget(self.list)
        shown.addWidget(self.empty)
        shown.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(shown, 1)

    def show_record(self, workspace: Workspace, table: str, record_id: str) -> None:
        self.workspace, self.record = workspace, (table, record_id)
        self.refresh()

    def say(self, text: str) -> None:
        """A message under the photos (hidden when there is none)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def refresh(self) -> None:
        self.list.clear()
        self._show_list()
        if self.workspace is None or self.record is None:
            return
        lang = current_language()
        for photo in linked_photos(self.workspace, *self.record):
            item = QListWidgetItem(photo["file_name"] or photo["sha256"][:12])
            taken = shown_date(photo["taken_at"], as_written=True)
            if photo["thumbnail"] is not None:
                item.setIcon(QIcon(QPixmap(str(photo["thumbnail"]))))
                item.setToolTip(plain_tooltip(taken))
            else:  # a HEIC photo without the HEIC extra: a placeholder that says why
                reason = photo["no_preview"].text(lang)
                item.setIcon(QIcon(placeholder(photo["format"])))
                item.setToolTip(plain_tooltip(" · ".join(t for t in (taken, reason) if t)))
            item.setData(Qt.ItemDataRole.UserRole, photo["id"])
            self.list.addItem(item)
        self._show_list()

    def _show_list(self) -> None:
        has_photos = self.list.count() > 0
        self.list.setVisible(has_photos)
        self.empty.setVisible(not has_photos)

    def count(self) -> int:
        return self.list.count()

    # -- adding --------------------------------------------------------------------------------

    def on_add_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Thêm ảnh"),
            "",
            self.tr("Ảnh ({0});;Tất cả (*)").format(PHOTO_FILTER),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.record is not None and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def add_files(self, files: list[Path]) -> bool:
        """Read the files in the background and link them to the record; False if busy."""
        if self.busy or self.workspace is None or self.record is None:
            return False
        names = [str(f) for f in files if f.is_file()]
        skipped = len(files) - len(names)
        if not names:
            self.say(self.tr("Không có tệp ảnh nào để thêm."))
            return False
        workspace, link = self.workspace, self.record
        store_root = photo_folder(workspace.path)
        self.busy = True
        task = self.task = Task()
        task.progress.connect(self._on_progress)
        self.progress.setRange(0, len(names))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.add_button.setEnabled(False)
        self.say(self.tr("Đang đọc {0} ảnh…").format(len(names)))

        def work() -> list[PreparedPhoto | Failure | None]:
            return prepare_many(
                names,
                store_root,
                progress=task.report,
                cancel=task.cancelled,
            )

        def done(prepared: list[PreparedPhoto | Failure | None]) -> None:
            self._finish()
            try:
                results = record_prepared(workspace, names, prepared, link)
            except Exception as exc:  # a write error: said, never lost silently
                self.say(error_text(exc))
                return
            self._report(results, skipped)
            if self.workspace is workspace and self.record == link:
                self.refresh()
            self.ingested.emit(link[0], link[1], results)

        def failed(exc: BaseException) -> None:
            self._finish()
            self.say(self.tr("Không thêm được ảnh: {0}").format(error_text(exc)))

        run_in_background(self, work, done, failed)
        return True

    def cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.say(self.tr("Đang hủy…"))

    def _on_progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.busy = False
        self.progress.hide()
        self.cancel_button.hide()
        self.add_button.setEnabled(True)

    def _report(self, results: list[IngestResult], skipped: int) -> None:
        added = sum(r.photo_id is not None for r in results)
        lang = current_language()
        problems = [f"{Path(r.source).name}: {r.error.text(lang)}" for r in results if r.error]
        text = self.tr("Đã thêm {0} ảnh.").format(added)
        if skipped:
            text += " " + self.tr("{0} mục không phải tệp.").format(skipped)
        if problems:
            text += " " + self.tr("Không thêm được: {0}").format("; ".join(problems))
        self.say(text)

    # -- viewing -------------------------------------------------------------------------------

    def on_item_activated(self, item: QListWidgetItem) -> None:
        if self.workspace is not None:
            PhotoDialog(self.workspace, str(item.data(Qt.ItemDataRole.UserRole)), self).exec()


class PhotoDialog(QDialog):
    """One photo, large (its display copy, upright)."""

    def __init__(self, workspace: Workspace, photo_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = workspace.get("photos", photo_id)
        self.setWindowTitle(row["file_name"] or photo_id)
        paths = photo_paths(workspace, photo_id)
        source = paths["display"] or paths["thumbnail"]
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if source is not None:
            self.image.setPixmap(QPixmap(str(source)))
        else:  # why: a HEIC photo without the HEIC extra, or copies not made yet
            name = row["file_name"] or photo_id
            self.image.setText(missing_preview(name, row["format"]).text(current_language()))
            self.image.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        details = [shown_date(row["taken_at"], as_written=True)]  # the camera's clock
        if row["lat"] is not None:
            details.append(f"{row['lat']:.6f}, {row['lon']:.6f}")
        if row["heading_deg"] is not None:
            details.append(self.tr("hướng {0:.0f}°").format(row["heading_deg"]))
        self.details = QLabel(" · ".join(d for d in details if d), self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # the photo's metadata, as written
        layout.addWidget(self.details)
        self.resize(1000, 680)
