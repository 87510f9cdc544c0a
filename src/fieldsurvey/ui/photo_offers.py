"""What a new photo suggests for the record it was added to, asked one at a time in a banner
above the editor's form: its position (with its distance in readable units, and a warning
when it lies outside Hà Nội) or its compass heading as a camera's view direction. Several
photos' positions are decided together in a dialog instead (``ui/photo_positions.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from fieldsurvey.core.photos.positions import PhotoPosition
from fieldsurvey.core.views import DEFAULT_FIELD_OF_VIEW
from fieldsurvey.ui.i18n import tr
from fieldsurvey.ui.values import shown_distance

BACKGROUND = "#fff6d5"
WARNING_BACKGROUND = "#fde2e1"


@dataclass
class Offer:
    """Values a new photo suggests for the open record."""

    text: str
    values: list[tuple[str, Any]]
    accept: str
    """The accepting button's label."""
    warn: bool = False
    """Shown as a warning (a position outside Hà Nội)."""


def position_offer(choice: PhotoPosition) -> Offer:
    """One photo's position: the sentence says how far from the recorded position it was
    taken, or that it is outside Hà Nội, and so does the accepting button."""
    if choice.distance_m is None:
        if choice.in_hanoi:
            text = tr("Ảnh có tọa độ GPS ({0:.6f}, {1:.6f}). Dùng làm vị trí?")
        else:
            text = tr(
                "Ảnh có tọa độ GPS ({0:.6f}, {1:.6f}) nằm ngoài Hà Nội. Chỉ dùng làm vị trí "
                "nếu chắc chắn bản ghi ở đó."
            )
        text = text.format(choice.lat, choice.lon)
    else:
        if choice.in_hanoi:
            text = tr(
                "Ảnh được chụp cách vị trí đã ghi {0}. Giữ vị trí đã ghi hay dùng vị trí của ảnh?"
            )
        else:
            text = tr(
                "Ảnh được chụp ngoài Hà Nội, cách vị trí đã ghi {0}. "
                "Giữ vị trí đã ghi hay dùng vị trí của ảnh?"
            )
        text = text.format(shown_distance(choice.distance_m))
    accept = tr("Dùng giá trị của ảnh") if choice.in_hanoi else tr("Vẫn dùng vị trí ngoài Hà Nội")
    return Offer(text, list(choice.values().items()), accept, warn=not choice.in_hanoi)


def heading_offer(views_json: str | None, heading: float) -> Offer:
    """A photo's compass heading as the direction of a camera's first view."""
    views = json.loads(views_json or "[]")
    first = dict(views[0]) if views else {"angle": DEFAULT_FIELD_OF_VIEW, "tilt": None}
    first["direction"] = round(heading, 1)
    text = tr("Ảnh có hướng la bàn {0:.0f}°. Dùng làm hướng nhìn của camera?").format(heading)
    return Offer(text, [("views", [first, *views[1:]])], tr("Dùng giá trị của ảnh"))


class OfferBanner(QFrame):
    """The offers waiting for an answer, the first one shown with its two buttons."""

    taken = Signal(list)
    """The accepted offer's [(field, value)] for the open record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.offers: list[Offer] = []
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(lambda: self.answer(True))
        self.keep_button = QPushButton(tr("Giữ nguyên"), self)
        self.keep_button.clicked.connect(lambda: self.answer(False))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.keep_button)
        self.hide()

    def add(self, offer: Offer) -> None:
        self.offers.append(offer)

    def clear(self) -> None:
        self.offers.clear()
        self.hide()

    def show_next(self) -> None:
        """Show the first offer waiting, or nothing."""
        if not self.offers:
            self.hide()
            return
        offer = self.offers[0]
        self.label.setText(offer.text)
        self.accept_button.setText(offer.accept)
        background = WARNING_BACKGROUND if offer.warn else BACKGROUND
        self.setStyleSheet(f"QFrame {{ background: {background}; }}")
        self.show()

    def text(self) -> str:
        """The offer shown ("" when none)."""
        return self.label.text() if not self.isHidden() else ""

    def answer(self, accept: bool) -> None:
        """Take (or leave) the offer shown; then show the next one, if any."""
        if not self.offers:
            return
        offer = self.offers.pop(0)
        if accept:
            self.taken.emit(offer.values)
        self.show_next()
