"""`fieldsurvey keys`: device keys, profiles, enrolment, protection, rotation and revocation."""

from __future__ import annotations

from pathlib import Path

import click

from fieldsurvey.cli.common import (
    DB_OPTION,
    NEW_PASSPHRASE_VARIABLE,
    PASSPHRASE_FILE,
    json_option,
    open_workspace,
    passphrase_reader,
    print_json,
    say,
    user_errors,
)
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message


@click.group(
    name="keys",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Khóa thiết bị, đăng ký, thu hồi."))),
)
def keys_group() -> None:
    pass


def _now_iso() -> str:
    from fieldsurvey.core.clock import wall_ms
    from fieldsurvey.core.store.workspace import iso_from_ms

    return iso_from_ms(wall_ms())


@keys_group.command(
    name="show",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Thiết bị này và dấu vân tay khóa."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Một đối tượng JSON."))
def keys_show(db_path: Path, as_json: bool) -> None:
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
                str(
                    say(
                        QT_TRANSLATE_NOOP(
                            "cli", "Tệp dữ liệu khảo sát này không phải của văn phòng."
                        )
                    )
                )
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
                str(say(QT_TRANSLATE_NOOP("cli", "Hồ sơ này không phải của văn phòng.")))
            )
        with ws.transaction():
            keys.enrol(
                ws.db,
                peer,
                expected_fingerprint=fingerprint,
                at=_now_iso(),
                replace_keys=replace_keys,
            )
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "Đã đăng ký {name} ({role}) {fingerprint}"),
            name=peer.name,
            role=peer.role,
            fingerprint=peer.fingerprint,
        )
    )


OUT_PROFILE = click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp hồ sơ sẽ ghi."))),
)
PROFILE_ARG = click.argument(
    "profile", type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
FINGERPRINT = click.option(
    "--fingerprint",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Dấu vân tay do chủ hồ sơ đọc cho; phải khớp."))),
)


@keys_group.command(
    name="export-profile",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Xuất hồ sơ khóa công khai của thiết bị."))),
)
@DB_OPTION
@OUT_PROFILE
def keys_export_profile(db_path: Path, out: Path) -> None:
    _write_profile(db_path, out, office_only=False)


@keys_group.command(
    name="export-office-profile",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Xuất hồ sơ văn phòng cho cán bộ khảo sát."))),
)
@DB_OPTION
@OUT_PROFILE
def keys_export_office_profile(db_path: Path, out: Path) -> None:
    _write_profile(db_path, out, office_only=True)


@keys_group.command(
    name="import-office-profile",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Nhận hồ sơ văn phòng (máy khảo sát)."))),
)
@DB_OPTION
@PROFILE_ARG
@FINGERPRINT
def keys_import_office_profile(db_path: Path, profile: Path, fingerprint: str | None) -> None:
    _enrol_profile(db_path, profile, fingerprint, office_only=True)


@keys_group.command(
    name="enrol",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Đăng ký một thiết bị từ hồ sơ của nó."))),
)
@DB_OPTION
@PROFILE_ARG
@FINGERPRINT
@click.option(
    "--replace",
    "replace_keys",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Thiết bị đã đăng ký mất khóa và tạo khóa mới: thay khóa cũ (cần --fingerprint).",
            )
        )
    ),
)
def keys_enrol(db_path: Path, profile: Path, fingerprint: str | None, replace_keys: bool) -> None:
    _enrol_profile(db_path, profile, fingerprint, office_only=False, replace_keys=replace_keys)


PROTECTION_CHOICE = click.Choice(["keyring", "passphrase", "file"])


def _new_passphrase(protection: str, new_passphrase_file: Path | None) -> str | None:
    if protection != "passphrase":
        return None
    return passphrase_reader(new_passphrase_file, variable=NEW_PASSPHRASE_VARIABLE, confirm=True)()


NEW_PASSPHRASE_FILE = click.option(
    "--new-passphrase-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp chứa mật khẩu mới (dòng đầu)."))),
)


def _warn(warning: Message | None) -> None:
    if warning:
        click.echo(str(warning), err=True)


@keys_group.command(
    name="protect",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Đổi cách bảo vệ khóa riêng."))),
)
@DB_OPTION
@click.option(
    "--to",
    "protection",
    required=True,
    type=PROTECTION_CHOICE,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "keyring: kho khóa của hệ điều hành; passphrase: mật khẩu; file: tệp khóa (kém an "
                "toàn).",
            )
        )
    ),
)
@PASSPHRASE_FILE
@NEW_PASSPHRASE_FILE
def keys_protect(
    db_path: Path,
    protection: str,
    passphrase_file: Path | None,
    new_passphrase_file: Path | None,
) -> None:
    with user_errors(), open_workspace(db_path, passphrase_file=passphrase_file) as ws:
        ws.identity()  # unlocked with the current passphrase before asking for a new one
        warning = ws.protect_keys(
            protection, passphrase=_new_passphrase(protection, new_passphrase_file)
        )
    _warn(warning)
    click.echo(
        say(
            QT_TRANSLATE_NOOP("cli", "Khóa riêng được bảo vệ bằng: {protection}"),
            protection=protection,
        )
    )


@keys_group.command(
    name="rotate",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tạo khóa mới cho thiết bị."))),
)
@DB_OPTION
@PASSPHRASE_FILE
@click.option(
    "--lost",
    is_flag=True,
    help=str(
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "Khóa cũ đã mất (quên mật khẩu, tệp dữ liệu khảo sát chép sang máy khác): "
                "tạo khóa mới; văn "
                "phòng phải đăng ký lại bằng dấu vân tay.",
            )
        )
    ),
)
@click.option(
    "--to",
    "protection",
    type=PROTECTION_CHOICE,
    default=None,
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Với --lost: cách bảo vệ khóa mới (mặc định: như trước)."))
    ),
)
@NEW_PASSPHRASE_FILE
def keys_rotate(
    db_path: Path,
    passphrase_file: Path | None,
    lost: bool,
    protection: str | None,
    new_passphrase_file: Path | None,
) -> None:
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
                raise click.UsageError(
                    str(say(QT_TRANSLATE_NOOP("cli", "--to chỉ dùng với --lost.")))
                )
            made = ws.rotate_keys()
    _warn(made.warning)
    fingerprint = made.public().fingerprint
    if lost:
        click.echo(
            say(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Khóa mới: {fingerprint}. Hãy đọc dấu vân tay này cho văn phòng để đăng ký "
                    "lại.",
                ),
                fingerprint=fingerprint,
            )
        )
    else:
        click.echo(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "Khóa mới: {fingerprint}; gói tiếp theo sẽ báo cho văn phòng."
                ),
                fingerprint=fingerprint,
            )
        )


@keys_group.command(
    name="revoke",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Thu hồi một thiết bị: gói của nó bị từ chối."))),
)
@DB_OPTION
@click.argument("device_id")
def keys_revoke(db_path: Path, device_id: str) -> None:
    from fieldsurvey.core.trust import keys

    with user_errors(), open_workspace(db_path) as ws, ws.transaction():
        keys.revoke(ws.db, device_id, at=_now_iso())
    click.echo(say(QT_TRANSLATE_NOOP("cli", "Đã thu hồi {device}"), device=device_id))


@keys_group.command(
    name="assign",
    help=str(
        say(QT_TRANSLATE_NOOP("cli", "Đơn vị của một thiết bị khảo sát, quyền xem mục tiêu ANQG."))
    ),
)
@DB_OPTION
@click.argument("device_id")
@click.option(
    "--unit",
    "unit_id",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Đơn vị của cán bộ khảo sát (địa bàn được giao)."))),
)
@click.option(
    "--clearance/--no-clearance",
    default=False,
    help=str(say(QT_TRANSLATE_NOOP("cli", "Được xem mục tiêu ANQG (mặc định: không)."))),
)
def keys_assign(db_path: Path, device_id: str, unit_id: str | None, clearance: bool) -> None:
    from fieldsurvey.core.sync.scope import set_peer_scope

    with user_errors(), open_workspace(db_path) as ws, ws.transaction():
        set_peer_scope(ws.db, device_id, unit_id, clearance)
    unit = say(QT_TRANSLATE_NOOP("cli", "đơn vị"))
    sees = (
        say(QT_TRANSLATE_NOOP("cli", "được xem mục tiêu ANQG"))
        if clearance
        else say(QT_TRANSLATE_NOOP("cli", "không được xem mục tiêu ANQG"))
    )
    click.echo(f"{device_id}: {unit} {unit_id or '-'}, {sees}")


@keys_group.command(
    name="list",
    help=str(say(QT_TRANSLATE_NOOP("cli", "Các thiết bị đã đăng ký."))),
)
@DB_OPTION
@json_option(QT_TRANSLATE_NOOP("cli", "Mỗi thiết bị một đối tượng JSON."))
def keys_list(db_path: Path, as_json: bool) -> None:
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
