"""A site moved on the map, alone or with its cameras (by the same offset), in one change set."""

from __future__ import annotations

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.store import placing
from fieldsurvey.core.store.workspace import Workspace


def site_with_cameras(ws: Workspace) -> tuple[str, list[str]]:
    site = ws.insert(
        "sites", {"name": "Chợ Hàng Da", "category": "market", "lat": 21.0325, "lon": 105.8466}
    )
    cameras = [
        ws.insert("cameras", {"site_id": site, "lat": 21.0326, "lon": 105.8467}),
        ws.insert("cameras", {"site_id": site, "lat": 21.0324, "lon": 105.8465}),
    ]
    ws.insert("cameras", {"site_id": site})  # no position: nothing to move
    return site, cameras


def test_a_site_moved_with_its_cameras_keeps_them_around_it(workspace: Workspace) -> None:
    site, cameras = site_with_cameras(workspace)
    assert placing.cameras_with_position(workspace.db, site) == 2
    moved = placing.move_site(workspace, site, 21.0330, 105.8470, with_cameras=True)
    assert moved == 2
    assert placing.position(workspace.db, "sites", site) == (21.0330, 105.8470)
    first = placing.position(workspace.db, "cameras", cameras[0])
    assert first == (pytest.approx(21.0331), pytest.approx(105.8471))
    assert workspace.get("cameras", cameras[1])["location_source"] == "map_pick"


def test_a_site_moved_alone_leaves_its_cameras(workspace: Workspace) -> None:
    site, cameras = site_with_cameras(workspace)
    assert placing.move_site(workspace, site, 21.0330, 105.8470, with_cameras=False) == 0
    assert placing.position(workspace.db, "cameras", cameras[0]) == (21.0326, 105.8467)


def test_a_refused_position_moves_nothing(workspace: Workspace) -> None:
    site, _ = site_with_cameras(workspace)
    changes = workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationError):
        placing.move_site(workspace, site, 95.0, 105.8470, with_cameras=True)
    assert placing.position(workspace.db, "sites", site) == (21.0325, 105.8466)
    assert workspace.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes


def test_where_a_record_is(workspace: Workspace) -> None:
    site, _ = site_with_cameras(workspace)
    assert placing.position(workspace.db, "sites", site) == (21.0325, 105.8466)
    assert placing.position(workspace.db, "needs", site) is None  # no need has that id
    assert placing.position(workspace.db, "units", site) is None  # units have no position
    assert placing.has_position("needs") and not placing.has_position("units")
    assert placing.position(workspace.db, "sites", "no-such-id") is None


def test_a_need_is_placed_without_a_source_it_does_not_keep(workspace: Workspace) -> None:
    site, _ = site_with_cameras(workspace)
    need = workspace.insert("needs", {"site_id": site, "camera_count": 2})
    placing.place_record(workspace, "needs", need, 21.03301234567, 105.8470, "map_pick")
    assert placing.position(workspace.db, "needs", need) == (21.0330123, 105.847)
