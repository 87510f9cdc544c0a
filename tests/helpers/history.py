"""The history as workspaces kept it before the current stored form, for upgrade tests."""

from __future__ import annotations

from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import ledger


def log_with_digests(ws: Workspace) -> list[tuple[str, int, bytes | None, bytes]]:
    """Every log entry (device id, seq, digest, hash) with its digest, as entries kept it
    before m023 (since then only an entry whose change is not held keeps one; the others' is
    made from the change)."""
    made = {
        (row[1], row[2]): ledger.columns_digest(row[:9], row[9])
        for row in ws.db.execute(
            f"SELECT {', '.join(ledger.DIGEST_COLUMNS)}, change_fields(fields) FROM changes"
        )
    }
    return [
        (device, seq, made.get((device, seq)) if kept is None else bytes(kept), bytes(hash_))
        for device, seq, kept, hash_ in ws.db.execute(
            "SELECT device_id, seq, digest, hash FROM log_entries ORDER BY device_id, seq"
        )
    ]
