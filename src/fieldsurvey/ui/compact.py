"""What keeps the window readable on a 1366×768 laptop: a grid of equal cells that puts as many
side by side as the width allows (ticked choices shown whole in the form, with no scroll bar
of their own), a combo box that shortens a text too long for it with "…" and shows the whole
text as its tooltip, and a window shown maximised when it would not fit the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLayout,
    QLayoutItem,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
    QWidgetItem,
)


class FlowGrid(QLayout):
    """Items in cells of one width (the widest item's), as many to a row as fit, row after
    row; the layout asks for the height its rows need at the width it is given."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    # -- QLayout's items -----------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ---------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell(self) -> QSize:
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        return size

    def _columns(self, width: int) -> int:
        cell = self._cell().width()
        if cell <= 0:
            return 1
        return max(1, min(len(self._shown()), (width + self.spacing()) // (cell + self.spacing())))

    def _margins_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _height(self, columns: int) -> int:
        count = len(self._shown())
        rows = -(-count // columns) if count else 0
        spacing = self.spacing() * max(0, rows - 1)
        return rows * self._cell().height() + spacing + self._margins_size().height()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(self._columns(width - self._margins_size().width()))

    def minimumSize(self) -> QSize:
        """One column."""
        cell = self._cell()
        return QSize(cell.width() + self._margins_size().width(), self._height(1))

    def sizeHint(self) -> QSize:
        """Two columns (when there are two items or more)."""
        columns = min(2, max(1, len(self._shown())))
        cell = self._cell()
        width = columns * cell.width() + (columns - 1) * self.spacing()
        return QSize(width + self._margins_size().width(), self._height(columns))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        inner = self.contentsRect()
        columns = self._columns(inner.width())
        cell = self._cell()
        width = min(cell.width(), inner.width())
        for index, item in enumerate(self._shown()):
            row, column = divmod(index, columns)
            where = QPoint(
                inner.x() + column * (cell.width() + self.spacing()),
                inner.y() + row * (cell.height() + self.spacing()),
            )
            item.setGeometry(QRect(where, QSize(width, cell.height())))


class ElidedComboBox(QComboBox):
    """A combo box that can be narrower than its longest choice: the chosen text is shortened
    with "…" to fit, and then the whole of it is the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _i: self._update_tooltip())

    def _text_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return rect.width()

    def is_elided(self) -> bool:
        """Whether the chosen text is shown shortened."""
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self._text_width()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.currentText() if self.is_elided() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def showPopup(self) -> None:
        """The choices listed whole, however narrow the box."""
        view = self.view()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        view.setMinimumWidth(view.sizeHintForColumn(0) + scroll_bar + 2 * view.frameWidth())
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, self._text_width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


# Room left on the screen for the window's title bar.
TITLE_BAR = 32


def show_on_screen(window: QWidget) -> None:
    """Show a window as it is when it fits the screen's free area, maximised when it does not
    (a 1366×768 laptop, less its taskbar)."""
    screen = window.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry().size() if screen is not None else None
    if free is not None and (
        window.width() > free.width() or window.height() + TITLE_BAR > free.height()
    ):
        window.showMaximized()
    else:
        window.show()
