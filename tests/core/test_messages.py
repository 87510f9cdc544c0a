"""Messages come from the translation files (core/messages.py), and SQLite errors are told apart
by their result codes: what the machine or the file caused is a message, anything else a bug."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
from pathlib import Path

import pytest

import fieldsurvey
from fieldsurvey.core.errors import BusyWorkspaceError, FieldSurveyError, WorkspaceError
from fieldsurvey.core.messages import Message, Moment, Number, _catalogue
from fieldsurvey.core.sqlite_errors import Trouble, trouble
from fieldsurvey.core.store.db import explain
from fieldsurvey.core.store.workspace import Workspace

PACKAGE = Path(fieldsurvey.__file__).parent


def _marked_templates(room: str) -> list[tuple[str, str, str]]:
    """(file, context, template) of every QT_TRANSLATE_NOOP in a room of the package (the core,
    the command line)."""
    found = []
    for path in sorted((PACKAGE / room).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
            ):
                context, template = node.args
                assert isinstance(context, ast.Constant) and isinstance(template, ast.Constant), (
                    f"{path.name}:{node.lineno}: write the context and template as literals"
                )
                found.append((path.name, context.value, template.value))
    return found


@pytest.mark.parametrize(("room", "at_least"), [("core", 9), ("cli", 50)])
def test_every_message_has_its_english_with_the_same_fields(room: str, at_least: int) -> None:
    templates = _marked_templates(room)
    assert len(templates) >= at_least
    english = _catalogue("en")
    for file, context, template in templates:
        assert (context, template) in english, f"{file}: no English for {template!r}"
        fields = set(re.findall(r"{(\w+)}", template))
        assert set(re.findall(r"{(\w+)}", english[(context, template)])) == fields, template


def test_a_message_in_both_languages() -> None:
    message = Message(
        "workspace",
        "Ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu "
        "trước đó vẫn còn nguyên.",
        {"path": "/home/an/khảo sát.sqlite"},
    )
    assert message.text("vi").startswith("Ổ đĩa chứa /home/an/khảo sát.sqlite đã đầy.")
    assert message.text("en").startswith("The disk holding /home/an/khảo sát.sqlite is full.")
    error = WorkspaceError(message, code=Trouble.FULL)
    assert error.text("en") == message.text("en") and error.code == "disk-full"
    assert str(error) == f"{message.text('vi')} / {message.text('en')}"  # the command line's


def test_a_detail_is_said_in_the_language_of_its_sentence() -> None:
    detail = Message("sync", "khối {chunk} thiếu", {"chunk": 3})
    message = Message("sync", "Gói bị hỏng hoặc đã bị sửa: {detail}.", {"detail": detail})
    assert message.text("vi") == "Gói bị hỏng hoặc đã bị sửa: khối 3 thiếu."
    assert message.text("en") == "The package is damaged or was altered: chunk 3 is short."
    assert str(message) == f"{message.text('vi')} / {message.text('en')}"


def test_a_message_without_translation_stays_vietnamese() -> None:
    message = Message("workspace", "Câu chưa dịch {n}.", {"n": 3})
    assert message.text("en") == message.text("vi") == "Câu chưa dịch 3." == str(message)


def test_a_message_kept_as_json_is_read_back_whole() -> None:
    detail = Message("sync", "khối {chunk} thiếu", {"chunk": 3})
    message = Message(
        "sync", "Gói bị hỏng hoặc đã bị sửa: {detail}.", {"detail": detail, "at": Path("/a")}
    )
    kept = json.loads(json.dumps(message.as_plain()))
    read = Message.from_plain(kept)
    assert read is not None and read.params["detail"] == detail and read.params["at"] == "/a"
    assert read.text("en") == "The package is damaged or was altered: chunk 3 is short."
    for not_one in (
        [],
        {"context": "sync"},
        {**kept, "params": {"x": [1]}},
        {**kept, "template": 1},
    ):
        assert Message.from_plain(not_one) is None


def test_sqlite_errors_are_told_apart_by_their_codes(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    first = sqlite3.connect(path, timeout=0, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    second = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as busy:
        second.execute("BEGIN IMMEDIATE")
    assert trouble(busy.value) is Trouble.BUSY
    assert isinstance(explain(busy.value, path), BusyWorkspaceError)
    with pytest.raises(sqlite3.OperationalError) as ours:
        first.execute("SELECT no_such_column FROM t")
    assert trouble(ours.value) is None
    with pytest.raises(sqlite3.OperationalError) as raised:  # a bug is raised as it is
        raise explain(ours.value, path)
    assert raised.value is ours.value
    first.close()
    second.close()


def test_a_bug_in_a_write_is_not_dressed_up_as_a_workspace_error(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "w.sqlite", create=True)
    try:
        with (
            pytest.raises(sqlite3.OperationalError, match="no_such_column") as info,
            ws.transaction(),
        ):
            ws.db.execute("UPDATE cameras SET no_such_column = 1")
        assert not isinstance(info.value, FieldSurveyError)
    finally:
        ws.db.close()


def test_a_message_inside_a_message_is_in_the_same_language() -> None:
    reason = Message("photos", "tệp bị cắt cụt")
    message = Message(
        "photos",
        "Ảnh {name} bị hỏng hoặc chép thiếu ({reason}); hãy chép lại ảnh gốc.",
        {"name": "a.jpg", "reason": reason},
    )
    assert (
        message.text("vi")
        == "Ảnh a.jpg bị hỏng hoặc chép thiếu (tệp bị cắt cụt); hãy chép lại ảnh gốc."
    )
    assert message.text("en") == (
        "The photo a.jpg is damaged or incomplete (the file is cut short); copy the original again."
    )


def test_numbers_and_moments_in_a_message_follow_its_language() -> None:
    too_large = Message(
        "photos",
        "Tệp {name} quá lớn ({size} MB, giới hạn {limit} MB).",
        {"name": "a.gpx", "size": Number(12.34, 1), "limit": "10"},
    )
    assert too_large.text("vi") == "Tệp a.gpx quá lớn (12,3 MB, giới hạn 10 MB)."
    assert too_large.text("en") == "a.gpx is too large (12.3 MB, the limit is 10 MB)."
    replaced = Message(
        "sync",
        "Gói được ký bằng khóa mà thiết bị {sender} đã thay ngày {date}.",
        {"sender": "ab12cd34", "date": Moment("2026-03-31")},
    )
    assert replaced.text("vi").endswith("đã thay ngày 31/03/2026.")
    assert replaced.text("en").endswith("replaced on 31/03/2026.")
    kept = Message.from_plain(json.loads(json.dumps(too_large.as_plain())))
    assert kept.text("vi") == too_large.text("vi")  # kept as its Vietnamese text
