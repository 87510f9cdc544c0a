"""The `fieldsurvey` command: thin click commands over fieldsurvey.core (no Qt imported here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from fieldsurvey import __version__
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.workspace import Workspace

DB_OPTION = click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp workspace (.sqlite). / The workspace file.",
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a FieldSurvey error as one line on stderr with a non-zero exit, never a traceback."""
    try:
        yield
    except FieldSurveyError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        raise click.ClickException("Đã huỷ. / Cancelled.") from None


def print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True))


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="fieldsurvey")
@click.pass_context
def main(ctx: click.Context) -> None:
    """FieldSurvey: khảo sát camera giám sát của Hà Nội. / Survey Hà Nội's surveillance cameras.

    Run without a command to open the app on the last workspace (or the demo workspace).
    """
    if ctx.invoked_subcommand is None:
        from fieldsurvey.app import run_app

        sys.exit(run_app([]))


@main.command()
@DB_OPTION
@click.option(
    "--size",
    type=click.Choice(["small", "city"]),
    default="small",
    show_default=True,
    help="small: for training (~300 sites, ~1,000 cameras); city: 50,000 sites and "
    "200,000 cameras for benchmarks.",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Same seed, same content.")
@click.option(
    "--role",
    type=click.Choice(["surveyor", "office"]),
    default="surveyor",
    show_default=True,
    help="Whose workspace: a surveyor's laptop or the city office.",
)
@click.option("--device", default="demo", show_default=True, help="Device name of the workspace.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def demo(
    db_path: Path, size: str, seed: int, role: str, device: str, force: bool, quiet: bool
) -> None:
    """Tạo workspace demo. / Build the demo workspace (the same seed gives the same content)."""
    from fieldsurvey.core.demo import build_demo

    def progress(done: int, total: int, message: str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    with user_errors():
        counts = build_demo(
            db_path, size=size, seed=seed, role=role, device=device, force=force, progress=progress
        )
    if not quiet:
        click.echo(
            f"Đã tạo {db_path}: {counts['sites']} địa điểm, {counts['cameras']} camera, "
            f"{counts['shortcomings']} tồn tại, {counts['needs']} nhu cầu."
        )


@main.command(name="open")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def open_command(path: Path) -> None:
    """Mở ứng dụng với workspace PATH. / Open the app on the workspace PATH."""
    from fieldsurvey.app import run_app

    sys.exit(run_app([], path))


def _open(db_path: Path) -> Workspace:
    return Workspace.open(db_path)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(db_path: Path, as_json: bool) -> None:
    """Đếm bản ghi trong workspace. / Counts of everything in a workspace."""
    from fieldsurvey.core.stats import workspace_stats

    with user_errors(), _open(db_path) as ws:
        counts = workspace_stats(ws.db)
    if as_json:
        print_json(counts)
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value}")


@main.command()
@DB_OPTION
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help="At most this many hits.",
)
def search(db_path: Path, text: str, as_json: bool, limit: int) -> None:
    """Tìm không dấu. / Accent-insensitive search ("hoan kiem" finds "Hoàn Kiếm")."""
    from fieldsurvey.core.search import search as run_search

    with user_errors(), _open(db_path) as ws:
        hits = run_search(ws.db, text, limit=limit)
    for hit in hits:
        if as_json:
            print_json(hit)
        else:
            click.echo(f"{hit['kind']:<12} {hit['id']}  {hit['name']}")
    if not hits and not as_json:
        click.echo("Không tìm thấy. / Nothing found.", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
