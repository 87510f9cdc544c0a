"""The conflict queue: two devices changed the same field from the same base to different values.
The winner shows in the record, the other value waits here; the office picks one of them or
types a third, and that choice is written as a new change, which settles the conflict on every
workspace it reaches."""

from __future__ import annotations

import json
from typing import Any

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.review import device_names, require_office
from fieldsurvey.core.store.workspace import Workspace

_SIDE = "SELECT device_id, at, user, clock FROM changes WHERE id = ?"  # one side of a conflict


def _side(
    ws: Workspace, change_id: str, value: str | None, names: dict[str, str]
) -> dict[str, Any]:
    row = ws.db.execute(_SIDE, [change_id]).fetchone()
    device, at, user, clock = row if row is not None else (None, None, None, None)
    return {
        "value": None if value is None else json.loads(value),
        "change_id": change_id,
        "device_id": device,
        "device": None if device is None else names.get(device, device[:8]),
        "user": user,
        "at": at,
        "clock": clock,
    }


def list_conflicts(ws: Workspace, *, status: str = "open") -> list[dict[str, Any]]:
    """Conflicts (open ones by default, ``"all"`` for every one), each with both values side by
    side: ``a`` is the value the record shows (the deterministic winner), ``b`` the other, with
    the device, user and time of each."""
    names = device_names(ws)
    where, params = ("", []) if status == "all" else ("WHERE status = ?", [status])
    rows = ws.db.execute(
        "SELECT id, table_name, record_id, field, winner_change, loser_change, winner_value, "
        f"loser_value, status FROM conflicts {where} ORDER BY table_name, record_id, field, id",
        params,
    ).fetchall()
    out = []
    for cid, table, record_id, field, win, lose, win_value, lose_value, state in rows:
        out.append(
            {
                "id": cid,
                "table": table,
                "record_id": record_id,
                "title": ws.title(table, record_id),
                "field": field,
                "status": state,
                "a": _side(ws, win, win_value, names),
                "b": _side(ws, lose, lose_value, names),
            }
        )
    return out


def resolve(
    ws: Workspace, conflict_id: str, *, take: str | None = None, value: Any = None
) -> dict[str, Any]:
    """Settle an open conflict with side ``take`` ("a" or "b") or with a third ``value``
    (checked like any value of the field). The choice is written through the Workspace as a
    new change, even when it is the value the record already shows, and every open conflict
    on that field of the record is marked resolved. Returns the conflict id, the field, the
    value now held and the id of the change that records it."""
    require_office(ws)
    if (take is None) == (value is None):
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP(
                    "office", "Chọn một giá trị (a hoặc b) hoặc nhập giá trị mới, không cả hai."
                ),
            )
        )
    if take is not None and take not in ("a", "b"):
        raise ValidationError(Message("office", QT_TRANSLATE_NOOP("office", "Chọn a hoặc b.")))
    row = ws.db.execute(
        "SELECT table_name, record_id, field, winner_value, loser_value, status "
        "FROM conflicts WHERE id = ?",
        [conflict_id],
    ).fetchone()
    if row is None:
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Không có xung đột {conflict}."),
                {"conflict": conflict_id},
            )
        )
    table, record_id, field, win_value, lose_value, status = row
    if status != "open":
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Xung đột {conflict} đã được xử lý."),
                {"conflict": conflict_id},
            )
        )
    if take is not None:
        chosen = json.loads(win_value if take == "a" else lose_value)
    elif field == "deleted":
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP(
                    "office", "Xung đột xóa/sửa chỉ chọn a hoặc b (giữ hay xóa bản ghi)."
                ),
            )
        )
    else:
        chosen = value
    with ws.transaction():
        _write_choice(ws, table, record_id, field, chosen)
        ws.db.execute(
            "UPDATE conflicts SET status = 'resolved' WHERE table_name = ? AND record_id = ? "
            "AND field = ? AND status = 'open'",
            [table, record_id, field],
        )
        change_id = ws.db.execute(
            "SELECT id FROM changes WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            [ws.device_id],
        ).fetchone()[0]
        held = ws.get(table, record_id, include_deleted=True)[field]
    return {
        "id": conflict_id,
        "table": table,
        "record_id": record_id,
        "field": field,
        "value": held,
        "change_id": change_id,
    }


def _write_choice(ws: Workspace, table: str, record_id: str, field: str, chosen: Any) -> None:
    if field == "deleted":
        if chosen:
            ws.delete(table, record_id)
            return
        current = ws.get(table, record_id, include_deleted=True)
        if current["deleted"]:
            ws.restore(table, record_id)
            return
    elif ws.update(table, record_id, {field: chosen}):
        return
    # The choice is what the record already shows: record it all the same, so the surveyors'
    # workspaces see a change made after both values and settle the conflict too.
    ws.confirm(table, record_id, [field])
