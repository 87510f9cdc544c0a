"""Clusters of duplicates: the records connected by candidate pairs (three records of one
landmark, paired two by two, are one cluster), and whether two of a cluster's records are
surely two (then it is not merged at once)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.duplicate_sites import SITE_THRESHOLD, find_duplicate_sites
from fieldsurvey.core.office.duplicates import (
    THRESHOLD,
    _Camera,
    _cameras,
    _distinct,
    _find,
    _says,
    not_duplicate_pairs,
)
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace


def clusters_of(pairs: Iterable[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """The pairs grouped by connected records (union-find): three records of one landmark,
    paired two by two, are one group. Groups in the order of their best pair."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = list(pairs)
    for pair in pairs:
        ra, rb = root(pair["a"]["id"]), root(pair["b"]["id"])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for pair in pairs:
        groups.setdefault(root(pair["a"]["id"]), []).append(pair)
    return list(groups.values())


def why_apart(ws: Workspace, table: str, ids: Iterable[str]) -> Message | None:
    """Why two of these records are surely two (a supervisor said so, or one list names them
    by two references), or None: what the merge dialog warns of."""
    ids = sorted(set(ids))
    cameras = {} if table != "cameras" else {c.id: c for c in _cameras(ws.db, ids)}
    return _apart(ids, not_duplicate_pairs(ws.db, table), cameras)


def _apart(
    ids: list[str], decided: set[tuple[str, str]], cameras: Mapping[str, _Camera]
) -> Message | None:
    for n, first in enumerate(ids):
        for second in ids[n + 1 :]:
            if (first, second) in decided:
                return _says(
                    QT_TRANSLATE_NOOP(
                        "office", "hai bản ghi trong nhóm đã được xác nhận không trùng"
                    )
                )
            one, other = cameras.get(first), cameras.get(second)
            if one is not None and other is not None and _distinct(one, other):
                return _says(
                    QT_TRANSLATE_NOOP(
                        "office", "{ref_a} và {ref_b} là hai camera của cùng một nguồn"
                    ),
                    {"ref_a": one.ref, "ref_b": other.ref},
                )
    return None


def find_clusters(
    ws: Workspace, table: str = "cameras", threshold: float | None = None
) -> list[dict[str, Any]]:
    """Clusters of duplicates, best first: the connected groups of the pairs scoring at least
    ``threshold`` (default: the list's), pairs decided "not a duplicate" left out.
    ``{"table", "ids" (sorted), "pairs" (best first), "score" (of its weakest pair), "apart"}``;
    ``apart`` is None, or why two of its records are surely two (a supervisor said so, or one
    list names them by two references): such a cluster is not merged at once."""
    if table == "cameras":
        limit = THRESHOLD if threshold is None else threshold
        pairs, cameras = _find(ws.db, limit, photo_folder(ws.path), None)
    elif table == "sites":
        pairs, cameras = find_duplicate_sites(ws.db, threshold or SITE_THRESHOLD), {}
    else:
        raise ValidationError(
            _says(
                QT_TRANSLATE_NOOP(
                    "office", "Chỉ camera hoặc địa điểm mới có trùng lắp, không phải {table}."
                ),
                {"table": repr(table)},
            )
        )
    decided = not_duplicate_pairs(ws.db, table)
    out = []
    for group in clusters_of(pairs):
        ids = sorted({p[side]["id"] for p in group for side in ("a", "b")})
        apart = _apart(ids, decided, cameras)
        out.append(
            {
                "table": table,
                "ids": ids,
                "pairs": group,
                "score": min(p["score"] for p in group),
                "apart": apart,
            }
        )
    out.sort(key=lambda c: (-max(p["score"] for p in c["pairs"]), c["ids"]))
    return out
