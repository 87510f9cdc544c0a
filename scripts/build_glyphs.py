#!/usr/bin/env python3
"""Make the street basemap's glyphs: SDF glyph ranges (PBF) from the bundled DejaVu fonts.

MapLibre draws map text from signed distance fields, fetched as protocol buffers of 256 code
points each (``{fontstack}/{start}-{end}.pbf``), the format node-fontnik writes. This script makes
them offline from ``resources/fonts/`` with Pillow (FreeType) and numpy, both already installed
with FieldSurvey, and writes them to ``resources/basemap/glyphs/<fontstack>/``. The app only
reads the files; run this again after changing a font or the ranges, and commit the output.

    .venv/bin/python scripts/build_glyphs.py            # write the ranges
    .venv/bin/python scripts/build_glyphs.py --check    # exit 1 if the committed files differ

Each glyph is drawn at 24 px (the size MapLibre expects) with a 3 px border; its distance field
(radius 8 px, edge at 0.75 like node-fontnik and MapLibre's own TinySDF) comes from an exact
Euclidean distance transform of the anti-aliased coverage, the method of Mapbox's TinySDF.
Metrics follow node-fontnik: ``left`` and ``top`` of the glyph's box, ``top`` measured from the
font's ascender, ``advance`` in whole pixels.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase.ttfonts import TTFontFile

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
OUT = ROOT / "resources" / "basemap" / "glyphs"

# Fontstack name (what the style's text-font says) -> font file.
FONTSTACKS = {
    "DejaVu Sans Book": "DejaVuSans.ttf",
    "DejaVu Sans Bold": "DejaVuSans-Bold.ttf",
}
# The 256-code-point ranges Vietnamese names need: Basic Latin and Latin-1 (0), Latin
# Extended-A and -B (256, 512), combining marks (768: tone marks typed as separate characters),
# Latin Extended Additional (7680: ạ ả ấ … ỹ), general punctuation and currency signs (8192: – ’ …
# ₫). A range the app does not have is answered empty: its characters are simply not drawn.
RANGES = (0, 256, 512, 768, 7680, 8192)

SIZE = 24
BUFFER = 3
RADIUS = 8.0
CUTOFF = 0.25
INF = 1e20


def _edt_1d(f: list[float]) -> list[float]:
    """Squared distance transform of one row or column (Felzenszwalb & Huttenlocher)."""
    n = len(f)
    d = [0.0] * n
    v = [0] * n
    z = [0.0] * (n + 1)
    k = 0
    z[0], z[1] = -INF, INF
    for q in range(1, n):
        r = v[k]
        s = ((f[q] + q * q) - (f[r] + r * r)) / (2 * q - 2 * r)
        while s <= z[k]:
            k -= 1
            r = v[k]
            s = ((f[q] + q * q) - (f[r] + r * r)) / (2 * q - 2 * r)
        k += 1
        v[k] = q
        z[k] = s
        z[k + 1] = INF
    k = 0
    for q in range(n):
        while z[k + 1] < q:
            k += 1
        r = v[k]
        d[q] = (q - r) * (q - r) + f[r]
    return d


def _edt(grid: np.ndarray) -> np.ndarray:
    out = grid.copy()
    for x in range(out.shape[1]):
        out[:, x] = _edt_1d(out[:, x].tolist())
    for y in range(out.shape[0]):
        out[y, :] = _edt_1d(out[y, :].tolist())
    return out


def sdf(coverage: np.ndarray) -> bytes:
    """The distance field (with its border) of a glyph's coverage (0..1, no border)."""
    h, w = coverage.shape
    outer = np.full((h + 2 * BUFFER, w + 2 * BUFFER), INF)
    inner = np.zeros_like(outer)
    a = coverage
    inside = BUFFER, BUFFER + h, BUFFER, BUFFER + w
    full = a >= 1.0
    part = (a > 0.0) & ~full
    d = 0.5 - a
    o = np.where(full, 0.0, np.where(part, np.where(d > 0, d * d, 0.0), INF))
    i = np.where(full, INF, np.where(part, np.where(d < 0, d * d, 0.0), 0.0))
    outer[inside[0] : inside[1], inside[2] : inside[3]] = o
    inner[inside[0] : inside[1], inside[2] : inside[3]] = i
    dist = np.sqrt(_edt(outer)) - np.sqrt(_edt(inner))
    values = np.round(255 - 255 * (dist / RADIUS + CUTOFF))
    return bytes(np.clip(values, 0, 255).astype(np.uint8).ravel())


# --- protocol buffers (glyphs.proto of node-fontnik) -------------------------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 63) if value < 0 else value << 1


def _field(number: int, wire: int) -> bytes:
    return _varint(number << 3 | wire)


def _uint(number: int, value: int) -> bytes:
    return _field(number, 0) + _varint(value)


def _sint(number: int, value: int) -> bytes:
    return _field(number, 0) + _varint(_zigzag(value))


def _bytes(number: int, value: bytes) -> bytes:
    return _field(number, 2) + _varint(len(value)) + value


def glyph_message(
    code: int, bitmap: bytes, width: int, height: int, left: int, top: int, advance: int
) -> bytes:
    body = _uint(1, code)
    if width > 0:
        body += _bytes(2, bitmap)
    body += _uint(3, width) + _uint(4, height) + _sint(5, left) + _sint(6, top) + _uint(7, advance)
    return body


# --- drawing ------------------------------------------------------------------------------------


def build_range(name: str, font_file: Path, start: int) -> bytes:
    end = start + 255
    font = ImageFont.truetype(str(font_file), SIZE, layout_engine=ImageFont.Layout.BASIC)
    ascender = font.getmetrics()[0]
    covered = TTFontFile(str(font_file)).charToGlyph
    glyphs = b""
    for code in range(start, end + 1):
        if code not in covered:
            continue
        char = chr(code)
        advance = round(font.getlength(char))
        left, top, right, bottom = font.getbbox(char, anchor="ls")
        width, height = max(right - left, 0), max(bottom - top, 0)
        if width == 0 or height == 0:
            glyphs += _bytes(3, glyph_message(code, b"", 0, 0, 0, 0, advance))
            continue
        image = Image.new("L", (width, height), 0)
        ImageDraw.Draw(image).text((-left, -top), char, font=font, fill=255, anchor="ls")
        ink = image.getbbox()  # Pillow's box spans the advance; keep only the ink
        if ink is None:
            glyphs += _bytes(3, glyph_message(code, b"", 0, 0, 0, 0, advance))
            continue
        image = image.crop(ink)
        left, top = left + ink[0], top + ink[1]
        width, height = image.size
        coverage = np.asarray(image, dtype=np.float64).reshape(height, width) / 255.0
        # "top" of node-fontnik: the box's top above the baseline, less the ascender.
        glyphs += _bytes(
            3, glyph_message(code, sdf(coverage), width, height, left, -top - ascender, advance)
        )
    stack = _bytes(1, name.encode()) + _bytes(2, f"{start}-{end}".encode()) + glyphs
    return _bytes(1, stack)


def planned() -> dict[Path, bytes]:
    return {
        OUT / name / f"{start}-{start + 255}.pbf": build_range(name, FONTS / file, start)
        for name, file in FONTSTACKS.items()
        for start in RANGES
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if different")
    args = parser.parse_args(argv)
    files = planned()
    if args.check:
        present = {p for p in OUT.rglob("*.pbf")} if OUT.exists() else set()
        problems = [f"missing: {p}" for p in sorted(set(files) - present)]
        problems += [f"unexpected: {p}" for p in sorted(present - set(files))]
        problems += [
            f"differs: {p}" for p in sorted(set(files) & present) if p.read_bytes() != files[p]
        ]
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{len(data):>8}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
