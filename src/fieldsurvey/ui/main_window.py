"""The main window: one workspace open, its sites' and cameras' lists on the left
(``ui/record_lists.py``), the map (``ui/map_panel.py``) over the record editor (``ui/editor.py``)
on the right, the menus above (``ui/window_menus.py``). The window ties them together: a record
chosen in a list or on the map opens in the editor, an edit shows in its list and on the map,
and the menus' items act here, on workspace files (``ui/workspace_actions.py``) or through the
Office and Sync menus' dialogs (``ui/workspace_dialogs.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QSplitter, QWidget

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.basemaps import Basemap
from fieldsurvey.core.store import listing, placing
from fieldsurvey.core.store.stats import workspace_stats
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW
from fieldsurvey.ui import workspace_actions, workspace_dialogs
from fieldsurvey.ui.dialogs import NewSiteDialog, SettingsDialog, ask_passphrase, show_warning
from fieldsurvey.ui.editor import EditCommand, RecordEditor
from fieldsurvey.ui.map_panel import MapPanel
from fieldsurvey.ui.places import PlaceKeeper
from fieldsurvey.ui.record_lists import ListsPanel, RecordList
from fieldsurvey.ui.window_base import WindowBase
from fieldsurvey.ui.window_menus import WindowActions, build_menus


class MainWindow(WindowBase):
    """One workspace open: lists on the left, the map and the record editor on the right."""

    workspace_changed = Signal(str)
    """Emitted with the path of the workspace just opened."""
    language_change_requested = Signal(str)
    """The user chose another language in the settings; the app rebuilds the window."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        settings: user_settings.Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or user_settings.Settings()
        self.lang = self.settings.language
        self.workspace = workspace
        self.current: tuple[str, str] | None = None
        self.resize(1366, 820)
        self.undo = QUndoStack(self)
        self.office_dialogs: list[QDialog] = []

        self.lists = ListsPanel(workspace, self.lang, self)
        self.lists.filters_changed.connect(lambda: self.apply_filters())
        self.lists.record_selected.connect(self.on_record_selected)
        self.lists.unit_box.activated.connect(self.on_unit_chosen)
        # The lists' widgets, reachable as the window's own.
        self.search_box = self.lists.search_box
        self.filters = self.lists.filters
        self.commune_filter = self.lists.commune_filter
        self.category_filter = self.lists.category_filter
        self.condition_filter = self.lists.condition_filter
        self.purpose_filter = self.lists.purpose_filter
        self.review_filter = self.lists.review_filter
        self.assignment = self.lists.assignment
        self.assignment_bar = self.lists.assignment_bar
        self.unit_box = self.lists.unit_box
        self.sites = self.lists.sites
        self.cameras = self.lists.cameras
        self.tabs = self.lists.tabs

        self.map_panel = MapPanel(workspace, self.cameras.model, self.lang, self)
        self.map_panel.status.connect(self.show_status)
        self.map = self.map_panel.map
        self.map.camera_selected.connect(self.on_map_camera_selected)
        self.map.location_picked.connect(self.on_map_location_picked)
        self.map.record_selected.connect(self.open_record)
        self.map_panel.position_used.connect(
            lambda lat, lon: self.place_current(lat, lon, "gps_device")
        )
        self.map.direction_set.connect(self.on_map_direction_set)
        self.map.ready.connect(lambda _drawn, _ms: self.show_current_on_map())
        # Where the person is (record, list, filters, map), for the next time it opens.
        self.places = PlaceKeeper(self.lists, self.map, self)
        # The map's toolbar and timers, reachable as the window's own.
        self.map_tools = self.map_panel.tools
        self.mode_actions = self.map_panel.mode_actions
        self.colour_box = self.map_panel.colour_box
        self.online_action = self.map_panel.online_action
        self.map_timer = self.map_panel.reload_timer
        self.map_filter_timer = self.map_panel.filter_timer

        self.editor = RecordEditor(self.undo, self, lang=self.lang)
        self.editor.saved.connect(self.on_record_saved)
        self.editor.open_requested.connect(self.open_record)
        self.editor.add_requested.connect(self.add_record)
        self.editor.problem.connect(self.show_problem)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.map_panel)
        self.right.addWidget(self.editor)
        self.right.setSizes([300, 500])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([560, 800])
        self.setCentralWidget(self.splitter)

        self._connect_menus(build_menus(self, self.undo))
        self._restore_layout()
        self.load_workspace(workspace)

    # -- building ------------------------------------------------------------------------------

    def _connect_menus(self, menus: WindowActions) -> None:
        self.recent_menu = menus.recent_menu
        self.recent_menu.aboutToShow.connect(
            lambda: workspace_actions.fill_recent(self, self.recent_menu)
        )
        self.undo_action, self.redo_action = menus.undo, menus.redo
        self.new_site_action, self.new_camera_action = menus.new_site, menus.new_camera
        slots: list[tuple[QAction, Callable[[], object]]] = [
            (menus.new_workspace, self.on_new_workspace),
            (menus.open_workspace, partial(workspace_actions.on_open_requested, self)),
            (menus.open_demo, self.open_demo),
            (menus.reset_demo, partial(workspace_actions.on_reset_demo, self)),
            (menus.settings, self.on_settings),
            (menus.quit, self.close),
            (menus.find, self.on_find_requested),
            (menus.new_site, self.on_new_site),
            (menus.new_camera, partial(self.add_here, "cameras")),
            (menus.new_shortcoming, partial(self.add_here, "shortcomings")),
            (menus.new_need, partial(self.add_here, "needs")),
            (menus.next_record, partial(self.step, 1)),
            (menus.previous_record, partial(self.step, -1)),
            (menus.save_and_next, self.save_and_next),
            (menus.delete_record, self.on_delete_record),
            *((action, partial(self.open_office, name)) for name, action in menus.office.items()),
            (menus.export_package, partial(workspace_dialogs.on_export_package_requested, self)),
            (menus.import_packages, partial(workspace_dialogs.on_import_packages_requested, self)),
            (menus.packages, partial(workspace_dialogs.on_packages_requested, self)),
            (menus.guide, partial(self.show_help, "guide")),
            (menus.shortcuts, partial(self.show_help, "shortcuts")),
            (menus.about, partial(self.show_help, "about")),
        ]
        slots += [(menus.undo, self.undo_edit), (menus.redo, self.redo_edit)]
        for action, slot in slots:
            action.triggered.connect(lambda _=False, slot=slot: slot())
        # The hints that name a key read it from the menu item itself, so they cannot drift.
        keys = {
            name: action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            for name, action in (
                ("find", menus.find),
                ("new_site", menus.new_site),
                ("new_camera", menus.new_camera),
            )
        }
        self.editor.set_shortcuts(**keys)
        self.lists.set_find_shortcut(keys["find"])

    def show_help(self, page: str) -> None:
        """The guide, the shortcut list or About, in a window of their own (not modal: the
        guide can stay open beside the work)."""
        from fieldsurvey.ui import help as app_help

        titles = {
            "guide": (self.tr("Hướng dẫn sử dụng"), app_help.guide_page),
            "shortcuts": (self.tr("Phím tắt"), lambda: app_help.shortcuts_page(self)),
            "about": (self.tr("Giới thiệu FieldSurvey"), app_help.about_page),
        }
        title, make = titles[page]
        dialog = app_help.HelpDialog(title, make(), self)
        dialog.setObjectName(f"help-{page}")
        dialog.show()

    # -- loading -------------------------------------------------------------------------------

    def load_workspace(self, workspace: Workspace) -> None:
        """Show a workspace where the person left it: the record, list, filters and map view
        of the last time (``core.settings.Place``)."""
        self.editor.flush()
        self.places.leave()  # the workspace being left
        workspace_dialogs.close_office(self)  # they work on the workspace being left
        self.undo.clear()
        self.workspace = workspace
        workspace.on_wait = self.on_write_waiting
        workspace.ask_passphrase = self.ask_passphrase
        db = workspace.db
        self.lists.show_communes(db)
        place = self.places.read(workspace.path)
        self.recount()
        self.current = None
        self.editor.show_nothing()
        role = self.tr("văn phòng") if workspace.role == "office" else self.tr("khảo sát")
        self.setWindowTitle(f"FieldSurvey — {workspace.path.name} ({role})")
        self.apply_filters(db)
        self.map_panel.show_workspace(workspace)
        self.places.return_to(workspace, place, self.open_record)
        self.workspace_changed.emit(str(workspace.path))

    def forget_place(self, path: Path) -> None:
        self.places.forget(path)

    def show_current_on_map(self) -> None:
        """The camera on screen marked on a map page that has just drawn its cameras."""
        if self.current is not None and self.current[0] == "cameras":
            self.map.select_camera(self.current[1])

    def on_write_waiting(self) -> None:
        """A save waits for another write (an import, a bulk review) to finish: say so now,
        although the event loop is busy with the save."""
        self.statusBar().showMessage(
            self.tr("Đang chờ lần nhập gói (hoặc duyệt hàng loạt) đang chạy kết thúc để lưu…")
        )
        self.statusBar().repaint()

    def recount(self) -> None:
        """Totals and assignment progress, after records were added, deleted or imported (not on
        every keystroke in the search box or every autosave)."""
        self.counts = workspace_stats(self.workspace.db)
        self.show_assignment()

    def show_assignment(self) -> None:
        """The assigned area and its progress above the lists; the editor checks that a record
        lies in that area."""
        self.editor.area = self.lists.show_assignment(self.workspace)

    def on_unit_chosen(self, _index: int) -> None:
        # A setting of this workspace (""=every unit), not a survey record: it does not sync.
        self.workspace.set_setting("my_unit", str(self.unit_box.currentData() or ""))
        self.show_assignment()

    def apply_filters(
        self, db: sqlite_utils.Database | None = None, *, force: bool = False
    ) -> None:
        """Re-run the lists whose query changed (a page each); the map follows when typing
        pauses. ``db``: a newly opened workspace; ``force``: records changed, read again."""
        self.lists.run_queries(db, force=force)
        self.update_status()
        if self.current is not None and self.current[0] in ("sites", "cameras"):
            table, record_id = self.current
            (self.sites if table == "sites" else self.cameras).select_record(record_id)
        self.map_panel.follow_filter()

    def update_status(self) -> None:
        """Totals (counted when the workspace loads) and what the filter shows."""
        self.statusBar().showMessage(
            self.tr(
                "{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · "
                "hiển thị {shown_sites} địa điểm, {shown_cameras} camera"
            ).format(
                shown_sites=self.sites.visible_count(),
                shown_cameras=self.cameras.visible_count(),
                **self.counts,
            )
        )

    def show_status(self, message: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    # -- selecting and moving between records --------------------------------------------------

    def on_record_selected(self, table: str, record_id: str) -> None:
        if self.current == (table, record_id):
            return
        self.current = (table, record_id)
        self.places.keep_soon()
        try:
            self.editor.show_record(self.workspace, table, record_id)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return
        if table == "cameras":
            self.map.select_camera(record_id, centre=True)
            self.map.show_info(self.editor.record.get("name") or "")
        elif table == "sites":
            self.map.select_camera(None)
            where = placing.position(self.workspace.db, table, record_id)
            if where is not None:
                self.map.fly_to(*where, 17)
            self.map.show_info(self.editor.record.get("name") or "")

    def open_record(self, table: str, record_id: str) -> None:
        """Show a record: in its list when it has one, always in the editor."""
        record_list = self.lists.list_of(table)
        if record_list is not None:
            self.tabs.setCurrentWidget(record_list)
            # A row already selected there (the record left for another) emits nothing.
            if record_list.select_record(record_id) and self.current == (table, record_id):
                return
        self.on_record_selected(table, record_id)

    def current_list(self) -> RecordList:
        return self.lists.current_list()

    def step(self, offset: int) -> bool:
        """Go to the next (1) or previous (-1) record of the list shown."""
        record_list = self.current_list()
        chosen = record_list.selected_id()
        if chosen is None:
            if record_list.model.rowCount():
                record_list.view.selectRow(0)
                return True
            return False
        before, after = listing.neighbours(self.workspace.db, record_list.model.query, chosen)
        target = after if offset > 0 else before
        return target is not None and record_list.select_record(target)

    def save_and_next(self) -> None:
        if self.editor.flush():
            self.step(1)

    def on_find_requested(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def on_map_camera_selected(self, camera_id: str) -> None:
        self.open_record("cameras", camera_id)

    # -- undo and redo -------------------------------------------------------------------------

    def undo_edit(self) -> bool:
        """Undo the last saved edit (what is being typed is saved first, so it is what is
        undone); an edit of another record brings that record on screen first. The status bar
        says what was undone, and of which record."""
        return self._step_edit(undo=True)

    def redo_edit(self) -> bool:
        """Redo the last undone edit, on screen like ``undo_edit``."""
        return self._step_edit(undo=False)

    def _step_edit(self, *, undo: bool) -> bool:
        self.editor.flush()
        index = self.undo.index() - (1 if undo else 0)
        if not 0 <= index < self.undo.count():
            return False
        command = self.undo.command(index)
        if not isinstance(command, EditCommand):
            return False
        where = (command.table, command.record_id)
        brought = where != self.current
        if brought:
            self.open_record(*where)
        (self.undo.undo if undo else self.undo.redo)()
        record = self.editor.record_label(*where)
        if undo:
            text = (
                self.tr("Đã mở {record} và hoàn tác: {edit}")
                if brought
                else self.tr("Đã hoàn tác: {edit} ({record})")
            )
        else:
            text = (
                self.tr("Đã mở {record} và làm lại: {edit}")
                if brought
                else self.tr("Đã làm lại: {edit} ({record})")
            )
        self.statusBar().showMessage(text.format(edit=command.text(), record=record), 10000)
        return True

    # -- adding and deleting -------------------------------------------------------------------

    def current_site(self) -> str | None:
        if self.current is None:
            return None
        table, record_id = self.current
        if table == "sites":
            return record_id
        try:
            return self.workspace.get(table, record_id).get("site_id")
        except FieldSurveyError:
            return None

    def add_here(self, table: str) -> str | None:
        site_id = self.current_site()
        if site_id is None:
            self.show_problem(self.tr("Hãy chọn một địa điểm trước (hoặc thêm địa điểm mới)."))
            return None
        return self.add_record(table, site_id)

    def add_record(self, table: str, site_id: str) -> str | None:
        """A new camera, shortcoming or need at a site, opened in the editor."""
        values: dict[str, object] = {"site_id": site_id}
        current = self.current
        if table == "shortcomings":
            values["kind"] = "other"
            if current is not None and current[0] == "cameras":
                values["camera_id"] = current[1]
        if table == "cameras":
            site = self.workspace.get("sites", site_id)
            values["name"] = listing.new_camera_name(self.workspace.db, site_id)
            if site["lat"] is not None:
                values.update(
                    {
                        "lat": site["lat"],
                        "lon": site["lon"],
                        "location_source": site["location_source"] or "typed",
                    }
                )
        try:
            record_id = self.workspace.insert(table, values)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return None
        self.recount()  # a site with its first record counts as surveyed
        if table == "cameras":
            self.cameras.model.refresh()
            self.sites.model.refresh()
            self.map_panel.reload_cameras()  # a new camera with a position is seen at once
        self.open_record(table, record_id)
        self.editor.focus_first_field()
        self.update_status()
        return record_id

    def on_new_site(self) -> str | None:
        dialog = NewSiteDialog(self.lang, parent=self)
        if dialog.exec() != NewSiteDialog.DialogCode.Accepted:
            return None
        return self.create_site(dialog.values())

    def create_site(self, values: dict[str, object]) -> str | None:
        try:
            site_id = self.workspace.insert("sites", values)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return None
        self.recount()
        self.sites.model.refresh()
        self.open_record("sites", site_id)
        self.editor.focus_first_field()
        self.update_status()
        return site_id

    def on_delete_record(self) -> None:
        if self.current is None:
            return
        table, record_id = self.current
        answer = QMessageBox.question(
            self,
            self.tr("Xóa bản ghi"),
            self.tr("Xóa bản ghi này? Có thể khôi phục từ lịch sử thay đổi."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.delete(table, record_id)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return
        self.recount()
        self.current = None
        self.places.keep_soon()
        self.editor.show_nothing()
        self.apply_filters(force=True)
        self.map_panel.reload_soon()

    # -- after an edit -------------------------------------------------------------------------

    def on_record_saved(self, table: str, record_id: str) -> None:
        """Show a saved change in the list row and, when it matters there, on the map."""
        record_list = self.lists.list_of(table)
        if record_list is not None:
            record_list.model.update_record(record_id)
        if table in ("cameras", "sites"):
            self.map_panel.reload_soon()
        self.statusBar().showMessage(self.tr("Đã lưu."), 2000)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        show_warning(self, "FieldSurvey", message)

    def on_map_location_picked(self, lat: float, lon: float) -> None:
        """The place marker was confirmed: put the record there, then leave placing."""
        self.place_current(lat, lon, "map_pick")
        self.map_panel.leave_mode()

    def place_current(self, lat: float, lon: float, source: str) -> bool:
        """Put the record on screen at (lat, lon); a site asks whether its cameras move too."""
        if self.current is None or not placing.has_position(self.current[0]):
            self.statusBar().showMessage(
                self.tr("Hãy chọn một địa điểm, camera hoặc nhu cầu trước."), 5000
            )
            return False
        table, record_id = self.current
        try:
            if table == "sites":
                with_cameras = False
                count = placing.cameras_with_position(self.workspace.db, record_id)
                if count:
                    answer = QMessageBox.question(
                        self,
                        self.tr("Di chuyển địa điểm"),
                        self.tr(
                            "Di chuyển cả {0} camera của địa điểm này theo (giữ nguyên vị trí "
                            "tương đối của chúng)?"
                        ).format(count),
                        QMessageBox.StandardButton.Yes
                        | QMessageBox.StandardButton.No
                        | QMessageBox.StandardButton.Cancel,
                    )
                    if answer == QMessageBox.StandardButton.Cancel:
                        return False
                    with_cameras = answer == QMessageBox.StandardButton.Yes
                moved = placing.move_site(
                    self.workspace,
                    record_id,
                    round(lat, 7),
                    round(lon, 7),
                    with_cameras=with_cameras,
                    source=source,
                )
                if moved:
                    self.cameras.model.refresh()
            else:
                self.editor.flush()
                placing.place_record(self.workspace, table, record_id, lat, lon, source)
        except FieldSurveyError as exc:
            self.show_problem(exc.text(self.lang))
            return False
        self.editor.show_record(self.workspace, table, record_id)
        self.on_record_saved(table, record_id)
        self.map_panel.reload_cameras()  # seen at once where it was put
        return True

    def on_map_direction_set(self, camera_id: str, bearing: float, final: bool) -> None:
        if not final:
            self.statusBar().showMessage(self.tr("Hướng nhìn: {0:.0f}°").format(bearing))
            return
        if self.current != ("cameras", camera_id):
            self.open_record("cameras", camera_id)
        views = json.loads(self.workspace.get("cameras", camera_id)["views"] or "[]")
        first = views[0] if views else {"angle": DEFAULT_FIELD_OF_VIEW, "tilt": None}
        first["direction"] = round(bearing, 1)
        self.editor.save_values({"views": [first, *views[1:]]})
        self.editor.show_record(self.workspace, "cameras", camera_id)

    # -- map files -----------------------------------------------------------------------------

    def add_mbtiles(self, path: Path) -> bool:
        """Add an MBTiles basemap to the map; False (after a warning) when it cannot be used."""
        return self.map_panel.add_mbtiles(path)

    def show_installed_basemap(self, installed: Basemap) -> None:
        self.map_panel.show_installed(installed)

    def export_map(self, target: Path) -> int | None:
        """The cameras the list's filter shows, as a standalone HTML map."""
        return self.map_panel.export_map(target)

    # -- office --------------------------------------------------------------------------------

    def open_office(self, name: str) -> QDialog:
        """Open one of the supervisor's dialogs; what it changes shows in the lists and map."""
        return workspace_dialogs.open_office(self, name)

    def show_on_map(self, lat: float, lon: float) -> None:
        self.map_panel.map.fly_to(lat, lon, 18)

    def refresh_after_office_change(self) -> None:
        self.recount()
        self.apply_filters(force=True)
        self.map_panel.reload_soon()
        if self.current is not None:
            try:
                self.editor.show_record(self.workspace, *self.current)
            except FieldSurveyError:  # merged away or deleted
                self.current = None
                self.editor.show_nothing()

    # -- workspaces and settings ---------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        return workspace_actions.open_path(self, path)

    def on_new_workspace(self) -> None:
        workspace_actions.on_new_workspace(self)

    def create_workspace(
        self,
        path: Path,
        role: str,
        name: str,
        *,
        protection: str = "auto",
        passphrase: str | None = None,
    ) -> bool:
        return workspace_actions.create_workspace(
            self, path, role, name, protection=protection, passphrase=passphrase
        )

    def open_demo(self) -> bool:
        return workspace_actions.open_demo(self)

    def reset_demo(self) -> bool:
        """Rebuild the demo workspace as shipped and open it."""
        return workspace_actions.reset_demo(self)

    def ask_passphrase(self) -> str:
        """The device keys' passphrase, asked when an export or import needs the keys."""
        return ask_passphrase(self)

    def on_settings(self, *, first_start: bool = False) -> None:
        """The options; on a first start (no name yet) the name is asked before anything is
        written, so every change and review says who made it."""
        dialog = SettingsDialog(
            self.settings.user_name,
            self.settings.language,
            self,
            gps_port=self.settings.gps_port,
            gps_baud=self.settings.gps_baud,
            unit=self.settings.user_unit,
            role=self.settings.user_role,
            first_start=first_start,
        )
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.settings.user_name = dialog.name.text().strip()
        self.settings.user_unit = dialog.unit.text().strip()
        self.settings.user_role = str(dialog.role.currentData())
        self.settings.gps_port = str(dialog.gps_port.currentData() or "")
        self.settings.gps_baud = int(dialog.gps_baud.currentData())
        self.workspace.user = self.settings.user_name or None
        user_settings.save_settings(self.settings)
        language = str(dialog.language.currentData())
        if language != self.lang:
            self.settings.language = language
            user_settings.save_settings(self.settings)
            self.language_change_requested.emit(language)

    def ask_who_on_first_start(self) -> None:
        """No name in the settings yet: ask it (and the unit) once the window is up."""
        if not self.settings.user_name:
            self.on_settings(first_start=True)

    # -- layout and closing --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        stored = QSettings()
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/splitter", self.splitter.restoreState),
            ("window/right", self.right.restoreState),
        ):
            value = stored.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def save_layout(self) -> None:
        stored = QSettings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/splitter", self.splitter.saveState())
        stored.setValue("window/right", self.right.saveState())

    def release(self) -> None:
        """Save what was typed, where the person is and the layout; let go of the map (not of
        the workspace)."""
        self.editor.flush()
        self.map_panel.stop_timers()
        self.places.leave()
        self.save_layout()
        self.map.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        self.workspace.close()
        super().closeEvent(event)
