"""The standalone HTML map: names that are template code, HTML or script, arriving in a
surveyor's package or an owner's inventory, are exported as text, shown as text in a real
browser (Debian's chromium, headless), and never run anything."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core import vocabulary
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.map.export import MAX_MARKERS, export_map_html
from fieldsurvey.core.map.page import script_json
from fieldsurvey.core.store.workspace import Workspace
from tests.helpers.office import OfficeDemos, send

CHROMIUM = Path("/usr/bin/chromium")

# Template code (Jinja would print 49, or make a folder SENTINEL in the working folder), HTML and
# script that would set window.PWNED, and characters that end a JavaScript line or string.
HOSTILE = [
    "{{ 7*7 }}",
    "{% raw %}",
    "{% for x in range(3) %}{{ x }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.mkdir(dict(SENTINEL=1)|first) }}",
    "{{ self.__init__.__globals__.__builtins__.__import__(dict(os=1)|first)"
    ".mkdir(dict(SENTINEL=1)|first) }}",
    "</script><script>window.PWNED=1</script>",
    '<img src=x onerror="window.PWNED=2">',
    "<!--<script>window.PWNED=3</script>",
    "${window.PWNED=4}`+(window.PWNED=5)+`\\",
    "</body></html><svg onload=window.PWNED=6>",
    "dòng\u2028một\u2029hai & &amp; &lt;b&gt;",
]
HOSTILE_SITE = "<b>{{ 6*7 }}</b> ${site} \u2028 </script>"
HOSTILE_UNIT = "Đơn vị {{ 5*5 }} <i>x</i>"

# Hover and click every marker as a user would and write down what the page showed, once the
# page's own script has run (appended to a copy of the exported file).
PROBE = """<script>
(function () {
  function last(selector) {
    var all = document.querySelectorAll(selector);
    return all.length ? all[all.length - 1] : null;
  }
  var out = {markers: [], scripts: document.scripts.length, pwned: typeof window.PWNED,
             injected: document.querySelectorAll("img, iframe, object, embed").length};
  document.querySelectorAll("path.leaflet-interactive").forEach(function (path) {
    path.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    var tooltip = last(".leaflet-tooltip");
    path.dispatchEvent(new MouseEvent("mouseout", {bubbles: true}));
    path.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    var popup = last(".leaflet-popup-content > div");
    out.markers.push({
      tooltip: tooltip && tooltip.textContent,
      popup: popup && Array.prototype.map.call(popup.childNodes, function (node) {
        return [node.nodeName, node.textContent];
      }),
    });
  });
  var pre = document.createElement("pre");
  pre.id = "fs-probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""

# Every address in the file: Leaflet's attribution link, the SVG namespace and two bug reports
# named in Leaflet's comments. Nothing is loaded from any of them.
KNOWN_URLS = {
    "https://leafletjs.com",
    "http://www.w3.org/2000/svg",
    "https://bugs.chromium.org/p/chromium/issues/detail?id=600120",
    "https://bugzilla.mozilla.org/show_bug.cgi?id=888319",
}


def shown_in_chromium(page: Path, folder: Path) -> dict[str, Any]:
    """What headless Chromium shows for ``page``: every marker's tooltip and popup, and any
    sign of something that ran or was added to the page."""
    head, end, tail = page.read_text(encoding="utf-8").rpartition("</body>")
    probe = folder / "probe.html"
    probe.write_text(head + PROBE + end + tail, encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={folder / 'chromium-profile'}",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="fs-probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, result.stdout[-2000:]
    return dict(json.loads(html.unescape(found[1])))


def expected_markers(db: Any, camera_ids: list[str], lang: str = "vi") -> list[dict[str, Any]]:
    """Each camera's tooltip and popup lines, straight from the workspace."""
    out = []
    for camera_id in camera_ids:
        name, site, camera_type, condition = db.execute(
            "SELECT c.name, s.name, c.camera_type, c.condition FROM cameras c "
            "JOIN sites s ON s.id = c.site_id WHERE c.id = ?",
            [camera_id],
        ).fetchone()
        lines = [
            site,
            vocabulary.label("camera_type", camera_type, lang) if camera_type else None,
            vocabulary.label("camera_condition", condition, lang) if condition else None,
        ]
        popup = [["B", name or site]]
        for line in filter(None, lines):
            popup += [["BR", ""], ["#text", line]]
        out.append({"tooltip": name or site, "popup": popup})
    return out


def check_export(page: Path, folder: Path, expected: list[dict[str, Any]]) -> None:
    """The exported file holds the names as data, loads nothing from outside, and in a browser
    shows every name as written while nothing runs."""
    text = page.read_text(encoding="utf-8")
    assert set(re.findall(r"https?://[^\s\"'<>)\\]+", text)) <= KNOWN_URLS
    assert "<script src=" not in text and "<link " not in text
    # one JSON value with the names exactly as stored (nothing evaluated, nothing lost)
    blobs = re.findall(r'<script type="application/json" id="fs-map-data">(.*?)</script>', text)
    assert len(blobs) == 1 and "<" not in blobs[0] and "\u2028" not in blobs[0]
    labels = sorted(camera["label"] for camera in json.loads(blobs[0])["cameras"])
    assert labels == sorted(marker["tooltip"] for marker in expected)
    if not CHROMIUM.exists():
        pytest.skip("the browser check needs Debian's chromium (apt-get install chromium)")
    shown = shown_in_chromium(page, folder)
    key = json.dumps
    assert sorted(shown["markers"], key=key) == sorted(expected, key=key)
    assert shown["pwned"] == "undefined"
    assert shown["injected"] == 0
    assert shown["scripts"] == 4  # Leaflet, the data, the page's script, the probe


def map_html(
    db: Path, out: Path, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command, run where the template payloads would make their folder (the
    output's folder unless ``cwd`` is given)."""
    command = [sys.executable, "-m", "fieldsurvey", "map-html", "--db", str(db), "--out", str(out)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        cwd=cwd or out.parent,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_script_json_cannot_leave_its_element() -> None:
    value = {"name": "</script><!--<script>\u2028\u2029&amp;"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


@pytest.fixture(scope="module")
def built(office_demos: OfficeDemos) -> dict[str, Path]:
    return office_demos(("office", "s1"), synced=False)


def test_hostile_names_from_a_surveyors_package(
    workspaces: dict[str, Workspace], usb: Path, tmp_path: Path
) -> None:
    office, s1 = workspaces["office"], workspaces["s1"]
    # Units are the office's (a surveyor cannot make one): hostile unit names arrive through an
    # owner's inventory (below); here the cameras name a unit none of the demo's cameras has.
    unit, unit_name = s1.db.execute(
        "SELECT id, name FROM units u WHERE NOT EXISTS "
        "(SELECT 1 FROM cameras c WHERE c.owner_unit_id = u.id) ORDER BY name LIMIT 1"
    ).fetchone()
    site = s1.insert(
        "sites", {"name": HOSTILE_SITE, "category": "other", "lat": 21.0301, "lon": 105.8512}
    )
    cameras = [
        s1.insert(
            "cameras",
            {
                "site_id": site,
                "name": name,
                "owner_unit_id": unit,
                "camera_type": "ptz",
                "condition": "working",
                "lat": 21.0301 + i * 0.0001,
                "lon": 105.8512,
            },
        )
        for i, name in enumerate([*HOSTILE, None])  # the last is labelled with the site's name
    ]
    assert send(s1, office, usb).new > len(cameras)
    page = tmp_path / "export" / "ban-do.html"
    page.parent.mkdir()
    result = map_html(office.path, page, "--where", f"owner={unit_name}")
    assert result.returncode == 0, result.stderr
    assert f"({len(cameras)} camera)" in result.stderr
    assert not (page.parent / "SENTINEL").exists()
    check_export(page, tmp_path, expected_markers(office.db, cameras))


def test_hostile_names_from_an_owners_inventory(
    workspace: Workspace, run_cli: Any, tmp_path: Path
) -> None:
    inventory = tmp_path / "camera-don-vi.csv"
    with inventory.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lat", "lon", "name", "operator", "address", "camera:type"])
        for i, name in enumerate(HOSTILE):
            # 300 m apart: each camera gets a new site named after its address
            writer.writerow([21.0 + i * 0.003, 105.85, name, HOSTILE_UNIT, f"{name} #{i}", "fixed"])
        writer.writerow([21.1, 105.85, "", HOSTILE_UNIT, HOSTILE_SITE, "dome"])
    imported = run_cli("import-inventory", "--db", str(workspace.path), str(inventory))
    assert imported.returncode == 0, imported.stderr
    cameras = [row[0] for row in workspace.db.execute("SELECT id FROM cameras")]
    assert len(cameras) == len(HOSTILE) + 1
    page = tmp_path / "map.html"
    result = map_html(workspace.path, page, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "SENTINEL").exists()
    assert "<title>Camera map</title>" in page.read_text(encoding="utf-8")
    check_export(page, tmp_path, expected_markers(workspace.db, cameras, "en"))


def test_the_window_and_the_command_write_the_same_file(demo: Workspace, tmp_path: Path) -> None:
    ids = [
        row[0]
        for row in demo.db.execute(
            "SELECT id FROM cameras WHERE commune_code = '00070' AND deleted = 0"
        )
    ]
    by_ids, by_filter = tmp_path / "a.html", tmp_path / "b.html"
    assert export_map_html(demo.db, by_ids, camera_ids=ids) == len(ids) > 0
    result = map_html(demo.path, by_filter, "--where", "commune=hoan kiem")
    assert result.returncode == 0, result.stderr
    assert by_ids.read_bytes() == by_filter.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith("html")) == [
        "a.html",
        "b.html",
    ]  # no temporary file left beside them


def test_errors_are_one_line_and_leave_no_file(demo: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    for args, words in (
        (("--where", "colour=red"), "colour"),
        (("--where", "commune=Atlantis"), "Atlantis"),
    ):
        result = map_html(demo.path, page, *args)
        assert result.returncode != 0 and words in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    result = map_html(demo.path, tmp_path / "missing" / "map.html", cwd=tmp_path)
    assert result.returncode != 0 and "Cannot write" in result.stderr
    with pytest.raises(FieldSurveyError, match="Unknown language"):
        export_map_html(demo.db, page, lang="fr")
    assert [path.name for path in tmp_path.iterdir() if "map" in path.name] == []


def test_too_many_cameras_for_one_page(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldsurvey.core.map.export as map_export

    count = demo.db.execute("SELECT count(*) FROM cameras WHERE lat IS NOT NULL").fetchone()[0]
    monkeypatch.setattr(map_export, "MAX_MARKERS", count - 1)
    with pytest.raises(FieldSurveyError, match=f"{count} camera.*Too many cameras"):
        export_map_html(demo.db, tmp_path / "map.html")
    assert list(tmp_path.glob("*.html")) == [] and MAX_MARKERS == 5000
