"""What each role may change: the one permission table of the app, checked on every local write
and on every change that arrives in a package (by the role of the change's author).

A surveyor records survey records (sites, cameras, shortcomings, needs, photos and their
links); the office also decides (reviews, assignments, units, not-a-duplicate decisions), keeps
the owners' camera lists it imported (inventory imports), and may change survey records
(merges, conflict resolutions, owners' camera lists). Keys, enrolments and
the sync ledgers are not records at all: no change can name them (the schema check refuses an
unknown table before this table is asked).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import sqlite_utils

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.kinds import Op, Role, Table
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

SURVEY_TABLES: Final = frozenset(
    {Table.SITES, Table.CAMERAS, Table.SHORTCOMINGS, Table.NEEDS, Table.PHOTOS, Table.PHOTO_LINKS}
)
OFFICE_TABLES: Final = frozenset(
    {
        Table.UNITS,
        Table.ASSIGNMENTS,
        Table.REVIEWS,
        Table.NOT_DUPLICATES,
        Table.INVENTORY_IMPORTS,
        Table.PLAN_ITEMS,
    }
)
# Fields of survey records that hold an office decision (or the office's own bookkeeping: the
# owner's list a camera came in with).
OFFICE_FIELDS: Final = frozenset({"review_state", "import_id"})
OPERATIONS: Final = tuple(Op)

# (role, table) → the operations allowed.
MATRIX: Final[dict[tuple[str, str], frozenset[str]]] = {
    **{(Role.SURVEYOR, t): frozenset(OPERATIONS) for t in SURVEY_TABLES},
    **{(Role.SURVEYOR, t): frozenset() for t in OFFICE_TABLES},
    **{(Role.OFFICE, t): frozenset(OPERATIONS) for t in SURVEY_TABLES | OFFICE_TABLES},
}


def _say(template: str, **params: object) -> Message:
    return Message("trust", template, params)


def refusal(role: str, table: str, op: str, fields: Iterable[str]) -> Message | None:
    """Why ``role`` may not make this change, or None when it may."""
    allowed = MATRIX.get((role, table))
    if allowed is None:
        return _say(
            QT_TRANSLATE_NOOP("trust", "vai trò {role} không được ghi bảng {table}"),
            role=role,
            table=table,
        )
    if op not in allowed:
        return _say(_VERB[op], table=table)
    if role != "office":
        decided = sorted(OFFICE_FIELDS & set(fields))
        if decided:
            return _say(
                QT_TRANSLATE_NOOP("trust", "chỉ văn phòng được ghi {table}.{fields}"),
                table=table,
                fields=", ".join(decided),
            )
    return None


def refused(why: Message) -> ValidationError:
    """The error of a change that is not permitted, for ``why``."""
    return ValidationError(
        _say(QT_TRANSLATE_NOOP("trust", "Không được phép: {why}."), why=why), code="not-permitted"
    )


def check(role: str, table: str, op: str, fields: Iterable[str]) -> None:
    """Raise ValidationError when ``role`` may not make this change."""
    why = refusal(role, table, op, fields)
    if why is not None:
        raise refused(why)


def office_delete_refusal(
    db: sqlite_utils.Database, roles: Mapping[str, str], table: str, record_id: str
) -> Message | None:
    """Why a surveyor may not change whether this record is deleted (the office deleted it),
    or None."""
    for (device,) in db.execute(
        "SELECT device_id FROM changes WHERE table_name = ? AND record_id = ? AND op = 'delete'",
        [table, record_id],
    ):
        if roles.get(device) == "office":
            return _say(
                QT_TRANSLATE_NOOP(
                    "trust",
                    "văn phòng đã xóa bản ghi này của {table}, chỉ văn phòng được khôi phục",
                ),
                table=table,
            )
    return None


# One sentence per operation (the verb is not a word to fill in: languages say it differently).
_VERB = {
    "insert": QT_TRANSLATE_NOOP("trust", "chỉ văn phòng được tạo {table}"),
    "update": QT_TRANSLATE_NOOP("trust", "chỉ văn phòng được sửa {table}"),
    "delete": QT_TRANSLATE_NOOP("trust", "chỉ văn phòng được xóa {table}"),
}
