"""Start time of the frozen app against the same app from the virtual environment, same run.

    .venv/bin/python benchmarks/bench_start.py --frozen BUILD_DIR_OR_BINARY [--runs N] [--out FILE]

Each run starts `fieldsurvey selftest` once from the frozen build (the PyInstaller one-folder
build, or /usr/bin/fieldsurvey of the .deb) and once as `python -m fieldsurvey selftest` from
this environment, alternately, each in the smoke test's clean environment (a new empty
FIELDSURVEY_HOME, offscreen, no keyring) from a temporary folder. From each process:

- start to a usable window: the process's wall time minus the selftest's timed steps that are
  not starting (building the demo workspace, making the camera, adding the photo, closing and
  reopening); what is left is the interpreter or bootloader, the imports, the QApplication, the
  window shown and the map drawn — and the process's exit, alike for both;
- window and map: the selftest's own time from making the window to the map drawn;
- `fieldsurvey --version`: a process that only starts the interpreter and the command line.

Medians over the runs. Nothing is asserted: the figures go in the README next to the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import machine_info, machine_line, median, say, table, write_json

NAME = "bench_start"
NOT_STARTING = ("demo_ms", "create_camera_ms", "add_photo_ms", "close_and_reopen_ms")


def clean_env(home: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "FIELDSURVEY_HOME": str(home / "fieldsurvey"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def timed(command: list[str], tmp: Path) -> tuple[float, str]:
    home = Path(tempfile.mkdtemp(dir=tmp))
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=home, env=clean_env(home), capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stdout


def selftest(command: list[str], tmp: Path) -> dict[str, float]:
    wall, out = timed([*command, "selftest"], tmp)
    report = json.loads(out.strip().splitlines()[-1])
    if not report["ok"]:
        raise SystemExit(f"selftest failed: {report}")
    steps = report["steps"]
    other = sum(steps[name] for name in NOT_STARTING) / 1000
    return {
        "wall_s": wall,
        "start_to_window_s": wall - other,
        "window_and_map_s": steps["window_and_map_ms"] / 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, required=True, help="one-folder build or binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    frozen = args.frozen / "fieldsurvey" if args.frozen.is_dir() else args.frozen
    kinds = {"frozen": [str(frozen.resolve())], "venv": [sys.executable, "-m", "fieldsurvey"]}
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    versions: dict[str, list[float]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-start-") as folder:
        tmp = Path(folder)
        for run in range(args.runs + 1):  # the first round warms the disk cache, not counted
            for kind, command in kinds.items():
                figures = selftest(command, tmp)
                version_s = timed([*command, "--version"], tmp)[0]
                if run:
                    results[kind].append(figures)
                    versions[kind].append(version_s)
                    say(
                        f"{kind:6} run {run}: "
                        + ", ".join(f"{k} {v:.2f}" for k, v in figures.items())
                    )
    summary: dict[str, Any] = {}
    for kind in kinds:
        summary[kind] = {
            key: median([r[key] for r in results[kind]]) for key in results[kind][0]
        } | {"version_s": median(versions[kind])}
    machine = machine_info()
    say()
    say(f"Machine: {machine_line(machine)}; {args.runs} runs, medians")
    rows = [
        [label, f"{summary['frozen'][key]:.2f} s", f"{summary['venv'][key]:.2f} s",
         f"{summary['frozen'][key] / summary['venv'][key]:.2f}×"]
        for label, key in (
            ("start to a usable window (map drawn)", "start_to_window_s"),
            ("window and map (selftest's own step)", "window_and_map_s"),
            ("whole selftest process", "wall_s"),
            ("fieldsurvey --version", "version_s"),
        )
    ]  # fmt: skip
    say(table(["", "frozen", "venv", "frozen ÷ venv"], rows))
    data = {
        "machine": machine,
        "frozen": str(frozen),
        "runs": args.runs,
        "env": sorted(clean_env(Path("/")).keys()),
        "summary": summary,
        "results": results,
    }
    write_json(NAME, data, args.out)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
