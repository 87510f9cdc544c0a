"""Stored values as people read them in the office screens: dates, code labels, names of the
records a value refers to, numbers and distances in the interface's language."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QLocale

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.reports import labels
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import moment_text
from fieldsurvey.ui.i18n import tr


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it as written: Qt reads a tooltip that looks like HTML as
    HTML (a name such as ``<img src=…>`` would load a file), so it is given as escaped HTML."""
    return f"<p>{html.escape(text)}</p>" if text else ""


def shown_date(text: str | None, *, as_written: bool = False) -> str:
    """An ISO date as dd/MM/yyyy, an ISO time (UTC) as dd/MM/yyyy HH:mm in local time; with
    ``as_written``, the clock time the text gives (``core.text.moment_text``)."""
    return moment_text(text, as_written=as_written)


def shown_decimal(value: float, places: int | None = None) -> str:
    """A number with decimals in the interface's language ("7,5" in Vietnamese, "7.5" in
    English): ``places`` decimals, or as few as it needs."""
    if places is None:
        return QLocale().toString(float(value), "g", 10)
    return QLocale().toString(float(value), "f", places)


def shown_distance(metres: float) -> str:
    """A distance as people read it, in the interface's language: "35 m", "1,2 km" (one
    decimal under 10 km), "8.724 km" (thousands grouped the Vietnamese way)."""
    locale = QLocale()
    if metres < 999.5:
        return f"{locale.toString(round(metres))} m"
    km = metres / 1000
    if km < 9.95:
        return f"{locale.toString(km, 'f', 1)} km"
    return f"{locale.toString(round(km))} km"


def shown_value(ws: Workspace, table: str, name: str, value: Any, lang: str) -> str:
    """A field's value as a person reads it: code labels, names of referenced records."""
    if value is None or value == "" or value == []:
        return "—"
    if name == "deleted":
        return tr("đã xóa") if value else tr("còn")
    try:
        field = record_kind(table).field(name)
    except ValidationError:
        return str(value)
    if field.kind == "date" or name.endswith("_at") or name == "taken_at_utc":
        # a photo's taken_at is its camera's clock, as written
        return shown_date(str(value), as_written=name == "taken_at")
    if field.kind == "views":
        return labels.views_text(value if isinstance(value, str) else json.dumps(value), lang)
    if isinstance(value, str) and field.kind in ("codes", "refs", "communes"):
        try:
            value = json.loads(value)
        except ValueError:
            return str(value)
    if field.kind == "code" and field.code_list:
        return vocabulary.label(field.code_list, str(value), lang)
    if field.kind == "codes" and field.code_list and isinstance(value, list):
        return ", ".join(vocabulary.label(field.code_list, str(v), lang) for v in value)
    if field.kind == "bool":
        return tr("Có") if value else tr("Không")
    if field.kind == "ref" and field.ref:
        return ws.title(field.ref, str(value)) or str(value)
    if field.kind == "commune":
        return commune_name(ws, str(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return shown_decimal(value)  # 7,5 in Vietnamese, 7.5 in English
    return str(value)


def commune_name(ws: Workspace, code: str) -> str:
    """A commune's name, or its code when no current commune has it."""
    return reference.commune_name(ws.db, code) or code
