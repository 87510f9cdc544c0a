"""Basemap commands: find a place on the street basemap."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import open_workspace, print_json, user_errors


@click.command(name="places")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option(
    "--limit", type=click.IntRange(1, 500), default=10, show_default=True, help="At most this many."
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also the sites of this workspace.",
)
@click.option(
    "--basemap",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Another basemap (.mbtiles) than the bundled one.",
)
def places_command(
    query: str, as_json: bool, limit: int, db_path: Path | None, basemap: Path | None
) -> None:
    """Tìm đường phố, địa danh, toạ độ. / Find streets, places and coordinates ("hang bai").

    The place index of a basemap is built on first use (a few seconds) and kept in the cache.
    """
    from fieldsurvey.core.map import places
    from fieldsurvey.core.settings import cache_dir

    basemap = basemap or places.default_basemap()
    with user_errors():
        if not places.index_path(basemap, cache_dir()).is_file():
            click.echo(f"{places.BUILDING}…", err=True)
        index = places.build_index(basemap, cache_dir())
        hits = []
        if db_path is not None:
            with open_workspace(db_path) as ws:
                hits = places.workspace_places(ws.db, query, limit=limit)
        hits = (hits + places.search(index, query, limit=limit))[:limit]
    for hit in hits:
        if as_json:
            print_json(hit.as_dict())
        else:
            click.echo(f"{hit.kind:<14} {hit.lat:.6f}, {hit.lon:.6f}  {hit.name}")
    if not hits and not as_json:
        click.echo("Không tìm thấy. / Nothing found.", err=True)


COMMANDS = (places_command,)
