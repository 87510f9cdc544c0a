"""What the demo is made of: the city's real unit names, private owners, the real places of Hà
Nội the sites stand at (resources/demo/places.csv, made from the bundled basemap by
scripts/extract_demo_places.py), and for each site category the cameras, shortcomings and needs
it tends to have. The generator (generator.py) combines them with one seeded random generator."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from fieldsurvey.core.resources import resource_path

# The city's units as they are since Hà Nội's departments were reorganised on 1 March 2025
# (resolution of the city People's Council, 21st session, 25 February 2025, under Decree
# 45/2025/NĐ-CP): the Department of Transport went into the Department of Construction (Sở Xây
# dựng), the Department of Information and Communications into the Department of Science and
# Technology (Sở Khoa học và Công nghệ). The city police and the office of the city People's
# Committee kept their names. The first two are the demo's surveying units (police, then the
# department that surveys the traffic junctions).
CITY_UNITS = (
    ("Công an Thành phố Hà Nội", "police"),
    ("Sở Xây dựng Hà Nội", "department"),
    ("Sở Khoa học và Công nghệ Hà Nội", "department"),
    ("Văn phòng UBND Thành phố Hà Nội", "department"),
)
PRIVATE_OWNERS = (
    "Ban quản lý chợ (mẫu)",
    "Doanh nghiệp vận tải (mẫu)",
    "Ngân hàng thương mại (mẫu)",
    "Khách sạn tư nhân (mẫu)",
    "Trung tâm thương mại (mẫu)",
)

PLACES_FILE = ("demo", "places.csv")
# The file's ``land`` column: per compass direction, how many of 10, 25 and 50 m out are dry.
DRY_METRES = (0.0, 10.0, 25.0, 50.0)
# Every small demo holds these places, the ones a trainer from Hà Nội points at first; the rest
# are drawn from the file by the seed.
FEATURED = (
    "Hồ Hoàn Kiếm",
    "Lăng Chủ tịch Hồ Chí Minh",
    "Phủ Chủ tịch",
    "Nhà hát Lớn Hà Nội",
    "Văn Miếu – Quốc Tử Giám",
    "Hoàng thành Thăng Long",
    "Chùa Một Cột",
    "Chùa Trấn Quốc",
    "Chợ Đồng Xuân",
    "Ga Hà Nội",
    "Bến xe Mỹ Đình",
    "Bến xe Giáp Bát",
    "Nhà ga Quốc tế T2 – Sân bay Quốc tế Nội Bài",
    "Cầu Long Biên",
    "Keangnam Hanoi Landmark Tower",
    "Lotte Center Hà Nội",
    "Tràng Tiền Plaza",
    "Ngân hàng Nhà nước Việt Nam",
    "Khu công nghiệp Quang Minh",
    "Phố Tạ Hiện",
    "Công viên Thống Nhất",
    "Nút giao Giải Phóng – Trường Chinh",
)


@dataclass(frozen=True)
class RealPlace:
    """One row of the places file: a real place of Hà Nội and the commune it lies in."""

    name: str
    category: str
    lon: float
    lat: float
    commune_code: str
    street: str
    cross_street: str
    # Where a camera may stand: (bearing in degrees, metres of dry ground that way), for each
    # compass direction (N, NE … NW) dry at least DRY_METRES[2] out.
    dry_ground: tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def real_places() -> tuple[RealPlace, ...]:
    """The places file, in its order."""
    with resource_path(*PLACES_FILE).open(encoding="utf-8", newline="") as handle:
        return tuple(
            RealPlace(
                name=row["name"],
                category=row["category"],
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                commune_code=row["commune_code"],
                street=row["street"],
                cross_street=row["cross_street"],
                dry_ground=tuple(
                    (45.0 * i, DRY_METRES[int(mark)])
                    for i, mark in enumerate(row["land"])
                    if int(mark) >= 2
                ),
            )
            for row in csv.DictReader(handle)
        )


# For each site category: camera purposes, camera types, mounts, owner kind, and how often the
# small demo draws it.
@dataclass(frozen=True)
class CategoryRecipe:
    purposes: tuple[str, ...]
    types: tuple[str, ...]
    mounts: tuple[str, ...]
    owner: str  # police | department | commune | private
    weight: int


RECIPES: dict[str, CategoryRecipe] = {
    "national_security": CategoryRecipe(
        ("defence_security", "public_order"),
        ("fixed", "ptz", "thermal"),
        ("wall", "pole", "roof"),
        "police",
        2,
    ),
    "iconic_building": CategoryRecipe(
        ("public_order",),
        ("fixed", "dome", "ptz"),
        ("wall", "roof"),
        "private",
        3,
    ),
    "heritage": CategoryRecipe(
        ("public_order", "urban_order"),
        ("fixed", "dome"),
        ("wall", "pole"),
        "commune",
        4,
    ),
    "scenic_spot": CategoryRecipe(
        ("public_order", "environment"),
        ("ptz", "fixed", "panoramic"),
        ("pole", "street_lamp"),
        "commune",
        3,
    ),
    "traffic_route": CategoryRecipe(
        ("traffic_management", "administrative_violation"),
        ("alpr", "fixed", "ptz"),
        ("pole", "gantry", "traffic_signals"),
        "department",
        10,
    ),
    "public_place": CategoryRecipe(
        ("public_order", "urban_order"),
        ("fixed", "ptz", "dome"),
        ("pole", "street_lamp", "wall"),
        "commune",
        8,
    ),
    "entertainment": CategoryRecipe(
        ("public_order",),
        ("dome", "fixed"),
        ("wall", "ceiling"),
        "private",
        3,
    ),
    "train_station": CategoryRecipe(
        ("public_order", "defence_security"),
        ("dome", "fixed", "ptz"),
        ("ceiling", "wall", "pole"),
        "private",
        1,
    ),
    "bus_station": CategoryRecipe(
        ("public_order", "traffic_management"),
        ("fixed", "dome"),
        ("pole", "wall"),
        "department",
        4,
    ),
    "airport": CategoryRecipe(
        ("defence_security", "public_order"),
        ("fixed", "dome", "ptz"),
        ("ceiling", "pole"),
        "private",
        0,
    ),
    "market": CategoryRecipe(
        ("public_order", "urban_order"),
        ("fixed", "dome"),
        ("wall", "pole", "ceiling"),
        "private",
        6,
    ),
    "supermarket": CategoryRecipe(
        ("public_order",),
        ("dome", "fixed"),
        ("ceiling", "wall"),
        "private",
        4,
    ),
    "hotel": CategoryRecipe(
        ("public_order",), ("dome", "fixed"), ("ceiling", "wall"), "private", 4
    ),
    "industrial_park": CategoryRecipe(
        ("public_order", "environment"),
        ("fixed", "ptz", "thermal"),
        ("pole", "wall"),
        "private",
        2,
    ),
    "bank": CategoryRecipe(
        ("public_order",),
        ("dome", "fixed"),
        ("ceiling", "wall"),
        "private",
        5,
    ),
    "other": CategoryRecipe(("public_order",), ("fixed", "dome"), ("wall",), "commune", 3),
}
OWNER_FOR_CATEGORY = {
    "market": PRIVATE_OWNERS[0],
    "bus_station": PRIVATE_OWNERS[1],
    "bank": PRIVATE_OWNERS[2],
    "hotel": PRIVATE_OWNERS[3],
    "supermarket": PRIVATE_OWNERS[4],
}
SHORTCOMING_REMEDY = {
    "not_connected": ("connect", "Chưa kết nối về Trung tâm; đề nghị kéo cáp quang kết nối."),
    "low_quality": ("upgrade", "Hình ảnh mờ, độ phân giải thấp; đề nghị thay camera 4MP."),
    "obstructed": ("adjust_view", "Tán cây che khuất góc quan sát; đề nghị cắt tỉa, chỉnh góc."),
    "broken": ("repair", "Camera không lên hình; đề nghị sửa chữa hoặc thay thế."),
    "duplicate_coverage": ("remove", "Trùng vùng quan sát với camera khác; đề nghị dùng chung."),
    "untidy": ("tidy_wiring", "Dây cáp treo lộn xộn, mất mỹ quan đô thị; đề nghị hạ ngầm."),
    "no_maintainer": ("assign_maintainer", "Chưa có đơn vị quản lý, bảo trì."),
    "insufficient_storage": ("upgrade", "Chỉ lưu trữ dưới 7 ngày; đề nghị nâng dung lượng."),
}
