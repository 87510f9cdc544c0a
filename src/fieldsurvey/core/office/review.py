"""The office's review of survey records: approve, ask for revision or reject, with a comment,
one record at a time or over a filter; and a record's history, field by field.

A review is a ``reviews`` record plus the record's ``review_state``, written through the
Workspace in one transaction, so it lands in the change history and travels back to the
surveyor in the office's next package.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.clock import physical_ms
from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.kinds import ReviewState
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store import search
from fieldsurvey.core.store.records import RECORD_KINDS, clean_value, record_kind
from fieldsurvey.core.store.workspace import Workspace, iso_from_ms
from fieldsurvey.core.trust.keys import list_peers

# Tables whose records carry a review state.
REVIEWABLE = tuple(t for t, kind in RECORD_KINDS.items() if "review_state" in kind.field_names)
REVIEW_STATES = tuple(vocabulary.codes("review_state"))
# A surveyor told to fix or drop a record needs to know why.
NEEDS_COMMENT = (ReviewState.NEEDS_REVISION, ReviewState.REJECTED)
# The filter value meaning "not reviewed yet" (no review state at all).
UNREVIEWED = "none"


class NotOfficeError(FieldSurveyError):
    """Reviewing and resolving conflicts belong to the office's workspace."""


def require_office(ws: Workspace) -> None:
    """Refuse unless this workspace was made with the office role."""
    if ws.role != "office":
        raise NotOfficeError(
            Message(
                "office",
                QT_TRANSLATE_NOOP(
                    "office",
                    "Chỉ tệp dữ liệu khảo sát của văn phòng (vai trò office) mới được duyệt "
                    "và xử lý xung "
                    "đột; tệp dữ liệu khảo sát này có vai trò {role}.",
                ),
                {"role": ws.role},
            )
        )


def device_names(ws: Workspace) -> dict[str, str]:
    """Device id -> the name it was enrolled under (this device's own name included)."""
    names = {peer["device_id"]: str(peer["name"]) for peer in list_peers(ws.db)}
    names[ws.device_id] = ws.setting("device_name") or ws.device_id[:8]
    return names


def _reviewable(table: str) -> str:
    if table not in REVIEWABLE:
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Bảng {table} không duyệt được; chọn {tables}."),
                {"table": repr(table), "tables": ", ".join(REVIEWABLE)},
            )
        )
    return table


def _check_review(state: str, comment: str | None) -> tuple[str, str | None]:
    if state not in REVIEW_STATES:
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Trạng thái duyệt {state} không có; chọn {states}."),
                {"state": repr(state), "states": ", ".join(REVIEW_STATES)},
            )
        )
    text = clean_value(record_kind("reviews"), record_kind("reviews").field("comment"), comment)
    if state in NEEDS_COMMENT and text is None:
        raise ValidationError(
            Message(
                "office",
                QT_TRANSLATE_NOOP("office", "Cần ghi nhận xét khi yêu cầu bổ sung hoặc từ chối."),
            )
        )
    return state, None if text is None else str(text)


def _write_review(
    ws: Workspace, table: str, record_id: str, state: str, comment: str | None
) -> str:
    at = iso_from_ms(physical_ms(ws.clock.tick()))
    review_id = ws.insert(
        "reviews",
        {
            "record_table": table,
            "record_id": record_id,
            "state": state,
            "comment": comment,
            "reviewer": ws.user,
            "reviewed_at": at,
        },
    )
    ws.update(table, record_id, {"review_state": state})
    return review_id


def review(
    ws: Workspace, table: str, record_id: str, state: str, comment: str | None = None
) -> str:
    """Review one record; returns the id of the new ``reviews`` record."""
    require_office(ws)
    _reviewable(table)
    state, comment = _check_review(state, comment)
    with ws.transaction():
        ws.get(table, record_id)  # a missing or deleted record is refused
        return _write_review(ws, table, record_id, state, comment)


@dataclass(frozen=True)
class ReviewFilter:
    """Which records of one table a bulk review covers; every criterion given must hold.

    ``unit_id`` is the unit responsible for the site (the record's own site for cameras,
    shortcomings and needs); ``device`` is the device (id or enrolled name) that created the
    record; ``state`` is the current review state, ``"none"`` for records never reviewed;
    ``text`` what the reviewer searched for, found as the main lists find it (accents and case
    aside, in names, addresses, units and notes).
    """

    table: str
    commune_code: str | None = None
    site_id: str | None = None
    unit_id: str | None = None
    device: str | None = None
    state: str | None = None
    text: str = ""


def _device_id(ws: Workspace, device: str) -> str:
    names = device_names(ws)
    if device in names:
        return device
    matches = [d for d, name in names.items() if name == device]
    if len(matches) != 1:
        template = (
            QT_TRANSLATE_NOOP("office", "Không có thiết bị {device}.")
            if not matches
            else QT_TRANSLATE_NOOP("office", "Nhiều thiết bị tên {device}; hãy dùng mã thiết bị.")
        )
        raise ValidationError(Message("office", template, {"device": repr(device)}))
    return matches[0]


def select_records(ws: Workspace, flt: ReviewFilter) -> list[str]:
    """Ids of the live records a filter picks, in a stable order."""
    table = _reviewable(flt.table)
    # Sites hold their commune and unit; the other records reach them through their site.
    site = "r" if table == "sites" else "site"
    joins = "" if table == "sites" else " JOIN sites AS site ON site.id = r.site_id"
    where = ["r.deleted = 0"]
    params: list[Any] = []
    if flt.commune_code is not None:
        if flt.commune_code not in {c["code"] for c in reference.communes(ws.db)}:
            raise ValidationError(
                Message(
                    "office",
                    QT_TRANSLATE_NOOP(
                        "office", "{code} không phải mã xã, phường hiện hành của Hà Nội."
                    ),
                    {"code": repr(flt.commune_code)},
                )
            )
        own = "commune_code" in record_kind(table).field_names
        where.append(f"{'r' if own else site}.commune_code = ?")
        params.append(flt.commune_code)
    if flt.site_id is not None:
        where.append("r.id = ?" if table == "sites" else "r.site_id = ?")
        params.append(flt.site_id)
    if flt.unit_id is not None:
        where.append(f"{site}.unit_id = ?")
        params.append(flt.unit_id)
    if flt.state is not None:
        if flt.state == UNREVIEWED:
            where.append("r.review_state IS NULL")
        elif flt.state in REVIEW_STATES:
            where.append("r.review_state = ?")
            params.append(flt.state)
        else:
            raise ValidationError(
                Message(
                    "office",
                    QT_TRANSLATE_NOOP(
                        "office", "Trạng thái duyệt {state} không có; chọn {states} hoặc {none}."
                    ),
                    {
                        "state": repr(flt.state),
                        "states": ", ".join(REVIEW_STATES),
                        "none": UNREVIEWED,
                    },
                )
            )
    if flt.device is not None:
        where.append(
            "r.id IN (SELECT record_id FROM changes WHERE table_name = ? AND op = 'insert' "
            "AND device_id = ?)"
        )
        params += [table, _device_id(ws, flt.device)]
    found, found_params = search.matching(table, flt.text)
    if found:
        where.append(found)
        params += found_params
    rows = ws.db.execute(
        f"SELECT r.id FROM {table} AS r{joins} WHERE {' AND '.join(where)} ORDER BY r.rowid",
        params,
    )
    return [str(row[0]) for row in rows]


# What names a record in the review list when it has no title: a code, shown as its label.
_NAMING_CODE = {
    "cameras": ("camera_type", "camera_type"),
    "shortcomings": ("kind", "shortcoming_kind"),
    "needs": ("priority", "priority"),
}


def review_list(
    ws: Workspace, flt: ReviewFilter, lang: str = "vi", *, limit: int | None = None
) -> dict[str, Any]:
    """The review list of a filter: ``ids``, every record it picks (as select_records), and
    ``rows``, the cells of the first ``limit`` of them (all when None), as ``review_rows``."""
    ids = select_records(ws, flt)
    shown = ids if limit is None else ids[:limit]
    return {"ids": ids, "rows": review_rows(ws, flt.table, shown, lang)}


def review_rows(
    ws: Workspace, table: str, record_ids: list[str], lang: str = "vi"
) -> list[list[str]]:
    """The review list's cells of some records, in the order given (missing ones left out):
    the record's name (else its type, kind or priority, in words), its site's name, its
    commune's name, its review state in words ("" where there is none) and where it came from:
    the device that recorded it, with the unit that device works for when the office said so.
    A page of the list at a time: the view asks for the rows it is about to show."""
    _reviewable(table)
    title = record_kind(table).title_field
    if table == "sites":
        sql = "SELECT r.id, r.name, r.name, r.commune_code, r.review_state FROM sites AS r"
        code_list = None
    else:
        column, code_list = _NAMING_CODE[table]
        name = f"coalesce(r.{title}, r.{column})" if title else f"r.{column}"
        sql = (
            f"SELECT r.id, {name}, s.name, s.commune_code, r.review_state FROM {table} AS r "
            "LEFT JOIN sites AS s ON s.id = r.site_id"
        )
    communes = {c["code"]: c["name"] for c in reference.communes(ws.db)}
    origins = record_origins(ws, table, record_ids)
    by_id: dict[str, list[str]] = {}
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for rid, name, site, commune, state in ws.db.execute(
            f"{sql} WHERE r.id IN ({marks})", chunk
        ):
            label = name or ""
            if code_list and name and vocabulary.is_valid(code_list, name):
                label = vocabulary.label(code_list, name, lang)
            by_id[rid] = [
                label,
                site or "",
                communes.get(commune, commune or ""),
                "" if state is None else vocabulary.label("review_state", state, lang),
                origins.get(rid, ""),
            ]
    return [by_id[i] for i in record_ids if i in by_id]


def record_origins(ws: Workspace, table: str, record_ids: list[str]) -> dict[str, str]:
    """Record id -> where it came from: the name of the device that recorded it (its insert in
    the history), then " · " and the unit that device works for, when the office set one."""
    names = device_names(ws)
    units = dict(
        ws.db.execute(
            "SELECT p.device_id, u.name FROM peers AS p JOIN units AS u ON u.id = p.unit_id"
        ).fetchall()
    )
    found: dict[str, str] = {}
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for rid, device in ws.db.execute(
            "SELECT record_id, device_id FROM changes WHERE table_name = ? AND op = 'insert' "
            f"AND record_id IN ({marks})",
            [table, *chunk],
        ):
            name = names.get(device, device[:8])
            found[rid] = f"{name} · {units[device]}" if units.get(device) else name
    return found


def review_many(ws: Workspace, flt: ReviewFilter, state: str, comment: str | None = None) -> int:
    """Review every record a filter picks, all in one transaction; returns how many."""
    require_office(ws)
    state, comment = _check_review(state, comment)
    with ws.transaction():
        ids = select_records(ws, flt)
        for record_id in ids:
            _write_review(ws, flt.table, record_id, state, comment)
    return len(ids)


def reviews_of(ws: Workspace, table: str, record_id: str) -> list[dict[str, Any]]:
    """The reviews of one record, newest first: state (with labels), comment, who and when."""
    rows = ws.db.execute(
        "SELECT r.id, r.state, r.comment, r.reviewer, r.reviewed_at, c.clock FROM reviews AS r "
        "JOIN changes AS c ON c.table_name = 'reviews' AND c.record_id = r.id "
        "AND c.op = 'insert' WHERE r.record_table = ? AND r.record_id = ? AND r.deleted = 0 "
        "ORDER BY c.clock DESC, r.id",
        [table, record_id],
    ).fetchall()
    return [
        {
            "id": review_id,
            "state": state,
            "state_vi": vocabulary.label("review_state", state, "vi"),
            "state_en": vocabulary.label("review_state", state, "en"),
            "comment": comment,
            "reviewer": reviewer,
            "reviewed_at": reviewed_at,
        }
        for review_id, state, comment, reviewer, reviewed_at, _ in rows
    ]


def _shown(value: Any) -> Any:
    """A stored value as a person reads it: list fields decoded from their JSON text."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _approved_at(
    ws: Workspace, table: str, record_id: str, history: list[dict[str, Any]]
) -> int | None:
    """The clock of the approval a record was changed after, when it is now "changed after
    approval": the newest change that set its review state to approved."""
    if "review_state" not in record_kind(table).field_names:
        return None
    row = ws.db.execute(f"SELECT review_state FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row is None or row[0] != ReviewState.CHANGED_AFTER_APPROVAL:
        return None
    approvals = [
        int(c["clock"])
        for c in history
        if "review_state" in c["fields"] and c["fields"]["review_state"][1] == ReviewState.APPROVED
    ]
    return max(approvals, default=None)


def record_history(ws: Workspace, table: str, record_id: str) -> list[dict[str, Any]]:
    """A record's history as one row per changed field, oldest first: when, which device and
    user, the operation, the field, its old and new value (for a side-by-side view), and
    ``after_approval``: the record is "changed after approval" and this is one of the changes
    made after that approval (what the reviewer has to look at again)."""
    record_kind(table)
    names = device_names(ws)
    rows: list[dict[str, Any]] = []
    history = ws.history(table, record_id)
    approved_at = _approved_at(ws, table, record_id, history)
    for change in history:
        fields: Mapping[str, list[Any]] = change["fields"]
        for name in sorted(fields):
            old, new, _ = fields[name]
            rows.append(
                {
                    "at": change["at"],
                    "clock": change["clock"],
                    "change_id": change["id"],
                    "device_id": change["device_id"],
                    "device": names.get(change["device_id"], change["device_id"][:8]),
                    "user": change["user"],
                    "op": change["op"],
                    "field": name,
                    "old": _shown(old),
                    "new": _shown(new),
                    "after_approval": approved_at is not None
                    and change["clock"] > approved_at
                    and name != "review_state",
                }
            )
    return rows
