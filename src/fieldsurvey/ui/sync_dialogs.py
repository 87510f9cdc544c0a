"""Sync dialogs: export a package for a peer, import packages with a dry-run preview and a
receipt, and the list of packages exchanged."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map import basemaps
from fieldsurvey.core.messages import Message
from fieldsurvey.core.photos.store import make_missing_copies
from fieldsurvey.core.settings import load_settings, save_settings
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync import export, importing
from fieldsurvey.core.sync.history import exchanged_packages
from fieldsurvey.core.trust import keys
from fieldsurvey.ui.background import Task, read_workspace_in_background, write_in_background
from fieldsurvey.ui.i18n import current_language, error_text
from fieldsurvey.ui.values import shown_date

log = logging.getLogger("fieldsurvey.sync")


def unlock_keys(workspace: Workspace, show: Callable[[str], None]) -> bool:
    """Unlock the device keys here, on the window's thread (a passphrase dialog may open), before
    work that needs them starts on a worker thread; says why when they cannot be."""
    try:
        workspace.identity()
    except FieldSurveyError as exc:
        show(exc.text(current_language()))
        return False
    return True


def export_folder(workspace: Workspace) -> Path:
    """Where a package is offered to go: the folder used last, else the Documents folder, else
    the workspace's own."""
    for candidate in (
        load_settings().export_folder,
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return workspace.path.parent


class ExportDialog(QDialog):
    """Choose the recipient and the folder (a USB stick), see what will go, write the package
    under a name that says who sent it to whom and when; an existing file is replaced only when
    the person says so."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Xuất gói đồng bộ"))
        self.written: Path | None = None
        self.recipient = QComboBox(self)
        self.recipient_names: dict[str, str] = {}
        for peer in keys.list_peers(workspace.db):
            if peer["status"] == "enrolled":
                self.recipient.addItem(
                    f"{peer['name']} ({peer['role']}) {peer['fingerprint']}", peer["device_id"]
                )
                self.recipient_names[peer["device_id"]] = str(peer["name"])
        offices = [
            i for i in range(self.recipient.count()) if "(office)" in self.recipient.itemText(i)
        ]
        if offices:
            self.recipient.setCurrentIndex(offices[0])
        self.folder = QLineEdit(str(export_folder(workspace)), self)
        self.file_name = QLineEdit(self)
        self._suggested = ""
        browse = QPushButton(self.tr("Chọn thư mục…"), self)
        browse.clicked.connect(self.on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        self.full = QCheckBox(self.tr("Gửi toàn bộ (kể cả những gì nơi nhận đã có)"), self)
        # An office sends the street basemap it installed to each of its surveyors once: ticked
        # for a recipient that was never sent this file (set again when the recipient changes).
        self.basemap_offered = basemaps.offered(workspace.public_identity().role)
        self.basemap_digest = (
            basemaps.digest(self.basemap_offered.path) if self.basemap_offered else None
        )
        self._basemap_set_for: str | None = None
        self.basemap = QCheckBox(self)
        if self.basemap_offered is not None:
            self.basemap.setToolTip(self.basemap_offered.name)
            self.set_basemap_text(already=False)
            self.basemap.setChecked(True)  # until the count says the recipient has it
        else:
            self.basemap.hide()
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.open_folder_button = QPushButton(self.tr("Mở thư mục"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Xuất gói"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Gửi cho"), self.recipient)
        form.addRow(self.tr("Thư mục"), folder_row)
        form.addRow(self.tr("Tên tệp"), self.file_name)
        form.addRow("", self.full)
        form.addRow("", self.basemap)
        form.setRowVisible(self.basemap, self.basemap_offered is not None)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.open_folder_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.recipient.currentIndexChanged.connect(self.update_summary)
        self.recipient.currentIndexChanged.connect(lambda _i: self.suggest_name())
        self.folder.editingFinished.connect(self.suggest_name)
        self.full.toggled.connect(self.update_summary)
        # A choice made by hand before the count came back stays.
        self.basemap.toggled.connect(self.keep_basemap_choice)
        self.suggest_name()
        self.update_summary()

    def suggest_name(self) -> None:
        """Offer a name with sender, recipient, date and the day's sequence, free in the folder;
        a name the person typed is left as it is."""
        if self.file_name.text() not in ("", self._suggested):
            return
        recipient = self.recipient_names.get(self.recipient.currentData() or "", "")
        folder = Path(self.folder.text())
        self._suggested = export.package_name(
            self.workspace.public_identity().name,
            recipient,
            dt.date.today(),
            folder if folder.is_dir() else self.workspace.path.parent,
        )
        self.file_name.setText(self._suggested)

    def update_summary(self) -> None:
        """Count what would go, on a worker thread (a large log takes a while); the count of the
        latest choice is shown, an earlier one still running is dropped."""
        recipient, full = self.recipient.currentData(), self.full.isChecked()
        self.export_button.setEnabled(False)
        if recipient is None:
            self.summary.setText(self.tr("Chưa có nơi nhận nào được đăng ký."))
            return
        self.summary.setText(self.tr("Đang đếm những gì sẽ gửi…"))
        self._asked = asked = (recipient, full)

        def done(pending: dict[str, Any]) -> None:
            if self._asked != asked:
                return
            self.set_basemap_default(recipient, pending["basemap_sent"])
            self.summary.setText(
                self.tr("Sẽ gửi {0} thay đổi và {1} ảnh.").format(
                    pending["changes"], pending["photos"]
                )
            )
            self.export_button.setEnabled(True)

        def failed(error: BaseException) -> None:
            if self._asked == asked:
                self.summary.setText(error_text(error))

        read_workspace_in_background(
            self,
            self.workspace,
            lambda ws: export.pending_export(ws, recipient_id=recipient, full=full),
            done,
            failed,
        )

    def set_basemap_default(self, recipient: str, sent: str | None) -> None:
        """Tick the basemap for a recipient that does not have it; a choice made by hand for
        this recipient stays."""
        offered = self.basemap_offered
        if offered is None or self._basemap_set_for == recipient:
            return
        self._basemap_set_for = recipient
        already = sent == self.basemap_digest
        self.set_basemap_text(already=already)
        self.basemap.setChecked(not already)

    def keep_basemap_choice(self) -> None:
        self._basemap_set_for = self.recipient.currentData()

    def set_basemap_text(self, *, already: bool) -> None:
        offered = self.basemap_offered
        assert offered is not None
        date, size = offered.date or "—", basemaps.megabytes(offered.size)
        if already:
            text = self.tr("Gửi lại bản đồ nền ({0}, {1} MB): nơi nhận đã có").format(date, size)
        else:
            text = self.tr("Gửi kèm bản đồ nền ({0}, {1} MB)").format(date, size)
        self.basemap.setText(text)

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Thư mục lưu gói"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self.suggest_name()

    def target_path(self) -> Path:
        name = self.file_name.text().strip()
        if not name.lower().endswith(".fspkg"):
            name += ".fspkg"
        return Path(self.folder.text()) / name

    def on_export_clicked(self) -> None:
        folder = Path(self.folder.text())
        if not folder.is_dir():
            self.summary.setText(self.tr("Thư mục {0} không tồn tại.").format(folder))
            return
        name = self.file_name.text().strip()
        if not name or Path(name).name != name or name in (".", ".."):
            self.summary.setText(self.tr("Tên tệp không hợp lệ: {0}").format(name))
            return
        target = self.target_path()
        if target.exists() and (
            QMessageBox.question(
                self,
                self.tr("Ghi đè?"),
                self.tr("Đã có tệp {0}. Ghi đè lên tệp đó?").format(target),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        if not unlock_keys(self.workspace, self.summary.setText):
            return
        recipient, full = self.recipient.currentData(), self.full.isChecked()
        basemap = self.basemap_to_send()
        self.export_button.setEnabled(False)
        self.progress.show()
        write_in_background(  # the export's ledger row is a write
            self,
            self.workspace,
            lambda ws: export.export_package(
                ws,
                target,
                recipient_id=recipient,
                full=full,
                basemap=basemap,
                check_basemap=basemaps.check,
            ),
            lambda manifest: self.on_exported(target, manifest),
            self.on_failed,
        )

    def basemap_to_send(self) -> Path | None:
        """The installed basemap, when offered and ticked."""
        if self.basemap_offered is None or not self.basemap.isChecked():
            return None
        return self.basemap_offered.path

    def on_exported(self, target: Path, manifest: dict[str, Any]) -> None:
        self.progress.hide()
        self.written = target
        settings = load_settings()
        settings.export_folder = str(target.parent)
        save_settings(settings)
        self.open_folder_button.show()
        self.export_button.setEnabled(True)  # another package may go, to another folder
        self.file_name.clear()
        self.suggest_name()  # the next one, should another package go to the same folder
        done = self.tr("Đã ghi {0}: {1} thay đổi, {2} ảnh.").format(
            target, manifest["changes"], manifest["photos"]
        )
        sent = manifest.get("basemap")
        if sent:
            done += " " + self.tr("Kèm bản đồ nền {0} ({1}).").format(sent["name"], sent["date"])
        self.summary.setText(done)

    def on_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.summary.setText(error_text(error))

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))


class ImportDialog(QDialog):
    """Packages are checked and previewed first (a dry run); only the valid ones are imported;
    a receipt says what happened to each."""

    COLUMNS = ("Tệp", "Người gửi", "Mới", "Cập nhật", "Xung đột", "Xóa", "Trạng thái")

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Nhập gói đồng bộ"))
        self.resize(820, 420)
        self.files: list[Path] = []
        self.previews: dict[Path, importing.ImportReport | str] = {}
        self.task = Task()
        self.previewing = False
        self.installed_basemap: basemaps.Basemap | None = None
        """The newest street basemap the imported packages brought, once installed."""
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Thêm gói…"), self)
        add.clicked.connect(self.on_add_clicked)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.receipt = QPlainTextEdit(self)
        self.receipt.setReadOnly(True)
        self.receipt.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Nhập"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(add, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table)
        layout.addWidget(self.progress)
        layout.addWidget(self.receipt)
        layout.addWidget(self.buttons)

    def on_add_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn gói đồng bộ"), "", self.tr("Gói FieldSurvey (*.fspkg);;Tất cả (*)")
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Preview each package (every check, nothing written) on a worker thread, one after
        another, and list what it would do; Import waits until every preview is in."""
        new = [p for p in dict.fromkeys(paths) if p not in self.files]
        if new and not unlock_keys(self.workspace, self.show_key_error):
            return
        self.files.extend(new)
        self.show_rows(self.previews)
        self.preview_next(new)

    def show_key_error(self, text: str) -> None:
        self.receipt.setPlainText(text)
        self.receipt.show()

    def preview_next(self, todo: list[Path]) -> None:
        self.previewing = bool(todo)
        if not todo:
            self.progress.hide()
            self.import_button.setEnabled(bool(self.importable()))
            return
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy: a package's size says little about its time
        self.progress.show()
        path, rest = todo[0], todo[1:]

        def done(report: importing.ImportReport) -> None:
            self.previews[path] = report
            self.show_rows(self.previews)
            self.preview_next(rest)

        def failed(error: BaseException) -> None:
            if not isinstance(error, FieldSurveyError):
                log.error("Preview of %s failed", path, exc_info=error)
            self.previews[path] = str(error)
            self.show_rows(self.previews)
            self.preview_next(rest)

        write_in_background(  # a dry run writes inside a transaction it then rolls back
            self,
            self.workspace,
            lambda ws: importing.import_package(
                ws, path, dry_run=True, check_basemap=basemaps.check
            ),
            done,
            failed,
        )

    def show_rows(self, outcomes: dict[Path, importing.ImportReport | str]) -> None:
        self.table.setRowCount(len(self.files))
        for row, path in enumerate(self.files):
            outcome = outcomes.get(path, self.previews.get(path))
            if isinstance(outcome, importing.ImportReport):
                peer = keys.trusted_peer(self.workspace.db, outcome.sender or "")
                status = (
                    self.tr("đã nhập trước đây")
                    if outcome.already_imported
                    else self.tr("xem trước")
                    if outcome.dry_run
                    else self.tr("đã nhập")
                )
                if outcome.basemap is not None and not outcome.already_imported:
                    status += " " + self.tr("(kèm bản đồ nền {0})").format(
                        outcome.basemap.date or outcome.basemap.name
                    )
                cells = [
                    path.name,
                    peer.name if peer else (outcome.sender or ""),
                    str(outcome.new),
                    str(outcome.updated),
                    str(outcome.conflicts),
                    str(outcome.deleted),
                    status,
                ]
            elif outcome is None:
                cells = [path.name, "", "", "", "", "", self.tr("đang kiểm tra…")]
            else:
                cells = [path.name, "", "", "", "", "", self.tr("TỪ CHỐI: {0}").format(outcome)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def importable(self) -> list[Path]:
        """Packages that passed every check and were not imported before."""
        out = []
        for path in self.files:
            preview = self.previews.get(path)
            if isinstance(preview, importing.ImportReport) and not preview.already_imported:
                out.append(path)
        return out

    def on_import_clicked(self) -> None:
        todo = self.importable()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, len(todo))
        self.progress.setValue(0)
        self.progress.show()
        self.task = Task()
        self.outcomes: dict[Path, importing.ImportReport | str] = {}
        self.drawn_basemap = basemaps.active()  # to tell a new basemap from one already here
        self.import_next(todo)

    def import_next(self, todo: list[Path]) -> None:
        if not todo or self.task.cancelled():
            self.finish()
            return
        path, rest = todo[0], todo[1:]

        def done(report: importing.ImportReport) -> None:
            self.outcomes[path] = report
            self.progress.setValue(self.progress.value() + 1)
            self.import_next(rest)

        def failed(error: BaseException) -> None:
            self.outcomes[path] = str(error)
            self.progress.setValue(self.progress.value() + 1)
            self.import_next(rest)

        write_in_background(
            self,
            self.workspace,
            lambda ws: importing.import_package(
                ws, path, check_basemap=basemaps.check, install_basemap=basemaps.install
            ),
            done,
            failed,
        )

    def make_thumbnails(self) -> None:
        """Thumbnails of the photos that arrived, made in the bounded workers."""
        self.progress.setRange(0, 0)
        self.progress.show()

        def done(result: tuple[int, list[Message]]) -> None:
            self.progress.hide()
            made, problems = result
            text = self.receipt.toPlainText()
            extra = [self.tr("Đã tạo ảnh thu nhỏ cho {0} ảnh.").format(made)] if made else []
            said = [problem.text(current_language()) for problem in problems]
            self.receipt.setPlainText("\n".join([text, *extra, *said]).strip())

        write_in_background(
            self, self.workspace, make_missing_copies, done, lambda error: self.progress.hide()
        )

    def finish(self) -> None:
        """The receipt: what happened to every package, to read or copy."""
        self.progress.hide()
        self.show_rows(self.outcomes)
        lines = []
        for path in self.files:
            outcome = self.outcomes.get(path, self.previews.get(path))
            if isinstance(outcome, importing.ImportReport):
                if path not in self.outcomes:
                    note = (
                        self.tr("không nhập (đã hủy)")
                        if self.task.cancelled() and not outcome.already_imported
                        else self.tr("đã nhập trước đây")
                    )
                    lines.append(f"{path.name}: {note}")
                else:
                    lines.append(
                        self.tr(
                            "{0}: {1} mới, {2} cập nhật, {3} xung đột, {4} xóa, {5} ảnh (gói {6})"
                        ).format(
                            path.name,
                            outcome.new,
                            outcome.updated,
                            outcome.conflicts,
                            outcome.deleted,
                            outcome.photos,
                            outcome.package_id,
                        )
                    )
                    lines.extend(self.basemap_lines(path, outcome))
            else:
                lines.append(self.tr("{0}: TỪ CHỐI — {1}").format(path.name, outcome))
        self.receipt.setPlainText("\n".join(lines))
        self.receipt.show()
        self.cancel_button.setText(self.tr("Đóng"))
        if any(isinstance(o, importing.ImportReport) and o.photos for o in self.outcomes.values()):
            self.make_thumbnails()

    def basemap_lines(self, path: Path, outcome: importing.ImportReport) -> list[str]:
        """What became of the street basemap a package brought (remembered for the window)."""
        if outcome.basemap_error is not None:
            return [f"{path.name}: {outcome.basemap_error.text(current_language())}"]
        installed = outcome.basemap
        if not outcome.basemap_installed or not isinstance(installed, basemaps.Basemap):
            return []
        if installed.path == self.drawn_basemap:
            return [
                self.tr("{0}: bản đồ nền {1} ({2}) gửi kèm gói đã được cài từ trước.").format(
                    path.name, installed.name, installed.date or "—"
                )
            ]
        lines = [
            self.tr("{0}: đã cài bản đồ nền {1} ({2}) gửi kèm gói.").format(
                path.name, installed.name, installed.date or "—"
            )
        ]
        if basemaps.active() == installed.path:
            self.installed_basemap = installed
        else:
            lines.append(self.tr("Máy đã có bản đồ nền mới hơn; bản đồ vẫn dùng bản đó."))
        return lines

    def on_cancel_clicked(self) -> None:
        if self.progress.isVisible():
            self.task.cancel()  # the package being imported finishes whole; no more start
        else:
            self.reject()


class PackagesDialog(QDialog):
    """Every package exchanged, per device, with what it carried."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Các gói đã trao đổi"))
        self.resize(760, 360)
        rows = exchanged_packages(workspace.db)
        headers = [
            self.tr("Thời gian"),
            self.tr("Chiều"),
            self.tr("Thiết bị"),
            self.tr("Thay đổi"),
            self.tr("Ảnh"),
            self.tr("Tệp"),
            self.tr("Mã gói"),
        ]
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            cells = [
                shown_date(row["at"]),
                self.tr("nhận") if row["direction"] == "in" else self.tr("gửi"),
                row["peer_name"],
                str(row["changes"]),
                str(row["photos"]),
                row["file_name"] or "",
                row["package_id"],
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
