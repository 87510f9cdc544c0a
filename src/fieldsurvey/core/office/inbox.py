"""The office's inbox: the packages it imported, who sent each and when, what each brought (new,
updated and deleted records, conflicts) and, for one package, the records themselves.

Which changes a package brought is kept with each change (``changes.package_id``, written by
the import that added it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldsurvey.core import vocabulary
from fieldsurvey.core.clock import physical_ms
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.review import device_names
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace, iso_from_ms
from fieldsurvey.core.sync.importing import (
    QUARANTINE_REASON,
    QUARANTINE_REASON_TEXT,
    quarantine_folder,
)


@dataclass(frozen=True)
class _Span:
    """An imported package and the rowids of the history rows it added."""

    package_id: str
    sender: str
    changes: int
    photos: int
    created_clock: int | None
    at: str
    file_name: str | None
    first: int | None
    last: int | None


def _spans(ws: Workspace) -> Iterator[_Span]:
    """Imported packages, oldest first, each with the range of history rows it added."""
    ledger = ws.db.execute(
        "SELECT p.package_id, p.peer_device, p.changes, p.photos, p.created_clock, p.at, "
        "p.file_name, (SELECT min(rowid) FROM changes WHERE package_id = p.package_id), "
        "(SELECT max(rowid) FROM changes WHERE package_id = p.package_id) "
        "FROM packages AS p WHERE p.direction = 'in' ORDER BY p.rowid"
    ).fetchall()
    for row in ledger:
        yield _Span(*row)


def _outcomes(ws: Workspace, span: _Span) -> list[tuple[str, str, str, int]]:
    """(table, record id, new|updated|deleted, changes) for each record a package touched."""
    if span.first is None:
        return []
    rows = ws.db.execute(
        "SELECT c.table_name, c.record_id, max(c.op = 'delete'), count(*), "
        " NOT EXISTS (SELECT 1 FROM changes AS e WHERE e.table_name = c.table_name "
        "  AND e.record_id = c.record_id AND e.rowid < ?) "
        "FROM changes AS c WHERE c.package_id = ? "
        "GROUP BY c.table_name, c.record_id ORDER BY min(c.rowid)",
        [span.first, span.package_id],
    ).fetchall()
    return [
        (table, record_id, "new" if new else ("deleted" if deleted else "updated"), count)
        for table, record_id, deleted, count, new in rows
    ]


def _conflicts(ws: Workspace, span: _Span) -> tuple[int, int]:
    """(all, still open) conflicts a package brought: those whose later side it carried."""
    if span.first is None:
        return 0, 0
    row = ws.db.execute(
        "SELECT count(*), coalesce(sum(status = 'open'), 0) FROM conflicts AS k "
        "WHERE ? = (SELECT package_id FROM changes WHERE rowid = max("
        "(SELECT rowid FROM changes WHERE id = k.winner_change), "
        "(SELECT rowid FROM changes WHERE id = k.loser_change)))",
        [span.package_id],
    ).fetchone()
    return int(row[0]), int(row[1])


def _summary(ws: Workspace, span: _Span, names: dict[str, str]) -> dict[str, Any]:
    counts = {"new": 0, "updated": 0, "deleted": 0}
    by_table: dict[str, int] = {}
    for table, _, outcome, _ in _outcomes(ws, span):
        counts[outcome] += 1
        by_table[table] = by_table.get(table, 0) + 1
    conflicts, still_open = _conflicts(ws, span)
    return {
        "package_id": span.package_id,
        "sender": span.sender,
        "sender_name": names.get(span.sender, span.sender[:8]),
        "imported_at": span.at,
        "created_at": None
        if span.created_clock is None
        else iso_from_ms(physical_ms(span.created_clock)),
        "file_name": span.file_name,
        "changes": span.changes,
        "photos": span.photos,
        **counts,
        "conflicts": conflicts,
        "open_conflicts": still_open,
        "records_by_table": by_table,
    }


def inbox(ws: Workspace) -> list[dict[str, Any]]:
    """Every imported package, newest first: sender, when it was made and imported, and what it
    brought (changes, photos, records new/updated/deleted, conflicts, records per table)."""
    names = device_names(ws)
    return [_summary(ws, span, names) for span in reversed(list(_spans(ws)))]


def package_records(ws: Workspace, package_id: str) -> list[dict[str, Any]]:
    """The records one imported package brought, in the order it brought them: table, id, name
    where the record has one, new/updated/deleted, how many changes, the fields it changed, the
    record's review state now and its open conflicts."""
    span = next((s for s in _spans(ws) if s.package_id == package_id), None)
    if span is None:
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Không có gói nhập {package}."),
                {"package": package_id},
            )
        )
    out = []
    for table, record_id, outcome, count in _outcomes(ws, span):
        kind = record_kind(table)
        columns = ["deleted"]
        if kind.title_field:
            columns.append(kind.title_field)
        if "review_state" in kind.field_names:
            columns.append("review_state")
        row = ws.db.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]
        ).fetchone()
        record = dict(zip(columns, row, strict=True)) if row else {}
        fields: set[str] = set()
        for (text,) in ws.db.execute(
            "SELECT change_fields(fields) FROM changes "
            "WHERE table_name = ? AND record_id = ? AND package_id = ?",
            [table, record_id, span.package_id],
        ):
            fields.update(_field_names(text))
        state = record.get("review_state")
        out.append(
            {
                "table": table,
                "record_id": record_id,
                "title": record.get(kind.title_field) if kind.title_field else None,
                "outcome": outcome,
                "changes": count,
                "fields": sorted(fields),
                "deleted": bool(record.get("deleted")),
                "review_state": state,
                "review_state_vi": None
                if state is None
                else vocabulary.label("review_state", state, "vi"),
                "open_conflicts": ws.db.execute(
                    "SELECT count(*) FROM conflicts WHERE table_name = ? AND record_id = ? "
                    "AND status = 'open'",
                    [table, record_id],
                ).fetchone()[0],
            }
        )
    return out


def _field_names(text: str) -> list[str]:
    value = json.loads(text)
    return [str(name) for name in value] if isinstance(value, dict) else []


def held_back(ws: Workspace) -> list[dict[str, Any]]:
    """Packages held back in the quarantine folder, with why (a clock far in the future, a gap
    in a device's changes), for the supervisor: ``reason`` is a ``Message``, or the text an
    earlier version wrote (or a reason file that is not a message) as written, or None."""
    folder = quarantine_folder(ws)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.endswith((QUARANTINE_REASON, QUARANTINE_REASON_TEXT)):
            continue
        out.append(
            {
                "file_name": path.name,
                "path": str(path),
                "bytes": path.stat().st_size,
                "reason": _reason(path),
            }
        )
    return out


def _reason(package: Path) -> Message | str | None:
    """Why a package was held back, from the file written beside it."""
    written = package.with_name(package.name + QUARANTINE_REASON)
    if written.is_file():
        text = written.read_text(encoding="utf-8", errors="replace")
        try:
            data = json.loads(text)
        except ValueError:
            return text
        return Message.from_plain(data) or text
    older = package.with_name(package.name + QUARANTINE_REASON_TEXT)
    return older.read_text(encoding="utf-8", errors="replace") if older.is_file() else None
