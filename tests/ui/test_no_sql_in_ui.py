"""The widgets read and write only through the core: no SQL text, no database calls and no
private names of the core anywhere under src/fieldsurvey/ui (checked on the source's syntax
tree, so comments and formatting do not matter)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import fieldsurvey.ui

UI = Path(fieldsurvey.ui.__file__).parent
SQL_START = re.compile(r"^(select|insert|update|delete|with)\s", re.IGNORECASE)
DATABASE_CALLS = frozenset({"execute", "executemany", "executescript"})


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (prose, not strings the code uses)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with each placeholder as "x"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "x"
            for part in node.values
        )
    return None


def sql_uses(source: str) -> list[str]:
    """What in ``source`` touches the database directly: SQL text, database calls, ``.conn``."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        text = _text(node)
        if text is not None and id(node) not in docstrings and SQL_START.match(text.strip()):
            found.append(f"line {node.lineno}: SQL text {text.strip()[:50]!r}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in DATABASE_CALLS
        ):
            found.append(f"line {node.lineno}: call to .{node.func.attr}()")
        if isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"line {node.lineno}: use of .conn")
    return found


def private_core_names(source: str) -> list[str]:
    """Names starting with "_" that ``source`` takes from fieldsurvey.core: imported by name,
    in a module path, or read as an attribute of something imported from the core."""
    tree = ast.parse(source)
    from_core: set[str] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fieldsurvey.core"):
            module = node.module or ""
            if any(part.startswith("_") for part in module.split(".")):
                found.append(f"line {node.lineno}: from {module}")
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.append(f"line {node.lineno}: import {alias.name} from {module}")
                from_core.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not alias.name.startswith("fieldsurvey.core"):
                    continue
                if any(part.startswith("_") for part in alias.name.split(".")):
                    found.append(f"line {node.lineno}: import {alias.name}")
                from_core.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in from_core
        ):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


MODULES = sorted(UI.rglob("*.py"))


def test_every_widget_module_is_checked() -> None:
    names = {path.relative_to(UI).as_posix() for path in MODULES}
    assert {"editor.py", "main_window.py", "office/review.py", "office/inventory.py"} <= names
    assert {"sync_dialogs.py", "values.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(UI).as_posix())
def test_no_sql_in_the_widgets(path: Path) -> None:
    assert sql_uses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(UI).as_posix())
def test_the_widgets_use_no_private_name_of_the_core(path: Path) -> None:
    assert private_core_names(path.read_text(encoding="utf-8")) == []


# -- the checks themselves find what they look for --------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'rows = db.execute("SELECT id FROM sites").fetchall()',
        'query = "  select id from cameras"',
        'query = """\n    WITH t AS (SELECT 1) SELECT * FROM t"""',
        'query = f"DELETE FROM {table} WHERE id = ?"',
        'query = "UPDATE sites SET name = ?"',
        'query = "insert into units values (?)"',
        "db.executemany(statement, rows)",
        "db.executescript(script)",
        "ws.db.conn.commit()",
        "connection = ws.db.conn",
    ],
)
def test_the_sql_check_finds_database_use(source: str) -> None:
    assert sql_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        'mode = "select"',
        'label = tr("Đã xóa")',
        'def f():\n    """Select and show a record."""',
        'text = "Cập nhật / Update"',
        "listing.unit_choices(workspace.db)",
    ],
)
def test_the_sql_check_leaves_plain_code_alone(source: str) -> None:
    assert sql_uses(source) == []


@pytest.mark.parametrize(
    "source",
    [
        "from fieldsurvey.core.reports.labels import _commune_names",
        "from fieldsurvey.core.store._private import thing",
        "import fieldsurvey.core._private",
        "from fieldsurvey.core.office import duplicates\nduplicates._NOT_MERGED",
        "from fieldsurvey.core.store import listing as lst\nlst._where(q)",
    ],
)
def test_the_private_name_check_finds_them(source: str) -> None:
    assert private_core_names(source)


@pytest.mark.parametrize(
    "source",
    [
        "from fieldsurvey.core.office import duplicates\nduplicates.merge_order(ws, a, b)",
        "from fieldsurvey.ui.background import _Job",
        "self._cancel.set()",
        "from fieldsurvey.core import vocabulary\nvocabulary.__name__",
    ],
)
def test_the_private_name_check_leaves_public_names_alone(source: str) -> None:
    assert private_core_names(source) == []
