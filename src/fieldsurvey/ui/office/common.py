"""What the office's screens share: labels of the record tables, reading the workspace off the
UI thread, the busy cursor, message labels, questions and the close button."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from fieldsurvey.ui.i18n import tr


def table_labels() -> dict[str, str]:
    return {
        "units": tr("Đơn vị"),
        "sites": tr("Địa điểm"),
        "cameras": tr("Camera"),
        "shortcomings": tr("Tồn tại, hạn chế"),
        "needs": tr("Nhu cầu lắp đặt"),
        "assignments": tr("Giao việc"),
        "photos": tr("Ảnh"),
        "photo_links": tr("Ảnh gắn bản ghi"),
        "reviews": tr("Kết quả duyệt"),
        "not_duplicates": tr("Không trùng lắp"),
        "inventory_imports": tr("Lần nhập danh sách camera"),
        "plan_items": tr("Mục phương án tổng thể"),
    }


@contextmanager
def busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote names and values
    label.setWordWrap(True)
    label.setStyleSheet("color: #842029;")
    return label


def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def close_row(parent: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent)
    buttons.rejected.connect(parent.reject)
    return buttons


def export_units_xlsx(
    parent: QWidget, title: str, suggested: Path, write: Callable[[Path], int], status: QLabel
) -> None:
    """Ask where to save an office list as XLSX, write it with ``write`` (which returns the units
    written) and say so in ``status``; a failed write is said in a warning, nothing else."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggested), tr("Bảng tính XLSX (*.xlsx)")
    )
    if not name:
        return
    path = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
    try:
        count = write(path)
    except OSError as error:
        QMessageBox.warning(
            parent, tr("Không lưu được"), tr("Không ghi được {0}: {1}").format(path, error)
        )
        return
    status.setText(tr("Đã xuất {0} đơn vị vào {1}.").format(count, path))
