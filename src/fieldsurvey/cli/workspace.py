"""Commands on a workspace as a whole: the demo, opening the app, counts, search, the self-test."""

from __future__ import annotations

import datetime as dt
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


@click.command(help=str(say(QT_TRANSLATE_NOOP("cli", "Tạo tệp dữ liệu mẫu (demo)."))))
@DB_OPTION
@click.option(
    "--size",
    type=click.Choice(["small", "city"]),
    default="small",
    show_default=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "small: để tập huấn (~300 địa điểm, ~1.000 camera); city: 50.000 địa "
                "điểm và 200.000 camera để đo tốc độ.",
            )
        )
    ),
)
@click.option(
    "--seed",
    type=int,
    default=42,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Cùng hạt giống, cùng nội dung."))),
)
@click.option(
    "--role",
    type=click.Choice(["surveyor", "office"]),
    default="office",
    show_default=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Tệp dữ liệu khảo sát của ai: máy của cán bộ khảo sát hay văn phòng thành phố.",
            )
        )
    ),
)
@click.option(
    "--device",
    default=None,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Tên thiết bị của tệp dữ liệu khảo sát (mặc định: demo, hoặc office "
                "với --role office).",
            )
        )
    ),
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    # The demo as of that day (its survey before it, its due dates after): the same words as
    # the progress command's option, already in both languages.
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tính đến ngày này (YYYY-MM-DD; mặc định: hôm nay)."))),
)
@click.option(
    "--force", is_flag=True, help=str(say(QT_TRANSLATE_NOOP("cli", "Thay tệp nếu đã có.")))
)
@click.option(
    "--quiet", "-q", is_flag=True, help=str(say(QT_TRANSLATE_NOOP("cli", "Không in tiến độ.")))
)
def demo(
    db_path: Path,
    size: str,
    seed: int,
    role: str,
    device: str | None,
    today: dt.datetime | None,
    force: bool,
    quiet: bool,
) -> None:
    from fieldsurvey.core.demo.generator import build_demo

    def progress(done: int, total: int, message: Message | str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    with user_errors():
        counts = build_demo(
            db_path,
            size=size,
            seed=seed,
            role=role,
            device=device,
            force=force,
            progress=progress,
            today=today.date() if today else None,
        )
    if not quiet:
        click.echo(
            say(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Đã tạo {file}: {sites} địa điểm, {cameras} camera, {shortcomings} tồn tại, "
                    "{needs} nhu cầu.",
                ),
                file=db_path,
                **{k: counts[k] for k in ("sites", "cameras", "shortcomings", "needs")},
            )
        )


@click.command(
    name="open",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Mở ứng dụng với tệp dữ liệu khảo sát PATH."))),
)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def open_command(path: Path) -> None:
    from fieldsurvey.app import run_app

    sys.exit(run_app([], path))


@click.command(help=str(say(QT_TRANSLATE_NOOP("cli", "Đếm bản ghi trong tệp dữ liệu khảo sát."))))
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Một đối tượng JSON."))
def stats(db_path: Path, as_json: bool) -> None:
    from fieldsurvey.core.store.stats import workspace_stats

    with user_errors(), open_workspace(db_path) as ws:
        counts = workspace_stats(ws.db)
    if as_json:
        print_json(counts)
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value}")


@click.command(help=str(say(QT_TRANSLATE_NOOP("cli", "Tìm không dấu."))))
@DB_OPTION
@click.argument("text")
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi kết quả một đối tượng JSON."))
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Nhiều nhất bấy nhiêu kết quả."))),
)
def search(db_path: Path, text: str, as_json: bool, limit: int) -> None:
    from fieldsurvey.core.store.search import search as run_search

    with user_errors(), open_workspace(db_path) as ws:
        hits = run_search(ws.db, text, limit=limit)
    for hit in hits:
        if as_json:
            print_json(hit)
        else:
            click.echo(f"{hit['kind']:<12} {hit['id']}  {hit['name']}")
    if not hits and not as_json:
        click.echo(say(QT_TRANSLATE_NOOP("cli", "Không tìm thấy.")), err=True)


@click.command(
    help=str(say(QT_TRANSLATE_NOOP("cli", "Kiểm tra ứng dụng không cần màn hình."))),
)
@click.option(
    "--timeout",
    type=click.FloatRange(5, 3600),
    default=120,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Số giây chờ bản đồ trước khi bỏ cuộc."))),
)
def selftest(timeout: float) -> None:
    from fieldsurvey.app import run_selftest

    with user_errors():
        report = run_selftest(timeout)
    print_json(report)
    sys.exit(0 if report["ok"] else 1)


COMMANDS = (demo, open_command, stats, search, selftest)
