"""The duplicate finder: planted duplicates are found, far or differently-aimed cameras not."""

from __future__ import annotations

import json
from typing import Any

from fieldsurvey.core.duplicates import find_duplicates
from fieldsurvey.core.workspace import Workspace


def test_every_planted_duplicate_of_the_demo_is_found(demo: Workspace) -> None:
    planted = {tuple(sorted(p)) for p in json.loads(demo.setting("demo_planted_duplicates") or "")}
    pairs = find_duplicates(demo.db)
    found = {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in pairs}
    assert planted <= found
    assert all(0 <= p["score"] <= 1 and p["reasons"] for p in pairs)
    scores = [p["score"] for p in pairs]
    assert scores == sorted(scores, reverse=True)


def test_distance_and_direction_decide(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Nút giao Kim Mã", "category": "traffic_route"})

    def camera(lat: float, direction: float, **extra: Any) -> str:
        return workspace.insert(
            "cameras",
            {
                "site_id": site,
                "lat": lat,
                "lon": 105.8200,
                "camera_type": "fixed",
                "mount": "pole",
                "location_accuracy_m": 5,
                "views": [{"direction": direction, "angle": 60}],
                **extra,
            },
        )

    original = camera(21.030000, 90, ref="INV-7")
    copy = camera(21.030030, 95)  # 3.3 m north, looking the same way
    camera(21.030010, 270)  # on the same pole, looking the other way
    camera(21.031000, 90)  # 111 m away
    pairs = find_duplicates(workspace.db)
    assert [(p["a"]["id"], p["b"]["id"]) for p in pairs] == [tuple(sorted((original, copy)))]
    pair = pairs[0]
    refs = {pair["a"]["id"]: pair["a"]["ref"], pair["b"]["id"]: pair["b"]["ref"]}
    assert refs == {original: "INV-7", copy: None}


def test_duplicates_command_prints_one_object_per_pair(run_cli: Any, demo_file: Any) -> None:
    result = run_cli("duplicates", "--db", str(demo_file), "--json")
    assert result.returncode == 0, result.stderr
    pairs = [json.loads(line) for line in result.stdout.splitlines()]
    assert pairs and all({"a", "b", "score", "reasons"} <= p.keys() for p in pairs)
    assert all({"id", "ref"} <= p["a"].keys() for p in pairs)
