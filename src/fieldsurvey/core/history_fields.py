"""A change's fields as the history stores them: the canonical JSON text (``fields_json``)
compressed with Zstandard and a dictionary trained on survey changes, about a seventh of the
text. The text comes back byte for byte, so the digests, chains and signatures made over it hold
as before, and packages still carry the text. Rows written before hold the text itself and are
read as they are.

A dictionary is never changed once rows name it (a Zstandard frame carries its dictionary's
number): a new one is added under the next number (``scripts/train_history_dictionary.py``) and
``DICTIONARY_ID`` moved to it, and rows packed with an older one keep reading with it.

In SQL (registered on every connection of a workspace): ``change_fields(fields)`` is the text of
a stored value, ``pack_fields(text)`` the stored form of a text."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Final

import zstandard

from fieldsurvey.core.resources import resource_path

DICTIONARY_ID: Final = 1
"""The dictionary new changes are packed with."""
LEVEL: Final = 5
"""Zstandard's level for new changes. 100,000 changes of the city demo (780 bytes of text on
average) packed with the dictionary: level 9 13.9 µs and 116.3 bytes each, level 5 5.9 µs and
122.3 bytes, level 3 4.2 µs and 129.5 bytes. Level 5 saves about 2.8 s in each import of the
full city package and in each city build, for 2 MB more history."""
# No change's fields come near this once unpacked (a record's texts are capped far below it);
# a stored value that claims more is damaged, not a change.
MAX_TEXT_BYTES: Final = 16 << 20
_ZSTD_MAGIC: Final = b"\x28\xb5\x2f\xfd"
# pack_many compresses a list this long or longer in threads; a shorter one, one by one.
PACK_IN_THREADS_FROM: Final = 64
_local = threading.local()


class DamagedHistory(ValueError):
    """A stored change's fields cannot be read back (a frame damaged or of an unknown
    dictionary)."""


def dictionary_path(dict_id: int) -> Path:
    return resource_path("history", f"fields-{dict_id}.zdict")


@cache
def _dictionary(dict_id: int) -> zstandard.ZstdCompressionDict:
    path = dictionary_path(dict_id)
    if not path.is_file():
        raise DamagedHistory(f"no history dictionary {dict_id}")
    return zstandard.ZstdCompressionDict(path.read_bytes())


def _compressor() -> zstandard.ZstdCompressor:
    # Neither object may be shared between threads at the same time: one of each per thread.
    made = getattr(_local, "compressor", None)
    if made is None:
        made = _local.compressor = zstandard.ZstdCompressor(
            level=LEVEL, dict_data=_dictionary(DICTIONARY_ID), write_content_size=True
        )
    return made


def _decompressor(dict_id: int) -> zstandard.ZstdDecompressor:
    if not hasattr(_local, "decompressors"):
        _local.decompressors = {}
    made: dict[int, zstandard.ZstdDecompressor] = _local.decompressors
    if dict_id not in made:
        made[dict_id] = zstandard.ZstdDecompressor(dict_data=_dictionary(dict_id))
    return made[dict_id]


def pack(text: str) -> bytes:
    """The stored form of a change's fields text."""
    return _compressor().compress(text.encode("utf-8"))


def pack_many(texts: Sequence[str]) -> list[bytes]:
    """``pack`` of each text, the same bytes, a long list compressed on every core at once (by
    python-zstandard's threads, outside the interpreter's lock), where the zstandard built in
    offers it."""
    if len(texts) < PACK_IN_THREADS_FROM:
        return [pack(text) for text in texts]
    data: list[bytes | bytearray | memoryview] = [text.encode("utf-8") for text in texts]
    try:
        packed = _compressor().multi_compress_to_buffer(data, threads=-1)
    except (AttributeError, NotImplementedError):  # a zstandard without it (a system libzstd)
        return [_compressor().compress(item) for item in data]
    return [packed[i].tobytes() for i in range(len(packed))]


def unpack(stored: str | bytes) -> str:
    """The text of a stored change's fields (a row written before packing is its text)."""
    if isinstance(stored, str):
        return stored
    data = bytes(stored)
    if not data.startswith(_ZSTD_MAGIC):
        raise DamagedHistory("not a packed change")
    try:
        frame = zstandard.get_frame_parameters(data)
        if frame.content_size > MAX_TEXT_BYTES:
            raise DamagedHistory("a packed change larger than any change")
        text = _decompressor(frame.dict_id).decompress(data, max_output_size=MAX_TEXT_BYTES)
        return text.decode("utf-8")
    except (zstandard.ZstdError, UnicodeDecodeError) as exc:
        raise DamagedHistory(str(exc)) from exc


def _sql_unpack(stored: str | bytes | None) -> str | None:
    return None if stored is None else unpack(stored)


def _sql_pack(text: str | None) -> bytes | None:
    return None if text is None else pack(text)


def register(conn: sqlite3.Connection) -> None:
    """Make ``change_fields(stored)`` and ``pack_fields(text)`` known to this connection (NULL
    stays NULL: a log entry whose change is not held)."""
    conn.create_function("change_fields", 1, _sql_unpack, deterministic=True)
    conn.create_function("pack_fields", 1, _sql_pack, deterministic=True)
