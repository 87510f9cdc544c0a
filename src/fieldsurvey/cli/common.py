"""What every command shares: the --db option, opening the workspace, the passphrase, JSON
output and errors shown as one line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store.workspace import Workspace


def say(template: str, **params: Any) -> Message:
    """A sentence of the command line (a template marked with ``QT_TRANSLATE_NOOP("cli", …)``,
    its fields); ``str()`` of it is what the command line prints: Vietnamese, then English."""
    return Message("cli", template, params)


def json_option(template: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--json`` flag (``as_json``), its help the ``template`` (marked with
    ``QT_TRANSLATE_NOOP("cli", …)`` where it is written, so the translation files have it)."""
    return click.option("--json", "as_json", is_flag=True, help=str(say(template)))


DB_OPTION = click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp dữ liệu khảo sát (.sqlite)."))),
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a FieldSurvey error as one line on stderr with a non-zero exit, never a traceback."""
    try:
        yield
    except FieldSurveyError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        raise click.ClickException(str(say(QT_TRANSLATE_NOOP("cli", "Đã hủy.")))) from None


def print_json(obj: Any) -> None:
    """One JSON line; a core message in it is written as its "tiếng Việt / English" text."""
    click.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True, default=_plain))


def _plain(value: Any) -> str:
    if isinstance(value, Message):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def open_workspace(
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
    help=str(say(QT_TRANSLATE_NOOP("cli", "Tệp chứa mật khẩu khóa thiết bị (dòng đầu)."))),
)


def _first_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FieldSurveyError(
            say(QT_TRANSLATE_NOOP("cli", "Không đọc được tệp mật khẩu {path}."), path=path),
            code="passphrase-file-unreadable",
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
                say(QT_TRANSLATE_NOOP("cli", "Mật khẩu mới cho khóa thiết bị"))
                if confirm
                else say(QT_TRANSLATE_NOOP("cli", "Mật khẩu khóa thiết bị"))
            )
            repeat = say(QT_TRANSLATE_NOOP("cli", "Nhập lại"))
            return str(
                click.prompt(
                    str(prompt),
                    hide_input=True,
                    confirmation_prompt=str(repeat) if confirm else False,
                    err=True,
                )
            )
        from fieldsurvey.core.trust.keystore import passphrase_needed

        raise passphrase_needed()

    return read
