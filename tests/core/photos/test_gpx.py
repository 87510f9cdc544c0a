"""GPX tracks: reading 1.0/1.1 safely, and placing photos by time (interpolated, nearest, none)."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import pytest

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.photos import gpx
from fieldsurvey.core.photos.gpx import (
    NO_PHOTO_TIME,
    Placement,
    TrackError,
    TrackPoint,
    geotag,
    photo_time_to_utc,
    place,
    read_gpx,
    read_track,
)
from tests.helpers import DATA

GPX = DATA / "gpx"
T0 = datetime(2025, 3, 14, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội
HANOI = timezone(timedelta(hours=7))


def line(n: int, *, step_s: float = 5, start: datetime = T0) -> list[TrackPoint]:
    """A synthetic straight track: lat and lon grow by 1e-5 degrees per second."""
    return [
        TrackPoint(
            start + timedelta(seconds=i * step_s),
            21.0 + i * step_s * 1e-5,
            105.8 + i * step_s * 1e-5,
            10.0 + i * step_s * 0.01,
        )
        for i in range(n)
    ]


def write(tmp_path: Path, text: str, name: str = "track.gpx") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def gpx11(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"{body}</gpx>"
    )


# --- reading -----------------------------------------------------------------------------------


def test_hoan_kiem_walk_gpx11_reads_every_fix_in_order() -> None:
    reading = read_track(GPX / "hoan_kiem_walk.gpx")
    points = reading.points
    assert len(points) == 121
    assert reading.skipped == 0
    assert points[0].time == T0
    assert points[-1].time == T0 + timedelta(minutes=10)
    assert all(b.time - a.time == timedelta(seconds=5) for a, b in pairwise(points))
    assert all(p.time.utcoffset() == timedelta(0) for p in points)
    # Everything on the lakeside path, nothing in the Gulf of Guinea.
    assert all(21.024 < p.lat < 21.033 and 105.850 < p.lon < 105.855 for p in points)
    assert all(p.ele is not None and 10 < p.ele < 14 for p in points)
    assert read_gpx(GPX / "hoan_kiem_walk.gpx") == list(points)


def test_gpx10_offsets_fractions_waypoints_and_skipped_points() -> None:
    reading = read_track(GPX / "van_mieu_gpx10.gpx")
    times = [p.time for p in reading.points]
    assert times == sorted(times)
    # The timed waypoint comes first (08:59:30.5 +07:00), then 8 of the 10 track points.
    assert len(reading.points) == 9
    assert times[0] == datetime(2025, 3, 15, 1, 59, 30, 500_000, tzinfo=UTC)
    assert datetime(2025, 3, 15, 2, 0, 10, tzinfo=UTC) in times  # written as 09:00:10+07:00
    assert datetime(2025, 3, 15, 2, 0, 15, 250_000, tzinfo=UTC) in times
    assert reading.skipped_no_time == 1
    assert reading.skipped_bad_position == 1  # the 0, 0 fix
    assert reading.skipped_bad_time == 0
    no_ele = [p for p in reading.points if p.time == datetime(2025, 3, 15, 2, 0, 25, tzinfo=UTC)]
    assert no_ele[0].ele is None


def test_no_namespace_foreign_extensions_and_unsorted_points(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '<gpx version="1.1" xmlns:x="urn:vendor"><trk><trkseg>'
        '<trkpt lat="21.01" lon="105.81"><time>2025-03-14T01:30:10Z</time>'
        "<extensions><x:time>1999-01-01T00:00:00Z</x:time></extensions></trkpt>"
        '<trkpt lat="21.00" lon="105.80"><time>2025-03-14T01:30:00.123456789Z</time></trkpt>'
        "</trkseg></trk></gpx>",
    )
    points = read_gpx(path)
    assert [p.lat for p in points] == [21.00, 21.01]
    assert points[0].time == T0 + timedelta(microseconds=123_456)
    assert points[1].time == T0 + timedelta(seconds=10)


def test_bad_points_are_skipped_and_counted(tmp_path: Path) -> None:
    body = (
        "<trk><trkseg>"
        '<trkpt lat="21.0" lon="105.8"><time>2025-03-14T01:30:00Z</time></trkpt>'
        '<trkpt lat="91" lon="105.8"><time>2025-03-14T01:30:05Z</time></trkpt>'
        '<trkpt lat="21.0" lon="181"><time>2025-03-14T01:30:10Z</time></trkpt>'
        '<trkpt lat="nan" lon="105.8"><time>2025-03-14T01:30:15Z</time></trkpt>'
        '<trkpt lon="105.8"><time>2025-03-14T01:30:20Z</time></trkpt>'
        '<trkpt lat="21.0" lon="105.8"><time>yesterday</time></trkpt>'
        '<trkpt lat="21.0" lon="105.8"><time>2025-02-30T01:30:00Z</time></trkpt>'
        '<trkpt lat="21.0" lon="105.8"><time>  </time></trkpt>'
        '<trkpt lat="21.0" lon="105.8"><ele>abc</ele><time>2025-03-14T01:30:30Z</time></trkpt>'
        "</trkseg></trk>"
    )
    reading = read_track(write(tmp_path, gpx11(body)))
    assert [p.time for p in reading.points] == [T0, T0 + timedelta(seconds=30)]
    assert reading.points[1].ele is None
    assert reading.skipped_bad_position == 4
    assert reading.skipped_bad_time == 2
    assert reading.skipped_no_time == 1


def test_points_outside_trk_trkseg_are_not_fixes(tmp_path: Path) -> None:
    body = (
        '<trk><trkpt lat="21.0" lon="105.8"><time>2025-03-14T01:30:00Z</time></trkpt></trk>'
        '<trk><trkseg><trkpt lat="21.1" lon="105.9"><time>2025-03-14T01:31:00Z</time></trkpt>'
        "</trkseg></trk>"
        '<rte><rtept lat="21.2" lon="105.7"><time>2025-03-14T01:32:00Z</time></rtept></rte>'
    )
    points = read_gpx(write(tmp_path, gpx11(body)))
    assert [(p.lat, p.lon) for p in points] == [(21.1, 105.9), (21.2, 105.7)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not_xml.gpx", "not valid XML"),
        ("not_gpx.gpx", "not GPX (its root element is <kml>)"),
        ("no_times.gpx", "has no points with a time"),
        ("billion_laughs.gpx", "DOCTYPE/ENTITY declaration"),
    ],
)
def test_unusable_files_raise_a_plain_bilingual_message(name: str, expected: str) -> None:
    with pytest.raises(TrackError) as caught:
        read_gpx(GPX / name)
    message = str(caught.value)
    assert isinstance(caught.value, FieldSurveyError)
    assert expected in message
    vietnamese, english = message.split(" / ")
    assert vietnamese.startswith(f"Tệp {name}")
    assert name in english


def test_no_times_counts_what_it_skipped() -> None:
    with pytest.raises(TrackError, match=r"bỏ qua 3 điểm.*3 points skipped"):
        read_gpx(GPX / "no_times.gpx")


def test_billion_laughs_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*args: object) -> None:
        raise AssertionError("the parser must not see a DOCTYPE")

    monkeypatch.setattr(gpx, "_parse", parse)
    started = time.monotonic()
    with pytest.raises(TrackError, match="DOCTYPE"):
        read_gpx(GPX / "billion_laughs.gpx")
    assert time.monotonic() - started < 5  # generous: it is a byte search over 1 kB


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_the_parser_refuses_a_doctype_the_prescan_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    # Stand-in for an encoding the byte search does not know: switch the search off.
    monkeypatch.setattr(gpx, "_DECLARATION", re.compile(b"(?!)"))
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        + gpx11(
            '<wpt lat="21" lon="105"><time>2025-03-14T01:30:00Z</time><name>&b;</name></wpt>'
        ).split("\n", 1)[1]
    )
    path = tmp_path / "sneaky.gpx"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(TrackError, match="DOCTYPE"):
        read_gpx(path)


def test_utf16_doctype_is_caught_by_the_prescan(tmp_path: Path) -> None:
    path = tmp_path / "utf16.gpx"
    path.write_bytes('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE gpx><gpx/>'.encode("utf-16"))
    with pytest.raises(TrackError, match="DOCTYPE"):
        read_gpx(path)


def test_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.gpx"
    with path.open("wb") as file:
        file.truncate(gpx.MAX_BYTES + 1)  # sparse: no disk used, nothing worth reading
    with pytest.raises(TrackError, match=r"too large \(50\.0 MB, the limit is 50 MB\)"):
        read_gpx(path)


def test_byte_and_point_limits_can_be_lowered() -> None:
    walk = GPX / "hoan_kiem_walk.gpx"
    with pytest.raises(TrackError, match="too large"):
        read_gpx(walk, max_bytes=1000)
    with pytest.raises(TrackError, match="more than 100 points"):
        read_gpx(walk, max_points=100)
    assert len(read_gpx(walk, max_points=121)) == 121


def test_other_namespace_gpx_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(TrackError, match=r"not GPX \(its root element is <\{urn:other\}gpx>\)"):
        read_gpx(write(tmp_path, '<gpx xmlns="urn:other"/>'))
    with pytest.raises(TrackError, match=r"Cannot read missing\.gpx"):
        read_gpx(tmp_path / "missing.gpx")
    with pytest.raises(TrackError, match="not valid XML"):
        read_gpx(write(tmp_path, "", name="empty.gpx"))
    with pytest.raises(TrackError, match="not readable XML"):
        read_gpx(write(tmp_path, '<?xml version="1.0" encoding="x-klingon"?><gpx/>'))


# --- placing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [0.5, 2.5, 7.25, 33.0, 123.4, 591.0])
def test_interpolation_is_exact_on_a_straight_line(seconds: float) -> None:
    track = line(121)
    placement = place(track, T0 + timedelta(seconds=seconds), tolerance_s=60)
    assert placement.method == "interpolated"
    assert placement.lat == pytest.approx(21.0 + seconds * 1e-5, abs=1e-12)
    assert placement.lon == pytest.approx(105.8 + seconds * 1e-5, abs=1e-12)
    assert placement.ele == pytest.approx(10.0 + seconds * 0.01, abs=1e-9)
    offset = seconds % 5
    assert placement.gap_s == pytest.approx(min(offset, 5 - offset))
    assert placement.reason is None


def test_a_photo_at_a_fix_takes_that_fix() -> None:
    track = line(10)
    assert place(track, track[3].time) == Placement(
        track[3].lat, track[3].lon, track[3].ele, 0.0, "nearest"
    )


def test_nearest_within_tolerance_beyond_the_ends() -> None:
    track = line(10)  # 01:30:00 to 01:30:45
    before = place(track, T0 - timedelta(seconds=40), tolerance_s=60)
    assert before == Placement(track[0].lat, track[0].lon, track[0].ele, 40.0, "nearest")
    after = place(track, track[-1].time + timedelta(seconds=59.5), tolerance_s=60)
    assert after == Placement(track[-1].lat, track[-1].lon, track[-1].ele, 59.5, "nearest")


def test_none_beyond_tolerance_says_how_far() -> None:
    track = line(10)
    placement = place(track, T0 - timedelta(seconds=312), tolerance_s=60)
    assert (placement.lat, placement.lon, placement.ele) == (None, None, None)
    assert placement.method == "none"
    assert placement.gap_s == 312
    assert placement.reason is not None
    english = placement.reason.text("en")
    assert "nearest fix is 312 s away, more than the 60 s tolerance" in english
    assert "before the track starts" in english
    assert placement.reason.text("vi").startswith("ảnh chụp trước khi vết GPS bắt đầu")
    late = place(track, track[-1].time + timedelta(hours=2), tolerance_s=60)
    assert late.reason is not None and "after the track ends" in late.reason.text("en")


def test_camera_offset_shifts_the_match() -> None:
    track = line(121)
    # The walker was at fix 20 (01:31:40) but the camera, 90 s slow, wrote 01:30:10.
    camera_time = track[20].time - timedelta(seconds=90)
    wrong = place(track, camera_time, camera_offset_s=0)
    assert (wrong.lat, wrong.lon) == (track[2].lat, track[2].lon)
    right = place(track, camera_time, camera_offset_s=90)
    assert (right.lat, right.lon, right.gap_s) == (track[20].lat, track[20].lon, 0.0)
    # A camera that is fast needs a negative offset.
    fast = place(track, track[20].time + timedelta(seconds=42.5), camera_offset_s=-42.5)
    assert (fast.lat, fast.lon) == (track[20].lat, track[20].lon)


def test_no_interpolation_across_a_logger_gap() -> None:
    track = read_gpx(GPX / "two_segments.gpx")
    last_of_first = track[11]
    first_of_second = track[12]
    assert (first_of_second.time - last_of_first.time).total_seconds() == 1200
    middle = last_of_first.time + timedelta(minutes=10)
    placement = place(track, middle, tolerance_s=60)
    assert placement.method == "none"
    assert placement.lat is None
    assert placement.gap_s == 600
    assert placement.reason is not None
    english = placement.reason.text("en")
    assert "the photo falls in a 1200 s gap in the track (logger off or no fix)" in english
    assert "nearest fix is 600 s away, more than the 60 s tolerance" in english
    assert "khoảng trống 1200 giây" in placement.reason.text("vi")
    # Even a tolerance wide enough to reach one end never bridges the gap: that end is used.
    near_end = place(track, last_of_first.time + timedelta(seconds=10), tolerance_s=60)
    assert near_end == Placement(
        last_of_first.lat, last_of_first.lon, last_of_first.ele, 10.0, "nearest"
    )
    # Interpolation needs both fixes within tolerance, so only a tolerance of half the gap
    # or more bridges it.
    assert place(track, middle, tolerance_s=600).method == "interpolated"


def test_hoan_kiem_photo_with_a_local_camera_time() -> None:
    track = read_gpx(GPX / "hoan_kiem_walk.gpx")
    taken = photo_time_to_utc("2025:03:14 08:32:17")  # EXIF DateTimeOriginal, Hà Nội time
    assert taken == T0 + timedelta(minutes=2, seconds=17)
    placement = place(track, taken)
    assert placement.method == "interpolated"
    assert placement.gap_s == 2.0
    a, b = track[27], track[28]  # 08:32:15 and 08:32:20
    assert placement.lat is not None and placement.lon is not None and placement.ele is not None
    assert min(a.lat, b.lat) <= placement.lat <= max(a.lat, b.lat)
    assert min(a.lon, b.lon) <= placement.lon <= max(a.lon, b.lon)
    assert placement.lat == pytest.approx(a.lat + (b.lat - a.lat) * 0.4)


def test_a_100000_point_track_places_correctly() -> None:
    track = line(100_000, step_s=1)
    for second in (0.25, 1.5, 50_000.5, 77_777.75, 99_998.5):
        placement = place(track, T0 + timedelta(seconds=second), tolerance_s=5)
        assert placement.method == "interpolated"
        assert placement.lat == pytest.approx(21.0 + second * 1e-5, abs=1e-9)
        assert placement.lon == pytest.approx(105.8 + second * 1e-5, abs=1e-9)
    last = place(track, track[-1].time + timedelta(seconds=3), tolerance_s=5)
    assert (last.method, last.lat, last.gap_s) == ("nearest", track[-1].lat, 3.0)
    # Cut a 30-minute hole into it: the middle of the hole is not placed.
    holed = track[:40_000] + line(10_000, step_s=1, start=T0 + timedelta(seconds=41_800))
    assert place(holed, T0 + timedelta(seconds=40_900), tolerance_s=5).method == "none"


def test_empty_track_and_bad_arguments() -> None:
    empty = place([], T0)
    assert empty == Placement(None, None, None, None, "none", empty.reason)
    assert str(empty.reason) == "vết GPS không có điểm nào / the track has no points"
    with pytest.raises(ValueError, match="timezone-aware"):
        place(line(3), datetime(2025, 3, 14, 8, 30))
    with pytest.raises(ValueError, match="tolerance_s"):
        place(line(3), T0, tolerance_s=-1)
    with pytest.raises(ValueError, match="camera_offset_s"):
        place(line(3), T0, camera_offset_s=float("nan"))
    with pytest.raises(ValueError, match="timezone-aware"):
        TrackPoint(datetime(2025, 3, 14), 21.0, 105.8, None)


# --- photo times -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14T08:30:00", T0),  # naive: Hà Nội time
        ("2025-03-14 08:30:00", T0),
        ("2025:03:14 08:30:00", T0),  # EXIF's own layout
        ("2025-03-14T08:30", T0),
        ("2025-03-14T08:30:00.5", T0 + timedelta(milliseconds=500)),
        ("2025-03-14T01:30:00Z", T0),
        ("2025-03-14T01:30:00z", T0),
        ("2025-03-14T08:30:00+07:00", T0),
        ("2025-03-14T03:30:00+0200", T0),
        ("2025-03-13T20:30:00-05:00", T0),
        (" 2025-03-14T08:30:00 ", T0),
    ],
)
def test_photo_time_to_utc(text: str, expected: datetime) -> None:
    result = photo_time_to_utc(text)
    assert result == expected
    assert result.tzinfo == UTC


def test_naive_photo_times_get_the_assumed_offset() -> None:
    assert photo_time_to_utc("2025-03-14T08:30:00").astimezone(HANOI).hour == 8
    assert photo_time_to_utc("2025-03-14T01:30:00", assumed_utc_offset="Z") == T0
    assert photo_time_to_utc("2025-03-14T03:30:00", assumed_utc_offset="+02:00") == T0
    # An explicit offset wins over the assumed one.
    assert photo_time_to_utc("2025-03-14T01:30:00Z", assumed_utc_offset="+02:00") == T0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2025-03-14",  # a date without a time of day places nothing
        "2025-13-01T08:30:00",
        "2025-02-29T08:30:00",
        "2025-03-14T25:00:00",
        "0000:00:00 00:00:00",  # what cameras write when their clock was never set
        "2025-03-14T08:30:00+25:00",
        "2025-03-14T08:30:00 Hanoi",
        "2025-03-14T08:30:00+07:00 trailing",
    ],
)
def test_photo_time_nonsense_raises(text: str) -> None:
    with pytest.raises(ValueError):
        photo_time_to_utc(text)


@pytest.mark.parametrize(
    "offset", ["", "7", "+7:00", "+07:60", "+15:00", "UTC+7", "Asia/Ho_Chi_Minh"]
)
def test_bad_assumed_offset_raises(offset: str) -> None:
    with pytest.raises(ValueError):
        photo_time_to_utc("2025-03-14T08:30:00", assumed_utc_offset=offset)


# --- geotag ------------------------------------------------------------------------------------


def test_geotag_a_batch_in_order() -> None:
    track = line(121)
    photos = [
        ("a.jpg", "2025-03-14T08:30:02.5"),
        ("b.jpg", None),
        ("c.jpg", "2025-03-14T08:20:00"),
        ("d.jpg", "not a time"),
        ("e.jpg", "   "),
        ("f.jpg", "2025-03-14T01:30:10Z"),
    ]
    results = geotag(track, photos, tolerance_s=60, camera_offset_s=0, assumed_utc_offset="+07:00")
    assert [key for key, _ in results] == ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg"]
    by_key = dict(results)
    assert by_key["a.jpg"].method == "interpolated"
    assert by_key["a.jpg"].lat == pytest.approx(21.0 + 2.5e-5)
    assert by_key["b.jpg"] == Placement(None, None, None, None, "none", NO_PHOTO_TIME)
    assert str(NO_PHOTO_TIME) == "ảnh không có thời gian chụp / the photo has no time"
    assert by_key["c.jpg"].method == "none"
    assert by_key["c.jpg"].gap_s == 600
    assert by_key["d.jpg"].method == "none"
    reason = by_key["d.jpg"].reason
    assert reason is not None and "cannot be read" in reason.text("en")
    assert by_key["e.jpg"].reason == NO_PHOTO_TIME
    assert (by_key["f.jpg"].method, by_key["f.jpg"].lat) == ("nearest", track[2].lat)


def test_geotag_applies_offset_and_camera_offset_and_sorts_the_track() -> None:
    track = line(121)
    shuffled = track[::2] + track[1::2]
    # Camera 90 s slow and set to UTC: wrote 01:30:10 when it was 01:31:40 (fix 20).
    results = geotag(
        shuffled,
        [("slow.jpg", "2025-03-14T01:30:10")],
        tolerance_s=60,
        camera_offset_s=90,
        assumed_utc_offset="Z",
    )
    placement = results[0][1]
    assert (placement.lat, placement.lon, placement.gap_s) == (track[20].lat, track[20].lon, 0)


def test_geotag_rejects_bad_settings_even_without_timed_photos() -> None:
    with pytest.raises(ValueError):
        geotag(
            line(3),
            [("a.jpg", None)],
            tolerance_s=60,
            camera_offset_s=0,
            assumed_utc_offset="+99:00",
        )
    with pytest.raises(ValueError):
        geotag(
            line(3),
            [("a.jpg", None)],
            tolerance_s=-5,
            camera_offset_s=0,
            assumed_utc_offset="+07:00",
        )
