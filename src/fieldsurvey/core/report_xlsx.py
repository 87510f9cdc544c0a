"""The XLSX workbook: one sheet per table of the plan, streamed row by row.

xlsxwriter's ``constant_memory`` mode writes each row to disk as soon as the next one starts,
so 200,000 cameras never sit in memory. Every sheet has a bold frozen header row, an
autofilter over its columns and widths chosen per column; numbers are numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from fieldsurvey.core import reports
from fieldsurvey.core.reports import Column, Job

_SHEETS = {
    "summary_commune": ("Tổng hợp theo xã", "By commune"),
    "summary_unit": ("Tổng hợp theo đơn vị", "By unit"),
    "cameras": ("Camera hiện có", "Existing cameras"),
    "shortcomings": ("Tồn tại - khắc phục", "Shortcomings, remedies"),
    "needs": ("Nhu cầu lắp mới", "Needs"),
}
_TITLE = ("Báo cáo khảo sát camera giám sát", "Surveillance camera survey report")
_DATE = ("Ngày lập", "Date")


def write_xlsx(job: Job, path: Path, today: dt.date) -> dict[str, int]:
    lang = job.lang
    pick = 1 if lang == "en" else 0
    db, where = job.db, job.where
    totals = {t: reports.count(db, t, where) for t in ("cameras", "shortcomings", "needs")}
    job.total = sum(totals.values())
    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_numbers": False, "tmpdir": path.parent}
    )
    book.set_properties(
        {
            "title": _TITLE[pick],
            "comments": f"{_DATE[pick]}: {reports.report_date(lang, today)}; "
            + "; ".join(where.describe(db, lang)),
            "created": dt.datetime.combine(today, dt.time()),
        }
    )
    styles = {
        "header": book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE7F0", "border": 1}
        ),
        "real": book.add_format({"num_format": "0.0######"}),
        "int": book.add_format({"num_format": "0"}),
        "money": book.add_format({"num_format": "#,##0"}),
    }
    counts: dict[str, int] = {}
    try:
        counts["summary_commune"] = _sheet(
            book,
            styles,
            _SHEETS["summary_commune"][pick],
            reports.COMMUNE_SUMMARY_COLUMNS,
            reports.commune_summary(db, where),
            job,
        )
        counts["summary_unit"] = _sheet(
            book,
            styles,
            _SHEETS["summary_unit"][pick],
            reports.UNIT_SUMMARY_COLUMNS,
            reports.unit_summary(db, where, lang),
            job,
        )
        counts["cameras"] = _sheet(
            book,
            styles,
            _SHEETS["cameras"][pick],
            reports.columns(reports.CAMERA_COLUMNS, job.omit_sensitive),
            (row.values for row in job.cameras()),
            job,
            step=True,
        )
        counts["shortcomings"] = _sheet(
            book,
            styles,
            _SHEETS["shortcomings"][pick],
            reports.SHORTCOMING_COLUMNS,
            reports.shortcoming_records(db, where, lang),
            job,
            step=True,
        )
        counts["needs"] = _sheet(
            book,
            styles,
            _SHEETS["needs"][pick],
            reports.NEED_COLUMNS,
            reports.need_records(db, where, lang, job.omit_sensitive),
            job,
            step=True,
        )
    finally:
        book.close()
    return counts


def _sheet(
    book: xlsxwriter.Workbook,
    styles: Mapping[str, Any],
    name: str,
    cols: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    job: Job,
    *,
    step: bool = False,
) -> int:
    """Write one sheet: header, rows, frozen header, autofilter; return the rows written."""
    sheet = book.add_worksheet(name)
    lang = job.lang
    for index, col in enumerate(cols):
        sheet.set_column(index, index, col.width, styles.get(col.kind))
        sheet.write_string(0, index, col.header(lang), styles["header"])
    sheet.freeze_panes(1, 0)
    keys = [c.key for c in cols]
    numeric = [c.kind != "text" for c in cols]
    write_string, write_number = sheet.write_string, sheet.write_number
    n = 0
    for n, row in enumerate(rows, start=1):
        for index, key in enumerate(keys):
            value = row[key]
            if value is None or value == "":
                continue
            if numeric[index]:
                write_number(n, index, value)
            else:
                write_string(n, index, value)
        if step:
            job.step(name)
    sheet.autofilter(0, 0, max(n, 1), len(cols) - 1)
    return n
