"""Who wrote a change, and who may: the signed, hash-chained logs of sync format v2 and the
permission table, tested with real demo workspaces, real packages and real imports.

Forged packages are built the way a hostile device would: a real package is opened with the
recipient's keys (as an attacker holding them could), its changes, heads and author cards are
edited, and it is written again, signed with an enrolled device's key (the demo keys are derived
from the seed) and encrypted to the recipient. Every refusal names its reason and leaves the
receiving workspace exactly as it was (every table and the photo folder).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldsurvey.core import history_fields
from fieldsurvey.core.clock import COUNTER_BITS
from fieldsurvey.core.demo.generator import build_demo, demo_device_id
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.store.db import APPLICATION_ID, photo_folder
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.store.workspace import (
    CHANGE_COLUMNS,
    INSERT_CHANGE,
    Workspace,
    fields_json,
    iso_from_ms,
)
from fieldsurvey.core.sync import scope
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.core.sync.package import open_package, write_package
from fieldsurvey.core.sync.package_format import SyncError
from fieldsurvey.core.trust import authorship, keys, ledger
from tests.helpers.office import everything as every_table

SEED = 42  # build_demo's default seed: every demo workspace here shares it
Line = dict[str, Any]
RunCli = Callable[..., subprocess.CompletedProcess[str]]


# -- demo workspaces: built once per module, copied per test ---------------------------------------


def _copy(source: Path, target: Path) -> None:
    shutil.copy(source, target)
    photos = source.with_name(source.stem + ".photos")
    if photos.exists():
        shutil.copytree(photos, target.with_name(target.stem + ".photos"))


def _export(sender: Workspace, receiver: Workspace, folder: Path) -> Path:
    target = folder / f"{sender.path.stem}-to-{receiver.path.stem}-{uuid.uuid4().hex[:8]}.fspkg"
    export_package(sender, target, recipient_id=receiver.device_id)
    return target


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The demo office and surveyors s1, s2. "fresh": as built (enrolled with each other, no
    package exchanged); "synced": the office has imported s1's and s2's packages (nothing was
    sent back yet)."""
    fresh_dir = tmp_path_factory.mktemp("fresh")
    fresh = {
        "office": fresh_dir / "office.sqlite",
        "s1": fresh_dir / "s1.sqlite",
        "s2": fresh_dir / "s2.sqlite",
    }
    build_demo(fresh["office"], role="office", seed=SEED)
    build_demo(fresh["s1"], role="surveyor", device="s1", seed=SEED)
    build_demo(fresh["s2"], role="surveyor", device="s2", seed=SEED)
    synced_dir = tmp_path_factory.mktemp("synced")
    synced = {name: synced_dir / path.name for name, path in fresh.items()}
    for name in fresh:
        _copy(fresh[name], synced[name])
    usb = tmp_path_factory.mktemp("synced-usb")
    office = Workspace.open(synced["office"], user="office")
    for name in ("s1", "s2"):
        with Workspace.open(synced[name], user=name) as surveyor:
            import_package(office, _export(surveyor, office, usb))
    office.close()
    return {"fresh": fresh, "synced": synced}


def _open_copies(files: dict[str, Path], folder: Path) -> Iterator[dict[str, Workspace]]:
    folder.mkdir()
    opened = {}
    for name, source in files.items():
        target = folder / source.name
        _copy(source, target)
        opened[name] = Workspace.open(target, user=f"user-{name}")
    yield opened
    for ws in opened.values():
        ws.close()


@pytest.fixture
def fresh(demo_files: dict[str, dict[str, Path]], tmp_path: Path) -> Iterator[dict[str, Workspace]]:
    """Private copies of the demo office, s1 and s2 as built."""
    yield from _open_copies(demo_files["fresh"], tmp_path / "fresh")


@pytest.fixture
def synced(
    demo_files: dict[str, dict[str, Path]], tmp_path: Path
) -> Iterator[dict[str, Workspace]]:
    """Private copies of the office holding s1's and s2's logs, and of s1 and s2."""
    yield from _open_copies(demo_files["synced"], tmp_path / "synced")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


# -- reading and forging packages ---------------------------------------------------------------


def _is_digest_only(line: Line) -> bool:
    return set(line) == {"device_id", "seq", "digest"}


@dataclass
class Unpacked:
    """A package's content, opened with the recipient's keys: editable, then written again."""

    manifest: dict[str, Any]
    lines: list[Line]
    heads: list[dict[str, Any]]
    authors: list[dict[str, Any]]
    text: str  # changes.jsonl as it travelled (decrypted)
    extra: dict[str, bytes] = field(default_factory=dict)  # acks.json, photos/…

    def of(self, device: str) -> list[Line]:
        return [line for line in self.lines if line["device_id"] == device]

    def whole(self) -> list[Line]:
        return [line for line in self.lines if not _is_digest_only(line)]

    def head(self, device: str) -> dict[str, Any]:
        return next(h for h in self.heads if h["device_id"] == device)

    def set_head(self, new: ledger.Head) -> None:
        self.heads = [h for h in self.heads if h["device_id"] != new.device_id]
        self.heads.append(new.as_json())


def _trusted_by(ws: Workspace) -> Callable[[str], Ed25519PublicKey | None]:
    def trusted(device_id: str) -> Ed25519PublicKey | None:
        peer = keys.trusted_peer(ws.db, device_id)
        return None if peer is None else Ed25519PublicKey.from_public_bytes(peer.signing_public)

    return trusted


def unpack(package: Path, receiver: Workspace) -> Unpacked:
    """Open a package with the receiver's keys (nothing is written to the receiver)."""
    me = receiver.identity()
    staging = receiver.path.with_name(receiver.path.stem + ".probe")
    opened = open_package(
        package,
        staging=staging,
        recipient_key=me.encryption_private,
        recipient_fingerprint=me.public().fingerprint,
        trusted_signer=_trusted_by(receiver),
    )
    try:
        data = {name: path.read_bytes() for name, path in opened.entry_paths.items()}
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    text = data.pop("changes.jsonl").decode("utf-8")
    return Unpacked(
        manifest=dict(opened.manifest),
        lines=[json.loads(line) for line in text.splitlines() if line.strip()],
        heads=json.loads(data.pop("heads.json")),
        authors=json.loads(data.pop("authors.json")),
        text=text,
        extra=data,
    )


def repack(
    content: Unpacked, target: Path, signer: keys.DeviceIdentity, receiver: Workspace
) -> Path:
    """Write ``content`` as a package from ``signer`` (its enrolled key signs it) to
    ``receiver``, with a new package id and the manifest's counts made to match."""
    manifest = {k: v for k, v in content.manifest.items() if k != "entries"}
    manifest.update(
        package_id=str(uuid.uuid4()),
        sender=signer.device_id,
        recipient=receiver.device_id,
        changes=len(content.lines),
        photos=sum(1 for name in content.extra if name.startswith("photos/")),
    )
    lines = "".join(
        (json.dumps(line) if _is_digest_only(line) else fields_json(line)) + "\n"
        for line in content.lines
    )
    recipient = receiver.public_identity()
    write_package(
        target,
        manifest=manifest,
        entries=[
            ("changes.jsonl", lines.encode()),
            ("heads.json", json.dumps(content.heads).encode()),
            ("authors.json", json.dumps(content.authors).encode()),
            *sorted(content.extra.items()),
        ],
        sender_key=signer.signing_private,
        recipient_key=recipient.encryption_key(),
        recipient_fingerprint=recipient.fingerprint,
    )
    return target


def craft(
    lines: list[Line],
    heads: list[ledger.Head],
    signer: keys.DeviceIdentity,
    receiver: Workspace,
    target: Path,
) -> Path:
    """A package made from scratch: these lines and heads, nothing else."""
    content = Unpacked(
        manifest={
            "format": "fieldsurvey-package",
            "format_version": 2,
            "created_clock": max([int(line.get("clock", 0)) for line in lines] + [0]),
            "seq_ranges": {},
        },
        lines=lines,
        heads=[h.as_json() for h in heads],
        authors=[],
        text="",
        extra={"acks.json": b"{}"},
    )
    return repack(content, target, signer, receiver)


def digest_of(line: Line) -> bytes:
    if _is_digest_only(line):
        return bytes.fromhex(line["digest"])
    # A change timed by its clock travels without "at"; its digest covers the clock's time.
    timed = {"at": iso_from_ms(line["clock"] >> 16), **line}
    return ledger.change_digest(timed, fields_json(line["fields"]))


def chain(lines: list[Line], before: bytes) -> bytes:
    """The hash a log reaches over ``lines`` (one device's, in order) from ``before``."""
    hash_ = before
    for line in lines:
        hash_ = ledger.link(hash_, digest_of(line))
    return hash_


def hash_before(db: sqlite_utils.Database, device: str, seq: int) -> bytes:
    """The hash of a device's log just before entry ``seq``, as ``db`` holds it."""
    if seq == 1:
        return ledger.genesis(device)
    found = ledger.entry_hash(db, device, seq - 1)
    assert found is not None
    return found


def demo_identity(role: str, device: str) -> keys.DeviceIdentity:
    """Any demo device's keys, derived from the seed as anyone can."""
    return keys.make_identity(
        device_id=demo_device_id(SEED, role, device), name=device, role=role, demo_seed=SEED
    )


def new_change(
    device: str,
    seq: int,
    table: str,
    record_id: str,
    op: str,
    fields: dict[str, list[Any]],
    clock: int,
) -> Line:
    return {
        "id": str(uuid.uuid4()),
        "device_id": device,
        "seq": seq,
        "clock": clock,
        "at": iso_from_ms(clock >> COUNTER_BITS),
        "user": "kẻ giả mạo",
        "table_name": table,
        "record_id": record_id,
        "op": op,
        "fields": fields,
    }


def write_unchecked(
    ws: Workspace,
    table: str,
    record_id: str,
    op: str,
    fields: dict[str, list[Any]],
    at: str | None = None,
) -> Line:
    """Append a change to the workspace's own log as a modified app would: the history row and
    its chain entry, without the permission check of the write path (and with a time of its own
    when ``at`` is given). Its real export then signs it like any other change."""
    seq, previous = ledger.tip(ws.db, ws.device_id)
    change = new_change(ws.device_id, seq + 1, table, record_id, op, fields, ws.clock.tick())
    change["at"] = at or change["at"]
    text = fields_json(fields)
    digest = ledger.change_digest(change, text)
    with ws.transaction():
        ws.db.execute(INSERT_CHANGE, [*(change[c] for c in CHANGE_COLUMNS[:-1]), text])
        ledger.add_entry(ws.db, ws.device_id, seq + 1, digest, ledger.link(previous, digest))
    return change


# -- what a refusal must leave: everything as it was ----------------------------------------------


def snapshot(ws: Workspace) -> list[Any]:
    """Every row of every table (search index aside) and every file of the photo folder."""
    folder = photo_folder(ws.path)
    files = sorted(
        (str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file()
    )
    return [every_table(ws), files]


def refused(ws: Workspace, package: Path, reason: str) -> SyncError:
    before = snapshot(ws)
    with pytest.raises(SyncError) as caught:
        import_package(ws, package)
    assert caught.value.reason == reason, str(caught.value)
    assert snapshot(ws) == before, "a refused package wrote something"
    return caught.value


def broken(ws: Workspace) -> list[ledger.Finding]:
    return [f for f in authorship.verify_history(ws.db) if f.broken]


# -- facts about the demo data ------------------------------------------------------------------


def authored(ws: Workspace, device: str, table: str) -> list[str]:
    """The records of ``table`` a device inserted, in its log's order."""
    return [
        r[0]
        for r in ws.db.execute(
            "SELECT record_id FROM changes WHERE device_id = ? AND table_name = ? "
            "AND op = 'insert' ORDER BY seq",
            [device, table],
        )
    ]


def secret_sites(ws: Workspace) -> set[str]:
    """The national-security sites a workspace holds."""
    return {
        r[0]
        for r in ws.db.execute("SELECT id FROM sites WHERE category = ?", [scope.NATIONAL_SECURITY])
    }


def ordinary(ws: Workspace, device: str, table: str) -> str:
    """The first record of ``table`` a device inserted that is not at a national-security
    site (those go only to cleared devices, even back to the one that recorded them)."""
    secret = secret_sites(ws)
    for record_id in authored(ws, device, table):
        site = record_id if table == "sites" else ws.get(table, record_id)["site_id"]
        if site not in secret:
            return record_id
    raise AssertionError(f"no ordinary {table} of {device}")


def unit_named(ws: Workspace, name: str) -> str:
    row = ws.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()
    assert row is not None, name
    return str(row[0])


def unit_area(ws: Workspace, unit_id: str) -> tuple[set[str], set[str], set[str]]:
    """A unit's assignments, and the communes and sites they name."""
    assignments, communes, sites = set(), set(), set()
    for assignment_id, codes, named in ws.db.execute(
        "SELECT id, commune_codes, site_ids FROM assignments WHERE unit_id = ?", [unit_id]
    ):
        assignments.add(assignment_id)
        communes.update(json.loads(codes or "[]"))
        sites.update(json.loads(named or "[]"))
    return assignments, communes, sites


def unit_covering(ws: Workspace, device: str) -> str:
    """The unit whose assigned communes hold the most (not national-security) sites that
    ``device`` recorded."""
    theirs = set(authored(ws, device, "sites"))
    best, most = None, 0
    for (unit_id,) in ws.db.execute("SELECT DISTINCT unit_id FROM assignments"):
        _, communes, _ = unit_area(ws, unit_id)
        count = sum(
            1
            for site_id, commune, category in ws.db.execute(
                "SELECT id, commune_code, category FROM sites"
            )
            if site_id in theirs and commune in communes and category != scope.NATIONAL_SECURITY
        )
        if count > most:
            best, most = str(unit_id), count
    assert best is not None
    return best


POLICE = "Công an thành phố Hà Nội"


# == 0. the forging tools are faithful: an untouched package written again is accepted ============


def test_a_surveyors_package_written_again_untouched_is_accepted(
    fresh: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = fresh["office"], fresh["s1"]
    content = unpack(_export(s1, office, usb), office)
    report = import_package(office, repack(content, usb / "again.fspkg", s1.identity(), office))
    assert report.applied > 1000 and report.photos == 40
    assert broken(office) == []


def test_a_change_timed_by_its_clock_travels_without_its_time(
    fresh: dict[str, Workspace], usb: Path
) -> None:
    """Every change FieldSurvey makes is timed by its clock: the package leaves its "at" out and
    the office puts the same time back (the digests check); a change with a time of its own
    carries it."""
    office, s1 = fresh["office"], fresh["s1"]
    site = authored(s1, s1.device_id, "sites")[0]
    own_time = "2025-03-03T08:00:07+07:00"
    own = write_unchecked(
        s1, "sites", site, "update", {"notes": [None, "giờ riêng", None]}, own_time
    )
    package = _export(s1, office, usb)
    content = unpack(package, office)
    assert content.manifest["format_version"] == 3
    assert len(content.whole()) > 1000
    assert [(line["id"], line["at"]) for line in content.whole() if "at" in line] == [
        (own["id"], own_time)
    ]
    import_package(office, package)
    history = "SELECT id, at, clock FROM changes WHERE device_id = ? ORDER BY seq"
    sent = s1.db.execute(history, [s1.device_id]).fetchall()
    assert office.db.execute(history, [s1.device_id]).fetchall() == sent
    assert [at for _, at, clock in sent if at != iso_from_ms(clock >> COUNTER_BITS)] == [own_time]
    assert broken(office) == []


# == 1. forged authorship ====================================================================


@pytest.mark.parametrize("head_signer", ["claimed-author", "sender"])
def test_changes_claiming_another_surveyor_are_refused_as_forged(
    fresh: dict[str, Workspace], usb: Path, head_signer: str
) -> None:
    """s1 renames its whole log to s2's device, re-hashes the chain and signs s2's head with
    its own key (as s2, or openly as itself): the office refuses it, nothing written."""
    office, s1, s2 = fresh["office"], fresh["s1"], fresh["s2"]
    content = unpack(_export(s1, office, usb), office)
    mine = content.of(s1.device_id)
    for line in mine:
        line["device_id"] = s2.device_id
    hash_ = chain(mine, ledger.genesis(s2.device_id))
    original = content.head(s1.device_id)
    content.heads = [h for h in content.heads if h["device_id"] != s1.device_id]
    signer = s2.device_id if head_signer == "claimed-author" else s1.device_id
    content.set_head(
        ledger.sign_head(
            s2.device_id,
            mine[-1]["seq"],
            hash_,
            original["clock"],
            signer,
            s1.identity().signing_private,
        )
    )
    package = repack(content, usb / "as-s2.fspkg", s1.identity(), office)
    error = refused(office, package, "forged")
    assert "nothing was written" in str(error)
    assert s2.device_id not in {r[0] for r in office.db.execute("SELECT device_id FROM changes")}


@pytest.mark.parametrize("head_signer", ["office", "sender"])
def test_a_review_in_the_offices_name_sent_by_a_surveyor_is_refused(
    fresh: dict[str, Workspace], usb: Path, head_signer: str
) -> None:
    """s1 (enrolled with s2 for the test) sends s2 a review approval authored as the office,
    continuing the office's log s2 holds, its head signed with s1's own key."""
    office, s1, s2 = fresh["office"], fresh["s1"], fresh["s2"]
    with s1.transaction(), s2.transaction():
        keys.enrol(s1.db, s2.public_identity(), at="2025-03-03T00:00:00Z")
        keys.enrol(s2.db, s1.public_identity(), at="2025-03-03T00:00:00Z")
    held, before = ledger.tip(s2.db, office.device_id)
    assert held > 0  # the units, written by the office in every demo workspace
    site = authored(s2, s2.device_id, "sites")[0]
    clock = s1.clock.tick()
    review = new_change(
        office.device_id,
        held + 1,
        "reviews",
        str(uuid.uuid4()),
        "insert",
        {
            "record_table": [None, "sites", None],
            "record_id": [None, site, None],
            "state": [None, "approved", None],
            "reviewer": [None, "Công an TP", None],
        },
        clock,
    )
    signer = office.device_id if head_signer == "office" else s1.device_id
    head = ledger.sign_head(
        office.device_id,
        held + 1,
        chain([review], before),
        clock,
        signer,
        s1.identity().signing_private,
    )
    package = craft([review], [head], s1.identity(), s2, usb / "fake-review.fspkg")
    refused(s2, package, "forged")
    assert s2.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_a_surveyor_cannot_introduce_an_author(fresh: dict[str, Workspace], usb: Path) -> None:
    """Only the office vouches for the devices whose logs it relays: s1 makes up a device, signs
    its log with its own key and introduces it with that key in authors.json."""
    office, s1 = fresh["office"], fresh["s1"]
    made_up = str(uuid.uuid4())
    clock = s1.clock.tick()
    change = new_change(
        made_up,
        1,
        "sites",
        str(uuid.uuid4()),
        "insert",
        {"name": [None, "Điểm của máy ma", None], "category": [None, "other", None]},
        clock,
    )
    me = s1.identity()
    head = ledger.sign_head(
        made_up, 1, chain([change], ledger.genesis(made_up)), clock, made_up, me.signing_private
    )
    content = unpack(craft([change], [head], me, office, usb / "ghost.fspkg"), office)
    content.authors = [
        {
            "device_id": made_up,
            "name": "máy ma",
            "role": "surveyor",
            "signing_public": me.public().signing_public.hex(),
            "revoked_at": None,
            "demo_seed": SEED,
        }
    ]
    refused(office, repack(content, usb / "ghost-introduced.fspkg", me, office), "unknown-author")
    assert office.db.execute("SELECT count(*) FROM known_authors").fetchone()[0] == 0


def _s2_log_and_head(fresh: dict[str, Workspace], usb: Path) -> Unpacked:
    """s2's real log, real head (signed at its export) and photos, as s2 sent them."""
    office, s2 = fresh["office"], fresh["s2"]
    return unpack(_export(s2, office, usb), office)


def _relayed_by_s1(
    fresh: dict[str, Workspace], usb: Path, s2_sent: Unpacked, s2_head: dict[str, Any]
) -> Path:
    """s1's real package to the office with s2's log and the given head of s2 added."""
    office, s1, s2 = fresh["office"], fresh["s1"], fresh["s2"]
    content = unpack(_export(s1, office, usb), office)
    content.lines += s2_sent.of(s2.device_id)
    content.heads.append(s2_head)
    content.extra.update(
        {name: data for name, data in s2_sent.extra.items() if name.startswith("photos/")}
    )
    return repack(content, usb / f"relay-{uuid.uuid4().hex[:6]}.fspkg", s1.identity(), office)


def test_a_revoked_devices_changes_relayed_by_a_valid_one_are_refused(
    fresh: dict[str, Workspace], usb: Path
) -> None:
    office, s2 = fresh["office"], fresh["s2"]
    s2_sent = _s2_log_and_head(fresh, usb)
    real_head = s2_sent.head(s2.device_id)
    assert real_head["signer"] == s2.device_id
    # The office revoked s2 a moment before s2 signed that head.
    revoked_at = iso_from_ms((real_head["clock"] >> COUNTER_BITS) - 1)
    with office.transaction():
        keys.revoke(office.db, s2.device_id, at=revoked_at)
    error = refused(office, _relayed_by_s1(fresh, usb, s2_sent, real_head), "revoked")
    assert "revoked" in str(error)


def test_a_revoked_devices_head_signed_before_its_revocation_stays_accepted(
    fresh: dict[str, Workspace], usb: Path
) -> None:
    office, s2 = fresh["office"], fresh["s2"]
    s2_sent = _s2_log_and_head(fresh, usb)
    real = s2_sent.head(s2.device_id)
    last_change = max(line["clock"] for line in s2_sent.of(s2.device_id))
    # The same log, its head signed by s2 (its own key) when it made its last change; the
    # office revoked s2 later.
    early = ledger.sign_head(
        s2.device_id,
        real["seq"],
        bytes.fromhex(real["hash"]),
        last_change,
        s2.device_id,
        s2.identity().signing_private,
    )
    with office.transaction():
        keys.revoke(office.db, s2.device_id, at=iso_from_ms((last_change >> COUNTER_BITS) + 60_000))
    report = import_package(office, _relayed_by_s1(fresh, usb, s2_sent, early.as_json()))
    assert report.applied > 2000
    s2_sites = set(authored(s2, s2.device_id, "sites"))
    assert s2_sites <= {r[0] for r in office.db.execute("SELECT id FROM sites")}
    assert broken(office) == []


@pytest.mark.parametrize("how", ["edited", "another-change"])
def test_a_sequence_number_the_office_holds_cannot_be_reused(
    synced: dict[str, Workspace], usb: Path, how: str
) -> None:
    """The office holds s1's log; s1 sends a different change under one of those numbers, its
    chain re-hashed and its head signed with s1's own key: forged."""
    office, s1 = synced["office"], synced["s1"]
    held, _ = ledger.tip(office.db, s1.device_id)
    assert held > 10
    content = unpack(_export(s1, office, usb), office)
    mine = content.of(s1.device_id)
    target = next(line for line in mine if line["seq"] == 5)
    assert target["table_name"] == "sites" and target["op"] == "insert"
    if how == "edited":
        target["fields"]["name"][1] = "Tên đã bị sửa"
    else:
        target.update(
            new_change(
                s1.device_id,
                5,
                "sites",
                str(uuid.uuid4()),
                "insert",
                {"name": [None, "Điểm khác", None], "category": [None, "other", None]},
                target["clock"],
            )
        )
    original = content.head(s1.device_id)
    content.set_head(
        ledger.sign_head(
            s1.device_id,
            original["seq"],
            chain(mine, ledger.genesis(s1.device_id)),
            original["clock"],
            s1.device_id,
            s1.identity().signing_private,
        )
    )
    package = repack(content, usb / "reused.fspkg", s1.identity(), office)
    error = refused(office, package, "forged")
    assert "change 5" in str(error)


def test_an_entry_whose_change_is_not_taken_keeps_its_digest(
    synced: dict[str, Workspace], usb: Path
) -> None:
    """s1 sends a new change under the id of a change the office holds at another place of
    s1's log, its chain re-hashed and its head signed with s1's own key. The office keeps the
    change it holds under that id, so the new entry keeps its digest (it holds no change to
    make it from), and the office's history still verifies."""
    office, s1 = synced["office"], synced["s1"]
    site = s1.db.execute("SELECT id FROM sites WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    with s1.transaction():
        s1.update("sites", site[0], {"notes": "Ghi chú mới."})
    held, _ = ledger.tip(office.db, s1.device_id)
    content = unpack(_export(s1, office, usb), office)
    mine = content.of(s1.device_id)
    target = next(line for line in mine if line["seq"] == held + 1)
    target["id"] = office.db.execute(
        "SELECT id FROM changes WHERE device_id = ? AND seq = 5", [s1.device_id]
    ).fetchone()[0]
    original = content.head(s1.device_id)
    content.set_head(
        ledger.sign_head(
            s1.device_id,
            original["seq"],
            chain(
                [line for line in mine if line["seq"] > held],
                hash_before(office.db, s1.device_id, held + 1),
            ),
            original["clock"],
            s1.device_id,
            s1.identity().signing_private,
        )
    )
    package = repack(content, usb / "id-reused.fspkg", s1.identity(), office)
    import_package(office, package)
    entry = office.db.execute(
        "SELECT l.digest IS NOT NULL, c.id FROM log_entries l LEFT JOIN changes c "
        "ON c.device_id = l.device_id AND c.seq = l.seq WHERE l.device_id = ? AND l.seq = ?",
        [s1.device_id, held + 1],
    ).fetchone()
    assert entry == (1, None)
    assert broken(office) == []


@pytest.mark.parametrize("seq", [2**63 - 1, 2**40 + 1])
@pytest.mark.parametrize("form", ["whole", "digest-only"])
def test_an_overflowing_sequence_number_is_a_bad_record(
    fresh: dict[str, Workspace], usb: Path, seq: int, form: str
) -> None:
    office, s1 = fresh["office"], fresh["s1"]
    line = new_change(
        s1.device_id,
        seq,
        "sites",
        str(uuid.uuid4()),
        "insert",
        {"name": [None, "Tràn số", None], "category": [None, "other", None]},
        s1.clock.tick(),
    )
    if form == "digest-only":
        line = {"device_id": s1.device_id, "seq": seq, "digest": digest_of(line).hex()}
    package = craft([line], [], s1.identity(), office, usb / "overflow.fspkg")
    refused(office, package, "bad-record")


def test_changes_in_the_receivers_own_name_beyond_its_tip_are_refused(
    fresh: dict[str, Workspace], usb: Path
) -> None:
    """s1 sends the office a change in the office's own name, after the office's last entry,
    its head signed with the office's real key (demo keys are derivable): the office knows it
    never wrote it."""
    office, s1 = fresh["office"], fresh["s1"]
    held, before = ledger.tip(office.db, office.device_id)
    site = authored(office, office.device_id, "sites")[0]
    clock = office.clock.last + 1000
    change = new_change(
        office.device_id,
        held + 1,
        "sites",
        site,
        "update",
        {"name": [None, "Đổi tên giả danh văn phòng", None]},
        clock,
    )
    office_key = demo_identity("office", "office").signing_private
    head = ledger.sign_head(
        office.device_id, held + 1, chain([change], before), clock, office.device_id, office_key
    )
    package = craft([change], [head], s1.identity(), office, usb / "own-name.fspkg")
    error = refused(office, package, "forged")
    assert "this device's name" in str(error)


# == 2. a change edited in a relay =============================================================


def _relay_to_s2(synced: dict[str, Workspace], usb: Path) -> tuple[Unpacked, Line]:
    """The office's real package to s2, assigned a unit whose area holds s1's sites, and one
    of s1's sites in it whole."""
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    with office.transaction():
        scope.set_peer_scope(office.db, s2.device_id, unit_covering(office, s1.device_id), False)
    content = unpack(_export(office, s2, usb), s2)
    relayed = [
        line
        for line in content.of(s1.device_id)
        if not _is_digest_only(line) and line["table_name"] == "sites" and line["op"] == "insert"
    ]
    assert relayed, "the office relays none of s1's sites to s2"
    return content, relayed[0]


def test_a_relayed_package_written_again_untouched_is_accepted(
    synced: dict[str, Workspace], usb: Path
) -> None:
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    content, line = _relay_to_s2(synced, usb)
    import_package(s2, repack(content, usb / "relay.fspkg", office.identity(), s2))
    assert s2.get("sites", line["record_id"])["name"] == line["fields"]["name"][1]
    assert broken(s2) == []
    assert s1.device_id in authorship.authors(s2.db)  # introduced by the office


@pytest.mark.parametrize("rehashed", [False, True], ids=["as-relayed", "chain-rehashed"])
def test_a_change_edited_in_a_relay_is_refused(
    synced: dict[str, Workspace], usb: Path, rehashed: bool
) -> None:
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    content, line = _relay_to_s2(synced, usb)
    line["fields"]["name"][1] = "Tên bị sửa trên đường chuyển"
    if rehashed:  # the relay re-hashes s1's chain into s1's head; it cannot sign as s1
        theirs = content.of(s1.device_id)
        head = content.head(s1.device_id)
        head["hash"] = chain(theirs, hash_before(s2.db, s1.device_id, theirs[0]["seq"])).hex()
    package = repack(content, usb / "tampered.fspkg", office.identity(), s2)
    refused(s2, package, "forged")


# == 3. what a surveyor may write ============================================================


def _forbidden(
    office: Workspace, s1: Workspace, case: str
) -> tuple[str, str, str, dict[str, list[Any]]]:
    """(table, record id, op, fields) of a change only the office may make."""
    site = authored(office, s1.device_id, "sites")[0]
    camera = authored(office, s1.device_id, "cameras")[0]
    shortcoming = authored(office, s1.device_id, "shortcomings")[0]
    unit = unit_named(office, POLICE)
    if case == "reviews-insert":
        fields = {
            "record_table": [None, "sites", None],
            "record_id": [None, site, None],
            "state": [None, "approved", None],
        }
        return "reviews", str(uuid.uuid4()), "insert", fields
    if case == "assignments-insert":
        fields = {"unit_id": [None, unit, None], "commune_codes": [None, '["00070"]', None]}
        return "assignments", str(uuid.uuid4()), "insert", fields
    if case == "units-insert":
        return "units", str(uuid.uuid4()), "insert", {"name": [None, "Đơn vị tự lập", None]}
    if case == "units-update":
        return "units", unit, "update", {"name": [POLICE, "Đơn vị đổi tên", None]}
    if case == "units-delete":
        return "units", unit, "delete", {"deleted": [0, 1, None]}
    if case == "sites-review-state":
        return "sites", site, "update", {"review_state": [None, "approved", None]}
    if case == "cameras-review-state":
        return "cameras", camera, "update", {"review_state": [None, "approved", None]}
    if case == "shortcomings-review-state":
        return "shortcomings", shortcoming, "update", {"review_state": [None, "approved", None]}
    if case == "sites-insert-approved":
        fields = {
            "name": [None, "Tự duyệt", None],
            "category": [None, "other", None],
            "review_state": [None, "approved", None],
        }
        return "sites", str(uuid.uuid4()), "insert", fields
    if case == "restore-office-deleted":
        office.delete("sites", site)
        return "sites", site, "update", {"deleted": [1, 0, None]}
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case",
    [
        "reviews-insert",
        "assignments-insert",
        "units-insert",
        "units-update",
        "units-delete",
        "sites-review-state",
        "cameras-review-state",
        "shortcomings-review-state",
        "sites-insert-approved",
        "restore-office-deleted",
    ],
)
def test_a_surveyors_package_with_an_office_decision_is_not_permitted(
    synced: dict[str, Workspace], usb: Path, case: str
) -> None:
    office, s1 = synced["office"], synced["s1"]
    table, record_id, op, fields = _forbidden(office, s1, case)
    write_unchecked(s1, table, record_id, op, fields)
    package = _export(s1, office, usb)  # real export: s1 signs its whole log
    error = refused(office, package, "not-permitted")
    assert table in str(error)


def test_a_surveyors_workspace_refuses_office_decisions_locally(
    fresh: dict[str, Workspace],
) -> None:
    s1 = fresh["s1"]
    site = authored(s1, s1.device_id, "sites")[0]
    unit = unit_named(s1, POLICE)
    before = snapshot(s1)
    with pytest.raises(ValidationError, match="reviews"):
        s1.insert("reviews", {"record_table": "sites", "record_id": site, "state": "approved"})
    with pytest.raises(ValidationError, match="review_state"):
        s1.update("sites", site, {"review_state": "approved"})
    with pytest.raises(ValidationError, match="units"):
        s1.update("units", unit, {"name": "Đơn vị đổi tên"})
    with pytest.raises(ValidationError, match="units"):
        s1.delete("units", unit)
    assert snapshot(s1) == before


# == 4. changed after approval ===============================================================


def test_a_surveyors_edit_after_the_offices_approval_is_flagged_not_overwritten(
    synced: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = synced["office"], synced["s1"]
    camera = ordinary(office, s1.device_id, "cameras")
    office.update("cameras", camera, {"review_state": "approved"})
    import_package(s1, _export(office, s1, usb))  # s1 sees the approval of its own camera
    assert s1.get("cameras", camera)["review_state"] == "approved"
    s1.update("cameras", camera, {"name": "Camera cổng chính (sửa sau duyệt)"})
    import_package(office, _export(s1, office, usb))
    record = office.get("cameras", camera)
    assert record["name"] == "Camera cổng chính (sửa sau duyệt)"
    assert record["review_state"] == "changed_after_approval"
    # The office looks again and approves: its decision holds again.
    office.update("cameras", camera, {"review_state": "approved"})
    assert office.get("cameras", camera)["review_state"] == "approved"


# == 5. least privilege going back ===========================================================


@dataclass
class Register:
    """What the office holds, to judge each change it sends a surveyor independently of
    scope.py: the site each record is at, and the national-security sites."""

    secret: set[str]
    site_commune: dict[str, str | None]
    site_of: dict[tuple[str, str], str]
    photo_links: dict[str, set[str]]  # photo id → its links
    assignment_unit: dict[str, str]

    @classmethod
    def of(cls, office: Workspace) -> Register:
        db = office.db
        secret = secret_sites(office)
        site_commune = dict(db.execute("SELECT id, commune_code FROM sites").fetchall())
        site_of = {("sites", s): s for s in site_commune}
        for table in ("cameras", "shortcomings", "needs"):
            for record_id, site_id in db.execute(f"SELECT id, site_id FROM {table}"):
                site_of[(table, record_id)] = site_id
        photo_links: dict[str, set[str]] = {}
        for link_id, photo_id, table, record_id in db.execute(
            "SELECT id, photo_id, record_table, record_id FROM photo_links"
        ):
            photo_links.setdefault(photo_id, set()).add(link_id)
            if (table, record_id) in site_of:
                site_of[("photo_links", link_id)] = site_of[(table, record_id)]
        for review_id, table, record_id in db.execute(
            "SELECT id, record_table, record_id FROM reviews"
        ):
            if (table, record_id) in site_of:
                site_of[("reviews", review_id)] = site_of[(table, record_id)]
        assignment_unit = dict(db.execute("SELECT id, unit_id FROM assignments").fetchall())
        return cls(secret, site_commune, site_of, photo_links, assignment_unit)

    def visible_sites(
        self, office: Workspace, unit_id: str, device: str, cleared: bool
    ) -> set[str]:
        _, communes, named = unit_area(office, unit_id)
        in_area = {s for s, commune in self.site_commune.items() if commune in communes}
        mine = set(authored(office, device, "sites"))
        return (in_area | named | mine) - (set() if cleared else self.secret)

    def at_visible_site(self, line: Line, visible: set[str]) -> bool:
        table, record_id = line["table_name"], line["record_id"]
        if table == "photos":
            links = self.photo_links.get(record_id, set())
            return any(self.site_of.get(("photo_links", link)) in visible for link in links)
        return self.site_of.get((table, record_id)) in visible


def _office_package_to_s1(
    synced: dict[str, Workspace], usb: Path, *, cleared: bool
) -> tuple[Unpacked, Path, str, set[str], Register]:
    """s1 assigned to the police unit, whose assignment names the national-security sites;
    the office's package to s1 and what s1 may see."""
    office, s1 = synced["office"], synced["s1"]
    unit = unit_named(office, POLICE)
    with office.transaction():
        scope.set_peer_scope(office.db, s1.device_id, unit, cleared)
    package = _export(office, s1, usb)
    register = Register.of(office)
    visible = register.visible_sites(office, unit, s1.device_id, cleared)
    return unpack(package, s1), package, unit, visible, register


def test_the_office_sends_a_surveyor_only_its_units_area_without_secret_sites(
    synced: dict[str, Workspace], usb: Path
) -> None:
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    content, package, unit, visible, register = _office_package_to_s1(synced, usb, cleared=False)
    assignments, _, _ = unit_area(office, unit)
    whole = content.whole()
    for line in whole:
        table = line["table_name"]
        if table == "units":
            continue  # reference data: everyone
        if table == "assignments":
            assert register.assignment_unit[line["record_id"]] == unit, line
        else:
            assert register.at_visible_site(line, visible), (table, line["record_id"])
    # the unit's assignments come whole, and no other
    sent = {line["record_id"] for line in whole if line["table_name"] == "assignments"}
    assert sent == assignments and assignments
    # s2's records: those in s1's area come (the office relays them), the others do not,
    # not even their ids; the rest of s2's log travels as digests
    s2_sites = set(authored(office, s2.device_id, "sites"))
    relayed = {
        line["record_id"]
        for line in whole
        if line["device_id"] == s2.device_id and line["table_name"] == "sites"
    }
    assert relayed == s2_sites & visible and relayed
    outside = s2_sites - visible
    assert outside and not any(site_id in content.text for site_id in outside)
    assert any(_is_digest_only(line) for line in content.of(s2.device_id))
    # no national-security site, nor anything at one, for a device without clearance
    assert not any(
        register.site_of.get((line["table_name"], line["record_id"])) in register.secret
        for line in whole
    )
    assert "Lăng Chủ tịch" not in content.text and "Mục tiêu bảo vệ" not in content.text
    # s1 takes it whole and every log it holds verifies
    report = import_package(s1, package)
    assert report.applied > 0
    assert broken(s1) == []
    held = {r[0] for r in s1.db.execute("SELECT id FROM assignments")}
    assert held == assignments
    assert secret_sites(s1) <= set(authored(s1, s1.device_id, "sites"))  # only its own


# An entry keeps its digest exactly where its change is not held here (m023).
_DIGEST_WHERE_NOT_HELD = (
    "SELECT count(*), sum(l.digest IS NOT NULL) FROM log_rows l LEFT JOIN change_rows c "
    "ON c.device = l.device AND c.seq = l.seq WHERE (l.digest IS NULL) = (c.seq IS NOT NULL)"
)


def test_a_log_entry_keeps_its_digest_only_where_its_change_is_not_held(
    synced: dict[str, Workspace], usb: Path
) -> None:
    """s1 takes the office's package, in which s2's records outside s1's area come as digests
    only: those entries keep their digest, an entry whose change s1 holds keeps none. s1's
    whole log, sent back, gives the office each withheld digest again, which the office,
    holding every change and no digest, checks against the hashes of its log."""
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    assert (
        office.db.execute("SELECT count(*) FROM log_rows WHERE digest IS NOT NULL").fetchone()[0]
        == 0
    )
    _, package, *_ = _office_package_to_s1(synced, usb, cleared=False)
    import_package(s1, package)
    entries, kept = s1.db.execute(_DIGEST_WHERE_NOT_HELD).fetchone()
    assert entries == s1.db.execute("SELECT count(*) FROM log_rows").fetchone()[0]
    assert kept > 0
    withheld = s1.db.execute(
        "SELECT seq FROM log_entries l WHERE device_id = ? AND digest IS NOT NULL",
        [s2.device_id],
    ).fetchall()
    assert withheld and broken(s1) == []
    target = usb / "s1-whole-log.fspkg"
    manifest = export_package(s1, target, recipient_id=office.device_id, full=True)
    assert manifest["changes"] >= entries
    report = import_package(office, target)
    assert report.applied == 0 and broken(office) == []
    assert (
        office.db.execute("SELECT count(*) FROM log_rows WHERE digest IS NOT NULL").fetchone()[0]
        == 0
    )


def test_an_entry_left_with_neither_change_nor_digest_stops_the_export(
    synced: dict[str, Workspace], usb: Path
) -> None:
    """A change of s2's deleted from the office's file outside the app: its entry holds no
    digest to send in its place, so the package to s1 is not made, and the office says why."""
    office, s1, s2 = synced["office"], synced["s1"], synced["s2"]
    conn = sqlite3.connect(office.path)
    with conn:
        conn.execute(
            "DELETE FROM change_rows WHERE seq = 3 AND device = "
            "(SELECT no FROM devices WHERE id = ?)",
            [s2.device_id],
        )
    conn.close()
    target = usb / "office-to-s1.fspkg"
    with pytest.raises(SyncError) as caught:
        export_package(office, target, recipient_id=s1.device_id)
    assert caught.value.reason == "tampered"
    why = str(caught.value)
    assert "entry 3" in why and s2.device_id[:8] in why and "outside the app" in why
    assert not target.exists()


def test_a_cleared_surveyor_also_receives_the_national_security_sites_of_its_area(
    synced: dict[str, Workspace], usb: Path
) -> None:
    office, s1 = synced["office"], synced["s1"]
    content, package, unit, _, register = _office_package_to_s1(synced, usb, cleared=True)
    _, _, named = unit_area(office, unit)
    sent_sites = {line["record_id"] for line in content.whole() if line["table_name"] == "sites"}
    assert named and named <= register.secret and named <= sent_sites
    import_package(s1, package)
    assert broken(s1) == []


def test_records_that_come_into_a_surveyors_scope_reach_it_in_the_next_package(
    synced: dict[str, Workspace], usb: Path
) -> None:
    """The office sent s1 a package before assigning it a unit (its area went as digests);
    once assigned, the next package must still bring the unit's assignments and area."""
    office, s1 = synced["office"], synced["s1"]
    import_package(s1, _export(office, s1, usb))
    import_package(office, _export(s1, office, usb))  # s1 tells the office what it holds
    unit = unit_named(office, POLICE)
    assignments, _, _ = unit_area(office, unit)
    assert not assignments & {r[0] for r in s1.db.execute("SELECT id FROM assignments")}
    with office.transaction():
        scope.set_peer_scope(office.db, s1.device_id, unit, False)
    import_package(s1, _export(office, s1, usb))
    assert assignments <= {r[0] for r in s1.db.execute("SELECT id FROM assignments")}


# == 6. an edited row of the history is found ===================================================


def test_verify_history_names_a_change_edited_outside_the_app(
    synced: dict[str, Workspace], run_cli: RunCli
) -> None:
    office, s1 = synced["office"], synced["s1"]
    result = run_cli("history", "--verify", "--db", str(office.path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "intact" in result.stdout
    seq, table, record_id, fields = office.db.execute(
        "SELECT seq, table_name, record_id, change_fields(fields) FROM changes "
        "WHERE device_id = ? AND seq = 7",
        [s1.device_id],
    ).fetchone()
    edited = json.loads(fields)
    edited["name"][1] = "Tên sửa thẳng trong SQLite"
    conn = sqlite3.connect(office.path)
    with conn:
        conn.execute(
            "UPDATE change_rows SET fields = ? WHERE rowid = "
            "(SELECT rowid FROM changes WHERE device_id = ? AND seq = ?)",
            [fields_json(edited), s1.device_id, seq],
        )
    conn.close()
    findings = {f.device_id: f for f in authorship.verify_history(office.db)}
    assert [d for d, f in findings.items() if f.broken] == [s1.device_id]
    broken = findings[s1.device_id].broken
    assert broken is not None
    why = str(broken)
    assert f"change {seq} was edited" in why
    assert table in why and record_id in why
    result = run_cli("history", "--verify", "--db", str(office.path))
    assert result.returncode == 1
    assert s1.device_id in result.stdout and f"change {seq} was edited" in result.stdout
    assert "changed outside the app" in result.stderr


def test_verify_history_passes_on_the_intact_demo(
    fresh: dict[str, Workspace], run_cli: RunCli
) -> None:
    for ws in fresh.values():
        assert broken(ws) == []
    result = run_cli("history", "--verify", "--db", str(fresh["s1"].path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The history is intact: 2 logs" in result.stdout


# == 7. a wave-1 workspace (before signed logs) migrates with its history attested ===========

M009 = "m009_authored_history"


class OldHistory:
    """Records and their changes as a workspace from before m009 held them: this device's own
    changes, and another device's that an old import wrote straight into ``changes``."""

    def __init__(self) -> None:
        self.clock = 1_740_963_600_000 << COUNTER_BITS
        self.seqs: dict[str, int] = {}
        self.changes: list[tuple[Any, ...]] = []
        self.records: dict[tuple[str, str], dict[str, Any]] = {}

    def write(
        self,
        device: str,
        table: str,
        record_id: str,
        op: str,
        values: dict[str, Any],
        package_id: str | None = None,
    ) -> None:
        self.clock += 7000 << COUNTER_BITS
        seq = self.seqs[device] = self.seqs.get(device, 0) + 1
        record = self.records.setdefault((table, record_id), {"deleted": 0})
        fields = {
            name: [None if op == "insert" else record.get(name), value, None]
            for name, value in values.items()
        }
        record.update(values)
        change = new_change(device, seq, table, record_id, op, fields, self.clock)
        change["user"] = "Nguyễn Văn A"
        self.changes.append(
            (*(change[c] for c in CHANGE_COLUMNS[:-1]), fields_json(fields), package_id)
        )

    def save(self, db: sqlite_utils.Database) -> None:
        for (table, record_id), values in self.records.items():
            columns = ["id", *values]
            db.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})",
                [record_id, *values.values()],
            )
        db.conn.executemany(
            f"INSERT INTO changes ({', '.join(CHANGE_COLUMNS)}, package_id) "
            f"VALUES ({', '.join('?' * (len(CHANGE_COLUMNS) + 1))})",
            self.changes,
        )


def wave1_workspace(path: Path, me: keys.DeviceIdentity, other: keys.DeviceIdentity) -> None:
    """A workspace as the version before signed logs left it (migrations up to m009): the
    office's keys in device_keys, a surveyor enrolled, and a history of both."""
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS.apply(db, stop_before=M009)
    secret = keys.secret_of(me)
    peer = other.public()
    history = OldHistory()
    unit, site, camera = (str(uuid.uuid4()) for _ in range(3))
    their_site, their_camera = str(uuid.uuid4()), str(uuid.uuid4())
    mine = me.device_id
    history.write(mine, "units", unit, "insert", {"name": "Công an phường Hàng Bạc"})
    history.write(mine, "sites", site, "insert", {"name": "Chợ Hàng Da", "category": "market"})
    history.write(mine, "sites", site, "update", {"unit_id": unit})
    history.write(mine, "cameras", camera, "insert", {"site_id": site, "name": "Cổng chợ"})
    package = str(uuid.uuid4())
    theirs = other.device_id
    history.write(
        theirs,
        "sites",
        their_site,
        "insert",
        {"name": "Ga Long Biên", "category": "train_station"},
        package,
    )
    history.write(
        theirs,
        "cameras",
        their_camera,
        "insert",
        {"site_id": their_site, "name": "Sân ga"},
        package,
    )
    history.write(theirs, "cameras", their_camera, "update", {"condition": "degraded"}, package)
    history.write(mine, "sites", their_site, "update", {"review_state": "approved"})
    history.write(mine, "cameras", camera, "delete", {"deleted": 1})
    with db.atomic():
        db.execute(
            "INSERT INTO device_keys (id, device_id, name, role, signing_private, "
            "encryption_private, created_at, demo_seed) VALUES (1, ?, ?, ?, ?, ?, ?, NULL)",
            [mine, me.name, me.role, secret[:32], secret[32:], "2025-01-01T00:00:00.000Z"],
        )
        for key, value in (("device_id", mine), ("device_name", me.name), ("role", me.role)):
            db.execute("INSERT INTO workspace (key, value) VALUES (?, ?)", [key, value])
        db.execute(
            "INSERT INTO peers (device_id, name, role, signing_public, encryption_public, "
            "fingerprint, enrolled_at, revoked_at, demo_seed) VALUES (?, ?, ?, ?, ?, ?, ?, "
            "NULL, NULL)",
            [
                theirs,
                peer.name,
                peer.role,
                peer.signing_public,
                peer.encryption_public,
                peer.fingerprint,
                "2025-01-01T00:00:00.000Z",
            ],
        )
        history.save(db)
        db.execute(
            "INSERT INTO packages (package_id, direction, peer_device, changes, photos, "
            "created_clock, at, file_name) VALUES (?, 'in', ?, 3, 0, ?, ?, 'old.fspkg')",
            [package, theirs, history.clock, "2025-03-04T00:00:00.000Z"],
        )
    db.close()


RECORD_TABLES = ("units", "sites", "cameras", "changes")


def _rows(path: Path, tables: tuple[str, ...], like: Path | None = None) -> dict[str, list[Any]]:
    """Every row of ``tables``; with ``like``, only the columns that file's tables have (a
    later migration may add a column, empty in the rows kept)."""
    conn = sqlite3.connect(path)
    out = {}
    for t in tables:
        columns = "*"
        if like is not None:
            old = sqlite3.connect(like)
            columns = ", ".join(r[1] for r in old.execute(f"PRAGMA table_info({t})"))
            old.close()
        cursor = conn.execute(f"SELECT {columns} FROM {t}")
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        if t == "changes":  # their fields as text: the history now stores them packed
            at = names.index("fields")
            rows = [(*r[:at], history_fields.unpack(r[at]), *r[at + 1 :]) for r in rows]
        out[t] = sorted(rows, key=repr)
    conn.close()
    return out


def test_a_wave1_workspace_keeps_its_history_and_chains_it_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "wave1.sqlite"
    me = keys.make_identity(device_id=str(uuid.uuid4()), name="Văn phòng", role="office")
    other = keys.make_identity(device_id=str(uuid.uuid4()), name="Máy 3", role="surveyor")
    wave1_workspace(path, me, other)
    before = _rows(path, RECORD_TABLES)
    wave1 = tmp_path / "wave1-copy.sqlite"
    wave1.write_bytes(path.read_bytes())
    with Workspace.open(path) as ws:
        # every record and change kept as it was, the changes now packed
        assert _rows(path, RECORD_TABLES, like=wave1) == before
        assert {r[0] for r in ws.db.execute("SELECT typeof(fields) FROM changes")} == {"blob"}
        orphans = ws.db.execute(
            "SELECT count(*) FROM changes c LEFT JOIN log_entries l ON l.device_id = c.device_id "
            "AND l.seq = c.seq WHERE l.seq IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        assert ws.db.execute("SELECT count(*) FROM log_entries").fetchone()[0] == len(
            before["changes"]
        )
        findings = {f.device_id: f for f in authorship.verify_history(ws.db)}
        assert set(findings) == {me.device_id, other.device_id}
        assert all(f.broken is None for f in findings.values()), findings
        own, theirs = findings[me.device_id], findings[other.device_id]
        assert (own.entries, own.signed_up_to, own.attested) == (6, 6, False)
        assert (theirs.entries, theirs.signed_up_to, theirs.attested) == (3, 3, True)
        # the upgraded workspace writes on from there, its log still verifies
        ws.insert("sites", {"name": "Bến xe Lương Yên", "category": "bus_station"})
        assert broken(ws) == []
        assert ledger.tip(ws.db, me.device_id)[0] == 7
