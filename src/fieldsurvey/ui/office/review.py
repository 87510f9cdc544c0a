"""The review of records: a filtered list, one record with its history by field and what its
log proves, and approving, asking for revision or rejecting one record or a whole filter."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.errors import FieldSurveyError
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
from fieldsurvey.ui.background import read_workspace_in_background, write_in_background
from fieldsurvey.ui.fields import field_labels
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import (
    MAX_SHOWN,
    busy,
    close_row,
    confirm,
    message_label,
    table_labels,
)
from fieldsurvey.ui.tables import (
    combo_model,
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date, shown_value

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
                sorted(device_names(workspace).items(), key=lambda i: sort_key(i[1])),
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
        """Read the records the filter picks, off the UI thread. Until they are in, no record is
        current and the decisions are off: a decision only ever reaches a record of the list
        on screen (the one shown comes back if the new list still holds it)."""
        flt = self.current_filter()
        if self.current is not None and self.wanted is None:
            self.wanted = self.current[1]
        self.show_nothing()
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
        wanted, self.wanted = self.wanted, None
        self.list.clearSelection()
        if wanted in shown:
            self.list.selectRow(shown.index(wanted))
        elif wanted is not None and wanted in self.ids:  # in the filter, past the rows listed
            self.show_record(str(self.table_box.currentData()), wanted)
        elif shown:  # the first record, ready to review
            self.list.selectRow(0)
        self.update_buttons()
        self.loaded.emit()

    def on_load_failed(self, error: BaseException) -> None:
        self.loading = False
        self.count.setText(error_text(error, self.lang))
        self.loaded.emit()

    def on_list_selection(self) -> None:
        record_id = selected_id(self.list)
        if record_id is not None and not self.loading:
            self.show_record(str(self.table_box.currentData()), str(record_id))

    def show_nothing(self) -> None:
        """No record current: its pane empty and the decisions off."""
        self.current = None
        self.heading.setText(self.tr("Chọn một bản ghi trong danh sách."))
        for table in (self.values, self.history, self.reviews):
            fill_table(table, [])
        self.proof.clear()
        self.update_buttons()

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
        ready = (
            self.office
            and not self.loading
            and (
                self.bulk.isChecked() or (self.current is not None and self.current[1] in self.ids)
            )
        )
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
            elif self.current is not None and self.current[1] in self.ids and not self.loading:
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
        """On to the next record of the list (the decided one may leave it)."""
        self.comment.clear()
        self.changed.emit()
        if self.current is not None and self.current[1] in self.ids:
            at = self.ids.index(self.current[1])
            following = self.ids[at + 1 : at + 2] or self.ids[at - 1 : at]
            self.wanted = following[0] if following else None
        self.reload()
