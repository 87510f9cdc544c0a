"""Write hoan_kiem_walk.nmea from ../gpx/hoan_kiem_walk.gpx: its first 12 fixes as a GPS
receiver would send them (GGA and RMC sentences, checksums, UTC times as in the track)."""

from __future__ import annotations

import functools
import operator
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).parent
NS = {"g": "http://www.topografix.com/GPX/1/1"}


def sentence(body: str) -> str:
    checksum = functools.reduce(operator.xor, body.encode("ascii"), 0)
    return f"${body}*{checksum:02X}"


def degrees(value: float, width: int, hemispheres: str) -> tuple[str, str]:
    whole = int(abs(value))
    minutes = (abs(value) - whole) * 60
    return f"{whole:0{width}d}{minutes:07.4f}", hemispheres[value < 0]


def main() -> None:
    root = ET.parse(HERE.parent / "gpx" / "hoan_kiem_walk.gpx").getroot()
    lines = []
    for point in root.findall(".//g:trkpt", NS)[:12]:
        lat, lon = float(point.get("lat", "0")), float(point.get("lon", "0"))
        when = datetime.fromisoformat(point.findtext("g:time", "", NS).replace("Z", "+00:00"))
        time = when.strftime("%H%M%S.00")
        date = when.strftime("%d%m%y")
        la, ns = degrees(lat, 2, "NS")
        lo, ew = degrees(lon, 3, "EW")
        # fix quality 1 (GPS), 8 satellites, HDOP 1.2, altitude 11.7 m
        lines.append(sentence(f"GPGGA,{time},{la},{ns},{lo},{ew},1,08,1.2,11.7,M,-26.0,M,,"))
        lines.append(sentence(f"GPRMC,{time},A,{la},{ns},{lo},{ew},2.5,0.0,{date},,,A"))
    (HERE / "hoan_kiem_walk.nmea").write_text("\r\n".join(lines) + "\r\n", encoding="ascii")


if __name__ == "__main__":
    main()
