"""The map's "go to" box: type a street, a place, a point of interest, a site of the workspace
or coordinates (accents optional), pick a hit, and the map flies there.

The basemap's place index is built once, on a worker thread, the first time the box is used
(progress in the status bar); searching it takes about a millisecond, so hits are looked up as
the person types."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle, QWidget

from fieldsurvey.core.map import basemaps, places
from fieldsurvey.core.settings import cache_dir
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.background import Task, run_in_background
from fieldsurvey.ui.i18n import error_text

TYPING_PAUSE_MS = 150
HITS = 12

translate = QCoreApplication.translate


def kind_label(kind: str) -> str:
    """What a hit is, in the person's language (the basemap's own word when we have none)."""
    labels = {
        "street": translate("GoTo", "đường phố"),
        "rail": translate("GoTo", "đường sắt"),
        "site": translate("GoTo", "địa điểm khảo sát"),
        "coordinates": translate("GoTo", "tọa độ"),
        "marketplace": translate("GoTo", "chợ"),
        "hospital": translate("GoTo", "bệnh viện"),
        "clinic": translate("GoTo", "phòng khám"),
        "school": translate("GoTo", "trường học"),
        "university": translate("GoTo", "trường đại học"),
        "bank": translate("GoTo", "ngân hàng"),
        "hotel": translate("GoTo", "khách sạn"),
        "bus_station": translate("GoTo", "bến xe"),
        "station": translate("GoTo", "nhà ga"),
        "police": translate("GoTo", "công an"),
        "townhall": translate("GoTo", "trụ sở UBND"),
        "place_of_worship": translate("GoTo", "đình, chùa, nhà thờ"),
        "museum": translate("GoTo", "bảo tàng"),
        "park": translate("GoTo", "công viên"),
        "lake": translate("GoTo", "hồ"),
        "river": translate("GoTo", "sông"),
        "supermarket": translate("GoTo", "siêu thị"),
        "neighbourhood": translate("GoTo", "khu phố"),
        "quarter": translate("GoTo", "khu vực"),
        "suburb": translate("GoTo", "khu vực"),
        "village": translate("GoTo", "làng, thôn"),
        "hamlet": translate("GoTo", "làng, thôn"),
        "town": translate("GoTo", "địa danh"),
        "city": translate("GoTo", "thành phố"),
    }
    return labels.get(kind, kind.replace("_", " "))


class GoToBox(QLineEdit):
    """A search box whose hits drop down under it; ``chosen`` is emitted with the picked one."""

    chosen = Signal(float, float, str)
    """(lat, lon, name) of the hit the person picked."""
    status = Signal(str, int)
    """A message for the status bar, with how long to show it (ms)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.basemap: Path | None = None  # the one the map draws, looked up on first use
        self.index: Path | None = None
        self.building = False
        self.hits: list[places.Place] = []
        self.centre: tuple[float, float] | None = None
        self.setClearButtonEnabled(True)
        # The hint names its key when the box is wide enough (``resizeEvent``).
        self.hint = translate("GoTo", "Tới đường, địa danh, tọa độ… (Ctrl+G)")
        self.setPlaceholderText(self.hint)
        self.setToolTip(
            translate(
                "GoTo",
                "Gõ tên đường, địa danh, nơi công cộng hoặc địa điểm khảo sát (không cần dấu), "
                "hoặc tọa độ; chọn một kết quả để bản đồ tới đó",
            )
        )
        self.setMinimumWidth(220)
        self.model = QStringListModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(HITS)
        self.completer_.setWidget(self)
        activated = self.completer_.activated[QModelIndex]  # type: ignore[index]
        activated.connect(lambda index: self.go(index.row()))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.textEdited.connect(self._on_typed)
        self.returnPressed.connect(lambda: self.go(0, search_first=True))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The whole hint when it fits, else without its key (beside the map on a laptop)."""
        super().resizeEvent(event)
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        room = self.width() - 2 * frame - 4 - (self.fontMetrics().height() + 6)  # clear button
        fits = self.fontMetrics().horizontalAdvance(self.hint) <= room
        self.setPlaceholderText(self.hint if fits else self.hint.replace(" (Ctrl+G)", ""))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.prepare()

    def _on_typed(self, _text: str) -> None:
        self.prepare()
        self.timer.start()

    def prepare(self) -> None:
        """Build the basemap's place index on a worker thread if the cache has none yet."""
        if self.index is not None or self.building:
            return
        self.building = True
        task = Task()
        task.progress.connect(
            lambda done, total, what: self.status.emit(f"{what}… {done}/{total}", 2000)
        )
        basemap = self.basemap = self.basemap or basemaps.active()

        def done(index: Path) -> None:
            self.building = False
            self.index = index
            self.status.emit(translate("GoTo", "Đã sẵn sàng tìm địa danh."), 3000)
            if self.text().strip():
                self.search()

        def failed(error: BaseException) -> None:
            self.building = False
            self.status.emit(error_text(error), 10000)

        run_in_background(
            self,
            lambda: places.build_index(basemap, cache_dir(), progress=task.report),
            done,
            failed,
        )

    def search(self) -> list[places.Place]:
        """The hits for what is typed now: the workspace's sites, then the basemap's places."""
        text = self.text().strip()
        found: list[places.Place] = []
        if text:
            found = places.workspace_places(self.workspace.db, text, limit=4, near=self.centre)
            if self.index is not None:
                found += places.search(self.index, text, limit=HITS, near=self.centre)
            elif not found:  # coordinates need no index
                found = places.search_coordinates(text)
        self.hits = found[:HITS]
        self.model.setStringList([f"{hit.name} — {kind_label(hit.kind)}" for hit in self.hits])
        if self.hits and self.hasFocus():
            self.completer_.complete()
        elif not self.hits and text and self.index is not None:
            self.status.emit(translate("GoTo", "Không tìm thấy “{0}”.").format(text), 4000)
        return self.hits

    def go(self, row: int, *, search_first: bool = False) -> None:
        """Fly to hit ``row`` (Enter: the first hit of what is typed)."""
        if search_first:
            self.timer.stop()
            self.search()
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()
        self.chosen.emit(hit.lat, hit.lon, hit.name)
