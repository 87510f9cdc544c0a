"""Sync packages: export, verify and import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from fieldsurvey.core.store.workspace import Workspace

if TYPE_CHECKING:
    from fieldsurvey.core.map.basemaps import Basemap
    from fieldsurvey.core.sync.importing import ImportReport


def basemap_to_send(ws: Workspace, wanted: bool | None, sent: str | None) -> Basemap | None:
    """The basemap an export sends: by default the one an office installed and draws, unless
    the recipient was sent that very file before (``sent``: its SHA-256); with ``--basemap``
    it must exist and goes again, with ``--no-basemap`` none goes."""
    from fieldsurvey.core.map import basemaps

    if wanted is False:
        return None
    offered = basemaps.offered(ws.public_identity().role)
    if offered is None and wanted:
        raise click.UsageError(
            str(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "Không có bản đồ nền để gửi kèm: chỉ văn phòng gửi bản đồ nền, và chỉ "
                        "bản đã cài (fieldsurvey basemap install), không phải bản kèm theo ứng "
                        "dụng.",
                    )
                )
            )
        )
    if offered is not None and wanted is None and sent == basemaps.digest(offered.path):
        click.echo(
            say(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Bản đồ nền {name} ({date}) đã gửi cho nơi nhận này trước đây nên không gửi "
                    "lại (--basemap để gửi lại).",
                ),
                name=offered.name,
                date=offered.date or "—",
            )
        )
        return None
    return offered


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
@click.option(
    "--basemap/--no-basemap",
    "with_basemap",
    default=None,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Gửi kèm (hoặc không) bản đồ nền đã cài của máy này; mặc định: gửi khi máy "
                "là văn phòng và đang dùng một bản đồ nền đã cài.",
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
    with_basemap: bool | None,
    passphrase_file: Path | None,
) -> None:
    from fieldsurvey.core.map import basemaps
    from fieldsurvey.core.sync.export import (
        default_recipient,
        export_package,
        pending_export,
        sent_basemap,
    )

    if dry_run:
        with user_errors(), open_workspace(db_path) as ws:
            pending = pending_export(ws, recipient_id=recipient, full=full)
            basemap = basemap_to_send(ws, with_basemap, pending["basemap_sent"])
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
        if basemap is not None:
            click.echo(_basemap_going(basemap.name, basemap.date, basemap.size))
        return
    if out is None:
        raise click.UsageError(str(say(QT_TRANSLATE_NOOP("cli", "Cần --out (hoặc --dry-run)."))))
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        to = recipient or default_recipient(ws).device_id
        basemap = basemap_to_send(ws, with_basemap, sent_basemap(ws, to))
        manifest = export_package(
            ws,
            out,
            recipient_id=recipient,
            full=full,
            basemap=None if basemap is None else basemap.path,
            check_basemap=basemaps.check,
        )
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "{file}: {changes} thay đổi, {photos} ảnh (gói {package})"),
            file=out,
            changes=manifest["changes"],
            photos=manifest["photos"],
            package=manifest["package_id"],
        )
    )
    sent = manifest.get("basemap")
    if sent:
        click.echo(_basemap_going(sent["name"], sent["date"], sent["size"]))


def _basemap_going(name: str, date: str, size: int) -> str:
    from fieldsurvey.core.map.basemaps import megabytes

    return str(
        say(
            QT_TRANSLATE_NOOP("cli", "Gửi kèm bản đồ nền {name} ({date}, {size} MB)."),
            name=name,
            date=date or "—",
            size=megabytes(size),
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
    from fieldsurvey.core.map import basemaps
    from fieldsurvey.core.sync.importing import verify

    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        manifest = verify(ws, package, check_basemap=basemaps.check)
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
    from fieldsurvey.core.map import basemaps
    from fieldsurvey.core.sync.importing import import_package

    refused = 0
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        ws.identity()  # the keys unlocked once, before any package (a wrong passphrase stops)
        for package in packages:
            drawn = basemaps.active()
            try:
                report = import_package(
                    ws,
                    package,
                    dry_run=dry_run,
                    check_basemap=basemaps.check,
                    install_basemap=basemaps.install,
                )
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
                        "basemap": _basemap_json(report),
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
                _say_basemap(report, drawn)
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


def _basemap_json(report: ImportReport) -> dict[str, Any] | None:
    """What the JSON line says of the basemap a package carried."""
    if report.basemap is None:
        return None
    return {
        "name": report.basemap.name,
        "date": report.basemap.date,
        "size": report.basemap.size,
        "installed": report.basemap_installed,
        "path": str(report.basemap.path) if report.basemap_installed else None,
        "error": report.basemap_error,
    }


def _say_basemap(report: ImportReport, drawn: Path) -> None:
    """The basemap a package brought: installed (and drawn from the map's next start, unless
    a newer one is already here), already the one ``drawn`` before, or why not."""
    from fieldsurvey.core.map import basemaps

    if report.basemap_error is not None:
        click.echo(str(report.basemap_error), err=True)
    if report.basemap is None:
        return
    facts = {"name": report.basemap.name, "date": report.basemap.date or "—"}
    if report.dry_run:
        template = QT_TRANSLATE_NOOP("cli", "(thử) Sẽ cài bản đồ nền {name} ({date}) gửi kèm gói.")
    elif not report.basemap_installed:
        return
    elif report.basemap.path == drawn:
        template = QT_TRANSLATE_NOOP(
            "cli", "Bản đồ nền {name} ({date}) gửi kèm gói đã được cài trên máy này từ trước."
        )
    elif basemaps.active() == report.basemap.path:
        template = QT_TRANSLATE_NOOP(
            "cli", "Đã cài bản đồ nền {name} ({date}); bản đồ dùng nó từ lần mở sau."
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "cli",
            "Đã cài bản đồ nền {name} ({date}); máy đã có bản mới hơn, bản đồ vẫn dùng bản đó.",
        )
    click.echo(say(template, **facts))


COMMANDS = (export_command, verify_command, import_command)
