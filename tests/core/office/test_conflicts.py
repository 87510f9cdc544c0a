"""The conflict queue: both values side by side, settled by the office with a new change that
syncs, so the office and both surveyors end on the same value with nothing left open."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.office.conflicts import list_conflicts, resolve
from fieldsurvey.core.office.review import NotOfficeError
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.office import OfficeDemos, everything, open_copies, send


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1", "s2"))


def _shared_camera(workspaces: dict[str, Workspace], usb: Path) -> str:
    """A camera s1 recorded, which the office and s2 both have."""
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    site = s1.insert(
        "sites",
        {"name": "Ga Cát Linh", "category": "train_station", "lat": 21.0285, "lon": 105.8275},
    )
    camera = s1.insert("cameras", {"site_id": site, "condition": "working", "storage_days": 15})
    send(s1, office, usb)
    send(office, s2, usb)
    return camera


def _open(ws: Workspace) -> list[dict[str, Any]]:
    return list_conflicts(ws)


def _edit_both(workspaces: dict[str, Workspace], usb: Path, field: str, v1: Any, v2: Any) -> str:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    camera = _shared_camera(workspaces, usb)
    s1.update("cameras", camera, {field: v1})
    s2.update("cameras", camera, {field: v2})
    send(s1, office, usb)
    send(s2, office, usb)
    return camera


def test_the_queue_shows_both_values_with_who_and_when(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office = workspaces["office"]
    camera = _edit_both(workspaces, usb, "condition", "degraded", "not_working")
    [conflict] = _open(office)
    assert (conflict["table"], conflict["record_id"], conflict["field"]) == (
        "cameras",
        camera,
        "condition",
    )
    shown = office.get("cameras", camera)["condition"]
    assert conflict["a"]["value"] == shown  # a is what the record shows
    sides = {conflict["a"]["device"]: conflict["a"], conflict["b"]["device"]: conflict["b"]}
    assert sides["s1"]["value"] == "degraded" and sides["s2"]["value"] == "not_working"
    assert sides["s1"]["user"] == "user-s1" and sides["s2"]["user"] == "user-s2"
    for side in sides.values():
        assert side["at"].endswith("Z") and side["change_id"]


@pytest.mark.parametrize("choice", ["a", "b", "third"])
def test_a_conflict_resolved_becomes_a_change_that_syncs(
    workspaces: dict[str, Workspace], usb: Path, choice: str
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    camera = _edit_both(workspaces, usb, "storage_days", 30, 90)
    [conflict] = _open(office)
    if choice == "third":
        outcome = resolve(office, conflict["id"], value="60")
        expected = 60
    else:
        outcome = resolve(office, conflict["id"], take=choice)
        expected = conflict[choice]["value"]
    assert outcome["value"] == expected
    # the resolution is a change of the office's, made after both values
    change = office.db.execute(
        "SELECT device_id, user, change_fields(fields) FROM changes WHERE id = ?",
        [outcome["change_id"]],
    ).fetchone()
    assert change[0] == office.device_id and change[1] == "user-office"
    assert json.loads(change[2])["storage_days"][1] == expected
    assert _open(office) == []
    assert [c["status"] for c in list_conflicts(office, status="all")] == ["resolved"]
    send(office, s1, usb)
    send(office, s2, usb)
    for ws in (office, s1, s2):
        assert ws.get("cameras", camera)["storage_days"] == expected
        assert _open(ws) == []
    # and it stays settled when the surveyors' next packages come in
    send(s1, office, usb)
    send(s2, office, usb)
    assert _open(office) == [] and office.get("cameras", camera)["storage_days"] == expected


def test_a_third_value_is_checked_like_any_value(
    workspaces: dict[str, Workspace], usb: Path
) -> None:
    office = workspaces["office"]
    _edit_both(workspaces, usb, "condition", "degraded", "not_working")
    [conflict] = _open(office)
    before = everything(office)
    with pytest.raises(ValidationError, match="condition"):
        resolve(office, conflict["id"], value="broken-ish")  # not in the code list
    with pytest.raises(ValidationError):
        resolve(office, conflict["id"], take="a", value="working")
    with pytest.raises(ValidationError):
        resolve(office, conflict["id"])
    with pytest.raises(ValidationError):
        resolve(office, conflict["id"], take="c")
    with pytest.raises(ValidationError):
        resolve(office, "no-such-conflict", take="a")
    assert everything(office) == before
    resolve(office, conflict["id"], value="removed")
    with pytest.raises(ValidationError, match="resolved"):
        resolve(office, conflict["id"], take="a")


def test_only_the_office_resolves(workspaces: dict[str, Workspace], usb: Path) -> None:
    office, s2 = workspaces["office"], workspaces["s2"]
    _edit_both(workspaces, usb, "condition", "degraded", "not_working")
    send(office, s2, usb)
    [conflict] = _open(s2)  # the surveyor sees the same conflict, but may not settle it
    before = everything(s2)
    with pytest.raises(NotOfficeError):
        resolve(s2, conflict["id"], take="b")
    assert everything(s2) == before


@pytest.mark.parametrize("keep", [True, False])
def test_a_delete_racing_an_edit_is_settled_by_keeping_or_deleting(
    workspaces: dict[str, Workspace], usb: Path, keep: bool
) -> None:
    office, s1, s2 = workspaces["office"], workspaces["s1"], workspaces["s2"]
    camera = _shared_camera(workspaces, usb)
    s1.delete("cameras", camera)
    s2.update("cameras", camera, {"notes": "Vẫn còn, đã kiểm tra lại."})
    send(s1, office, usb)
    send(s2, office, usb)
    [conflict] = [c for c in _open(office) if c["field"] == "deleted"]
    side = next(s for s in ("a", "b") if conflict[s]["value"] == (0 if keep else 1))
    with pytest.raises(ValidationError):
        resolve(office, conflict["id"], value="0")  # keep or delete: no third way
    resolve(office, conflict["id"], take=side)
    send(office, s1, usb)
    send(office, s2, usb)
    for ws in (office, s1, s2):
        assert ws.get("cameras", camera, include_deleted=True)["deleted"] == (0 if keep else 1)
        assert _open(ws) == []


def test_conflict_commands(
    built: dict[str, Path], tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    workspaces = open_copies(built, tmp_path)
    camera = _edit_both(workspaces, usb, "condition", "degraded", "not_working")
    office_path = workspaces["office"].path
    for ws in workspaces.values():
        ws.close()
    listed = run_cli("conflicts", "--db", str(office_path), "--json")
    assert listed.returncode == 0, listed.stderr
    [conflict] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert conflict["record_id"] == camera
    bad = run_cli("resolve", "--db", str(office_path), conflict["id"], "--value", "bogus")
    assert bad.returncode != 0 and "condition" in bad.stderr
    done = run_cli("resolve", "--db", str(office_path), conflict["id"], "--take", "b")
    assert done.returncode == 0, done.stderr
    assert run_cli("conflicts", "--db", str(office_path), "--json").stdout == ""
    with Workspace.open(office_path) as office:
        assert office.get("cameras", camera)["condition"] == conflict["b"]["value"]
