"""The conflict queue: two devices changed one field from the same base; the supervisor keeps
one value, written as a new change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.conflicts import list_conflicts, resolve
from fieldsurvey.core.office.review import (
    NotOfficeError,
    require_office,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language
from fieldsurvey.ui.office.common import busy, close_row, message_label, table_labels
from fieldsurvey.ui.tables import (
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date, shown_value

# -- conflicts -------------------------------------------------------------------------------


class ConflictsDialog(QDialog):
    """The conflict queue: both values side by side with who and when; keep one, or type a
    third value."""

    changed = Signal()
    """Emitted after a conflict was resolved."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.setWindowTitle(self.tr("Xung đột cần xử lý"))
        self.resize(980, 600)
        self.items: list[dict[str, Any]] = []
        self.refusal = message_label(self)
        self.count = QLabel(self)
        self.queue = make_table(
            [
                self.tr("Loại"),
                self.tr("Bản ghi"),
                self.tr("Trường"),
                self.tr("Giá trị A"),
                self.tr("Giá trị B"),
            ],
            self,
        )
        self.queue.selectionModel().selectionChanged.connect(self.show_conflict)
        self.side_a = QLabel(self)
        self.side_b = QLabel(self)
        self.keep_a = QPushButton(self.tr("Giữ giá trị A"), self)
        self.keep_b = QPushButton(self.tr("Giữ giá trị B"), self)
        self.keep_a.clicked.connect(lambda: self.settle(take="a"))
        self.keep_b.clicked.connect(lambda: self.settle(take="b"))
        sides = QHBoxLayout()
        for title, label, button in (
            (self.tr("Giá trị A (bản ghi đang hiện)"), self.side_a, self.keep_a),
            (self.tr("Giá trị B (đang chờ)"), self.side_b, self.keep_b),
        ):
            group = QGroupBox(title, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # values, devices and people as written
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box = QVBoxLayout(group)
            box.addWidget(label, 1)
            box.addWidget(button)
            sides.addWidget(group)
        self.third = QLineEdit(self)
        self.third.setPlaceholderText(self.tr("Hoặc nhập giá trị khác"))
        self.use_third = QPushButton(self.tr("Dùng giá trị này"), self)
        self.use_third.clicked.connect(lambda: self.settle(value=self.third.text()))
        third_row = QHBoxLayout()
        third_row.addWidget(self.third, 1)
        third_row.addWidget(self.use_third)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addWidget(self.count)
        layout.addWidget(self.queue, 1)
        layout.addLayout(sides)
        layout.addLayout(third_row)
        layout.addWidget(self.message)
        layout.addWidget(close_row(self))
        try:
            require_office(workspace)
            self.office = True
            self.refusal.hide()
        except NotOfficeError as exc:
            self.office = False
            self.refusal.setText(exc.text(self.lang))
        self.reload()

    def reload(self) -> None:
        ws, lang = self.workspace, self.lang
        tables = table_labels()
        with busy():
            self.items = list_conflicts(ws)
        labels = {t: field_labels(t) for t in {c["table"] for c in self.items}}
        self.count.setText(
            self.tr("{0} xung đột đang chờ.").format(len(self.items))
            if self.items
            else self.tr("Không còn xung đột nào.")
        )
        fill_table(
            self.queue,
            [
                [
                    tables.get(c["table"], c["table"]),
                    c["title"] or c["record_id"][:8],
                    labels[c["table"]].get(c["field"], c["field"]),
                    shown_value(ws, c["table"], c["field"], c["a"]["value"], lang),
                    shown_value(ws, c["table"], c["field"], c["b"]["value"], lang),
                ]
                for c in self.items
            ],
            [c["id"] for c in self.items],
        )
        if self.items:
            self.queue.selectRow(0)
        else:
            self.show_conflict()

    def selected(self) -> dict[str, Any] | None:
        conflict_id = selected_id(self.queue)
        return next((c for c in self.items if c["id"] == conflict_id), None)

    def show_conflict(self) -> None:
        conflict = self.selected()
        for button in (self.keep_a, self.keep_b, self.use_third):
            button.setEnabled(self.office and conflict is not None)
        self.third.setEnabled(
            self.office and conflict is not None and conflict["field"] != "deleted"
        )
        if conflict is None:
            self.side_a.clear()
            self.side_b.clear()
            return
        for label, side in ((self.side_a, conflict["a"]), (self.side_b, conflict["b"])):
            value = shown_value(
                self.workspace, conflict["table"], conflict["field"], side["value"], self.lang
            )
            label.setText(
                self.tr("{0}\n\nThiết bị: {1}\nNgười sửa: {2}\nLúc: {3}").format(
                    value, side["device"] or "", side["user"] or "", shown_date(side["at"])
                )
            )

    def settle(self, *, take: str | None = None, value: str | None = None) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        self.message.clear()
        try:
            with busy():
                resolve(self.workspace, conflict["id"], take=take, value=value or None)
        except FieldSurveyError as exc:
            self.message.setText(exc.text(self.lang))
            return
        self.third.clear()
        self.changed.emit()
        self.reload()
