"""Hostile values of every kind, signed by an enrolled surveyor: each package is refused whole
with a reason in the log, no traceback, and the office's workspace (every table and the photo
folder) exactly as it was. The same values typed locally are refused by the same checks."""

from __future__ import annotations

import copy
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldsurvey.core.errors import FieldSurveyError, ValidationError
from fieldsurvey.core.store.db import photo_folder
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.core.sync.package import write_package
from fieldsurvey.core.trust import keys, keystore

Change = dict[str, Any]
AT = "2026-12-01T08:00:00.000Z"
CLOCK = 1_780_000_000_000 << 16


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 30, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 30, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A real office and a real surveyor enrolled with each other (no records exchanged)."""
    folder = tmp_path_factory.mktemp("hostile")
    office = Workspace.create(folder / "office.sqlite", role="office", name="Công an TP")
    surveyor = Workspace.create(folder / "s1.sqlite", role="surveyor", name="máy khảo sát 1")
    with office, surveyor:
        at = "2026-12-01T08:00:00Z"
        with office.transaction(), surveyor.transaction():
            me_office, me_surveyor = keys.load_identity(office.db), keys.load_identity(surveyor.db)
            assert me_office is not None and me_surveyor is not None
            keys.enrol(office.db, me_surveyor.public(), at=at)
            keys.enrol(surveyor.db, me_office.public(), at=at)
    return {"office": folder / "office.sqlite", "s1": folder / "s1.sqlite"}


class Sender:
    """Builds signed packages from the surveyor to the office from change dictionaries."""

    def __init__(self, surveyor: Workspace, office: Workspace) -> None:
        me = keys.load_identity(surveyor.db)
        peer = keys.trusted_peer(surveyor.db, office.device_id)
        assert me is not None and peer is not None
        self.me, self.peer, self.device = me, peer, surveyor.device_id
        self.office = office

    def change(self, seq: int, table: str, record_id: str, fields: dict[str, Any]) -> Change:
        return {
            "id": str(uuid.uuid4()),
            "device_id": self.device,
            "seq": seq,
            "clock": CLOCK + seq,
            "at": AT,
            "user": "Nguyễn Văn A",
            "table_name": table,
            "record_id": record_id,
            "op": "insert",
            "fields": {name: [None, value, None] for name, value in fields.items()},
        }

    def base(self) -> dict[str, Any]:
        """A valid package: a site, a camera at it, a photo of the camera and its link."""
        photo = jpeg()
        site, camera, photo_id, link = (str(uuid.uuid4()) for _ in range(4))
        changes = [
            self.change(
                1,
                "sites",
                site,
                {
                    "name": "Chợ Đồng Xuân",
                    "category": "market",
                    "lat": 21.0383,
                    "lon": 105.8497,
                    "commune_code": "00070",
                },
            ),
            self.change(
                2,
                "cameras",
                camera,
                {
                    "site_id": site,
                    "name": "Cổng chính",
                    "camera_type": "fixed",
                    "storage_days": 30,
                    "views": json.dumps([{"direction": 90.0, "angle": None, "tilt": None}]),
                },
            ),
            self.change(
                3,
                "photos",
                photo_id,
                {"sha256": sha(photo), "format": "JPEG", "byte_size": len(photo)},
            ),
            self.change(
                4,
                "photo_links",
                link,
                {"photo_id": photo_id, "record_table": "cameras", "record_id": camera},
            ),
        ]
        return {
            "changes": changes,
            "photos": {sha(photo): photo},
            "acks": {},
            "manifest": {},
            "lines": None,
        }

    def heads(self, changes: list[Any]) -> bytes:
        """The sender's signed head over its changes, as a real export signs it (empty when
        the corruption makes them impossible to chain: the schema check refuses them first)."""
        from fieldsurvey.core.store.workspace import fields_json, iso_from_ms
        from fieldsurvey.core.trust import ledger

        previous, last = ledger.genesis(self.device), 0
        try:
            for change in sorted(changes, key=lambda c: c["seq"]):
                # a change timed by its clock travels without "at"; its digest covers that time
                timed = {"at": iso_from_ms(change["clock"] >> 16), **change}
                digest = ledger.change_digest(timed, fields_json(change["fields"]))
                previous, last = ledger.link(previous, digest), change["seq"]
        except Exception:
            return b"[]"
        if not last:
            return b"[]"
        head = ledger.sign_head(
            self.device, last, previous, CLOCK + 100, self.device, self.me.signing_private
        )
        return json.dumps([head.as_json()]).encode()

    def write(self, target: Path, package: dict[str, Any]) -> Path:
        lines = package["lines"]
        if lines is None:
            lines = [json.dumps(c, ensure_ascii=True) for c in package["changes"]]
        manifest = {
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": str(uuid.uuid4()),
            "sender": self.device,
            "recipient": self.office.device_id,
            "created_clock": CLOCK + 100,
            "seq_ranges": {},
            "changes": len(lines),
            "photos": len(package["photos"]),
            **package["manifest"],
        }
        write_package(
            target,
            manifest=manifest,
            entries=[
                ("changes.jsonl", ("\n".join(lines) + "\n").encode()),
                *((f"photos/{h}", data) for h, data in package["photos"].items()),
                ("acks.json", json.dumps(package["acks"]).encode()),
                ("heads.json", self.heads(package["changes"])),
                ("authors.json", b"[]"),
            ],
            sender_key=self.me.signing_private,
            recipient_key=self.peer.encryption_key(),
            recipient_fingerprint=self.peer.fingerprint,
        )
        return target


@pytest.fixture
def office_and_sender(pair: dict[str, Path], tmp_path: Path) -> Iterator[tuple[Workspace, Sender]]:
    office_path = tmp_path / "office.sqlite"
    shutil.copy(pair["office"], office_path)
    with Workspace.open(office_path) as office, Workspace.open(pair["s1"]) as surveyor:
        yield office, Sender(surveyor, office)


def everything(ws: Workspace) -> list[Any]:
    """Every table and every file in the photo folder."""
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tables = [
        r[0]
        for r in ws.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%'"
        )
    ]
    out: list[Any] = [
        (t, sorted(ws.db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables
    ]
    folder = photo_folder(ws.path)
    out.append(
        sorted(
            (str(p.relative_to(folder)), p.read_bytes()) for p in folder.rglob("*") if p.is_file()
        )
    )
    return out


# -- the corpus: (name, mutation of the valid package) ---------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def field(index: int, name: str, value: Any) -> Mutation:
    def mutate(package: dict[str, Any]) -> None:
        package["changes"][index]["fields"][name] = [None, value, None]

    return mutate


def key(index: int, name: str, value: Any) -> Mutation:
    def mutate(package: dict[str, Any]) -> None:
        package["changes"][index][name] = value

    return mutate


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def raw_line(line: str) -> Mutation:
    def mutate(package: dict[str, Any]) -> None:
        package["lines"] = [json.dumps(c) for c in package["changes"]] + [line]
        package["manifest"]["changes"] = len(package["lines"])

    return mutate


def photo_file(data: bytes, declared: str = "JPEG") -> Mutation:
    def mutate(package: dict[str, Any]) -> None:
        fields = package["changes"][2]["fields"]
        fields["sha256"] = [None, sha(data), None]
        fields["format"] = [None, declared, None]
        fields["byte_size"] = [None, len(data), None]
        package["photos"] = {sha(data): data}

    return mutate


def no_photo_file(package: dict[str, Any]) -> None:
    package["photos"] = {}


def link_to_nowhere(package: dict[str, Any]) -> None:
    package["changes"][3]["fields"]["record_id"] = [None, str(uuid.uuid4()), None]


def delete_base(value: Any) -> Mutation:
    def mutate(package: dict[str, Any]) -> None:
        site = package["changes"][0]
        package["changes"].append(
            {
                **site,
                "id": str(uuid.uuid4()),
                "seq": 5,
                "clock": CLOCK + 5,
                "op": "delete",
                "fields": {"deleted": [0, 1, value]},
            }
        )

    return mutate


def insert_with_old_value(package: dict[str, Any]) -> None:
    package["changes"][0]["fields"]["name"] = ["Tên cũ", "Chợ Đồng Xuân", None]


def missing_required(package: dict[str, Any]) -> None:
    del package["changes"][0]["fields"]["category"]


def need_reusing(camera_ids: Any) -> Mutation:
    """A need at the package's site that names cameras to reuse."""

    def mutate(package: dict[str, Any]) -> None:
        site = package["changes"][0]["record_id"]
        package["changes"].append(
            {
                **package["changes"][1],
                "id": str(uuid.uuid4()),
                "seq": 5,
                "clock": CLOCK + 5,
                "table_name": "needs",
                "record_id": str(uuid.uuid4()),
                "fields": {
                    "site_id": [None, site, None],
                    "reuse_camera_ids": [None, json.dumps(camera_ids), None],
                },
            }
        )

    return mutate


def bomb() -> bytes:
    """A whole PNG claiming 100,000 × 100,000 pixels in a few hundred bytes."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4096)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


LONE_SURROGATE = "\ud800"
CORPUS: dict[str, Mutation] = {
    # text fields
    "text: lone surrogate": field(0, "name", "Chợ" + LONE_SURROGATE),
    "text: NUL": field(0, "name", "Chợ\x00Đồng Xuân"),
    "text: longer than the field": field(0, "name", "x" * 301),
    "text: a number": field(0, "name", 5),
    "text: a list": field(0, "notes", ["a"]),
    "text: an object": field(0, "notes", {"a": 1}),
    # numbers
    "int: 2**63": field(1, "storage_days", 2**63),
    "int: 2**64": field(1, "storage_days", 2**64),
    "int: negative": field(1, "storage_days", -1),
    "int: fraction": field(1, "storage_days", 1.5),
    "int: boolean": field(1, "storage_days", True),
    "int: text": field(1, "storage_days", "30"),
    "real: NaN": field(0, "lat", float("nan")),
    "real: infinity": field(0, "lat", float("inf")),
    "real: 1e400": raw_line('{"x": 1e400}'),
    "real: out of range": field(0, "lat", 91.0),
    "bool: 2": field(1, "night_vision", 2),
    # code lists and references
    "code: not in the list": field(0, "category", "spaceport"),
    "code: a number": field(0, "category", 7),
    "codes: unknown code": field(1, "purposes", json.dumps(["traffic", "mind_control"])),
    "codes: not a list": field(1, "purposes", json.dumps({"a": 1})),
    "ref: no such site": field(1, "site_id", str(uuid.uuid4())),
    "ref: too long": field(1, "site_id", "x" * 1000),
    "ref: a number": field(1, "site_id", 12),
    "refs: numbers": need_reusing([1, 2]),
    "commune: unknown code": field(0, "commune_code", "99999"),
    "commune: NUL": field(0, "commune_code", "00\x0070"),
    "views: direction 400": field(1, "views", json.dumps([{"direction": 400}])),
    "views: extra key": field(1, "views", json.dumps([{"direction": 1, "shell": "rm"}])),
    "views: deep nesting": field(1, "views", json.dumps(nested(200))),
    "views: a text nested 100,000 deep": field(1, "views", "[" * 100_000 + "]" * 100_000),
    "sha256: not hex": field(2, "sha256", "zz" * 32),
    "table: sqlite_master": field(3, "record_table", "sqlite_master"),
    "table: keys": field(3, "record_table", "device_keys"),
    # the change itself
    "change: seq 0": key(0, "seq", 0),
    "change: seq 2**63-1": key(0, "seq", 2**63 - 1),
    "change: seq true": key(0, "seq", True),
    "change: clock 2**63": key(0, "clock", 2**63),
    "change: clock negative": key(0, "clock", -5),
    "change: at not a time": key(0, "at", "yesterday"),
    "change: user 10,000 characters": key(0, "user", "u" * 10_000),
    "change: user lone surrogate": key(0, "user", LONE_SURROGATE),
    "change: id with NUL": key(0, "id", "a\x00b"),
    "change: record id 1,000 characters": key(0, "record_id", "r" * 1000),
    "change: op drop": key(0, "op", "drop"),
    "change: unknown table": key(0, "table_name", "peers"),
    "change: extra key": key(0, "sql", "DROP TABLE sites"),
    "change: unknown field": field(0, "secret_column", "x"),
    "change: insert with an old value": insert_with_old_value,
    "change: insert without a required field": missing_required,
    "delete: base is text": delete_base("yesterday"),
    "delete: base 2**64": delete_base(2**64),
    "line: nested 100,000 deep": raw_line("[" * 100_000 + "]" * 100_000),
    "line: not JSON": raw_line("{'python': True}"),
    "line: invalid UTF-8": raw_line("\udcff"),
    "line: 5 MB": raw_line(json.dumps({"x": "y" * (5 << 20)})),
    # photos
    "photo: record without its file": no_photo_file,
    "photo: not an image": photo_file(b"#!/bin/sh\nrm -rf /\n" * 10),
    "photo: PNG declared JPEG": photo_file(png(), "JPEG"),
    "photo: decompression bomb": photo_file(bomb(), "PNG"),
    "photo: link to a record that does not exist": link_to_nowhere,
    # the rest of the package
    "acks: sequence 2**64": lambda p: p.update(acks={"d": 2**64}),
    "acks: not an object": lambda p: p.update(acks=[1, 2]),
    "manifest: clock as text": lambda p: p["manifest"].update(created_clock="soon"),
    "manifest: package id 1,000 characters": lambda p: p["manifest"].update(package_id="p" * 1000),
}


def _write_with_invalid_utf8(sender: Sender, target: Path, package: dict[str, Any]) -> None:
    """``line: invalid UTF-8``: bytes that are not UTF-8 at all in the change list."""
    lines = [json.dumps(c).encode() for c in package["changes"]] + [b'{"x": "\xff\xfe"}']
    keys_ = sender
    write_package(
        target,
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "package_id": str(uuid.uuid4()),
            "sender": keys_.device,
            "recipient": keys_.office.device_id,
            "created_clock": CLOCK + 100,
            "seq_ranges": {},
            "changes": len(lines),
            "photos": len(package["photos"]),
        },
        entries=[
            ("changes.jsonl", b"\n".join(lines) + b"\n"),
            ("heads.json", b"[]"),
            ("authors.json", b"[]"),
            *((f"photos/{h}", data) for h, data in package["photos"].items()),
            ("acks.json", b"{}"),
        ],
        sender_key=keys_.me.signing_private,
        recipient_key=keys_.peer.encryption_key(),
        recipient_fingerprint=keys_.peer.fingerprint,
    )


def test_the_valid_package_imports(
    office_and_sender: tuple[Workspace, Sender], tmp_path: Path
) -> None:
    office, sender = office_and_sender
    report = import_package(office, sender.write(tmp_path / "ok.fspkg", sender.base()))
    assert report.new == 4 and report.photos == 1


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_values_are_refused_whole(
    office_and_sender: tuple[Workspace, Sender],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    office, sender = office_and_sender
    package = copy.deepcopy(sender.base())
    CORPUS[name](package)
    target = tmp_path / "hostile.fspkg"
    if name == "line: invalid UTF-8":
        _write_with_invalid_utf8(sender, target, package)
    else:
        sender.write(target, package)
    before = everything(office)
    with (
        caplog.at_level(logging.WARNING, logger="fieldsurvey"),
        pytest.raises(FieldSurveyError) as caught,
    ):
        import_package(office, target)
    assert getattr(caught.value, "reason", None) in {
        "bad-record",
        "bad-manifest",
        "bad-photo",
        "missing-photo",
        "extra-photo",
    }, caught.value
    assert everything(office) == before
    assert any("refused" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "name", ["text: lone surrogate", "int: 2**64", "line: nested 100,000 deep", "photo: bomb"]
)
def test_the_command_line_says_why_without_a_traceback(
    office_and_sender: tuple[Workspace, Sender], tmp_path: Path, name: str
) -> None:
    office, sender = office_and_sender
    package = copy.deepcopy(sender.base())
    CORPUS.get(name, photo_file(bomb(), "PNG"))(package)
    target = sender.write(tmp_path / "hostile.fspkg", package)
    home = tmp_path / "home"
    # A home of its own, for the log; the office's key file goes along (it is the same machine).
    shutil.copytree(keystore.key_folder(), home / "data" / "keys")
    result = subprocess.run(
        [sys.executable, "-m", "fieldsurvey", "import", "--db", str(office.path), str(target)],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8", "FIELDSURVEY_HOME": str(home)},
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "TỪ CHỐI" in result.stderr
    if name == "photo: bomb":
        assert "100000×100000" in result.stderr
    assert "refused" in (home / "logs" / "fieldsurvey.log").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "name", "value"),
    [
        ("sites", "name", "Chợ" + LONE_SURROGATE),
        ("sites", "name", "a\x00b"),
        ("sites", "commune_code", "99999"),
        ("sites", "unit_id", "u" * 1000),
    ],
)
def test_the_same_values_typed_locally_are_refused(
    workspace: Workspace, table: str, name: str, value: Any
) -> None:
    with pytest.raises(ValidationError):
        workspace.insert(table, {"name": "Chợ", "category": "market", name: value})
