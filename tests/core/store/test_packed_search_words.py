"""Search entries keep their words packed (m024, ``search.WORDS``): every entry of the demo
reads back as the words made from its record, a third of their size or less; unpacking many at
once gives what unpacking each gives, and refuses what unpacking each refuses."""

from __future__ import annotations

import pytest
import zstandard

from fieldsurvey.core.packing import DamagedPacking
from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.store.search import WORDS, source_sql
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.frames import claiming


def stored(ws: Workspace) -> list[tuple[int, bytes]]:
    return [(int(r), bytes(w)) for r, w in ws.db.execute("SELECT rowid, words FROM search_entries")]


def test_every_entry_is_kept_packed_and_reads_back_as_its_words(demo: Workspace) -> None:
    made = {
        int(entry): words
        for table in SEARCH_KINDS
        for entry, words in demo.db.execute(source_sql(table))
    }
    held = stored(demo)
    assert len(held) == len(made) > 1000
    assert {entry: WORDS.unpack(words) for entry, words in held} == made
    assert all(words == WORDS.pack(made[entry]) for entry, words in held)
    assert sum(len(words) for _, words in held) * 2.5 < sum(len(w.encode()) for w in made.values())


def test_unpacking_many_gives_what_unpacking_each_gives(demo: Workspace) -> None:
    values = [words for _, words in stored(demo)]
    odd: list[str | bytes] = [WORDS.pack(""), "words kept as text", WORDS.pack("cho dong xuan")]
    for some in (values, values[:1], [], odd, [*values[:300], *odd]):
        assert WORDS.unpack_many(some) == [WORDS.unpack(value) for value in some]


def test_unpacking_many_refuses_what_unpacking_each_refuses(demo: Workspace) -> None:
    values = [words for _, words in stored(demo)][:50]
    # A frame whose header claims less than it holds.
    lying = claiming(WORDS.pack("cho dong xuan " * 8000), 1000)
    other = zstandard.ZstdCompressionDict(
        b"cho dong xuan " * 8, dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )
    for damaged in (
        lying,
        b"not packed",
        values[0][:-3],  # cut short
        zstandard.ZstdCompressor(dict_data=other).compress(b"cho dong xuan"),  # unknown dictionary
        zstandard.ZstdCompressor().compress(bytes(WORDS.max_text_bytes + 1)),  # a bomb
    ):
        with pytest.raises(DamagedPacking):
            WORDS.unpack(damaged)
        with pytest.raises(DamagedPacking):
            WORDS.unpack_many([*values, damaged, *values])
