#!/usr/bin/env python3
"""Train a dictionary that short texts are packed with (``core/packing.py``) from the small
demo's texts of that kind, and say how well it packs them and those of a bigger workspace:
``fields``, a change's fields (``core/history_fields.py``), or ``words``, a search entry's
words (``core/store/search.py``).

    .venv/bin/python scripts/train_dictionary.py fields|words [--id N] [--check CITY.sqlite]

The dictionary a workspace's values name must never change: a new one is written under the next
number (``fields-2.zdict``) and the kind's current number moved to it (``DICTIONARY_ID`` in
history_fields, ``WORDS`` in search); values packed with an older one keep reading with it.
The demo is built with the kind's current dictionary, so a kind's first one is trained with
the code from before its packing (words-1.zdict: the same 14.4 MB on the city as this script's
words-2 with its default settings).
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
from fieldsurvey.core.packing import Packing  # noqa: E402
from fieldsurvey.core.store import search  # noqa: E402
from fieldsurvey.core.store.records import SEARCH_KINDS  # noqa: E402

SIZE = 32 * 1024


def fields(db: sqlite3.Connection) -> list[bytes]:
    return [r[0].encode() for r in db.execute("SELECT change_fields(fields) FROM changes")]


def words(db: sqlite3.Connection) -> list[bytes]:
    """Every entry's words made from its record (whatever form the workspace keeps them in)."""
    return [r[1].encode() for t in SEARCH_KINDS for r in db.execute(search.source_sql(t))]


KINDS = {"fields": (history_fields.FIELDS, fields), "words": (search.WORDS, words)}


def texts(path: Path, kind: str) -> list[bytes]:
    with closing(sqlite3.connect(path)) as db:
        history_fields.register(db)
        search.register(db)
        return KINDS[kind][1](db)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--check", type=Path, help="a workspace to measure the packing on")
    parser.add_argument("--id", type=int, help="the new number (default: the current one + 1)")
    args = parser.parse_args()
    packing: Packing = KINDS[args.kind][0]
    number = packing.dictionary_id + 1 if args.id is None else args.id
    target = packing.dictionary_path(number)
    if target.exists():
        parser.error(f"{target} exists: stored values may name it, so it is never replaced")
    with tempfile.TemporaryDirectory() as tmp:
        samples = []
        for role, device in (("office", None), ("surveyor", "s1"), ("surveyor", "s2")):
            path = Path(tmp) / f"{role}-{device}.sqlite"
            build_demo(path, role=role, device=device)
            samples += texts(path, args.kind)
    trained = zstandard.train_dictionary(SIZE, samples, dict_id=number, level=packing.level)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(trained.as_bytes())
    print(f"wrote {target} ({len(trained.as_bytes())} bytes) from {len(samples)} {args.kind}")
    measured = [("demo", samples)]
    if args.check:
        measured.append((str(args.check), texts(args.check, args.kind)))
    compressor = zstandard.ZstdCompressor(level=packing.level, dict_data=trained)
    for name, rows in measured:
        plain = sum(map(len, rows))
        packed = sum(len(compressor.compress(r)) for r in rows)
        print(f"{name}: {len(rows)} texts, {plain} bytes, packed {packed} ({plain / packed:.2f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
