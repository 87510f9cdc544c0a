#!/usr/bin/env python3
"""Re-download the vendored web assets of the map from the npm registry.

The map page (folium/Leaflet inside QtWebEngine) must work with the network unplugged, so
every script and stylesheet it loads is a copy kept in ``resources/web/vendor/``.  This script
is how those copies are made; the app itself never runs it and never needs Node or npm.

What it does, for each pinned package in ``PACKAGES`` below:

1. downloads ``https://registry.npmjs.org/<name>/-/<basename>-<version>.tgz`` with urllib
   (the same tarball ``npm pack NAME@VERSION`` fetches);
2. checks the tarball against the sha512 ``dist.integrity`` pinned here (the value
   ``npm view NAME@VERSION dist.integrity`` prints) and stops on any mismatch;
3. copies only the listed files into ``resources/web/vendor/<dir>/`` (the directory is
   emptied first, so nothing stale survives) and writes ``<dir>/SOURCES.md``;
4. rewrites ``resources/web/vendor/SOURCES.md``, which also maps each key of folium's default
   asset lists (``folium.folium._default_js`` / ``_default_css``) to the local file that
   replaces it, or says why that asset is left out.

Usage::

    python scripts/refresh_web_assets.py            # download, verify, copy, write SOURCES.md
    python scripts/refresh_web_assets.py --check    # download, verify, and only compare:
                                                    # exit 1 if resources/web/vendor differs

To move to a new version, change ``version`` and ``integrity`` in ``PACKAGES`` (take the
integrity from ``npm view NAME@VERSION dist.integrity``), run the script, and test the map.
Only the Python standard library is used; an ``https_proxy`` variable is honoured by urllib.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "resources" / "web" / "vendor"

# name, version, sha512 integrity, licence, target dir, {path in tarball: path in target dir}.
# Paths in the tarball are relative to its top "package/" folder; a trailing "/*" copies the
# files of that folder.
PACKAGES = [
    {
        "name": "leaflet",
        "version": "1.9.4",
        "integrity": "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3"
        "GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        "license": "BSD-2-Clause",
        "dir": "leaflet",
        "files": {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            "dist/images/*": "images/",
            "LICENSE": "LICENSE",
        },
    },
    {
        "name": "jquery",
        "version": "3.7.1",
        "integrity": "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2B"
        "sfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        "license": "MIT",
        "dir": "jquery",
        "files": {
            "dist/jquery.min.js": "jquery.min.js",
            "LICENSE.txt": "LICENSE.txt",
        },
    },
    {
        # The street basemap's renderer (vector tiles drawn with WebGL). The 5.x line, still
        # maintained, ships the classic-script builds the page and the Leaflet binding need (6.x
        # is ES modules only). The CSP build loads its worker from our own scheme, so the page
        # needs no blob: workers.
        "name": "maplibre-gl",
        "version": "5.24.1",
        "integrity": "sha512-HyiYBwtsbk3L1n1EPLJHWqdoyMiF80n7tEYXFZyu2m1TjvaNx6KMLiFeDdms"
        "zt1/mq2zvsR1TJuX/NMu5BonXQ==",
        "license": "BSD-3-Clause",
        "dir": "maplibre-gl",
        "files": {
            "dist/maplibre-gl-csp.js": "maplibre-gl-csp.js",
            "dist/maplibre-gl-csp-worker.js": "maplibre-gl-csp-worker.js",
            "dist/maplibre-gl.css": "maplibre-gl.css",
            "LICENSE.txt": "LICENSE.txt",
        },
    },
    {
        # Puts a MapLibre map inside the Leaflet page as one layer, following Leaflet's view.
        "name": "@maplibre/maplibre-gl-leaflet",
        "version": "0.1.4",
        "integrity": "sha512-k57wcndZIvq3m08g2je4pjUPGr43ffNW3j+gXbymt8Vi2l1lUERUi1UmdTZcT"
        "PN8LuDDYOMWRNBaSLwpAu02ew==",
        "license": "ISC",
        "dir": "maplibre-gl-leaflet",
        "files": {
            "leaflet-maplibre-gl.js": "leaflet-maplibre-gl.js",
            "LICENSE": "LICENSE",
        },
    },
]

# folium 0.20 default asset key -> (local file relative to resources/web/, or None, note).
FOLIUM_KEYS = [
    (
        "leaflet",
        "js",
        "vendor/leaflet/leaflet.js",
        "folium pins 1.9.3 from a CDN; 1.9.4 is a bug-fix release",
    ),
    (
        "jquery",
        "js",
        "vendor/jquery/jquery.min.js",
        "folium.Popup builds its HTML content with `$(...)`, and "
        "Map.keep_in_front uses `$(document).ready`; the plain map works without it",
    ),
    ("bootstrap", "js", None, "nothing in folium's core templates calls Bootstrap's JS"),
    (
        "awesome_markers",
        "js",
        None,
        "only for folium.Icon (Leaflet.awesome-markers); cameras are drawn by "
        "camera_layer.js. Do not use folium.Icon: without this file its script throws and "
        "stops the rest of the page's script",
    ),
    ("leaflet_css", "css", "vendor/leaflet/leaflet.css", ""),
    ("bootstrap_css", "css", None, "page styling only; Leaflet's own CSS is enough"),
    ("glyphicons_css", "css", None, "icon font for folium.Icon (not used)"),
    ("awesome_markers_font_css", "css", None, "Font Awesome, icon font for folium.Icon (not used)"),
    ("awesome_markers_css", "css", None, "folium.Icon (not used)"),
    ("awesome_rotate_css", "css", None, "folium.Icon rotation (not used)"),
]


def tarball_url(name: str, version: str) -> str:
    basename = name.rsplit("/", 1)[-1]
    return f"{REGISTRY}/{name}/-/{basename}-{version}.tgz"


def download(name: str, version: str, integrity: str) -> bytes:
    url = tarball_url(name, version)
    print(f"downloading {url}", file=sys.stderr)
    with urllib.request.urlopen(url, timeout=120) as response:
        data = response.read()
    algo, _, expected = integrity.partition("-")
    if algo != "sha512":
        raise SystemExit(f"{name}@{version}: unsupported integrity algorithm {algo!r}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise SystemExit(
            f"{name}@{version}: integrity mismatch\n"
            f"  expected sha512-{expected}\n  got      sha512-{actual}"
        )
    return data


def extract(data: bytes, files: dict[str, str]) -> dict[str, bytes]:
    """Return {relative target path: content} for the files listed in ``files``."""
    out: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        members = {
            m.name.split("/", 1)[1]: m for m in tar.getmembers() if m.isfile() and "/" in m.name
        }
        for source, target in files.items():
            if source.endswith("/*"):
                folder = source[:-1]
                matched = sorted(
                    p for p in members if p.startswith(folder) and "/" not in p[len(folder) :]
                )
                if not matched:
                    raise SystemExit(f"nothing in the tarball matches {source}")
                for path in matched:
                    out[target + path[len(folder) :]] = tar.extractfile(members[path]).read()
            else:
                if source not in members:
                    raise SystemExit(f"{source} is not in the tarball")
                out[target] = tar.extractfile(members[source]).read()
    return out


def package_sources_md(pkg: dict, contents: dict[str, bytes]) -> bytes:
    lines = [
        f"# {pkg['name']} {pkg['version']}",
        "",
        "Copied verbatim from the npm registry by `scripts/refresh_web_assets.py`; do not edit.",
        "",
        f"- package: `{pkg['name']}`",
        f"- version: {pkg['version']}",
        f"- tarball: {tarball_url(pkg['name'], pkg['version'])}",
        f"- integrity (`npm view {pkg['name']}@{pkg['version']} dist.integrity`):",
        f"  `{pkg['integrity']}`",
        f"- licence: {pkg['license']}",
        "",
        "| file | bytes | sha256 |",
        "|---|---:|---|",
    ]
    for path in sorted(contents):
        lines.append(
            f"| `{path}` | {len(contents[path])} | `{hashlib.sha256(contents[path]).hexdigest()}` |"
        )
    return ("\n".join(lines) + "\n").encode()


def top_sources_md() -> bytes:
    lines = [
        "# Vendored web assets",
        "",
        "Everything the map page loads comes from `resources/web/`; nothing from the internet.",
        "Written by `scripts/refresh_web_assets.py` (re-downloads these exact versions from the",
        "npm registry and checks their sha512 integrity); do not edit by hand.",
        "",
        "| package | version | licence | integrity | folder |",
        "|---|---|---|---|---|",
    ]
    for pkg in PACKAGES:
        lines.append(
            f"| `{pkg['name']}` | {pkg['version']} | {pkg['license']} | "
            f"`{pkg['integrity']}` | `vendor/{pkg['dir']}/` |"
        )
    lines += [
        "",
        "## folium 0.20 default assets",
        "",
        "`folium.Map` lists CDN URLs in `default_js` / `default_css`. Give each map instance",
        "its own lists holding only the keys below that have a local file (assign",
        "`m.default_js = [...]`; `m.add_js_link()` would modify folium's shared class-level list):",
        "",
        "| folium key | kind | local file (relative to `resources/web/`) | note |",
        "|---|---|---|---|",
    ]
    for key, kind, local, note in FOLIUM_KEYS:
        lines.append(f"| `{key}` | {kind} | {f'`{local}`' if local else 'left out'} | {note} |")
    lines += [
        "",
        "`resources/web/camera_layer.js` is our own code (no dependency but Leaflet). It must load",
        "after Leaflet: append it to the same list after `jquery`, e.g.",
        '`("fs_camera_layer", ".../camera_layer.js")` (a `JavascriptLink` added to the header',
        "lands before folium's own links).",
        "",
        "`maplibre-gl` (its CSP build) and `@maplibre/maplibre-gl-leaflet` draw the street basemap",
        "under the cameras. The page loads them itself, in that order, once Leaflet's map exists",
        "(`STREET_SCRIPTS` in `core/map/page.py`), and points MapLibre at",
        "`vendor/maplibre-gl/maplibre-gl-csp-worker.js` with `maplibregl.setWorkerUrl`, so no",
        "worker is made from a `blob:` address. `maplibre-gl.css` is added to the page's",
        "stylesheets beside Leaflet's.",
    ]
    return ("\n".join(lines) + "\n").encode()


def planned() -> dict[Path, bytes]:
    """Download and verify everything; return {absolute path: content} of the vendor tree."""
    result: dict[Path, bytes] = {VENDOR / "SOURCES.md": top_sources_md()}
    for pkg in PACKAGES:
        data = download(pkg["name"], pkg["version"], pkg["integrity"])
        contents = extract(data, pkg["files"])
        folder = VENDOR / pkg["dir"]
        for rel, content in contents.items():
            result[folder / rel] = content
        result[folder / "SOURCES.md"] = package_sources_md(pkg, contents)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare only; exit 1 on any difference"
    )
    args = parser.parse_args(argv)

    files = planned()
    dirs = [VENDOR / pkg["dir"] for pkg in PACKAGES]

    if args.check:
        wanted = set(files)
        present = {p for d in dirs if d.exists() for p in d.rglob("*") if p.is_file()}
        present |= {VENDOR / "SOURCES.md"} if (VENDOR / "SOURCES.md").exists() else set()
        problems = [f"missing: {p}" for p in sorted(wanted - present)]
        problems += [f"unexpected: {p}" for p in sorted(present - wanted)]
        problems += [
            f"differs: {p}" for p in sorted(wanted & present) if p.read_bytes() != files[p]
        ]
        for line in problems:
            print(line, file=sys.stderr)
        print(
            "vendor assets up to date" if not problems else f"{len(problems)} problem(s)",
            file=sys.stderr,
        )
        return 1 if problems else 0

    with tempfile.TemporaryDirectory() as tmp:
        # Build the new tree first, then swap folder by folder, so a failure leaves the old copy.
        staging = Path(tmp)
        for path, content in files.items():
            target = staging / path.relative_to(VENDOR)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        VENDOR.mkdir(parents=True, exist_ok=True)
        for d in dirs:
            if d.exists():
                shutil.rmtree(d)
            shutil.copytree(staging / d.name, d)
        shutil.copy2(staging / "SOURCES.md", VENDOR / "SOURCES.md")
    for path in sorted(files):
        print(f"{len(files[path]):>8}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
