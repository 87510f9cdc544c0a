#!/usr/bin/env python3
"""Extract the demo's real places from the bundled street basemap into a small CSV file.

    .venv/bin/python scripts/extract_demo_places.py [--basemap PATH] [--out PATH]

Run at development time, when the basemap or the choice below changes (a minute or two on two
cores); the demo generator reads only the file this writes (resources/demo/places.csv), never
the tiles. The same basemap gives the same file, byte for byte.

1. Decodes the basemap's z14 tiles (fieldsurvey.core.map.places.tile_features): points of
   interest, lake names and named streets.
2. Gives each point of interest one of the demo's site categories from its OpenStreetMap class
   and the generic head of its name ("Chợ …", "Bến xe …", "Trường THPT …"), and keeps it only if
   the rest of its name is a proper name: no generic names, no lower-case names, no chains
   without a branch, no addresses. A few famous places are chosen by name (CURATED).
3. Keeps only places inside one of Hà Nội's 126 official communes (the bundled 2025 polygons,
   strictly inside, not in the gaps the commune lookup forgives) and records that commune.
   Police stations and commune offices are kept only when the unit in their name is the 2025
   commune they stand in (a former ward's office named after a ward that no longer exists is
   left out).
4. Finds real junctions: two differently named streets whose lines cross or meet in a tile,
   where at least one of them runs on through the junction (a street that only changes its name
   is no junction); named "Nút giao A – B".
5. A place whose point lies in water (a lake's name is drawn in its middle) is moved to the
   nearest dry ground, 10 m inland; for every place, ``land`` says for each of the eight
   compass directions (N, NE, E … NW) how far the ground is dry (a digit: how many of 10, 25
   and 50 m), where the demo's cameras may stand. Places with fewer than two directions dry to
   25 m are left out.
6. Records the nearest named street (within 150 m) for the address, and chooses per category up
   to QUOTAS places, spread over the communes, at least 60 m from each other; then one place in
   every commune still without one, when it has a candidate.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import math
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from fieldsurvey.core import reference
from fieldsurvey.core.geo import destination, distance_m, offset_m
from fieldsurvey.core.map.places import feature_name, tile_features, tile_of
from fieldsurvey.core.map.streets import bundled_path
from fieldsurvey.core.text import fold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "demo" / "places.csv"
ZOOM = 14
Point = tuple[float, float]
COLUMNS = ("name", "category", "lon", "lat", "commune_code", "street", "cross_street", "land")

# How many places of each site category the file holds (the small demo draws 300 sites).
QUOTAS = {
    "traffic_route": 90,
    "heritage": 60,
    "other": 50,
    "public_place": 45,
    "market": 45,
    "national_security": 30,
    "bank": 30,
    "hotel": 30,
    "supermarket": 30,
    "entertainment": 20,
    "scenic_spot": 20,
    "train_station": 20,
    "bus_station": 15,
    "industrial_park": 10,
    "iconic_building": 10,
    "airport": 3,
}
PER_COMMUNE = 4  # places of one category in one commune, at most
SPACING_M = 60.0  # between any two places
JUNCTION_SPACING_M = 400.0  # between two junctions
STREET_REACH_M = 150.0
SHORE_REACH_M = 2000.0  # from a lake's name to its shore, at most
LAND_M = (10.0, 25.0, 50.0)  # how far the ground is dry, for the cameras to stand on

# Famous places chosen by name, whatever their class says: OSM name → (category, name shown).
CURATED = {
    "Lăng Chủ tịch Hồ Chí Minh": ("national_security", "Lăng Chủ tịch Hồ Chí Minh"),
    "Phủ Chủ Tịch": ("national_security", "Phủ Chủ tịch"),
    "Nhà Quốc Hội": ("national_security", "Nhà Quốc hội"),
    "Ủy ban nhân dân Thành phố Hà Nội": (
        "national_security",
        "Ủy ban nhân dân Thành phố Hà Nội",
    ),
    "Công an Thành phố Hà Nội": ("national_security", "Công an Thành phố Hà Nội"),
    "Bộ Công an": ("national_security", "Bộ Công an"),
    "Nhà Hát Lớn": ("iconic_building", "Nhà hát Lớn Hà Nội"),
    "Cột cờ Hà Nội": ("iconic_building", "Cột cờ Hà Nội"),
    "Cầu Long Biên": ("iconic_building", "Cầu Long Biên"),
    "Keangnam Hanoi Landmark Tower": ("iconic_building", "Keangnam Hanoi Landmark Tower"),
    "Lotte Center Hanoi": ("iconic_building", "Lotte Center Hà Nội"),
    "Trung tâm Hội nghị Quốc gia Việt Nam": (
        "iconic_building",
        "Trung tâm Hội nghị Quốc gia Việt Nam",
    ),
    "Tháp nước Hàng Đậu": ("iconic_building", "Tháp nước Hàng Đậu"),
    "Nhà ga Quốc tế T2": ("airport", "Nhà ga Quốc tế T2 – Sân bay Quốc tế Nội Bài"),
    "Nhà ga Nội địa T1": ("airport", "Nhà ga Nội địa T1 – Sân bay Quốc tế Nội Bài"),
    "Sân bay Gia Lâm": ("airport", "Sân bay Gia Lâm"),
    "Chợ Đồng Xuân": ("market", "Chợ Đồng Xuân"),
    "Hồ Hoàn Kiếm": ("scenic_spot", "Hồ Hoàn Kiếm"),
    "Hồ Tây": ("scenic_spot", "Hồ Tây"),
    "Hồ Trúc Bạch": ("scenic_spot", "Hồ Trúc Bạch"),
    "Vườn quốc gia Ba Vì": ("scenic_spot", "Vườn quốc gia Ba Vì"),
    "Phố Tạ Hiện": ("entertainment", "Phố Tạ Hiện"),
    "Cung Văn hóa Lao động Hữu nghị Việt-Xô": (
        "entertainment",
        "Cung Văn hóa Lao động Hữu nghị Việt – Xô",
    ),
    "Công viên Nước Hồ Tây": ("entertainment", "Công viên nước Hồ Tây"),
    "Công viên Thủ Lệ": ("entertainment", "Công viên Thủ Lệ"),
    "Sân vận động Quốc gia Mỹ Đình": ("entertainment", "Sân vận động Quốc gia Mỹ Đình"),
    "Văn Miếu – Quốc Tử Giám": ("heritage", "Văn Miếu – Quốc Tử Giám"),
    "Hoàng thành Thăng Long": ("heritage", "Hoàng thành Thăng Long"),
    "Chùa Một Cột": ("heritage", "Chùa Một Cột"),
    "Chùa Trấn Quốc": ("heritage", "Chùa Trấn Quốc"),
    "Đền Ngọc Sơn": ("heritage", "Đền Ngọc Sơn"),
    "Nhà thờ Lớn": ("heritage", "Nhà thờ Lớn Hà Nội"),
    "Nhà tù Hỏa Lò": ("heritage", "Nhà tù Hỏa Lò"),
    "Ngân hàng Nhà nước Việt Nam": ("bank", "Ngân hàng Nhà nước Việt Nam"),
    "Tràng Tiền Plaza": ("supermarket", "Tràng Tiền Plaza"),
    "Vincom Mega Mall": ("supermarket", "Vincom Mega Mall Times City"),
}
# Real but wrong for the demo: a second entrance, a cable-car station, a stock exchange, names
# that are descriptions rather than names.
EXCLUDED = {
    "Ga Hà Nội B",
    "Ga Thiên Trù",
    "Sở Giao dịch Chứng khoán Hà Nội",
    "Hồ Sinh Thái",
    "Hồ Tâm Linh",
    "Chợ Đêm",
    "Hát Môn",
    "Công viên Trung Tâm",
    "Công viên Bê Tông",
    "Công viên Nghĩa trang Mai Dịch",
}
# Words that make a name a description of a building or an estate, not of a public place.
ESTATES = re.compile(r"(?i)khu chung cư|chung cư|kđt|khu đô thị|tòa nhà|toà nhà|điện máy")

# Generic heads of names, written the way Vietnamese writes them; a name that starts with one in
# another case is rewritten with it ("Bến Xe Mỹ Đình" → "Bến xe Mỹ Đình").
HEADS = (
    "Bến xe buýt",
    "Bến xe",
    "Bệnh viện Đa khoa",
    "Bệnh viện",
    "Chợ",
    "Chùa",
    "Công an phường",
    "Công an xã",
    "Công an",
    "Công viên",
    "Cụm công nghiệp",
    "Điểm trung chuyển",
    "Đền",
    "Đình làng",
    "Đình thôn",
    "Đình",
    "Đại lộ",
    "Đường tỉnh",
    "Ga",
    "Học viện",
    "Hồ",
    "Đầm",
    "Khách sạn",
    "Khu công nghệ cao",
    "Khu công nghiệp",
    "Miếu",
    "Ngân hàng",
    "Nhà hát",
    "Nhà thờ Giáo xứ",
    "Nhà thờ",
    "Phòng giao dịch",
    "Quảng trường",
    "Quốc lộ",
    "Rạp",
    "Sân vận động",
    "Siêu thị",
    "Tỉnh lộ",
    "Trạm trung chuyển",
    "Trung tâm thương mại",
    "Trường Cao đẳng",
    "Trường Đại học",
    "Trường Mầm non",
    "Trường THCS",
    "Trường THPT",
    "Trường Tiểu học",
    "UBND phường",
    "UBND xã",
    "Vườn hoa",
)
ABBREVIATIONS = (
    ("KCN ", "Khu công nghiệp "),
    ("CCN ", "Cụm công nghiệp "),
    ("Cụm CN ", "Cụm công nghiệp "),
    ("TTTM ", "Trung tâm thương mại "),
    ("PGD ", "Phòng giao dịch "),
)
WORSHIP = ("Chùa", "Đền", "Đình", "Đình làng", "Đình thôn", "Miếu", "Nhà thờ", "Nhà thờ Giáo xứ")
SCHOOLS = (
    "Trường Tiểu học",
    "Trường THCS",
    "Trường THPT",
    "Trường Đại học",
    "Trường Cao đẳng",
    "Học viện",
)
BANKS = (
    "ACB",
    "Agribank",
    "BIDV",
    "HDBank",
    "MB",
    "MBBank",
    "MSB",
    "PVcomBank",
    "Public Bank",
    "SHB",
    "Sacombank",
    "SeABank",
    "Techcombank",
    "TPBank",
    "VIB",
    "VPBank",
    "Vietcombank",
    "Vietinbank",
    "VietinBank",
)
# A branch named after the keyword ("Chi nhánh Thăng Long", "PGD Láng Hạ"), or a head office.
BRANCH = re.compile(r"(?i)\b(?:chi nhánh|phòng giao dịch|pgd|sở giao dịch)\s+(.+)$")
HEAD_OFFICE = re.compile(r"(?i)\bhội sở\b")
HOTEL_WORDS = ("Hotel", "Resort", "Khách sạn")
HOTEL_BRANDS = (
    "Sofitel",
    "Hilton",
    "Sheraton",
    "InterContinental",
    "Pan Pacific",
    "Melia",
    "Mövenpick",
    "Ha Noi Daewoo",
    "Daewoo",
    "Lotte",
    "Pullman",
    "Novotel",
    "Wyndham",
    "JW Marriott",
    "Grand Plaza",
    "Fortuna",
    "Hanoi Hotel",
)
CINEMAS = ("CGV", "Lotte Cinema", "BHD", "Megastar", "Trung tâm Chiếu phim")
SUPERMARKETS = ("Big C", "AEON", "Lotte Mart", "Mega Market", "Co.opmart", "Vincom")
NOT_SHOPS = ("Thế giới di động", "Media Mart", "Điện máy")
CONNECTORS = {"và", "-", "–", "&", "de", "du", "la", "of", "the", "and"}
UNIT = re.compile(r"(?i)\b(phường|xã|quận|huyện|thị xã|thị trấn|thành phố|tp\.?)\s+(.+)$")

ROAD_CLASSES = {
    "motorway": 3,
    "trunk": 3,
    "primary": 3,
    "secondary": 2,
    "tertiary": 1,
    "minor": 0,
}
NOT_STREETS = (
    "Ngõ",
    "Ngô",
    "Ngách",
    "Hẻm",
    "Cầu",
    "Hầm",
    "Lối",
    "Chợ",
    "Khu",
    "Tổ",
    "Cụm",
    "Làng",
    "Thôn",
    "Xóm",
    "Vòng xoay",
    "Ngã",
)
STREET_HEADS = ("Phố", "Đường", "Đại lộ", "Đê", "Quốc lộ", "Đường tỉnh", "Tỉnh lộ")
POLICE = (
    "Bộ Công an",
    "Bộ Tư lệnh",
    "Cục ",
    "Công an Thành phố Hà Nội",
    "Cảnh sát",
    "Cơ quan Cảnh sát",
    "Trung đoàn",
    "Tổng cục",
    "Tiểu đoàn",
)


@dataclass
class Place:
    name: str
    category: str
    lon: float
    lat: float
    rank: int  # lower is chosen first: famous places, then the clearer classes
    unit_check: str = ""  # "police" or "townhall": the unit in the name must be the commune
    commune: str = ""
    street: str = ""
    cross_street: str = ""
    land: str = ""
    score: int = 0

    @property
    def key(self) -> str:
        return fold(self.name)


# -- names --------------------------------------------------------------------------------------


def clean(name: str) -> str:
    """Spaces collapsed, abbreviations spelled out, a generic head written as Vietnamese writes
    it, dashes between names as en dashes."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    for short, full in ABBREVIATIONS:
        if name.startswith(short):
            name = full + name[len(short) :]
    lowered = name.lower()
    for head in HEADS:
        if lowered.startswith(head.lower() + " "):
            name = head + name[len(head) :]
            break
    name = name.replace(" - ", " – ").replace(" Hà nội", " Hà Nội")
    return name


def head_of(name: str, heads: Iterable[str]) -> str | None:
    """The longest of ``heads`` that ``name`` starts with (as a whole word)."""
    found = [h for h in heads if name.startswith(h + " ")]
    return max(found, key=len) if found else None


def proper(text: str) -> bool:
    """Whether ``text`` is a proper name: it starts with a capital or a digit and has more
    capitalised words than lower-case ones."""
    parts = [w for w in text.split() if w not in CONNECTORS]
    if not parts or not (parts[0][0].isupper() or parts[0][0].isdigit()):
        return False
    upper = sum(w[0].isupper() or w[0].isdigit() for w in parts)
    lower = sum(w[0].islower() for w in parts)
    return upper > lower


def well_formed(name: str) -> bool:
    """No punctuation of addresses or descriptions, a capital first, two words at least."""
    return (
        5 <= len(name) <= 70
        and not re.search(r"[,;/()+@#*:!?\"]", name)
        and name[0].isupper()
        and len(name.split()) >= 2
        and "ATM" not in name
        and name not in EXCLUDED
        and not any(_shouting(w) for w in name.split())
    )


def _shouting(word: str) -> bool:
    """A word in capitals that is no short acronym: "ĐỨC THÀNH", "SIVIMART"."""
    letters = [c for c in word if c.isalpha()]
    return word.isupper() and (len(letters) >= 5 or (not word.isascii() and len(letters) >= 3))


def vietnamese(name: str) -> bool:
    return not name.isascii()


def proper_after(name: str, heads: Iterable[str]) -> bool:
    head = head_of(name, heads)
    return head is not None and proper(name[len(head) + 1 :])


def classify(layer: str, props: dict[str, object], raw: str) -> tuple[str, str, int, str] | None:
    """(category, name, rank, unit check) of a named feature, or None when it is left out."""
    name = clean(raw)
    for known in (" ".join(unicodedata.normalize("NFC", raw).split()), name):
        if known in CURATED:
            category, shown = CURATED[known]
            return category, shown, 0, ""
    if not well_formed(name):
        return None
    cls, sub = props.get("class"), props.get("subclass")
    if layer == "water_name":
        fishing = name.lower().startswith("hồ câu")
        if cls == "lake" and proper_after(name, ("Hồ", "Đầm")) and not fishing:
            return "scenic_spot", name, 2, ""
        return None
    if cls is None:  # named things the schema has no class for: stations, industrial zones
        if proper_after(name, ("Ga",)):
            return "train_station", name, 1, ""
        if proper_after(name, ("Khu công nghiệp", "Cụm công nghiệp", "Khu công nghệ cao")):
            return "industrial_park", name, 1, ""
        return None
    if sub == "marketplace" or (sub == "mall" and name.startswith("Chợ ")):
        return ("market", name, 1, "") if proper_after(name, ("Chợ",)) else None
    if sub == "bus_station":
        heads = ("Bến xe", "Bến xe buýt", "Trạm trung chuyển", "Điểm trung chuyển")
        return ("bus_station", name, 1, "") if proper_after(name, heads) else None
    if cls == "station":  # the metro's stations carry the station's name alone
        shown = name if name.startswith("Ga ") else f"Ga {name}"
        return ("train_station", shown, 2, "") if proper(name) else None
    if sub == "bank":
        return _bank(name)
    if sub == "hotel":
        titled = all(w[0].isupper() or w in CONNECTORS for w in name.split())
        hotel = any(w in name.split() for w in HOTEL_WORDS) or name.startswith("Khách sạn ")
        if hotel and titled and not re.search(r"\d", name) and not name.startswith("OYO"):
            known = vietnamese(name) or name.startswith(HOTEL_BRANDS)
            return "hotel", name, 1 if known else 2, ""
        return None
    if sub == "hospital":
        return ("public_place", name, 2, "") if proper_after(name, ("Bệnh viện",)) else None
    if sub in ("school", "university", "college"):
        return ("other", name, 3, "") if proper_after(name, SCHOOLS) else None
    if sub == "place_of_worship":
        if proper_after(name, WORSHIP):
            return "heritage", name, 2 if name.startswith(("Đình", "Miếu")) else 1, ""
        return None
    if sub in ("attraction", "museum", "monument"):
        return ("heritage", name, 1, "") if vietnamese(name) and proper(name) else None
    if sub == "park":
        heads = ("Công viên", "Vườn hoa", "Quảng trường")
        ok = proper_after(name, heads) and vietnamese(name) and not ESTATES.search(name)
        return ("public_place", name, 1, "") if ok and not re.search(r"\d", name) else None
    if sub == "theatre":
        return ("entertainment", name, 1, "") if proper_after(name, ("Nhà hát", "Rạp")) else None
    if sub == "cinema":
        ok = proper_after(name, ("Rạp",)) or (name.startswith(CINEMAS) and len(name.split()) > 2)
        return ("entertainment", name, 2, "") if ok else None
    if sub == "stadium":
        ok = proper_after(name, ("Sân vận động",))
        return ("entertainment", name, 2, "") if ok else None
    if sub == "mall":
        titled = all(w[0].isupper() or w in CONNECTORS for w in name.split())
        if titled and not name.startswith(NOT_SHOPS) and not re.search(r"\d", name):
            return None if ESTATES.search(name) else ("supermarket", name, 1, "")
        return None
    if sub == "supermarket":
        if ESTATES.search(name) or re.search(r"\d", name):
            return None
        if proper_after(name, ("Siêu thị",)) and not name.endswith("AEON"):
            return "supermarket", name, 2, ""
        branded = name.startswith(SUPERMARKETS) and len(name.split()) > 2
        if branded and vietnamese(name) and not re.search(r"\d", name):
            return "supermarket", name, 2, ""
        return None
    if sub == "police":
        return ("national_security", name, 2, "police") if vietnamese(name) else None
    if sub == "townhall":
        return ("other", name, 2, "townhall") if UNIT.search(name) else None
    return None


def _bank(name: str) -> tuple[str, str, int, str] | None:
    """A bank's branch or head office, never the bare brand of a chain."""
    branch = BRANCH.search(name)
    named = branch is not None and not fold(branch.group(1)).startswith("ngan hang")
    if branch is not None and named and proper(branch.group(1)) and vietnamese(name):
        return "bank", name, 1, ""
    if (HEAD_OFFICE.search(name) and head_of(name, BANKS)) or name.startswith("Hội sở "):
        return "bank", name, 1, ""
    brand = head_of(name, BANKS)
    if brand is not None:
        rest = name[len(brand) + 1 :].lstrip("– ")
        if rest and proper(rest) and vietnamese(rest) and "Bank" not in rest:
            return "bank", f"{brand} {rest}", 1, ""
    return None


def unit_matches(place: Place, communes: dict[str, dict[str, str]]) -> str | None:
    """The name a police station or commune office keeps when the unit it names is the 2025
    commune it stands in (or the city itself), else None."""
    found = UNIT.search(place.name)
    if found is None:
        if place.unit_check == "police" and place.name.startswith(POLICE):
            return place.name  # a city or national unit: "Bộ Tư lệnh Cảnh vệ"
        return None
    kind, rest = found.group(1).lower(), found.group(2)
    if kind in ("thành phố", "tp", "tp.") and fold(rest) == "ha noi":
        return place.name
    commune = communes[place.commune]
    if kind in ("phường", "xã") and fold(rest) == fold(commune["short_name"]):
        unit = f"{kind} {commune['short_name']}"
        return f"Công an {unit}" if place.unit_check == "police" else f"UBND {unit}"
    return None


def street_ok(name: str) -> bool:
    """A named street: "Phố Hàng Bài", "Quốc lộ 6", "Đê Tả Hồng", "Thiên Đức"; no alley, bridge,
    roundabout or description ("Đường trong", "Ngõ 64 Kim Giang")."""
    if not well_formed(name) or not vietnamese(name) or "trên cao" in name:
        return False
    if any(name.lower().startswith(w.lower() + " ") for w in NOT_STREETS):
        return False
    head = head_of(name, STREET_HEADS)
    rest = name[len(head) + 1 :] if head else name
    return rest not in NOT_STREETS and proper(rest)


def junction_street_ok(name: str) -> bool:
    """A street a junction's name can hold: no dash of its own (not "Sơn Đồng – Cát Quế")."""
    return "–" not in name


def short_street(name: str) -> str:
    """A street as a junction's name says it: "Đường Nguyễn Trãi" → "Nguyễn Trãi", but "Đường
    Láng", "Phố Huế", "Đường cao tốc …" and numbered roads kept whole."""
    for head in ("Phố ", "Đường "):
        rest = name[len(head) :]
        if (
            name.startswith(head)
            and len(rest.split()) >= 2
            and rest[0].isupper()
            and not re.search(r"\d", name)
        ):
            return rest
    return name


def street_key(name: str) -> str:
    return fold(short_street(name))


# -- decoding -----------------------------------------------------------------------------------


@dataclass
class Road:
    name: str
    rank: int
    lines: list[list[tuple[float, float]]]
    tile: tuple[int, int]


@dataclass
class Basemap:
    features: list[tuple[str, dict[str, object], str, tuple[float, float]]] = field(
        default_factory=list
    )
    roads: dict[tuple[int, int], list[Road]] = field(default_factory=lambda: defaultdict(list))


def decode(basemap: Path) -> Basemap:
    out = Basemap()
    layers = ("poi", "water_name", "transportation_name")
    for feature in tile_features(basemap, layers, named_only=True):
        name = feature_name(feature.properties)
        if name is None or not feature.parts or not feature.parts[0]:
            continue
        if feature.layer == "transportation_name":
            rank = ROAD_CLASSES.get(str(feature.properties.get("class")))
            if rank is not None and street_ok(clean(name)):
                road = Road(clean(name), rank, feature.parts, feature.tile)
                out.roads[feature.tile].append(road)
        else:
            out.features.append((feature.layer, feature.properties, name, feature.parts[0][0]))
    return out


# -- where things are ---------------------------------------------------------------------------


class City:
    """Hà Nội's 2025 communes: which one strictly holds a point."""

    def __init__(self) -> None:
        self.db = sqlite_utils.Database(memory=True)
        reference.install_reference_data(self.db)
        self.polygons: list[tuple[str, tuple[float, float, float, float], list[list[float]]]] = []
        for feature in reference.boundary_geojson(reference.COMMUNE)["features"]:
            for polygon in feature["geometry"]["coordinates"]:
                xs = [p[0] for p in polygon[0]]
                ys = [p[1] for p in polygon[0]]
                box = (min(xs), min(ys), max(xs), max(ys))
                self.polygons.append((feature["properties"]["code"], box, polygon))
        self.communes = {c["code"]: dict(c) for c in reference.communes(self.db)}

    def commune(self, lon: float, lat: float) -> str | None:
        """The commune the app's lookup gives, when the point is also strictly inside it."""
        code = reference.commune_at(self.db, lon, lat)
        inside = any(
            c == code
            and box[0] <= lon <= box[2]
            and box[1] <= lat <= box[3]
            and reference.point_in_rings(lon, lat, rings)
            for c, box, rings in self.polygons
        )
        return code if inside else None


class Water:
    """The basemap's water polygons, tile by tile, for the tiles asked for."""

    def __init__(self, basemap: Path, tiles: set[tuple[int, int]]) -> None:
        self.by_tile: dict[tuple[int, int], list[tuple[tuple[float, ...], list[list]]]] = (
            defaultdict(list)
        )
        for feature in tile_features(basemap, ("water",), tiles=tiles):
            rings = [ring for ring in feature.parts if len(ring) >= 3]
            if not rings:
                continue
            xs = [p[0] for ring in rings for p in ring]
            ys = [p[1] for ring in rings for p in ring]
            self.by_tile[feature.tile].append(((min(xs), min(ys), max(xs), max(ys)), rings))

    def polygons_at(self, lon: float, lat: float) -> list[list[list]]:
        return [
            rings
            for box, rings in self.by_tile.get(tile_of(lon, lat, ZOOM), ())
            if box[0] <= lon <= box[2]
            and box[1] <= lat <= box[3]
            and reference.point_in_rings(lon, lat, rings)
        ]

    def wet(self, lon: float, lat: float) -> bool:
        return bool(self.polygons_at(lon, lat))


def segment_distance(lon: float, lat: float, a: Point, b: Point) -> float:
    """Metres from (lon, lat) to the nearest point of segment a–b (flat earth)."""
    ax, ay = offset_m(lat, lon, a[1], a[0])
    bx, by = offset_m(lat, lon, b[1], b[0])
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


def shore(water: Water, lon: float, lat: float) -> tuple[float, float] | None:
    """For a point in water: the nearest dry ground, found along 36 bearings in 10 m steps up
    to SHORE_REACH_M, moved 10 m further inland where the ground stays dry; None if none."""
    best: tuple[float, float, float] | None = None
    for bearing in range(0, 360, 10):
        for step in range(1, int(SHORE_REACH_M // 10) + 1):
            metres = step * 10.0
            if best is not None and metres >= best[0]:
                break
            to_lat, to_lon = destination(lat, lon, metres, bearing)
            if water.wet(to_lon, to_lat):
                continue
            in_lat, in_lon = destination(lat, lon, metres + 10.0, bearing)
            further_lat, further_lon = destination(lat, lon, metres + 25.0, bearing)
            if not water.wet(in_lon, in_lat) and not water.wet(further_lon, further_lat):
                best = (metres, in_lon, in_lat)
            break
    return None if best is None else (best[1], best[2])


def land(water: Water, lon: float, lat: float) -> str:
    """Eight digits, N to NW clockwise: how many of the distances LAND_M (10, 25, 50 m) that
    way, counted outwards, are dry ground (3: dry to 50 m; 0: water within 10 m)."""
    marks = []
    for sector in range(8):
        dry = 0
        for metres in LAND_M:
            to_lat, to_lon = destination(lat, lon, metres, sector * 45.0)
            if water.wet(to_lon, to_lat):
                break
            dry += 1
        marks.append(str(dry))
    return "".join(marks)


def tiles_around(lon: float, lat: float, metres: float = 60.0) -> set[tuple[int, int]]:
    """The tiles of every point within ``metres`` of (lon, lat)."""
    north_lat, _ = destination(lat, lon, metres, 0)
    south_lat, _ = destination(lat, lon, metres, 180)
    _, east_lon = destination(lat, lon, metres, 90)
    _, west_lon = destination(lat, lon, metres, 270)
    x0, y0 = tile_of(west_lon, north_lat, ZOOM)
    x1, y1 = tile_of(east_lon, south_lat, ZOOM)
    return {(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)}


# -- junctions ----------------------------------------------------------------------------------


def _cross(
    p1: tuple[float, float],
    p2: tuple[float, float],
    q1: tuple[float, float],
    q2: tuple[float, float],
) -> tuple[float, float] | None:
    """Where segments p1–p2 and q1–q2 cross (lon/lat treated as flat over a few metres)."""
    rx, ry = p2[0] - p1[0], p2[1] - p1[1]
    sx, sy = q2[0] - q1[0], q2[1] - q1[1]
    denominator = rx * sy - ry * sx
    if denominator == 0:
        return None
    qpx, qpy = q1[0] - p1[0], q1[1] - p1[1]
    t = (qpx * sy - qpy * sx) / denominator
    u = (qpx * ry - qpy * rx) / denominator
    if 0 <= t <= 1 and 0 <= u <= 1:
        return p1[0] + t * rx, p1[1] + t * ry
    return None


def _touches(road: Road, lon: float, lat: float, within: float = 3.0) -> Iterator[bool]:
    """For each line of ``road`` passing within ``within`` metres of the point: whether it runs
    on through it (True) or ends there (False)."""
    for line in road.lines:
        if len(line) < 2:
            continue
        near = min(segment_distance(lon, lat, a, b) for a, b in itertools.pairwise(line))
        if near > within:
            continue
        ends = min(
            distance_m(lat, lon, line[0][1], line[0][0]),
            distance_m(lat, lon, line[-1][1], line[-1][0]),
        )
        yield ends > 10.0


def junctions(basemap: Basemap) -> list[Place]:
    """Every point where two differently named streets cross or meet and one runs on."""
    found: dict[tuple[str, str], Place] = {}
    cell = 0.0005  # about 55 m
    for tile in sorted(basemap.roads):
        roads = basemap.roads[tile]
        grid: dict[tuple[int, int], list[tuple[int, tuple[float, float], tuple[float, float]]]]
        grid = defaultdict(list)
        for index, road in enumerate(roads):
            for line in road.lines:
                for a, b in itertools.pairwise(line):
                    for cx in range(int(min(a[0], b[0]) // cell), int(max(a[0], b[0]) // cell) + 1):
                        for cy in range(
                            int(min(a[1], b[1]) // cell), int(max(a[1], b[1]) // cell) + 1
                        ):
                            grid[(cx, cy)].append((index, a, b))
        seen: set[tuple[int, int]] = set()
        for members in grid.values():
            for i, (ra, a1, a2) in enumerate(members):
                for rb, b1, b2 in members[i + 1 :]:
                    road_a, road_b = roads[ra], roads[rb]
                    if street_key(road_a.name) == street_key(road_b.name):
                        continue
                    if not (junction_street_ok(road_a.name) and junction_street_ok(road_b.name)):
                        continue
                    pair = (min(ra, rb), max(ra, rb))
                    if pair in seen:
                        continue
                    point = _cross(a1, a2, b1, b2)
                    if point is None:
                        continue
                    seen.add(pair)
                    lon, lat = point
                    touches = [*_touches(road_a, lon, lat), *_touches(road_b, lon, lat)]
                    if not any(touches) or len(touches) + sum(touches) < 3:
                        continue
                    first, second = sorted(
                        (road_a, road_b), key=lambda r: (-r.rank, street_key(r.name))
                    )
                    key = (street_key(first.name), street_key(second.name))
                    score = road_a.rank + road_b.rank
                    numbered = sum(bool(re.search(r"\d", r.name)) for r in (road_a, road_b))
                    if key in found and found[key].score >= score:
                        continue
                    found[key] = Place(
                        f"Nút giao {short_street(first.name)} – {short_street(second.name)}",
                        "traffic_route",
                        lon,
                        lat,
                        rank=6 - score + 2 * numbered,
                        street=first.name,
                        cross_street=second.name,
                        score=score,
                    )
    return list(found.values())


# -- streets ------------------------------------------------------------------------------------


class Streets:
    """The nearest named street to a point."""

    CELL = 0.002  # about 200 m

    def __init__(self, basemap: Basemap) -> None:
        self.grid: dict[tuple[int, int], list[tuple[str, tuple[float, float], tuple[float, float]]]]
        self.grid = defaultdict(list)
        for roads in basemap.roads.values():
            for road in roads:
                for line in road.lines:
                    for a, b in itertools.pairwise(line):
                        self.grid[self._cell(a)].append((road.name, a, b))

    def _cell(self, p: tuple[float, float]) -> tuple[int, int]:
        return int(p[0] // self.CELL), int(p[1] // self.CELL)

    def nearest(self, lon: float, lat: float) -> str:
        cx, cy = self._cell((lon, lat))
        best: tuple[float, str] | None = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for name, a, b in self.grid.get((cx + dx, cy + dy), ()):
                    metres = segment_distance(lon, lat, a, b)
                    if metres <= STREET_REACH_M and (best is None or (metres, name) < best):
                        best = (metres, name)
        return best[1] if best else ""


# -- choosing -----------------------------------------------------------------------------------


def candidates(basemap: Basemap) -> list[Place]:
    out: list[Place] = []
    for layer, props, raw, (lon, lat) in basemap.features:
        found = classify(layer, props, raw)
        if found is None:
            continue
        category, name, rank, unit_check = found
        out.append(Place(name, category, lon, lat, rank, unit_check))
    # A point repeated in the buffer of the neighbouring tiles is one place.
    unique: list[Place] = []
    by_key: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in out:
        same = by_key[(place.key, place.category)]
        if any(distance_m(p.lat, p.lon, place.lat, place.lon) < 100 for p in same):
            continue
        same.append(place)
        unique.append(place)
    return unique


def locate(places: list[Place], city: City, water: Water, streets: Streets) -> list[Place]:
    kept = []
    for place in places:
        if water.wet(place.lon, place.lat):
            moved = shore(water, place.lon, place.lat)
            if moved is None:
                continue
            place.lon, place.lat = moved
        place.lon, place.lat = round(place.lon, 6), round(place.lat, 6)
        commune = city.commune(place.lon, place.lat)
        if commune is None:
            continue
        place.commune = commune
        if place.unit_check:
            name = unit_matches(place, city.communes)
            if name is None:
                continue
            place.name = name
        place.land = land(water, place.lon, place.lat)
        if sum(mark >= "2" for mark in place.land) < 2:
            continue
        if not place.street:
            place.street = streets.nearest(place.lon, place.lat)
        kept.append(place)
    return kept


def choose(places: list[Place]) -> list[Place]:
    """Famous places first, then per category up to its quota: spread over the communes, no
    two places within SPACING_M (junctions JUNCTION_SPACING_M apart), one place per name; then
    one place in each commune that has none yet and has a candidate."""
    chosen: list[Place] = []
    names: set[str] = set()
    per_commune: Counter[str] = Counter()
    per_category_commune: Counter[tuple[str, str]] = Counter()

    def fits(place: Place) -> bool:
        if place.key in names:
            return False
        if per_category_commune[(place.category, place.commune)] >= PER_COMMUNE:
            return False
        for other in chosen:
            spacing = (
                JUNCTION_SPACING_M
                if place.category == other.category == "traffic_route"
                else SPACING_M
            )
            if (
                abs(other.lat - place.lat) < 0.005
                and distance_m(other.lat, other.lon, place.lat, place.lon) < spacing
            ):
                return False
        return True

    def take(place: Place) -> None:
        chosen.append(place)
        names.add(place.key)
        per_commune[place.commune] += 1
        per_category_commune[(place.category, place.commune)] += 1

    for place in sorted(places, key=lambda p: (p.rank, p.key)):
        if place.rank == 0 and fits(place):
            take(place)
    for category, quota in QUOTAS.items():
        pool = sorted(
            (p for p in places if p.category == category and p.rank > 0), key=lambda p: p.key
        )
        while sum(p.category == category for p in chosen) < quota:
            best = min(
                (p for p in pool if fits(p)),
                key=lambda p: (p.rank, per_commune[p.commune], p.key),
                default=None,
            )
            if best is None:
                break
            take(best)
            pool.remove(best)
    # Every commune that has a place worth keeping gets one, whatever its category.
    for place in sorted(places, key=lambda p: (p.rank, p.key)):
        if per_commune[place.commune] == 0 and fits(place):
            take(place)
    return chosen


def write(places: list[Place], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(places, key=lambda p: (p.category, p.key, p.lon, p.lat))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for p in rows:
            writer.writerow(
                [
                    p.name,
                    p.category,
                    f"{p.lon:.6f}",
                    f"{p.lat:.6f}",
                    p.commune,
                    p.street,
                    p.cross_street,
                    p.land,
                ]
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basemap", type=Path, default=bundled_path())
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    say = lambda text: print(f"[{time.perf_counter() - start:5.1f} s] {text}", flush=True)  # noqa: E731
    basemap = decode(args.basemap)
    say(f"decoded: {len(basemap.features)} named points, {len(basemap.roads)} tiles of streets")
    city = City()
    found = candidates(basemap) + junctions(basemap)
    say(f"candidates: {len(found)}")
    tiles: set[tuple[int, int]] = set()
    for place in found:
        tiles |= tiles_around(place.lon, place.lat)
    water = Water(args.basemap, tiles)
    wet = [p for p in found if water.wet(p.lon, p.lat)]
    for place in wet:  # a lake's shore may be far from its name
        tiles |= tiles_around(place.lon, place.lat, SHORE_REACH_M + 100)
    water = Water(args.basemap, tiles)
    located = locate(found, city, water, Streets(basemap))
    say(f"inside Hà Nội, on dry ground: {len(located)}")
    chosen = choose(located)
    write(chosen, args.out)
    counts = Counter(p.category for p in chosen)
    say(f"wrote {len(chosen)} places to {args.out}: {dict(sorted(counts.items()))}")
    say(f"communes: {len({p.commune for p in chosen})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
