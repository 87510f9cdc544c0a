"""The permission table, cell by cell: what each role may create, change and delete, written out
here independently of the table in core so that a change to either is seen."""

from __future__ import annotations

import pytest

from fieldsurvey.core.store.records import RECORD_KINDS
from fieldsurvey.core.trust.permissions import MATRIX, OPERATIONS, refusal

SURVEY = ("sites", "cameras", "shortcomings", "needs", "photos", "photo_links")
DECISIONS = (
    "units",
    "assignments",
    "reviews",
    "not_duplicates",
    "inventory_imports",
    "plan_items",
)

EXPECTED = {
    **{("surveyor", t, op): True for t in SURVEY for op in OPERATIONS},
    **{("surveyor", t, op): False for t in DECISIONS for op in OPERATIONS},
    **{("office", t, op): True for t in SURVEY + DECISIONS for op in OPERATIONS},
}


def test_every_record_table_has_a_row_for_each_role() -> None:
    assert set(RECORD_KINDS) == set(SURVEY) | set(DECISIONS)
    assert {(role, table) for role, table, _ in EXPECTED} == set(MATRIX)


@pytest.mark.parametrize(("role", "table", "op"), sorted(EXPECTED))
def test_cell(role: str, table: str, op: str) -> None:
    fields = ["deleted"] if op == "delete" else [RECORD_KINDS[table].field_names[0]]
    why = refusal(role, table, op, fields)
    if EXPECTED[(role, table, op)]:
        assert why is None
    else:
        assert why is not None and table in str(why)


@pytest.mark.parametrize("table", ["sites", "cameras", "shortcomings", "needs"])
def test_a_review_state_is_the_offices(table: str) -> None:
    why = refusal("surveyor", table, "update", ["name", "review_state"])
    assert why is not None and "review_state" in str(why)
    assert refusal("office", table, "update", ["review_state"]) is None


def test_only_the_office_says_which_owner_list_a_camera_came_from() -> None:
    for op in ("insert", "update"):
        why = refusal("surveyor", "cameras", op, ["name", "import_id"])
        assert why is not None and "import_id" in str(why)
        assert refusal("office", "cameras", op, ["import_id"]) is None


@pytest.mark.parametrize("table", ["keys", "peers", "log_entries", "sync_acks", "device_keys"])
def test_nobody_writes_what_is_not_a_record(table: str) -> None:
    for role in ("surveyor", "office"):
        assert refusal(role, table, "insert", ["x"]) is not None
