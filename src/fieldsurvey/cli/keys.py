"""`fieldsurvey keys`: device keys, profiles, enrolment, protection, rotation and revocation."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import (
    DB_OPTION,
    NEW_PASSPHRASE_VARIABLE,
    PASSPHRASE_FILE,
    open_workspace,
    passphrase_reader,
    print_json,
    user_errors,
)
from fieldsurvey.core.messages import Message


@click.group(name="keys")
def keys_group() -> None:
    """Khoá thiết bị, đăng ký, thu hồi. / Device keys, enrolment and revocation."""


def _now_iso() -> str:
    from fieldsurvey.core.clock import wall_ms
    from fieldsurvey.core.store.workspace import iso_from_ms

    return iso_from_ms(wall_ms())


@keys_group.command(name="show")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def keys_show(db_path: Path, as_json: bool) -> None:
    """Thiết bị này và dấu vân tay khoá. / This device and its key fingerprint."""
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws:
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
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws:
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
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws:
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


def _warn(warning: Message | None) -> None:
    if warning:
        click.echo(str(warning), err=True)


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
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
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
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
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
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws, ws.transaction():
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
    from fieldsurvey.core.sync.scope import set_peer_scope

    with user_errors(), open_workspace(db_path) as ws, ws.transaction():
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
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws:
        peers = keys.list_peers(ws.db)
    for peer in peers:
        if as_json:
            print_json(peer)
        else:
            click.echo(
                f"{peer['device_id']}  {peer['role']:<8} {peer['status']:<8} "
                f"{peer['fingerprint']}  {peer['name']}"
            )


COMMANDS = (keys_group,)
