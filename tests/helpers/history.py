"""The history as workspaces kept it before the current stored form, for upgrade tests."""

from __future__ import annotations

from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.trust import ledger


def log_with_digests(ws: Workspace) -> list[tuple[str, int, bytes | None, bytes]]:
    """Every log entry (device id, seq, digest, hash) with its digest, as entries kept it
    before m023 (since then only an entry whose change is not held keeps one)."""
    return [
        (device, seq, ledger.entry_digest(ws.db, device, seq), bytes(hash_))
        for device, seq, hash_ in ws.db.execute(
            "SELECT device_id, seq, hash FROM log_entries ORDER BY device_id, seq"
        )
    ]
