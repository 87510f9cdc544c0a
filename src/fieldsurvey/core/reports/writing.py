"""The city-wide reports: XLSX workbook, PDF summary, GeoPackage, GeoJSON and CSV.

``write_report(db, fmt, out, ...)`` is the one entry point (the CLI's ``report`` command and,
later, a dialog call it). Every format reads the same rows (``camera_records`` and friends), so
a filter or ``omit_sensitive`` means the same thing everywhere. The file is written under a
temporary name beside ``out`` and renamed at the end: a refused filter, an error or a cancel
never leaves a file at ``out``.

The filter (``--where KEY=VALUE``) is described in filters.py.

Sensitive fields (DESIGN.md): owner contact details, exact coordinates of sites in the
national-security category (rounded to ``ROUND_DECIMALS`` places, about 1 km; their cameras'
and needs' too, and their view cones are left out) and photos. ``omit_sensitive=True`` applies
that to every format. Photos only leave in a GeoJSON/CSV photo folder, as clean copies.

Text is never a formula in a spreadsheet: XLSX writes it as inline strings; in CSV, text
starting with = + - @, a tab or a carriage return gets a leading apostrophe
(``text.spreadsheet_text``), while numbers (Python ints and floats) are written as they are."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.files import replace_durably
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.reports.filters import (
    FORMATS,
    OFFICIAL_FORMATS,
    ReportError,
    Where,
    parse_where,
    report_scope,
)
from fieldsurvey.core.reports.letterhead import SETTING_KEY, ReportForm, checked
from fieldsurvey.core.reports.osm import _write_csv, _write_geojson, photos_folder
from fieldsurvey.core.reports.tables import RECORDS, Job, Streets
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace, read_setting
from fieldsurvey.core.tasks import Cancel, Progress

# Where the reports' messages are filed in the translation files.
_CONTEXT = "reports"

# -- the one entry point ---------------------------------------------------------------------------


def write_report(
    db: sqlite_utils.Database,
    fmt: str,
    out: Path | str,
    *,
    where: Sequence[str] | Where = (),
    lang: str = "vi",
    omit_sensitive: bool = False,
    photos: bool = False,
    workspace_path: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
    scope_name: str = "",
    needs_seen: Mapping[str, int] | None = None,
    draft: bool = False,
    records: str = "cameras",
    streets: Streets | None = None,
) -> dict[str, int]:
    """Write the ``fmt`` report of the workspace to ``out``; return the rows written per table.

    ``where`` is a list of ``key=value`` filters (or a parsed ``Where``); ``photos`` adds clean
    copies of the cameras' photos in a folder beside a GeoJSON/CSV file (needs
    ``workspace_path``; refused together with ``omit_sensitive``). ``progress(done, total,
    message)`` is called now and then; ``cancel()`` returning True stops the report. Nothing
    is left at ``out`` unless the whole report was written. ``scope_name`` names the unit or
    commune a report of one of them is about: the PDF's subject and the workbook's title end
    with it ("… — Phường Ba Đình"). ``needs_seen`` (tables.cameras_seeing_needs) is given by a
    caller writing several reports of the same workspace, which computes it once. An official
    report (PDF, XLSX) holds approved records only unless ``draft`` (every record, and every
    page says it is a draft) or the filter names review states (filters.report_scope).
    ``records`` picks what a CSV or GeoJSON holds (tables.RECORDS): cameras with OpenStreetMap's
    keys, the needs for new cameras, or the plan's items. ``streets`` hands the basemap's roads
    for the PDF's map of a commune or a unit (core.map.roads.roads_in), drawn under the cameras.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Định dạng không hỗ trợ: {format} (dùng {formats})."),
                {"format": repr(fmt), "formats": ", ".join(FORMATS)},
            )
        )
    if lang not in vocabulary.LANGUAGES:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Ngôn ngữ không hỗ trợ: {lang} (vi, en)."),
                {"lang": repr(lang)},
            )
        )
    if records not in RECORDS or (records != "cameras" and fmt not in ("csv", "geojson")):
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Không xuất được {records} dạng {format}: CSV, GeoJSON xuất một trong "
                    "{choices}; các định dạng khác xuất mọi loại bản ghi.",
                ),
                {"records": repr(records), "format": fmt, "choices": ", ".join(RECORDS)},
            )
        )
    if photos and records != "cameras":
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Chỉ xuất ảnh kèm danh sách camera."),
            )
        )
    if photos and (omit_sensitive or fmt not in ("csv", "geojson") or workspace_path is None):
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Chỉ xuất ảnh kèm GeoJSON/CSV và khi không lược bỏ thông tin nhạy cảm.",
                ),
            )
        )
    parsed = report_scope(where if isinstance(where, Where) else parse_where(db, where), fmt, draft)
    out = Path(out)
    if out.is_dir():
        raise ReportError(
            Message(_CONTEXT, QT_TRANSLATE_NOOP("reports", "{path} là một thư mục."), {"path": out})
        )
    if not out.parent.is_dir():
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Không có thư mục {folder}."),
                {"folder": out.parent},
            )
        )
    photos_from = photo_folder(workspace_path) if workspace_path is not None else None
    job = Job(db, parsed, lang, omit_sensitive, progress, cancel, photos_from)
    job.form = report_form(db)
    job.needs_seen = needs_seen
    job.draft = draft and fmt in OFFICIAL_FORMATS
    job.records = records
    job.streets = streets
    if scope_name:
        job.scope_name = scope_name
        job.form = dataclasses.replace(job.form, subject=f"{job.form.subject} — {scope_name}")
    job.check()
    # Created like any new file (the user's umask decides its mode), under a name no one else
    # uses, then renamed over ``out``.
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        tmp.open("xb").close()
    except OSError as exc:
        raise ReportError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("reports", "Không ghi được vào {folder}: {detail}."),
                {"folder": out.parent, "detail": exc.strerror},
            )
        ) from exc
    photos_tmp = photos_final = None
    if photos:
        photos_final = photos_folder(out)
        job.photos_name = photos_final.name
        photos_tmp = Path(tempfile.mkdtemp(prefix=f".{photos_final.name}.", dir=out.parent))
    try:
        counts = _write(job, fmt, tmp, photos_tmp, today or dt.date.today())
        job.check()
        if photos_tmp is not None and photos_final is not None:
            _replace_folder(photos_tmp, photos_final)
            photos_tmp = None
        with tmp.open("rb+") as written:  # on disk before it takes the final name, any format
            os.fsync(written.fileno())
        replace_durably(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if photos_tmp is not None:
            _remove_tree(photos_tmp)
        raise
    if progress is not None:
        progress(job.done, max(job.total, job.done), "OK")
    return counts


def report_form(db: sqlite_utils.Database) -> ReportForm:
    """The administrative form this workspace's reports print (the defaults until the office
    sets it)."""
    return ReportForm.from_json(read_setting(db, SETTING_KEY))


def save_report_form(ws: Workspace, form: ReportForm) -> ReportForm:
    """Check and keep the form in the workspace file; return it as kept (text trimmed).
    ReportError, naming the field, for a text that cannot go on a document."""
    form = checked(form)
    ws.set_setting(SETTING_KEY, form.to_json())
    return form


def _replace_folder(new: Path, final: Path) -> None:
    if final.exists():
        old = final.with_name(final.name + ".old")
        _remove_tree(old)
        final.rename(old)
        new.rename(final)
        _remove_tree(old)
    else:
        new.rename(final)
    # The renamed copy should look like the rest of the report, not a private temp folder.
    final.chmod(0o755)


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _write(
    job: Job, fmt: str, tmp: Path, photos_dir: Path | None, today: dt.date
) -> dict[str, int]:
    if fmt in ("csv", "geojson"):
        # utf-8-sig for CSV: Excel only reads Vietnamese CSV right with the byte-order mark.
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with tmp.open("w", encoding=encoding, newline="") as handle:
            (_write_csv if fmt == "csv" else _write_geojson)(job, handle, photos_dir)
        return {job.records: job.done}
    if fmt == "xlsx":
        from fieldsurvey.core.reports.workbook import write_xlsx

        return write_xlsx(job, tmp, today)
    if fmt == "gpkg":
        from fieldsurvey.core.reports.gpkg import write_gpkg

        return write_gpkg(job, tmp, today)
    from fieldsurvey.core.reports.pdf import write_pdf

    return write_pdf(job, tmp, today)
