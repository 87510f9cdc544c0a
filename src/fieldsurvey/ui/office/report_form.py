"""The administrative form of the PDF report (issuing body, number, recipients, signer), set once
by the office and kept in the workspace (core.reports.letterhead)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import Message
from fieldsurvey.core.reports import writing
from fieldsurvey.core.reports.letterhead import (
    FIELD_LABELS,
    LONG_FIELDS,
    MAX_TEXT,
    ReportForm,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import current_language, error_text


class ReportFormDialog(QDialog):
    """Edit the form every PDF report of this workspace prints; Save keeps it (checked by the
    core: a refused value is named and nothing is kept)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Mẫu văn bản báo cáo"))
        self.setMinimumWidth(600)
        form = writing.report_form(workspace.db)
        lang = current_language()
        layout = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label in FIELD_LABELS.items():
            if name == "recipients" or name in LONG_FIELDS:
                continue
            edit = QLineEdit(getattr(form, name), self)
            edit.setMaxLength(MAX_TEXT)
            self.fields[name] = edit
            layout.addRow(Message("reports", label).text(lang), edit)
        self.fields["number"].setPlaceholderText(self.tr("Để trống: văn thư ghi số khi đăng ký"))
        self.fields["signer_authority"].setPlaceholderText(self.tr("Ví dụ: KT. GIÁM ĐỐC"))
        self.recipients = QPlainTextEdit("\n".join(form.recipients), self)
        self.recipients.setPlaceholderText(self.tr("Mỗi dòng một nơi nhận"))
        self.recipients.setFixedHeight(90)
        layout.addRow(Message("reports", FIELD_LABELS["recipients"]).text(lang), self.recipients)
        # The report's last section, written by the office: one paragraph per line.
        self.sections: dict[str, QPlainTextEdit] = {}
        for name in LONG_FIELDS:
            section = QPlainTextEdit(getattr(form, name), self)
            section.setPlaceholderText(self.tr("Mỗi dòng một đoạn; để trống nếu không có"))
            section.setFixedHeight(80)
            self.sections[name] = section
            layout.addRow(Message("reports", FIELD_LABELS[name]).text(lang), section)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(layout)
        box.addWidget(self.status)
        box.addWidget(buttons)

    def form(self) -> ReportForm:
        """The form as typed (not yet checked)."""
        lines = tuple(self.recipients.toPlainText().splitlines())
        values = {name: edit.text() for name, edit in self.fields.items()}
        sections = {name: edit.toPlainText() for name, edit in self.sections.items()}
        return dataclasses.replace(ReportForm(), recipients=lines, **values, **sections)

    def accept(self) -> None:
        try:
            writing.save_report_form(self.workspace, self.form())
        except FieldSurveyError as exc:
            self.status.setText(error_text(exc))
            return
        super().accept()
