"""Small dialogs of the main window: a new site, a new workspace, the settings, a warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.location import format_coordinates, parse_coordinates


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A warning shown as written: it may quote a name or a file's content, which Qt would
    otherwise read as HTML when it looks like HTML."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class NewSiteDialog(QDialog):
    """What a site needs before it exists: a name and a category (the rest is typed after)."""

    def __init__(
        self,
        lang: str,
        position: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Địa điểm mới"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(300)
        self.category = QComboBox(self)
        for code, label in vocabulary.items("site_category", lang):
            self.category.addItem(label, code)
        self.location = QLineEdit(self)
        self.location.setPlaceholderText("21.028500, 105.854200")
        if position is not None:
            self.location.setText(format_coordinates(*position))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên địa điểm *"), self.name)
        form.addRow(self.tr("Loại địa điểm *"), self.category)
        form.addRow(self.tr("Vị trí (không bắt buộc)"), self.location)
        form.addRow(self.error)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        """The new site's values; raises ValidationError with a message for the user."""
        name = self.name.text().strip()
        if not name:
            raise ValidationError(self.tr("Hãy nhập tên địa điểm."))
        values: dict[str, object] = {"name": name, "category": self.category.currentData()}
        if self.location.text().strip():
            lat, lon = parse_coordinates(self.location.text())
            values.update({"lat": lat, "lon": lon, "location_source": "typed"})
        return values

    def accept(self) -> None:
        try:
            self.values()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class NewWorkspaceDialog(QDialog):
    """Where the new workspace goes, whose it is (a surveyor's or the office's) and its name."""

    def __init__(self, folder: Path, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workspace mới"))
        self.path = QLineEdit(str(folder / "khao-sat.sqlite"), self)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self.on_browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Cán bộ khảo sát (máy xách tay)"), "surveyor")
        self.role.addItem(self.tr("Văn phòng tổng hợp (thành phố)"), "office")
        self.name = QLineEdit(user_name, self)
        self.name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn A – Phường Hoàn Kiếm"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tệp"), path_row)
        form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Tên máy / người dùng"), self.name)
        form.addRow(buttons)

    def on_browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Workspace mới"), self.path.text(), "Workspace (*.sqlite)"
        )
        if name:
            self.path.setText(name if name.endswith(".sqlite") else name + ".sqlite")


class SettingsDialog(QDialog):
    """The user's name and the language of the app."""

    def __init__(self, user_name: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cài đặt"))
        self.name = QLineEdit(user_name, self)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên người khảo sát"), self.name)
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(buttons)
