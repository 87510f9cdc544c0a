"""The app's dependencies as Windows wheels for the embeddable Python, downloaded on Linux.

    python installers/windows/wheels.py PYPROJECT WHEEL_DIR

`pip download --platform win_amd64` picks Windows wheels but judges environment markers by the
machine it runs on (Linux): it would leave out `colorama; platform_system == "Windows"` and
bring `SecretStorage; sys_platform == "linux"`. So this downloads, then walks the requirements
from pyproject.toml through each wheel's metadata with the markers of 64-bit CPython 3.12 on
Windows, downloads what that walk needs and pip left out, and removes what it does not reach.
Needs `packaging` (PyPA's, as pip uses it).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

PYTHON_VERSION = "3.12"
WINDOWS = {
    **default_environment(),
    "implementation_name": "cpython",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_system": "Windows",
    "sys_platform": "win32",
    "python_version": PYTHON_VERSION,
    "python_full_version": PYTHON_VERSION + ".9",
    "platform_release": "10",
    "platform_version": "10.0.19045",
}


def download(requirements: list[str], folder: Path, *, deps: bool) -> None:
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
        "--platform", "win_amd64", "--python-version", PYTHON_VERSION,
        "--implementation", "cp", "--only-binary=:all:", "--dest", str(folder),
    ]  # fmt: skip
    if not deps:
        command.append("--no-deps")
    subprocess.run([*command, *requirements], check=True)


def wheels(folder: Path) -> dict[str, Path]:
    return {canonicalize_name(parse_wheel_filename(p.name)[0]): p for p in folder.glob("*.whl")}


def requires(wheel: Path, extras: set[str]) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    found = []
    for line in metadata.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker is None or any(
            requirement.marker.evaluate({**WINDOWS, "extra": extra}) for extra in extras or {""}
        ):
            found.append(requirement)
    return found


def main() -> int:
    pyproject, folder = Path(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    with pyproject.open("rb") as f:
        top = [Requirement(r) for r in tomllib.load(f)["project"]["dependencies"]]
    top = [r for r in top if r.marker is None or r.marker.evaluate(WINDOWS)]
    download([f"{r.name}{r.specifier}" for r in top], folder, deps=True)
    while True:
        have = wheels(folder)
        reached: set[str] = set()
        missing: list[Requirement] = []
        queue = [(r, set(r.extras)) for r in top]
        while queue:
            requirement, extras = queue.pop()
            name = canonicalize_name(requirement.name)
            wheel = have.get(name)
            if wheel is None:
                missing.append(requirement)
                continue
            if not requirement.specifier.contains(parse_wheel_filename(wheel.name)[1], True):
                raise SystemExit(f"{wheel.name} does not satisfy {requirement}")
            if name in reached:
                continue
            reached.add(name)
            queue += [(r, set(r.extras)) for r in requires(wheel, extras)]
        if not missing:
            break
        print("for Windows also:", ", ".join(str(r) for r in missing))
        # Without their markers, which pip would judge by this machine.
        download([f"{r.name}{r.specifier}" for r in missing], folder, deps=False)
    for name, wheel in sorted(have.items()):
        if name not in reached:
            print("not needed on Windows:", wheel.name)
            wheel.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
