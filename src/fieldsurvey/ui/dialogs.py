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
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.location import format_coordinates, parse_coordinates
from fieldsurvey.core.settings import GPS_BAUDS
from fieldsurvey.core.trust import keystore
from fieldsurvey.ui.position import serial_ports


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
        # No category chosen at first: the surveyor picks one (a default would be kept
        # unnoticed, and a wrong category misfiles the site in every report).
        self.category = QComboBox(self)
        for code, label in vocabulary.items("site_category", lang):
            self.category.addItem(label, code)
        self.category.setPlaceholderText(self.tr("— Chọn loại địa điểm —"))
        self.category.setCurrentIndex(-1)
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
        """The new site's values; raises ValidationError with a message for the user when the
        position cannot be read."""
        name = self.name.text().strip()
        values: dict[str, object] = {"name": name, "category": self.category.currentData()}
        if self.location.text().strip():
            lat, lon = parse_coordinates(self.location.text())
            values.update({"lat": lat, "lon": lon, "location_source": "typed"})
        return values

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Hãy nhập tên địa điểm."))
            self.name.setFocus()
            return
        if self.category.currentIndex() < 0:
            self.error.setText(
                self.tr("Hãy chọn loại địa điểm (mục tiêu an ninh, trường học, chợ…).")
            )
            self.category.setFocus()
            return
        try:
            self.values()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class NewWorkspaceDialog(QDialog):
    """Where the new workspace goes, whose it is (a surveyor's or the office's), its name, and
    how the device's private keys are kept: the system's credential store (the default when
    there is one), a passphrase (the default otherwise), or a plain key file, with its risk."""

    def __init__(
        self,
        folder: Path,
        user_name: str,
        parent: QWidget | None = None,
        *,
        keyring_available: bool | None = None,
        role: str = "",
    ) -> None:
        super().__init__(parent)
        if keyring_available is None:
            keyring_available = keystore.keyring_usable()
        self.setWindowTitle(self.tr("Tệp dữ liệu khảo sát mới"))
        self.path = QLineEdit(str(folder / "khao-sat.sqlite"), self)
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self.on_browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Cán bộ khảo sát (máy xách tay)"), "surveyor")
        self.role.addItem(self.tr("Văn phòng tổng hợp (thành phố)"), "office")
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.name = QLineEdit(user_name, self)
        self.name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn A – Phường Hoàn Kiếm"))
        self.protection = QComboBox(self)
        self.protection.addItem(self.tr("Kho khóa của hệ điều hành"), "keyring")
        self.protection.addItem(self.tr("Mật khẩu"), "passphrase")
        self.protection.addItem(self.tr("Tệp khóa trên máy này (kém an toàn)"), "file")
        if not keyring_available:
            item = self.protection.model().item(0)  # type: ignore[attr-defined]
            item.setEnabled(False)
            item.setToolTip(self.tr("Máy này không có kho khóa dùng được."))
        self.protection.setCurrentIndex(0 if keyring_available else 1)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit(self)
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_note = QLabel(self)
        self.key_note.setWordWrap(True)
        self.key_note.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tệp"), path_row)
        form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Tên máy / người dùng"), self.name)
        form.addRow(self.tr("Bảo vệ khóa thiết bị"), self.protection)
        form.addRow(self.tr("Mật khẩu"), self.passphrase)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.passphrase_again)
        form.addRow(self.key_note)
        form.addRow(self.error)
        form.addRow(buttons)
        self.protection.currentIndexChanged.connect(self.on_protection_changed)
        self.on_protection_changed()

    def chosen_protection(self) -> str:
        return str(self.protection.currentData())

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.chosen_protection() == "passphrase" else None

    def on_protection_changed(self) -> None:
        with_passphrase = self.chosen_protection() == "passphrase"
        self.passphrase.setEnabled(with_passphrase)
        self.passphrase_again.setEnabled(with_passphrase)
        self.error.clear()
        if self.chosen_protection() == "file":
            self.key_note.setStyleSheet("color: #8a5300;")
            self.key_note.setText(
                self.tr(
                    "Cảnh báo: khóa riêng sẽ nằm không mã hóa trong một tệp của tài khoản này "
                    "(ngoài thư mục tệp dữ liệu khảo sát). Ai sao chép được tệp đó (kẻ lấy "
                    "máy, phần mềm "
                    "độc hại, bản sao lưu cả ổ đĩa) có thể ký gói thay bạn. Nên dùng kho khóa "
                    "hoặc mật khẩu."
                )
            )
        elif with_passphrase:
            self.key_note.setStyleSheet("")
            self.key_note.setText(
                self.tr(
                    "Mật khẩu được hỏi khi xuất hoặc nhập gói. Quên mật khẩu thì phải tạo khóa "
                    "mới và đăng ký lại với văn phòng; dữ liệu không mất."
                )
            )
        else:
            self.key_note.setStyleSheet("")
            self.key_note.setText(
                self.tr(
                    "Khóa riêng được giữ trong kho khóa của hệ điều hành, gắn với tài khoản này."
                )
            )

    def accept(self) -> None:
        if self.chosen_protection() == "passphrase":
            if len(self.passphrase.text()) < keystore.MIN_PASSPHRASE:
                self.error.setText(
                    self.tr("Mật khẩu phải dài ít nhất {0} ký tự.").format(keystore.MIN_PASSPHRASE)
                )
                return
            if self.passphrase.text() != self.passphrase_again.text():
                self.error.setText(self.tr("Hai lần nhập mật khẩu không khớp."))
                return
        super().accept()

    def on_browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Tệp dữ liệu khảo sát mới"), self.path.text(), "Workspace (*.sqlite)"
        )
        if name:
            self.path.setText(name if name.endswith(".sqlite") else name + ".sqlite")


class SettingsDialog(QDialog):
    """The user's name, unit and role, the language of the app, and where "my position" comes
    from. On the first start it is who works here: a name is required (every change and review
    carries it), and the window waits for it (modal)."""

    def __init__(
        self,
        user_name: str,
        language: str,
        parent: QWidget | None = None,
        *,
        gps_port: str = "",
        gps_baud: int = 9600,
        unit: str = "",
        role: str = "",
        first_start: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bắt đầu sử dụng") if first_start else self.tr("Cài đặt"))
        self.setModal(True)
        self.name = QLineEdit(user_name, self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("Họ và tên, như trong báo cáo"))
        self.unit = QLineEdit(unit, self)
        self.unit.setMaxLength(200)
        self.unit.setPlaceholderText(self.tr("Ví dụ: Công an phường Hoàn Kiếm"))
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Cán bộ khảo sát (thu thập tại hiện trường)"), "surveyor")
        self.role.addItem(self.tr("Văn phòng (nhập gói, duyệt kết quả)"), "office")
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        role_note = QLabel(
            self.tr(
                "Tệp dữ liệu khảo sát mới được tạo với vai trò này; vai trò của một tệp dữ "
                "liệu khảo sát đã có không đổi."
            ),
            self,
        )
        role_note.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        language_note = QLabel(self.tr("Ngôn ngữ mới được áp dụng ngay khi bấm OK."), self)
        language_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.gps_port = QComboBox(self)
        self.gps_port.addItem(self.tr("Dịch vụ vị trí của hệ điều hành"), "")
        for port, description in serial_ports():
            self.gps_port.addItem(f"{port} {description}".strip(), port)
        if gps_port and self.gps_port.findData(gps_port) < 0:  # a receiver not plugged in now
            self.gps_port.addItem(self.tr("{0} (không thấy)").format(gps_port), gps_port)
        self.gps_port.setCurrentIndex(max(0, self.gps_port.findData(gps_port)))
        self.gps_baud = QComboBox(self)
        for baud in GPS_BAUDS:
            self.gps_baud.addItem(str(baud), baud)
        self.gps_baud.setCurrentIndex(max(0, self.gps_baud.findData(gps_baud)))
        self.gps_port.currentIndexChanged.connect(
            lambda: self.gps_baud.setEnabled(bool(self.gps_port.currentData()))
        )
        self.gps_baud.setEnabled(bool(gps_port))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if first_start:
            welcome = QLabel(
                self.tr(
                    "Chào mừng đến FieldSurvey. Mỗi thay đổi và mỗi kết quả duyệt ghi tên người "
                    "làm: hãy nhập tên và đơn vị của bạn."
                ),
                self,
            )
            welcome.setWordWrap(True)
            form.addRow(welcome)
        form.addRow(self.tr("&Họ và tên"), self.name)
        form.addRow(self.tr("Đơn vị &công tác"), self.unit)
        form.addRow(self.tr("&Vai trò"), self.role)
        form.addRow(role_note)
        form.addRow(self.tr("&Ngôn ngữ"), self.language)
        form.addRow(language_note)
        form.addRow(self.tr("Nguồn vị trí"), self.gps_port)
        form.addRow(self.tr("Tốc độ cổng GPS (baud)"), self.gps_baud)
        form.addRow(self.error)
        form.addRow(buttons)
        self.name.setFocus()

    def accept(self) -> None:
        """Refuse an empty name: it is what every change and review will say about who."""
        if not self.name.text().strip():
            self.error.setText(
                self.tr("Hãy nhập họ và tên: mỗi thay đổi và mỗi kết quả duyệt ghi tên người làm.")
            )
            self.name.setFocus()
            return
        super().accept()


class PassphraseDialog(QInputDialog):
    """Asks for the device keys' passphrase, hidden as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mật khẩu khóa thiết bị"))
        self.setLabelText(
            self.tr("Nhập mật khẩu bảo vệ khóa của thiết bị này (để ký và mở gói đồng bộ):")
        )
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setTextEchoMode(QLineEdit.EchoMode.Password)
        self.setModal(True)


def ask_passphrase(parent: QWidget | None) -> str:
    """The passphrase from a modal dialog; cancelling is a FieldSurveyError that says so."""
    dialog = PassphraseDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise keystore.passphrase_not_given()
        return dialog.textValue()
    finally:
        dialog.setTextValue("")
        dialog.deleteLater()
