"""Search entries keep their words packed (m024, ``search.WORDS``): every entry of the demo
reads back as the words made from its record, a third of their size or less; unpacking many at
once gives what unpacking each gives, and refuses what unpacking each refuses."""

from __future__ import annotations

import pytest
import zstandard

from fieldsurvey.core.packing import DamagedPacking
from fieldsurvey.core.store.records import SEARCH_KINDS
from fieldsurvey.core.store.search import WORDS, rowid_range, search, source_sql
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.frames import claiming
from tests.helpers.search_index import search_entries


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


@pytest.mark.parametrize("texts", [[""] * 100, ["a", *[""] * 64], [*["x"] * 70, *[""] * 70]])
def test_packing_many_with_empty_words_gives_the_bytes_of_packing_each(texts: list[str]) -> None:
    assert WORDS.pack_many(texts) == [WORDS.pack(text) for text in texts]
    # Alone, an empty value is not given to the one call that cannot take it.
    assert WORDS.unpack_many([WORDS.pack("")]) == [""]


def test_many_records_without_words_are_indexed(workspace: Workspace) -> None:
    """A unit named "—" has no words: 64 of them written at once are kept and indexed."""
    ids = workspace.insert_many("units", [{"name": "—"} for _ in range(64)])
    held = search_entries(workspace.db)
    assert len(held) == len(ids) and {words for _, words, _ in held} == {""}


def test_a_damaged_entry_does_not_stop_a_search_or_an_edit(demo: Workspace) -> None:
    """An entry's stored words changed outside the app (cut short, or a number): the phrase
    search finds the others, and an edit of its record goes through, the index made again."""
    sites = demo.db.execute(
        "SELECT s.rowid, s.id FROM sites s WHERE s.deleted = 0 ORDER BY s.rowid LIMIT 2"
    ).fetchall()
    first = rowid_range("sites")[0]
    name_of = "SELECT name FROM sites WHERE id = ?"
    names = [demo.db.execute(name_of, [site]).fetchone()[0] for _, site in sites]
    before = search(demo.db, names[1])
    cut = demo.db.execute("SELECT words FROM search_entries WHERE rowid = ?", [first + sites[0][0]])
    demo.db.execute(
        "UPDATE search_entries SET words = ? WHERE rowid = ?",
        [bytes(cut.fetchone()[0])[:-3], first + sites[0][0]],
    )
    demo.db.execute("UPDATE search_entries SET words = 5 WHERE rowid = ?", [first + sites[1][0]])
    # Not a phrase hit any more, but the index still finds it by its words.
    found = search(demo.db, names[1], limit=500)
    assert sites[1][1] in {hit["id"] for hit in found} and found[0] != before[0]
    demo.update("sites", sites[0][1], {"notes": "cổng phía bắc"})
    held = search_entries(demo.db)  # every entry readable and indexed again
    assert any(
        entry == first + sites[0][0] and "cong phia bac" in words for entry, words, _ in held
    )
    assert search(demo.db, names[1]) == before
