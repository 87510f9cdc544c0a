"""Importing an owner's existing inventory: real OpenStreetMap cameras (moved into Hà Nội, see
tests/data/inventory/SOURCE.md) with their messy camera:direction values."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core import reference
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import Message
from fieldsurvey.core.office.inventory import (
    InventoryError,
    find_owner,
    guess_mapping,
    import_inventory,
    parse_directions,
    preview,
    read_inventory,
    value_range,
)
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.tasks import Cancelled
from tests.helpers import DATA

INVENTORY = DATA / "inventory"
CSV_FILE = INVENTORY / "osm_cameras.csv"
GEOJSON_FILE = INVENTORY / "osm_cameras.geojson"


def _counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(
        ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("cameras", "sites", "units", "changes")
    )


def _real_rows() -> list[tuple[int, dict[str, str]]]:
    """The CSV's rows with their line numbers, read independently (no cell spans lines)."""
    text = CSV_FILE.read_text(encoding="utf-8")
    assert text.count("\n") == 692  # header and 691 rows, one line each
    return list(enumerate(csv.DictReader(text.splitlines()), start=2))


def _survey_some_listed_cameras(ws: Workspace, count: int = 3) -> None:
    """Record, as a surveyor would, ``count`` cameras of the list a couple of metres from where
    the list puts them: the list's import flags them (a list's own cameras, each with its own
    reference, are never flagged as each other's duplicates)."""
    rows = [values for _, values in _real_rows() if values["camera:type"]][:count]
    with ws.transaction():
        site = ws.db.execute("SELECT id FROM sites WHERE deleted = 0 LIMIT 1").fetchone()[0]
        for values in rows:
            ws.insert(
                "cameras",
                {
                    "site_id": site,
                    "lat": float(values["lat"]) + 0.00002,
                    "lon": float(values["lon"]),
                    "camera_type": values["camera:type"],
                },
            )


def test_every_real_direction_form_is_read() -> None:
    forms = {
        row[key] for _, row in _real_rows() for key in ("camera:direction", "direction") if row[key]
    }
    assert {"NW", "SW", "E", "north", "south", "-140", "360", "180, 270", "190-100"} <= forms
    assert "90;160;270" in forms
    for form in forms:
        views = parse_directions(form)
        assert views and all(0 <= d < 360 for d, _ in views), form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NW", [(315.0, None)]),
        ("SW", [(225.0, None)]),
        ("E", [(90.0, None)]),
        ("north", [(0.0, None)]),
        ("south", [(180.0, None)]),
        ("Đông Bắc", [(45.0, None)]),
        ("-140", [(220.0, None)]),
        ("360", [(0.0, None)]),
        ("90°", [(90.0, None)]),
        ("12.5", [(12.5, None)]),
        ("180, 270", [(180.0, None), (270.0, None)]),
        ("90;160;270", [(90.0, None), (160.0, None), (270.0, None)]),
        ("190-100", [(325.0, 270.0)]),  # clockwise from 190 through north to 100
        ("0-90", [(45.0, 90.0)]),
        ("", []),
        (None, []),
        (270, [(270.0, None)]),
    ],
)
def test_direction_forms(text: Any, expected: list[tuple[float, float | None]]) -> None:
    assert parse_directions(text) == expected


@pytest.mark.parametrize("junk", ["abc", "12a", "1000", "NNNW", "90;x", "--5", "1e3", True])
def test_junk_directions_are_refused_with_a_reason(junk: Any) -> None:
    with pytest.raises(ValueError, match="direction"):
        parse_directions(junk)


def test_mapping_is_guessed_from_osm_and_common_names() -> None:
    inventory = read_inventory(CSV_FILE)
    assert inventory.format == "csv" and len(inventory.rows) == 691
    mapping = guess_mapping(inventory.columns)
    assert mapping["lat"] == "lat" and mapping["lon"] == "lon"
    assert mapping["ref"] == "id"  # the source's own id
    assert mapping["direction"] == "camera:direction"
    assert mapping["camera_type"] == "camera:type" and mapping["mount"] == "camera:mount"
    assert mapping["tilt"] == "camera:angle" and mapping["operator"] == "operator"
    assert guess_mapping(["Vĩ độ", "Kinh độ", "Mã camera", "Hướng nhìn", "Đơn vị quản lý"]) == {
        "lat": "Vĩ độ",
        "lon": "Kinh độ",
        "ref": "Mã camera",
        "direction": "Hướng nhìn",
        "operator": "Đơn vị quản lý",
    }


def test_preview_shows_the_first_rows_as_they_would_be(demo: Workspace) -> None:
    inventory = read_inventory(CSV_FILE)
    before = _counts(demo)
    rows = preview(demo, inventory, guess_mapping(inventory.columns), 5)
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    assert rows[1].camera is not None and rows[1].camera["ref"] == "node/112376207"
    assert rows[1].camera["views"] == [{"direction": 330.0, "angle": None, "tilt": None}]
    assert _counts(demo) == before
    with pytest.raises(ValidationError):
        preview(demo, inventory, {"lat": "no such column", "lon": "lon"})


def _refused_lines_expected(ws: Workspace) -> set[int]:
    return {
        line
        for line, row in _real_rows()
        if reference.commune_at(ws.db, float(row["lon"]), float(row["lat"])) is None
    }


def test_real_csv_imports_with_every_unreadable_row_reported(
    demo: Workspace, tmp_path: Path
) -> None:
    outside = _refused_lines_expected(demo)
    assert len(outside) == 11
    # The real file, plus rows as hand-kept lists spoil them, each with its line number.
    header = CSV_FILE.read_text(encoding="utf-8").splitlines()[0].split(",")
    blank = dict.fromkeys(header, "")
    junk = [
        {"id": "bad-1", "lat": "461.993.881", "lon": "105.85"},
        {"id": "bad-2", "lat": "21.03", "lon": "105.85", "camera:direction": "hướng bắc?"},
        {"id": "bad-3", "lat": "21.03", "lon": ""},
        {"id": "bad-4", "lat": "105.85", "lon": "21.03"},  # swapped
        {"id": "bad-5", "lat": "21.03", "lon": "105.85", "camera:direction": "1000"},
    ]
    spoiled = tmp_path / "inventory.csv"
    with spoiled.open("w", encoding="utf-8", newline="") as handle:
        handle.write(CSV_FILE.read_text(encoding="utf-8"))
        writer = csv.DictWriter(handle, fieldnames=header)
        for row in junk:
            writer.writerow({**blank, **row})
        handle.write("node/extra,21.03,105.85" + "," * len(header) + "\n")  # a cell too many
    before = demo.db.execute("SELECT count(*) FROM cameras").fetchone()[0]

    report = import_inventory(demo, spoiled)

    refused = {r["line"]: str(r["reason"]) for r in report.refused}  # "vi / en"
    assert set(refused) == set(range(693, 699))
    # Rows outside Hà Nội are imported, each with a warning naming its line.
    assert {w["line"] for w in report.warnings if "Hà Nội" in w["message"].text("vi")} == outside
    assert "461.993.881" in refused[693]
    assert "hướng bắc?" in refused[694]
    assert "lon" in refused[695]
    assert "swapped" in refused[696]
    assert "1000" in refused[697]
    assert "more cells" in refused[698]
    assert report.imported == 691
    assert demo.db.execute("SELECT count(*) FROM cameras").fetchone()[0] == before + 691
    # The source id is the ref, never the record's UUID; tags became our fields.
    row = demo.db.execute(
        "SELECT id, views, camera_type, mount, location_source FROM cameras WHERE ref = ?",
        ["node/112376207"],
    ).fetchone()
    assert row[0] != "node/112376207"
    assert json.loads(row[1]) == [{"direction": 330.0, "angle": None, "tilt": None}]
    assert row[2:] == ("fixed", "wall", "inventory_import")
    sector = demo.db.execute(
        "SELECT views FROM cameras WHERE ref = (SELECT ref FROM cameras WHERE views LIKE ?)",
        ['%"angle": 270.0%'],
    ).fetchone()
    assert json.loads(sector[0])[0]["direction"] == 325.0
    # Every camera sits on a nearby site (within 50 m of it or of one of its cameras).
    far = demo.db.execute(
        "SELECT count(*) FROM cameras c JOIN sites s ON s.id = c.site_id WHERE c.ref LIKE "
        "'node/%' AND abs(c.lat - s.lat) + abs(c.lon - s.lon) > 0.002"
    ).fetchone()[0]
    assert far == 0
    assert report.warnings  # unknown mounts such as 'building' are named, not silently lost
    assert all(w["line"] >= 2 for w in report.warnings)


def test_real_geojson_imports_with_line_numbers(demo: Workspace) -> None:
    outside = _refused_lines_expected(demo)  # one feature a line, after one opening line
    report = import_inventory(demo, GEOJSON_FILE)
    assert report.refused == []
    assert {w["line"] for w in report.warnings if "Hà Nội" in w["message"].text("vi")} == outside
    assert report.imported == 691
    assert report.sites_created > 0 and report.units_created > 0


def test_geojson_shapes_it_cannot_use_are_reported(demo: Workspace, tmp_path: Path) -> None:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [105.85, 21.03]},
            "properties": {"id": "ok", "camera:direction": "SE"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},
            "properties": {"id": "line"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": ["a", "b"]},
            "properties": {"id": "text"},
        },
        "not a feature",
    ]
    path = tmp_path / "inventory.geojson"
    path.write_text(
        '{"type": "FeatureCollection",\n "features": [\n'
        + ",\n".join(json.dumps(f) for f in features)
        + "\n]}\n",
        encoding="utf-8",
    )
    report = import_inventory(demo, path)
    assert report.imported == 1
    assert [r["line"] for r in report.refused] == [4, 5, 6]


def test_overpass_json_as_openstreetmap_answers_it(demo: Workspace, tmp_path: Path) -> None:
    rows = [row for _, row in _real_rows() if row["camera:direction"]][:3]
    elements = [
        {
            "type": "node",
            "id": int(row["id"].split("/")[1]),
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "tags": {k: v for k, v in row.items() if v and k not in ("id", "lat", "lon")},
        }
        for row in rows
    ]
    path = tmp_path / "overpass.json"
    path.write_text(json.dumps({"version": 0.6, "elements": elements}, indent=1), "utf-8")
    inventory = read_inventory(path)
    assert inventory.format == "overpass"
    report = import_inventory(demo, inventory)
    assert report.imported == 3 and not report.refused
    refs = {demo.get("cameras", i)["ref"] for i in report.camera_ids}
    assert refs == {row["id"] for row in rows}


def test_semicolons_decimal_commas_and_vietnamese_headers(demo: Workspace, tmp_path: Path) -> None:
    unit = demo.db.execute("SELECT name FROM units WHERE kind = 'police' LIMIT 1").fetchone()[0]
    path = tmp_path / "danh_sach.csv"
    path.write_text(
        "Mã camera;Vĩ độ;Kinh độ;Hướng nhìn;Loại camera;Đơn vị quản lý\n"
        f"HK-01;21,0285;105,8542;Tây Bắc;Cố định;{unit.upper()}\n"
        f"HK-02;21,0290;105,8550;90-180;dome;{unit}\n",
        encoding="utf-8-sig",  # as Excel saves "CSV UTF-8"
    )
    report = import_inventory(demo, path)
    assert report.imported == 2 and not report.refused and report.units_created == 0
    rows = demo.db.execute(
        "SELECT c.ref, c.lat, c.views, c.camera_type, u.name FROM cameras c "
        "JOIN units u ON u.id = c.owner_unit_id WHERE c.ref LIKE 'HK-%' ORDER BY c.ref"
    ).fetchall()
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("HK-01", 21.0285, "fixed", unit),
        ("HK-02", 21.029, "dome", unit),
    ]
    assert json.loads(rows[0][2])[0]["direction"] == 315.0
    assert json.loads(rows[1][2])[0] == {"direction": 135.0, "angle": 90.0, "tilt": None}


def test_new_cameras_on_existing_ones_are_flagged_not_skipped(
    demo: Workspace, tmp_path: Path
) -> None:
    existing = demo.db.execute(
        "SELECT id, lat, lon, camera_type, mount, views FROM cameras WHERE deleted = 0 AND "
        "condition != 'removed' AND camera_type = 'fixed' ORDER BY id LIMIT 3"
    ).fetchall()
    path = tmp_path / "owner.csv"
    lines = ["ref,lat,lon,camera:type,camera:mount,camera:direction"]
    for n, (_, lat, lon, ctype, mount, views) in enumerate(existing):
        direction = json.loads(views)[0]["direction"]
        lines.append(f"OWN-{n},{lat + 0.00002},{lon},{ctype},{mount},{direction}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_inventory(demo, path)
    assert report.imported == 3
    pairs = {frozenset((p["a"]["id"], p["b"]["id"])) for p in report.duplicates}
    for new_id, (old_id, *_) in zip(report.camera_ids, existing, strict=True):
        assert frozenset((new_id, old_id)) in pairs
    assert report.flagged == 3
    # Each joined the site of the existing camera it stands next to.
    assert report.sites_created == 0
    sites = [demo.get("cameras", i)["site_id"] for i in report.camera_ids]
    assert sites == [demo.get("cameras", row[0])["site_id"] for row in existing]


def test_a_failed_import_writes_nothing(demo: Workspace) -> None:
    before = _counts(demo)
    with pytest.raises(ValidationError):
        import_inventory(demo, CSV_FILE, owner="Không có đơn vị này")

    def stop(done: int, total: int, message: Message | str) -> None:
        if "Đang ghi camera" in str(message):
            raise KeyboardInterrupt  # a crash while the sites are already written

    with pytest.raises(KeyboardInterrupt):
        import_inventory(demo, CSV_FILE, progress=stop)
    assert _counts(demo) == before

    def sites_written() -> bool:  # the person cancels once new sites are in the transaction
        return _counts(demo)[1] > before[1]

    with pytest.raises(Cancelled):
        import_inventory(demo, CSV_FILE, cancel=sites_written)
    assert _counts(demo) == before
    report = import_inventory(demo, CSV_FILE, dry_run=True)
    assert report.imported == 691 and report.refused == []
    assert _counts(demo) == before


def test_files_that_are_not_inventories(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("lat,lon,name\n21.0,105.8,ok\n21.0,105.8,Ch\xe1\n".encode("latin-1"))
    with pytest.raises(InventoryError, match="line 3"):
        read_inventory(latin)
    for name, text in (
        ("a.geojson", '{"type": "Topology"}'),
        ("b.geojson", '{"type": "FeatureCollection", "features": ['),
        ("c.csv", "just one column\n1\n"),
        ("d.csv", "lat,lat\n1,2\n"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InventoryError):
            read_inventory(path)


def test_import_inventory_command(run_cli: Any, demo_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    db.write_bytes(demo_file.read_bytes())
    with Workspace.open(db) as ws:
        _survey_some_listed_cameras(ws)
    result = run_cli("import-inventory", "--db", str(db), str(CSV_FILE), "--json")
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    summary = objects[-1]
    assert summary["kind"] == "summary" and summary["imported"] == 691
    assert summary["refused"] == 0 and summary["flagged"] > 0
    outside = sorted(
        o["line"] for o in objects if o["kind"] == "warning" and "Hà Nội" in o["message"]
    )
    assert outside == [51, 52, 411, 412, 443, 444, 526, 557, 562, 563, 613]
    empty = tmp_path / "empty.csv"
    empty.write_text("lat,lon\n99,99\n", encoding="utf-8")
    result = run_cli("import-inventory", "--db", str(db), str(empty), "--owner", "x")
    assert result.returncode != 0 and "x" in result.stderr
    result = run_cli("import-inventory", "--db", str(db), str(empty))
    assert result.returncode != 0
    assert "line 2" in result.stdout and "No row" in result.stderr


# -- lists sent again ---------------------------------------------------------------------------


def _live_cameras(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT count(*) FROM cameras WHERE deleted = 0").fetchone()[0])


def test_a_list_sent_again_updates_its_cameras_and_never_adds_them_twice(
    demo: Workspace, tmp_path: Path
) -> None:
    before = _live_cameras(demo)
    first = import_inventory(demo, CSV_FILE)
    assert (len(first.camera_ids), len(first.updated_ids), first.unchanged) == (691, 0, 0)
    assert _live_cameras(demo) == before + 691
    source = demo.get("inventory_imports", str(first.import_id))
    assert (source["file_name"], source["row_count"], source["new_count"]) == (
        "osm_cameras.csv",
        691,
        691,
    )
    assert source["imported_at"] and source["format"] == "csv"
    assert {demo.get("cameras", i)["import_id"] for i in first.camera_ids} == {first.import_id}

    again = import_inventory(demo, CSV_FILE)
    assert (
        again.counts().text("vi") == "691 không đổi, 0 cập nhật, 0 mới, 0 không còn trong danh sách"
    )
    assert again.camera_ids == [] and again.imported == 691 and again.flagged == 0
    assert _live_cameras(demo) == before + 691
    history = demo.db.execute(
        "SELECT count(*) FROM changes WHERE table_name = 'cameras'"
    ).fetchone()[0]

    # The owner moves one camera, turns another, drops a third; a new one appears.
    rows = [dict(row) for _, row in _real_rows()]
    moved, turned, dropped = rows[1], rows[3], rows[5]
    moved["lat"] = f"{float(moved['lat']) + 0.0001:.7f}"
    turned["camera:direction"] = "200"
    rows.remove(dropped)
    rows.append({**rows[0], "id": "node/999000001", "lat": "21.0301", "lon": "105.8501"})
    changed = tmp_path / "osm_cameras.csv"  # the same list, sent again with changes
    with changed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    dry = import_inventory(demo, changed, dry_run=True)
    third = import_inventory(demo, changed)
    assert (
        third.counts().text("vi") == "688 không đổi, 2 cập nhật, 1 mới, 1 không còn trong danh sách"
    )
    assert dry.counts().text("vi") == third.counts().text("vi")
    assert [g["ref"] for g in third.gone] == [dropped["id"]]
    refs = {demo.get("cameras", i)["ref"] for i in third.updated_ids}
    assert refs == {moved["id"], turned["id"]}
    by_ref = {
        ref: (lat, json.loads(views))
        for ref, lat, views in demo.db.execute(
            "SELECT ref, lat, views FROM cameras WHERE deleted = 0 AND ref IN (?, ?)",
            [moved["id"], turned["id"]],
        )
    }
    assert by_ref[moved["id"]][0] == float(moved["lat"])
    assert by_ref[turned["id"]][1][0]["direction"] == 200.0
    assert _live_cameras(demo) == before + 692  # the dropped camera is reported, not deleted
    # Only the two changed cameras and the new one were written.
    assert (
        demo.db.execute("SELECT count(*) FROM changes WHERE table_name = 'cameras'").fetchone()[0]
        == history + 3
    )


def test_the_dry_run_flags_exactly_what_the_import_flags(demo: Workspace) -> None:
    _survey_some_listed_cameras(demo)
    before = _counts(demo)
    dry = import_inventory(demo, CSV_FILE, dry_run=True)
    assert _counts(demo) == before and dry.import_id is None
    real = import_inventory(demo, CSV_FILE)
    assert dry.flagged == real.flagged > 0
    assert len(dry.duplicates) == len(real.duplicates)

    def refs(report: Any) -> list[tuple[Any, ...]]:
        return sorted(  # a pair's order follows the ids, new in each run
            (round(p["score"], 6), *sorted((str(p["a"]["ref"]), str(p["b"]["ref"]))))
            for p in report.duplicates
        )

    assert refs(dry) == refs(real)
    assert dry.summary() | {"import_id": None} == real.summary() | {"import_id": None}


def test_a_row_far_outside_ha_noi_is_refused_with_its_line(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "far.csv"
    path.write_text(
        "ref,lat,lon\n"
        "near,20.975223,105.9679963\n"  # 460 m outside the city's edge: imported, with a warning
        "far,21.03,106.45\n"  # Hải Dương, some 50 km east: refused
        "inside,21.0285,105.8542\n",
        encoding="utf-8",
    )
    report = import_inventory(demo, path)
    assert report.imported == 2
    assert [r["line"] for r in report.refused] == [3]
    assert "cách Hà Nội hơn 10 km" in report.refused[0]["reason"].text("vi")
    assert [w["line"] for w in report.warnings] == [2]


def test_geojson_warnings_name_the_feature_not_the_line(demo: Workspace, tmp_path: Path) -> None:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": lon_lat},
            "properties": {"id": f"f{n}", "camera:mount": mount},
        }
        for n, (lon_lat, mount) in enumerate(
            [([105.85, 21.03], "wall"), ([105.86, 21.03], "chimney"), ([106.45, 21.03], "wall")],
            start=1,
        )
    ]
    path = tmp_path / "one_line.geojson"  # written on one line, as most tools write it
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    report = import_inventory(demo, path)
    assert [(w.get("feature"), w["place"].text("vi")) for w in report.warnings] == [
        (2, "điểm thứ 2")
    ]
    assert [(r["feature"], r["place"].text("vi")) for r in report.refused] == [(3, "điểm thứ 3")]


def test_angle_is_the_bearing_and_its_range_is_shown(demo: Workspace, tmp_path: Path) -> None:
    # A city list's "angle" column holds the compass bearing (DESIGN §8).
    path = tmp_path / "city.csv"
    path.write_text(
        "ma,lat,lon,angle,goc nhin\nA1,21.0285,105.8542,355,90°\nA2,21.029,105.855,15,\n"
        "A3,21.0295,105.856,,60\n",
        encoding="utf-8",
    )
    inventory = read_inventory(path)
    mapping = guess_mapping(inventory.columns)
    assert mapping["direction"] == "angle" and mapping["field_of_view"] == "goc nhin"
    assert value_range(inventory, "angle") == (15.0, 355.0, 2)  # a bearing: up to 360
    assert value_range(inventory, "goc nhin") == (60.0, 90.0, 2)
    assert value_range(inventory, "ma") is None
    report = import_inventory(demo, inventory)
    views = {
        demo.get("cameras", i)["ref"]: json.loads(demo.get("cameras", i)["views"])
        for i in report.camera_ids
    }
    assert views["A1"] == [{"direction": 355.0, "angle": 90.0, "tilt": None}]
    assert views["A2"] == [{"direction": 15.0, "angle": None, "tilt": None}]


def test_the_owner_is_named_as_people_type_it(demo: Workspace) -> None:
    police = demo.db.execute(
        "SELECT id FROM units WHERE name = 'Công an thành phố Hà Nội'"
    ).fetchone()[0]
    assert find_owner(demo, "Cong an TP") == police
    assert find_owner(demo, "công an thành phố hà nội") == police
    assert find_owner(demo, police) == police and find_owner(demo, police[:8]) == police
    with pytest.raises(ValidationError, match="UBND"):
        find_owner(demo, "UBND Phuong")  # many units fit: say which
    with pytest.raises(ValidationError):
        find_owner(demo, "Không có đơn vị này")
    report = import_inventory(demo, CSV_FILE, owner="Cong an TP")
    owners = {demo.get("cameras", i)["owner_unit_id"] for i in report.camera_ids}
    assert owners == {police}
    assert demo.get("inventory_imports", str(report.import_id))["owner_unit_id"] == police


def test_the_command_sends_a_list_again_and_dry_runs_it_faithfully(
    run_cli: Any, demo_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "office.sqlite"
    db.write_bytes(demo_file.read_bytes())
    with Workspace.open(db) as ws:
        _survey_some_listed_cameras(ws)

    def summary(*extra: str) -> dict[str, Any]:
        result = run_cli("import-inventory", "--db", str(db), str(CSV_FILE), "--json", *extra)
        assert result.returncode == 0, result.stderr
        return dict(json.loads(result.stdout.splitlines()[-1]))

    dry = summary("--dry-run", "--owner", "Cong an TP")
    real = summary("--owner", "Cong an TP")
    assert dry["flagged"] == real["flagged"] > 0 and dry["new"] == real["new"] == 691
    again = summary("--owner", "Cong an TP")
    assert (again["new"], again["unchanged"], again["updated"], again["gone"]) == (0, 691, 0, 0)
    assert again["flagged"] == 0
    result = run_cli("import-inventory", "--db", str(db), str(CSV_FILE), "--owner", "Cong an TP")
    assert "691 không đổi, 0 cập nhật, 0 mới, 0 không còn trong danh sách" in result.stdout
    with Workspace.open(db) as ws:
        imports = ws.db.execute(
            "SELECT count(*), count(DISTINCT owner_unit_id) FROM inventory_imports"
        ).fetchone()
        assert imports == (3, 1)
        refs = ws.db.execute(
            "SELECT count(*) FROM cameras WHERE ref LIKE 'node/%' AND deleted = 0"
        ).fetchone()
        assert refs[0] == 691


def _camera_count_in_statistics(ws: Workspace) -> int | None:
    if not ws.db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").fetchone():
        return None
    row = ws.db.execute(
        "SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_cameras_1'"
    ).fetchone()
    return int(row[0].split()[0]) if row else None


def test_a_large_import_refreshes_the_statistics_a_small_one_does_not(
    workspace: Workspace, tmp_path: Path
) -> None:
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    header = "ref;lat;lon\n"
    small.write_text(header + "S-1;21.0285;105.8542\n", encoding="utf-8")
    large.write_text(
        header + "".join(f"L-{n};21.{n:04d};105.8542\n" for n in range(1500)), encoding="utf-8"
    )
    import_inventory(workspace, small, owner=None)
    assert _camera_count_in_statistics(workspace) is None
    import_inventory(workspace, large, owner=None)
    counted = _camera_count_in_statistics(workspace)
    # ANALYZE with analysis_limit estimates a table's size from a sample: near, not exact.
    assert counted is not None and 1501 / 2 < counted < 1501 * 2
