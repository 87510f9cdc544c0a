"""Files written whole or not at all, and kept on disk once written.

Every file the app writes for someone to keep (settings, key files, photos, packages, reports,
HTML maps, workspace backups) is written to a temporary name beside its target, flushed and
fsynced, renamed over the target, and the folder fsynced, so a crash or a power cut leaves
either the old file or the new one, never half of one, and never a rename the disk forgot.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def partial_name(target: Path) -> Path:
    """A hidden, unique temporary name beside ``target``."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be
    opened, as on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_durably(partial: Path, target: Path) -> None:
    """Rename a complete, fsynced ``partial`` over ``target`` and make the rename durable."""
    os.replace(partial, target)
    fsync_folder(target.parent)


@contextlib.contextmanager
def atomic_writer(
    target: Path, *, text: bool = False, private: bool = False, sync_folder: bool = True
) -> Iterator[IO[Any]]:
    """A file to write ``target``'s new content into: on leaving the block it is fsynced and
    renamed over ``target``; on an error it is removed and ``target`` is left as it was.
    ``private``: readable by its owner only (0600) from its first byte. ``sync_folder=False``
    for files that can be made again (thumbnails): the rename is then not waited for."""
    partial = partial_name(target)
    mode = 0o600 if private else 0o666
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "w" if text else "wb", encoding="utf-8" if text else None) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if sync_folder:
            replace_durably(partial, target)
        else:
            os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def atomic_write(
    target: Path, data: bytes | str, *, private: bool = False, sync_folder: bool = True
) -> None:
    """Write ``data`` (bytes, or text as UTF-8) at ``target`` whole or not at all, durably."""
    with atomic_writer(
        target, text=isinstance(data, str), private=private, sync_folder=sync_folder
    ) as out:
        out.write(data)


def private_folder(folder: Path) -> Path:
    """Make a folder (and its parents) that only its owner can enter: photos, backups, staged
    packages and logs hold camera positions and people's names."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not ours to change: leave it as it is
        folder.chmod(0o700)
    return folder
