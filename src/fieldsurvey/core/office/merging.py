"""Merging duplicates: two or more camera records, or site records, into one, choosing per field
which record's value survives; and merging many clusters at once after a preview.

Every merge goes through the write path in one transaction, so it is history like any edit and
travels to the other workspaces: the kept record takes the chosen values; what pointed at the
others is pointed at the kept one (a camera's photos, shortcomings, the needs that would reuse
it and the plan's items; a site's cameras, shortcomings, needs, photos and the assignments that
name it); then the others are deleted (tombstones, their history kept).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.clusters import find_clusters
from fieldsurvey.core.store.db import refresh_statistics_after
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress, never_cancelled, no_progress
from fieldsurvey.core.views import parse_views

log = logging.getLogger(__name__)

MERGED_TABLES = ("cameras", "sites")
# Fields a merge never offers: the record's review is its own.
_NOT_MERGED = frozenset({"review_state"})
# Chosen together: a latitude from one record and a longitude from another is no place at all.
# The commune follows the chosen position unless it was chosen on its own.
LOCATION_FIELDS = ("lat", "lon", "location_accuracy_m", "location_source")


def _says(template: str, params: Mapping[str, Any] | None = None) -> Message:
    return Message("office", template, params or {})


def is_empty(value: Any) -> bool:
    """Whether a stored value holds nothing: null, an empty text or an empty list."""
    return value is None or value == "" or value == "[]"


def value_label(ws: Workspace, table: str, name: str, value: Any, lang: str = "vi") -> str:
    """A stored value as a person reads it: a code as its label, a list of codes as their
    labels, a record as its title, yes/no, a view as its bearing; "" when empty."""
    if is_empty(value):
        return ""
    field = record_kind(table).field(name)
    if field.kind in ("codes", "refs") and isinstance(value, str):
        value = json.loads(value)
    if field.kind == "code" and field.code_list:
        return vocabulary.label(field.code_list, str(value), lang)
    if field.kind == "codes" and field.code_list:
        return ", ".join(vocabulary.label(field.code_list, str(v), lang) for v in value)
    if field.kind == "ref" and field.ref:
        return ws.title(field.ref, str(value)) or str(value)
    if field.kind == "bool":
        yes_no = (
            QT_TRANSLATE_NOOP("office", "có") if value else QT_TRANSLATE_NOOP("office", "không")
        )
        return _says(yes_no).text(lang)
    if name == "views":
        return "; ".join(
            f"{d:g}°" + (f" ({a:g}°)" if a is not None else "") for d, a in parse_views(value)
        )
    return str(value)


def _check_table(table: str) -> None:
    if table not in MERGED_TABLES:
        raise ValidationError(
            _says(
                QT_TRANSLATE_NOOP(
                    "office", "Chỉ camera hoặc địa điểm mới có trùng lắp, không phải {table}."
                ),
                {"table": repr(table)},
            )
        )


def _records(ws: Workspace, table: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    _check_table(table)
    if len(set(ids)) != len(ids) or len(ids) < 2:
        raise ValidationError(
            _says(QT_TRANSLATE_NOOP("office", "Cần ít nhất hai bản ghi khác nhau để gộp."))
        )
    return {record_id: ws.get(table, record_id) for record_id in ids}


def merge_rank(ws: Workspace, table: str, ids: Iterable[str]) -> list[str]:
    """The records, the one to keep first: the one with the most values filled in and, on a
    tie, the one this workspace recorded first."""
    ids = list(ids)
    records = _records(ws, table, ids)
    rank = {}
    for record_id, record in records.items():
        recorded = ws.db.execute(f"SELECT rowid FROM {table} WHERE id = ?", [record_id]).fetchone()
        rank[record_id] = (-sum(not is_empty(v) for v in record.values()), recorded[0])
    return sorted(ids, key=lambda i: rank[i])


def merge_order(ws: Workspace, a: str, b: str) -> tuple[str, str]:
    """(keep, other) for merging two duplicate cameras (``merge_rank``)."""
    keep, other = merge_rank(ws, "cameras", [a, b])
    return keep, other


def _linked_photos(ws: Workspace, table: str, record_id: str) -> list[str]:
    return [
        row[0]
        for row in ws.db.execute(
            "SELECT photo_id FROM photo_links WHERE record_table = ? AND record_id = ? AND "
            "deleted = 0 ORDER BY photo_id",
            [table, record_id],
        )
    ]


def compare_records(ws: Workspace, table: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The records' values side by side, for the merge dialog: one row per field, in form
    order, ``{"field", "values": [one per record, in the order of ids], "same"}`` (stored
    values; the dialog shows them as labels); then their photos as a ``photos`` row."""
    records = _records(ws, table, ids)
    rows = []
    for field in record_kind(table).fields:
        if field.name in _NOT_MERGED:
            continue
        values = [records[i][field.name] for i in ids]
        rows.append({"field": field.name, "values": values, "same": len(set(values)) == 1})
    photos = [_linked_photos(ws, table, i) for i in ids]
    rows.append({"field": "photos", "values": photos, "same": all(p == photos[0] for p in photos)})
    return rows


def compare_cameras(ws: Workspace, a: str, b: str) -> list[dict[str, Any]]:
    """Two cameras' values side by side: ``compare_records`` as ``{"field", "a", "b",
    "same"}`` rows."""
    return [
        {"field": r["field"], "a": r["values"][0], "b": r["values"][1], "same": r["same"]}
        for r in compare_records(ws, "cameras", [a, b])
    ]


def default_choices(ws: Workspace, table: str, keep: str, others: Sequence[str]) -> dict[str, str]:
    """{field: the record whose value a merge keeps} when nobody chooses: the kept record's,
    unless it is empty there; then the first of the others (most complete first) that has
    one. The position's fields come together from one record."""
    ordered = [keep, *merge_rank(ws, table, others)] if len(others) > 1 else [keep, *others]
    records = _records(ws, table, ordered)
    chosen: dict[str, str] = {}
    for field in record_kind(table).fields:
        name = field.name
        if name in _NOT_MERGED or name in LOCATION_FIELDS[1:]:
            continue
        if name == "lat":
            source = next(
                (
                    i
                    for i in ordered
                    if records[i]["lat"] is not None and records[i]["lon"] is not None
                ),
                keep,
            )
            for part in LOCATION_FIELDS:
                chosen[part] = source
            continue
        chosen[name] = next((i for i in ordered if not is_empty(records[i][name])), keep)
    return chosen


def preview_merge(
    ws: Workspace, table: str, ids: Sequence[str], choices: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """What merging these records would do, without writing: ``{"table", "keep", "others",
    "values": {field: {"from": record id, "value": stored value}} for every field whose value
    changes on the kept record}``. ``choices`` as for ``merge_records``."""
    keep, *others = ids
    records = _records(ws, table, ids)
    chosen = {**default_choices(ws, table, keep, others), **_checked(table, ids, choices)}
    changes = {
        name: {"from": source, "value": records[source][name]}
        for name, source in chosen.items()
        if records[source][name] != records[keep][name]
    }
    if _moves(changes) and "commune_code" not in (choices or {}):
        changes.pop("commune_code", None)
    return {"table": table, "keep": keep, "others": others, "values": changes}


def _moves(changes: Mapping[str, Any]) -> bool:
    return "lat" in changes or "lon" in changes


def _checked(table: str, ids: Sequence[str], choices: Mapping[str, str] | None) -> dict[str, str]:
    kind = record_kind(table)
    out = {}
    for name, source in (choices or {}).items():
        kind.field(name)
        if source not in ids or name in _NOT_MERGED:
            raise ValidationError(
                _says(
                    QT_TRANSLATE_NOOP("office", "{field}: chọn một trong các bản ghi được gộp."),
                    {"field": name},
                )
            )
        out[name] = source
    return out


def merge_records(
    ws: Workspace, table: str, ids: Sequence[str], choices: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Merge records ``ids[1:]`` of ``table`` (cameras or sites) into ``ids[0]``, in one
    transaction through the write path.

    ``choices`` maps a field to the record (one of ``ids``) whose value survives; fields not
    named keep the kept record's value, or, when it is empty, the first other one that has one
    (``default_choices``). What pointed at the others moves to the kept record; then the others
    are deleted. Returns what moved."""
    moved = {"records": 0, "fields": 0, "photos": 0}
    if table == "cameras":
        moved.update(shortcomings=0, needs=0, plan_items=0)
    else:
        moved.update(cameras=0, shortcomings=0, needs=0, assignments=0)
    with ws.transaction():
        plan = preview_merge(ws, table, ids, choices)
        keep = plan["keep"]
        values = {name: change["value"] for name, change in plan["values"].items()}
        if values:
            ws.update(table, keep, values)
            moved["fields"] = len(values)
        for other in plan["others"]:
            _repoint(ws, table, keep, other, moved)
            ws.delete(table, other)
            moved["records"] += 1
    log.info("%s %s merged into %s: %s", table, plan["others"], keep, moved)
    return moved


def _repoint(ws: Workspace, table: str, keep: str, other: str, moved: dict[str, int]) -> None:
    """Point what refers to ``other`` at ``keep``, through the write path."""
    kept_photos = set(_linked_photos(ws, table, keep))
    for link_id, photo_id in ws.db.execute(
        "SELECT id, photo_id FROM photo_links WHERE record_table = ? AND record_id = ? AND "
        "deleted = 0",
        [table, other],
    ).fetchall():
        if photo_id in kept_photos:
            ws.delete("photo_links", link_id)  # the same photo on both: keep one link
        else:
            ws.update("photo_links", link_id, {"record_id": keep})
            kept_photos.add(photo_id)
        moved["photos"] += 1
    if table == "cameras":
        site = ws.get("cameras", keep)["site_id"]
        for (shortcoming_id,) in ws.db.execute(
            "SELECT id FROM shortcomings WHERE camera_id = ? AND deleted = 0", [other]
        ).fetchall():
            ws.update("shortcomings", shortcoming_id, {"camera_id": keep, "site_id": site})
            moved["shortcomings"] += 1
        moved["needs"] += _repoint_list(ws, "needs", "reuse_camera_ids", keep, other)
        for (item_id,) in ws.db.execute(
            "SELECT id FROM plan_items WHERE camera_id = ? AND deleted = 0", [other]
        ).fetchall():
            ws.update("plan_items", item_id, {"camera_id": keep})
            moved["plan_items"] += 1
        return
    for child in ("cameras", "shortcomings", "needs"):
        for (child_id,) in ws.db.execute(
            f"SELECT id FROM {child} WHERE site_id = ? AND deleted = 0", [other]
        ).fetchall():
            ws.update(child, child_id, {"site_id": keep})
            moved[child] += 1
    moved["assignments"] += _repoint_list(ws, "assignments", "site_ids", keep, other)


def _repoint_list(ws: Workspace, table: str, field: str, keep: str, other: str) -> int:
    """Replace ``other`` by ``keep`` in a list-of-ids field (once, in place); returns how many
    records changed."""
    changed = 0
    for record_id, raw in ws.db.execute(
        f"SELECT id, {field} FROM {table} WHERE deleted = 0 AND {field} LIKE ?",
        [f"%{other}%"],
    ).fetchall():
        ids = json.loads(raw)
        if other not in ids:
            continue
        new: list[str] = []
        for i in ids:
            i = keep if i == other else i
            if i not in new:
                new.append(i)
        ws.update(table, record_id, {field: new})
        changed += 1
    return changed


def merge_cameras(
    ws: Workspace, keep: str, other: str, choices: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Merge camera ``other`` into camera ``keep`` (``merge_records``); ``choices`` maps a field
    to ``"keep"`` or ``"other"``."""
    if keep == other:
        raise ValidationError(
            _says(QT_TRANSLATE_NOOP("office", "Không thể gộp camera với chính nó."))
        )
    sides = {"keep": keep, "other": other}
    chosen = {}
    for name, side in (choices or {}).items():
        record_kind("cameras").field(name)
        if side not in sides or name in _NOT_MERGED:
            raise ValidationError(
                _says(
                    QT_TRANSLATE_NOOP("office", "{field}: chọn 'keep' hoặc 'other'."),
                    {"field": name},
                )
            )
        chosen[name] = sides[side]
    return merge_records(ws, "cameras", [keep, other], chosen)


# -- clusters, one by one or many at once ----------------------------------------------------


def preview_clusters(
    ws: Workspace, table: str = "cameras", min_score: float = 0.9
) -> list[dict[str, Any]]:
    """What ``merge_clusters`` would do: one entry per cluster whose pairs all score at least
    ``min_score``, ``{"cluster": the cluster (find_clusters), "merge": preview_merge of its
    records, the kept one first}``, or, for a cluster that cannot be merged at once (two of its
    records are known to be two: one list names them apart, or a supervisor said so),
    ``"merge": None`` and ``"skipped"``: why."""
    out = []
    for cluster in find_clusters(ws, table, min_score):
        if cluster["apart"]:
            out.append({"cluster": cluster, "merge": None, "skipped": cluster["apart"]})
            continue
        ranked = merge_rank(ws, table, cluster["ids"])
        out.append({"cluster": cluster, "merge": preview_merge(ws, table, ranked)})
    return out


def merge_clusters(
    ws: Workspace,
    previews: Sequence[Mapping[str, Any]],
    *,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> dict[str, int]:
    """Merge every previewed cluster (``preview_clusters``' entries with a merge), each as
    previewed, all in one transaction: a cancel (checked between clusters, raising
    ``Cancelled``) or a failure leaves the workspace as it was. Returns the counts moved,
    summed, with ``clusters``."""
    todo = [p["merge"] for p in previews if p.get("merge")]
    total: dict[str, int] = {"clusters": 0}
    with ws.transaction():
        for number, plan in enumerate(todo):
            if cancel():
                raise Cancelled
            progress(number, len(todo), _says(QT_TRANSLATE_NOOP("office", "Đang gộp")))
            ids = [plan["keep"], *plan["others"]]
            choices = {name: change["from"] for name, change in plan["values"].items()}
            for name, count in merge_records(ws, plan["table"], ids, choices).items():
                total[name] = total.get(name, 0) + count
            total["clusters"] += 1
        progress(len(todo), len(todo), _says(QT_TRANSLATE_NOOP("office", "Đã gộp")))
    refresh_statistics_after(ws.db, sum(n for name, n in total.items() if name != "clusters"))
    return total
