"""Report commands (no Qt imported here)."""

from __future__ import annotations

from collections.abc import Callable
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
                "Lọc: commune=, purpose=, condition=, owner=, review= (lặp lại được; cùng khóa: "
                "một trong các giá trị, khác khóa: tất cả).",
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
    type=click.Path(path_type=Path),
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli", "Tệp kết quả (ghi đè khi xong); với --per: thư mục (tạo nếu chưa có)."
            )
        )
    ),
)
@click.option(
    "--per",
    "per",
    metavar="unit|commune",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Mỗi đơn vị chủ quản (unit) hoặc mỗi xã, phường (commune) một báo cáo pdf/xlsx "
                "trong thư mục --out; nơi không có dữ liệu được bỏ qua.",
            )
        )
    ),
)
@click.option(
    "--force",
    is_flag=True,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Với --per: thay các tệp cùng tên đã có trong thư mục."))
    ),
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
    "--records",
    type=click.Choice(["cameras", "needs", "plan_items"]),
    default="cameras",
    show_default=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Với csv, geojson: xuất camera (khóa OpenStreetMap), nhu cầu lắp đặt mới hoặc "
                "các mục của phương án tổng thể.",
            )
        )
    ),
)
@click.option(
    "--draft",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Bản dự thảo: PDF, XLSX gồm cả bản ghi chưa duyệt và mỗi trang ghi “DỰ THẢO” "
                "(mặc định: báo cáo chính thức, chỉ bản ghi đã duyệt).",
            )
        )
    ),
)
@click.option(
    "--photos",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Kèm bản sao ảnh đã xóa siêu dữ liệu (geojson, csv) vào thư mục <tên>_photos.",
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
    per: str | None,
    force: bool,
    where: tuple[str, ...],
    lang: str,
    omit_sensitive: bool,
    records: str,
    draft: bool,
    photos: bool,
    quiet: bool,
) -> None:
    from fieldsurvey.core.map.roads import printed_streets
    from fieldsurvey.core.reports.writing import write_report

    def progress(done: int, total: int, message: Message | str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    if per is not None and records != "cameras":
        raise click.ClickException(
            str(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli", "--records chỉ dùng với csv, geojson, không với --per."
                    )
                )
            )
        )
    if per is not None:
        _report_per(
            db_path, per, fmt, out, force, where, lang, omit_sensitive, draft, photos, quiet
        )
        return
    with user_errors(), open_workspace(db_path) as ws:
        counts = write_report(
            ws.db,
            fmt,
            out,
            where=where,
            lang=lang,
            omit_sensitive=omit_sensitive,
            draft=draft,
            records=records,
            photos=photos,
            workspace_path=ws.path,
            streets=printed_streets(),
            progress=progress,
        )
    if not quiet:
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        written = say(QT_TRANSLATE_NOOP("cli", "Đã ghi"))
        click.echo(f"{written} {out} ({summary})", err=True)


def _report_per(
    db_path: Path,
    per: str,
    fmt: str,
    folder: Path,
    force: bool,
    where: tuple[str, ...],
    lang: str,
    omit_sensitive: bool,
    draft: bool,
    photos: bool,
    quiet: bool,
) -> None:
    """``report --per``: one document per unit or commune in ``folder``; the files written on
    stdout, one a line, and what was skipped on stderr."""
    from fieldsurvey.core.map.roads import printed_streets
    from fieldsurvey.core.reports.per import existing_files, plan_reports, write_reports

    if photos:
        raise click.ClickException(
            str(say(QT_TRANSLATE_NOOP("cli", "--photos không dùng được cùng --per.")))
        )

    begun: list[str] = []

    def progress(done: int, total: int, message: Message | str) -> None:
        # One line as each document begins: "[3/112] bao-cao-phuong-ba-dinh-00004.pdf".
        if not quiet and message != "OK" and str(message) not in begun[-1:]:
            begun.append(str(message))
            click.echo(f"[{len(begun)}/{len(plan.parts)}] {message}", err=True)

    with user_errors(), open_workspace(db_path) as ws:
        plan = plan_reports(ws.db, per, fmt, where, draft)
        taken = [] if force or not folder.is_dir() else existing_files(folder, plan)
        if taken:
            raise click.ClickException(
                str(
                    say(
                        QT_TRANSLATE_NOOP(
                            "cli",
                            "{folder} đã có {count} tệp báo cáo cùng tên, ví dụ {name}; dùng "
                            "--force để thay, hoặc chọn thư mục khác.",
                        ),
                        folder=folder,
                        count=len(taken),
                        name=taken[0].name,
                    )
                )
            )
        written = write_reports(
            ws.db,
            per,
            fmt,
            folder,
            where=where,
            lang=lang,
            omit_sensitive=omit_sensitive,
            draft=draft,
            streets=printed_streets(),
            overwrite=force,
            plan=plan,
            progress=progress,
        )
    for path in written.paths:
        click.echo(str(path))
    if quiet:
        return
    summary = (
        QT_TRANSLATE_NOOP(
            "cli",
            "Đã ghi {written} báo cáo vào {folder}; bỏ qua {skipped} đơn vị không có dữ liệu.",
        )
        if plan.per == "unit"
        else QT_TRANSLATE_NOOP(
            "cli",
            "Đã ghi {written} báo cáo vào {folder}; bỏ qua {skipped} xã, phường không có dữ liệu.",
        )
    )
    click.echo(
        str(say(summary, written=len(written.paths), folder=folder, skipped=written.skipped)),
        err=True,
    )
    if written.left_out:
        left_out = (
            QT_TRANSLATE_NOOP(
                "cli", "{count} camera không có đơn vị chủ quản, không thuộc báo cáo nào."
            )
            if plan.per == "unit"
            else QT_TRANSLATE_NOOP(
                "cli", "{count} camera chưa xác định xã, phường, không thuộc báo cáo nào."
            )
        )
        click.echo(str(say(left_out, count=written.left_out)), err=True)


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


def _form_option(name: str, template: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(f"--{name.replace('_', '-')}", name, metavar="TEXT", help=template)


@click.command(
    name="report-form",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Xem hoặc đặt mẫu văn bản của báo cáo PDF: cơ quan ban hành, số và ký hiệu, "
                "nơi nhận, người ký (lưu trong tệp dữ liệu, mọi báo cáo dùng chung).",
            )
        )
    ),
)
@DB_OPTION
@_form_option("parent_body", str(say(QT_TRANSLATE_NOOP("cli", "Cơ quan chủ quản."))))
@_form_option("issuing_body", str(say(QT_TRANSLATE_NOOP("cli", "Cơ quan ban hành."))))
@_form_option("symbol", str(say(QT_TRANSLATE_NOOP("cli", "Ký hiệu văn bản, ví dụ BC-CAHN."))))
@_form_option(
    "number", str(say(QT_TRANSLATE_NOOP("cli", "Số văn bản (để trống: văn thư ghi tay).")))
)
@_form_option("place", str(say(QT_TRANSLATE_NOOP("cli", "Địa danh ghi trước ngày tháng."))))
@_form_option("subject", str(say(QT_TRANSLATE_NOOP("cli", "Trích yếu nội dung."))))
@_form_option(
    "signer_authority",
    str(say(QT_TRANSLATE_NOOP("cli", "Thẩm quyền ký, ví dụ KT. GIÁM ĐỐC (có thể để trống)."))),
)
@_form_option("signer_title", str(say(QT_TRANSLATE_NOOP("cli", "Chức vụ người ký."))))
@_form_option("signer_name", str(say(QT_TRANSLATE_NOOP("cli", "Họ tên người ký."))))
@_form_option(
    "difficulties",
    str(say(QT_TRANSLATE_NOOP("cli", "Mục khó khăn, vướng mắc của báo cáo (mỗi dòng một đoạn)."))),
)
@_form_option(
    "proposals",
    str(say(QT_TRANSLATE_NOOP("cli", "Mục đề xuất, kiến nghị của báo cáo (mỗi dòng một đoạn)."))),
)
@click.option(
    "--recipient",
    "recipients",
    multiple=True,
    metavar="TEXT",
    help=str(
        say(QT_TRANSLATE_NOOP("cli", 'Một dòng "Nơi nhận" (lặp lại được; thay cả danh sách).'))
    ),
)
@json_option(QT_TRANSLATE_NOOP("cli", "In mẫu văn bản dạng JSON."))
def report_form_command(
    db_path: Path, recipients: tuple[str, ...], as_json: bool, **fields: str | None
) -> None:
    import dataclasses

    from fieldsurvey.core.reports.letterhead import FIELD_LABELS
    from fieldsurvey.core.reports.writing import report_form, save_report_form

    changes: dict[str, Any] = {k: v for k, v in fields.items() if v is not None}
    if recipients:
        changes["recipients"] = recipients
    with user_errors(), open_workspace(db_path) as ws:
        form = report_form(ws.db)
        if changes:
            form = save_report_form(ws, dataclasses.replace(form, **changes))
    if as_json:
        print_json(dataclasses.asdict(form))
        return
    for name, label in FIELD_LABELS.items():
        value = getattr(form, name)
        shown = "; ".join(value) if isinstance(value, tuple) else value
        click.echo(f"{Message('reports', label)}: {shown}")


COMMANDS = (report_command, map_html_command, report_form_command)
