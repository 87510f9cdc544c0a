"""The dashboard's charts: one horizontal bar chart per figure of core/dashboard, one tab each."""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QTabWidget, QWidget

from fieldsurvey.ui.fields import field_label
from fieldsurvey.ui.i18n import tr

# Charts of many groups show the largest ones and one bar for all the others.
TOP = {"cameras_by_commune": 20, "cameras_by_owner": 15}
BAR_COLOUR = QColor("#2b6cb0")
EXTRA_COLOUR = QColor("#dd6b20")


def chart_titles() -> dict[str, str]:
    return {
        "cameras_by_commune": tr("Camera theo xã, phường (20 nơi nhiều nhất)"),
        "cameras_by_purpose": tr("Camera theo mục đích sử dụng"),
        "cameras_by_condition": tr("Camera theo tình trạng"),
        "cameras_by_owner": tr("Camera theo đơn vị chủ quản (15 đơn vị nhiều nhất)"),
        "cameras_by_connectivity": tr("Camera theo kết nối"),
        "shortcomings_by_kind": tr("Tồn tại, hạn chế theo loại"),
        "needs_by_priority": tr("Nhu cầu lắp đặt theo mức ưu tiên"),
    }


def tab_titles() -> dict[str, str]:
    return {
        "cameras_by_commune": field_label("commune_code"),
        "cameras_by_purpose": field_label("purposes"),
        "cameras_by_condition": field_label("condition"),
        "cameras_by_owner": tr("Chủ quản"),
        "cameras_by_connectivity": tr("Kết nối"),
        "shortcomings_by_kind": tr("Tồn tại"),
        "needs_by_priority": tr("Nhu cầu"),
    }


def bars(name: str, rows: list[dict[str, Any]], lang: str) -> list[tuple[str, int]]:
    """(label, count) per bar: every group, or the largest ones of a long chart (the rest is
    said in the title, ``rest``: a bar of their sum would dwarf every other)."""
    label = "label_en" if lang == "en" else "label_vi"
    top = TOP.get(name)
    ranked = rows if top is None else sorted(rows, key=lambda r: -int(r["count"]))[:top]
    return [(str(r[label]), int(r["count"])) for r in ranked]


def rest(name: str, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """(groups, records) a long chart leaves out of its bars."""
    top = TOP.get(name)
    if top is None or len(rows) <= top:
        return 0, 0
    left = sorted(rows, key=lambda r: -int(r["count"]))[top:]
    return len(left), sum(int(r["count"]) for r in left)


def round_step(largest: float) -> float:
    """A round tick interval (1, 2 or 5 × 10ⁿ) giving about five ticks up to ``largest``."""
    rough = max(largest, 1) / 5
    magnitude = 10 ** math.floor(math.log10(rough))
    return float(next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= rough))


class ChartsView(QTabWidget):
    """A tab per chart; ``sets[name]`` is the chart's one bar set."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.sets: dict[str, QBarSet] = {}
        self.labels: dict[str, list[str]] = {}

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.clear()
        self.sets.clear()
        titles, tabs = chart_titles(), tab_titles()
        for name, title in titles.items():
            shown = bars(name, figures[name], self.lang)
            groups, records = rest(name, figures[name])
            if groups:
                title += " — " + tr("các nơi khác: {0} ({1} nơi)").format(records, groups)
            extra = None
            if name == "needs_by_priority":  # every group is a bar, in the figures' order
                extra = (
                    tr("Số camera đề nghị"),
                    [int(r.get("cameras", 0)) for r in figures[name]],
                )
            view = self.chart_view(name, title, shown, extra)
            self.addTab(view, tabs[name])

    def chart_view(
        self,
        name: str,
        title: str,
        shown: list[tuple[str, int]],
        extra: tuple[str, list[int]] | None = None,
    ) -> QChartView:
        """One chart; ``extra``: a second bar per group (its name, its values in ``shown``'s
        order), e.g. the cameras the needs ask for beside the needs."""
        # A horizontal bar chart draws its first category at the bottom: the largest goes last.
        ordered = list(reversed(shown))
        bar_set = QBarSet(tr("Số nhu cầu") if extra else tr("Số lượng"))
        bar_set.setColor(BAR_COLOUR)
        bar_set.append([float(count) for _, count in ordered])
        bar_set.setLabelColor(QColor("black"))
        series = QHorizontalBarSeries()
        series.append(bar_set)
        largest = max([count for _, count in shown] + [1])
        if extra is not None:
            second = QBarSet(extra[0])
            second.setColor(EXTRA_COLOUR)
            second.append([float(v) for v in reversed(extra[1])])
            second.setLabelColor(QColor("black"))
            series.append(second)
            largest = max([largest, *extra[1]])
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        if extra is None:
            chart.legend().hide()
        else:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        categories = QBarCategoryAxis()
        # Qt Charts draws axis labels as HTML: names (owner units) are escaped. Long names
        # are drawn whole, in a smaller font, rather than cut to "…".
        categories.append([html.escape(label) for label, _ in ordered])
        categories.setTruncateLabels(False)
        font = categories.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        categories.setLabelsFont(font)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        # Ticks at round numbers, the axis ending on one with room for the bars' labels.
        step = round_step(largest * 1.1)
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        values.setRange(0, math.ceil(largest * 1.1 / step) * step)
        values.setTitleText(tr("Số lượng"))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.sets[name] = bar_set
        self.labels[name] = [label for label, _ in shown]
        return view

    def current_picture(self) -> QPixmap:
        widget = self.currentWidget()
        return widget.grab() if widget is not None else QPixmap()
