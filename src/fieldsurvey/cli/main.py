"""The `fieldsurvey` command: the main group, with every command group's commands added to it
(thin click commands over fieldsurvey.core; no Qt imported here)."""

from __future__ import annotations

import sys

import click

from fieldsurvey import __version__
from fieldsurvey.cli.common import say
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP


@click.group(
    invoke_without_command=True,
    help=str(say(QT_TRANSLATE_NOOP("cli", "FieldSurvey: khảo sát camera giám sát của Hà Nội."))),
)
@click.version_option(__version__, prog_name="fieldsurvey")
@click.pass_context
def main(ctx: click.Context) -> None:
    from fieldsurvey.app import setup_logging

    setup_logging()
    if ctx.invoked_subcommand is None:
        from fieldsurvey.app import run_app

        sys.exit(run_app([]))


from fieldsurvey.cli import (  # noqa: E402
    basemap,
    grading,
    keys,
    names,
    office,
    photos,
    plan,
    reports,
    review,
    sync,
    workspace,
)

for _group in (
    workspace,
    keys,
    sync,
    photos,
    review,
    office,
    grading,
    plan,
    reports,
    names,
    basemap,
):
    for _command in _group.COMMANDS:
        main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
