"""Demo office and surveyor workspaces for the office's tests: each set built once per test
session (``office_demos``), copied for each module that asks and again for each test, and a way
to carry a package from one to the other."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldsurvey.core.demo.generator import build_demo
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import ImportReport, import_package

# office_demos(names, synced=True) -> {name: path of a private copy}
OfficeDemos = Callable[..., dict[str, Path]]

ROLES = {"office": ("office", None), "s1": ("surveyor", "s1"), "s2": ("surveyor", "s2")}


def build(folder: Path, names: tuple[str, ...], *, synced: bool = True) -> dict[str, Path]:
    """The demo workspaces named; ``synced``: each surveyor has sent everything to the office
    and the office everything back, so later packages carry only what a test adds."""
    paths = {}
    for name in names:
        role, device = ROLES[name]
        paths[name] = folder / f"{name}.sqlite"
        build_demo(paths[name], role=role, device=device)
    if synced and "office" in names:
        usb = folder / "usb"
        usb.mkdir()
        opened = {name: Workspace.open(path, user=f"user-{name}") for name, path in paths.items()}
        surveyors = [opened[n] for n in names if n != "office"]
        for ws in surveyors:
            see_the_whole_city(opened["office"], ws.device_id)
            send(ws, opened["office"], usb)
        for ws in surveyors:
            send(opened["office"], ws, usb)
        for ws in opened.values():
            ws.close()
        shutil.rmtree(usb)
    return paths


def see_the_whole_city(office: Workspace, device_id: str) -> None:
    """The office assigns the surveyor's device a unit whose area is every commune, with the
    clearance for national-security sites: it is then sent everything."""
    from fieldsurvey.core.sync.scope import set_peer_scope

    with office.transaction():
        unit = office.insert("units", {"name": f"Tổ khảo sát {device_id[:4]}", "kind": "police"})
        office.insert(
            "assignments", {"unit_id": unit, "commune_codes": sorted(office.commune_codes)}
        )
        set_peer_scope(office.db, device_id, unit, True)


def copy_workspaces(built: dict[str, Path], folder: Path) -> dict[str, Path]:
    """Copies of workspace files (with their photo folders) in ``folder``."""
    copied = {}
    for name, source in built.items():
        copied[name] = folder / source.name
        shutil.copy(source, copied[name])
        photos = source.with_name(source.stem + ".photos")
        if photos.exists():
            shutil.copytree(photos, copied[name].with_name(copied[name].stem + ".photos"))
    return copied


def open_copies(built: dict[str, Path], folder: Path) -> dict[str, Workspace]:
    """Private copies (with their photo folders), opened as users named after the device."""
    return {
        name: Workspace.open(path, user=f"user-{name}")
        for name, path in copy_workspaces(built, folder).items()
    }


def send(sender: Workspace, receiver: Workspace, folder: Path) -> ImportReport:
    """Export what the receiver lacks and import it there."""
    target = folder / f"{sender.path.stem}-to-{receiver.path.stem}-{len(list(folder.iterdir()))}"
    export_package(sender, target.with_suffix(".fspkg"), recipient_id=receiver.device_id)
    return import_package(receiver, target.with_suffix(".fspkg"))


def everything(ws: Workspace) -> list[Any]:
    """Every row of every table (the search index and its terms aside), to show that nothing
    was written."""
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(ws.path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_%'"
        )
    ]
    out = [(t, sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables]
    conn.close()
    return out


# Fixtures (tests/conftest.py makes them everyone's); each module defines ``built``: which demo
# workspaces it needs, as ``office_demos(...)`` gives them.


@pytest.fixture(scope="session")
def office_demos(
    tmp_path_factory: pytest.TempPathFactory,
) -> OfficeDemos:
    """``office_demos(names, synced=True)``: the demo workspaces ``build`` makes, built the first
    time a set is asked for in the session, and copied (photo folders too) into a new folder
    for each caller, who may then change them freely."""
    made: dict[tuple[tuple[str, ...], bool], dict[str, Path]] = {}

    def copies(names: tuple[str, ...], *, synced: bool = True) -> dict[str, Path]:
        key = (names, synced)
        if key not in made:
            made[key] = build(tmp_path_factory.mktemp("demo-built"), names, synced=synced)
        return copy_workspaces(made[key], tmp_path_factory.mktemp("demo-copy"))

    return copies


@pytest.fixture
def workspaces(built: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Workspace]]:
    """Private copies of the module's demo workspaces, opened; closed after the test."""
    opened = open_copies(built, tmp_path)
    yield opened
    for ws in opened.values():
        ws.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The folder packages travel in (a USB stick)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
