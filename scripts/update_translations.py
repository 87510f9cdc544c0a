#!/usr/bin/env python3
"""Refresh the app's translations: collect every visible string, then compile the catalogues.

Vietnamese is the language the strings are written in; English is a translation. The steps:

1. ``pyside6-lupdate`` reads ``src/fieldsurvey/ui/``, ``src/fieldsurvey/app.py`` and the
   messages of the core and the command line (``core/messages.py``) and
   updates ``resources/i18n/fieldsurvey_en.ts`` (new strings are added as "unfinished",
   translations already made are kept, strings no longer used are marked "vanished");
2. translate the unfinished entries, in Qt Linguist (``pyside6-linguist``) or any XML editor;
3. ``pyside6-lrelease`` compiles the ``.ts`` file into ``fieldsurvey_en.qm``, the file the app
   loads (both are committed, so users never need these tools), and ``qt_vi.ts`` (Qt's own
   button and menu words in Vietnamese, kept by hand) into ``qt_vi.qm``.

Usage::

    python scripts/update_translations.py            # steps 1 and 3, and count what is left
    python scripts/update_translations.py --check    # exit 1 if any string is untranslated

Both tools come with PySide6 (``.venv/bin/pyside6-lupdate``, ``pyside6-lrelease``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "fieldsurvey_en.ts"
# Qt's own words (OK, Cancel, Close, Undo…) in Vietnamese, which Qt does not ship: written by
# hand (contexts QPlatformTheme, QLineEdit, …), compiled with the rest.
QT_VI = ROOT / "resources" / "i18n" / "qt_vi.ts"
# The widgets' tr() strings, and the messages of the core and the command line (marked with
# QT_TRANSLATE_NOOP, read back by core/messages.py without Qt).
SOURCES = [
    *sorted((ROOT / "src" / "fieldsurvey" / "ui").rglob("*.py")),
    ROOT / "src" / "fieldsurvey" / "app.py",
    *sorted(
        path
        for room in ("core", "cli")
        for path in (ROOT / "src" / "fieldsurvey" / room).rglob("*.py")
        if "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")
    ),
]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def unfinished() -> list[str]:
    root = ET.parse(TS).getroot()
    return [
        message.findtext("source") or ""
        for message in root.iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") == "unfinished"
    ]


def main() -> int:
    check = "--check" in sys.argv[1:]
    if not check:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *map(str, SOURCES),
                "-source-language",
                "vi_VN",
                "-target-language",
                "en_GB",
                "-ts",
                str(TS),
            ],
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), str(TS), str(QT_VI)], check=True)
    missing = unfinished()
    for text in missing:
        print(f"untranslated: {text!r}")
    print(f"{len(missing)} string(s) still to translate in {TS.relative_to(ROOT)}")
    return 1 if check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
