"""One report per owner unit or per commune, in a folder (``fieldsurvey report --per``, the
report dialog's "Mỗi … một báo cáo").

Each document is the one report (``writing.write_report``) restricted by the filter's own keys:
a unit's report is the report with ``owner=<unit>`` added (the cameras it owns, their sites and
shortcomings) and, as needs carry no owner, the needs at the sites the unit manages
(``Where.site_units``); a commune's report the one with ``commune=<code>``. The PDF's subject
and the workbook's title end with the unit's or commune's name as stored.

Only units (owning a camera or managing a site with a need) and communes with at least one
record in the filter get a document; the others are counted as skipped, and the cameras without
an owner unit (or a commune) in the filter, which no document holds, are counted too, so the
documents and that count add up to the whole.

File names are ``bao-cao-<name>-<code>.<fmt>``: the name and the code folded to plain ASCII
letters and digits (``text.slug``), so a name typed by anyone never reaches another folder.
Every document is written whole or not at all (under a temporary name, then renamed); a cancel
stops before the next document and keeps the documents already finished, never half of one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import sqlite_utils

from fieldsurvey.core import reference
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.reports import tables, writing
from fieldsurvey.core.reports.filters import (
    ReportCancelled,
    ReportError,
    Where,
    parse_where,
    report_scope,
)
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress
from fieldsurvey.core.text import slug

PER: Final = ("unit", "commune")
PER_FORMATS: Final = ("pdf", "xlsx")
# Longest part of a file name taken from a name: the whole stays far below any file system's
# limit of 255 bytes.
_NAME_CHARS: Final = 60
# Progress of one document, in steps of the whole.
_STEPS: Final = 100
_CONTEXT: Final = "reports"


@dataclass(frozen=True)
class Part:
    """One document: the unit id or commune code, the name as stored, the file's name and how
    many cameras of the filter it holds."""

    key: str
    name: str
    file_name: str
    cameras: int


@dataclass(frozen=True)
class Plan:
    """The documents one per-unit or per-commune run writes, in Vietnamese order of their
    names; ``skipped``: units or communes without any record in the filter; ``left_out``:
    cameras of the filter without an owner unit (or a commune), in no document."""

    per: str
    fmt: str
    parts: tuple[Part, ...]
    skipped: int
    left_out: int


@dataclass(frozen=True)
class Written:
    """What a run wrote: the documents' paths, and the plan's counts."""

    paths: tuple[Path, ...]
    skipped: int
    left_out: int


class PerReportCancelled(Cancelled):
    """Cancelled between documents: ``written`` are the documents finished before (whole), and
    nothing else was left in the folder."""

    def __init__(self, written: Sequence[Path], total: int) -> None:
        super().__init__(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Đã hủy: đã ghi {written} trong {total} báo cáo, không còn tệp ghi dở.",
                ),
                {"written": len(written), "total": total},
            )
        )
        self.written = tuple(written)
        self.total = total


def plan_reports(
    db: sqlite_utils.Database,
    per: str,
    fmt: str,
    where: Sequence[str] | Where = (),
    draft: bool = False,
) -> Plan:
    """The documents of one report per ``per`` ("unit" or "commune") of the filter (approved
    records only unless ``draft``, as write_report)."""
    per, fmt = per.lower(), fmt.lower()
    if per not in PER:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Không lập được báo cáo theo {per} (dùng {choices})."),
                {"per": repr(per), "choices": ", ".join(PER)},
            )
        )
    if fmt not in PER_FORMATS:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Báo cáo theo từng đơn vị, xã chỉ lập dạng {formats}, không {format}.",
                ),
                {"format": repr(fmt), "formats": ", ".join(PER_FORMATS)},
            )
        )
    parsed = report_scope(where if isinstance(where, Where) else parse_where(db, where), fmt, draft)
    found: list[tuple[str, str, int]] = []
    if per == "unit":
        left_out = 0
        for row in tables.unit_summary(db, parsed, "vi"):
            if row["unit_id"] is None:
                left_out = int(row["cameras"])
            else:
                found.append((str(row["unit_id"]), str(row["unit"]), int(row["cameras"])))
        candidates = {str(uid) for (uid,) in db.execute("SELECT id FROM units WHERE deleted = 0")}
        if parsed.owners:
            candidates &= set(parsed.owners)
        owning = {key for key, _name, _n in found}
        found += [
            (uid, name, 0)
            for uid, (name, _needs) in tables.needs_by_site_unit(db, parsed).items()
            if uid not in owning and (not parsed.owners or uid in parsed.owners)
        ]
    else:
        left_out = 0
        for row in tables.commune_summary(db, parsed):
            if row["commune_code"] is None:
                left_out = int(row["cameras"])
            else:
                found.append((str(row["commune_code"]), str(row["commune"]), int(row["cameras"])))
        candidates = {str(c["code"]) for c in reference.communes(db)}
        if parsed.communes:
            candidates &= set(parsed.communes)
    found.sort(key=lambda item: (sort_key(item[1]), item[0]))
    parts, taken = [], set()
    for key, name, cameras in found:
        stem = f"bao-cao-{slug(name)[:_NAME_CHARS].strip('-') or 'khong-ten'}"
        code = slug(key)[:8].strip("-")
        file_name = f"{stem}-{code}.{fmt}" if code else f"{stem}.{fmt}"
        number = 2
        while file_name in taken:  # two names that fold alike
            file_name = f"{stem}-{code}-{number}.{fmt}"
            number += 1
        taken.add(file_name)
        parts.append(Part(key, name, file_name, cameras))
    skipped = len(candidates - {key for key, _name, _n in found})
    return Plan(per, fmt, tuple(parts), skipped, left_out)


def existing_files(folder: Path, plan: Plan) -> list[Path]:
    """The plan's files that already exist in ``folder`` and are not empty."""
    out = []
    for part in plan.parts:
        path = folder / part.file_name
        try:
            if path.stat().st_size > 0:
                out.append(path)
        except OSError:
            continue
    return out


def write_reports(
    db: sqlite_utils.Database,
    per: str,
    fmt: str,
    folder: Path | str,
    *,
    where: Sequence[str] | Where = (),
    lang: str = "vi",
    omit_sensitive: bool = False,
    overwrite: bool = False,
    plan: Plan | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
    draft: bool = False,
    streets: tables.Streets | None = None,
) -> Written:
    """Write one ``fmt`` report per ``per`` into ``folder`` (made if missing); return what was
    written (approved records only unless ``draft``; ``streets`` as write_report). ``plan`` is
    the one ``plan_reports`` gave (else it is made here). A file of the plan that exists and is
    not empty is refused (ReportError naming it) unless ``overwrite``. ``progress(done, total,
    file name)`` and ``cancel()`` as in write_report; a cancel raises PerReportCancelled."""
    # Scoped (approved only unless a draft) by plan_reports and by each write_report.
    parsed = where if isinstance(where, Where) else parse_where(db, where)
    if plan is None:
        plan = plan_reports(db, per, fmt, parsed, draft)
    folder = _folder(Path(folder))
    if not overwrite:
        taken = existing_files(folder, plan)
        if taken:
            raise ReportError(
                Message(
                    _CONTEXT,
                    QT_TRANSLATE_NOOP(
                        "reports",
                        "Thư mục {folder} đã có {count} tệp cùng tên, ví dụ {name}: hãy chọn "
                        "thư mục khác hoặc cho phép thay.",
                    ),
                    {"folder": folder, "count": len(taken), "name": taken[0].name},
                )
            )
    total = len(plan.parts) * _STEPS
    written: list[Path] = []
    # What the cameras already see is the workspace's, not a document's: computed once.
    needs_seen = tables.cameras_seeing_needs(db) if plan.fmt == "xlsx" else None
    for number, part in enumerate(plan.parts):
        if cancel is not None and cancel():
            raise PerReportCancelled(written, len(plan.parts))
        if progress is not None:
            progress(number * _STEPS, total, part.file_name)
        restricted = (
            dataclasses.replace(parsed, owners=(part.key,), site_units=(part.key,))
            if plan.per == "unit"
            else dataclasses.replace(parsed, communes=(part.key,))
        )
        target = folder / part.file_name
        # The name is made of [a-z0-9-.] only; checked again here, where it becomes a path.
        if target.parent != folder or part.file_name.startswith("."):
            raise ValueError(f"not a plain file name: {part.file_name!r}")
        try:
            writing.write_report(
                db,
                plan.fmt,
                target,
                where=restricted,
                lang=lang,
                omit_sensitive=omit_sensitive,
                progress=_within(progress, number * _STEPS, total, part.file_name),
                cancel=cancel,
                today=today,
                scope_name=part.name,
                needs_seen=needs_seen,
                draft=draft,
                streets=streets,
            )
        except ReportCancelled:
            raise PerReportCancelled(written, len(plan.parts)) from None
        written.append(target)
    if progress is not None:
        progress(total, total, "OK")
    return Written(tuple(written), plan.skipped, plan.left_out)


def _within(progress: Progress | None, base: int, total: int, name: str) -> Progress | None:
    """One document's progress as a share of the whole run's, under the document's name."""
    if progress is None:
        return None
    report = progress

    def step(done: int, of: int, _what: Message | str) -> None:
        report(base + min(_STEPS - 1, done * _STEPS // max(of, 1)), total, name)

    return step


def _folder(folder: Path) -> Path:
    """``folder``, made with its parents if missing; ReportError if it cannot be, or if it is
    a file or cannot be written into."""
    if folder.exists() and not folder.is_dir():
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "{path} không phải là thư mục."),
                {"path": folder},
            )
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Không tạo được thư mục {folder}: {detail}."),
                {"folder": folder, "detail": exc.strerror or str(exc)},
            )
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Không ghi được vào thư mục {folder}."),
                {"folder": folder},
            )
        )
    return folder
