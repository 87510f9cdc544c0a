"""The system libraries a one-folder build needs: every DT_NEEDED of its ELF files that the build
does not bundle, the Debian package holding each (dpkg -S), and the newest glibc symbol version
asked for.

    python3 installers/linux/system_libraries.py BUILD_DIR [--check-depends "libc6 (>= 2.34), …"]

With --check-depends it exits 1, naming them, when a package is missing from the list
(alternatives "a | b" count for each name). Standard library only: it runs on the build machine
before any venv.
"""

from __future__ import annotations

import argparse
import re
import struct
import subprocess
import sys
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1


def needed(path: Path) -> list[str] | None:
    """The DT_NEEDED names of a 64-bit little-endian ELF file; None if it is not one."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    names: list[str] = []
    for _, kind, _, _, offset, size, link, _, _, _ in sections:
        if kind != SHT_DYNAMIC:
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == DT_NEEDED:
                end = data.index(b"\0", strtab + value)
                names.append(data[strtab + value : end].decode())
    return names


def glibc_versions(path: Path) -> set[tuple[int, ...]]:
    found = re.findall(rb"GLIBC_(\d+\.\d+(?:\.\d+)?)\0", path.read_bytes())
    return {tuple(int(p) for p in v.decode().split(".")) for v in found}


def package_of(soname: str) -> str | None:
    result = subprocess.run(
        ["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True, check=False
    )
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        if path.endswith("/" + soname) and "/usr/lib/debug/" not in path:
            return package.split(":")[0]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--check-depends", metavar="DEPENDS")
    args = parser.parse_args()
    files = [p for p in args.build.rglob("*") if p.is_file() and not p.is_symlink()]
    bundled = {p.name for p in args.build.rglob("*")}
    wanted: dict[str, set[str]] = {}
    glibc: set[tuple[int, ...]] = set()
    for path in files:
        names = needed(path)
        if names is None:
            continue
        glibc |= glibc_versions(path)
        for name in names:
            if name not in bundled:
                wanted.setdefault(name, set()).add(str(path.relative_to(args.build)))
    packages: dict[str, list[str]] = {}
    for soname in sorted(wanted):
        packages.setdefault(package_of(soname) or "?", []).append(soname)
    for package, sonames in sorted(packages.items()):
        print(f"{package}: {' '.join(sonames)}")
    newest = ".".join(map(str, max(glibc))) if glibc else "?"
    print(f"glibc: >= {newest}")
    if args.check_depends is None:
        return 0
    declared = {
        re.split(r"[\s(]", choice.strip())[0]
        for item in args.check_depends.split(",")
        for choice in item.split("|")
    }
    missing = sorted(p for p in packages if p not in declared)
    if missing:
        print(f"Not in Depends: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
