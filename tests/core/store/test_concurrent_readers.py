"""A second program reading the workspace while the app writes to it loses none of the app's
writes: opening a workspace never touches the file outside SQLite while a connection exists
(closing any descriptor of the file would drop every POSIX lock this process holds on it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from subprocess import CompletedProcess

from fieldsurvey.core.store.workspace import Workspace


def test_cli_reading_meanwhile_loses_no_write(
    workspace: Workspace, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    ws = workspace
    unit = ws.insert("units", {"name": "Công an phường Hoàn Kiếm"})
    written = []
    for round_ in range(3):
        # The window opens a connection of its own for long writes (an import, a bulk review).
        with Workspace.open(ws.path, user="tester") as own:
            written.append(own.insert("units", {"name": f"Đơn vị {round_}-a", "parent_id": unit}))
        written.append(ws.insert("units", {"name": f"Đơn vị {round_}-b"}))
        # Meanwhile another program (the CLI) opens the same file, reads, and closes it.
        report = ws.path.with_name(f"report-{round_}.csv")
        for args in (
            ["stats", "--db", str(ws.path), "--json"],
            ["report", "--db", str(ws.path), "--format", "csv", "--out", str(report)],
        ):
            result = run_cli(*args)
            assert result.returncode == 0, result.stderr
        written.append(ws.insert("units", {"name": f"Đơn vị {round_}-c"}))
        ws.update("units", unit, {"notes": f"vòng {round_}"})
    ws.close()

    with Workspace.open(ws.path) as again:
        ids = {row[0] for row in again.db.execute("SELECT id FROM units")}
        assert set(written) <= ids
        assert again.get("units", unit)["notes"] == "vòng 2"
        assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn = sqlite3.connect(ws.path)
    assert conn.execute("SELECT count(*) FROM units").fetchone()[0] == len(written) + 1
    conn.close()
