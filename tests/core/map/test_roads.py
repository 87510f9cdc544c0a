"""The basemap's streets on a report's map of a commune: read for the extent the map shows,
drawn under the cameras with their names, and left out of a map too wide to print them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fieldsurvey.core.map import roads
from fieldsurvey.core.map.streets import bundled_path
from fieldsurvey.core.reports.writing import write_report
from fieldsurvey.core.store.workspace import Workspace

# Around Hồ Hoàn Kiếm (the old town's south end), a few hundred metres across.
LAKE = (105.848, 21.024, 105.856, 21.032)
# The whole of Hà Nội.
CITY = (105.28, 20.56, 106.02, 21.39)


def test_the_streets_of_a_small_extent_carry_their_classes_and_names() -> None:
    found = roads.roads_in(bundled_path(), LAKE)
    classes = {kind for kind, _, _ in found}
    assert {"primary", "minor"} <= classes <= set(roads.DRAWN_CLASSES)
    names = {name for _, name, _ in found if name}
    assert {"Phố Hàng Bài", "Phố Lê Thái Tổ", "Phố Đinh Tiên Hoàng"} <= names
    for _, _, points in found:
        assert len(points) >= 2
        for lon, lat in points:  # the tiles' own bounds reach a little past the extent
            assert 105.83 < lon < 105.88 and 21.01 < lat < 21.05


def test_a_map_too_wide_for_printed_streets_gets_none() -> None:
    assert len(roads.tiles_of(CITY, 14)) > roads.MAX_TILES
    assert roads.roads_in(bundled_path(), CITY) == ()
    assert roads.roads_in(bundled_path(), (float("nan"), 0.0, 1.0, 1.0)) == ()


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode, reason="no pdftotext"
)
def test_a_communes_report_draws_its_streets_and_the_citys_does_not(
    demo: Workspace, tmp_path: Path
) -> None:
    asked: list[tuple[float, float, float, float]] = []

    def streets(extent: tuple[float, float, float, float]) -> object:
        asked.append(extent)
        return roads.roads_in(bundled_path(), extent)

    commune = tmp_path / "hoan-kiem.pdf"
    write_report(
        demo.db, "pdf", commune, where=["commune=Phường Hoàn Kiếm"], draft=True, streets=streets
    )
    (extent,) = asked
    assert extent[2] - extent[0] < 0.05  # the commune's extent, at street scale
    text = " ".join(pdf_text(commune).split())
    assert "Đường phố: © OpenStreetMap contributors (ODbL)." in text
    printed = {name for _, name, _ in roads.roads_in(bundled_path(), extent) if name}
    # Names along a slanted street come out of the text layer a letter a line: compare letters.
    letters = "".join(text.split())
    assert sum("".join(name.split()) in letters for name in printed) >= 5
    city = tmp_path / "city.pdf"
    write_report(demo.db, "pdf", city, draft=True, streets=streets)
    assert len(asked) == 1  # the city's map shades communes; no streets are read for it
    assert "OpenStreetMap" not in pdf_text(city)
