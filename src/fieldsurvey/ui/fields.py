"""The editor's input widgets, one kind per kind of field, built from the code lists.

Each gives its value in the form records.clean_value accepts and shows a stored value; none
writes anything itself (the editor saves through the workspace's write path).
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.location import format_coordinates, parse_coordinates
from fieldsurvey.ui.compact import FlowGrid
from fieldsurvey.ui.i18n import current_language, tr
from fieldsurvey.ui.values import shown_decimal


def field_labels(table: str | None = None) -> dict[str, str]:
    """Each field's label in the interface's language, from the one table screens and reports
    share (core.vocabulary); ``table`` picks the meaning of a name that differs by table."""
    lang = current_language()
    return {
        name: vocabulary.field_label(name, lang, table)
        for name in vocabulary.field_names()
        if "." not in name
    }


def field_label(name: str, table: str | None = None) -> str:
    """One field's label in the interface's language (see field_labels)."""
    return vocabulary.field_label(name, current_language(), table)


class FieldWidget(QWidget):
    """A labelled input; ``edited`` is emitted when the user changes it (not when set)."""

    edited = Signal()
    _setting = False

    def _changed(self, *_args: object) -> None:
        if not self._setting:
            self.edited.emit()

    def show_value(self, value: Any) -> None:
        """Show a stored value without it counting as an edit."""
        self._setting = True
        try:
            self.set_value(value)
        finally:
            self._setting = False

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def _wrap(self, inner: QWidget) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)
        self.setFocusProxy(inner)


class TextField(FieldWidget):
    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(max_length)
        self.edit.textChanged.connect(self._changed)
        self._wrap(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class LongTextField(FieldWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(64)
        self.edit.textChanged.connect(self._changed)
        self._wrap(self.edit)

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class NumberField(FieldWidget):
    """A number typed the Vietnamese way (1.234,5) or the plain way (1234.5)."""

    def __init__(self, integer: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.integer = integer
        self.edit = QLineEdit(self)
        self.edit.textChanged.connect(self._changed)
        self._wrap(self.edit)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        if "," in text or (self.integer and re.fullmatch(r"\d{1,3}(\.\d{3})+", text)):
            # The Vietnamese form: dots group thousands, a comma marks the decimals.
            number, ok = QLocale(QLocale.Language.Vietnamese).toDouble(text)
            if ok:
                return number
        return text  # clean_value reads plain numbers and says what is wrong with the rest

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif self.integer:
            self.edit.setText(str(int(value)))
        else:
            self.edit.setText(shown_decimal(float(value)))


class ChoiceField(FieldWidget):
    """A choice among records (units, the site's cameras) or yes/no: (value, label) pairs."""

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QComboBox(self)
        self.box.addItem("—", None)
        for value, label in choices:
            self.box.addItem(label, value)
        self.box.activated.connect(lambda _i: self.edited.emit())
        self._wrap(self.box)

    def value(self) -> Any:
        return self.box.currentData()

    def set_value(self, value: Any) -> None:
        self.box.setCurrentIndex(max(0, self.box.findData(value)))


class CodeField(ChoiceField):
    """One code of a code list, shown by its label in the user's language."""

    def __init__(self, code_list: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(vocabulary.items(code_list, lang), parent)


class CodesField(FieldWidget):
    """Several codes of one list, ticked: every choice on screen (as many side by side as the
    form's width allows), none hidden behind a scroll bar inside the scrolling form."""

    def __init__(self, code_list: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QCheckBox] = []
        grid = FlowGrid(self)
        for code, label in vocabulary.items(code_list, lang):
            box = QCheckBox(label, self)
            box.setProperty("code", code)
            box.toggled.connect(self._changed)
            grid.addWidget(box)
            self.boxes.append(box)
        if self.boxes:
            self.setFocusProxy(self.boxes[0])

    def code_of(self, box: QCheckBox) -> str:
        return str(box.property("code"))

    def value(self) -> list[str]:
        return [self.code_of(box) for box in self.boxes if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(json.loads(value) if isinstance(value, str) else value or [])
        for box in self.boxes:
            box.setChecked(self.code_of(box) in chosen)


class ViewsField(FieldWidget):
    """A camera's view directions: one row per view, direction°, field of view°, tilt°."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [tr("Hướng (°, 0 = Bắc)"), tr("Góc nhìn (°)"), tr("Góc nghiêng (°)")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setFixedHeight(110)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(tr("Thêm hướng"), self)
        self.add_button.clicked.connect(self.add_view)
        self.remove_button = QPushButton(tr("Xóa hướng"), self)
        self.remove_button.clicked.connect(self.remove_view)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_view(self) -> None:
        self._setting = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(("", "60", "")):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self._setting = False  # saved once a direction is typed
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0) or QTableWidgetItem())

    def remove_view(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def value(self) -> Any:
        views = []
        for row in range(self.table.rowCount()):
            view: dict[str, Any] = {}
            for column, key in enumerate(("direction", "angle", "tilt")):
                item = self.table.item(row, column)
                text = item.text().strip().replace(",", ".") if item else ""
                if text:
                    try:
                        view[key] = float(text.rstrip("°"))
                    except ValueError:
                        return text  # clean_value names the problem
            if view:
                views.append(view)
        return views

    def set_value(self, value: Any) -> None:
        views = json.loads(value) if isinstance(value, str) else value or []
        self.table.setRowCount(0)
        for view in views:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, key in enumerate(("direction", "angle", "tilt")):
                number = view.get(key)
                self.table.setItem(
                    row, column, QTableWidgetItem("" if number is None else shown_decimal(number))
                )


class LocationField(FieldWidget):
    """Coordinates typed or pasted: decimal or degrees-minutes-seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("21.028500, 105.854200")
        self.edit.textChanged.connect(self._changed)
        self._wrap(self.edit)

    def value(self) -> Any:
        """(lat, lon), None when empty; raises ValidationError when unreadable."""
        text = self.edit.text().strip()
        if not text:
            return None
        return parse_coordinates(text)

    def set_value(self, value: Any) -> None:
        lat, lon = value if value else (None, None)
        self.edit.setText(format_coordinates(lat, lon))
