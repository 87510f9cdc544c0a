#!/usr/bin/env python3
"""Train the dictionary the history packs its changes with (``core/history_fields.py``) from the
changes of the small demo, and say how well it packs them and those of a bigger workspace.

    .venv/bin/python scripts/train_history_dictionary.py [--id N] [--check CITY.sqlite]

The dictionary a workspace's rows name must never change: a new one is written under the next
number (``fields-2.zdict``) and ``history_fields.DICTIONARY_ID`` moved to it; rows packed with
an older one keep reading with it.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fieldsurvey.core import history_fields  # noqa: E402
from fieldsurvey.core.demo.generator import build_demo  # noqa: E402

SIZE = 32 * 1024


def texts(path: Path) -> list[bytes]:
    with closing(sqlite3.connect(path)) as db:
        history_fields.register(db)
        return [r[0].encode() for r in db.execute("SELECT change_fields(fields) FROM changes")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", type=Path, help="a workspace to measure the packing on")
    parser.add_argument(
        "--id", type=int, default=history_fields.DICTIONARY_ID + 1, help="the new number"
    )
    args = parser.parse_args()
    target = history_fields.dictionary_path(args.id)
    if target.exists():
        parser.error(f"{target} exists: rows may name it, so it is never replaced")
    with tempfile.TemporaryDirectory() as tmp:
        samples = []
        for role, device in (("office", None), ("surveyor", "s1"), ("surveyor", "s2")):
            path = Path(tmp) / f"{role}-{device}.sqlite"
            build_demo(path, role=role, device=device)
            samples += texts(path)
    trained = zstandard.train_dictionary(SIZE, samples, dict_id=args.id, level=history_fields.LEVEL)
    target.write_bytes(trained.as_bytes())
    print(f"wrote {target} ({len(trained.as_bytes())} bytes) from {len(samples)} changes")
    measured = [("demo", samples)]
    if args.check:
        measured.append((str(args.check), texts(args.check)))
    compressor = zstandard.ZstdCompressor(level=history_fields.LEVEL, dict_data=trained)
    for name, rows in measured:
        plain = sum(map(len, rows))
        packed = sum(len(compressor.compress(r)) for r in rows)
        ratio = plain / packed
        print(f"{name}: {len(rows)} changes, {plain} bytes, packed {packed} ({ratio:.2f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
