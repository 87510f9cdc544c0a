"""Photo metadata: our header reader against ExifRead's and Pillow's own reading of the same
files, answer by answer and time per file; then hostile files, read by each in a child process.

    .venv/bin/python benchmarks/bench_photo_meta.py [--runs 7] [--timeout 20] [--out FILE]

1. Every photo under tests/data/photos (recursively, the suffixes ``read_metadata`` accepts) is
   read four ways, one after the other for each file, each timed as the median of --runs calls
   after one warm-up:

   - ours: ``read_metadata(path)``;
   - ExifRead: ``exifread.process_file(f, details=False)`` on the open file (its own JPEG, PNG,
     WebP, HEIF and TIFF finders); the pixel size is IFD0's ImageWidth/ImageLength for a TIFF,
     else EXIF's ExifImageWidth/ExifImageLength (ExifRead reads no image header);
   - Pillow: lazy ``Image.open(path)``, ``.size``, ``getexif()`` with ``get_ifd(0x8769)`` (EXIF)
     and ``get_ifd(0x8825)`` (GPS). No HEIF plugin is registered (pillow-heif is optional);
   - Pillow headers + our EXIF, the replacement to weigh for the container parsers: the lazy
     open's ``.size`` and the EXIF block it found (``info["exif"]``), that block read by
     ExifRead exactly as ours reads its own (a TIFF's first IFD as ours does).

   The libraries' tags go through the same interpretation as ours (hemisphere refs, 0,0 "no
   fix", which clock wins, the offset rules): what is compared is what each *reads from the
   file*, not two ways of turning degrees into a sign. Fields compared: lat, lon (within 1e-7°),
   time (the local clock with sub-seconds), offset, heading (within 1e-7°), make, model, width,
   height; then the rest of what ``read_metadata`` reports (UTC time, heading ref, altitude,
   accuracy, orientation). Per file and library: "same", or the fields it cannot read (ours has
   a value, it has none) and the fields where it differs (another value, or a value where ours
   has none); then the same counts per format. Pillow's ``getexif()`` on a PNG decodes the
   pixels first when the EXIF is not before the image data; those files are listed.

2. Hostile files, made in a temporary folder:

   - a JPEG cut inside its EXIF, and one cut inside its image data;
   - a JPEG whose EXIF IFD claims 65,535 entries: empty ones; 999 rationals each (just under
     ExifRead's cap of 1,000 values per tag); a 100 MB text each, with 20 MB after the image
     (as a motion photo has);
   - an EXIF IFD offset loop;
   - a JPEG with 50 MB of APP2 segments before its frame;
   - 50 MB of seeded random bytes, and 50 MB of zero bytes, after a JPEG SOI marker;
   - a real HEIC whose meta box claims 4 GB; a HEIF whose meta box claims 2^62 bytes; a HEIF
     whose item name runs 50 MB without its closing NUL;
   - a real WebP with a 50 MB unknown chunk; a 9,000 × 9,000 PNG of zeros (80 KB) with its EXIF
     after the image data.

   Each reader reads each file in its own child process (address space capped at --mem-limit
   MB) twice: once timed, once under tracemalloc for the peak Python heap, with how much the
   child's peak resident size grew during the read (C allocations, which tracemalloc does not
   see). Outcome: returned, raised (which error), or hung (killed after --timeout s).

Nothing is asserted; the figures go into README.md and metadata.py's opening docstring.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import resource
import struct
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

from _common import machine_info, machine_line, median, say, table, time_runs, write_json
from fieldsurvey.core.photos.metadata import SUPPORTED_SUFFIXES, sniff_format

NAME = "bench_photo_meta"
PHOTOS = Path(__file__).resolve().parent.parent / "tests" / "data" / "photos"
# The fields asked about first, then the rest of what read_metadata reports.
FIELDS = (
    "lat",
    "lon",
    "time",
    "offset",
    "heading",
    "make",
    "model",
    "width",
    "height",
    "utc",
    "heading_ref",
    "altitude",
    "accuracy",
    "orientation",
)
ANGLE_FIELDS = frozenset({"lat", "lon", "heading"})
# Metres: altitude and the phone's reported error.
CLOSE_FIELDS = frozenset({"altitude", "accuracy"})
TOLERANCE_DEG = 1e-7
READERS = ("ours", "exifread", "pillow", "pillow_headers")
LABELS = {
    "ours": "ours",
    "exifread": "ExifRead",
    "pillow": "Pillow",
    "pillow_headers": "Pillow headers + our EXIF",
}

Fields = dict[str, Any]


# --- the three readers --------------------------------------------------------------------------


def _split_time(taken_at: str | None) -> tuple[str | None, str | None]:
    if taken_at is None:
        return None, None
    match = re.fullmatch(r"(.*?)([+-]\d\d:\d\d)?", taken_at)
    assert match
    return match[1], match[2]


def read_ours(path: Path) -> Fields:
    from fieldsurvey.core.photos.metadata import read_metadata

    meta = read_metadata(path)
    clock, offset = _split_time(meta.taken_at)
    return {
        "lat": meta.lat,
        "lon": meta.lon,
        "time": clock,
        "offset": offset,
        "heading": meta.heading,
        "make": meta.make,
        "model": meta.model,
        "width": meta.width,
        "height": meta.height,
        "utc": meta.taken_at_utc,
        "heading_ref": meta.heading_ref,
        "altitude": meta.altitude,
        "accuracy": meta.gps_accuracy_m,
        "orientation": meta.orientation,
    }


def _fields_from_tags(tags: dict[str, Any], width: Any, height: Any) -> Fields:
    """ExifRead-style tags through our interpretation (the same rules for every reader)."""
    from fieldsurvey.core.photos import metadata

    values: dict[str, Any] = {}
    for step in (metadata._position, metadata._times, metadata._camera):
        # As read_metadata does: one odd group does not hide the others.
        with contextlib.suppress(Exception):
            values.update(step(tags, []))
    clock, offset = _split_time(values.get("taken_at"))
    return {
        "lat": values.get("lat"),
        "lon": values.get("lon"),
        "time": clock,
        "offset": offset,
        "heading": values.get("heading"),
        "make": values.get("make"),
        "model": values.get("model"),
        "width": width,
        "height": height,
        "utc": values.get("taken_at_utc"),
        "heading_ref": values.get("heading_ref"),
        "altitude": values.get("altitude"),
        "accuracy": values.get("gps_accuracy_m"),
        "orientation": values.get("orientation"),
    }


def read_exifread(path: Path) -> Fields:
    import exifread

    from fieldsurvey.core.photos import metadata  # also keeps ExifRead's warnings off stderr

    with path.open("rb") as fh:
        tags = exifread.process_file(fh, details=False)
    is_tiff = "Image StripOffsets" in tags or "Image TileOffsets" in tags
    w_name, h_name = (
        ("Image ImageWidth", "Image ImageLength")
        if is_tiff
        else ("EXIF ExifImageWidth", "EXIF ExifImageLength")
    )
    return _fields_from_tags(
        tags, metadata._positive_int(tags.get(w_name)), metadata._positive_int(tags.get(h_name))
    )


class _Tag:
    """Pillow's value dressed as an ExifRead tag (``values``, ``field_type``)."""

    def __init__(self, values: Any, field_type: int) -> None:
        self.values, self.field_type = values, field_type


def _as_tag(value: Any) -> _Tag | None:
    from PIL.TiffImagePlugin import IFDRational

    if isinstance(value, str):
        return _Tag(value, 2)
    if isinstance(value, bytes):
        return _Tag(list(value), 7)
    items = list(value) if isinstance(value, tuple) else [value]
    out: list[Any] = []
    kind = 3
    for item in items:
        if isinstance(item, IFDRational):
            num, den = int(item.numerator), int(item.denominator)
            kind = 10 if num < 0 else 5
            # Pillow reads n/0 as NaN; our interpretation reads NaN as unknown, as it does n/0.
            out.append(Fraction(num, den) if den else float("nan"))
        elif isinstance(item, float):
            kind = 12
            out.append(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
        else:
            return None
    return _Tag(out, kind)


_PILLOW_NAMES = {
    "Image": {0x010F: "Make", 0x0110: "Model", 0x0112: "Orientation", 0x0132: "DateTime"},
    "EXIF": {
        0x9003: "DateTimeOriginal",
        0x9004: "DateTimeDigitized",
        0x9010: "OffsetTime",
        0x9011: "OffsetTimeOriginal",
        0x9012: "OffsetTimeDigitized",
        0x9290: "SubSecTime",
        0x9291: "SubSecTimeOriginal",
        0x9292: "SubSecTimeDigitized",
    },
    "GPS": {
        0x01: "GPSLatitudeRef",
        0x02: "GPSLatitude",
        0x03: "GPSLongitudeRef",
        0x04: "GPSLongitude",
        0x05: "GPSAltitudeRef",
        0x06: "GPSAltitude",
        0x07: "GPSTimeStamp",
        0x09: "GPSStatus",
        0x10: "GPSImgDirectionRef",
        0x11: "GPSImgDirection",
        0x1D: "GPSDate",
        0x1F: "GPSHPositioningError",
    },
}

# Files whose getexif() made Pillow decode the pixels (PNG with no EXIF before the image data).
PILLOW_DECODED: set[str] = set()


def read_pillow(path: Path) -> Fields:
    from PIL import Image

    with Image.open(path) as img:
        width, height = img.size
        exif = img.getexif()
        if getattr(img, "_im", None) is not None:
            PILLOW_DECODED.add(path.name)
        groups = {"Image": dict(exif), "EXIF": exif.get_ifd(0x8769), "GPS": exif.get_ifd(0x8825)}
    tags: dict[str, Any] = {}
    for group, names in _PILLOW_NAMES.items():
        for number, name in names.items():
            if number in groups[group]:
                tag = _as_tag(groups[group][number])
                if tag is not None:
                    tags[f"{group} {name}"] = tag
    return _fields_from_tags(tags, width or None, height or None)


def read_pillow_headers(path: Path) -> Fields:
    """The replacement to weigh: Pillow's lazy open for the pixel size and the EXIF block it
    finds on the way, that block read by ExifRead exactly as ours reads its own."""
    from PIL import Image

    from fieldsurvey.core.photos import metadata

    with Image.open(path) as img:
        width, height = img.size
        block = img.info.get("exif")
        is_tiff = img.format == "TIFF"
    tags: dict[str, Any] = {}
    if is_tiff:
        with path.open("rb") as fh:
            tags, _ = metadata._exif_tags(fh)
    elif isinstance(block, bytes):
        block = block[6:] if block.startswith(b"Exif\x00") else block
        if block[:4] in (b"II*\x00", b"MM\x00*"):
            tags, _ = metadata._exif_tags(io.BytesIO(block))
    return _fields_from_tags(tags, width or None, height or None)


READ: dict[str, Callable[[Path], Fields]] = {
    "ours": read_ours,
    "exifread": read_exifread,
    "pillow": read_pillow,
    "pillow_headers": read_pillow_headers,
}


# --- part 1: real photos ------------------------------------------------------------------------


def photo_files() -> list[Path]:
    return sorted(
        p for p in PHOTOS.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
    )


def attempt(reader: str, path: Path) -> tuple[Fields | None, str | None]:
    try:
        return READ[reader](path), None
    except Exception as err:
        return None, f"{type(err).__name__}: {str(err)[:80]}"


def _same(field: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if field in ANGLE_FIELDS:
        return bool(abs(a - b) <= TOLERANCE_DEG)
    if field in CLOSE_FIELDS:
        return bool(abs(a - b) <= 1e-6)
    return bool(a == b)


def compare(ours: Fields | None, theirs: Fields | None) -> dict[str, list[str]]:
    """The fields the library cannot read (ours has a value, it has none) and where it differs."""
    ours = ours or dict.fromkeys(FIELDS)
    theirs = theirs or dict.fromkeys(FIELDS)
    missing = [f for f in FIELDS if ours[f] is not None and theirs[f] is None]
    differs = [f for f in FIELDS if f not in missing and not _same(f, ours[f], theirs[f])]
    return {"missing": missing, "differs": differs}


def verdict_text(result: dict[str, Any]) -> str:
    if result["error"]:
        head = (
            "raises"
            if not result["missing"]
            else "raises, so none of " + ",".join(result["missing"])
        )
        return head
    parts = []
    if result["missing"]:
        parts.append("no " + ",".join(result["missing"]))
    if result["differs"]:
        parts.append("differs " + ",".join(result["differs"]))
    return "; ".join(parts) or "same"


def real_photos(runs: int) -> list[dict[str, Any]]:
    rows = []
    for path in photo_files():
        name = path.relative_to(PHOTOS).as_posix()
        answers = {reader: attempt(reader, path) for reader in READERS}
        with path.open("rb") as fh:
            kind = sniff_format(fh.read(64)) or "?"
        row: dict[str, Any] = {
            "file": name,
            "format": "HEIF/AVIF" if kind in ("HEIF", "AVIF") else kind,
            "ours_error": answers["ours"][1],
        }
        for reader in READERS:

            def once(r: str = reader, p: Path = path) -> object:
                return attempt(r, p)

            row[f"{reader}_ms"] = median(time_runs(once, runs)) * 1000
        row["ours"] = answers["ours"][0]
        for reader in READERS[1:]:
            fields, error = answers[reader]
            row[reader] = {"fields": fields, "error": error, **compare(answers["ours"][0], fields)}
        rows.append(row)
    return rows


def _is_same(result: dict[str, Any]) -> bool:
    return not (result["missing"] or result["differs"] or result["error"])


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"files": len(rows)}
    for reader in READERS:
        times = [row[f"{reader}_ms"] for row in rows]
        entry: dict[str, Any] = {"median_ms_per_file": median(times), "total_ms": sum(times)}
        if reader != "ours":
            results = [row[reader] for row in rows]
            entry["same_files"] = sum(_is_same(r) for r in results)
            entry["raises"] = sum(bool(r["error"]) for r in results)
            entry["missing_by_field"] = {f: sum(f in r["missing"] for r in results) for f in FIELDS}
            entry["differs_by_field"] = {f: sum(f in r["differs"] for r in results) for f in FIELDS}
        out[reader] = entry
    formats: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = formats.setdefault(row["format"], {"files": 0})
        entry["files"] += 1
        for reader in READERS:
            key = f"{reader}_ms"
            entry.setdefault(key, []).append(row[key])
            if reader != "ours":
                entry[f"{reader}_same"] = entry.get(f"{reader}_same", 0) + _is_same(row[reader])
    for entry in formats.values():
        for reader in READERS:
            entry[f"{reader}_ms"] = median(entry[f"{reader}_ms"])
    out["by_format"] = formats
    out["pillow_decoded_pixels"] = sorted(PILLOW_DECODED)
    return out


def _field_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{field} {n}" for field, n in counts.items() if n) or "none"


# --- part 2: hostile files ----------------------------------------------------------------------


def _plain_jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "gray").save(buffer, "JPEG")
    return buffer.getvalue()


def _with_exif(tiff: bytes) -> bytes:
    plain = _plain_jpeg()
    payload = b"Exif\x00\x00" + tiff
    return plain[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + plain[2:]


def _ifd_65535(entry: bytes) -> bytes:
    """IFD0 claims 65,535 entries; the segment holds as many copies of ``entry`` as fit."""
    room = 65_533 - 6 - 8 - 2
    return b"II*\x00" + struct.pack("<LH", 8, 65_535) + entry * (room // len(entry))


def _app2_flood(segments: int) -> bytes:
    """A valid JPEG with ``segments`` full-size APP2 segments (as chunked ICC profiles use)."""
    plain = _plain_jpeg()
    app2 = b"\xff\xe2" + struct.pack(">H", 65_535) + bytes(65_533)
    return plain[:2] + app2 * segments + plain[2:]


def _ifd_loop() -> bytes:
    # IFD0 (at 8) -> IFD1 -> IFD0 again; its EXIF and GPS pointers lead back to IFD0 too.
    ifd0 = struct.pack("<H", 3) + b"".join(
        struct.pack("<HHLL", tag, kind, 1, value)
        for tag, kind, value in ((0x0112, 3, 6), (0x8769, 4, 8), (0x8825, 4, 8))
    )
    ifd1 = struct.pack("<H", 1) + struct.pack("<HHLL", 0x0112, 3, 1, 3) + struct.pack("<L", 8)
    return b"II*\x00" + struct.pack("<L", 8) + ifd0 + struct.pack("<L", 8 + len(ifd0) + 4) + ifd1


def _huge_meta_heic() -> bytes:
    data = bytearray((PHOTOS / "exif-samples/heic/IMG_5195.HEIC").read_bytes())
    pos = 0
    while data[pos + 4 : pos + 8] != b"meta":
        pos += int.from_bytes(data[pos : pos + 4], "big")
    data[pos : pos + 4] = (0xFFFF_FFF0).to_bytes(4, "big")
    return bytes(data)


_FTYP = struct.pack(">I4s4sI", 24, b"ftyp", b"heic", 0) + b"mif1heic"
_HDLR = struct.pack(">I4s", 33, b"hdlr") + bytes(8) + b"pict" + bytes(13)


def _largesize_heif() -> bytes:
    meta = struct.pack(">I4sQ", 1, b"meta", 1 << 62) + bytes(4)
    return _FTYP + meta + _HDLR + bytes(2000)


def _endless_name_heif(name_bytes: int) -> bytes:
    """A HEIF whose one item's name (a NUL-ended string) runs to the end of the file."""
    infe = struct.pack(">4sI", b"infe", 0x0200_0000) + struct.pack(">HH4s", 1, 0, b"Exif")
    infe_size = 4 + len(infe) + name_bytes
    iinf_size = 8 + 4 + 2 + infe_size
    meta_size = 8 + 4 + len(_HDLR) + iinf_size
    head = (
        struct.pack(">I4sI", meta_size, b"meta", 0)
        + _HDLR
        + struct.pack(">I4sIH", iinf_size, b"iinf", 0, 1)
        + struct.pack(">I", infe_size)
        + infe
    )
    return _FTYP + head + b"a" * name_bytes


def _big_chunk_webp(junk_bytes: int) -> bytes:
    """A real WebP with an unknown chunk of ``junk_bytes`` between its header and its image."""
    data = (PHOTOS / "pillow/hopper_orientation_6.webp").read_bytes()
    vp8x_end = 12 + 8 + 10
    body = data[12:vp8x_end] + b"JUNK" + struct.pack("<I", junk_bytes) + bytes(junk_bytes)
    body += data[vp8x_end:]
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def _png_bomb(side: int) -> bytes:
    """A side × side grey PNG of zeros (a few hundred KB) with its EXIF after the image data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = zlib.compress(bytes(side + 1) * side, 9)
    exif = b"II*\x00" + struct.pack("<LH", 8, 1) + struct.pack("<HHLL", 0x0112, 3, 1, 6) + bytes(4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", rows)
        + chunk(b"eXIf", exif)
        + chunk(b"IEND", b"")
    )


def hostile_files(folder: Path) -> list[tuple[str, Path]]:
    gps_photo = (PHOTOS / "exif-samples/jpg/gps/DSCN0010.jpg").read_bytes()
    rng = random.Random(2025)
    made = {
        "JPEG cut inside its EXIF (2 KB kept)": ("cut_exif.jpg", gps_photo[:2048]),
        "JPEG cut inside its image data (80 KB kept)": ("cut_data.jpg", gps_photo[:80_000]),
        "EXIF IFD claims 65,535 entries (empty ones)": (
            "ifd_65535.jpg",
            _with_exif(_ifd_65535(bytes(12))),
        ),
        "EXIF IFD claims 65,535 entries of 999 rationals each": (
            "ifd_65535_rationals.jpg",
            _with_exif(_ifd_65535(struct.pack("<HHLL", 0xC000, 5, 999, 8))),
        ),
        "EXIF IFD claims 65,535 entries of a 100 MB text each; 20 MB after the image": (
            "ifd_65535_text.jpg",
            _with_exif(_ifd_65535(struct.pack("<HHLL", 0xC000, 2, 100_000_000, 8)))
            + bytes(20_000_000),
        ),
        "EXIF IFD offset loop (IFD0 -> IFD1 -> IFD0; EXIF and GPS -> IFD0)": (
            "ifd_loop.jpg",
            _with_exif(_ifd_loop()),
        ),
        "JPEG with 50 MB of APP2 segments before its frame": ("app2_flood.jpg", _app2_flood(800)),
        "50 MB of random bytes after a JPEG SOI marker": (
            "garbage.jpg",
            b"\xff\xd8\xff" + rng.randbytes(50_000_000),
        ),
        "50 MB of zero bytes after a JPEG SOI marker": (
            "zeros.jpg",
            b"\xff\xd8\xff" + bytes(50_000_000),
        ),
        "real HEIC whose meta box claims 4 GB": ("huge_meta.heic", _huge_meta_heic()),
        "HEIF whose meta box claims 2^62 bytes (64-bit size)": (
            "largesize.heic",
            _largesize_heif(),
        ),
        "HEIF whose item name runs 50 MB without its end": (
            "endless_name.heic",
            _endless_name_heif(50_000_000),
        ),
        "real WebP with a 50 MB unknown chunk before its image": (
            "big_chunk.webp",
            _big_chunk_webp(50_000_000),
        ),
        "PNG of 9,000 x 9,000 zero pixels (80 KB) with its EXIF after the image data": (
            "bomb.png",
            _png_bomb(9000),
        ),
    }
    out = []
    for label, (name, data) in made.items():
        path = folder / name
        path.write_bytes(data)
        out.append((label, path))
    return out


def peak_rss_mb() -> float:
    """This process's peak resident size. Linux's VmHWM belongs to this program's own memory;
    getrusage's ru_maxrss keeps the parent's peak across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024  # bytes there, else KiB


def child(reader: str, path: Path, mode: str, mem_limit_mb: int) -> None:
    """Read ``path`` once and print what happened as JSON (run in a child process)."""
    limit = mem_limit_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # Import first so the libraries' own start-up is not counted.
    import exifread  # noqa: F401
    from PIL import Image  # noqa: F401

    from fieldsurvey.core.photos import metadata  # noqa: F401

    rss_before = peak_rss_mb()
    if mode == "memory":
        tracemalloc.start()
    start = time.perf_counter()
    try:
        fields = READ[reader](path)
        outcome = "returned"
        detail = ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None) or "nothing"
    except BaseException as err:  # MemoryError and RecursionError included
        outcome = "raised"
        detail = f"{type(err).__name__}: {str(err)[:120]}"
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if mode == "memory" else None
    print(
        json.dumps(
            {
                "outcome": outcome,
                "detail": detail,
                "seconds": seconds,
                "peak_heap_mb": None if peak is None else peak / 1e6,
                "max_rss_mb": peak_rss_mb(),
                "rss_before_mb": rss_before,
            }
        )
    )


def run_child(
    reader: str, path: Path, mode: str, timeout: float, mem_limit_mb: int
) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        reader,
        str(path),
        mode,
        "--mem-limit",
        str(mem_limit_mb),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": "hung", "detail": f"killed after {timeout:g} s", "seconds": None}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {
            "outcome": "crashed",
            "detail": f"exit {done.returncode}: {done.stderr.strip()[-160:]}",
            "seconds": None,
        }
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def hostile(folder: Path, timeout: float, mem_limit_mb: int) -> list[dict[str, Any]]:
    rows = []
    for label, path in hostile_files(folder):
        row: dict[str, Any] = {"file": label, "bytes": path.stat().st_size}
        for reader in READERS:
            timed = run_child(reader, path, "time", timeout, mem_limit_mb)
            memory = (
                run_child(reader, path, "memory", timeout, mem_limit_mb)
                if timed["outcome"] in ("returned", "raised")
                else {}
            )
            row[reader] = {
                "outcome": timed["outcome"],
                "detail": timed["detail"],
                "seconds": timed.get("seconds"),
                "memory_run": memory.get("outcome"),
                "peak_heap_mb": memory.get("peak_heap_mb"),
                "max_rss_mb": memory.get("max_rss_mb"),
                "rss_before_mb": memory.get("rss_before_mb"),
            }
        rows.append(row)
    return rows


def hostile_cell(result: dict[str, Any]) -> str:
    if result["outcome"] in ("hung", "crashed"):
        return f"{result['outcome']} ({result['detail']})"
    what = "returned" if result["outcome"] == "returned" else result["detail"].split(":")[0]
    if result["peak_heap_mb"] is None:
        memory = f"under tracemalloc: {result['memory_run']}"
    else:
        grew = result["max_rss_mb"] - result["rss_before_mb"]
        memory = f"heap {result['peak_heap_mb']:,.1f} MB; RSS +{grew:,.0f} MB"
    return f"{what}; {result['seconds'] * 1000:,.1f} ms; {memory}"


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed reads of each photo (7)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per hostile read")
    parser.add_argument("--mem-limit", type=int, default=2048, help="child address space, MB")
    parser.add_argument("--out", type=Path, metavar="FILE")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        reader, path, mode = args.child
        child(reader, Path(path), mode, args.mem_limit)
        return 0
    machine = machine_info()
    say(f"machine: {machine_line(machine)}")
    import exifread
    import PIL

    say(f"ExifRead {exifread.__version__}, Pillow {PIL.__version__}")
    rows = real_photos(args.runs)
    libraries = READERS[1:]
    say(
        table(
            ["file", *(f"{LABELS[r]} ms" for r in READERS), *(LABELS[r] for r in libraries)],
            [
                [
                    row["file"].removeprefix("exif-samples/"),
                    *(row[f"{r}_ms"] for r in READERS),
                    *(verdict_text(row[r]) for r in libraries),
                ]
                for row in rows
            ],
        )
    )
    summary = summarise(rows)
    say()
    say(
        table(
            [
                "reader",
                "median ms per file",
                "same answers as ours",
                "raises",
                "cannot read",
                "differs",
            ],
            [
                ["ours", summary["ours"]["median_ms_per_file"], "—", "—", "—", "—"],
                *(
                    [
                        LABELS[r],
                        summary[r]["median_ms_per_file"],
                        f"{summary[r]['same_files']}/{len(rows)}",
                        summary[r]["raises"],
                        _field_counts(summary[r]["missing_by_field"]),
                        _field_counts(summary[r]["differs_by_field"]),
                    ]
                    for r in libraries
                ),
            ],
        )
    )
    say()
    say(
        table(
            [
                "format",
                "files",
                *(f"{LABELS[r]} ms" for r in READERS),
                *(f"{LABELS[r]} same" for r in libraries),
            ],
            [
                [
                    kind,
                    entry["files"],
                    *(entry[f"{r}_ms"] for r in READERS),
                    *(f"{entry[f'{r}_same']}/{entry['files']}" for r in libraries),
                ]
                for kind, entry in sorted(summary["by_format"].items())
            ],
        )
    )
    if PILLOW_DECODED:
        say(f"Pillow's getexif() decoded the pixels of: {', '.join(sorted(PILLOW_DECODED))}")
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-bench-photo-meta-") as tmp:
        bad = hostile(Path(tmp), args.timeout, args.mem_limit)
    say()
    say(
        table(
            ["hostile file", *(LABELS[r] for r in READERS)],
            [[row["file"], *(hostile_cell(row[r]) for r in READERS)] for row in bad],
        )
    )
    out = write_json(
        NAME,
        {
            "machine": machine,
            "exifread_version": exifread.__version__,
            "pillow_version": PIL.__version__,
            "runs": args.runs,
            "tolerance_deg": TOLERANCE_DEG,
            "summary": summary,
            "files": rows,
            "hostile": bad,
        },
        args.out,
    )
    say(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
