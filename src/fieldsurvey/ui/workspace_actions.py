"""Opening, creating and rebuilding workspace files from the main window's File menu: the open
dialog and the recent list, a new workspace, the demo workspace and putting it back as shipped.
The window shows one workspace at a time; each of these finds or makes the next one, has the
window show it, then closes the one shown before.

Its strings are the main window's: they are translated under the "MainWindow" context, written
out in each ``translate("MainWindow", …)`` call so that ``pyside6-lupdate`` files them there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from fieldsurvey.core import settings as user_settings
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.dialogs import NewWorkspaceDialog, show_warning
from fieldsurvey.ui.window_base import WindowBase

translate = QCoreApplication.translate


def on_open_requested(window: WindowBase) -> None:
    name, _ = QFileDialog.getOpenFileName(
        window,
        translate("MainWindow", "Mở tệp dữ liệu khảo sát"),
        str(window.workspace.path.parent),
        translate("MainWindow", "Tệp dữ liệu khảo sát FieldSurvey (*.sqlite *.db);;Tất cả (*)"),
    )
    if name:
        open_path(window, Path(name))


def fill_recent(window: WindowBase, menu: QMenu) -> None:
    """The recent workspaces, newest first (those no longer there greyed out)."""
    menu.clear()
    for text in window.settings.recent_workspaces:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False, p=text: open_path(window, Path(p)))
        action.setEnabled(Path(text).is_file())
    if not window.settings.recent_workspaces:
        menu.addAction(translate("MainWindow", "(chưa có)")).setEnabled(False)


def open_path(window: WindowBase, path: Path) -> bool:
    window.editor.flush()
    try:
        workspace = Workspace.open(path, user=window.workspace.user)
    except FieldSurveyError as exc:
        show_warning(
            window,
            translate("MainWindow", "Không mở được tệp dữ liệu khảo sát"),
            exc.text(window.lang),
        )
        return False
    old = window.workspace
    window.load_workspace(workspace)
    if old is not workspace:
        old.close()
    return True


def on_new_workspace(window: WindowBase) -> None:
    dialog = NewWorkspaceDialog(
        window.workspace.path.parent,
        window.settings.user_name or "",
        window,
        role=window.settings.user_role,
    )
    if dialog.exec() != NewWorkspaceDialog.DialogCode.Accepted:
        return
    create_workspace(
        window,
        Path(dialog.path.text()),
        str(dialog.role.currentData()),
        dialog.name.text().strip(),
        protection=dialog.chosen_protection(),
        passphrase=dialog.chosen_passphrase(),
    )


def create_workspace(
    window: WindowBase,
    path: Path,
    role: str,
    name: str,
    *,
    protection: str = "auto",
    passphrase: str | None = None,
) -> bool:
    window.editor.flush()
    try:
        workspace = Workspace.create(
            path,
            role=role,
            name=name or "FieldSurvey",
            user=window.workspace.user,
            protection=protection,
            passphrase=passphrase,
        )
    except FieldSurveyError as exc:
        show_warning(
            window,
            translate("MainWindow", "Không tạo được tệp dữ liệu khảo sát"),
            exc.text(window.lang),
        )
        return False
    old = window.workspace
    window.load_workspace(workspace)
    old.close()
    if workspace.key_warning:
        window.statusBar().showMessage(workspace.key_warning.text(window.lang))
    return True


def open_demo(window: WindowBase) -> bool:
    from fieldsurvey.core.demo.generator import build_demo

    path = user_settings.demo_workspace_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path)
    return open_path(window, path)


def on_reset_demo(window: WindowBase) -> None:
    answer = QMessageBox.question(
        window,
        translate("MainWindow", "Khôi phục tệp dữ liệu mẫu"),
        translate(
            "MainWindow",
            "Đưa tệp dữ liệu mẫu về trạng thái ban đầu? Mọi thay đổi trong tệp dữ liệu mẫu sẽ mất "
            "(các tệp dữ liệu khác không bị ảnh hưởng).",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        reset_demo(window)


def reset_demo(window: WindowBase) -> bool:
    """Rebuild the demo workspace as shipped and open it."""
    from fieldsurvey.core.demo.generator import build_demo

    path = user_settings.demo_workspace_path()
    window.editor.flush()
    window.forget_place(path)  # as shipped: from the start, not where the trainee left it
    old, user = window.workspace, window.workspace.user
    showing_demo = old.path.resolve() == path.resolve()
    if showing_demo:
        old.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        build_demo(path, force=True)  # the old file is replaced only once the new is whole
    except FieldSurveyError as exc:
        if showing_demo:
            window.load_workspace(Workspace.open(path, user=user))
        show_warning(window, translate("MainWindow", "Không khôi phục được"), exc.text(window.lang))
        return False
    window.load_workspace(Workspace.open(path, user=user))
    if not showing_demo:
        old.close()
    return True
