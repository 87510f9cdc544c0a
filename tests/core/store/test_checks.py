"""What a saved draft still lacks: the camera rules, the assigned area, completeness."""

from __future__ import annotations

from fieldsurvey.core.store.checks import completeness, problems
from fieldsurvey.core.store.workspace import Workspace


def codes(ws: Workspace, table: str, record_id: str, **kw: object) -> set[str]:
    record = ws.get(table, record_id)
    return {p.code for p in problems(ws.db, table, record, **kw) if p.code != "missing"}


def test_camera_rules(workspace: Workspace) -> None:
    site = workspace.insert(
        "sites", {"name": "Ga Hà Nội", "category": "train_station", "lat": 21.0245, "lon": 105.8412}
    )
    camera = workspace.insert("cameras", {"site_id": site, "camera_type": "fixed"})
    assert codes(workspace, "cameras", camera) == {"fixed_needs_direction", "no_location"}
    workspace.update(
        "cameras",
        camera,
        {"views": [{"direction": 90, "angle": 60}], "lat": 21.0245, "lon": 105.8412},
    )
    assert codes(workspace, "cameras", camera) == set()
    workspace.update("cameras", camera, {"camera_type": "alpr"})
    assert codes(workspace, "cameras", camera) == {"alpr_needs_resolution"}
    workspace.update("cameras", camera, {"resolution_mp": 4})
    workspace.update("cameras", camera, {"condition": "not_working"})
    assert codes(workspace, "cameras", camera) == {"broken_needs_shortcoming"}
    workspace.insert("shortcomings", {"site_id": site, "camera_id": camera, "kind": "broken"})
    assert codes(workspace, "cameras", camera) == set()


def test_outside_the_assigned_area(workspace: Workspace) -> None:
    site = workspace.insert(
        "sites", {"name": "Hồ Gươm", "category": "scenic_spot", "lat": 21.0288, "lon": 105.8524}
    )
    commune = workspace.get("sites", site)["commune_code"]
    assert "outside_area" not in codes(workspace, "sites", site, area={commune})
    assert "outside_area" in codes(workspace, "sites", site, area={"99999"})
    message = next(
        p
        for p in problems(workspace.db, "sites", workspace.get("sites", site), area={"99999"})
        if p.code == "outside_area"
    )
    assert message.text("en") == "The location is outside the assigned area."


def test_completeness_grows_as_fields_are_filled(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Chợ Đồng Xuân", "category": "market"})
    first = completeness("sites", workspace.get("sites", site))
    workspace.update("sites", site, {"address": "Đồng Xuân", "lat": 21.038, "lon": 105.849})
    second = completeness("sites", workspace.get("sites", site))
    assert 0 < first < second < 1
    missing = {
        p.field
        for p in problems(workspace.db, "sites", workspace.get("sites", site))
        if p.code == "missing"
    }
    assert missing == {"unit_id"}
