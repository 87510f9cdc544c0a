"""Candidate duplicate cameras and sites (trùng lắp), the supervisor's "not a duplicate"
decisions, and merging two camera records into one.

Cameras are scored on distance (allowing for the recorded GPS accuracy), overlap of their view
cones, type, mount, owner and reference, and photos that look alike; sites on accent-insensitive
name similarity and distance. Both are found through a grid of cells: only records in the same
or a neighbouring cell are ever compared, never all pairs.
"""

from __future__ import annotations

import json
import logging
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from PIL import Image

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import METRES_PER_DEGREE, offset_m
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message, Number
from fieldsurvey.core.photos.store import PhotoStore
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold, words
from fieldsurvey.core.views import view_cones

# Records further apart than this are never the same camera, whatever their GPS accuracy says.
MAX_RADIUS_M = 60.0
DEFAULT_ACCURACY_M = 10.0
# A recorded accuracy is about two standard deviations of one fix; two fixes of one camera also
# differ by where each person stood, so the spread is never taken below this.
MIN_SIGMA_M = 5.0
THRESHOLD = 0.5
# Two difference hashes (64 bits) this close are photos that look alike.
PHOTO_HASH_DISTANCE = 10

log = logging.getLogger(__name__)

SITE_RADIUS_M = 150.0
SITE_THRESHOLD = 0.7

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


def _table_exists(db: sqlite_utils.Database, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
    return row.fetchone() is not None


def _cameras(db: sqlite_utils.Database) -> Iterator[_Camera]:
    rows = db.execute(
        "SELECT id, ref, name, lat, lon, location_accuracy_m, site_id, camera_type, mount, "
        "owner_unit_id, views FROM cameras WHERE deleted = 0 AND lat IS NOT NULL AND "
        "lon IS NOT NULL AND coalesce(condition, '') != 'removed'"
    )
    for cid, ref, name, lat, lon, accuracy, site, ctype, mount, owner, views in rows:
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


def _score(a: _Camera, b: _Camera) -> tuple[float, list[Message]] | None:
    """How likely two records are the same camera (0–1), and why; None when they cannot be."""
    distance = _metres(a.lat, a.lon, b.lat, b.lon)
    sigma = max(MIN_SIGMA_M, math.hypot(a.accuracy, b.accuracy) / 2)
    radius = min(MAX_RADIUS_M, 3 * sigma)
    if distance > radius:
        return None
    closeness = math.exp(-0.5 * (distance / sigma) ** 2)
    reasons = [
        _says(
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
    score = 0.45 * closeness
    if a.views and b.views:
        overlap = cone_overlap(a.views, b.views)
        if overlap > 0:
            score += 0.25 * overlap
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "vùng nhìn chồng {overlap}"),
                    {"overlap": f"{overlap:.0%}"},
                )
            )
        elif not {a.camera_type, b.camera_type} & {"ptz", "panoramic"}:
            score -= 0.25  # looking different ways: two cameras on one pole, most likely
            reasons.append(_says(QT_TRANSLATE_NOOP("office", "vùng nhìn không chồng nhau")))
    if a.camera_type and b.camera_type:
        if a.camera_type == b.camera_type:
            score += 0.1
            reasons.append(
                _says(QT_TRANSLATE_NOOP("office", "cùng loại {type}"), {"type": a.camera_type})
            )
        else:
            score -= 0.15
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "khác loại {type_a}/{type_b}"),
                    {"type_a": a.camera_type, "type_b": b.camera_type},
                )
            )
    if a.mount and b.mount:
        if a.mount == b.mount:
            score += 0.1
            together = a.mount in _POLES and distance < 2 * MIN_SIGMA_M
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "cùng kiểu lắp {mount} (cùng cột)")
                    if together
                    else QT_TRANSLATE_NOOP("office", "cùng kiểu lắp {mount}"),
                    {"mount": a.mount},
                )
            )
        else:
            score -= 0.1
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "khác kiểu lắp {mount_a}/{mount_b}"),
                    {"mount_a": a.mount, "mount_b": b.mount},
                )
            )
    if a.owner and a.owner == b.owner:
        # One owner keeps one list: two entries with different references or names in it are
        # two cameras it knows of; the same reference twice is one camera entered twice.
        if a.ref and b.ref:
            if fold(a.ref) == fold(b.ref):
                score += 0.2
                reasons.append(
                    _says(
                        QT_TRANSLATE_NOOP("office", "cùng chủ quản, cùng mã hiệu {ref}"),
                        {"ref": a.ref},
                    )
                )
            else:
                score -= 0.2
                reasons.append(
                    _says(QT_TRANSLATE_NOOP("office", "cùng chủ quản nhưng khác mã hiệu"))
                )
        elif a.name and b.name and fold(a.name) != fold(b.name):
            score -= 0.1
            reasons.append(_says(QT_TRANSLATE_NOOP("office", "cùng chủ quản nhưng khác tên")))
        else:
            reasons.append(_says(QT_TRANSLATE_NOOP("office", "cùng chủ quản")))
    elif a.owner and b.owner:
        reasons.append(_says(QT_TRANSLATE_NOOP("office", "khác chủ quản")))
    if a.site_id == b.site_id:
        reasons.append(_says(QT_TRANSLATE_NOOP("office", "cùng địa điểm")))
    return max(0.0, min(1.0, score)), reasons


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


# -- photos that look alike -----------------------------------------------------------------------


def difference_hash(path: Path) -> int | None:
    """A 64-bit difference hash of an image (brightness gradients of a 9×8 grey copy), or None
    when the file cannot be read."""
    try:
        with Image.open(path) as image:
            image.draft("L", (64, 64))
            grey = image.convert("L").resize((9, 8), Image.Resampling.BILINEAR)
            pixels = grey.tobytes()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    bits = 0
    for row in range(8):
        for col in range(8):
            left, right = pixels[row * 9 + col], pixels[row * 9 + col + 1]
            bits = (bits << 1) | (left > right)
    return bits


class _PhotoHashes:
    """Difference hashes of the thumbnails of each camera's photos, computed when first asked
    (for candidate pairs only) and kept for the run."""

    def __init__(self, db: sqlite_utils.Database, photo_root: Path | None) -> None:
        self._db = db
        self._root = photo_root
        self._by_camera: dict[str, list[int]] = {}
        self._by_sha: dict[str, int | None] = {}
        self._with_photos: set[str] = set()
        if photo_root is not None and photo_root.is_dir():
            self._with_photos = {
                row[0]
                for row in db.execute(
                    "SELECT DISTINCT record_id FROM photo_links WHERE record_table = 'cameras' "
                    "AND deleted = 0"
                )
            }

    def hashes(self, camera_id: str) -> list[int]:
        if camera_id not in self._with_photos or self._root is None:
            return []
        if camera_id not in self._by_camera:
            found = []
            for (sha,) in self._db.execute(
                "SELECT p.sha256 FROM photo_links AS l JOIN photos AS p ON p.id = l.photo_id "
                "WHERE l.record_table = 'cameras' AND l.record_id = ? AND l.deleted = 0 AND "
                "p.deleted = 0",
                [camera_id],
            ):
                if sha not in self._by_sha:
                    thumb = PhotoStore(self._root).thumbnail(sha)
                    self._by_sha[sha] = difference_hash(thumb) if thumb.exists() else None
                if self._by_sha[sha] is not None:
                    found.append(self._by_sha[sha])
            self._by_camera[camera_id] = [h for h in found if h is not None]
        return self._by_camera[camera_id]

    def closest(self, a: str, b: str) -> int | None:
        """The smallest Hamming distance between a photo of ``a`` and one of ``b``."""
        pairs = [(x ^ y).bit_count() for x in self.hashes(a) for y in self.hashes(b)]
        return min(pairs) if pairs else None


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
    ``involving`` limits the pairs to those with at least one of these camera ids.
    """
    decided = not_duplicate_pairs(db, "cameras")
    photos = _PhotoHashes(db, photo_root)
    grid = _grid(_cameras(db), MAX_RADIUS_M, lambda c: (c.lat, c.lon))
    pairs: list[dict[str, Any]] = []
    for a, b in _neighbour_pairs(grid, lambda c: c.id, involving):
        scored = _score(a, b)
        if scored is None or (a.id, b.id) in decided:
            continue
        score, reasons = scored
        if score + 0.15 >= threshold:  # only then can photos change the outcome
            closest = photos.closest(a.id, b.id)
            if closest is not None and closest <= PHOTO_HASH_DISTANCE:
                score = min(1.0, score + 0.15)
                reasons.append(
                    _says(
                        QT_TRANSLATE_NOOP("office", "ảnh giống nhau (khác {bits}/64 bit)"),
                        {"bits": closest},
                    )
                )
        if score >= threshold:
            pairs.append(
                {
                    "a": {"id": a.id, "ref": a.ref},
                    "b": {"id": b.id, "ref": b.ref},
                    "score": round(score, 3),
                    "reasons": reasons,
                }
            )
    pairs.sort(key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"]))
    return pairs


def find_workspace_duplicates(
    ws: Workspace, threshold: float = THRESHOLD, *, involving: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """find_duplicates() on an open workspace, with its photos."""
    return find_duplicates(ws.db, threshold, photo_root=photo_folder(ws.path), involving=involving)


# -- sites --------------------------------------------------------------------------------------


def name_similarity(
    a: Collection[str], b: Collection[str], weight: Mapping[str, float] | None = None
) -> float:
    """How alike two names are (0–1), given as their folded words: the weighted share of words
    they have in common (weights default to 1), so word order, accents and case do not count."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0

    def total(ws: Iterable[str]) -> float:
        return sum(weight.get(w, 1.0) if weight else 1.0 for w in ws)

    return total(sa & sb) / total(sa | sb)


def _word_weights(names: Iterable[Collection[str]]) -> dict[str, float]:
    """Inverse document frequency of each word: words most names share ("chợ", "ngân hàng",
    "nút giao") say little about which site is meant."""
    counts: dict[str, int] = defaultdict(int)
    total = 0
    for name in names:
        total += 1
        for word in set(name):
            counts[word] += 1
    return {word: math.log((1 + total) / (1 + n)) + 0.1 for word, n in counts.items()}


def find_duplicate_sites(
    db: sqlite_utils.Database, threshold: float = SITE_THRESHOLD
) -> list[dict[str, Any]]:
    """Candidate duplicate sites, best first: ``{"a": {"id", "name"}, "b": …, "score",
    "reasons"}``. Names are compared without accents ("Chợ Đồng Xuân" and "cho dong xuan" are
    the same name), word by word, rare words counting more than common ones; only sites within
    SITE_RADIUS_M of each other are compared, through a grid like the cameras."""
    decided = not_duplicate_pairs(db, "sites")
    sites = [
        (sid, name, lat, lon, category, frozenset(words(name)))
        for sid, name, lat, lon, category in db.execute(
            "SELECT id, name, lat, lon, category FROM sites WHERE deleted = 0 AND lat IS NOT NULL "
            "AND lon IS NOT NULL"
        )
    ]
    weight = _word_weights(s[5] for s in sites)
    grid = _grid(sites, SITE_RADIUS_M, lambda s: (s[2], s[3]))
    pairs: list[dict[str, Any]] = []
    for a, b in _neighbour_pairs(grid, lambda s: s[0], None):
        if not a[5] & b[5]:
            continue  # not a word in common
        distance = _metres(a[2], a[3], b[2], b[3])
        if distance > SITE_RADIUS_M or (a[0], b[0]) in decided:
            continue
        similar = name_similarity(a[5], b[5], weight)
        score = 0.7 * similar + 0.3 * (1 - distance / SITE_RADIUS_M)
        reasons = [
            _says(
                QT_TRANSLATE_NOOP("office", "tên giống {similar}"), {"similar": f"{similar:.0%}"}
            ),
            _says(
                QT_TRANSLATE_NOOP("office", "cách nhau {distance} m"),
                {"distance": f"{distance:.0f}"},
            ),
        ]
        if a[4] == b[4]:
            reasons.append(
                _says(QT_TRANSLATE_NOOP("office", "cùng loại {category}"), {"category": a[4]})
            )
        else:
            score -= 0.1
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "khác loại {category_a}/{category_b}"),
                    {"category_a": a[4], "category_b": b[4]},
                )
            )
        if score >= threshold:
            pairs.append(
                {
                    "a": {"id": a[0], "name": a[1]},
                    "b": {"id": b[0], "name": b[1]},
                    "score": round(max(0.0, min(1.0, score)), 3),
                    "reasons": reasons,
                }
            )
    pairs.sort(key=lambda p: (-p["score"], p["a"]["id"], p["b"]["id"]))
    return pairs


# -- decisions and merging ------------------------------------------------------------------------


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


# Fields a merge never offers: who the record is (id), its tombstone and its review.
_NOT_MERGED = frozenset({"review_state"})


def is_empty(value: Any) -> bool:
    """Whether a stored value holds nothing: null, an empty text or an empty list."""
    return value is None or value == "" or value == "[]"


def merge_order(ws: Workspace, a: str, b: str) -> tuple[str, str]:
    """(keep, other) for merging two duplicate cameras: keep the one with more values filled
    in and, on a tie, the one this workspace recorded first."""
    rank = {}
    for camera_id in (a, b):
        record = ws.get("cameras", camera_id)
        recorded = ws.db.execute("SELECT rowid FROM cameras WHERE id = ?", [camera_id]).fetchone()
        rank[camera_id] = (-sum(not is_empty(v) for v in record.values()), recorded[0])
    return (a, b) if rank[a] <= rank[b] else (b, a)


def compare_cameras(ws: Workspace, a: str, b: str) -> list[dict[str, Any]]:
    """Both cameras' values side by side, for the merge dialog: one row per field, in form
    order, ``{"field", "a", "b", "same"}`` (the stored values and whether they agree; the
    dialog shows them as labels); then their photos as ``photos`` rows."""
    kind = record_kind("cameras")
    first, second = ws.get("cameras", a), ws.get("cameras", b)
    rows = []
    for field in kind.fields:
        if field.name in _NOT_MERGED:
            continue
        va, vb = first[field.name], second[field.name]
        rows.append(
            {
                "field": field.name,
                "a": va,
                "b": vb,
                "same": va == vb,
            }
        )
    photos = {
        cid: [
            row[0]
            for row in ws.db.execute(
                "SELECT photo_id FROM photo_links WHERE record_table = 'cameras' AND "
                "record_id = ? AND deleted = 0 ORDER BY photo_id",
                [cid],
            )
        ]
        for cid in (a, b)
    }
    rows.append(
        {
            "field": "photos",
            "a": photos[a],
            "b": photos[b],
            "same": photos[a] == photos[b],
        }
    )
    return rows


def merge_cameras(
    ws: Workspace, keep: str, other: str, choices: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Merge camera ``other`` into camera ``keep``, in one transaction through the write path.

    ``choices`` maps a field to ``"keep"`` or ``"other"``: which camera's value survives
    (fields not named keep the kept camera's value, except that an empty one takes the other's).
    The other camera's photos, shortcomings and the needs that would reuse it move to the kept
    camera; then the other camera is deleted. Returns what moved.
    """
    if keep == other:
        raise ValidationError(
            _says(QT_TRANSLATE_NOOP("office", "Không thể gộp camera với chính nó."))
        )
    kind = record_kind("cameras")
    choices = dict(choices or {})
    for name, side in choices.items():
        kind.field(name)
        if side not in ("keep", "other") or name in _NOT_MERGED:
            raise ValidationError(
                _says(
                    QT_TRANSLATE_NOOP("office", "{field}: chọn 'keep' hoặc 'other'."),
                    {"field": name},
                )
            )
    moved = {"fields": 0, "photos": 0, "shortcomings": 0, "needs": 0}
    with ws.transaction():
        kept, gone = ws.get("cameras", keep), ws.get("cameras", other)
        values: dict[str, Any] = {}
        for field in kind.fields:
            name = field.name
            if name in _NOT_MERGED:
                continue
            chosen = choices.get(name)
            if chosen is None:
                empty = is_empty(kept[name]) and not is_empty(gone[name])
                chosen = "other" if empty else "keep"
            if chosen == "other" and gone[name] != kept[name]:
                values[name] = gone[name]
        # The commune follows the chosen position unless it was chosen on its own.
        if ("lat" in values or "lon" in values) and "commune_code" not in choices:
            values.pop("commune_code", None)
        if values:
            ws.update("cameras", keep, values)
            moved["fields"] = len(values)
        site = ws.get("cameras", keep)["site_id"]
        kept_photos = {
            row[0]
            for row in ws.db.execute(
                "SELECT photo_id FROM photo_links WHERE record_table = 'cameras' AND "
                "record_id = ? AND deleted = 0",
                [keep],
            )
        }
        for link_id, photo_id in ws.db.execute(
            "SELECT id, photo_id FROM photo_links WHERE record_table = 'cameras' AND "
            "record_id = ? AND deleted = 0",
            [other],
        ).fetchall():
            if photo_id in kept_photos:
                ws.delete("photo_links", link_id)  # the same photo on both: keep one link
            else:
                ws.update("photo_links", link_id, {"record_id": keep})
                kept_photos.add(photo_id)
            moved["photos"] += 1
        for (shortcoming_id,) in ws.db.execute(
            "SELECT id FROM shortcomings WHERE camera_id = ? AND deleted = 0", [other]
        ).fetchall():
            ws.update("shortcomings", shortcoming_id, {"camera_id": keep, "site_id": site})
            moved["shortcomings"] += 1
        for need_id, reuse in ws.db.execute(
            "SELECT id, reuse_camera_ids FROM needs WHERE deleted = 0 AND reuse_camera_ids LIKE ?",
            [f"%{other}%"],
        ).fetchall():
            ids = [keep if i == other else i for i in json.loads(reuse)]
            ws.update("needs", need_id, {"reuse_camera_ids": ids})
            moved["needs"] += 1
        ws.delete("cameras", other)
    log.info("camera %s merged into %s: %s", other, keep, moved)
    return moved
