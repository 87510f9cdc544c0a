"""Stored values as people read them in the office screens: dates, code labels, names of the
records a value refers to, numbers and distances in the interface's language."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from PySide6.QtCore import QLocale

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.reports import labels
from fieldsurvey.core.store.records import record_kind
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.i18n import tr


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it as written: Qt reads a tooltip that looks like HTML as
    HTML (a name such as ``<img src=…>`` would load a file), so it is given as escaped HTML."""
    return f"<p>{html.escape(text)}</p>" if text else ""


def shown_date(text: str | None, *, as_written: bool = False) -> str:
    """An ISO date as dd/MM/yyyy, an ISO time (UTC) as dd/MM/yyyy HH:mm in local time; with
    ``as_written``, the clock time the text gives (a photo's, as its camera's clock showed it,
    whatever offset it names)."""
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
        return tr("đã xoá") if value else tr("còn")
    try:
        field = record_kind(table).field(name)
    except ValidationError:
        return str(value)
    if field.kind == "views":
        return labels.views_text(value if isinstance(value, str) else json.dumps(value))
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
        return QLocale().toString(value, "g", 12)  # 7,5 in Vietnamese, 7.5 in English
    return str(value)


def commune_name(ws: Workspace, code: str) -> str:
    """A commune's name, or its code when no current commune has it."""
    return reference.commune_name(ws.db, code) or code
