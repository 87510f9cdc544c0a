"""The demo's sites are real places of Hà Nội: in the commune the places file records for them,
at real junctions of the bundled basemap's streets, with cameras on dry ground around them; the
city demo repeats them without stacking them on one point."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from collections import defaultdict

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.demo.data import FEATURED, RealPlace, real_places
from fieldsurvey.core.demo.generator import _Recipe
from fieldsurvey.core.geo import bearing_and_distance, destination, offset_m
from fieldsurvey.core.map import places as basemap_places
from fieldsurvey.core.map import streets
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold

Point = tuple[float, float]


def _place_of(name: str) -> RealPlace:
    return next(p for p in real_places() if p.name == name)


def _tiles_near(lon: float, lat: float, metres: float) -> set[tuple[int, int]]:
    """The z14 tiles of the points within ``metres`` of (lon, lat)."""
    out = set()
    for bearing in range(0, 360, 45):
        to_lat, to_lon = destination(lat, lon, metres, bearing)
        out.add(basemap_places.tile_of(to_lon, to_lat, 14))
    out.add(basemap_places.tile_of(lon, lat, 14))
    return out


def _to_segment_m(lon: float, lat: float, a: Point, b: Point) -> float:
    ax, ay = offset_m(lat, lon, a[1], a[0])
    bx, by = offset_m(lat, lon, b[1], b[0])
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return float(((ax + t * dx) ** 2 + (ay + t * dy) ** 2) ** 0.5)


def test_the_places_file_is_whole_and_every_place_lies_in_its_commune(
    workspace: Workspace,
) -> None:
    places = real_places()
    assert 300 <= len(places) <= 1000
    assert len({fold(p.name) for p in places}) == len(places), "one place per name"
    assert {p.category for p in places} == set(vocabulary.codes("site_category"))
    assert set(FEATURED) <= {p.name for p in places}
    for place in places:
        assert reference.commune_at(workspace.db, place.lon, place.lat) == place.commune_code
        assert place.dry_ground, place.name
        assert not re.search(r"\s{2}|^\s|\s$", place.name)
        assert place.name[0].isupper(), place.name


def test_every_demo_site_is_a_real_place_in_the_commune_recorded_for_it(demo: Workspace) -> None:
    sites = demo.db.execute("SELECT name, category, lon, lat, commune_code FROM sites").fetchall()
    assert len(sites) == 300
    for name, category, lon, lat, commune in sites:
        place = _place_of(name)
        assert (category, lon, lat) == (place.category, place.lon, place.lat)
        assert reference.commune_at(demo.db, lon, lat) == place.commune_code == commune
    assert set(FEATURED) <= {row[0] for row in sites}


def test_every_junction_is_two_streets_that_meet_in_the_basemap(demo: Workspace) -> None:
    junctions = [
        _place_of(name)
        for (name,) in demo.db.execute("SELECT name FROM sites WHERE category = 'traffic_route'")
    ]
    assert len(junctions) >= 20
    tiles = set().union(*(_tiles_near(p.lon, p.lat, 40) for p in junctions))
    lines: dict[str, list[list[Point]]] = defaultdict(list)
    for feature in basemap_places.tile_features(
        streets.bundled_path(), ["transportation_name"], tiles=tiles, named_only=True
    ):
        name = basemap_places.feature_name(feature.properties)
        assert name is not None
        lines[fold(name)].extend(feature.parts)

    def nearest_m(street: str, lon: float, lat: float) -> float:
        return min(
            (
                _to_segment_m(lon, lat, a, b)
                for line in lines[fold(street)]
                for a, b in itertools.pairwise(line)
            ),
            default=float("inf"),
        )

    for junction in junctions:
        first, second = junction.street, junction.cross_street
        assert first and second and fold(first) != fold(second), junction.name
        shown = junction.name.removeprefix("Nút giao ").split(" – ")
        assert len(shown) == 2 and first.endswith(shown[0]) and second.endswith(shown[1])
        # Both streets pass within 15 m of the junction, so within 30 m of each other.
        assert nearest_m(first, junction.lon, junction.lat) <= 15, (junction.name, first)
        assert nearest_m(second, junction.lon, junction.lat) <= 15, (junction.name, second)


def test_cameras_stand_near_their_site_on_dry_ground_and_look_about_it(
    demo: Workspace,
) -> None:
    cameras = demo.db.execute(
        "SELECT c.lon, c.lat, c.views, s.lon, s.lat, s.category FROM cameras c "
        "JOIN sites s ON s.id = c.site_id WHERE c.name NOT LIKE '%(khảo sát lại)'"
    ).fetchall()
    looking_at_site = 0
    by_lake: list[Point] = []
    for lon, lat, views, site_lon, site_lat, category in cameras:
        towards, metres = bearing_and_distance(lat, lon, site_lat, site_lon)
        assert 3 <= metres <= 55
        directions = [view["direction"] for view in json.loads(views)]
        turns = [abs((d - towards + 180) % 360 - 180) for d in directions]
        looking_at_site += min(turns) <= 45
        if category == "scenic_spot":
            by_lake.append((lon, lat))
    assert looking_at_site >= len(cameras) // 2
    # The lakes' cameras stand on their shores, not in the water.
    assert len(by_lake) >= 10
    tiles = set().union(*(_tiles_near(lon, lat, 0) for lon, lat in by_lake))
    water = [
        feature.parts
        for feature in basemap_places.tile_features(streets.bundled_path(), ["water"], tiles=tiles)
    ]
    wet = [
        (lon, lat)
        for lon, lat in by_lake
        if any(reference.point_in_rings(lon, lat, rings) for rings in water)
    ]
    assert len(wet) <= len(by_lake) // 10, wet


def test_the_city_demo_repeats_places_in_their_commune_without_stacking_them(
    workspace: Workspace,
) -> None:
    recipe = _Recipe(workspace, random.Random(3), "city", dt.date(2026, 3, 2))
    recipe.units()
    count = len(real_places()) + 200
    sites = recipe.sites(count, featured=False)
    assert len(sites) == count
    first = {s["name"] for s in sites[: len(real_places())]}
    assert first == {p.name for p in real_places()}, "every place once before any repeat"
    repeats = sites[len(real_places()) :]
    numbers: dict[str, list[int]] = defaultdict(list)
    for site in repeats:
        found = re.fullmatch(r"(.+) \(điểm (\d+)\)", site["name"])
        assert found is not None, site["name"]
        place = _place_of(found.group(1))
        numbers[place.name].append(int(found.group(2)))
        assert site["category"] == place.category
        assert site["commune_code"] == place.commune_code
        assert reference.commune_at(workspace.db, site["lon"], site["lat"]) == place.commune_code
    assert all(sorted(n) == list(range(2, len(n) + 2)) for n in numbers.values())
    # Spread over their communes, not piled on the places.
    points = {(s["lon"], s["lat"]) for s in repeats}
    assert len(points) == len(repeats)
    assert not points & {(p.lon, p.lat) for p in real_places()}


def test_the_places_file_says_where_it_comes_from() -> None:
    sources = (resource_path("demo", "SOURCES.md")).read_text(encoding="utf-8")
    for needed in ("OpenStreetMap", "ODbL", "scripts/extract_demo_places.py", "places.csv"):
        assert needed in sources
