"""Existing inventories, imported: an owner unit's camera list (read and mapped in
``inventory_rows.py``) written as cameras in one transaction, and remembered as an import
(the ``inventory_imports`` record kind: file name, owner unit, date, rows, what it did).

A list can be sent again. Each row is matched to a camera by the owner's reference (the row's
``ref`` and owner unit; a camera an earlier import left without an owner, or one a file of the
same name brought, matches too, and takes the owner now said): a matched camera is updated
where the list now says something else (an empty cell never clears what the camera holds),
left alone where nothing changed, and never added twice; a row with a reference no camera has
is new. The cameras an earlier import of the same list brought (the same owner unit, or,
without one, the same file name) that the list no longer names are reported "no longer
listed", never deleted: a supervisor decides. Two rows of one list with the same reference are
one camera listed twice: the second is refused with its line.

Where a new camera goes (cameras need a site): to the site of the nearest site or camera within
``SITE_JOIN_M`` metres, existing or created earlier in the same import (a camera next to
existing cameras joins their site); else to a new site at the camera's position, named after
the row's address, name or reference, with the category its ``surveillance:zone`` gives (else
"other"). So the cameras of one building share a site and nothing is far from its site.

A row that looks like a duplicate of another camera is still imported: the duplicate finder
flags it, a supervisor decides. The dry run is the import itself in a transaction that is rolled
back, so it flags, refuses and counts exactly what the import would.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldsurvey.core.clock import wall_ms
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import METRES_PER_DEGREE, metres_per_degree_lon
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.duplicates import find_workspace_duplicates
from fieldsurvey.core.office.inventory_rows import (
    NEAR_CITY_M,
    PREVIEW_ROWS,
    TARGETS,
    InventoryError,
    InventoryFile,
    RowError,
    RowOutcome,
    _says,
    check_mapping,
    guess_mapping,
    parse_directions,
    preview,
    read_inventory,
    read_row,
    value_range,
)
from fieldsurvey.core.store.db import refresh_statistics_after
from fieldsurvey.core.store.records import clean_value, record_kind
from fieldsurvey.core.store.workspace import Workspace, iso_from_ms
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress, never_cancelled, no_progress
from fieldsurvey.core.text import fold, words_match

__all__ = [
    "NEAR_CITY_M",
    "PREVIEW_ROWS",
    "SITE_JOIN_M",
    "TARGETS",
    "ImportReport",
    "InventoryError",
    "InventoryFile",
    "RowError",
    "RowOutcome",
    "check_mapping",
    "find_owner",
    "find_unit",
    "guess_mapping",
    "import_inventory",
    "parse_directions",
    "preview",
    "read_inventory",
    "read_row",
    "value_range",
]

SITE_JOIN_M = 50.0
# The fields a row sets on its camera, compared when the list is sent again.
_COMPARED = ("name", "camera_type", "mount", "height_m", "views", "lat", "lon")
_SOURCE_PREFIX = "Nhập từ danh sách kiểm kê "


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    file_name: str = ""
    rows: int = 0
    imported: int = 0  # rows taken: new, updated and unchanged cameras
    camera_ids: list[str] = field(default_factory=list)  # the new cameras
    updated_ids: list[str] = field(default_factory=list)
    unchanged: int = 0
    gone: list[dict[str, Any]] = field(default_factory=list)  # {"id", "ref"}: no longer listed
    import_id: str | None = None  # the inventory_imports record (None for a dry run)
    sites_created: int = 0
    sites_reused: int = 0
    units_created: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)  # {"line", "reason", "place"…}
    warnings: list[dict[str, Any]] = field(default_factory=list)  # {"line", "message", "place"…}
    duplicates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        """Cameras this import added or changed that are in at least one duplicate pair."""
        mine = set(self.camera_ids) | set(self.updated_ids)
        return len({i for p in self.duplicates for i in (p["a"]["id"], p["b"]["id"]) if i in mine})

    def counts(self) -> Message:
        """ "n không đổi, n cập nhật, n mới, n không còn trong danh sách"."""
        return _says(
            QT_TRANSLATE_NOOP(
                "office",
                "{unchanged} không đổi, {updated} cập nhật, {new} mới, "
                "{gone} không còn trong danh sách",
            ),
            {
                "unchanged": self.unchanged,
                "updated": len(self.updated_ids),
                "new": len(self.camera_ids),
                "gone": len(self.gone),
            },
        )

    def summary(self) -> dict[str, Any]:
        return {
            "import_id": self.import_id,
            "rows": self.rows,
            "imported": self.imported,
            "new": len(self.camera_ids),
            "updated": len(self.updated_ids),
            "unchanged": self.unchanged,
            "gone": len(self.gone),
            "flagged": self.flagged,
            "refused": len(self.refused),
            "sites_created": self.sites_created,
            "sites_reused": self.sites_reused,
            "units_created": self.units_created,
            "warnings": len(self.warnings),
        }


class _RollBack(Exception):
    """Ends a dry run's transaction: everything it wrote is rolled back."""


# -- owners ---------------------------------------------------------------------------------------


def find_unit(ws: Workspace, text: str) -> str | None:
    """A unit by its id, or by its whole name ignoring accents and case (how a list's operator
    column is matched: a unit is created for a name no unit has)."""
    row = ws.db.execute("SELECT id FROM units WHERE id = ? AND deleted = 0", [text]).fetchone()
    if row is not None:
        return str(row[0])
    wanted = fold(text).strip()
    for unit_id, name in ws.db.execute("SELECT id, name FROM units WHERE deleted = 0"):
        if fold(name).strip() == wanted:
            return str(unit_id)
    return None


def find_owner(ws: Workspace, text: str) -> str:
    """The unit a person names as a list's owner: its code (id, or the id's first 8 or more
    characters), its whole name, or words of its name folded as search folds them, an
    abbreviation standing for the initials of words ("Cong an TP" for "Công an Thành phố Hà
    Nội"). Raises ValidationError when no unit, or more than one, fits."""
    text = text.strip()
    found = find_unit(ws, text)
    if found is not None:
        return found
    units = ws.db.execute("SELECT id, name FROM units WHERE deleted = 0 ORDER BY name").fetchall()
    fits = [(str(i), str(n)) for i, n in units if len(text) >= 8 and str(i).startswith(text)]
    if not fits:
        fits = [(str(i), str(n)) for i, n in units if words_match(text, n)]
    if len(fits) == 1:
        return fits[0][0]
    if not fits:
        raise ValidationError(
            _says(QT_TRANSLATE_NOOP("office", "Không có đơn vị {owner}."), {"owner": repr(text)})
        )
    raise ValidationError(
        _says(
            QT_TRANSLATE_NOOP("office", "{owner} khớp {count} đơn vị: {names}; hãy ghi rõ hơn."),
            {
                "owner": repr(text),
                "count": len(fits),
                "names": "; ".join(name for _, name in fits[:5]) + ("…" if len(fits) > 5 else ""),
            },
        )
    )


# -- sites ----------------------------------------------------------------------------------------


class _Sites:
    """Sites by grid cell, to find the nearest within SITE_JOIN_M of a point."""

    def __init__(self, rows: Iterable[tuple[str, float, float]]) -> None:
        self._cell = SITE_JOIN_M / METRES_PER_DEGREE
        self._grid: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
        for row in rows:
            self.add(*row)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return int(lat // self._cell), int(lon // self._cell)

    def add(self, site_id: str, lat: float, lon: float) -> None:
        self._grid[self._key(lat, lon)].append((site_id, lat, lon))

    def nearest(self, lat: float, lon: float) -> str | None:
        row, col = self._key(lat, lon)
        best: tuple[float, str] | None = None
        kx = metres_per_degree_lon(lat)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for site_id, slat, slon in self._grid.get((row + dr, col + dc), ()):
                    d = math.hypot((slat - lat) * METRES_PER_DEGREE, (slon - lon) * kx)
                    if d <= SITE_JOIN_M and (best is None or d < best[0]):
                        best = (d, site_id)
        return None if best is None else best[1]


def _site_name(outcome: RowOutcome, inventory: InventoryFile) -> str:
    camera, site = outcome.camera or {}, outcome.site or {}
    for text in (site.get("address"), camera.get("name")):
        if text:
            return str(text)[:300]
    if camera.get("ref"):
        return f"Điểm camera {camera['ref']}"[:300]
    return f"Điểm camera {inventory.path.stem}, dòng {outcome.line}"[:300]


# -- matching a list sent again -------------------------------------------------------------------


_Listed = dict[tuple[str | None, str], tuple[str, dict[str, Any]]]


def _listed_cameras(ws: Workspace, file_name: str) -> tuple[_Listed, _Listed]:
    """Cameras that came from an owner's list, by (owner unit, reference), and those an
    earlier import of a file of this name brought, by (None, reference); the oldest first when
    a key has several (a list imported twice before imports were matched)."""
    names = ("id", "owner_unit_id", "ref", "notes", *_COMPARED)
    columns = ", ".join(f"c.{n}" for n in names)
    by_owner: _Listed = {}
    by_file: _Listed = {}
    for *row, source in ws.db.execute(
        f"SELECT {columns}, i.file_name FROM cameras c "
        "LEFT JOIN inventory_imports i ON i.id = c.import_id "
        "WHERE c.deleted = 0 AND c.ref IS NOT NULL AND "
        "(c.import_id IS NOT NULL OR c.location_source = 'inventory_import') ORDER BY c.rowid"
    ):
        record = dict(zip(names, row, strict=True))
        by_owner.setdefault((record["owner_unit_id"], record["ref"]), (record["id"], record))
        if source == file_name:
            by_file.setdefault((None, record["ref"]), (record["id"], record))
    return by_owner, by_file


def _owner_note(notes: str | None) -> str | None:
    """The owner's own note in a camera's notes (after the line saying where it came from)."""
    if notes is None:
        return None
    if notes.startswith(_SOURCE_PREFIX):
        _, _, rest = notes.partition("\n")
        return rest or None
    return notes


def _changes(
    stored: Mapping[str, Any], camera: Mapping[str, Any], unit: str | None, owner_note: Any
) -> dict[str, Any]:
    """What a row says differently from the camera it matched (empty cells say nothing)."""
    kind = record_kind("cameras")
    changed: dict[str, Any] = {}
    for name in _COMPARED:
        value = camera.get(name)
        if value is None or value == []:
            continue
        clean = clean_value(kind, kind.field(name), value)
        if clean != stored[name]:
            changed[name] = clean
    if unit is not None and stored["owner_unit_id"] != unit:
        changed["owner_unit_id"] = unit
    if owner_note is not None and _owner_note(stored["notes"]) != owner_note:
        notes = stored["notes"] or ""
        first = notes.partition("\n")[0] if notes.startswith(_SOURCE_PREFIX) else ""
        changed["notes"] = f"{first}\n{owner_note}" if first else str(owner_note)
    return changed


def _earlier_imports(ws: Workspace, inventory: InventoryFile, owner_id: str | None) -> list[str]:
    """The imports of the same list before this one: the same owner unit, or without one the
    same file name."""
    if owner_id is not None:
        rows = ws.db.execute(
            "SELECT id FROM inventory_imports WHERE deleted = 0 AND owner_unit_id = ?", [owner_id]
        )
    else:
        rows = ws.db.execute(
            "SELECT id FROM inventory_imports WHERE deleted = 0 AND owner_unit_id IS NULL "
            "AND file_name = ?",
            [inventory.path.name],
        )
    return [str(r[0]) for r in rows]


# -- importing ------------------------------------------------------------------------------------


def import_inventory(
    ws: Workspace,
    inventory: InventoryFile | Path | str,
    mapping: Mapping[str, str] | None = None,
    *,
    owner: str | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> ImportReport:
    """Import every readable row, in one transaction (nothing is written if anything fails;
    ``cancel`` is checked every 500 rows and raises ``Cancelled``).

    ``mapping`` is ``{target: column}`` (default: ``guess_mapping``). ``owner`` (``find_owner``:
    a unit's code or name) owns every camera; else the ``operator`` column names the owner,
    matched to a unit by name without accents, and a unit is created for a name no unit has.
    ``dry_run`` does all of it, finds the duplicates, then rolls everything back.
    """
    if not isinstance(inventory, InventoryFile):
        inventory = read_inventory(inventory)
    mapping = check_mapping(
        inventory, guess_mapping(inventory.columns) if mapping is None else mapping
    )
    owner_id = find_owner(ws, owner) if owner is not None else None
    report = ImportReport(file_name=inventory.path.name, rows=len(inventory.rows))
    total = len(inventory.rows)
    outcomes: list[RowOutcome] = []
    for number, (line, values) in enumerate(inventory.rows, start=1):
        outcome = read_row(ws, inventory, mapping, line, values, number)
        where = inventory.where(number, line)
        if outcome.error is not None:
            report.refused.append({**where, "reason": outcome.error})
        else:
            outcomes.append(outcome)
        report.warnings.extend({**where, "message": w} for w in outcome.warnings)
        if number % 500 == 1:
            if cancel():
                raise Cancelled
            progress(number, total, _says(QT_TRANSLATE_NOOP("office", "Đang đọc danh sách")))
    if not outcomes:
        return report
    try:
        with ws.transaction():
            _write(ws, inventory, owner_id, outcomes, report, progress, cancel)
            report.duplicates = find_workspace_duplicates(
                ws, involving=set(report.camera_ids) | set(report.updated_ids)
            )
            if dry_run:
                raise _RollBack
    except _RollBack:
        report.import_id = None
        return report
    refresh_statistics_after(ws.db, len(report.camera_ids) + len(report.updated_ids))
    return report


def _write(
    ws: Workspace,
    inventory: InventoryFile,
    owner_id: str | None,
    outcomes: list[RowOutcome],
    report: ImportReport,
    progress: Progress,
    cancel: Cancel,
) -> None:
    """The import's writes, in the caller's transaction: owner units, then which rows are new,
    changed or unchanged, the import record, the new cameras' sites, the cameras."""
    units: dict[str, str] = {}
    listed, from_file = _listed_cameras(ws, inventory.path.name)
    seen: dict[tuple[str | None, str], RowOutcome] = {}
    new: list[tuple[RowOutcome, str | None]] = []
    updates: list[tuple[str, dict[str, Any]]] = []
    matched: set[str] = set()
    for outcome in outcomes:
        camera = outcome.camera or {}
        unit = owner_id
        if unit is None and outcome.operator:
            key = fold(outcome.operator).strip()
            if key not in units:
                found = find_unit(ws, outcome.operator)
                if found is None:
                    found = ws.insert("units", {"name": outcome.operator, "kind": "other"})
                    report.units_created += 1
                units[key] = found
            unit = units[key]
        ref = camera.get("ref")
        if ref is None:
            new.append((outcome, unit))
            continue
        if (unit, ref) in seen:
            first = seen[(unit, ref)]
            report.refused.append(
                {
                    **inventory.where(outcome.number, outcome.line),
                    "reason": _says(
                        QT_TRANSLATE_NOOP("office", "mã {ref} đã có ở {place} của danh sách"),
                        {"ref": repr(ref), "place": inventory.place(first.number, first.line)},
                    ),
                }
            )
            continue
        seen[(unit, ref)] = outcome
        # The owner's camera; else one an import without an owner brought; else one a file
        # of this name brought (the list sent again, now with its owner said otherwise).
        found_camera = (
            listed.get((unit, ref))
            or (listed.get((None, ref)) if unit else None)
            or from_file.get((None, ref))
        )
        if found_camera is None or found_camera[0] in matched:
            new.append((outcome, unit))
            continue
        camera_id, stored = found_camera
        matched.add(camera_id)
        changed = _changes(stored, camera, unit, outcome.owner_note)
        if changed:
            updates.append((camera_id, changed))
        else:
            report.unchanged += 1
    earlier = _earlier_imports(ws, inventory, owner_id)
    if earlier:
        marks = ", ".join("?" * len(earlier))
        report.gone = [
            {"id": str(i), "ref": r}
            for i, r in ws.db.execute(
                f"SELECT id, ref FROM cameras WHERE deleted = 0 AND import_id IN ({marks}) "
                "ORDER BY ref, id",
                earlier,
            )
            if str(i) not in matched
        ]
    report.import_id = ws.insert(
        "inventory_imports",
        {
            "file_name": inventory.path.name[:500],
            "format": inventory.format,
            "owner_unit_id": owner_id,
            "imported_at": iso_from_ms(wall_ms()),
            "row_count": len(inventory.rows),
            "new_count": len(new),
            "updated_count": len(updates),
            "unchanged_count": report.unchanged,
            "gone_count": len(report.gone),
            "refused_count": len(report.refused),
            "imported_by": ws.user,
        },
    )
    # A site is near when the site itself or one of its cameras is.
    sites = _Sites(
        ws.db.execute(
            "SELECT id, lat, lon FROM sites WHERE deleted = 0 AND lat IS NOT NULL AND "
            "lon IS NOT NULL UNION ALL SELECT site_id, lat, lon FROM cameras WHERE deleted = 0 "
            "AND lat IS NOT NULL AND lon IS NOT NULL"
        ).fetchall()
    )
    cameras: list[dict[str, Any]] = []
    for outcome, unit in new:
        camera = dict(outcome.camera or {})
        site_id = sites.nearest(camera["lat"], camera["lon"])
        if site_id is None:
            site = outcome.site or {}
            site_id = ws.insert(
                "sites",
                {
                    "name": _site_name(outcome, inventory),
                    "category": site.get("category") or "other",
                    "address": site.get("address"),
                    "lat": camera["lat"],
                    "lon": camera["lon"],
                    "location_source": "inventory_import",
                    "unit_id": unit,
                },
            )
            sites.add(site_id, camera["lat"], camera["lon"])
            report.sites_created += 1
        else:
            report.sites_reused += 1
        camera["site_id"] = site_id
        camera["owner_unit_id"] = unit
        camera["import_id"] = report.import_id
        cameras.append(camera)
    total = len(inventory.rows)
    progress(total, total, _says(QT_TRANSLATE_NOOP("office", "Đang ghi camera")))
    report.camera_ids = ws.insert_many("cameras", cameras)
    for number, (camera_id, changed) in enumerate(updates):
        ws.update("cameras", camera_id, changed)
        report.updated_ids.append(camera_id)
        if number % 500 == 0 and cancel():
            raise Cancelled
    if cancel():
        raise Cancelled  # the transaction rolls back: nothing of the inventory is kept
    report.imported = len(report.camera_ids) + len(report.updated_ids) + report.unchanged
