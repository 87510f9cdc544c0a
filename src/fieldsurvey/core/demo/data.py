"""What the demo is made of: the city's real unit names, private owners, landmarks, streets,
place words, and for each site category the cameras, shortcomings and needs it tends to have.
The generator (generator.py) combines them with one seeded random generator."""

from __future__ import annotations

from dataclasses import dataclass

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

# Real places with approximate coordinates (lon, lat), so the demo looks like Hà Nội.
LANDMARKS = (
    ("Lăng Chủ tịch Hồ Chí Minh", "national_security", 105.8346, 21.0368, "Hùng Vương"),
    ("Phủ Chủ tịch", "national_security", 105.8336, 21.0396, "Hoàng Hoa Thám"),
    ("Hồ Hoàn Kiếm", "scenic_spot", 105.8524, 21.0288, "Đinh Tiên Hoàng"),
    ("Nhà hát Lớn Hà Nội", "iconic_building", 105.8575, 21.0243, "Tràng Tiền"),
    ("Văn Miếu – Quốc Tử Giám", "heritage", 105.8361, 21.0283, "Quốc Tử Giám"),
    ("Hoàng thành Thăng Long", "heritage", 105.8403, 21.0352, "Hoàng Diệu"),
    ("Chùa Một Cột", "heritage", 105.8336, 21.0358, "Chùa Một Cột"),
    ("Chùa Trấn Quốc", "heritage", 105.8365, 21.0480, "Thanh Niên"),
    ("Chợ Đồng Xuân", "market", 105.8497, 21.0382, "Đồng Xuân"),
    ("Ga Hà Nội", "train_station", 105.8412, 21.0245, "Lê Duẩn"),
    ("Bến xe Mỹ Đình", "bus_station", 105.7781, 21.0285, "Phạm Hùng"),
    ("Bến xe Giáp Bát", "bus_station", 105.8413, 20.9805, "Giải Phóng"),
    ("Bến xe Nước Ngầm", "bus_station", 105.8418, 20.9646, "Ngọc Hồi"),
    ("Sân bay quốc tế Nội Bài", "airport", 105.8070, 21.2187, "Võ Văn Kiệt"),
    ("Cầu Long Biên", "traffic_route", 105.8575, 21.0430, "Trần Nhật Duật"),
    ("Nút giao Ngã Tư Sở", "traffic_route", 105.8205, 21.0030, "Trường Chinh"),
    (
        "Nút giao Trần Duy Hưng – Đại lộ Thăng Long",
        "traffic_route",
        105.7990,
        21.0070,
        "Trần Duy Hưng",
    ),
    ("Quảng trường Ba Đình", "public_place", 105.8362, 21.0369, "Hùng Vương"),
    ("Công viên Thống Nhất", "public_place", 105.8440, 21.0150, "Trần Nhân Tông"),
    ("Phố đi bộ Tạ Hiện", "entertainment", 105.8520, 21.0350, "Tạ Hiện"),
    ("Khu công nghiệp Thăng Long", "industrial_park", 105.7860, 21.1230, "Võ Văn Kiệt"),
    ("Khu công nghiệp Quang Minh", "industrial_park", 105.7620, 21.1880, "Quang Minh"),
    ("Tràng Tiền Plaza", "supermarket", 105.8535, 21.0250, "Tràng Tiền"),
    ("Ngân hàng Nhà nước Việt Nam", "bank", 105.8555, 21.0270, "Lý Thái Tổ"),
    ("Lotte Center Hà Nội", "iconic_building", 105.8120, 21.0320, "Liễu Giai"),
    ("Keangnam Landmark 72", "iconic_building", 105.7838, 21.0170, "Phạm Hùng"),
)

STREETS = (
    "Phố Huế",
    "Hàng Bài",
    "Bà Triệu",
    "Lê Duẩn",
    "Giải Phóng",
    "Nguyễn Trãi",
    "Láng",
    "Kim Mã",
    "Cầu Giấy",
    "Xuân Thủy",
    "Trần Duy Hưng",
    "Phạm Văn Đồng",
    "Nguyễn Văn Cừ",
    "Ngọc Lâm",
    "Tôn Đức Thắng",
    "Xã Đàn",
    "Trường Chinh",
    "Minh Khai",
    "Tam Trinh",
    "Lĩnh Nam",
    "Nguyễn Chí Thanh",
    "Đê La Thành",
    "Hoàng Quốc Việt",
    "Lạc Long Quân",
    "Âu Cơ",
    "Nghi Tàm",
    "Thụy Khuê",
    "Quang Trung",
    "Lê Văn Lương",
    "Tố Hữu",
    "Nguyễn Xiển",
    "Kim Giang",
    "Đội Cấn",
    "Hoàng Hoa Thám",
    "Văn Cao",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Đinh Tiên Hoàng",
)
PLACE_WORDS = (
    "Hoa Sen",
    "Sông Hồng",
    "Thăng Long",
    "Hồ Tây",
    "Hòa Bình",
    "Bình Minh",
    "Đoàn Kết",
    "Thống Nhất",
    "Văn Hóa",
    "Hữu Nghị",
)


# For each site category: name pattern, camera purposes, camera types, mounts, owner kind.
@dataclass(frozen=True)
class CategoryRecipe:
    pattern: str
    purposes: tuple[str, ...]
    types: tuple[str, ...]
    mounts: tuple[str, ...]
    owner: str  # police | department | commune | private
    weight: int


RECIPES: dict[str, CategoryRecipe] = {
    "national_security": CategoryRecipe(
        "Mục tiêu bảo vệ số {n}",
        ("defence_security", "public_order"),
        ("fixed", "ptz", "thermal"),
        ("wall", "pole", "roof"),
        "police",
        2,
    ),
    "iconic_building": CategoryRecipe(
        "Tòa nhà {place} {street}",
        ("public_order",),
        ("fixed", "dome", "ptz"),
        ("wall", "roof"),
        "private",
        3,
    ),
    "heritage": CategoryRecipe(
        "Đình {place}",
        ("public_order", "urban_order"),
        ("fixed", "dome"),
        ("wall", "pole"),
        "commune",
        4,
    ),
    "scenic_spot": CategoryRecipe(
        "Hồ {place}",
        ("public_order", "environment"),
        ("ptz", "fixed", "panoramic"),
        ("pole", "street_lamp"),
        "commune",
        3,
    ),
    "traffic_route": CategoryRecipe(
        "Nút giao {street} – {street2}",
        ("traffic_management", "administrative_violation"),
        ("alpr", "fixed", "ptz"),
        ("pole", "gantry", "traffic_signals"),
        "department",
        10,
    ),
    "public_place": CategoryRecipe(
        "Vườn hoa {place}",
        ("public_order", "urban_order"),
        ("fixed", "ptz", "dome"),
        ("pole", "street_lamp", "wall"),
        "commune",
        8,
    ),
    "entertainment": CategoryRecipe(
        "Khu vui chơi {place}",
        ("public_order",),
        ("dome", "fixed"),
        ("wall", "ceiling"),
        "private",
        3,
    ),
    "train_station": CategoryRecipe(
        "Ga {place}",
        ("public_order", "defence_security"),
        ("dome", "fixed", "ptz"),
        ("ceiling", "wall", "pole"),
        "private",
        1,
    ),
    "bus_station": CategoryRecipe(
        "Điểm trung chuyển xe buýt {street}",
        ("public_order", "traffic_management"),
        ("fixed", "dome"),
        ("pole", "wall"),
        "department",
        4,
    ),
    "airport": CategoryRecipe(
        "Nhà ga hàng hóa {place}",
        ("defence_security", "public_order"),
        ("fixed", "dome", "ptz"),
        ("ceiling", "pole"),
        "private",
        0,
    ),
    "market": CategoryRecipe(
        "Chợ {commune}",
        ("public_order", "urban_order"),
        ("fixed", "dome"),
        ("wall", "pole", "ceiling"),
        "private",
        6,
    ),
    "supermarket": CategoryRecipe(
        "Trung tâm thương mại {place} {street}",
        ("public_order",),
        ("dome", "fixed"),
        ("ceiling", "wall"),
        "private",
        4,
    ),
    "hotel": CategoryRecipe(
        "Khách sạn {place}", ("public_order",), ("dome", "fixed"), ("ceiling", "wall"), "private", 4
    ),
    "industrial_park": CategoryRecipe(
        "Cụm công nghiệp {commune}",
        ("public_order", "environment"),
        ("fixed", "ptz", "thermal"),
        ("pole", "wall"),
        "private",
        2,
    ),
    "bank": CategoryRecipe(
        "Phòng giao dịch ngân hàng {street}",
        ("public_order",),
        ("dome", "fixed"),
        ("ceiling", "wall"),
        "private",
        5,
    ),
    "other": CategoryRecipe(
        "Trường THCS {commune}", ("public_order",), ("fixed", "dome"), ("wall",), "commune", 3
    ),
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
