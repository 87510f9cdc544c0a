"""``fieldsurvey report --per unit|commune``: one document per owner unit or commune, run as a
user would on a copy of the small demo workspace, read back with pdftotext and openpyxl."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def sql(db: Path, query: str, *params: str) -> list[tuple[str | int | None, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


def pdf_text(path: Path) -> str:
    binary = shutil.which("pdftotext")
    if binary is None:
        pytest.skip("pdftotext is not installed (Debian: poppler-utils)")
    done = subprocess.run(
        [binary, "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(done.stdout.split())


def test_one_pdf_per_unit_names_its_unit_and_the_counts_add_up(db: Path, run_cli: Run) -> None:
    # One camera without an owner unit: in no unit's document, counted apart.
    (orphan,) = sql(db, "SELECT id FROM cameras WHERE deleted = 0 ORDER BY id LIMIT 1")[0]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE cameras SET owner_unit_id = NULL WHERE id = ?", [orphan])
    folder = db.parent / "theo đơn vị"
    done = run_cli("report", "--db", str(db), "--format", "pdf", "--draft", "--per", "unit")
    assert done.returncode != 0 and "--out" in done.stderr  # the folder is required
    done = run_cli(
        "report",
        "--db",
        str(db),
        "--format",
        "pdf",
        "--draft",
        "--per",
        "unit",
        "--out",
        str(folder),
    )
    assert done.returncode == 0, done.stderr
    units = dict(
        sql(
            db,
            "SELECT id, name FROM units WHERE id IN "
            "(SELECT owner_unit_id FROM cameras WHERE deleted = 0 UNION "
            "SELECT s.unit_id FROM needs n JOIN sites s ON s.id = n.site_id WHERE n.deleted = 0)",
        )
    )
    written = [Path(line) for line in done.stdout.splitlines()]
    assert sorted(written) == sorted(folder.iterdir()) and len(written) == len(units)
    skipped = len(sql(db, "SELECT id FROM units WHERE deleted = 0")) - len(units)
    assert f"Đã ghi {len(units)} báo cáo vào {folder}; bỏ qua {skipped} đơn vị" in done.stderr
    assert "1 camera không có đơn vị chủ quản" in done.stderr
    total = 0
    for path in written:
        unit = next(uid for uid in units if path.stem.endswith(f"-{str(uid)[:8]}"))
        text = pdf_text(path)
        name = str(units[unit])
        assert f"67/KH-UBND — {name}" in text, path.name  # the subject names the unit
        assert f"Đơn vị chủ quản: {name}" in text, path.name  # and so does the scope
        found = re.search(r"Camera hiện có ([\d.]+)", text)
        assert found is not None, path.name
        cameras = int(found.group(1).replace(".", ""))
        assert (
            cameras
            == sql(
                db,
                "SELECT count(*) FROM cameras WHERE deleted = 0 AND owner_unit_id = ?",
                str(unit),
            )[0][0]
        )
        total += cameras
    assert total + 1 == sql(db, "SELECT count(*) FROM cameras WHERE deleted = 0")[0][0]


def test_one_workbook_per_commune_with_the_undetermined_part(db: Path, run_cli: Run) -> None:
    (site,) = sql(
        db,
        "SELECT site_id FROM cameras WHERE deleted = 0 GROUP BY site_id ORDER BY site_id LIMIT 1",
    )[0]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sites SET commune_code = NULL WHERE id = ?", [site])
        conn.execute("UPDATE cameras SET commune_code = NULL WHERE site_id = ?", [site])
    lost = sql(db, "SELECT count(*) FROM cameras WHERE deleted = 0 AND site_id = ?", str(site))
    folder = db.parent / "xa"
    done = run_cli(
        "report",
        "--db",
        str(db),
        "--format",
        "xlsx",
        "--draft",
        "--per",
        "commune",
        "--out",
        str(folder),
    )
    assert done.returncode == 0, done.stderr
    assert f"{lost[0][0]} camera chưa xác định xã, phường" in done.stderr
    names = dict(sql(db, "SELECT code, name FROM admin_units WHERE level = 'commune'"))
    total = 0
    for line in done.stdout.splitlines():
        path = Path(line)
        code = path.stem.rsplit("-", 1)[1]
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            assert book.properties.title.endswith(f"— {names[code]}")
            rows = list(book["Tổng hợp theo xã"].iter_rows(values_only=True))
            cameras = book["Camera hiện có"].max_row - 2  # header, totals
        finally:
            book.close()
        assert [row[2] for row in rows[1:-1]] == [names[code]]  # the commune's own row only
        total += cameras
    assert total + lost[0][0] == sql(db, "SELECT count(*) FROM cameras WHERE deleted = 0")[0][0]


def test_existing_files_and_bad_choices_are_refused_in_vietnamese(db: Path, run_cli: Run) -> None:
    folder = db.parent / "out"
    args = ["report", "--db", str(db), "--format", "xlsx", "--draft", "--out", str(folder)]
    first = run_cli(*args, "--per", "commune", "--where", "commune=Phường Ba Đình", "-q")
    assert first.returncode == 0, first.stderr
    (path,) = [Path(line) for line in first.stdout.splitlines()]
    assert path == folder / "bao-cao-phuong-ba-dinh-00004.xlsx"
    path.write_bytes(b"not ours to lose")
    again = run_cli(*args, "--per", "commune", "--where", "commune=Phường Ba Đình")
    assert again.returncode == 1 and "dùng --force để thay" in again.stderr
    assert path.read_bytes() == b"not ours to lose"
    forced = run_cli(*args, "--per", "commune", "--where", "commune=00004", "--force")
    assert forced.returncode == 0, forced.stderr
    openpyxl.load_workbook(path, read_only=True).close()
    for extra, said in (
        (["--per", "ward"], "Không lập được báo cáo theo 'ward' (dùng unit, commune)"),
        (["--per", "unit", "--format", "csv"], "chỉ lập dạng pdf, xlsx"),
        (["--per", "unit", "--photos"], "--photos không dùng được cùng --per"),
    ):
        done = run_cli(*args, *extra)
        assert done.returncode == 1 and said in done.stderr, done.stderr
    a_file = db.parent / "a file"
    a_file.write_text("x")
    done = run_cli(*args[:-1], str(a_file), "--per", "unit")
    assert done.returncode == 1 and "không phải là thư mục" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no temporary file left
