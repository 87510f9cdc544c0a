"""Sentences a user reads, apart from the code that says them.

A message is a Vietnamese template (the language every string of the app is written in), the
context it is filed under in the translation files, and its parameters. Templates are marked
with ``QT_TRANSLATE_NOOP("context", "template")``, the marker ``pyside6-lupdate`` collects (both
written as string literals, or it does not see them), so
``scripts/update_translations.py`` puts them in ``resources/i18n/fieldsurvey_en.ts`` beside the
widgets' strings and translators see them in Qt Linguist. ``Message.text(lang)`` reads that same
file (no Qt needed: the command line uses it too) and fills the parameters in.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.text import decimal_text, moment_text


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:
    """Mark a template for the translation files; returns it unchanged."""
    return template


@functools.cache
def _catalogue(lang: str) -> Mapping[tuple[str, str], str]:
    """(context, Vietnamese template) → its finished translation, from the bundled .ts file."""
    path = resource_path("i18n", f"fieldsurvey_{lang}.ts")
    if lang == "vi" or not path.is_file():
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def translate(context: str, template: str, lang: str) -> str:
    """The template in ``lang`` (the Vietnamese one when there is no translation)."""
    return _catalogue(lang).get((context, template)) or template


@dataclass(frozen=True)
class Message:
    """A sentence for the user: ``template`` (Vietnamese, with ``{name}`` fields) filed under
    ``context``, filled with ``params``."""

    context: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        """The sentence in ``lang``; a parameter that can say itself in a language (a message
        for a detail or a reason, an error) is said in the same one."""
        params = {
            name: value.text(lang) if callable(getattr(value, "text", None)) else value
            for name, value in self.params.items()
        }
        return translate(self.context, self.template, lang).format_map(params)

    def __str__(self) -> str:
        """Vietnamese, then English when it differs: what the command line prints."""
        vi, en = self.text("vi"), self.text("en")
        return vi if en == vi else f"{vi} / {en}"

    def as_plain(self) -> dict[str, Any]:
        """The message as JSON data, kept to be said later in whichever language reads it:
        context, template and parameters (a message among them likewise; any other value that
        is not a JSON scalar as its text)."""
        return {
            "context": self.context,
            "template": self.template,
            "params": {name: _plain_param(value) for name, value in self.params.items()},
        }

    @classmethod
    def from_plain(cls, data: Any) -> Message | None:
        """A message written by ``as_plain``; None when ``data`` is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
            return None
        context, template = data.get("context"), data.get("template")
        if not isinstance(context, str) or not isinstance(template, str):
            return None
        params: dict[str, Any] = {}
        for name, value in data["params"].items():
            if isinstance(value, dict):
                value = cls.from_plain(value)
            if not isinstance(value, str | int | float | bool | Message) and value is not None:
                return None
            params[str(name)] = value
        return cls(context, template, params)


@dataclass(frozen=True)
class Number:
    """A parameter that is a number with decimals, written as the reader's language writes it
    ("3,5 m" in Vietnamese, "3.5 m" in English)."""

    value: float
    places: int = 1

    def text(self, lang: str = "vi") -> str:
        return decimal_text(self.value, lang, self.places)

    def __str__(self) -> str:
        return self.text("vi")


@dataclass(frozen=True)
class Moment:
    """A parameter that is an ISO date or time, read as dd/MM/yyyy (HH:mm) in every language."""

    iso: str

    def text(self, lang: str = "vi") -> str:
        return moment_text(self.iso)

    def __str__(self) -> str:
        return self.text()


def _plain_param(value: Any) -> Any:
    if isinstance(value, Message):
        return value.as_plain()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
