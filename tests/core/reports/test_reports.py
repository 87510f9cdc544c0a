"""The city-wide reports, checked on the small demo workspace with independent readers:
openpyxl for XLSX, GDAL's ogrinfo for GeoPackage and GeoJSON, poppler's pdftoppm/pdftotext for
PDF, and the standard library for CSV/GeoJSON. Counts are checked against SQL counts."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import itertools
import json
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest

from fieldsurvey.core.photos.store import metadata_segments
from fieldsurvey.core.reports import filters
from fieldsurvey.core.reports.filters import ReportCancelled, ReportError
from fieldsurvey.core.reports.gpkg import cone_ring
from fieldsurvey.core.reports.letterhead import ReportForm, place_and_date
from fieldsurvey.core.reports.writing import report_form, save_report_form, write_report
from fieldsurvey.core.store.workspace import Workspace

CONTACT = "Liên hệ: 024"  # every demo unit's contact starts so


def needs_binary(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: gdal-bin / poppler-utils)")
    return path


def sql_count(ws: Workspace, sql: str, params: tuple[Any, ...] = ()) -> int:
    return int(ws.db.execute(sql, params).fetchone()[0])


def live(ws: Workspace, table: str) -> int:
    return sql_count(ws, f"SELECT count(*) FROM {table} WHERE deleted = 0")


def ogr_counts(path: Path) -> tuple[dict[str, int], str]:
    """Feature count per layer as ogrinfo reports it, and what it wrote on stderr."""
    done = subprocess.run(
        [needs_binary("ogrinfo"), "-ro", "-so", "-al", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    counts: dict[str, int] = {}
    layer = None
    for line in done.stdout.splitlines():
        if line.startswith("Layer name: "):
            layer = line.removeprefix("Layer name: ").strip()
        elif line.startswith("Feature Count: ") and layer is not None:
            counts[layer] = int(line.removeprefix("Feature Count: "))
    return counts, done.stderr


def xlsx_sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path)
    try:
        return {
            sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def nothing_left(folder: Path, name: str) -> bool:
    return not any(p.name == name or p.name.startswith(f".{name}.") for p in folder.iterdir())


# -- XLSX ------------------------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_table_with_the_sql_counts(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    counts = write_report(demo.db, "xlsx", out, draft=True)
    sheets = xlsx_sheets(out)
    assert list(sheets) == [
        "Tổng hợp theo xã",
        "Tổng hợp theo đơn vị",
        "Camera hiện có",
        "Tồn tại - khắc phục",
        "Nhu cầu lắp mới",
        "Phương án tổng thể",
    ]
    # Every sheet: the header, a row per record numbered from 1 (STT), the totals row.
    for name, rows in sheets.items():
        assert rows[0][0] == "STT" and rows[-1][1] == "Tổng cộng", name
        assert [row[0] for row in rows[1:-1]] == list(range(1, len(rows) - 1)), name
    cameras = sheets["Camera hiện có"]
    assert len(cameras) - 2 == live(demo, "cameras") == counts["cameras"]
    assert len(sheets["Tồn tại - khắc phục"]) - 2 == live(demo, "shortcomings")
    assert len(sheets["Nhu cầu lắp mới"]) - 2 == live(demo, "needs")
    communes = sql_count(
        demo,
        "SELECT count(DISTINCT code) FROM (SELECT commune_code AS code FROM cameras "
        "WHERE deleted = 0 UNION SELECT commune_code FROM sites WHERE deleted = 0)",
    )
    assert len(sheets["Tổng hợp theo xã"]) - 2 == communes
    # The summaries add up to the whole, and so does their totals row; the conditions, "not
    # known" included, add up to the cameras.
    for name in ("Tổng hợp theo xã", "Tổng hợp theo đơn vị"):
        header, *rows, total = sheets[name]
        column = header.index("Camera hiện có")
        assert sum(row[column] for row in rows) == total[column] == live(demo, "cameras")
        conditions = [header.index(h) for h in header[column + 1 : column + 6]]
        assert header[column + 5] == "Chưa rõ tình trạng"
        for row in (*rows, total):
            assert sum(row[i] for i in conditions) == row[column]
    needs = sheets["Nhu cầu lắp mới"]
    wanted = needs[0].index("Số camera cần lắp")
    assert needs[-1][wanted] == sql_count(
        demo, "SELECT sum(camera_count) FROM needs WHERE deleted = 0"
    )

    # Vietnamese headers and labels round-trip; numbers are numbers.
    head = cameras[0]
    assert head[:3] == ("STT", "Tên", "Địa điểm") and head[-1] == "Mã camera"
    first = dict(zip(head, cameras[1], strict=True))
    assert isinstance(first["Vĩ độ"], float)
    assert isinstance(first["Năm lắp đặt"], int)
    labels = {dict(zip(head, row, strict=True))["Tình trạng"] for row in cameras[1:]}
    assert "Hoạt động tốt" in labels
    assert "Phường Hoàn Kiếm" in {dict(zip(head, r, strict=True))["Xã, phường"] for r in cameras}

    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert sheet.column_dimensions["B"].width > 8
    book.close()


def test_xlsx_prints_every_column_on_landscape_pages_with_the_header_repeated(
    demo: Workspace, tmp_path: Path
) -> None:
    """LibreOffice prints the workbook to PDF as it would on paper: A4 landscape pages, each
    with the header row (STT is the first column, so a page of columns split off would lack
    it), and few pages (the cameras' 30-odd columns used to spread over hundreds)."""
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out)
    subprocess.run(
        [
            needs_binary("soffice"),
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "printed"),
            str(out),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    printed = tmp_path / "printed" / "report.pdf"
    info = subprocess.run(
        [needs_binary("pdfinfo"), str(printed)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info), info
    pages = pdf_text(printed).split("\f")[:-1]
    assert 5 <= len(pages) <= 40
    for number, page in enumerate(pages, 1):
        assert page.split()[0] == "STT", number
    text = " ".join(" ".join(pages).split())
    assert "Mã camera" in text  # the last column of the cameras, on the same pages


def test_records_without_a_commune_have_their_row(demo: Workspace, tmp_path: Path) -> None:
    site = demo.db.execute(
        "SELECT s.id FROM sites s WHERE s.deleted = 0 AND EXISTS (SELECT 1 FROM cameras c "
        "WHERE c.site_id = s.id AND c.deleted = 0) LIMIT 1"
    ).fetchone()[0]
    cameras = [r[0] for r in demo.db.execute("SELECT id FROM cameras WHERE site_id = ?", [site])]
    demo.db.execute("UPDATE sites SET commune_code = NULL WHERE id = ?", [site])
    demo.db.execute(
        f"UPDATE cameras SET commune_code = NULL WHERE id IN ({','.join('?' * len(cameras))})",
        cameras,
    )
    demo.db.conn.commit()
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out, draft=True)
    header, *rows, total = xlsx_sheets(out)["Tổng hợp theo xã"]
    column = header.index("Camera hiện có")
    assert rows[-1][2] == "Chưa xác định" and rows[-1][column] == len(cameras)
    assert sum(row[column] for row in rows) == total[column] == live(demo, "cameras")


def test_xlsx_in_english(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out, lang="en", draft=True)
    sheets = xlsx_sheets(out)
    head = sheets["Existing cameras"][0]
    assert head[:3] == ("No.", "Name", "Site") and head[-1] == "Camera id"
    assert sheets["Existing cameras"][-1][1] == "Total"
    conditions = {dict(zip(head, r, strict=True))["Condition"] for r in sheets["Existing cameras"]}
    assert {"Working", "Degraded", "Not working", "Removed"} <= conditions
    assert "Tổng hợp theo xã" not in sheets


# -- GeoPackage ------------------------------------------------------------------------------------


BOX = ("105.84", "21.02", "105.86", "21.04")  # around Hoàn Kiếm Lake


def test_gpkg_layers_and_counts_as_ogrinfo_reads_them(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.gpkg"
    counts = write_report(demo.db, "gpkg", out)
    found, stderr = ogr_counts(out)
    assert stderr.strip() == ""
    views = sql_count(
        demo,
        "SELECT sum(json_array_length(views)) FROM cameras WHERE deleted = 0 "
        "AND lat IS NOT NULL AND lon IS NOT NULL",
    )
    assert found == {
        "cameras": live(demo, "cameras"),
        "view_cones": views,
        "sites": live(demo, "sites"),
        "needs": live(demo, "needs"),
        "plan_items": 0,
        "communes": 126,
        "layer_styles": 3,  # QGIS's default styles, a plain table GDAL lists too
    }
    assert counts == {k: v for k, v in found.items() if k != "layer_styles"}
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10300
        geometry = dict(
            conn.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns")
        )
        assert geometry == {
            "cameras": "POINT",
            "view_cones": "POLYGON",
            "sites": "POINT",
            "needs": "POINT",
            "plan_items": "POINT",
            "communes": "MULTIPOLYGON",
        }
        # Every layer has its R-tree, registered as the extension, holding every geometry.
        for layer in geometry:
            indexed = conn.execute(f"SELECT count(*) FROM rtree_{layer}_geom").fetchone()[0]
            located = conn.execute(
                f'SELECT count(*) FROM "{layer}" WHERE geom IS NOT NULL'
            ).fetchone()[0]
            assert indexed == located, layer
        assert {t for (t,) in conn.execute("SELECT table_name FROM gpkg_extensions")} == set(
            geometry
        )
        styles = dict(conn.execute("SELECT f_table_name, styleQML FROM layer_styles"))
        assert set(styles) == {"cameras", "plan_items", "communes"}
        for qml in styles.values():
            ElementTree.fromstring(qml.split("'SYSTEM'>", 1)[1])
        assert "Hoạt động tốt" in styles["cameras"] and "Lắp đặt mới" in styles["plan_items"]
        assert {srs for (srs,) in conn.execute("SELECT srs_id FROM gpkg_contents")} == {4326}
        name = conn.execute(
            "SELECT name FROM cameras WHERE commune = 'Phường Hoàn Kiếm' LIMIT 1"
        ).fetchone()
        assert name is not None
    conn.close()
    # A full read of every feature, geometry included, is clean too.
    full = subprocess.run(
        [needs_binary("ogrinfo"), "-ro", "-al", "-q", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert full.stderr.strip() == ""
    assert "POLYGON ((" in full.stdout and "POINT (" in full.stdout
    # GDAL finds and uses the spatial index: a box around Hoàn Kiếm Lake holds few communes.
    spatial = subprocess.run(
        [needs_binary("ogrinfo"), "-ro", "-so", str(out), "communes", "-spat", *BOX],
        capture_output=True,
        text=True,
        check=True,
    )
    assert 0 < _figures(spatial.stdout.split("Feature Count:")[1].splitlines()[0])[0] < 20


def test_view_cone_is_a_sector_around_the_direction() -> None:
    lon, lat = 105.85, 21.03
    ring = cone_ring(lon, lat, 90.0, 60.0, 40.0)
    assert ring[0] == ring[-1] == (lon, lat)
    # Facing east: every arc point is east of the camera, about 40 m away.
    for x, y in ring[1:-1]:
        assert x > lon
        metres = ((x - lon) * 111_320 * 0.934) ** 2 + ((y - lat) * 111_320) ** 2
        assert 39 < metres**0.5 < 41
    # Counter-clockwise exterior ring: positive signed area.
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))
    assert area > 0


# -- PDF -------------------------------------------------------------------------------------------


def test_pdf_renders_and_prints_vietnamese(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_report(demo.db, "pdf", out, draft=True)
    assert out.read_bytes().startswith(b"%PDF-")
    subprocess.run(
        [needs_binary("pdftoppm"), "-r", "30", "-png", str(out), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    # The map page is not blank: many distinct colours.
    from PIL import Image

    with Image.open(pages[0]) as page:
        assert len(page.convert("RGB").getcolors(1 << 16) or []) > 20
    text = subprocess.run(
        [needs_binary("pdftotext"), "-enc", "UTF-8", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for phrase in (
        "BÁO CÁO",
        "Kết quả khảo sát hệ thống camera giám sát",
        "Phường Hoàn Kiếm",
        "Hoạt động kém, xuống cấp",
        "Nhu cầu lắp mới theo mức ưu tiên",
        "Dây dợ lộn xộn",
    ):
        assert phrase in text, phrase
    fonts = subprocess.run(
        [needs_binary("pdffonts"), str(out)], capture_output=True, text=True, check=True
    ).stdout
    # Liberation Serif (Times New Roman's metrics) in its four styles, every one embedded.
    serif = [line for line in fonts.splitlines() if "LiberationSerif" in line]
    assert {line.split()[0].split("+")[-1] for line in serif} == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }
    assert all(line.split()[-5] == "yes" for line in serif)
    assert len(serif) == len(fonts.splitlines()) - 2  # no other font (two header lines)


def pdf_text(path: Path, *pages: str) -> str:
    return subprocess.run(
        [needs_binary("pdftotext"), "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_pdf_is_in_the_administrative_form(demo: Workspace, tmp_path: Path) -> None:
    form = save_report_form(
        demo,
        dataclasses.replace(
            report_form(demo.db),
            issuing_body="Công an phường Hoàn Kiếm",
            parent_body="Công an thành phố Hà Nội",
            number=" 12 ",
            symbol="BC-CAP",
            signer_authority="KT. Trưởng Công an phường",
            signer_title="Phó Trưởng Công an phường",
            signer_name="Nguyễn Văn An",
            recipients=("Công an thành phố (để báo cáo)", "", "Lưu: VT"),
        ),
    )
    assert form.number == "12" and form.recipients == ("Công an thành phố (để báo cáo)", "Lưu: VT")
    out = tmp_path / "official.pdf"
    write_report(demo.db, "pdf", out, today=dt.date(2026, 1, 5), draft=True)
    first = " ".join(pdf_text(out, "-f", "1", "-l", "1").split())  # lines wrap in the box
    for phrase in (
        "CÔNG AN THÀNH PHỐ HÀ NỘI",
        "CÔNG AN PHƯỜNG HOÀN KIẾM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-CAP",
        "Hà Nội, ngày 05 tháng 01 năm 2026",
        "BÁO CÁO",
    ):
        assert phrase in first, phrase
    assert "Nơi nhận" not in first  # the recipients and signature close the document
    last = " ".join(pdf_text(out).split("\f")[-2].split())
    for phrase in (
        "Nơi nhận:",
        "- Công an thành phố (để báo cáo);",
        "- Lưu: VT.",
        "KT. TRƯỞNG CÔNG AN PHƯỜNG",
        "PHÓ TRƯỞNG CÔNG AN PHƯỜNG",
        "Nguyễn Văn An",
    ):
        assert phrase in last, phrase
    # Page numbers at the top centre from page 2 on, none on the first page.
    pages = pdf_text(out).split("\f")[:-1]
    assert all(page.lstrip().startswith(f"{n}\n") for n, page in enumerate(pages[1:], 2))
    assert not first.startswith("1 ")


def _sections(text: str, headings: list[str]) -> dict[str, str]:
    """The PDF's text between each heading and the next (headings in the order they appear)."""
    found: dict[str, str] = {}
    starts = [text.index(h) for h in headings]
    assert starts == sorted(starts), "the sections are out of order"
    for heading, start, end in zip(headings, starts, [*starts[1:], len(text)], strict=True):
        found[heading] = text[start:end]
    return found


def _figures(line: str) -> list[int]:
    return [int(n.replace(".", "")) for n in re.findall(r"\b\d[\d.]*\b", line)]


def _total_rows(text: str) -> list[list[int]]:
    return [_figures(line) for line in text.splitlines() if line.strip().startswith("Tổng cộng")]


PLAN_67_SECTIONS = [
    "I. HIỆN TRẠNG HỆ THỐNG CAMERA GIÁM SÁT",
    "4.1. Theo mục đích sử dụng",
    "4.2. Theo loại camera",
    "4.3. Theo tình trạng",
    "4.4. Theo kết nối với trung tâm",
    "4.5. Theo thời gian lưu trữ",
    "4.6. Theo chức năng thông minh (AI) đã có",
    "5. Tổng hợp theo xã, phường",
    "6. Tổng hợp theo đơn vị chủ quản",
    "II. TỒN TẠI, HẠN CHẾ VÀ PHƯƠNG ÁN KHẮC PHỤC",
    "2. Theo phương án khắc phục",
    "III. NHU CẦU LẮP ĐẶT MỚI",
    "2. Theo mục đích sử dụng",
    "IV. NHU CẦU ỨNG DỤNG CÔNG NGHỆ THÔNG MINH, AI",
    "V. PHƯƠNG ÁN TỔNG THỂ",
    "2. Theo giai đoạn",
    "VI. KHÓ KHĂN, VƯỚNG MẮC; ĐỀ XUẤT, KIẾN NGHỊ",
]


def test_pdf_summary_tables_add_up(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_report(demo.db, "pdf", out, draft=True)
    text = pdf_text(out, "-layout")
    sections = _sections(text, PLAN_67_SECTIONS)
    others = [line for line in text.splitlines() if line.strip().startswith("Các đơn vị khác")]
    [by_commune] = _total_rows(sections["5. Tổng hợp theo xã, phường"])
    [by_unit] = _total_rows(sections["6. Tổng hợp theo đơn vị chủ quản"])
    cameras, cost = (
        live(demo, "cameras"),
        sql_count(demo, "SELECT sum(estimated_cost_vnd) FROM shortcomings WHERE deleted = 0"),
    )
    # sites, cameras, the four conditions and "not known", connected, shortcomings, needs, wanted
    assert by_commune[:2] == [live(demo, "sites"), cameras]
    assert sum(by_commune[2:7]) == cameras
    assert by_commune[8:] == [
        live(demo, "shortcomings"),
        live(demo, "needs"),
        sql_count(demo, "SELECT sum(camera_count) FROM needs WHERE deleted = 0"),
        0,  # new cameras in the plan
    ]
    assert by_unit[0] == cameras and sum(by_unit[1:6]) == cameras and by_unit[-1] == cost
    units = sql_count(demo, "SELECT count(DISTINCT owner_unit_id) FROM cameras WHERE deleted = 0")
    assert len(others) == 1 and f"({units - 30})" in others[0]
    # Every breakdown of the cameras adds up to the cameras; purposes and AI say a camera counts
    # in several rows and have no total.
    for heading in PLAN_67_SECTIONS[2:6]:
        assert _total_rows(sections[heading]) == [[cameras]], heading
    for heading in ("4.1. Theo mục đích sử dụng", "4.6. Theo chức năng thông minh (AI) đã có"):
        assert _total_rows(sections[heading]) == [] and "nhiều dòng" in sections[heading]
    shortcomings = [live(demo, "shortcomings"), cost]
    [by_kind] = _total_rows(sections["II. TỒN TẠI, HẠN CHẾ VÀ PHƯƠNG ÁN KHẮC PHỤC"])
    [by_remedy] = _total_rows(sections["2. Theo phương án khắc phục"])
    assert by_kind == by_remedy == shortcomings
    [by_category] = _total_rows(sections["III. NHU CẦU LẮP ĐẶT MỚI"])
    assert by_category == [
        live(demo, "needs"),
        sql_count(demo, "SELECT sum(camera_count) FROM needs WHERE deleted = 0"),
    ]
    # Each row of a breakdown is numbered, and the rows add up to the total row.
    lines = sections["4.3. Theo tình trạng"].splitlines()
    rows = [_figures(line) for line in lines if re.match(r"\s*\d+\s+\D", line)]
    assert sum(row[-1] for row in rows) == cameras
    assert "Không có." in sections["VI. KHÓ KHĂN, VƯỚNG MẮC; ĐỀ XUẤT, KIẾN NGHỊ"]


def test_the_office_writes_the_reports_last_section(demo: Workspace, tmp_path: Path) -> None:
    form = dataclasses.replace(
        report_form(demo.db),
        difficulties="Một số đơn vị chưa gửi danh sách camera.\nKinh phí chưa được bố trí.",
        proposals="Đề nghị UBND Thành phố bố trí kinh phí năm 2027.",
    )
    save_report_form(demo, form)
    out = tmp_path / "report.pdf"
    write_report(demo.db, "pdf", out, draft=True)
    last = pdf_text(out).split("VI. KHÓ KHĂN, VƯỚNG MẮC; ĐỀ XUẤT, KIẾN NGHỊ")[1]
    for line in (
        "Một số đơn vị chưa gửi danh sách camera.",
        "Kinh phí chưa được bố trí.",
        "Đề nghị UBND Thành phố bố trí kinh phí năm 2027.",
    ):
        assert line in last
    with pytest.raises(ReportError, match="Đề xuất, kiến nghị"):
        save_report_form(demo, dataclasses.replace(form, proposals="x" * 4001))
    assert report_form(demo.db).proposals == form.proposals  # the refused form kept nothing


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2026, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "Hà Nội, ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 9), "Hà Nội, ngày 09 tháng 3 năm 2026"),
        (dt.date(2026, 12, 15), "Hà Nội, ngày 15 tháng 12 năm 2026"),
    ],
)
def test_place_and_date_in_words(day: dt.date, words: str) -> None:
    assert place_and_date("Hà Nội", day) == words


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"issuing_body": "x" * 201}, "Cơ quan ban hành"),
        ({"signer_name": "Nguyễn\x00Văn"}, "Họ tên người ký"),
        ({"recipients": ("ok", "Lưu:\x1bVT")}, "Nơi nhận"),
        ({"recipients": tuple(f"nơi {i}" for i in range(16))}, "Nơi nhận"),
    ],
)
def test_a_bad_form_is_refused_and_nothing_kept(
    demo: Workspace, change: dict[str, Any], named: str
) -> None:
    before = demo.setting("report_form")
    with pytest.raises(ReportError) as refused:
        save_report_form(demo, dataclasses.replace(report_form(demo.db), **change))
    assert named in refused.value.text("vi")
    assert demo.setting("report_form") == before


def test_a_damaged_form_setting_prints_the_defaults(demo: Workspace) -> None:
    demo.set_setting("report_form", '{"number": 7, "symbol": "BC-X", "recipients": "Lưu"')
    assert report_form(demo.db) == ReportForm()
    demo.set_setting("report_form", '{"number": 7, "symbol": "BC-X", "recipients": "Lưu"}')
    assert report_form(demo.db) == ReportForm(symbol="BC-X")


# -- GeoJSON and CSV -------------------------------------------------------------------------------


def test_geojson_has_osm_keys_and_every_camera(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "cameras.geojson"
    write_report(demo.db, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    features = data["features"]
    assert len(features) == live(demo, "cameras")
    tags = features[0]["properties"]
    assert tags["man_made"] == "surveillance"
    assert tags["surveillance:type"] in ("camera", "ALPR")
    assert {"camera:direction", "camera:mount", "fieldsurvey:id"} <= set(tags)
    by_id = {f["properties"]["fieldsurvey:id"]: f for f in features}
    row = demo.db.execute(
        "SELECT c.id, c.lon, c.lat, c.camera_type, u.name FROM cameras c "
        "JOIN units u ON u.id = c.owner_unit_id WHERE c.deleted = 0 AND c.camera_type = 'ptz' "
        "LIMIT 1"
    ).fetchone()
    feature = by_id[row[0]]
    assert feature["geometry"]["coordinates"] == [row[1], row[2]]
    assert feature["properties"]["camera:type"] == "panning"
    assert feature["properties"]["operator"] == row[4]
    found, stderr = ogr_counts(out)
    assert stderr.strip() == ""
    assert list(found.values()) == [live(demo, "cameras")]


def test_csv_reads_back_with_the_same_rows(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "cameras.csv"
    write_report(demo.db, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Vietnamese
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == live(demo, "cameras")
    assert rows[0]["man_made"] == "surveillance"
    communes = {r["fieldsurvey:commune"] for r in rows}
    assert "Phường Hoàn Kiếm" in communes
    assert all(r["lat"] and r["lon"] for r in rows)


# -- text a spreadsheet would take for a formula ---------------------------------------------------

# Formula payloads, and text that only looks like a number; each is a unit's name and contact, a
# site's name and a camera's name, reference and notes in the ``payloads`` workspace.
PAYLOADS = (
    '=HYPERLINK("http://x","y")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "=1+1",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
    "-5 m",
)
# The CSV columns holding the payloads, and those holding numbers.
PAYLOAD_KEYS = (
    "name",
    "ref",
    "description",
    "operator",
    "fieldsurvey:site",
    "fieldsurvey:owner_contact",
)
NUMBER_KEYS = ("lat", "lon", "height", "fieldsurvey:resolution_mp", "fieldsurvey:storage_days")
SPACED = " =1+1"  # a camera's notes: text a spreadsheet does not evaluate
# Where that camera is: far from Hà Nội, but a position the write path takes, and negative.
NEGATIVE = (-12.5, -45.25)


def _store(ws: Workspace, table: str, values: dict[str, Any]) -> str:
    """Insert through the write path, then put back the whitespace it strips from the ends of
    text (a leading tab or carriage return), as the report must not count on that."""
    record = ws.insert(table, values)
    for key, value in values.items():
        if isinstance(value, str) and value != value.strip():
            ws.db.execute(f"UPDATE {table} SET {key} = ? WHERE id = ?", [value, record])
    ws.db.conn.commit()
    return record


@pytest.fixture
def payloads(workspace: Workspace) -> Workspace:
    """A workspace of one unit, site and camera per payload, and "Camera" with SPACED notes
    at NEGATIVE. Camera i is at (21.01 + i/1000, 105.85); all are 4.5 m high, 2 MP, with 30
    days of storage."""
    for i, text in enumerate((*PAYLOADS, "Camera")):
        lat, lon = (21.01 + i / 1000, 105.85) if text in PAYLOADS else NEGATIVE
        unit = _store(workspace, "units", {"name": text, "contact": text})
        site = _store(workspace, "sites", {"name": text, "category": "other"})
        _store(
            workspace,
            "cameras",
            {
                "site_id": site,
                "owner_unit_id": unit,
                "name": text,
                "ref": text,
                "notes": text if text in PAYLOADS else SPACED,
                "lat": lat,
                "lon": lon,
                "height_m": 4.5,
                "resolution_mp": 2.0,
                "storage_days": 30,
            },
        )
    return workspace


def test_csv_text_never_reads_as_a_formula(payloads: Workspace, tmp_path: Path) -> None:
    assert payloads.db.execute(
        "SELECT count(*) FROM cameras WHERE name = ?", ["\t=1"]
    ).fetchone() == (1,)
    out = tmp_path / "cameras.csv"
    write_report(payloads.db, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(PAYLOADS) + 1
    by_name = {row["name"]: row for row in rows}
    for text in PAYLOADS:
        row = by_name["'" + text]
        assert [row[key] for key in PAYLOAD_KEYS] == ["'" + text] * len(PAYLOAD_KEYS)
    assert by_name["Camera"]["description"] == SPACED
    # Numbers are written as numbers, never quoted nor prefixed, negative ones too.
    first = by_name["'" + PAYLOADS[0]]
    assert [first[key] for key in NUMBER_KEYS] == ["21.01", "105.85", "4.5", "2.0", "30"]
    assert ",21.01,105.85," in out.read_text(encoding="utf-8-sig")
    assert ",-12.5,-45.25," in out.read_text(encoding="utf-8-sig")


def test_libreoffice_reads_the_csv_payloads_as_text(
    payloads: Workspace,
    tmp_path: Path,
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """The CSV report opened by LibreOffice Calc, saved as XLSX and read back by openpyxl.

    Calc 7.4 evaluates a CSV cell starting with "=" (not + - @, a tab or a carriage return);
    the apostrophe in front stops it and stays in the cell's text; a carriage return in a cell
    becomes a line feed. Without the filter options (comma, double quote, UTF-8, from line 1)
    headless Calc 7.4 ignored the byte-order mark and read the text as Windows-1252."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    payloads.close()
    out = tmp_path / "cameras.csv"
    done = run_cli("report", "--db", str(payloads.path), "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    converted = tmp_path / "calc"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(converted),
            str(out),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    book = openpyxl.load_workbook(converted / "cameras.xlsx", data_only=False)
    try:
        cells = [list(row) for row in book.active.iter_rows()]
    finally:
        book.close()
    assert [c.data_type for row in cells for c in row if c.data_type == "f"] == []
    head = [c.value for c in cells[0]]
    rows = [dict(zip(head, row, strict=True)) for row in cells[1:]]
    assert len(rows) == len(PAYLOADS) + 1
    by_name = {row["name"].value: row for row in rows}
    for text in PAYLOADS:
        shown = "'" + text.replace("\r", "\n")
        row = by_name[shown]
        for key in PAYLOAD_KEYS:
            assert (row[key].value, row[key].data_type) == (shown, "s"), key
    other = by_name["Camera"]
    assert (other["description"].value, other["description"].data_type) == (SPACED, "s")
    assert [(other[key].value, other[key].data_type) for key in ("lat", "lon")] == [
        (NEGATIVE[0], "n"),
        (NEGATIVE[1], "n"),
    ]
    first = by_name["'" + PAYLOADS[0]]
    assert [(first[key].value, first[key].data_type) for key in NUMBER_KEYS] == [
        (21.01, "n"),
        (105.85, "n"),
        (4.5, "n"),
        (2, "n"),
        (30, "n"),
    ]


# -- the filter ------------------------------------------------------------------------------------


def test_where_filters_every_format_like_sql(demo: Workspace, tmp_path: Path) -> None:
    code = demo.db.execute(
        "SELECT code FROM admin_units WHERE level = 'commune' AND name = 'Phường Hoàn Kiếm'"
    ).fetchone()[0]
    where = ["commune=hoan kiem", "condition=working", "condition=degraded"]
    expected = sql_count(
        demo,
        "SELECT count(*) FROM cameras WHERE deleted = 0 AND commune_code = ? "
        "AND condition IN ('working', 'degraded')",
        (code,),
    )
    assert 0 < expected < live(demo, "cameras")
    out = tmp_path / "hk.csv"
    write_report(demo.db, "csv", out, where=where)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == expected
    xlsx = tmp_path / "hk.xlsx"
    write_report(demo.db, "xlsx", xlsx, where=where, draft=True)
    sheets = xlsx_sheets(xlsx)
    assert len(sheets["Camera hiện có"]) - 2 == expected
    assert {r[2] for r in sheets["Tổng hợp theo xã"][1:-1]} == {"Phường Hoàn Kiếm"}
    shortcomings = sql_count(
        demo,
        "SELECT count(*) FROM shortcomings sh JOIN cameras c ON c.id = sh.camera_id "
        "WHERE sh.deleted = 0 AND c.commune_code = ? AND c.condition IN ('working', 'degraded')",
        (code,),
    )
    assert len(sheets["Tồn tại - khắc phục"]) - 2 == shortcomings
    gpkg = tmp_path / "hk.gpkg"
    write_report(demo.db, "gpkg", gpkg, where=where)
    assert ogr_counts(gpkg)[0]["cameras"] == expected

    approved = sql_count(
        demo, "SELECT count(*) FROM cameras WHERE deleted = 0 AND review_state = 'approved'"
    )
    reviewed = tmp_path / "approved.csv"
    write_report(demo.db, "csv", reviewed, where=["review_state=Đã duyệt"])
    with reviewed.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == approved > 0

    purpose = sql_count(
        demo,
        "SELECT count(*) FROM cameras c WHERE deleted = 0 AND EXISTS "
        "(SELECT 1 FROM json_each(c.purposes) WHERE value = 'traffic_management')",
    )
    by_label = tmp_path / "traffic.csv"
    write_report(
        demo.db, "csv", by_label, where=["purpose=Quản lý, giám sát, điều hành giao thông"]
    )
    with by_label.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == purpose


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (["colour=red"], "Unknown filter key"),
        (["commune"], "key=value"),
        (["commune=Atlantis"], "No commune"),
        (["commune=x' OR 1=1 --"], "No commune"),
        (["condition=working' OR '1'='1"], "Unknown value for condition"),
        (["owner=Nobody at all"], "No owner"),
        (["review=maybe"], "Unknown value for review"),
    ],
)
def test_bad_where_is_refused_and_writes_nothing(
    demo: Workspace, tmp_path: Path, where: list[str], message: str
) -> None:
    out = tmp_path / "report.xlsx"
    with pytest.raises(ReportError, match=message):
        write_report(demo.db, "xlsx", out, where=where)
    assert nothing_left(tmp_path, out.name)


def test_a_refused_report_leaves_the_old_file(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    out.write_text("old report", encoding="utf-8")
    with pytest.raises(ReportError):
        write_report(demo.db, "csv", out, where=["purpose=nonsense"])
    assert out.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("fmt", filters.FORMATS)
def test_cancel_leaves_no_file(demo: Workspace, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    seen: list[int] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(done)

    with pytest.raises(ReportCancelled):
        write_report(
            demo.db, fmt, out, progress=progress, cancel=lambda: len(seen) >= 1, draft=True
        )
    assert seen
    assert nothing_left(tmp_path, out.name)


# -- sensitive fields and photos -------------------------------------------------------------------


def _all_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        return json.dumps(xlsx_sheets(path), ensure_ascii=False, default=str)
    if path.suffix == ".gpkg":
        with sqlite3.connect(path) as conn:
            tables = [t for (t,) in conn.execute("SELECT table_name FROM gpkg_contents")]
            text = json.dumps(
                {
                    t: [
                        [c for c in row if not isinstance(c, bytes)]
                        for row in conn.execute(f'SELECT * FROM "{t}"')
                    ]
                    for t in tables
                },
                ensure_ascii=False,
            )
            text += json.dumps(
                [list(r) for t in tables for r in conn.execute(f'PRAGMA table_info("{t}")')]
            )
        conn.close()
        return text
    if path.suffix == ".pdf":
        return subprocess.run(
            [needs_binary("pdftotext"), "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", ["xlsx", "gpkg", "geojson", "csv"])
def test_omit_sensitive_removes_contacts_and_rounds_security_sites(
    demo: Workspace, tmp_path: Path, fmt: str
) -> None:
    full = tmp_path / f"full.{fmt}"
    safe = tmp_path / f"safe.{fmt}"
    write_report(demo.db, fmt, full, draft=True)
    write_report(demo.db, fmt, safe, omit_sensitive=True, draft=True)
    assert CONTACT in _all_text(full)
    safe_text = _all_text(safe)
    assert CONTACT not in safe_text
    assert "owner_contact" not in safe_text and "Liên hệ đơn vị" not in safe_text
    # Exact positions of cameras at national-security sites are gone; others stay exact.
    secret = demo.db.execute(
        "SELECT c.lat, c.lon FROM cameras c JOIN sites s ON s.id = c.site_id "
        "WHERE c.deleted = 0 AND s.category = 'national_security' AND c.lat IS NOT NULL"
    ).fetchall()
    public = demo.db.execute(
        "SELECT c.lat FROM cameras c JOIN sites s ON s.id = c.site_id WHERE c.deleted = 0 "
        "AND s.category = 'traffic_route' AND c.lat IS NOT NULL AND round(c.lat, 4) != c.lat "
        "LIMIT 1"
    ).fetchone()
    assert secret and public
    full_text = _all_text(full)
    precise = [(lat, lon) for lat, lon in secret if round(lat, 4) != lat]
    assert precise

    def holds(text: str, number: float) -> bool:  # the number itself, not a longer one
        return re.search(rf"(?<![\d.]){re.escape(str(number))}(?!\d)", text) is not None

    for lat, lon in precise:
        assert holds(full_text, lat)
        assert not holds(safe_text, lat) and not holds(safe_text, lon)
    assert f"{public[0]}" in safe_text


def test_omit_sensitive_in_pdf_says_so(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "safe.pdf"
    write_report(demo.db, "pdf", out, omit_sensitive=True, draft=True)
    assert "Đã lược bỏ thông tin nhạy cảm" in _all_text(out)


def test_photos_leave_as_clean_copies_only(demo_file: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db_path)
    shutil.copytree(demo_file.with_name("demo.photos"), tmp_path / "demo.photos")
    ws = Workspace.open(db_path)
    try:
        out = tmp_path / "out" / "cameras.geojson"
        out.parent.mkdir()
        write_report(ws.db, "geojson", out, photos=True, workspace_path=db_path)
        linked = sql_count(
            ws,
            "SELECT count(DISTINCT l.photo_id) FROM photo_links l JOIN cameras c "
            "ON c.id = l.record_id WHERE l.record_table = 'cameras' AND l.deleted = 0 "
            "AND c.deleted = 0",
        )
        folder = tmp_path / "out" / "cameras_photos"
        copies = sorted(folder.glob("*.jpg"))
        assert linked > 0 and len(copies) == linked
        originals = list((tmp_path / "demo.photos" / "originals").rglob("*.jpg"))
        assert any(metadata_segments(p.read_bytes()) for p in originals)
        for copy in copies:
            assert metadata_segments(copy.read_bytes()) == []
        features = json.loads(out.read_text(encoding="utf-8"))["features"]
        named = {
            name
            for f in features
            for name in (f["properties"].get("fieldsurvey:photos") or "").split(";")
            if name
        }
        assert named == {f"cameras_photos/{p.name}" for p in copies}
        with pytest.raises(ReportError, match="omit-sensitive"):
            write_report(
                ws.db, "geojson", out, photos=True, omit_sensitive=True, workspace_path=db_path
            )
    finally:
        ws.close()


# -- the command -----------------------------------------------------------------------------------


def test_report_command(
    demo_file: Path, tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db)
    out = tmp_path / "report.gpkg"
    done = run_cli(
        "report", "--db", str(db), "--format", "gpkg", "--out", str(out),
        "--where", "commune=Phường Ba Đình", "--lang", "en", "-q",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    ws = Workspace.open(db)
    try:
        expected = sql_count(
            ws,
            "SELECT count(*) FROM cameras c JOIN admin_units a ON a.level = 'commune' "
            "AND a.code = c.commune_code WHERE c.deleted = 0 AND a.name = 'Phường Ba Đình'",
        )
    finally:
        ws.close()
    assert ogr_counts(out)[0]["cameras"] == expected > 0

    bad = tmp_path / "bad.pdf"
    done = run_cli(
        "report", "--db", str(db), "--format", "pdf", "--out", str(bad),
        "--where", "commune=Gotham",
    )  # fmt: skip
    assert done.returncode != 0
    assert "Không tìm thấy xã, phường 'Gotham'" in done.stderr
    assert "Traceback" not in done.stderr
    assert nothing_left(tmp_path, bad.name)


def test_report_rows_in_vietnamese_order_of_commune_then_site(demo: Workspace) -> None:
    from fieldsurvey.core.collation import sort_key
    from fieldsurvey.core.reports import tables
    from fieldsurvey.core.reports.filters import Where

    def in_order(pairs: list[tuple[str, str]]) -> bool:
        keys = [(sort_key(commune), sort_key(site)) for commune, site in pairs]
        return keys == sorted(keys)

    sites = [(r["commune"], r["name"]) for r in tables.site_records(demo.db, Where(), "vi", False)]
    assert in_order(sites) and [c for c, _ in sites] != sorted(c for c, _ in sites)
    cameras = [
        (r.values["commune"], r.values["site"])
        for r in tables.camera_records(demo.db, Where(), "vi", False)
    ]
    assert in_order(cameras)
    communes = [r["commune"] for r in tables.commune_summary(demo.db, Where())]
    assert communes == sorted(communes, key=sort_key)
    assert communes.index("Phường Đống Đa") < communes.index("Phường Giảng Võ")


def test_the_plan_reaches_the_workbook_and_the_pdf(demo: Workspace, tmp_path: Path) -> None:
    from fieldsurvey.core.office import plan
    from fieldsurvey.core.office.coverage import need_coverage

    plan.propose(demo)
    items = plan.plan_items(demo.db)
    rejected = items[0]
    plan.decide(demo, [rejected["id"]], "rejected")
    live_items = [i for i in items if i["id"] != rejected["id"]]
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out, draft=True)
    sheets = xlsx_sheets(out)
    rows = sheets["Phương án tổng thể"]
    header = rows[0]
    assert len(rows) - 2 == len(live_items)  # rejected items are not in the plan
    cost = header.index("Kinh phí dự kiến (đồng)")
    assert rows[-1][cost] == sum(i["cost"] for i in live_items)
    assert rows[1][header.index("Phương án")] in {
        "Tận dụng camera hiện có",
        "Kết nối camera hiện có",
        "Nâng cấp camera hiện có",
        "Lắp đặt mới",
    }
    # A need shows the cameras that already see it, as coverage finds them, and its decision.
    needs = sheets["Nhu cầu lắp mới"]
    seen = needs[0].index("Camera hiện có đã thấy")
    covered = sum(any(c["direction_known"] for c in n["cameras"]) for n in need_coverage(demo.db))
    assert sum(1 for row in needs[1:-1] if row[seen]) == covered > 0
    decided = needs[0].index("Phương án")
    assert sum(1 for row in needs[1:-1] if row[decided]) >= len(needs) - 2 - len(rejected["needs"])
    # The commune sheet's new cameras add up to the plan's.
    communes = sheets["Tổng hợp theo xã"]
    new_column = communes[0].index("Camera mới theo phương án")
    assert communes[-1][new_column] == sum(i["decision"] == "new" for i in live_items)
    pdf = tmp_path / "report.pdf"
    write_report(demo.db, "pdf", pdf, draft=True)
    text = subprocess.run(
        [needs_binary("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    new = sum(i["decision"] == "new" for i in live_items)
    assert re.search(rf"Camera lắp mới theo phương án\s+{new}\b", text)
    plan_part = text.split("V. PHƯƠNG ÁN TỔNG THỂ")[1].split("VI. KHÓ KHĂN")[0]
    by_decision, by_phase = _total_rows(plan_part)
    cost = sum(i["cost"] for i in live_items)
    assert by_decision == [len(live_items), 0, cost]  # proposed, accepted, cost
    assert by_phase == [new, len(live_items) - new, cost]


def test_the_map_shows_what_the_report_covers() -> None:
    from fieldsurvey.core import reference
    from fieldsurvey.core.reports.pdf import MapFlowable, density_colour, feature_area_km2
    from fieldsurvey.core.resources import resource_path

    boundaries = reference.boundary_geojson(reference.COMMUNE)
    by_code = {f["properties"]["code"]: f for f in boundaries["features"]}
    # Areas from the polygons agree with the areas the boundary source publishes.
    source = resource_path("reference", "hanoi_126_communes_2025_vietnam-3d-map.json")
    published = json.loads(source.read_text(encoding="utf-8"))["wards"]
    for ward in published[:20]:
        assert feature_area_km2(by_code[ward["id"]]) == pytest.approx(ward["area"], rel=0.1)
    # A commune's report: that commune's bounding box (with a small margin).
    code = "00070"
    rings = [
        p for polygon in by_code[code]["geometry"]["coordinates"] for ring in polygon for p in ring
    ]
    lons, lats = [p[0] for p in rings], [p[1] for p in rings]
    view = MapFlowable(boundaries, [(105.85, 21.03, "working")], 400, 300, focus=[code])
    min_lon, min_lat, max_lon, max_lat = view.extent
    assert min_lon < min(lons) < min_lon + 0.01 and max_lon - 0.01 < max(lons) < max_lon
    assert min_lat < min(lats) < min_lat + 0.01 and max_lat - 0.01 < max(lats) < max_lat
    assert max_lon - min_lon < 0.1  # street scale, not the city (about 1°)
    # A unit's report: its cameras' extent.
    dots = [(105.80, 21.00, "working"), (105.81, 21.01, "degraded")]
    assert MapFlowable(boundaries, dots, 400, 300).extent[2] - 105.81 < 0.01
    # The city: every commune, shaded by density.
    city = MapFlowable(boundaries, dots, 400, 300, density={code: 10})
    assert city.extent[2] - city.extent[0] > 0.8
    assert density_colour(0.5) != density_colour(60)


def test_the_official_report_holds_approved_records_and_a_draft_says_it_holds_all(
    demo: Workspace, tmp_path: Path
) -> None:
    approved = sql_count(
        demo, "SELECT count(*) FROM cameras WHERE deleted = 0 AND review_state = 'approved'"
    )
    assert 0 < approved < live(demo, "cameras")
    official, draft = tmp_path / "official.xlsx", tmp_path / "draft.xlsx"
    assert write_report(demo.db, "xlsx", official)["cameras"] == approved
    assert write_report(demo.db, "xlsx", draft, draft=True)["cameras"] == live(demo, "cameras")
    assert len(xlsx_sheets(official)["Camera hiện có"]) == approved + 2  # header and totals
    # Each printed page of the draft's sheets is headed "DỰ THẢO" (SpreadsheetML oddHeader).
    book = openpyxl.load_workbook(draft)
    try:
        headers = {sheet.title: sheet.oddHeader.center.text for sheet in book.worksheets}
    finally:
        book.close()
    assert set(headers.values()) == {"DỰ THẢO – gồm cả bản ghi chưa được duyệt"}
    book = openpyxl.load_workbook(official)
    try:
        assert all(not sheet.oddHeader.center.text for sheet in book.worksheets)
    finally:
        book.close()
    # A data export holds every record whatever the default of the official report.
    assert write_report(demo.db, "csv", tmp_path / "all.csv")["cameras"] == live(demo, "cameras")


def test_every_page_of_a_draft_pdf_says_it_is_a_draft(demo: Workspace, tmp_path: Path) -> None:
    draft, official = tmp_path / "draft.pdf", tmp_path / "official.pdf"
    write_report(demo.db, "pdf", draft, draft=True)
    write_report(demo.db, "pdf", official)
    pages = pdf_text(draft).split("\f")[:-1]
    assert len(pages) > 2
    assert all("DỰ THẢO – gồm cả bản ghi chưa được duyệt" in page for page in pages)
    text = pdf_text(official)
    assert "DỰ THẢO" not in text
    assert "Trạng thái duyệt: Đã duyệt" in text.replace("\n", " ")


def test_csv_and_geojson_carry_the_needs_and_the_plans_items(
    demo: Workspace, tmp_path: Path
) -> None:
    from fieldsurvey.core.office import plan

    plan.propose(demo)
    needs = live(demo, "needs")
    items = sql_count(demo, "SELECT count(*) FROM plan_items WHERE deleted = 0")
    assert needs > 0 and items > 0
    for records, expected, header in (
        ("needs", needs, "Số camera cần lắp"),
        ("plan_items", items, "Phương án"),
    ):
        out = tmp_path / f"{records}.csv"
        assert write_report(demo.db, "csv", out, records=records) == {records: expected}
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == expected and header in rows[0]
        geojson = tmp_path / f"{records}.geojson"
        write_report(demo.db, "geojson", geojson, records=records)
        features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
        assert len(features) == expected
        found, stderr = ogr_counts(geojson)
        assert stderr.strip() == "" and list(found.values()) == [expected]
    # A need's feature stands where the need is (its site's place when it has none of its own).
    need = demo.db.execute(
        "SELECT n.id, coalesce(n.lon, s.lon), coalesce(n.lat, s.lat), n.camera_count "
        "FROM needs n JOIN sites s ON s.id = n.site_id WHERE n.deleted = 0 LIMIT 1"
    ).fetchone()
    by_id = {
        f["id"]: f
        for f in json.loads((tmp_path / "needs.geojson").read_text(encoding="utf-8"))["features"]
    }
    feature = by_id[need[0]]
    assert feature["geometry"]["coordinates"] == [need[1], need[2]]
    assert feature["properties"]["camera_count"] == need[3]
    # The plan's position at a national-security site is rounded when sensitive fields go.
    item = demo.db.execute(
        "SELECT p.id, p.lat FROM plan_items p, json_each(p.need_ids) j "
        "JOIN needs n ON n.id = j.value JOIN sites s ON s.id = n.site_id "
        "WHERE s.category = 'national_security' AND p.lat IS NOT NULL LIMIT 1"
    ).fetchone()
    assert item is not None
    safe = tmp_path / "safe.geojson"
    write_report(demo.db, "geojson", safe, records="plan_items", omit_sensitive=True)
    shown = {f["id"]: f for f in json.loads(safe.read_text(encoding="utf-8"))["features"]}
    lat = shown[item[0]]["geometry"]["coordinates"][1]
    assert lat == round(item[1], filters.ROUND_DECIMALS) != item[1]


def test_only_a_list_of_cameras_takes_photos_or_another_format(
    demo: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(ReportError, match="CSV, GeoJSON"):
        write_report(demo.db, "pdf", tmp_path / "out" / "x.pdf", records="needs")
    with pytest.raises(ReportError, match="CSV, GeoJSON"):
        write_report(demo.db, "csv", tmp_path / "out" / "x.csv", records="sites; rm -rf")
    with pytest.raises(ReportError, match="ảnh"):
        write_report(
            demo.db,
            "csv",
            tmp_path / "out" / "x.csv",
            records="needs",
            photos=True,
            workspace_path=demo.path,
        )
    assert not list((tmp_path / "out").iterdir())
