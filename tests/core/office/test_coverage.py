"""Coverage of needs: existing cameras whose cones see a need's place; sites with no camera."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from fieldsurvey.core.geo import bearing_and_distance
from fieldsurvey.core.office.coverage import need_coverage, sites_without_cameras
from fieldsurvey.core.store.workspace import Workspace

LAT, LON = 21.0285, 105.8542
METRES = 1 / 111_320


def _north(metres: float) -> float:
    return LAT + metres * METRES


def _east(metres: float) -> float:
    return LON + metres * METRES / math.cos(math.radians(LAT))


def test_bearing_and_distance() -> None:
    bearing, distance = bearing_and_distance(LAT, LON, _north(100), LON)
    assert round(bearing) % 360 == 0 and round(distance) == 100
    bearing, distance = bearing_and_distance(LAT, LON, LAT, _east(-50))
    assert round(bearing) == 270 and round(distance) == 50


def test_cameras_whose_cones_see_the_need(workspace: Workspace) -> None:
    site = workspace.insert(
        "sites", {"name": "Bến xe Giáp Bát", "category": "bus_station", "lat": LAT, "lon": LON}
    )

    def camera(lat: float, lon: float, direction: float | None, **extra: Any) -> str:
        views = [] if direction is None else [{"direction": direction, "angle": 60}]
        return workspace.insert(
            "cameras",
            {"site_id": site, "lat": lat, "lon": lon, "views": views, "camera_type": "fixed"}
            | extra,
        )

    looking = camera(_north(-30), LON, 10)  # 30 m south, looking north (10° off)
    camera(_north(-30), LON, 180)  # 30 m south, looking away
    camera(_north(-100), LON, 0)  # looking at it, but out of a fixed camera's reach
    ptz = camera(LAT, _east(80), None, camera_type="ptz")  # turns all round, reaches 100 m
    unknown = camera(_north(10), LON, None)  # no direction recorded, 10 m away
    camera(_north(-20), LON, 0, condition="removed")
    need = workspace.insert("needs", {"site_id": site, "reuse_camera_ids": [ptz]})
    [result] = need_coverage(workspace.db)
    assert result["need"] == need and (result["lat"], result["lon"]) == (LAT, LON)
    found = {c["id"]: c for c in result["cameras"]}
    assert set(found) == {looking, ptz, unknown}
    assert [c["id"] for c in result["cameras"]] == [looking, ptz, unknown]  # direction known first
    assert found[unknown]["direction_known"] is False
    assert found[ptz]["listed"] is True and found[looking]["listed"] is False
    assert found[looking]["distance_m"] == 30.0
    # A need with its own position is judged there, not at its site.
    elsewhere = workspace.insert("needs", {"site_id": site, "lat": _north(500), "lon": LON})
    by_need = {n["need"]: n for n in need_coverage(workspace.db)}
    assert by_need[elsewhere]["cameras"] == []


def test_sites_with_no_camera_by_category(workspace: Workspace) -> None:
    def site(name: str, category: str) -> str:
        return workspace.insert("sites", {"name": name, "category": category})

    empty = site("Chợ Hôm", "market")
    only_removed = site("Chợ Mơ", "market")
    watched = site("Chợ Đồng Xuân", "market")
    bank = site("Ngân hàng Nhà nước", "bank")
    workspace.insert("cameras", {"site_id": only_removed, "condition": "removed"})
    workspace.insert("cameras", {"site_id": watched})
    gone = workspace.insert("cameras", {"site_id": bank})
    workspace.delete("cameras", gone)
    assert sites_without_cameras(workspace.db) == {
        "bank": [bank],
        "market": sorted([empty, only_removed]),
    }


def test_demo_needs_are_judged(demo: Workspace) -> None:
    results = need_coverage(demo.db)
    needs = demo.db.execute("SELECT count(*) FROM needs WHERE deleted = 0").fetchone()[0]
    assert len(results) == needs
    seen = [n for n in results if n["cameras"]]
    assert seen and len(seen) < len(results)
    for need in seen:
        for found in need["cameras"]:
            camera = demo.get("cameras", found["id"])
            assert camera["condition"] != "removed"
            _, distance = bearing_and_distance(
                camera["lat"], camera["lon"], need["lat"], need["lon"]
            )
            assert distance <= 150


def test_coverage_command(run_cli: Any, demo_file: Path) -> None:
    result = run_cli("coverage", "--db", str(demo_file), "--json")
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = {o["kind"] for o in objects}
    assert kinds <= {"need", "sites_without_cameras"} and "need" in kinds
    assert all(isinstance(o["cameras"], list) for o in objects if o["kind"] == "need")


def test_one_need_alone_matches_the_whole_run(demo: Workspace) -> None:
    everything = {entry["need"]: entry for entry in need_coverage(demo.db)}
    covered = [need for need, entry in everything.items() if entry["cameras"]]
    assert covered
    for need in covered[:10]:
        assert need_coverage(demo.db, need) == [everything[need]]
    assert need_coverage(demo.db, "no-such-need") == []
