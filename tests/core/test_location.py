"""Coordinates as surveyors type or paste them, and distances."""

from __future__ import annotations

import pytest

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.location import format_coordinates, parse_coordinates

HOAN_KIEM = (21.0285, 105.8542)


@pytest.mark.parametrize(
    "text",
    [
        "21.0285, 105.8542",
        "21.0285 105.8542",
        "21.0285;105.8542",
        "  21.0285 ,  105.8542  ",
        "21,0285 105,8542",  # decimal commas
        "N21°01.71' E105°51.252'",  # degrees and minutes, hemisphere first
        "105°51.252'E, 21°01.71'N",  # the wrong way round, but the letters say which is which
    ],
)
def test_decimal_and_dm_forms(text: str) -> None:
    assert parse_coordinates(text) == HOAN_KIEM


@pytest.mark.parametrize(
    "text",
    [
        "21°01'42.6\"N 105°51'15.1\"E",
        "21 01 42.6 N 105 51 15.1 E",
        "21°01′42.6″N, 105°51′15.1″E",
    ],
)
def test_degrees_minutes_seconds(text: str) -> None:
    lat, lon = parse_coordinates(text)
    assert distance_m(lat, lon, *HOAN_KIEM) < 1


def test_southern_and_western_hemispheres() -> None:
    assert parse_coordinates("33°52'S 151°12'E") == (pytest.approx(-33.8666667), 151.2)
    assert parse_coordinates("-33.9, 151.2") == (-33.9, 151.2)
    assert parse_coordinates("40.7N 74.0W") == (40.7, -74.0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "21.0285",
        "21.1 105.8 3",
        "21°70'N 105°E",
        "200, 10",
        "21, 190",
        "N21 N105",
        "x" * 500,
    ],
)
def test_unreadable_text_is_refused_with_the_forms_that_work(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_coordinates(text)
    assert "21.0285, 105.8542" in str(info.value) or "phạm vi" in str(info.value)


def test_format_reads_back() -> None:
    assert parse_coordinates(format_coordinates(*HOAN_KIEM)) == HOAN_KIEM
    assert format_coordinates(None, None) == ""


def test_distance() -> None:
    # along a meridian, 0.01° is 1/100 of a degree of the mean Earth radius's great circle
    assert distance_m(21.0, 105.8, 21.01, 105.8) == pytest.approx(1111.95, abs=0.05)
    # along a parallel it shrinks with the cosine of the latitude
    assert distance_m(60.0, 10.0, 60.0, 10.01) == pytest.approx(555.97, abs=0.05)
    assert distance_m(*HOAN_KIEM, *HOAN_KIEM) == 0
