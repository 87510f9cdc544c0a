"""Place photos without GPS from a surveyor's GPX track by matching the photo time to the fixes."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path
from typing import Literal

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message, Number

# A day of logging at one fix per second is ~15 MB of GPX; 50 MB leaves room for chatty loggers
# while keeping a mistaken pick (a video, a disk image) from being read into memory.
MAX_BYTES = 50 * 1024 * 1024
# About what 50 MB of minimal <trkpt> elements holds; a cap of its own so a file that is small
# but dense cannot build millions of objects either.
MAX_POINTS = 1_000_000

GPX_NAMESPACES = frozenset(
    {"http://www.topografix.com/GPX/1/0", "http://www.topografix.com/GPX/1/1"}
)

# Refused before any parsing: a DOCTYPE is the only way to declare entities, and entity
# expansion (billion laughs, external entities) is the whole attack surface of XML here; no
# GPX writer emits one. Also matched in UTF-16, the one non-ASCII-compatible encoding expat
# reads. The parser refuses a DOCTYPE again (``_Target.doctype``) for anything this misses.
_DECLARATION = re.compile(
    b"|".join(
        re.escape(word.encode(encoding))
        for word in ("<!DOCTYPE", "<!ENTITY")
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ),
    re.IGNORECASE,
)

# ISO 8601 as GPX loggers and cameras write it: "2025-03-14T01:30:05Z", "...05.250+07:00",
# a space instead of the T, and EXIF's "2025:03:14 08:30:05" (colons in the date).
_TIMESTAMP = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-:])(?P<month>\d{2})(?P=sep)(?P<day>\d{2})[T ]"
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?")

PlacementMethod = Literal["interpolated", "nearest", "none"]

NO_PHOTO_TIME = Message("photos", QT_TRANSLATE_NOOP("photos", "ảnh không có thời gian chụp"))


class TrackError(FieldSurveyError):
    """A GPX file cannot be used as a track; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class TrackPoint:
    """One timed fix from the logger; ``time`` is timezone-aware (UTC when read from GPX)."""

    time: datetime
    lat: float
    lon: float
    ele: float | None = None

    def __post_init__(self) -> None:
        # A naive time cannot be compared with the aware photo times and would fail far away.
        if self.time.tzinfo is None or self.time.utcoffset() is None:
            raise ValueError(f"TrackPoint time must be timezone-aware, got {self.time!r}")


@dataclass(frozen=True)
class TrackReading:
    """The fixes read from a GPX file, sorted by time, and how many points were left out."""

    points: tuple[TrackPoint, ...]
    skipped_no_time: int = 0  # <trkpt> without <time> (route and waypoints without one are not)
    skipped_bad_time: int = 0  # a <time> that is not an ISO 8601 date and time
    skipped_bad_position: int = 0  # lat/lon missing, not numbers, out of range, or exactly 0, 0

    @property
    def skipped(self) -> int:
        return self.skipped_no_time + self.skipped_bad_time + self.skipped_bad_position


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a photo was taken according to the track, or why it could not be placed.

    ``gap_s`` is the time in seconds between the photo's true time and the nearest fix: the fix
    used for 'nearest', the closer of the two for 'interpolated'; for 'none' it is still the
    nearest fix's distance when the track has points (so a user can see how far off the clock
    or the tolerance is), and None when there was nothing to compare.
    """

    lat: float | None
    lon: float | None
    ele: float | None
    gap_s: float | None
    method: PlacementMethod
    reason: Message | None = None


# ---------------------------------------------------------------------------------------------
# Reading GPX


def read_gpx(
    path: Path, *, max_bytes: int = MAX_BYTES, max_points: int = MAX_POINTS
) -> list[TrackPoint]:
    """The timed fixes of the GPX file at ``path``, sorted by time; see ``read_track``."""
    return list(read_track(path, max_bytes=max_bytes, max_points=max_points).points)


def read_track(
    path: Path, *, max_bytes: int = MAX_BYTES, max_points: int = MAX_POINTS
) -> TrackReading:
    """Read GPX 1.0 or 1.1 (or the same without a namespace) into fixes sorted by time.

    Every ``<trkpt>`` of every ``<trk>/<trkseg>`` is read, plus ``<rtept>`` and ``<wpt>`` that
    carry a ``<time>`` (a planned route or a marked place without one says nothing about where
    the surveyor was when). Times without an offset are taken as UTC, as the GPX schema says.
    Points without a usable time or position are skipped and counted in the result.

    Raises ``TrackError`` for a file that cannot be read, is over ``max_bytes`` or holds more
    than ``max_points`` points, has a DOCTYPE/ENTITY declaration, is not XML, is not GPX, or has
    no timed point.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(name, size, max_bytes)
        with path.open("rb") as file:
            # Read one byte past the cap: the file may have grown since stat, or be a device.
            data = file.read(max_bytes + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise TrackError(
            Message(
                "photos",
                QT_TRANSLATE_NOOP("photos", "Không đọc được tệp {name}: {reason}."),
                {"name": name, "reason": reason},
            )
        ) from error
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    if _DECLARATION.search(data):
        raise _doctype_refused(name)
    return _parse(data, name, max_points)


def _parse(data: bytes, name: str, max_points: int) -> TrackReading:
    target = _Target(name, max_points)
    # A custom target instead of a tree: points are built as elements close, so memory stays at
    # the size of the result however big the file.
    parser = ET.XMLParser(target=target)
    try:
        parser.feed(data)
        parser.close()
    except ET.ParseError as error:
        raise TrackError(
            Message(
                "photos",
                QT_TRANSLATE_NOOP("photos", "Tệp {name} không phải XML hợp lệ ({error})."),
                {"name": name, "error": error},
            )
        ) from error
    except (LookupError, ValueError) as error:
        # An encoding declaration expat cannot use (unknown, or multi-byte like Shift-JIS).
        raise TrackError(
            Message(
                "photos",
                QT_TRANSLATE_NOOP("photos", "Tệp {name} không phải XML đọc được ({error})."),
                {"name": name, "error": error},
            )
        ) from error
    if not target.points:
        skipped = target.skipped_no_time + target.skipped_bad_time + target.skipped_bad_position
        raise TrackError(
            Message(
                "photos",
                QT_TRANSLATE_NOOP(
                    "photos",
                    "Tệp {name} không có điểm nào có thời gian nên không dùng để định vị ảnh được "
                    "(bỏ qua {skipped} điểm).",
                ),
                {"name": name, "skipped": skipped},
            )
        )
    # Stable: fixes with the same time keep file order. Loggers write in order, but files
    # merged from several devices or hand-edited do not.
    target.points.sort(key=_time)
    return TrackReading(
        points=tuple(target.points),
        skipped_no_time=target.skipped_no_time,
        skipped_bad_time=target.skipped_bad_time,
        skipped_bad_position=target.skipped_bad_position,
    )


class _Target:
    """Receives parser events and keeps only the points: ``<trkpt>``, ``<rtept>``, ``<wpt>``."""

    def __init__(self, name: str, max_points: int) -> None:
        self.name = name
        self.max_points = max_points
        self.points: list[TrackPoint] = []
        self.skipped_no_time = 0
        self.skipped_bad_time = 0
        self.skipped_bad_position = 0
        self._seen = 0
        self._stack: list[str] = []
        # The paths of point elements, filled in from the root's namespace: "{ns}gpx" etc.
        self._paths: dict[tuple[str, ...], str] = {}
        self._time_tag = ""
        self._ele_tag = ""
        self._point_depth = -1  # stack depth of the open point element, -1 when none is open
        self._kind = ""
        self._lat: str | None = None
        self._lon: str | None = None
        self._time: str | None = None
        self._ele: str | None = None
        self._text: list[str] | None = None  # collects <time>/<ele> text of the open point

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        # Second line of defence behind _DECLARATION (an encoding it does not know): stop at the
        # start of the DOCTYPE, before any entity in it is declared, let alone expanded.
        raise _doctype_refused(self.name)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if not self._stack:
            self._start_root(tag)
        elif self._point_depth < 0:
            kind = self._paths.get((*self._stack, tag))
            if kind is not None:
                self._seen += 1
                if self._seen > self.max_points:
                    # Thousands apart with a space, read alike in both languages.
                    limit = f"{self.max_points:,}".replace(",", " ")
                    raise TrackError(
                        Message(
                            "photos",
                            QT_TRANSLATE_NOOP(
                                "photos", "Tệp {name} có hơn {limit} điểm, quá giới hạn."
                            ),
                            {"name": self.name, "limit": limit},
                        )
                    )
                self._point_depth = len(self._stack)
                self._kind = kind
                self._lat = attrib.get("lat")
                self._lon = attrib.get("lon")
                self._time = self._ele = None
        elif len(self._stack) == self._point_depth + 1 and tag in (self._time_tag, self._ele_tag):
            self._text = []
        self._stack.append(tag)

    def _start_root(self, tag: str) -> None:
        namespace, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
        if local != "gpx" or (namespace and namespace not in GPX_NAMESPACES):
            shown = f"{{{namespace}}}{local}" if namespace and local == "gpx" else local
            raise TrackError(
                Message(
                    "photos",
                    QT_TRANSLATE_NOOP(
                        "photos",
                        "Tệp {name} là XML nhưng không phải GPX (phần tử gốc là <{root}>).",
                    ),
                    {"name": self.name, "root": shown},
                )
            )
        # Children must be in the root's namespace: extensions from other vendors (Garmin's
        # heart rate, for one) may have elements called "time" that are not the fix's time.
        prefix = f"{{{namespace}}}" if namespace else ""
        root = prefix + "gpx"
        self._paths = {
            (root, prefix + "trk", prefix + "trkseg", prefix + "trkpt"): "trkpt",
            (root, prefix + "rte", prefix + "rtept"): "rtept",
            (root, prefix + "wpt"): "wpt",
        }
        self._time_tag = prefix + "time"
        self._ele_tag = prefix + "ele"

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        self._stack.pop()
        depth = len(self._stack)
        if self._text is not None and depth == self._point_depth + 1:
            text = "".join(self._text).strip()
            if tag == self._time_tag:
                self._time = text
            else:
                self._ele = text
            self._text = None
        elif depth == self._point_depth:
            self._point_depth = -1
            self._finish_point()

    def close(self) -> None:
        return None

    def _finish_point(self) -> None:
        if not self._time:
            # A route or a marked place without a time is ordinary and says nothing about the
            # walk; a track point without one is a logger fault worth counting.
            if self._kind == "trkpt":
                self.skipped_no_time += 1
            return
        position = _position(self._lat, self._lon)
        if position is None:
            self.skipped_bad_position += 1
            return
        try:
            time = _parse_timestamp(self._time, UTC)
        except ValueError:
            self.skipped_bad_time += 1
            return
        self.points.append(TrackPoint(time, position[0], position[1], _elevation(self._ele)))


def _position(lat_text: str | None, lon_text: str | None) -> tuple[float, float] | None:
    if lat_text is None or lon_text is None:
        return None
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    # Many loggers write 0, 0 before their first fix; nobody surveys Hà Nội from the Gulf of
    # Guinea, and a photo placed there would be worse than one not placed.
    if lat == 0 and lon == 0:
        return None
    return lat, lon


def _elevation(text: str | None) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _too_large(name: str, size: int, limit: int) -> TrackError:
    size_mb, limit_mb = size / 1024 / 1024, limit / 1024 / 1024
    return TrackError(
        Message(
            "photos",
            QT_TRANSLATE_NOOP("photos", "Tệp {name} quá lớn ({size} MB, giới hạn {limit} MB)."),
            {"name": name, "size": Number(size_mb, 1), "limit": f"{limit_mb:.0f}"},
        )
    )


def _doctype_refused(name: str) -> TrackError:
    return TrackError(
        Message(
            "photos",
            QT_TRANSLATE_NOOP(
                "photos",
                "Tệp {name} có khai báo DOCTYPE/ENTITY nên bị từ chối để an toàn; tệp GPX không "
                "cần khai báo này.",
            ),
            {"name": name},
        )
    )


# ---------------------------------------------------------------------------------------------
# Times


def _parse_offset(text: str) -> timezone:
    """A UTC offset ("+07:00", "+0700", "+07", "-05:30", "Z") as a timezone, else ValueError."""
    text = text.strip()
    if text.upper() == "Z":
        return UTC
    match = _OFFSET.fullmatch(text)
    if match is None:
        raise ValueError(f"not a UTC offset: {text!r}")
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    # Real offsets run from -12:00 to +14:00; anything past that is a typo, not a place.
    if minutes >= 60 or hours * 60 + minutes > 14 * 60:
        raise ValueError(f"not a UTC offset: {text!r}")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if match["sign"] == "-" else delta)


def _parse_timestamp(text: str, default_zone: timezone) -> datetime:
    """An ISO 8601 date and time as UTC; ``default_zone`` applies when it has no offset."""
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO 8601 date and time: {text!r}")
    # Any number of fraction digits: loggers write milliseconds, some write nanoseconds.
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    zone = _parse_offset(match["zone"]) if match["zone"] else default_zone
    moment = datetime(
        int(match["year"]),
        int(match["month"]),
        int(match["day"]),
        int(match["hour"]),
        int(match["minute"]),
        int(match["second"] or 0),
        int(fraction),
        tzinfo=zone,
    )  # ValueError for month 13, 25:00, second 60 and the like
    return moment.astimezone(UTC)


def photo_time_to_utc(taken_at_iso: str, *, assumed_utc_offset: str = "+07:00") -> datetime:
    """The UTC moment of a photo time.

    Cameras write EXIF times in local time without an offset. A time with an offset ("Z",
    "+07:00") is used as it is; one without gets ``assumed_utc_offset`` — Hà Nội is UTC+7 all
    year (no daylight saving). Accepts "2025-03-14T08:30:05", a space for the T, fractional
    seconds, and EXIF's own "2025:03:14 08:30:05". Raises ValueError for anything else, including
    a date without a time of day, and for a bad ``assumed_utc_offset``.
    """
    return _parse_timestamp(taken_at_iso, _parse_offset(assumed_utc_offset))


# ---------------------------------------------------------------------------------------------
# Placing photos


def _time(point: TrackPoint) -> datetime:
    return point.time


def _check_settings(tolerance_s: float, camera_offset_s: float) -> None:
    if not (math.isfinite(tolerance_s) and tolerance_s >= 0):
        raise ValueError(f"tolerance_s must be a finite number >= 0, got {tolerance_s!r}")
    if not math.isfinite(camera_offset_s):
        raise ValueError(f"camera_offset_s must be a finite number, got {camera_offset_s!r}")


def _seconds(value: float) -> str:
    return f"{value:.0f}"


def place(
    track: Sequence[TrackPoint],
    taken_at: datetime,
    *,
    tolerance_s: float = 60,
    camera_offset_s: float = 0,
) -> Placement:
    """Where the track was when the photo was taken.

    ``track`` must be sorted by time (``read_gpx`` returns it so); it is searched with bisect,
    so a long track costs nothing per photo. ``taken_at`` must be timezone-aware.

    ``camera_offset_s`` is what you ADD to the camera's time to get the true time: a camera
    whose clock is 90 s slow (it shows 08:30:00 when it is really 08:31:30) needs +90; a camera
    that is fast needs a negative offset.

    Between two fixes that are both within ``tolerance_s`` of the true time the position is
    interpolated linearly in lat/lon (over seconds, the curvature of the Earth is far below GPS
    noise); otherwise the nearest fix is used if it is within ``tolerance_s``; otherwise the
    photo is not placed and ``reason`` says why. Requiring both fixes within tolerance is what
    keeps a photo from being interpolated across a gap in the track longer than 2 × tolerance
    (the logger was off or had no fix): such a photo is placed only if one end of the gap is
    itself within tolerance, and otherwise the reason names the gap.
    """
    if taken_at.tzinfo is None or taken_at.utcoffset() is None:
        raise ValueError("taken_at must be timezone-aware; see photo_time_to_utc")
    _check_settings(tolerance_s, camera_offset_s)
    if not track:
        return Placement(
            None,
            None,
            None,
            None,
            "none",
            Message("photos", QT_TRANSLATE_NOOP("photos", "vết GPS không có điểm nào")),
        )

    true_time = taken_at + timedelta(seconds=camera_offset_s)
    index = bisect_left(track, true_time, key=_time)
    before = track[index - 1] if index > 0 else None
    after = track[index] if index < len(track) else None

    if after is not None and after.time == true_time:
        return Placement(after.lat, after.lon, after.ele, 0.0, "nearest")
    gap_before = (true_time - before.time).total_seconds() if before else math.inf
    gap_after = (after.time - true_time).total_seconds() if after else math.inf

    if before is not None and after is not None and max(gap_before, gap_after) <= tolerance_s:
        fraction = gap_before / (gap_before + gap_after)
        ele: float | None
        if before.ele is not None and after.ele is not None:
            ele = before.ele + (after.ele - before.ele) * fraction
        else:
            ele = before.ele if gap_before <= gap_after else after.ele
        return Placement(
            before.lat + (after.lat - before.lat) * fraction,
            before.lon + (after.lon - before.lon) * fraction,
            ele,
            min(gap_before, gap_after),
            "interpolated",
        )

    nearest, gap = (before, gap_before) if gap_before <= gap_after else (after, gap_after)
    assert nearest is not None  # the track is not empty, so one side exists
    if gap <= tolerance_s:
        return Placement(nearest.lat, nearest.lon, nearest.ele, gap, "nearest")

    params = {"gap": _seconds(gap), "tolerance": f"{tolerance_s:g}"}
    if before is None:
        template = QT_TRANSLATE_NOOP(
            "photos",
            "ảnh chụp trước khi vết GPS bắt đầu; điểm GPS gần nhất cách {gap} giây, quá dung sai "
            "{tolerance} giây",
        )
    elif after is None:
        template = QT_TRANSLATE_NOOP(
            "photos",
            "ảnh chụp sau khi vết GPS kết thúc; điểm GPS gần nhất cách {gap} giây, quá dung sai "
            "{tolerance} giây",
        )
    else:
        # Both ends are beyond tolerance, so this gap is longer than 2 × tolerance.
        params["span"] = _seconds(gap_before + gap_after)
        template = QT_TRANSLATE_NOOP(
            "photos",
            "ảnh chụp trong một khoảng trống {span} giây của vết GPS (máy ghi tắt hoặc mất tín "
            "hiệu), không nội suy qua khoảng trống; điểm GPS gần nhất cách {gap} giây, quá dung "
            "sai {tolerance} giây",
        )
    return Placement(None, None, None, gap, "none", Message("photos", template, params))


def geotag(
    track: Sequence[TrackPoint],
    photos: Sequence[tuple[str, str | None]],
    *,
    tolerance_s: float = 60,
    camera_offset_s: float = 0,
    assumed_utc_offset: str = "+07:00",
) -> list[tuple[str, Placement]]:
    """Place each ``(key, taken_at ISO or None)`` photo; results in the order given.

    A photo without a time, or with one that cannot be read, gets method 'none' and a reason
    instead of stopping the batch. A bad ``assumed_utc_offset``, ``tolerance_s`` or
    ``camera_offset_s`` raises ValueError, since it would fail every photo alike. The track is
    sorted first if it is not already.
    """
    zone = _parse_offset(assumed_utc_offset)
    if not all(a.time <= b.time for a, b in pairwise(track)):
        track = sorted(track, key=_time)
    # Checked up front so that a bad setting raises even when no photo has a time.
    _check_settings(tolerance_s, camera_offset_s)
    results: list[tuple[str, Placement]] = []
    for key, taken_at in photos:
        if taken_at is None or not taken_at.strip():
            results.append((key, Placement(None, None, None, None, "none", NO_PHOTO_TIME)))
            continue
        try:
            moment = _parse_timestamp(taken_at, zone)
        except ValueError:
            reason = Message(
                "photos",
                QT_TRANSLATE_NOOP("photos", "không đọc được thời gian chụp {time}"),
                {"time": repr(taken_at)},
            )
            results.append((key, Placement(None, None, None, None, "none", reason)))
            continue
        placement = place(track, moment, tolerance_s=tolerance_s, camera_offset_s=camera_offset_s)
        results.append((key, placement))
    return results
