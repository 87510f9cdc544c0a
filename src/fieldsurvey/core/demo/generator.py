"""The deterministic demo workspace: trainers' data, test fixtures and benchmark data, one recipe.

Everything random comes from one seeded generator, the clock and the UUIDs are derived from it,
so the same seed gives the same content in every table. The sites are real places of Hà Nội at
their real positions, in their real communes (the small demo draws 300 of the places file; the
city demo repeats them, see ``_Recipe.places``); the cameras, shortcomings, needs and reviews are
invented for training; the administrative units and the city's unit names are the real ones.
What it is made of is in data.py. Longer than most modules on purpose: the recipe is one
sequence of random draws, and the same-seed guarantee depends on their order, which is read in
one place."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import json
import math
import random
import re
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from fieldsurvey.core import reference
from fieldsurvey.core.clock import physical_ms
from fieldsurvey.core.demo.data import (
    CITY_UNITS,
    FEATURED,
    OWNER_FOR_CATEGORY,
    PRIVATE_OWNERS,
    RECIPES,
    SHORTCOMING_REMEDY,
    RealPlace,
    real_places,
)
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.geo import (
    METRES_PER_DEGREE,
    bearing_and_distance,
    destination,
    metres_per_degree_lon,
)
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.photos.store import (
    PreparedPhoto,
    prepare_many,
    record_photo,
)
from fieldsurvey.core.store import listing, search
from fieldsurvey.core.store.db import (
    build_then_replace,
    bulk_cache,
    indexes_made_after,
    photo_folder,
    refresh_statistics,
)
from fieldsurvey.core.store.stats import workspace_stats
from fieldsurvey.core.store.workspace import Workspace, iso_from_ms
from fieldsurvey.core.tasks import Progress, no_progress
from fieldsurvey.core.text import fold
from fieldsurvey.core.transaction import write_transaction
from fieldsurvey.core.trust import keys, ledger
from fieldsurvey.core.trust.keys import ROLES

SIZES = {"small": (300, 1000), "city": (50_000, 200_000)}
DEMO_PHOTOS = 40
# 2025-03-03 08:00 in Hà Nội: the survey season of Plan 67/KH-UBND. The units and the device
# keys are dated from here in every demo workspace, whatever day it was built, so workspaces of
# a seed built on different days hold the same first entries of the office's log.
DEMO_START_MS = 1_740_963_600_000
# The surveying itself (the records' clocks, photos, reviews, due dates) is dated from the day
# the demo is built: the season began this many days before it (long enough for the city
# demo's changes, seven seconds apart, to end before that day) and what is due falls after it,
# so a fresh demo is never already overdue.
SEASON_BEGAN_DAYS_AGO = {"small": 14, "city": 60}
HANOI_TIME = dt.timezone(dt.timedelta(hours=7))
# Unit UUIDs are fixed names in this namespace, so every demo workspace (office or surveyor)
# agrees on them and sync packages between demo workspaces refer to the same units.
DEMO_NAMESPACE = uuid.UUID("6f1c2b4e-6a0e-4d55-9a3e-2f5d0c9b7a10")
# Cameras stand this far from their site's point (metres), on dry ground (the places file says
# where), and this far from each other where they can.
CAMERA_NEAREST_M, CAMERA_FURTHEST_M = 5.0, 50.0
CAMERA_APART_M = 15.0
ALL_GROUND = tuple((45.0 * i, CAMERA_FURTHEST_M) for i in range(8))
# The page cache while the records are written (KiB; db.bulk_cache). The city demo's rows land
# all over the primary-key indexes of random UUIDs and the search index, and its indexes are
# sorted in it when they are made; with SQLite's default 2 MiB, pages were written out to the
# WAL and read back again and again (some 2 s of system time; 64 MiB, the import's, did not
# show it). It grows only as far as the file, 5 MB for the small demo.
BUILD_CACHE_KIB = 256 << 10
# The tables the demo fills in bulk: their secondary indexes are made once they are full.
BULK_TABLES = ("sites", "cameras", "shortcomings", "needs", "assignments", "change_rows")


# A camera's draws by weight, the weights summed once (``choices`` with ``cum_weights`` draws
# exactly as with the weights, without summing them for every camera).
_TURNS = (0.0, -90.0, 90.0, 180.0)
_TURN_WEIGHTS = tuple(itertools.accumulate((4, 2, 2, 2)))
_CONDITIONS = ("working", "degraded", "not_working", "removed")
_CONDITION_WEIGHTS = tuple(itertools.accumulate((70, 15, 11, 4)))
_CONNECTIVITY = ("connected_city_centre", "connected_police", "connected_local", "standalone")
_CONNECTIVITY_WEIGHTS = tuple(itertools.accumulate((30, 20, 25, 25)))


def uuid4_text(bits: int) -> str:
    """``str(uuid.UUID(int=bits, version=4))``, without making the UUID object (the city demo
    makes over a million ids)."""
    bits = (bits & ~(0xC000 << 48) & ~(0xF000 << 64)) | (0x8000 << 48) | (4 << 76)
    text = f"{bits:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class DemoClock:
    """A clock that starts at the demo date and moves seven seconds per change."""

    def __init__(self, start_ms: int = DEMO_START_MS, step_ms: int = 7_000) -> None:
        self._now = start_ms
        self._step = step_ms

    def __call__(self) -> int:
        self._now += self._step
        return self._now


def season_start_ms(today: dt.date, size: str) -> int:
    """08:00 in Hà Nội on the day the demo's survey season began (before ``today``)."""
    day = today - dt.timedelta(days=SEASON_BEGAN_DAYS_AGO[size])
    return int(dt.datetime.combine(day, dt.time(8), tzinfo=HANOI_TIME).timestamp() * 1000)


def _commune_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Commune code -> bounding box, from the bundled boundaries."""
    out: dict[str, tuple[float, float, float, float]] = {}
    for feature in reference.boundary_geojson(reference.COMMUNE)["features"]:
        outer_rings = [polygon[0] for polygon in feature["geometry"]["coordinates"]]
        xs = [pt[0] for ring in outer_rings for pt in ring]
        ys = [pt[1] for ring in outer_rings for pt in ring]
        out[feature["properties"]["code"]] = (min(xs), min(ys), max(xs), max(ys))
    return out


def _point_in_commune(
    rng: random.Random, db: Any, code: str, bbox: tuple[float, float, float, float]
) -> tuple[float, float]:
    """A random point that the commune lookup places in commune ``code``."""
    min_x, min_y, max_x, max_y = bbox
    for _ in range(1000):
        lon, lat = round(rng.uniform(min_x, max_x), 6), round(rng.uniform(min_y, max_y), 6)
        if reference.commune_at(db, lon, lat) == code:
            return lon, lat
    raise AssertionError(f"no point found inside commune {code}")


def _offset(lon: float, lat: float, metres: float, bearing: float) -> tuple[float, float]:
    """The point ``metres`` away from (lon, lat) towards ``bearing`` degrees."""
    to_lat, to_lon = destination(lat, lon, metres, bearing)
    return round(to_lon, 7), round(to_lat, 7)


def _compass(degrees: float) -> float:
    """A direction rounded to 5 degrees, in 0–355."""
    return float(round(degrees / 5) * 5 % 360)


def _unit_id(name: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, "unit:" + name))


def official_name(name: str) -> str:
    """A unit's name as official documents write it: the kind of a commune or of the city in
    lower case after the body's own word ("UBND phường Ba Đình", "Công an thành phố Hà Nội").
    A demo unit's id stays the one made from its name as first written, so demos built before
    and after share their units."""
    return re.sub(r"(?<=\S )(Phường|Xã|Thành phố)(?= \w)", lambda m: m[1].lower(), name)


class _Recipe:
    """Generates the demo's records from one seeded random generator."""

    def __init__(self, ws: Workspace, rng: random.Random, size: str, today: dt.date) -> None:
        self.ws = ws
        self.rng = rng
        self.size = size
        self.today = today
        communes = reference.communes(ws.db)
        self.commune_names = {c["code"]: c["name"] for c in communes}
        # Dense urban wards hold more of the city demo's repeated sites than rural communes.
        self.commune_weight = {c["code"]: 3 if c["type"] == "phường" else 1 for c in communes}
        self.unit_by_name: dict[str, str] = {}
        self.committee_by_commune: dict[str, str] = {}
        # Where a site's cameras may stand: (bearing, metres of dry ground that way).
        self.dry_ground: dict[str, tuple[tuple[float, float], ...]] = {}
        self.camera_spots: dict[str, list[tuple[float, float]]] = {}
        self.boxes: dict[str, tuple[float, float, float, float]] | None = None

    # -- units ---------------------------------------------------------------------------------

    def units(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for name, kind in CITY_UNITS:
            rows.append({"id": _unit_id(name), "name": official_name(name), "kind": kind})
        for name in PRIVATE_OWNERS:
            rows.append(
                {
                    "id": _unit_id(name),
                    "name": name,
                    "kind": "private_owner",
                    "contact": "Liên hệ: 024 0000 0000 (mẫu)",
                }
            )
        for commune in reference.communes(self.ws.db):
            name = f"UBND {commune['name']}"
            rows.append(
                {
                    "id": _unit_id(name),
                    "name": official_name(name),
                    "kind": "commune_committee",
                    "commune_code": commune["code"],
                }
            )
            self.committee_by_commune[commune["code"]] = _unit_id(name)
        for row in rows:
            self.unit_by_name[row["name"]] = row["id"]
        for name, _kind in CITY_UNITS:  # also under the names of the recipes' lists
            self.unit_by_name[name] = _unit_id(name)
        return rows

    def owner_for(self, category: str, commune: str | None) -> str:
        recipe = RECIPES[category]
        if recipe.owner == "police":
            return self.unit_by_name[CITY_UNITS[0][0]]
        if recipe.owner == "department":
            return self.unit_by_name[CITY_UNITS[1][0]]
        if recipe.owner == "commune" and commune:
            return self.committee_by_commune[commune]
        return self.unit_by_name[OWNER_FOR_CATEGORY.get(category, PRIVATE_OWNERS[4])]

    # -- sites ---------------------------------------------------------------------------------

    def places(self, count: int, *, featured: bool) -> list[tuple[RealPlace, int]]:
        """Which real place each of ``count`` sites stands at, and how many times that place
        came before (0 the first time). The featured places first; then draws by category
        weight, each from the places of a commune not yet drawn when there is one, until every
        place is used (the small demo stops long before); then, for the city demo, repeats:
        a commune drawn by weight, one of its places."""
        rng = self.rng
        places = real_places()
        by_name = {place.name: place for place in places}
        chosen = [by_name[name] for name in FEATURED] if featured else []
        taken = {place.name for place in chosen}
        pools: dict[str, list[RealPlace]] = {}
        for place in places:
            if place.name not in taken:
                pools.setdefault(place.category, []).append(place)
        communes = {place.commune_code for place in chosen}
        while len(chosen) < count:
            categories = [c for c in RECIPES if pools.get(c)]
            if not categories:
                break
            weights = [max(RECIPES[c].weight, 1) for c in categories]
            pool = pools[rng.choices(categories, weights)[0]]
            fresh = [place for place in pool if place.commune_code not in communes]
            place = rng.choice(fresh or pool)
            pool.remove(place)
            chosen.append(place)
            communes.add(place.commune_code)
        out = [(place, 0) for place in chosen[:count]]
        if len(out) < count:
            by_commune: dict[str, list[RealPlace]] = {}
            for place in places:
                by_commune.setdefault(place.commune_code, []).append(place)
            codes = sorted(by_commune)
            # choices() with the weights summed once: the same draws as with the weights.
            cumulative = list(itertools.accumulate(self.commune_weight[code] for code in codes))
            times: dict[str, int] = {}
            while len(out) < count:
                place = rng.choice(by_commune[rng.choices(codes, cum_weights=cumulative)[0]])
                times[place.name] = times.get(place.name, 0) + 1
                out.append((place, times[place.name]))
        return out

    def repeat_point(self, place: RealPlace) -> tuple[float, float]:
        """Where a repeat of ``place`` stands in the city demo: anywhere in its commune, so the
        repeats spread over the city like a city's sites instead of piling on the place."""
        if self.boxes is None:
            self.boxes = _commune_boxes()
        code = place.commune_code
        return _point_in_commune(self.rng, self.ws.db, code, self.boxes[code])

    def sites(self, count: int, *, featured: bool) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        police = self.unit_by_name[CITY_UNITS[0][0]]
        surveyors = [police, self.unit_by_name[CITY_UNITS[1][0]]]
        for place, repeat in self.places(count, featured=featured):
            site_id = self.ws_id()
            if repeat:
                name = f"{place.name} (điểm {repeat + 1})"
                lon, lat = self.repeat_point(place)
                self.dry_ground[site_id] = ALL_GROUND
            else:
                name, lon, lat = place.name, place.lon, place.lat
                self.dry_ground[site_id] = place.dry_ground
            commune_name = self.commune_names[place.commune_code]
            rows.append(
                {
                    "id": site_id,
                    "name": name,
                    "category": place.category,
                    "address": f"{place.street}, {commune_name}" if place.street else commune_name,
                    "lat": lat,
                    "lon": lon,
                    "commune_code": place.commune_code,
                    "location_accuracy_m": round(rng.uniform(3, 15), 1),
                    "location_source": rng.choice(("gps_device", "gps_device", "map_pick")),
                    "unit_id": police
                    if place.category == "national_security"
                    else rng.choice([*surveyors, self.committee_by_commune[place.commune_code]]),
                    "notes": rng.choice(
                        (
                            None,
                            None,
                            "Khảo sát cùng cán bộ phường.",
                            "Cần kiểm tra lại vào ban đêm.",
                        )
                    ),
                }
            )
        return rows

    def ws_id(self) -> str:
        return uuid4_text(self.rng.getrandbits(128))

    # -- cameras -------------------------------------------------------------------------------

    def camera_spot(self, site: dict[str, Any]) -> tuple[float, float]:
        """Where a camera of ``site`` stands: on dry ground a few to tens of metres from the
        site's point, and CAMERA_APART_M from the site's other cameras when a few tries allow
        (two cameras a step apart would look like one camera recorded twice)."""
        rng = self.rng
        ground = self.dry_ground.get(site["id"]) or ALL_GROUND
        taken = self.camera_spots.setdefault(site["id"], [])
        kx, ky = metres_per_degree_lon(site["lat"]), METRES_PER_DEGREE
        best: tuple[float, tuple[float, float]] | None = None
        for _ in range(8):
            bearing, reach = rng.choice(ground)
            metres = rng.uniform(CAMERA_NEAREST_M, min(reach, CAMERA_FURTHEST_M))
            spot = _offset(site["lon"], site["lat"], metres, bearing + rng.uniform(-20, 20))
            apart2 = min(
                (((spot[0] - lon) * kx) ** 2 + ((spot[1] - lat) * ky) ** 2 for lon, lat in taken),
                default=math.inf,
            )
            if best is None or apart2 > best[0]:
                best = (apart2, spot)
            if apart2 >= CAMERA_APART_M**2:
                break
        assert best is not None
        taken.append(best[1])
        return best[1]

    def camera(self, site: dict[str, Any], index: int) -> dict[str, Any]:
        rng = self.rng
        recipe = RECIPES[site["category"]]
        camera_type = rng.choice(recipe.types)
        lon, lat = self.camera_spot(site)
        towards, _ = bearing_and_distance(lat, lon, site["lat"], site["lon"])
        views: list[dict[str, Any]]
        if camera_type in ("ptz", "panoramic"):
            first = towards + rng.uniform(-20, 20)
            views = [
                {"direction": _compass(d), "angle": 90.0, "tilt": -20.0}
                for d in (first, first + rng.choice((-1, 1)) * rng.uniform(90, 180))
            ]
        else:
            turn = rng.choices(_TURNS, cum_weights=_TURN_WEIGHTS)[0]
            views = [
                {
                    "direction": _compass(towards + turn + rng.uniform(-25, 25)),
                    "angle": float(rng.choice((40, 60, 75, 90))),
                    "tilt": float(-rng.randint(5, 35)),
                }
            ]
        condition = rng.choices(_CONDITIONS, cum_weights=_CONDITION_WEIGHTS)[0]
        connectivity = rng.choices(_CONNECTIVITY, cum_weights=_CONNECTIVITY_WEIGHTS)[0]
        ai = (
            ["alpr"]
            if camera_type == "alpr"
            else rng.choice(([], [], ["crowd_detection"], ["face_recognition"], ["intrusion"]))
        )
        return {
            "id": self.ws_id(),
            "site_id": site["id"],
            "name": listing.camera_name(site["name"], index),
            "owner_unit_id": self.owner_for(site["category"], site["commune_code"]),
            "purposes": list(recipe.purposes[: rng.randint(1, len(recipe.purposes))]),
            "camera_type": camera_type,
            "mount": rng.choice(recipe.mounts),
            "height_m": round(rng.uniform(2.5, 9.0), 1),
            "views": views,
            "resolution_mp": rng.choice((1.0, 2.0, 2.0, 4.0, 4.0, 8.0)),
            "night_vision": rng.random() < 0.7,
            "connectivity": connectivity,
            "connection_medium": "none"
            if connectivity == "standalone"
            else rng.choice(("fibre", "fibre", "cellular", "copper_lan")),
            "storage_days": rng.choice((7, 15, 30, 30, 90)),
            "standards": rng.choice((["onvif", "rtsp"], ["rtsp"], ["onvif"], [])),
            "power_source": rng.choice(("grid", "grid", "ups_backed", "poe", "solar")),
            "install_year": rng.randint(2012, 2024),
            "funding_source": "private"
            if recipe.owner == "private"
            else rng.choice(("state_budget", "state_budget", "socialised")),
            "ai_functions": ai,
            "condition": condition,
            "lat": lat,
            "lon": lon,
            "commune_code": site["commune_code"],
            "location_accuracy_m": round(rng.uniform(3, 20), 1),
            "location_source": rng.choice(("gps_device", "photo_exif", "map_pick")),
        }

    def cameras(self, sites: Sequence[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        per_site = [1] * len(sites)
        for _ in range(count - len(sites)):
            per_site[self.rng.randrange(len(sites))] += 1
        for site, n in zip(sites, per_site, strict=True):
            for i in range(n):
                rows.append(self.camera(site, i + 1))
        return rows

    def planted_duplicates(
        self, cameras: Sequence[dict[str, Any]], sites_by_id: dict[str, dict[str, Any]], pairs: int
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(copy, original): second records of existing cameras a few metres away, as another
        unit recorded them, for duplicate-finding exercises."""
        rng = self.rng
        out = []
        # A removed camera is no candidate for the duplicate finder: only cameras in place.
        in_place = [camera for camera in cameras if camera["condition"] != "removed"]
        for original in rng.sample(in_place, pairs):
            copy = dict(original)
            copy["id"] = self.ws_id()
            copy["lon"], copy["lat"] = _offset(
                original["lon"], original["lat"], rng.uniform(1.5, 6), rng.uniform(0, 360)
            )
            copy["views"] = [
                dict(v, direction=(v["direction"] + rng.choice((-5, 0, 5))) % 360)
                for v in original["views"]
            ]
            site = sites_by_id[original["site_id"]]
            if site["commune_code"]:
                copy["owner_unit_id"] = self.committee_by_commune[site["commune_code"]]
            copy["name"] = f"Camera {site['name']} (khảo sát lại)"
            copy["install_year"] = None
            copy["notes"] = "Ghi nhận bởi đơn vị khác."
            out.append((copy, original))
        return out

    # -- shortcomings, needs, assignments, reviews -------------------------------------------

    def shortcomings(self, cameras: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        rows = []
        for camera in cameras:
            kinds: list[str] = []
            if camera["condition"] == "not_working":
                kinds.append("broken")
            if camera["connectivity"] == "standalone" and rng.random() < 0.5:
                kinds.append("not_connected")
            if camera["condition"] == "degraded":
                kinds.append(rng.choice(("low_quality", "obstructed", "untidy")))
            if rng.random() < 0.04:
                kinds.append(rng.choice(("no_maintainer", "insufficient_storage")))
            for kind in kinds:
                remedy_kind, text = SHORTCOMING_REMEDY[kind]
                rows.append(
                    {
                        "id": self.ws_id(),
                        "site_id": camera["site_id"],
                        "camera_id": camera["id"],
                        "kind": kind,
                        "description": text.split(";")[0] + ".",
                        "remedy_kind": remedy_kind,
                        "remedy": text.split("; ")[-1].capitalize(),
                        "estimated_cost_vnd": rng.choice((5, 12, 25, 40, 80)) * 1_000_000,
                    }
                )
        return rows

    def needs(self, sites: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        rows = []
        for site in sites:
            if rng.random() > 0.4:
                continue
            recipe = RECIPES[site["category"]]
            rows.append(
                {
                    "id": self.ws_id(),
                    "site_id": site["id"],
                    "purposes": list(recipe.purposes),
                    "camera_count": rng.randint(1, 6),
                    "camera_type": rng.choice(recipe.types),
                    "ai_functions": rng.choice(
                        (
                            ["alpr"],
                            ["crowd_detection"],
                            ["face_recognition"],
                            ["traffic_violation"],
                            [],
                        )
                    ),
                    "priority": rng.choices(("high", "medium", "low"), (2, 5, 3))[0],
                    "justification": rng.choice(
                        (
                            "Khu vực đông người, chưa có camera bao quát lối vào.",
                            "Điểm nóng về trật tự giao thông giờ cao điểm.",
                            "Camera hiện có không quan sát được phía sau công trình.",
                            "Theo đề nghị của Công an phường.",
                        )
                    ),
                }
            )
        return rows

    def due(self, days: int) -> str:
        """The date ``days`` after the day the demo is built."""
        return (self.today + dt.timedelta(days=days)).isoformat()

    def assignments(self, sites: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        police = self.unit_by_name[CITY_UNITS[0][0]]
        construction = self.unit_by_name[CITY_UNITS[1][0]]  # in charge of transport since 2025
        security = [s["id"] for s in sites if s["category"] == "national_security"]
        secured = set(security)
        traffic = [s for s in sites if s["category"] == "traffic_route"]
        rows.append(
            {
                "id": self.ws_id(),
                "unit_id": police,
                "site_ids": security,
                "commune_codes": sorted(
                    {s["commune_code"] for s in sites if s["id"] in secured and s["commune_code"]}
                ),
                "due_date": self.due(21),
                "status": "in_progress",
                "notes": "Khảo sát mục tiêu an ninh quốc gia theo KH 67/KH-UBND.",
            }
        )
        rows.append(
            {
                "id": self.ws_id(),
                "unit_id": construction,
                "site_ids": [s["id"] for s in traffic],
                "commune_codes": sorted({s["commune_code"] for s in traffic if s["commune_code"]}),
                "due_date": self.due(21),
                "status": "in_progress",
                "notes": "Khảo sát camera giao thông trên các tuyến chính.",
            }
        )
        communes_with_sites = sorted({s["commune_code"] for s in sites if s["commune_code"]})
        for code in rng.sample(communes_with_sites, min(12, len(communes_with_sites))):
            in_commune = sum(1 for s in sites if s["commune_code"] == code)
            rows.append(
                {
                    "id": self.ws_id(),
                    "unit_id": self.committee_by_commune[code],
                    "commune_codes": [code],
                    "target_count": in_commune + rng.randint(0, 4),
                    "due_date": self.due(rng.choice((7, 21, 21))),
                    "status": rng.choice(("assigned", "in_progress", "submitted")),
                }
            )
        return rows


DEMO_SURVEYORS = ("demo", "s1", "s2", "s3")


def demo_device_id(seed: int, role: str, device: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"device:{seed}:{role}:{device}"))


def _demo_keys(db: Any, seed: int, role: str, device: str) -> None:
    """Keys derived from the seed, and the other demo workspaces of the same seed enrolled: an
    office and its surveyors can exchange packages with no other step."""
    at = iso_from_ms(DEMO_START_MS)
    keys.create_identity(
        db,
        device_id=demo_device_id(seed, role, device),
        name=device,
        role=role,
        demo_seed=seed,
        at=at,
    )
    peers = (
        [("surveyor", name) for name in DEMO_SURVEYORS]
        if role == "office"
        else [("office", "office")]
    )
    for peer_role, peer_device in peers:
        peer = keys.make_identity(
            device_id=demo_device_id(seed, peer_role, peer_device),
            name=peer_device,
            role=peer_role,
            demo_seed=seed,
        )
        keys.enrol(db, peer.public(), at=at)


def build_demo(
    path: Path | str,
    *,
    size: str = "small",
    seed: int = 42,
    role: str = "office",
    device: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Write a demo workspace at ``path`` and return its counts.

    Its survey is dated from ``today`` (default: the computer's date): the season began some
    days before, assignments fall due after it. The same seed and day give the same content.
    Built under a temporary name and moved into place only when complete, so an existing file is
    replaced only with ``force=True`` and never left half-written.
    """
    today = today or dt.date.today()
    if size not in SIZES:
        raise ValidationError(
            Message(
                "demo",
                QT_TRANSLATE_NOOP("demo", "Kích thước demo {size} không có; chọn small hoặc city."),
                {"size": repr(size)},
            ),
            code="unknown-demo-size",
        )
    if role not in ROLES:
        raise ValidationError(
            Message(
                "demo",
                QT_TRANSLATE_NOOP("demo", "Vai trò {role} không có; chọn surveyor hoặc office."),
                {"role": repr(role)},
            ),
            code="unknown-role",
        )
    report = progress or no_progress
    path = Path(path)
    device = device or ("office" if role == "office" else "demo")
    with _no_cycle_collection(), build_then_replace(path, force=force) as (partial, open_new):
        db = open_new()
        device_id = demo_device_id(seed, role, device)
        with write_transaction(db):
            _demo_keys(db, seed, role, device)
            for key, value in (
                ("device_id", device_id),
                ("device_name", device),
                ("role", "office"),  # the office's reference data first, as the office
                ("demo_seed", str(seed)),
                ("demo_size", size),
                ("demo_today", today.isoformat()),
            ):
                db.execute("INSERT INTO workspace (key, value) VALUES (?, ?)", [key, value])
        _office_reference_data(db, partial, seed, own=(role, device) == ("office", "office"))
        with write_transaction(db):
            db.execute("UPDATE workspace SET value = ? WHERE key = 'role'", [role])
        rng = random.Random(f"fieldsurvey-demo:{seed}:{role}:{device}")
        ws = Workspace(
            db,
            partial,
            user="demo",
            now=DemoClock(season_start_ms(today, size)),
            new_id=lambda: uuid4_text(rng.getrandbits(128)),
        )
        with bulk_cache(db, BUILD_CACHE_KIB):
            _fill(ws, _Recipe(ws, rng, size, today), size, report)
        counts = workspace_stats(db)
    return counts


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for the build: the city demo holds a million records'
    dicts and lists while it writes them, which every full collection walks again (some 2 s of
    a city build) though none of them is in a cycle; reference counting frees them as before.
    Turned back on at the end unless it was off already."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _office_reference_data(db: Any, path: Path, seed: int, *, own: bool) -> None:
    """The units, written by the demo office at the start of its log, the same in every demo
    workspace of a seed (the same ids, clocks and order): the office and each surveyor hold
    the same first entries of the office's log, which the office's derived key signs."""
    office_id = demo_device_id(seed, "office", "office")
    rng = random.Random(f"fieldsurvey-demo:{seed}:office-reference")
    office = Workspace(
        db,
        path,
        user="demo",
        now=DemoClock(),
        new_id=lambda: uuid4_text(rng.getrandbits(128)),
    )
    office.device_id = office_id
    with office.transaction():
        units = _Recipe(office, rng, "small", dt.date(2025, 3, 3)).units()  # DEMO_START_MS
        office.insert_many("units", units, index=False)
        if not own:
            seq, hash_ = ledger.tip(db, office_id)
            key = keys.make_identity(
                device_id=office_id, name="office", role="office", demo_seed=seed
            ).signing_private
            ledger.store_head(
                db, ledger.sign_head(office_id, seq, hash_, office.clock.last, office_id, key)
            )


def _fill(ws: Workspace, recipe: _Recipe, size: str, report: Progress) -> None:
    n_sites, n_cameras = SIZES[size]
    small = size == "small"
    office = ws.role == "office"
    steps = 7
    report(0, steps, "Đơn vị")
    with ws.transaction():
        recipe.units()  # written by the office already (_office_reference_data)
        with indexes_made_after(ws.db, BULK_TABLES):
            report(1, steps, "Địa điểm")
            sites = recipe.sites(n_sites, featured=small)
            ws.insert_many("sites", sites, index=False, check_refs=small)
            report(2, steps, "Camera")
            cameras = recipe.cameras(sites, n_cameras)
            if small:
                planted = recipe.planted_duplicates(cameras, {s["id"]: s for s in sites}, 8)
                cameras.extend(copy for copy, _ in planted)
                pairs = [[copy["id"], original["id"]] for copy, original in planted]
                ws.set_setting("demo_planted_duplicates", json.dumps(pairs))
            ws.insert_many("cameras", cameras, index=False, check_refs=small)
            report(3, steps, "Tồn tại, hạn chế")
            shortcomings = recipe.shortcomings(cameras)
            ws.insert_many("shortcomings", shortcomings, index=False, check_refs=small)
            report(4, steps, "Nhu cầu")
            ws.insert_many("needs", recipe.needs(sites), index=False, check_refs=small)
            report(5, steps, "Giao việc, duyệt")
            if office:  # assigning and reviewing are the office's
                ws.insert_many("assignments", recipe.assignments(sites), index=False)
        # The reviews and photos below are written one at a time, through the indexes again.
        if small:
            if office:
                _reviews(ws, recipe, sites, cameras)
            _photos(ws, recipe, cameras[:DEMO_PHOTOS])
            if office:  # drawn last: what came before stays as a seed always made it
                findings = ("shortcomings", "needs")
                rows = [
                    ws.db.execute(f"SELECT id FROM {t} ORDER BY rowid").fetchall() for t in findings
                ]
                _reviews(ws, recipe, *rows, tables=findings)
        report(6, steps, "Chỉ mục tìm kiếm")
        search.rebuild(ws.db)
        refresh_statistics(ws.db)
    report(steps, steps, "Xong")


def _demo_picture(camera: dict[str, Any], orientation: int) -> Image.Image:
    """A small drawn street scene: sky, a pole and the camera, labelled with its name."""
    img = Image.new("RGB", (480, 360), (150, 190, 225))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 250, 480, 360), fill=(110, 110, 105))
    draw.rectangle((228, 80, 242, 300), fill=(70, 70, 70))
    draw.rectangle((200, 70, 290, 110), fill=(235, 235, 230), outline=(40, 40, 40), width=3)
    draw.ellipse((275, 78, 300, 103), fill=(20, 20, 30))
    label = fold(camera["name"]).replace("–", "-").encode("ascii", "replace").decode()
    draw.text((12, 12), label[:60], fill=(0, 0, 0))
    draw.text((12, 30), f"{camera['lat']:.6f}, {camera['lon']:.6f}", fill=(0, 0, 0))
    # Stored the way the phone's sensor saw it; the orientation tag turns it upright again.
    undo = {
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,
        8: Image.Transpose.ROTATE_270,
    }
    return img.transpose(undo[orientation]) if orientation in undo else img


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round(((value - degrees) * 60 - minutes) * 60, 3))


def _photos(ws: Workspace, recipe: _Recipe, cameras: Sequence[dict[str, Any]]) -> None:
    """Photos of some cameras, as a phone writes them: GPS, time with offset, orientation and
    compass heading in EXIF; ingested through the photo store like any other photo."""
    rng = recipe.rng
    with tempfile.TemporaryDirectory(prefix="fieldsurvey-demo-") as tmp:
        files = []
        for n, camera in enumerate(cameras):
            orientation = rng.choice((1, 1, 3, 6, 8))
            # Local time in Hà Nội (UTC+7), as the phone's clock shows it.
            taken = dt.datetime.fromtimestamp(physical_ms(ws.clock.last) / 1000, dt.UTC)
            taken += dt.timedelta(hours=7, minutes=n)
            exif = Image.Exif()
            exif[0x010F] = "FieldSurvey Demo"
            exif[0x0110] = "Survey Phone 1"  # EXIF text is ASCII
            exif[0x0112] = orientation
            details = exif.get_ifd(0x8769)
            details[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
            details[0x9011] = "+07:00"
            gps = exif.get_ifd(0x8825)
            gps[1], gps[2] = "N", _dms(camera["lat"])
            gps[3], gps[4] = "E", _dms(camera["lon"])
            gps[16], gps[17] = "T", float(camera["views"][0]["direction"])
            path = Path(tmp) / f"IMG_{n + 1:04d}.jpg"
            _demo_picture(camera, orientation).save(path, "JPEG", exif=exif, quality=80)
            files.append((camera["id"], path))
        prepared = prepare_many([str(path) for _, path in files], photo_folder(ws.path))
        for (camera_id, _), outcome in zip(files, prepared, strict=True):
            if not isinstance(outcome, PreparedPhoto):
                raise AssertionError(f"demo photo refused: {outcome}")
            record_photo(ws, outcome, ("cameras", camera_id))


def _reviews(
    ws: Workspace,
    recipe: _Recipe,
    *records: Sequence[Any],
    tables: Sequence[str] = ("sites", "cameras"),
) -> None:
    """A fifth of the records of each of ``tables`` went through the office's review (each
    sequence of ``records`` holds rows with their id under "id" or first), through the normal
    write path."""
    rng = recipe.rng
    comments = {
        "approved": "Đạt yêu cầu.",
        "needs_revision": "Bổ sung ảnh toàn cảnh và hướng quan sát.",
        "rejected": "Trùng với bản ghi đã có.",
        "received": None,
    }
    for table, rows in zip(tables, records, strict=True):
        for row in rng.sample(list(rows), len(rows) // 5):
            record_id = row["id"] if isinstance(row, dict) else row[0]
            state = rng.choices(list(comments), (5, 2, 1, 3))[0]
            ws.insert(
                "reviews",
                {
                    "record_table": table,
                    "record_id": record_id,
                    "state": state,
                    "comment": comments[state],
                    "reviewer": "Công an TP (demo)",
                    "reviewed_at": (recipe.today - dt.timedelta(days=1)).isoformat(),
                },
            )
            ws.update(table, record_id, {"review_state": state})
