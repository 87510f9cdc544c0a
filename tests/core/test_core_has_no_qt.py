"""The core (and the CLI) never import Qt: checked on the source and in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import fieldsurvey

PACKAGE = Path(fieldsurvey.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "fieldsurvey.ui", "fieldsurvey.app")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_core_module_imports_qt() -> None:
    modules = sorted((PACKAGE / "core").rglob("*.py"))
    assert len(modules) > 10
    offenders = {
        str(path.relative_to(PACKAGE)): name
        for path in modules
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    }
    assert offenders == {}


def test_importing_core_and_cli_loads_no_qt() -> None:
    modules = [
        ".".join(("fieldsurvey", *p.relative_to(PACKAGE).with_suffix("").parts))
        for p in (PACKAGE / "core").rglob("*.py")
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {[*modules, 'fieldsurvey.cli.main']!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
