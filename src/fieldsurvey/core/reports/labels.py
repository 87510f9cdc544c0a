"""Labels every report format prints: code lists' titles and labels, dates, yes/no, views."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

import sqlite_utils

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.text import decimal_text
from fieldsurvey.core.views import parse_views

# -- labels ----------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def code_labels(list_name: str, raw: str | None, lang: str) -> str:
    """Labels of a JSON list of codes, joined with "; " (the form spreadsheets filter well)."""
    if not raw:
        return ""
    try:
        codes = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(codes, list):
        return raw
    return "; ".join(vocabulary.label(list_name, str(code), lang) for code in codes)


def code_label(list_name: str, code: str | None, lang: str) -> str:
    return vocabulary.label(list_name, code, lang) if code else ""


def _commune_names(db: sqlite_utils.Database) -> dict[str, str]:
    return {c["code"]: c["name"] for c in reference.communes(db)}


def draft_text(lang: str) -> str:
    """What every page of a draft report says about itself."""
    if lang == "en":
        return "DRAFT – includes records not yet approved"
    return "DỰ THẢO – gồm cả bản ghi chưa được duyệt"


def report_date(lang: str, today: dt.date | None = None) -> str:
    """The report's date, dd/MM/yyyy as Vietnamese documents write it."""
    return (today or dt.date.today()).strftime("%d/%m/%Y")


@lru_cache(maxsize=4096)
def views_text(raw: str | None, lang: str = "vi") -> str:
    """Views as "70° (60°); 252,5°": direction, and the field of view when known."""
    return "; ".join(
        f"{decimal_text(d, lang)}°" + (f" ({decimal_text(a, lang)}°)" if a is not None else "")
        for d, a in parse_views(raw)
    )


def yes_no(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if lang == "en":
        return "yes" if value else "no"
    return "Có" if value else "Không"
