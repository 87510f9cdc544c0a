"""Where a record's new photos say it is: each photo's position, how far it is from the
position the record already has, and whether it lies in Hà Nội at all (a phone's position from
another city, or a photo taken on a trip, is never offered as if it were the record's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from fieldsurvey.core import reference
from fieldsurvey.core.geo import distance_m
from fieldsurvey.core.photos.store import IngestResult

# A photo taken this close to the recorded position confirms it: nothing to ask.
FAR_FROM_PHOTO_M = 30.0


@dataclass(frozen=True)
class PhotoPosition:
    """One photo's position, judged against the record it was added to."""

    name: str
    """The file's name, as the surveyor knows the photo."""
    lat: float
    lon: float
    accuracy_m: float | None
    distance_m: float | None
    """From the record's recorded position; None when the record has none."""
    in_hanoi: bool
    """Inside one of Hà Nội's communes (with the lookup's tolerance along their edges)."""

    def values(self) -> dict[str, object]:
        """The record's fields set from this photo, when the surveyor chooses it."""
        values: dict[str, object] = {
            "lat": round(self.lat, 7),
            "lon": round(self.lon, 7),
            "location_source": "photo_exif",
        }
        if self.accuracy_m is not None:
            values["location_accuracy_m"] = self.accuracy_m
        return values


def in_hanoi(db: sqlite_utils.Database, lat: float, lon: float) -> bool:
    """Whether (lat, lon) lies in one of Hà Nội's communes."""
    return reference.commune_at(db, lon, lat) is not None


def positions_to_decide(
    db: sqlite_utils.Database,
    recorded: tuple[float, float] | None,
    results: Sequence[IngestResult],
    *,
    far_m: float = FAR_FROM_PHOTO_M,
) -> list[PhotoPosition]:
    """The photos of a batch whose position the surveyor should decide on, in the batch's
    order: every photo with a position when the record has none, else those taken more than
    ``far_m`` metres from the recorded position."""
    out = []
    for result in results:
        meta = result.metadata
        if result.photo_id is None or meta is None or meta.lat is None or meta.lon is None:
            continue
        gap = None if recorded is None else distance_m(*recorded, meta.lat, meta.lon)
        if gap is not None and gap <= far_m:
            continue
        out.append(
            PhotoPosition(
                name=Path(result.source).name,
                lat=meta.lat,
                lon=meta.lon,
                accuracy_m=meta.gps_accuracy_m,
                distance_m=gap,
                in_hanoi=in_hanoi(db, meta.lat, meta.lon),
            )
        )
    return out
