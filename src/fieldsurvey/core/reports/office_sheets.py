"""The office's lists as XLSX workbooks: the list of units to chase and the units' scorecards.

Each is one sheet written by ``xlsx.Workbook`` like the reports' sheets: STT first, a bold
frozen header, an autofilter and a "Tổng cộng" row under the figures that add up. They take the
rows the office's functions computed (core/office/progress.py, core/office/grading.py) and never
open the workspace; the file appears whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from fieldsurvey.core.files import partial_name, replace_durably
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.grading import grade_label
from fieldsurvey.core.office.progress import lateness
from fieldsurvey.core.reports import xlsx

_TOTAL: Final = QT_TRANSLATE_NOOP("reports", "Tổng cộng")

Row = Mapping[str, Any]
# (header, width, kind, summed, value of a row)
_Spec = tuple[str, float, str, bool, Callable[[Row, str], Any]]


def _day(text: str | None) -> str:
    return dt.date.fromisoformat(text).strftime("%d/%m/%Y") if text else ""


def _communes(row: Row, lang: str) -> str:
    return ", ".join(c["name"] for c in row["communes"])


def _late_words(row: Row, lang: str) -> str:
    words = lateness(row["days_left"])
    return "" if words is None else words.text(lang)


_CHASE: Final[Sequence[_Spec]] = (
    (QT_TRANSLATE_NOOP("reports", "Đơn vị"), 32, "text", False, lambda r, _: r["unit_name"]),
    (
        QT_TRANSLATE_NOOP("reports", "Người liên hệ, điện thoại"),
        30,
        "text",
        False,
        lambda r, _: r["contact"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Khu vực"), 30, "text", False, _communes),
    (
        QT_TRANSLATE_NOOP("reports", "Số việc được giao"),
        10,
        "int",
        True,
        lambda r, _: r["assignments"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Hạn"), 12, "text", False, lambda r, _: _day(r["due_date"])),
    (QT_TRANSLATE_NOOP("reports", "Số ngày trễ"), 10, "int", False, lambda r, _: r["days_late"]),
    (QT_TRANSLATE_NOOP("reports", "Trễ / còn"), 16, "text", False, _late_words),
    (
        QT_TRANSLATE_NOOP("reports", "Đã khảo sát (địa điểm)"),
        12,
        "int",
        True,
        lambda r, _: r["surveyed"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Cần khảo sát (địa điểm)"),
        12,
        "int",
        True,
        lambda r, _: r["expected"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Tiến độ (%)"), 10, "real", False, lambda r, _: r["percent"]),
    (
        QT_TRANSLATE_NOOP("reports", "Đã nhắc ngày"),
        12,
        "text",
        False,
        lambda r, _: _day(r["reminded_on"]),
    ),
)


def _grade(row: Row, lang: str) -> str:
    label = grade_label(row["grade"])
    return "" if label is None else label.text(lang)


_SCORECARD: Final[Sequence[_Spec]] = (
    (QT_TRANSLATE_NOOP("reports", "Đơn vị"), 32, "text", False, lambda r, _: r["unit_name"]),
    (QT_TRANSLATE_NOOP("reports", "Xếp loại"), 12, "text", False, _grade),
    (QT_TRANSLATE_NOOP("reports", "Điểm"), 8, "real", False, lambda r, _: r["score"]),
    (
        QT_TRANSLATE_NOOP("reports", "Đúng hạn (điểm)"),
        10,
        "real",
        False,
        lambda r, _: r["timeliness"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Đầy đủ (điểm)"),
        10,
        "real",
        False,
        lambda r, _: r["completeness"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Chất lượng (điểm)"),
        10,
        "real",
        False,
        lambda r, _: r["quality"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Số việc được giao"),
        10,
        "int",
        True,
        lambda r, _: r["assignments"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Việc trễ hạn"), 10, "int", True, lambda r, _: r["late"]),
    (
        QT_TRANSLATE_NOOP("reports", "Số ngày trễ nhiều nhất"),
        10,
        "int",
        False,
        lambda r, _: r["days_late"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Số bản ghi"), 10, "int", True, lambda r, _: r["records"]),
    (
        QT_TRANSLATE_NOOP("reports", "Thông tin đã điền (%)"),
        10,
        "real",
        False,
        lambda r, _: r["required_fields"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Số camera"), 10, "int", True, lambda r, _: r["cameras"]),
    (
        QT_TRANSLATE_NOOP("reports", "Camera đủ ảnh"),
        10,
        "int",
        True,
        lambda r, _: r["photographed"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Có vị trí / cần vị trí"),
        12,
        "text",
        False,
        lambda r, _: f"{r['positioned']} / {r['placeable']}",
    ),
    (QT_TRANSLATE_NOOP("reports", "Đã duyệt"), 10, "int", True, lambda r, _: r["reviewed"]),
    (
        QT_TRANSLATE_NOOP("reports", "Duyệt ngay lần đầu"),
        10,
        "int",
        True,
        lambda r, _: r["approved_first_time"],
    ),
    (
        QT_TRANSLATE_NOOP("reports", "Phải bổ sung, sửa"),
        10,
        "int",
        True,
        lambda r, _: r["needed_revision"],
    ),
    (QT_TRANSLATE_NOOP("reports", "Bị từ chối"), 10, "int", True, lambda r, _: r["rejected"]),
    (QT_TRANSLATE_NOOP("reports", "Nghi trùng lắp"), 10, "int", True, lambda r, _: r["duplicates"]),
)


def _write(
    path: Path,
    sheet: str,
    title: str,
    specs: Sequence[_Spec],
    rows: Sequence[Row],
    today: dt.date,
    lang: str,
) -> int:
    def say(template: str) -> str:
        return Message("reports", template).text(lang)

    columns = [
        xlsx.Column(say(QT_TRANSLATE_NOOP("reports", "STT")), 6, "int"),
        *(
            xlsx.Column(say(header), width, kind, summed)
            for header, width, kind, summed, _ in specs
        ),
    ]
    values = (
        [number, *(value(row, lang) for *_, value in specs)]
        for number, row in enumerate(rows, start=1)
    )
    partial = partial_name(path)
    try:
        with xlsx.Workbook(
            partial,
            [say(sheet)],
            title=say(title),
            description=today.strftime("%d/%m/%Y"),
            created=dt.datetime.combine(today, dt.time()),
        ) as book:
            written = book.write_sheet(columns, values, total_label=say(_TOTAL))
        replace_durably(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def write_chase_list(path: Path, rows: Sequence[Row], today: dt.date, lang: str = "vi") -> int:
    """The list to chase (``progress(…)["chase"]``) as an XLSX workbook at ``path``; returns
    the number of units written."""
    return _write(
        path,
        QT_TRANSLATE_NOOP("reports", "Cần đôn đốc"),
        QT_TRANSLATE_NOOP("reports", "Danh sách đơn vị cần đôn đốc"),
        _CHASE,
        rows,
        today,
        lang,
    )


def write_scorecards(path: Path, rows: Sequence[Row], today: dt.date, lang: str = "vi") -> int:
    """The units' scorecards (``grading.unit_scorecards``) as an XLSX workbook at ``path``;
    returns the number of units written."""
    return _write(
        path,
        QT_TRANSLATE_NOOP("reports", "Đánh giá đơn vị"),
        QT_TRANSLATE_NOOP("reports", "Đánh giá, xếp loại đơn vị"),
        _SCORECARD,
        rows,
        today,
        lang,
    )
