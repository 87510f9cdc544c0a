"""The names for fixed sets (core/kinds.py) match what the workspace and the code lists hold."""

from __future__ import annotations

from fieldsurvey.core import vocabulary
from fieldsurvey.core.kinds import Op, ReviewState, Role, Table
from fieldsurvey.core.store.records import RECORD_KINDS
from fieldsurvey.core.sync.package import Refusal
from fieldsurvey.core.trust.permissions import MATRIX


def test_tables_are_the_record_kinds() -> None:
    assert list(Table) == list(RECORD_KINDS)


def test_review_states_are_the_code_list() -> None:
    assert list(ReviewState) == list(vocabulary.codes("review_state"))


def test_roles_and_operations_are_the_permission_tables() -> None:
    assert {role for role, _ in MATRIX} == set(Role)
    assert {table for _, table in MATRIX} == set(Table)


def test_members_equal_their_stored_text() -> None:
    assert Table.PHOTO_LINKS == "photo_links" and f"{Role.OFFICE}" == "office"
    assert Refusal.BAD_RECORD == "bad-record" and len({r.value for r in Refusal}) == len(Refusal)
    assert [1] not in tuple(Op)  # a hostile value is compared, never hashed
