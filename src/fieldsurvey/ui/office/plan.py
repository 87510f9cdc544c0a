"""The city camera plan on screen ("Phương án tổng thể"): its totals, the items with filters, the
proposal run with progress and cancel, and the supervisor's accept / reject."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.office import plan
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from fieldsurvey.ui.background import Task, read_workspace_in_background, write_in_background
from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.office.common import close_row, message_label
from fieldsurvey.ui.tables import fill_table, make_table, rows_of, selected_id


class PlanDialog(QDialog):
    """The plan's totals (new, reused, connected, upgraded; by commune, unit, purpose, phase), its
    items with filters, "Lập phương án" for the needs not yet decided, and accept / reject."""

    changed = Signal()
    """Emitted after items were proposed or decided (the map's plan layer reads them again)."""
    loaded = Signal()
    """Emitted when the plan is shown."""
    locate = Signal(float, float)
    """(lat, lon) of the item to show on the main window's map."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self.data: dict[str, Any] | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Phương án tổng thể"))
        self.resize(1200, 680)
        self.summary = QLabel(self.tr("Đang đọc phương án…"), self)
        self.summary.setWordWrap(True)
        self.message = message_label(self)

        self.decision = QComboBox(self)
        self.decision.addItem(self.tr("Mọi phương án"), None)
        for code, label in vocabulary.items("plan_decision", self.lang):
            self.decision.addItem(label, code)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("Mọi trạng thái"), None)
        for code, label in vocabulary.items("plan_state", self.lang):
            self.state.addItem(label, code)
        self.decision.currentIndexChanged.connect(self.show_items)
        self.state.currentIndexChanged.connect(self.show_items)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Phương án:"), self.decision),
            (self.tr("Trạng thái:"), self.state),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addStretch(1)

        self.items = make_table(
            [
                field_label("decision"),
                self.tr("Trạng thái"),
                self.tr("Số nhu cầu"),
                field_label("commune_code"),
                field_label("responsible_unit_id"),
                self.tr("Giai đoạn"),
                self.tr("Kinh phí (đồng)"),
                self.tr("Căn cứ đề xuất"),
            ],
            self,
        )
        self.items.selectionModel().selectionChanged.connect(self._enable)
        self.items.doubleClicked.connect(lambda _index: self.on_locate_clicked())
        by_what = self.tr("Mới / tận dụng / kết nối / nâng cấp")
        money = self.tr("Kinh phí (đồng)")
        self.by_commune = make_table([field_label("commune_code"), self.tr("Số mục"), money], self)
        self.by_unit = make_table(
            [field_label("responsible_unit_id"), self.tr("Số mục"), money], self
        )
        self.by_purpose = make_table([field_label("purposes"), self.tr("Số mục"), money], self)
        self.by_phase = make_table([self.tr("Giai đoạn"), self.tr("Số mục"), money], self)
        self.by_decision = make_table([by_what, self.tr("Số mục"), money], self)
        tabs = QTabWidget(self)
        items_page = QWidget(self)
        items_layout = QVBoxLayout(items_page)
        items_layout.addLayout(filters)
        items_layout.addWidget(self.items, 1)
        tabs.addTab(items_page, self.tr("Các mục"))
        tabs.addTab(self.by_decision, self.tr("Theo phương án"))
        tabs.addTab(self.by_commune, self.tr("Theo xã, phường"))
        tabs.addTab(self.by_unit, self.tr("Theo đơn vị"))
        tabs.addTab(self.by_purpose, self.tr("Theo mục đích"))
        tabs.addTab(self.by_phase, self.tr("Theo giai đoạn"))
        self.tabs = tabs

        self.propose_button = QPushButton(self.tr("&Lập phương án"), self)
        self.propose_button.setToolTip(
            self.tr(
                "Đề xuất cho mọi nhu cầu chưa có phương án: tận dụng, kết nối, nâng cấp camera "
                "hiện có trước, rồi camera mới phục vụ được nhiều nhu cầu."
            )
        )
        self.accept_button = QPushButton(self.tr("&Chấp thuận"), self)
        self.reject_button = QPushButton(self.tr("&Không chấp thuận"), self)
        self.locate_button = QPushButton(self.tr("Xem trên &bản đồ"), self)
        self.propose_button.clicked.connect(self.on_propose_clicked)
        self.accept_button.clicked.connect(lambda: self.decide("accepted"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        self.locate_button.clicked.connect(self.on_locate_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, lambda: self.decide("accepted"))
        QShortcut(QKeySequence("Ctrl+Backspace"), self, lambda: self.decide("rejected"))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        actions = QHBoxLayout()
        for button in (
            self.propose_button,
            self.accept_button,
            self.reject_button,
            self.locate_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(tabs, 1)
        layout.addWidget(close_row(self))
        self._enable()
        self.reload()

    # -- reading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        read_workspace_in_background(
            self, self.workspace, lambda ws: plan.overview(ws.db), self.show_plan, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, Cancelled):
            self.message.setText(self.tr("Đã hủy; không ghi gì."))
        elif isinstance(error, FieldSurveyError):
            self.message.setText(error_text(error))
        else:
            raise error

    def _money(self, amount: int) -> str:
        return QLocale().toString(int(amount))

    def show_plan(self, data: dict[str, Any]) -> None:
        self.data = data
        totals = data["totals"]
        counts = {d: totals["by_decision"][d]["items"] for d in plan.DECISIONS}
        self.summary.setText(
            self.tr(
                "Phương án (đề xuất và đã chấp thuận): {0} camera lắp mới, {1} tận dụng, {2} kết "
                "nối, {3} nâng cấp; phục vụ {4} nhu cầu; kinh phí dự kiến {5} đồng."
            ).format(
                counts["new"],
                counts["reuse"],
                counts["connect"],
                counts["upgrade"],
                totals["needs_served"],
                self._money(totals["cost"]),
            )
        )
        label = self._label
        fill_table(
            self.by_decision,
            [
                [label("plan_decision", d), str(v["items"]), self._money(v["cost"])]
                for d, v in totals["by_decision"].items()
            ],
        )
        names = {
            "commune": data["communes"],
            "unit": data["units"],
        }
        for table, key in (
            (self.by_commune, "commune"),
            (self.by_unit, "unit"),
            (self.by_purpose, "purpose"),
            (self.by_phase, "phase"),
        ):
            rows = sorted(totals[key].items(), key=lambda kv: (-kv[1]["items"], str(kv[0])))
            fill_table(
                table,
                [
                    [self._name(key, value, names), str(v["items"]), self._money(v["cost"])]
                    for value, v in rows
                ],
            )
        self.show_items()
        self.loaded.emit()

    def _label(self, code_list: str, code: str | None) -> str:
        return "—" if code is None else vocabulary.label(code_list, code, self.lang)

    def _name(self, key: str, value: Any, names: dict[str, dict[str, str]]) -> str:
        if value is None:
            return self.tr("Chưa xác định")
        if key == "purpose":
            return self._label("camera_purpose", value)
        if key == "phase":
            return self.tr("Giai đoạn {0}").format(value)
        return names[key].get(str(value), str(value))

    def shown_items(self) -> list[dict[str, Any]]:
        """The items the filters keep, in the table's order."""
        if self.data is None:
            return []
        decision, state = self.decision.currentData(), self.state.currentData()
        return [
            item
            for item in self.data["items"]
            if (decision is None or item["decision"] == decision)
            and (state is None or item["state"] == state)
        ]

    def show_items(self) -> None:
        if self.data is None:
            return
        items = self.shown_items()
        communes, units = self.data["communes"], self.data["units"]
        fill_table(
            self.items,
            [
                [
                    self._label("plan_decision", item["decision"]),
                    self._label("plan_state", item["state"]),
                    str(item["needs"]),
                    communes.get(item["commune_code"] or "", "—"),
                    units.get(item["responsible_unit_id"] or "", "—"),
                    str(item["phase"] or "—"),
                    self._money(item["cost"] or 0),
                    item["reason"] or "",
                ]
                for item in items
            ],
            [item["id"] for item in items],
        )
        self._enable()

    def _selected(self) -> dict[str, Any] | None:
        """The item selected in the table, if the filters still show it."""
        item_id = selected_id(self.items)
        return next((i for i in self.shown_items() if i["id"] == item_id), None)

    def _enable(self) -> None:
        chosen = self._selected() is not None and self.task is None
        for button in (self.accept_button, self.reject_button, self.locate_button):
            button.setEnabled(chosen)
        self.propose_button.setEnabled(self.task is None)

    # -- acting ----------------------------------------------------------------------------------

    def decide(self, state: str) -> None:
        item = self._selected()
        if item is None or self.task is not None:
            return
        row = self.items.currentIndex().row()
        try:
            plan.decide(self.workspace, [item["id"]], state)
        except FieldSurveyError as exc:
            self.message.setText(error_text(exc))
            return
        item["state"], item["decided_by"] = state, self.workspace.user
        self.message.setText(self.tr("Đã ghi: {0}.").format(self._label("plan_state", state)))
        self.show_items()
        self.changed.emit()
        # On to the next item, as in the review: a filter on the state has let this one go, so
        # the next one now has its row.
        count = rows_of(self.items).rowCount()
        if count:
            step = 0 if self.state.currentData() not in (None, state) else 1
            self.items.selectRow(min(row + step, count - 1))

    def on_locate_clicked(self) -> None:
        item = self._selected()
        if item is not None and item["lat"] is not None:
            self.locate.emit(float(item["lat"]), float(item["lon"]))

    def on_propose_clicked(self) -> None:
        if self.task is not None:
            return
        task = self.task = Task()
        task.progress.connect(self._on_progress)
        self._busy(True)
        self.message.setText(self.tr("Đang lập phương án…"))

        def work(ws: Workspace) -> plan.Proposal:
            return plan.propose(ws, progress=task.report, cancel=task.cancelled)

        write_in_background(self, self.workspace, work, self._proposed, self._failed)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.task = None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setRange(0, 0)
        self._enable()

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what:
            self.message.setText(what)

    def on_cancel_clicked(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Đang hủy…"))

    def _proposed(self, result: plan.Proposal) -> None:
        self._busy(False)
        written = result.written
        text = self.tr(
            "Đã đề xuất {0} camera lắp mới, {1} tận dụng, {2} kết nối, {3} nâng cấp cho {4} nhu "
            "cầu."
        ).format(
            written["new"],
            written["reuse"],
            written["connect"],
            written["upgrade"],
            result.needs_served,
        )
        if result.needs_left:
            text += " " + self.tr(
                "{0} nhu cầu chưa bố trí được camera mới không trùng góc nhìn với camera đã đề "
                "xuất: cần bố trí thủ công."
            ).format(len(result.needs_left))
        self.message.setText(text)
        self.changed.emit()
        self.reload()

    def reject(self) -> None:
        if self.task is not None:  # the proposal still runs: cancel rather than leave it
            self.on_cancel_clicked()
            return
        super().reject()
