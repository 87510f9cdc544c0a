"""The supervisor's screens at the office: the inbox of imported packages, the review of records
(with each record's history), the conflict queue, progress against the assignments and the
dashboard. Thin over core/inbox, review, conflicts, progress and dashboard; every write goes
through those core functions, on the UI thread, and is followed by ``changed``."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office.conflicts import list_conflicts, resolve
from fieldsurvey.core.office.dashboard import dashboard
from fieldsurvey.core.office.inbox import held_back, inbox, package_records
from fieldsurvey.core.office.progress import progress
from fieldsurvey.core.office.review import (
    REVIEWABLE,
    UNREVIEWED,
    NotOfficeError,
    ReviewFilter,
    device_names,
    record_history,
    require_office,
    review,
    review_list,
    review_many,
    reviews_of,
)
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust.ledger import RecordProof, record_proof
from fieldsurvey.ui.background import read_in_background, write_in_background
from fieldsurvey.ui.charts import ChartsView
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text, in_language, tr
from fieldsurvey.ui.tables import (
    ID_ROLE,
    combo_model,
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date, shown_value

# The review list shows this many rows; a bulk review covers every record the filter picks.
MAX_SHOWN = 1000


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
        "not_duplicates": tr("Không trùng lặp"),
    }


def read_workspace_in_background(
    parent: QWidget,
    ws: Workspace,
    work: Callable[[Workspace], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``work`` on a read-only view of the workspace on a pool thread."""
    path, user = ws.path, ws.user
    read_in_background(
        parent, path, lambda db: work(Workspace(db, path, user=user)), on_done, on_error
    )


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
                self.tr("Xoá"),
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
                self.tr("Trạng thái duyệt"),
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
                    in_language(h["reason"], current_language())
                    if h["reason"]
                    else self.tr(
                        "Giữ lại khi nhập: đồng hồ ở tương lai hoặc thiếu gói trước đó "
                        "(xem nhật ký)"
                    ),
                    h["path"],
                ]
                for h in held
            ],
        )
        if self.items:
            self.packages.selectRow(0)
        else:
            self.records_title.setText(self.tr("Chưa nhập gói nào."))

    def show_package(self) -> None:
        package_id = selected_id(self.packages)
        if package_id is None:
            return
        outcome = {"new": self.tr("mới"), "updated": self.tr("cập nhật"), "deleted": self.tr("xoá")}
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
                    outcome[r["outcome"]] + (self.tr(" (đã xoá)") if r["deleted"] else ""),
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


# -- review ----------------------------------------------------------------------------------


class ReviewDialog(QDialog):
    """Filter records, read one (values, history beside its past reviews) and review it —
    or every record the filter picks, after a confirmation."""

    changed = Signal()
    """Emitted after a review was written."""
    loaded = Signal()
    """Emitted when the list of records has been (re)loaded."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        table: str | None = None,
        record_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.setWindowTitle(self.tr("Duyệt kết quả khảo sát"))
        self.resize(1200, 760)
        self.ids: list[str] = []
        self.current: tuple[str, str] | None = None
        self.wanted = record_id
        self.loading = False

        # the filter bar
        self.table_box = QComboBox(self)
        labels = table_labels()
        for name in REVIEWABLE:
            self.table_box.addItem(labels[name], name)
        self.table_box.setCurrentIndex(max(0, self.table_box.findData(table or "cameras")))
        self.commune_box = QComboBox(self)
        self.commune_box.setModel(
            combo_model(
                self.commune_box,
                self.tr("Tất cả xã/phường"),
                [(c["code"], c["name"]) for c in reference.communes(workspace.db)],
            )
        )
        self.device_box = QComboBox(self)
        self.device_box.setModel(
            combo_model(
                self.device_box,
                self.tr("Tất cả thiết bị"),
                sorted(device_names(workspace).items(), key=lambda i: i[1]),
            )
        )
        self.state_box = QComboBox(self)
        self.state_box.addItem(self.tr("Mọi trạng thái"), None)
        self.state_box.addItem(self.tr("Chưa duyệt"), UNREVIEWED)
        for code, label in vocabulary.items("review_state", self.lang):
            self.state_box.addItem(label, code)
        for box in (self.table_box, self.commune_box, self.device_box, self.state_box):
            box.currentIndexChanged.connect(self.reload)
        bar = QHBoxLayout()
        for text, box in (
            (self.tr("Loại"), self.table_box),
            (self.tr("Xã/phường"), self.commune_box),
            (self.tr("Thiết bị"), self.device_box),
            (self.tr("Trạng thái"), self.state_box),
        ):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(box, 1)

        # the list and the record
        self.count = QLabel(self)
        self.list = make_table(
            [
                self.tr("Tên / loại"),
                self.tr("Địa điểm"),
                self.tr("Xã/phường"),
                self.tr("Trạng thái"),
            ],
            self,
        )
        self.list.selectionModel().selectionChanged.connect(self.on_list_selection)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.values = make_table([self.tr("Trường"), self.tr("Giá trị")], self)
        self.history = make_table(
            [
                self.tr("Thời gian"),
                self.tr("Thiết bị"),
                self.tr("Người sửa"),
                self.tr("Trường"),
                self.tr("Cũ → mới"),
            ],
            self,
        )
        self.reviews = make_table(
            [
                self.tr("Thời gian"),
                self.tr("Kết quả"),
                self.tr("Nhận xét"),
                self.tr("Người duyệt"),
            ],
            self,
        )
        self.proof = QLabel(self)
        self.proof.setWordWrap(True)
        self.proof.setTextFormat(Qt.TextFormat.PlainText)
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.proof)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for title, widget in (
            (self.tr("Lịch sử thay đổi"), history),
            (self.tr("Các lần duyệt"), self.reviews),
        ):
            group = QGroupBox(title, sides)
            QVBoxLayout(group).addWidget(widget)
        record = QWidget(self)
        record_layout = QVBoxLayout(record)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.addWidget(self.heading)
        record_layout.addWidget(self.values, 2)
        record_layout.addWidget(sides, 3)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(record)
        split.setSizes([420, 780])

        # the decision
        self.refusal = message_label(self)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(
            self.tr("Nhận xét (bắt buộc khi yêu cầu chỉnh sửa hoặc không duyệt)")
        )
        self.comment.setMaximumHeight(80)
        self.message = message_label(self)
        self.approve_button = QPushButton(self.tr("Duyệt"), self)
        self.revise_button = QPushButton(self.tr("Cần sửa"), self)
        self.reject_button = QPushButton(self.tr("Không duyệt"), self)
        self.bulk = QCheckBox(self)
        self.bulk.toggled.connect(self.update_buttons)
        self.approve_button.clicked.connect(lambda: self.decide("approved"))
        self.revise_button.clicked.connect(lambda: self.decide("needs_revision"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        decision = QGridLayout()
        decision.addWidget(self.comment, 0, 0, 3, 1)
        decision.addWidget(self.message, 0, 1, 3, 1)
        decision.addWidget(self.approve_button, 0, 2)
        decision.addWidget(self.revise_button, 1, 2)
        decision.addWidget(self.reject_button, 2, 2)
        decision.addWidget(self.bulk, 3, 0, 1, 3)
        decision.setColumnStretch(0, 3)
        decision.setColumnStretch(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addLayout(decision)
        layout.addWidget(close_row(self))

        try:
            require_office(workspace)
            self.office = True
            self.refusal.hide()
        except NotOfficeError as exc:
            self.office = False
            self.refusal.setText(exc.text(self.lang))
        self.comment.setEnabled(self.office)
        self.bulk.setEnabled(self.office)
        self.update_buttons()
        if table is not None and record_id is not None:
            self.show_record(table, record_id)
        self.reload()

    def current_filter(self) -> ReviewFilter:
        return ReviewFilter(
            table=str(self.table_box.currentData()),
            commune_code=self.commune_box.currentData(),
            device=self.device_box.currentData(),
            state=self.state_box.currentData(),
        )

    def reload(self) -> None:
        """Read the records the filter picks, off the UI thread."""
        flt = self.current_filter()
        self.loading = True
        self.count.setText(self.tr("Đang tải…"))
        lang = self.lang
        read_workspace_in_background(
            self,
            self.workspace,
            lambda ws: (flt, review_list(ws, flt, lang, limit=MAX_SHOWN)),
            self.on_loaded,
            self.on_load_failed,
        )

    def on_loaded(self, result: tuple[ReviewFilter, dict[str, Any]]) -> None:
        flt, listed = result
        if flt != self.current_filter():
            return  # the filter changed meanwhile; its own load is on its way
        self.loading = False
        self.ids = listed["ids"]
        shown = self.ids[:MAX_SHOWN]
        fill_table(self.list, listed["rows"], shown)
        total = len(self.ids)
        self.count.setText(
            self.tr("{0} bản ghi khớp bộ lọc").format(total)
            if total <= MAX_SHOWN
            else self.tr("{0} bản ghi khớp bộ lọc (hiện {1} bản ghi đầu)").format(total, MAX_SHOWN)
        )
        self.bulk.setText(self.tr("Áp dụng cho tất cả {0} bản ghi khớp bộ lọc").format(total))
        self.bulk.setChecked(False)
        wanted = self.wanted or (self.current[1] if self.current else None)
        self.wanted = None
        if wanted in shown:
            self.list.selectRow(shown.index(wanted))
        elif shown and self.current is None:  # the first record, ready to review
            self.list.selectRow(0)
        self.update_buttons()
        self.loaded.emit()

    def on_load_failed(self, error: BaseException) -> None:
        self.loading = False
        self.count.setText(error_text(error, self.lang))
        self.loaded.emit()

    def on_list_selection(self) -> None:
        record_id = selected_id(self.list)
        if record_id is not None:
            self.show_record(str(self.table_box.currentData()), str(record_id))

    def show_record(self, table: str, record_id: str) -> None:
        """The record's values, its history (field by field) and its reviews."""
        ws, lang = self.workspace, self.lang
        labels = field_labels(table)
        try:
            values = ws.get(table, record_id, include_deleted=True)
        except FieldSurveyError as exc:
            self.heading.setText(exc.text(lang))
            self.current = None
            self.update_buttons()
            return
        self.current = (table, record_id)
        title = ws.title(table, record_id)
        self.heading.setText(
            f"<b>{table_labels().get(table, table)}</b>: {html.escape(title or record_id)}"
            + (self.tr(" — đã xoá") if values.get("deleted") else "")
        )
        names = [n for n in record_kind(table).field_names if n not in ("review_state",)]
        fill_table(
            self.values,
            [[labels.get(n, n), shown_value(ws, table, n, values.get(n), lang)] for n in names]
            + [
                [
                    labels["review_state"],
                    shown_value(ws, table, "review_state", values.get("review_state"), lang),
                ]
            ],
        )
        fill_table(
            self.history,
            [
                [
                    shown_date(h["at"]),
                    str(h["device"]),
                    h["user"] or "",
                    labels.get(h["field"], h["field"]),
                    f"{shown_value(ws, table, h['field'], h['old'], lang)} → "
                    f"{shown_value(ws, table, h['field'], h['new'], lang)}",
                ]
                for h in record_history(ws, table, record_id)
            ],
        )
        self.proof.setText(self.proof_line(record_proof(ws.db, table, record_id)))
        fill_table(
            self.reviews,
            [
                [
                    shown_date(r["reviewed_at"]),
                    r["state_en"] if lang == "en" else r["state_vi"],
                    r["comment"] or "",
                    r["reviewer"] or "",
                ]
                for r in reviews_of(ws, table, record_id)
            ],
        )
        self.update_buttons()

    def proof_line(self, proof: RecordProof) -> str:
        """One line under the history: whether its changes are proven to be their authors'."""
        parts = []
        if proof.edited:
            parts.append(
                self.tr("{0} thay đổi không khớp nhật ký: đã bị sửa ngoài ứng dụng").format(
                    proof.edited
                )
            )
        if proof.signed:
            parts.append(self.tr("{0} thay đổi có chữ ký của tác giả").format(proof.signed))
        if proof.attested:
            parts.append(
                self.tr(
                    "{0} thay đổi cũ được máy này chứng thực khi nâng cấp (không chứng minh "
                    "được tác giả)"
                ).format(proof.attested)
            )
        if proof.unsigned:
            parts.append(
                self.tr("{0} thay đổi mới của máy này, ký khi xuất gói").format(proof.unsigned)
            )
        return self.tr("Nhật ký: ") + "; ".join(parts) + "." if parts else ""

    def update_buttons(self) -> None:
        ready = self.office and (self.bulk.isChecked() or self.current is not None)
        for button in (self.approve_button, self.revise_button, self.reject_button):
            button.setEnabled(ready)

    def decide(self, state: str) -> None:
        """Write the review of the record shown, or of every record the filter picks."""
        comment = self.comment.toPlainText()
        self.message.clear()
        try:
            if self.bulk.isChecked():
                flt = self.current_filter()
                if not confirm(
                    self,
                    self.tr("Duyệt hàng loạt"),
                    self.tr("Ghi kết quả “{0}” cho tất cả {1} bản ghi khớp bộ lọc?").format(
                        vocabulary.label("review_state", state, self.lang), len(self.ids)
                    ),
                ):
                    return
                self.write_many(flt, state, comment)
                return
            elif self.current is not None:
                table, record_id = self.current
                with busy():
                    review(self.workspace, table, record_id, state, comment)
                self.message.setText(self.tr("Đã ghi kết quả duyệt."))
            else:
                return
        except FieldSurveyError as exc:
            self.message.setText(exc.text(self.lang))
            return
        self.after_review()

    def write_many(self, flt: ReviewFilter, state: str, comment: str) -> None:
        """A bulk review on a connection of its own (thousands of records at city scale take
        seconds): the window stays usable, the buttons wait until it is written."""
        for button in (self.approve_button, self.revise_button, self.reject_button):
            button.setEnabled(False)
        self.message.setText(self.tr("Đang ghi kết quả…"))

        def done(count: int) -> None:
            self.message.setText(self.tr("Đã ghi kết quả cho {0} bản ghi.").format(count))
            self.after_review()

        def failed(error: BaseException) -> None:
            self.message.setText(error_text(error, self.lang))
            self.update_buttons()

        write_in_background(
            self,
            self.workspace,
            lambda own: review_many(own, flt, state, comment),
            done,
            failed,
        )

    def after_review(self) -> None:
        self.comment.clear()
        self.changed.emit()
        if self.current is not None:
            self.show_record(*self.current)
        self.reload()


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


# -- progress --------------------------------------------------------------------------------


class ProgressDialog(QDialog):
    """Progress against the assignments, per unit, per commune and per assignment, with due
    dates and late work in red; the list of units to chase, ready to copy."""

    changed = Signal()
    """Never emitted: this dialog only reads (kept so every office dialog is alike)."""
    loaded = Signal()
    """Emitted when the figures are shown."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.today = today or dt.date.today()
        self.figures: dict[str, list[dict[str, Any]]] | None = None
        self.setWindowTitle(self.tr("Tiến độ khảo sát"))
        self.resize(1100, 640)
        self.status = QLabel(self.tr("Đang tính tiến độ…"), self)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)
        done = self.tr("Đã khảo sát / cần")
        percent = self.tr("Tiến độ")
        reviewed = self.tr("Đã duyệt / bản ghi")
        due, left = self.tr("Hạn"), self.tr("Còn (ngày)")
        self.units = make_table(
            [self.tr("Đơn vị"), done, percent, reviewed, due, left, self.tr("Liên hệ")], self
        )
        self.communes = make_table([self.tr("Xã/phường"), done, percent, reviewed, due, left], self)
        self.assignments = make_table(
            [
                self.tr("Đơn vị"),
                self.tr("Khu vực"),
                self.tr("Tình trạng"),
                done,
                percent,
                reviewed,
                due,
                left,
            ],
            self,
        )
        self.chase = make_table(
            [
                self.tr("Đơn vị"),
                self.tr("Liên hệ"),
                self.tr("Khu vực"),
                due,
                self.tr("Trễ / còn"),
                done,
            ],
            self,
        )
        self.copy_button = QPushButton(self.tr("Sao chép"), self)
        self.copy_button.clicked.connect(self.copy_chase_list)
        chase_page = QWidget(self)
        chase_layout = QVBoxLayout(chase_page)
        chase_layout.addWidget(self.chase)
        chase_layout.addWidget(self.copy_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.units, self.tr("Theo đơn vị"))
        self.tabs.addTab(self.communes, self.tr("Theo xã/phường"))
        self.tabs.addTab(self.assignments, self.tr("Giao việc"))
        self.tabs.addTab(chase_page, self.tr("Danh sách cần đôn đốc"))
        self.tabs.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.spinner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close_row(self))
        today_value = self.today
        read_workspace_in_background(
            self, workspace, lambda ws: progress(ws, today_value), self.show_figures, self.failed
        )

    def failed(self, error: BaseException) -> None:
        self.spinner.hide()
        self.status.setText(error_text(error, self.lang))
        self.loaded.emit()

    def days_left(self, due: str | None) -> str:
        if not due:
            return ""
        return str((dt.date.fromisoformat(due) - self.today).days)

    @staticmethod
    def percent(row: dict[str, Any]) -> str:
        if row["percent"] is None:
            return "—"
        return f"{QLocale().toString(float(row['percent']), 'f', 1)} %"

    @staticmethod
    def done_text(row: dict[str, Any]) -> str:
        expected = row["expected"]
        return f"{row['surveyed']} / {'—' if expected is None else expected}"

    def show_figures(self, figures: dict[str, list[dict[str, Any]]]) -> None:
        self.figures = figures
        self.spinner.hide()
        late = sum(1 for u in figures["units"] if u["late"])
        self.status.setText(
            self.tr("Tính đến ngày {0}: {1} đơn vị, {2} đơn vị trễ hạn.").format(
                self.today.strftime("%d/%m/%Y"), len(figures["units"]), late
            )
        )
        fill_table(
            self.units,
            [
                [
                    u["unit_name"] or "",
                    self.done_text(u),
                    self.percent(u),
                    f"{u['reviewed']} / {u['records']}",
                    shown_date(u["due_date"]),
                    self.days_left(u["due_date"]),
                    u["contact"] or "",
                ]
                for u in figures["units"]
            ],
            late=[u["late"] for u in figures["units"]],
        )
        fill_table(
            self.communes,
            [
                [
                    c["name"],
                    self.done_text(c),
                    self.percent(c),
                    f"{c['reviewed']} / {c['records']}",
                    shown_date(c["due_date"]),
                    self.days_left(c["due_date"]),
                ]
                for c in figures["communes"]
            ],
            late=[c["late"] for c in figures["communes"]],
        )
        fill_table(
            self.assignments,
            [
                [
                    a["unit_name"] or "",
                    ", ".join(c["name"] for c in a["communes"]),
                    ""
                    if a["status"] is None
                    else vocabulary.label("assignment_status", a["status"], self.lang),
                    self.done_text(a),
                    self.percent(a),
                    f"{a['reviewed']} / {a['records']}",
                    shown_date(a["due_date"]),
                    self.days_left(a["due_date"]),
                ]
                for a in figures["assignments"]
            ],
            late=[a["late"] for a in figures["assignments"]],
        )
        fill_table(
            self.chase,
            [
                [
                    a["unit_name"] or "",
                    a["contact"] or "",
                    ", ".join(c["name"] for c in a["communes"]),
                    shown_date(a["due_date"]),
                    self.lateness(a),
                    self.done_text(a),
                ]
                for a in figures["chase"]
            ],
            late=[a["late"] for a in figures["chase"]],
        )
        self.copy_button.setEnabled(bool(figures["chase"]))
        self.tabs.setEnabled(True)
        self.loaded.emit()

    def lateness(self, row: dict[str, Any]) -> str:
        days = row["days_left"]
        if days is None:
            return ""
        if days < 0:
            return self.tr("trễ {0} ngày").format(-days)
        return self.tr("còn {0} ngày").format(days)

    def chase_text(self) -> str:
        """The chase list as plain text, one unit a line, for a message or an e-mail."""
        if self.figures is None:
            return ""
        lines = [self.tr("Danh sách cần đôn đốc ({0})").format(self.today.strftime("%d/%m/%Y"))]
        for a in self.figures["chase"]:
            lines.append(
                self.tr("{0} — liên hệ: {1} — {2} (hạn {3}) — đã khảo sát {4}").format(
                    a["unit_name"] or "",
                    a["contact"] or self.tr("chưa có"),
                    self.lateness(a),
                    shown_date(a["due_date"]),
                    self.done_text(a),
                )
            )
        return "\n".join(lines)

    def copy_chase_list(self) -> None:
        QApplication.clipboard().setText(self.chase_text())
        self.status.setText(self.tr("Đã chép danh sách cần đôn đốc."))


# -- dashboard -------------------------------------------------------------------------------


class DashboardDialog(QDialog):
    """The dashboard: bar charts of cameras, shortcomings and needs; the chart shown can be
    saved as a PNG picture."""

    changed = Signal()
    """Never emitted: this dialog only reads (kept so every office dialog is alike)."""
    loaded = Signal()
    """Emitted when the charts are drawn."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.figures: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Bảng tổng hợp"))
        self.resize(1000, 700)
        self.status = QLabel(self.tr("Đang tổng hợp…"), self)
        self.status.setWordWrap(True)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)
        self.charts = ChartsView(self.lang, self)
        self.save_button = QPushButton(self.tr("Lưu ảnh…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons = close_row(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.spinner)
        layout.addWidget(self.charts, 1)
        layout.addWidget(buttons)
        read_workspace_in_background(
            self, workspace, lambda ws: dashboard(ws.db), self.show_figures, self.failed
        )

    def failed(self, error: BaseException) -> None:
        self.spinner.hide()
        self.status.setText(error_text(error, self.lang))
        self.loaded.emit()

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        self.spinner.hide()
        totals = figures["totals"]
        locale = QLocale()
        self.status.setText(
            self.tr(
                "Địa điểm: {0} · Camera: {1} · Tồn tại: {2} · Nhu cầu: {3} · Ảnh: {4} · "
                "Xã/phường có dữ liệu: {5}"
            ).format(
                *(
                    locale.toString(int(totals.get(key, 0)))
                    for key in ("sites", "cameras", "shortcomings", "needs", "photos")
                ),
                totals.get("communes_covered", 0),
            )
        )
        self.charts.show_figures(figures)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def save_chart(self, path: Path) -> bool:
        """The chart shown, as a PNG picture."""
        return self.charts.current_picture().save(str(path), "PNG")

    def on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu biểu đồ"), "bieu-do.png", self.tr("Ảnh PNG (*.png)")
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".png") else name + ".png")
        if not self.save_chart(path):
            QMessageBox.warning(
                self, self.tr("Không lưu được"), self.tr("Không ghi được {0}.").format(path)
            )
