"""Hà Nội reference data: official lists, old→new table, boundaries and the point lookup."""

from __future__ import annotations

import csv
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fieldsurvey.core import reference
from fieldsurvey.core.reference import (
    GAP_TOLERANCE_M,
    boundary_geojson,
    bundled_communes,
    commune_at,
    commune_name,
    communes,
    distance_to_rings_m,
    district_of_ward,
    install_reference_data,
    point_in_rings,
    successors,
)
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.text import fold

HOAN_KIEM_LAKE = (105.8524, 21.0288)
HO_CHI_MINH_MAUSOLEUM = (105.8346, 21.0368)
HO_CHI_MINH_CITY = (106.70, 10.78)


def _csv(name: str) -> list[dict[str, str]]:
    with resource_path("reference", name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite_utils.Database]:
    database = sqlite_utils.Database(tmp_path_factory.mktemp("reference") / "workspace.db")
    with database.atomic():
        install_reference_data(database)
    yield database
    database.close()


def _units(db: sqlite_utils.Database, level: str) -> dict[str, tuple[str, str, str | None, int]]:
    rows = db.execute(
        "SELECT code, name, type, parent_code, current FROM admin_units WHERE level = ?", (level,)
    )
    return {code: (name, kind, parent, current) for code, name, kind, parent, current in rows}


# --- the bundled files ---------------------------------------------------------------------


def test_bundled_files_are_the_projects_copies() -> None:
    folder = resource_path("reference")
    assert "/work/shared" not in str(folder.resolve())
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for path in folder.iterdir():
        if path.name != "SOURCES.md":
            assert path.name in sources, f"{path.name} has no source note"


def test_old_to_new_csv_is_clean_and_hanoi_only() -> None:
    path = resource_path("reference", reference.OLD_TO_NEW_CSV)
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "new_code",
        "new_name",
        "old_code",
        "old_name",
        "note",
        "old_district_code",
        "old_district_name",
    ]
    rows = _csv(reference.OLD_TO_NEW_CSV)
    assert len(rows) == 795
    assert {row["note"] for row in rows} == {
        "Nhập toàn bộ",
        "Nhập một phần",
        "Nhập một phần diện tích",
        "Nhập một phần diện tích, toàn bộ dân số",
    }
    for row in rows:
        assert all(value == " ".join(value.split()) for value in row.values())


# --- admin_units -----------------------------------------------------------------------------


def test_126_current_communes_51_phuong_75_xa(db: sqlite_utils.Database) -> None:
    current = _units(db, "commune")
    assert len(current) == 126
    assert Counter(kind for _, kind, _, _ in current.values()) == {"phường": 51, "xã": 75}
    assert {flag for _, _, _, flag in current.values()} == {1}
    assert {parent for _, _, parent, _ in current.values()} == {None}
    assert db.execute("SELECT count(*) FROM admin_units WHERE current = 1").fetchone() == (126,)


def test_30_former_districts(db: sqlite_utils.Database) -> None:
    districts = _units(db, "district")
    assert len(districts) == 30
    assert Counter(kind for _, kind, _, _ in districts.values()) == {
        "quận": 12,
        "huyện": 17,
        "thị xã": 1,
    }
    assert districts["002"][:2] == ("Quận Hoàn Kiếm", "quận")
    assert districts["269"][:2] == ("Thị xã Sơn Tây", "thị xã")
    assert {flag for _, _, _, flag in districts.values()} == {0}


def test_526_former_wards_with_their_districts(db: sqlite_utils.Database) -> None:
    wards = _units(db, "ward")
    districts = _units(db, "district")
    assert len(wards) == 526
    assert Counter(kind for _, kind, _, _ in wards.values()) == {
        "xã": 345,
        "phường": 160,
        "thị trấn": 21,
    }
    assert {parent for _, _, parent, _ in wards.values()} == set(districts)
    counts = Counter(parent for _, _, parent, _ in wards.values())
    for row in _csv(reference.DISTRICTS_CSV):
        assert counts[row["district_code"]] == int(row["ward_count"])


def test_codes_overlap_across_levels_and_keep_leading_zeros(db: sqlite_utils.Database) -> None:
    assert _units(db, "commune")["00070"][:2] == ("Phường Hoàn Kiếm", "phường")
    assert _units(db, "commune")["00004"][:2] == ("Phường Ba Đình", "phường")
    assert _units(db, "ward")["00004"] == ("Phường Trúc Bạch", "phường", "001", 0)
    assert _units(db, "ward")["00070"][:3] == ("Phường Hàng Trống", "phường", "002")
    assert _units(db, "commune")["09877"][:2] == ("Xã An Khánh", "xã")
    assert district_of_ward(db, "00004") == "001"
    assert district_of_ward(db, "99999") is None


@pytest.mark.parametrize(
    ("level", "name", "code_column", "name_column"),
    [
        ("commune", reference.COMMUNES_CSV, "commune_code", "commune_name"),
        ("district", reference.DISTRICTS_CSV, "district_code", "district_name"),
        ("ward", reference.WARDS_CSV, "ward_code", "ward_name"),
    ],
)
def test_every_name_and_code_comes_from_the_official_files(
    db: sqlite_utils.Database, level: str, name: str, code_column: str, name_column: str
) -> None:
    expected = {row[code_column]: row[name_column] for row in _csv(name)}
    assert {code: unit[0] for code, unit in _units(db, level).items()} == expected


def test_short_and_folded_names(db: sqlite_utils.Database) -> None:
    rows = db.execute("SELECT type, name, short_name, name_folded FROM admin_units").fetchall()
    for kind, name, short_name, folded in rows:
        assert name.casefold() == f"{kind} {short_name}".casefold()
        assert folded == fold(name)
    row = db.execute(
        "SELECT short_name, name_folded FROM admin_units WHERE level = 'commune' AND code = ?",
        ("00070",),
    ).fetchone()
    assert row == ("Hoàn Kiếm", "phuong hoan kiem")


def test_short_names_agree_with_the_geometry_file(db: sqlite_utils.Database) -> None:
    with resource_path("reference", reference.COMMUNES_GEO).open(encoding="utf-8") as handle:
        geometry = {ward["id"]: ward["name"] for ward in json.load(handle)["wards"]}
    assert geometry == {row["code"]: row["short_name"] for row in communes(db)}


def test_communes_helper(db: sqlite_utils.Database) -> None:
    rows = communes(db)
    assert len(rows) == 126
    # in Vietnamese alphabetical order, as the file checked by hand, and as bundled
    order = Path(__file__).parents[1] / "data" / "order" / "communes.txt"
    assert [row["name"] for row in rows] == order.read_text(encoding="utf-8").splitlines()
    assert rows == bundled_communes()
    assert rows[0] == {
        "code": "00004",
        "name": "Phường Ba Đình",
        "short_name": "Ba Đình",
        "type": "phường",
    }


def test_commune_name_reads_the_current_commune_only(workspace: Workspace) -> None:
    assert commune_name(workspace.db, "00070") == "Phường Hoàn Kiếm"
    # "00004" is also the former Phường Trúc Bạch: the commune's name, never the ward's.
    assert commune_name(workspace.db, "00004") == "Phường Ba Đình"
    current = {c["code"] for c in communes(workspace.db)}
    ward_only = next(code for code in _units(workspace.db, "ward") if code not in current)
    assert commune_name(workspace.db, ward_only) is None
    assert commune_name(workspace.db, "99999") is None
    assert commune_name(workspace.db, "") is None


# --- admin_unit_changes --------------------------------------------------------------------


def test_old_to_new_table_points_only_at_hanoi_units(db: sqlite_utils.Database) -> None:
    current = _units(db, "commune")
    wards = _units(db, "ward")
    rows = db.execute(
        "SELECT old_code, old_name, old_district_code, new_code, new_name, note "
        "FROM admin_unit_changes"
    ).fetchall()
    assert len(rows) == 795
    for old_code, _, old_district, new_code, new_name, _ in rows:
        assert current[new_code][0] == new_name
        assert wards[old_code][2] == old_district
    assert {row[0] for row in rows} == set(wards)
    assert {row[3] for row in rows} == set(current)


def test_old_names_match_the_ward_list_except_one_known_error(db: sqlite_utils.Database) -> None:
    wards = _units(db, "ward")
    rows = db.execute("SELECT old_code, old_name, new_code FROM admin_unit_changes")
    # Spelling variants (Hòa/Hoà, "Đại áng") fold away. The official table once names ward
    # 00553 "Xã Đặng Xá" (which is 00556); 00553 is Xã Cổ Bi everywhere else.
    differing = {
        (old_code, old_name, new_code)
        for old_code, old_name, new_code in rows
        if fold(old_name) != fold(wards[old_code][0])
    }
    assert differing == {("00553", "Xã Đặng Xá", "00562")}


def test_successors(db: sqlite_utils.Database) -> None:
    assert successors(db, "00004") == ["00004"]  # Trúc Bạch went whole into Ba Đình
    assert successors(db, "00553") == ["00136", "00541", "00562", "00565"]
    assert successors(db, "99999") == []


# --- boundaries ------------------------------------------------------------------------------


def test_every_current_commune_and_district_has_a_boundary(db: sqlite_utils.Database) -> None:
    for level in ("commune", "district"):
        with_boundary = {
            code
            for (code,) in db.execute(
                "SELECT DISTINCT code FROM admin_boundaries WHERE level = ?", (level,)
            )
        }
        assert with_boundary == set(_units(db, level))
    assert (
        db.execute("SELECT count(*) FROM admin_rtree").fetchone()
        == db.execute("SELECT count(*) FROM admin_boundaries").fetchone()
    )


def test_rtree_boxes_contain_the_exact_boxes(db: sqlite_utils.Database) -> None:
    # The R*Tree keeps 32-bit floats; a box rounded inwards would make points near an edge vanish.
    rows = db.execute("SELECT id, min_lon, max_lon, min_lat, max_lat FROM admin_boundaries")
    for row_id, min_lon, max_lon, min_lat, max_lat in rows.fetchall():
        hit = db.execute(
            "SELECT count(*) FROM admin_rtree WHERE id = ? AND min_lon <= ? AND max_lon >= ? "
            "AND min_lat <= ? AND max_lat >= ?",
            (row_id, min_lon, max_lon, min_lat, max_lat),
        ).fetchone()
        assert hit == (1,)


def test_install_leaves_the_transaction_to_the_caller(tmp_path: Path) -> None:
    database = sqlite_utils.Database(tmp_path / "rolled-back.db")
    with pytest.raises(RuntimeError, match="migration failed"), database.atomic():
        install_reference_data(database)
        assert database.conn.in_transaction
        raise RuntimeError("migration failed")
    assert database.table_names() == []
    database.close()


def test_install_twice_fails_loudly(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        install_reference_data(db)


# --- commune_at ------------------------------------------------------------------------------


def test_landmarks(db: sqlite_utils.Database) -> None:
    assert commune_at(db, *HOAN_KIEM_LAKE) == "00070"
    assert commune_at(db, *HO_CHI_MINH_MAUSOLEUM) == "00004"
    assert commune_at(db, *HOAN_KIEM_LAKE, level="district") == "002"
    assert commune_at(db, *HO_CHI_MINH_MAUSOLEUM, level="district") == "001"


@pytest.mark.parametrize(
    "point",
    [HO_CHI_MINH_CITY, (107.5, 20.5), (0.0, 0.0), (float("nan"), 21.0)],
    ids=["ho-chi-minh-city", "gulf-of-tonkin", "null-island", "nan"],
)
@pytest.mark.parametrize("level", ["commune", "district"])
def test_outside_hanoi(db: sqlite_utils.Database, point: tuple[float, float], level: str) -> None:
    assert commune_at(db, *point, level=level) is None


def test_unknown_level(db: sqlite_utils.Database) -> None:
    with pytest.raises(ValueError, match="ward"):
        commune_at(db, *HOAN_KIEM_LAKE, level="ward")


def test_centres_resolve_to_their_commune(db: sqlite_utils.Database) -> None:
    with resource_path("reference", reference.COMMUNES_GEO).open(encoding="utf-8") as handle:
        wards = json.load(handle)["wards"]
    hits = sum(commune_at(db, *ward["center"]) == ward["id"] for ward in wards)
    # The file's centres of a few crescent-shaped communes along the Red River fall outside them
    # (124 of 126 hit today).
    assert hits >= 120


def _brute_force(db: sqlite_utils.Database, lon: float, lat: float, level: str) -> str | None:
    rows = db.execute(
        "SELECT code, ring FROM admin_boundaries WHERE level = ? ORDER BY id", (level,)
    )
    polygons = [(str(code), json.loads(ring)) for code, ring in rows]
    for code, rings in polygons:
        if point_in_rings(lon, lat, rings):
            return code
    near = [(distance_to_rings_m(lon, lat, rings), code) for code, rings in polygons]
    distance, code = min(near)
    return code if distance <= GAP_TOLERANCE_M else None


def test_points_in_gaps_between_simplified_polygons_go_to_the_nearest_commune(
    db: sqlite_utils.Database,
) -> None:
    # Just north of Văn Miếu, on the border of two wards, lies a sliver that no simplified
    # polygon covers; it goes to whichever of the two is nearer.
    rows = db.execute("SELECT ring FROM admin_boundaries WHERE level = 'commune'").fetchall()
    assert not any(point_in_rings(105.8355, 21.0293, json.loads(r[0])) for r in rows)
    assert commune_at(db, 105.8355, 21.0293) in {"00190", "00226"}  # Ô Chợ Dừa, Văn Miếu
    assert commune_at(db, 105.8361, 21.0283) == "00226"
    # Far outside Hà Nội nothing is near.
    assert commune_at(db, 106.70, 10.78) is None
    assert commune_at(db, 105.20, 21.00) is None


def test_gap_tolerance_holds_east_and_west(db: sqlite_utils.Database) -> None:
    # 290 m due east of a commune's easternmost vertex is within the tolerance; a degree of
    # longitude is shorter than a degree of latitude here, so the search box must allow for it.
    rows = db.execute("SELECT code, ring FROM admin_boundaries WHERE level = 'commune'")
    for code, ring in rows:
        east = max((pt for r in json.loads(ring) for pt in r), key=lambda pt: pt[0])
        lon = east[0] + 290 / (111_320 * math.cos(math.radians(east[1])))
        if _brute_force(db, lon, east[1], "commune") == code:
            assert commune_at(db, lon, east[1]) == code


def test_distance_to_rings() -> None:
    square = [[[0.0, 0.0], [0.001, 0.0], [0.001, 0.001], [0.0, 0.001]]]
    assert distance_to_rings_m(0.0005, -0.001, square) == pytest.approx(111.32, rel=1e-3)
    assert distance_to_rings_m(0.0005, 0.0005, square) == pytest.approx(55.66, rel=1e-3)


@settings(max_examples=150, deadline=None)
@given(
    lon=st.floats(105.25, 106.05),
    lat=st.floats(20.55, 21.40),
    level=st.sampled_from(["commune", "district"]),
)
def test_rtree_lookup_agrees_with_brute_force(
    db: sqlite_utils.Database, lon: float, lat: float, level: str
) -> None:
    assert commune_at(db, lon, lat, level) == _brute_force(db, lon, lat, level)


# --- boundary_geojson ------------------------------------------------------------------------


@pytest.mark.parametrize(("level", "count"), [("commune", 126), ("district", 30)])
def test_boundary_geojson(db: sqlite_utils.Database, level: str, count: int) -> None:
    collection = boundary_geojson(level)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == count
    names = {code: unit[0] for code, unit in _units(db, level).items()}
    assert {f["properties"]["code"]: f["properties"]["name"] for f in features} == names
    for feature in features:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4
                assert ring[0] == ring[-1]
    json.dumps(collection)  # serialisable as it stands, for the map page


def test_boundary_geojson_unknown_level() -> None:
    with pytest.raises(ValueError, match="ward"):
        boundary_geojson("ward")


# --- point_in_rings --------------------------------------------------------------------------

SQUARE = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]]
HOLE = [[3.0, 3.0], [3.0, 7.0], [7.0, 7.0], [7.0, 3.0], [3.0, 3.0]]


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ((1.0, 1.0), True),
        ((5.0, 5.0), False),  # in the hole
        ((8.0, 5.0), True),
        ((5.0, 8.5), True),
        ((-1.0, 5.0), False),
        ((11.0, 5.0), False),
        ((5.0, -0.1), False),
        # Rays running exactly along the hole's top and bottom edges:
        ((1.0, 7.0), True),
        ((1.0, 3.0), True),
        ((8.0, 3.0), True),
        ((5.0, 10.5), False),
    ],
)
def test_square_with_hole(point: tuple[float, float], expected: bool) -> None:
    assert point_in_rings(*point, [SQUARE, HOLE]) is expected


def test_degenerate_rings() -> None:
    assert point_in_rings(1.0, 1.0, []) is False
    assert point_in_rings(1.0, 1.0, [[[0.0, 0.0], [2.0, 2.0]]]) is False
    assert point_in_rings(1.0, 1.0, [SQUARE[:-1]]) is True  # an unclosed ring still closes


coordinate = st.floats(-1000, 1000, allow_nan=False)


@given(x0=coordinate, x1=coordinate, y0=coordinate, y1=coordinate, x=coordinate, y=coordinate)
def test_rectangle_property(x0: float, x1: float, y0: float, y1: float, x: float, y: float) -> None:
    left, right = sorted((x0, x1))
    bottom, top = sorted((y0, y1))
    # On an edge the answer is a convention, not a fact; leave it out.
    assume(x not in (left, right) and y not in (bottom, top))
    ring = [[left, bottom], [right, bottom], [right, top], [left, top], [left, bottom]]
    expected = left < x < right and bottom < y < top
    assert point_in_rings(x, y, [ring]) is expected
    # Orientation and an explicit closing point do not matter.
    assert point_in_rings(x, y, [ring[::-1]]) is expected
    assert point_in_rings(x, y, [ring[:-1]]) is expected
    # A ring given twice cancels itself out under the even-odd rule.
    assert point_in_rings(x, y, [ring, ring]) is False
