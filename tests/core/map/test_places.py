"""The place search ("go to") over the real Hà Nội basemap: streets, places and points of interest
found without accents, coordinates, the workspace's own sites, and hostile basemaps refused.

Most tests use a cut of the bundled basemap around Hoàn Kiếm (its real z14 tiles copied into a
small MBTiles), so the index is built in a moment."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldsurvey.cli.main import main
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.map import places
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from tests.helpers.basemap import COLUMNS, ROWS, cut_basemap


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("places")
    return places.build_index(cut_basemap(folder / "cut.mbtiles"), folder / "cache")


def near(place: places.Place, lat: float, lon: float, metres: float) -> bool:
    return distance_m(place.lat, place.lon, lat, lon) < metres


def test_streets_places_and_points_are_found_without_accents(index: Path) -> None:
    hits = places.search(index, "hang bai")
    street = next(h for h in hits if h.kind == "street")
    assert street.name == "Phố Hàng Bài" and near(street, 21.0226, 105.8526, 300)
    lake = places.search(index, "ho hoan kiem")[0]
    assert (lake.name, lake.kind) == ("Hồ Hoàn Kiếm", "lake") and near(lake, 21.0288, 105.8524, 200)
    market = places.search(index, "cho hom")[0]
    assert market.name.startswith("Chợ Hôm") and market.kind == "marketplace"
    assert places.search(index, "CHỢ HÔM")[0] == market  # accents and case either way
    assert places.search(index, "đồng xuân")[0].name.startswith("Chợ Đồng Xuân") or any(
        h.name == "Phố Đồng Xuân" for h in places.search(index, "đồng xuân")
    )


def test_a_street_is_one_hit_not_one_per_tile(index: Path) -> None:
    hits = [h for h in places.search(index, "pho hang bai", limit=50) if h.name == "Phố Hàng Bài"]
    assert len(hits) == 1


def test_features_of_chosen_tiles_come_with_their_real_positions(tmp_path: Path) -> None:
    basemap = cut_basemap(tmp_path / "cut.mbtiles")
    lake_tile = places.tile_of(105.8524, 21.0288, 14)  # Hoàn Kiếm lake
    assert lake_tile[0] in COLUMNS and lake_tile[1] in ROWS
    found = list(places.tile_features(basemap, ["water_name", "poi"], tiles={lake_tile}))
    assert found and {f.tile for f in found} == {lake_tile}
    assert {f.layer for f in found} == {"water_name", "poi"}
    lake = next(f for f in found if places.feature_name(f.properties) == "Hồ Hoàn Kiếm")
    lon, lat = lake.parts[0][0]
    assert distance_m(lat, lon, 21.0288, 105.8524) < 200
    assert places.tile_of(lon, lat, 14) == lake_tile
    named = list(places.tile_features(basemap, ["poi"], tiles={lake_tile}, named_only=True))
    assert named and all(places.feature_name(f.properties) for f in named)
    assert len(named) < sum(f.layer == "poi" for f in found)


def test_coordinates_in_the_editors_forms_are_a_hit(index: Path) -> None:
    for text in ("21.0285, 105.8542", "21°01'42.6\"N 105°51'15.1\"E"):
        first = places.search(index, text)[0]
        assert first.kind == "coordinates" and near(first, 21.0285, 105.8542, 5)


def test_nothing_typed_or_nothing_found_is_an_empty_answer(index: Path) -> None:
    assert places.search(index, "   ") == []
    assert places.search(index, "zzqxw") == []
    assert places.search(index, '" OR * NEAR(') == []  # search syntax is text, never a query


def test_the_index_is_built_once_and_reused(tmp_path: Path, index: Path) -> None:
    basemap = cut_basemap(tmp_path / "cut.mbtiles")
    first = places.build_index(basemap, tmp_path / "cache")
    stamp = first.stat().st_mtime_ns
    assert places.build_index(basemap, tmp_path / "cache") == first
    assert first.stat().st_mtime_ns == stamp


def test_a_cancelled_build_leaves_no_index(tmp_path: Path) -> None:
    basemap = cut_basemap(tmp_path / "cut.mbtiles")
    with pytest.raises(Cancelled):
        places.build_index(basemap, tmp_path / "cache", cancel=lambda: True)
    assert list((tmp_path / "cache").glob("*")) == []


@pytest.mark.parametrize(
    "content",
    [b"not a basemap at all", b"SQLite format 3\x00" + os.urandom(2000)],
    ids=["text", "damaged"],
)
def test_a_file_that_is_not_a_basemap_is_refused(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.mbtiles"
    bad.write_bytes(content)
    with pytest.raises(FieldSurveyError) as caught:
        places.build_index(bad, tmp_path / "cache")
    assert "bản đồ nền" in caught.value.text("vi")
    assert not (tmp_path / "cache").exists() or list((tmp_path / "cache").glob("*")) == []


def test_hostile_tiles_are_skipped_and_the_rest_indexed(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\x00" * (64 * 1024 * 1024))  # 64 MB of nothing in 64 kB
    garbage = os.urandom(5000)
    basemap = cut_basemap(
        tmp_path / "cut.mbtiles", extra=((13100, 7300, bomb), (13101, 7300, garbage))
    )
    built = places.build_index(basemap, tmp_path / "cache")
    assert places.search(built, "hang bai")


def test_the_workspaces_sites_are_found_too(workspace: Workspace) -> None:
    site = {"name": "Chợ Hàng Da", "category": "market", "lat": 21.0325, "lon": 105.8466}
    workspace.insert("sites", site)
    workspace.insert("sites", {"name": "Chợ không tọa độ", "category": "market"})
    hits = places.workspace_places(workspace.db, "cho hang da")
    assert [(h.name, h.kind) for h in hits] == [("Chợ Hàng Da", "site")]


def test_the_command_prints_one_object_per_hit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDSURVEY_HOME", str(tmp_path))
    basemap = cut_basemap(tmp_path / "cut.mbtiles")
    result = CliRunner().invoke(
        main, ["places", "hang bai", "--json", "--basemap", str(basemap)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    hits = [json.loads(line) for line in lines]
    assert {"name", "kind", "lat", "lon"} <= set(hits[0])
    assert any(h["name"] == "Phố Hàng Bài" for h in hits)
