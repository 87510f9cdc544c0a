"""Convergence: devices that edit, delete and exchange packages in any order, with duplicates and
late arrivals, end with the same records and the same conflicts once everything has travelled."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.core.sync.export import export_package
from fieldsurvey.core.sync.importing import import_package
from fieldsurvey.core.sync.package_format import SyncError, identity
from fieldsurvey.core.sync.scope import set_peer_scope
from fieldsurvey.core.trust import keys
from fieldsurvey.core.trust.authorship import verify_history

DEVICES = 3
VALUES = ("Chợ Hôm", "Chợ Mơ", "Ga Hà Nội", None)


def state(ws: Workspace) -> tuple[Any, ...]:
    sites = sorted(ws.db.execute("SELECT * FROM sites").fetchall(), key=repr)
    conflicts = sorted(
        ws.db.execute(
            "SELECT id, table_name, record_id, field, winner_change, loser_change, status "
            "FROM conflicts"
        ).fetchall()
    )
    return sites, conflicts


class SyncMachine(RuleBasedStateMachine):
    """Device 0 is the office, the others surveyors enrolled with it only: whatever one
    surveyor does reaches the other through the office, relayed in its author's signed log."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="fieldsurvey-sync-"))
        self.devices = [
            Workspace.open(self.folder / f"d{n}.sqlite", create=True, user=f"d{n}")
            for n in range(DEVICES)
        ]
        office = self.devices[0]
        for ws in self.devices:
            with ws.transaction():
                ws.set_setting("role", "office" if ws is office else "surveyor")
        for surveyor in self.devices[1:]:
            with office.transaction():
                keys.enrol(office.db, identity(surveyor).public(), at="2025-03-01T00:00:00+00:00")
            with surveyor.transaction():
                keys.enrol(surveyor.db, identity(office).public(), at="2025-03-01T00:00:00+00:00")
        with office.transaction():  # both surveyors see the whole city
            unit = office.insert("units", {"name": "Tổ khảo sát", "kind": "police"})
            office.insert(
                "assignments", {"unit_id": unit, "commune_codes": sorted(office.commune_codes)}
            )
            for surveyor in self.devices[1:]:
                set_peer_scope(office.db, surveyor.device_id, unit, True)
        self.packages: list[tuple[int, Path]] = []

    def live_sites(self, device: int) -> list[str]:
        return [
            r[0]
            for r in self.devices[device].db.execute(
                "SELECT id FROM sites WHERE deleted = 0 ORDER BY id"
            )
        ]

    @rule(device=st.integers(0, DEVICES - 1), name=st.sampled_from(VALUES[:3]))
    def insert_site(self, device: int, name: str) -> None:
        self.devices[device].insert(
            "sites", {"name": name, "category": "market", "lat": 21.0285, "lon": 105.8542}
        )

    @rule(
        device=st.integers(0, DEVICES - 1),
        pick=st.integers(0, 50),
        field=st.sampled_from(("name", "address", "notes")),
        value=st.sampled_from(VALUES),
    )
    def update_site(self, device: int, pick: int, field: str, value: str | None) -> None:
        sites = self.live_sites(device)
        if sites and not (field == "name" and value is None):
            self.devices[device].update("sites", sites[pick % len(sites)], {field: value})

    @rule(device=st.integers(0, DEVICES - 1), pick=st.integers(0, 50))
    def delete_site(self, device: int, pick: int) -> None:
        sites = self.live_sites(device)
        if sites:
            self.devices[device].delete("sites", sites[pick % len(sites)])

    @rule(
        sender=st.integers(0, DEVICES - 1), offset=st.integers(1, DEVICES - 1), full=st.booleans()
    )
    def export(self, sender: int, offset: int, full: bool) -> None:
        receiver = offset if sender == 0 else 0  # surveyors exchange through the office
        target = self.folder / f"p{len(self.packages)}.fspkg"
        export_package(
            self.devices[sender], target, recipient_id=self.devices[receiver].device_id, full=full
        )
        self.packages.append((receiver, target))

    @precondition(lambda self: bool(self.packages))
    @rule(pick=st.integers(0, 1000))
    def deliver(self, pick: int) -> None:
        """Any package, any time: twice, late, or before an earlier one."""
        receiver, package = self.packages[pick % len(self.packages)]
        try:
            import_package(self.devices[receiver], package)
        except SyncError as exc:
            assert exc.reason == "quarantined", exc  # a gap: held back, applied later

    @invariant()
    def histories_have_no_gaps_of_their_own(self) -> None:
        for ws in self.devices:
            seqs = [
                r[0]
                for r in ws.db.execute(
                    "SELECT seq FROM changes WHERE device_id = ? ORDER BY seq", [ws.device_id]
                )
            ]
            assert seqs == list(range(1, len(seqs) + 1))

    def teardown(self) -> None:
        try:
            for _ in range(2):  # everything travels everywhere, through the office
                for sender in range(DEVICES):
                    for receiver in range(DEVICES):
                        if sender == receiver or 0 not in (sender, receiver):
                            continue
                        target = self.folder / f"final-{sender}-{receiver}.fspkg"
                        export_package(
                            self.devices[sender],
                            target,
                            full=True,
                            recipient_id=self.devices[receiver].device_id,
                        )
                        import_package(self.devices[receiver], target)
                        target.unlink()
            states = [state(ws) for ws in self.devices]
            assert states[0] == states[1] == states[2]
            for ws in self.devices:  # every author's log intact and proven everywhere
                assert not [f for f in verify_history(ws.db) if f.broken]
        finally:
            for ws in self.devices:
                ws.close()
            shutil.rmtree(self.folder, ignore_errors=True)


SyncMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=18, deadline=None)
TestSyncConvergence = SyncMachine.TestCase
