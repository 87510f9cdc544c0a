"""Short texts kept compressed: Zstandard with a dictionary trained on texts of their kind (a
change's fields, a search entry's words), which packs a text of a few hundred bytes to a third
or a seventh of it where plain Zstandard barely shrinks it. The text comes back byte for byte.

A dictionary is never changed once stored values name it (a Zstandard frame carries its
dictionary's number): a new one is added under the next number (``scripts/train_dictionary.py``)
and the kind's current number moved to it, and values packed with an older one keep reading
with it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Final

import zstandard

from fieldsurvey.core.resources import resource_path

_ZSTD_MAGIC: Final = b"\x28\xb5\x2f\xfd"
# pack_many compresses a list this long or longer in threads; a shorter one, one by one.
PACK_IN_THREADS_FROM: Final = 64


class DamagedPacking(ValueError):
    """A stored value cannot be read back (a frame damaged, too large or of an unknown
    dictionary)."""


@cache
def _dictionary(path: Path) -> zstandard.ZstdCompressionDict:
    if not path.is_file():
        raise DamagedPacking(f"no dictionary {path.name}")
    return zstandard.ZstdCompressionDict(path.read_bytes())


class Packing:
    """One kind of packed text: its dictionaries (``resources/{folder}/{stem}-N.zdict``), the
    one new values are packed with, the level, and the largest text a value may unpack to (one
    that claims more is damaged, not a value of this kind)."""

    def __init__(
        self, folder: str, stem: str, dictionary_id: int, level: int, max_text_bytes: int
    ) -> None:
        self.folder, self.stem = folder, stem
        self.dictionary_id, self.level, self.max_text_bytes = dictionary_id, level, max_text_bytes
        # Neither a compressor nor a decompressor may be shared between threads at the same
        # time: one of each per thread.
        self._local = threading.local()

    def dictionary_path(self, dict_id: int) -> Path:
        return resource_path(self.folder, f"{self.stem}-{dict_id}.zdict")

    def _compressor(self) -> zstandard.ZstdCompressor:
        made = getattr(self._local, "compressor", None)
        if made is None:
            made = self._local.compressor = zstandard.ZstdCompressor(
                level=self.level,
                dict_data=_dictionary(self.dictionary_path(self.dictionary_id)),
                write_content_size=True,
            )
        return made

    def _decompressor(self, dict_id: int) -> zstandard.ZstdDecompressor:
        made: dict[int, zstandard.ZstdDecompressor] | None = getattr(
            self._local, "decompressors", None
        )
        if made is None:
            made = self._local.decompressors = {}
        decompressor = made.get(dict_id)
        if decompressor is None:
            path = self.dictionary_path(dict_id)
            decompressor = made[dict_id] = zstandard.ZstdDecompressor(dict_data=_dictionary(path))
        return decompressor

    def pack(self, text: str) -> bytes:
        """The stored form of ``text``."""
        return self._compressor().compress(text.encode("utf-8"))

    def pack_many(self, texts: Sequence[str]) -> list[bytes]:
        """``pack`` of each text, the same bytes, a long list compressed on every core at once
        (by python-zstandard's threads, outside the interpreter's lock), where the zstandard
        built in offers it. Empty texts are packed one by one: python-zstandard 0.25's call
        refuses a list of them and leaves out those at the end of a thread's share."""
        full = [i for i, text in enumerate(texts) if text]
        if len(full) < PACK_IN_THREADS_FROM:
            return [self.pack(text) for text in texts]
        data: list[bytes | bytearray | memoryview] = [texts[i].encode("utf-8") for i in full]
        try:
            made = self._compressor().multi_compress_to_buffer(data, threads=-1)
        except (AttributeError, NotImplementedError):  # a zstandard without it (a system libzstd)
            return [self.pack(text) for text in texts]
        if len(made) != len(full):
            return [self.pack(text) for text in texts]
        packed = [self.pack("")] * len(texts)
        for index, at in enumerate(full):
            packed[at] = made[index].tobytes()
        return packed

    def unpack(self, stored: str | bytes) -> str:
        """The text of a stored value (one written before packing is its text)."""
        if isinstance(stored, str):
            return stored
        if not isinstance(stored, bytes | bytearray | memoryview) or stored[:4] != _ZSTD_MAGIC:
            raise DamagedPacking(f"not a packed {self.stem} value")
        try:
            # A frame that does not give its size claims the most there is (2**64 - 1), so
            # every value unpacked gives one, at most the cap, and is unpacked into that much
            # and no more (passing the cap to decompress() as well takes a slower way: 0.7 µs
            # of the 1.7 µs of an entry's words).
            frame = zstandard.get_frame_parameters(stored)
            if frame.content_size > self.max_text_bytes:
                raise DamagedPacking(f"a packed {self.stem} value larger than any")
            return self._decompressor(frame.dict_id).decompress(stored).decode("utf-8")
        except (zstandard.ZstdError, UnicodeDecodeError) as exc:
            raise DamagedPacking(str(exc)) from exc

    def unpack_many(self, values: Sequence[str | bytes]) -> list[str]:
        """``unpack`` of each value, the same texts: values packed with the current dictionary
        unpacked in one call (python-zstandard's loop in C: 1,700 search entries in 0.5 ms
        against 2.9 ms one by one), each frame's size checked first; any other list one by
        one, where a damaged value is named as ``unpack`` names it. python-zstandard 0.25's
        call fails hard on an empty list and on an empty text (a division by zero, a corrupted
        heap): those never reach it."""
        if not values:
            return []
        frames: list[bytes | bytearray | memoryview] = []
        try:
            for value in values:
                if not isinstance(value, bytes) or value[:4] != _ZSTD_MAGIC:
                    raise DamagedPacking
                frame = zstandard.get_frame_parameters(value)
                if frame.dict_id != self.dictionary_id or not (
                    0 < frame.content_size <= self.max_text_bytes
                ):
                    raise DamagedPacking
                frames.append(value)
            decompressor = self._decompressor(self.dictionary_id)
            texts = decompressor.multi_decompress_to_buffer(frames)
            return [texts[i].tobytes().decode("utf-8") for i in range(len(texts))]
        except (DamagedPacking, zstandard.ZstdError, UnicodeDecodeError, AttributeError):
            return [self.unpack(value) for value in values]

    def sql_pack(self, text: str | None) -> bytes | None:
        """``pack`` for SQL: NULL stays NULL."""
        return None if text is None else self.pack(text)

    def sql_unpack(self, stored: str | bytes | None) -> str | None:
        """``unpack`` for SQL: NULL stays NULL."""
        return None if stored is None else self.unpack(stored)
