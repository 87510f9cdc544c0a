"""The command line: help everywhere, JSON shapes, and one clear line for every bad input."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from fieldsurvey.cli.main import main
from fieldsurvey.core.messages import _catalogue

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's path under ``group``, the commands of its groups included."""
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
    return found


def _pattern(template: str) -> re.Pattern[str]:
    """A template with its {fields} matching any value."""
    return re.compile(".+".join(map(re.escape, re.split(r"{\w+}", template))), re.DOTALL)


def _in_both_languages(text: str | None) -> bool:
    """A help text is one message of the translation files, nothing added: "tiếng Việt /
    English", each half a whole template of the "cli" context and its translation."""
    vietnamese, _, english = (text or "").partition(" / ")
    return any(
        _pattern(template).fullmatch(vietnamese) and _pattern(translation).fullmatch(english)
        for (context, template), translation in _catalogue("en").items()
        if context == "cli" and translation != template
    )


@pytest.mark.parametrize("path", commands(main), ids=" ".join)
def test_every_command_and_option_has_help_in_both_languages(path: tuple[str, ...]) -> None:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help and len(command.help) > 10
    assert _in_both_languages(command.help), command.help
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    for param in command.params:
        if isinstance(param, click.Option):
            assert _in_both_languages(param.help), f"{' '.join(path)} {param.name}: {param.help!r}"


def test_demo_then_stats_and_search(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    made = run_cli("demo", "--db", str(db), "--quiet")
    assert made.returncode == 0, made.stderr
    stats = run_cli("stats", "--db", str(db), "--json")
    assert stats.returncode == 0, stats.stderr
    lines = stats.stdout.strip().splitlines()
    assert len(lines) == 1
    counts = json.loads(lines[0])
    assert counts["sites"] == 300 and counts["cameras"] >= 1000
    for key in ("shortcomings", "needs", "photos", "units", "communes_covered"):
        assert isinstance(counts[key], int)
    assert counts["communes_covered"] >= 80

    found = run_cli("search", "--db", str(db), "hoan kiem", "--json")
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits and all({"kind", "id", "name"} <= hit.keys() for hit in hits)
    assert hits[0] == {"kind": "site", "id": hits[0]["id"], "name": "Hồ Hoàn Kiếm"}
    accented = run_cli("search", "--db", str(db), "HOÀN KIẾM", "--json")
    assert accented.stdout == found.stdout


def test_stats_text_output(demo_file: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", str(demo_file)])
    assert result.exit_code == 0
    assert "cameras" in result.output and "300" in result.output


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("text", ["stats", "--db", "{path}"], "không phải là tệp dữ liệu khảo sát"),
        ("missing", ["stats", "--db", "{path}"], "Không tìm thấy"),
        ("text", ["search", "--db", "{path}", "x"], "không phải là tệp dữ liệu khảo sát"),
        ("text", ["demo", "--db", "{path}"], "--force"),
        ("folder", ["demo", "--db", "{path}"], "is a directory"),
        ("missing", ["demo", "--db", "{path}", "--size", "huge"], "huge"),
    ],
)
def test_bad_input_gives_one_clear_line_and_non_zero_exit(
    run_cli: RunCli, tmp_path: Path, setup: str, args: list[str], message: str
) -> None:
    path = tmp_path / "target.sqlite"
    if setup == "text":
        path.write_text("tên,vĩ độ,kinh độ\n")
    elif setup == "folder":
        path.mkdir()
    result = run_cli(*[a.format(path=path) for a in args])
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert result.stdout == ""
    if setup == "text":
        assert path.read_text() == "tên,vĩ độ,kinh độ\n"


def test_search_without_hits_says_so(demo_file: Path) -> None:
    result = CliRunner().invoke(main, ["search", "--db", str(demo_file), "zzqx"])
    assert result.exit_code == 0
    assert "Không tìm thấy. / Nothing found." in result.output


def test_no_vietnamese_string_in_the_command_line_outside_the_translation_files() -> None:
    """What a command prints in Vietnamese is a template marked for the translation files, so it
    is printed with its English: no Vietnamese literal or f-string is echoed as it is."""
    import ast

    import fieldsurvey.cli

    vietnamese = re.compile(r"[À-ỹĐđ]")
    left = []
    for path in sorted(Path(fieldsurvey.cli.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marked = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP"
            for inner in ast.walk(node)
        }
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        left += [
            f"{path.name}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in marked | docstrings
            and vietnamese.search(node.value)
        ]
    assert left == []


def test_a_bad_mapping_is_said_in_both_languages(tmp_path: Path) -> None:
    inventory = tmp_path / "cameras.csv"
    inventory.write_text("lat,lon\n21.03,105.85\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["import-inventory", "--db", str(tmp_path / "w.sqlite"), str(inventory), "--map", "lat"],
    )
    assert result.exit_code != 0
    assert "'lat': cần FIELD=COLUMN. / 'lat': expected FIELD=COLUMN." in result.output


def test_report_form_is_set_shown_and_refused(tmp_path: Path, demo_file: Path) -> None:
    db = tmp_path / "office.sqlite"
    db.write_bytes(demo_file.read_bytes())
    runner = CliRunner()
    form = ["--symbol", "BC-CAHK", "--signer-name", "Lê Văn C"]
    recipients = ["--recipient", "Như trên", "--recipient", "Lưu: VT"]
    done = runner.invoke(main, ["report-form", "--db", str(db), *form, *recipients])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert any(line.startswith("Ký hiệu") and line.endswith(": BC-CAHK") for line in lines)
    shown = json.loads(runner.invoke(main, ["report-form", "--db", str(db), "--json"]).output)
    assert shown["symbol"] == "BC-CAHK" and shown["recipients"] == ["Như trên", "Lưu: VT"]
    assert shown["signer_name"] == "Lê Văn C"
    refused = runner.invoke(main, ["report-form", "--db", str(db), "--place", "Hà\x07Nội"])
    assert refused.exit_code != 0 and "Địa danh: có ký tự điều khiển." in refused.output
    again = json.loads(runner.invoke(main, ["report-form", "--db", str(db), "--json"]).output)
    assert again == shown


def test_communes_in_vietnamese_order_are_the_names_where_accepts(demo_file: Path) -> None:
    result = CliRunner().invoke(main, ["communes", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 126 and set(rows[0]) == {"code", "name", "kind"}
    names = [r["name"] for r in rows]
    start = names.index("Phường Dương Nội")
    assert names[start : start + 6] == [
        "Phường Dương Nội",
        "Phường Đại Mỗ",
        "Phường Định Công",
        "Phường Đông Ngạc",
        "Phường Đống Đa",
        "Phường Giảng Võ",
    ]
    assert names.index("Phường Ngọc Hà") < names.index("Phường Ô Chợ Dừa")
    assert names.index("Phường Ô Chợ Dừa") < names.index("Phường Phú Diễn")
    assert names.index("Xã Ứng Thiên") < names.index("Xã Yên Xuân")
    text = CliRunner().invoke(main, ["communes"]).output.splitlines()
    assert text[len(text) - 1].startswith(rows[-1]["code"]) and "Xã Yên Xuân" in text[-1]
    # each name is what the report's filter takes
    ward = next(r for r in rows if r["name"] == "Phường Ô Chợ Dừa")
    from fieldsurvey.core.reports.filters import parse_where
    from fieldsurvey.core.store.workspace import Workspace

    with Workspace.open(demo_file) as ws:
        assert parse_where(ws.db, [f"commune={ward['name']}"]).communes == (ward["code"],)


def test_units_in_vietnamese_order_are_the_names_owner_accepts(demo_file: Path) -> None:
    result = CliRunner().invoke(main, ["units", "--db", str(demo_file), "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) > 10 and set(rows[0]) == {"id", "name"}
    from fieldsurvey.core.collation import sort_key
    from fieldsurvey.core.reports.filters import parse_where
    from fieldsurvey.core.store.workspace import Workspace

    names = [r["name"] for r in rows]
    assert names == sorted(names, key=sort_key) and names != sorted(names)
    with Workspace.open(demo_file) as ws:
        for row in rows[:3]:
            assert parse_where(ws.db, [f"owner={row['name']}"]).owners == (row["id"],)
    text = CliRunner().invoke(main, ["units", "--db", str(demo_file)]).output.splitlines()
    assert [line.split("  ", 1)[1] for line in text] == names


def test_demo_built_as_of_a_given_day(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    made = run_cli("demo", "--db", str(db), "--quiet", "--today", "2030-01-10")
    assert made.returncode == 0, made.stderr
    with closing(sqlite3.connect(db)) as conn:
        dues = {r[0] for r in conn.execute("SELECT due_date FROM assignments")}
    assert dues == {"2030-01-17", "2030-01-31"}
