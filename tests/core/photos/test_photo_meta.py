"""Photo metadata: real photos agree with exiftool; odd GPS, clocks and broken files stay honest."""

from __future__ import annotations

import io
import json
import logging
import re
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, TiffImagePlugin

from fieldsurvey.core.errors import PhotoError
from fieldsurvey.core.photos.metadata import (
    SUPPORTED_SUFFIXES,
    PhotoMetadata,
    read_metadata,
    sniff_format,
)
from tests.helpers import DATA

PHOTOS = DATA / "photos"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (PHOTOS / "expected_exiftool.json").read_text(encoding="utf-8")
)["files"]
NAMES = sorted(EXPECTED)
HANOI = (21.0288, 105.8534)  # Hoàn Kiếm Lake, for the synthetic files

# Where we deliberately report something other than exiftool 12.57, and why. No real sample has a
# position we refuse (0,0, a void GPS status, minutes ≥ 60, …); the synthetic tests below cover
# those, with what exiftool prints for the same bytes noted beside each case.
DSCN_GPS_DATE_A_DAY_OFF = (
    "the camera's GPS date is one day after its clock (16:28 local on 22 Oct, GPS 14:27 UTC on "
    "23 Oct): no time zone is 22 hours off, one clock is wrong and we cannot tell which, so the "
    "UTC time is unknown; exiftool prints the GPS date/time as given"
)
DIFFERENT: dict[tuple[str, str], str] = {
    ("pillow/hopper_bad_exif.jpg", "orientation"): (
        "IFD0 claims 32 entries in a segment that holds 6; exiftool rejects the whole directory, "
        "we keep the intact entries inside the segment (Orientation 1, as Pillow wrote it)"
    ),
    **{
        (f"exif-samples/jpg/gps/DSCN00{n}.jpg", "taken_at_utc"): DSCN_GPS_DATE_A_DAY_OFF
        for n in ("10", "12", "21", "25", "27", "29", "38", "40", "42")
    },
}
# exiftool also reads XMP; we read EXIF only, so XMP-only values (orientation of the invalid/
# files, jolla.jpg's XMP time with +02:00) are compared against exiftool's EXIF groups.


def _first(record: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


@pytest.fixture(scope="module")
def ours() -> dict[str, PhotoMetadata]:
    return {name: read_metadata(PHOTOS / name) for name in NAMES}


def test_every_sample_has_exiftool_values_and_a_supported_suffix() -> None:
    on_disk = {
        p.relative_to(PHOTOS).as_posix()
        for p in PHOTOS.rglob("*")
        if p.suffix.lower() in SUPPORTED_SUFFIXES
    }
    assert on_disk == set(NAMES)
    assert len(NAMES) >= 80


@pytest.mark.parametrize("name", NAMES)
def test_position_agrees_with_exiftool(name: str, ours: dict[str, PhotoMetadata]) -> None:
    meta, exif = ours[name], EXPECTED[name]
    lat, lon = _first(exif, "Composite:GPSLatitude"), _first(exif, "Composite:GPSLongitude")
    if lat is None or lon is None:
        assert (meta.lat, meta.lon) == (None, None)
        return
    assert meta.lat == pytest.approx(lat, abs=1e-5)
    assert meta.lon == pytest.approx(lon, abs=1e-5)
    altitude = _first(exif, "Composite:GPSAltitude")
    assert meta.altitude == (None if altitude is None else pytest.approx(altitude, abs=1e-3))
    error = _first(exif, "GPS:GPSHPositioningError")
    assert meta.gps_accuracy_m == (None if error is None else pytest.approx(error, abs=1e-6))


@pytest.mark.parametrize("name", NAMES)
def test_heading_agrees_with_exiftool(name: str, ours: dict[str, PhotoMetadata]) -> None:
    meta, exif = ours[name], EXPECTED[name]
    heading = _first(exif, "GPS:GPSImgDirection")
    assert meta.heading == (None if heading is None else pytest.approx(heading, abs=1e-6))
    assert meta.heading_ref == (
        _first(exif, "GPS:GPSImgDirectionRef") if heading is not None else None
    )


@pytest.mark.parametrize("name", NAMES)
def test_orientation_camera_and_size_agree_with_exiftool(
    name: str, ours: dict[str, PhotoMetadata]
) -> None:
    meta, exif = ours[name], EXPECTED[name]
    if (name, "orientation") not in DIFFERENT:
        assert meta.orientation == _first(exif, "IFD0:Orientation")
    for ours_value, key in ((meta.make, "IFD0:Make"), (meta.model, "IFD0:Model")):
        theirs = _first(exif, key)
        assert ours_value == (str(theirs).strip() or None if theirs is not None else None)
    size_groups = ("File", "PNG", "RIFF") + (("IFD0",) if meta.format == "TIFF" else ())
    width = _first(exif, *(f"{g}:ImageWidth" for g in size_groups))
    height = _first(exif, *(f"{g}:ImageHeight" for g in size_groups))
    assert (meta.width, meta.height) == (width, height)
    assert meta.format == {"HEIC": "HEIF", "Extended WEBP": "WEBP"}.get(
        exif["File:FileType"], exif["File:FileType"]
    )


_CLOCKS = (
    ("ExifIFD:DateTimeOriginal", "ExifIFD:SubSecTimeOriginal", "ExifIFD:OffsetTimeOriginal"),
    ("ExifIFD:CreateDate", "ExifIFD:SubSecTimeDigitized", "ExifIFD:OffsetTimeDigitized"),
    ("IFD0:ModifyDate", "ExifIFD:SubSecTime", "ExifIFD:OffsetTime"),
)


def _exiftool_time(exif: dict[str, Any]) -> tuple[datetime | None, str, str]:
    """exiftool's clock in our order of preference, its sub-seconds and its offset."""
    for clock, subsec, offset in _CLOCKS:
        text = exif.get(clock)
        try:
            local = datetime.strptime(str(text), "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        zone = exif.get(offset)
        if zone is None and clock != "IFD0:ModifyDate" and exif.get("IFD0:ModifyDate") == text:
            zone = exif.get("ExifIFD:OffsetTime")  # the same clock reading, so the same zone
        return local, str(exif.get(subsec, "")), str(zone or "")
    return None, "", ""


@pytest.mark.parametrize("name", NAMES)
def test_time_agrees_with_exiftool(name: str, ours: dict[str, PhotoMetadata]) -> None:
    meta, exif = ours[name], EXPECTED[name]
    local, subsec, offset = _exiftool_time(exif)
    if local is None:
        assert meta.taken_at is None
    else:
        fraction = f".{subsec}" if subsec else ""
        assert meta.taken_at == local.strftime("%Y-%m-%dT%H:%M:%S") + fraction + offset
    if (name, "taken_at_utc") in DIFFERENT:
        assert meta.taken_at_utc is None
        assert any("GPS clock" in w.text("en") for w in meta.warnings)
    elif offset:
        assert local is not None
        sign = -1 if offset[0] == "-" else 1
        zone = timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])) * sign
        fraction = f".{subsec}" if subsec else ""
        assert meta.taken_at_utc == (local - zone).strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"
    elif gps := _first(exif, "Composite:GPSDateTime"):
        assert meta.taken_at_utc == str(gps).replace(":", "-", 2).replace(" ", "T")
    else:
        assert meta.taken_at_utc is None


def test_the_deliberate_differences_are_real() -> None:
    """Each listed difference still exists in exiftool's output, so the list cannot go stale."""
    for name, field in DIFFERENT:
        exif = EXPECTED[name]
        if field == "orientation":
            assert "IFD0:Orientation" not in exif
        elif field == "taken_at_utc":
            assert "Composite:GPSDateTime" in exif
            assert "ExifIFD:OffsetTimeOriginal" not in exif


# --- broken files -------------------------------------------------------------------------------

BROKEN = sorted(name for name in NAMES if "/invalid/" in name or name.endswith("corrupted.jpg")) + [
    name for name in NAMES if name.startswith("pillow/") and "exif" in name
]


@pytest.mark.parametrize("name", BROKEN)
def test_broken_samples_give_honest_metadata_or_a_photo_error(name: str) -> None:
    try:
        meta = read_metadata(PHOTOS / name)
    except PhotoError as err:
        assert name in str(err) or Path(name).name in str(err)
        return
    assert meta.width and meta.height
    json.dumps(meta.to_dict())


def test_invalid_samples_keep_their_size_and_invent_nothing() -> None:
    for path in sorted((PHOTOS / "exif-samples/jpg/invalid").glob("*.jpg")):
        meta = read_metadata(path)
        assert meta.format == "JPEG" and meta.width and meta.height
        assert (meta.lat, meta.lon, meta.taken_at, meta.orientation) == (None, None, None, None)


def _message(path: Path) -> str:
    with pytest.raises(PhotoError) as caught:
        read_metadata(path)
    message = str(caught.value)
    vietnamese, english = message.split(" / ")
    assert path.name in vietnamese and path.name in english
    return message


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(b"")
    assert "trống" in _message(path) and "empty" in _message(path)


def test_text_file_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("Camera ở ngã tư Kim Mã – Liễu Giai\n", encoding="utf-8")
    assert "không phải ảnh" in _message(path) and "not a photo" in _message(path)


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.heic"
    path.write_bytes(bytes(range(256)) * 40)
    assert "not a photo" in _message(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "not found" in _message(tmp_path / "gone.jpg")
    folder = tmp_path / "album.jpg"
    folder.mkdir()
    with pytest.raises(PhotoError):
        read_metadata(folder)


@pytest.mark.parametrize(
    ("name", "keep"),
    [
        ("exif-samples/jpg/gps/DSCN0010.jpg", 2048),  # cut inside the EXIF segment
        ("exif-samples/jpg/gps/DSCN0010.jpg", 80_000),  # cut inside the compressed image
        ("exif-samples/jpg/mobile/jolla.jpg", 400_000),
        ("exif-samples/heic/IMG_5195.HEIC", 400_000),
        ("exif-samples/heic/IMG_5195.HEIC", 1_000),  # cut inside the meta box
        ("pillow/exif.png", 60_000),
        ("pillow/hopper_orientation_6.webp", 2_000),
        ("pillow/g4_orientation_6.tif", 300),
    ],
)
def test_truncated_copies_are_refused(tmp_path: Path, name: str, keep: int) -> None:
    source = PHOTOS / name
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes()[:keep])
    message = _message(path)
    assert "chép lại" in message and "copy the original again" in message


def test_bytes_after_the_jpeg_end_are_fine(tmp_path: Path) -> None:
    """Motion photos and MPF images append data after the first end-of-image marker."""
    path = tmp_path / "motion.jpg"
    path.write_bytes((PHOTOS / "exif-samples/jpg/Nikon_D70.jpg").read_bytes() + b"ftypmp42" * 500)
    assert read_metadata(path).model == "NIKON D70"


# --- synthetic EXIF -----------------------------------------------------------------------------

ASCII, BYTE, SHORT, LONG, RATIONAL, SRATIONAL, DOUBLE = 2, 1, 3, 4, 5, 10, 12
Entry = tuple[int, int, Any]  # tag, EXIF field type, values (str for ASCII)


def _encode(kind: int, values: Any, order: str) -> tuple[bytes, int]:
    if kind == ASCII:
        raw = values.encode("latin-1") + b"\x00"
        return raw, len(raw)
    if kind in (RATIONAL, SRATIONAL):
        code = "l" if kind == SRATIONAL else "L"
        return b"".join(struct.pack(order + code * 2, n, d) for n, d in values), len(values)
    code = {BYTE: "B", SHORT: "H", LONG: "L", DOUBLE: "d"}[kind]
    return b"".join(struct.pack(order + code, v) for v in values), len(values)


def tiff_block(
    ifd0: Sequence[Entry] = (),
    exif: Sequence[Entry] = (),
    gps: Sequence[Entry] = (),
    order: str = "<",
) -> bytes:
    """A TIFF structure (what follows "Exif\\0\\0") with any entries, however wrong."""
    ifds = [list(ifd0), list(exif), list(gps)]
    if exif:
        ifds[0].append((0x8769, LONG, None))
    if gps:
        ifds[0].append((0x8825, LONG, None))
    sizes = [2 + 12 * len(entries) + 4 for entries in ifds]
    starts = [8, 8 + sizes[0], 8 + sizes[0] + sizes[1]]
    data_start = 8 + sum(sizes)
    data, out = b"", []
    for entries in ifds:
        block = struct.pack(order + "H", len(entries))
        for tag, kind, values in sorted(entries, key=lambda e: e[0]):
            if values is None:  # pointer to the EXIF or GPS IFD
                raw, count = struct.pack(order + "L", starts[1 if tag == 0x8769 else 2]), 1
            else:
                raw, count = _encode(kind, values, order)
            if len(raw) <= 4:
                field = raw.ljust(4, b"\x00")
            else:
                field = struct.pack(order + "L", data_start + len(data))
                data += raw + b"\x00" * (len(raw) % 2)
            block += struct.pack(order + "HHL", tag, kind, count) + field
        out.append(block + b"\x00\x00\x00\x00")
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "L", 8)
    return head + b"".join(out) + data


def jpeg_with(tiff: bytes, size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "gray").save(buffer, "JPEG")
    plain = buffer.getvalue()
    payload = b"Exif\x00\x00" + tiff
    return plain[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + plain[2:]


def read_jpeg(tmp_path: Path, tiff: bytes, name: str = "synthetic.jpg") -> PhotoMetadata:
    path = tmp_path / name
    path.write_bytes(jpeg_with(tiff))
    return read_metadata(path)


LAT = [(21, 1), (1, 1), (4368, 100)]  # 21° 1' 43.68" = 21.0288
LON = [(105, 1), (51, 1), (1224, 100)]  # 105° 51' 12.24" = 105.8534
NEG_LAT = [(-21, 1), (1, 1), (4368, 100)]
NEG_LON = [(-105, 1), (51, 1), (1224, 100)]


def gps_entries(
    lat: Any = LAT,
    lon: Any = LON,
    lat_ref: str | None = "N",
    lon_ref: str | None = "E",
    kind: int = RATIONAL,
    extra: Sequence[Entry] = (),
) -> list[Entry]:
    entries: list[Entry] = [(2, kind, lat), (4, kind, lon), *extra]
    if lat_ref is not None:
        entries.append((1, ASCII, lat_ref))
    if lon_ref is not None:
        entries.append((3, ASCII, lon_ref))
    return entries


POSITIONS: list[tuple[str, list[Entry], tuple[float, float] | None]] = [
    # name, GPS IFD entries, expected (lat, lon) or None; "exiftool:" notes what 12.57 prints.
    ("dms", gps_entries(), HANOI),
    ("south west", gps_entries(lat_ref="S", lon_ref="W"), (-21.0288, -105.8534)),
    ("lower-case refs", gps_entries(lat_ref="s", lon_ref="w"), (-21.0288, -105.8534)),
    ("ref with trailing space", gps_entries(lat_ref="N ", lon_ref="E "), HANOI),
    ("decimal degrees", gps_entries([(210288, 10000)], [(1058534, 10000)]), HANOI),
    (
        "degrees and decimal minutes",
        gps_entries([(21, 1), (17280, 10000), (0, 1)], [(105, 1), (512040, 10000), (0, 1)]),
        HANOI,
    ),
    (
        "degrees and decimal minutes, two values",
        gps_entries([(21, 1), (17280, 10000)], [(105, 1), (512040, 10000)]),
        HANOI,
    ),
    ("doubles", gps_entries([21.0288], [105.8534], kind=DOUBLE), HANOI),
    # Signed values: the sign is the hemisphere (exiftool: |-21 + 1/60 + …| = 20.9712, wrong).
    (
        "signed, no ref",
        gps_entries(NEG_LAT, NEG_LON, None, None, SRATIONAL),
        (-21.0288, -105.8534),
    ),
    ("signed positive, no ref", gps_entries(lat_ref=None, lon_ref=None, kind=SRATIONAL), HANOI),
    (
        "signed, agreeing ref",
        gps_entries(NEG_LAT, NEG_LON, "S", "W", SRATIONAL),
        (-21.0288, -105.8534),
    ),
    (
        "sign on every part",
        gps_entries(
            [(-21, 1), (-1, 1), (-4368, 100)],
            [(-105, 1), (-51, 1), (-1224, 100)],
            None,
            None,
            SRATIONAL,
        ),
        (-21.0288, -105.8534),
    ),
    # Unknown, each for its reason.
    ("signed, contradicting ref", gps_entries(NEG_LAT, LON, "N", "E", SRATIONAL), None),
    ("unsigned, no ref", gps_entries(lat_ref=None, lon_ref=None), None),  # exiftool: no position
    ("one ref missing", gps_entries(lon_ref=None), None),
    ("unknown ref letter", gps_entries(lat_ref="X"), None),
    ("zero denominator", gps_entries([(21, 1), (1, 0), (4368, 100)]), None),  # exiftool: ""
    ("0/0", gps_entries([(21, 1), (0, 0), (4368, 100)]), None),  # exiftool: ""
    ("0,0 is no fix", gps_entries([(0, 1)] * 3, [(0, 1)] * 3), None),  # exiftool: 0, 0
    ("latitude 95", gps_entries([(95, 1), (0, 1), (0, 1)]), None),  # exiftool: 95
    ("longitude 181", gps_entries(lon=[(181, 1), (0, 1), (0, 1)]), None),  # exiftool: 181
    ("minutes 60", gps_entries([(21, 1), (60, 1), (0, 1)]), None),  # exiftool: 22
    ("seconds 60", gps_entries([(21, 1), (1, 1), (60, 1)]), None),  # exiftool: 21.0333
    ("mixed signs", gps_entries([(21, 1), (-1, 1), (0, 1)], kind=SRATIONAL), None),
    ("four values", gps_entries([*LAT, (1, 1)]), None),
    ("negative as unsigned", gps_entries([(0xFFFFFFEB, 1), (1, 1), (0, 1)]), None),
    ("text instead of numbers", [(1, ASCII, "N"), (2, ASCII, "21.0288"), (3, ASCII, "E")], None),
    ("latitude only", [(1, ASCII, "N"), (2, RATIONAL, LAT)], None),
    ("void status", gps_entries(extra=[(9, ASCII, "V")]), None),  # exiftool: 21.0288, 105.8534
    ("active status", gps_entries(extra=[(9, ASCII, "A")]), HANOI),
]


@pytest.mark.parametrize(
    ("entries", "expected"), [p[1:] for p in POSITIONS], ids=[p[0] for p in POSITIONS]
)
def test_gps_position_decoding(
    tmp_path: Path, entries: list[Entry], expected: tuple[float, float] | None
) -> None:
    meta = read_jpeg(tmp_path, tiff_block(gps=entries))
    if expected is None:
        assert (meta.lat, meta.lon) == (None, None)
        assert any("GPS" in w.text("en") for w in meta.warnings) or not any(
            e[0] == 4 for e in entries
        )
    else:
        assert meta.lat == pytest.approx(expected[0], abs=1e-6)
        assert meta.lon == pytest.approx(expected[1], abs=1e-6)
    assert (meta.width, meta.height) == (64, 48)


def test_big_endian_exif(tmp_path: Path) -> None:
    meta = read_jpeg(tmp_path, tiff_block(gps=gps_entries(), order=">"))
    assert (meta.lat, meta.lon) == pytest.approx(HANOI, abs=1e-6)


def test_gps_written_by_pillow(tmp_path: Path) -> None:
    """The same decoding for EXIF from a mainstream writer."""
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    rational = TiffImagePlugin.IFDRational
    gps[1], gps[3] = "N", "E"
    gps[2] = (rational(21, 1), rational(1, 1), rational(4368, 100))
    gps[4] = (rational(105, 1), rational(51, 1), rational(1224, 100))
    gps[5], gps[6] = b"\x01", rational(125, 10)
    path = tmp_path / "pillow.jpg"
    Image.new("RGB", (32, 24)).save(path, exif=exif)
    meta = read_metadata(path)
    assert (meta.lat, meta.lon) == pytest.approx(HANOI, abs=1e-6)
    assert meta.altitude == pytest.approx(-12.5)


@pytest.mark.parametrize(
    ("extra", "altitude"),
    [
        ([(6, RATIONAL, [(125, 10)])], 12.5),  # no ref: 0 (above sea level) is the EXIF default
        ([(5, BYTE, [0]), (6, RATIONAL, [(125, 10)])], 12.5),
        ([(5, BYTE, [1]), (6, RATIONAL, [(125, 10)])], -12.5),
        ([(5, BYTE, [2]), (6, RATIONAL, [(125, 10)])], None),
        ([(5, ASCII, "1"), (6, RATIONAL, [(125, 10)])], None),
        ([(5, BYTE, [0]), (6, RATIONAL, [(125, 0)])], None),
    ],
)
def test_altitude(tmp_path: Path, extra: list[Entry], altitude: float | None) -> None:
    meta = read_jpeg(tmp_path, tiff_block(gps=gps_entries(extra=extra)))
    assert meta.altitude == altitude


def test_altitude_and_accuracy_need_a_fix(tmp_path: Path) -> None:
    extra = [(5, BYTE, [0]), (6, RATIONAL, [(125, 10)]), (0x1F, RATIONAL, [(5, 1)])]
    meta = read_jpeg(tmp_path, tiff_block(gps=gps_entries(extra=extra)))
    assert (meta.altitude, meta.gps_accuracy_m) == (12.5, 5.0)
    no_fix = gps_entries([(0, 1)] * 3, [(0, 1)] * 3, extra=extra)
    meta = read_jpeg(tmp_path, tiff_block(gps=no_fix))
    assert (meta.lat, meta.altitude, meta.gps_accuracy_m) == (None, None, None)


@pytest.mark.parametrize(
    ("extra", "heading", "ref"),
    [
        ([(0x10, ASCII, "T"), (0x11, RATIONAL, [(9050, 100)])], 90.5, "T"),
        ([(0x10, ASCII, "M"), (0x11, RATIONAL, [(0, 1)])], 0.0, "M"),
        ([(0x11, RATIONAL, [(270, 1)])], 270.0, None),
        ([(0x10, ASCII, "T"), (0x11, RATIONAL, [(400, 1)])], None, None),
        ([(0x10, ASCII, "T"), (0x11, RATIONAL, [(1, 0)])], None, None),
    ],
)
def test_heading(
    tmp_path: Path, extra: list[Entry], heading: float | None, ref: str | None
) -> None:
    # The compass is not the GPS receiver: a heading counts even without a position.
    meta = read_jpeg(tmp_path, tiff_block(gps=extra))
    assert (meta.heading, meta.heading_ref) == (heading, ref)


def exif_clock(
    original: str | None = None,
    digitized: str | None = None,
    modified: str | None = None,
    **tags: str,
) -> bytes:
    names = {
        "subsec": 0x9291,
        "offset_original": 0x9011,
        "offset_digitized": 0x9012,
        "offset": 0x9010,
    }
    exif: list[Entry] = [(names[k], ASCII, v) for k, v in tags.items() if k in names]
    if original:
        exif.append((0x9003, ASCII, original))
    if digitized:
        exif.append((0x9004, ASCII, digitized))
    gps: list[Entry] = []
    if "gps_date" in tags:
        gps = [(0x1D, ASCII, tags["gps_date"]), (7, RATIONAL, [(1, 1), (30, 1), (1525, 100)])]
    ifd0: list[Entry] = [(0x0132, ASCII, modified)] if modified else []
    return tiff_block(ifd0=ifd0, exif=exif, gps=gps)


@pytest.mark.parametrize(
    ("tiff", "taken_at", "taken_at_utc"),
    [
        (
            exif_clock("2024:05:01 08:30:15", subsec="123", offset_original="+07:00"),
            "2024-05-01T08:30:15.123+07:00",
            "2024-05-01T01:30:15.123Z",
        ),
        (
            exif_clock("2024:05:01 03:00:00", offset_original="+07:00"),
            "2024-05-01T03:00:00+07:00",
            "2024-04-30T20:00:00Z",
        ),
        (
            exif_clock("2024:05:01 08:30:15", offset_original="-05:30"),
            "2024-05-01T08:30:15-05:30",
            "2024-05-01T14:00:15Z",
        ),
        # No offset: the GPS clock gives UTC, but never an invented offset for the local time.
        (
            exif_clock("2024:05:01 08:30:15", gps_date="2024:05:01"),
            "2024-05-01T08:30:15",
            "2024-05-01T01:30:15.25Z",
        ),
        (exif_clock(gps_date="2024:05:01"), None, "2024-05-01T01:30:15.25Z"),
        (exif_clock("2024:05:01 08:30:15"), "2024-05-01T08:30:15", None),
        # A GPS date a day off from the camera clock: no time zone explains it, so no UTC.
        (exif_clock("2024:05:02 08:30:15", gps_date="2024:05:01"), "2024-05-02T08:30:15", None),
        # Fallbacks: DateTimeDigitized, then DateTime.
        (exif_clock(digitized="2024:05:01 08:30:15"), "2024-05-01T08:30:15", None),
        (exif_clock(modified="2024:05:01 08:30:15"), "2024-05-01T08:30:15", None),
        (
            exif_clock(modified="2024:05:01 08:30:15", offset="+07:00"),
            "2024-05-01T08:30:15+07:00",
            "2024-05-01T01:30:15Z",
        ),
        # OffsetTime belongs to DateTime: it applies to the original only when both agree.
        (
            exif_clock("2024:05:01 08:30:15", modified="2024:05:01 08:30:15", offset="+07:00"),
            "2024-05-01T08:30:15+07:00",
            "2024-05-01T01:30:15Z",
        ),
        (
            exif_clock("2024:05:01 08:30:15", modified="2024:06:11 21:00:00", offset="+02:00"),
            "2024-05-01T08:30:15",
            None,
        ),
        # Unset or impossible clocks are unknown, and the next clock is used.
        (
            exif_clock("    :  :     :  :  ", digitized="2024:05:01 08:30:15"),
            "2024-05-01T08:30:15",
            None,
        ),
        (exif_clock("0000:00:00 00:00:00"), None, None),
        (exif_clock("2024:02:30 08:30:15"), None, None),
        (exif_clock("2024:05:01 08:30:15", offset_original="+7"), "2024-05-01T08:30:15", None),
        (exif_clock("2024:05:01 08:30:15", offset_original="+15:00"), "2024-05-01T08:30:15", None),
        (exif_clock("2024:05:01 08:30:15", subsec="1a"), "2024-05-01T08:30:15", None),
    ],
)
def test_time(tmp_path: Path, tiff: bytes, taken_at: str | None, taken_at_utc: str | None) -> None:
    meta = read_jpeg(tmp_path, tiff)
    assert (meta.taken_at, meta.taken_at_utc) == (taken_at, taken_at_utc)


@pytest.mark.parametrize(("value", "expected"), [([1], 1), ([8], 8), ([0], None), ([9], None)])
def test_orientation(tmp_path: Path, value: list[int], expected: int | None) -> None:
    assert read_jpeg(tmp_path, tiff_block(ifd0=[(0x0112, SHORT, value)])).orientation == expected


def test_make_and_model_are_stripped(tmp_path: Path) -> None:
    meta = read_jpeg(
        tmp_path, tiff_block(ifd0=[(0x010F, ASCII, "  Canon  "), (0x0110, ASCII, " ")])
    )
    assert (meta.make, meta.model) == ("Canon", None)


def test_size_comes_from_the_frame_not_exif(tmp_path: Path) -> None:
    exif = [(0xA002, LONG, [4000]), (0xA003, LONG, [3000])]
    meta = read_jpeg(tmp_path, tiff_block(exif=exif))
    assert (meta.width, meta.height) == (64, 48)


def test_damaged_exif_is_unknown_not_an_error(tmp_path: Path) -> None:
    for name, tiff in {
        "no TIFF header": b"GARBAGE!" * 10,
        "IFD past the end": b"II*\x00" + struct.pack("<L", 60_000),
        "empty": b"",
    }.items():
        meta = read_jpeg(tmp_path, tiff, name=f"{name}.jpg")
        assert (meta.width, meta.height, meta.lat, meta.taken_at) == (64, 48, None, None)


def test_exif_with_absurd_counts_is_cut_short(tmp_path: Path) -> None:
    """5,000 entries each claiming 999 rationals would keep ExifRead busy for minutes."""
    count = 5000
    ifd = struct.pack("<H", count) + b"".join(
        struct.pack("<HHLL", 0xC000 + i, RATIONAL, 999, 8) for i in range(count)
    )
    tiff = b"II*\x00" + struct.pack("<L", 8) + ifd + b"\x00" * 4
    started = time.perf_counter()
    meta = read_jpeg(tmp_path, tiff)
    assert time.perf_counter() - started < 5
    assert (meta.width, meta.height) == (64, 48)
    assert any("complex" in w.text("en") for w in meta.warnings)


def test_exif_with_ifd_loops(tmp_path: Path) -> None:
    # IFD0 (at 8) says the next IFD is IFD1 (at 38), whose next is IFD0 again; GPSInfo and the
    # EXIF pointer both lead back to IFD0.
    ifd0 = struct.pack("<H", 3) + b"".join(
        struct.pack("<HHLL", tag, kind, 1, value)
        for tag, kind, value in ((0x0112, SHORT, 6), (0x8769, LONG, 8), (0x8825, LONG, 8))
    )
    ifd1 = struct.pack("<H", 1) + struct.pack("<HHLL", 0x0112, SHORT, 1, 3) + struct.pack("<L", 8)
    tiff = b"II*\x00" + struct.pack("<L", 8) + ifd0 + struct.pack("<L", 8 + len(ifd0) + 4) + ifd1
    started = time.perf_counter()
    meta = read_jpeg(tmp_path, tiff)
    assert time.perf_counter() - started < 5
    assert meta.orientation == 6
    assert (meta.lat, meta.lon) == (None, None)
    assert any("loop" in w.text("en") for w in meta.warnings)


def test_exifread_complaints_become_warnings_not_log_lines() -> None:
    # pytest's own capture hooks into every logger, so watch what the app's root handler gets.
    seen: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Collect(logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        meta = read_metadata(PHOTOS / "pillow/exif_gps_typeerror.jpg")
    finally:
        root.removeHandler(handler)
    assert not [r for r in seen if r.name.startswith("exifread")]
    assert any("Possibly corrupted IFD: GPS" in w.text("en") for w in meta.warnings)


def test_exif_after_a_large_icc_profile_is_found(tmp_path: Path) -> None:
    """ExifRead's own JPEG scan gives up after ~4 KB of other segments; ours walks them all."""
    data = jpeg_with(tiff_block(ifd0=[(0x0112, SHORT, [6])]))
    icc = b"ICC_PROFILE\x00\x01\x01" + bytes(20_000)
    app2 = b"\xff\xe2" + struct.pack(">H", len(icc) + 2) + icc
    path = tmp_path / "icc_first.jpg"
    path.write_bytes(data[:2] + app2 + data[2:])
    assert read_metadata(path).orientation == 6


def test_stray_bytes_between_jpeg_segments_are_tolerated(tmp_path: Path) -> None:
    data = jpeg_with(tiff_block(ifd0=[(0x0112, SHORT, [3])]))
    path = tmp_path / "stray.jpg"
    after_app1 = 4 + int.from_bytes(data[4:6], "big")
    path.write_bytes(data[:after_app1] + b"\x00\x00\x00" + data[after_app1:])
    meta = read_metadata(path)
    assert meta.orientation == 3
    assert any("stray" in w.text("en") for w in meta.warnings)


# --- hostile containers: why they are read by hand ----------------------------------------------
# On each of these files a library (Pillow's lazy open, ExifRead's own finders) was measured to
# keep the file in memory, step through it a byte at a time or run for seconds
# (benchmarks/bench_photo_meta.py, metadata.py's opening docstring); ours reads a bounded amount.


def _peak_heap(read: Callable[[], PhotoMetadata]) -> tuple[PhotoMetadata, int]:
    tracemalloc.start()
    try:
        return read(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_jpeg_segments_before_the_frame_are_skipped_not_kept(tmp_path: Path) -> None:
    """10 MB of APP2 segments (chunked ICC profiles look like this): Pillow keeps them all."""
    data = jpeg_with(tiff_block(ifd0=[(0x0112, SHORT, [6])]))
    app2 = b"\xff\xe2" + struct.pack(">H", 65_535) + bytes(65_533)
    path = tmp_path / "app2.jpg"
    path.write_bytes(data[:2] + app2 * 160 + data[2:])
    meta, peak = _peak_heap(lambda: read_metadata(path))
    assert (meta.width, meta.height, meta.orientation) == (64, 48, 6)
    assert peak < 3_000_000


def test_junk_after_the_jpeg_start_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "zeros.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(2_000_000))
    assert "no JPEG segment found" in _message(path)


def test_exif_entries_claiming_huge_texts_are_cut_short(tmp_path: Path) -> None:
    """65,535 entries each claiming 100 MB of text, with 2 MB after the image to read from."""
    entry = struct.pack("<HHLL", 0xC000, ASCII, 100_000_000, 8)
    tiff = b"II*\x00" + struct.pack("<LH", 8, 65_535) + entry * 5_400
    path = tmp_path / "texts.jpg"
    path.write_bytes(jpeg_with(tiff) + bytes(2_000_000))
    meta = read_metadata(path)
    assert (meta.width, meta.height) == (64, 48)
    assert any("complex" in w.text("en") for w in meta.warnings)


_FTYP = struct.pack(">I4s4sI", 24, b"ftyp", b"heic", 0) + b"mif1heic"
_HDLR = struct.pack(">I4s", 33, b"hdlr") + bytes(8) + b"pict" + bytes(13)


def test_heif_box_claiming_2_to_the_62_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "largesize.heic"
    meta_box = struct.pack(">I4sQ", 1, b"meta", 1 << 62) + bytes(4)
    path.write_bytes(_FTYP + meta_box + _HDLR + bytes(2000))
    assert "cut short" in _message(path)


def test_heif_meta_box_too_large_to_be_real_is_refused_unread(tmp_path: Path) -> None:
    """An item name that runs 17 MB without its closing NUL: ExifRead reads it byte by byte."""
    name = 17_000_000
    infe = struct.pack(">4sI", b"infe", 0x0200_0000) + struct.pack(">HH4s", 1, 0, b"Exif")
    infe_size = 4 + len(infe) + name
    iinf_size = 8 + 4 + 2 + infe_size
    meta_size = 8 + 4 + len(_HDLR) + iinf_size
    head = (
        struct.pack(">I4sI", meta_size, b"meta", 0)
        + _HDLR
        + struct.pack(">I4sIH", iinf_size, b"iinf", 0, 1)
        + struct.pack(">I", infe_size)
        + infe
    )
    path = tmp_path / "endless_name.heic"
    path.write_bytes(_FTYP + head + b"a" * name)
    assert "absurdly large" in _message(path)


def test_webp_chunks_are_skipped_not_read(tmp_path: Path) -> None:
    """A real WebP with a 10 MB unknown chunk: Pillow reads the whole file into memory."""
    data = (PHOTOS / "pillow/hopper_orientation_6.webp").read_bytes()
    vp8x_end = 12 + 8 + 10
    body = data[12:vp8x_end] + b"JUNK" + struct.pack("<I", 10_000_000) + bytes(10_000_000)
    body += data[vp8x_end:]
    path = tmp_path / "big_chunk.webp"
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body)
    meta, peak = _peak_heap(lambda: read_metadata(path))
    assert (meta.width, meta.height, meta.orientation) == (128, 128, 6)
    assert peak < 1_000_000


def test_png_exif_after_the_image_data_is_read_without_the_pixels(tmp_path: Path) -> None:
    """9,000 × 9,000 zeros in 80 KB, EXIF after them: Pillow's getexif() decodes 81 MB first."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    side = 9000
    path = tmp_path / "bomb.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(side + 1) * side, 9))
        + chunk(b"eXIf", tiff_block(ifd0=[(0x0112, SHORT, [6])]))
        + chunk(b"IEND", b"")
    )
    meta = read_metadata(path)
    assert (meta.width, meta.height, meta.orientation) == (side, side, 6)


# --- formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe1", "JPEG"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"II*\x00\x08\x00\x00\x00", "TIFF"),
        (b"MM\x00*\x00\x00\x00\x08", "TIFF"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8X", "WEBP"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIF"),
        (b"\x00\x00\x00\x18ftypheix\x00\x00\x00\x00mif1heix", "HEIF"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", "HEIF"),
        (b"\x00\x00\x00\x14ftypmsf1\x00\x00\x00\x00hevc", "HEIF"),
        (b"\x00\x00\x00\x14ftyphevc\x00\x00\x00\x00msf1", "HEIF"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "AVIF"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2", None),  # MP4 video
        (b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01crx isom", None),  # Canon CR3 raw
        (b"GIF89a", None),
        (b"%PDF-1.7", None),
        (b"", None),
    ],
)
def test_sniff_format(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_to_dict_is_json_ready() -> None:
    meta = read_metadata(PHOTOS / "exif-samples/heic/IMG_5195.HEIC")
    values = json.loads(json.dumps(meta.to_dict()))
    assert values["format"] == "HEIF"
    assert values["taken_at"] == "2021-04-11T15:47:53.054-05:00"
    assert values["warnings"] == []
    assert set(values) == {f for f in PhotoMetadata.__dataclass_fields__}


def test_metadata_needs_no_image_decoder() -> None:
    """HEIC metadata must not depend on the optional HEIC extra; nothing here needs Pillow."""
    code = (
        "import sys; from pathlib import Path;"
        "from fieldsurvey.core.photos.metadata import read_metadata;"
        f"m = read_metadata(Path({str(PHOTOS / 'exif-samples/heic/IMG_5195.HEIC')!r}));"
        "assert m.lat and m.width == 2566, m;"
        "assert not {'PIL', 'pillow_heif'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --- fuzzing ------------------------------------------------------------------------------------

SEEDS = [
    (PHOTOS / name).read_bytes()
    for name in (
        "pillow/exif_gps.jpg",
        "pillow/empty_gps_ifd.jpg",
        "pillow/hopper_orientation_6.jpg",
        "exif-samples/jpg/Canon_40D.jpg",
        "exif-samples/jpg/Kodak_CX7530.jpg",
    )
]


@settings(max_examples=100, deadline=None)
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    edits=st.lists(st.tuples(st.integers(0, 4095), st.integers(0, 255)), min_size=1, max_size=12),
    cut=st.none() | st.integers(0, 12_000),
)
def test_mutated_jpegs_give_metadata_or_a_photo_error(
    tmp_path_factory: pytest.TempPathFactory,
    seed: int,
    edits: list[tuple[int, int]],
    cut: int | None,
) -> None:
    data = bytearray(SEEDS[seed])
    for position, value in edits:  # headers and EXIF live in the first few KB
        data[position % len(data)] = value
    path = tmp_path_factory.mktemp("fuzz", numbered=True) / "mutated.jpg"
    path.write_bytes(bytes(data[:cut]))
    try:
        meta = read_metadata(path)
    except PhotoError as err:
        assert " / " in str(err)
        return
    assert isinstance(meta, PhotoMetadata)
    json.dumps(meta.to_dict())
    if meta.lat is not None:
        assert -90 <= meta.lat <= 90 and meta.lon is not None and -180 <= meta.lon <= 180
    if meta.orientation is not None:
        assert 1 <= meta.orientation <= 8
    if meta.taken_at is not None:
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d)?", meta.taken_at
        )
