"""Merging duplicates: clusters of three in one step, sites with everything that hangs on them,
the values chosen per field, and many clusters at once after a preview."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.office.clusters import find_clusters, why_apart
from fieldsurvey.core.office.duplicates import mark_not_duplicate
from fieldsurvey.core.office.merging import (
    compare_records,
    default_choices,
    merge_clusters,
    merge_rank,
    merge_records,
    preview_clusters,
    preview_merge,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled


def _photo(ws: Workspace, name: str) -> str:
    return ws.insert(
        "photos", {"sha256": hashlib.sha256(name.encode()).hexdigest(), "file_name": name}
    )


def _link(ws: Workspace, photo: str, table: str, record: str) -> str:
    return ws.insert("photo_links", {"photo_id": photo, "record_table": table, "record_id": record})


def _live(ws: Workspace, sql: str, params: list[Any]) -> set[str]:
    return {row[0] for row in ws.db.execute(sql, params)}


def test_site_clusters_of_three_merge_in_one_step_with_every_child_record_kept(
    workspace: Workspace,
) -> None:
    ws = workspace
    names = ("Chợ Đồng Xuân", "cho dong xuan", "Chợ Đồng Xuân")
    sites = [
        ws.insert("sites", {"name": name, "category": "market", "lat": lat, "lon": 105.8495})
        for name, lat in zip(names, (21.0380, 21.0382, 21.0384), strict=True)
    ]
    ws.update("sites", sites[0], {"address": "Phố Đồng Xuân"})
    ws.insert("sites", {"name": "Chợ Hôm", "category": "market", "lat": 21.0381, "lon": 105.8496})
    cameras, shortcomings, needs, links = [], [], [], []
    shared = _photo(ws, "chung.jpg")
    for n, site in enumerate(sites):
        camera = ws.insert("cameras", {"site_id": site, "lat": 21.0380 + n / 1000, "lon": 105.85})
        cameras.append(camera)
        shortcomings.append(
            ws.insert("shortcomings", {"site_id": site, "camera_id": camera, "kind": "broken"})
        )
        needs.append(ws.insert("needs", {"site_id": site, "camera_count": n + 1}))
        links.append(_link(ws, _photo(ws, f"{n}.jpg"), "sites", site))
        _link(ws, shared, "sites", site)  # one photo linked to all three
    unit = ws.insert("units", {"name": "UBND phường Hoàn Kiếm", "kind": "other"})
    assignment = ws.insert("assignments", {"unit_id": unit, "site_ids": [sites[1], sites[2]]})

    (cluster,) = find_clusters(ws, "sites")
    assert cluster["ids"] == sorted(sites) and cluster["apart"] is None
    assert len(cluster["pairs"]) == 3
    order = merge_rank(ws, "sites", cluster["ids"])
    assert order[0] == sites[0]  # the one with an address: the most complete
    moved = merge_records(ws, "sites", order)

    keep = sites[0]
    assert moved["records"] == 2 and moved["cameras"] == 2 and moved["shortcomings"] == 2
    assert moved["needs"] == 2 and moved["assignments"] == 2  # once for each site it named
    for gone in sites[1:]:
        assert ws.get("sites", gone, include_deleted=True)["deleted"] == 1
        assert ws.history("sites", gone)[-1]["op"] == "delete"
    assert {ws.get("cameras", c)["site_id"] for c in cameras} == {keep}
    assert {ws.get("shortcomings", s)["site_id"] for s in shortcomings} == {keep}
    assert [ws.get("shortcomings", s)["camera_id"] for s in shortcomings] == cameras
    assert {ws.get("needs", n)["site_id"] for n in needs} == {keep}
    assert json.loads(ws.get("assignments", assignment)["site_ids"]) == [keep]
    photos = _live(
        ws,
        "SELECT photo_id FROM photo_links WHERE record_table = 'sites' AND record_id = ? "
        "AND deleted = 0",
        [keep],
    )
    assert len(photos) == 4  # each site's own photo, and the shared one once
    assert {ws.get("photo_links", link)["record_id"] for link in links} == {keep}
    assert find_clusters(ws, "sites") == []


def _camera(ws: Workspace, site: str, lat: float, **values: Any) -> str:
    return ws.insert(
        "cameras",
        {
            "site_id": site,
            "lat": lat,
            "lon": 105.8200,
            "location_accuracy_m": 5,
            "camera_type": "fixed",
            "mount": "pole",
            "views": [{"direction": 90, "angle": 60}],
            **values,
        },
    )


def test_camera_clusters_of_three_merge_in_one_step_choosing_per_field(
    workspace: Workspace,
) -> None:
    ws = workspace
    site = ws.insert("sites", {"name": "Nút giao Kim Mã", "category": "traffic_route"})
    a = _camera(ws, site, 21.03000, name="Kim Mã 1", height_m=6)
    b = _camera(ws, site, 21.03002, resolution_mp=4, ref="KM-1")
    c = _camera(ws, site, 21.03004, name="Camera Kim Mã", install_year=2019)
    need = ws.insert("needs", {"site_id": site, "reuse_camera_ids": [c, b]})
    item = ws.insert("plan_items", {"decision": "reuse", "camera_id": c, "state": "proposed"})
    shortcoming = ws.insert("shortcomings", {"site_id": site, "camera_id": b, "kind": "broken"})
    (cluster,) = find_clusters(ws, "cameras")
    assert cluster["ids"] == sorted((a, b, c))

    rows = {r["field"]: r["values"] for r in compare_records(ws, "cameras", [a, b, c])}
    assert rows["name"] == ["Kim Mã 1", None, "Camera Kim Mã"]
    assert default_choices(ws, "cameras", a, [b, c])["resolution_mp"] == b
    preview = preview_merge(ws, "cameras", [a, b, c], {"name": c})
    assert preview["values"]["name"] == {"from": c, "value": "Camera Kim Mã"}
    assert preview["values"]["ref"] == {"from": b, "value": "KM-1"}
    assert preview["values"]["install_year"]["value"] == 2019
    assert "height_m" not in preview["values"]  # the kept camera's own value stands

    merge_records(ws, "cameras", [a, b, c], {"name": c})
    kept = ws.get("cameras", a)
    assert (kept["name"], kept["ref"], kept["resolution_mp"], kept["height_m"]) == (
        "Camera Kim Mã",
        "KM-1",
        4,
        6,
    )
    assert kept["install_year"] == 2019
    assert json.loads(ws.get("needs", need)["reuse_camera_ids"]) == [a]
    assert ws.get("plan_items", item)["camera_id"] == a
    assert ws.get("shortcomings", shortcoming)["camera_id"] == a
    assert all(ws.get("cameras", i, include_deleted=True)["deleted"] for i in (b, c))
    with pytest.raises(ValidationError):
        merge_records(ws, "cameras", [a, a])
    with pytest.raises(ValidationError):
        preview_merge(ws, "needs", [a, b])


def test_high_confidence_clusters_merge_at_once_after_a_preview(workspace: Workspace) -> None:
    ws = workspace
    site = ws.insert("sites", {"name": "Ngã tư Sở", "category": "traffic_route"})
    trio = [_camera(ws, site, 21.00300 + n * 0.00001, height_m=5) for n in range(3)]
    pair = [_camera(ws, site, 21.00500 + n * 0.00002) for n in range(2)]
    # Near each other but not sure: only the position is known.
    loose = [
        ws.insert("cameras", {"site_id": site, "lat": 21.00700 + n * 0.00003, "lon": 105.82})
        for n in range(2)
    ]
    # Three alike, two of which a supervisor said are two cameras.
    decided = [_camera(ws, site, 21.01100 + n * 0.00001) for n in range(3)]
    mark_not_duplicate(ws, "cameras", decided[0], decided[2])
    # Two cameras one list tells apart by their references, and a record beside them: it pairs
    # surely with the nearer one only.
    listed = ws.insert("inventory_imports", {"file_name": "cong_an.csv", "format": "csv"})
    apart = [
        _camera(ws, site, 21.00900 + n * 0.00002, ref=f"CA-{n}", import_id=listed) for n in range(2)
    ]
    beside = _camera(ws, site, 21.009005)

    previews = preview_clusters(ws, "cameras", 0.9)
    merged = [p for p in previews if p["merge"]]
    skipped = [p for p in previews if not p["merge"]]
    assert sorted(sorted(p["cluster"]["ids"]) for p in merged) == sorted(
        [sorted(trio), sorted(pair), sorted((apart[0], beside))]
    )
    assert all(p["cluster"]["score"] >= 0.9 for p in previews)
    assert not {*loose} & {i for p in previews for i in p["cluster"]["ids"]}
    assert [sorted(p["cluster"]["ids"]) for p in skipped] == [sorted(decided)]
    assert "không trùng" in skipped[0]["skipped"].text("vi")
    # Less sure, the record beside joins both cameras of the list: not merged at once.
    loose_clusters = {tuple(c["ids"]): c for c in find_clusters(ws, "cameras", 0.5)}
    together = loose_clusters[tuple(sorted((*apart, beside)))]
    assert "CA-0" in together["apart"].text("vi") and "CA-1" in together["apart"].text("vi")
    assert why_apart(ws, "cameras", [beside, *apart]) == together["apart"]
    assert why_apart(ws, "cameras", [beside, apart[0]]) is None
    assert "không trùng" in str(why_apart(ws, "cameras", decided))

    before = ws.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(Cancelled):
        merge_clusters(ws, previews, cancel=lambda: True)
    assert ws.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    steps: list[int] = []
    total = merge_clusters(ws, previews, progress=lambda done, _all, _what: steps.append(done))
    assert total["clusters"] == 3 and total["records"] == 4
    assert steps[-1] == 3
    live = _live(ws, "SELECT id FROM cameras WHERE deleted = 0", [])
    assert len(live & set(trio)) == 1 and len(live & set(pair)) == 1
    assert set(loose) | set(decided) | {apart[1]} <= live
    assert len(live & {apart[0], beside}) == 1


def test_the_commands_list_clusters_and_merge_the_sure_ones(
    run_cli: Any, demo_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "office.sqlite"
    db.write_bytes(demo_file.read_bytes())
    result = run_cli("duplicates", "--db", str(db), "--clusters", "--json")
    assert result.returncode == 0, result.stderr
    clusters = [json.loads(line) for line in result.stdout.splitlines()]
    assert clusters and all({"ids", "pairs", "score", "apart"} <= c.keys() for c in clusters)
    assert all(len(c["ids"]) >= 2 for c in clusters)

    def merge(*extra: str) -> list[dict[str, Any]]:
        result = run_cli(
            "merge-duplicates", "--db", str(db), "--min-score", "0.9", "--json", *extra
        )
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    dry = merge("--dry-run")
    assert dry[-1]["kind"] == "summary" and dry[-1]["dry_run"] and dry[-1]["clusters"] > 0
    sure = [c for c in dry if c["kind"] == "cluster" and c["keep"]]
    assert len(sure) == dry[-1]["clusters"]
    for cluster in sure:
        for change in cluster["values"].values():
            assert change["from"] in cluster["others"]
    with Workspace.open(db) as ws:
        assert all(not ws.get("cameras", i)["deleted"] for c in sure for i in c["ids"])
    real = merge()
    assert real[:-1] == dry[:-1]
    assert real[-1]["merged"]["clusters"] == len(sure)
    with Workspace.open(db) as ws:
        for cluster in sure:
            assert not ws.get("cameras", cluster["keep"])["deleted"]
            for other in cluster["others"]:
                assert ws.get("cameras", other, include_deleted=True)["deleted"]
    again = merge("--dry-run")
    assert again[-1]["clusters"] == 0
