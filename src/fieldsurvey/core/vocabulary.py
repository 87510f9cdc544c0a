"""The bundled code lists (resources/vocabulary.json): codes, bilingual labels and OSM tags."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from fieldsurvey.core.resources import resource_path

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class _Item:
    code: str
    labels: Mapping[str, str]
    osm: Mapping[str, str]


@dataclass(frozen=True)
class _CodeList:
    name: str
    labels: Mapping[str, str]
    multiple: bool
    items: tuple[_Item, ...]
    by_code: Mapping[str, _Item]
    # (key, casefolded value) -> code; built once so imports of big inventories stay cheap.
    by_osm: Mapping[tuple[str, str], str]


def _osm_key(tag: str, value: str) -> tuple[str, str]:
    # OSM keys are lower case by convention but hand-made inventories capitalise headers and
    # values freely ("Dome", "ALPR", "alpr"); neither difference carries meaning.
    return tag.strip().casefold(), value.strip().casefold()


def _labels(raw: Any, where: str) -> Mapping[str, str]:
    if not isinstance(raw, dict):
        raise ValueError(f"vocabulary.json: {where} needs labels {LANGUAGES}")
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text = raw.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"vocabulary.json: {where} has no {lang!r} label")
        out[lang] = text
    return MappingProxyType(out)


def _tags(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        raise ValueError(f"vocabulary.json: {where} must map OSM keys to string values")
    return dict(raw)


def _parse_list(name: str, raw: Any) -> _CodeList:
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
        raise ValueError(f"vocabulary.json: list {name!r} has no items")
    multiple = raw.get("multiple")
    if not isinstance(multiple, bool):
        raise ValueError(f"vocabulary.json: list {name!r} must say whether it is multiple")
    items: list[_Item] = []
    by_code: dict[str, _Item] = {}
    by_osm: dict[tuple[str, str], str] = {}
    aliases: list[tuple[tuple[str, str], str]] = []
    for entry in raw["items"]:
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code:
            raise ValueError(f"vocabulary.json: an item of {name!r} has no code")
        where = f"{name}.{code}"
        if code in by_code:
            raise ValueError(f"vocabulary.json: {where} appears twice")
        item = _Item(
            code=code,
            labels=_labels(entry, where),
            osm=MappingProxyType(_tags(entry.get("osm"), where)),
        )
        items.append(item)
        by_code[code] = item
        for tag, value in item.osm.items():
            by_osm.setdefault(_osm_key(tag, value), code)
        for alias in entry.get("osm_aliases") or []:
            for tag, value in _tags(alias, where + " alias").items():
                aliases.append((_osm_key(tag, value), code))
    # An alias only fills gaps: a value some item writes on export must read back as that item.
    for key, code in aliases:
        by_osm.setdefault(key, code)
    return _CodeList(
        name=name,
        labels=_labels(raw.get("label"), f"list {name!r}"),
        multiple=multiple,
        items=tuple(items),
        by_code=MappingProxyType(by_code),
        by_osm=MappingProxyType(by_osm),
    )


@cache
def _data() -> Mapping[str, Any]:
    with resource_path("vocabulary.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError("vocabulary.json: not an object")
    return data


@cache
def _lists() -> Mapping[str, _CodeList]:
    data = _data()
    raw_lists = data.get("lists") if isinstance(data, dict) else None
    if not isinstance(raw_lists, dict):
        raise ValueError("vocabulary.json: no 'lists' object")
    return MappingProxyType({name: _parse_list(name, raw) for name, raw in raw_lists.items()})


def _get(list_name: str) -> _CodeList:
    try:
        return _lists()[list_name]
    except KeyError:
        known = ", ".join(sorted(_lists()))
        raise KeyError(f"unknown code list {list_name!r} (known lists: {known})") from None


def _lang(lang: str) -> str:
    # Accept locale names ("en_US", "vi-VN"); anything we have no labels for gets Vietnamese,
    # the interface's first language.
    short = lang[:2].lower()
    return short if short in LANGUAGES else "vi"


@cache
def _fields() -> Mapping[str, Mapping[str, str]]:
    raw = _data().get("fields")
    if not isinstance(raw, dict):
        raise ValueError("vocabulary.json: no 'fields' object")
    return MappingProxyType({key: _labels(labels, f"field {key!r}") for key, labels in raw.items()})


def field_names() -> list[str]:
    """Every field that has a label ("table.field" where a table gives a name its own meaning)."""
    return list(_fields())


def field_label(field: str, lang: str = "vi", table: str | None = None) -> str:
    """The one name of a record field, on screens and in reports alike; ``table`` picks the
    meaning of a name that differs by table (a unit's "kind" is not a shortcoming's)."""
    fields = _fields()
    labels = fields.get(f"{table}.{field}") if table else None
    labels = labels or fields.get(field)
    if labels is None:
        raise KeyError(f"no label for field {field!r}")
    return labels[_lang(lang)]


def list_names() -> list[str]:
    """Names of all code lists, in file order."""
    return list(_lists())


def list_label(list_name: str, lang: str = "vi") -> str:
    """The human title of a list, e.g. for a form field."""
    return _get(list_name).labels[_lang(lang)]


def codes(list_name: str) -> list[str]:
    """The codes of a list in display order."""
    return [item.code for item in _get(list_name).items]


def label(list_name: str, code: str, lang: str = "vi") -> str:
    """The label of ``code``; an unknown code (e.g. from an old package) is shown as itself."""
    item = _get(list_name).by_code.get(code)
    return item.labels[_lang(lang)] if item is not None else code


def is_multiple(list_name: str) -> bool:
    """Whether a record may hold several codes of this list at once."""
    return _get(list_name).multiple


def is_valid(list_name: str, code: str) -> bool:
    """Whether ``code`` belongs to the list."""
    return code in _get(list_name).by_code


def osm_tags(list_name: str, code: str) -> dict[str, str]:
    """The OSM tags that express ``code``; empty when OSM has none or the code is unknown."""
    item = _get(list_name).by_code.get(code)
    return dict(item.osm) if item is not None else {}


def from_osm(list_name: str, tag: str, value: str) -> str | None:
    """Our code for an OSM ``tag=value`` (case-insensitive), or None when nothing matches."""
    return _get(list_name).by_osm.get(_osm_key(tag, value))


def items(list_name: str, lang: str = "vi") -> list[tuple[str, str]]:
    """``(code, label)`` pairs in display order, for combo boxes and check lists."""
    chosen = _lang(lang)
    return [(item.code, item.labels[chosen]) for item in _get(list_name).items]


@dataclass(frozen=True)
class Term:
    """A code of a list as a message's parameter: said as its label in the reader's language
    (``Message.text`` asks it), never as the code itself."""

    list_name: str
    code: str

    def text(self, lang: str = "vi") -> str:
        return label(self.list_name, self.code, lang)

    def __str__(self) -> str:
        return self.text("vi")
