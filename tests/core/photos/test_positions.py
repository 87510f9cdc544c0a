"""A batch of photos judged against the record they were added to: how far each was taken
from the recorded position, and whether it was taken in Hà Nội at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldsurvey.core.photos.positions import in_hanoi, positions_to_decide
from fieldsurvey.core.photos.store import ingest_photos
from fieldsurvey.core.store.workspace import Workspace
from tests.core.photos.test_photos import make_jpeg
from tests.helpers import DATA

ITALY = DATA / "photos" / "exif-samples" / "jpg" / "gps"
HOAN_KIEM = (21.0285, 105.8542)


def test_hanoi_and_elsewhere(workspace: Workspace) -> None:
    assert in_hanoi(workspace.db, *HOAN_KIEM)
    assert not in_hanoi(workspace.db, 43.4674, 11.8851)  # Tuscany
    assert not in_hanoi(workspace.db, 10.7769, 106.7009)  # Thành phố Hồ Chí Minh


def test_far_photos_are_decided_near_ones_confirm(workspace: Workspace, tmp_path: Path) -> None:
    near = make_jpeg(tmp_path / "near.jpg", gps=(21.02855, 105.85425), seed=1)  # a few metres
    across = make_jpeg(tmp_path / "across.jpg", gps=(21.0368, 105.8342), seed=2)  # Ba Đình
    italy = tmp_path / "DSCN0010.jpg"
    shutil.copy(ITALY / "DSCN0010.jpg", italy)
    results = ingest_photos(workspace, [near, across, italy], workers=1)

    decided = positions_to_decide(workspace.db, HOAN_KIEM, results)
    assert [p.name for p in decided] == ["across.jpg", "DSCN0010.jpg"]
    across_hanoi, far_away = decided
    assert across_hanoi.in_hanoi and not far_away.in_hanoi
    assert across_hanoi.distance_m == pytest.approx(2280, rel=0.02)
    assert far_away.distance_m == pytest.approx(8_723_864, rel=0.001)
    assert far_away.values()["location_source"] == "photo_exif"
    assert far_away.values()["lat"] == round(far_away.lat, 7)

    # a record without a position: every photo with one is a candidate, with no distance
    unplaced = positions_to_decide(workspace.db, None, results)
    assert [p.name for p in unplaced] == ["near.jpg", "across.jpg", "DSCN0010.jpg"]
    assert all(p.distance_m is None for p in unplaced)
