"""The workspace schema, created and changed only through these migrations (never edit one
that has shipped: add a new one)."""

from __future__ import annotations

import logging
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from fieldsurvey.core import reference
from fieldsurvey.core.store import search
from fieldsurvey.core.trust import keys, ledger

MIGRATIONS = Migrations("fieldsurvey")
_log = logging.getLogger(__name__)

# Columns every survey record has. Records are never removed: a delete sets `deleted` (a
# tombstone), so sync can order a delete against a concurrent edit.
_RECORD = "id TEXT PRIMARY KEY, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
_REVIEWED = "review_state TEXT"
_LOCATION = (
    "lat REAL CHECK (lat BETWEEN -90 AND 90), lon REAL CHECK (lon BETWEEN -180 AND 180), "
    "location_accuracy_m REAL, location_source TEXT, commune_code TEXT"
)

_SCHEMA_1 = f"""
CREATE TABLE workspace (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE units (
    {_RECORD},
    name TEXT NOT NULL,
    kind TEXT,
    commune_code TEXT,
    parent_id TEXT REFERENCES units(id),
    contact TEXT,
    notes TEXT
);

CREATE TABLE sites (
    {_RECORD},
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    address TEXT,
    {_LOCATION},
    unit_id TEXT REFERENCES units(id),
    notes TEXT,
    {_REVIEWED}
);
CREATE INDEX sites_commune ON sites(commune_code);

CREATE TABLE cameras (
    {_RECORD},
    site_id TEXT NOT NULL REFERENCES sites(id),
    name TEXT,
    owner_unit_id TEXT REFERENCES units(id),
    purposes TEXT NOT NULL DEFAULT '[]',
    camera_type TEXT,
    mount TEXT,
    height_m REAL,
    views TEXT NOT NULL DEFAULT '[]',
    resolution_mp REAL,
    night_vision INTEGER,
    connectivity TEXT,
    connection_medium TEXT,
    storage_days INTEGER,
    standards TEXT NOT NULL DEFAULT '[]',
    power_source TEXT,
    install_year INTEGER,
    funding_source TEXT,
    ai_functions TEXT NOT NULL DEFAULT '[]',
    condition TEXT,
    {_LOCATION},
    ref TEXT,
    notes TEXT,
    {_REVIEWED}
);
CREATE INDEX cameras_site ON cameras(site_id);
CREATE INDEX cameras_commune ON cameras(commune_code);
CREATE INDEX cameras_owner ON cameras(owner_unit_id);

CREATE TABLE shortcomings (
    {_RECORD},
    site_id TEXT NOT NULL REFERENCES sites(id),
    camera_id TEXT REFERENCES cameras(id),
    kind TEXT NOT NULL,
    description TEXT,
    remedy_kind TEXT,
    remedy TEXT,
    estimated_cost_vnd INTEGER,
    {_REVIEWED}
);
CREATE INDEX shortcomings_site ON shortcomings(site_id);
CREATE INDEX shortcomings_camera ON shortcomings(camera_id);

CREATE TABLE needs (
    {_RECORD},
    site_id TEXT NOT NULL REFERENCES sites(id),
    purposes TEXT NOT NULL DEFAULT '[]',
    camera_count INTEGER,
    camera_type TEXT,
    ai_functions TEXT NOT NULL DEFAULT '[]',
    priority TEXT,
    justification TEXT,
    reuse_camera_ids TEXT NOT NULL DEFAULT '[]',
    lat REAL CHECK (lat BETWEEN -90 AND 90),
    lon REAL CHECK (lon BETWEEN -180 AND 180),
    {_REVIEWED}
);
CREATE INDEX needs_site ON needs(site_id);

CREATE TABLE assignments (
    {_RECORD},
    unit_id TEXT NOT NULL REFERENCES units(id),
    commune_codes TEXT NOT NULL DEFAULT '[]',
    site_ids TEXT NOT NULL DEFAULT '[]',
    target_count INTEGER,
    due_date TEXT,
    status TEXT,
    notes TEXT
);
CREATE INDEX assignments_unit ON assignments(unit_id);

CREATE TABLE photos (
    {_RECORD},
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT,
    format TEXT,
    byte_size INTEGER,
    width INTEGER,
    height INTEGER,
    taken_at TEXT,
    taken_at_utc TEXT,
    lat REAL,
    lon REAL,
    gps_accuracy_m REAL,
    location_source TEXT,
    altitude_m REAL,
    heading_deg REAL,
    heading_ref TEXT,
    orientation INTEGER,
    make TEXT,
    model TEXT
);

CREATE TABLE photo_links (
    {_RECORD},
    photo_id TEXT NOT NULL REFERENCES photos(id),
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    caption TEXT
);
CREATE INDEX photo_links_record ON photo_links(record_table, record_id);

CREATE TABLE reviews (
    {_RECORD},
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    state TEXT NOT NULL,
    comment TEXT,
    reviewer TEXT,
    reviewed_at TEXT
);
CREATE INDEX reviews_record ON reviews(record_table, record_id);

-- The change history: one row per insert/update/delete of a record, written in the same
-- transaction as the change. `id` is the version id; (device_id, seq) numbers a device's
-- changes without gaps; `clock` is a hybrid logical clock ((milliseconds << 16) | counter);
-- `fields` maps each changed field to [old value, new value, clock of the old value]; an
-- insert lists the fields it set, with old value and clock null.
CREATE TABLE changes (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    clock INTEGER NOT NULL,
    at TEXT NOT NULL,
    user TEXT,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT NOT NULL,
    UNIQUE (device_id, seq)
);
CREATE INDEX changes_record ON changes(table_name, record_id);
CREATE INDEX changes_clock ON changes(clock);

-- Accent-folded text of every searchable record; rowid = record rowid * 16 + table number.
-- `kind` is indexed so a query can ask for one kind without visiting the others' matches;
-- prefix indexes make short word starts ("ga", "ha") cheap.
CREATE VIRTUAL TABLE search_index USING fts5(
    terms, kind, record_id UNINDEXED, title UNINDEXED,
    tokenize = 'unicode61', prefix = '1 2 3'
);
"""


@MIGRATIONS(name="m001_survey_records")
def m001_survey_records(db: sqlite_utils.Database) -> None:
    for statement in _split(_SCHEMA_1):
        db.execute(statement)


@MIGRATIONS(name="m002_reference_data")
def m002_reference_data(db: sqlite_utils.Database) -> None:
    reference.install_reference_data(db)


def _split(script: str) -> list[str]:
    """Statements of a schema script (sqlite3's executescript would commit the transaction)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [stmt.strip() for stmt in "\n".join(lines).split(";") if stmt.strip()]


_SYNC_SCHEMA = """
-- Packages imported or exported: an imported package id is never applied twice.
CREATE TABLE packages (
    package_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    peer_device TEXT NOT NULL,
    changes INTEGER NOT NULL,
    photos INTEGER NOT NULL,
    created_clock INTEGER,
    at TEXT NOT NULL,
    file_name TEXT
);

-- What a peer has of each device's changes (highest sequence number without a gap), as it
-- told us in its last package; export sends what lies beyond.
CREATE TABLE sync_acks (
    peer_device TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (peer_device, origin_device)
);

-- Two devices changed the same field from the same base to different values: the winner is
-- in the record, the other value waits here for a supervisor.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    winner_change TEXT NOT NULL,
    loser_change TEXT NOT NULL,
    winner_value TEXT,
    loser_value TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved'))
);
CREATE INDEX conflicts_record ON conflicts(table_name, record_id);
"""


@MIGRATIONS(name="m003_sync")
def m003_sync(db: sqlite_utils.Database) -> None:
    for statement in (*_split(_SYNC_SCHEMA), *keys.KEY_TABLES):
        db.execute(statement)


# A supervisor's decision that two records which look alike are not the same thing: the
# duplicate finder never proposes the pair again. A record like any other (history, sync).
_NOT_DUPLICATES_SCHEMA = f"""
CREATE TABLE not_duplicates (
    {_RECORD},
    record_table TEXT NOT NULL,
    record_a TEXT NOT NULL,
    record_b TEXT NOT NULL,
    note TEXT,
    decided_by TEXT
);
CREATE INDEX not_duplicates_pair ON not_duplicates(record_table, record_a, record_b);
"""


@MIGRATIONS(name="m004_not_duplicates")
def m004_not_duplicates(db: sqlite_utils.Database) -> None:
    for statement in _split(_NOT_DUPLICATES_SCHEMA):
        db.execute(statement)


# The app's lists read a page at a time in name order (core/store/listing.py): an index in
# that order gives the first page of 200,000 cameras without sorting them, and the review and
# condition filters find their few rows without scanning.
_LIST_INDEXES = """
CREATE INDEX sites_list_name ON sites(coalesce(name, '') COLLATE NOCASE, id);
CREATE INDEX cameras_list_name ON cameras(coalesce(name, '') COLLATE NOCASE, id);
CREATE INDEX sites_review_state ON sites(review_state);
CREATE INDEX cameras_review_state ON cameras(review_state);
CREATE INDEX cameras_condition ON cameras(condition);
"""


@MIGRATIONS(name="m005_list_indexes")
def m005_list_indexes(db: sqlite_utils.Database) -> None:
    for statement in _split(_LIST_INDEXES):
        db.execute(statement)


@MIGRATIONS(name="m006_package_changes")
def m006_package_changes(db: sqlite_utils.Database) -> None:
    """Each change that arrived in a package says which (the office's inbox lists a package's
    records from it). Changes imported before this was kept are assigned the way their order
    shows: an import wrote its changes and its ledger row in one transaction, so the other
    devices' changes, in the order they were written, fall into one run per imported package."""
    db.execute("ALTER TABLE changes ADD COLUMN package_id TEXT")
    db.execute("CREATE INDEX changes_package ON changes(package_id) WHERE package_id IS NOT NULL")
    own = db.execute("SELECT value FROM workspace WHERE key = 'device_id'").fetchone()
    received = db.execute(
        "SELECT rowid FROM changes WHERE device_id != ? ORDER BY rowid", [own[0] if own else ""]
    )
    ledger = db.execute(
        "SELECT package_id, changes FROM packages WHERE direction = 'in' ORDER BY rowid"
    ).fetchall()
    for package_id, count in ledger:
        rows = received.fetchmany(count) if count else []
        db.conn.executemany(
            "UPDATE changes SET package_id = ? WHERE rowid = ?", [(package_id, r[0]) for r in rows]
        )


# The camera list's filters read their columns from indexes alone: the name-order index carries
# the columns the purpose filter tests, and a purposes index counts a purpose without reading
# the rows (200,000 cameras: 45 ms → 19 ms to count, 58 ms → 12 ms for the first page).
_LIST_INDEXES_2 = """
DROP INDEX cameras_list_name;
CREATE INDEX cameras_list_name ON cameras(coalesce(name, '') COLLATE NOCASE, id, deleted, purposes);
CREATE INDEX cameras_purposes ON cameras(purposes, deleted);
"""


@MIGRATIONS(name="m007_list_indexes_cover_filters")
def m007_list_indexes_cover_filters(db: sqlite_utils.Database) -> None:
    for statement in _split(_LIST_INDEXES_2):
        db.execute(statement)


@MIGRATIONS(name="m008_demo_keys_marked")
def m008_demo_keys_marked(db: sqlite_utils.Database) -> None:
    """Demo keys (derived from a public seed) are marked, on this workspace's own identity and
    on enrolled devices, so a real office refuses demo devices and a demo office real ones. The
    demo workspaces built before kept their seed in the workspace settings."""
    db.execute("ALTER TABLE device_keys ADD COLUMN demo_seed INTEGER")
    db.execute("ALTER TABLE peers ADD COLUMN demo_seed INTEGER")
    seed = db.execute("SELECT value FROM workspace WHERE key = 'demo_seed'").fetchone()
    if seed is not None:
        db.execute("UPDATE device_keys SET demo_seed = ?", [int(seed[0])])
        db.execute("UPDATE peers SET demo_seed = ?", [int(seed[0])])


# The authored history (core/trust/ledger.py): every change's place in its author's hash chain, and
# the newest signed head of each author's log.
_LEDGER_SCHEMA = """
CREATE TABLE log_entries (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    digest BLOB NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
CREATE TABLE log_heads (
    device_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL,
    clock INTEGER NOT NULL,
    signer TEXT NOT NULL,
    signature BLOB NOT NULL
);
"""


@MIGRATIONS(name="m009_authored_history")
def m009_authored_history(db: sqlite_utils.Database) -> None:
    """Chain the history that is already here and attest it once with this workspace's own
    key: its own changes become signed by their author; other devices' older changes are
    attested by this workspace (their authorship cannot be proven after the fact, and the
    history view says so)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldsurvey.core.trust import ledger

    for statement in _split(_LEDGER_SCHEMA):
        db.execute(statement)
    # The private key is still in the workspace at this step (m010 moves it out).
    own = db.execute("SELECT device_id, signing_private FROM device_keys WHERE id = 1").fetchone()
    devices = [r[0] for r in db.execute("SELECT DISTINCT device_id FROM changes")]
    for device in devices:
        previous = ledger.genesis(device)
        entries = []
        expected = 1
        rows = db.execute(
            "SELECT id, device_id, seq, clock, at, user, table_name, record_id, op, fields "
            "FROM changes WHERE device_id = ? ORDER BY seq",
            [device],
        ).fetchall()
        for row in rows:
            if row[2] != expected:  # a gap cannot be chained: the rest waits for its sender
                break
            change = dict(zip(ledger.DIGEST_COLUMNS, row[:9], strict=True))
            digest = ledger.change_digest(change, row[9])
            previous = ledger.link(previous, digest)
            entries.append((device, row[2], digest, previous))
            expected += 1
        db.conn.executemany(
            "INSERT INTO log_entries (device_id, seq, digest, hash) VALUES (?, ?, ?, ?)", entries
        )
        if own is not None and entries:
            last_clock = max(r[3] for r in rows[: len(entries)])
            ledger.store_head(
                db,
                ledger.sign_head(
                    device,
                    len(entries),
                    previous,
                    last_clock,
                    own[0],
                    Ed25519PrivateKey.from_private_bytes(bytes(own[1])),
                ),
            )


# Since m010 the workspace keeps the device's public keys and how its private keys are protected
# (keystore.py): in the OS credential store, sealed under a passphrase (the sealed bytes are
# here), in an owner-only key file outside the workspace folder, or, for demo keys, derived from
# their seed. key_history: signing keys peers replaced by a rotation (or a new enrolment), still
# good for what was signed before; key_rotations and their acknowledgements: this device's
# rotations until every peer has the new keys.
_PROTECTED_KEYS_SCHEMA = """
CREATE TABLE device_keys_m010 (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('surveyor','office')),
    created_at TEXT,
    demo_seed INTEGER,
    signing_public BLOB NOT NULL,
    encryption_public BLOB NOT NULL,
    protection TEXT NOT NULL CHECK (protection IN ('keyring','passphrase','file','demo')),
    kdf TEXT,
    kdf_salt BLOB,
    nonce BLOB,
    sealed BLOB,
    CHECK ((protection = 'passphrase') = (sealed IS NOT NULL))
);
CREATE TABLE key_history (
    device_id TEXT NOT NULL,
    signing_public BLOB NOT NULL,
    valid_until_at TEXT NOT NULL,
    replaced_at TEXT,
    PRIMARY KEY (device_id, signing_public)
);
CREATE TABLE key_rotations (
    new_signing_public BLOB PRIMARY KEY,
    statement BLOB NOT NULL,
    made_at TEXT NOT NULL,
    done_at TEXT
);
CREATE TABLE key_rotation_acks (
    new_signing_public BLOB NOT NULL,
    peer_device TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (new_signing_public, peer_device)
)
"""


@MIGRATIONS(name="m010_private_keys_out_of_the_workspace")
def m010_private_keys_out_of_the_workspace(db: sqlite_utils.Database) -> None:
    """Private keys leave the workspace. A migration can neither ask for a passphrase nor count
    on a desktop's credential store, so a real device's keys move to its key file (outside the
    workspace folder; ``fieldsurvey keys protect`` moves them on); a demo device's are dropped
    (derived from the seed when needed). The old table is dropped with secure_delete on, so the
    freed pages are overwritten with zeros, and open_database checkpoints and truncates the WAL
    afterwards: the key bytes are not left in free pages. The backup the migration framework
    made just before still holds them: it is named in the log, and README says so."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from fieldsurvey.core.trust import keystore

    for statement in _split(_PROTECTED_KEYS_SCHEMA):
        db.execute(statement)
    raw, fmt = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    row = db.execute(
        "SELECT device_id, name, role, created_at, demo_seed, signing_private, "
        "encryption_private FROM device_keys WHERE id = 1"
    ).fetchone()
    if row is not None:
        device_id, name, role, created_at, demo_seed, signing, encryption = row
        secret = bytes(signing) + bytes(encryption)
        signing_public = Ed25519PrivateKey.from_private_bytes(secret[:32]).public_key()
        encryption_public = X25519PrivateKey.from_private_bytes(secret[32:]).public_key()
        protection = "demo" if demo_seed is not None else "file"
        if protection == "file":
            keystore.store_outside("file", device_id, secret)
        db.execute(
            "INSERT INTO device_keys_m010 (id, device_id, name, role, created_at, demo_seed, "
            "signing_public, encryption_public, protection) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                device_id,
                name,
                role,
                created_at,
                demo_seed,
                signing_public.public_bytes(raw, fmt),
                encryption_public.public_bytes(raw, fmt),
                protection,
            ],
        )
    secure = db.execute("PRAGMA secure_delete").fetchone()[0]
    db.execute("PRAGMA secure_delete = ON")
    try:
        db.execute("DROP TABLE device_keys")
    finally:
        db.execute(f"PRAGMA secure_delete = {int(secure)}")
    db.execute("ALTER TABLE device_keys_m010 RENAME TO device_keys")
    if row is not None and row[4] is None:
        main = next(r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main")
        backups = Path(f"{main}.backups")
        held = sorted(str(p) for p in backups.glob("*.sqlite")) if backups.is_dir() else []
        _log.warning(
            "private keys of device %s moved out of %s into %s; these backups made before "
            "still hold them unencrypted (delete them once this version works): %s",
            str(row[0])[:8],
            main,
            keystore.key_file(str(row[0])),
            ", ".join(held) or "none",
        )


# What the office knows of the devices it sends to (core/sync/scope.py): the unit a surveyor works
# for and whether it may see national-security sites. known_authors: devices this workspace never
# enrolled itself whose public signing keys its office introduced in a package, so that their
# changes relayed by the office can be checked against their own signatures.
_AUTHORS_SCHEMA = """
ALTER TABLE peers ADD COLUMN unit_id TEXT;
ALTER TABLE peers ADD COLUMN clearance INTEGER NOT NULL DEFAULT 0 CHECK (clearance IN (0, 1));
CREATE TABLE known_authors (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('surveyor', 'office')),
    signing_public BLOB NOT NULL,
    revoked_at TEXT,
    demo_seed INTEGER,
    introduced_by TEXT NOT NULL
);
"""


@MIGRATIONS(name="m011_peer_scope_and_known_authors")
def m011_peer_scope_and_known_authors(db: sqlite_utils.Database) -> None:
    for statement in _split(_AUTHORS_SCHEMA):
        db.execute(statement)


# Owners' camera lists the office imported (core/office/inventory.py), and for each camera the
# import it came in with, so a list sent again updates its cameras instead of adding them twice.
# A record kind like any other (history, sync to the other office workspaces).
_INVENTORY_IMPORTS_SCHEMA = f"""
CREATE TABLE inventory_imports (
    {_RECORD},
    file_name TEXT NOT NULL,
    format TEXT,
    owner_unit_id TEXT REFERENCES units(id),
    imported_at TEXT,
    row_count INTEGER,
    new_count INTEGER,
    updated_count INTEGER,
    unchanged_count INTEGER,
    gone_count INTEGER,
    refused_count INTEGER,
    imported_by TEXT
);
ALTER TABLE cameras ADD COLUMN import_id TEXT REFERENCES inventory_imports(id);
CREATE INDEX cameras_import ON cameras(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX cameras_ref ON cameras(ref) WHERE ref IS NOT NULL
"""


@MIGRATIONS(name="m012_inventory_imports")
def m012_inventory_imports(db: sqlite_utils.Database) -> None:
    for statement in _split(_INVENTORY_IMPORTS_SCHEMA):
        db.execute(statement)


# The city camera plan (core/office/plan.py): one row per decision (reuse, connect, upgrade an
# existing camera, or a new one) with the needs it serves; and the image detail a need asks for.
_PLAN_SCHEMA = f"""
CREATE TABLE plan_items (
    {_RECORD},
    decision TEXT NOT NULL,
    need_ids TEXT NOT NULL DEFAULT '[]',
    camera_id TEXT REFERENCES cameras(id),
    lat REAL CHECK (lat BETWEEN -90 AND 90),
    lon REAL CHECK (lon BETWEEN -180 AND 180),
    commune_code TEXT,
    direction REAL,
    field_of_view REAL,
    camera_type TEXT,
    mount TEXT,
    resolution_mp REAL,
    night_vision INTEGER,
    ai_functions TEXT NOT NULL DEFAULT '[]',
    purposes TEXT NOT NULL DEFAULT '[]',
    upgrades TEXT NOT NULL DEFAULT '[]',
    detail_band TEXT,
    reason TEXT,
    responsible_unit_id TEXT REFERENCES units(id),
    estimated_cost_vnd INTEGER,
    phase INTEGER,
    state TEXT NOT NULL,
    decided_by TEXT,
    notes TEXT
);
CREATE INDEX plan_items_camera ON plan_items(camera_id) WHERE camera_id IS NOT NULL;
ALTER TABLE needs ADD COLUMN detail_band TEXT
"""


@MIGRATIONS(name="m013_plan_items")
def m013_plan_items(db: sqlite_utils.Database) -> None:
    for statement in _split(_PLAN_SCHEMA):
        db.execute(statement)


# The day the office last reminded a unit of its late work (core/office/progress.py): a field of
# the unit record, so the reminder is in the history and reaches the other office workspaces.
_UNIT_REMINDED_SCHEMA = """
ALTER TABLE units ADD COLUMN reminded_on TEXT
"""


@MIGRATIONS(name="m014_unit_reminded_on")
def m014_unit_reminded_on(db: sqlite_utils.Database) -> None:
    for statement in _split(_UNIT_REMINDED_SCHEMA):
        db.execute(statement)


# The lists sort names in Vietnamese alphabetical order from an index (core/store/listing.py): a
# stored key (core/collation.sort_key, compared as plain text) beside each name, kept by the
# write path, so the index needs no collation of ours and other SQLite tools can still check the
# file. Units and communes get one too, for the lists' owner and commune columns.
_SORT_NAMES = """
ALTER TABLE sites ADD COLUMN sort_name TEXT;
ALTER TABLE cameras ADD COLUMN sort_name TEXT;
ALTER TABLE units ADD COLUMN sort_name TEXT;
ALTER TABLE admin_units ADD COLUMN sort_name TEXT;
UPDATE sites SET sort_name = fs_sort_key(name);
UPDATE cameras SET sort_name = fs_sort_key(name);
UPDATE units SET sort_name = fs_sort_key(name);
UPDATE admin_units SET sort_name = fs_sort_key(name);
DROP INDEX sites_list_name;
CREATE INDEX sites_list_name ON sites(sort_name, id);
DROP INDEX cameras_list_name;
CREATE INDEX cameras_list_name ON cameras(sort_name, id, deleted, purposes)
"""


@MIGRATIONS(name="m015_sort_names")
def m015_sort_names(db: sqlite_utils.Database) -> None:
    for statement in _split(_SORT_NAMES):
        db.execute(statement)


# A leaner search index: the entries' folded terms and kind are kept once, in
# search_terms, and search_index is external-content FTS5 over them, holding only the full-text
# index: no record ids or titles (hits read them from the records) and no per-entry column
# sizes (only ranking would use them). The prefix indexes
# of 1, 2 and 3 letters all stay: benchmarks/bench_search_prefixes.py found each needed to
# keep every keystroke of the benchmark's queries, typed one at a time, under 50 ms ("tran d"
# took 336 ms without the one-letter index, "ubnd phu" 127 ms without the three-letter one).
# core/store/search.py keeps the two tables in step (SQLite 3.40, Debian 12's, has no
# contentless_delete); the index is rebuilt.
_LEAN_SEARCH = """
DROP TABLE search_index;
CREATE TABLE search_terms (
    rowid INTEGER PRIMARY KEY,
    terms TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    terms, kind, content = 'search_terms', content_rowid = 'rowid', columnsize = 0,
    tokenize = 'unicode61', prefix = '1 2 3'
)
"""


@MIGRATIONS(name="m016_lean_search_index")
def m016_lean_search_index(db: sqlite_utils.Database) -> None:
    for statement in _split(_LEAN_SEARCH):
        db.execute(statement)
    # Its index was filled here; m019 and m024 replace it, and m024 fills the one search.py keeps.


# A unit's own report reads the needs at the sites it manages (reports/filters.need_filter): from
# the unit to its sites, not from every need to its site.
@MIGRATIONS(name="m017_sites_unit_index")
def m017_sites_unit_index(db: sqlite_utils.Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS sites_unit ON sites(unit_id)")


# The history keeps each change's fields packed (core/history_fields.py: Zstandard with a
# dictionary trained on survey changes, about a seventh of the text). The pages freed are reused
# by later writes; the file shrinks when compacted (VACUUM).
@MIGRATIONS(name="m018_packed_history")
def m018_packed_history(db: sqlite_utils.Database) -> None:
    db.execute("UPDATE changes SET fields = pack_fields(fields) WHERE typeof(fields) = 'text'")


# A smaller search index, with the same hits (benchmarks/bench_search_index.py): FTS5 keeps no
# word positions (detail = none), only which entries hold each word and each word's first 1 to
# 7 letters (a Vietnamese syllable has at most 7, so every prefix of one is looked up, not
# merged from the words it begins); the phrase of several words is checked on search_terms
# (core/store/search.py). An entry's rowid is its table's number times 2**40 plus its record's
# rowid, so each table's entries are one range of rowids; the kind column, kept for reading,
# is computed from it and indexed nowhere. search_terms holds the folded words joined by single
# spaces. The city demo's index and terms went from 165.9 MiB to about 90.
_SMALL_SEARCH = """
DROP TABLE search_index;
DROP TABLE search_terms;
CREATE TABLE search_terms (
    rowid INTEGER PRIMARY KEY,
    terms TEXT NOT NULL,
    kind TEXT GENERATED ALWAYS AS (
        CASE rowid >> 40 WHEN 1 THEN 'unit' WHEN 2 THEN 'site' WHEN 3 THEN 'camera'
        WHEN 4 THEN 'shortcoming' WHEN 5 THEN 'need' END
    ) VIRTUAL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    terms, kind UNINDEXED, content = 'search_terms', content_rowid = 'rowid', columnsize = 0,
    detail = none, tokenize = 'unicode61', prefix = '1 2 3 4 5 6 7'
)
"""


@MIGRATIONS(name="m019_small_search_index")
def m019_small_search_index(db: sqlite_utils.Database) -> None:
    for statement in _split(_SMALL_SEARCH):
        db.execute(statement)
    # Its index was filled here; m024 replaces it and fills the one search.py keeps today.


# A smaller history (the same changes, verified the same way): each device's id is kept once,
# in `devices`, and the history's changes (change_rows) and log entries (log_rows) hold its
# number; a change's time is kept only where it is not its clock's (core/trust/ledger.py). The
# views `changes` and `log_entries` read them back as before. The city office's history and log
# with their indexes went from 182 to 132 MiB.
_AT = ledger.AT_OF_CLOCK.format(clock="c.clock")
_COMPACT_HISTORY = f"""
CREATE TABLE devices (no INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
INSERT INTO devices (id) SELECT device_id FROM changes UNION SELECT device_id FROM log_entries;
CREATE TABLE change_rows (
    id TEXT PRIMARY KEY,
    device INTEGER NOT NULL REFERENCES devices(no),
    seq INTEGER NOT NULL,
    clock INTEGER NOT NULL,
    at TEXT,
    user TEXT,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT NOT NULL,
    package_id TEXT,
    UNIQUE (device, seq)
);
INSERT INTO change_rows (
    rowid, id, device, seq, clock, at, user, table_name, record_id, op, fields, package_id
)
SELECT c.rowid, c.id, d.no, c.seq, c.clock, nullif(c.at, {_AT}),
    c.user, c.table_name, c.record_id, c.op, c.fields, c.package_id
FROM changes c JOIN devices d ON d.id = c.device_id ORDER BY c.rowid;
CREATE TABLE log_rows (
    device INTEGER NOT NULL REFERENCES devices(no),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    digest BLOB NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;
INSERT INTO log_rows (device, seq, digest, hash)
SELECT d.no, l.seq, l.digest, l.hash FROM log_entries l JOIN devices d ON d.id = l.device_id
ORDER BY d.no, l.seq;
DROP TABLE changes;
DROP TABLE log_entries;
CREATE INDEX changes_record ON change_rows(table_name, record_id);
CREATE INDEX changes_clock ON change_rows(clock);
CREATE INDEX changes_package ON change_rows(package_id) WHERE package_id IS NOT NULL;
CREATE VIEW changes AS
SELECT c.rowid AS rowid, c.id, d.id AS device_id, c.seq, c.clock,
    coalesce(c.at, {_AT}) AS at, c.user, c.table_name, c.record_id, c.op, c.fields,
    c.package_id
FROM change_rows c JOIN devices d ON d.no = c.device;
CREATE VIEW log_entries AS
SELECT d.id AS device_id, l.seq, l.digest, l.hash FROM log_rows l JOIN devices d ON d.no = l.device
"""


@MIGRATIONS(name="m020_compact_history")
def m020_compact_history(db: sqlite_utils.Database) -> None:
    for statement in _split(_COMPACT_HISTORY):
        db.execute(statement)


# Shorter stored sort keys: a name's words and numbers only (collation.name_key), without the
# name itself after them, which broke ties between names differing only in case or punctuation
# (the lists break those by id now). A city camera's row and its name index each lose about the
# name's length: measured on the city office, cameras 106.2 → 94.1 MiB, their name index 35.9 →
# 24.7 MiB, the whole file after VACUUM 510.4 → 483.9 MB. The name indexes are made again after
# their keys.
_SHORT_SORT_KEYS = """
DROP INDEX sites_list_name;
DROP INDEX cameras_list_name;
UPDATE sites SET sort_name = fs_sort_key(name);
UPDATE cameras SET sort_name = fs_sort_key(name);
UPDATE units SET sort_name = fs_sort_key(name);
UPDATE admin_units SET sort_name = fs_sort_key(name);
CREATE INDEX sites_list_name ON sites(sort_name, id);
CREATE INDEX cameras_list_name ON cameras(sort_name, id, deleted, purposes)
"""


@MIGRATIONS(name="m021_short_sort_keys")
def m021_short_sort_keys(db: sqlite_utils.Database) -> None:
    for statement in _split(_SHORT_SORT_KEYS):
        db.execute(statement)


# Search entries without repeated parts (core/store/search.py, _entry_words): a camera named after
# its site no longer holds the site's name twice, nor a commune named in its address twice. The
# same hits; the index's words on the city office 58.5 → 46.2 MiB, the file after VACUUM 483.9 →
# 470.9 MB; 16 s on the city office with its backup.
@MIGRATIONS(name="m022_search_words_once")
def m022_search_words_once(db: sqlite_utils.Database) -> None:
    """The index was rebuilt here; m024 replaces it and fills the one search.py keeps today."""


# A log entry keeps its digest only where this workspace does not hold its change
# (core/trust/ledger.py): where it does, the digest is the change's own, made from it when
# needed, and an edit of the change breaks its entry's link instead. An entry whose change no
# longer gives the digest it kept (edited outside the app) keeps it, so the check still names
# that change. On the city office after VACUUM: the log 25.7 → 14.6 MiB, the file 470.9 →
# 459.3 MB; 11.5 s with its verified backup.
_DIGESTS_OF_HELD_CHANGES = """
DROP VIEW log_entries;
CREATE TABLE log_rows_m023 (
    device INTEGER NOT NULL REFERENCES devices(no),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    digest BLOB,
    hash BLOB NOT NULL,
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;
INSERT INTO log_rows_m023 (device, seq, digest, hash)
SELECT device, seq, digest, hash FROM log_rows ORDER BY device, seq;
DROP TABLE log_rows;
ALTER TABLE log_rows_m023 RENAME TO log_rows;
CREATE VIEW log_entries AS
SELECT d.id AS device_id, l.seq, l.digest, l.hash FROM log_rows l JOIN devices d ON d.no = l.device
"""


@MIGRATIONS(name="m023_digests_of_held_changes")
def m023_digests_of_held_changes(db: sqlite_utils.Database) -> None:
    for statement in _split(_DIGESTS_OF_HELD_CHANGES):
        db.execute(statement)
    ledger.forget_held_digests(db)


# Search entries' words kept packed (core/store/search.py, WORDS: Zstandard with a dictionary
# trained on the small demo's entries, a third of the text), and the full-text index contentless
# (it never reads the words back: an entry leaves it by a 'delete' given its words, unpacked from
# search_entries). The same hits; the index is rebuilt.
_PACKED_SEARCH_WORDS = """
DROP TABLE search_index;
DROP TABLE search_terms;
CREATE TABLE search_entries (
    rowid INTEGER PRIMARY KEY,
    words BLOB NOT NULL,
    kind TEXT GENERATED ALWAYS AS (
        CASE rowid >> 40 WHEN 1 THEN 'unit' WHEN 2 THEN 'site' WHEN 3 THEN 'camera'
        WHEN 4 THEN 'shortcoming' WHEN 5 THEN 'need' END
    ) VIRTUAL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    words, content = '', columnsize = 0, detail = none, tokenize = 'unicode61',
    prefix = '1 2 3 4 5 6 7'
)
"""


@MIGRATIONS(name="m024_packed_search_words")
def m024_packed_search_words(db: sqlite_utils.Database) -> None:
    for statement in _split(_PACKED_SEARCH_WORDS):
        db.execute(statement)
    search.rebuild(db)
