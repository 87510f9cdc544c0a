"""A map of selected cameras as one standalone HTML file, for reports: it opens in any browser
with no network, because Leaflet is inlined into the file.

The page is ``resources/web/map_export.html``, a fixed document whose few slots are filled in one
pass. No template engine sees the cameras' names: they travel as one JSON value in a
``<script type="application/json">`` element (escaped so nothing in it can end the element), and
the page's own script shows them with textContent.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from pathlib import Path

import sqlite_utils

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.files import atomic_write
from fieldsurvey.core.map.layers import CONDITION_COLOURS, UNKNOWN_COLOUR
from fieldsurvey.core.map.page import HANOI_CENTRE, script_json
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.reports.filters import Where, camera_filter, parse_where
from fieldsurvey.core.resources import resource_path

MAX_MARKERS = 5000
TITLES = {"vi": "Bản đồ camera", "en": "Camera map"}
# Where the map's messages are filed in the translation files.
_CONTEXT = "map"


def _page(slots: dict[str, str]) -> str:
    """The page with every ``@slot@`` replaced; what is put in is never read again."""
    template = resource_path("web", "map_export.html").read_text(encoding="utf-8")
    return re.sub(r"@(\w+)@", lambda m: slots[m[1]], template)


def export_map_html(
    db: sqlite_utils.Database,
    target: Path,
    *,
    camera_ids: Collection[str] | None = None,
    where: Sequence[str] | Where = (),
    title: str | None = None,
    lang: str = "vi",
) -> int:
    """Write the map of the cameras with a position to ``target``; returns how many.

    The cameras are those ``where`` keeps (``key=value`` filters as for reports), and of those
    only ``camera_ids`` when given. A marker's popup gives the camera's name, site, type and
    condition, its tooltip the name (or the site's, when the camera has none).
    """
    if lang not in vocabulary.LANGUAGES:
        raise FieldSurveyError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("map", "Ngôn ngữ không hỗ trợ: {lang} (vi, en)."),
                {"lang": repr(lang)},
            )
        )
    parsed = where if isinstance(where, Where) else parse_where(db, where)
    condition, params = camera_filter(parsed)
    rows = db.execute(
        "SELECT c.id, c.lat, c.lon, coalesce(c.name, ''), s.name, c.camera_type, c.condition "
        f"FROM cameras c JOIN sites s ON s.id = c.site_id WHERE {condition} "
        "AND c.lat IS NOT NULL AND c.lon IS NOT NULL ORDER BY c.rowid",
        params,
    ).fetchall()
    if camera_ids is not None:
        wanted = set(camera_ids)
        rows = [row for row in rows if row[0] in wanted]
    if len(rows) > MAX_MARKERS:
        raise FieldSurveyError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "map", "Bản đồ xuất ra có {count} camera, nhiều hơn {most}; hãy lọc bớt."
                ),
                {"count": len(rows), "most": MAX_MARKERS},
            )
        )
    cameras = [
        {
            "lat": lat,
            "lon": lon,
            "label": name or site,
            "site": site,
            "type": vocabulary.label("camera_type", camera_type, lang) if camera_type else "",
            "condition": vocabulary.label("camera_condition", state, lang) if state else "",
            "colour": CONDITION_COLOURS.get(state or "", UNKNOWN_COLOUR),
        }
        for _, lat, lon, name, site, camera_type, state in rows
    ]
    bounds = None
    if rows:
        lats = [row[1] for row in rows]
        lons = [row[2] for row in rows]
        bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    vendor = resource_path("web", "vendor", "leaflet")
    page = _page(
        {
            "lang": lang,
            "title": html.escape(title or TITLES[lang]),
            "leaflet_css": (vendor / "leaflet.css").read_text(encoding="utf-8"),
            # Nothing in a script element may read as its end tag.
            "leaflet_js": (vendor / "leaflet.js").read_text(encoding="utf-8").replace("</", "<\\/"),
            "data": script_json({"centre": HANOI_CENTRE, "bounds": bounds, "cameras": cameras}),
        }
    )
    _write(target, page)
    return len(rows)


def _write(target: Path, text: str) -> None:
    """``text`` at ``target`` once it is complete on disk, never half a file."""
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise FieldSurveyError(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("map", "Không ghi được {path}: {detail}."),
                {"path": target, "detail": exc.strerror},
            )
        ) from exc
