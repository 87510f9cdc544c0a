"""The PDF report a city official signs: totals, a map, bar charts and the key tables, in the
form of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Appendix I).

The form: issuing body under its parent and the number at top left, the national name and motto
with the place and date in words at top right, the title and subject, the body, then the
recipients ("Nơi nhận") and the signature block; margins of 20/20/30/15 mm, page numbers at the
top centre from page 2. What the office fills in is letterhead.ReportForm (``job.form``).

Drawn with reportlab alone (no Qt, no network): the map is the bundled commune boundaries with
every kept camera as a dot coloured by condition (dots falling on the same spot of the page are
drawn once, so 200,000 cameras stay a small file); the charts are reportlab bar charts. The
bundled Liberation Serif (metric-compatible with Times New Roman, every Vietnamese letter) is
embedded; the body is 13 pt as the decree asks, the tables smaller.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Collection, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from fieldsurvey.core import reference, vocabulary
from fieldsurvey.core.geo import METRES_PER_DEGREE
from fieldsurvey.core.reports import filters, tables
from fieldsurvey.core.reports.labels import draft_text
from fieldsurvey.core.reports.letterhead import MOTTO, NATION, ReportForm, place_and_date
from fieldsurvey.core.reports.tables import Job
from fieldsurvey.core.resources import resource_path

FONT: Final = "FieldSurveySerif"
FONT_BOLD: Final = "FieldSurveySerif-Bold"
FONT_ITALIC: Final = "FieldSurveySerif-Italic"
FONT_BOLD_ITALIC: Final = "FieldSurveySerif-BoldItalic"
TOP_COMMUNES: Final = 20
TOP_UNITS: Final = 30
CONDITION_COLOURS: Final = {
    "working": colors.HexColor("#2E7D32"),
    "degraded": colors.HexColor("#F9A825"),
    "not_working": colors.HexColor("#C62828"),
    "removed": colors.HexColor("#757575"),
    None: colors.HexColor("#1565C0"),
}
_DRAW_ORDER: Final = ("removed", None, "working", "degraded", "not_working")
# A printed street's width (points) and colour by its class (core.map.roads.DRAWN_CLASSES).
_ROAD_WIDTHS: Final = {
    "motorway": (2.2, "#C9A27E"),
    "trunk": (2.0, "#C9A27E"),
    "primary": (1.7, "#D2B79B"),
    "secondary": (1.4, "#D9C6B2"),
    "tertiary": (1.1, "#DDD2C6"),
    "pedestrian": (0.7, "#DCD8D2"),
    "minor": (0.6, "#D8D4CD"),
    "service": (0.35, "#DEDAD4"),
    "rail": (0.5, "#8C8C8C"),
}
# Whose names are printed, first chosen first; and how many at most on one map.
_LABELLED: Final = ("motorway", "trunk", "primary", "secondary", "tertiary", "minor")
_MAX_LABELS: Final = 60
_BAR: Final = colors.HexColor("#1F5F8B")
# Nghị định 30/2020/NĐ-CP: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
_MARGINS: Final = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
_WIDTH: Final = A4[0] - _MARGINS["left"] - _MARGINS["right"]


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


@cache
def register_fonts() -> None:
    """Register the bundled Liberation Serif (its four styles) with reportlab, once."""
    for name, style in (
        (FONT, "Regular"),
        (FONT_BOLD, "Bold"),
        (FONT_ITALIC, "Italic"),
        (FONT_BOLD_ITALIC, "BoldItalic"),
    ):
        path = resource_path("fonts", f"LiberationSerif-{style}.ttf")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=13, leading=17)
    centred = ParagraphStyle("centred", parent=base, alignment=TA_CENTER)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=centred, fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=10
        ),
        "subtitle": ParagraphStyle("subtitle", parent=centred, fontName=FONT_BOLD, fontSize=14),
        "head": ParagraphStyle("head", parent=centred, fontSize=12.5, leading=15),
        "head_bold": ParagraphStyle(
            "head_bold", parent=centred, fontName=FONT_BOLD, fontSize=12.5, leading=15
        ),
        "motto": ParagraphStyle(
            "motto", parent=centred, fontName=FONT_BOLD, fontSize=13.5, leading=16
        ),
        "date": ParagraphStyle("date", parent=centred, fontName=FONT_ITALIC, fontSize=13.5),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=12,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "body": ParagraphStyle(
            "body", parent=base, fontSize=13, leading=17, firstLineIndent=10 * mm, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=10.5),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontSize=7, leading=8.5),
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=12),
        "recipients_head": ParagraphStyle(
            "recipients_head", parent=base, fontName=FONT_BOLD_ITALIC, fontSize=12, leading=14
        ),
        "recipients": ParagraphStyle("recipients", parent=base, fontSize=11, leading=13),
        "signer": ParagraphStyle(
            "signer", parent=centred, fontName=FONT_BOLD, fontSize=13.5, leading=17
        ),
    }


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: Any, lang: str) -> str:
    """Thousands grouped the Vietnamese way (1.234.567) or the English way (1,234,567)."""
    text = f"{int(value or 0):,}"
    return text.replace(",", ".") if lang != "en" else text


# -- the map ---------------------------------------------------------------------------------------


class MapFlowable(Flowable):  # type: ignore[misc]
    """The report's map, drawn straight onto the page's canvas, at the extent of what the report
    covers, with a scale bar and a north arrow.

    - ``density`` given (the whole city): each commune shaded by its cameras per km² (the
      classes of ``DENSITY_CLASSES``), not a dot per camera, which at city scale overdraw one
      another until the page looks the colour drawn last.
    - otherwise (a commune, a unit): camera dots coloured by condition over the commune
      boundaries, the extent being the ``focus`` communes' or else the dots' own (with a margin).
    """

    def __init__(
        self,
        boundaries: dict[str, Any],
        points: Sequence[tuple[float, float, str | None]],
        width: float,
        height: float,
        *,
        focus: Collection[str] = (),
        density: dict[str, int] | None = None,
        lang: str = "vi",
    ) -> None:
        super().__init__()
        # The basemap's streets under the dots, when the caller reads them for this extent.
        self.roads: Sequence[tables.StreetLine] = ()
        self.boundaries = boundaries
        self.points = points
        self.width = width
        self.height = height
        self.focus = set(focus)
        self.density = density
        self.lang = lang
        self.extent = self._extent()

    def _extent(self) -> tuple[float, float, float, float]:
        """(min_lon, min_lat, max_lon, max_lat) the map shows."""
        features = self.boundaries["features"]
        chosen = [f for f in features if f["properties"]["code"] in self.focus]
        if chosen or self.density is not None or not self.points:
            shown = chosen or features
            coords = [
                p
                for f in shown
                for polygon in f["geometry"]["coordinates"]
                for ring in polygon
                for p in ring
            ]
        else:
            coords = [(lon, lat) for lon, lat, _ in self.points]
        lons, lats = [p[0] for p in coords], [p[1] for p in coords]
        min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
        # A little room around, and never narrower than about a kilometre.
        pad_lat = max((max_lat - min_lat) * 0.08, 0.005)
        pad_lon = max((max_lon - min_lon) * 0.08, 0.005)
        return min_lon - pad_lon, min_lat - pad_lat, max_lon + pad_lon, max_lat + pad_lat

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        min_lon, min_lat, max_lon, max_lat = self.extent
        squash = math.cos(math.radians((min_lat + max_lat) / 2))
        scale = min(self.width / ((max_lon - min_lon) * squash), self.height / (max_lat - min_lat))
        off_x = (self.width - (max_lon - min_lon) * squash * scale) / 2
        off_y = (self.height - (max_lat - min_lat) * scale) / 2

        def xy(lon: float, lat: float) -> tuple[float, float]:
            return off_x + (lon - min_lon) * squash * scale, off_y + (lat - min_lat) * scale

        canvas.saveState()
        frame = canvas.beginPath()
        frame.rect(0, 0, self.width, self.height)
        canvas.clipPath(frame, stroke=0, fill=0)
        canvas.setStrokeColor(colors.HexColor("#8A8A8A"))
        canvas.setLineWidth(0.3)
        for feature in self.boundaries["features"]:
            code = feature["properties"]["code"]
            fill = colors.HexColor("#F3F1EA")
            if self.density is not None:
                fill = density_colour(
                    self.density.get(code, 0) / max(feature_area_km2(feature), 0.01)
                )
            elif self.focus and code not in self.focus:
                fill = colors.HexColor("#FBFAF7")
            canvas.setFillColor(fill)
            path = canvas.beginPath()
            for polygon in feature["geometry"]["coordinates"]:
                for ring in polygon:
                    x, y = xy(*ring[0])
                    path.moveTo(x, y)
                    for lon, lat in ring[1:]:
                        path.lineTo(*xy(lon, lat))
                    path.close()
            canvas.drawPath(path, stroke=1, fill=1)
        if self.roads:
            self._roads(xy)
            self._outline(xy)  # the commune the report is about, over its streets
        if self.density is None:
            self._dots(xy)
        canvas.restoreState()
        self._scale_bar(scale)
        self._north_arrow()
        canvas.setStrokeColor(colors.HexColor("#8A8A8A"))
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _outline(self, xy: Callable[[float, float], tuple[float, float]]) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colors.HexColor("#6B6B6B"))
        canvas.setLineWidth(1.2)
        for feature in self.boundaries["features"]:
            if feature["properties"]["code"] not in self.focus:
                continue
            path = canvas.beginPath()
            for polygon in feature["geometry"]["coordinates"]:
                for ring in polygon:
                    path.moveTo(*xy(*ring[0]))
                    for lon, lat in ring[1:]:
                        path.lineTo(*xy(lon, lat))
                    path.close()
            canvas.drawPath(path, stroke=1, fill=0)

    def _roads(self, xy: Callable[[float, float], tuple[float, float]]) -> None:
        """The streets, widest class last so it stays whole where lines meet, then the names of
        the larger ones along them (one label per name, none over another)."""
        canvas = self.canv
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for kind in reversed(_ROAD_WIDTHS):
            width, colour = _ROAD_WIDTHS[kind]
            lines = [points for k, name, points in self.roads if k == kind and name is None]
            if not lines:
                continue
            canvas.setStrokeColor(colors.HexColor(colour))
            canvas.setLineWidth(width)
            if kind == "rail":
                canvas.setDash(2, 2)
            else:
                canvas.setDash()
            path = canvas.beginPath()
            for points in lines:
                path.moveTo(*xy(*points[0]))
                for lon, lat in points[1:]:
                    path.lineTo(*xy(lon, lat))
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()
        taken: list[tuple[float, float, float, float]] = []
        named: set[str] = set()
        size = 5.5
        canvas.setFont(FONT, size)
        canvas.setFillColor(colors.HexColor("#4A4A4A"))
        candidates = sorted(
            (r for r in self.roads if r[1] and r[0] in _LABELLED),
            key=lambda r: (_LABELLED.index(r[0]), -len(r[2])),
        )
        for _kind, name, points in candidates:
            if name is None or name in named or len(taken) >= _MAX_LABELS:
                continue
            projected = [xy(lon, lat) for lon, lat in points]
            (x0, y0), (x1, y1) = max(
                itertools.pairwise(projected),
                key=lambda seg: math.dist(seg[0], seg[1]),
            )
            length = math.dist((x0, y0), (x1, y1))
            text_width = pdfmetrics.stringWidth(name, FONT, size)
            if length < text_width * 0.8:
                continue
            angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
            if angle > 90 or angle < -90:
                angle -= 180 * (1 if angle > 0 else -1)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            half = text_width / 2 + 2
            box = (cx - half, cy - half, cx + half, cy + half)
            inside = box[0] >= 0 and box[2] <= self.width and box[1] >= 0 and box[3] <= self.height
            if not inside or any(
                box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken
            ):
                continue
            taken.append(box)
            named.add(name)
            canvas.saveState()
            canvas.translate(cx, cy)
            canvas.rotate(angle)
            canvas.drawCentredString(0, -size / 3, name)
            canvas.restoreState()

    def _dots(self, xy: Callable[[float, float], tuple[float, float]]) -> None:
        canvas = self.canv
        # One dot per half point of the page and condition: the eye cannot tell more apart.
        seen: dict[str | None, set[tuple[int, int]]] = {}
        for lon, lat, condition in self.points:
            x, y = xy(lon, lat)
            key = condition if condition in CONDITION_COLOURS else None
            seen.setdefault(key, set()).add((round(x * 2), round(y * 2)))
        size = 2.2 if self.focus else 1.4
        for condition in _DRAW_ORDER:  # problems last, so they stay visible where dots crowd
            cells = seen.get(condition)
            if not cells:
                continue
            canvas.setFillColor(CONDITION_COLOURS[condition])
            dots = canvas.beginPath()
            for cx, cy in sorted(cells):
                dots.rect(cx / 2 - size / 2, cy / 2 - size / 2, size, size)
            canvas.drawPath(dots, stroke=0, fill=1)

    def _scale_bar(self, scale: float) -> None:
        """A bar of a round length, about a fifth of the map's width, at the bottom left."""
        metres_per_point = METRES_PER_DEGREE / scale
        target = self.width / 5 * metres_per_point
        length = max(
            (f * 10**e for e in range(0, 6) for f in (1, 2, 5) if f * 10**e <= target),
            default=1,
        )
        bar = length / metres_per_point
        canvas = self.canv
        x, y = 8, 8
        canvas.setFillColor(colors.white)
        canvas.rect(x - 3, y - 3, bar + 40, 16, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.line(x, y, x + bar, y)
        canvas.line(x, y - 2, x, y + 3)
        canvas.line(x + bar, y - 2, x + bar, y + 3)
        text = f"{length // 1000:g} km" if length >= 1000 else f"{length:g} m"
        canvas.setFont(FONT, 7)
        canvas.drawString(x + bar + 4, y - 2, text)

    def _north_arrow(self) -> None:
        canvas = self.canv
        x, y = self.width - 14, self.height - 26
        canvas.setFillColor(colors.black)
        arrow = canvas.beginPath()
        arrow.moveTo(x, y + 16)
        arrow.lineTo(x - 5, y)
        arrow.lineTo(x, y + 4)
        arrow.lineTo(x + 5, y)
        arrow.close()
        canvas.drawPath(arrow, stroke=0, fill=1)
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawCentredString(x, y + 18, _t(self.lang, "B", "N"))


# Cameras per km² of a commune: upper bounds (exclusive) of the classes and their colours.
DENSITY_CLASSES: Final = (
    (1.0, colors.HexColor("#F7FBFF")),
    (5.0, colors.HexColor("#C6DBEF")),
    (20.0, colors.HexColor("#6BAED6")),
    (50.0, colors.HexColor("#2171B5")),
    (math.inf, colors.HexColor("#08306B")),
)


def density_colour(per_km2: float) -> colors.Color:
    return next(colour for bound, colour in DENSITY_CLASSES if per_km2 < bound)


def feature_area_km2(feature: dict[str, Any]) -> float:
    """Area of a (Multi)Polygon feature in km² (shoelace on a local flat projection)."""
    total = 0.0
    for polygon in feature["geometry"]["coordinates"]:
        for number, ring in enumerate(polygon):
            lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
            xs = [p[0] * METRES_PER_DEGREE * math.cos(lat0) for p in ring]
            ys = [p[1] * METRES_PER_DEGREE for p in ring]
            area = abs(sum(xs[i] * ys[i - 1] - xs[i - 1] * ys[i] for i in range(len(ring)))) / 2
            total += area if number == 0 else -area  # holes after the outer ring
    return total / 1e6


def density_legend(lang: str) -> str:
    """The density classes, as the line under the city map."""
    parts = []
    low = 0.0
    for bound, colour in DENSITY_CLASSES:
        text = f"≥ {low:g}" if bound == math.inf else f"{low:g}–{bound:g}"
        parts.append(f'<font color="{colour.hexval().replace("0x", "#")}">■</font> {text}')
        low = bound
    title = _t(lang, "Camera/km² mỗi xã, phường:", "Cameras per km² of each commune:")
    return f"{title} " + " &nbsp; ".join(parts)


# -- charts and tables -----------------------------------------------------------------------------


def bar_chart(title: str, items: Sequence[tuple[str, int]], width: float = _WIDTH) -> Drawing:
    """A horizontal bar chart with the labels on the left and the values at the bars' ends."""
    items = list(items) or [("—", 0)]
    bar_height = 13
    label_width = min(210.0, max(pdfmetrics.stringWidth(s, FONT, 7.5) for s, _ in items) + 8)
    height = 24 + bar_height * len(items) + 14
    # The drawing's own starting font too, or the page names Helvetica, which the file lacks.
    drawing = Drawing(width, height, initialFontName=FONT)
    drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=9.5))
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 14
    chart.width = width - label_width - 50
    chart.height = bar_height * len(items)
    # reportlab draws the first category at the bottom; the biggest should be on top.
    chart.data = [[v for _, v in reversed(items)]]
    chart.categoryAxis.categoryNames = [s for s, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeWidth = 0.3
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.strokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barSpacing = 1
    drawing.add(chart)
    return drawing


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    styles: dict[str, ParagraphStyle],
    numeric_from: int,
    *,
    total_last: bool = False,
) -> Table:
    """A table with a filled header row repeated on each page; with ``total_last`` its last row
    is a totals row, in bold."""
    head = [Paragraph(f"<b>{_esc(h)}</b>", styles["cell_head"]) for h in header]
    body = [
        [
            cell if i >= numeric_from else Paragraph(_esc(cell), styles["cell"])
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]
    if total_last and body:
        body[-1] = [
            cell if i >= numeric_from else Paragraph(f"<b>{_esc(rows[-1][i])}</b>", styles["cell"])
            for i, cell in enumerate(body[-1])
        ]
    # Narrowed in proportion when the columns are wider than the text block.
    shrink = min(1.0, _WIDTH / sum(widths))
    table = Table([head, *body], colWidths=[w * shrink for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE7F0")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9AA5B1")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F8FA")]),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *([("FONT", (numeric_from, -1), (-1, -1), FONT_BOLD, 9)] if total_last else []),
            ]
        )
    )
    return table


# The counts of the summary tables: the workbook's summed columns (tables.py: one vocabulary),
# the commune table without the remedy cost, which the unit table carries.
_COMMUNE_COUNTS: Final = tuple(
    c.key for c in tables.COMMUNE_SUMMARY_COLUMNS if c.total and c.kind == "int"
)
_EXISTING: Final = ("reuse", "connect", "upgrade")
_UNIT_COUNTS: Final = tuple(c.key for c in tables.UNIT_SUMMARY_COLUMNS if c.total)


def _summary_table(
    rows: Sequence[dict[str, Any]],
    name: str,
    counts: Sequence[str],
    lang: str,
    styles: dict[str, ParagraphStyle],
    *,
    shown: int | None = None,
) -> Table:
    """STT, the name and the ``counts`` of each row (the first ``shown`` of them, the rest added
    up in one row), then "Tổng cộng": every column adds up to its total."""
    columns = {c.key: c for c in (*tables.COMMUNE_SUMMARY_COLUMNS, *tables.UNIT_SUMMARY_COLUMNS)}
    header = [_t(lang, "STT", "No."), columns[name].header(lang)]
    header += [columns[k].header(lang) for k in counts]

    def added(group: Sequence[dict[str, Any]]) -> list[str]:
        return [_number(sum(int(r[k]) for r in group), lang) for k in counts]

    listed = rows if shown is None else rows[:shown]
    body: list[list[Any]] = [
        [str(i), r[name], *(_number(r[k], lang) for k in counts)] for i, r in enumerate(listed, 1)
    ]
    rest = rows[len(listed) :]
    if rest:
        others = _t(lang, f"Các đơn vị khác ({len(rest)})", f"Other units ({len(rest)})")
        body.append(["", others, *added(rest)])
    body.append(["", _t(lang, "Tổng cộng", "Total"), *added(rows)])
    money = counts[-1] == "remedy_cost_vnd"
    name_width = (40 if money else 27) * mm
    number_width = (_WIDTH - 9 * mm - name_width) / (len(counts) + money)
    widths = [9 * mm, name_width]
    widths += [number_width] * (len(counts) - money) + [2 * number_width] * money
    return data_table(header, body, widths, styles, 2, total_last=True)


# -- the document ----------------------------------------------------------------------------------


def _tallies(job: Job) -> dict[str, list[tuple[str, int]]]:
    db, where, lang = job.db, job.where, job.lang
    ccond, cparams = filters.camera_filter(job.where)
    scond, sparams = filters.shortcoming_filter(where)
    ncond, nparams = filters.need_filter(where)
    shortcoming_from = (
        "shortcomings sh JOIN sites s ON s.id = sh.site_id "
        "LEFT JOIN cameras c ON c.id = sh.camera_id"
    )

    def labelled(list_name: str, pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
        return [(vocabulary.label(list_name, code, lang), n) for code, n in pairs]

    def in_list_order(list_name: str, pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
        found = dict(pairs)
        return [(label, found.get(code, 0)) for code, label in vocabulary.items(list_name, lang)]

    return {
        "purpose": labelled(
            "camera_purpose",
            tables.tally(db, "cameras c, json_each(c.purposes) j", "j.value", ccond, cparams),
        ),
        "condition": in_list_order(
            "camera_condition", tables.tally(db, "cameras c", "c.condition", ccond, cparams)
        ),
        "shortcoming": labelled(
            "shortcoming_kind", tables.tally(db, shortcoming_from, "sh.kind", scond, sparams)
        ),
        "priority": in_list_order(
            "priority",
            tables.tally(
                db, "needs n JOIN sites s ON s.id = n.site_id", "n.priority", ncond, nparams
            ),
        ),
    }


def _map_points(job: Job) -> list[tuple[float, float, str | None]]:
    cond, params = filters.camera_filter(job.where)
    points = []
    for lat, lon, condition, category in job.db.execute(
        "SELECT c.lat, c.lon, c.condition, s.category FROM cameras c "
        f"LEFT JOIN sites s ON s.id = c.site_id WHERE {cond} AND c.lat IS NOT NULL "
        "AND c.lon IS NOT NULL",
        params,
    ):
        if job.omit_sensitive and category == filters.SENSITIVE_CATEGORY:
            lat, lon = round(lat, filters.ROUND_DECIMALS), round(lon, filters.ROUND_DECIMALS)
        points.append((lon, lat, condition))
    return points


def _heading(
    form: ReportForm, lang: str, today: dt.date, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """The top of the first page: issuing body and number | national name, motto, place and
    date; then the document's kind and subject."""

    def rule(width: str) -> HRFlowable:
        return HRFlowable(
            width=width, thickness=0.6, color=colors.black, spaceBefore=5, spaceAfter=2
        )

    left: list[Flowable] = []
    if form.parent_body:
        left.append(Paragraph(_esc(form.parent_body.upper()), styles["head"]))
    left += [
        Paragraph(_esc(form.issuing_body.upper()), styles["head_bold"]),
        rule("35%"),
        Spacer(1, 2 * mm),
        Paragraph(_esc(form.number_line()), styles["head"]),
    ]
    if lang == "en":
        nation, motto = "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"
        dated = f"{form.place}, {today.day} {today:%B %Y}" if form.place else f"{today:%d %B %Y}"
    else:
        nation, motto, dated = NATION, MOTTO, place_and_date(form.place, today)
    right: list[Flowable] = [
        Paragraph(nation, styles["head_bold"]),
        Paragraph(motto, styles["motto"]),
        rule("62%"),
        Spacer(1, 2 * mm),
        Paragraph(_esc(dated), styles["date"]),
    ]
    return [
        _side_by_side(left, right, 0.4),
        Paragraph(_t(lang, "BÁO CÁO", "REPORT"), styles["title"]),
        Paragraph(_esc(form.subject), styles["subtitle"]),
        rule("25%"),
    ]


def _closing(form: ReportForm, lang: str, styles: dict[str, ParagraphStyle]) -> Flowable:
    """The end of the document: the recipients at left, the signature block at right."""
    recipients: list[Flowable] = [
        Paragraph(_t(lang, "Nơi nhận:", "Recipients:"), styles["recipients_head"])
    ]
    for i, name in enumerate(form.recipients):
        end = "." if i == len(form.recipients) - 1 else ";"
        recipients.append(Paragraph(_esc(f"- {name}{end}"), styles["recipients"]))
    signer: list[Flowable] = [
        Paragraph(_esc(line.upper()), styles["signer"])
        for line in (form.signer_authority, form.signer_title)
        if line
    ]
    signer += [Spacer(1, 28 * mm), Paragraph(_esc(form.signer_name), styles["signer"])]
    return KeepTogether([_side_by_side(recipients, signer, 0.5)])


def _side_by_side(left: list[Flowable], right: list[Flowable], share: float) -> Table:
    """Two columns of the text block's width, ``share`` of it at left, without borders."""
    table = Table([[left, right]], colWidths=[_WIDTH * share, _WIDTH * (1 - share)])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),  # else the page names Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the short rules under the names
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _report_map(
    job: Job, communes: Sequence[dict[str, Any]], cameras: int, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """The map at the extent of what the report covers: a commune's (or a unit's cameras') at
    street scale with a dot per camera by condition; the whole city as density by commune, with
    the conditions given as shares beneath."""
    lang, where = job.lang, job.where
    boundaries = reference.boundary_geojson(reference.COMMUNE)
    points = _map_points(job)
    zoomed = bool(where.communes or where.owners)
    density = None if zoomed else {str(r["commune_code"]): int(r["cameras"]) for r in communes}
    flowable = MapFlowable(
        boundaries,
        points,
        _WIDTH,
        150 * mm,
        focus=where.communes,
        density=density,
        lang=lang,
    )
    if zoomed and job.streets is not None:
        flowable.roads = job.streets(flowable.extent)
    shares = [
        (code, sum(1 for _, _, condition in points if condition == code))
        for code in CONDITION_COLOURS
    ]
    if zoomed:
        legend = " &nbsp; ".join(
            f'<font color="{CONDITION_COLOURS[code].hexval().replace("0x", "#")}">■</font> '
            + _esc(_condition_label(code, lang))
            for code, _ in shares
        )
    else:
        legend = density_legend(lang)
    on_map = len(points)
    share_text = ", ".join(
        f"{_esc(_condition_label(code, lang))} {100 * n / on_map:.0f} %"
        for code, n in shares
        if n and on_map
    )
    source = _t(
        lang,
        "Ranh giới xã, phường (2025): gis.vn, sapnhap.bando.com.vn, qua vietnam-3d-map.",
        "Commune boundaries (2025): gis.vn, sapnhap.bando.com.vn, via vietnam-3d-map.",
    )
    if flowable.roads:
        source += _t(
            lang,
            " Đường phố: © OpenStreetMap contributors (ODbL).",
            " Streets: © OpenStreetMap contributors (ODbL).",
        )
    placed = _t(
        lang,
        f"{_number(on_map, lang)} trong {_number(cameras, lang)} camera có vị trí",
        f"{_number(on_map, lang)} of {_number(cameras, lang)} cameras have a position",
    )
    return [
        flowable,
        Paragraph(legend, styles["small"]),
        Paragraph(
            f"{_t(lang, 'Tình trạng', 'Condition')}: {share_text} ({placed}). {_esc(source)}",
            styles["small"],
        ),
    ]


def _condition_label(code: str | None, lang: str) -> str:
    return (
        vocabulary.label("camera_condition", code, lang) if code else _t(lang, "Chưa rõ", "Unknown")
    )


def _breakdown(
    title: str,
    what: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    lang: str,
    styles: dict[str, ParagraphStyle],
    *,
    note: str | None = None,
) -> list[Flowable]:
    """A numbered breakdown table: STT, ``what``, the ``columns``; "Tổng cộng" adds the rows up
    unless a record counts in several rows, when ``note`` says so instead."""
    body: list[list[Any]] = [
        [str(i), label, *(_number(v, lang) for v in numbers)]
        for i, (label, *numbers) in enumerate(rows, 1)
    ]
    if note is None:
        sums = [sum(int(row[k] or 0) for row in rows) for k in range(1, len(columns) + 1)]
        body.append(["", _t(lang, "Tổng cộng", "Total"), *(_number(v, lang) for v in sums)])
    widths = [9 * mm, 95 * mm, *[(_WIDTH - 104 * mm) / len(columns)] * len(columns)]
    out: list[Flowable] = [
        Paragraph(_esc(title), styles["h3"]),
        data_table(
            [_t(lang, "STT", "No."), what, *columns],
            body,
            widths,
            styles,
            2,
            total_last=note is None,
        ),
    ]
    if note:
        out.append(Paragraph(_esc(note), styles["small"]))
    return out


def _breakdowns_of_cameras(job: Job, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Section I's tables: the cameras by purpose, type, condition, connection, storage and AI."""
    db, where, lang = job.db, job.where, job.lang
    cameras = [_t(lang, "Số camera", "Cameras")]
    total = tables.count(db, "cameras", where)
    several = _t(
        lang,
        f"Một camera có thể thuộc nhiều dòng; tổng số camera là {_number(total, lang)}.",
        f"A camera can count in several rows; there are {_number(total, lang)} cameras.",
    )
    parts = [
        (
            _t(lang, "Theo mục đích sử dụng", "By purpose"),
            _t(lang, "Mục đích", "Purpose"),
            tables.camera_list_breakdown(db, where, "purposes", "camera_purpose", lang),
            several,
        ),
        (
            _t(lang, "Theo loại camera", "By type"),
            _t(lang, "Loại camera", "Type"),
            tables.camera_breakdown(db, where, "camera_type", lang),
            None,
        ),
        (
            _t(lang, "Theo tình trạng", "By condition"),
            _t(lang, "Tình trạng", "Condition"),
            tables.camera_breakdown(db, where, "condition", lang),
            None,
        ),
        (
            _t(lang, "Theo kết nối với trung tâm", "By connection to a centre"),
            _t(lang, "Kết nối", "Connection"),
            tables.camera_breakdown(db, where, "connectivity", lang),
            None,
        ),
        (
            _t(lang, "Theo thời gian lưu trữ", "By storage time"),
            _t(lang, "Thời gian lưu trữ", "Storage"),
            tables.storage_breakdown(db, where, lang),
            None,
        ),
        (
            _t(lang, "Theo chức năng thông minh (AI) đã có", "By AI functions present"),
            _t(lang, "Chức năng AI", "AI function"),
            tables.camera_list_breakdown(db, where, "ai_functions", "ai_function", lang),
            several,
        ),
    ]
    out: list[Flowable] = [
        Paragraph(_t(lang, "4. Camera theo các tiêu chí", "4. Cameras by criterion"), styles["h2"])
    ]
    for number, (title, what, rows, note) in enumerate(parts, 1):
        out += _breakdown(f"4.{number}. {title}", what, cameras, rows, lang, styles, note=note)
    return out


def _shortcomings_and_needs(job: Job, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Sections II to IV: shortcomings and remedies, needs by site kind and purpose, AI needs."""
    db, where, lang = job.db, job.where, job.lang
    counted = [_t(lang, "Số lượng", "Count"), _t(lang, "Kinh phí (đồng)", "Cost (VND)")]
    needed = [_t(lang, "Số nhu cầu", "Needs"), _t(lang, "Số camera đề nghị", "Cameras asked")]
    several = _t(lang, "Một nhu cầu có thể thuộc nhiều dòng.", "A need can count in several rows.")
    return [
        Paragraph(
            _t(
                lang,
                "II. TỒN TẠI, HẠN CHẾ VÀ PHƯƠNG ÁN KHẮC PHỤC",
                "II. SHORTCOMINGS AND REMEDIES",
            ),
            styles["h1"],
        ),
        *_breakdown(
            _t(lang, "1. Theo loại tồn tại, hạn chế", "1. By kind"),
            _t(lang, "Tồn tại, hạn chế", "Shortcoming"),
            counted,
            tables.shortcoming_breakdown(db, where, "kind", lang),
            lang,
            styles,
        ),
        *_breakdown(
            _t(lang, "2. Theo phương án khắc phục", "2. By remedy"),
            _t(lang, "Phương án khắc phục", "Remedy"),
            counted,
            tables.shortcoming_breakdown(db, where, "remedy_kind", lang),
            lang,
            styles,
        ),
        Paragraph(_t(lang, "III. NHU CẦU LẮP ĐẶT MỚI", "III. NEEDS FOR NEW CAMERAS"), styles["h1"]),
        *_breakdown(
            _t(lang, "1. Theo loại địa điểm", "1. By site category"),
            _t(lang, "Loại địa điểm", "Site category"),
            needed,
            tables.need_breakdown(db, where, "category", lang),
            lang,
            styles,
        ),
        *_breakdown(
            _t(lang, "2. Theo mục đích sử dụng", "2. By purpose"),
            _t(lang, "Mục đích", "Purpose"),
            needed,
            tables.need_breakdown(db, where, "purpose", lang),
            lang,
            styles,
            note=several,
        ),
        Paragraph(
            _t(
                lang,
                "IV. NHU CẦU ỨNG DỤNG CÔNG NGHỆ THÔNG MINH, AI",
                "IV. NEEDS FOR SMART (AI) FUNCTIONS",
            ),
            styles["h1"],
        ),
        *_breakdown(
            _t(lang, "Theo chức năng", "By function"),
            _t(lang, "Chức năng AI", "AI function"),
            needed,
            tables.need_breakdown(db, where, "ai", lang),
            lang,
            styles,
            note=several,
        ),
    ]


def _plan_phases(job: Job, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    lang = job.lang
    rows = [
        (_t(lang, f"Giai đoạn {phase}", f"Phase {phase}") if phase else "—", new, other, cost)
        for phase, new, other, cost in tables.plan_by_phase(job.db, job.where)
    ]
    return _breakdown(
        _t(lang, "2. Theo giai đoạn", "2. By phase"),
        _t(lang, "Giai đoạn", "Phase"),
        [
            _t(lang, "Camera lắp mới", "New cameras"),
            _t(lang, "Tận dụng, kết nối, nâng cấp", "Reused, connected, upgraded"),
            _t(lang, "Kinh phí (đồng)", "Cost (VND)"),
        ],
        rows,
        lang,
        styles,
    )


def _written_sections(
    form: ReportForm, lang: str, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """Section VI, as the office wrote it in the report form (one paragraph per line)."""
    out: list[Flowable] = [
        Paragraph(
            _t(
                lang,
                "VI. KHÓ KHĂN, VƯỚNG MẮC; ĐỀ XUẤT, KIẾN NGHỊ",
                "VI. DIFFICULTIES; PROPOSALS",
            ),
            styles["h1"],
        )
    ]
    sections = (
        (_t(lang, "Khó khăn, vướng mắc", "Difficulties"), form.difficulties),
        (_t(lang, "Đề xuất, kiến nghị", "Proposals"), form.proposals),
    )
    for number, (title, text) in enumerate(sections, 1):
        out.append(Paragraph(f"{number}. {_esc(title)}", styles["h2"]))
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for line in lines or [_t(lang, "Không có.", "None.")]:
            out.append(Paragraph(_esc(line), styles["body"]))
    return out


def write_pdf(job: Job, path: Path, today: dt.date) -> dict[str, int]:
    register_fonts()
    styles = _styles()
    db, where, lang = job.db, job.where, job.lang
    job.total = 6
    communes = tables.commune_summary(db, where, lang)
    # The last row may hold the records without a commune ("Chưa xác định").
    named_communes = [r for r in communes if r["commune_code"]]
    units = tables.unit_summary(db, where, lang)
    job.step("PDF", stage=True)
    totals = {t: tables.count(db, t, where) for t in ("sites", "cameras", "shortcomings", "needs")}
    cameras_needed = sum(int(r["cameras_needed"]) for r in communes)
    remedy_cost = sum(int(r["remedy_cost_vnd"]) for r in communes)
    plan = tables.plan_by_decision(db, where)
    tallies = _tallies(job)
    job.step("PDF", stage=True)

    story: list[Flowable] = [*_heading(job.form, lang, today, styles), Spacer(1, 4 * mm)]
    described = where.describe(db, lang)
    if described:
        story.append(
            Paragraph(
                f"<b>{_t(lang, 'Phạm vi', 'Filter')}:</b> " + _esc("; ".join(described)),
                styles["base"],
            )
        )
    if job.omit_sensitive:
        story.append(
            Paragraph(
                _t(
                    lang,
                    "Đã lược bỏ thông tin nhạy cảm: liên hệ của đơn vị, ảnh; vị trí các mục tiêu "
                    "an ninh quốc gia được làm tròn.",
                    "Sensitive fields left out: owner contacts, photos; positions at "
                    "national-security sites rounded.",
                ),
                styles["base"],
            )
        )
    total_rows = [
        (_t(lang, "Địa điểm khảo sát", "Sites surveyed"), totals["sites"]),
        (_t(lang, "Camera hiện có", "Existing cameras"), totals["cameras"]),
        (_t(lang, "Tồn tại, hạn chế", "Shortcomings"), totals["shortcomings"]),
        (_t(lang, "Kinh phí khắc phục dự kiến (đồng)", "Estimated remedy cost (VND)"), remedy_cost),
        (_t(lang, "Nhu cầu lắp đặt mới", "Needs for new cameras"), totals["needs"]),
        (_t(lang, "Số camera các đơn vị đề nghị", "Cameras the units asked for"), cameras_needed),
        (
            _t(lang, "Camera lắp mới theo phương án", "New cameras in the plan"),
            plan["new"]["proposed"] + plan["new"]["accepted"],
        ),
        (
            _t(
                lang,
                "Camera hiện có tận dụng, kết nối, nâng cấp theo phương án",
                "Existing cameras reused, connected, upgraded in the plan",
            ),
            sum(plan[d]["proposed"] + plan[d]["accepted"] for d in _EXISTING),
        ),
        (
            _t(lang, "Kinh phí phương án dự kiến (đồng)", "Estimated plan cost (VND)"),
            sum(v["cost"] for v in plan.values()),
        ),
        (_t(lang, "Xã, phường có dữ liệu", "Communes with records"), len(named_communes)),
    ]
    story += [
        Paragraph(
            _t(lang, "I. HIỆN TRẠNG HỆ THỐNG CAMERA GIÁM SÁT", "I. THE CAMERAS AS THEY ARE"),
            styles["h1"],
        ),
        Paragraph(_t(lang, "1. Tổng hợp chung", "1. Totals"), styles["h2"]),
        data_table(
            [_t(lang, "Chỉ tiêu", "Item"), _t(lang, "Số lượng", "Count")],
            [(label, _number(n, lang)) for label, n in total_rows],
            [110 * mm, 40 * mm],
            styles,
            1,
        ),
    ]
    story += [
        KeepTogether(
            [
                Paragraph(
                    _t(lang, "2. Bản đồ camera theo tình trạng", "2. Map of cameras by condition")
                    if where.communes or where.owners
                    else _t(
                        lang,
                        "2. Bản đồ mật độ camera theo xã, phường",
                        "2. Map of camera density by commune",
                    ),
                    styles["h2"],
                ),
                *_report_map(job, communes, totals["cameras"], styles),
            ]
        ),
        PageBreak(),
    ]
    job.step("PDF", stage=True)
    top = sorted(named_communes, key=lambda r: (-int(r["cameras"]), str(r["commune_code"])))
    story += [
        Paragraph(_t(lang, "3. Biểu đồ", "3. Charts"), styles["h2"]),
        bar_chart(
            _t(
                lang,
                f"Camera hiện có theo xã, phường ({min(TOP_COMMUNES, len(top))} nơi nhiều nhất)",
                f"Existing cameras by commune (top {min(TOP_COMMUNES, len(top))})",
            ),
            [(str(r["commune"]), int(r["cameras"])) for r in top[:TOP_COMMUNES]],
        ),
        Spacer(1, 3 * mm),
        bar_chart(_t(lang, "Camera theo mục đích", "Cameras by purpose"), tallies["purpose"]),
        Spacer(1, 3 * mm),
        bar_chart(_t(lang, "Camera theo tình trạng", "Cameras by condition"), tallies["condition"]),
        Spacer(1, 3 * mm),
        bar_chart(
            _t(lang, "Tồn tại, hạn chế theo loại", "Shortcomings by kind"), tallies["shortcoming"]
        ),
        Spacer(1, 3 * mm),
        bar_chart(
            _t(lang, "Nhu cầu lắp mới theo mức ưu tiên", "Needs by priority"), tallies["priority"]
        ),
        PageBreak(),
    ]
    job.step("PDF", stage=True)
    story += [
        *_breakdowns_of_cameras(job, styles),
        Paragraph(_t(lang, "5. Tổng hợp theo xã, phường", "5. Summary by commune"), styles["h2"]),
        _summary_table(communes, "commune", _COMMUNE_COUNTS, lang, styles),
        PageBreak(),
        KeepTogether(
            [
                Paragraph(
                    _t(
                        lang,
                        f"6. Tổng hợp theo đơn vị chủ quản ({min(TOP_UNITS, len(units))} đơn vị "
                        "nhiều camera nhất, các đơn vị khác gộp một dòng)",
                        f"6. Summary by owner unit (the {min(TOP_UNITS, len(units))} with most "
                        "cameras, the others in one row)",
                    ),
                    styles["h2"],
                ),
            ]
        ),
        _summary_table(units, "unit", _UNIT_COUNTS, lang, styles, shown=TOP_UNITS),
        *_shortcomings_and_needs(job, styles),
        Paragraph(_t(lang, "V. PHƯƠNG ÁN TỔNG THỂ", "V. THE CITY CAMERA PLAN"), styles["h1"]),
        Paragraph(_t(lang, "1. Theo phương án", "1. By decision"), styles["h2"]),
        data_table(
            [
                _t(lang, "Phương án", "Decision"),
                _t(lang, "Đề xuất", "Proposed"),
                _t(lang, "Đã chấp thuận", "Accepted"),
                _t(lang, "Kinh phí dự kiến (đồng)", "Estimated cost (VND)"),
            ],
            [
                (
                    vocabulary.label("plan_decision", decision, lang),
                    _number(v["proposed"], lang),
                    _number(v["accepted"], lang),
                    _number(v["cost"], lang),
                )
                for decision, v in plan.items()
            ]
            + [
                (
                    _t(lang, "Tổng cộng", "Total"),
                    _number(sum(v["proposed"] for v in plan.values()), lang),
                    _number(sum(v["accepted"] for v in plan.values()), lang),
                    _number(sum(v["cost"] for v in plan.values()), lang),
                )
            ],
            [70 * mm, 25 * mm, 30 * mm, 45 * mm],
            styles,
            1,
            total_last=True,
        ),
        Spacer(1, 6 * mm),
        *_plan_phases(job, styles),
        *_written_sections(job.form, lang, styles),
        Spacer(1, 8 * mm),
        _closing(job.form, lang, styles),
    ]
    job.step("PDF", stage=True)
    job.check()

    def draft_mark(canvas: Any, doc: Any) -> None:
        # A draft says so on every page, at the foot, where no content is drawn.
        if not job.draft:
            return
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 11)
        canvas.setFillColor(colors.HexColor("#b71c1c"))
        canvas.drawCentredString(
            _MARGINS["left"] + _WIDTH / 2, _MARGINS["bottom"] / 2, draft_text(lang)
        )
        canvas.restoreState()

    def page_number(canvas: Any, doc: Any) -> None:
        # At the top centre, from the second page on (Nghị định 30/2020/NĐ-CP).
        canvas.saveState()
        canvas.setFont(FONT, 13)
        canvas.drawCentredString(
            _MARGINS["left"] + _WIDTH / 2, A4[1] - _MARGINS["top"] / 2 - 2 * mm, str(doc.page)
        )
        canvas.restoreState()
        draft_mark(canvas, doc)

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=_MARGINS["left"],
        rightMargin=_MARGINS["right"],
        topMargin=_MARGINS["top"],
        bottomMargin=_MARGINS["bottom"],
        title=(f"{draft_text(lang)} – " if job.draft else "")
        + f"{job.form.number_line()} – {job.form.subject}",
        author=job.form.issuing_body or "FieldSurvey",
        lang=lang,
        initialFontName=FONT,  # else every page names Helvetica, a font the file does not hold
    )
    doc.build(story, onFirstPage=draft_mark, onLaterPages=page_number)
    job.step("PDF", stage=True)
    return {"cameras": totals["cameras"], "communes": len(named_communes), "units": len(units)}
