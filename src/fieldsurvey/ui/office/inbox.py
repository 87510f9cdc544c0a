"""The office's inbox: the packages it imported, who sent each and what each brought, and the
packages held back with the reason."""

from __future__ import annotations

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.messages import Message
from fieldsurvey.core.office.inbox import held_back, inbox, package_records
from fieldsurvey.core.office.review import (
    REVIEWABLE,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.fields import field_label, field_labels
from fieldsurvey.ui.i18n import current_language
from fieldsurvey.ui.office.common import busy, close_row, table_labels
from fieldsurvey.ui.office.review import ReviewDialog
from fieldsurvey.ui.tables import (
    ID_ROLE,
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date

# -- inbox -----------------------------------------------------------------------------------


class InboxDialog(QDialog):
    """The packages the office imported (who, when, what they brought) and, for the selected
    one, the records it brought; packages held back in quarantine below. Double-click a record
    to review it."""

    changed = Signal()
    """Emitted after a review opened from here wrote something."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.setWindowTitle(self.tr("Hộp thư gói đã nhập"))
        self.resize(1000, 640)
        self.packages = make_table(
            [
                self.tr("Người gửi"),
                self.tr("Tạo lúc"),
                self.tr("Nhập lúc"),
                self.tr("Thay đổi"),
                self.tr("Mới"),
                self.tr("Cập nhật"),
                self.tr("Xóa"),
                self.tr("Xung đột (còn mở)"),
                self.tr("Ảnh"),
                self.tr("Tệp"),
            ],
            self,
        )
        self.records = make_table(
            [
                self.tr("Loại"),
                self.tr("Tên"),
                self.tr("Kết quả"),
                self.tr("Trường đã đổi"),
                field_label("review_state"),
                self.tr("Xung đột mở"),
            ],
            self,
        )
        self.records_title = QLabel(self)
        self.records_title.setTextFormat(Qt.TextFormat.PlainText)  # the sender's name
        self.held = make_table(
            [self.tr("Tệp"), self.tr("Kích thước"), self.tr("Lý do"), self.tr("Đường dẫn")], self
        )
        self.packages.selectionModel().selectionChanged.connect(self.show_package)
        self.records.doubleClicked.connect(self.open_review)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Các gói đã nhập, mới nhất trước"), top))
        top_layout.addWidget(self.packages)
        middle = QWidget(splitter)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.records_title)
        middle_layout.addWidget(self.records)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.held_title = QLabel(bottom)
        bottom_layout.addWidget(self.held_title)
        bottom_layout.addWidget(self.held)
        splitter.setSizes([240, 280, 120])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(close_row(self))
        self.reload()

    def reload(self) -> None:
        with busy():
            self.items = inbox(self.workspace)
            held = held_back(self.workspace)
        fill_table(
            self.packages,
            [
                [
                    str(p["sender_name"]),
                    shown_date(p["created_at"]),
                    shown_date(p["imported_at"]),
                    str(p["changes"]),
                    str(p["new"]),
                    str(p["updated"]),
                    str(p["deleted"]),
                    f"{p['conflicts']} ({p['open_conflicts']})",
                    str(p["photos"]),
                    p["file_name"] or "",
                ]
                for p in self.items
            ],
            [p["package_id"] for p in self.items],
        )
        self.held_title.setText(
            self.tr("Gói bị giữ lại (cách ly): {0}").format(len(held))
            if held
            else self.tr("Không có gói nào bị giữ lại.")
        )
        fill_table(
            self.held,
            [
                [
                    h["file_name"],
                    QLocale().formattedDataSize(h["bytes"]),
                    self.reason_shown(h["reason"]),
                    h["path"],
                ]
                for h in held
            ],
        )
        if self.items:
            self.packages.selectRow(0)
        else:
            self.records_title.setText(self.tr("Chưa nhập gói nào."))

    def reason_shown(self, reason: Message | str | None) -> str:
        """Why a package was held back, in the app's language (a reason an earlier version
        wrote as one line, as written)."""
        if isinstance(reason, Message):
            return reason.text(current_language())
        return reason or self.tr(
            "Giữ lại khi nhập: đồng hồ ở tương lai hoặc thiếu gói trước đó (xem nhật ký)"
        )

    def show_package(self) -> None:
        package_id = selected_id(self.packages)
        if package_id is None:
            return
        outcome = {"new": self.tr("mới"), "updated": self.tr("cập nhật"), "deleted": self.tr("xóa")}
        tables = table_labels()
        with busy():
            rows = package_records(self.workspace, str(package_id))
        names = {t: field_labels(t) for t in {r["table"] for r in rows}}
        package = next(p for p in self.items if p["package_id"] == package_id)
        self.records_title.setText(
            self.tr("Gói của {0}: {1} bản ghi").format(package["sender_name"], len(rows))
        )
        fill_table(
            self.records,
            [
                [
                    tables.get(r["table"], r["table"]),
                    r["title"] or "",
                    outcome[r["outcome"]] + (self.tr(" (đã xóa)") if r["deleted"] else ""),
                    ", ".join(names[r["table"]].get(f, f) for f in r["fields"]),
                    ""
                    if r["review_state"] is None
                    else vocabulary.label("review_state", r["review_state"], self.lang),
                    str(r["open_conflicts"] or ""),
                ]
                for r in rows
            ],
            [f"{r['table']}/{r['record_id']}" for r in rows],
        )

    def open_review(self, index: QModelIndex) -> None:
        key = index.data(ID_ROLE)
        table, _, record_id = str(key).partition("/")
        if table not in REVIEWABLE:
            return
        dialog = ReviewDialog(self.workspace, self, table=table, record_id=record_id)
        dialog.changed.connect(self.changed)
        dialog.exec()
