"""The figures behind the office's dashboard charts: grouped counts of live records with their
Vietnamese and English labels (code lists from the vocabulary, communes from the reference
data, owners from the units). Drawing them is the interface's job."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.collation import sort_key
from fieldsurvey.core.store.stats import workspace_stats

UNKNOWN = {"vi": "Chưa rõ", "en": "Unknown"}

# chart name -> (table, column, code list or how the code is named, several codes per record)
CHARTS: dict[str, tuple[str, str, str, bool]] = {
    "cameras_by_commune": ("cameras", "commune_code", "commune", False),
    "cameras_by_purpose": ("cameras", "purposes", "camera_purpose", True),
    "cameras_by_condition": ("cameras", "condition", "camera_condition", False),
    "cameras_by_owner": ("cameras", "owner_unit_id", "unit", False),
    "cameras_by_connectivity": ("cameras", "connectivity", "connectivity", False),
    "shortcomings_by_kind": ("shortcomings", "kind", "shortcoming_kind", False),
    "needs_by_priority": ("needs", "priority", "priority", False),
}


def _cameras_asked(db: sqlite_utils.Database, column: str) -> dict[Any, int]:
    """The cameras the needs ask for (their camera_count summed), by ``column``."""
    sql = f"SELECT {column}, sum(camera_count) FROM needs WHERE deleted = 0 GROUP BY {column}"
    return {code: int(n or 0) for code, n in db.execute(sql)}


def _counts(db: sqlite_utils.Database, table: str, column: str, multiple: bool) -> dict[Any, int]:
    if not multiple:
        sql = f"SELECT {column}, count(*) FROM {table} WHERE deleted = 0 GROUP BY {column}"
        return {code: int(count) for code, count in db.execute(sql)}
    # A JSON list of codes: a camera with two purposes counts under both, one with none under
    # "unknown".
    sql = (
        f"SELECT j.value, count(*) FROM {table}, json_each({table}.{column}) AS j "
        f"WHERE {table}.deleted = 0 GROUP BY j.value"
    )
    counts: dict[Any, int] = {code: int(count) for code, count in db.execute(sql)}
    empty = db.execute(
        f"SELECT count(*) FROM {table} WHERE deleted = 0 AND json_array_length({column}) = 0"
    ).fetchone()[0]
    if empty:
        counts[None] = int(empty)
    return counts


def _labels(db: sqlite_utils.Database, names: str) -> list[tuple[str, dict[str, str]]]:
    """Every known code of a chart, in display order, with its labels."""
    if names == "commune":
        return [(c["code"], {"vi": c["name"], "en": c["name"]}) for c in reference.communes(db)]
    if names == "unit":
        return [
            (unit_id, {"vi": name, "en": name})
            for unit_id, name in db.execute("SELECT id, name FROM units ORDER BY sort_name, id")
        ]
    return [
        (
            code,
            {"vi": vocabulary.label(names, code, "vi"), "en": vocabulary.label(names, code, "en")},
        )
        for code in vocabulary.codes(names)
    ]


def chart(
    db: sqlite_utils.Database, name: str, *, keep_empty: bool = False
) -> list[dict[str, Any]]:
    """One chart's figures: ``{"code", "label_vi", "label_en", "count"}`` per group (the needs'
    charts also ``"cameras"``: the cameras those needs ask for).

    Code lists keep their display order (every code, zero counts included); communes and
    owners, which are many, are sorted by count, largest first, and only those with records
    are listed unless ``keep_empty``. Records without a value come last, as "Chưa rõ" /
    "Unknown"; a code no list knows (e.g. from an old package) is shown as itself."""
    table, column, names, multiple = CHARTS[name]
    counts = _counts(db, table, column, multiple)
    known = _labels(db, names)
    many = names in ("commune", "unit")
    rows: list[dict[str, Any]] = [
        {
            "code": code,
            "label_vi": labels["vi"],
            "label_en": labels["en"],
            "count": counts.get(code, 0),
        }
        for code, labels in known
        if counts.get(code) or keep_empty or not many
    ]
    seen = {code for code, _ in known}
    rows += [
        {"code": code, "label_vi": code, "label_en": code, "count": count}
        for code, count in sorted(counts.items(), key=lambda item: str(item[0]))
        if code is not None and code not in seen
    ]
    if many:
        rows.sort(key=lambda row: (-row["count"], sort_key(str(row["label_vi"]))))
    if counts.get(None):
        rows.append(
            {
                "code": None,
                "label_vi": UNKNOWN["vi"],
                "label_en": UNKNOWN["en"],
                "count": counts[None],
            }
        )
    if table == "needs" and not multiple:
        asked = _cameras_asked(db, column)
        for row in rows:
            row["cameras"] = asked.get(row["code"], 0)
    return rows


def dashboard(db: sqlite_utils.Database) -> dict[str, Any]:
    """Every chart's figures, plus the workspace's totals (``workspace_stats``)."""
    out: dict[str, Any] = {"totals": workspace_stats(db)}
    for name in CHARTS:
        out[name] = chart(db, name)
    return out
