"""Each field's cleaner (``Field.clean``, what ``clean_value`` runs) answers every value as the
generic checks (``records._clean_any``) do: the same stored value of the same type, or the same
error with the same message. The cleaners only take a shorter way for the values they know."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.store.records import RECORD_KINDS, Field, _clean_any, clean_value

FIELDS = {f"{kind.table}.{f.name}": f for kind in RECORD_KINDS.values() for f in kind.fields}
CODE_LISTS = sorted({f.code_list for f in FIELDS.values() if f.code_list})
ALL_CODES = sorted({code for name in CODE_LISTS for code in vocabulary.codes(name)})


def outcome(clean: Any, field: Field, value: Any) -> tuple[Any, ...]:
    try:
        stored = clean(field, value)
    except FieldSurveyError as exc:
        return ("refused", type(exc), exc.message)
    except Exception as exc:  # what the generic checks let through, the cleaner must too
        return ("raised", type(exc))
    if isinstance(stored, float) and math.isnan(stored):
        return ("nan",)
    return ("stored", type(stored), stored)


def same_answer(field: Field, value: Any) -> None:
    kind = next(k for k in RECORD_KINDS.values() if field in k.fields)
    fast = outcome(lambda f, v: clean_value(kind, f, v), field, value)
    assert fast == outcome(_clean_any, field, value), (field.name, value)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=-5, max_value=4000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-400, max_value=400),
    st.sampled_from(ALL_CODES),
    st.sampled_from(["", " ", "\t", "1", "0", "true", "no", "yes", "1,5", " 2.5 ", "2025-03-03"]),
    st.sampled_from(["sites", " cameras ", "sqlite_master", "x" * 300, "y" * 301, "a\x00b"]),
    st.sampled_from(["\ud800", "Chợ\ud800", " Hồ Gươm ", "Hồ Gươm", "00070", "0" * 64, "Z" * 64]),
    st.text(max_size=20),
    st.text(alphabet=" \t\n\x00abcĐđ\u00a0\u2003", max_size=8),
)
views = st.lists(
    st.dictionaries(
        st.sampled_from(["direction", "angle", "tilt", "other"]),
        st.one_of(
            st.none(), st.booleans(), st.integers(-400, 400), st.floats(), st.sampled_from(["9"])
        ),
        max_size=4,
    ),
    max_size=3,
)
lists = st.one_of(
    st.lists(st.sampled_from(ALL_CODES), max_size=4),
    st.lists(scalars, max_size=4),
    st.tuples(st.sampled_from(ALL_CODES)).map(list),
    views,
    st.dictionaries(st.text(max_size=3), scalars, max_size=2),
)
values = st.one_of(scalars, lists, lists.map(lambda v: json.dumps(v, ensure_ascii=False)))


@pytest.mark.parametrize("name", sorted(FIELDS))
@settings(max_examples=300, deadline=None)
@given(value=values)
def test_each_field_cleans_as_the_generic_checks_do(name: str, value: Any) -> None:
    same_answer(FIELDS[name], value)


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_remembered_texts_are_answered_the_same_the_second_time(name: str) -> None:
    field = FIELDS[name]
    texts = [
        json.dumps(["traffic", "alpr"]),
        json.dumps([{"direction": 90.0, "angle": None, "tilt": None}]),
        json.dumps([{"direction": 400}]),
        json.dumps(["00070", "00070"]),
        "[]",
        "not json",
    ]
    for text in texts * 2:
        same_answer(field, text)


def test_the_cleaner_is_made_once_per_field() -> None:
    field = RECORD_KINDS["cameras"].field("views")
    assert field.clean is field.clean
