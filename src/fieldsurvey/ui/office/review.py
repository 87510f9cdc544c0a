"""The review of records: a filtered list, one record with its history by field and what its
log proves, and approving, asking for revision or rejecting one record or a whole filter."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
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
    QLineEdit,
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
    review_rows,
    reviews_of,
)
from fieldsurvey.core.store import placing
from fieldsurvey.core.store.listing import PAGE_SIZE
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust.ledger import RecordProof, record_proof
from fieldsurvey.ui.background import read_workspace_in_background, write_in_background
from fieldsurvey.ui.fields import field_label, field_labels
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import (
    busy,
    close_row,
    confirm,
    message_label,
    table_labels,
)
from fieldsurvey.ui.photo_strip import PhotoStrip
from fieldsurvey.ui.tables import (
    RowsModel,
    combo_model,
    fill_table,
    make_table,
    selected_id,
)
from fieldsurvey.ui.values import shown_date, shown_value

# -- review ----------------------------------------------------------------------------------

AnyIndex = QModelIndex | QPersistentModelIndex
# How long typing in the search box pauses before the list is read again.
SEARCH_PAUSE_MS = 300


class ReviewListModel(RowsModel):
    """Every record a filter picks, its rows read a page at a time as the view scrolls
    (canFetchMore/fetchMore), like the main lists: no cap on how many can be reviewed."""

    def __init__(
        self,
        headers: list[str],
        parent: QWidget | None,
        read_rows: Callable[[str, list[str]], list[list[str]]],
    ) -> None:
        super().__init__(headers, parent)
        self.read_rows = read_rows
        self.table = ""
        self.all_ids: list[str] = []

    def show(self, table: str, all_ids: list[str], first_rows: list[list[str]]) -> None:
        """A new list: the records' table, every id, and the rows of the first of them (read
        with the ids); the next pages are read from the same table."""
        self.table, self.all_ids = table, all_ids
        self.set_rows(
            self._aligned(all_ids[: len(first_rows)], first_rows), all_ids[: len(first_rows)]
        )

    def _aligned(self, ids: list[str], rows: list[list[str]]) -> list[list[str]]:
        # A record missing from the rows read (never expected: records are not purged) keeps
        # its place, so a row's id is always the record it shows.
        width = len(self.headers)
        return (
            rows
            if len(rows) == len(ids)
            else [[record_id, *[""] * (width - 1)] for record_id in ids]
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < len(self.all_ids)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        first = len(self.rows)
        ids = self.all_ids[first : first + PAGE_SIZE]
        rows = self._aligned(ids, self.read_rows(self.table, ids))
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        self.rows += rows
        self.ids += ids
        self.late += [False] * len(ids)
        self.notes += [""] * len(ids)
        self.endInsertRows()

    def load_until(self, record_id: str) -> int:
        """Read pages until the record's row is loaded; its row, or -1 if not in the list."""
        if record_id not in self.all_ids:
            return -1
        at = self.all_ids.index(record_id)
        while len(self.rows) <= at and self.canFetchMore():
            self.fetchMore()
        return at if at < len(self.rows) else -1


class ReviewDialog(QDialog):
    """Filter records, read one (values, history beside its past reviews) and review it —
    or every record the filter picks, after a confirmation."""

    changed = Signal()
    """Emitted after a review was written."""
    loaded = Signal()
    """Emitted when the list of records has been (re)loaded."""
    locate_requested = Signal(str, str)
    """(table, record id): show this record in the main window (its list, map and form)."""

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
        self.resize(1200, 680)  # within a 1366×768 screen, beside its taskbar
        self.ids: list[str] = []
        self.listed: ReviewFilter | None = None
        """The filter of the list on screen (a bulk decision covers exactly that list)."""
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
                self.tr("Tất cả xã, phường"),
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
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Tìm theo tên, địa chỉ, đơn vị (gõ có dấu hoặc không)")
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self.on_search_typed)
        bar = QHBoxLayout()
        for text, box in (
            (self.tr("Loại"), self.table_box),
            (field_label("commune_code"), self.commune_box),
            (self.tr("Thiết bị"), self.device_box),
            (self.tr("Trạng thái"), self.state_box),
        ):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(box, 1)
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("Tìm"), self))
        search_row.addWidget(self.search, 1)

        # the list and the record
        self.count = QLabel(self)
        self.list = make_table([], self)
        self.model = ReviewListModel(
            [
                self.tr("Tên / loại"),
                self.tr("Địa điểm"),
                field_label("commune_code"),
                self.tr("Trạng thái"),
                self.tr("Nguồn (thiết bị · đơn vị)"),
            ],
            self.list,
            lambda table, ids: review_rows(self.workspace, table, ids, self.lang),
        )
        self.list.setModel(self.model)
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
        self.changed_note = QLabel(self)
        self.changed_note.setWordWrap(True)
        self.changed_note.setTextFormat(Qt.TextFormat.PlainText)
        self.changed_note.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.changed_note.hide()
        self.photos = PhotoStrip(self, editable=False)
        self.place = QLabel(self)
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.map_button = QPushButton(self.tr("Xem trên bản đồ"), self)
        self.map_button.setToolTip(
            self.tr("Chọn bản ghi này trong cửa sổ chính: danh sách, bản đồ và biểu mẫu")
        )
        self.map_button.clicked.connect(self.on_map_clicked)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.map_button)
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
        record_layout.addWidget(self.changed_note)
        record_layout.addLayout(place_row)
        # the values, the photos and the history one above the other, their shares adjustable
        stack = QSplitter(Qt.Orientation.Vertical, self)
        stack.setChildrenCollapsible(False)
        for widget in (self.values, self.photos, sides):
            stack.addWidget(widget)
        stack.setStretchFactor(0, 2)
        stack.setStretchFactor(2, 3)
        stack.setSizes([200, self.photos.sizeHint().height(), 300])
        record_layout.addWidget(stack, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(record)
        split.setSizes([480, 720])

        # the decision
        self.refusal = message_label(self)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(
            self.tr("Nhận xét (bắt buộc khi yêu cầu chỉnh sửa hoặc không duyệt)")
        )
        self.comment.setMaximumHeight(80)
        self.message = message_label(self)
        self.approve_button = QPushButton(self.tr("Duyệt"), self)
        self.revise_button = QPushButton(self.tr("Cần bổ sung, chỉnh sửa"), self)
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
        layout.addLayout(search_row)
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
            text=self.search.text(),
        )

    def on_search_typed(self) -> None:
        """Typing in the search box: the list on screen no longer answers it, so nothing is
        current and the decisions are off until the new list is read (after a pause)."""
        self.loading_state()
        self.search_timer.start()

    def loading_state(self) -> None:
        if self.current is not None and self.wanted is None:
            self.wanted = self.current[1]
        self.loading = True
        self.listed = None
        self.show_nothing()
        self.count.setText(self.tr("Đang tải…"))

    def reload(self) -> None:
        """Read the records the filter picks, off the UI thread. Until they are in, no record is
        current and the decisions are off: a decision only ever reaches a record of the list
        on screen (the one shown comes back if the new list still holds it)."""
        self.search_timer.stop()
        flt = self.current_filter()
        self.loading_state()
        lang = self.lang
        read_workspace_in_background(
            self,
            self.workspace,
            lambda ws: (flt, review_list(ws, flt, lang, limit=PAGE_SIZE)),
            self.on_loaded,
            self.on_load_failed,
        )

    def on_loaded(self, result: tuple[ReviewFilter, dict[str, Any]]) -> None:
        flt, listed = result
        if flt != self.current_filter() or self.search_timer.isActive():
            return  # the filter changed meanwhile; its own load is on its way
        self.loading = False
        self.listed = flt
        self.ids = listed["ids"]
        self.model.show(flt.table, self.ids, listed["rows"])
        self.list.resizeColumnsToContents()
        header = self.list.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # every column in sight, the source too
            header.resizeSection(column, min(header.sectionSize(column), 180))
        total = len(self.ids)
        self.count.setText(self.tr("{0} bản ghi khớp bộ lọc").format(total))
        self.bulk.setText(self.tr("Áp dụng cho tất cả {0} bản ghi khớp bộ lọc").format(total))
        self.bulk.setChecked(False)
        self.bulk.setEnabled(self.office and total > 0)
        wanted, self.wanted = self.wanted, None
        self.list.clearSelection()
        row = self.model.load_until(wanted) if wanted is not None else -1
        if row >= 0:  # the record shown before, still in the list (read up to its row)
            self.list.selectRow(row)
        elif self.ids:  # the first record, ready to review
            self.list.selectRow(0)
        else:
            self.show_nothing()  # says the filter matches nothing
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
        self.heading.setText(
            self.tr("Chọn một bản ghi trong danh sách.")
            if self.ids or self.loading
            else self.tr("Không có bản ghi nào khớp bộ lọc.")
        )
        for table in (self.values, self.history, self.reviews):
            fill_table(table, [])
        self.proof.clear()
        self.changed_note.hide()
        self.place.clear()
        self.map_button.setEnabled(False)
        self.photos.workspace, self.photos.record = None, None
        self.photos.refresh()
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
            + (self.tr(" — đã xóa") if values.get("deleted") else "")
        )
        history = record_history(ws, table, record_id)
        since = self.tr("Thay đổi sau khi đã duyệt")
        after = {h["field"] for h in history if h["after_approval"]}
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
            notes=[since if n in after else "" for n in names] + [""],
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
                for h in history
            ],
            notes=[since if h["after_approval"] else "" for h in history],
        )
        if after:
            self.changed_note.setText(
                self.tr(
                    "Đã sửa sau khi duyệt: {0}. Các thay đổi từ lần duyệt trước được tô vàng "
                    "trong lịch sử; hãy xem lại rồi quyết định."
                ).format(", ".join(labels.get(n, n) for n in sorted(after)))
            )
        self.changed_note.setVisible(bool(after))
        self.photos.show_record(ws, table, record_id)
        self.show_place(table, record_id, values)
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

    def show_place(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        """Where the record is (its site's place for a shortcoming), and the button that shows
        it in the main window's map."""
        db = self.workspace.db
        where = placing.position(db, table, record_id)
        if where is None and values.get("site_id"):
            where = placing.position(db, "sites", str(values["site_id"]))
        self.place.setText(
            self.tr("Vị trí: {0:.6f}, {1:.6f}").format(*where)
            if where is not None
            else self.tr("Chưa có vị trí trên bản đồ.")
        )
        self.map_button.setEnabled(where is not None and not values.get("deleted"))

    def on_map_clicked(self) -> None:
        if self.current is not None:
            self.locate_requested.emit(*self.current)

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
            and self.listed is not None
            and bool(self.ids)
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
        if not (self.workspace.user or "").strip():
            # Every decision says who made it: without a name there is no decision.
            self.message.setText(
                self.tr(
                    "Chưa có tên người duyệt: hãy nhập họ và tên trong Cài đặt (menu Tệp) rồi "
                    "duyệt lại."
                )
            )
            return
        try:
            if self.bulk.isChecked():
                flt = self.listed
                if flt is None or self.loading or not self.ids:
                    return
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
