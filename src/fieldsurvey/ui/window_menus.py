"""The main window's menu bar: the File, Edit, Records, Office, Sync and Help menus, their items in
order and their keyboard shortcuts. Every item with a shortcut is also an action of the window
itself, so the shortcut works wherever the focus is in the window. What an item does is the
window's business: the actions come back by name (``WindowActions``) for it to connect.

Its strings are the main window's: they are translated under the "MainWindow" context, written
out in each ``translate("MainWindow", …)`` call so that ``pyside6-lupdate`` files them there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


@dataclass
class WindowActions:
    """The menus' actions by what they do (undo and redo follow the undo stack's state and
    text; the window says what they do, so that they act on the record on screen)."""

    new_workspace: QAction
    open_workspace: QAction
    recent_menu: QMenu
    open_demo: QAction
    reset_demo: QAction
    settings: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    new_site: QAction
    new_camera: QAction
    new_shortcoming: QAction
    new_need: QAction
    next_record: QAction
    previous_record: QAction
    save_and_next: QAction
    delete_record: QAction
    office: dict[str, QAction]
    """The Office menu's items by the name of the dialog they open ("inbox", "review", …)."""
    export_package: QAction
    import_packages: QAction
    packages: QAction
    guide: QAction
    shortcuts: QAction
    about: QAction


def window_action(
    window: QMainWindow,
    label: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
) -> QAction:
    """An action of the whole window: its shortcut works wherever the focus is in it."""
    action = QAction(label, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    return action


def stack_action(
    window: QMainWindow,
    label: str,
    enabled: bool,
    can_changed: SignalInstance,
    text_changed: SignalInstance,
) -> QAction:
    """An undo or redo item: enabled while the stack can step, named by the step ("Hoàn tác
    Sửa Tên"); triggering it does nothing until the window connects it."""
    action = QAction(label, window)
    action.setEnabled(enabled)
    can_changed.connect(action.setEnabled)
    text_changed.connect(lambda text: action.setText(f"{label} {text}".strip()))
    return action


def build_menus(window: QMainWindow, undo_stack: QUndoStack) -> WindowActions:
    """Fill the window's menu bar; the undo and redo items are enabled and named as
    ``undo_stack`` says, and what they do is the window's (``MainWindow.undo_edit``)."""
    bar = window.menuBar()

    def add(menu: QMenu, label: str, shortcut: QKeySequence.StandardKey | str | None) -> QAction:
        action = window_action(window, label, shortcut)
        menu.addAction(action)
        return action

    file_menu = bar.addMenu(translate("MainWindow", "&Tệp"))
    new_workspace = add(file_menu, translate("MainWindow", "Tệp dữ liệu khảo sát &mới…"), None)
    open_workspace = add(
        file_menu,
        translate("MainWindow", "&Mở tệp dữ liệu khảo sát…"),
        QKeySequence.StandardKey.Open,
    )
    recent_menu = file_menu.addMenu(translate("MainWindow", "Mở &gần đây"))
    file_menu.addSeparator()
    open_demo = add(file_menu, translate("MainWindow", "Mở tệp dữ liệu &mẫu (demo)"), None)
    reset_demo = add(file_menu, translate("MainWindow", "&Khôi phục tệp dữ liệu mẫu…"), None)
    file_menu.addSeparator()
    settings = add(file_menu, translate("MainWindow", "&Cài đặt…"), "Ctrl+,")
    quit_app = add(file_menu, translate("MainWindow", "&Thoát"), QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu(translate("MainWindow", "&Sửa"))
    undo = stack_action(
        window,
        translate("MainWindow", "Hoàn tác"),
        undo_stack.canUndo(),
        undo_stack.canUndoChanged,
        undo_stack.undoTextChanged,
    )
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack_action(
        window,
        translate("MainWindow", "Làm lại"),
        undo_stack.canRedo(),
        undo_stack.canRedoChanged,
        undo_stack.redoTextChanged,
    )
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    find = add(edit_menu, translate("MainWindow", "&Tìm"), QKeySequence.StandardKey.Find)

    record_menu = bar.addMenu(translate("MainWindow", "&Bản ghi"))
    new_site = add(record_menu, translate("MainWindow", "Địa điểm &mới…"), "Ctrl+Shift+N")
    new_camera = add(record_menu, translate("MainWindow", "&Camera mới tại địa điểm"), "Ctrl+N")
    new_shortcoming = add(
        record_menu, translate("MainWindow", "&Tồn tại, hạn chế mới"), "Ctrl+Shift+T"
    )
    new_need = add(record_menu, translate("MainWindow", "&Nhu cầu lắp mới"), "Ctrl+Shift+U")
    record_menu.addSeparator()
    next_record = add(record_menu, translate("MainWindow", "Bản ghi &tiếp theo"), "Ctrl+PgDown")
    previous_record = add(record_menu, translate("MainWindow", "Bản ghi t&rước"), "Ctrl+PgUp")
    save_and_next = add(
        record_menu, translate("MainWindow", "&Lưu và sang bản ghi tiếp"), "Ctrl+Return"
    )
    record_menu.addSeparator()
    delete_record = add(record_menu, translate("MainWindow", "&Xóa bản ghi…"), None)

    office_menu = bar.addMenu(translate("MainWindow", "&Văn phòng"))
    office: dict[str, QAction] = {}
    for label, shortcut, name in (
        (translate("MainWindow", "&Hộp thư gói đã nhập…"), None, "inbox"),
        (translate("MainWindow", "&Duyệt hồ sơ…"), "Ctrl+R", "review"),
        (translate("MainWindow", "&Xung đột cần giải quyết…"), None, "conflicts"),
        (translate("MainWindow", "Camera &trùng lắp…"), None, "duplicates"),
        (translate("MainWindow", "Nhập danh sách camera &có sẵn…"), None, "inventory"),
        (translate("MainWindow", "&Phương án tổng thể…"), "Ctrl+Shift+P", "plan"),
        (translate("MainWindow", "Độ phủ ca&mera…"), None, "coverage"),
        (translate("MainWindow", "Tiến độ &khảo sát…"), None, "progress"),
        (translate("MainWindow", "&Biểu đồ tổng hợp…"), None, "dashboard"),
        (translate("MainWindow", "Xuất &báo cáo…"), "Ctrl+Shift+E", "report"),
    ):
        office[name] = add(office_menu, label, shortcut)

    sync_menu = bar.addMenu(translate("MainWindow", "Đồ&ng bộ"))
    export_package = add(sync_menu, translate("MainWindow", "&Xuất gói…"), "Ctrl+E")
    import_packages = add(sync_menu, translate("MainWindow", "&Nhập gói…"), "Ctrl+I")
    packages = add(sync_menu, translate("MainWindow", "&Các gói đã trao đổi…"), None)

    help_menu = bar.addMenu(translate("MainWindow", "Trợ &giúp"))
    guide = add(help_menu, translate("MainWindow", "&Hướng dẫn sử dụng"), None)
    shortcuts = add(help_menu, translate("MainWindow", "&Phím tắt"), "F1")
    about = add(help_menu, translate("MainWindow", "&Giới thiệu FieldSurvey"), None)

    return WindowActions(
        new_workspace=new_workspace,
        open_workspace=open_workspace,
        recent_menu=recent_menu,
        open_demo=open_demo,
        reset_demo=reset_demo,
        settings=settings,
        quit=quit_app,
        undo=undo,
        redo=redo,
        find=find,
        new_site=new_site,
        new_camera=new_camera,
        new_shortcoming=new_shortcoming,
        new_need=new_need,
        next_record=next_record,
        previous_record=previous_record,
        save_and_next=save_and_next,
        delete_record=delete_record,
        office=office,
        export_package=export_package,
        import_packages=import_packages,
        packages=packages,
        guide=guide,
        shortcuts=shortcuts,
        about=about,
    )
