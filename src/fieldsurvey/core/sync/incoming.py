"""What an incoming package may claim: its manifest and format, every change's shape and
values (as strictly as the write path checks a typed value), and every author's chain,
signed head and role, checked in one pass before anything is written."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.kinds import Op
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.store.records import RECORD_KINDS
from fieldsurvey.core.store.workspace import (
    CHANGE_COLUMNS,
    MAX_SEQ,
    Workspace,
    clock_time,
    fields_json,
)
from fieldsurvey.core.sync.package import Refusal
from fieldsurvey.core.sync.package_format import FORMAT_VERSION, SIGNED_LOG_FORMAT, SyncError
from fieldsurvey.core.sync.spool import LOG, Spool
from fieldsurvey.core.text import is_record_id, storable_text
from fieldsurvey.core.trust import authorship, keys, ledger, permissions

log = logging.getLogger(__name__)


def _say(template: str, **params: Any) -> Message:
    return Message("sync", template, params)


@dataclass
class ChangeSummary:
    """What the import needs to know of a package's log before applying it, gathered in one
    streaming pass (a package can hold millions of changes; none is kept in memory: the checked
    changes and new log entries wait in the import's spool)."""

    count: int = 0
    max_clock: int = 0
    photo_formats: dict[str, str | None] = field(default_factory=dict)
    # Per author: how much of its log was held before (seq, hash), and the signed head that
    # proves the new entries.
    held: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    heads: dict[str, ledger.Head] = field(default_factory=dict)
    # Per author whose log continues past a gap: (held, first entry in the package).
    gaps: dict[str, tuple[int, int]] = field(default_factory=dict)
    cards: list[authorship.Author] = field(default_factory=list)


# Bounds on what a package may claim, far inside SQLite's 64-bit integers: a sequence number
# or clock near 2**63 would make every later local write overflow.
MAX_CLOCK = 1 << 62
MAX_JSON_DEPTH = 32
MAX_USER_CHARS = 200
MAX_LINE_BYTES = 4 << 20


def shown(value: Any) -> str:
    """An untrusted value in a message: repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def json_depth_ok(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests arrays and objects at most ``limit`` deep (checked before
    parsing, whose recursion a deep enough document would exhaust). Brackets inside strings
    are not nesting: counted only when the quick bound says it matters."""
    if data.count(b"[") + data.count(b"{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _lines(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if len(line) > MAX_LINE_BYTES or not json_depth_ok(line):
                raise SyncError(
                    _say(
                        QT_TRANSLATE_NOOP(
                            "sync",
                            "Dòng {number} của danh sách thay đổi quá dài hoặc lồng quá sâu.",
                        ),
                        number=number,
                    ),
                    Refusal.BAD_RECORD,
                )
            try:
                yield number, json.loads(line)
            except (ValueError, RecursionError):  # invalid UTF-8 is a ValueError too
                raise SyncError(
                    _say(
                        QT_TRANSLATE_NOOP(
                            "sync", "Dòng {number} của changes.jsonl không đọc được."
                        ),
                        number=number,
                    ),
                    Refusal.BAD_RECORD,
                ) from None


class _LogCheck:
    """The first pass of an import: every line of the package's log checked against the schema
    (``_validated``), its author's chain from what this workspace holds of it, its author's
    signed head, and its author's role (permissions.py). Writes nothing to the workspace: the
    checked changes and the new log entries go to ``spool``, for the import's transaction."""

    def __init__(
        self,
        ws: Workspace,
        me: keys.DeviceIdentity,
        known: dict[str, authorship.Author],
        heads: dict[str, ledger.Head],
        spool: Spool,
    ) -> None:
        self.ws, self.me, self.known, self.heads = ws, me, known, heads
        self.spool = spool
        self.roles = {device: author.role for device, author in known.items()}
        self.summary = ChangeSummary()

    def scan(self, path: Path) -> ChangeSummary:
        device: str | None = None
        expected = 0
        held, hash_ = 0, b""
        before: bytes | None = None  # the hash held before a re-sent entry
        done: set[str] = set()
        for number, raw in _lines(path):
            entry, change, fields_text = _entry(raw, number, self.ws.commune_codes)
            if entry[0] != device:
                if device is not None:
                    self._end_of_log(device, expected - 1, held, hash_)
                device = entry[0]
                if device in done:
                    raise _refused_line(
                        number, _say(QT_TRANSLATE_NOOP("sync", "nhật ký không theo thứ tự"))
                    )
                done.add(device)
                held, hash_ = ledger.tip(self.ws.db, device)
                before = None
                expected = entry[1]
                if expected > held + 1:
                    self.summary.gaps[device] = (held, expected)
            seq, digest = entry[1], entry[2]
            if seq != expected:
                raise _refused_line(
                    number, _say(QT_TRANSLATE_NOOP("sync", "số thứ tự không liên tiếp"))
                )
            expected += 1
            self.summary.count += 1
            if change is not None:
                self._permitted(change, number)
                self.spool.add(change, fields_text)
                self.summary.max_clock = max(self.summary.max_clock, change["clock"])
                fields = change["fields"]
                if change["table_name"] == "photos" and change["op"] == "insert":
                    sha = fields["sha256"][1]
                    self.summary.photo_formats[sha] = (fields.get("format") or [None, None])[1]
            if device in self.summary.gaps:
                continue
            if seq <= held:
                # An entry held here: its digest must give the hash held for it, from the one
                # before (the chain held vouches for the digest; a change need not be held).
                if before is None:
                    before = (
                        ledger.genesis(device)
                        if seq == 1
                        else ledger.entry_hash(self.ws.db, device, seq - 1)
                    )
                stored = ledger.entry_hash(self.ws.db, device, seq)
                if before is None or stored is None or ledger.link(before, digest) != stored:
                    raise _forged(
                        _say(
                            QT_TRANSLATE_NOOP(
                                "sync", "thay đổi số {seq} của thiết bị {device} khác với bản đã có"
                            ),
                            seq=seq,
                            device=device[:8],
                        )
                    )
                before = stored
            else:
                hash_ = ledger.link(hash_, digest)
                self.spool.add_entry(device, seq, digest, hash_)
        if device is not None:
            self._end_of_log(device, expected - 1, held, hash_)
        return self.summary

    def _end_of_log(self, device: str, last: int, held: int, hash_: bytes) -> None:
        if device in self.summary.gaps or last <= held:
            return
        if device == self.me.device_id:
            raise _forged(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "gói chứa thay đổi mang tên thiết bị này mà thiết bị này chưa từng ghi",
                    )
                )
            )
        head = self.heads.get(device)
        if head is None or head.seq != last or head.hash != hash_:
            raise _forged(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync", "nhật ký của thiết bị {device} không khớp chữ ký của tác giả"
                    ),
                    device=device[:8],
                )
            )
        author = self.known.get(device)
        if author is None:
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "Gói chứa thay đổi của thiết bị {device} chưa đăng ký, không kiểm tra được "
                        "tác giả.",
                    ),
                    device=device[:8],
                ),
                Refusal.UNKNOWN_AUTHOR,
            )
        try:
            keys.check_demo_match(self.me.demo_seed, author.demo_seed, device)
        except keys.DemoMismatchError as exc:
            raise SyncError(exc, Refusal.DEMO_MISMATCH) from None
        # A head attested at an upgrade is good in its own workspace, not for others.
        why = (
            author.head_refusal(head)
            if head.signer == device
            else _say(QT_TRANSLATE_NOOP("sync", "không có chữ ký của tác giả"))
        )
        if why is not None:
            revoked = author.revoked_at and "thu hồi" in why.text("vi")
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP("sync", "Gói bị từ chối: {why}. Không có gì được ghi."),
                    why=why,
                ),
                Refusal.REVOKED if revoked else Refusal.FORGED,
            )
        self.summary.held[device] = (held, b"")
        self.summary.heads[device] = head

    def _permitted(self, change: dict[str, Any], number: int) -> None:
        author = self.known.get(change["device_id"])
        if author is None:
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync", "Thay đổi số {number} là của thiết bị {device} chưa đăng ký."
                    ),
                    number=number,
                    device=change["device_id"][:8],
                ),
                Refusal.UNKNOWN_AUTHOR,
            )
        why = permissions.refusal(
            author.role, change["table_name"], change["op"], change["fields"]
        ) or _undoes_office_delete(self.ws, self.roles, author.role, change)
        if why is not None:
            raise SyncError(
                _say(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "Gói bị từ chối ở thay đổi số {seq} của {author}: {why}. Không có gì được "
                        "ghi.",
                    ),
                    seq=change["seq"],
                    author=author.name,
                    why=why,
                ),
                Refusal.NOT_PERMITTED,
            )


def _undoes_office_delete(
    ws: Workspace, roles: dict[str, str], role: str, change: dict[str, Any]
) -> Message | None:
    """A surveyor may not restore a record the office deleted."""
    if role == "office" or change["fields"].get("deleted", [0, 1])[1] != 0:
        return None
    return permissions.office_delete_refusal(
        ws.db, roles, change["table_name"], change["record_id"]
    )


def _refused_line(number: int, why: Message) -> SyncError:
    return SyncError(
        _say(
            QT_TRANSLATE_NOOP("sync", "Dòng {number} của nhật ký trong gói không hợp lệ: {why}."),
            number=number,
            why=why,
        ),
        Refusal.BAD_RECORD,
    )


def _forged(detail: Message) -> SyncError:
    return SyncError(
        _say(
            QT_TRANSLATE_NOOP(
                "sync",
                "Gói bị từ chối: {detail}; có thể đã bị sửa hoặc giả mạo. Không có gì được ghi.",
            ),
            detail=detail,
        ),
        Refusal.FORGED,
    )


_REDACTED = frozenset({"device_id", "seq", "digest"})


def _entry(
    raw: Any, number: int, communes: Collection[str]
) -> tuple[tuple[str, int, bytes], dict[str, Any] | None, str]:
    """One line of a package's log: (author, number, digest), and the change itself with its
    fields' canonical text, or None and "" when only its place in the log travels."""
    if isinstance(raw, dict) and set(raw) == _REDACTED:
        device, seq, digest = raw["device_id"], raw["seq"], raw["digest"]
        if not (
            is_record_id(device)
            and _is_count(seq, 1, MAX_SEQ)
            and isinstance(digest, str)
            and len(digest) == 64
            and all(c in "0123456789abcdef" for c in digest)
        ):
            raise _refused_line(number, _say(QT_TRANSLATE_NOOP("sync", "mục nhật ký")))
        return (device, seq, bytes.fromhex(digest)), None, ""
    change = _validated(raw, number, communes)
    fields_text = fields_json(change["fields"])
    digest_ = ledger.change_digest(change, fields_text)
    return (change["device_id"], change["seq"], digest_), change, fields_text


def add_log(ws: Workspace, spool: Spool, summary: ChangeSummary) -> None:
    """Inside the import's transaction, once its changes are in the history: the new entries
    the first pass proved join their authors' logs, each keeping its digest only where its
    change is not held (ledger.py), and each author's signed head is kept."""
    spool.flush()
    ledger.add_devices(ws.db, f"SELECT DISTINCT device_id FROM {LOG}")
    ws.db.execute(
        "INSERT INTO main.log_rows (device, seq, digest, hash) "
        "SELECT no, seq, CASE WHEN EXISTS (SELECT 1 FROM main.change_rows c "
        "WHERE c.device = no AND c.seq = l.seq) THEN NULL ELSE digest END, hash FROM "
        f"(SELECT {ledger.DEVICE_NUMBER.format(device='device_id')} AS no, seq, digest, hash, "
        f"rowid AS n FROM {LOG}) l ORDER BY n"
    )
    for head in summary.heads.values():
        ledger.store_head(ws.db, head)


def _is_count(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _is_text(value: Any, limit: int) -> bool:
    """A non-empty string of at most ``limit`` characters that SQLite stores as it is."""
    return isinstance(value, str) and 0 < len(value) <= limit and storable_text(value)


def _is_time(value: Any) -> bool:
    if not _is_text(value, 40):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


_CHANGE_KEYS = frozenset(CHANGE_COLUMNS)
# A change timed by its clock travels without "at" (package_format.FORMAT_VERSION 3).
_CHANGE_KEYS_TIMED_BY_CLOCK = _CHANGE_KEYS - {"at"}
_OPS = tuple(Op)
# Where a field's value must name communes the workspace holds: one, or a list of them.
_NO_COMMUNE, _ONE_COMMUNE, _COMMUNE_LIST = 0, 1, 2


_FieldCheck = tuple[Callable[[Any], Any], int]


@functools.cache
def _field_checks(table: str) -> dict[str, _FieldCheck]:
    """Per field of ``table``: its cleaner (records.Field.clean) and whether it names communes."""
    places = {"commune": _ONE_COMMUNE, "communes": _COMMUNE_LIST}
    return {f.name: (f.clean, places.get(f.kind, _NO_COMMUNE)) for f in RECORD_KINDS[table].fields}


@functools.cache
def _required_fields(table: str) -> tuple[str, ...]:
    return tuple(f.name for f in RECORD_KINDS[table].fields if f.required)


def _value_fault(
    name: str, check: _FieldCheck, value: Any, communes: Collection[str]
) -> Message | None:
    """What is wrong with a field's value as a package states it, or None: it must already be
    in the form the write path stores (what the field's cleaner gives back for it), and a
    commune it names must be one this workspace holds."""
    clean, communes_named = check
    try:
        stored = clean(value)
    except FieldSurveyError as exc:
        return _say(QT_TRANSLATE_NOOP("sync", "{name}: {why}"), name=name, why=exc.message)
    if stored != value:
        why = _say(QT_TRANSLATE_NOOP("sync", "giá trị không ở dạng lưu trữ"))
        return _say(QT_TRANSLATE_NOOP("sync", "{name}: {why}"), name=name, why=why)
    if communes_named == _ONE_COMMUNE and value is not None and value not in communes:
        return _say(
            QT_TRANSLATE_NOOP("sync", "{name}: mã xã, phường {code} không có"),
            name=name,
            code=shown(value),
        )
    if communes_named == _COMMUNE_LIST and not set(json.loads(value)).issubset(communes):
        return _say(QT_TRANSLATE_NOOP("sync", "{name}: mã xã, phường không có"), name=name)
    return None


def _validated(change: Any, number: int, communes: Collection[str]) -> dict[str, Any]:
    """Check one change as strictly as the local write path checks a typed value: its keys,
    table, operation, ids, counters and time, and every field's old and new value in the form
    it is stored in. Raises SyncError naming the change and what is wrong."""

    def bad(why: Message | str) -> SyncError:
        """``why``: a message, or the name of the key or field that is wrong."""
        return SyncError(
            _say(
                QT_TRANSLATE_NOOP("sync", "Bản ghi thay đổi số {number} không hợp lệ: {why}."),
                number=number,
                why=why,
            ),
            Refusal.BAD_RECORD,
        )

    if not isinstance(change, dict) or change.keys() not in (
        _CHANGE_KEYS,
        _CHANGE_KEYS_TIMED_BY_CLOCK,
    ):
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "thiếu hoặc thừa trường")))
    table = change["table_name"]
    kind = RECORD_KINDS.get(table) if isinstance(table, str) else None
    if kind is None:
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "bảng lạ {table}"), table=shown(table)))
    op = change["op"]
    if op not in _OPS:  # a tuple: a hostile op may be unhashable
        raise bad("op")
    for key in ("id", "device_id", "record_id"):
        if not is_record_id(change[key]):
            raise bad(key)
    if not _is_count(change["seq"], 1, MAX_SEQ):
        raise bad("seq")
    if not _is_count(change["clock"], 1, MAX_CLOCK):
        raise bad("clock")
    if "at" not in change:
        change["at"] = clock_time(change["clock"])
    elif not _is_time(change["at"]):
        raise bad("at")
    if change["user"] is not None and not _is_text(change["user"], MAX_USER_CHARS):
        raise bad("user")
    fields = change["fields"]
    if not isinstance(fields, dict) or not fields:
        raise bad("fields")
    if op == "delete" and set(fields) != {"deleted"}:
        raise bad(_say(QT_TRANSLATE_NOOP("sync", "delete: chỉ có trường deleted")))
    inserting = op == "insert"
    checks = _field_checks(table)
    for name, triple in fields.items():
        if (
            inserting
            and type(triple) is list
            and len(triple) == 3
            and triple[0] is None
            and triple[2] is None
            and (check := checks.get(name)) is not None
        ):
            # Most of a package: a new record's value. What the loop below asks of it, in short;
            # anything it does not pass at once goes to _value_fault, which says what is wrong.
            value = triple[1]
            if value is None:
                continue
            try:
                if check[0](value) == value and not check[1]:
                    continue
            except FieldSurveyError:
                pass
            why = _value_fault(name, check, value, communes)
            if why is not None:
                raise bad(why)
            continue
        if not (isinstance(triple, list) and len(triple) == 3):
            raise bad(shown(name))
        old, new, old_clock = triple
        if old_clock is not None and not _is_count(old_clock, 0, MAX_CLOCK):
            raise bad(_say(QT_TRANSLATE_NOOP("sync", "{name}: đồng hồ cũ"), name=shown(name)))
        if inserting and (old is not None or old_clock is not None):
            raise bad(
                _say(
                    QT_TRANSLATE_NOOP("sync", "{name}: bản ghi mới không có giá trị cũ"),
                    name=shown(name),
                )
            )
        if name == "deleted":
            # A delete goes from 0 to 1; an update (a restore, a confirmed decision) any way.
            wanted = [(0, 1)] if op == "delete" else [(0, 0), (0, 1), (1, 0), (1, 1)]
            if (old, new) not in wanted or type(old) is not int or type(new) is not int:
                raise bad("deleted")
            continue
        check = checks.get(name)
        if check is None:
            raise bad(_say(QT_TRANSLATE_NOOP("sync", "trường lạ {name}"), name=shown(name)))
        for value in (new,) if inserting else (old, new):
            if value is None and value is old:
                continue
            why = _value_fault(name, check, value, communes)
            if why is not None:
                raise bad(why)
    if op == "insert":
        missing = [name for name in _required_fields(table) if name not in fields]
        if missing:
            raise bad(_say(QT_TRANSLATE_NOOP("sync", "thiếu {fields}"), fields=", ".join(missing)))
    return change


def _check_format(manifest: dict[str, Any], me: str) -> None:
    if manifest.get("format") != "fieldsurvey-package":
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Không phải gói đồng bộ FieldSurvey.")),
            Refusal.BAD_MANIFEST,
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync", "Gói được tạo bởi phiên bản FieldSurvey mới hơn; hãy cập nhật."
                )
            ),
            Refusal.NEWER_FORMAT,
        )
    if version < SIGNED_LOG_FORMAT:
        raise SyncError(
            _say(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "Gói được tạo bởi phiên bản FieldSurvey cũ, không chứng minh được tác giả của "
                    "từng thay đổi; hãy cập nhật máy gửi rồi xuất lại.",
                )
            ),
            Refusal.OLDER_FORMAT,
        )
    if manifest.get("recipient") != me:
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Gói này không gửi cho tệp dữ liệu khảo sát này.")),
            Refusal.WRONG_RECIPIENT,
        )
    if not is_record_id(manifest.get("package_id")) or not _is_count(
        manifest.get("created_clock"), 0, MAX_CLOCK
    ):
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Bản kê của gói thiếu mã gói hoặc đồng hồ hợp lệ.")),
            Refusal.BAD_MANIFEST,
        )


def _check_manifest(manifest: dict[str, Any], summary: ChangeSummary) -> None:
    if manifest.get("changes") != summary.count:
        raise SyncError(
            _say(QT_TRANSLATE_NOOP("sync", "Số thay đổi trong gói không khớp với bản kê.")),
            Refusal.BAD_MANIFEST,
        )
