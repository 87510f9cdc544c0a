"""Files written whole or not at all (core/files.py), with a real crash in a second process."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fieldsurvey.core.files import atomic_write, atomic_writer, private_folder


def test_atomic_write_text_and_bytes(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.txt", "Hoàn Kiếm")
    atomic_write(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Hoàn Kiếm"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


def test_an_error_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target, text=True) as out:
        out.write("half of the new")
        raise RuntimeError("disk gone")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_private_files_are_owner_only_from_the_start(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "keys" / "inner")
    atomic_write(folder / "device.key", b"secret", private=True)
    assert stat.S_IMODE((folder / "device.key").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_process_killed_while_writing_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "package.fspkg"
    target.write_bytes(b"old package")
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from fieldsurvey.core.files import atomic_writer\n"
        "with atomic_writer(Path(sys.argv[1])) as out:\n"
        "    out.write(b'new bytes, ' * 1000)\n"
        "    out.flush()\n"
        "    os._exit(9)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(target)], check=False)
    assert result.returncode == 9
    assert target.read_bytes() == b"old package"
