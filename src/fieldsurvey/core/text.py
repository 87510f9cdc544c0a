"""Vietnamese-aware text folding for search (accents, case and đ/Đ all fold away), text made
safe for a spreadsheet cell, the text a record id may be, and numbers and moments as people
read them (``decimal_text``, ``moment_text``: the widgets' QLocale says the same)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from functools import lru_cache
from typing import Final

# đ/Đ are letters of their own in Unicode (no combining mark to strip); Ð/ð (Icelandic eth)
# look identical and turn up in real data typed on foreign keyboards. Each becomes "d"
# (str.replace: str.translate looks every character up in a dict, 30 times slower).
LETTERS_FOLDED_TO_D: Final = ("đ", "Đ", "ð", "Ð")
_WORD = re.compile(r"\w+")
# Combining marks left by NFKD (Vietnamese tones and vowel marks live in U+0300–U+036F).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# What makes a spreadsheet take a text cell for a formula (OWASP's list for CSV injection).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip every diacritic, so "Đống Đa" and "dong da" compare equal."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold(text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    for letter in LETTERS_FOLDED_TO_D:
        if letter in text:
            text = text.replace(letter, "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return _MARKS.sub("", decomposed).casefold()


FOLD_FUNCTION: Final = "fold"
"""``fold(text)`` in SQL: the same folding, for the statements that fill the search index."""


def _fold_value(value: object) -> str:
    return fold(value if isinstance(value, str) or value is None else str(value))


def register(conn: sqlite3.Connection) -> None:
    """Make ``fold(text)`` known to this connection (deterministic: the same text always folds
    the same way)."""
    conn.create_function(FOLD_FUNCTION, 1, _fold_value, deterministic=True)


def slug(text: str | None, sep: str = "-") -> str:
    """``text`` as plain lower-case ASCII letters and digits for a file name: accents and đ
    folded, every run of anything else one ``sep`` (none with ``sep=""``), none at either end;
    so a name typed by anyone ("../Phường Ba Đình") can never name another folder."""
    plain = re.sub(r"[^a-z0-9]+", sep, fold(text))
    return plain.strip(sep) if sep else plain


def words(text: str | None) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


def spreadsheet_text(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet evaluates: text starting with = + - @, a tab or
    a carriage return gets a leading apostrophe (OWASP's rule), anything else is left as it is.

    Only for text: numbers are written as numbers, so a real -12.5 stays a number. Text with a
    space before its "=" is left alone: LibreOffice Calc reads " =1+1" as text (the CSV report's
    tests check it), and saved text never starts with a space (records.clean_value strips it).
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


MAX_ID_CHARS = 100


def storable_text(text: str) -> bool:
    """Text SQLite stores as it is: no NUL, and valid UTF-8 (no lone surrogates, which JSON's
    ``\\ud800`` escapes can produce)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_record_id(value: object) -> bool:
    """A record id or code: short storable text."""
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS and storable_text(value)


def words_match(query: str | None, text: str | None) -> bool:
    """Whether ``query`` names ``text`` the way people type it: folded as search folds (accents,
    case, đ), each word of the query, in order, either starts a word of the text or stands for
    the initials of as many words in a row ("TP" for "Thành phố", "UBND" for "Ủy ban nhân
    dân"), so "Cong an TP" names "Công an Thành phố Hà Nội"."""
    wanted, have = words(query), words(text)
    if not wanted:
        return False

    def match(i: int, j: int) -> bool:
        if i == len(wanted):
            return True
        word = wanted[i]
        for start in range(j, len(have)):
            if have[start].startswith(word) and match(i + 1, start + 1):
                return True
            span = have[start : start + len(word)]
            if (
                len(word) > 1
                and len(span) == len(word)
                and "".join(w[0] for w in span) == word
                and match(i + 1, start + len(word))
            ):
                return True
        return False

    return match(0, 0)


# Vietnamese writes a decimal comma and groups thousands with dots: 1.234,5.
_VIETNAMESE_NUMBER = str.maketrans(",.", ".,")


def decimal_text(value: float, lang: str, places: int | None = None) -> str:
    """A number as ``lang`` writes it: "1.234,5" in Vietnamese, "1,234.5" in English; with
    ``places`` decimals, or as few as it needs (up to ten significant digits)."""
    text = f"{value:,.10g}" if places is None else f"{value:,.{places}f}"
    return text.translate(_VIETNAMESE_NUMBER) if lang == "vi" else text


def moment_text(text: str | None, *, as_written: bool = False) -> str:
    """An ISO date as dd/MM/yyyy, an ISO time as dd/MM/yyyy HH:mm in this computer's time zone
    (Hà Nội's for a surveyor); with ``as_written``, the clock time the text gives (a photo's,
    as its camera's clock showed it, whatever offset it names). Text that is not ISO is given
    back as it is."""
    if not text:
        return ""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is not None and not as_written:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")
