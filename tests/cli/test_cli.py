"""The command line: help everywhere, JSON shapes, and one clear line for every bad input."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from fieldsurvey.cli.main import main

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def commands(group: click.Group) -> list[str]:
    return sorted(group.commands)


@pytest.mark.parametrize("name", commands(main))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert command.help and len(command.help) > 10
    vietnamese, _, english = command.help.partition(" / ")  # the English from the .ts file
    assert vietnamese and english and english != vietnamese, command.help
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.name} has no help"


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
        ("text", ["stats", "--db", "{path}"], "không phải là workspace"),
        ("missing", ["stats", "--db", "{path}"], "Không tìm thấy"),
        ("text", ["search", "--db", "{path}", "x"], "không phải là workspace"),
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
