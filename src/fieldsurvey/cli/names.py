"""The names the filters accept (``--where commune=…``, ``--owner``): Hà Nội's communes and a
workspace's units, in Vietnamese alphabetical order (no Qt imported here)."""

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
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP


@click.command(
    name="communes",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Các xã, phường của Hà Nội (mã, tên, loại) theo thứ tự chữ cái tiếng Việt: "
                "tên hoặc mã dùng được cho --where commune=.",
            )
        )
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi kết quả một đối tượng JSON."))
def communes_command(as_json: bool) -> None:
    from fieldsurvey.core.reference import bundled_communes

    for commune in bundled_communes():
        row = {"code": commune["code"], "name": commune["name"], "kind": commune["type"]}
        if as_json:
            print_json(row)
        else:
            click.echo(f"{row['code']}  {row['name']}  ({row['kind']})")


@click.command(
    name="units",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Các đơn vị của tệp dữ liệu khảo sát (mã, tên) theo thứ tự chữ cái tiếng "
                "Việt: tên hoặc mã "
                "dùng được cho --owner và --where owner=.",
            )
        )
    ),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi kết quả một đối tượng JSON."))
def units_command(db_path: Path, as_json: bool) -> None:
    from fieldsurvey.core.store.listing import unit_choices

    with user_errors(), open_workspace(db_path) as ws:
        units = unit_choices(ws.db)
    for unit_id, name in units:
        if as_json:
            print_json({"id": unit_id, "name": name})
        else:
            click.echo(f"{unit_id}  {name}")


COMMANDS = (communes_command, units_command)
