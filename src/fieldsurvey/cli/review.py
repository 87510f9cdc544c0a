"""Review, conflict, inbox, progress and dashboard commands for the office (no Qt imported here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from fieldsurvey.cli.common import (
    DB_OPTION,
    json_option,
    open_workspace,
    print_json,
    say,
    user_errors,
)
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP
from fieldsurvey.core.store.workspace import Workspace

USER_OPTION = click.option(
    "--user",
    default=None,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tên người duyệt (mặc định: tên trong cài đặt)."))),
)
_WHERE_KEYS = {
    "commune": "commune_code",
    "site": "site_id",
    "unit": "unit_id",
    "device": "device",
    "state": "state",
    "search": "text",
}


def _where(table: str, conditions: tuple[str, ...]) -> Any:
    from fieldsurvey.core.office.review import ReviewFilter

    values: dict[str, str] = {}
    for condition in conditions:
        key, sep, value = condition.partition("=")
        if not sep or key.strip() not in _WHERE_KEYS or not value.strip():
            raise ValidationError(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli", "--where {condition}: cần dạng KHÓA=GIÁ TRỊ với khóa là {keys}."
                    ),
                    condition=repr(condition),
                    keys=", ".join(_WHERE_KEYS),
                ),
                code="bad-where",
            )
        values[_WHERE_KEYS[key.strip()]] = value.strip()
    return ReviewFilter(table, **values)


@click.command(
    name="review",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Duyệt bản ghi."))),
)
@DB_OPTION
@click.option(
    "--table",
    required=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "sites, cameras, shortcomings hoặc needs."))),
)
@click.option(
    "--id", "record_id", help=str(say(QT_TRANSLATE_NOOP("cli", "Một bản ghi cần duyệt.")))
)
@click.option(
    "--where",
    "conditions",
    multiple=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Duyệt mọi bản ghi khớp KHÓA=GIÁ TRỊ (lặp lại được, phải khớp tất cả): "
                "commune=MÃ, site=ID, unit=ID, device=ID-hoặc-tên, "
                "state=received|approved|needs_revision|rejected|changed_after_approval|none "
                "(none: chưa duyệt lần nào), search=CHỮ (tìm như danh sách, có dấu hay "
                "không đều được).",
            )
        )
    ),
)
@click.option(
    "--state",
    required=True,
    type=click.Choice(["received", "approved", "needs_revision", "rejected"]),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Kết quả duyệt."))),
)
@click.option(
    "--comment",
    default=None,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Bắt buộc với needs_revision và rejected."))),
)
@USER_OPTION
def review_command(
    db_path: Path,
    table: str,
    record_id: str | None,
    conditions: tuple[str, ...],
    state: str,
    comment: str | None,
    user: str | None,
) -> None:
    from fieldsurvey.core.office.review import review, review_many

    with user_errors():
        if (record_id is None) == (not conditions):
            raise ValidationError(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli", "Cho --id (một bản ghi) hoặc --where (nhiều bản ghi), không cả hai."
                    )
                ),
                code="id-or-where",
            )
        with open_workspace(db_path, user) as ws:
            if record_id is not None:
                review(ws, table, record_id, state, comment)
                count = 1
            else:
                count = review_many(ws, _where(table, conditions), state, comment)
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "Đã duyệt {count} bản ghi ({state})."),
            count=count,
            state=state,
        )
    )


@click.command(
    name="history",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli", "Lịch sử một bản ghi, hoặc kiểm tra toàn bộ lịch sử (--verify)."
            )
        )
    ),
)
@DB_OPTION
@click.option(
    "--table", help=str(say(QT_TRANSLATE_NOOP("cli", "Bảng của bản ghi (sites, cameras, …).")))
)
@click.option("--id", "record_id", help=str(say(QT_TRANSLATE_NOOP("cli", "Bản ghi."))))
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi trường thay đổi một đối tượng JSON."))
@click.option(
    "--verify",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Kiểm tra nhật ký của mọi tác giả trong tệp dữ liệu khảo sát (chuỗi băm và đầu "
                "nhật ký đã ký); thoát với mã 1 và nêu mắt xích hỏng đầu tiên khi một "
                "dòng bị sửa ngoài ứng dụng.",
            )
        )
    ),
)
def history_command(
    db_path: Path, table: str | None, record_id: str | None, as_json: bool, verify: bool
) -> None:
    from fieldsurvey.core.office.review import REVIEWABLE, record_history, reviews_of

    if verify:
        _verify_history(db_path, as_json)
        return
    if table is None or record_id is None:
        raise click.UsageError(
            str(say(QT_TRANSLATE_NOOP("cli", "Cần --table và --id (hoặc --verify).")))
        )
    with user_errors(), Workspace.open(db_path) as ws:
        rows = record_history(ws, table, record_id)
        reviews = reviews_of(ws, table, record_id) if table in REVIEWABLE else []
    for row in rows:
        if as_json:
            print_json(row)
        else:
            click.echo(
                f"{'*' if row['after_approval'] else ' '} "
                f"{row['at']}  {row['device']:<10} {row['user'] or '-':<12} {row['op']:<6} "
                f"{row['field']}: {row['old']!r} → {row['new']!r}"
            )
    if not as_json:
        if any(row["after_approval"] for row in rows):
            click.echo(say(QT_TRANSLATE_NOOP("cli", "*: thay đổi sau lần duyệt trước.")))
        reviewed = say(QT_TRANSLATE_NOOP("cli", "Duyệt"))
        for item in reviews:
            click.echo(
                f"{reviewed} {item['reviewed_at']}: {item['state_vi']}"
                + (f" — {item['comment']}" if item["comment"] else "")
            )


def _verify_history(db_path: Path, as_json: bool) -> None:
    from dataclasses import asdict

    from fieldsurvey.core.trust.authorship import verify_history

    with user_errors(), Workspace.open(db_path) as ws:
        findings = verify_history(ws.db)
    for finding in findings:
        if as_json:
            print_json(asdict(finding))
            continue
        if finding.broken:
            broken_label = say(QT_TRANSLATE_NOOP("cli", "HỎNG"))
            state = f"{broken_label}: {finding.broken}"
        elif finding.attested:
            state = str(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "nguyên vẹn, {count} mục được tệp dữ liệu khảo sát này chứng thực "
                        "khi nâng cấp (tác "
                        "giả không chứng minh được)",
                    ),
                    count=finding.signed_up_to,
                )
            )
        elif finding.signed_up_to:
            state = str(
                say(
                    QT_TRANSLATE_NOOP("cli", "nguyên vẹn, tác giả ký đến mục {entry}"),
                    entry=finding.signed_up_to,
                )
            )
        else:
            state = str(say(QT_TRANSLATE_NOOP("cli", "nguyên vẹn")))
        if finding.unsigned and not finding.broken:
            not_signed = say(QT_TRANSLATE_NOOP("cli", "mục chưa ký (thiết bị ký khi xuất gói)"))
            state += f"; {finding.unsigned} {not_signed}"
        entries = say(QT_TRANSLATE_NOOP("cli", "mục"))
        click.echo(f"{finding.device_id}  {finding.entries:>8} {entries}  {state}")
    broken = [f for f in findings if f.broken]
    if broken:
        click.echo(
            say(
                QT_TRANSLATE_NOOP("cli", "Lịch sử bị sửa ngoài ứng dụng ở {count} nhật ký."),
                count=len(broken),
            ),
            err=True,
        )
        raise SystemExit(1)
    if not as_json:
        click.echo(
            say(
                QT_TRANSLATE_NOOP("cli", "Lịch sử nguyên vẹn: {count} nhật ký."),
                count=len(findings),
            )
        )


def _side(side: dict[str, Any]) -> str:
    return f"{side['value']!r} ({side['device']}, {side['user'] or '-'}, {side['at']})"


@click.command(
    name="conflicts",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Hàng đợi xung đột."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi xung đột một đối tượng JSON."))
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Cả các xung đột đã xử lý."))),
)
def conflicts_command(db_path: Path, as_json: bool, show_all: bool) -> None:
    from fieldsurvey.core.office.conflicts import list_conflicts

    with user_errors(), Workspace.open(db_path) as ws:
        found = list_conflicts(ws, status="all" if show_all else "open")
    resolved = say(QT_TRANSLATE_NOOP("cli", "đã xử lý"))
    for item in found:
        if as_json:
            print_json(item)
        else:
            click.echo(
                f"{item['id']}  {item['table']}/{item['record_id']} {item['title'] or ''} "
                f"[{item['field']}]  a: {_side(item['a'])}  b: {_side(item['b'])}"
                + ("" if item["status"] == "open" else f"  ({resolved})")
            )
    if not as_json:
        conflicts = say(QT_TRANSLATE_NOOP("cli", "xung đột."))
        click.echo(f"{len(found)} {conflicts}", err=True)


@click.command(
    name="resolve",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Xử lý một xung đột."))),
)
@DB_OPTION
@click.argument("conflict_id")
@click.option(
    "--take",
    type=click.Choice(["a", "b"]),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Giữ giá trị a hoặc giá trị b."))),
)
@click.option(
    "--value",
    default=None,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli", "Thay bằng một giá trị thứ ba (được kiểm tra như mọi giá trị)."
            )
        )
    ),
)
@USER_OPTION
def resolve_command(
    db_path: Path, conflict_id: str, take: str | None, value: str | None, user: str | None
) -> None:
    from fieldsurvey.core.office.conflicts import resolve

    with user_errors(), open_workspace(db_path, user) as ws:
        outcome = resolve(ws, conflict_id, take=take, value=value)
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "Đã xử lý: {table}/{record} {field} = {value}."),
            table=outcome["table"],
            record=outcome["record_id"],
            field=outcome["field"],
            value=repr(outcome["value"]),
        )
    )


@click.command(
    name="progress",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tiến độ so với hạn."))),
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
    "--by",
    type=click.Choice(["unit", "commune", "assignment", "chase"]),
    default="unit",
    show_default=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Mỗi dòng một đơn vị, xã phường hoặc việc được giao, hoặc danh sách cần đôn đốc.",
            )
        )
    ),
)
def progress_command(db_path: Path, as_json: bool, today: dt.datetime | None, by: str) -> None:
    from fieldsurvey.core.office.progress import lateness, progress

    day = today.date() if today is not None else dt.date.today()
    with user_errors(), Workspace.open(db_path) as ws:
        result = progress(ws, day)
    key = {"unit": "units", "commune": "communes", "assignment": "assignments", "chase": "chase"}
    late = str(say(QT_TRANSLATE_NOOP("cli", "TRỄ"))) + " "
    for row in result[key[by]]:
        if as_json:
            print_json(row)
            continue
        name = row.get("unit_name") or row.get("name") or row.get("code")
        counts = say(
            QT_TRANSLATE_NOOP(
                "cli",
                "{surveyed}/{expected} địa điểm, {reviewed}/{records} bản ghi đã duyệt, hạn {due}",
            ),
            surveyed=row["surveyed"],
            expected="?" if row["expected"] is None else row["expected"],
            reviewed=row["reviewed"],
            records=row["records"],
            due=row["due_date"] or "-",
        )
        line = f"{late if row['late'] else ' ' * len(late)}{name}: {counts}"
        if by == "chase":
            reminded = say(
                QT_TRANSLATE_NOOP("cli", "{lateness}; liên hệ: {contact}; đã nhắc: {reminded}"),
                lateness=lateness(row["days_left"]) or "-",
                contact=row["contact"] or "-",
                reminded=row["reminded_on"] or "-",
            )
            line += f" — {reminded}"
        click.echo(line)


@click.command(
    name="inbox",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Gói đã nhận."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi gói hoặc bản ghi một đối tượng JSON."))
@click.option(
    "--package",
    "package_id",
    default=None,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Các bản ghi một gói mang đến."))),
)
def inbox_command(db_path: Path, as_json: bool, package_id: str | None) -> None:
    from fieldsurvey.core.office.inbox import held_back, inbox, package_records

    with user_errors(), Workspace.open(db_path) as ws:
        rows = package_records(ws, package_id) if package_id else inbox(ws)
        waiting = [] if package_id else held_back(ws)
    for row in rows:
        if as_json:
            print_json(row)
        elif package_id:
            click.echo(
                f"{row['outcome']:<8} {row['table']}/{row['record_id']} {row['title'] or ''} "
                f"[{', '.join(row['fields'])}]"
            )
        else:
            brought = say(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "{new} mới, {updated} cập nhật, {deleted} xóa, {conflicts} xung đột, "
                    "{photos} ảnh",
                ),
                **{k: row[k] for k in ("new", "updated", "deleted", "conflicts", "photos")},
            )
            click.echo(
                f"{row['imported_at']}  {row['sender_name']:<10} {row['package_id']}  {brought}"
            )
    held_back_label = say(QT_TRANSLATE_NOOP("cli", "Giữ lại"))
    for item in waiting:
        if not as_json:
            click.echo(f"{held_back_label}: {item['path']}", err=True)


@click.command(
    name="dashboard",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Số liệu cho biểu đồ."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Một đối tượng JSON chứa mọi biểu đồ."))
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Ngôn ngữ của nhãn."))),
)
def dashboard_command(db_path: Path, as_json: bool, lang: str) -> None:
    from fieldsurvey.core.office.dashboard import dashboard

    with user_errors(), Workspace.open(db_path) as ws:
        figures = dashboard(ws.db)
    if as_json:
        print_json(figures)
        return
    for name, rows in figures.items():
        if name == "totals":
            continue
        click.echo(name)
        for row in rows:
            click.echo(f"  {row['count']:>7}  {row[f'label_{lang}']}")


COMMANDS = (
    review_command,
    history_command,
    conflicts_command,
    resolve_command,
    progress_command,
    inbox_command,
    dashboard_command,
)
