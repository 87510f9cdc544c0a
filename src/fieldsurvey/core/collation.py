"""Vietnamese alphabetical order: the sort key every list, filter, picker and report sorts
names by, and the SQLite collation (``COLLATE vietnamese``) that applies it in SQL.

The order is the Vietnamese dictionaries' (Hoàng Phê's Từ điển tiếng Việt): the alphabet
a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z of foreign words in their
Latin places), compared syllable by syllable; within a syllable the letters first, then the
tone: none, huyền, hỏi, ngã, sắc, nặng (ma < mà < mả < mã < má < mạ). So "Đông Ngạc" comes
before "Đống Đa" (the first syllables differ by tone alone), and "Đống Đa" before "Giảng Võ".
Case and punctuation only break ties; a number sorts by its value, before letters ("Số 2"
before "Số 10"); letters of other scripts after the Latin ones.

ICU (PyICU) compares tones only after the whole text's letters, which puts "Đống Đa" before
"Đông Ngạc", and it has no wheel on PyPI: it would need a compiler and ICU's headers on every
machine that installs FieldSurvey. This key is a few string operations in C per name, cached.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache
from typing import Final

NAME: Final = "vietnamese"
"""The collation's name in SQL: ``ORDER BY name COLLATE vietnamese``."""

ALPHABET: Final = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tones in dictionary order; the combining mark each is written with.
_TONE_MARKS: Final = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# The letter's vowel mark (ă â ê ô ơ ư) is part of the letter, not a tone.
_LETTER_MARKS: Final = {"\u0306", "\u0302", "\u031b"}

# A name's key is made of these, so keys compare as plain strings (code point by code point):
# after each word, _END then its tone (one of _TONES); a number is _NUMBER, its length, its
# digits. _END is below everything, so a word sorts before the same word continued ("An" <
# "Anh"); _NUMBER is below every letter, so numbers come first.
_END: Final = "\x01"
_TONES: Final = tuple(chr(2 + tone) for tone in range(len(_TONE_MARKS)))
_NUMBER: Final = "\x08"
_LETTER_BASE: Final = 0x41  # the first letter's weight; letters of other scripts are above
_TIE: Final = "\x00"  # between the key and the text itself, which breaks ties

_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_MARKS = re.compile("[\u0300-\u036f]")


def _tables() -> tuple[dict[int, str], dict[str, str]]:
    """Each lower-case Latin letter (with any accents) → its letter's weight, and each letter
    carrying a tone → that tone's character."""
    weights = {letter: chr(_LETTER_BASE + i) for i, letter in enumerate(ALPHABET)}
    letters: dict[int, str] = {}
    tones: dict[str, str] = {}
    ranges = (range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    for char in (chr(c) for r in ranges for c in r):
        if char != char.lower():
            continue
        if char in weights:
            letters[ord(char)] = weights[char]
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        kept = "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", base + kept)
        if letter not in weights:
            # ð looks like đ; other accented letters sort as their plain letter
            letter = "đ" if base == "ð" else base
        if letter in weights:
            letters[ord(char)] = weights[letter]
        tone = next((_TONE_MARKS.index(m) for m in marks if m in _TONE_MARKS), 0)
        if tone and letter in weights:
            tones[char] = _TONES[tone]
    return letters, tones


_LETTERS, _TONE_OF = _tables()
_TONED = re.compile("[" + "".join(sorted(_TONE_OF)) + "]")


def name_key(text: str) -> str:
    """The string that puts ``text`` in Vietnamese alphabetical order, its words and numbers
    only, when keys are compared as plain strings: texts that differ only in case or punctuation
    get the same one. The sort key stored beside each name (``sort_name``; its lists break ties
    by id), without the text itself: a third of a city camera's row and its name index. Not
    cached, as each name is keyed once there (a city's 250,000 names would fill the cache with
    keys never asked for again); its words' parts are (``_word_key``): a city's names are made
    of a few thousand syllables."""
    folded = text.lower()
    if not folded.isascii():
        folded = _MARKS.sub("", unicodedata.normalize("NFC", folded))
    return "".join(map(_word_key, _TOKEN.findall(folded)))


def key_of(text: str) -> str:
    """``name_key(text)`` followed by the text itself, which breaks ties: two different texts
    never get equal keys. Not cached (``sort_key`` is the cached one, for sorting)."""
    return name_key(text) + _TIE + text


@lru_cache(maxsize=16384)
def _word_key(token: str) -> str:
    """One word's or number's part of a key: the 250,000 names of the demo city keyed in
    1.58 s word by word, in 0.87 s with the words' parts cached (the same keys)."""
    if token[0].isdigit():
        digits = token.lstrip("0") or "0"
        return _NUMBER + chr(0x100 + len(digits)) + digits + _END + _TONES[0]
    toned = _TONED.search(token)
    tone = _TONE_OF[toned.group()] if toned else _TONES[0]
    return token.translate(_LETTERS) + _END + tone


@lru_cache(maxsize=262144)
def sort_key(text: str) -> str:
    """``key_of(text)``, cached, for sorting and comparing, where the same names come again
    (the collation keys both names at every comparison): ``sorted(names, key=sort_key)``."""
    return key_of(text)


def compare(left: str, right: str) -> int:
    """-1, 0 or 1 as ``left`` sorts before, with or after ``right`` (the SQLite collation)."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


SORT_KEY_FUNCTION = "fs_sort_key"


def register(conn: sqlite3.Connection) -> None:
    """Make ``COLLATE vietnamese`` and ``fs_sort_key(text)`` (``name_key`` in SQL, for the
    statements that fill the stored sort keys) known to this connection."""
    conn.create_collation(NAME, compare)
    conn.create_function(
        SORT_KEY_FUNCTION, 1, lambda text: name_key(text or ""), deterministic=True
    )
