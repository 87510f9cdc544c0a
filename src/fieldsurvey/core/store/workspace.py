"""The workspace and its one write path: every insert, update and delete of a survey record is
checked, written, recorded in the change history and reflected in search, in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldsurvey.core import history_fields, reference
from fieldsurvey.core.clock import HybridClock, physical_ms, wall_ms
from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.kinds import ReviewState, Role
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store import db as workspace_db
from fieldsurvey.core.store import search
from fieldsurvey.core.store.records import (
    RecordKind,
    Value,
    record_kind,
    with_sort_name,
)
from fieldsurvey.core.transaction import write_transaction
from fieldsurvey.core.trust import authorship, keys, keystore, ledger, permissions
from fieldsurvey.core.trust.keys import ROLES


def read_setting(db: sqlite_utils.Database, key: str) -> str | None:
    """A setting of this workspace file (local, never synced); None when it is not set."""
    row = db.execute("SELECT value FROM workspace WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def random_id() -> str:
    return str(uuid.uuid4())


def iso_from_ms(ms: int) -> str:
    return (
        dt.datetime.fromtimestamp(ms / 1000, dt.UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )


def clock_time(clock: int) -> str:
    """A change's time (``at``) as the write path stamps it: its clock's wall time. A change
    whose time is this travels without it (sync/package_format.py) and is stored without it
    (trust/ledger.AT_OF_CLOCK)."""
    return iso_from_ms(physical_ms(clock))


# The change history's columns, which are also the keys of a change in a sync package.
CHANGE_COLUMNS = (*ledger.DIGEST_COLUMNS, "fields")
# The columns of a change as SELECT reads them, its fields as text (the history packs them:
# core/history_fields.py).
READ_CHANGE = ", ".join([*CHANGE_COLUMNS[:-1], "change_fields(fields)"])
# A device's log never grows past this: far below SQLite's 2**63, so no package can claim a
# sequence number that makes later local writes overflow.
MAX_SEQ = 1 << 40
# A bulk write packs and inserts its changes this many at a time (their texts held meanwhile).
_CHANGES_AT_ONCE = 8192
# A change given as its CHANGE_COLUMNS' values, in the history's stored form (ledger.py).
INSERT_CHANGE = (
    "INSERT INTO change_rows (id, device, seq, clock, at, user, table_name, record_id, op, "
    f"fields) VALUES (?1, {ledger.DEVICE_NUMBER.format(device='?2')}, ?3, ?4, "
    f"nullif(?5, {ledger.AT_OF_CLOCK.format(clock='?4')}), ?6, ?7, ?8, ?9, ?10)"
)


def fields_json(fields: Mapping[str, Any]) -> str:
    """A change's fields as stored in the history (and carried in packages): compact, sorted."""
    return _FIELDS_JSON(fields)


# json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")), its encoder
# made once instead of for each change.
_FIELDS_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _insert_fields(row: Mapping[str, Value]) -> dict[str, list[Any]]:
    """History fields of a new record: its non-empty values (an empty one is no change)."""
    return {
        name: [None, value, None]
        for name, value in row.items()
        if name != "id" and value is not None and value != "[]"
    }


class Workspace:
    """An open workspace: the database plus who is writing (user, device) and the clock.

    ``now`` (milliseconds) and ``new_id`` are injected so the demo and the tests are repeatable.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        path: Path,
        *,
        user: str | None = None,
        now: Callable[[], int] = wall_ms,
        new_id: Callable[[], str] = random_id,
    ) -> None:
        self.db = db
        self.path = path
        self.user = user
        self._now = now
        self._new_id = new_id
        # Called once when a write has waited a second for another connection's write (an
        # import): a window shows why it is waiting.
        self.on_wait: Callable[[], None] | None = None
        # Asked for the device keys' passphrase when they are sealed under one, only when a
        # private key is needed (export, import); set by the window or the command line.
        self.ask_passphrase: Callable[[], str] | None = None
        # The unlocked identity, kept while the workspace is open (see identity()).
        self._identity: keys.DeviceIdentity | None = None
        # Set when the keys were just put in a plain key file: the risk, to show the user.
        self.key_warning: Message | None = None
        last = db.execute("SELECT max(clock) FROM changes").fetchone()[0] or 0
        self.clock = HybridClock(last, now)
        device = self.setting("device_id")
        if device is None:
            device = new_id()
            with write_transaction(db):
                self.set_setting("device_id", device)
        self.device_id: str = device
        # The commune codes a record may name (the official list in the reference data).
        self.commune_codes = frozenset(c["code"] for c in reference.communes(db))

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        user: str | None = None,
        now: Callable[[], int] = wall_ms,
        new_id: Callable[[], str] = random_id,
    ) -> Workspace:
        path = Path(path)
        ws = cls(
            workspace_db.open_database(path, create=create), path, user=user, now=now, new_id=new_id
        )
        workspace_db.remove_leftover_staging(path)
        return ws

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        role: str,
        name: str,
        user: str | None = None,
        protection: str = "auto",
        passphrase: str | None = None,
    ) -> Workspace:
        """A new, empty workspace for a surveyor or the office, with this device's keys, the
        private ones kept as ``protection`` says (keystore.CHOICES: "auto" takes the passphrase
        if one is given, else the OS credential store if there is one, else a key file, whose
        risk ``key_warning`` of the result then states).

        Refuses an existing file; the file appears only once it is complete.
        """
        if role not in ROLES:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Vai trò {role} không có."),
                    {"role": repr(role)},
                )
            )
        path = Path(path)
        device_id = random_id()
        made: list[keys.DeviceIdentity] = []
        try:
            with workspace_db.build_then_replace(path, force=False) as (_partial, open_new):
                db = open_new()
                with write_transaction(db):
                    made.append(
                        keys.create_identity(
                            db,
                            device_id=device_id,
                            name=name,
                            role=role,
                            at=iso_from_ms(wall_ms()),
                            protection=protection,
                            passphrase=passphrase,
                        )
                    )
                    for key, value in (
                        ("device_id", device_id),
                        ("device_name", name),
                        ("role", role),
                    ):
                        db.execute("INSERT INTO workspace (key, value) VALUES (?, ?)", [key, value])
        except BaseException:
            if made:  # the keys were kept outside before the workspace failed to appear
                keystore.forget_everywhere(device_id, [keys.secret_of(made[0])])
            raise
        ws = cls.open(path, user=user)
        ws._identity = made[0]
        ws.key_warning = made[0].warning
        return ws

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA optimize")
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- this device's keys ------------------------------------------------------------------

    def public_identity(self) -> keys.PublicIdentity:
        """This device as others know it (no private key is read); made on first use."""
        found = keys.load_public(self.db)
        return found if found is not None else self.identity().public()

    def identity(self) -> keys.DeviceIdentity:
        """This device's identity with its private keys, unlocked once while the workspace is
        open (the passphrase, if they are sealed under one, asked through ``ask_passphrase``);
        made on first use. A rotation that reached every peer drops its previous key here."""
        if self._identity is None:
            found = keys.load_identity(self.db, ask_passphrase=self.ask_passphrase)
            if found is None:
                with self.transaction():
                    found = keys.create_identity(
                        self.db,
                        device_id=self.device_id,
                        name=self.setting("device_name") or self.device_id[:8],
                        role=self.role,
                        at=iso_from_ms(wall_ms()),
                    )
                self.key_warning = found.warning
            self._identity = found
        if self._identity.previous_signing is not None and keys.rotation_done(self.db):
            self._identity = keys.finish_rotation(
                self.db, self._identity, at=iso_from_ms(wall_ms())
            )
        return self._identity

    def adopt_identity(self, other: Workspace) -> None:
        """Use the identity ``other`` (the same workspace, opened again on another thread)
        already unlocked, so the passphrase is not asked again there."""
        if other._identity is not None and other.path.resolve() == self.path.resolve():
            self._identity = other._identity

    def protect_keys(self, protection: str, *, passphrase: str | None = None) -> Message | None:
        """Keep the private keys another way (keystore.CHOICES); returns the key file's warning
        when they now are in one."""
        self._identity = keys.protect(self.db, self.identity(), protection, passphrase=passphrase)
        self.key_warning = self._identity.warning
        return self.key_warning

    def rotate_keys(self, *, passphrase: str | None = None) -> keys.DeviceIdentity:
        """New keys, announced to the peers in the next packages (keys.rotate)."""
        self._identity = keys.rotate(
            self.db, self.identity(), at=iso_from_ms(wall_ms()), passphrase=passphrase
        )
        return self._identity

    def renew_keys(
        self, *, protection: str = "auto", passphrase: str | None = None
    ) -> keys.DeviceIdentity:
        """New keys when the old ones are lost; the office enrols them again (keys.renew)."""
        self._identity = keys.renew(
            self.db, at=iso_from_ms(wall_ms()), protection=protection, passphrase=passphrase
        )
        self.key_warning = self._identity.warning
        return self._identity

    # -- workspace settings (local to this file, not synced) -------------------------------------

    def setting(self, key: str) -> str | None:
        return read_setting(self.db, key)

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO workspace (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def role(self) -> str:
        return self.setting("role") or "surveyor"

    # -- reading -------------------------------------------------------------------------------

    def get(self, table: str, record_id: str, *, include_deleted: bool = False) -> dict[str, Any]:
        kind = record_kind(table)
        row = self.db.execute(f"SELECT * FROM {kind.table} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Không có bản ghi {record} trong {table}."),
                    {"record": record_id, "table": table},
                )
            )
        names = [d[0] for d in self.db.execute(f"SELECT * FROM {kind.table} LIMIT 0").description]
        record = dict(zip(names, row, strict=True))
        if record["deleted"] and not include_deleted:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Bản ghi {record} đã bị xóa."),
                    {"record": record_id},
                )
            )
        return record

    def title(self, table: str, record_id: str) -> str | None:
        """A record's name as people know it (its kind's title field), if it has one."""
        field = record_kind(table).title_field
        if field is None:
            return None
        row = self.db.execute(f"SELECT {field} FROM {table} WHERE id = ?", [record_id]).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def history(self, table: str, record_id: str) -> list[dict[str, Any]]:
        """Every change of one record, oldest first, with its fields decoded."""
        rows = self.db.execute(
            "SELECT id, device_id, seq, clock, at, user, op, change_fields(fields) FROM changes "
            "WHERE table_name = ? AND record_id = ? ORDER BY clock, device_id, id",
            [table, record_id],
        ).fetchall()
        keys = ("id", "device_id", "seq", "clock", "at", "user", "op", "fields")
        out = [dict(zip(keys, row, strict=True)) for row in rows]
        for change in out:
            change["fields"] = json.loads(change["fields"])
        return out

    # -- the write path -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """One transaction; a full disk or a read-only file becomes a message saying what to do."""
        try:
            with write_transaction(self.db, on_wait=self.on_wait):
                yield
        except sqlite3.OperationalError as exc:
            raise workspace_db.explain(exc, self.path) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Workspace]:
        """Group several writes: all of them land, or none does."""
        with self._atomic():
            yield self

    def insert(self, table: str, values: Mapping[str, Any], *, record_id: str | None = None) -> str:
        """Add a record; returns its UUID."""
        kind = record_kind(table)
        row = self._clean(kind, values, current=None)
        new_id = record_id or self._new_id()
        row["id"] = new_id
        with self._atomic():
            self._check_refs(kind, row)
            stored = with_sort_name(kind.table, row)
            self.db.execute(
                f"INSERT INTO {kind.table} ({', '.join(stored)}) "
                f"VALUES ({', '.join('?' * len(stored))})",
                list(stored.values()),
            )
            self._write_change(kind.table, new_id, "insert", _insert_fields(row))
            search.index_records(self.db, kind.table, [new_id])
        return new_id

    def update(self, table: str, record_id: str, values: Mapping[str, Any]) -> bool:
        """Change some fields of a record; returns False when nothing actually changed."""
        kind = record_kind(table)
        with self._atomic():
            current = self.get(table, record_id)
            new = self._clean(kind, values, current=current)
            changed = {k: v for k, v in new.items() if current.get(k) != v}
            if not changed:
                return False
            if (
                self.role == Role.OFFICE
                and current.get("review_state") == ReviewState.APPROVED
                and "review_state" not in changed
            ):
                # An edit after the approval sends the record back to the review queue, as an
                # imported one does (sync/merge.py): the decision was about other values.
                changed["review_state"] = ReviewState.CHANGED_AFTER_APPROVAL
            self._check_refs(kind, changed)
            stored = with_sort_name(kind.table, changed)
            assignments = ", ".join(f"{name} = ?" for name in stored)
            self.db.execute(
                f"UPDATE {kind.table} SET {assignments} WHERE id = ?",
                [*stored.values(), record_id],
            )
            clocks = self._field_clocks(kind.table, record_id)
            fields = {
                name: [current[name], value, clocks.get(name)] for name, value in changed.items()
            }
            self._write_change(kind.table, record_id, "update", fields)
            search.index_records(self.db, kind.table, [record_id])
            search.index_dependents(self.db, kind.table, record_id, set(changed))
        return True

    def confirm(self, table: str, record_id: str, names: Iterable[str]) -> None:
        """Record some fields' current values as a change (old = new): a decision, such as a
        conflict settled on the value shown, that every workspace must see as made after both."""
        kind = record_kind(table)
        with self._atomic():
            current = self.get(table, record_id, include_deleted=True)
            clocks = self._field_clocks(kind.table, record_id)
            fields = {n: [current[n], current[n], clocks.get(n)] for n in names}
            self._write_change(kind.table, record_id, "update", fields)

    def delete(self, table: str, record_id: str) -> None:
        """Delete a record, leaving a tombstone (the row stays, marked deleted)."""
        kind = record_kind(table)
        with self._atomic():
            self.get(table, record_id)
            clocks = self._field_clocks(kind.table, record_id)
            self.db.execute(f"UPDATE {kind.table} SET deleted = 1 WHERE id = ?", [record_id])
            # A delete is of the whole record: its base is the newest change of the record this
            # device had seen, so sync can tell an edit it never saw from one it overruled.
            fields = {"deleted": [0, 1, max(clocks.values(), default=None)]}
            self._write_change(kind.table, record_id, "delete", fields)
            search.index_records(self.db, kind.table, [record_id])

    def restore(self, table: str, record_id: str) -> None:
        """Bring a deleted record back (its tombstone is lifted, as a change like any other)."""
        kind = record_kind(table)
        with self._atomic():
            if not self.get(table, record_id, include_deleted=True)["deleted"]:
                return
            clocks = self._field_clocks(kind.table, record_id)
            self.db.execute(f"UPDATE {kind.table} SET deleted = 0 WHERE id = ?", [record_id])
            fields = {"deleted": [1, 0, clocks.get("deleted")]}
            self._write_change(kind.table, record_id, "update", fields)
            search.index_records(self.db, kind.table, [record_id])

    def insert_many(
        self,
        table: str,
        rows: Iterable[Mapping[str, Any]],
        *,
        check_refs: bool = True,
        index: bool = True,
    ) -> list[str]:
        """Add many records in one transaction: the same rows and history as ``insert``, written
        in bulk. With ``index=False`` the caller rebuilds the search index once at the end."""
        kind = record_kind(table)
        ids: list[str] = []
        records: list[dict[str, Value]] = []
        for values in rows:
            row = self._clean(kind, values, current=None)
            row["id"] = str(values.get("id") or self._new_id())
            if check_refs:
                self._check_refs(kind, row)
            records.append(row)
            ids.append(str(row["id"]))
        if not records:
            return ids
        with self._atomic():
            columns = tuple(with_sort_name(kind.table, {"id": None, **records[0]}))
            self.db.conn.executemany(
                f"INSERT INTO {kind.table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [
                    [stored.get(c) for c in columns]
                    for stored in (with_sort_name(kind.table, row) for row in records)
                ],
            )
            self._write_changes(
                (kind.table, str(row["id"]), "insert", _insert_fields(row)) for row in records
            )
            if index:
                search.index_records(self.db, kind.table, ids)
        return ids

    # -- internals ------------------------------------------------------------------------------

    def _clean(
        self, kind: RecordKind, values: Mapping[str, Any], current: Mapping[str, Any] | None
    ) -> dict[str, Value]:
        unknown = values.keys() - kind.field_names
        if unknown - {"id"}:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "{table}: không có trường {fields}."),
                    {"table": kind.table, "fields": ", ".join(sorted(unknown - {"id"}))},
                )
            )
        # clean_value of each, by each field's own cleaner (records.Field.clean)
        if current is None:
            given = values.get
            row = {name: clean(given(name)) for name, clean in kind.cleaners}
        else:
            row = {
                name: kind.field(name).clean(value)
                for name, value in values.items()
                if name != "id"
            }
        self._fill_commune(kind, values, row, current)
        for name in kind.commune_field_names:
            value = row.get(name)
            if value is not None and value not in self.commune_codes:
                raise ValidationError(
                    Message(
                        "store",
                        QT_TRANSLATE_NOOP(
                            "store",
                            "{field}: {value} không phải mã xã, phường hiện hành của Hà Nội.",
                        ),
                        {"field": name, "value": repr(value)},
                    )
                )
        return row

    def _fill_commune(
        self,
        kind: RecordKind,
        values: Mapping[str, Any],
        row: dict[str, Value],
        current: Mapping[str, Any] | None,
    ) -> None:
        """Locate the commune from the coordinates unless the caller named one."""
        if "commune_code" not in kind.field_names or "commune_code" in values:
            return
        if "lat" not in row and "lon" not in row:
            return
        lat = row.get("lat", current.get("lat") if current else None)
        lon = row.get("lon", current.get("lon") if current else None)
        if lat is None or lon is None:
            row["commune_code"] = None
            return
        row["commune_code"] = reference.commune_at(self.db, float(lon), float(lat))

    def _check_refs(self, kind: RecordKind, row: Mapping[str, Value]) -> None:
        for field in kind.fields:
            value = row.get(field.name)
            if field.kind == "ref" and value is not None:
                assert field.ref is not None
                found = self.db.execute(
                    f"SELECT deleted FROM {field.ref} WHERE id = ?", [value]
                ).fetchone()
                if found is None or found[0]:
                    raise ValidationError(
                        Message(
                            "store",
                            QT_TRANSLATE_NOOP(
                                "store", "{field}: không có bản ghi {record} trong {table}."
                            ),
                            {"field": field.name, "record": value, "table": field.ref},
                        )
                    )

    def _field_clocks(self, table: str, record_id: str) -> dict[str, int]:
        """The clock of the latest change of each field of a record."""
        clocks: dict[str, int] = {}
        for clock, fields in self.db.execute(
            "SELECT clock, change_fields(fields) FROM changes "
            "WHERE table_name = ? AND record_id = ?",
            [table, record_id],
        ):
            for name in json.loads(fields):
                if clock > clocks.get(name, -1):
                    clocks[name] = clock
        return clocks

    def _change_row(
        self, table: str, record_id: str, op: str, fields: dict[str, Any], seq: int
    ) -> tuple[Any, ...]:
        clock = self.clock.tick()
        return (
            self._new_id(),
            self.device_id,
            seq,
            clock,
            clock_time(clock),
            self.user,
            table,
            record_id,
            op,
            fields_json(fields),
        )

    def _write_changes(self, changes: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
        """Append changes (table, record id, operation, fields) to this device's log: the
        history rows and their place in the hash chain, in the caller's transaction."""
        seq, previous = ledger.tip(self.db, self.device_id)
        if seq == 0:  # this device's first change: its id gets a number
            ledger.add_devices(self.db, "VALUES (?)", [self.device_id])
        if seq >= MAX_SEQ:
            raise ValidationError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "Nhật ký thay đổi của thiết bị này đã đầy."),
                    {},
                )
            )
        rows: list[tuple[Any, ...]] = []
        entries: list[tuple[str, int, bytes | None, bytes]] = []
        role = self.role
        for table, record_id, op, fields in changes:
            permissions.check(role, table, op, fields)
            if role != "office" and fields.get("deleted", [0, 1])[1] == 0:  # a restore
                why = permissions.office_delete_refusal(
                    self.db, authorship.roles(self.db), table, record_id
                )
                if why is not None:
                    raise permissions.refused(why)
            seq += 1
            row = self._change_row(table, record_id, op, fields, seq)
            digest = ledger.columns_digest(row[:-1], row[-1])
            previous = ledger.link(previous, digest)
            rows.append(row)
            entries.append((self.device_id, seq, None, previous))  # the change is held
            if len(rows) == _CHANGES_AT_ONCE:
                self._insert_changes(rows, entries)
                rows, entries = [], []
        self._insert_changes(rows, entries)

    def _insert_changes(
        self, rows: list[tuple[Any, ...]], entries: list[tuple[str, int, bytes | None, bytes]]
    ) -> None:
        """Write changes (their fields as text, packed here) and their log entries."""
        packed = history_fields.pack_many([row[-1] for row in rows])
        self.db.conn.executemany(
            INSERT_CHANGE, [(*row[:-1], fields) for row, fields in zip(rows, packed, strict=True)]
        )
        self.db.conn.executemany(ledger.INSERT_ENTRY, entries)

    def _write_change(self, table: str, record_id: str, op: str, fields: dict[str, Any]) -> None:
        self._write_changes([(table, record_id, op, fields)])
