"""The packages this workspace has sent and received, as it recorded each one."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldsurvey.core.trust.keys import list_peers


def exchanged_packages(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every package sent or received, newest first: ``at`` (ISO time), ``direction`` ("in"
    or "out"), ``peer_device`` and ``peer_name`` (the name it was enrolled under, else its
    id), ``changes`` and ``photos`` (how many it carried), ``file_name`` and ``package_id``."""
    names = {peer["device_id"]: peer["name"] for peer in list_peers(db)}
    rows = db.execute(
        "SELECT at, direction, peer_device, changes, photos, file_name, package_id "
        "FROM packages ORDER BY at DESC, rowid DESC"
    ).fetchall()
    return [
        {
            "at": at,
            "direction": direction,
            "peer_device": peer,
            "peer_name": str(names.get(peer) or peer),
            "changes": changes,
            "photos": photos,
            "file_name": file_name,
            "package_id": package_id,
        }
        for at, direction, peer, changes, photos, file_name, package_id in rows
    ]
