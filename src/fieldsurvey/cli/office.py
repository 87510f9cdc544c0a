"""Office commands over the camera inventory: duplicate cameras and sites, importing an
owner's existing inventory, coverage of needs (no Qt imported here)."""

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

# The fields a column can be mapped to (core/office/inventory.py TARGETS), listed in --help without
# importing the core at start-up.
TARGET_NAMES = (
    "lat",
    "lon",
    "ref",
    "name",
    "direction",
    "field_of_view",
    "tilt",
    "camera_type",
    "surveillance_type",
    "mount",
    "height",
    "operator",
    "address",
    "zone",
    "notes",
)


@click.command(
    name="duplicates",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Camera (hoặc địa điểm) có thể trùng lắp."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi cặp có thể trùng một đối tượng JSON."))
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Điểm thấp nhất được liệt kê (địa điểm: nên bắt đầu từ 0.7)."))
    ),
)
@click.option(
    "--sites",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Địa điểm trùng thay vì camera."))),
)
@click.option(
    "--clusters",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Theo nhóm: các bản ghi nối với nhau bởi các cặp có thể trùng (mỗi nhóm một dòng).",
            )
        )
    ),
)
def duplicates_command(
    db_path: Path, as_json: bool, threshold: float, sites: bool, clusters: bool
) -> None:
    from fieldsurvey.core.office.clusters import find_clusters
    from fieldsurvey.core.office.duplicate_sites import find_duplicate_sites
    from fieldsurvey.core.office.duplicates import find_workspace_duplicates

    with user_errors(), open_workspace(db_path) as ws:
        if clusters:
            groups = find_clusters(ws, "sites" if sites else "cameras", threshold)
        else:
            pairs = (
                find_duplicate_sites(ws.db, threshold)
                if sites
                else find_workspace_duplicates(ws, threshold)
            )
    if clusters:
        for group in groups:
            if as_json:
                print_json(group)
            else:
                apart = f"  ({group['apart']})" if group["apart"] else ""
                click.echo(f"{group['score']:.2f}  {' '.join(group['ids'])}{apart}")
        if not as_json:
            found = say(QT_TRANSLATE_NOOP("cli", "nhóm có thể trùng."))
            click.echo(f"{len(groups)} {found}", err=True)
        return
    for pair in pairs:
        if as_json:
            print_json(pair)
        else:
            click.echo(
                f"{pair['score']:.2f}  {pair['a']['id']}  {pair['b']['id']}  "
                f"{'; '.join(map(str, pair['reasons']))}"
            )
    if not as_json:
        candidates = say(QT_TRANSLATE_NOOP("cli", "cặp có thể trùng."))
        click.echo(f"{len(pairs)} {candidates}", err=True)


@click.command(
    name="merge-duplicates",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Gộp mọi nhóm trùng lắp chắc chắn (mọi cặp từ --min-score trở lên), giữ bản ghi "
                "đầy đủ nhất và ở mỗi trường giá trị của nó, trường trống lấy từ bản ghi khác.",
            )
        )
    ),
)
@DB_OPTION
@click.option(
    "--min-score",
    type=click.FloatRange(0.5, 1),
    default=0.9,
    show_default=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Điểm thấp nhất của mọi cặp trong một nhóm được gộp."))),
)
@click.option(
    "--sites",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Địa điểm trùng thay vì camera."))),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Chỉ xem trước, không ghi."))),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi nhóm một đối tượng JSON, rồi một dòng tổng kết."))
def merge_duplicates_command(
    db_path: Path, min_score: float, sites: bool, dry_run: bool, as_json: bool
) -> None:
    from fieldsurvey.core.office.merging import merge_clusters, preview_clusters, value_label

    table = "sites" if sites else "cameras"
    with user_errors(), open_workspace(db_path) as ws:
        previews = preview_clusters(ws, table, min_score)
        shown = []
        for preview in previews:
            merge = preview["merge"]
            values = {}
            if merge is not None:
                values = {
                    name: {**change, "label": value_label(ws, table, name, change["value"])}
                    for name, change in merge["values"].items()
                }
            shown.append(
                {
                    "kind": "cluster",
                    "ids": preview["cluster"]["ids"],
                    "score": preview["cluster"]["score"],
                    "keep": merge and merge["keep"],
                    "title": merge and ws.title(table, merge["keep"]),
                    "others": merge and merge["others"],
                    "values": values,
                    "skipped": preview.get("skipped"),
                }
            )
        total = {} if dry_run else merge_clusters(ws, previews)
    merged = sum(1 for p in previews if p["merge"])
    for cluster in shown:
        if as_json:
            print_json(cluster)
        elif cluster["skipped"]:
            skipped = say(QT_TRANSLATE_NOOP("cli", "bỏ qua"))
            click.echo(f"{skipped} {' '.join(cluster['ids'])}: {cluster['skipped']}")
        else:
            keep = say(QT_TRANSLATE_NOOP("cli", "giữ"))
            click.echo(
                f"{cluster['score']:.2f}  {keep} {cluster['keep']} ({cluster['title'] or ''}) "
                f"← {' '.join(cluster['others'])}"
            )
            for name, change in cluster["values"].items():
                click.echo(f"    {name}: {change['label']} ← {change['from']}")
    if as_json:
        print_json({"kind": "summary", "dry_run": dry_run, "clusters": merged, "merged": total})
    else:
        line = (
            say(QT_TRANSLATE_NOOP("cli", "Sẽ gộp {count} nhóm."), count=merged)
            if dry_run
            else say(QT_TRANSLATE_NOOP("cli", "Đã gộp {count} nhóm."), count=merged)
        )
        click.echo(str(line), err=True)


@click.command(
    name="import-inventory",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Nhập danh sách camera hiện có (CSV, GeoJSON)."))),
)
@DB_OPTION
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--owner",
    default=None,
    # A name may be written without accents and abbreviated ("Cong an TP"): find_owner.
    help=str(say(QT_TRANSLATE_NOOP("cli", "Đơn vị sở hữu (mã hoặc tên)."))),
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="FIELD=COLUMN",
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Gán cột cho trường (lặp lại được), thay cho đoán tự động. Các trường: {fields}.",
            ),
            fields=", ".join(TARGET_NAMES),
        )
    ),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Chỉ kiểm tra, không ghi."))),
)
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi dòng một đối tượng JSON."))
def import_inventory_command(
    db_path: Path,
    file: Path,
    owner: str | None,
    mapping: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
) -> None:
    from fieldsurvey.core.office.inventory import guess_mapping, import_inventory, read_inventory

    explicit: dict[str, str] = {}
    for item in mapping:
        target, sep, column = item.partition("=")
        if not sep:
            raise click.BadParameter(
                str(say(QT_TRANSLATE_NOOP("cli", "{item}: cần FIELD=COLUMN."), item=repr(item))),
                param_hint="--map",
            )
        explicit[target.strip()] = column.strip()
    with user_errors(), open_workspace(db_path) as ws:
        inventory = read_inventory(file)
        chosen = {**guess_mapping(inventory.columns), **explicit} if explicit else None
        report = import_inventory(ws, inventory, chosen, owner=owner, dry_run=dry_run)
    summary = report.summary()
    if as_json:
        for row in report.refused:
            print_json({"kind": "refused", **row})
        for row in report.warnings:
            print_json({"kind": "warning", **row})
        for pair in report.duplicates:
            print_json({"kind": "duplicate", **pair})
        for camera in report.gone:
            print_json({"kind": "gone", **camera})
        print_json({"kind": "summary", "dry_run": dry_run, **summary})
    else:
        for row in report.refused:
            place = (
                row["place"]
                if "feature" in row
                else say(QT_TRANSLATE_NOOP("cli", "dòng {line}"), line=row["line"])
            )
            click.echo(f"{place}: {row['reason']}")
        for row in report.warnings:
            warning = (
                say(QT_TRANSLATE_NOOP("cli", "{place} (cảnh báo)"), place=row["place"])
                if "feature" in row
                else say(QT_TRANSLATE_NOOP("cli", "dòng {line} (cảnh báo)"), line=row["line"])
            )
            click.echo(f"{warning}: {row['message']}")
        for camera in report.gone:
            gone = say(QT_TRANSLATE_NOOP("cli", "không còn trong danh sách"))
            click.echo(f"{gone}: {camera['ref']} ({camera['id']})")
        verb = (
            say(QT_TRANSLATE_NOOP("cli", "Sẽ nhập"))
            if dry_run
            else say(QT_TRANSLATE_NOOP("cli", "Đã nhập"))
        )
        flagged = say(QT_TRANSLATE_NOOP("cli", "có thể trùng"))
        refused = say(QT_TRANSLATE_NOOP("cli", "dòng bị từ chối"))
        click.echo(
            f"{verb} {summary['imported']} camera ({report.counts()}); "
            f"{summary['flagged']} {flagged}; {summary['refused']} {refused}."
        )
    if not summary["imported"]:
        raise click.ClickException(str(say(QT_TRANSLATE_NOOP("cli", "Không nhập được dòng nào."))))


@click.command(
    name="coverage",
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Nhu cầu đã có camera quan sát, địa điểm chưa có camera."))
    ),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi dòng một đối tượng JSON."))
def coverage_command(db_path: Path, as_json: bool) -> None:
    from fieldsurvey.core.office.coverage import need_coverage, sites_without_cameras

    with user_errors(), open_workspace(db_path) as ws:
        needs = need_coverage(ws.db)
        empty = sites_without_cameras(ws.db)
    for need in needs:
        if as_json:
            print_json({"kind": "need", **need})
        elif need["cameras"]:
            ids = ", ".join(c["id"] for c in need["cameras"])
            label = say(QT_TRANSLATE_NOOP("cli", "nhu cầu"))
            click.echo(f"{label} {need['need']}: {len(need['cameras'])} camera ({ids})")
    for category, sites in empty.items():
        if as_json:
            print_json({"kind": "sites_without_cameras", "category": category, "sites": sites})
        else:
            without = say(QT_TRANSLATE_NOOP("cli", "địa điểm chưa có camera"))
            click.echo(f"{category}: {len(sites)} {without}")
    if not as_json:
        covered = sum(1 for n in needs if n["cameras"])
        seen = say(QT_TRANSLATE_NOOP("cli", "nhu cầu đã có camera quan sát."))
        click.echo(f"{covered}/{len(needs)} {seen}", err=True)


COMMANDS = (
    duplicates_command,
    merge_duplicates_command,
    import_inventory_command,
    coverage_command,
)
