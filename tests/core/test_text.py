"""Accent folding: every Vietnamese letter, đ/Đ and the look-alike Ð/ð, NFC or NFD input; and
text made safe for a CSV cell."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from fieldsurvey.core.text import (
    FORMULA_STARTS,
    decimal_text,
    fold,
    moment_text,
    slug,
    spreadsheet_text,
    words,
)

VOWELS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
}


def test_every_vietnamese_vowel_folds_to_its_base_letter() -> None:
    for base, letters in VOWELS.items():
        for letter in letters:
            assert fold(letter) == base, letter
            assert fold(letter.upper()) == base, letter.upper()


def test_d_with_stroke_and_eth_fold_to_d() -> None:
    assert fold("đĐðÐ") == "dddd"
    assert fold("Đống Đa") == fold("dong da") == fold("ÐỐNG ÐA") == "dong da"


def test_place_names_typed_three_ways_fold_the_same() -> None:
    assert fold("Hoàn Kiếm") == fold("hoan kiem") == fold("HOÀN KIẾM") == fold("HOAN KIEM")


def test_decomposed_input_folds_like_composed() -> None:
    text = "Phường Hoàn Kiếm, Quận Đống Đa"
    expected = "phuong hoan kiem, quan dong da"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == expected


def test_words_split_on_punctuation() -> None:
    assert words("Văn Miếu – Quốc Tử Giám, 58 Quốc Tử Giám") == [
        "van",
        "mieu",
        "quoc",
        "tu",
        "giam",
        "58",
        "quoc",
        "tu",
        "giam",
    ]
    assert words(None) == [] and fold(None) == ""


@given(st.text())
def test_fold_is_idempotent_and_form_independent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_text_a_spreadsheet_would_evaluate_gets_an_apostrophe() -> None:
    for text in ("=1+1", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-5 m", "="):
        assert spreadsheet_text(text) == "'" + text, text
    for text in ("", "Camera 1", " =1+1", "\n=1", "'=1", "21.0285", "a=1", "Đống Đa"):
        assert spreadsheet_text(text) == text, text


@given(st.text())
def test_spreadsheet_text_never_starts_a_formula(text: str) -> None:
    safe = spreadsheet_text(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)


def test_slug_is_plain_ascii_a_file_name_can_hold() -> None:
    assert slug("UBND Phường Ba Đình") == "ubnd-phuong-ba-dinh"
    assert slug("../../Ðống  Đa/..\\x") == "dong-da-x"
    assert slug("Tổ khảo sát 1", "") == "tokhaosat1"
    assert slug("⁄ …") == "" and slug(None) == ""


def test_numbers_with_decimals_are_written_the_readers_way() -> None:
    assert decimal_text(7.5, "vi") == "7,5"
    assert decimal_text(7.5, "en") == "7.5"
    assert decimal_text(1234.5, "vi", 1) == "1.234,5"  # as QLocale writes it for vi_VN
    assert decimal_text(1234.5, "en", 1) == "1,234.5"
    assert decimal_text(0.8712, "vi", 2) == "0,87"
    assert decimal_text(135.0, "vi") == "135"


def test_moments_read_as_day_month_year_hours_minutes() -> None:
    assert moment_text("2026-03-31") == "31/03/2026"
    # a photo's own clock, as written, whatever offset it names
    assert moment_text("2026-03-31T08:05:09+07:00", as_written=True) == "31/03/2026 08:05"
    utc = moment_text("2026-03-31T01:05:09.123Z")
    local = dt.datetime(2026, 3, 31, 1, 5, 9, tzinfo=dt.UTC).astimezone()
    assert utc == local.strftime("%d/%m/%Y %H:%M")
    assert moment_text("không phải ngày") == "không phải ngày" and moment_text(None) == ""
