"""Candidate duplicate cameras (trùng lắp) and the supervisor's "not a duplicate" decisions.
Sites are ``duplicate_sites.py``, photos that look alike ``duplicate_photos.py``, clusters of
pairs ``clusters.py``, merging ``merging.py``.

How two camera records are scored. Each piece of evidence adds to the log-odds that the two
records are one camera, and the score is that log-odds as a probability (0–1; the list shows
pairs from 0.5, that is, when the evidence for outweighs the evidence against):

* distance, allowing for the recorded GPS accuracy: two fixes of one camera scatter around it
  (a 2-D normal spread, σ from the accuracies, never below ``MIN_SIGMA_M``), so a pair a few
  metres apart starts for, and the evidence for falls with the square of the distance over σ
  (and a little with σ itself: a wide spread makes any one distance say less). Two records a
  few metres apart are proposed even when nothing else is known about them, and the reasons
  say so;
* view cones: overlapping cones count for, cones that share nothing count strongly against
  (two cameras of one pole looking different ways); the direction of a camera that turns or
  sees all round (PTZ, panoramic) is not compared at all;
* type and mount: the same for, different against; tilt and height, measured roughly, a little;
* references: the same reference of one owner counts strongly for. Different references count
  against only inside one source list (the inventory list a record came from, the owner's list
  imported again included, or else the device that recorded it): a list names each of its
  cameras once, so two references in it are two cameras; two lists number their cameras each
  their own way, so a new reference from another list says nothing;
* photos that look alike count for.

Then one camera of a list cannot be two cameras of another: pairs are taken best first, and a
pair whose record already matched, better, a camera of the other's list told apart from its
partner by its reference keeps only the odds that it rather than that match is right (a near
tie stays just above 0.5, shown for a supervisor to tell apart), with that reason. Cameras of a
building that look alike and stand a metre apart can be told apart by nothing else: their
records from two lists pair both ways, at scores near 0.5.

Measured (tests/core/office/test_duplicates.py): the 691 real OpenStreetMap cameras of
tests/data/inventory, whose positions the move into Hà Nội packs six to eight times closer, and
a copy of each from another list (moved by up to 6 m, each bearing turned by up to ±10°, a new
reference): 99 % of the copies are paired with their original, 83 % of the pairs listed are a
copy and its original, and no two real neighbours looking different ways are paired.

Cameras (and sites) are found through a grid of cells: only records in the same or a
neighbouring cell are ever compared, never all pairs.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import METRES_PER_DEGREE, offset_m
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message, Number
from fieldsurvey.core.office.duplicate_photos import PHOTO_HASH_DISTANCE, PhotoHashes
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold
from fieldsurvey.core.views import ALL_ROUND, view_cones, view_tilts
from fieldsurvey.core.vocabulary import Term

# Records further apart than this are never the same camera, whatever their GPS accuracy says.
MAX_RADIUS_M = 60.0
DEFAULT_ACCURACY_M = 10.0
# A recorded accuracy is about two standard deviations of one fix; two fixes of one camera also
# differ by where each person stood, so the spread is never taken below this.
MIN_SIGMA_M = 5.0
THRESHOLD = 0.5

# The evidence, in log-odds (see the module's docstring). Two records at the same spot start at
# NEARBY; one σ apart at NEARBY - 0.5, so "a few metres" is enough on its own.
NEARBY = 1.0
USUAL_SIGMA_M = math.hypot(DEFAULT_ACCURACY_M, DEFAULT_ACCURACY_M) / 2
CONES_APART = -3.0  # cones that share nothing: two cameras looking different ways
CONES_SHARED = 2.5  # times the cones' overlap (0–1), less CONES_BASE
CONES_BASE = 0.5
SAME_TYPE, OTHER_TYPE = 0.7, -1.2
SAME_MOUNT, OTHER_MOUNT = 0.5, -0.8
SAME_REF_OWNER, SAME_REF = 2.5, 1.0
OTHER_REF_ONE_LIST = -5.0  # two references in one list: two cameras
OTHER_NAME_ONE_LIST = -1.0
LOOK_ALIKE = 1.5
# Tilt and height are measured roughly: close agrees a little, far apart disagrees.
SAME_TILT, OTHER_TILT, TILT_APART = 0.3, -1.0, 15.0
SAME_HEIGHT, OTHER_HEIGHT, HEIGHT_APART = 0.3, -1.0, 2.0
# A pair whose record matched a different camera of the other's list better keeps the odds that
# it rather than that match is right, plus this: a near tie is still shown (about 57 %).
TIE_ALLOWANCE = 0.3

log = logging.getLogger(__name__)

_POLES = frozenset({"pole", "street_lamp", "traffic_signals", "gantry"})

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Camera:
    id: str
    ref: str | None
    name: str | None
    lat: float
    lon: float
    accuracy: float
    site_id: str
    camera_type: str | None
    mount: str | None
    owner: str | None
    views: tuple[tuple[float, float], ...]  # (direction, field of view)
    tilts: tuple[float, ...] = ()
    height: float | None = None
    # The list it came from: ("list", owner unit) or ("file", file name) of its inventory import,
    # else ("device", the device that recorded it); None when the workspace cannot tell.
    source: tuple[str, str] | None = None


def _table_exists(db: sqlite_utils.Database, name: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", [name]
    )
    return row.fetchone() is not None


def _cameras(db: sqlite_utils.Database, ids: Collection[str] | None = None) -> Iterator[_Camera]:
    """The cameras the finder compares (in place, with a position); ``ids``: only these."""
    imports = _table_exists(db, "inventory_imports")
    history = _table_exists(db, "changes")
    listed = "i.owner_unit_id, i.file_name" if imports else "NULL, NULL"
    recorded = (
        "(SELECT h.device_id FROM changes AS h WHERE h.table_name = 'cameras' AND "
        "h.record_id = c.id AND h.op = 'insert' LIMIT 1)"
        if history
        else "NULL"
    )
    joined = (
        "LEFT JOIN inventory_imports AS i ON i.id = c.import_id AND i.deleted = 0 "
        if imports
        else ""
    )
    rows = db.execute(
        "SELECT c.id, c.ref, c.name, c.lat, c.lon, c.location_accuracy_m, c.site_id, "
        f"c.camera_type, c.mount, c.owner_unit_id, c.views, c.height_m, {listed}, {recorded} "
        f"FROM cameras AS c {joined}WHERE c.deleted = 0 AND c.lat IS NOT NULL AND "
        "c.lon IS NOT NULL AND coalesce(c.condition, '') != 'removed'"
        + ("" if ids is None else f" AND c.id IN ({', '.join('?' * len(ids))})"),
        [] if ids is None else list(ids),
    )
    for cid, ref, name, lat, lon, accuracy, site, ctype, mount, owner, views, height, *src in rows:
        list_owner, file_name, device = src
        source: tuple[str, str] | None = None
        if list_owner is not None:
            source = ("list", list_owner)
        elif file_name is not None:
            source = ("file", file_name)
        elif device is not None:
            source = ("device", device)
        yield _Camera(
            cid,
            ref,
            name,
            lat,
            lon,
            accuracy or DEFAULT_ACCURACY_M,
            site,
            ctype,
            mount,
            owner,
            view_cones(views),
            tilts=view_tilts(views),
            height=height,
            source=source,
        )


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return math.hypot(*offset_m(lat1, lon1, lat2, lon2))


def _arc_overlap(start1: float, width1: float, start2: float, width2: float) -> float:
    """Degrees shared by two arcs of the compass, each from ``start`` clockwise by ``width``."""
    if width1 >= 360 or width2 >= 360:
        return min(width1, width2, 360.0)
    offset = (start2 - start1) % 360
    shared = max(0.0, min(width1, offset + width2) - offset)
    # The second arc may also wrap past north into the start of the first.
    shared += max(0.0, min(width1, offset + width2 - 360))
    return min(shared, width1, width2)


def cone_overlap(a: Iterable[tuple[float, float]], b: Iterable[tuple[float, float]]) -> float:
    """How much two cameras' view cones overlap (0–1): the best intersection-over-union of one
    view of each, each view a (direction, field of view) sector."""
    best = 0.0
    for dir_a, fov_a in a:
        for dir_b, fov_b in b:
            wa, wb = min(fov_a, 360.0), min(fov_b, 360.0)
            shared = _arc_overlap(dir_a - wa / 2, wa, dir_b - wb / 2, wb)
            union = wa + wb - shared
            if union > 0:
                best = max(best, shared / union)
    return best


def _grid(items: Iterable[_T], cell_m: float, position: Any) -> dict[tuple[int, int], list[_T]]:
    cell = cell_m / METRES_PER_DEGREE
    grid: dict[tuple[int, int], list[_T]] = defaultdict(list)
    for item in items:
        lat, lon = position(item)
        grid[(int(lat // cell), int(lon // cell))].append(item)
    return grid


def _neighbour_pairs(
    grid: Mapping[tuple[int, int], list[_T]], key: Any, involving: Collection[str] | None
) -> Iterator[tuple[_T, _T]]:
    """Every pair of items in the same or neighbouring cells, each pair once (the smaller key
    first). With ``involving``, only pairs of which at least one item is named there."""
    # A pair is made from the cell of its smaller key, which may be the neighbour of the cell
    # holding the involved item: every cell next to an involved item is visited.
    near_involved: set[tuple[int, int]] | None = None
    if involving is not None:
        near_involved = {
            (row + dr, col + dc)
            for (row, col), members in grid.items()
            if any(key(m) in involving for m in members)
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
        }
    for (row, col), members in grid.items():
        if near_involved is not None and (row, col) not in near_involved:
            continue
        neighbours = [
            c for dr in (-1, 0, 1) for dc in (-1, 0, 1) for c in grid.get((row + dr, col + dc), ())
        ]
        for a in members:
            ka = key(a)
            a_involved = involving is None or ka in involving
            for b in neighbours:
                kb = key(b)
                if ka >= kb:
                    continue  # each pair once
                if a_involved or kb in involving:  # type: ignore[operator]
                    yield a, b


def _says(template: str, params: Mapping[str, Any] | None = None) -> Message:
    """A reason or a refusal of the duplicate finder, filed under the office's messages."""
    return Message("office", template, params or {})


# A reason not yet made a message: (template, params), a (code list, code) parameter said as
# the code's label (vocabulary.Term).
_Reason = tuple[str, Mapping[str, Any] | None]


def _message(reason: _Reason) -> Message:
    template, params = reason
    return _says(
        template,
        {k: Term(*v) if isinstance(v, tuple) else v for k, v in (params or {}).items()},
    )


def _distinct(a: _Camera, b: _Camera) -> bool:
    """Whether two records are surely two cameras: one list names them by two references."""
    return (
        a.source is not None
        and a.source == b.source
        and bool(a.ref and b.ref)
        and fold(a.ref or "") != fold(b.ref or "")
    )


def _evidence(a: _Camera, b: _Camera) -> tuple[float, list[_Reason]] | None:
    """The log-odds that two records are the same camera, and why (``_Reason``s, made
    messages only for the pairs kept: a city compares a million pairs); None when they cannot
    be."""
    sigma = max(MIN_SIGMA_M, math.hypot(a.accuracy, b.accuracy) / 2)
    radius = min(MAX_RADIUS_M, 3 * sigma)
    if abs(a.lat - b.lat) * METRES_PER_DEGREE > radius:
        return None  # too far north or south: no need to measure
    distance = _metres(a.lat, a.lon, b.lat, b.lon)
    if distance > radius:
        return None
    # Two fixes of one camera: a 2-D normal spread of σ around it, whose density at the
    # distance falls with σ² as well as with the distance.
    odds = NEARBY - 2 * math.log(sigma / USUAL_SIGMA_M) - 0.5 * (distance / sigma) ** 2
    reasons: list[_Reason] = [
        (
            QT_TRANSLATE_NOOP(
                "office", "cách nhau {distance} m (sai số GPS {accuracy_a} m và {accuracy_b} m)"
            ),
            {
                "distance": Number(distance, 1),
                "accuracy_a": f"{a.accuracy:.0f}",
                "accuracy_b": f"{b.accuracy:.0f}",
            },
        )
    ]
    compared = 0
    if a.views and b.views and {a.camera_type, b.camera_type} & ALL_ROUND:
        # A camera that turns or sees all round: where it was pointing says nothing.
        reasons.append(
            (
                QT_TRANSLATE_NOOP("office", "camera quay quét hoặc toàn cảnh: không so hướng nhìn"),
                None,
            )
        )
    elif a.views and b.views:
        compared += 1
        overlap = cone_overlap(a.views, b.views)
        if overlap > 0:
            odds += CONES_SHARED * overlap - CONES_BASE
            reasons.append(
                (
                    QT_TRANSLATE_NOOP("office", "vùng nhìn chồng {overlap}"),
                    {"overlap": f"{overlap:.0%}"},
                )
            )
        else:
            odds += CONES_APART  # looking different ways: two cameras on one pole, most likely
            reasons.append(
                (
                    QT_TRANSLATE_NOOP(
                        "office", "vùng nhìn không chồng nhau (nhìn hai hướng khác nhau)"
                    ),
                    None,
                )
            )
    if a.tilts and b.tilts:
        apart = min(abs(x - y) for x in a.tilts for y in b.tilts)
        odds += SAME_TILT if apart < TILT_APART else OTHER_TILT
        reasons.append(
            (
                QT_TRANSLATE_NOOP("office", "góc nghiêng gần như nhau")
                if apart < TILT_APART
                else QT_TRANSLATE_NOOP("office", "góc nghiêng khác {degrees}°"),
                {"degrees": f"{apart:.0f}"},
            )
        )
    if a.height is not None and b.height is not None:
        apart = abs(a.height - b.height)
        odds += SAME_HEIGHT if apart < HEIGHT_APART else OTHER_HEIGHT
        reasons.append(
            (
                QT_TRANSLATE_NOOP("office", "cùng độ cao")
                if apart < HEIGHT_APART
                else QT_TRANSLATE_NOOP("office", "độ cao khác {metres} m"),
                {"metres": f"{apart:g}"},
            )
        )
    if a.camera_type and b.camera_type:
        compared += 1
        if a.camera_type == b.camera_type:
            odds += SAME_TYPE
            reasons.append(
                (
                    QT_TRANSLATE_NOOP("office", "cùng loại {type}"),
                    {"type": ("camera_type", a.camera_type)},
                )
            )
        else:
            odds += OTHER_TYPE
            reasons.append(
                (
                    QT_TRANSLATE_NOOP("office", "khác loại {type_a}/{type_b}"),
                    {
                        "type_a": ("camera_type", a.camera_type),
                        "type_b": ("camera_type", b.camera_type),
                    },
                )
            )
    if a.mount and b.mount:
        compared += 1
        if a.mount == b.mount:
            odds += SAME_MOUNT
            together = a.mount in _POLES and distance < 2 * MIN_SIGMA_M
            reasons.append(
                (
                    QT_TRANSLATE_NOOP("office", "cùng kiểu lắp {mount} (cùng cột)")
                    if together
                    else QT_TRANSLATE_NOOP("office", "cùng kiểu lắp {mount}"),
                    {"mount": ("camera_mount", a.mount)},
                )
            )
        else:
            odds += OTHER_MOUNT
            reasons.append(
                (
                    QT_TRANSLATE_NOOP("office", "khác kiểu lắp {mount_a}/{mount_b}"),
                    {
                        "mount_a": ("camera_mount", a.mount),
                        "mount_b": ("camera_mount", b.mount),
                    },
                )
            )
    one_list = a.source is not None and a.source == b.source
    if a.ref and b.ref:
        compared += 1
        if fold(a.ref) == fold(b.ref):
            if a.owner and a.owner == b.owner:
                odds += SAME_REF_OWNER
                reasons.append(
                    (
                        QT_TRANSLATE_NOOP("office", "cùng chủ quản, cùng mã hiệu {ref}"),
                        {"ref": a.ref},
                    )
                )
            else:
                odds += SAME_REF
                reasons.append((QT_TRANSLATE_NOOP("office", "cùng mã hiệu {ref}"), {"ref": a.ref}))
        elif one_list:
            odds += OTHER_REF_ONE_LIST
            reasons.append(
                (
                    QT_TRANSLATE_NOOP(
                        "office", "cùng một nguồn nhưng khác mã hiệu ({ref_a}/{ref_b})"
                    ),
                    {"ref_a": a.ref, "ref_b": b.ref},
                )
            )
        else:
            reasons.append(
                (
                    QT_TRANSLATE_NOOP(
                        "office",
                        "khác mã hiệu ({ref_a}/{ref_b}) nhưng từ hai nguồn khác nhau: không tính",
                    ),
                    {"ref_a": a.ref, "ref_b": b.ref},
                )
            )
    elif one_list and a.name and b.name and fold(a.name) != fold(b.name):
        compared += 1
        odds += OTHER_NAME_ONE_LIST
        reasons.append((QT_TRANSLATE_NOOP("office", "cùng một nguồn nhưng khác tên"), None))
    if a.owner and a.owner == b.owner:
        reasons.append((QT_TRANSLATE_NOOP("office", "cùng chủ quản"), None))
    elif a.owner and b.owner:
        reasons.append((QT_TRANSLATE_NOOP("office", "khác chủ quản"), None))
    if a.site_id == b.site_id:
        reasons.append((QT_TRANSLATE_NOOP("office", "cùng địa điểm"), None))
    if not compared:
        reasons.append(
            (
                QT_TRANSLATE_NOOP(
                    "office",
                    "chỉ biết vị trí: không có hướng nhìn, loại, kiểu lắp hay mã hiệu để so sánh",
                ),
                None,
            )
        )
    return odds, reasons


def probability(odds: float) -> float:
    """A log-odds as a probability (0–1)."""
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, odds))))


def _score(a: _Camera, b: _Camera) -> tuple[float, list[Message]] | None:
    """How likely two records are the same camera (0–1), and why; None when they cannot be.
    This is the pair on its own: ``find_duplicates`` then sets back a pair whose record matched
    another camera of the other's list better."""
    found = _evidence(a, b)
    if found is None:
        return None
    return probability(found[0]), [_message(r) for r in found[1]]


@dataclass
class _Scored:
    a: _Camera
    b: _Camera
    odds: float
    reasons: list[_Reason]


def _settle(scored: list[_Scored]) -> None:
    """One camera of a list is not two cameras of another. Best first, a pair is kept as it is
    unless one of its records already matched, better, a camera told apart (``_distinct``) from
    its partner: then at most one of the two matches is right, and the pair keeps only the odds
    that it, rather than that better match, is the one (plus TIE_ALLOWANCE, so a near tie is
    still shown for a supervisor to tell apart), with that reason. In place."""
    scored.sort(key=lambda s: (-s.odds, s.a.id, s.b.id))
    matched: dict[str, list[tuple[_Camera, float]]] = defaultdict(list)
    for pair in scored:
        rival = max(
            (
                (odds, one, other)
                for one, partner in ((pair.a, pair.b), (pair.b, pair.a))
                for other, odds in matched[one.id]
                if _distinct(other, partner)
            ),
            key=lambda r: r[0],
            default=None,
        )
        if rival is None:
            matched[pair.a.id].append((pair.b, pair.odds))
            matched[pair.b.id].append((pair.a, pair.odds))
            continue
        odds, one, other = rival
        if pair.odds - odds + TIE_ALLOWANCE >= pair.odds:
            continue  # the better match is no match at all
        pair.odds += TIE_ALLOWANCE - odds
        pair.reasons.append(
            (
                QT_TRANSLATE_NOOP(
                    "office",
                    "{one} khớp hơn với {other}, camera khác cùng nguồn với bản ghi kia",
                ),
                {"one": one.ref or one.id[:8], "other": other.ref or other.id[:8]},
            )
        )


def _scored_pairs(
    cameras: Iterable[_Camera], involving: Collection[str] | None, floor: float
) -> list[_Scored]:
    """The pairs of neighbouring cameras that could still reach ``floor`` (log-odds) with
    photos that look alike; the others can neither be listed nor set a listed pair back."""
    grid = _grid(cameras, MAX_RADIUS_M, lambda c: (c.lat, c.lon))
    out = []
    for a, b in _neighbour_pairs(grid, lambda c: c.id, involving):
        found = _evidence(a, b)
        if found is not None and found[0] + LOOK_ALIKE >= floor:
            out.append(_Scored(a, b, found[0], found[1]))
    return out


def odds_floor(threshold: float) -> float:
    """The log-odds below which a pair's score, rounded to 3 decimals, is under ``threshold``."""
    lowest = min(max(threshold - 0.0005, 1e-9), 1 - 1e-9)
    return math.log(lowest / (1 - lowest))


def not_duplicate_pairs(db: sqlite_utils.Database, table: str) -> set[tuple[str, str]]:
    """Pairs (smaller id first) a supervisor decided are not duplicates."""
    if not _table_exists(db, "not_duplicates"):
        return set()  # a workspace opened read-only before that migration
    return {
        (min(a, b), max(a, b))
        for a, b in db.execute(
            "SELECT record_a, record_b FROM not_duplicates WHERE deleted = 0 AND record_table = ?",
            [table],
        )
    }


# -- finding camera pairs -----------------------------------------------------------------------


def find_duplicates(
    db: sqlite_utils.Database,
    threshold: float = THRESHOLD,
    *,
    photo_root: Path | None = None,
    involving: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """Candidate pairs, best first: ``{"a": {"id", "ref"}, "b": {...}, "score", "reasons"}``.

    Cameras are put in grid cells as large as the widest allowed distance, and only cameras in
    the same or neighbouring cells are compared. Pairs decided "not a duplicate" are left out.
    ``photo_root`` (the workspace's photo folder) lets photos that look alike count;
    ``involving`` limits the pairs to those with at least one of these camera ids (the pairs of
    their partners are scored too, as they may set a pair back).
    """
    return _find(db, threshold, photo_root, involving)[0]


def _find(
    db: sqlite_utils.Database,
    threshold: float,
    photo_root: Path | None,
    involving: Collection[str] | None,
) -> tuple[list[dict[str, Any]], dict[str, _Camera]]:
    """find_duplicates(), and the cameras it read, by id."""
    decided = not_duplicate_pairs(db, "cameras")
    photos = PhotoHashes(db, photo_root)
    cameras = list(_cameras(db))
    floor = odds_floor(threshold)
    scored = _scored_pairs(cameras, involving, floor)
    if involving is not None:
        near = {c.id for s in scored for c in (s.a, s.b)}
        scored = _scored_pairs(cameras, near, floor)
    scored = [s for s in scored if (s.a.id, s.b.id) not in decided]
    for pair in scored:
        if pair.odds + LOOK_ALIKE >= floor:  # only then can photos change the outcome
            closest = photos.closest(pair.a.id, pair.b.id)
            if closest is not None and closest <= PHOTO_HASH_DISTANCE:
                pair.odds += LOOK_ALIKE
                pair.reasons.append(
                    (
                        QT_TRANSLATE_NOOP("office", "ảnh giống nhau (khác {bits}/64 bit)"),
                        {"bits": closest},
                    )
                )
    _settle(scored)
    pairs: list[dict[str, Any]] = []
    for pair in scored:
        score = round(probability(pair.odds), 3)
        if score < threshold:
            continue
        if involving is not None and pair.a.id not in involving and pair.b.id not in involving:
            continue
        pairs.append(
            {
                "a": {"id": pair.a.id, "ref": pair.a.ref},
                "b": {"id": pair.b.id, "ref": pair.b.ref},
                "score": score,
                "reasons": [_message(r) for r in pair.reasons],
            }
        )
    pairs.sort(key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"]))
    return pairs, {c.id: c for c in cameras}


def find_workspace_duplicates(
    ws: Workspace, threshold: float = THRESHOLD, *, involving: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """find_duplicates() on an open workspace, with its photos."""
    return find_duplicates(ws.db, threshold, photo_root=photo_folder(ws.path), involving=involving)


# -- decisions -----------------------------------------------------------------------------------


def mark_not_duplicate(
    ws: Workspace, table: str, a: str, b: str, *, note: str | None = None
) -> str:
    """Remember that records ``a`` and ``b`` of ``table`` (cameras or sites) are not duplicates,
    so the finder never proposes them again; a record like any other, so it syncs. Returns the
    decision's id (the existing one when the pair was already decided)."""
    if table not in ("cameras", "sites"):
        raise ValidationError(
            _says(
                QT_TRANSLATE_NOOP(
                    "office", "Chỉ camera hoặc địa điểm mới có trùng lắp, không phải {table}."
                ),
                {"table": repr(table)},
            )
        )
    if a == b:
        raise ValidationError(_says(QT_TRANSLATE_NOOP("office", "Hai bản ghi phải khác nhau.")))
    first, second = sorted((a, b))
    with ws.transaction():
        ws.get(table, first)
        ws.get(table, second)
        existing = ws.db.execute(
            "SELECT id FROM not_duplicates WHERE deleted = 0 AND record_table = ? AND "
            "record_a = ? AND record_b = ?",
            [table, first, second],
        ).fetchone()
        if existing is not None:
            return str(existing[0])
        return ws.insert(
            "not_duplicates",
            {
                "record_table": table,
                "record_a": first,
                "record_b": second,
                "note": note,
                "decided_by": ws.user,
            },
        )
