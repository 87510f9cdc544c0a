"""A small streaming XLSX writer (Office Open XML SpreadsheetML, ECMA-376) for the reports.

Each sheet's rows are written out as they come, so 200,000 rows never sit in memory: to a
spool (a temporary file beside the workbook once past a few MB), then, once the number of rows
is known for the sheet's <dimension>, compressed into the sheet's zip entry after its head.

What it writes is what the reports need and no more: one bold, filled, bordered, wrapped
header row, frozen and repeated on every printed page; an autofilter over the columns; a width
per column; text as inline strings; numbers as numbers in one of three formats; empty cells left
out; optionally a bold totals row under the rows (outside the autofilter, so sorting leaves it
last); every sheet printed landscape on A4, all its columns fitted to the page's width.

    with Workbook(path, ["Cameras", "Needs"], title="…", created=now) as book:
        book.write_sheet(columns, rows)  # one call per sheet, in the order of the names

A row is built in one pass with ``str.join`` over cell templates made once per sheet; the
careful path (XML escaping, Excel's ``_xHHHH_`` escapes for control characters, whitespace
kept at the ends, the 32,767-character cell limit, number checks) runs only for the rare row
that needs it, found by one regular-expression search over all the row's text at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final

# Style ids in styles.xml's cellXfs, by column kind; the header row has its own, and the totals
# row the same formats in bold with a rule above.
_HEADER_STYLE: Final = 1
_KIND_STYLES: Final = {"text": 0, "real": 2, "int": 3, "money": 4}
_TOTAL_STYLES: Final = {"text": 5, "real": 6, "int": 7, "money": 8}

# Excel's limit on the characters of one cell, in UTF-16 units.
MAX_CELL_CHARS: Final = 32767
# A row whose text adds up to less than this cannot hold a cell over the limit.
_FAST_ROW_CHARS: Final = MAX_CELL_CHARS // 2

# Anything in text that needs more than copying: XML's markup characters, characters XML 1.0
# forbids (control characters but tab and line feed; carriage return, which an XML reader
# would turn into a line feed; lone surrogates; U+FFFE, U+FFFF).
_SPECIAL: Final = re.compile("[&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel reads "_xHHHH_" in a string as an escaped character; a literal one is written with its
# underscore escaped, "_x005F_xHHHH_", as Excel does.
_LITERAL_ESCAPE: Final = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
# XML whitespace, which Excel drops at the ends of a string unless told to keep it.
_XML_SPACE: Final = " \t\n"

_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_NAME: Final = 31

# The rows of a sheet are encoded and compressed in batches of about this many characters.
_BATCH_CHARS: Final = 1 << 18
# A sheet's rows wait in memory up to this size, in a temporary file beside the workbook past it.
_SPOOL_IN_MEMORY: Final = 4 << 20

_MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PARTS: Final = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    # the worksheets, xl/worksheets/sheet1.xml and on, come here
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
)


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header, width in characters and kind (text|int|real|money)."""

    header: str
    width: float = 14
    kind: str = "text"
    total: bool = False  # summed in the totals row (a number column)


def column_letters(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_sheet_name(name: str) -> str:
    """``name`` if Excel accepts it as a sheet name, else ValueError."""
    if (
        not name
        or len(name) > _MAX_SHEET_NAME
        or _SHEET_NAME_FORBIDDEN.search(name)
        or name.startswith("'")
        or name.endswith("'")
    ):
        raise ValueError(
            f"Sheet name {name!r}: 1 to {_MAX_SHEET_NAME} characters, none of []:*?/\\ "
            "and no apostrophe at either end."
        )
    return name


def escape_text(value: str) -> str:
    """``value`` as the content of a ``<t>`` element: cut to Excel's cell limit, XML-escaped,
    characters XML forbids as Excel's ``_xHHHH_`` (lone surrogates as U+FFFD)."""
    if len(value) > _FAST_ROW_CHARS:
        value = _utf16_cut(value, MAX_CELL_CHARS)
    value = _LITERAL_ESCAPE.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    value = _SURROGATE.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _utf16_cut(value: str, limit: int) -> str:
    """``value`` cut to at most ``limit`` UTF-16 units, never inside a character."""
    used = 0
    for index, char in enumerate(value):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return value[:index]
    return value


def _number(value: object) -> str:
    """A finite number as the content of a ``<v>`` element; TypeError for anything else.

    Floats get 16 significant digits, whole ones no decimal point ("2.5", "21.0285123", "1",
    "1E-05"), as Excel keeps them and as readers have always had them from these reports."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) or (
        hasattr(value, "__float__") and not isinstance(value, (str, bytes))
    ):
        number = float(value)
        if math.isfinite(number):
            return f"{number:.16G}"
    raise TypeError(f"Not a finite number for a number column: {value!r}")


def _cell(ref: str, style: int, value: object, numeric: bool) -> str:
    """One cell, the careful way (the header row and rows that need escaping)."""
    s = f' s="{style}"' if style else ""
    if numeric:
        return f'<c r="{ref}"{s}><v>{_number(value)}</v></c>'
    if not isinstance(value, str):
        raise TypeError(f"Not text for a text column: {value!r}")
    keep = ' xml:space="preserve"' if value.strip(_XML_SPACE) != value else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{keep}>{escape_text(value)}</t></is></c>'


@dataclass
class _SheetInfo:
    name: str
    last_column: str
    last_row: int


class Workbook:
    """An XLSX file being written; the sheets are named up front and written in that order.

    Used as a context manager: leaving it normally finishes the file, leaving it on an error
    stops writing (the caller removes the half-written file).
    """

    def __init__(
        self,
        path: Path | str,
        sheet_names: Sequence[str],
        *,
        title: str = "",
        description: str = "",
        created: dt.datetime | None = None,
        page_header: str = "",
    ) -> None:
        """``page_header``: a line printed at the top of every page of every sheet (a draft
        says so there)."""
        names = [check_sheet_name(n) for n in sheet_names]
        if not names:
            raise ValueError("A workbook needs at least one sheet.")
        if len({n.casefold() for n in names}) != len(names):
            raise ValueError(f"Sheet names must differ (ignoring case): {names!r}")
        self._names = names
        # SpreadsheetML header codes: "&C" centres, "&&" is a literal ampersand.
        self._header_footer = (
            "<headerFooter><oddHeader>"
            + escape_text('&C&"-,Bold"' + page_header.replace("&", "&&"))
            + "</oddHeader></headerFooter>"
            if page_header
            else ""
        )
        self._sheets: list[_SheetInfo] = []
        self._file = Path(path).open("wb")  # noqa: SIM115 (closed by close or abort)
        self._zip = zipfile.ZipFile(self._file, "w", zipfile.ZIP_DEFLATED)
        self._entry: IO[bytes] | None = None
        self._spool: IO[bytes] | None = None
        self._folder = Path(path).parent
        try:
            when = (created or dt.datetime.now()).strftime("%Y-%m-%dT%H:%M:%SZ")
            self._part("[Content_Types].xml", _content_types(len(names)))
            self._part("_rels/.rels", _ROOT_RELS)
            self._part("docProps/core.xml", _core(title, description, when))
            self._part("docProps/app.xml", _app(names))
        except BaseException:
            self.abort()
            raise

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def _part(self, name: str, xml: str) -> None:
        self._zip.writestr(name, (_DECLARATION + xml).encode("utf-8"))

    def write_sheet(
        self,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        *,
        total_label: str | None = None,
    ) -> int:
        """Write the next sheet: the header row from ``columns``, then ``rows`` (a value per
        column: str for text, int/float for numbers, None or "" for an empty cell); return
        the number of rows written below the header. With ``total_label``, a last row holds it
        in the first text column and the sum of each ``total`` column."""
        index = len(self._sheets)
        if index >= len(self._names):
            raise ValueError("Every named sheet is already written.")
        if not columns:
            raise ValueError("A sheet needs at least one column.")
        letters = [column_letters(i) for i in range(len(columns))]
        styles = []
        for col in columns:
            if col.kind not in _KIND_STYLES:
                raise ValueError(f"Unknown column kind {col.kind!r}")
            styles.append(_KIND_STYLES[col.kind])
        numeric = [col.kind != "text" for col in columns]
        summed = [i for i, col in enumerate(columns) if col.total]
        if any(not numeric[i] for i in summed):
            raise ValueError("Only number columns have a total.")
        if total_label is not None and all(numeric):
            raise ValueError("A totals row needs a text column for its label.")
        sums: list[int | float] = [0] * len(summed)
        # Per column, the start of a cell up to its row number, and for numbers what follows
        # the row number up to the value (None for text).
        heads = [f'<c r="{letter}' for letter in letters]
        mids = [f'" s="{s}"><v>' if n else None for s, n in zip(styles, numeric, strict=True)]
        layout = list(zip(heads, mids, strict=True))
        width = len(columns)

        # The rows go to a spool first: the <dimension> before them (which readers such as
        # openpyxl's read-only mode go by) needs the number of rows.
        spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed here or by abort)
            max_size=_SPOOL_IN_MEMORY, mode="w+b", prefix=".xlsx-rows-", dir=str(self._folder)
        )
        self._spool = spool
        batch: list[str] = []
        size = 0
        n = 0
        for values in rows:
            if len(values) != width:
                raise ValueError(f"A row of {len(values)} values for {width} columns.")
            for k, i in enumerate(summed):
                if values[i] is not None and values[i] != "":
                    sums[k] += values[i]
            n += 1
            r = str(n + 1)
            cells = [f'<row r="{r}">']
            texts: list[str] = []
            careful = False
            for value, (cell, mid) in zip(values, layout, strict=False):
                if value is None or value == "":
                    continue
                if mid is None:
                    texts.append(value)
                    cells.append(f'{cell}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
                elif value.__class__ is int:
                    cells.append(f"{cell}{r}{mid}{value}</v></c>")
                elif value.__class__ is float and value - value == 0.0:  # finite
                    cells.append(f"{cell}{r}{mid}{value:.16G}</v></c>")
                else:
                    careful = True
            if not careful:
                try:
                    joined = "".join(texts)
                except TypeError:
                    careful = True
                else:
                    careful = (
                        len(joined) > _FAST_ROW_CHARS
                        or _SPECIAL.search(joined) is not None
                        or "_x" in joined
                        or [t for t in texts if t.strip(_XML_SPACE) != t] != []
                    )
            if careful:
                cells = [f'<row r="{r}">']
                cells.extend(
                    _cell(f"{letter}{r}", style, value, num)
                    for letter, style, num, value in zip(
                        letters, styles, numeric, values, strict=True
                    )
                    if value is not None and value != ""
                )
            cells.append("</row>")
            row_xml = "".join(cells)
            batch.append(row_xml)
            size += len(row_xml)
            if size > _BATCH_CHARS:
                spool.write("".join(batch).encode("utf-8"))
                batch.clear()
                size = 0
        last_row = max(n, 1) + 1  # the autofilter's: the header and the rows
        if total_label is not None:
            total_row = str(n + 2)
            totals: list[Any] = [None] * width
            totals[numeric.index(False)] = total_label
            for k, i in enumerate(summed):
                totals[i] = sums[k]
            batch.append(
                f'<row r="{total_row}">'
                + "".join(
                    _cell(f"{letter}{total_row}", _TOTAL_STYLES[col.kind], value, num)
                    for letter, col, num, value in zip(
                        letters, columns, numeric, totals, strict=True
                    )
                    if value is not None
                )
                + "</row>"
            )
        spool.write("".join(batch).encode("utf-8"))
        used_rows = n + 1 + (total_label is not None)
        head = [
            _DECLARATION,
            f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">',
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
            f'<dimension ref="A1:{letters[-1]}{used_rows}"/>',
            '<sheetViews><sheetView workbookViewId="0"',
            ' tabSelected="1"' if index == 0 else "",
            '><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
            '<selection pane="bottomLeft"/></sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/><cols>',
        ]
        for i, (col, style) in enumerate(zip(columns, styles, strict=True), start=1):
            s = f' style="{style}"' if style else ""
            head.append(
                f'<col min="{i}" max="{i}" width="{_width(col.width)}"{s} customWidth="1"/>'
            )
        head.append('</cols><sheetData><row r="1">')
        head.extend(
            _cell(f"{letter}1", _HEADER_STYLE, col.header, False)
            for letter, col in zip(letters, columns, strict=True)
        )
        head.append("</row>")
        # Landscape A4 (paperSize 9), every column on the page's width, as many pages down as
        # the rows need; the header row repeats on each (the workbook's Print_Titles).
        foot = (
            f'</sheetData><autoFilter ref="A1:{letters[-1]}{last_row}"/>'
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3"'
            ' footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1"'
            f' fitToHeight="0"/>{self._header_footer}</worksheet>'
        )
        entry = self._zip.open(f"xl/worksheets/sheet{index + 1}.xml", "w", force_zip64=True)
        self._entry = entry
        entry.write("".join(head).encode("utf-8"))
        spool.seek(0)
        shutil.copyfileobj(spool, entry, _BATCH_CHARS * 4)
        entry.write(foot.encode("utf-8"))
        entry.close()
        self._entry = None
        spool.close()
        self._spool = None
        self._sheets.append(_SheetInfo(self._names[index], letters[-1], last_row))
        return n

    def close(self) -> None:
        """Write the workbook's remaining parts and finish the file (synced to disk)."""
        if len(self._sheets) != len(self._names):
            self.abort()
            raise ValueError(f"{len(self._sheets)} of {len(self._names)} sheets written.")
        try:
            self._part("xl/workbook.xml", _workbook(self._sheets))
            self._part("xl/_rels/workbook.xml.rels", _workbook_rels(len(self._sheets)))
            self._part("xl/styles.xml", _STYLES)
            self._zip.close()
            self._file.flush()  # on disk before the caller renames it: see reports.write_report
        except BaseException:
            self.abort()
            raise
        self._file.close()

    def abort(self) -> None:
        """Stop writing; the file is left incomplete for the caller to remove."""
        for done in (self._spool, self._entry, self._zip, self._file):
            if done is not None:
                with contextlib.suppress(OSError, ValueError, zipfile.BadZipFile):
                    done.close()
        self._entry = self._spool = None


def _width(chars: float) -> str:
    """A column width as Excel stores it for ``chars`` characters of the default font:
    7-pixel digits and 5 pixels of padding, in steps of 1/256."""
    if chars <= 0:
        return "0"
    pixels = int(chars * 7 + 0.5) + 5 if chars >= 1 else int(chars * 12 + 0.5)
    return f"{int(pixels / 7 * 256) / 256:.16g}"


def _attr(value: str) -> str:
    return escape_text(value).replace('"', "&quot;")


def _content_types(sheets: int) -> str:
    base = "application/vnd.openxmlformats-officedocument"
    overrides = [
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{base}.extended-properties+xml"),
        ("/xl/workbook.xml", f"{base}.spreadsheetml.sheet.main+xml"),
        ("/xl/styles.xml", f"{base}.spreadsheetml.styles+xml"),
    ] + [
        (f"/xl/worksheets/sheet{i}.xml", f"{base}.spreadsheetml.worksheet+xml")
        for i in range(1, sheets + 1)
    ]
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


_ROOT_RELS: Final = (
    f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)


def _core(title: str, description: str, when: str) -> str:
    return (
        "<cp:coreProperties xmlns:cp="
        '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape_text(title)}</dc:title>"
        f"<dc:description>{escape_text(description)}</dc:description>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _app(names: Sequence[str]) -> str:
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties" xmlns:vt="{vt}"><Application>FieldSurvey</Application>'
        '<HeadingPairs><vt:vector size="2" baseType="variant">'
        "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
        f"<vt:variant><vt:i4>{len(names)}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">'
        + "".join(f"<vt:lpstr>{escape_text(n)}</vt:lpstr>" for n in names)
        + "</vt:vector></TitlesOfParts></Properties>"
    )


def _workbook(sheets: Sequence[_SheetInfo]) -> str:
    listed = "".join(
        f'<sheet name="{_attr(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)
    )
    filters = []
    for i, s in enumerate(sheets):
        quoted = s.name.replace("'", "''")
        where = f"'{quoted}'!$A$1:${s.last_column}${s.last_row}"
        filters.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape_text(where)}</definedName>"
        )
    for i, s in enumerate(sheets):
        quoted = s.name.replace("'", "''")
        titles = f"'{quoted}'!$1:$1"
        filters.append(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{escape_text(titles)}</definedName>"
        )
    return (
        f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{listed}</sheets><definedNames>{''.join(filters)}</definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _workbook_rels(sheets: int) -> str:
    rels = [
        f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, sheets + 1)
    ]
    rels.append(f'<Relationship Id="rId{sheets + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>')
    return f'<Relationships xmlns="{_PKG_REL_NS}">{"".join(rels)}</Relationships>'


# cellXfs: 0 default, 1 header (bold, wrapped, top, filled #DDE7F0, thin border), 2 real
# ("0.0######", custom 164), 3 int ("0", built-in 1), 4 money ("#,##0", built-in 3).
_STYLES: Final = (
    f'<styleSheet xmlns="{_MAIN_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0######"/></numFmts>'
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE7F0"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/>'
    '</right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/>'
    "</bottom><diagonal/></border>"
    '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/>'
    "</border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1"'
    ' applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    # the totals row: text, real, int, money, bold with a rule above
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="2" xfId="0" applyFont="1"'
    ' applyBorder="1"/>'
    '<xf numFmtId="164" fontId="1" fillId="0" borderId="2" xfId="0" applyNumberFormat="1"'
    ' applyFont="1" applyBorder="1"/>'
    '<xf numFmtId="1" fontId="1" fillId="0" borderId="2" xfId="0" applyNumberFormat="1"'
    ' applyFont="1" applyBorder="1"/>'
    '<xf numFmtId="3" fontId="1" fillId="0" borderId="2" xfId="0" applyNumberFormat="1"'
    ' applyFont="1" applyBorder="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9"'
    ' defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
)
