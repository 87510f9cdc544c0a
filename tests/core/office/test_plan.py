"""The city camera plan: detail bands, existing cameras before new ones, new cameras that serve
several needs without duplicating each other, decisions, and the command line."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.geo import METRES_PER_DEGREE, bearing_and_distance, metres_per_degree_lon
from fieldsurvey.core.office import plan
from fieldsurvey.core.office.coverage import need_coverage
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from fieldsurvey.core.views import view_cones, view_range_m
from tests.helpers.office import OfficeDemos, everything

LAT, LON = 21.0285, 105.8542  # Hoàn Kiếm


def _at(north_m: float, east_m: float) -> tuple[float, float]:
    return LAT + north_m / METRES_PER_DEGREE, LON + east_m / metres_per_degree_lon(LAT)


@pytest.fixture
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1", "s2"))


def test_detail_follows_resolution_lens_and_distance() -> None:
    # 2 MP at 16:9 is 1885.6 px across; at 10 m a 60° lens spans 11.547 m: 163.3 px/m.
    assert plan.pixels_per_metre(2.0, 60.0, 10.0) == pytest.approx(163.3, abs=0.1)
    assert plan.band_at(2.0, 60.0, 10.0) == "recognise"
    assert plan.band_at(2.0, 60.0, 5.0) == "identify"
    assert plan.band_at(2.0, 60.0, 100.0) is None
    assert plan.reach_m(2.0, 60.0, "observe") == pytest.approx(26.34, abs=0.01)
    assert plan.band_at(2.0, 60.0, 26.3) == "observe" and plan.band_at(2.0, 60.0, 26.4) == "detect"
    # A panoramic lens is measured along its arc, not an unbounded tangent.
    assert plan.pixels_per_metre(4.0, 360.0, 10.0) == pytest.approx(
        math.sqrt(4e6 * 16 / 9) / (10 * 2 * math.pi)
    )


def test_a_need_asks_for_the_band_its_use_implies() -> None:
    assert plan.required_band(None, ["public_order"], ["face_recognition"], None) == "identify"
    assert plan.required_band(None, ["traffic_management"], [], "alpr") == "identify"
    assert plan.required_band(None, ["traffic_management"], [], "fixed") == "observe"
    assert plan.required_band(None, ["traffic_management", "public_order"], [], None) == (
        "recognise"
    )
    assert plan.required_band("detect", ["public_order"], ["face_recognition"], None) == "detect"


def _junction(ws: Workspace) -> dict[str, str]:
    """Three needs at one junction, an existing camera 15–20 m south of two of them, looking
    north: it sees all three, at observe band (2 MP, 60°)."""
    unit = ws.insert("units", {"name": "Công an phường Hoàn Kiếm", "kind": "police"})
    site = ws.insert(
        "sites",
        {"name": "Ngã tư Tràng Tiền", "category": "traffic_route", "lat": LAT, "lon": LON},
    )
    camera = ws.insert(
        "cameras",
        {
            "site_id": site,
            "lat": LAT,
            "lon": LON,
            "camera_type": "fixed",
            "views": [{"direction": 0, "angle": 60}],
            "resolution_mp": 2,
            "condition": "working",
            "connectivity": "connected_city_centre",
            "owner_unit_id": unit,
        },
    )
    ids = {"unit": unit, "site": site, "camera": camera}
    for name, (north, east), extra in (
        ("a", (15, 0), {"purposes": ["traffic_management"]}),
        ("b", (20, 3), {"purposes": ["traffic_management"]}),
        ("c", (18, -2), {"purposes": ["public_order"], "ai_functions": ["face_recognition"]}),
    ):
        lat, lon = _at(north, east)
        ids[name] = ws.insert(
            "needs", {"site_id": site, "lat": lat, "lon": lon, "priority": "high"} | extra
        )
    return ids


def test_a_junction_reuses_the_camera_that_sees_it_and_adds_one_for_faces(
    workspace: Workspace,
) -> None:
    ids = _junction(workspace)
    result = plan.propose(workspace)
    assert result.written == {"reuse": 1, "connect": 0, "upgrade": 0, "new": 1}
    assert result.needs_served == 3 and result.needs_left == ()
    items = {item["decision"]: item for item in plan.plan_items(workspace.db)}
    reuse, new = items["reuse"], items["new"]
    assert reuse["camera_id"] == ids["camera"] and sorted(reuse["needs"]) == sorted(
        [ids["a"], ids["b"]]
    )
    assert reuse["cost"] == 0 and reuse["responsible_unit_id"] == ids["unit"]
    # Faces need 250 px/m: 18 m away even 8 MP gives 180, so a new camera, 30° lens, near by.
    assert new["needs"] == [ids["c"]] and new["camera_id"] is None
    assert new["detail_band"] == "identify" and new["field_of_view"] == 30.0
    c_lat, c_lon = _at(18, -2)
    bearing, distance = bearing_and_distance(new["lat"], new["lon"], c_lat, c_lon)
    assert distance <= plan.reach_m(plan.NEW_RESOLUTION_MP, 30.0, "identify")
    assert abs((bearing - new["direction"] + 180) % 360 - 180) <= 15
    assert new["state"] == "proposed" and new["commune_code"] is not None
    assert new["phase"] == 1 and new["cost"] == plan.COST_VND["new"] + plan.COST_VND["ai_function"]
    # Proposing again finds every need decided.
    assert plan.propose(workspace).written == dict.fromkeys(plan.DECISIONS, 0)


def test_an_existing_camera_is_connected_or_upgraded_before_a_new_one(
    workspace: Workspace,
) -> None:
    ids = _junction(workspace)
    workspace.update("cameras", ids["camera"], {"connectivity": "standalone"})
    workspace.update("needs", ids["c"], {"detail_band": "observe", "ai_functions": []})
    plan.propose(workspace)
    [item] = plan.plan_items(workspace.db)
    assert item["decision"] == "connect" and len(item["needs"]) == 3
    assert item["cost"] == plan.COST_VND["connect"]

    # Degraded, and the need for faces close enough for 8 MP: an upgrade (repair, resolution).
    other = _junction(workspace)
    workspace.update("cameras", other["camera"], {"condition": "degraded"})
    for need in (other["a"], other["b"], ids["a"], ids["b"], ids["c"]):
        workspace.delete("needs", need)
    workspace.delete("cameras", ids["camera"])
    lat, lon = _at(8, 0)  # 2 MP gives 204 px/m at 8 m, 8 MP 408
    workspace.update("needs", other["c"], {"lat": lat, "lon": lon})
    plan.propose(workspace)
    upgrade = [i for i in plan.plan_items(workspace.db) if i["camera_id"] == other["camera"]]
    assert [i["decision"] for i in upgrade] == ["upgrade"]
    assert set(upgrade[0]["upgrades"]) == {"repair", "resolution", "ai_function"}
    assert upgrade[0]["resolution_mp"] == plan.UPGRADE_RESOLUTION_MP


def test_a_rejected_camera_is_not_proposed_again_for_its_needs(workspace: Workspace) -> None:
    ids = _junction(workspace)
    plan.propose(workspace)
    reuse = next(i for i in plan.plan_items(workspace.db) if i["decision"] == "reuse")
    assert plan.decide(workspace, [reuse["id"]], "rejected") == 1
    again = plan.propose(workspace)
    assert again.written["reuse"] == 0 and again.written["new"] >= 1
    live = plan.plan_items(workspace.db, states=["proposed"])
    assert not any(i["camera_id"] == ids["camera"] for i in live)
    assert {n for i in live for n in i["needs"]} == {ids["a"], ids["b"], ids["c"]}


def test_a_decision_names_who_made_it_in_the_history(workspace: Workspace) -> None:
    _junction(workspace)
    plan.propose(workspace)
    first = plan.plan_items(workspace.db)[0]
    plan.decide(workspace, [first["id"]], "accepted")
    [item] = [i for i in plan.plan_items(workspace.db) if i["id"] == first["id"]]
    assert item["state"] == "accepted" and item["decided_by"] == "tester"
    history = workspace.history("plan_items", first["id"])
    assert [h["op"] for h in history][-1] == "update"
    with pytest.raises(Exception, match="nope"):
        plan.decide(workspace, [first["id"], "nope"], "rejected")
    assert plan.plan_items(workspace.db, states=["rejected"]) == []  # nothing half-done


def test_cancelling_writes_nothing(workspace: Workspace) -> None:
    _junction(workspace)
    before = everything(workspace)
    with pytest.raises(Cancelled):
        plan.propose(workspace, cancel=lambda: True)
    assert everything(workspace) == before


def _sees_at(camera: dict[str, Any], lat: float, lon: float, band: str) -> bool:
    """Written out here from the standard, apart from the module: does an existing camera see
    the point inside one of its cones and within its type's range at ``band``, at its own
    resolution or at the upgrade's?"""
    if camera["condition"] == "removed" or camera["lat"] is None:
        return False
    bearing, distance = bearing_and_distance(camera["lat"], camera["lon"], lat, lon)
    if distance > view_range_m(camera["camera_type"]):
        return False
    cones = view_cones(camera["views"])
    all_round = camera["camera_type"] in ("ptz", "panoramic")
    if not cones and not all_round:
        return False
    widths = [w for d, w in cones if abs((bearing - d + 180) % 360 - 180) <= w / 2]
    if all_round:
        widths = widths or [cones[0][1] if cones else 60.0]
    if not widths and distance >= 1:
        return False
    width = widths[0] if widths else cones[0][1]
    needed = {"identify": 250, "recognise": 125, "observe": 62, "detect": 25}[band]
    pixels = math.sqrt(8.0 * 1e6 * 16 / 9)
    scene = (
        2 * max(distance, 1) * math.tan(math.radians(width) / 2)
        if width < 150
        else (max(distance, 1) * math.radians(width))
    )
    return pixels / scene >= needed


def test_an_office_with_both_surveyors_gets_a_plan_for_every_need(
    workspaces: dict[str, Workspace],
) -> None:
    office = workspaces["office"]
    result = plan.propose(office)
    assert result.needs_left == ()
    items = plan.plan_items(office.db)
    needs = {
        row[0]: row[1:]
        for row in office.db.execute(
            "SELECT n.id, coalesce(n.lat, s.lat), coalesce(n.lon, s.lon), n.detail_band, "
            "n.purposes, n.ai_functions, n.camera_type FROM needs n JOIN sites s "
            "ON s.id = n.site_id WHERE n.deleted = 0 AND coalesce(n.lat, s.lat) IS NOT NULL"
        )
    }
    served = [n for item in items for n in item["needs"]]
    assert sorted(served) == sorted(needs)  # every need once
    assert {i["decision"] for i in items} == {"reuse", "connect", "upgrade", "new"}
    cameras = [
        dict(zip(("lat", "lon", "camera_type", "views", "condition"), row, strict=True))
        for row in office.db.execute(
            "SELECT lat, lon, camera_type, views, condition FROM cameras WHERE deleted = 0"
        )
    ]
    new = [i for i in items if i["decision"] == "new"]
    for item in new:
        for need_id in item["needs"]:
            lat, lon, band, purposes, ai, ctype = needs[need_id]
            wanted = plan.required_band(band, json.loads(purposes), json.loads(ai), ctype)
            assert not any(_sees_at(c, lat, lon, wanted) for c in cameras), need_id
    # No new camera stands inside another's cone (as the map draws it).
    for number, a in enumerate(new):
        for b in new[number + 1 :]:
            for x, y in ((a, b), (b, a)):
                bearing, distance = bearing_and_distance(x["lat"], x["lon"], y["lat"], y["lon"])
                inside = distance <= view_range_m(x["camera_type"]) and (
                    abs((bearing - x["direction"] + 180) % 360 - 180) <= x["field_of_view"] / 2
                )
                assert distance >= 1 and not inside, (x["id"], y["id"])
    # The reused cameras are the ones coverage finds for those needs.
    covering = {n["need"]: {c["id"] for c in n["cameras"]} for n in need_coverage(office.db)}
    for item in items:
        if item["decision"] == "reuse":
            assert all(item["camera_id"] in covering[n] for n in item["needs"])
    totals = plan.totals(office.db)
    assert totals["needs_served"] == len(needs)
    assert totals["by_decision"]["new"]["items"] == len(new)
    assert totals["cost"] == sum(i["cost"] for i in items)
    assert sum(v["items"] for v in totals["commune"].values()) == len(items)


def test_plan_commands(run_cli: Any, demo_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    db.write_bytes(demo_file.read_bytes())
    proposed = run_cli("plan", "propose", "--db", str(db), "--json", "--quiet")
    assert proposed.returncode == 0, proposed.stderr
    summary = json.loads(proposed.stdout)
    assert summary["needs_left"] == [] and summary["written"]["new"] > 0
    listed = run_cli("plan", "list", "--db", str(db), "--json")
    items = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(items) == sum(summary["written"].values())
    keys = {"id", "decision", "needs", "camera_id", "lat", "lon", "direction", "field_of_view"}
    assert all(keys | {"cost", "state"} <= set(item) for item in items)
    assert {i["decision"] for i in items} <= set(plan.DECISIONS)
    assert all((i["camera_id"] is None) == (i["decision"] == "new") for i in items)
    accepted = run_cli("plan", "accept", "--db", str(db), items[0]["id"])
    assert accepted.returncode == 0, accepted.stderr
    states = run_cli("plan", "list", "--db", str(db), "--json", "--state", "accepted")
    assert [json.loads(line)["id"] for line in states.stdout.splitlines()] == [items[0]["id"]]
    refused = run_cli("plan", "reject", "--db", str(db), "khong-co")
    assert refused.returncode != 0 and "khong-co" in refused.stderr
    filtered = run_cli("plan", "propose", "--db", str(db), "--where", "xa=1")
    assert filtered.returncode != 0 and "'xa'" in filtered.stderr


def test_plan_items_travel_between_office_workspaces(
    workspace: Workspace, tmp_path: Path, usb: Path
) -> None:
    """A second office workspace (another office device) receives the plan, decides on it, and
    the first sees the decision with the name of who made it."""
    from fieldsurvey.core.trust import keys
    from tests.helpers.office import send

    _junction(workspace)
    (tmp_path / "office2").mkdir()
    other = Workspace.open(tmp_path / "office2" / "office2.sqlite", create=True, user="Trần Thị B")
    try:
        with workspace.transaction(), other.transaction():
            other.set_setting("role", "office")
            keys.enrol(workspace.db, other.public_identity(), at="2026-12-01T08:00:00Z")
            keys.enrol(other.db, workspace.public_identity(), at="2026-12-01T08:00:00Z")
        plan.propose(workspace)
        items = plan.plan_items(workspace.db)
        send(workspace, other, usb)
        assert plan.plan_items(other.db) == items
        plan.decide(other, [items[0]["id"]], "accepted")
        send(other, workspace, usb)
        [accepted] = plan.plan_items(workspace.db, states=["accepted"])
        assert accepted["id"] == items[0]["id"] and accepted["decided_by"] == "Trần Thị B"
    finally:
        other.close()
