"""Candidate duplicate sites: accent-insensitive name similarity, rare words counting more than
common ones, and distance; only sites within SITE_RADIUS_M of each other are compared, through
the cameras' grid."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import sqlite_utils

from fieldsurvey.core.messages import QT_TRANSLATE_NOOP
from fieldsurvey.core.office.duplicates import (
    _grid,
    _metres,
    _neighbour_pairs,
    _says,
    not_duplicate_pairs,
)
from fieldsurvey.core.text import words
from fieldsurvey.core.vocabulary import Term

SITE_RADIUS_M = 150.0
SITE_THRESHOLD = 0.7


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
                _says(
                    QT_TRANSLATE_NOOP("office", "cùng loại {category}"),
                    {"category": Term("site_category", a[4])},
                )
            )
        else:
            score -= 0.1
            reasons.append(
                _says(
                    QT_TRANSLATE_NOOP("office", "khác loại {category_a}/{category_b}"),
                    {
                        "category_a": Term("site_category", a[4]),
                        "category_b": Term("site_category", b[4]),
                    },
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
