"""The history packs each change's fields (Zstandard with the app's trained dictionary): the
text comes back byte for byte, the history is a fraction of its text's size, damage is named as
an edit by the history check, and rows written before packing are read as they are."""

from __future__ import annotations

import pytest
import zstandard

from fieldsurvey.core import history_fields
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import authorship, ledger
from tests.helpers.frames import claiming


def test_every_change_is_stored_packed_and_reads_back_as_its_text(demo: Workspace) -> None:
    rows = demo.db.execute(
        "SELECT typeof(fields), length(fields), change_fields(fields) FROM changes"
    ).fetchall()
    assert len(rows) > 2000 and {kind for kind, _, _ in rows} == {"blob"}
    for _, _, text in rows:
        assert history_fields.unpack(history_fields.pack(text)) == text
    text_bytes = sum(len(text.encode()) for _, _, text in rows)
    packed_bytes = sum(size for _, size, _ in rows)
    assert packed_bytes * 5 < text_bytes  # 6.7× on the demo with dictionary 1
    assert [f for f in authorship.verify_history(demo.db) if f.broken] == []


def test_packing_many_gives_the_bytes_of_packing_each(demo: Workspace) -> None:
    """The demo's bulk writes pack their changes together: the stored bytes are those of
    ``pack``, so a history does not depend on how its changes were written."""
    texts = [t for (t,) in demo.db.execute("SELECT change_fields(fields) FROM changes")]
    assert len(texts) > history_fields.PACK_IN_THREADS_FROM
    for some in (texts, texts[: history_fields.PACK_IN_THREADS_FROM - 1], texts[:1], []):
        assert history_fields.pack_many(some) == [history_fields.pack(t) for t in some]
    stored = [bytes(b) for (b,) in demo.db.execute("SELECT fields FROM changes ORDER BY rowid")]
    in_order = [
        t for (t,) in demo.db.execute("SELECT change_fields(fields) FROM changes ORDER BY rowid")
    ]
    assert history_fields.pack_many(in_order) == stored


def test_a_damaged_packed_change_is_named_as_edited(demo: Workspace) -> None:
    device, seq, stored, table, record_id = demo.db.execute(
        "SELECT device_id, seq, fields, table_name, record_id FROM changes "
        "ORDER BY seq LIMIT 1 OFFSET 10"
    ).fetchone()
    damaged = bytes(stored[:-6]) + bytes(6)
    with demo.db.conn:
        demo.db.execute(
            "UPDATE change_rows SET fields = ? WHERE rowid = "
            "(SELECT rowid FROM changes WHERE device_id = ? AND seq = ?)",
            [damaged, device, seq],
        )
    with pytest.raises(history_fields.DamagedHistory):
        history_fields.unpack(damaged)
    broken = [f for f in authorship.verify_history(demo.db) if f.broken]
    assert [f.device_id for f in broken] == [device]
    assert f"change {seq} was edited" in str(broken[0].broken)
    assert ledger.record_proof(demo.db, table, record_id).edited == 1  # the review's line


def test_a_text_row_written_before_packing_is_read_as_it_is(demo: Workspace) -> None:
    device, seq, text = demo.db.execute(
        "SELECT device_id, seq, change_fields(fields) FROM changes ORDER BY seq LIMIT 1"
    ).fetchone()
    with demo.db.conn:
        demo.db.execute(
            "UPDATE change_rows SET fields = ? WHERE rowid = "
            "(SELECT rowid FROM changes WHERE device_id = ? AND seq = ?)",
            [text, device, seq],
        )
    assert demo.db.execute(
        "SELECT typeof(fields), change_fields(fields) FROM changes WHERE device_id = ? AND seq = ?",
        [device, seq],
    ).fetchone() == ("text", text)
    assert [f for f in authorship.verify_history(demo.db) if f.broken] == []


def test_what_is_not_a_packed_change_is_refused() -> None:
    text = '{"name":[null,"Chợ Đồng Xuân",null]}'
    packed = history_fields.pack(text)
    # A frame packed with a dictionary the app does not have.
    other = zstandard.ZstdCompressionDict(
        text.encode() * 4, dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )
    with pytest.raises(history_fields.DamagedHistory):
        history_fields.unpack(zstandard.ZstdCompressor(dict_data=other).compress(text.encode()))
    # A frame claiming more than any change holds (a decompression bomb).
    bomb = zstandard.ZstdCompressor(level=3).compress(bytes(history_fields.MAX_TEXT_BYTES + 1))
    with pytest.raises(history_fields.DamagedHistory):
        history_fields.unpack(bomb)
    # A frame whose header claims less than it holds (unpacked into what it claims, no more).
    lying = claiming(history_fields.pack("a" * 100_000), 1000)
    with pytest.raises(history_fields.DamagedHistory, match="too small"):
        history_fields.unpack(lying)
    with pytest.raises(history_fields.DamagedHistory):
        history_fields.unpack(b"not packed")
    assert history_fields.unpack(packed) == text
