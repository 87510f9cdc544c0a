"""Basemap commands: find a place on the street basemap, install a newer basemap, list them."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import json_option, open_workspace, print_json, say, user_errors
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP


@click.command(
    name="places",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Tìm đường phố, địa danh, tọa độ trên bản đồ nền (không cần dấu: “hang bai”); "
                "chỉ mục địa danh được lập lần đầu (vài giây) rồi giữ lại.",
            )
        )
    ),
)
@click.argument("query")
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi kết quả một đối tượng JSON."))
@click.option(
    "--limit",
    type=click.IntRange(1, 500),
    default=10,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Nhiều nhất bấy nhiêu kết quả."))),
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tìm cả các địa điểm của tệp dữ liệu khảo sát này."))),
)
@click.option(
    "--basemap",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Một bản đồ nền khác (.mbtiles) thay cho bản đang dùng."))
    ),
)
def places_command(
    query: str, as_json: bool, limit: int, db_path: Path | None, basemap: Path | None
) -> None:
    from fieldsurvey.core.map import basemaps, places
    from fieldsurvey.core.settings import cache_dir

    with user_errors():
        basemap = basemap or basemaps.active()
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
        click.echo(say(QT_TRANSLATE_NOOP("cli", "Không tìm thấy.")), err=True)


@click.group(
    name="basemap",
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Bản đồ đường phố: cài bản mới hơn, xem các bản đã có."))
    ),
)
def basemap_group() -> None:
    pass


@basemap_group.command(
    name="install",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Kiểm tra một tệp MBTiles vector của thành phố và cài nó; bản đồ dùng nó thay "
                "bản kèm theo từ lần mở sau.",
            )
        )
    ),
)
@click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@json_option(QT_TRANSLATE_NOOP("cli", "Một đối tượng JSON."))
def install_command(source: Path, as_json: bool) -> None:
    from fieldsurvey.core.map import basemaps

    with user_errors():
        installed = basemaps.install(source)
    if as_json:
        print_json(installed.as_dict())
    else:
        click.echo(f"{installed.path}  {installed.name}  {installed.date}  {installed.size} B")


@basemap_group.command(
    name="list",
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Các bản đồ đường phố của máy này, bản đang dùng trước."))
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi bản đồ một đối tượng JSON."))
def list_command(as_json: bool) -> None:
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
