"""Merging changes into the history: the result depends only on the set of changes (highest
(clock, device, version) wins per field), every conflict is kept for a supervisor, and the
office's decisions hold against surveyors' later edits."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from fieldsurvey.core.collation import SORT_KEY_FUNCTION
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store import search
from fieldsurvey.core.store.db import indexes_made_after
from fieldsurvey.core.store.records import (
    NAME_SORTED,
    RECORD_KINDS,
    SEARCH_KINDS,
    empty_value,
    record_kind,
    with_sort_name,
)
from fieldsurvey.core.store.workspace import Workspace, fields_json
from fieldsurvey.core.sync import spool
from fieldsurvey.core.sync.incoming import shown
from fieldsurvey.core.sync.package import Refusal
from fieldsurvey.core.sync.package_format import CHANGED_AFTER_APPROVAL, SyncError
from fieldsurvey.core.trust import authorship, ledger

log = logging.getLogger(__name__)


def _say(template: str, **params: Any) -> Message:
    return Message("sync", template, params)


def _order(change: dict[str, Any]) -> tuple[int, str, str]:
    """The total order of versions: clock, then device, then version id."""
    return (int(change["clock"]), str(change["device_id"]), str(change["id"]))


# The changes not held before, in the history's stored form (ledger.py); their devices have
# numbers (_ADD_DEVICES) first.
_ADD_DEVICES = f"SELECT DISTINCT device_id FROM {spool.CHANGES} WHERE held = 0"
_ADD_RECEIVED = (
    "INSERT INTO main.change_rows (id, device, seq, clock, at, user, table_name, record_id, "
    f"op, fields, package_id) SELECT id, {ledger.DEVICE_NUMBER.format(device='device_id')}, "
    f"seq, clock, nullif(at, {ledger.AT_OF_CLOCK.format(clock='clock')}), user, table_name, "
    f"record_id, op, fields, ? FROM {spool.CHANGES} WHERE held = 0 ORDER BY n"
)


def _sequence_reused(ws: Workspace) -> SyncError | None:
    """A different change claiming a (device, sequence) we hold is a forgery or a bug: the
    import fails whole. The error naming the first such change, or None."""
    row = ws.db.execute(
        f"SELECT s.seq, s.device_id FROM {spool.CHANGES} s JOIN main.changes c ON "
        "c.device_id = s.device_id AND c.seq = s.seq AND c.id != s.id WHERE s.held = 0 "
        "ORDER BY s.n LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return SyncError(
        _say(
            QT_TRANSLATE_NOOP(
                "sync", "Thay đổi số {seq} của thiết bị {device} đã có, với nội dung khác."
            ),
            seq=row[0],
            device=str(row[1])[:8],
        ),
        Refusal.BAD_RECORD,
    )


def apply_changes(
    ws: Workspace,
    incoming: Iterable[dict[str, Any]] | spool.Spool,
    *,
    package_id: str | None = None,
    roles: dict[str, str] | None = None,
) -> dict[str, int]:
    """Add changes to the history and bring every affected record to the state its whole
    history decides. Returns counts: applied, skipped (already known), conflicts (new), and
    records new, updated and deleted. Must run in a transaction. ``incoming``: the changes, or
    the spool an import's first pass filled with them; ``package_id``: the package they came
    in, kept with each change it added.

    The result depends only on the set of changes, never on the order they arrived in: that is
    what makes packages imported twice, out of order or late converge.
    """
    if isinstance(incoming, spool.Spool):
        return _apply_spooled(ws, incoming, package_id, roles)
    with spool.Spool(ws.db) as spooled:
        for change in incoming:
            spooled.add(change, fields_json(change["fields"]))
        return _apply_spooled(ws, spooled, package_id, roles)


def _apply_spooled(
    ws: Workspace, spooled: spool.Spool, package_id: str | None, roles: dict[str, str] | None
) -> dict[str, int]:
    spooled.flush()
    db = ws.db
    db.execute(
        f"UPDATE {spool.CHANGES} SET held = 1 WHERE EXISTS "
        f"(SELECT 1 FROM main.change_rows c WHERE c.id = {spool.CHANGES}.id)"
    )
    applied, newest = db.execute(
        f"SELECT count(*), max(clock) FROM {spool.CHANGES} WHERE held = 0"
    ).fetchone()
    try:
        ledger.add_devices(db, _ADD_DEVICES)
        db.execute(_ADD_RECEIVED, [package_id])
    except sqlite3.IntegrityError:
        reused = _sequence_reused(ws)
        if reused is None:
            raise  # the import refuses the package as inconsistent
        raise reused from None
    if newest is not None:
        ws.clock.observe(int(newest))
    fresh = _write_inserted(ws)
    before = db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    outcomes: dict[str, int] = defaultdict(int)
    roles = authorship.roles(db) if roles is None else roles
    for table, record_id in spooled.keys_to_rebuild():
        outcomes[_materialise(ws, table, record_id, roles)] += 1
    _check_links(ws, spooled.record_ids("photo_links"))
    for table in spooled.tables():
        if table in SEARCH_KINDS:  # the searchable ones
            _index(db, table, spooled.rowids(table))
    after = db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    return {
        "applied": int(applied),
        "skipped": spooled.count - int(applied),
        "conflicts": int(after - before),
        "new": fresh + outcomes["new"],
        "updated": outcomes["updated"],
        "deleted": outcomes["deleted"],
    }


# Records re-indexed by one call of the search's re-indexing (index_records takes 500
# at a time): its few statements a call cost the same for 500 records as for 20,000, and FTS5
# writes what it holds out at each, so larger calls spare both (100,000 cameras re-indexed:
# about a tenth less time); a call's rowids are held in memory.
_INDEX_CHUNK = 20_000


def _index(db: sqlite_utils.Database, table: str, rowids: Iterable[int]) -> None:
    """Bring the search entries of these records up to date (deleted ones drop out), as
    ``search.index_records`` does, from their rowids in increasing order (FTS5 keeps the
    entries in memory while the rowids increase), _INDEX_CHUNK at a time."""
    chunk: list[int] = []
    for rowid in rowids:
        chunk.append(rowid)
        if len(chunk) >= _INDEX_CHUNK:
            search.reindex(db, table, chunk)
            chunk = []
    if chunk:
        search.reindex(db, table, chunk)


def _check_links(ws: Workspace, link_ids: Iterable[str]) -> None:
    """Every photo link that changes must point at a record that exists once they apply."""
    for link_id in link_ids:
        row = ws.db.execute(
            "SELECT record_table, record_id FROM photo_links WHERE id = ? AND deleted = 0",
            [link_id],
        ).fetchone()
        if row is None:
            continue
        table = record_kind(row[0]).table  # checked against the schema when it arrived
        if not ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row[1]]).fetchone():
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync", "Ảnh được gắn vào bản ghi {record} không có trong {table}."
                    ),
                    record=shown(row[1]),
                    table=table,
                ),
                Refusal.BAD_RECORD,
            )


def _write_inserted(ws: Workspace) -> int:
    """Records whose whole history is the insert just added (no other version to weigh, no
    conflict, no delete, no later edit): what ``_materialise`` decides for each, written
    straight from the row the spool made of the insert, one statement per table, in the
    order the inserts came. They are noted in the spool (``spool.FRESH``), not in memory, and
    their number returned."""
    written = 0
    for table in RECORD_KINDS:
        found = ws.db.execute(
            f"INSERT INTO {spool.FRESH} (table_name, record_id, change_id) "
            f"SELECT '{table}', r.id, r.change_id FROM {spool.rows_table(table)} r "
            f"JOIN {spool.CHANGES} c ON c.id = r.change_id "
            f"WHERE c.held = 0 AND c.op = 'insert' AND c.table_name = '{table}' "
            "AND c.record_id = r.id AND (SELECT count(*) FROM main.change_rows h "
            f"WHERE h.table_name = '{table}' AND h.record_id = r.id) = 1"
        ).rowcount
        if found <= 0:
            continue
        written += found
        columns = spool.record_columns(table)
        # The stored sort key follows from the name (records.NAME_SORTED).
        keyed = table in NAME_SORTED
        stored = ws.db.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
        # More new rows than the table holds (a first import into a new office): the table's
        # indexes are made after its rows, sorted once, as the demo build does.
        bulk = found > stored
        with indexes_made_after(ws.db, [table]) if bulk else contextlib.nullcontext():
            ws.db.execute(
                f"INSERT INTO main.{table} ({', '.join(columns)}"
                + (", sort_name" if keyed else "")
                + f") SELECT {', '.join('r.' + c for c in columns)}"
                + (f", {SORT_KEY_FUNCTION}(r.name)" if keyed else "")
                + f" FROM {spool.rows_table(table)} r JOIN {spool.FRESH} f "
                f"ON f.table_name = '{table}' AND f.record_id = r.id AND f.change_id = r.change_id "
                "ORDER BY r.rowid"
            )
    return written


def _write_row(
    ws: Workspace, table: str, record_id: str, values: dict[str, Any], *, exists: bool
) -> None:
    stored = with_sort_name(
        table, {c: values[c] for c in ("deleted", *RECORD_KINDS[table].field_names)}
    )
    if exists:
        ws.db.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in stored)} WHERE id = ?",
            [*stored.values(), record_id],
        )
    else:
        ws.db.execute(
            f"INSERT INTO {table} (id, {', '.join(stored)}) VALUES "
            f"(?, {', '.join('?' * len(stored))})",
            [record_id, *stored.values()],
        )


def _materialise(ws: Workspace, table: str, record_id: str, roles: dict[str, str]) -> str:
    """Write the record its history decides; says whether it is new, updated, deleted or
    still waiting for its insert. The office's decisions hold against surveyors' later edits:
    an edit does not bring back a record the office deleted, and an edit after an approval
    marks the record "changed after approval" for the office to look at again."""
    kind = RECORD_KINDS[table]
    history = [
        {"id": cid, "device_id": device, "clock": clock, "op": op, "fields": json.loads(fields)}
        for cid, device, clock, op, fields in ws.db.execute(
            "SELECT id, device_id, clock, op, change_fields(fields) FROM changes "
            "WHERE table_name = ? AND "
            "record_id = ?",
            [table, record_id],
        )
    ]
    if not any(c["op"] == "insert" for c in history):
        return "pending"  # its insert has not arrived yet: the record appears when it does
    winners: dict[str, dict[str, Any]] = {}
    for change in history:
        for name in change["fields"]:
            if name not in winners or _order(change) > _order(winners[name]):
                winners[name] = change
    values: dict[str, Any] = {f.name: empty_value(f) for f in kind.fields}
    for name, change in winners.items():
        values[name] = change["fields"][name][1]
    values["deleted"] = int(values.get("deleted") or 0)
    # Conflicts follow from the whole history, like the values: recomputed, never accumulated.
    ws.db.execute(
        "DELETE FROM conflicts WHERE table_name = ? AND record_id = ? AND status = 'open'",
        [table, record_id],
    )
    _field_conflicts(ws, table, record_id, history)
    if values["deleted"]:
        delete = winners["deleted"]
        # An edit the deleting device had not seen: newer than the delete's base (the newest
        # change of the record it knew), from another device.
        seen = delete["fields"]["deleted"][2] or 0
        by_office = roles.get(delete["device_id"]) == "office"
        racing = [
            c
            for c in history
            if c["op"] == "update"
            and "deleted" not in c["fields"]
            and c["device_id"] != delete["device_id"]
            and c["clock"] > seen
            and not (by_office and roles.get(c["device_id"]) != "office")
        ]
        if racing:
            # An edit made without knowing of the delete: keep the record, ask a supervisor.
            values["deleted"] = 0
            _open_conflict(ws, table, record_id, "deleted", max(racing, key=_order), delete, 0, 1)
    if values.get("review_state") == "approved":
        approved_at = winners["review_state"]["clock"]
        if any(
            roles.get(c["device_id"]) != "office"
            and c["clock"] > approved_at
            and set(c["fields"]) - {"review_state"}
            for c in history
        ):
            values["review_state"] = CHANGED_AFTER_APPROVAL
    exists = ws.db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [record_id]).fetchone()
    _write_row(ws, table, record_id, values, exists=bool(exists))
    if not exists:
        return "new"
    return "deleted" if values["deleted"] and not exists[0] else "updated"


def _field_conflicts(
    ws: Workspace, table: str, record_id: str, history: list[dict[str, Any]]
) -> None:
    """Two devices that changed a field from the same base to different values."""
    by_base: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for change in history:
        if change["op"] != "update":
            continue
        for name, (_, _, old_clock) in change["fields"].items():
            by_base[(name, old_clock)].append(change)
    for (name, _), changes in by_base.items():
        devices = {c["device_id"] for c in changes}
        if len(devices) < 2:
            continue
        winner = max(changes, key=_order)
        newest = max(int(c["clock"]) for c in changes)
        if any(name in c["fields"] and (c["fields"][name][2] or 0) >= newest for c in history):
            continue  # someone changed the field after seeing both values: settled
        for other in changes:
            if other["device_id"] != winner["device_id"] and (
                other["fields"][name][1] != winner["fields"][name][1]
            ):
                _open_conflict(
                    ws,
                    table,
                    record_id,
                    name,
                    winner,
                    other,
                    winner["fields"][name][1],
                    other["fields"][name][1],
                )


def _open_conflict(
    ws: Workspace,
    table: str,
    record_id: str,
    name: str,
    winner: dict[str, Any],
    loser: dict[str, Any],
    winner_value: Any,
    loser_value: Any,
) -> None:
    key = "\0".join([table, record_id, name, *sorted([winner["id"], loser["id"]])])
    conflict_id = hashlib.sha256(key.encode()).hexdigest()[:32]
    ws.db.execute(
        "INSERT OR IGNORE INTO conflicts (id, table_name, record_id, field, winner_change, "
        "loser_change, winner_value, loser_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            conflict_id,
            table,
            record_id,
            name,
            winner["id"],
            loser["id"],
            json.dumps(winner_value, ensure_ascii=False),
            json.dumps(loser_value, ensure_ascii=False),
        ],
    )
