"""The history's stored form (m020): each device's id kept once and the changes and log keyed by
its number, a change's time kept only where it is not its clock's. The views `changes` and
`log_entries` give back every column as the digest covers it, a workspace made before m020 keeps
every change and still verifies, and a change from elsewhere with a time of its own keeps it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldsurvey.core.store import db as workspace_db
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS, Workspace, iso_from_ms
from fieldsurvey.core.trust import authorship, ledger
from tests.helpers.history import log_with_digests

_CHANGES = f"SELECT rowid, {', '.join(CHANGE_COLUMNS)}, package_id FROM changes ORDER BY rowid"
_LOG = "SELECT device_id, seq, digest, hash FROM log_entries ORDER BY device_id, seq"


def _old_workspace(path: Path, demo: Workspace) -> tuple[list[tuple], list[tuple]]:
    """A workspace migrated up to m019 holding the demo's history in the old tables, plus one
    chained change of another device whose time is not its clock's; its (changes, log)."""
    changes = demo.db.execute(_CHANGES).fetchall()
    log = log_with_digests(demo)
    assert {entry[2] for entry in demo.db.execute(_LOG)} == {None}  # held changes (m023)
    device, clock = "a-device-from-elsewhere", 114095790948352000 + 5
    odd = ("c-odd", device, 1, clock, "2025-03-03T08:00:07+07:00", "other", "units")
    fields = demo.db.execute("SELECT fields FROM changes LIMIT 1").fetchone()[0]
    row = (*odd, changes[0][8], "update")
    digest = ledger.change_digest(
        dict(zip(ledger.DIGEST_COLUMNS, row, strict=True)),
        demo.db.execute("SELECT change_fields(?)", [fields]).fetchone()[0],
    )
    changes.append((changes[-1][0] + 7, *row, fields, "p-1"))
    log.append((device, 1, digest, ledger.link(ledger.genesis(device), digest)))
    db = workspace_db._connect(path)
    db.execute(f"PRAGMA application_id = {workspace_db.APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before="m020_compact_history")
    marks = ", ".join("?" * (len(CHANGE_COLUMNS) + 2))
    db.conn.executemany(
        f"INSERT INTO changes (rowid, {', '.join(CHANGE_COLUMNS)}, package_id) VALUES ({marks})",
        changes,
    )
    db.conn.executemany("INSERT INTO log_entries VALUES (?, ?, ?, ?)", log)
    db.close()
    return sorted(changes), sorted(log)


def test_a_workspace_before_m020_keeps_every_change_and_verifies(
    demo: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite"
    changes, log = _old_workspace(path, demo)
    assert len(changes) > 2000
    ws = Workspace.open(path)
    try:
        assert "m020_compact_history" in {m.name for m in MIGRATIONS.applied(ws.db)}
        assert ws.db.execute(_CHANGES).fetchall() == changes
        assert log_with_digests(ws) == log
        devices = {row[2] for row in changes}
        assert {r[0] for r in ws.db.execute("SELECT id FROM devices")} == devices
        kept = ws.db.execute("SELECT id, at FROM change_rows WHERE at IS NOT NULL").fetchall()
        assert kept == [("c-odd", "2025-03-03T08:00:07+07:00")]
        findings = authorship.verify_history(ws.db)
        assert [f.broken for f in findings] == [None] * len(devices)
        assert sum(f.with_content for f in findings) == len(changes)
        assert list(ws.path.parent.glob("old.sqlite.backups/*m020_compact_history*"))
    finally:
        ws.close()


def test_a_new_change_is_stored_by_device_number_without_its_time(demo: Workspace) -> None:
    site = demo.db.execute("SELECT id FROM sites LIMIT 1").fetchone()[0]
    with demo.transaction():
        demo.update("sites", site, {"notes": "ghi chú mới"})
    stored = demo.db.execute(
        "SELECT c.device, c.at, c.clock, d.id FROM change_rows c JOIN devices d "
        "ON d.no = c.device ORDER BY c.rowid DESC LIMIT 1"
    ).fetchone()
    assert stored[1] is None and stored[3] == demo.device_id and isinstance(stored[0], int)
    at = demo.db.execute(
        "SELECT at FROM changes WHERE device_id = ? ORDER BY seq DESC LIMIT 1", [demo.device_id]
    ).fetchone()[0]
    assert at == iso_from_ms(stored[2] >> 16)
    assert [f.broken for f in authorship.verify_history(demo.db)] == [None] * len(
        demo.db.execute("SELECT id FROM devices").fetchall()
    )


def test_the_views_time_is_the_clocks_as_the_app_writes_it() -> None:
    """The time the views give a change stored without one is the text the app writes for its
    clock (iso_from_ms), for milliseconds from 1970 to 2100 in steps that reach every digit,
    with the clock's counter set."""
    conn = sqlite3.connect(":memory:")
    expression = ledger.AT_OF_CLOCK.format(clock="?")
    for ms in range(0, 4102444800000, 4102444800000 // 20011):
        clock = (ms << 16) | (ms % 65536)
        assert conn.execute(f"SELECT {expression}", [clock]).fetchone()[0] == iso_from_ms(ms)


def test_an_upgraded_log_keeps_only_the_digest_its_change_no_longer_gives(demo: Workspace) -> None:
    """A log as kept before m023 (every entry with its digest), one of whose changes was then
    edited outside the app: m023 drops every digest its change gives and keeps that one, so
    the check still names the edited change, and the rest verifies."""
    log = log_with_digests(demo)
    device, seq, table, record_id, fields = demo.db.execute(
        "SELECT device_id, seq, table_name, record_id, change_fields(fields) FROM changes "
        "WHERE table_name = 'sites' AND op = 'insert' ORDER BY rowid LIMIT 1 OFFSET 20"
    ).fetchone()
    with demo.db.conn:
        demo.db.conn.executemany(
            "UPDATE log_rows SET digest = ? WHERE seq = ? AND device = "
            "(SELECT no FROM devices WHERE id = ?)",
            [(digest, number, author) for author, number, digest, _ in log],
        )
        demo.db.execute(
            "UPDATE change_rows SET fields = ? WHERE seq = ? AND device = "
            "(SELECT no FROM devices WHERE id = ?)",
            [fields.replace('"name":[null,"', '"name":[null,"Sửa: '), seq, device],
        )
        demo.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm023_digests_of_held_changes'"
        )
    assert demo.db.execute("SELECT count(*) FROM log_rows WHERE digest IS NULL").fetchone()[0] == 0
    path = demo.path
    demo.close()
    ws = Workspace.open(path)
    try:
        assert "m023_digests_of_held_changes" in {m.name for m in MIGRATIONS.applied(ws.db)}
        kept = ws.db.execute("SELECT device_id, seq FROM log_entries WHERE digest IS NOT NULL")
        assert kept.fetchall() == [(device, seq)]
        assert [(d, s, h) for d, s, _, h in log_with_digests(ws)] == [
            (d, s, h) for d, s, _, h in log
        ]
        broken = [f for f in authorship.verify_history(ws.db) if f.broken]
        assert [f.device_id for f in broken] == [device]
        assert f"change {seq} was edited" in str(broken[0].broken)
        assert table in str(broken[0].broken) and record_id in str(broken[0].broken)
        assert ledger.record_proof(ws.db, table, record_id).edited == 1
    finally:
        ws.close()
