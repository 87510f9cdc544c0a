"""The map page: a folium map whose every script, stylesheet and data file comes from the app's
own URL scheme, plus our camera layer and the bootstrap that wires it to Python."""

from __future__ import annotations

import html
import json
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

SCHEME = "fieldsurvey"
ORIGIN = f"{SCHEME}://app"
HANOI_CENTRE = (21.0285, 105.8542)

# The folium defaults (CDN URLs in folium.folium._default_js/_css) our pages need, served from
# resources/web/vendor. Bootstrap and awesome-markers are left out: only folium.Icon uses them,
# and our pages do not.
VENDOR_JS = [
    ("leaflet", f"{ORIGIN}/web/vendor/leaflet/leaflet.js"),
    ("jquery", f"{ORIGIN}/web/vendor/jquery/jquery.min.js"),
]
VENDOR_CSS = [
    ("leaflet_css", f"{ORIGIN}/web/vendor/leaflet/leaflet.css"),
    ("maplibre_css", f"{ORIGIN}/web/vendor/maplibre-gl/maplibre-gl.css"),
]
OUR_SCRIPTS = ("qwebchannel.js", "web/camera_layer.js", "web/map_boot.js")
# The street basemap's renderer and its Leaflet binding, in this order. The page loads them once
# the Leaflet map is up (the cameras do not wait for them); the head asks for them early.
STREET_SCRIPTS = (
    f"{ORIGIN}/web/vendor/maplibre-gl/maplibre-gl-csp.js",
    f"{ORIGIN}/web/vendor/maplibre-gl-leaflet/leaflet-maplibre-gl.js",
)
STREET_WORKER = f"{ORIGIN}/web/vendor/maplibre-gl/maplibre-gl-csp-worker.js"


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element or JavaScript source: no way to close the
    element or open a comment from inside a string, and no line separator (U+2028, U+2029)."""
    text = json.dumps(value, ensure_ascii=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def build_map_page(config: dict[str, Any], *, title: str = "FieldSurvey") -> str:
    """The HTML of the app's map page. ``config`` goes to ``FSBoot.start`` as JSON; its
    ``view`` ([lat, lon, zoom]), when present, is where the map opens."""
    lat, lon, zoom = config.get("view") or (*HANOI_CENTRE, 12)
    fmap = folium.Map(
        location=(lat, lon),
        zoom_start=zoom,
        tiles=None,
        control_scale=False,  # map_boot.js adds it, in metres only (folium's has miles)
        prefer_canvas=True,
        # With no tile layer, folium drops max_zoom: the limits go to Leaflet directly.
        maxZoom=20,
        minZoom=5,
    )
    # Per map, not folium's class-wide lists (add_js_link would change every folium map).
    fmap.default_js = list(VENDOR_JS)
    fmap.default_css = list(VENDOR_CSS)
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(f"<title>{html.escape(title)}</title>"), name="title")
    root.header.add_child(
        Element(
            '<meta http-equiv="Content-Security-Policy" content="default-src '
            f"{SCHEME}: 'unsafe-inline'; img-src {SCHEME}: data: blob: https://*.tile.openstreetmap.org"
            f' https://tile.openstreetmap.org; connect-src {SCHEME}:">'
        ),
        name="csp",
    )
    if config.get("streets"):
        for number, url in enumerate(STREET_SCRIPTS):
            root.header.add_child(
                Element(f'<link rel="preload" as="script" href="{url}">'), name=f"preload{number}"
            )
    for path in OUR_SCRIPTS:
        root.html.add_child(Element(f'<script src="{ORIGIN}/{path}"></script>'), name=path)
    fmap.add_child(_Boot(config))
    return str(root.render())


class _Boot(MacroElement):
    """Starts our layers once folium has made the map (a child's script runs after its map's)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "FSBoot.start({{ this._parent.get_name() }}, {{ this.config_json }});"
        "{% endmacro %}"
    )

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "FSBoot"
        self.config_json = script_json(config)
