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
    help="Lowest score to list.",
)
def duplicates_command(db_path: Path, as_json: bool, threshold: float) -> None:
    """Camera có thể trùng lắp. / Candidate duplicate cameras, best first."""
    from fieldsurvey.core.duplicates import find_duplicates

    with user_errors(), _open(db_path) as ws:
        pairs = find_duplicates(ws.db, threshold)
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
