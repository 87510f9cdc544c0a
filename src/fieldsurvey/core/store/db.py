"""Open, create and migrate the workspace database: one SQLite file per workspace."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlite_utils
from filelock import FileLock, Timeout

from fieldsurvey.core import collation, history_fields, text
from fieldsurvey.core.errors import (
    BusyWorkspaceError,
    CorruptWorkspaceError,
    NewerWorkspaceError,
    NotAWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
)
from fieldsurvey.core.files import private_folder, replace_durably
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.sqlite_errors import Trouble, trouble
from fieldsurvey.core.store import search
from fieldsurvey.core.store.migrations import MIGRATIONS
from fieldsurvey.core.transaction import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

# PRAGMA application_id marks the file as ours ("FSVW"), so someone else's SQLite file is refused
# instead of being migrated into a workspace.
APPLICATION_ID = 0x46535657
SQLITE_HEADER = b"SQLite format 3\x00"


# Rows ANALYZE looks at per index when refreshing statistics: enough for the planner to know a
# table's size and an index's selectivity, in milliseconds on the city workspace.
ANALYSIS_LIMIT = 1000


def refresh_statistics(db: sqlite_utils.Database) -> None:
    """Bring SQLite's statistics up to date after a large write (an import, a demo build), so
    the planner sees the tables as they are now and not as they were when last analysed."""
    db.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    db.execute("ANALYZE")


BULK_CACHE_KIB = 64 << 10
"""SQLite's page cache while a bulk write runs, in KiB, for the workspace and for the temporary
database (SQLite's default is 2 MiB). An import adds each row to a dozen indexes in no order
(record ids are random), in the workspace and in its spool; with 2 MiB their pages go out and
come back again and again. The full city package imported (shared machine, one run each): with
the workspace's cache at 2, 32, 64 and 128 MiB, 63.2, 61.6, 56.8 and 55.1 s; then the
temporary database's at 64 MiB too, 63.1 → 58.5 s in another pair of runs."""


@contextlib.contextmanager
def bulk_cache(db: sqlite_utils.Database, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """Page caches of ``kib`` KiB on ``db``'s connection (workspace and temporary database)
    while the block runs, the ones it had after (the memory is given back)."""
    schemas = ("main", "temp")
    before = {s: int(db.execute(f"PRAGMA {s}.cache_size").fetchone()[0]) for s in schemas}
    for schema in schemas:
        db.execute(f"PRAGMA {schema}.cache_size = -{int(kib)}")
    try:
        yield
    finally:
        for schema, size in before.items():
            db.execute(f"PRAGMA {schema}.cache_size = {size}")


LARGE_WRITE_ROWS = 1000
"""A write of more rows than this (an inventory import, a bulk merge) refreshes the statistics."""


def refresh_statistics_after(db: sqlite_utils.Database, rows: int) -> bool:
    """``refresh_statistics`` after a write of ``rows`` rows, when that is a large write (more
    than LARGE_WRITE_ROWS); a small edit leaves the statistics be. Whether they were refreshed."""
    if rows <= LARGE_WRITE_ROWS:
        return False
    refresh_statistics(db)
    return True


@contextlib.contextmanager
def indexes_made_after(db: sqlite_utils.Database, tables: Iterable[str]) -> Iterator[None]:
    """For a bulk load of ``tables``, in the caller's transaction: their secondary indexes are
    dropped for the body and made again, from the same statements, when it ends. SQLite then
    sorts each index's keys once instead of placing every row's key (a random UUID, a name)
    into a B-tree far larger than its page cache. The indexes that hold a constraint (a primary
    key, UNIQUE) stay and are checked row by row as always. An error in the body leaves the
    indexes dropped: the caller's transaction, rolled back, brings them back."""
    if not db.conn.in_transaction:
        raise AssertionError("indexes_made_after belongs inside a write transaction")
    wanted = list(tables)
    marks = ", ".join("?" * len(wanted))
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master "
        f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY rowid",
        wanted,
    ).fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        db.execute(sql)


def _connect(path: Path) -> sqlite_utils.Database:
    # isolation_level=None: no implicit BEGIN; every transaction is explicit (write_transaction).
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise explain(exc, path) from exc
    collation.register(conn)
    text.register(conn)
    history_fields.register(conn)
    search.register(conn)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        # FULL: a laptop that loses power must keep the last saved change.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if exc.sqlite_errorcode == sqlite3.SQLITE_NOTADB:
            raise _not_a_workspace(exc, path) from exc
        raise explain(exc, path) from exc
    return sqlite_utils.Database(conn)


def _enable_wal(db: sqlite_utils.Database, path: Path) -> None:
    """Switch to WAL; done only after the checks, since it rewrites the file header."""
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "Không bật được chế độ WAL cho {path} (SQLite trả về {mode}). "
                    "Hãy chép tệp dữ liệu khảo sát vào một thư mục trên ổ đĩa của máy rồi mở lại.",
                ),
                {"path": str(path), "mode": repr(mode)},
            )
        )


_DAMAGED = QT_TRANSLATE_NOOP(
    "workspace",
    "Tệp dữ liệu khảo sát {path} bị hỏng (SQLite: {detail}). Hãy khôi phục từ bản sao lưu "
    "trong thư "
    "mục {backups} hoặc từ gói đồng bộ gần nhất.",
)
# What each trouble means for a workspace, and what to do about it.
_SAYS: dict[Trouble, tuple[type[WorkspaceError], str]] = {
    Trouble.CORRUPT: (CorruptWorkspaceError, _DAMAGED),
    Trouble.NOT_A_DATABASE: (CorruptWorkspaceError, _DAMAGED),
    Trouble.READ_ONLY: (
        WorkspaceError,
        QT_TRANSLATE_NOOP(
            "workspace",
            "Không ghi được vào {folder} (SQLite: {detail}). Hãy chép tệp dữ liệu khảo sát "
            "vào một thư mục "
            "bạn có quyền ghi (ví dụ Documents) rồi mở lại.",
        ),
    ),
    Trouble.CANNOT_OPEN: (
        WorkspaceError,
        QT_TRANSLATE_NOOP(
            "workspace",
            "Không mở được {path} (SQLite: {detail}). Hãy kiểm tra thư mục còn đó và bạn có "
            "quyền ghi trong đó, hoặc chép tệp dữ liệu khảo sát vào một thư mục khác (ví dụ "
            "Documents) rồi "
            "mở lại.",
        ),
    ),
    Trouble.FULL: (
        WorkspaceError,
        QT_TRANSLATE_NOOP(
            "workspace",
            "Ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu "
            "trước đó vẫn còn nguyên.",
        ),
    ),
    Trouble.BUSY: (
        BusyWorkspaceError,
        QT_TRANSLATE_NOOP(
            "workspace",
            "Tệp dữ liệu khảo sát {name} đang bận (một lần nhập hoặc duyệt hàng loạt đang "
            "ghi); thay đổi "
            "chưa lưu, hãy thử lại sau ít giây.",
        ),
    ),
    Trouble.IO: (
        WorkspaceError,
        QT_TRANSLATE_NOOP(
            "workspace",
            "Ổ đĩa không đọc hoặc ghi được {path} (SQLite: {detail}). Hãy kiểm tra ổ đĩa (thẻ "
            "nhớ, ổ USB còn cắm chắc) rồi thử lại; dữ liệu đã lưu trước đó vẫn còn nguyên.",
        ),
    ),
}


def explain(exc: sqlite3.Error, path: Path) -> WorkspaceError:
    """The message saying what to do about an SQLite error the machine or the file caused,
    told by SQLite's result code; any other error is a bug and is raised as it is."""
    kind = trouble(exc)
    if kind is None:
        raise exc
    error, template = _SAYS[kind]
    params = {
        "path": str(path),
        "folder": str(path.parent),
        "name": path.name,
        "backups": str(backup_folder(path)),
        "detail": exc,
    }
    return error(Message("workspace", template, params), code=kind)


def open_read_only(path: Path | str) -> sqlite_utils.Database:
    """A second, read-only connection to a workspace, for reading on another thread while the
    app's own connection writes (WAL gives the reader a consistent snapshot). Close it after."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    collation.register(conn)
    text.register(conn)
    history_fields.register(conn)
    search.register(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema = OFF")
    return sqlite_utils.Database(conn)


def _make_private(path: Path) -> None:
    """Owner-only permissions on a workspace file and its -wal/-shm (SQLite gives files it
    creates the database's own permissions, so new ones follow)."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)


def photo_folder(path: Path) -> Path:
    """The content-addressed photo folder beside a workspace: ``a.sqlite`` → ``a.photos``."""
    return path.with_name(path.stem + ".photos")


def backup_folder(path: Path) -> Path:
    """Where verified copies of a workspace are kept before each migration."""
    return path.with_name(path.name + ".backups")


def _not_a_workspace(exc: sqlite3.DatabaseError, path: Path) -> WorkspaceError:
    """SQLite could not read the file as a database: say whether it is something else entirely
    or a damaged workspace.

    Only called after SQLite itself refused the file, so no connection of this process holds
    it: reading its first bytes with ``open()`` cannot drop another connection's POSIX locks
    (closing any descriptor of a file releases every lock the process holds on it).
    """
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return NotAWorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "{path} không phải là tệp dữ liệu khảo sát FieldSurvey (không phải tệp "
                    "SQLite). "
                    "Hãy chọn tệp .sqlite do FieldSurvey tạo.",
                ),
                {"path": str(path)},
            )
        )
    return explain(exc, path)


def staging_folder(path: Path) -> Path:
    """Where imports unpack packages before checking them: ``a.sqlite`` → ``a.staging``."""
    return path.with_name(path.stem + ".staging")


def import_lock(path: Path) -> FileLock:
    """The lock that lets one import at a time work on a workspace, across processes and
    threads. The operating system drops it when its holder dies, so a killed import never
    leaves it stuck."""
    return FileLock(path.with_name(path.stem + ".import.lock"), mode=0o600)


def remove_leftover_staging(path: Path) -> bool:
    """Remove what killed imports left in the staging folder, unless an import is running
    (it holds the import lock; everything in staging is its own then). True when cleaned."""
    folder = staging_folder(path)
    if not folder.exists():
        return True
    try:
        with import_lock(path).acquire(timeout=0):
            shutil.rmtree(folder, ignore_errors=True)
    except Timeout:
        return False
    return True


def _check_ours(db: sqlite_utils.Database, path: Path) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    raise NotAWorkspaceError(
        Message(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "{path} là một cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu khảo sát "
                "FieldSurvey; "
                "FieldSurvey không sửa tệp này.",
            ),
            {"path": str(path)},
        )
    )


def _check_not_newer(db: sqlite_utils.Database, path: Path) -> None:
    known = {m.name for m in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise NewerWorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "{path} được tạo bởi phiên bản FieldSurvey mới hơn (thay đổi cấu trúc "
                    "{changes}). Hãy cập nhật FieldSurvey rồi mở lại; tệp không bị thay đổi.",
                ),
                {"path": str(path), "changes": ", ".join(unknown)},
            )
        )


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def make_verified_backup(db: sqlite_utils.Database, path: Path, label: str) -> Path:
    """Copy the open workspace with SQLite's backup API and check the copy before trusting it."""
    folder = private_folder(backup_folder(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}.{stamp}.before-{label}.sqlite"
    partial = target.with_name(target.name + ".partial")
    dest = sqlite3.connect(str(partial))
    try:
        db.conn.backup(dest)
        ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        same = _table_counts(dest) == _table_counts(db.conn)
    finally:
        dest.close()
    if ok != "ok" or not same:
        partial.unlink(missing_ok=True)
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "Bản sao lưu của {path} trước khi nâng cấp không khớp với bản gốc ({detail}); "
                    "chưa nâng cấp gì. Hãy kiểm tra ổ đĩa rồi thử lại.",
                ),
                {"path": str(path), "detail": ok},
            )
        )
    replace_durably(partial, target)
    return target


def open_database(path: Path | str, *, create: bool = False) -> sqlite_utils.Database:
    """Open a workspace (or create one with ``create=True``) and bring its schema up to date.

    A workspace from a newer FieldSurvey, a file that is not ours, or a damaged file is refused
    and left exactly as it was. Before migrating an existing workspace, a verified copy is made.
    """
    path = Path(path)
    exists = path.exists()
    if exists and path.is_dir():
        raise NotAWorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "{path} là một thư mục, không phải tệp dữ liệu khảo sát."
                ),
                {"path": str(path)},
            )
        )
    if not exists and not create:
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "Không tìm thấy tệp dữ liệu khảo sát {path}."),
                {"path": str(path)},
            )
        )
    if not exists and not path.parent.is_dir():
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "Thư mục {folder} không tồn tại."),
                {"folder": str(path.parent)},
            )
        )
    # The file is read only through SQLite from here on: another connection of this process
    # (the window's, while a background write opens its own) may hold it.
    if exists and path.stat().st_size == 0:
        raise NotAWorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "{path} là tệp rỗng, không phải tệp dữ liệu khảo sát FieldSurvey."
                ),
                {"path": str(path)},
            )
        )
    if not exists:  # created owner-only; SQLite then creates -wal and -shm the same way
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise WorkspaceError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "Không ghi được vào {folder} ({detail}). Hãy tạo tệp dữ liệu khảo "
                        "sát trong một "
                        "thư mục bạn có quyền ghi (ví dụ Documents).",
                    ),
                    {"folder": str(path.parent), "detail": exc.strerror or exc},
                )
            ) from exc
    _make_private(path)
    db = _connect(path)
    try:
        if exists:
            _check_ours(db, path)
            _check_not_newer(db, path)
        _enable_wal(db, path)
        pending = MIGRATIONS.pending(db) if exists else []
        if pending:
            make_verified_backup(db, path, pending[0].name)
        if not exists:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        MIGRATIONS.apply(db)
        for migration in pending:
            log.info("workspace %s migrated: %s", path, migration.name)
        if pending:
            # What a migration removed (m010: private keys) must not linger in the WAL's
            # frames: copy them into the file and empty the WAL.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        private_folder(photo_folder(path))
    except sqlite3.DatabaseError as exc:
        db.close()
        raise explain(exc, path) from exc
    except BaseException:
        db.close()
        raise
    return db


def check_writable_target(path: Path, *, force: bool) -> None:
    """Refuse to create a workspace where it would overwrite something or cannot be written."""
    if path.exists() and not force:
        raise WorkspaceExistsError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "{path} đã tồn tại; không ghi đè. Dùng --force để thay thế nó.",
                ),
                {"path": str(path)},
            )
        )
    if path.is_dir():
        raise WorkspaceExistsError(
            Message(
                "store", QT_TRANSLATE_NOOP("store", "{path} là một thư mục."), {"path": str(path)}
            )
        )
    folder = path.parent
    if not folder.is_dir():
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "Thư mục {folder} không tồn tại."),
                {"folder": str(folder)},
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "Không có quyền ghi vào thư mục {folder}. Hãy chọn thư mục khác.",
                ),
                {"folder": str(folder)},
            )
        )


@contextlib.contextmanager
def build_then_replace(
    path: Path, *, force: bool
) -> Iterator[tuple[Path, Callable[[], sqlite_utils.Database]]]:
    """Create a new workspace under a temporary name and move it onto ``path`` only when whole.

    Yields the temporary path (its photo folder is moved along) and a function that opens the
    new database. If the body fails, the temporary files are removed and whatever was at
    ``path`` stays as it was.
    """
    path = Path(path)
    check_writable_target(path, force=force)
    partial = path.with_name(f".{path.stem}.partial.sqlite")
    _remove_database_files(partial)
    shutil.rmtree(photo_folder(partial), ignore_errors=True)
    opened: list[sqlite_utils.Database] = []

    def open_new() -> sqlite_utils.Database:
        db = open_database(partial, create=True)
        opened.append(db)
        return db

    try:
        yield partial, open_new
        for db in opened:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
        # The old workspace's -wal/-shm would otherwise be replayed onto the new file.
        _remove_database_files(path)
        shutil.rmtree(photo_folder(path), ignore_errors=True)
        replace_durably(partial, path)
        if photo_folder(partial).exists():
            os.replace(photo_folder(partial), photo_folder(path))
    except sqlite3.DatabaseError as exc:
        _close_and_remove(opened, partial)
        raise explain(exc, path) from exc
    except OSError as exc:
        _close_and_remove(opened, partial)
        raise WorkspaceError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "Không ghi được {path}: {detail}"),
                {"path": str(path), "detail": exc.strerror or exc},
            )
        ) from exc
    except BaseException:
        _close_and_remove(opened, partial)
        raise


def _close_and_remove(opened: list[sqlite_utils.Database], partial: Path) -> None:
    for db in opened:
        with contextlib.suppress(sqlite3.Error):
            db.close()
    _remove_database_files(partial)
    shutil.rmtree(photo_folder(partial), ignore_errors=True)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
