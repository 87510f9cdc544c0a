"""Counts of everything in a workspace, for `fieldsurvey stats` and the status bar."""

from __future__ import annotations

import sqlite_utils

_COUNTED = (
    "sites",
    "cameras",
    "shortcomings",
    "needs",
    "photos",
    "units",
    "assignments",
    "reviews",
)


def workspace_stats(db: sqlite_utils.Database) -> dict[str, int]:
    """Live (not deleted) records of each kind, history size, communes with a site or camera."""
    counts = {
        table: int(db.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0])
        for table in _COUNTED
    }
    counts["communes_covered"] = int(
        db.execute(
            "SELECT count(DISTINCT commune_code) FROM ("
            " SELECT commune_code FROM sites WHERE deleted = 0 AND commune_code IS NOT NULL"
            " UNION SELECT commune_code FROM cameras WHERE deleted = 0"
            " AND commune_code IS NOT NULL)"
        ).fetchone()[0]
    )
    counts["changes"] = int(db.execute("SELECT count(*) FROM changes").fetchone()[0])
    counts["devices"] = int(
        db.execute("SELECT count(DISTINCT device_id) FROM changes").fetchone()[0]
    )
    return counts
