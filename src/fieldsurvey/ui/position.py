"""The laptop's own position ("my position"): from the operating system's location service, from
an NMEA GPS receiver on a serial (USB) port, or replayed from an NMEA log file (training, tests).

QtPositioning reads the sentences; a receiver's sentences are data like any other input: only
a valid fix with finite coordinates is passed on."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject, Signal
from PySide6.QtPositioning import (
    QGeoPositionInfo,
    QGeoPositionInfoSource,
    QNmeaPositionInfoSource,
)
from PySide6.QtSerialPort import QSerialPort, QSerialPortInfo

# A receiver's accuracy is its HDOP times the range error of one satellite (metres, typical).
USER_EQUIVALENT_RANGE_ERROR_M = 5.0


def serial_ports() -> list[tuple[str, str]]:
    """(port name, description) of every serial port of this computer, for Settings."""
    return [
        (info.portName(), info.description() or info.manufacturer() or "")
        for info in QSerialPortInfo.availablePorts()
    ]


class MyPosition(QObject):
    """Starts and stops one position source and says where the laptop is."""

    moved = Signal(float, float, float)
    """(lat, lon, horizontal accuracy in metres; 0 when the source does not say)"""
    failed = Signal(str)
    """Why there is no position, in a sentence for the status bar."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source: QGeoPositionInfoSource | None = None
        self.device: QIODevice | None = None
        self.last: tuple[float, float, float] | None = None

    @property
    def running(self) -> bool:
        return self.source is not None

    def start(self, port: str = "", baud: int = 9600, *, log: Path | None = None) -> bool:
        """Start the system's service (no ``port``), the receiver on ``port``, or replay
        ``log``; False (and ``failed`` said why) when it cannot start."""
        self.stop()
        source: QGeoPositionInfoSource | None
        if log is not None or port:
            if log is not None:
                mode = QNmeaPositionInfoSource.UpdateMode.SimulationMode
                device: QIODevice = QFile(str(log), self)
                opened = device.open(QIODevice.OpenModeFlag.ReadOnly)
                where = log.name
            else:
                mode = QNmeaPositionInfoSource.UpdateMode.RealTimeMode
                device = QSerialPort(port, self)
                device.setBaudRate(baud)
                opened = device.open(QIODevice.OpenModeFlag.ReadOnly)
                where = port
            if not opened:
                self.failed.emit(
                    self.tr("Không mở được bộ thu GPS {0}: {1}").format(where, device.errorString())
                )
                device.deleteLater()
                return False
            nmea = QNmeaPositionInfoSource(mode, self)
            nmea.setUserEquivalentRangeError(USER_EQUIVALENT_RANGE_ERROR_M)
            nmea.setDevice(device)
            self.device, source = device, nmea
        else:
            source = QGeoPositionInfoSource.createDefaultSource(self)
            if source is None:
                self.failed.emit(
                    self.tr(
                        "Máy này không có dịch vụ vị trí; chọn bộ thu GPS trong Cài đặt (Ctrl+,)."
                    )
                )
                return False
        source.positionUpdated.connect(self._on_update)
        source.errorOccurred.connect(self._on_error)
        self.source = source
        source.startUpdates()
        return True

    def stop(self) -> None:
        if self.source is not None:
            self.source.stopUpdates()
            self.source.deleteLater()
            self.source = None
        if self.device is not None:
            self.device.close()
            self.device.deleteLater()
            self.device = None

    def _on_update(self, info: QGeoPositionInfo) -> None:
        coordinate = info.coordinate()
        lat, lon = coordinate.latitude(), coordinate.longitude()
        if not (coordinate.isValid() and math.isfinite(lat) and math.isfinite(lon)):
            return
        accuracy = 0.0
        if info.hasAttribute(QGeoPositionInfo.Attribute.HorizontalAccuracy):
            value = info.attribute(QGeoPositionInfo.Attribute.HorizontalAccuracy)
            accuracy = value if math.isfinite(value) and 0 <= value < 100_000 else 0.0
        self.last = (lat, lon, accuracy)
        self.moved.emit(lat, lon, accuracy)

    def _on_error(self, error: QGeoPositionInfoSource.Error) -> None:
        if error == QGeoPositionInfoSource.Error.NoError:
            return
        if error == QGeoPositionInfoSource.Error.AccessError:
            text = self.tr("Hệ điều hành không cho phép đọc vị trí; bật quyền vị trí cho ứng dụng.")
        elif error == QGeoPositionInfoSource.Error.UpdateTimeoutError:
            text = self.tr("Chưa bắt được tín hiệu vị trí; ra chỗ thoáng và chờ thêm.")
        else:
            text = self.tr("Nguồn vị trí đã ngừng (lỗi {0}).").format(error.name)
        self.failed.emit(text)
