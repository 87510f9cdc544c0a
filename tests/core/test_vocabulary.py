"""The bundled code lists: well-formed data, the plan's categories, OSM mapping and the API."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from typing import Any

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.resources import resource_path

REQUIRED_LISTS = {
    "site_category",
    "camera_purpose",
    "camera_type",
    "camera_mount",
    "camera_condition",
    "connectivity",
    "connection_medium",
    "camera_standard",
    "power_source",
    "funding_source",
    "ai_function",
    "shortcoming_kind",
    "remedy_kind",
    "priority",
    "review_state",
    "unit_kind",
    "location_source",
    "assignment_status",
}

MULTIPLE_LISTS = {"camera_purpose", "camera_standard", "ai_function", "plan_upgrade"}

CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# The site kinds Plan 67/KH-UBND names (DESIGN.md §1), with the Vietnamese words of the article
# and the English words of the brief that each label must contain.
PLAN_SITE_KINDS = {
    "national_security": ("an ninh quốc gia", "national-security"),
    "iconic_building": ("biểu tượng", "iconic"),
    "heritage": ("di tích", "heritage"),
    "scenic_spot": ("danh lam thắng cảnh", "scenic"),
    "traffic_route": ("tuyến giao thông", "traffic"),
    "public_place": ("địa điểm công cộng", "public"),
    "entertainment": ("giải trí", "entertainment"),
    "train_station": ("nhà ga", "train"),
    "bus_station": ("bến xe", "bus"),
    "airport": ("sân bay", "airport"),
    "market": ("chợ", "market"),
    "supermarket": ("siêu thị", "supermarket"),
    "hotel": ("khách sạn", "hotel"),
    "industrial_park": ("khu công nghiệp", "industrial park"),
    "bank": ("ngân hàng", "bank"),
    "other": ("khác", "other"),
}

PLAN_PURPOSES = {
    "traffic_management": "giao thông",
    "defence_security": "quốc phòng",
    "public_order": "an toàn xã hội",
    "administrative_violation": "xử lý vi phạm hành chính",
    "urban_order": "đô thị",
    "environment": "môi trường",
    "other": "khác",
}

# Values documented on the OSM wiki (Tag:man_made=surveillance, Key:surveillance,
# Key:surveillance:type, Key:surveillance:ALPR, Key:camera:type, Key:surveillance:zone) or, for
# camera:mount, the values in established use; anything else would make exports meaningless.
OSM_VALUES = {
    "surveillance": {"public", "outdoor", "indoor"},
    "surveillance:type": {"camera", "guard", "ALPR", "gunshot_detector"},
    "surveillance:ALPR": {"yes", "no"},
    "surveillance:zone": {"town", "parking", "traffic", "shop", "bank", "building", "entrance"},
    "camera:type": {"fixed", "panning", "dome"},
    "camera:mount": {
        "wall",
        "pole",
        "ceiling",
        "street_lamp",
        "traffic_signals",
        "roof",
        "gantry",
    },
}


def _raw() -> dict[str, Any]:
    with resource_path("vocabulary.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _all_items() -> list[tuple[str, str]]:
    return [(name, code) for name in vocabulary.list_names() for code in vocabulary.codes(name)]


def test_required_lists_exist() -> None:
    assert set(vocabulary.list_names()) >= REQUIRED_LISTS


def test_multiple_flag() -> None:
    multiple = {name for name in vocabulary.list_names() if vocabulary.is_multiple(name)}
    assert multiple == MULTIPLE_LISTS


@pytest.mark.parametrize("name", sorted(REQUIRED_LISTS))
def test_codes_unique_and_lower_snake(name: str) -> None:
    codes = vocabulary.codes(name)
    assert codes, name
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    assert all(CODE.match(code) and code.isascii() for code in codes), codes


def test_every_item_and_list_has_both_labels() -> None:
    for name in vocabulary.list_names():
        for lang in ("vi", "en"):
            assert vocabulary.list_label(name, lang).strip()
            for code, text in vocabulary.items(name, lang):
                assert text.strip(), (name, code, lang)
                assert text != code, (name, code, lang)


def test_raw_items_have_only_known_fields() -> None:
    allowed = {"code", "vi", "en", "osm", "osm_aliases"}
    for name, raw in _raw()["lists"].items():
        assert set(raw) == {"label", "multiple", "items"}, name
        for entry in raw["items"]:
            assert {"code", "vi", "en", "osm"} <= set(entry) <= allowed, (name, entry)


def test_labels_are_nfc() -> None:
    # Decomposed Vietnamese renders the same but breaks equality, sorting and search.
    for name in vocabulary.list_names():
        for lang in ("vi", "en"):
            for _, text in vocabulary.items(name, lang):
                assert unicodedata.is_normalized("NFC", text), (name, text)


def test_vietnamese_labels_are_vietnamese() -> None:
    def has_accented_letter(text: str) -> bool:
        return any(ch.isalpha() and not ch.isascii() for ch in text)

    vi_labels = [vocabulary.label(name, code, "vi") for name, code in _all_items()]
    accented = [text for text in vi_labels if has_accented_letter(text)]
    # Only product names (ONVIF, RTSP…) and the odd plain word ("Cao") may be ASCII.
    assert len(accented) >= 0.9 * len(vi_labels)
    for name in vocabulary.list_names():
        assert any(has_accented_letter(text) for _, text in vocabulary.items(name, "vi")), name
        assert has_accented_letter(vocabulary.list_label(name, "vi")), name


def test_site_categories_cover_the_plan() -> None:
    assert set(PLAN_SITE_KINDS) <= set(vocabulary.codes("site_category"))
    for code, (vi, en) in PLAN_SITE_KINDS.items():
        assert vi in vocabulary.label("site_category", code, "vi").casefold(), code
        assert en in vocabulary.label("site_category", code, "en").casefold(), code
    assert vocabulary.codes("site_category")[-1] == "other"


def test_purposes_cover_the_plan() -> None:
    assert set(vocabulary.codes("camera_purpose")) == set(PLAN_PURPOSES)
    for code, vi in PLAN_PURPOSES.items():
        assert vi in vocabulary.label("camera_purpose", code, "vi").casefold(), code


def test_osm_tags_are_documented_values() -> None:
    for name, code in _all_items():
        for tag, value in vocabulary.osm_tags(name, code).items():
            assert value in OSM_VALUES.get(tag, set()), (name, code, tag, value)


def test_osm_pairs_unique_within_a_list() -> None:
    for name in vocabulary.list_names():
        pairs = [
            (tag, value.casefold())
            for code in vocabulary.codes(name)
            for tag, value in vocabulary.osm_tags(name, code).items()
        ]
        assert [p for p, n in Counter(pairs).items() if n > 1] == [], name


def test_osm_round_trip() -> None:
    checked = 0
    for name in vocabulary.list_names():
        pairs = Counter(
            (tag, value.casefold())
            for code in vocabulary.codes(name)
            for tag, value in vocabulary.osm_tags(name, code).items()
        )
        for code in vocabulary.codes(name):
            for tag, value in vocabulary.osm_tags(name, code).items():
                if pairs[(tag, value.casefold())] == 1:
                    assert vocabulary.from_osm(name, tag, value) == code, (name, code)
                    checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    ("name", "code", "tags"),
    [
        ("camera_type", "fixed", {"camera:type": "fixed"}),
        ("camera_type", "ptz", {"camera:type": "panning"}),
        ("camera_type", "dome", {"camera:type": "dome"}),
        ("camera_type", "alpr", {"surveillance:type": "ALPR"}),
        ("camera_type", "thermal", {}),
        ("camera_mount", "pole", {"camera:mount": "pole"}),
        ("camera_mount", "street_lamp", {"camera:mount": "street_lamp"}),
        ("site_category", "traffic_route", {"surveillance:zone": "traffic"}),
        ("site_category", "bank", {"surveillance:zone": "bank"}),
        ("site_category", "heritage", {}),
        ("surveillance_area", "indoor", {"surveillance": "indoor"}),
    ],
)
def test_osm_tags_of_known_items(name: str, code: str, tags: dict[str, str]) -> None:
    assert vocabulary.osm_tags(name, code) == tags


@pytest.mark.parametrize(
    ("name", "tag", "value", "code"),
    [
        ("camera_type", "camera:type", "dome", "dome"),
        ("camera_type", "camera:type", "DOME", "dome"),
        ("camera_type", "camera:type", " Panning ", "ptz"),
        ("camera_type", "Camera:Type", "fixed", "fixed"),
        ("camera_type", "surveillance:type", "alpr", "alpr"),
        ("camera_type", "surveillance:type", "ANPR", "alpr"),
        ("camera_type", "camera:type", "360", "panoramic"),
        ("camera_mount", "camera:mount", "mast", "pole"),
        ("camera_mount", "camera:mount", "Wall", "wall"),
        ("site_category", "surveillance:zone", "town", "public_place"),
        ("camera_type", "camera:type", "webcam", None),
        ("camera_type", "camera:mount", "wall", None),
        ("camera_type", "surveillance:type", "camera", None),
        ("camera_condition", "camera:type", "fixed", None),
    ],
)
def test_from_osm(name: str, tag: str, value: str, code: str | None) -> None:
    assert vocabulary.from_osm(name, tag, value) == code


def test_osm_tags_is_a_copy() -> None:
    tags = vocabulary.osm_tags("camera_type", "fixed")
    tags["camera:type"] = "dome"
    assert vocabulary.osm_tags("camera_type", "fixed") == {"camera:type": "fixed"}


def test_labels_and_items() -> None:
    assert vocabulary.label("review_state", "approved") == "Đã duyệt"
    assert vocabulary.label("review_state", "approved", "en") == "Approved"
    assert vocabulary.label("site_category", "market", "vi") == "Chợ"
    pairs = vocabulary.items("priority", "en")
    assert [code for code, _ in pairs] == vocabulary.codes("priority")
    assert pairs[0] == ("high", "High")


def test_language_names() -> None:
    assert vocabulary.label("camera_condition", "working", "en_US") == "Working"
    assert vocabulary.label("camera_condition", "working", "vi-VN") == "Hoạt động tốt"
    # Unsupported languages fall back to Vietnamese, the interface's first language.
    assert vocabulary.label("camera_condition", "working", "fr") == "Hoạt động tốt"
    assert vocabulary.items("priority", "") == vocabulary.items("priority", "vi")


def test_unknown_code_is_shown_as_itself() -> None:
    assert vocabulary.label("camera_type", "bullet_cam_v2") == "bullet_cam_v2"
    assert vocabulary.label("camera_type", "bullet_cam_v2", "en") == "bullet_cam_v2"
    assert not vocabulary.is_valid("camera_type", "bullet_cam_v2")
    assert not vocabulary.is_valid("camera_type", "")
    assert not vocabulary.is_valid("camera_type", "FIXED")
    assert vocabulary.is_valid("camera_type", "fixed")
    assert vocabulary.osm_tags("camera_type", "bullet_cam_v2") == {}


@pytest.mark.parametrize(
    "call",
    [
        lambda: vocabulary.codes("nope"),
        lambda: vocabulary.label("nope", "x"),
        lambda: vocabulary.list_label("nope"),
        lambda: vocabulary.is_multiple("nope"),
        lambda: vocabulary.is_valid("nope", "x"),
        lambda: vocabulary.osm_tags("nope", "x"),
        lambda: vocabulary.from_osm("nope", "camera:type", "dome"),
        lambda: vocabulary.items("nope", "vi"),
    ],
)
def test_unknown_list_raises_key_error(call: Any) -> None:
    with pytest.raises(KeyError, match=r"unknown code list 'nope'.*site_category"):
        call()


def test_loaded_once() -> None:
    assert vocabulary._lists() is vocabulary._lists()


def test_broken_data_is_refused() -> None:
    label = {"vi": "Thử", "en": "Test"}
    good = {"code": "a", "vi": "Một", "en": "One", "osm": None}
    with pytest.raises(ValueError, match="appears twice"):
        vocabulary._parse_list("x", {"label": label, "multiple": False, "items": [good, good]})
    with pytest.raises(ValueError, match="'en' label"):
        vocabulary._parse_list(
            "x", {"label": label, "multiple": False, "items": [{**good, "en": ""}]}
        )
    with pytest.raises(ValueError, match="multiple"):
        vocabulary._parse_list("x", {"label": label, "items": [good]})
