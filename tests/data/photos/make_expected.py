"""Regenerate expected_exiftool.json: what exiftool reads from every photo in this folder.

A developer tool, run by hand after adding or replacing a sample photo; the tests only read the
JSON it writes and never need exiftool. Needs exiftool on PATH (Debian/Ubuntu:
``apt-get install libimage-exiftool-perl``)::

    python tests/data/photos/make_expected.py

Values are exiftool's numeric ones (``-n``: decimal degrees, orientation 1–8, metres), keyed
"Group:Tag" (``-G1``) so that, say, the JPEG frame's ``File:ImageWidth`` is not confused with a
stale ``IFD0:ImageWidth`` and ``GPS:GPSLatitude`` (unsigned) with ``Composite:GPSLatitude``
(signed by its N/S ref).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "expected_exiftool.json"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".heic", ".heif", ".avif", ".png", ".tif", ".tiff", ".webp"}
TAGS = [
    "GPSLatitude",
    "GPSLongitude",
    "GPSLatitudeRef",
    "GPSLongitudeRef",
    "GPSAltitude",
    "GPSAltitudeRef",
    "GPSImgDirection",
    "GPSImgDirectionRef",
    "GPSHPositioningError",
    "GPSStatus",
    "GPSDateStamp",
    "GPSTimeStamp",
    "GPSDateTime",
    "Orientation",
    "DateTimeOriginal",
    "CreateDate",
    "ModifyDate",
    "SubSecTimeOriginal",
    "SubSecTimeDigitized",
    "SubSecTime",
    "OffsetTimeOriginal",
    "OffsetTimeDigitized",
    "OffsetTime",
    "SubSecDateTimeOriginal",
    "Make",
    "Model",
    "ImageWidth",
    "ImageHeight",
    "ExifImageWidth",
    "ExifImageHeight",
    "FileType",
    "Warning",
    "Error",
]


def main() -> int:
    photos = sorted(
        p.relative_to(HERE).as_posix()
        for p in HERE.rglob("*")
        if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES
    )
    version = subprocess.run(
        ["exiftool", "-ver"], check=True, capture_output=True, text=True
    ).stdout.strip()
    command = ["exiftool", "-json", "-n", "-G1", *(f"-{tag}" for tag in TAGS)]
    result = subprocess.run(
        [*command, *photos], cwd=HERE, capture_output=True, check=False, text=True
    )
    # exiftool exits 1 when some file had an error yet still prints JSON for every file; it
    # may also pass raw control characters from damaged tags through, hence strict=False.
    records = json.loads(result.stdout, strict=False)
    files = {}
    for record in records:
        name = record.pop("SourceFile")
        files[name] = dict(sorted(record.items()))
    missing = set(photos) - set(files)
    if missing:
        print(f"exiftool skipped: {sorted(missing)}", file=sys.stderr)
        return 1
    document = {
        "exiftool_version": version,
        "command": " ".join(command),
        "files": dict(sorted(files.items())),
    }
    OUTPUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(files)} photos -> {OUTPUT.name} (exiftool {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
