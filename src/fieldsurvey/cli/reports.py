"""Report commands (no Qt imported here)."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import DB_OPTION, open_workspace, say, user_errors
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message

WHERE_OPTION = click.option(
    "--where",
    "where",
    multiple=True,
    metavar="KEY=VALUE",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Lọc: commune=, purpose=, condition=, owner=, review= (lặp lại được; cùng khoá: "
                "một trong các giá trị, khác khoá: tất cả).",
            )
        )
    ),
)
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Ngôn ngữ tiêu đề và nhãn."))),
)


@click.command(
    name="report",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Lập báo cáo toàn thành phố."))),
)
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["xlsx", "pdf", "gpkg", "geojson", "csv"], case_sensitive=False),
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "xlsx: bảng tính; pdf: báo cáo tóm tắt; gpkg: GeoPackage (QGIS); geojson, csv: "
                "camera với thẻ OpenStreetMap.",
            )
        )
    ),
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp kết quả (ghi đè khi xong)."))),
)
@WHERE_OPTION
@LANG_OPTION
@click.option(
    "--omit-sensitive",
    is_flag=True,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Lược bỏ liên hệ, ảnh; làm tròn vị trí mục tiêu an ninh."))
    ),
)
@click.option(
    "--photos",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Kèm bản sao ảnh đã xoá siêu dữ liệu (geojson, csv) vào thư mục <tên>_photos.",
            )
        )
    ),
)
@click.option(
    "--quiet", "-q", is_flag=True, help=str(say(QT_TRANSLATE_NOOP("cli", "Không in tiến độ.")))
)
def report_command(
    db_path: Path,
    fmt: str,
    out: Path,
    where: tuple[str, ...],
    lang: str,
    omit_sensitive: bool,
    photos: bool,
    quiet: bool,
) -> None:
    from fieldsurvey.core.reports.writing import write_report

    def progress(done: int, total: int, message: Message | str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    with user_errors(), open_workspace(db_path) as ws:
        counts = write_report(
            ws.db,
            fmt,
            out,
            where=where,
            lang=lang,
            omit_sensitive=omit_sensitive,
            photos=photos,
            workspace_path=ws.path,
            progress=progress,
        )
    if not quiet:
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        written = say(QT_TRANSLATE_NOOP("cli", "Đã ghi"))
        click.echo(f"{written} {out} ({summary})", err=True)


@click.command(
    name="map-html",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli", "Xuất bản đồ camera ra một tệp HTML, mở được khi không có mạng."
            )
        )
    ),
)
@DB_OPTION
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp HTML (ghi đè khi xong)."))),
)
@WHERE_OPTION
@LANG_OPTION
def map_html_command(db_path: Path, out: Path, where: tuple[str, ...], lang: str) -> None:
    from fieldsurvey.core.map.export import export_map_html

    with user_errors(), open_workspace(db_path) as ws:
        count = export_map_html(ws.db, out, where=where, lang=lang)
    written = say(QT_TRANSLATE_NOOP("cli", "Đã ghi"))
    click.echo(f"{written} {out} ({count} camera)", err=True)


COMMANDS = (report_command, map_html_command)
