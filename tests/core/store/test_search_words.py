"""The words an index entry holds: the bytes way of making them (``_entry_words``) against the
regular expressions of ``index_words``, which define them."""

from __future__ import annotations

import unicodedata

import pytest

from fieldsurvey.core.store.search import _entry_words, index_words


def expected(text: str) -> str:
    return " ".join(index_words(text))


NAMES = [
    "Chợ Đồng Xuân – cổng số 2",
    "NÚT GIAO KIM MÃ — ĐƯỜNG LÁNG",
    "Ngõ 12/34 phố Hàng Bạc; (điểm 4)",
    "Ủy ban nhân dân phường Ô Chợ Dừa",
    "Ðống Đa, ð",  # the eth letters look like đ
    "Trường THPT Phú Xuyên A\u00a0(cơ sở 2)…",
    "camera_3 hướng 45°, cao 4,5 m",
    "Nhà hát Lớn «Hà Nội» “Opera”",
    "中国银行 Hà Nội",
    "Ｆｕｌｌ ｗｉｄｔｈ ﬁ ½",
    "emoji 📷 cam",
    "",
    "   ",
    "—",
]


@pytest.mark.parametrize("text", NAMES)
def test_names_give_the_words_of_the_regular_expressions(text: str) -> None:
    assert _entry_words(text) == expected(text)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        changed = unicodedata.normalize(form, text)
        assert _entry_words(changed) == expected(changed), form


def test_every_character_gives_the_same_words_alone_and_inside_words() -> None:
    wrong = []
    for code in range(0x3000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (char, f"ab{char}cd", f"Đố{char}ng 12{char}3", f"{char}Ể x"):
            if _entry_words(text) != expected(text):
                wrong.append(hex(code))
                break
    assert wrong == []


def test_values_of_other_types_are_their_text() -> None:
    assert _entry_words(None) == ""
    assert _entry_words(12) == "12"
    assert _entry_words(4.5) == "4 5"
