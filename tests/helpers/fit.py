"""Whether a window's texts can be read whole: each visible label, check box, radio button,
push button, tool button, combo box, progress bar and group box compared with the width its
text needs in its own font (plus the widget's margins, indicator or arrow).

A text cut short on purpose is allowed when it says so (it contains "…") and carries the full
text as its tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QToolBar,
    QToolButton,
    QWidget,
)

# Rounding between the font's advance and the style's drawing.
SLACK = 2


def plain(text: str) -> str:
    """A button's text as drawn: "&Open" is "Open", "&&" is "&"."""
    return re.sub(r"&(.)", r"\1", text)


def _advance(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _elided_on_purpose(text: str, widget: QWidget) -> bool:
    return "…" in text and bool(widget.toolTip())


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or not label.pixmap().isNull():
        return None
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    frame = label.width() - label.contentsRect().width() + 2 * label.margin()
    if label.wordWrap():
        # Wrapped: every line must be shown, so the height it needs at its width.
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px of height, has {label.height()}"
        return None
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        width = round(document.idealWidth())
    else:
        # with a buddy, "&" marks the mnemonic and is not drawn
        width = _advance(label, plain(text) if label.buddy() is not None else text)
    if _elided_on_purpose(text, label):
        return None
    if width + frame > label.width() + SLACK:
        return f"needs {width + frame} px, has {label.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = plain(button.text())
    if not text.strip() or _elided_on_purpose(text, button):
        return None
    style = button.style()
    width = _advance(button, text)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    if isinstance(button, QCheckBox | QRadioButton):
        metric = (
            (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_CheckBoxLabelSpacing)
            if isinstance(button, QCheckBox)
            else (
                QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
                QStyle.PixelMetric.PM_RadioButtonLabelSpacing,
            )
        )
        needed = width + icon + sum(style.pixelMetric(m, None, button) for m in metric)
    elif isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        if button.objectName() == "qt_toolbar_ext_button":
            return None
        needed = width + icon + 6
        action = button.defaultAction()
        if button.menu() is not None or (action is not None and action.menu() is not None):
            needed += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    elif isinstance(button, QPushButton):
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
        needed = width + icon + (0 if button.isFlat() else margin) + frame
        if button.menu() is not None:
            needed += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    else:
        return None
    if needed > button.width() + SLACK:
        return f"needs {needed} px, has {button.width()}"
    return None


def _combo_problem(box: QComboBox) -> str | None:
    text = box.currentText()
    if not text.strip() or box.isEditable() or box.toolTip() == text:
        return None  # a combo box that shortens its text shows it whole as its tooltip
    option = QStyleOptionComboBox()
    option.initFrom(box)
    option.frame = box.hasFrame()
    size = QSize(_advance(box, text), box.fontMetrics().height())
    if not box.itemIcon(box.currentIndex()).isNull():
        size.setWidth(size.width() + box.iconSize().width() + 4)
    needed = box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, box)
    if needed.width() > box.width() + SLACK:
        return f"needs {needed.width()} px, has {box.width()}"
    return None


def _placeholder_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if edit.text() or not text.strip():
        return None
    margins = edit.textMargins()
    frame = 2 * edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    needed = _advance(edit, text) + frame + 4 + margins.left() + margins.right()
    if edit.isClearButtonEnabled():
        needed += edit.fontMetrics().height() + 6
    if needed > edit.width() + SLACK:
        return f"needs {needed} px, has {edit.width()}"
    return None


def _progress_problem(bar: QProgressBar) -> str | None:
    text = bar.text()
    if not bar.isTextVisible() or not text.strip():
        return None
    needed = _advance(bar, text) + 4
    if needed > bar.width() + SLACK:
        return f"needs {needed} px, has {bar.width()}"
    return None


def _group_problem(box: QGroupBox) -> str | None:
    text = plain(box.title())
    if not text.strip():
        return None
    needed = _advance(box, text) + 16
    if box.isCheckable():
        needed += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
    if needed > box.width() + SLACK:
        return f"needs {needed} px, has {box.width()}"
    return None


def describe(widget: QWidget) -> str:
    names = []
    while widget is not None and len(names) < 4:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))


def _hidden_by(widget: QWidget, root: QWidget) -> QWidget | None:
    """The widget's container that cuts part of it off (a scroll area's contents excepted:
    they scroll into view), or None."""
    child = widget
    while child is not root and (parent := child.parentWidget()) is not None:
        scroller = parent.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and parent is scroller.viewport():
            return None
        if child.isWindow():
            return None
        rect = child.geometry()
        if rect.width() and not parent.rect().contains(rect):
            return parent
        child = parent
    return None


def cut_texts(root: QWidget) -> list[str]:
    """Each visible text of ``root`` (and its children) drawn narrower than it needs, or cut
    off by its container: its class, where it is, the text and how much room it needs and
    has."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        container = _hidden_by(widget, root)
        if container is not None:
            found.append(
                f"{type(widget).__name__} {describe(widget)}: cut off by {describe(container)} "
                f"({widget.mapTo(container, widget.rect().topLeft())} {widget.size()} in "
                f"{container.size()})"
            )
            continue
        problem = None
        text = ""
        if isinstance(widget, QLabel):
            problem, text = _label_problem(widget), widget.text()
        elif isinstance(widget, QAbstractButton):
            problem, text = _button_problem(widget), widget.text()
        elif isinstance(widget, QComboBox):
            problem, text = _combo_problem(widget), widget.currentText()
        elif isinstance(widget, QLineEdit):
            problem, text = _placeholder_problem(widget), widget.placeholderText()
        elif isinstance(widget, QProgressBar):
            problem, text = _progress_problem(widget), widget.text()
        elif isinstance(widget, QGroupBox):
            problem, text = _group_problem(widget), widget.title()
        if problem is not None:
            found.append(f"{type(widget).__name__} {describe(widget)} {text[:80]!r}: {problem}")
    return found


def overflowing_toolbars(root: QWidget) -> list[str]:
    """Toolbars whose items do not all fit (some hide behind the » button)."""
    return [
        bar.windowTitle()
        for bar in root.findChildren(QToolBar)
        if bar.isVisible()
        and any(
            button.isVisible() for button in bar.findChildren(QToolButton, "qt_toolbar_ext_button")
        )
    ]
