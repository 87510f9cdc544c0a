"""One vocabulary: every field has one name, the same on screens, in reports and in the code
lists, and the app's Vietnamese uses the plan's terms and one spelling style."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.reports import tables
from fieldsurvey.core.resources import resource_path
from fieldsurvey.core.store.records import RECORD_KINDS

REPORT_TABLES = {
    "cameras": tables.CAMERA_COLUMNS,
    "sites": tables.SITE_COLUMNS,
    "shortcomings": tables.SHORTCOMING_COLUMNS,
    "needs": tables.NEED_COLUMNS,
    "plan_items": tables.PLAN_COLUMNS,
}
# Columns that print a record's code beside the column of its name (the id, the commune's code,
# the camera's id): they name the code, not the field.
CODE_COLUMNS = {"id", "commune_code", "camera_id"}


@pytest.mark.parametrize("table", sorted(REPORT_TABLES))
def test_a_report_column_of_a_field_is_headed_by_the_fields_one_name(table: str) -> None:
    fields = set(RECORD_KINDS[table].field_names)
    for column in REPORT_TABLES[table]:
        if column.key in fields and column.key not in CODE_COLUMNS:
            assert column.field is not None, f"{table}.{column.key} names its field by hand"
        if column.field is None:
            continue
        table_part, _, field = column.field.rpartition(".")
        for lang in ("vi", "en"):
            assert column.header(lang) == vocabulary.field_label(field, lang, table_part or None)


def test_summary_columns_name_conditions_as_the_code_list_does() -> None:
    headers = {c.key: c.header("vi") for c in tables.UNIT_SUMMARY_COLUMNS}
    for code in vocabulary.codes("camera_condition"):
        assert headers[code] == vocabulary.label("camera_condition", code)
    assert headers["unit"] == vocabulary.field_label("owner_unit_id") == "Đơn vị chủ quản"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_coded_field_and_its_code_list_have_the_same_name(lang: str) -> None:
    labelled = set(vocabulary.field_names())
    differ = [
        (kind.table, field.name)
        for kind in RECORD_KINDS.values()
        for field in kind.fields
        if field.code_list
        and (field.name in labelled or f"{kind.table}.{field.name}" in labelled)
        and vocabulary.list_label(field.code_list, lang)
        != vocabulary.field_label(field.name, lang, kind.table)
    ]
    assert differ == []


def test_every_field_of_a_form_has_a_name() -> None:
    for table in ("sites", "cameras", "units", "shortcomings", "needs", "plan_items"):
        for field in RECORD_KINDS[table].field_names:
            if field in ("sort_name", "lon", "location_source", "location_accuracy_m"):
                continue
            assert vocabulary.field_label(field, "vi", table), (table, field)


def app_vietnamese() -> list[str]:
    """Every Vietnamese text the app shows: its translatable strings, the code lists' and the
    fields' labels, and the bundled guide."""
    texts = []
    root = ET.parse(resource_path("i18n", "fieldsurvey_en.ts")).getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "vanished":
            texts.append(message.findtext("source") or "")
    for name in vocabulary.list_names():
        texts.append(vocabulary.list_label(name))
        texts.extend(label for _, label in vocabulary.items(name))
    texts.extend(vocabulary.field_label(f) for f in vocabulary.field_names())
    guide = resource_path("help", "huong-dan.html").read_text(encoding="utf-8")
    texts.append(html.unescape(re.sub(r"<[^>]+>", " ", guide)))
    return texts


LETTER = "a-zA-Zà-ỹÀ-Ỹđ"
# The plan's terms, and the old placement of tone marks ("xoá", "hoà", "huỷ") where the plan
# writes "xóa", "hòa", "hủy".
NOT_THE_PLANS = {
    "trùng lặp": re.compile(r"trùng lặp", re.I),
    "dùng lại (the plan says tận dụng)": re.compile(r"\bdùng lại\b", re.I),
    "xã/phường (the plan writes xã, phường)": re.compile(r"xã/phường", re.I),
    "workspace (tệp dữ liệu khảo sát)": re.compile(r"\bworkspace\b", re.I),
    "old tone placement": re.compile(rf"(o[áàảãạ]|o[éèẻẽẹ]|(?<![qQ])u[ýỳỷỹỵ])(?![{LETTER}])"),
}


@pytest.mark.parametrize("term", sorted(NOT_THE_PLANS))
def test_the_app_speaks_the_plans_vietnamese(term: str) -> None:
    pattern = NOT_THE_PLANS[term]
    found = [text for text in app_vietnamese() if pattern.search(text)]
    assert found == []


def test_no_field_is_called_by_the_words_the_plan_does_not_use() -> None:
    labels = {vocabulary.field_label(f) for f in vocabulary.field_names()}
    assert "Đơn vị quản lý" not in labels
    assert "Xã/phường" not in labels
