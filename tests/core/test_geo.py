"""Distances and directions (core/geo.py): the great circle and the flat-earth shortcut agree
over the distances the shortcut is used for."""

from __future__ import annotations

import math

import pytest

from fieldsurvey.core.geo import bearing_and_distance, destination, distance_m, offset_m

LAKE = (21.0287, 105.8524)  # Hoàn Kiếm lake


def test_great_circle_distance_hanoi_to_hai_phong() -> None:
    # Hà Nội (Hoàn Kiếm) to Hải Phòng (the opera house): 88.5 km as the crow flies.
    assert distance_m(*LAKE, 20.8588, 106.6845) == pytest.approx(88_450, abs=100)
    assert distance_m(*LAKE, *LAKE) == 0


@pytest.mark.parametrize("bearing", [0, 45, 90, 135, 180, 270, 333])
@pytest.mark.parametrize("metres", [5, 80, 500])
def test_flat_earth_round_trip_agrees_with_the_great_circle(bearing: float, metres: float) -> None:
    lat, lon = destination(*LAKE, metres, bearing)
    back_bearing, back_metres = bearing_and_distance(*LAKE, lat, lon)
    assert back_metres == pytest.approx(metres, rel=1e-9)
    assert (back_bearing - bearing + 180) % 360 - 180 == pytest.approx(0, abs=1e-6)
    assert distance_m(*LAKE, lat, lon) == pytest.approx(metres, rel=0.005)


def test_offset_is_east_then_north() -> None:
    east, north = offset_m(*LAKE, LAKE[0] + 0.001, LAKE[1])
    assert east == 0 and north == pytest.approx(111.32)
    east, north = offset_m(*LAKE, LAKE[0], LAKE[1] + 0.001)
    assert north == 0 and east == pytest.approx(111.32 * math.cos(math.radians(LAKE[0])))
