"""Photos: what a photo's headers say, adding photos to records, placing them from a GPX track."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fieldsurvey.cli.common import (
    DB_OPTION,
    json_option,
    open_workspace,
    print_json,
    say,
    user_errors,
)
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message


@click.command(
    name="photo-info",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Đọc thông tin ảnh (GPS, thời gian, hướng…)."))),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi tệp một đối tượng JSON."))
@click.option(
    "--time-limit",
    type=click.FloatRange(1, 3600),
    default=60,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Số giây dành cho mỗi tệp trước khi bỏ tệp đó."))),
)
def photo_info(files: tuple[Path, ...], as_json: bool, time_limit: float) -> None:
    from fieldsurvey.core.photos.store import photo_infos

    with user_errors():
        infos = photo_infos(list(files), time_limit_s=time_limit)
    for info in infos:
        if as_json:
            print_json(info)
            continue
        click.echo(info["file"])
        for key, value in info.items():
            if key != "file" and value is not None:
                click.echo(f"  {key:<15} {value}")
    if not as_json and any(info["error"] for info in infos):
        with_errors = say(QT_TRANSLATE_NOOP("cli", "tệp lỗi."))
        click.echo(f"{sum(bool(i['error']) for i in infos)} {with_errors}", err=True)


@click.group(
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Ảnh trong tệp dữ liệu khảo sát: thêm, gắn vị trí từ GPX."))
    ),
)
def photos() -> None:
    pass


@photos.command(
    name="add",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Thêm ảnh vào tệp dữ liệu khảo sát."))),
)
@DB_OPTION
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "link",
    nargs=2,
    metavar="TABLE ID",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Gắn ảnh vào một bản ghi, ví dụ --to cameras 3f2a…"))),
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Số tiến trình xử lý (mặc định: mỗi lõi một tiến trình)."))
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi tệp một đối tượng JSON."))
def photos_add(
    db_path: Path,
    files: tuple[Path, ...],
    link: tuple[str, str] | None,
    workers: int | None,
    as_json: bool,
) -> None:
    from fieldsurvey.core.photos.store import ingest_photos

    def progress(done: int, total: int, name: Message | str) -> None:
        if not as_json:
            click.echo(f"[{done}/{total}] {name}", err=True)

    with user_errors(), open_workspace(db_path) as ws:
        results = ingest_photos(
            ws, [str(f) for f in files], link=link, workers=workers, progress=progress
        )
    new = str(say(QT_TRANSLATE_NOOP("cli", "mới")))
    kept = str(say(QT_TRANSLATE_NOOP("cli", "đã có")))
    width = max(len(new), len(kept))
    failed = 0
    for result in results:
        failed += result.error is not None
        if as_json:
            print_json(
                {
                    "file": result.source,
                    "photo_id": result.photo_id,
                    "sha256": result.sha256,
                    "created": result.created,
                    "error": result.error,
                    "warnings": result.warnings,
                }
            )
        elif result.error:
            click.echo(
                say(
                    QT_TRANSLATE_NOOP("cli", "LỖI {file}: {error}"),
                    file=result.source,
                    error=result.error,
                ),
                err=True,
            )
        else:
            state = new if result.created else kept
            click.echo(f"{result.photo_id}  {state:{width}}  {result.source}")
    if not as_json:
        click.echo(
            say(
                QT_TRANSLATE_NOOP("cli", "{stored} ảnh đã thêm, {failed} lỗi."),
                stored=len(results) - failed,
                failed=failed,
            ),
            err=True,
        )
    if failed == len(results):
        sys.exit(1)


@photos.command(
    name="geotag",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Gắn vị trí cho ảnh không có GPS từ tệp GPX."))),
)
@DB_OPTION
@click.option(
    "--gpx",
    "gpx_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Vết GPX từ máy ghi GPS."))),
)
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 86400),
    default=60,
    show_default=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli", "Số giây tối đa giữa ảnh và điểm GPS gần nhất để vẫn tính là khớp."
            )
        )
    ),
)
@click.option(
    "--camera-offset",
    type=float,
    default=0,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Số giây cộng vào đồng hồ máy ảnh để ra giờ đúng."))),
)
@click.option(
    "--utc-offset",
    default="+07:00",
    show_default=True,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Múi giờ của đồng hồ máy ảnh khi ảnh không ghi múi giờ."))
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi ảnh một đối tượng JSON."))
def photos_geotag(
    db_path: Path,
    gpx_path: Path,
    tolerance: float,
    camera_offset: float,
    utc_offset: str,
    as_json: bool,
) -> None:
    from fieldsurvey.core.photos.geotag import geotag_workspace

    with user_errors(), open_workspace(db_path) as ws:
        outcomes = geotag_workspace(
            ws,
            gpx_path,
            tolerance_s=tolerance,
            camera_offset_s=camera_offset,
            assumed_utc_offset=utc_offset,
        )
    for outcome in outcomes:
        if as_json:
            print_json(outcome)
        elif outcome["placed"]:
            gap = say(
                QT_TRANSLATE_NOOP("cli", "cách điểm GPS {seconds} s"),
                seconds=f"{outcome['gap_s']:.0f}",
            )
            click.echo(
                f"{outcome['photo_id']}  {outcome['lat']:.6f}, {outcome['lon']:.6f}  "
                f"{gap}  {outcome['file_name']}"
            )
        else:
            not_placed = say(
                QT_TRANSLATE_NOOP("cli", "không gắn được: {reason}"), reason=outcome["reason"]
            )
            click.echo(f"{outcome['photo_id']}  {not_placed}  {outcome['file_name']}")
    if not as_json:
        placed = sum(o["placed"] for o in outcomes)
        placed_label = say(QT_TRANSLATE_NOOP("cli", "ảnh được gắn vị trí."))
        click.echo(f"{placed}/{len(outcomes)} {placed_label}", err=True)


COMMANDS = (photo_info, photos)
