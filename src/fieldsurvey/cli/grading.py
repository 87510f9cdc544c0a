"""Grading the units: their scorecards against their assignments and the scale the office grades
them on (no Qt imported here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
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
    name="grades",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Đánh giá, xếp loại các đơn vị: đúng hạn, đầy đủ, chất lượng, theo thang điểm "
                "của văn phòng (grading-scale).",
            )
        )
    ),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi dòng một đối tượng JSON."))
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tính đến ngày này (YYYY-MM-DD; mặc định: hôm nay)."))),
)
@click.option(
    "--xlsx",
    "xlsx_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Ghi bảng đánh giá vào tệp XLSX này."))),
)
def grades_command(
    db_path: Path, as_json: bool, today: dt.datetime | None, xlsx_path: Path | None
) -> None:
    from fieldsurvey.core.office.grading import grade_label, unit_scorecards
    from fieldsurvey.core.reports.office_sheets import write_scorecards

    day = today.date() if today is not None else dt.date.today()
    with user_errors(), open_workspace(db_path) as ws:
        cards = unit_scorecards(ws, day)
        if xlsx_path is not None:
            write_scorecards(xlsx_path, cards, day)
    for card in cards:
        if as_json:
            print_json(card)
            continue
        label = grade_label(card["grade"])
        line = say(
            QT_TRANSLATE_NOOP(
                "cli",
                "{unit}: {grade} ({score} điểm) — đúng hạn {timeliness}, đầy đủ {completeness}, "
                "chất lượng {quality}",
            ),
            unit=card["unit_name"] or card["unit_id"],
            grade="-" if label is None else label,
            score="-" if card["score"] is None else card["score"],
            timeliness="-" if card["timeliness"] is None else card["timeliness"],
            completeness="-" if card["completeness"] is None else card["completeness"],
            quality="-" if card["quality"] is None else card["quality"],
        )
        click.echo(str(line))


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise click.BadParameter(
            str(
                say(QT_TRANSLATE_NOOP("cli", "Cần dạng TÊN=GIÁ_TRỊ (KEY=VALUE): {text}"), text=text)
            )
        )
    return name.strip(), value


@click.command(
    name="grading-scale",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Xem hoặc đặt thang điểm đánh giá đơn vị: trọng số từng tiêu chí, điểm tối thiểu "
                "của từng loại, điểm trừ mỗi ngày trễ, số ảnh mỗi camera (lưu trong tệp dữ liệu).",
            )
        )
    ),
)
@DB_OPTION
@click.option(
    "--set",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Đặt một mục, ví dụ good=80 hoặc quality_weight=25 (lặp lại được; "
                "không mục nào được lưu nếu có mục sai).",
            )
        )
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "In thang điểm dạng JSON."))
def grading_scale_command(db_path: Path, pairs: tuple[str, ...], as_json: bool) -> None:
    from fieldsurvey.core.office.grading import (
        FIELD_LABELS,
        GradingScaleError,
        grading_scale,
        save_grading_scale,
        with_values,
    )

    values = dict(_pair(p) for p in pairs)
    with user_errors(), open_workspace(db_path) as ws:
        scale = grading_scale(ws)
        if values:
            try:
                scale = save_grading_scale(ws, with_values(scale, values))
            except GradingScaleError as error:
                for problem in list(error.problems.values())[1:]:  # the first ends the command
                    click.echo(str(problem), err=True)
                raise
    if as_json:
        print_json(dataclasses.asdict(scale))
        return
    for name, label in FIELD_LABELS.items():
        click.echo(f"{name} — {Message('office', label)}: {getattr(scale, name):g}")


COMMANDS = (grades_command, grading_scale_command)
