"""Rows for the record lists of the app: sites and cameras with the names they refer to."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldsurvey.core import vocabulary

SITE_COLUMNS = ("id", "name", "category", "commune", "address", "cameras", "review_state")
CAMERA_COLUMNS = (
    "id",
    "name",
    "site",
    "camera_type",
    "condition",
    "owner",
    "commune",
    "review_state",
)


def site_rows(db: sqlite_utils.Database, lang: str = "vi") -> list[tuple[Any, ...]]:
    """One tuple per live site, in SITE_COLUMNS order, codes turned into labels."""
    rows = db.execute(
        """
        SELECT s.id, s.name, s.category, a.name, s.address,
               (SELECT count(*) FROM cameras c WHERE c.site_id = s.id AND c.deleted = 0),
               s.review_state
        FROM sites s
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = s.commune_code
        WHERE s.deleted = 0
        ORDER BY s.name COLLATE NOCASE, s.id
        """
    ).fetchall()
    return [
        (
            sid,
            name,
            vocabulary.label("site_category", cat, lang),
            commune,
            address,
            n,
            vocabulary.label("review_state", review, lang) if review else "",
        )
        for sid, name, cat, commune, address, n, review in rows
    ]


def camera_rows(db: sqlite_utils.Database, lang: str = "vi") -> list[tuple[Any, ...]]:
    """One tuple per live camera, in CAMERA_COLUMNS order, codes turned into labels."""
    rows = db.execute(
        """
        SELECT c.id, coalesce(c.name, ''), s.name, c.camera_type, c.condition, u.name, a.name,
               c.review_state
        FROM cameras c
        JOIN sites s ON s.id = c.site_id
        LEFT JOIN units u ON u.id = c.owner_unit_id
        LEFT JOIN admin_units a ON a.level = 'commune' AND a.code = c.commune_code
        WHERE c.deleted = 0
        ORDER BY s.name COLLATE NOCASE, c.name, c.id
        """
    ).fetchall()
    return [
        (
            cid,
            name,
            site,
            vocabulary.label("camera_type", ctype, lang) if ctype else "",
            vocabulary.label("camera_condition", cond, lang) if cond else "",
            owner or "",
            commune or "",
            vocabulary.label("review_state", review, lang) if review else "",
        )
        for cid, name, site, ctype, cond, owner, commune, review in rows
    ]
