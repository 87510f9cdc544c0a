"""Locations as people type them: decimal or degrees-minutes-seconds coordinates."""

from __future__ import annotations

import re

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

# One coordinate in degrees-minutes-seconds: 21°01'42.6"N, 21 01 42.6 N, 105°51.252'E …
_DMS = re.compile(
    r"""^\s*(?P<hemi1>[NSEW])?\s*
        (?P<deg>\d+(?:[.,]\d+)?)\s*(?:°|º|d|\s)\s*
        (?:(?P<min>\d+(?:[.,]\d+)?)\s*(?:'|′|’|m|\s)?\s*)?
        (?:(?P<sec>\d+(?:[.,]\d+)?)\s*(?:"|″|”|''|s)?\s*)?
        (?P<hemi2>[NSEW])?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_DECIMAL = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*°?\s*([NSEW])?\s*$", re.IGNORECASE)


def _bad(text: str) -> ValidationError:
    template = QT_TRANSLATE_NOOP(
        "location",
        'Không đọc được tọa độ {text}: hãy nhập "21.0285, 105.8542" hoặc '
        '"21°01\'42.6"N 105°51\'15.1"E".',
    )
    return ValidationError(Message("location", template, {"text": repr(text)}))


def _one(part: str, whole: str) -> tuple[float, str | None]:
    """One coordinate in degrees, with its hemisphere letter if it had one."""
    match = _DECIMAL.match(part)
    if match:
        return float(match.group(1).replace(",", ".")), (match.group(2) or "").upper() or None
    match = _DMS.match(part)
    if not match or (match.group("hemi1") and match.group("hemi2")):
        raise _bad(whole)
    parts = [match.group(k) for k in ("deg", "min", "sec")]
    deg, minutes, seconds = (float(p.replace(",", ".")) if p else 0.0 for p in parts)
    if minutes >= 60 or seconds >= 60:
        raise _bad(whole)
    hemi = (match.group("hemi1") or match.group("hemi2") or "").upper() or None
    return deg + minutes / 60 + seconds / 3600, hemi


def _split(text: str) -> list[str]:
    """The two coordinates of a pair: split at a comma/semicolon, else at the hemisphere letters
    (after the first when they follow the numbers, before the second when they lead)."""
    words = text.split()
    if len(words) == 2 and all(re.fullmatch(r"[+-]?\d+,\d+", w) for w in words):
        return words  # decimal commas: "21,0285 105,8542"
    for separator in (";", ","):
        if text.count(separator) == 1:
            return text.split(separator)
    text = text.strip()
    letters = [m.start() for m in re.finditer(r"[NSEWnsew]", text)]
    if len(letters) == 2:
        cut = letters[1] if letters[0] == 0 else letters[0] + 1
        return [text[:cut], text[cut:]]
    if len(words) == 2:
        return words
    raise _bad(text)


def parse_coordinates(text: str) -> tuple[float, float]:
    """(lat, lon) from what a surveyor typed or pasted; raises ValidationError if unreadable.

    Accepts "21.0285, 105.8542", "21.0285 105.8542", DMS such as 21°01'42.6"N 105°51'15.1"E
    (also with the hemisphere first, or with minutes only), and either order when the
    hemispheres say which is which.
    """
    if not text or len(text) > 200:
        raise _bad(text)
    (a, hemi_a), (b, hemi_b) = (_one(p, text) for p in _split(text))
    if hemi_a in ("E", "W") or hemi_b in ("N", "S"):
        (a, hemi_a), (b, hemi_b) = (b, hemi_b), (a, hemi_a)
    if hemi_a in ("E", "W") or hemi_b in ("N", "S"):
        raise _bad(text)
    lat = -a if hemi_a == "S" else a
    lon = -b if hemi_b == "W" else b
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        template = QT_TRANSLATE_NOOP("location", "Tọa độ ngoài phạm vi: {lat}, {lon}.")
        raise ValidationError(Message("location", template, {"lat": lat, "lon": lon}))
    return round(lat, 7), round(lon, 7)


def format_coordinates(lat: float | None, lon: float | None) -> str:
    """The decimal form a surveyor can read back and paste elsewhere."""
    if lat is None or lon is None:
        return ""
    return f"{lat:.6f}, {lon:.6f}"
