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
    from fieldsurvey.core.map import basemaps, places
    from fieldsurvey.core.settings import cache_dir

    basemap = basemap or basemaps.active()
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


@click.group(name="basemap")
def basemap_group() -> None:
    """Bản đồ đường phố. / The street basemaps: install a newer one, list them."""


@basemap_group.command(name="install")
@click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def install_command(source: Path, as_json: bool) -> None:
    """Cài bản đồ đường phố mới. / Check a vector MBTiles of the city and install it.

    It is drawn from the next start of the map, in place of the bundled one.
    """
    from fieldsurvey.core.map import basemaps

    with user_errors():
        installed = basemaps.install(source)
    if as_json:
        print_json(installed.as_dict())
    else:
        click.echo(f"{installed.path}  {installed.name}  {installed.date}  {installed.size} B")


@basemap_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per basemap.")
def list_command(as_json: bool) -> None:
    """Các bản đồ đường phố. / The street basemaps of this computer, the one drawn first."""
    from fieldsurvey.core.map import basemaps

    with user_errors():
        found = basemaps.available()
    for number, basemap in enumerate(found):
        if as_json:
            print_json({**basemap.as_dict(), "active": number == 0})
        else:
            mark = "*" if number == 0 else " "
            click.echo(
                f"{mark} {basemap.name}  {basemap.date or '—'}  {basemap.size / 1048576:.1f} MB  "
                f"z{basemap.min_zoom}–{basemap.max_zoom}  {basemap.bounds}  {basemap.path}"
            )


COMMANDS = (places_command, basemap_group)
