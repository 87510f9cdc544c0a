"""The XLSX workbook: one sheet per table of the plan, streamed row by row.

``core.xlsx`` writes each sheet's rows straight into the zip as they come, so 200,000 cameras
never sit in memory. Every sheet starts with STT (the row's number) and the record's name,
keeps its ids in the last column, ends with a "Tổng cộng" row, and has a bold frozen header
row repeated on every printed page, an autofilter over its columns and widths chosen per column;
it prints landscape on A4 with every column on the page's width. Numbers are numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from fieldsurvey.core.reports import labels, tables, xlsx
from fieldsurvey.core.reports.tables import Column, Job

_SHEETS = {
    "summary_commune": ("Tổng hợp theo xã", "By commune"),
    "summary_unit": ("Tổng hợp theo đơn vị", "By unit"),
    "cameras": ("Camera hiện có", "Existing cameras"),
    "shortcomings": ("Tồn tại - khắc phục", "Shortcomings, remedies"),
    "needs": ("Nhu cầu lắp mới", "Needs"),
    "plan": ("Phương án tổng thể", "City camera plan"),
}
_TITLE = ("Báo cáo khảo sát camera giám sát", "Surveillance camera survey report")
_TOTAL = ("Tổng cộng", "Total")
_NUMBER = tables.Column("stt", "STT", "No.", "int", 6)
_DATE = ("Ngày lập", "Date")


def write_xlsx(job: Job, path: Path, today: dt.date) -> dict[str, int]:
    lang = job.lang
    pick = 1 if lang == "en" else 0
    db, where = job.db, job.where
    totals = {t: tables.count(db, t, where) for t in ("cameras", "shortcomings", "needs")}
    job.total = sum(totals.values())
    names = [_SHEETS[key][pick] for key in _SHEETS]
    counts: dict[str, int] = {}
    with xlsx.Workbook(
        path,
        names,
        title=f"{_TITLE[pick]} — {job.scope_name}" if job.scope_name else _TITLE[pick],
        description=f"{_DATE[pick]}: {labels.report_date(lang, today)}; "
        + "; ".join(where.describe(db, lang)),
        created=dt.datetime.combine(today, dt.time()),
        page_header=labels.draft_text(lang) if job.draft else "",
    ) as book:
        counts["summary_commune"] = _sheet(
            book,
            tables.COMMUNE_SUMMARY_COLUMNS,
            tables.commune_summary(db, where, lang),
            job,
            None,
        )
        counts["summary_unit"] = _sheet(
            book,
            tables.UNIT_SUMMARY_COLUMNS,
            tables.unit_summary(db, where, lang),
            job,
            None,
        )
        counts["cameras"] = _sheet(
            book,
            tables.columns(tables.CAMERA_COLUMNS, job.omit_sensitive),
            (row.values for row in job.cameras()),
            job,
            _SHEETS["cameras"][pick],
        )
        counts["shortcomings"] = _sheet(
            book,
            tables.SHORTCOMING_COLUMNS,
            tables.shortcoming_records(db, where, lang),
            job,
            _SHEETS["shortcomings"][pick],
        )
        counts["needs"] = _sheet(
            book,
            tables.NEED_COLUMNS,
            job.needs(),
            job,
            _SHEETS["needs"][pick],
        )
        counts["plan"] = _sheet(
            book,
            tables.PLAN_COLUMNS,
            tables.plan_records(db, where, lang, job.omit_sensitive),
            job,
            None,
        )
    return counts


def _sheet(
    book: xlsx.Workbook,
    cols: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    job: Job,
    step: str | None,
) -> int:
    """Write the next sheet: header, STT and the rows (the id column last), the totals row;
    return the rows written. With ``step``, each row counts towards the job's progress (and its
    cancel) under that name."""
    ids = [c for c in cols if c.key == "id" or c.key.endswith("_id")]
    cols = [c for c in cols if c not in ids] + ids
    columns = [xlsx.Column(c.header(job.lang), c.width, c.kind, c.total) for c in [_NUMBER, *cols]]
    total = _TOTAL[job.lang == "en"]
    return book.write_sheet(columns, _values(cols, rows, job, step), total_label=total)


def _values(
    cols: Sequence[Column], rows: Iterable[Mapping[str, Any]], job: Job, step: str | None
) -> Iterator[list[Any]]:
    keys = [c.key for c in cols]
    for number, row in enumerate(rows, start=1):
        yield [number, *(row[key] for key in keys)]
        if step is not None:
            job.step(step)
