"""Vietnamese-aware text folding for search: accents, case and đ/Đ all fold away."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# đ/Đ are letters of their own in Unicode (no combining mark to strip); Ð/ð (Icelandic eth)
# look identical and turn up in real data typed on foreign keyboards.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_WORD = re.compile(r"\w+")
# Combining marks left by NFKD (Vietnamese tones and vowel marks live in U+0300–U+036F).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip every diacritic, so "Đống Đa" and "dong da" compare equal."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold(text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return _MARKS.sub("", decomposed).casefold()


def words(text: str | None) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))
