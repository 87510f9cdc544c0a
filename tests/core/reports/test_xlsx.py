"""The streaming XLSX writer, read back by openpyxl (an independent reader) and as the zip and
XML it is: text that needs escaping, long Vietnamese text, numbers and their formats, the
package's parts, sheet names, and a half-written file on errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest

from fieldsurvey.core.reports import xlsx
from fieldsurvey.core.reports.writing import write_report
from fieldsurvey.core.store.workspace import Workspace

VIETNAMESE = "Camera giám sát ngã tư Hàng Bài – Tràng Tiền, phường Hoàn Kiếm; "
LONG = (VIETNAMESE * 80)[:5000]
# Markup characters, a CDATA end, quotes, control characters XML 1.0 forbids, a carriage
# return, a literal Excel escape, whitespace at both ends, a non-character and an emoji.
SPECIAL = "  <b>Đèn & \"cột\" 'số' ]]> \x01\x07\x0b\x1f\rxuống\ndòng\tthẻ _x0041_ \ufffe 🙂  "


def excel_text(stored: str) -> str:
    """A string as Excel and LibreOffice show it: each _xHHHH_ is the character HHHH (so a
    literal "_x0041_" is stored as "_x005F_x0041_"). openpyxl returns the stored form."""
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), stored)


def write(path: Path, columns: list[xlsx.Column], rows: list[list[Any]], **kw: Any) -> int:
    with xlsx.Workbook(path, ["Trang 1"], **kw) as book:
        return book.write_sheet(columns, rows)


def test_special_and_long_vietnamese_text_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "text.xlsx"
    columns = [xlsx.Column("Văn bản", 30), xlsx.Column("Dài", 60), xlsx.Column("Số", 10, "int")]
    plain = "Hoạt động tốt"
    rows = [[SPECIAL, LONG, 1], [plain, "", None], ["x" * 40000, "😀" * 20000, 3]]
    assert write(out, columns, rows) == 3

    book = openpyxl.load_workbook(out)
    sheet = book["Trang 1"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    book.close()
    assert values[0] == ["Văn bản", "Dài", "Số"]
    special, long_text, number = values[1]
    assert excel_text(special) == SPECIAL
    assert "_x0001_" in special and "_x000D_" in special and "_x005F_x0041_" in special
    assert long_text == LONG and len(long_text) == 5000
    assert number == 1
    # Empty cells are left out; a plain row is copied as it is.
    assert values[2] == [plain, None, None]
    # Excel's limit of 32,767 characters (UTF-16 units) a cell, never inside a character.
    assert values[3][0] == "x" * xlsx.MAX_CELL_CHARS
    assert values[3][1] == "😀" * (xlsx.MAX_CELL_CHARS // 2)


def test_text_from_the_workspace_round_trips_in_the_report(demo: Workspace, tmp_path: Path) -> None:
    camera = demo.db.execute("SELECT id FROM cameras WHERE deleted = 0 LIMIT 1").fetchone()[0]
    notes = 'Ghi chú <đặc biệt> & "khác" _x0041_ \x02 ' + LONG[:3800]  # notes: ≤ 4000
    demo.update("cameras", camera, {"notes": notes, "name": "  Camera ở góc  "})
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out, draft=True)
    book = openpyxl.load_workbook(out)
    sheet = book["Camera hiện có"]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    head = rows[0]
    found = [dict(zip(head, row, strict=True)) for row in rows[1:] if row[-1] == camera]
    assert len(found) == 1
    stored = demo.get("cameras", camera)
    assert excel_text(found[0]["Ghi chú"]) == stored["notes"]
    assert found[0]["Tên"] == stored["name"]


def test_text_that_looks_like_a_formula_stays_text(demo: Workspace, tmp_path: Path) -> None:
    """Text cells are inline strings, which spreadsheets never evaluate (no apostrophe needed,
    unlike CSV); a row that needs escaping is written the careful way, so both ways are seen."""
    fast = {"name": '=HYPERLINK("http://x","y")', "notes": "=1+1"}
    careful = {"name": '=A1&"<b>"', "notes": "@SUM(A1)"}
    cameras = demo.db.execute("SELECT id FROM cameras WHERE deleted = 0 LIMIT 2").fetchall()
    for (camera,), values in zip(cameras, (fast, careful), strict=True):
        demo.update("cameras", camera, values)
    texts = {*fast.values(), *careful.values()}
    out = tmp_path / "report.xlsx"
    write_report(demo.db, "xlsx", out, draft=True)

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    found = set()
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            sheet = ElementTree.fromstring(z.read(name))
            assert sheet.findall(".//m:f", ns) == [], name
            for cell in sheet.findall(".//m:c", ns):
                text = cell.findtext("m:is/m:t", namespaces=ns)
                if text in texts:
                    assert cell.get("t") == "inlineStr"
                    found.add(text)
    assert found == texts

    book = openpyxl.load_workbook(out, data_only=False)
    sheet = book["Camera hiện có"]
    read = {(c.value, c.data_type) for row in sheet.iter_rows() for c in row if c.value in texts}
    book.close()
    assert read == {(text, "s") for text in texts}


def test_numbers_formats_header_and_widths(tmp_path: Path) -> None:
    out = tmp_path / "numbers.xlsx"
    columns = [
        xlsx.Column("Tên", 40),
        xlsx.Column("Vĩ độ", 12, "real"),
        xlsx.Column("Năm", 10, "int"),
        xlsx.Column("Kinh phí", 18, "money"),
    ]
    write(
        out,
        columns,
        [["a", 21.0285123, 2019, 508_000_000], ["b", 1e-05, 0, 0.5], ["c", 2.0] + [None] * 2],
    )
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == ["a", 21.0285123, 2019, 508_000_000]
    assert [c.value for c in sheet[3]] == ["b", 1e-05, 0, 0.5]
    assert [c.value for c in sheet[4]] == ["c", 2, None, None]
    assert isinstance(sheet["C2"].value, int) and isinstance(sheet["B2"].value, float)
    assert [c.number_format for c in sheet[2]] == ["General", "0.0######", "0", "#,##0"]
    header = sheet["A1"]
    assert header.font.b and header.alignment.wrap_text
    assert header.fill.fgColor.rgb == "FFDDE7F0"
    assert header.border.left.style == "thin"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D4"
    # Widths as Excel stores them for 40 and 12 characters of the default font.
    assert sheet.column_dimensions["A"].width == pytest.approx(40.7109375)
    assert sheet.column_dimensions["B"].width == pytest.approx(12.7109375)
    book.close()
    with zipfile.ZipFile(out) as z:
        workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    names = workbook.findall("m:definedNames/m:definedName", ns)
    assert [(n.get("name"), n.get("localSheetId"), n.get("hidden"), n.text) for n in names] == [
        ("_xlnm._FilterDatabase", "0", "1", "'Trang 1'!$A$1:$D$4"),
        ("_xlnm.Print_Titles", "0", None, "'Trang 1'!$1:$1"),
    ]


def test_totals_row_and_page_setup(tmp_path: Path) -> None:
    out = tmp_path / "totals.xlsx"
    columns = [
        xlsx.Column("STT", 6, "int"),
        xlsx.Column("Tên", 20),
        xlsx.Column("Số camera", 10, "int", total=True),
        xlsx.Column("Kinh phí", 18, "money", total=True),
        xlsx.Column("Vĩ độ", 12, "real"),
    ]
    with xlsx.Workbook(out, ["Trang 1"]) as book:
        rows = [
            [1, "a", 2, 1_500_000, 21.0],
            [2, "b", None, 250_000, 21.1],
            [3, "c", 5, None, None],
        ]
        assert book.write_sheet(columns, rows, total_label="Tổng cộng") == 3
    book_read = openpyxl.load_workbook(out)
    sheet = book_read.active
    assert sheet is not None
    assert [c.value for c in sheet[5]] == [None, "Tổng cộng", 7, 1_750_000, None]
    assert sheet["B5"].font.b and sheet["D5"].number_format == "#,##0"
    assert sheet.auto_filter.ref == "A1:E4"  # the totals stay last when sorted
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    book_read.close()
    with (
        pytest.raises(ValueError, match="number columns"),
        xlsx.Workbook(tmp_path / "bad.xlsx", ["x"]) as book,
    ):
        book.write_sheet([xlsx.Column("Tên", total=True)], [["a"]], total_label="T")


def test_readers_see_each_sheets_size_and_a_large_sheet_spools_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl's read-only mode (as pandas uses it) sizes a sheet by its <dimension>; a
    sheet past the in-memory spool goes through a temporary file that leaves no trace."""
    monkeypatch.setattr(xlsx, "_SPOOL_IN_MEMORY", 10_000)
    out = tmp_path / "size.xlsx"
    rows = [[f"Camera số {i}", i, i / 8] for i in range(3000)]
    columns = [xlsx.Column("Tên"), xlsx.Column("Số", kind="int"), xlsx.Column("Tỉ", kind="real")]
    assert write(out, columns, rows) == 3000
    assert [p.name for p in tmp_path.iterdir()] == ["size.xlsx"]
    book = openpyxl.load_workbook(out, read_only=True)
    sheet = book.worksheets[0]
    assert (sheet.max_row, sheet.max_column) == (3001, 3)
    read = list(sheet.iter_rows(min_row=2, values_only=True))
    book.close()
    # Whole numbers in a real column read back as int (16 significant digits, no ".0").
    assert read == [(name, i, int(x) if x.is_integer() else x) for name, i, x in rows]


def test_a_number_column_refuses_what_is_not_a_finite_number(tmp_path: Path) -> None:
    columns = [xlsx.Column("Số", 10, "real")]
    for bad in (float("nan"), float("inf"), "12"):
        with pytest.raises(TypeError):
            write(tmp_path / "bad.xlsx", columns, [[1.5], [bad]])


def test_an_empty_sheet_keeps_its_header_and_filter(tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert write(out, [xlsx.Column("Mã"), xlsx.Column("Tên")], []) == 0
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    assert list(sheet.iter_rows(values_only=True)) == [("Mã", "Tên")]
    assert sheet.auto_filter.ref == "A1:B2"
    book.close()


def test_the_report_has_exactly_the_expected_parts(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    counts = write_report(demo.db, "xlsx", out, draft=True)
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        names = z.namelist()
        parts = {name: z.read(name) for name in names}
    sheets = [f"xl/worksheets/sheet{i}.xml" for i in range(1, 7)]
    assert names == [*xlsx.PARTS[:4], *sheets, *xlsx.PARTS[4:]]
    # Every part is well-formed XML, and the content types name each one that needs it.
    for data in parts.values():
        ElementTree.fromstring(data)
    types = ElementTree.fromstring(parts["[Content_Types].xml"])
    overridden = {e.get("PartName") for e in types if e.get("PartName")}
    assert overridden == {"/" + n for n in names if not n.endswith(".rels")} - {
        "/[Content_Types].xml"
    }
    book = openpyxl.load_workbook(out, read_only=True)
    assert [s.max_row for s in book.worksheets] == [
        counts[key] + 2  # the header and the totals row
        for key in ("summary_commune", "summary_unit", "cameras", "shortcomings", "needs", "plan")
    ]
    assert book.properties.title == "Báo cáo khảo sát camera giám sát"
    assert book.properties.description is not None
    assert book.properties.description.startswith("Ngày lập: ")
    book.close()


@pytest.mark.parametrize("name", ["", "x" * 32, "a/b", "a\\b", "a?b", "a*b", "a:b", "[a]", "'a"])
def test_sheet_names_excel_refuses_are_refused(tmp_path: Path, name: str) -> None:
    out = tmp_path / "names.xlsx"
    with pytest.raises(ValueError):
        xlsx.Workbook(out, [name])
    assert not out.exists()


def test_duplicate_sheet_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        xlsx.Workbook(tmp_path / "dup.xlsx", ["Camera", "camera"])


def test_an_error_while_writing_leaves_no_open_handle(tmp_path: Path) -> None:
    """The caller removes the half-written file; nothing is left open to complain later."""
    out = tmp_path / "stopped.xlsx"

    def rows() -> Any:
        yield ["một"]
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError), xlsx.Workbook(out, ["A", "B"]) as book:
        book.write_sheet([xlsx.Column("Cột")], rows())
    out.unlink()
    # Leaving the block without writing every named sheet is an error too.
    with pytest.raises(ValueError), xlsx.Workbook(out, ["A", "B"]) as book:
        book.write_sheet([xlsx.Column("Cột")], [["một"]])


def test_column_letters() -> None:
    assert [xlsx.column_letters(i) for i in (0, 25, 26, 51, 52, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]
