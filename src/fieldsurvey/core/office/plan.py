"""The city camera plan (phương án tổng thể): for every need, what serves it — an existing camera
reused, connected to a centre or upgraded, or a new camera — as plan items the supervisor
accepts, edits or rejects. Plan 67/KH-UBND asks to use what exists to the full ("tận dụng tối
đa") and to avoid duplicates ("tránh trùng lắp"), so ``propose`` looks at existing cameras first
and places new ones only where none serves.

**Detail bands.** Whether a camera serves a need depends on how much detail it gives there: the
pixels per metre (px/m) across its picture at that distance, horizontal pixels / scene width,
the scene width being 2 · distance · tan(field of view / 2). The bands are the DORI levels of
IEC 62676-4:2014 (Video surveillance systems for use in security applications — Part 4:
Application guidelines): identify ≥ 250 px/m, recognise ≥ 125, observe ≥ 62 (62.5 in the
standard), detect ≥ 25. Pictures are taken as 16:9 (the horizontal pixels of a resolution in
megapixels); a camera without a recorded resolution is taken as ``ASSUMED_RESOLUTION_MP``, and
the reason says so. A camera also sees no further than its type's range (core/views.py), and
one whose direction is not recorded (and that does not turn) is never proposed: nothing says it
looks at the need. A need asks for the band it names, else the one its use implies
(``required_band``: reading number plates or faces needs identify; traffic alone, observe).

**Existing cameras first.** For each need not yet decided (no proposed or accepted item lists
it), every existing camera that sees it is a candidate: *reuse* when it gives the band, works
and is connected to the city centre or the police; *connect* when only the connection is
missing; *upgrade* when it is degraded or not working (repair), lacks the need's AI functions,
or gives too little detail but would give enough at ``UPGRADE_RESOLUTION_MP`` (resolution). The
best candidate is chosen (reuse, then connect, then upgrade; then the cheapest, then one already
chosen for another need, then the nearest), and one item per camera lists every need it serves.

**New cameras: a greedy set cover.** Each need still unserved gives candidate positions: on
``BEARINGS`` sides of the need, at half the distance at which a new camera still gives its band,
looking at it. A candidate covers every unserved need inside its cone at the band that need
asks for. The candidate covering most needs (then the highest priorities) is placed, its needs
are served, and the others' counts go down (lazy greedy, ln n of the optimum at worst). A
candidate inside the cone of a camera already proposed, or whose cone holds one, is never placed:
two new cameras never look at each other's place (no duplicate proposals). A need for which no
candidate fits is left undecided and counted, for the supervisor to place by hand.

Costs are the office's estimate (``COST_VND``, the supervisor edits each item); the phase follows
the needs' highest priority (high: 1, medium: 2, low: 3).
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.geo import METRES_PER_DEGREE, bearing_and_distance, destination
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.coverage import Camera, cameras_with_position, covers
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancel, Cancelled, Progress, never_cancelled, no_progress
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW, LONGEST_RANGE_M, view_range_m

# Pixels per metre each band needs (IEC 62676-4:2014, DORI), highest first.
BANDS: Final = {"identify": 250.0, "recognise": 125.0, "observe": 62.0, "detect": 25.0}
_RANK: Final = {band: rank for rank, band in enumerate(reversed(BANDS))}  # detect 0 … identify 3
ASPECT: Final = 16 / 9
ASSUMED_RESOLUTION_MP: Final = 2.0
UPGRADE_RESOLUTION_MP: Final = 8.0
# A proposed new camera: 4 MP, 60° (30° where faces or plates must be identified), on a pole.
NEW_RESOLUTION_MP: Final = 4.0
NEW_FIELD_OF_VIEW: Final = {"identify": 30.0}
NEW_MOUNT: Final = "pole"
BEARINGS: Final = 8
STANDOFF: Final = 0.5
DECISIONS: Final = ("reuse", "connect", "upgrade", "new")
CONNECTED: Final = frozenset({"connected_city_centre", "connected_police"})
NEEDS_REPAIR: Final = frozenset({"degraded", "not_working"})
COST_VND: Final = {
    "new": 45_000_000,
    "connect": 12_000_000,
    "resolution": 25_000_000,
    "night_vision": 8_000_000,
    "ai_function": 15_000_000,
    "repair": 7_000_000,
}
PHASE_OF_PRIORITY: Final = {"high": 1, "medium": 2, "low": 3}
_PRIORITY_WEIGHT: Final = {"high": 3, "medium": 2, "low": 1}
_PLATES_OR_FACES: Final = frozenset({"alpr", "face_recognition"})


def _says(template: str, **params: Any) -> str:
    """A reason, stored in the office's language (a plan item is a record like any other)."""
    return Message("plan", template, params).text("vi")


def _band_label(band: str | None) -> str:
    return "-" if band is None else vocabulary.label("detail_band", band)


# -- detail --------------------------------------------------------------------------------------


def pixels_per_metre(resolution_mp: float, field_of_view: float, distance_m: float) -> float:
    """Horizontal pixels per metre of scene at ``distance_m`` (16:9 picture)."""
    pixels = math.sqrt(resolution_mp * 1e6 * ASPECT)
    distance = max(distance_m, 1.0)
    angle = math.radians(min(field_of_view, 360.0))
    # Wide lenses: the scene is the arc, not the (unbounded) tangent plane.
    width = 2 * distance * math.tan(angle / 2) if field_of_view < 150 else distance * angle
    return pixels / width


def band_at(resolution_mp: float, field_of_view: float, distance_m: float) -> str | None:
    """The highest band a camera gives at this distance, or None below detect."""
    ppm = pixels_per_metre(resolution_mp, field_of_view, distance_m)
    return next((band for band, needed in BANDS.items() if ppm >= needed), None)


def reach_m(resolution_mp: float, field_of_view: float, band: str) -> float:
    """How far a camera still gives ``band`` (narrow lenses; wide ones by the arc)."""
    pixels = math.sqrt(resolution_mp * 1e6 * ASPECT)
    angle = math.radians(min(field_of_view, 360.0))
    per_metre = 2 * math.tan(angle / 2) if field_of_view < 150 else angle
    return pixels / (BANDS[band] * per_metre)


def gives(band: str | None, wanted: str) -> bool:
    return band is not None and _RANK[band] >= _RANK[wanted]


def required_band(
    detail_band: str | None,
    purposes: Iterable[str],
    ai_functions: Iterable[str],
    camera_type: str | None,
) -> str:
    """The band a need asks for: the one it names, else plates or faces → identify, traffic
    alone → observe, anything else → recognise."""
    if detail_band in BANDS:
        return str(detail_band)
    if _PLATES_OR_FACES & set(ai_functions) or camera_type == "alpr":
        return "identify"
    wanted = set(purposes)
    if wanted and wanted <= {"traffic_management"}:
        return "observe"
    return "recognise"


# -- what is read ----------------------------------------------------------------------------------


@dataclass
class _Need:
    id: str
    lat: float
    lon: float
    band: str
    purposes: tuple[str, ...]
    ai_functions: frozenset[str]
    camera_type: str | None
    priority: str | None
    unit_id: str | None


@dataclass
class _Item:
    """A plan item being proposed (or an existing one that gains needs)."""

    decision: str
    needs: list[str]
    camera_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    direction: float | None = None
    field_of_view: float | None = None
    camera_type: str | None = None
    resolution_mp: float | None = None
    upgrades: set[str] = field(default_factory=set)
    band: str = "detect"
    reasons: list[str] = field(default_factory=list)
    unit_id: str | None = None
    purposes: set[str] = field(default_factory=set)
    ai_functions: set[str] = field(default_factory=set)
    priorities: list[str] = field(default_factory=list)
    existing_id: str | None = None


def read_needs(db: sqlite_utils.Database, where: tuple[str, Sequence[Any]] | None) -> list[_Need]:
    """Live needs with a place (their own, else their site's), ``where`` on ``n`` and ``s``."""
    sql, params = where or ("n.deleted = 0", [])
    rows = db.execute(
        "SELECT n.id, coalesce(n.lat, s.lat), coalesce(n.lon, s.lon), n.detail_band, "
        "n.purposes, n.ai_functions, n.camera_type, n.priority, s.unit_id "
        f"FROM needs AS n JOIN sites AS s ON s.id = n.site_id WHERE n.deleted = 0 AND ({sql}) "
        "ORDER BY n.id",
        list(params),
    ).fetchall()
    out = []
    for nid, lat, lon, band, purposes, ai, ctype, priority, unit in rows:
        if lat is None or lon is None:
            continue
        purpose_list = tuple(_list(purposes))
        ai_set = frozenset(_list(ai))
        out.append(
            _Need(
                nid,
                lat,
                lon,
                required_band(band, purpose_list, ai_set, ctype),
                purpose_list,
                ai_set,
                ctype,
                priority,
                unit,
            )
        )
    return out


@dataclass(frozen=True)
class _Existing:
    id: str
    decision: str
    needs: tuple[str, ...]
    camera_id: str | None
    state: str
    lat: float | None
    lon: float | None
    direction: float | None
    field_of_view: float | None
    camera_type: str | None


def _items(db: sqlite_utils.Database) -> list[_Existing]:
    return [
        _Existing(r[0], r[1], tuple(json.loads(r[2] or "[]")), *r[3:])
        for r in db.execute(
            "SELECT id, decision, need_ids, camera_id, state, lat, lon, direction, "
            "field_of_view, camera_type FROM plan_items WHERE deleted = 0"
        )
    ]


# -- existing cameras ------------------------------------------------------------------------------


def _view_width(camera: Camera, bearing: float) -> float:
    """The field of view of the camera's view that holds ``bearing`` (any view for all-round
    cameras, the default when none is recorded)."""
    for direction, width in camera.views:
        if abs((bearing - direction + 180) % 360 - 180) <= width / 2:
            return width
    return camera.views[0][1] if camera.views else DEFAULT_FIELD_OF_VIEW


def _judge(camera: Camera, need: _Need) -> _Item | None:
    """What the camera can do for the need: reuse, connect or upgrade (None: it cannot serve)."""
    bearing, distance = bearing_and_distance(camera.lat, camera.lon, need.lat, need.lon)
    if covers(camera, bearing, distance) is not True:  # not in view, or direction unknown
        return None
    width = _view_width(camera, bearing)
    resolution = camera.resolution_mp or ASSUMED_RESOLUTION_MP
    band = band_at(resolution, width, distance)
    upgrades: set[str] = set()
    reasons = [
        _says(
            QT_TRANSLATE_NOOP("plan", "camera cách {distance} m, nơi cần nằm trong góc nhìn"),
            distance=round(distance),
        )
    ]
    if camera.resolution_mp is None:
        reasons.append(
            _says(
                QT_TRANSLATE_NOOP("plan", "độ phân giải chưa ghi, coi là {mp} MP"),
                mp=ASSUMED_RESOLUTION_MP,
            )
        )
    if not gives(band, need.band):
        if not gives(band_at(UPGRADE_RESOLUTION_MP, width, distance), need.band):
            return None
        upgrades.add("resolution")
        reasons.append(
            _says(
                QT_TRANSLATE_NOOP("plan", "cần {wanted}, hiện {band}: nâng lên {mp} MP"),
                wanted=_band_label(need.band),
                band=_band_label(band),
                mp=UPGRADE_RESOLUTION_MP,
            )
        )
    else:
        reasons.append(
            _says(QT_TRANSLATE_NOOP("plan", "đạt mức {band}"), band=_band_label(need.band))
        )
    if camera.condition in NEEDS_REPAIR:
        upgrades.add("repair")
    missing_ai = need.ai_functions - camera.ai_functions
    if missing_ai:
        upgrades.add("ai_function")
    if upgrades:
        decision = "upgrade"
    elif camera.connectivity not in CONNECTED:
        decision = "connect"
    else:
        decision = "reuse"
    return _Item(
        decision,
        [need.id],
        camera_id=camera.id,
        lat=camera.lat,
        lon=camera.lon,
        camera_type=camera.camera_type,
        resolution_mp=camera.resolution_mp,
        upgrades=upgrades,
        band=need.band,
        reasons=reasons,
        unit_id=camera.owner,
        ai_functions=set(missing_ai),
        priorities=[need.priority or "low"],
    )


def camera_grid(cameras: Iterable[Camera]) -> Callable[[_Need], Iterator[Camera]]:
    """The cameras near a need (its grid cell and the eight around it, cells as wide as the
    longest view range): a need is never judged against the whole city."""
    cell = LONGEST_RANGE_M / METRES_PER_DEGREE
    grid: dict[tuple[int, int], list[Camera]] = defaultdict(list)
    for camera in cameras:
        grid[(int(camera.lat // cell), int(camera.lon // cell))].append(camera)

    def nearby(need: _Need) -> Iterator[Camera]:
        row, col = int(need.lat // cell), int(need.lon // cell)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                yield from grid.get((row + dr, col + dc), ())

    return nearby


def existing_choices(
    nearby: Callable[[_Need], Iterable[Camera]],
    needs: Sequence[_Need],
    refused: Container[tuple[str, str]] = frozenset(),
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> dict[str, _Item]:
    """For each need an existing camera serves, the best such camera's item (by need id);
    ``nearby(need)``: the cameras to judge for it (``camera_grid``)."""
    chosen: dict[str, _Item] = {}
    used: set[str] = set()
    for number, need in enumerate(needs):
        if number % 500 == 0:
            if cancel():
                raise Cancelled()
            progress(number, len(needs), Message("plan", _STEP_EXISTING, {}))
        best: tuple[Any, ...] | None = None
        for camera in nearby(need):
            if (need.id, camera.id) in refused:
                continue
            item = _judge(camera, need)
            if item is None:
                continue
            key = (
                DECISIONS.index(item.decision),
                _cost(item),
                camera.id not in used,
                bearing_and_distance(camera.lat, camera.lon, need.lat, need.lon)[1],
                camera.id,
            )
            if best is None or key < best[0]:
                best = (key, item)
        if best is not None:
            chosen[need.id] = best[1]
            used.add(best[1].camera_id or "")
    return chosen


_STEP_EXISTING = QT_TRANSLATE_NOOP("plan", "Xét camera hiện có…")
_STEP_NEW = QT_TRANSLATE_NOOP("plan", "Bố trí camera mới…")


def _group_by_camera(chosen: dict[str, _Item]) -> dict[str, _Item]:
    """One item per camera, with every need it serves and the strongest decision among them."""
    out: dict[str, _Item] = {}
    for item in chosen.values():
        camera_id = item.camera_id or ""
        have = out.get(camera_id)
        if have is None:
            out[camera_id] = item
            continue
        have.needs.extend(item.needs)
        have.upgrades |= item.upgrades
        have.ai_functions |= item.ai_functions
        have.priorities.extend(item.priorities)
        if DECISIONS.index(item.decision) > DECISIONS.index(have.decision):
            have.decision = item.decision
        if _RANK[item.band] > _RANK[have.band]:
            have.band = item.band
    return out


# -- new cameras ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cone:
    """Where a camera stands and what it looks at."""

    lat: float
    lon: float
    direction: float
    field_of_view: float
    range_m: float

    def holds(self, lat: float, lon: float) -> bool:
        bearing, distance = bearing_and_distance(self.lat, self.lon, lat, lon)
        if distance < 1:
            return True
        return distance <= self.range_m and (
            abs((bearing - self.direction + 180) % 360 - 180) <= self.field_of_view / 2
        )


def overlapping(a: Cone, b: Cone) -> bool:
    """Whether either camera stands inside the other's cone."""
    return a.holds(b.lat, b.lon) or b.holds(a.lat, a.lon)


def _new_type(need: _Need) -> str:
    if need.band == "identify" and ("alpr" in need.ai_functions or need.camera_type == "alpr"):
        return "alpr"
    if need.camera_type in {"fixed", "dome", "thermal"}:
        return str(need.camera_type)
    return "fixed"


@dataclass
class _Candidate:
    cone: Cone
    camera_type: str
    covers: list[int]  # indexes into the unserved needs


def _candidates(needs: Sequence[_Need], bearings: int, standoff: float) -> list[_Candidate]:
    cell = LONGEST_RANGE_M / METRES_PER_DEGREE
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, need in enumerate(needs):
        grid[(int(need.lat // cell), int(need.lon // cell))].append(index)
    out = []
    for need in needs:
        camera_type = _new_type(need)
        width = NEW_FIELD_OF_VIEW.get(need.band, DEFAULT_FIELD_OF_VIEW)
        reach = min(view_range_m(camera_type), reach_m(NEW_RESOLUTION_MP, width, need.band))
        for step in range(bearings):
            side = step * 360 / bearings
            lat, lon = destination(need.lat, need.lon, standoff * reach, side)
            cone = Cone(lat, lon, (side + 180) % 360, width, view_range_m(camera_type))
            row, col = int(lat // cell), int(lon // cell)
            seen = []
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    for other in grid.get((row + dr, col + dc), ()):
                        target = needs[other]
                        if not cone.holds(target.lat, target.lon):
                            continue
                        distance = bearing_and_distance(lat, lon, target.lat, target.lon)[1]
                        if gives(band_at(NEW_RESOLUTION_MP, width, distance), target.band):
                            seen.append(other)
            out.append(_Candidate(cone, camera_type, seen))
    return out


class _Placed:
    """The cones of new cameras already proposed, on a grid, to test overlaps near by."""

    def __init__(self, cones: Iterable[Cone]) -> None:
        self.cell = LONGEST_RANGE_M / METRES_PER_DEGREE
        self.grid: dict[tuple[int, int], list[Cone]] = defaultdict(list)
        for cone in cones:
            self.add(cone)

    def add(self, cone: Cone) -> None:
        self.grid[(int(cone.lat // self.cell), int(cone.lon // self.cell))].append(cone)

    def clashes(self, cone: Cone) -> bool:
        row, col = int(cone.lat // self.cell), int(cone.lon // self.cell)
        return any(
            overlapping(cone, other)
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for other in self.grid.get((row + dr, col + dc), ())
        )


def _place_new(
    needs: Sequence[_Need], placed: _Placed, progress: Progress, cancel: Cancel
) -> tuple[list[_Item], list[str]]:
    """New cameras for the needs (greedy set cover); and the needs none could be placed for."""
    served = [False] * len(needs)
    items: list[_Item] = []
    # Tried first on 8 sides at half the reach; a need left over tries 16 sides, nearer and further.
    for bearings, standoff in ((BEARINGS, STANDOFF), (16, 0.3), (16, 0.75)):
        pending = [i for i, done in enumerate(served) if not done]
        if not pending:
            break
        subset = [needs[i] for i in pending]
        candidates = _candidates(subset, bearings, standoff)
        heap = []
        for number, candidate in enumerate(candidates):
            weight = sum(
                _PRIORITY_WEIGHT.get(subset[i].priority or "", 1) for i in candidate.covers
            )
            heap.append((-len(candidate.covers), -weight, number))
        heapq.heapify(heap)
        while heap:
            if cancel():
                raise Cancelled()
            gain, weight, number = heapq.heappop(heap)
            candidate = candidates[number]
            live = [i for i in candidate.covers if not served[pending[i]]]
            if not live:
                continue
            if len(live) < -gain:
                candidate.covers = live
                live_weight = sum(_PRIORITY_WEIGHT.get(subset[i].priority or "", 1) for i in live)
                heapq.heappush(heap, (-len(live), -live_weight, number))
                continue
            if placed.clashes(candidate.cone):
                continue
            placed.add(candidate.cone)
            for i in live:
                served[pending[i]] = True
            items.append(_new_item(candidate, [subset[i] for i in live]))
            if len(items) % 200 == 0:
                progress(sum(served), len(needs), Message("plan", _STEP_NEW, {}))
    return items, [need.id for need, done in zip(needs, served, strict=True) if not done]


def _new_item(candidate: _Candidate, served: Sequence[_Need]) -> _Item:
    cone = candidate.cone
    band = max((need.band for need in served), key=_RANK.__getitem__)
    farthest = max(
        bearing_and_distance(cone.lat, cone.lon, need.lat, need.lon)[1] for need in served
    )
    units = Counter(need.unit_id for need in served if need.unit_id)
    return _Item(
        "new",
        [need.id for need in served],
        lat=cone.lat,
        lon=cone.lon,
        direction=round(cone.direction, 1),
        field_of_view=cone.field_of_view,
        camera_type=candidate.camera_type,
        resolution_mp=NEW_RESOLUTION_MP,
        band=band,
        reasons=[
            _says(
                QT_TRANSLATE_NOOP(
                    "plan",
                    "chưa camera nào thấy nơi cần ở mức {band}; một camera mới phục vụ {count} "
                    "nhu cầu, xa nhất {distance} m",
                ),
                band=_band_label(band),
                count=len(served),
                distance=round(farthest),
            )
        ],
        unit_id=units.most_common(1)[0][0] if units else None,
        purposes={p for need in served for p in need.purposes},
        ai_functions={a for need in served for a in need.ai_functions},
        priorities=[need.priority or "low" for need in served],
    )


# -- proposing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """What ``propose`` did: items written by decision, needs served, needs left to place."""

    written: dict[str, int]
    extended: int
    needs_served: int
    needs_left: tuple[str, ...]


def _cost(item: _Item) -> int:
    if item.decision == "new":
        return COST_VND["new"] + (COST_VND["ai_function"] if item.ai_functions else 0)
    if item.decision == "connect":
        return COST_VND["connect"]
    return sum(COST_VND[u] for u in item.upgrades)


def _row(item: _Item) -> dict[str, Any]:
    phase = min(PHASE_OF_PRIORITY.get(p, 3) for p in item.priorities) if item.priorities else 3
    row: dict[str, Any] = {
        "decision": item.decision,
        "need_ids": sorted(item.needs),
        "camera_id": item.camera_id,
        "lat": item.lat,
        "lon": item.lon,
        "direction": item.direction,
        "field_of_view": item.field_of_view,
        "camera_type": item.camera_type,
        "resolution_mp": UPGRADE_RESOLUTION_MP
        if "resolution" in item.upgrades
        else item.resolution_mp,
        "upgrades": sorted(item.upgrades),
        "detail_band": item.band,
        "ai_functions": sorted(item.ai_functions),
        "purposes": sorted(item.purposes),
        "reason": "; ".join(dict.fromkeys(item.reasons))[:2000],
        "responsible_unit_id": item.unit_id,
        "estimated_cost_vnd": _cost(item),
        "phase": phase,
        "state": "proposed",
    }
    if item.decision == "new":
        row.update(mount=NEW_MOUNT, night_vision=True)
    return row


def propose(
    ws: Workspace,
    *,
    where: tuple[str, Sequence[Any]] | None = None,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancelled,
) -> Proposal:
    """Propose plan items for every need not yet decided (``where``: an SQL condition on need
    ``n`` and its site ``s`` with its parameters, as reports/filters.need_filter gives it).

    A need is decided when a proposed or accepted item lists it. A camera a rejected item had
    proposed for a need is not proposed for it again. A camera that already has an item gains
    the need (its decision made stronger when needed, and proposed again if it had been
    accepted). Cancelling writes nothing."""
    items = _items(ws.db)
    decided = {n for item in items if item.state != "rejected" for n in item.needs}
    refused = {
        (n, item.camera_id)
        for item in items
        if item.state == "rejected" and item.camera_id
        for n in item.needs
    }
    needs = [need for need in read_needs(ws.db, where) if need.id not in decided]
    nearby = camera_grid(cameras_with_position(ws.db))
    chosen = existing_choices(nearby, needs, refused, progress, cancel)
    by_camera = _group_by_camera(chosen)
    live_by_camera = {
        item.camera_id: item for item in items if item.state != "rejected" and item.camera_id
    }
    unserved = [need for need in needs if need.id not in chosen]
    placed = _Placed(
        Cone(
            item.lat,
            item.lon,
            item.direction,
            item.field_of_view or DEFAULT_FIELD_OF_VIEW,
            view_range_m(item.camera_type),
        )
        for item in items
        if item.decision == "new"
        and item.state != "rejected"
        and item.lat is not None
        and item.lon is not None
        and item.direction is not None
    )
    new_items, left = _place_new(unserved, placed, progress, cancel)
    if cancel():
        raise Cancelled()
    written: Counter[str] = Counter()
    extended = 0
    with ws.transaction():
        rows = []
        for camera_id, item in by_camera.items():
            have = live_by_camera.get(camera_id)
            if have is None:
                rows.append(_row(item))
                continue
            changes: dict[str, Any] = {"need_ids": sorted({*have.needs, *item.needs})}
            if DECISIONS.index(item.decision) > DECISIONS.index(have.decision):
                changes["decision"] = item.decision
                changes["upgrades"] = sorted(item.upgrades)
                changes["estimated_cost_vnd"] = _cost(item)
                changes["state"] = "proposed"
            ws.update("plan_items", have.id, changes)
            extended += 1
        rows.extend(_row(item) for item in new_items)
        ws.insert_many("plan_items", rows, check_refs=False)
        written.update(row["decision"] for row in rows)
    return Proposal(
        {d: written[d] for d in DECISIONS},
        extended,
        len(chosen) + sum(len(item.needs) for item in new_items),
        tuple(left),
    )


# -- the plan as it stands -------------------------------------------------------------------------

STATES: Final = ("proposed", "accepted", "rejected")


def _list(raw: str | None) -> list[Any]:
    """A stored JSON list; most are empty, and read without the parser (a city plan has
    80,000 of them)."""
    return [] if not raw or raw == "[]" else list(json.loads(raw))


def plan_items(db: sqlite_utils.Database, *, states: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The live plan items (of ``states`` if given), as plain values: lists decoded."""
    sql = (
        "SELECT id, decision, need_ids, camera_id, lat, lon, commune_code, direction, "
        "field_of_view, camera_type, mount, resolution_mp, night_vision, ai_functions, purposes, "
        "upgrades, detail_band, reason, responsible_unit_id, estimated_cost_vnd, phase, state, "
        "decided_by, notes FROM plan_items WHERE deleted = 0"
    )
    params: list[Any] = []
    if states:
        sql += f" AND state IN ({', '.join('?' * len(states))})"
        params.extend(states)
    out = []
    for row in db.execute(sql + " ORDER BY phase, decision, id", params):
        (
            item_id,
            decision,
            needs,
            camera_id,
            lat,
            lon,
            commune,
            direction,
            fov,
            ctype,
            mount,
            resolution,
            night,
            ai,
            purposes,
            upgrades,
            band,
            reason,
            unit,
            cost,
            phase,
            state,
            decided_by,
            notes,
        ) = row
        out.append(
            {
                "id": item_id,
                "decision": decision,
                "needs": _list(needs),
                "camera_id": camera_id,
                "lat": lat,
                "lon": lon,
                "commune_code": commune,
                "direction": direction,
                "field_of_view": fov,
                "camera_type": ctype,
                "mount": mount,
                "resolution_mp": resolution,
                "night_vision": None if night is None else bool(night),
                "ai_functions": _list(ai),
                "purposes": _list(purposes),
                "upgrades": _list(upgrades),
                "detail_band": band,
                "reason": reason,
                "responsible_unit_id": unit,
                "cost": cost,
                "phase": phase,
                "state": state,
                "decided_by": decided_by,
                "notes": notes,
            }
        )
    return out


def decide(ws: Workspace, item_ids: Iterable[str], state: str) -> int:
    """Accept or reject plan items (or put them back to proposed), recording who decided;
    returns how many changed. Unknown ids are refused before anything is written."""
    if state not in STATES:
        raise ValueError(state)
    ids = list(dict.fromkeys(item_ids))
    changed = 0
    with ws.transaction():
        for item_id in ids:
            ws.get("plan_items", item_id)  # refuses an unknown or deleted item
        for item_id in ids:
            changed += ws.update(
                "plan_items", item_id, {"state": state, "decided_by": ws.user or None}
            )
    return changed


def totals(
    db: sqlite_utils.Database, *, states: Sequence[str] = ("proposed", "accepted")
) -> dict[str, Any]:
    """The plan's figures for the items in ``states``, added up in SQL: items and cost by
    decision, and by commune, responsible unit, purpose and phase; the needs served."""
    where = f"deleted = 0 AND state IN ({', '.join('?' * len(states))})"
    params = list(states)

    def grouped(column: str, source: str = "plan_items") -> dict[Any, dict[str, int]]:
        return {
            key: {"items": n, "cost": cost or 0}
            for key, n, cost in db.execute(
                f"SELECT {column}, count(*), sum(estimated_cost_vnd) FROM {source} "
                f"WHERE {where} GROUP BY 1",
                params,
            )
        }

    found = grouped("decision")
    by_decision = {d: found.get(d, {"items": 0, "cost": 0}) for d in DECISIONS}
    purposes = grouped(
        "j.value", "plan_items LEFT JOIN json_each(plan_items.purposes) AS j"
    )  # an item without purposes counts under None
    needs_served = db.execute(
        f"SELECT count(DISTINCT j.value) FROM plan_items, json_each(plan_items.need_ids) AS j "
        f"WHERE {where}",
        params,
    ).fetchone()[0]
    return {
        "by_decision": by_decision,
        "items": sum(v["items"] for v in by_decision.values()),
        "cost": sum(v["cost"] for v in by_decision.values()),
        "needs_served": needs_served,
        "commune": grouped("commune_code"),
        "unit": grouped("responsible_unit_id"),
        "purpose": purposes,
        "phase": grouped("phase"),
    }


def overview(db: sqlite_utils.Database) -> dict[str, Any]:
    """What the plan screen shows: every live item (the columns of its table; ``needs`` is the
    number served), the totals of the proposed and accepted ones, and the names of the communes
    and units they name. Read without decoding the items' lists: a city plan has 20,000."""
    items = [
        {
            "id": item_id,
            "decision": decision,
            "state": state,
            "needs": needs,
            "commune_code": commune,
            "responsible_unit_id": unit,
            "phase": phase,
            "cost": cost,
            "reason": reason,
            "lat": lat,
            "lon": lon,
        }
        for item_id, decision, state, needs, commune, unit, phase, cost, reason, lat, lon in (
            db.execute(
                "SELECT id, decision, state, json_array_length(need_ids), commune_code, "
                "responsible_unit_id, phase, estimated_cost_vnd, reason, lat, lon "
                "FROM plan_items WHERE deleted = 0 ORDER BY phase, decision, id"
            )
        )
    ]
    communes = {
        code: reference.commune_name(db, code) or code
        for code in {i["commune_code"] for i in items if i["commune_code"]}
    }
    units = {
        str(unit_id): str(name)
        for unit_id, name in db.execute("SELECT id, name FROM units WHERE deleted = 0")
    }
    return {"items": items, "totals": totals(db), "communes": communes, "units": units}
