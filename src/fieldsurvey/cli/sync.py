"""Sync packages: export, verify and import."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fieldsurvey.cli.common import (
    DB_OPTION,
    PASSPHRASE_FILE,
    json_option,
    open_workspace,
    print_json,
    say,
    user_errors,
)
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP


@click.command(
    name="export",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Xuất gói đồng bộ."))),
)
@DB_OPTION
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp gói sẽ ghi (ví dụ trên USB)."))),
)
@click.option(
    "--to",
    "recipient",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Mã thiết bị nhận (mặc định: văn phòng đã đăng ký)."))),
)
@click.option(
    "--full",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tất cả, không chỉ những gì nơi nhận còn thiếu."))),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Không ghi gì: liệt kê những gì sẽ gửi, theo bảng và số lượng (và bao "
                "nhiêu thay đổi chỉ gửi vị trí của chúng trong nhật ký).",
            )
        )
    ),
)
@PASSPHRASE_FILE
def export_command(
    db_path: Path,
    out: Path | None,
    recipient: str | None,
    full: bool,
    dry_run: bool,
    passphrase_file: Path | None,
) -> None:
    from fieldsurvey.core.sync.export import export_package, pending_export

    if dry_run:
        with user_errors(), open_workspace(db_path) as ws:
            pending = pending_export(ws, recipient_id=recipient, full=full)
        recipient_label = say(QT_TRANSLATE_NOOP("cli", "Nơi nhận"))
        click.echo(f"{recipient_label}: {pending['recipient_name']} ({pending['recipient']})")
        for table, count in pending["by_table"].items():
            click.echo(f"  {table:<16} {count:>8}")
        digest_only = say(QT_TRANSLATE_NOOP("cli", "chỉ mã băm"))
        withheld = f"({digest_only})"
        photos = str(say(QT_TRANSLATE_NOOP("cli", "ảnh")))
        click.echo(
            f"  {withheld:<16} {pending['withheld']:>8}\n  {photos:<16} {pending['photos']:>8}"
        )
        return
    if out is None:
        raise click.UsageError(str(say(QT_TRANSLATE_NOOP("cli", "Cần --out (hoặc --dry-run)."))))
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        manifest = export_package(ws, out, recipient_id=recipient, full=full)
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "{file}: {changes} thay đổi, {photos} ảnh (gói {package})"),
            file=out,
            changes=manifest["changes"],
            photos=manifest["photos"],
            package=manifest["package_id"],
        )
    )


@click.command(
    name="verify",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Kiểm tra gói mà không nhập."))),
)
@click.argument("package", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@DB_OPTION
@PASSPHRASE_FILE
def verify_command(package: Path, db_path: Path, passphrase_file: Path | None) -> None:
    from fieldsurvey.core.sync.importing import verify

    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        manifest = verify(ws, package)
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "Gói hợp lệ: {changes} thay đổi từ {sender}."),
            changes=manifest["changes"],
            sender=manifest["sender"],
        )
    )


@click.command(
    name="import",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Nhập gói đồng bộ."))),
)
@DB_OPTION
@click.argument(
    "packages",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi gói một đối tượng JSON."))
@click.option(
    "--dry-run",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Kiểm tra và đếm những gì sẽ thay đổi (mới, cập nhật, xung đột, xóa, "
                "đã nhập trước đây) mà không ghi gì.",
            )
        )
    ),
)
@PASSPHRASE_FILE
def import_command(
    db_path: Path,
    packages: tuple[Path, ...],
    as_json: bool,
    dry_run: bool,
    passphrase_file: Path | None,
) -> None:
    from fieldsurvey.core.sync.importing import import_package

    refused = 0
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        ws.identity()  # the keys unlocked once, before any package (a wrong passphrase stops)
        for package in packages:
            try:
                report = import_package(ws, package, dry_run=dry_run)
            except FieldSurveyError as exc:
                refused += 1
                reason = getattr(exc, "reason", "refused")
                if as_json:
                    print_json(
                        {"file": str(package), "ok": False, "reason": reason, "error": str(exc)}
                    )
                else:
                    click.echo(
                        say(
                            QT_TRANSLATE_NOOP("cli", "TỪ CHỐI {file}: {reason}"),
                            file=package,
                            reason=exc,
                        ),
                        err=True,
                    )
                continue
            counts = {
                "new": report.new,
                "updated": report.updated,
                "conflicts": report.conflicts,
                "deleted": report.deleted,
                "already_imported": report.already_imported,
            }
            if as_json:
                print_json(
                    {
                        "file": str(package),
                        "ok": True,
                        "dry_run": dry_run,
                        "package_id": report.package_id,
                        "sender": report.sender,
                        "changes": report.applied,
                        "photos": report.photos,
                        **counts,
                    }
                )
            elif report.already_imported:
                click.echo(
                    say(
                        QT_TRANSLATE_NOOP("cli", "{file}: đã nhập trước đây, không thay đổi gì."),
                        file=package,
                    )
                )
            else:
                template = (
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "(thử) {file}: {new} mới, {updated} cập nhật, {deleted} xóa, "
                        "{conflicts} xung đột, {photos} ảnh.",
                    )
                    if dry_run
                    else QT_TRANSLATE_NOOP(
                        "cli",
                        "{file}: {new} mới, {updated} cập nhật, {deleted} xóa, "
                        "{conflicts} xung đột, {photos} ảnh.",
                    )
                )
                click.echo(say(template, file=package, photos=report.photos, **counts))
        if not dry_run:
            from fieldsurvey.core.photos.store import make_missing_copies

            made, problems = make_missing_copies(ws)
            if made and not as_json:
                click.echo(
                    say(
                        QT_TRANSLATE_NOOP("cli", "Đã tạo ảnh thu nhỏ cho {count} ảnh mới."),
                        count=made,
                    )
                )
            for problem in problems:
                click.echo(
                    say(QT_TRANSLATE_NOOP("cli", "Ảnh: {problem}"), problem=problem), err=True
                )
    if refused:
        sys.exit(1)


COMMANDS = (export_command, verify_command, import_command)
