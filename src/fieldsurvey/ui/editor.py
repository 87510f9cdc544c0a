"""The record editor: a form per kind of record, saved through the workspace's write path when
the surveyor pauses (a second without typing), leaves the field or the record, or closes the
window, so one continuous edit of one field is one change in the history; with undo, problems
shown beside the fields, how complete the record is, what it contains, and its photos."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.office.coverage import need_coverage
from fieldsurvey.core.photos.positions import PhotoPosition, positions_to_decide
from fieldsurvey.core.photos.store import IngestResult
from fieldsurvey.core.store import checks, listing
from fieldsurvey.core.store.records import clean_value, record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui import fields as fw
from fieldsurvey.ui.i18n import tr
from fieldsurvey.ui.photo_offers import OfferBanner, heading_offer, position_offer
from fieldsurvey.ui.photo_positions import PhotoPositionsDialog
from fieldsurvey.ui.photo_strip import PhotoStrip
from fieldsurvey.ui.values import commune_name, shown_distance

# A pause this long in typing saves the field: never in the middle of a word typed at speed.
SAVE_DELAY_MS = 1000
# The fields of each form, in order. "location" stands for lat/lon (and where they came from).
FORMS: dict[str, tuple[str, ...]] = {
    "sites": ("name", "category", "address", "location", "unit_id", "notes"),
    "cameras": (
        "name",
        "condition",
        "camera_type",
        "purposes",
        "owner_unit_id",
        "location",
        "views",
        "mount",
        "height_m",
        "resolution_mp",
        "night_vision",
        "ai_functions",
        "connectivity",
        "connection_medium",
        "storage_days",
        "standards",
        "power_source",
        "install_year",
        "funding_source",
        "ref",
        "notes",
    ),
    "shortcomings": (
        "kind",
        "camera_id",
        "description",
        "remedy_kind",
        "remedy",
        "estimated_cost_vnd",
    ),
    "needs": (
        "purposes",
        "camera_count",
        "camera_type",
        "ai_functions",
        "priority",
        "detail_band",
        "location",
        "justification",
    ),
}
LONG_TEXT = {"notes", "description", "remedy", "justification"}


class EditCommand(QUndoCommand):
    """Saved field values of one record; undo writes the old ones back (a new change)."""

    def __init__(
        self,
        editor: RecordEditor,
        table: str,
        record_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        labels = fw.field_labels(table)
        names = ", ".join(labels.get(f, f) for f in after if f not in ("lon", "location_source"))
        super().__init__(tr("Sửa {0}").format(names.replace("lat", labels["location"])))
        self.editor, self.table, self.record_id = editor, table, record_id
        self.before, self.after = before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # already written when the edit was saved
            self._first = False
            return
        self.editor.write_values(self.table, self.record_id, self.after)

    def undo(self) -> None:
        self.editor.write_values(self.table, self.record_id, self.before)


class RecordEditor(QWidget):
    """Edits one record at a time; every change is saved on its own (no Save button)."""

    saved = Signal(str, str)
    """(table, record id) after a change was written."""
    open_requested = Signal(str, str)
    """(table, record id) of a record to open instead (a site's camera, a camera's site…)."""
    add_requested = Signal(str, str)
    """(table of the new record, site id): add a camera, shortcoming or need to this site."""
    problem = Signal(str)
    """A message for the status bar (a write that failed)."""

    def __init__(self, undo: QUndoStack, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.undo = undo
        self.lang = lang
        self.workspace: Workspace | None = None
        self.table: str | None = None
        self.record_id: str | None = None
        self.record: dict[str, Any] = {}
        self.area: set[str] | None = None
        self.widgets: dict[str, fw.FieldWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.pending: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the record's name, as written
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.parent_button = QPushButton(self)
        self.parent_button.setFlat(True)
        self.parent_button.setStyleSheet("text-align: left; color: palette(link);")
        self.parent_button.clicked.connect(self._open_parent)
        self.parent_button.hide()
        self.complete = QProgressBar(self)
        self.complete.setRange(0, 100)
        self.complete.setFormat(tr("Đầy đủ %p%"))
        self.complete.setMaximumWidth(180)
        # never narrower than its text at 100 %, beside a long title
        full = self.complete.format().replace("%p", "100")
        self.complete.setMinimumWidth(self.complete.fontMetrics().horizontalAdvance(full) + 24)
        self.state = QLabel(self)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        header.addWidget(self.complete)

        self.banner = OfferBanner(self)
        self.banner.taken.connect(self._take_offer)
        self.position_dialog: PhotoPositionsDialog | None = None

        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.children_box = QWidget(self)
        self.children_layout = QVBoxLayout(self.children_box)
        self.children_layout.setContentsMargins(0, 0, 0, 0)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.form_host)
        inner_layout.addWidget(self.children_box)
        inner_layout.addStretch()
        self.form_scroll = scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.photos = PhotoStrip(self)
        self.photos.ingested.connect(self.on_photos_ingested)
        # What to do with nothing open, naming the window's own shortcuts (``set_shortcuts``).
        self.shortcuts: dict[str, str] = {}
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.parent_button)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.photos)
        self._content = (scroll, self.photos, self.complete, self.state)
        self.show_nothing()

    def set_shortcuts(self, *, find: str, new_site: str, new_camera: str) -> None:
        """The keys of the window's Find, New site and New camera items, as the menus show
        them: the hint with nothing open and the "+ Camera" button name them."""
        self.shortcuts = {"find": find, "new_site": new_site, "new_camera": new_camera}
        self.empty.setText(
            tr(
                "Chọn một địa điểm hoặc camera trong danh sách (tìm: {find}), hoặc thêm địa "
                "điểm mới ({new_site}). Camera mới được thêm vào địa điểm đang mở "
                "({new_camera})."
            ).format(**self.shortcuts)
        )

    # -- showing a record ----------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.flush()
        self.table = self.record_id = None
        self.title.setText("")
        self.parent_button.hide()
        self.banner.hide()
        for widget in self._content:
            widget.hide()
        self.empty.show()

    def show_record(self, workspace: Workspace, table: str, record_id: str) -> None:
        """Open a record in the form (saving what was typed in the previous one first; what
        the disk refused stays with the record it was typed in, as the message said)."""
        self.flush()
        self.pending.clear()
        other = (table, record_id) != (self.table, self.record_id)
        if other:
            self.banner.clear()
        self.workspace, self.table, self.record_id = workspace, table, record_id
        self.record = workspace.get(table, record_id)
        self._build_form(table)
        self._fill()
        self._show_children()
        self.photos.show_record(workspace, table, record_id)
        for widget in self._content:
            widget.show()
        self.empty.hide()
        self.banner.show_next()
        if other:  # another record starts at the top of its form
            self.form_scroll.verticalScrollBar().setValue(0)

    def focus_first_field(self) -> None:
        """The cursor in the form's first field, the form at its top (a new record)."""
        if self.table is None:
            return
        self.form_scroll.verticalScrollBar().setValue(0)
        self.widgets[FORMS[self.table][0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_form(self, table: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()
        self.notes.clear()
        labels = fw.field_labels(table)
        kind = record_kind(table)
        for name in FORMS[table]:
            widget = self._make_widget(table, name, kind)
            widget.edited.connect(lambda n=name: self.on_edited(n))
            note = QLabel(self.form_host)
            note.setTextFormat(Qt.TextFormat.PlainText)  # may quote what was typed
            note.setWordWrap(True)
            note.hide()
            column = QWidget(self.form_host)
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.setSpacing(1)
            column_layout.addWidget(widget)
            column_layout.addWidget(note)
            label = labels[name] + (
                " *" if name != "location" and kind.field(name).required else ""
            )
            self.form.addRow(label, column)
            widget.setAccessibleName(labels[name])
            self.widgets[name], self.notes[name] = widget, note
        if "location" in self.widgets:
            self.commune = QLabel(self.form_host)
            self.form.addRow(fw.field_label("commune_code"), self.commune)

    def _make_widget(self, table: str, name: str, kind: Any) -> fw.FieldWidget:
        assert self.workspace is not None
        db = self.workspace.db
        if name == "location":
            return fw.LocationField(self.form_host)
        if name == "views":
            return fw.ViewsField(self.form_host)
        field = kind.field(name)
        if name in LONG_TEXT:
            return fw.LongTextField(self.form_host)
        match field.kind:
            case "text":
                return fw.TextField(field.max_length, self.form_host)
            case "int" | "real":
                return fw.NumberField(field.kind == "int", self.form_host)
            case "code":
                return fw.CodeField(field.code_list, self.lang, self.form_host)
            case "codes":
                return fw.CodesField(field.code_list, self.lang, self.form_host)
            case "bool":
                return fw.ChoiceField([(1, tr("Có")), (0, tr("Không"))], self.form_host)
            case "ref" if field.ref == "units":
                return fw.ChoiceField(listing.unit_choices(db), self.form_host)
            case "ref" if field.ref == "cameras":
                cameras = listing.site_camera_choices(db, self.record.get("site_id"))
                return fw.ChoiceField(cameras, self.form_host)
        raise AssertionError(f"no widget for {table}.{name}")

    def _fill(self) -> None:
        """Show the stored record in the widgets, its title, state and problems."""
        record = self.record
        for name, widget in self.widgets.items():
            if name == "location":
                lat, lon = record.get("lat"), record.get("lon")
                widget.show_value((lat, lon) if lat is not None else None)
            else:
                widget.show_value(record.get(name))
        self._show_header()
        self._show_problems({})

    def record_label(self, table: str, record: dict[str, Any] | str) -> str:
        """A record as the header names it: "Camera: Cổng chính" (given the record or its id)."""
        if isinstance(record, str):
            assert self.workspace is not None
            record = self.workspace.get(table, record)
        kinds = {
            "sites": tr("Địa điểm"),
            "cameras": tr("Camera"),
            "shortcomings": tr("Tồn tại, hạn chế"),
            "needs": tr("Nhu cầu lắp mới"),
        }
        name = record.get("name")
        if not name and table == "shortcomings" and record.get("kind"):
            name = vocabulary.label("shortcoming_kind", record["kind"], self.lang)
        unnamed = tr("(chưa đặt tên)")
        return f"{kinds[table]}: {name or unnamed}"

    def _show_header(self) -> None:
        assert self.table is not None and self.workspace is not None
        record = self.record
        self.title.setText(self.record_label(self.table, self.record))
        state = record.get("review_state")
        self.state.setText(
            vocabulary.label("review_state", state, self.lang) if state else tr("Nháp")
        )
        self.complete.setValue(round(checks.completeness(self.table, record) * 100))
        site_id = record.get("site_id")
        if site_id:
            site = self.workspace.title("sites", site_id)
            self.parent_button.setText("↑ " + tr("Địa điểm: {0}").format(site or ""))
            self.parent_button.show()
        else:
            self.parent_button.hide()
        if "location" in self.widgets:
            code = record.get("commune_code")
            self.commune.setText(
                commune_name(self.workspace, code) if code else tr("(chưa xác định)")
            )

    def _show_problems(self, invalid: dict[str, str]) -> None:
        """Invalid values (not saved) in red; what the saved record still lacks in amber."""
        assert self.workspace is not None and self.table is not None
        lacking: dict[str, list[str]] = {}
        for problem in checks.problems(self.workspace.db, self.table, self.record, area=self.area):
            target = problem.field if problem.field in self.notes else None
            if target is None and problem.field in ("lat", "lon"):
                target = "location"
            if target is not None and problem.code != "missing":
                lacking.setdefault(target, []).append(problem.text(self.lang))
        for name, note in self.notes.items():
            if name in invalid:
                note.setText(invalid[name])
                note.setStyleSheet("color: #b00020;")
                note.show()
            elif name in lacking:
                note.setText(" ".join(lacking[name]))
                note.setStyleSheet("color: #8a5a00;")
                note.show()
            else:
                note.hide()

    def field_note(self, name: str) -> str:
        """The text shown beside a field ("" when none): for tests and accessibility."""
        note = self.notes.get(name)
        return note.text() if note is not None and not note.isHidden() else ""

    # -- what a record contains ----------------------------------------------------------------

    def _show_children(self) -> None:
        while self.children_layout.count():
            item = self.children_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        assert self.workspace is not None
        db = self.workspace.db
        if self.table == "sites":
            site_id = self.record_id
            groups = [
                ("cameras", tr("Camera"), self._with_key(tr("+ Camera"), "new_camera")),
                ("shortcomings", tr("Tồn tại, hạn chế"), tr("+ Tồn tại")),
                ("needs", tr("Nhu cầu lắp mới"), tr("+ Nhu cầu")),
            ]
        elif self.table == "cameras":
            site_id = self.record.get("site_id")
            groups = [("shortcomings", tr("Tồn tại, hạn chế"), tr("+ Tồn tại"))]
        elif self.table == "needs":
            self._show_covering_cameras()
            return
        else:
            return
        for table, heading, add_label in groups:
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{heading}</b>", self.children_box))
            row.addStretch()
            add = QPushButton(add_label, self.children_box)
            add.clicked.connect(lambda _=False, t=table, s=site_id: self.add_requested.emit(t, s))
            row.addWidget(add)
            holder = QWidget(self.children_box)
            holder.setLayout(row)
            self.children_layout.addWidget(holder)
            key = "camera_id" if self.table == "cameras" else "site_id"
            for child_id, label in self._child_rows(db, table, key):
                link = QPushButton("→ " + label, self.children_box)
                link.setFlat(True)
                link.setStyleSheet("text-align: left;")
                link.clicked.connect(
                    lambda _=False, t=table, i=child_id: self.open_requested.emit(t, i)
                )
                self.children_layout.addWidget(link)

    def _with_key(self, label: str, action: str) -> str:
        key = self.shortcuts.get(action)
        return f"{label} ({key})" if key else label

    def _show_covering_cameras(self) -> None:
        """A need's place may already be seen by existing cameras: reuse or connect them
        instead of installing new ones. Each can be marked for reuse (a saved edit)."""
        assert self.workspace is not None and self.record_id is not None
        found = need_coverage(self.workspace.db, self.record_id)
        cameras = found[0]["cameras"] if found else []
        heading = QLabel(
            "<b>" + tr("Camera hiện có đã quan sát vị trí này: {0}").format(len(cameras)) + "</b>",
            self.children_box,
        )
        heading.setWordWrap(True)
        self.children_layout.addWidget(heading)
        listed = set(json.loads(self.record.get("reuse_camera_ids") or "[]"))
        names = listing.camera_titles(self.workspace.db, [c["id"] for c in cameras])
        for camera in cameras[:20]:
            row = QHBoxLayout()
            text = (
                f"{names.get(camera['id'], camera['id'])} · {shown_distance(camera['distance_m'])}"
            )
            if not camera["direction_known"]:
                text += " · " + tr("chưa rõ hướng")
            link = QPushButton("→ " + text, self.children_box)
            link.setFlat(True)
            link.setStyleSheet("text-align: left;")
            link.clicked.connect(
                lambda _=False, i=camera["id"]: self.open_requested.emit("cameras", i)
            )
            reuse = QPushButton(
                tr("Bỏ tận dụng") if camera["id"] in listed else tr("Tận dụng"), self.children_box
            )
            reuse.clicked.connect(lambda _=False, i=camera["id"]: self.toggle_reuse(i))
            row.addWidget(link, 1)
            row.addWidget(reuse)
            holder = QWidget(self.children_box)
            holder.setLayout(row)
            self.children_layout.addWidget(holder)

    def toggle_reuse(self, camera_id: str) -> None:
        """Name (or stop naming) an existing camera for reuse by the open need."""
        listed = json.loads(self.record.get("reuse_camera_ids") or "[]")
        chosen = [c for c in listed if c != camera_id]
        if camera_id not in listed:
            chosen.append(camera_id)
        if self.save_values({"reuse_camera_ids": chosen}):
            self._show_children()

    def _child_rows(self, db: Any, table: str, key: str) -> list[tuple[str, str]]:
        assert self.record_id is not None
        out = []
        for row in listing.records_of(db, table, key, self.record_id):
            if table == "cameras":
                label = listing.camera_title(row["name"], row["ref"], row["id"])
                if row["condition"]:
                    label += " · " + vocabulary.label(
                        "camera_condition", row["condition"], self.lang
                    )
            elif table == "shortcomings":
                label = vocabulary.label("shortcoming_kind", row["kind"], self.lang)
                if row["description"]:
                    label += " · " + row["description"][:60]
            else:
                label = tr("{0} camera").format(row["camera_count"] or "?")
                if row["priority"]:
                    label += " · " + vocabulary.label("priority", row["priority"], self.lang)
            out.append((str(row["id"]), label))
        return out

    def _open_parent(self) -> None:
        site_id = self.record.get("site_id")
        if site_id:
            self.flush()
            self.open_requested.emit("sites", site_id)

    # -- saving --------------------------------------------------------------------------------

    def on_edited(self, name: str) -> None:
        """A keystroke or choice in a field: saved once the typing pauses (each edit starts the
        delay again). An edit of another field first saves the one before, so that every
        change in the history is one field's edit."""
        if self.pending and name not in self.pending:
            self.flush()
        self.pending.add(name)
        self.timer.start()

    def field_of(self, widget: QWidget | None) -> str | None:
        """The name of the form's field that ``widget`` is part of (None when none)."""
        fields = {id(w): name for name, w in self.widgets.items()}
        while widget is not None:
            if (name := fields.get(id(widget))) is not None:
                return name
            widget = widget.parentWidget()
        return None

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a field with unsaved typing saves it (to another field, another widget,
        another window)."""
        if not self.pending or old is None:
            return
        left = self.field_of(old)
        if left is not None and left != self.field_of(new):
            self.flush()

    def flush(self) -> bool:
        """Write what was typed now; True when nothing is left unsaved."""
        self.timer.stop()
        if not self.pending or self.workspace is None or self.table is None:
            self.pending.clear()
            return True
        names, self.pending = sorted(self.pending), set()
        kind = record_kind(self.table)
        values: dict[str, Any] = {}
        invalid: dict[str, str] = {}
        for name in names:
            try:
                if name == "location":
                    position = self.widgets[name].value()
                    lat, lon = position if position else (None, None)
                    values.update({"lat": lat, "lon": lon, "location_source": "typed"})
                    if position is None:
                        values["location_source"] = None
                    continue
                value = self.widgets[name].value()
                clean_value(kind, kind.field(name), value)
                values[name] = value
            except ValidationError as exc:
                invalid[name] = exc.text(self.lang)
        saved = not values or self.save_values(values)
        if not saved:  # kept in the form and tried again with the next edit or flush
            self.pending.update(n for n in names if n not in invalid)
        self._show_problems(invalid)
        return saved and not invalid

    def save_values(self, values: dict[str, Any]) -> bool:
        """Write values to the open record as one undoable step. Values its kind of record
        does not have (a need has a position but no accuracy or source) are left out."""
        assert self.workspace is not None and self.table and self.record_id
        table, record_id = self.table, self.record_id
        fields = record_kind(table).field_names
        values = {name: value for name, value in values.items() if name in fields}
        before = {name: self.record.get(name) for name in values}
        if not self.write_values(table, record_id, values, refill=False):
            return False
        after = {name: self.record.get(name) for name in values}
        if after != before:
            self.undo.push(EditCommand(self, table, record_id, before, after))
        return True

    def write_values(
        self, table: str, record_id: str, values: dict[str, Any], *, refill: bool = True
    ) -> bool:
        """Write through the workspace; refresh the form if it shows that record."""
        assert self.workspace is not None
        try:
            self.workspace.update(table, record_id, values)
        except FieldSurveyError as exc:
            self.problem.emit(exc.text(self.lang))
            return False
        if (table, record_id) == (self.table, self.record_id):
            self.record = self.workspace.get(table, record_id)
            if refill:
                self._fill()
            else:
                self._show_header()
        self.saved.emit(table, record_id)
        return True

    # -- offers from photos --------------------------------------------------------------------

    def on_photos_ingested(self, table: str, record_id: str, results: list[IngestResult]) -> None:
        """Offer new photos' position and heading to the record they were added to: one
        photo's position in the banner, several in one dialog (``ui/photo_positions.py``); a
        position outside Hà Nội is said so, and taken only when chosen."""
        if self.workspace is None or (table, record_id) != (self.table, self.record_id):
            return
        if "location" in self.widgets:
            lat, lon = self.record.get("lat"), self.record.get("lon")
            recorded = (lat, lon) if lat is not None and lon is not None else None
            choices = positions_to_decide(self.workspace.db, recorded, results)
            if len(choices) == 1:
                self.banner.add(position_offer(choices[0]))
            elif choices:
                self.ask_positions(choices, recorded is not None)
        if table == "cameras":
            for result in results:
                meta = result.metadata
                if result.photo_id is not None and meta is not None and meta.heading is not None:
                    self.banner.add(heading_offer(self.record.get("views"), meta.heading))
        self.banner.show_next()

    def ask_positions(self, choices: list[PhotoPosition], recorded: bool) -> None:
        """Several photos with positions of their own: one dialog decides which (if any)
        places the record on screen."""
        dialog = PhotoPositionsDialog(choices, recorded, self)
        self.position_dialog = dialog
        where = (self.table, self.record_id)

        def decided() -> None:
            self.position_dialog = None
            chosen = dialog.chosen()
            if chosen is not None and where == (self.table, self.record_id):
                self.save_values(chosen.values())
                self._fill()
            dialog.deleteLater()

        dialog.finished.connect(decided)
        dialog.open()

    def offer_text(self) -> str:
        """The photo's offer shown above the form ("" when none)."""
        return self.banner.text()

    def answer_offer(self, accept: bool) -> None:
        """Take (or leave) the offer shown; then show the next one, if any."""
        self.banner.answer(accept)

    def _take_offer(self, values: list[tuple[str, Any]]) -> None:
        self.save_values(dict(values))
        self._fill()
