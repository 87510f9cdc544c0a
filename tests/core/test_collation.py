"""Vietnamese alphabetical order: 628 real names of Hà Nội's communes and former wards in the
order checked by hand (tests/data/order/SOURCE.md), the same order in SQLite's collation, and
the rules it follows (letters before tones, syllable by syllable, numbers by value)."""

from __future__ import annotations

import csv
import random
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldsurvey.core import collation
from fieldsurvey.core.collation import compare, name_key, sort_key
from fieldsurvey.core.reference import COMMUNES_CSV, WARDS_CSV
from fieldsurvey.core.resources import resource_path

ORDER = Path(__file__).parents[1] / "data" / "order"


def checked(name: str) -> list[str]:
    return (ORDER / name).read_text(encoding="utf-8").splitlines()


def reference_names(csv_name: str, column: str) -> list[str]:
    with resource_path("reference", csv_name).open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def test_the_checked_lists_are_the_reference_data() -> None:
    assert sorted(checked("communes.txt")) == sorted(reference_names(COMMUNES_CSV, "commune_name"))
    short = {
        name.split(" ", 1)[1] if name.startswith(("Phường ", "Xã ")) else name
        for name in reference_names(WARDS_CSV, "ward_name")
    }
    assert sorted(checked("former_wards.txt")) == sorted(short)
    assert len(checked("communes.txt")) + len(checked("former_wards.txt")) >= 200


@pytest.mark.parametrize("name", ["communes.txt", "former_wards.txt"])
def test_real_names_sort_in_the_order_checked_by_hand(name: str) -> None:
    expected = checked(name)
    for seed in range(3):
        shuffled = expected[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == expected


@pytest.mark.parametrize("name", ["communes.txt", "former_wards.txt"])
def test_sqlite_collation_gives_the_same_order(name: str) -> None:
    expected = checked(name)
    shuffled = expected[:]
    random.Random(1).shuffle(shuffled)
    conn = sqlite3.connect(":memory:")
    collation.register(conn)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in shuffled])
    got = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY name COLLATE vietnamese")]
    assert got == expected
    # and through an index in that order
    conn.execute("CREATE INDEX t_name ON t (name COLLATE vietnamese)")
    got = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY name COLLATE vietnamese")]
    assert got == expected


def test_the_issue_s_commune_run() -> None:
    names = checked("communes.txt")
    run = [
        "Phường Dương Nội",
        "Phường Đại Mỗ",
        "Phường Định Công",
        "Phường Đông Ngạc",
        "Phường Đống Đa",
        "Phường Giảng Võ",
    ]
    start = names.index(run[0])
    assert names[start : start + len(run)] == run
    assert names.index("Phường Ngọc Hà") < names.index("Phường Ô Chợ Dừa")
    assert names.index("Phường Ô Chợ Dừa") < names.index("Phường Phú Diễn")
    # not after Y as code points put them
    assert names.index("Xã Ứng Thiên") < names.index("Xã Yên Bài")


def in_order(*names: str) -> bool:
    return [sorted(names, key=sort_key)] == [list(names)]


def test_alphabet_letters_each_after_their_plain_letter() -> None:
    assert in_order("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i")
    assert in_order("o", "ô", "ơ", "p", "u", "ư", "v", "x", "y")
    assert in_order("Ao", "Ăn", "Ân", "Bút")  # the letter, whatever follows it
    assert in_order("Dương", "Đa")


def test_tones_after_letters_in_dictionary_order() -> None:
    assert in_order("ma", "mà", "mả", "mã", "má", "mạ", "mai")
    # within a syllable letters first, then the tone
    assert in_order("án", "anh")
    assert in_order("Hoà Bình", "Hòa Lạc")  # old- and new-style tone placement are the same tone


def test_syllable_by_syllable() -> None:
    assert in_order("Đông Ngạc", "Đống Đa")
    assert in_order("Phú Thượng", "Phúc Lợi")
    assert in_order("Hà Đông", "Hai Bà Trưng")


def test_case_and_punctuation_only_break_ties() -> None:
    assert in_order("Ba Đình", "ba đình", "Bạch Mai")
    assert in_order("Văn Miếu - Quốc Tử Giám", "Văn Miếu Quốc Tử Giám")
    assert compare("Ba Đình", "Ba Đình") == 0
    assert compare("Ba Đình", "ba đình") != 0  # different texts are never equal


def test_the_stored_key_leaves_the_ties_to_the_list() -> None:
    """The key stored beside a name keeps its words and numbers only: texts that differ in case
    or punctuation alone share it (the lists break such ties by id)."""
    assert name_key("Ba Đình") == name_key("ba đình") == name_key("BA  ĐÌNH!")
    assert name_key("Văn Miếu - Quốc Tử Giám") == name_key("Văn Miếu Quốc Tử Giám")
    assert name_key("Đông Ngạc") < name_key("Đống Đa") < name_key("Giảng Võ")
    assert sort_key("Ba Đình") == name_key("Ba Đình") + "\x00Ba Đình"


@given(st.lists(st.text(max_size=12), max_size=30))
def test_the_stored_key_orders_as_the_full_key_with_the_text_as_tie_break(
    texts: list[str],
) -> None:
    assert sorted(texts, key=lambda t: (name_key(t), t)) == sorted(texts, key=sort_key)


def test_numbers_by_value_before_letters() -> None:
    assert in_order("Chợ – camera 2", "Chợ – camera 10", "Chợ – camera 100")
    assert in_order("Số 9", "Số 010", "Số A")
    assert in_order("Ngõ 5", "Ngõ Huế")


def test_nfd_input_and_lookalike_eth() -> None:
    assert (
        sort_key(unicodedata.normalize("NFD", "Đống Đa")).split("\x00")[0]
        == (sort_key("Đống Đa").split("\x00")[0])
    )
    assert in_order("Dung", "Ðống Đa", "Em")  # Icelandic eth, typed on a foreign keyboard


def test_other_accents_sort_as_their_letter_and_other_scripts_after_latin() -> None:
    assert in_order("Café", "Cafes", "Zoo", "Москва", "北京")


@given(st.lists(st.text(max_size=12), max_size=20))
def test_a_total_order_the_same_in_python_and_sqlite(texts: list[str]) -> None:
    texts = [t for t in texts if "\x00" not in t and t.encode("utf-8", "ignore").decode() == t]
    conn = sqlite3.connect(":memory:")
    collation.register(conn)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(t,) for t in texts])
    got = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY name COLLATE vietnamese")]
    assert got == sorted(texts, key=sort_key)
    for a in texts:
        for b in texts:
            assert (compare(a, b) == 0) == (a == b)
            assert compare(a, b) == -compare(b, a)
