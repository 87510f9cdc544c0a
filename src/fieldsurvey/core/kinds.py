"""Names for the fixed sets every layer uses: record tables, roles, review states and change
operations. String enums: a member is equal to its text, as stored in the workspace and carried
in packages, so a value read from either compares with them as it is."""

from __future__ import annotations

import enum


class Table(enum.StrEnum):
    """The record tables (store/records.py describes what each holds)."""

    UNITS = "units"
    SITES = "sites"
    CAMERAS = "cameras"
    SHORTCOMINGS = "shortcomings"
    NEEDS = "needs"
    ASSIGNMENTS = "assignments"
    PHOTOS = "photos"
    PHOTO_LINKS = "photo_links"
    REVIEWS = "reviews"
    NOT_DUPLICATES = "not_duplicates"
    INVENTORY_IMPORTS = "inventory_imports"
    PLAN_ITEMS = "plan_items"


class Role(enum.StrEnum):
    """Who a device works for: a surveyor in the field or the city office."""

    SURVEYOR = "surveyor"
    OFFICE = "office"


class ReviewState(enum.StrEnum):
    """Where a record stands in the office's review (the review_state code list)."""

    RECEIVED = "received"
    APPROVED = "approved"
    NEEDS_REVISION = "needs_revision"
    REJECTED = "rejected"
    CHANGED_AFTER_APPROVAL = "changed_after_approval"


class Op(enum.StrEnum):
    """What a change does to its record."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
