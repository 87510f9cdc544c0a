"""What a surveyor's device may see of the office's register: least privilege going back.

The office sends a surveyor the records inside the area its unit is assigned (communes and named
sites) and the records the device made itself, the office's decisions about those records
(reviews, not-a-duplicate decisions), the unit's assignments, reference data (units), and the
owners' lists (inventory imports) the cameras it sees came from.
National-security sites, and everything at them, go only to devices enrolled with the
clearance to see them (or to the device that recorded them). Everything else travels as its
place in its author's log only (a digest), which keeps every chain verifiable and tells the
surveyor nothing of its content.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlite_utils

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

NATIONAL_SECURITY = "national_security"
# Reference data every device receives whole.
EVERYONE = frozenset({"units"})


@dataclass
class Scope:
    """The records of each table a device may receive (tables in EVERYONE: all of them)."""

    device_id: str
    ids: dict[str, set[str]] = field(default_factory=dict)

    def allows(self, table: str, record_id: str) -> bool:
        return table in EVERYONE or record_id in self.ids.get(table, ())

    def counts(self) -> dict[str, int]:
        return {table: len(ids) for table, ids in sorted(self.ids.items())}


def _ids(db: sqlite_utils.Database, sql: str, params: Iterable[object] = ()) -> set[str]:
    return {str(row[0]) for row in db.execute(sql, list(params))}


def _authored(db: sqlite_utils.Database, device_id: str, table: str) -> set[str]:
    return _ids(
        db,
        "SELECT record_id FROM changes WHERE device_id = ? AND table_name = ? AND op = 'insert'",
        [device_id, table],
    )


def scope_of(
    db: sqlite_utils.Database, device_id: str, unit_id: str | None, cleared: bool
) -> Scope:
    """The records ``device_id`` (of ``unit_id``, with or without clearance) may receive."""
    communes: set[str] = set()
    named_sites: set[str] = set()
    assignments: set[str] = set()
    if unit_id is not None:
        for assignment_id, commune_codes, site_ids in db.execute(
            "SELECT id, commune_codes, site_ids FROM assignments WHERE unit_id = ?", [unit_id]
        ):
            assignments.add(assignment_id)
            communes.update(json.loads(commune_codes or "[]"))
            named_sites.update(json.loads(site_ids or "[]"))
    secret = (
        set()
        if cleared
        else _ids(db, "SELECT id FROM sites WHERE category = ?", [NATIONAL_SECURITY])
    )
    in_area = {
        site_id
        for site_id, commune in db.execute("SELECT id, commune_code FROM sites")
        if commune in communes
    }
    # What the device made itself it knows already: secret or not, decisions about it go back.
    sites = ((in_area | named_sites) - secret) | _authored(db, device_id, "sites")
    scope = Scope(device_id, {"sites": sites, "assignments": assignments})
    for table in ("cameras", "shortcomings", "needs"):
        scope.ids[table] = {
            record_id
            for record_id, site_id in db.execute(f"SELECT id, site_id FROM {table}")
            if site_id in sites
        } | _authored(db, device_id, table)
    links = set()
    photos = _authored(db, device_id, "photos")
    for link_id, photo_id, record_table, record_id in db.execute(
        "SELECT id, photo_id, record_table, record_id FROM photo_links"
    ):
        if scope.allows(record_table, record_id):
            links.add(link_id)
            photos.add(photo_id)
    scope.ids["photo_links"] = links | _authored(db, device_id, "photo_links")
    scope.ids["photos"] = photos
    scope.ids["reviews"] = {
        review_id
        for review_id, record_table, record_id in db.execute(
            "SELECT id, record_table, record_id FROM reviews"
        )
        if scope.allows(record_table, record_id)
    }
    scope.ids["not_duplicates"] = {
        decision_id
        for decision_id, record_table, a, b in db.execute(
            "SELECT id, record_table, record_a, record_b FROM not_duplicates"
        )
        if scope.allows(record_table, a) and scope.allows(record_table, b)
    }
    # Where a camera it may see came from (the owner's list), so the camera's reference holds.
    scope.ids["inventory_imports"] = {
        str(import_id)
        for camera_id, import_id in db.execute(
            "SELECT id, import_id FROM cameras WHERE import_id IS NOT NULL"
        )
        if camera_id in scope.ids["cameras"]
    }
    return scope


def set_peer_scope(
    db: sqlite_utils.Database, device_id: str, unit_id: str | None, cleared: bool
) -> None:
    """Say which unit an enrolled surveyor works for and whether it may see national-security
    sites (what the office sends it follows). Opens no transaction."""
    peer = db.execute("SELECT role FROM peers WHERE device_id = ?", [device_id]).fetchone()
    if peer is None:
        raise ValidationError(
            Message(
                "sync",
                QT_TRANSLATE_NOOP("sync", "Không có thiết bị {device} đã đăng ký."),
                {"device": repr(device_id)},
            )
        )
    if peer[0] != "surveyor":
        raise ValidationError(
            Message(
                "sync",
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Chỉ thiết bị khảo sát mới được giới hạn theo đơn vị; văn phòng nhận toàn bộ.",
                ),
            )
        )
    if (
        unit_id is not None
        and not db.execute("SELECT 1 FROM units WHERE id = ? AND deleted = 0", [unit_id]).fetchone()
    ):
        raise ValidationError(
            Message(
                "sync",
                QT_TRANSLATE_NOOP("sync", "Không có đơn vị {unit}."),
                {"unit": repr(unit_id)},
            )
        )
    db.execute(
        "UPDATE peers SET unit_id = ?, clearance = ? WHERE device_id = ?",
        [unit_id, int(cleared), device_id],
    )
    # What it holds only as digests may now be visible: the next package goes through every
    # log again, and the device fills in the content of the entries it may now see.
    db.execute("DELETE FROM sync_acks WHERE peer_device = ?", [device_id])
