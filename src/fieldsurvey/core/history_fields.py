"""A change's fields as the history stores them: the canonical JSON text (``fields_json``)
packed (``core/packing.py``: Zstandard with a dictionary trained on survey changes), about a
seventh of the text. The text comes back byte for byte, so the digests, chains and signatures
made over it hold as before, and packages still carry the text. Rows written before hold the
text itself and are read as they are.

In SQL (registered on every connection of a workspace): ``change_fields(fields)`` is the text of
a stored value, ``pack_fields(text)`` the stored form of a text."""

from __future__ import annotations

import sqlite3
from typing import Final

from fieldsurvey.core.packing import PACK_IN_THREADS_FROM, DamagedPacking, Packing

__all__ = ["PACK_IN_THREADS_FROM", "DamagedHistory", "pack", "pack_many", "register", "unpack"]

DICTIONARY_ID: Final = 1
"""The dictionary new changes are packed with (``resources/history/fields-N.zdict``)."""
LEVEL: Final = 5
"""Zstandard's level for new changes. 100,000 changes of the city demo (780 bytes of text on
average) packed with the dictionary: level 9 13.9 µs and 116.3 bytes each, level 5 5.9 µs and
122.3 bytes, level 3 4.2 µs and 129.5 bytes. Level 5 saves about 2.8 s in each import of the
full city package and in each city build, for 2 MB more history."""
# No change's fields come near this once unpacked (a record's texts are capped far below it);
# a stored value that claims more is damaged, not a change.
MAX_TEXT_BYTES: Final = 16 << 20
FIELDS: Final = Packing("history", "fields", DICTIONARY_ID, LEVEL, MAX_TEXT_BYTES)

DamagedHistory = DamagedPacking
"""A stored change's fields cannot be read back (a frame damaged or of an unknown
dictionary)."""
pack = FIELDS.pack
pack_many = FIELDS.pack_many
unpack = FIELDS.unpack


def register(conn: sqlite3.Connection) -> None:
    """Make ``change_fields(stored)`` and ``pack_fields(text)`` known to this connection (NULL
    stays NULL: a log entry whose change is not held)."""
    conn.create_function("change_fields", 1, FIELDS.sql_unpack, deterministic=True)
    conn.create_function("pack_fields", 1, FIELDS.sql_pack, deterministic=True)
