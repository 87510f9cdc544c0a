"""Progress of the survey against the assignments: per assignment, per unit and per commune,
sites surveyed against those expected and records reviewed, against the due date; late work
flagged, and the list of units to chase.

What an assignment expects: its list of sites when it has one, else its target count. What
counts as surveyed:
- a listed site once something was recorded at it (a camera, a shortcoming or a need);
- for a target count, every live site of the assignment's unit in its communes (in any commune
  when it names none).
Records reviewed are those of the surveyed sites (the sites themselves and their cameras,
shortcomings and needs) whose review state is approved, needs revision or rejected.
Per commune, a target spread over several communes cannot be split, so only lists of sites and
single-commune targets count there; every assignment counts for its unit.

The list to chase has one row per unit: its late assignments and those due within a week,
summed, with the unit's contact and the day the office last reminded it. That day is a field of
the unit record (``reminded_on``), not a setting of this workspace: a reminder is the office's
record like an assignment, so it is in the history (who marked it, when) and reaches the other
office workspaces with the next package.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from fieldsurvey.core import reference
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.kinds import ReviewState
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store.workspace import Workspace

# Review states that mean the office has looked at a record ("received" means it has not yet).
REVIEWED = (ReviewState.APPROVED, ReviewState.NEEDS_REVISION, ReviewState.REJECTED)
# Open work due within this many days is on the list to chase as well as late work.
DUE_SOON_DAYS = 7
_CLOSED = ("done", "cancelled")


@dataclass
class _Site:
    commune: str | None
    unit: str | None
    attached: int = 0  # cameras, shortcomings and needs recorded at the site
    reviewed: int = 0  # of the site and those records
    approved: int = 0


def _sites(ws: Workspace) -> dict[str, _Site]:
    states = ", ".join(f"'{s}'" for s in REVIEWED)
    sites = {
        site_id: _Site(commune, unit, 0, int(state in REVIEWED), int(state == "approved"))
        for site_id, commune, unit, state in ws.db.execute(
            "SELECT id, commune_code, unit_id, review_state FROM sites WHERE deleted = 0"
        )
    }
    for table in ("cameras", "shortcomings", "needs"):
        for site_id, count, reviewed, approved in ws.db.execute(
            f"SELECT site_id, count(*), count(*) FILTER (WHERE review_state IN ({states})), "
            f"count(*) FILTER (WHERE review_state = 'approved') FROM {table} "
            "WHERE deleted = 0 GROUP BY site_id"
        ):
            site = sites.get(site_id)
            if site is not None:
                site.attached += count
                site.reviewed += reviewed
                site.approved += approved
    return sites


def _surveyed(
    unit_id: str, communes: list[str], listed: list[str], sites: dict[str, _Site]
) -> set[str]:
    """The sites an assignment counts as surveyed (see the module's opening comment)."""
    if listed:
        return {s for s in listed if s in sites and sites[s].attached}
    return {
        s
        for s, site in sites.items()
        if site.unit == unit_id and (not communes or site.commune in communes)
    }


def unit_sites(ws: Workspace) -> dict[str, set[str]]:
    """Each unit's surveyed sites over its assignments (cancelled ones aside), as progress counts
    them: the sites whose records are the unit's work."""
    sites = _sites(ws)
    out: dict[str, set[str]] = defaultdict(set)
    for unit_id, communes_text, sites_text in ws.db.execute(
        "SELECT unit_id, commune_codes, site_ids FROM assignments "
        "WHERE deleted = 0 AND coalesce(status, '') != 'cancelled'"
    ).fetchall():
        out[unit_id] |= _surveyed(
            unit_id, json.loads(communes_text or "[]"), json.loads(sites_text or "[]"), sites
        )
    return dict(out)


def _tally(site_ids: set[str], sites: dict[str, _Site]) -> dict[str, int]:
    return {
        "surveyed": len(site_ids),
        "records": sum(1 + sites[s].attached for s in site_ids),
        "reviewed": sum(sites[s].reviewed for s in site_ids),
        "approved": sum(sites[s].approved for s in site_ids),
    }


def _percent(done: int, expected: int | None) -> float | None:
    if not expected:
        return None
    return round(100 * min(done, expected) / expected, 1)


def _late(due: str | None, today: dt.date, done: int, expected: int | None, status: Any) -> bool:
    if due is None or status in _CLOSED:
        return False
    unfinished = expected is None or done < expected
    return unfinished and dt.date.fromisoformat(due) < today


def progress(ws: Workspace, today: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Progress as of ``today``: ``assignments``, ``units``, ``communes`` and ``chase`` (late
    work first, then open work due within a week), each a list of plain dicts."""
    sites = _sites(ws)
    commune_names = {c["code"]: c["name"] for c in reference.communes(ws.db)}
    units = {
        unit_id: (name, contact)
        for unit_id, name, contact in ws.db.execute("SELECT id, name, contact FROM units")
    }
    reminded = dict(ws.db.execute("SELECT id, reminded_on FROM units").fetchall())
    assignments: list[dict[str, Any]] = []
    per_commune: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"expected": 0, "sites": set(), "due_date": None, "open": False}
    )
    for row in ws.db.execute(
        "SELECT id, unit_id, commune_codes, site_ids, target_count, due_date, status "
        "FROM assignments WHERE deleted = 0 AND coalesce(status, '') != 'cancelled' "
        "ORDER BY due_date, rowid"
    ).fetchall():
        assignment_id, unit_id, communes_text, sites_text, target, due, status = row
        communes = json.loads(communes_text or "[]")
        listed = json.loads(sites_text or "[]")
        expected: int | None = len(listed) if listed else target
        surveyed = _surveyed(unit_id, communes, listed, sites)
        tally = _tally(surveyed, sites)
        name, contact = units.get(unit_id, (None, None))
        assignments.append(
            {
                "id": assignment_id,
                "unit_id": unit_id,
                "unit_name": name,
                "contact": contact,
                "communes": [{"code": c, "name": commune_names.get(c, c)} for c in communes],
                "status": status,
                "due_date": due,
                "days_left": None if due is None else (dt.date.fromisoformat(due) - today).days,
                "expected": expected,
                **tally,
                "percent": _percent(tally["surveyed"], expected),
                "late": _late(due, today, tally["surveyed"], expected, status),
            }
        )
        open_work = status not in _CLOSED
        if listed:
            places: dict[str, int] = defaultdict(int)
            for s in listed:
                if s in sites and sites[s].commune:
                    places[str(sites[s].commune)] += 1
        elif len(communes) == 1 and target is not None:
            places = {communes[0]: target}
        else:
            places = {}
        for code, count in places.items():
            entry = per_commune[code]
            entry["expected"] += count
            entry["sites"] |= {s for s in surveyed if sites[s].commune == code}
            if due is not None and open_work:
                entry["open"] = True
                entry["due_date"] = min(filter(None, [entry["due_date"], due]))
    return {
        "assignments": assignments,
        "units": _by_unit(assignments),
        "communes": [
            _commune_row(code, entry, commune_names, sites, today)
            for code, entry in sorted(
                per_commune.items(), key=lambda item: sort_key(commune_names.get(item[0], item[0]))
            )
        ],
        "chase": _chase(assignments, reminded),
    }


def _commune_row(
    code: str,
    entry: dict[str, Any],
    names: dict[str, str],
    sites: dict[str, _Site],
    today: dt.date,
) -> dict[str, Any]:
    tally = _tally(entry["sites"], sites)
    due = entry["due_date"] if entry["open"] else None
    return {
        "code": code,
        "name": names.get(code, code),
        "expected": entry["expected"],
        **tally,
        "percent": _percent(tally["surveyed"], entry["expected"]),
        "due_date": due,
        "late": _late(due, today, tally["surveyed"], entry["expected"], None),
    }


def _by_unit(assignments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in assignments:
        grouped[a["unit_id"]].append(a)
    out = []
    for unit_id, items in grouped.items():
        open_dues = [a["due_date"] for a in items if a["due_date"] and a["status"] not in _CLOSED]
        expected = [a["expected"] for a in items if a["expected"] is not None]
        totals = {
            key: sum(a[key] for a in items)
            for key in ("surveyed", "records", "reviewed", "approved")
        }
        out.append(
            {
                "unit_id": unit_id,
                "unit_name": items[0]["unit_name"],
                "contact": items[0]["contact"],
                "assignments": len(items),
                "expected": sum(expected) if expected else None,
                **totals,
                "percent": _percent(totals["surveyed"], sum(expected) if expected else None),
                "due_date": min(open_dues) if open_dues else None,
                "late": any(a["late"] for a in items),
                "late_assignments": sum(a["late"] for a in items),
            }
        )
    return sorted(
        out,
        key=lambda u: (not u["late"], u["due_date"] or "9999", sort_key(u["unit_name"] or "")),
    )


def _chased(assignments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Late assignments (most overdue first), then unfinished ones due within a week."""
    soon = [
        a
        for a in assignments
        if not a["late"]
        and a["status"] not in _CLOSED
        and a["days_left"] is not None
        and 0 <= a["days_left"] <= DUE_SOON_DAYS
        and (a["expected"] is None or a["surveyed"] < a["expected"])
    ]
    late = sorted((a for a in assignments if a["late"]), key=lambda a: a["days_left"])
    return [*late, *sorted(soon, key=lambda a: a["days_left"])]


def _chase(
    assignments: list[dict[str, Any]], reminded: dict[str, str | None]
) -> list[dict[str, Any]]:
    """One row per unit with work to chase, its chased assignments summed; units with late work
    first, the most overdue first, then those with work due soonest."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for a in _chased(assignments):
        grouped.setdefault(a["unit_id"], []).append(a)
    out = []
    for unit_id, items in grouped.items():
        expected = [a["expected"] for a in items if a["expected"] is not None]
        total = sum(expected) if expected else None
        totals = {
            key: sum(a[key] for a in items)
            for key in ("surveyed", "records", "reviewed", "approved")
        }
        communes: dict[str, dict[str, str]] = {}
        for a in items:
            communes.update({c["code"]: c for c in a["communes"]})
        days_left = min(a["days_left"] for a in items)
        out.append(
            {
                "unit_id": unit_id,
                "unit_name": items[0]["unit_name"],
                "contact": items[0]["contact"],
                "reminded_on": reminded.get(unit_id),
                "assignments": len(items),
                "assignment_ids": [a["id"] for a in items],
                "communes": list(communes.values()),
                "expected": total,
                **totals,
                "percent": _percent(totals["surveyed"], total),
                "due_date": min(a["due_date"] for a in items),
                "days_left": days_left,
                "days_late": max(0, -days_left),
                "late": any(a["late"] for a in items),
            }
        )
    return out


def lateness(days_left: int | None) -> Message | None:
    """How late work is, in words: "trễ 630 ngày", "đến hạn hôm nay", "còn 3 ngày"."""
    if days_left is None:
        return None
    if days_left < 0:
        return Message(
            "office", QT_TRANSLATE_NOOP("office", "trễ {days} ngày"), {"days": -days_left}
        )
    if days_left == 0:
        return Message("office", QT_TRANSLATE_NOOP("office", "đến hạn hôm nay"))
    return Message("office", QT_TRANSLATE_NOOP("office", "còn {days} ngày"), {"days": days_left})


def mark_reminded(ws: Workspace, unit_id: str, day: dt.date) -> None:
    """Keep ``day`` as the day the office reminded the unit of its work (the unit's
    ``reminded_on``, written like any edit of the unit: in the history, synced)."""
    with ws.transaction():
        ws.update("units", unit_id, {"reminded_on": day.isoformat()})
