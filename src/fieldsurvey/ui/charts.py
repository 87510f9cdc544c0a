"""The dashboard's charts: one horizontal bar chart per figure of core/dashboard, one tab each."""

from __future__ import annotations

import html
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

from fieldsurvey.ui.i18n import tr

# Charts of many groups show the largest ones and one bar for all the others.
TOP = {"cameras_by_commune": 20, "cameras_by_owner": 15}
BAR_COLOUR = QColor("#2b6cb0")


def chart_titles() -> dict[str, str]:
    return {
        "cameras_by_commune": tr("Camera theo xã/phường (20 nơi nhiều nhất)"),
        "cameras_by_purpose": tr("Camera theo mục đích sử dụng"),
        "cameras_by_condition": tr("Camera theo tình trạng"),
        "cameras_by_owner": tr("Camera theo đơn vị chủ quản (15 đơn vị nhiều nhất)"),
        "cameras_by_connectivity": tr("Camera theo kết nối"),
        "shortcomings_by_kind": tr("Tồn tại, hạn chế theo loại"),
        "needs_by_priority": tr("Nhu cầu lắp đặt theo mức ưu tiên"),
    }


def tab_titles() -> dict[str, str]:
    return {
        "cameras_by_commune": tr("Xã/phường"),
        "cameras_by_purpose": tr("Mục đích"),
        "cameras_by_condition": tr("Tình trạng"),
        "cameras_by_owner": tr("Chủ quản"),
        "cameras_by_connectivity": tr("Kết nối"),
        "shortcomings_by_kind": tr("Tồn tại"),
        "needs_by_priority": tr("Nhu cầu"),
    }


def bars(name: str, rows: list[dict[str, Any]], lang: str) -> list[tuple[str, int]]:
    """(label, count) per bar, the largest groups of a long chart first and the rest summed."""
    label = "label_en" if lang == "en" else "label_vi"
    top = TOP.get(name)
    if top is None or len(rows) <= top:
        return [(str(r[label]), int(r["count"])) for r in rows]
    ranked = sorted(rows, key=lambda r: -int(r["count"]))
    rest = ranked[top:]
    return [(str(r[label]), int(r["count"])) for r in ranked[:top]] + [
        (tr("Còn lại ({0} nơi)").format(len(rest)), sum(int(r["count"]) for r in rest))
    ]


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
            view = self.chart_view(name, title, shown)
            self.addTab(view, tabs[name])

    def chart_view(self, name: str, title: str, shown: list[tuple[str, int]]) -> QChartView:
        # A horizontal bar chart draws its first category at the bottom: the largest goes last.
        ordered = list(reversed(shown))
        bar_set = QBarSet(tr("Số lượng"))
        bar_set.setColor(BAR_COLOUR)
        bar_set.append([float(count) for _, count in ordered])
        bar_set.setLabelColor(QColor("black"))
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        categories = QBarCategoryAxis()
        # Qt Charts draws axis labels as HTML: names (owner units) are escaped.
        categories.append([html.escape(label) for label, _ in ordered])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([count for _, count in shown] + [1]) * 1.15)
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
