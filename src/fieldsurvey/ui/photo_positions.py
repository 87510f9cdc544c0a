"""Several new photos with positions of their own, decided in one dialog: a table of photo,
distance from the recorded position (in readable units) and place (Hà Nội, or flagged outside
it), with a "use" choice on each row; the recorded position is kept unless one is chosen. One
photo's position is offered in the editor's banner instead (``ui/photo_offers.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.photos.positions import PhotoPosition
from fieldsurvey.ui.values import shown_distance

OUTSIDE_COLOUR = "#b00020"


class PhotoPositionsDialog(QDialog):
    """Several photos with positions of their own: which one, if any, places the record."""

    def __init__(
        self, choices: list[PhotoPosition], recorded: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle(self.tr("Vị trí từ ảnh"))
        if recorded:
            intro = self.tr(
                "{0} ảnh được chụp xa vị trí đã ghi. Chọn ảnh có vị trí dùng cho bản ghi, "
                "hoặc giữ vị trí đã ghi."
            )
        else:
            intro = self.tr(
                "{0} ảnh có tọa độ GPS. Chọn ảnh có vị trí dùng cho bản ghi, hoặc để trống."
            )
        self.intro = QLabel(intro.format(len(choices)), self)
        self.intro.setWordWrap(True)

        self.table = QTableWidget(len(choices), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ảnh"), self.tr("Khoảng cách"), self.tr("Nơi chụp"), self.tr("Dùng")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus goes to the choices
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.group = QButtonGroup(self)
        self.use_buttons: list[QRadioButton] = []
        for row, choice in enumerate(choices):
            name = QTableWidgetItem(choice.name)
            name.setToolTip(f"{choice.lat:.6f}, {choice.lon:.6f}")
            self.table.setItem(row, 0, name)
            distance = "—" if choice.distance_m is None else shown_distance(choice.distance_m)
            self.table.setItem(row, 1, QTableWidgetItem(distance))
            place = QTableWidgetItem(
                self.tr("Hà Nội") if choice.in_hanoi else self.tr("Ngoài Hà Nội")
            )
            if not choice.in_hanoi:
                place.setForeground(QBrush(QColor(OUTSIDE_COLOUR)))
                bold = QFont(place.font())
                bold.setBold(True)
                place.setFont(bold)
            self.table.setItem(row, 2, place)
            use = QRadioButton(self.tr("Dùng"), self.table)
            use.setAccessibleName(self.tr("Dùng vị trí của ảnh {0}").format(choice.name))
            self.group.addButton(use)
            self.table.setCellWidget(row, 3, use)
            self.use_buttons.append(use)
        self.keep = QRadioButton(
            self.tr("Giữ vị trí đã ghi") if recorded else self.tr("Chưa đặt vị trí"), self
        )
        self.group.addButton(self.keep)
        self.keep.setChecked(True)  # a position is only taken by choosing it

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xong"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keep)
        layout.addWidget(buttons)
        self.resize(640, 160 + 32 * min(len(choices), 10))

    def chosen(self) -> PhotoPosition | None:
        """The photo whose position places the record; None to keep it as it is."""
        if self.result() != self.DialogCode.Accepted:
            return None
        for choice, use in zip(self.choices, self.use_buttons, strict=True):
            if use.isChecked():
                return choice
        return None

    def row_text(self, row: int) -> list[str]:
        """What a row says, cell by cell: for tests and accessibility."""
        cells = [(item.text() if (item := self.table.item(row, c)) else "") for c in range(3)]
        return [*cells, self.use_buttons[row].text()]
