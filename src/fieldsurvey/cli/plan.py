"""The city camera plan from the command line: propose items for the needs, list them, accept or
reject them (core/office/plan.py; no Qt imported here)."""

from __future__ import annotations

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
from fieldsurvey.cli.reports import WHERE_OPTION
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

STATES = ("proposed", "accepted", "rejected")


@click.group(
    name="plan",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Phương án tổng thể: đề xuất tận dụng, kết nối, nâng cấp camera hiện có hoặc "
                "lắp mới cho các nhu cầu; xem, chấp thuận, không chấp thuận.",
            )
        )
    ),
)
def plan_group() -> None:
    pass


@plan_group.command(
    name="propose",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Đề xuất phương án cho mọi nhu cầu chưa có phương án: camera hiện có trước, "
                "rồi camera mới phục vụ được nhiều nhu cầu.",
            )
        )
    ),
)
@DB_OPTION
@WHERE_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Kết quả là một đối tượng JSON."))
@click.option(
    "--quiet", "-q", is_flag=True, help=str(say(QT_TRANSLATE_NOOP("cli", "Không in tiến độ.")))
)
def propose_command(db_path: Path, where: tuple[str, ...], as_json: bool, quiet: bool) -> None:
    from fieldsurvey.core.office.plan import propose
    from fieldsurvey.core.reports.filters import need_filter, parse_where

    def progress(done: int, total: int, message: Message | str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    with user_errors(), open_workspace(db_path) as ws:
        condition = need_filter(parse_where(ws.db, where)) if where else None
        result = propose(ws, where=condition, progress=progress)
    if as_json:
        print_json(
            {
                "written": result.written,
                "extended": result.extended,
                "needs_served": result.needs_served,
                "needs_left": list(result.needs_left),
            }
        )
        return
    click.echo(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Đã đề xuất: {reuse} tận dụng, {connect} kết nối, {upgrade} nâng cấp, {new} "
                "camera mới; {extended} phương án có sẵn thêm nhu cầu; {served} nhu cầu được "
                "phục vụ, {left} nhu cầu cần bố trí thủ công.",
            ),
            **result.written,
            extended=result.extended,
            served=result.needs_served,
            left=len(result.needs_left),
        )
    )


@plan_group.command(
    name="list",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Các mục của phương án, theo giai đoạn."))),
)
@DB_OPTION
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(STATES),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Chỉ các mục ở trạng thái này (lặp lại được)."))),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi mục một đối tượng JSON."))
def list_command(db_path: Path, states: tuple[str, ...], as_json: bool) -> None:
    from fieldsurvey.core.office.plan import plan_items

    with user_errors(), open_workspace(db_path) as ws:
        items = plan_items(ws.db, states=states)
    for item in items:
        if as_json:
            print_json(item)
            continue
        where = "" if item["lat"] is None else f"{item['lat']:.6f}, {item['lon']:.6f}"
        click.echo(
            f"{item['id']}  {item['decision']:<8} {item['state']:<9} "
            f"{item['cost'] or 0:>13,} VND  {len(item['needs']):>3}  {where}"
        )
    if not as_json:
        click.echo(say(QT_TRANSLATE_NOOP("cli", "{count} mục."), count=len(items)), err=True)


def _decide_command(name: str, state: str, help_text: str) -> click.Command:
    @plan_group.command(name=name, help=help_text)
    @DB_OPTION
    @click.argument("item_ids", nargs=-1, required=True)
    def command(db_path: Path, item_ids: tuple[str, ...]) -> None:
        from fieldsurvey.core.office.plan import decide

        with user_errors(), open_workspace(db_path) as ws:
            changed = decide(ws, item_ids, state)
        click.echo(say(QT_TRANSLATE_NOOP("cli", "Đã cập nhật {count} mục."), count=changed))

    return command


_decide_command(
    "accept", "accepted", str(say(QT_TRANSLATE_NOOP("cli", "Chấp thuận các mục (theo mã).")))
)
_decide_command(
    "reject",
    "rejected",
    str(say(QT_TRANSLATE_NOOP("cli", "Không chấp thuận các mục (theo mã)."))),
)

COMMANDS = (plan_group,)
