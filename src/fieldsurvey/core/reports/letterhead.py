"""The administrative form of an official report (Nghị định 30/2020/NĐ-CP, Appendix I): who
issues it, its number and symbol, the place and date in words, the recipients and who signs.

The office sets it once (``fieldsurvey report-form``, or "Mẫu văn bản" beside the report
dialog); it is kept in the workspace file, is not synced, and every PDF report prints it. This
module only describes and checks the form; writing.py reads and keeps it in the workspace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.reports.filters import ReportError

# The key of the workspace's settings table that holds the form (JSON).
SETTING_KEY: Final = "report_form"
MAX_TEXT: Final = 200
MAX_RECIPIENTS: Final = 15
# The sections the office writes itself ("khó khăn, vướng mắc; đề xuất, kiến nghị"): paragraphs,
# one per line.
LONG_FIELDS: Final = ("difficulties", "proposals")
MAX_LONG_TEXT: Final = 4000

NATION: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"

# What each field is called on screen and in messages.
FIELD_LABELS: Final = {
    "parent_body": QT_TRANSLATE_NOOP("reports", "Cơ quan chủ quản"),
    "issuing_body": QT_TRANSLATE_NOOP("reports", "Cơ quan ban hành"),
    "symbol": QT_TRANSLATE_NOOP("reports", "Ký hiệu"),
    "number": QT_TRANSLATE_NOOP("reports", "Số"),
    "place": QT_TRANSLATE_NOOP("reports", "Địa danh"),
    "subject": QT_TRANSLATE_NOOP("reports", "Trích yếu"),
    "signer_authority": QT_TRANSLATE_NOOP("reports", "Thẩm quyền ký"),
    "signer_title": QT_TRANSLATE_NOOP("reports", "Chức vụ người ký"),
    "signer_name": QT_TRANSLATE_NOOP("reports", "Họ tên người ký"),
    "recipients": QT_TRANSLATE_NOOP("reports", "Nơi nhận"),
    "difficulties": QT_TRANSLATE_NOOP("reports", "Khó khăn, vướng mắc"),
    "proposals": QT_TRANSLATE_NOOP("reports", "Đề xuất, kiến nghị"),
}


@dataclass(frozen=True)
class ReportForm:
    """What the office fills in once. ``number`` empty leaves the number blank for the clerk who
    registers the document (as is the practice); ``signer_name`` empty leaves room to sign."""

    parent_body: str = "UBND THÀNH PHỐ HÀ NỘI"
    issuing_body: str = "CÔNG AN THÀNH PHỐ HÀ NỘI"
    symbol: str = "BC-CAHN"
    number: str = ""
    place: str = "Hà Nội"
    subject: str = (
        "Kết quả khảo sát hệ thống camera giám sát trên địa bàn thành phố Hà Nội "
        "theo Kế hoạch số 67/KH-UBND"
    )
    signer_authority: str = ""
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    recipients: tuple[str, ...] = ("UBND Thành phố (để báo cáo)", "Lưu: VT")
    difficulties: str = ""
    proposals: str = ""

    def number_line(self) -> str:
        """ "Số: 12/BC-CAHN", or "Số:      /BC-CAHN" with the number left to the clerk."""
        number = self.number or "\u00a0" * 8
        return f"Số: {number}/{self.symbol}" if self.symbol else f"Số: {number}"

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> ReportForm:
        """The form kept in a workspace; a field missing or of the wrong type takes its default
        (a form written by an older or newer version still prints)."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            value = data.get(item.name)
            if item.name == "recipients":
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    values[item.name] = tuple(value)
            elif isinstance(value, str):
                values[item.name] = value
        return cls(**values)


def checked(form: ReportForm) -> ReportForm:
    """The form with its text trimmed; ReportError naming the field when a text is too long, holds
    a control character, or there are too many recipients."""
    if len(form.recipients) > MAX_RECIPIENTS:
        raise ReportError(
            Message(
                "reports",
                QT_TRANSLATE_NOOP("reports", "Nơi nhận: nhiều nhất {limit} dòng."),
                {"limit": MAX_RECIPIENTS},
            )
        )
    cleaned: dict[str, Any] = {}
    for item in dataclasses.fields(form):
        value = getattr(form, item.name)
        texts = list(value) if isinstance(value, tuple) else [value]
        long = item.name in LONG_FIELDS
        limit = MAX_LONG_TEXT if long else MAX_TEXT
        for text in texts:
            if len(text) > limit:
                raise ReportError(
                    Message(
                        "reports",
                        QT_TRANSLATE_NOOP("reports", "{field}: dài quá {limit} ký tự."),
                        {"field": Message("reports", FIELD_LABELS[item.name]), "limit": limit},
                    )
                )
            if any(unicodedata.category(ch) == "Cc" and not (long and ch == "\n") for ch in text):
                raise ReportError(
                    Message(
                        "reports",
                        QT_TRANSLATE_NOOP("reports", "{field}: có ký tự điều khiển."),
                        {"field": Message("reports", FIELD_LABELS[item.name])},
                    )
                )
        stripped = [t.strip() for t in texts]
        if item.name == "recipients":
            cleaned[item.name] = tuple(t for t in stripped if t)
        else:
            cleaned[item.name] = stripped[0]
    return ReportForm(**cleaned)


def place_and_date(place: str, day: dt.date) -> str:
    """ "Hà Nội, ngày 05 tháng 12 năm 2026": days below 10 and months below 3 take a leading
    zero (Nghị định 30/2020/NĐ-CP, Appendix I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text[0].upper() + text[1:]
