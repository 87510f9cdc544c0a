"""Read a photo's place, time, heading, camera and pixel size from its headers, not its pixels.

Which code reads what, and why. Measured with ``benchmarks/bench_photo_meta.py`` (ExifRead 3.5.1,
Pillow 13.0.0; the 85 sample photos in tests/data/photos and 14 hostile files, all readers side
by side in one run; the table is in README.md). A library is used where it gives the same
answers as this module (which the tests hold to exiftool's) on every sample and stays bounded
in time and memory on the hostile files; the rest is hand-written.

- EXIF tags (IFD0, the EXIF and GPS IFDs): **ExifRead**, on the EXIF block copied out of the
  container (a JPEG's is at most 64 KB, others at most ``_MAX_EXIF_BLOCK``) and through
  ``_MeteredReader``, a budget of reads and seeks. ExifRead on its own, on the whole file, took
  15.2 s on an IFD claiming 65,535 entries of 999 rationals and was killed after 20 s on
  entries claiming 100 MB of text with 20 MB after the image; with the budget: 0.20 s and
  0.26 s, that EXIF ignored with a warning. Pillow's ``getexif()`` stays bounded but answers
  differently on 6 of 85 samples (it takes XMP's orientation when EXIF has none), and its
  values come without their EXIF field type, which ``_coordinate`` needs (a signed value with
  no N/S or E/W ref).
- TIFF: its first IFD is both the image header and the EXIF, so ExifRead reads the size too
  (8/8 samples the same); we only check the strips are in the file. Pillow reports 4 of the 8
  with width and height swapped (it turns orientations 5-8 upright).
- JPEG, PNG, WebP and HEIF/AVIF containers: **hand-written**; no library passed both tests.

  - JPEG: Pillow's lazy open finds the same EXIF and frame size on all 64 samples, but keeps
    every APPn segment in memory (50 MB of APP2: 52.7 MB heap; ours 1.1 MB), steps through junk
    a byte at a time (50 MB of zeros after the SOI marker: 2.9 s; ours gives up after 64 KB,
    5 ms), and misses a copy cut inside the image data, which ours notices by reading on to the
    end marker. ExifRead's finder reads no frame size (23 samples have no EXIF copy of it, 2
    have a stale one), reads a clock out of an EXIF block without a TIFF header
    (pillow/invalid-exif.jpg, which exiftool rejects), and looks for the EXIF only in the first
    4,000 bytes after a JFIF segment.
  - PNG: Pillow reads an eXIf chunk after the image data only by decoding the pixels (an 80 KB
    PNG of 9,000 x 9,000 zeros: 259 ms and 78 MB; ours 0.3 ms); ExifRead has no size and misses
    ImageMagick's "Raw profile type exif" text.
  - WebP: Pillow gives the same answers on all 7 samples but reads the whole file into memory
    first (a 50 MB chunk: 100 MB heap; ours 0.7 ms, no heap); ExifRead has no size.
  - HEIF/AVIF: Pillow opens no HEIC without the optional pillow-heif (GPL-licensed codecs);
    ExifRead finds the EXIF but not the image size (IMG_5195.HEIC's EXIF says 4032 x 3024, the
    edited image is 2566 x 3313), accepts only three major brands (heic, avif, mif1; Canon
    writes heix), and took 7.4 s and 412 MB on an item name that runs 50 MB without its end,
    where ours refuses a meta box over ``_MAX_HEIF_META`` before reading it.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import math
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO, cast

import exifread

from fieldsurvey.core.errors import PhotoError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

SUPPORTED_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".heic", ".heif", ".hif", ".avif", ".png", ".tif", ".tiff", ".webp"}
)

# A real photo's EXIF takes ExifRead a few thousand reads and seeks (the worst sample, a Pillow
# test file with a bad IFD offset, takes 80,000). Loops and absurd entry counts take millions;
# past this budget the EXIF counts as unreadable instead of freezing the import.
_EXIF_WORK_LIMIT = 200_000
# No single EXIF value is legitimately this large; ExifRead would otherwise read whatever count
# a hostile file claims.
_MAX_EXIF_READ = 1 << 20
# EXIF we copy out of a container (HEIF item, PNG or WebP chunk); JPEG's is at most 64 KB anyway.
_MAX_EXIF_BLOCK = 4 << 20
# A HEIF meta box describes items, not pixels: iPhones write a few KB, tiled images some 100 KB.
_MAX_HEIF_META = 16 << 20
_MAX_BOXES = 100_000
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PhotoMetadata:
    """What a photo's headers say; ``None`` means unknown, never a guess.

    ``taken_at`` is the camera's local clock ("2024-05-01T08:30:15", with ".123" sub-seconds and
    "+07:00" when the file records its offset); ``taken_at_utc`` ends in "Z" and is set only when
    the moment is known for sure (an offset, or the GPS clock). ``orientation`` is the EXIF value
    1–8. ``heading`` is the compass direction the camera faced (GPSImgDirection, 0–360°) with
    ``heading_ref`` "T" (true north) or "M" (magnetic). ``altitude`` is metres, negative below
    sea level; ``gps_accuracy_m`` is the horizontal error the phone reported. ``warnings`` says
    why something that was in the file is reported as unknown.
    """

    format: str | None = None
    width: int | None = None
    height: int | None = None
    lat: float | None = None
    lon: float | None = None
    altitude: float | None = None
    gps_accuracy_m: float | None = None
    taken_at: str | None = None
    taken_at_utc: str | None = None
    orientation: int | None = None
    heading: float | None = None
    heading_ref: str | None = None
    make: str | None = None
    model: str | None = None
    warnings: tuple[Message, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (warnings as a list of "tiếng Việt / English" texts)."""
        out = dataclasses.asdict(self)
        out["warnings"] = [str(warning) for warning in self.warnings]
        return out


# --- format -------------------------------------------------------------------------------------

_HEVC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
_AV1_BRANDS = frozenset({b"avif", b"avis"})
# Generic HEIF image/sequence brands: AVIF files list them too, so they decide only last.
_MIAF_BRANDS = frozenset({b"mif1", b"msf1"})
_SNIFF_BYTES = 64


def sniff_format(head: bytes) -> str | None:
    """The image format the first bytes of a file announce ("JPEG", "HEIF", "AVIF", "PNG", "TIFF",
    "WEBP"), or ``None``; give it at least the first 32 bytes."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        box_end = min(int.from_bytes(head[:4], "big"), len(head))
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, box_end - 3, 4)}
        if brands & _HEVC_BRANDS:
            return "HEIF"
        if brands & _AV1_BRANDS:
            return "AVIF"
        if brands & _MIAF_BRANDS:
            return "HEIF"
    return None


# --- reading ------------------------------------------------------------------------------------


def _says(template: str, **params: Any) -> Message:
    """A sentence about a photo file, filed under the photos' messages."""
    return Message("photos", template, params)


class _Broken(Exception):
    """The image data itself is damaged or cut short (not just its EXIF)."""

    def __init__(self, reason: str) -> None:
        self.reason = Message("photos", reason)
        super().__init__(reason)


def _truncated() -> _Broken:
    return _Broken(QT_TRANSLATE_NOOP("photos", "tệp bị cắt cụt"))


@dataclass
class _Layout:
    """What a container parser found: pixel size and where the EXIF (TIFF structure) lives."""

    width: int | None = None
    height: int | None = None
    exif: bytes | None = None
    notes: list[Message] = field(default_factory=list)


def read_metadata(path: Path) -> PhotoMetadata:
    """Read ``path``'s metadata without decoding pixels.

    Raises ``PhotoError`` when the file is missing, empty, not a photo, or its image data is
    damaged or cut short. Damaged EXIF alone is not an error: those values are unknown and
    ``warnings`` says why.
    """
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            size = _file_size(fh)
            if size == 0:
                raise PhotoError(
                    _says(
                        QT_TRANSLATE_NOOP(
                            "photos",
                            "Tệp {name} trống (0 byte), không phải ảnh; hãy chép lại ảnh gốc.",
                        ),
                        name=name,
                    )
                )
            kind = sniff_format(fh.read(_SNIFF_BYTES))
            if kind is None:
                raise PhotoError(
                    _says(
                        QT_TRANSLATE_NOOP(
                            "photos", "Tệp {name} không phải ảnh (JPEG/HEIC/PNG/TIFF/WebP)."
                        ),
                        name=name,
                    )
                )
            try:
                return _read(fh, size, kind)
            except (_Broken, struct.error, IndexError, ValueError, OverflowError) as err:
                # The parsers below check every length they use; an IndexError or struct.error
                # reaching here still means the headers contradict themselves, i.e. damage.
                reason = (
                    err.reason
                    if isinstance(err, _Broken)
                    else _says(QT_TRANSLATE_NOOP("photos", "đầu tệp hỏng: {error}"), error=str(err))
                )
                raise PhotoError(
                    _says(
                        QT_TRANSLATE_NOOP(
                            "photos",
                            "Ảnh {name} bị hỏng hoặc chép thiếu ({reason}); hãy chép lại ảnh gốc.",
                        ),
                        name=name,
                        reason=reason,
                    )
                ) from None
    except FileNotFoundError:
        raise PhotoError(
            _says(QT_TRANSLATE_NOOP("photos", "Không tìm thấy tệp {name}."), name=name)
        ) from None
    except IsADirectoryError:
        raise PhotoError(
            _says(QT_TRANSLATE_NOOP("photos", "{name} là thư mục, không phải ảnh."), name=name)
        ) from None
    except OSError as err:
        raise PhotoError(
            _says(
                QT_TRANSLATE_NOOP("photos", "Không đọc được tệp {name} ({reason})."),
                name=name,
                reason=err.strerror or str(err),
            )
        ) from None


def _file_size(fh: BinaryIO) -> int:
    end = fh.seek(0, io.SEEK_END)
    fh.seek(0)
    return end


def _read(fh: BinaryIO, size: int, kind: str) -> PhotoMetadata:
    if kind == "TIFF":
        tags, notes = _exif_tags(fh)
        layout = _tiff_layout(tags, size)
    else:
        parse = {
            "JPEG": _jpeg_layout,
            "PNG": _png_layout,
            "WEBP": _webp_layout,
            "HEIF": _heif_layout,
            "AVIF": _heif_layout,
        }[kind]
        layout = parse(fh, size)
        tags, notes = {}, []
        if layout.exif is not None and layout.exif[:4] not in (b"II*\x00", b"MM\x00*"):
            notes.append(_says(QT_TRANSLATE_NOOP("photos", "Khối EXIF hỏng (thiếu đầu TIFF).")))
        elif layout.exif:
            tags, notes = _exif_tags(io.BytesIO(layout.exif))
    return _interpret(kind, layout, tags, layout.notes + notes)


# --- JPEG ---------------------------------------------------------------------------------------

_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # DHT, JPG, DAC are not frames
_STANDALONE = frozenset(range(0xD0, 0xD8)) | {0x01}  # RSTn and TEM carry no length


def _jpeg_layout(fh: BinaryIO, size: int) -> _Layout:
    layout = _Layout()
    fh.seek(2)
    while True:
        marker = _next_jpeg_marker(fh, layout)
        if marker in _STANDALONE:
            continue
        if marker == 0xD9:
            raise _Broken(QT_TRANSLATE_NOOP("photos", "không có dữ liệu ảnh"))
        length = _read_exact(fh, 2)
        seg_len = int.from_bytes(length, "big") - 2
        start = fh.tell()
        if seg_len < 0:
            raise _Broken(QT_TRANSLATE_NOOP("photos", "đoạn JPEG dài âm"))
        if start + seg_len > size:
            raise _truncated()
        if marker == 0xE1 and layout.exif is None:
            payload = _read_exact(fh, seg_len)
            # "Exif\0\0" then a TIFF structure; some writers pad the second NUL with 0xFF.
            if payload.startswith(b"Exif\x00"):
                layout.exif = payload[6:]
        elif marker in _SOF_MARKERS and layout.width is None:
            frame = _read_exact(fh, 5)
            height, width = struct.unpack(">HH", frame[1:5])
            # A height of 0 is legal (the DNL marker gives it later) and means unknown here.
            layout.width, layout.height = width or None, height or None
            if width == 0:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "khung ảnh rộng 0 điểm"))
        elif marker == 0xDA:
            if layout.width is None:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "thiếu khung ảnh (SOF)"))
            _find_jpeg_end(fh, start + seg_len, size)
            return layout
        fh.seek(start + seg_len)


def _next_jpeg_marker(fh: BinaryIO, layout: _Layout) -> int:
    """The next marker code, skipping fill bytes; stray bytes between segments are tolerated
    (libjpeg decodes such files with a warning) but noted."""
    skipped = 0
    while True:
        byte = fh.read(1)
        if not byte:
            raise _truncated()
        if byte != b"\xff":
            skipped += 1
            if skipped > 65536:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "không tìm thấy đoạn JPEG"))
            continue
        code = b"\xff"
        while code == b"\xff":
            code = fh.read(1)
        if not code:
            raise _truncated()
        if code == b"\x00":
            skipped += 2
            continue
        if skipped:
            layout.notes.append(
                _says(
                    QT_TRANSLATE_NOOP("photos", "Có {count} byte lạ giữa các đoạn JPEG."),
                    count=skipped,
                )
            )
        return code[0]


def _find_jpeg_end(fh: BinaryIO, start: int, size: int) -> None:
    """Check the compressed data reaches its end marker, i.e. the copy is complete.

    Entropy-coded data escapes every 0xFF, so the first FF D9 after the scan header ends the
    primary image (what follows it — motion-photo video, MPF depth maps — is not our concern).
    Reading bytes is cheap next to decoding them.
    """
    fh.seek(start)
    carry = b""
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            raise _truncated()
        if (carry + chunk).find(b"\xff\xd9") >= 0:
            return
        carry = chunk[-1:]


# --- PNG ----------------------------------------------------------------------------------------

_RAW_EXIF_PROFILE = b"Raw profile type exif\x00"


def _png_layout(fh: BinaryIO, size: int) -> _Layout:
    layout = _Layout()
    pos = 8
    raw_profile: bytes | None = None
    for index in range(_MAX_BOXES):
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            raise _truncated()
        length, kind = struct.unpack(">I4s", head)
        end = pos + 12 + length
        if end > size:
            raise _truncated()
        if index == 0:
            if kind != b"IHDR" or length < 8:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "thiếu IHDR"))
            width, height = struct.unpack(">II", _read_exact(fh, 8))
            if not (width and height):
                raise _Broken(QT_TRANSLATE_NOOP("photos", "ảnh 0 điểm ảnh"))
            layout.width, layout.height = width, height
        elif kind == b"eXIf" and layout.exif is None and length <= _MAX_EXIF_BLOCK:
            layout.exif = _strip_exif_prefix(_read_exact(fh, length))
        elif kind in (b"tEXt", b"zTXt") and raw_profile is None and length <= _MAX_EXIF_BLOCK:
            # ImageMagick keeps EXIF as hex text ("Raw profile type exif"); exiftool reads it.
            data = _read_exact(fh, length)
            if data.startswith(_RAW_EXIF_PROFILE):
                raw_profile = _raw_profile_exif(data[len(_RAW_EXIF_PROFILE) :], kind == b"zTXt")
        elif kind == b"IEND":
            if layout.exif is None and raw_profile:
                layout.exif = raw_profile
            return layout
        pos = end
    raise _Broken(QT_TRANSLATE_NOOP("photos", "quá nhiều đoạn PNG"))


def _raw_profile_exif(text: bytes, compressed: bool) -> bytes | None:
    """EXIF from ImageMagick's "\\nexif\\n  LENGTH\\nHEX…" text; ``None`` if it is not that."""
    try:
        if compressed:
            # zTXt: one compression-method byte, then zlib data; cap what it may inflate to.
            text = zlib.decompressobj().decompress(text[1:], _MAX_EXIF_BLOCK * 2 + 64)
        lines = text.split(b"\n")
        length = int(lines[2])
        data = bytes.fromhex(b"".join(lines[3:]).decode("ascii"))[:length]
    except (ValueError, IndexError, zlib.error, UnicodeDecodeError):
        return None
    return _strip_exif_prefix(data)


def _strip_exif_prefix(data: bytes) -> bytes:
    # PNG's eXIf and WebP's EXIF chunks hold a bare TIFF structure by their specs, but Pillow and
    # others write JPEG's "Exif\0\0" in front.
    return data[6:] if data.startswith(b"Exif\x00") else data


# --- WebP ---------------------------------------------------------------------------------------


def _webp_layout(fh: BinaryIO, size: int) -> _Layout:
    layout = _Layout()
    fh.seek(4)
    end = 8 + int.from_bytes(_read_exact(fh, 4), "little")
    if end > size:
        raise _truncated()
    pos = 12
    canvas: tuple[int, int] | None = None
    bitstream: tuple[int, int] | None = None
    for _ in range(_MAX_BOXES):
        if pos + 8 > end:
            break
        fh.seek(pos)
        kind, length = struct.unpack("<4sI", _read_exact(fh, 8))
        data_end = pos + 8 + length
        if data_end > end:
            raise _truncated()
        if kind == b"VP8X" and length >= 10:
            head = _read_exact(fh, 10)
            canvas = (
                1 + int.from_bytes(head[4:7], "little"),
                1 + int.from_bytes(head[7:10], "little"),
            )
        elif kind == b"VP8 " and length >= 10 and bitstream is None:
            head = _read_exact(fh, 10)
            if head[3:6] == b"\x9d\x01\x2a":
                w, h = struct.unpack("<HH", head[6:10])
                bitstream = (w & 0x3FFF, h & 0x3FFF)
        elif kind == b"VP8L" and length >= 5 and bitstream is None:
            head = _read_exact(fh, 5)
            if head[0] == 0x2F:
                bits = int.from_bytes(head[1:5], "little")
                bitstream = ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        elif kind == b"EXIF" and layout.exif is None and length <= _MAX_EXIF_BLOCK:
            layout.exif = _strip_exif_prefix(_read_exact(fh, length))
        pos = data_end + (length & 1)
    found = canvas or bitstream
    if found is None or not all(found):
        raise _Broken(QT_TRANSLATE_NOOP("photos", "thiếu dữ liệu ảnh WebP"))
    layout.width, layout.height = found
    return layout


# --- HEIF / AVIF --------------------------------------------------------------------------------


class _Cursor:
    """Reads big-endian integers from a box, refusing to run past its end."""

    def __init__(self, data: bytes, pos: int, end: int) -> None:
        self.data, self.pos, self.end = data, pos, end

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > self.end:
            raise _Broken(QT_TRANSLATE_NOOP("photos", "hộp HEIF bị cắt"))
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def uint(self, n: int) -> int:
        return int.from_bytes(self.take(n), "big") if n else 0


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, end) of each ISO-BMFF box in ``data[start:end]``."""
    pos = start
    for _ in range(_MAX_BOXES):
        if pos + 8 > end:
            return
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "hộp HEIF bị cắt"))
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise _Broken(QT_TRANSLATE_NOOP("photos", "hộp HEIF vượt quá tệp"))
        yield kind, pos + header, pos + size
        pos += size
    raise _Broken(QT_TRANSLATE_NOOP("photos", "quá nhiều hộp HEIF"))


def _heif_layout(fh: BinaryIO, size: int) -> _Layout:
    meta: bytes | None = None
    pos = 0
    for _ in range(_MAX_BOXES):
        if pos >= size:
            break
        fh.seek(pos)
        head = fh.read(16)
        if len(head) < 8:
            raise _truncated()
        box_size, kind = struct.unpack(">I4s", head[:8])
        header = 8
        if box_size == 1:
            if len(head) < 16:
                raise _truncated()
            box_size, header = int.from_bytes(head[8:16], "big"), 16
        elif box_size == 0:
            box_size = size - pos
        if box_size < header:
            raise _Broken(QT_TRANSLATE_NOOP("photos", "hộp HEIF dài sai"))
        if pos + box_size > size:
            raise _truncated()
        if kind == b"meta" and meta is None:
            if box_size > _MAX_HEIF_META:
                raise _Broken(QT_TRANSLATE_NOOP("photos", "hộp meta quá lớn"))
            fh.seek(pos + header)
            meta = _read_exact(fh, box_size - header)
        pos += box_size
    if meta is None:
        raise _Broken(QT_TRANSLATE_NOOP("photos", "thiếu hộp meta"))
    return _heif_meta(fh, size, meta)


def _heif_meta(fh: BinaryIO, size: int, meta: bytes) -> _Layout:
    layout = _Layout()
    primary: int | None = None
    exif_items: list[int] = []
    locations: dict[int, tuple[int, list[tuple[int, int]]]] = {}
    properties: list[tuple[bytes, int, int]] = []
    associations: dict[int, list[int]] = {}
    idat = b""
    # meta is a full box: version and flags come before its children.
    for kind, start, end in _boxes(meta, 4, len(meta)):
        cur = _Cursor(meta, start, end)
        if kind == b"pitm":
            version = cur.uint(4) >> 24
            primary = cur.uint(2 if version == 0 else 4)
        elif kind == b"iinf":
            exif_items = _heif_exif_items(meta, cur)
        elif kind == b"iloc":
            locations = _heif_locations(cur)
        elif kind == b"iprp":
            for sub, s_start, s_end in _boxes(meta, start, end):
                if sub == b"ipco":
                    properties = list(_boxes(meta, s_start, s_end))
                elif sub == b"ipma":
                    associations.update(_heif_associations(_Cursor(meta, s_start, s_end)))
        elif kind == b"idat":
            idat = meta[start:end]
    primary_properties = associations.get(primary, []) if primary is not None else []
    for index in primary_properties:
        if 0 < index <= len(properties) and properties[index - 1][0] == b"ispe":
            _, p_start, p_end = properties[index - 1]
            cur = _Cursor(meta, p_start, p_end)
            cur.take(4)
            layout.width, layout.height = cur.uint(4) or None, cur.uint(4) or None
            break
    for method, extents in locations.values():
        if method == 0 and any(offset + length > size for offset, length in extents):
            raise _truncated()
    for item in exif_items:
        if item in locations:
            layout.exif = _heif_exif(fh, idat, *locations[item], layout)
            break
    return layout


def _heif_exif_items(meta: bytes, cur: _Cursor) -> list[int]:
    version = cur.uint(4) >> 24
    cur.take(2 if version == 0 else 4)
    items = []
    for kind, start, end in _boxes(meta, cur.pos, cur.end):
        if kind != b"infe":
            continue
        entry = _Cursor(meta, start, end)
        entry_version = entry.uint(4) >> 24
        if entry_version < 2:
            continue  # versions 0/1 predate item types; no EXIF item is written that way
        item_id = entry.uint(2 if entry_version == 2 else 4)
        entry.take(2)
        if entry.take(4) == b"Exif":
            items.append(item_id)
    return items


def _heif_locations(cur: _Cursor) -> dict[int, tuple[int, list[tuple[int, int]]]]:
    version = cur.uint(4) >> 24
    if version > 2:
        return {}
    sizes = cur.uint(2)
    offset_size, length_size = sizes >> 12, (sizes >> 8) & 15
    base_size, index_size = (sizes >> 4) & 15, (sizes & 15 if version in (1, 2) else 0)
    count = cur.uint(2 if version < 2 else 4)
    locations: dict[int, tuple[int, list[tuple[int, int]]]] = {}
    for _ in range(count):
        item_id = cur.uint(2 if version < 2 else 4)
        method = cur.uint(2) & 15 if version in (1, 2) else 0
        cur.take(2)  # data reference index: always this file in photos
        base = cur.uint(base_size)
        extents = []
        for _ in range(cur.uint(2)):
            cur.take(index_size)
            offset = cur.uint(offset_size)
            extents.append((base + offset, cur.uint(length_size)))
        locations[item_id] = (method, extents)
    return locations


def _heif_associations(cur: _Cursor) -> dict[int, list[int]]:
    head = cur.uint(4)
    version, wide = head >> 24, head & 1
    out: dict[int, list[int]] = {}
    for _ in range(cur.uint(4)):
        item_id = cur.uint(2 if version < 1 else 4)
        indices = []
        for _ in range(cur.uint(1)):
            indices.append(cur.uint(2) & 0x7FFF if wide else cur.uint(1) & 0x7F)
        out[item_id] = indices
    return out


def _heif_exif(
    fh: BinaryIO, idat: bytes, method: int, extents: list[tuple[int, int]], layout: _Layout
) -> bytes | None:
    if method not in (0, 1) or sum(length for _, length in extents) > _MAX_EXIF_BLOCK:
        layout.notes.append(_says(QT_TRANSLATE_NOOP("photos", "Không đọc được mục EXIF của HEIF.")))
        return None
    parts = []
    for offset, length in extents:
        if method == 0:
            fh.seek(offset)
            parts.append(_read_exact(fh, length))
        else:
            parts.append(idat[offset : offset + length])
    data = b"".join(parts)
    # The item starts with a 4-byte offset to the TIFF header (usually 6, skipping "Exif\0\0").
    if len(data) >= 4:
        tiff = data[4 + int.from_bytes(data[:4], "big") :]
        if tiff[:4] in (b"II*\x00", b"MM\x00*"):
            return tiff
    found = re.search(rb"II\*\x00|MM\x00\*", data[:64])
    if found:
        return data[found.start() :]
    layout.notes.append(_says(QT_TRANSLATE_NOOP("photos", "Mục EXIF của HEIF hỏng.")))
    return None


# --- TIFF ---------------------------------------------------------------------------------------


def _tiff_layout(tags: dict[str, Any], size: int) -> _Layout:
    """A TIFF's first IFD is both its image header and its EXIF: ExifRead has already read it."""
    width = _positive_int(tags.get("Image ImageWidth"))
    height = _positive_int(tags.get("Image ImageLength"))
    if width is None or height is None:
        raise _Broken(QT_TRANSLATE_NOOP("photos", "không đọc được đầu ảnh TIFF"))
    for offsets, counts in (
        ("Image StripOffsets", "Image StripByteCounts"),
        ("Image TileOffsets", "Image TileByteCounts"),
    ):
        starts, lengths = _ints(tags.get(offsets)), _ints(tags.get(counts))
        if starts and lengths and max(o + n for o, n in zip(starts, lengths, strict=False)) > size:
            raise _truncated()
    return _Layout(width=width, height=height)


# --- EXIF via ExifRead --------------------------------------------------------------------------


class _ExifTooComplex(Exception):
    """ExifRead spent its work budget: the EXIF loops or claims absurd counts."""


class _MeteredReader:
    """A read-only file view for ExifRead that caps the work a hostile EXIF block can cause."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._left = _EXIF_WORK_LIMIT

    def _spend(self) -> None:
        self._left -= 1
        if self._left < 0:
            raise _ExifTooComplex

    def read(self, size: int | None = -1) -> bytes:
        self._spend()
        if size is None or size < 0 or size > _MAX_EXIF_READ:
            size = _MAX_EXIF_READ
        return self._raw.read(size)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._spend()
        if whence == io.SEEK_SET and offset < 0:
            # A corrupt offset pointing before the file: read as "nothing there", like past its end.
            return self._raw.seek(0, io.SEEK_END)
        # Past 2**62 a real file's seek overflows; that far is just as empty.
        return self._raw.seek(min(offset, 1 << 62), whence)

    def tell(self) -> int:
        return self._raw.tell()


class _ExifReadLog(logging.Handler):
    """Collects ExifRead's complaints about the file the current thread is reading."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._local = threading.local()

    def start(self) -> list[str]:
        sink: list[str] = []
        self._local.sink = sink
        return sink

    def stop(self) -> None:
        self._local.sink = None

    def emit(self, record: logging.LogRecord) -> None:
        sink = getattr(self._local, "sink", None)
        if sink is not None and len(sink) < 5:
            try:
                sink.append(record.getMessage())
            except Exception:  # a malformed log call must not break the read
                sink.append(str(record.msg))


_EXIFREAD_LOG = _ExifReadLog()
_exifread_logger = logging.getLogger("exifread")
# ExifRead reports damaged files through logging.warning; they become PhotoMetadata.warnings
# instead of reaching the user's console or the app log. Its debug calls format every tag, so
# they stay off even when the app logs at DEBUG.
_exifread_logger.addHandler(_EXIFREAD_LOG)
_exifread_logger.propagate = False
_exifread_logger.setLevel(logging.WARNING)


def _exif_tags(raw: BinaryIO) -> tuple[dict[str, Any], list[Message]]:
    """ExifRead's tags for a TIFF structure, or none (with the reason) if it cannot be read."""
    sink = _EXIFREAD_LOG.start()
    try:
        tags = exifread.process_file(
            cast(BinaryIO, _MeteredReader(raw)), details=False, extract_thumbnail=False
        )
    except _ExifTooComplex:
        return {}, [
            _says(
                QT_TRANSLATE_NOOP(
                    "photos", "EXIF quá phức tạp (có vòng lặp hoặc số lượng vô lý), đã bỏ qua."
                )
            )
        ]
    except Exception as err:  # ExifRead on hostile bytes may raise anything, RecursionError too
        return {}, [
            _says(
                QT_TRANSLATE_NOOP("photos", "EXIF hỏng, đã bỏ qua ({error})."),
                error=f"{type(err).__name__}: {str(err)[:100]}",
            )
        ]
    finally:
        _EXIFREAD_LOG.stop()
    notes = [
        _says(
            QT_TRANSLATE_NOOP("photos", "EXIF hỏng một phần, đã bỏ qua phần hỏng ({detail})."),
            detail=message[:100],
        )
        for message in dict.fromkeys(sink)
    ]
    return tags, notes


# --- interpreting the tags ----------------------------------------------------------------------

# EXIF field types that carry a sign: SBYTE, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE.
_SIGNED_TYPES = frozenset({6, 8, 9, 10, 11, 12})


def _interpret(
    kind: str, layout: _Layout, tags: dict[str, Any], notes: list[Message]
) -> PhotoMetadata:
    warnings = list(notes)
    values: dict[str, Any] = {}
    steps = (
        ("GPS", _position),
        ("time", _times),
        ("camera", _camera),
    )
    for label, step in steps:
        # Each group is read on its own so one odd tag cannot hide the rest.
        try:
            values.update(step(tags, warnings))
        except Exception as err:
            warnings.append(
                _says(
                    QT_TRANSLATE_NOOP(
                        "photos", "Không đọc được nhóm {group} trong EXIF ({error})."
                    ),
                    group=label,
                    error=type(err).__name__,
                )
            )
    width, height = layout.width, layout.height
    if width is None or height is None:
        # Only when the image itself did not say: EXIF's copy goes stale when a photo is edited.
        width = width or _positive_int(tags.get("EXIF ExifImageWidth"))
        height = height or _positive_int(tags.get("EXIF ExifImageLength"))
    return PhotoMetadata(
        format=kind, width=width, height=height, warnings=tuple(warnings), **values
    )


def _tag(tags: dict[str, Any], *names: str) -> Any:
    for name in names:
        if name in tags:
            return tags[name]
    return None


def _numbers(tag: Any) -> list[float] | None:
    """A numeric tag's values as floats; ``None`` if any is missing, non-finite or n/0."""
    values = getattr(tag, "values", None)
    if not isinstance(values, list) or not values:
        return None
    out = []
    for value in values:
        if isinstance(value, tuple) and len(value) == 1:  # ExifRead wraps FLOAT/DOUBLE in 1-tuples
            value = value[0]
        if isinstance(value, Fraction):
            # ExifRead keeps n/0 as a Fraction with denominator 0 rather than failing.
            if value.denominator == 0:
                return None
            number = value.numerator / value.denominator
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            return None
        if not math.isfinite(number):
            return None
        out.append(number)
    return out


def _ints(tag: Any) -> list[int]:
    values = getattr(tag, "values", None)
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def _first_int(tag: Any) -> int | None:
    ints = _ints(tag)
    return ints[0] if len(ints) == 1 else None


def _positive_int(tag: Any) -> int | None:
    value = _first_int(tag)
    return value if value is not None and value > 0 else None


def _text(tag: Any) -> str | None:
    values = getattr(tag, "values", None)
    if getattr(tag, "field_type", None) in (1, 7) and isinstance(values, list):
        # Some writers store text as BYTE/UNDEFINED.
        if not all(isinstance(v, int) and 0 <= v < 256 for v in values):
            return None
        values = bytes(values)
    if isinstance(values, bytes):
        values = values.split(b"\x00", 1)[0].decode("utf-8", "replace")
    if not isinstance(values, str):
        return None
    return values.replace("\x00", " ").strip() or None


# GPS ---------------------------------------------------------------------------------------------


def _coordinate(tags: dict[str, Any], axis: str, warnings: list[Message]) -> float | None:
    """One GPS coordinate in signed decimal degrees, or ``None`` if the file does not say for sure.

    Accepted: D/M/S, D + decimal minutes, or decimal degrees; the sign from the N/S or E/W ref,
    or — when the ref is missing — from a signed value (a writer that chose a signed type put the
    hemisphere in the sign). An unsigned value without a ref has no hemisphere: exiftool gives no
    position for it either. Minutes or seconds ≥ 60, out-of-range degrees, a zero denominator, or
    a ref that contradicts the sign all make it unknown.
    """
    name, limit, positive, negative = (
        ("Latitude", 90.0, "N", "S") if axis == "lat" else ("Longitude", 180.0, "E", "W")
    )
    tag = tags.get(f"GPS GPS{name}")
    if tag is None:
        return None
    parts = _numbers(tag)

    def unknown(why: str, **params: Any) -> float | None:
        template = (
            QT_TRANSLATE_NOOP("photos", "GPS (vĩ độ): {why}, coi như không có vị trí.")
            if axis == "lat"
            else QT_TRANSLATE_NOOP("photos", "GPS (kinh độ): {why}, coi như không có vị trí.")
        )
        warnings.append(_says(template, why=_says(why, **params)))
        return None

    if parts is None or not 1 <= len(parts) <= 3:
        return unknown(QT_TRANSLATE_NOOP("photos", "giá trị không đọc được"))
    # Signed writers put the sign on the leading non-zero part (-21°, 1', 43") or on every part.
    lead = next((i for i, p in enumerate(parts) if p != 0), 0)
    is_negative = parts[lead] < 0
    rest = parts[lead + 1 :]
    if (not is_negative and any(p < 0 for p in rest)) or (
        any(p < 0 for p in rest) and any(p > 0 for p in rest)
    ):
        return unknown(QT_TRANSLATE_NOOP("photos", "dấu âm dương lẫn lộn"))
    magnitudes = [abs(p) for p in parts] + [0.0] * (3 - len(parts))
    degrees, minutes, seconds = magnitudes
    if minutes >= 60 or seconds >= 60:
        return unknown(QT_TRANSLATE_NOOP("photos", "phút hoặc giây ≥ 60"))
    value = degrees + minutes / 60 + seconds / 3600
    if value > limit:
        return unknown(QT_TRANSLATE_NOOP("photos", "vượt quá {limit}°"), limit=f"{limit:g}")
    ref = (_text(tags.get(f"GPS GPS{name}Ref")) or "")[:1].upper()
    if ref in (positive, negative):
        if is_negative and ref == positive:
            return unknown(QT_TRANSLATE_NOOP("photos", "giá trị âm nhưng ghi {ref}"), ref=ref)
        return -value if ref == negative or is_negative else value
    if ref:
        return unknown(QT_TRANSLATE_NOOP("photos", "hướng bán cầu lạ '{ref}'"), ref=ref)
    if getattr(tag, "field_type", None) in _SIGNED_TYPES:
        return -value if is_negative else value
    return unknown(QT_TRANSLATE_NOOP("photos", "thiếu bán cầu (N/S, E/W)"))


def _position(tags: dict[str, Any], warnings: list[Message]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    heading = _numbers(tags.get("GPS GPSImgDirection"))
    if heading is not None:
        if len(heading) == 1 and 0 <= heading[0] <= 360:
            out["heading"] = heading[0]
            ref = (_text(tags.get("GPS GPSImgDirectionRef")) or "")[:1].upper()
            out["heading_ref"] = ref if ref in ("T", "M") else None
        else:
            warnings.append(_says(QT_TRANSLATE_NOOP("photos", "Hướng chụp không hợp lệ.")))
    if "GPS GPSLatitude" not in tags and "GPS GPSLongitude" not in tags:
        return out
    lat = _coordinate(tags, "lat", warnings)
    lon = _coordinate(tags, "lon", warnings)
    if lat is None or lon is None:
        return out
    status = (_text(tags.get("GPS GPSStatus")) or "")[:1].upper()
    if status == "V":
        warnings.append(
            _says(
                QT_TRANSLATE_NOOP(
                    "photos", "GPS ghi 'V' (đo không hợp lệ), coi như không có vị trí."
                )
            )
        )
        return out
    if lat == 0 and lon == 0:
        # Cameras and apps write 0,0 when they had no fix; nobody surveys in the Gulf of Guinea.
        warnings.append(
            _says(
                QT_TRANSLATE_NOOP(
                    "photos", "GPS ghi 0,0 (chưa bắt được vệ tinh), coi như không có vị trí."
                )
            )
        )
        return out
    out["lat"], out["lon"] = lat, lon
    # Altitude and accuracy describe that fix, so they count only with it.
    altitude = _numbers(tags.get("GPS GPSAltitude"))
    if altitude is not None and len(altitude) == 1:
        # Ref 1 = below sea level; a missing ref means 0 (above), the EXIF default. A ref that
        # is there but unreadable leaves the sign, and so the altitude, unknown.
        ref_tag = tags.get("GPS GPSAltitudeRef")
        below = 0 if ref_tag is None else _first_int(ref_tag)
        if below in (0, 1):
            out["altitude"] = -abs(altitude[0]) if below == 1 else altitude[0]
    error = _numbers(_tag(tags, "GPS GPSHPositioningError", "GPS Tag 0x001F"))
    if error is not None and len(error) == 1 and error[0] >= 0:
        out["gps_accuracy_m"] = error[0]
    return out


# Time --------------------------------------------------------------------------------------------

_EXIF_DATETIME = re.compile(r"\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")
_EARLIEST_ZONE, _LATEST_ZONE = timedelta(hours=-12, minutes=-5), timedelta(hours=14, minutes=5)
_CLOCKS = (
    ("EXIF DateTimeOriginal", "EXIF SubSecTimeOriginal", "EXIF OffsetTimeOriginal"),
    ("EXIF DateTimeDigitized", "EXIF SubSecTimeDigitized", "EXIF OffsetTimeDigitized"),
    ("Image DateTime", "EXIF SubSecTime", "EXIF OffsetTime"),
)


def _parse_datetime(text: str | None) -> datetime | None:
    match = _EXIF_DATETIME.match(text or "")
    if not match:
        return None  # includes the "    :  :     :  :  " cameras write for "not set"
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _parse_offset(text: str | None) -> tuple[str, timedelta] | None:
    match = _OFFSET.fullmatch(text or "")
    if not match:
        return None
    sign, hours, minutes = match[1], int(match[2]), int(match[3])
    if hours > 14 or minutes >= 60:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return f"{sign}{hours:02d}:{minutes:02d}", -delta if sign == "-" else delta


def _iso(moment: datetime, fraction: str) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{fraction}" if fraction else "")


def _times(tags: dict[str, Any], warnings: list[Message]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    local: datetime | None = None
    for index, (clock, subsec_tag, offset_tag) in enumerate(_CLOCKS):
        local = _parse_datetime(_text(tags.get(clock)))
        if local is None:
            continue
        subsec = _text(tags.get(subsec_tag)) or ""
        fraction = subsec if subsec.isdigit() and subsec.isascii() else ""
        offset = _parse_offset(_text(tags.get(offset_tag)))
        # OffsetTime belongs to DateTime (last modified); it tells this clock's zone only when
        # both read the same, i.e. the file was not edited elsewhere later.
        if (
            offset is None
            and index < 2
            and _parse_datetime(_text(tags.get("Image DateTime"))) == local
        ):
            offset = _parse_offset(_text(tags.get("EXIF OffsetTime")))
        out["taken_at"] = _iso(local, fraction) + (offset[0] if offset else "")
        if offset:
            out["taken_at_utc"] = _iso(local - offset[1], fraction) + "Z"
        break
    utc = None if "taken_at_utc" in out else _gps_time(tags)
    if utc is not None:
        # Local clock minus UTC must be a real time zone (UTC-12 … UTC+14); otherwise one of the
        # two clocks is wrong (some cameras stamp the GPS date a day off) and we cannot tell which.
        if local is not None and not _EARLIEST_ZONE <= local - utc <= _LATEST_ZONE:
            warnings.append(
                _says(
                    QT_TRANSLATE_NOOP(
                        "photos",
                        "Giờ GPS và giờ máy ảnh lệch nhau quá một múi giờ, không xác định được "
                        "giờ UTC.",
                    )
                )
            )
        else:
            out["taken_at_utc"] = _iso(utc, f"{utc.microsecond:06d}".rstrip("0")) + "Z"
    return out


def _gps_time(tags: dict[str, Any]) -> datetime | None:
    """UTC from the GPS clock (GPSDateStamp + GPSTimeStamp), which needs no time zone."""
    date_match = re.fullmatch(
        r"(\d{4})[:-](\d{2})[:-](\d{2})", _text(tags.get("GPS GPSDate")) or ""
    )
    clock = _numbers(tags.get("GPS GPSTimeStamp"))
    if not date_match or clock is None or len(clock) != 3:
        return None
    hours, minutes, seconds = clock
    if (
        not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 60)
        or hours % 1
        or minutes % 1
    ):
        return None
    year, month, day_of_month = (int(g) for g in date_match.groups())
    try:
        day = datetime(year, month, day_of_month)
    except ValueError:
        return None
    micro = round(seconds * 1_000_000)
    return day + timedelta(hours=hours, minutes=minutes, microseconds=micro)


# Camera ------------------------------------------------------------------------------------------


def _camera(tags: dict[str, Any], warnings: list[Message]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "make": _text(tags.get("Image Make")),
        "model": _text(tags.get("Image Model")),
    }
    orientation = _first_int(tags.get("Image Orientation"))
    if orientation is not None:
        if 1 <= orientation <= 8:
            out["orientation"] = orientation
        else:
            warnings.append(
                _says(
                    QT_TRANSLATE_NOOP("photos", "Hướng ảnh EXIF lạ ({orientation})."),
                    orientation=orientation,
                )
            )
    return out


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    data = fh.read(n)
    if len(data) < n:
        raise _truncated()
    return data
