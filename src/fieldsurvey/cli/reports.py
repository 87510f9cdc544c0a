"""Report commands (no Qt imported here)."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import DB_OPTION, open_workspace, user_errors
from fieldsurvey.core.messages import Message

WHERE_OPTION = click.option(
    "--where",
    "where",
    multiple=True,
    metavar="KEY=VALUE",
    help="Lọc / filter: commune=, purpose=, condition=, owner=, review= (lặp lại được / "
    "repeatable; same key: either value, different keys: all).",
)
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ tiêu đề và nhãn. / Language of headers and labels.",
)


@click.command(name="report")
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["xlsx", "pdf", "gpkg", "geojson", "csv"], case_sensitive=False),
    help="xlsx: bảng tính / workbook; pdf: báo cáo tóm tắt / summary; gpkg: GeoPackage "
    "(QGIS); geojson, csv: camera với thẻ OpenStreetMap / cameras with OSM tags.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp kết quả (ghi đè khi xong). / The file to write (replaced once complete).",
)
@WHERE_OPTION
@LANG_OPTION
@click.option(
    "--omit-sensitive",
    is_flag=True,
    help="Lược bỏ liên hệ, ảnh; làm tròn vị trí mục tiêu an ninh. / Leave out contacts and "
    "photos; round positions at national-security sites.",
)
@click.option(
    "--photos",
    is_flag=True,
    help="Kèm bản sao ảnh đã xoá siêu dữ liệu (geojson, csv) vào thư mục <tên>_photos. / "
    "Add clean photo copies (geojson, csv) in a <name>_photos folder.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
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
    """Lập báo cáo toàn thành phố. / Write the city-wide report (xlsx, pdf, gpkg, geojson, csv)."""
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
        click.echo(f"Đã ghi / written {out} ({summary})", err=True)


@click.command(name="map-html")
@DB_OPTION
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp HTML (ghi đè khi xong). / The HTML file to write (replaced once complete).",
)
@WHERE_OPTION
@LANG_OPTION
def map_html_command(db_path: Path, out: Path, where: tuple[str, ...], lang: str) -> None:
    """Xuất bản đồ camera ra một tệp HTML, mở được khi không có mạng. / Write the cameras' map
    as one HTML file that opens offline (as "Xuất bản đồ HTML" in the app)."""
    from fieldsurvey.core.map.export import export_map_html

    with user_errors(), open_workspace(db_path) as ws:
        count = export_map_html(ws.db, out, where=where, lang=lang)
    click.echo(f"Đã ghi / written {out} ({count} camera)", err=True)


COMMANDS = (report_command, map_html_command)
