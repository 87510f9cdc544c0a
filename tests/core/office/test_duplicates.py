"""The duplicate finder: planted duplicates are found, far or differently-aimed cameras not."""

from __future__ import annotations

import json
import math
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import METRES_PER_DEGREE, destination, distance_m
from fieldsurvey.core.office.duplicate_photos import PHOTO_HASH_DISTANCE, difference_hash
from fieldsurvey.core.office.duplicate_sites import find_duplicate_sites
from fieldsurvey.core.office.duplicates import (
    MAX_RADIUS_M,
    cone_overlap,
    find_duplicates,
    find_workspace_duplicates,
    mark_not_duplicate,
)
from fieldsurvey.core.office.inventory import import_inventory
from fieldsurvey.core.office.merging import compare_cameras, is_empty, merge_cameras, merge_order
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import CHANGE_COLUMNS, READ_CHANGE, Workspace
from fieldsurvey.core.sync.merge import apply_changes
from fieldsurvey.core.views import ALL_ROUND, view_cones
from tests.helpers import DATA

INVENTORY = DATA / "inventory" / "osm_cameras.csv"


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


def test_pairs_involving_a_camera_are_found_across_a_cell_border(workspace: Workspace) -> None:
    """The involved camera has the larger id and lies in the next cell of the grid: its pair
    with the camera across the border is still found."""
    site = workspace.insert("sites", {"name": "Chợ Đồng Xuân", "category": "market"})
    cell = MAX_RADIUS_M / METRES_PER_DEGREE
    border = (math.floor(21.0380 / cell) + 1) * cell
    ids = []
    for record_id, lat in (
        ("00000000-0000-4000-8000-000000000001", border - 0.00001),  # 1.1 m south of it
        ("ffffffff-ffff-4fff-bfff-ffffffffffff", border + 0.00001),  # 1.1 m north of it
    ):
        values = {
            "site_id": site,
            "lat": lat,
            "lon": 105.8497,
            "camera_type": "dome",
            "mount": "wall",
            "location_accuracy_m": 5,
            "views": [{"direction": 180, "angle": 90}],
        }
        ids.append(workspace.insert("cameras", values, record_id=record_id))
    everything = find_duplicates(workspace.db)
    assert [(p["a"]["id"], p["b"]["id"]) for p in everything] == [tuple(ids)]
    for one in ids:
        involving = find_duplicates(workspace.db, involving={one})
        assert [(p["a"]["id"], p["b"]["id"]) for p in involving] == [tuple(ids)], one


def test_duplicates_command_prints_one_object_per_pair(run_cli: Any, demo_file: Any) -> None:
    result = run_cli("duplicates", "--db", str(demo_file), "--json")
    assert result.returncode == 0, result.stderr
    pairs = [json.loads(line) for line in result.stdout.splitlines()]
    assert pairs and all({"a", "b", "score", "reasons"} <= p.keys() for p in pairs)
    assert all({"id", "ref"} <= p["a"].keys() for p in pairs)


def _planted(ws: Workspace) -> set[tuple[str, ...]]:
    return {tuple(sorted(p)) for p in json.loads(ws.setting("demo_planted_duplicates") or "")}


def test_the_demo_gives_its_planted_duplicates_and_few_others(demo: Workspace) -> None:
    pairs = find_workspace_duplicates(demo)
    found = {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in pairs}
    planted = _planted(demo)
    assert planted <= found
    # Precision: the demo's ~1,000 cameras crowd around 300 sites, yet the list stays short.
    assert len(found - planted) <= len(planted) // 2
    # The planted ones rank above every other pair but a couple.
    top = {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in pairs[: len(planted) + 2]}
    assert planted <= top


def test_only_pairs_involving_given_cameras(demo: Workspace) -> None:
    planted = sorted(_planted(demo))
    some = {planted[0][0]}
    pairs = find_workspace_duplicates(demo, involving=some)
    assert pairs
    assert all(some & {p["a"]["id"], p["b"]["id"]} for p in pairs)
    assert tuple(sorted((pairs[0]["a"]["id"], pairs[0]["b"]["id"]))) == planted[0]


def test_cone_overlap() -> None:
    assert cone_overlap([(90, 60)], [(90, 60)]) == 1
    assert cone_overlap([(90, 60)], [(270, 60)]) == 0
    assert cone_overlap([(355, 40)], [(5, 40)]) == pytest.approx(30 / 50)  # across north
    assert cone_overlap([(0, 360)], [(123, 90)]) == pytest.approx(90 / 360)
    assert cone_overlap([(10, 40), (200, 40)], [(190, 40)]) == pytest.approx(30 / 50)


def test_not_a_duplicate_is_never_proposed_again_and_travels(
    demo: Workspace, demo_file: Path, tmp_path: Path
) -> None:
    a, b = sorted(_planted(demo))[0]
    decision = mark_not_duplicate(demo, "cameras", b, a, note="Hai camera trên cùng cột.")
    assert mark_not_duplicate(demo, "cameras", a, b) == decision  # decided once
    found = {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in find_workspace_duplicates(demo)}
    assert (a, b) not in found
    assert _planted(demo) - {(a, b)} <= found
    history = demo.history("not_duplicates", decision)
    assert history[0]["op"] == "insert" and history[0]["fields"]["record_a"][1] == a
    # Another workspace that receives the change through sync stops proposing the pair too.
    other_path = tmp_path / "office.sqlite"
    other_path.write_bytes(demo_file.read_bytes())
    with Workspace.open(other_path, user="office") as other:
        changes = [
            dict(zip(CHANGE_COLUMNS, row, strict=True), fields=json.loads(row[-1]))
            for row in demo.db.execute(
                f"SELECT {READ_CHANGE} FROM changes WHERE table_name = ?",
                ["not_duplicates"],
            )
        ]
        with other.transaction():
            apply_changes(other, changes)
        pairs = find_workspace_duplicates(other)
        assert (a, b) not in {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in pairs}


def test_not_a_duplicate_refuses_nonsense(demo: Workspace) -> None:
    a, _ = sorted(_planted(demo))[0]
    before = demo.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    for table, x, y in (("cameras", a, a), ("needs", a, a), ("cameras", a, "no-such-camera")):
        with pytest.raises(ValidationError):
            mark_not_duplicate(demo, table, x, y)
    assert demo.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_difference_hash_tells_alike_from_different(tmp_path: Path) -> None:
    source = DATA / "photos" / "pillow" / "hopper_orientation_3.jpg"
    smaller = tmp_path / "smaller.jpg"
    with Image.open(source) as image:
        image.convert("RGB").resize((64, 64)).save(smaller, quality=60)
    other = DATA / "photos" / "pillow" / "exif_gps.jpg"
    h1, h2, h3 = (difference_hash(p) for p in (source, smaller, other))
    assert h1 is not None and h2 is not None and h3 is not None
    assert (h1 ^ h2).bit_count() <= PHOTO_HASH_DISTANCE < (h1 ^ h3).bit_count()
    assert difference_hash(DATA / "gpx" / "not_xml.gpx") is None


def test_photos_that_look_alike_raise_the_score(demo: Workspace, demo_file: Path) -> None:
    shutil.copytree(photo_folder(demo_file), photo_folder(demo.path), dirs_exist_ok=True)
    photo_id, camera_id = demo.db.execute(
        "SELECT l.photo_id, l.record_id FROM photo_links AS l JOIN cameras AS c ON "
        "c.id = l.record_id WHERE l.record_table = 'cameras' AND c.condition != 'removed' "
        "ORDER BY l.record_id LIMIT 1"
    ).fetchone()
    camera = demo.get("cameras", camera_id)
    copy = demo.insert(
        "cameras",
        {
            "site_id": camera["site_id"],
            "lat": camera["lat"] + 0.00012,  # 13 m north
            "lon": camera["lon"],
            "location_accuracy_m": 15,
            "camera_type": camera["camera_type"],
            "views": camera["views"],
        },
    )

    def pair() -> dict[str, Any] | None:
        pairs = find_workspace_duplicates(demo, 0.3, involving={copy})
        return next((p for p in pairs if camera_id in (p["a"]["id"], p["b"]["id"])), None)

    without = pair()
    demo.insert("photo_links", {"photo_id": photo_id, "record_table": "cameras", "record_id": copy})
    with_photo = pair()
    assert with_photo is not None
    assert any("photos look alike" in r.text("en") for r in with_photo["reasons"])
    assert without is None or with_photo["score"] > without["score"]


def test_duplicate_sites_by_folded_name_and_distance(workspace: Workspace) -> None:
    def site(name: str, lat: float, category: str = "market") -> str:
        return workspace.insert(
            "sites", {"name": name, "category": category, "lat": lat, "lon": 105.8495}
        )

    original = site("Chợ Đồng Xuân", 21.0380)
    typed = site("cho dong xuan", 21.0383)  # 33 m away, typed without accents
    site("Chợ Hôm", 21.0381)  # another market next door
    site("Chợ Đồng Xuân", 21.0580)  # same name, 2 km away
    pairs = find_duplicate_sites(workspace.db)
    assert [tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in pairs] == [
        tuple(sorted((original, typed)))
    ]
    mark_not_duplicate(workspace, "sites", original, typed)
    assert find_duplicate_sites(workspace.db) == []


def test_merge_keeps_chosen_values_and_both_cameras_photos(demo: Workspace) -> None:
    linked = [
        row[0]
        for row in demo.db.execute(
            "SELECT record_id FROM photo_links WHERE record_table = 'cameras' ORDER BY record_id"
        )
    ]
    keep, other = linked[0], linked[1]
    demo.update("cameras", other, {"ref": "INV-42", "height_m": 7.5})
    shortcoming = demo.insert(
        "shortcomings",
        {"site_id": demo.get("cameras", other)["site_id"], "camera_id": other, "kind": "broken"},
    )
    need = demo.db.execute("SELECT id, site_id FROM needs LIMIT 1").fetchone()
    demo.update("needs", need[0], {"reuse_camera_ids": [other, keep]})
    rows = {r["field"]: r for r in compare_cameras(demo, keep, other)}
    assert rows["ref"]["b"] == "INV-42" and rows["ref"]["a"] is None
    assert rows["camera_type"]["a"] is not None
    assert len(rows["photos"]["a"]) == len(rows["photos"]["b"]) == 1
    photos = rows["photos"]["a"] + rows["photos"]["b"]
    kept_before = demo.get("cameras", keep)
    changes_before = demo.db.execute("SELECT count(*) FROM changes").fetchone()[0]

    moved = merge_cameras(demo, keep, other, {"height_m": "other", "name": "keep"})

    merged = demo.get("cameras", keep)
    assert merged["height_m"] == 7.5
    assert merged["ref"] == "INV-42"  # empty on the kept camera: the other's value fills it
    assert merged["name"] == kept_before["name"]
    assert demo.get("cameras", other, include_deleted=True)["deleted"] == 1
    linked_now = {
        row[0]
        for row in demo.db.execute(
            "SELECT photo_id FROM photo_links WHERE record_table = 'cameras' AND record_id = ? "
            "AND deleted = 0",
            [keep],
        )
    }
    assert linked_now == set(photos)
    assert demo.get("shortcomings", shortcoming)["camera_id"] == keep
    assert json.loads(demo.get("needs", need[0])["reuse_camera_ids"]) == [keep]
    assert moved["photos"] == 1 and moved["shortcomings"] >= 1 and moved["needs"] == 1
    # Everything went through the write path: it is in the history, so it syncs.
    assert demo.history("cameras", other)[-1]["op"] == "delete"
    assert demo.db.execute("SELECT count(*) FROM changes").fetchone()[0] > changes_before + 4


def test_empty_means_null_empty_text_or_empty_list() -> None:
    assert all(is_empty(v) for v in (None, "", "[]"))
    assert not any(is_empty(v) for v in (0, 0.0, "0", "[1]", '["ptz"]', " "))


def test_a_merge_keeps_the_fuller_camera_and_on_a_tie_the_first_recorded(
    workspace: Workspace,
) -> None:
    site = workspace.insert("sites", {"name": "Ngã tư Sở", "category": "traffic_route"})
    sparse = workspace.insert("cameras", {"site_id": site, "name": "Góc đông"})
    full = workspace.insert(
        "cameras",
        {"site_id": site, "name": "Góc tây", "camera_type": "ptz", "height_m": 6, "ref": "A"},
    )
    assert merge_order(workspace, sparse, full) == (full, sparse)
    assert merge_order(workspace, full, sparse) == (full, sparse)
    # As full as each other: the one recorded first is kept, whichever is named first.
    workspace.update("cameras", sparse, {"camera_type": "fixed", "height_m": 4, "ref": "B"})
    assert merge_order(workspace, full, sparse) == (sparse, full)
    assert merge_order(workspace, sparse, full) == (sparse, full)
    # Emptying a value of the first one tips the balance back.
    workspace.update("cameras", sparse, {"ref": None})
    assert merge_order(workspace, sparse, full) == (full, sparse)
    with pytest.raises(ValidationError):
        merge_order(workspace, sparse, "no-such-camera")


def test_a_refused_merge_changes_nothing(demo: Workspace) -> None:
    a, b = sorted(_planted(demo))[0]
    before = demo.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    for choices in ({"height_m": "both"}, {"no_such_field": "other"}):
        with pytest.raises(ValidationError):
            merge_cameras(demo, a, b, choices)
    with pytest.raises(ValidationError):
        merge_cameras(demo, a, a)
    with pytest.raises(ValidationError):
        merge_cameras(demo, a, "no-such-camera")
    assert demo.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert not demo.get("cameras", b)["deleted"]


# -- real cameras and their copies --------------------------------------------------------------


def _copies_of_real_cameras(ws: Workspace, seed: int) -> tuple[list[dict[str, Any]], list[str]]:
    """The real OpenStreetMap cameras imported as an owner's list, and a second list holding a
    copy of each: moved by up to 6 m, each bearing turned by up to ±10°, a new reference."""
    report = import_inventory(ws, INVENTORY)
    originals = [ws.get("cameras", i) for i in report.camera_ids]
    rng = random.Random(seed)
    copied = ("site_id", "name", "owner_unit_id", "camera_type", "mount", "height_m")
    with ws.transaction():
        second = ws.insert("inventory_imports", {"file_name": "ban_sao.csv", "format": "csv"})
        copies = []
        for n, original in enumerate(originals):
            lat, lon = destination(
                original["lat"], original["lon"], rng.uniform(0, 6), rng.uniform(0, 360)
            )
            views = [
                dict(view, direction=(view["direction"] + rng.uniform(-10, 10)) % 360)
                for view in json.loads(original["views"] or "[]")
            ]
            copies.append(
                {
                    **{name: original[name] for name in copied},
                    "lat": lat,
                    "lon": lon,
                    "views": views,
                    "ref": f"BS-{n:04d}",
                    "import_id": second,
                }
            )
        copy_ids = ws.insert_many("cameras", copies)
    return originals, copy_ids


def test_copies_of_real_cameras_are_found_and_neighbours_looking_other_ways_are_not(
    workspace: Workspace,
) -> None:
    originals, copy_ids = _copies_of_real_cameras(workspace, seed=17)
    copy_of = {o["id"]: c for o, c in zip(originals, copy_ids, strict=True)}
    true_pairs = {frozenset(p) for p in copy_of.items()}
    found = {frozenset((p["a"]["id"], p["b"]["id"])) for p in find_duplicates(workspace.db)}
    recall = len(true_pairs & found) / len(true_pairs)
    precision = len(true_pairs & found) / len(found)
    assert recall >= 0.95, recall
    assert precision >= 0.8, precision
    # Real neighbours a few metres apart looking different ways (two cameras of one pole or
    # one corner): neither they nor one of them and the other's copy are ever paired.
    cones = {o["id"]: view_cones(o["views"]) for o in originals}
    apart = [
        (a["id"], b["id"])
        for n, a in enumerate(originals)
        for b in originals[n + 1 :]
        if cones[a["id"]]
        and cones[b["id"]]
        and not {a["camera_type"], b["camera_type"]} & ALL_ROUND
        and distance_m(a["lat"], a["lon"], b["lat"], b["lon"]) < 6
        and cone_overlap(cones[a["id"]], cones[b["id"]]) == 0
    ]
    assert len(apart) >= 10
    for a, b in apart:
        for pair in ((a, b), (a, copy_of[b]), (copy_of[a], b)):
            assert frozenset(pair) not in found, pair


def test_two_records_at_one_spot_looking_opposite_ways_are_two_cameras(
    workspace: Workspace,
) -> None:
    site = workspace.insert("sites", {"name": "Ngã tư Cầu Giấy", "category": "traffic_route"})
    first = workspace.insert(
        "cameras",
        {"site_id": site, "lat": 21.0333, "lon": 105.8000, "views": [{"direction": 90}]},
    )
    turned = workspace.insert(
        "cameras",
        {"site_id": site, "lat": 21.0333, "lon": 105.8000, "views": [{"direction": 270}]},
    )
    bare = workspace.insert("cameras", {"site_id": site, "lat": 21.03332, "lon": 105.8000})
    pairs = {frozenset((p["a"]["id"], p["b"]["id"])): p for p in find_duplicates(workspace.db)}
    assert frozenset((first, turned)) not in pairs
    # Nothing else known about a record 2 m away: still proposed, and the reasons say so.
    for other in (first, turned):
        reasons = [r.text("vi") for r in pairs[frozenset((bare, other))]["reasons"]]
        assert any(r.startswith("chỉ biết vị trí") for r in reasons), reasons


def test_reasons_say_labels_not_codes(workspace: Workspace) -> None:
    site = workspace.insert("sites", {"name": "Chợ Hôm", "category": "market"})
    for lat in (21.0170, 21.01702):
        workspace.insert(
            "cameras",
            {
                "site_id": site,
                "lat": lat,
                "lon": 105.8510,
                "camera_type": "ptz",
                "mount": "traffic_signals",
            },
        )
    (pair,) = find_duplicates(workspace.db)
    for lang in ("vi", "en"):
        text = "; ".join(r.text(lang) for r in pair["reasons"])
        assert "ptz" not in text and "traffic_signals" not in text, text
        assert vocabulary.label("camera_mount", "traffic_signals", lang) in text
