"""The `fieldsurvey` command: thin click commands over fieldsurvey.core (no Qt imported here)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from fieldsurvey import __version__
from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.workspace import Workspace

DB_OPTION = click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp workspace (.sqlite). / The workspace file.",
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a FieldSurvey error as one line on stderr with a non-zero exit, never a traceback."""
    try:
        yield
    except FieldSurveyError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        raise click.ClickException("Đã huỷ. / Cancelled.") from None


def print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True))


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="fieldsurvey")
@click.pass_context
def main(ctx: click.Context) -> None:
    """FieldSurvey: khảo sát camera giám sát của Hà Nội. / Survey Hà Nội's surveillance cameras.

    Run without a command to open the app on the last workspace (or the demo workspace).
    """
    from fieldsurvey.app import setup_logging

    setup_logging()
    if ctx.invoked_subcommand is None:
        from fieldsurvey.app import run_app

        sys.exit(run_app([]))


@main.command()
@DB_OPTION
@click.option(
    "--size",
    type=click.Choice(["small", "city"]),
    default="small",
    show_default=True,
    help="small: for training (~300 sites, ~1,000 cameras); city: 50,000 sites and "
    "200,000 cameras for benchmarks.",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Same seed, same content.")
@click.option(
    "--role",
    type=click.Choice(["surveyor", "office"]),
    default="office",
    show_default=True,
    help="Whose workspace: a surveyor's laptop or the city office.",
)
@click.option(
    "--device",
    default=None,
    help="Device name of the workspace (default: demo, or office for --role office).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def demo(
    db_path: Path, size: str, seed: int, role: str, device: str | None, force: bool, quiet: bool
) -> None:
    """Tạo workspace demo. / Build the demo workspace (the same seed gives the same content)."""
    from fieldsurvey.core.demo import build_demo

    def progress(done: int, total: int, message: str) -> None:
        if not quiet:
            click.echo(f"[{done}/{total}] {message}", err=True)

    with user_errors():
        counts = build_demo(
            db_path, size=size, seed=seed, role=role, device=device, force=force, progress=progress
        )
    if not quiet:
        click.echo(
            f"Đã tạo {db_path}: {counts['sites']} địa điểm, {counts['cameras']} camera, "
            f"{counts['shortcomings']} tồn tại, {counts['needs']} nhu cầu."
        )


@main.command(name="open")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def open_command(path: Path) -> None:
    """Mở ứng dụng với workspace PATH. / Open the app on the workspace PATH."""
    from fieldsurvey.app import run_app

    sys.exit(run_app([], path))


def _open(
    db_path: Path, user: str | None = None, *, passphrase_file: Path | None = None
) -> Workspace:
    """The workspace, writing as ``user`` or else as the name set in the app's settings; the
    device keys' passphrase, if they need one, is read when a private key is needed."""
    if user is None:
        from fieldsurvey.core.settings import load_settings

        user = load_settings().user_name or None
    ws = Workspace.open(db_path, user=user)
    ws.ask_passphrase = passphrase_reader(passphrase_file)
    return ws


PASSPHRASE_VARIABLE = "FIELDSURVEY_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "FIELDSURVEY_NEW_PASSPHRASE"

PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Tệp chứa mật khẩu khoá thiết bị (dòng đầu). / A file whose first line is the device "
    "keys' passphrase (else FIELDSURVEY_PASSPHRASE, else asked on the terminal).",
)


def _first_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FieldSurveyError(
            f"Không đọc được tệp mật khẩu {path}. / Cannot read the passphrase file {path}."
        ) from exc
    return text.splitlines()[0] if text else ""


def passphrase_reader(
    passphrase_file: Path | None, *, variable: str = PASSPHRASE_VARIABLE, confirm: bool = False
) -> Callable[[], str]:
    """Where the passphrase comes from, read only when it is needed: the file, else the
    environment variable, else a prompt on the terminal that does not echo it."""

    def read() -> str:
        if passphrase_file is not None:
            return _first_line(passphrase_file)
        from_environment = os.environ.get(variable)
        if from_environment:
            return from_environment
        if sys.stdin.isatty():
            prompt = (
                "Mật khẩu mới cho khoá thiết bị / New passphrase for the device keys"
                if confirm
                else "Mật khẩu khoá thiết bị / Device keys' passphrase"
            )
            return str(
                click.prompt(
                    prompt,
                    hide_input=True,
                    confirmation_prompt=("Nhập lại / Repeat it" if confirm else False),
                    err=True,
                )
            )
        from fieldsurvey.core.keystore import passphrase_needed

        raise passphrase_needed()

    return read


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(db_path: Path, as_json: bool) -> None:
    """Đếm bản ghi trong workspace. / Counts of everything in a workspace."""
    from fieldsurvey.core.stats import workspace_stats

    with user_errors(), _open(db_path) as ws:
        counts = workspace_stats(ws.db)
    if as_json:
        print_json(counts)
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value}")


@main.command()
@DB_OPTION
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help="At most this many hits.",
)
def search(db_path: Path, text: str, as_json: bool, limit: int) -> None:
    """Tìm không dấu. / Accent-insensitive search ("hoan kiem" finds "Hoàn Kiếm")."""
    from fieldsurvey.core.search import search as run_search

    with user_errors(), _open(db_path) as ws:
        hits = run_search(ws.db, text, limit=limit)
    for hit in hits:
        if as_json:
            print_json(hit)
        else:
            click.echo(f"{hit['kind']:<12} {hit['id']}  {hit['name']}")
    if not hits and not as_json:
        click.echo("Không tìm thấy. / Nothing found.", err=True)


@main.command()
@click.option(
    "--timeout",
    type=click.FloatRange(5, 3600),
    default=120,
    show_default=True,
    help="Seconds to wait for the map before giving up.",
)
def selftest(timeout: float) -> None:
    """Kiểm tra ứng dụng không cần màn hình. / Start the app headless, load the map, report.

    Prints one JSON line (map_ready_ms, cameras_drawn, external_requests, …); exits 0 only if
    every check passed.
    """
    from fieldsurvey.app import run_selftest

    with user_errors():
        report = run_selftest(timeout)
    print_json(report)
    sys.exit(0 if report["ok"] else 1)


@main.group(name="keys")
def keys_group() -> None:
    """Khoá thiết bị, đăng ký, thu hồi. / Device keys, enrolment and revocation."""


def _now_iso() -> str:
    from fieldsurvey.core.clock import wall_ms
    from fieldsurvey.core.workspace import iso_from_ms

    return iso_from_ms(wall_ms())


@keys_group.command(name="show")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def keys_show(db_path: Path, as_json: bool) -> None:
    """Thiết bị này và dấu vân tay khoá. / This device and its key fingerprint."""
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path) as ws:
        me = ws.public_identity()
        protection = keys.protection_of(ws.db)
    info = {
        "device_id": me.device_id,
        "name": me.name,
        "role": me.role,
        "fingerprint": me.fingerprint,
        "protection": protection,
    }
    if as_json:
        print_json(info)
    else:
        for key, value in info.items():
            click.echo(f"{key:<12} {value}")


def _write_profile(db_path: Path, out: Path, *, office_only: bool) -> None:
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path) as ws:
        me = ws.public_identity()
        if office_only and me.role != "office":
            raise click.ClickException(
                "Workspace này không phải của văn phòng. / This is not an office workspace."
            )
        out.write_bytes(keys.profile_bytes(me))
    click.echo(f"{out}  {me.fingerprint}")


def _enrol_profile(
    db_path: Path,
    profile: Path,
    fingerprint: str | None,
    *,
    office_only: bool,
    replace_keys: bool = False,
) -> None:
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path) as ws:
        peer = keys.read_profile(profile.read_bytes())
        if office_only and peer.role != "office":
            raise click.ClickException(
                "Hồ sơ này không phải của văn phòng. / This profile is not an office's."
            )
        with ws.transaction():
            keys.enrol(
                ws.db,
                peer,
                expected_fingerprint=fingerprint,
                at=_now_iso(),
                replace_keys=replace_keys,
            )
    click.echo(f"Đã đăng ký {peer.name} ({peer.role}) {peer.fingerprint}")


OUT_PROFILE = click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The profile file to write.",
)
PROFILE_ARG = click.argument(
    "profile", type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
FINGERPRINT = click.option(
    "--fingerprint", help="The fingerprint read out by the profile's owner; must match."
)


@keys_group.command(name="export-profile")
@DB_OPTION
@OUT_PROFILE
def keys_export_profile(db_path: Path, out: Path) -> None:
    """Xuất hồ sơ khoá công khai của thiết bị. / Write this device's public profile."""
    _write_profile(db_path, out, office_only=False)


@keys_group.command(name="export-office-profile")
@DB_OPTION
@OUT_PROFILE
def keys_export_office_profile(db_path: Path, out: Path) -> None:
    """Xuất hồ sơ văn phòng cho cán bộ khảo sát. / Write the office profile for surveyors."""
    _write_profile(db_path, out, office_only=True)


@keys_group.command(name="import-office-profile")
@DB_OPTION
@PROFILE_ARG
@FINGERPRINT
def keys_import_office_profile(db_path: Path, profile: Path, fingerprint: str | None) -> None:
    """Nhận hồ sơ văn phòng (máy khảo sát). / Trust the office's profile (on a surveyor)."""
    _enrol_profile(db_path, profile, fingerprint, office_only=True)


@keys_group.command(name="enrol")
@DB_OPTION
@PROFILE_ARG
@FINGERPRINT
@click.option(
    "--replace",
    "replace_keys",
    is_flag=True,
    help="Thiết bị đã đăng ký mất khoá và tạo khoá mới: thay khoá cũ (cần --fingerprint). / "
    "The enrolled device lost its keys and made new ones: replace them (needs --fingerprint).",
)
def keys_enrol(db_path: Path, profile: Path, fingerprint: str | None, replace_keys: bool) -> None:
    """Đăng ký một thiết bị từ hồ sơ của nó. / Enrol a device from its profile."""
    _enrol_profile(db_path, profile, fingerprint, office_only=False, replace_keys=replace_keys)


PROTECTION_CHOICE = click.Choice(["keyring", "passphrase", "file"])


def _new_passphrase(protection: str, new_passphrase_file: Path | None) -> str | None:
    if protection != "passphrase":
        return None
    return passphrase_reader(new_passphrase_file, variable=NEW_PASSPHRASE_VARIABLE, confirm=True)()


NEW_PASSPHRASE_FILE = click.option(
    "--new-passphrase-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Tệp chứa mật khẩu mới (dòng đầu). / A file whose first line is the new passphrase "
    "(else FIELDSURVEY_NEW_PASSPHRASE, else asked twice on the terminal).",
)


def _warn(warning: str | None) -> None:
    if warning:
        click.echo(warning, err=True)


@keys_group.command(name="protect")
@DB_OPTION
@click.option(
    "--to",
    "protection",
    required=True,
    type=PROTECTION_CHOICE,
    help="keyring: kho khoá của hệ điều hành; passphrase: mật khẩu; file: tệp khoá (kém an "
    "toàn). / keyring: the OS credential store; passphrase; file: a plain key file (weakest).",
)
@PASSPHRASE_FILE
@NEW_PASSPHRASE_FILE
def keys_protect(
    db_path: Path,
    protection: str,
    passphrase_file: Path | None,
    new_passphrase_file: Path | None,
) -> None:
    """Đổi cách bảo vệ khoá riêng. / Keep the device's private keys another way."""
    with user_errors(), _open(db_path, passphrase_file=passphrase_file) as ws:
        ws.identity()  # unlocked with the current passphrase before asking for a new one
        warning = ws.protect_keys(
            protection, passphrase=_new_passphrase(protection, new_passphrase_file)
        )
    _warn(warning)
    click.echo(f"Khoá riêng được bảo vệ bằng: {protection} / Private keys kept by: {protection}")


@keys_group.command(name="rotate")
@DB_OPTION
@PASSPHRASE_FILE
@click.option(
    "--lost",
    is_flag=True,
    help="Khoá cũ đã mất (quên mật khẩu, workspace chép sang máy khác): tạo khoá mới; văn "
    "phòng phải đăng ký lại bằng dấu vân tay. / The old keys are lost: make new ones; the "
    "office enrols them again by fingerprint (keys enrol --replace).",
)
@click.option(
    "--to",
    "protection",
    type=PROTECTION_CHOICE,
    default=None,
    help="Với --lost: cách bảo vệ khoá mới (mặc định: như trước). / With --lost: how to keep "
    "the new keys (default: as before).",
)
@NEW_PASSPHRASE_FILE
def keys_rotate(
    db_path: Path,
    passphrase_file: Path | None,
    lost: bool,
    protection: str | None,
    new_passphrase_file: Path | None,
) -> None:
    """Tạo khoá mới cho thiết bị. / Make new keys for this device.

    The next packages carry a statement signed by the old and the new key; the office takes
    the new keys from it. With --lost there is no old key to sign: read the new fingerprint to
    the office.
    """
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path, passphrase_file=passphrase_file) as ws:
        if lost:
            method = protection or keys.protection_of(ws.db) or "auto"
            if method == "demo":
                method = "auto"
            made = ws.renew_keys(
                protection=method, passphrase=_new_passphrase(method, new_passphrase_file)
            )
        else:
            if protection is not None:
                raise click.UsageError("--to chỉ dùng với --lost. / --to goes with --lost.")
            made = ws.rotate_keys()
    _warn(made.warning)
    fingerprint = made.public().fingerprint
    if lost:
        click.echo(
            f"Khoá mới: {fingerprint}. Hãy đọc dấu vân tay này cho văn phòng để đăng ký lại. / "
            f"New keys: {fingerprint}. Read this fingerprint to the office to enrol again."
        )
    else:
        click.echo(
            f"Khoá mới: {fingerprint}; gói tiếp theo sẽ báo cho văn phòng. / New keys: "
            f"{fingerprint}; the next package tells the office."
        )


@keys_group.command(name="revoke")
@DB_OPTION
@click.argument("device_id")
def keys_revoke(db_path: Path, device_id: str) -> None:
    """Thu hồi một thiết bị: gói của nó bị từ chối. / Revoke a device: its packages are refused."""
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path) as ws, ws.transaction():
        keys.revoke(ws.db, device_id, at=_now_iso())
    click.echo(f"Đã thu hồi {device_id}")


@keys_group.command(name="assign")
@DB_OPTION
@click.argument("device_id")
@click.option("--unit", "unit_id", help="The unit the surveyor works for (its assigned area).")
@click.option(
    "--clearance/--no-clearance",
    default=False,
    help="May see national-security sites (default: no).",
)
def keys_assign(db_path: Path, device_id: str, unit_id: str | None, clearance: bool) -> None:
    """Đơn vị của một thiết bị khảo sát, quyền xem mục tiêu ANQG. / The unit a surveyor's device
    works for and whether it may see national-security sites: what the office sends it."""
    from fieldsurvey.core.scope import set_peer_scope

    with user_errors(), _open(db_path) as ws, ws.transaction():
        set_peer_scope(ws.db, device_id, unit_id, clearance)
    click.echo(
        f"{device_id}: đơn vị / unit {unit_id or '-'}, "
        f"{'được' if clearance else 'không được'} xem mục tiêu ANQG / "
        f"{'cleared' if clearance else 'not cleared'} for national-security sites"
    )


@keys_group.command(name="list")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per device.")
def keys_list(db_path: Path, as_json: bool) -> None:
    """Các thiết bị đã đăng ký. / Enrolled devices."""
    from fieldsurvey.core import keys

    with user_errors(), _open(db_path) as ws:
        peers = keys.list_peers(ws.db)
    for peer in peers:
        if as_json:
            print_json(peer)
        else:
            click.echo(
                f"{peer['device_id']}  {peer['role']:<8} {peer['status']:<8} "
                f"{peer['fingerprint']}  {peer['name']}"
            )


@main.command(name="export")
@DB_OPTION
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The package file to write (e.g. on a USB stick).",
)
@click.option("--to", "recipient", help="Recipient device id (default: the enrolled office).")
@click.option("--full", is_flag=True, help="Everything, not only what the recipient lacks.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write nothing: list what would go, by table and count (and how many changes go as "
    "their place in the log only).",
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
    """Xuất gói đồng bộ. / Write a signed, encrypted sync package."""
    from fieldsurvey.core.sync import export_package, pending_export

    if dry_run:
        with user_errors(), _open(db_path) as ws:
            pending = pending_export(ws, recipient_id=recipient, full=full)
        click.echo(f"Nơi nhận / recipient: {pending['recipient_name']} ({pending['recipient']})")
        for table, count in pending["by_table"].items():
            click.echo(f"  {table:<16} {count:>8}")
        click.echo(
            f"  {'(chỉ mã băm / digest only)':<16} {pending['withheld']:>8}\n"
            f"  ảnh / photos     {pending['photos']:>8}"
        )
        return
    if out is None:
        raise click.UsageError("Cần --out (hoặc --dry-run). / Give --out.")
    with user_errors(), _open(db_path, passphrase_file=passphrase_file) as ws:
        manifest = export_package(ws, out, recipient_id=recipient, full=full)
    click.echo(
        f"{out}: {manifest['changes']} thay đổi, {manifest['photos']} ảnh "
        f"(gói {manifest['package_id']})"
    )


@main.command(name="verify")
@click.argument("package", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@DB_OPTION
@PASSPHRASE_FILE
def verify_command(package: Path, db_path: Path, passphrase_file: Path | None) -> None:
    """Kiểm tra gói mà không nhập. / Check a package without importing it (all checks).

    --db is the receiving workspace: only it holds the key that opens the package.
    """
    from fieldsurvey.core.sync import verify

    with user_errors(), _open(db_path, passphrase_file=passphrase_file) as ws:
        manifest = verify(ws, package)
    click.echo(
        f"Gói hợp lệ: {manifest['changes']} thay đổi từ {manifest['sender']}. / "
        "The package is valid."
    )


@main.command(name="import")
@DB_OPTION
@click.argument(
    "packages",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per package.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check and count what would change (new, updated, conflicting, deleted, "
    "already imported) without writing anything.",
)
@PASSPHRASE_FILE
def import_command(
    db_path: Path,
    packages: tuple[Path, ...],
    as_json: bool,
    dry_run: bool,
    passphrase_file: Path | None,
) -> None:
    """Nhập gói đồng bộ. / Import packages, each checked whole before anything is written."""
    from fieldsurvey.core.sync import import_package

    refused = 0
    with user_errors(), _open(db_path, passphrase_file=passphrase_file) as ws:
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
                    click.echo(f"TỪ CHỐI {package}: {exc}", err=True)
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
                click.echo(f"{package}: đã nhập trước đây, không thay đổi gì.")
            else:
                prefix = "(thử) " if dry_run else ""
                click.echo(
                    f"{prefix}{package}: {report.new} mới, {report.updated} cập nhật, "
                    f"{report.deleted} xoá, {report.conflicts} xung đột, "
                    f"{report.photos} ảnh."
                )
        if not dry_run:
            from fieldsurvey.core.photos import make_missing_copies

            made, problems = make_missing_copies(ws)
            if made and not as_json:
                click.echo(f"Đã tạo ảnh thu nhỏ cho {made} ảnh mới.")
            for problem in problems:
                click.echo(f"Ảnh: {problem}", err=True)
    if refused:
        sys.exit(1)


@main.command(name="photo-info")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.option(
    "--time-limit",
    type=click.FloatRange(1, 3600),
    default=60,
    show_default=True,
    help="Seconds allowed for each file before it is given up.",
)
def photo_info(files: tuple[Path, ...], as_json: bool, time_limit: float) -> None:
    """Đọc thông tin ảnh (GPS, thời gian, hướng…). / Metadata read from photos, one per file."""
    from fieldsurvey.core.photos import photo_infos

    with user_errors():
        infos = photo_infos(list(files), time_limit_s=time_limit)
    for info in infos:
        if as_json:
            print_json(info)
            continue
        click.echo(info["file"])
        for key, value in info.items():
            if key != "file" and value is not None:
                click.echo(f"  {key:<15} {value}")
    if not as_json and any(info["error"] for info in infos):
        click.echo(
            f"{sum(bool(i['error']) for i in infos)} tệp lỗi. / files with errors.", err=True
        )


@main.group()
def photos() -> None:
    """Ảnh trong workspace: thêm, gắn vị trí từ GPX. / Photos in a workspace."""


@photos.command(name="add")
@DB_OPTION
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "link",
    nargs=2,
    metavar="TABLE ID",
    help="Link the photos to a record, e.g. --to cameras 3f2a…",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: one per core).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
def photos_add(
    db_path: Path,
    files: tuple[Path, ...],
    link: tuple[str, str] | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """Thêm ảnh vào workspace. / Ingest photos: store, thumbnails, metadata, history."""
    from fieldsurvey.core.photos import ingest_photos

    def progress(done: int, total: int, name: str) -> None:
        if not as_json:
            click.echo(f"[{done}/{total}] {name}", err=True)

    with user_errors(), _open(db_path) as ws:
        results = ingest_photos(
            ws, [str(f) for f in files], link=link, workers=workers, progress=progress
        )
    failed = 0
    for result in results:
        failed += result.error is not None
        if as_json:
            print_json(
                {
                    "file": result.source,
                    "photo_id": result.photo_id,
                    "sha256": result.sha256,
                    "created": result.created,
                    "error": result.error,
                    "warnings": result.warnings,
                }
            )
        elif result.error:
            click.echo(f"LỖI {result.source}: {result.error}", err=True)
        else:
            state = "mới" if result.created else "đã có"
            click.echo(f"{result.photo_id}  {state:6}  {result.source}")
    if not as_json:
        click.echo(
            f"{len(results) - failed} ảnh đã thêm, {failed} lỗi. / "
            f"{len(results) - failed} stored, {failed} failed.",
            err=True,
        )
    if failed == len(results):
        sys.exit(1)


@photos.command(name="geotag")
@DB_OPTION
@click.option(
    "--gpx",
    "gpx_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="GPX track from a GPS logger.",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 86400),
    default=60,
    show_default=True,
    help="Seconds between a photo and the nearest fix that still count as a match.",
)
@click.option(
    "--camera-offset",
    type=float,
    default=0,
    show_default=True,
    help="Seconds to add to the camera's clock to get the true time.",
)
@click.option(
    "--utc-offset",
    default="+07:00",
    show_default=True,
    help="The camera clock's time zone when the photo does not say.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per photo.")
def photos_geotag(
    db_path: Path,
    gpx_path: Path,
    tolerance: float,
    camera_offset: float,
    utc_offset: str,
    as_json: bool,
) -> None:
    """Gắn vị trí cho ảnh không có GPS từ tệp GPX. / Place photos without GPS from a GPX track."""
    from fieldsurvey.core.geotag import geotag_workspace

    with user_errors(), _open(db_path) as ws:
        outcomes = geotag_workspace(
            ws,
            gpx_path,
            tolerance_s=tolerance,
            camera_offset_s=camera_offset,
            assumed_utc_offset=utc_offset,
        )
    for outcome in outcomes:
        if as_json:
            print_json(outcome)
        elif outcome["placed"]:
            click.echo(
                f"{outcome['photo_id']}  {outcome['lat']:.6f}, {outcome['lon']:.6f}  "
                f"cách điểm GPS {outcome['gap_s']:.0f} s  {outcome['file_name']}"
            )
        else:
            click.echo(
                f"{outcome['photo_id']}  không gắn được: {outcome['reason']}  "
                f"{outcome['file_name']}"
            )
    if not as_json:
        placed = sum(o["placed"] for o in outcomes)
        click.echo(f"{placed}/{len(outcomes)} ảnh được gắn vị trí. / photos placed.", err=True)


# Office commands live in their own modules; importing them adds them to `main`.
from fieldsurvey import cli_office, cli_reports, cli_review  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
