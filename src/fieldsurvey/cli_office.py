"""Office commands over the camera inventory: duplicate cameras (no Qt imported here)."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli import DB_OPTION, _open, main, print_json, user_errors


@main.command(name="duplicates")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per candidate pair.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Lowest score to list (sites: 0.7 is a good start).",
)
@click.option(
    "--sites", is_flag=True, help="Địa điểm trùng thay vì camera. / Duplicate sites instead."
)
def duplicates_command(db_path: Path, as_json: bool, threshold: float, sites: bool) -> None:
    """Camera (hoặc địa điểm) có thể trùng lắp. / Candidate duplicate cameras (or sites), best
    first; pairs decided "not a duplicate" are never listed again."""
    from fieldsurvey.core.duplicates import find_duplicate_sites, find_workspace_duplicates

    with user_errors(), _open(db_path) as ws:
        pairs = (
            find_duplicate_sites(ws.db, threshold)
            if sites
            else find_workspace_duplicates(ws, threshold)
        )
    for pair in pairs:
        if as_json:
            print_json(pair)
        else:
            click.echo(
                f"{pair['score']:.2f}  {pair['a']['id']}  {pair['b']['id']}  "
                f"{'; '.join(pair['reasons'])}"
            )
    if not as_json:
        click.echo(f"{len(pairs)} cặp có thể trùng. / candidate pairs.", err=True)
