"""What the office's screens share: labels of the record tables, reading the workspace off the
UI thread, the busy cursor, message labels, questions and the close button."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
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
