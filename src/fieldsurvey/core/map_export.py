"""A map of selected cameras as one standalone HTML file, for reports: it opens in any browser
with no network, because Leaflet is inlined into the file."""

from __future__ import annotations

import html
import os
from collections.abc import Collection
from pathlib import Path

import folium
import sqlite_utils
from branca.element import Element, Figure

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map_page import HANOI_CENTRE
from fieldsurvey.core.mapdata import CONDITION_COLOURS, UNKNOWN_COLOUR
from fieldsurvey.core.resources import resource_path

MAX_MARKERS = 5000


def text_for_template(value: str) -> str:
    """User text made safe for folium's popups and tooltips: HTML-escaped, and the characters
    that JavaScript template literals interpret (``${``, backtick, backslash) neutralised."""
    return (
        html.escape(value, quote=True)
        .replace("$", "&#36;")
        .replace("`", "&#96;")
        .replace("\\", "&#92;")
    )


def _inline(tag: str, path: Path) -> str:
    content = (
        path.read_text(encoding="utf-8").replace("</", "<\\/")
        if tag == "script"
        else (path.read_text(encoding="utf-8"))
    )
    return f"<{tag}>{content}</{tag}>"


def export_map_html(
    db: sqlite_utils.Database,
    target: Path,
    *,
    camera_ids: Collection[str] | None = None,
    title: str = "Bản đồ camera",
    lang: str = "vi",
) -> int:
    """Write the map of the given cameras (all when None) to ``target``; returns how many.

    Marker popups carry the camera's name, site, type and condition — user text, escaped.
    """
    rows = db.execute(
        "SELECT c.id, c.lat, c.lon, coalesce(c.name, ''), s.name, c.camera_type, c.condition "
        "FROM cameras c JOIN sites s ON s.id = c.site_id "
        "WHERE c.deleted = 0 AND c.lat IS NOT NULL AND c.lon IS NOT NULL ORDER BY c.rowid"
    ).fetchall()
    if camera_ids is not None:
        wanted = set(camera_ids)
        rows = [row for row in rows if row[0] in wanted]
    if len(rows) > MAX_MARKERS:
        raise FieldSurveyError(
            f"Bản đồ xuất ra có {len(rows)} camera, nhiều hơn {MAX_MARKERS}; hãy lọc bớt. / "
            f"Too many cameras for a standalone map ({len(rows)} > {MAX_MARKERS}); filter first."
        )
    # With no tile layer, folium drops max_zoom: the zoom limits go to Leaflet directly.
    fmap = folium.Map(
        location=HANOI_CENTRE, zoom_start=12, tiles=None, control_scale=True, maxZoom=19, minZoom=5
    )
    fmap.default_js = []
    fmap.default_css = []
    root = fmap.get_root()
    assert isinstance(root, Figure)
    vendor = resource_path("web", "vendor")
    root.header.add_child(Element(f"<title>{html.escape(title)}</title>"), name="title")
    root.header.add_child(
        Element(_inline("style", vendor / "leaflet" / "leaflet.css")), name="leaflet_css"
    )
    root.header.add_child(
        Element(_inline("script", vendor / "leaflet" / "leaflet.js")), name="leaflet"
    )
    # folium builds popups with jQuery: $(`...`)
    root.header.add_child(
        Element(_inline("script", vendor / "jquery" / "jquery.min.js")), name="jquery"
    )
    for _, lat, lon, name, site, camera_type, condition in rows:
        label = name or site
        details = [
            f"<b>{text_for_template(label)}</b>",
            text_for_template(site),
            text_for_template(vocabulary.label("camera_type", camera_type, lang))
            if camera_type
            else "",
            text_for_template(vocabulary.label("camera_condition", condition, lang))
            if condition
            else "",
        ]
        folium.CircleMarker(
            location=(lat, lon),
            radius=5,
            weight=1,
            fill=True,
            fill_opacity=0.8,
            color=CONDITION_COLOURS.get(condition or "", UNKNOWN_COLOUR),
            popup=folium.Popup("<br>".join(d for d in details if d), max_width=300),
            tooltip=text_for_template(label),
        ).add_to(fmap)
    if rows:
        lats = [row[1] for row in rows]
        lons = [row[2] for row in rows]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    page = root.render()
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)
    return len(rows)
