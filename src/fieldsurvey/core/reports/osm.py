"""GeoJSON and CSV with OpenStreetMap's surveillance keys, and the photo folder beside them."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, TextIO

from fieldsurvey.core import vocabulary
from fieldsurvey.core.reports import tables
from fieldsurvey.core.reports.tables import CameraRow, Column, Job, count
from fieldsurvey.core.text import spreadsheet_text

# -- GeoJSON and CSV (OpenStreetMap keys) ----------------------------------------------------------

OSM_KEYS: Final = (
    "fieldsurvey:id",
    "man_made",
    "surveillance",
    "surveillance:type",
    "surveillance:zone",
    "camera:type",
    "camera:mount",
    "camera:direction",
    "camera:angle",
    "height",
    "operator",
    "name",
    "ref",
    "start_date",
    "description",
    "lat",
    "lon",
    "fieldsurvey:site_id",
    "fieldsurvey:site",
    "fieldsurvey:site_category",
    "fieldsurvey:commune_code",
    "fieldsurvey:commune",
    "fieldsurvey:purposes",
    "fieldsurvey:condition",
    "fieldsurvey:connectivity",
    "fieldsurvey:resolution_mp",
    "fieldsurvey:night_vision",
    "fieldsurvey:storage_days",
    "fieldsurvey:ai_functions",
    "fieldsurvey:review_state",
    "fieldsurvey:owner_contact",
    "fieldsurvey:location_rounded",
    "fieldsurvey:photos",
)
_SENSITIVE_OSM: Final = ("fieldsurvey:owner_contact", "fieldsurvey:photos")


def osm_keys(omit_sensitive: bool) -> list[str]:
    return [k for k in OSM_KEYS if not (omit_sensitive and k in _SENSITIVE_OSM)]


def _num(value: Any) -> str:
    return "" if value is None else f"{value:g}"


def osm_properties(row: CameraRow) -> dict[str, Any]:
    """A camera as OpenStreetMap tags (man_made=surveillance …) plus fieldsurvey:* keys.

    OSM keys carry OSM values; fieldsurvey:* keys carry the report language's labels.
    """
    v, c = row.values, row.codes
    tags: dict[str, Any] = {
        "fieldsurvey:id": v["id"],
        "man_made": "surveillance",
        "surveillance:type": "camera",
    }
    if c["camera_type"]:
        tags.update(vocabulary.osm_tags("camera_type", c["camera_type"]))
    if c["mount"]:
        tags.update(vocabulary.osm_tags("camera_mount", c["mount"]))
    if c["site_category"]:
        tags.update(vocabulary.osm_tags("site_category", c["site_category"]))
    if row.views:
        tags["camera:direction"] = ";".join(f"{d:g}" for d, _ in row.views)
        if all(a is not None for _, a in row.views):
            tags["camera:angle"] = ";".join(f"{a:g}" for _, a in row.views)
    tags["height"] = _num(c["height_m"]) or None
    tags["operator"] = v["owner"] or None
    tags["name"] = v["name"] or None
    tags["ref"] = v["ref"] or None
    tags["start_date"] = str(c["install_year"]) if c["install_year"] else None
    tags["description"] = v["notes"] or None
    tags["lat"], tags["lon"] = v["lat"], v["lon"]
    tags.update(
        {
            "fieldsurvey:site_id": c["site_id"],
            "fieldsurvey:site": v["site"] or None,
            "fieldsurvey:site_category": v["site_category"] or None,
            "fieldsurvey:commune_code": v["commune_code"] or None,
            "fieldsurvey:commune": v["commune"] or None,
            "fieldsurvey:purposes": v["purposes"] or None,
            "fieldsurvey:condition": v["condition"] or None,
            "fieldsurvey:connectivity": v["connectivity"] or None,
            "fieldsurvey:resolution_mp": v["resolution_mp"],
            "fieldsurvey:night_vision": v["night_vision"] or None,
            "fieldsurvey:storage_days": v["storage_days"],
            "fieldsurvey:ai_functions": v["ai_functions"] or None,
            "fieldsurvey:review_state": v["review_state"] or None,
            "fieldsurvey:owner_contact": v["owner_contact"] or None,
            "fieldsurvey:location_rounded": "yes" if row.rounded else None,
            "fieldsurvey:photos": ";".join(row.photo_ids) or None,
        }
    )
    return tags


def _records(job: Job) -> tuple[tuple[Column, ...], Iterator[dict[str, Any]]]:
    """The columns and rows of the needs or the plan's items, as the workbook shows them."""
    job.total = count(job.db, job.records, job.where)
    if job.records == "needs":
        return tables.NEED_COLUMNS, job.needs()
    rows = tables.plan_records(job.db, job.where, job.lang, job.omit_sensitive)
    return tables.PLAN_COLUMNS, rows


def _write_csv(job: Job, handle: TextIO, photos_dir: Path | None) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    if job.records != "cameras":
        columns, rows = _records(job)
        writer.writerow([c.header(job.lang) for c in columns])
        for record in rows:
            writer.writerow([_csv_cell(record[c.key]) for c in columns])
            job.step("CSV")
        return
    keys = osm_keys(job.omit_sensitive)
    job.total = count(job.db, "cameras", job.where)
    writer.writerow(keys)
    for row in job.cameras(with_photos=photos_dir is not None):
        if photos_dir is not None:
            _copy_photos(job, row, photos_dir)
        tags = osm_properties(row)
        writer.writerow([_csv_cell(tags.get(k)) for k in keys])
        job.step("CSV")


def _csv_cell(value: Any) -> Any:
    """A CSV cell: numbers as they are, text that a spreadsheet would take for a formula
    behind an apostrophe (text.spreadsheet_text), nothing as an empty cell."""
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value


def _point(lat: Any, lon: Any) -> dict[str, Any] | None:
    return None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}


def _write_geojson(job: Job, handle: TextIO, photos_dir: Path | None) -> None:
    """A FeatureCollection of points (cameras, needs or plan items), one feature per line."""
    handle.write('{"type": "FeatureCollection", "features": [\n')
    if job.records != "cameras":
        columns, rows = _records(job)
        keys = [c.key for c in columns if c.key not in ("id", "lat", "lon")]
        for number, record in enumerate(rows):
            feature = {
                "type": "Feature",
                "id": record["id"],
                "geometry": _point(record["lat"], record["lon"]),
                "properties": {k: record[k] for k in keys if record[k] not in (None, "")},
            }
            handle.write(("" if number == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
            job.step("GeoJSON")
        handle.write("\n]}\n")
        return
    keys = osm_keys(job.omit_sensitive)
    job.total = count(job.db, "cameras", job.where)
    first = True
    for row in job.cameras(with_photos=photos_dir is not None):
        if photos_dir is not None:
            _copy_photos(job, row, photos_dir)
        tags = osm_properties(row)
        lat, lon = tags.pop("lat"), tags.pop("lon")
        feature = {
            "type": "Feature",
            "id": row.values["id"],
            "geometry": _point(lat, lon),
            "properties": {k: tags[k] for k in keys if k in tags and tags[k] is not None},
        }
        handle.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
        job.step("GeoJSON")
    handle.write("\n]}\n")


def photos_folder(out: Path) -> Path:
    """Where the clean photo copies of a GeoJSON/CSV report go: ``<name>_photos/`` beside it."""
    return out.with_name(out.stem + "_photos")


def _copy_photos(job: Job, row: CameraRow, folder: Path) -> None:
    from fieldsurvey.core.photos.store import PhotoStore, clean_copy

    if job.photo_folder is None or not row.photo_ids:
        return
    store = PhotoStore(job.photo_folder)
    kept = []
    for pid in row.photo_ids:
        sha = job.db.execute("SELECT sha256 FROM photos WHERE id = ?", [pid]).fetchone()[0]
        original = store.find_original(str(sha))
        if original is None:
            continue
        clean_copy(original, folder / f"{pid}.jpg", longest=DISPLAY_LONGEST)
        kept.append(f"{job.photos_name}/{pid}.jpg")
    row.photo_ids = kept


# Photos that leave in a report folder are display-sized clean copies.
DISPLAY_LONGEST: Final = 1600
