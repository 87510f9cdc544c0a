"""One report per owner unit or commune, on the small demo workspace: the files' names, the
documents' counts against SQL (they add up to the whole), refusals, and a cancel between
documents."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from fieldsurvey.core.reports.filters import ReportError, Where
from fieldsurvey.core.reports.per import (
    PerReportCancelled,
    existing_files,
    plan_reports,
    write_reports,
)
from fieldsurvey.core.store.workspace import Workspace


def live_cameras(ws: Workspace, where: str = "1", params: tuple[str, ...] = ()) -> int:
    sql = f"SELECT count(*) FROM cameras WHERE deleted = 0 AND {where}"
    return int(ws.db.execute(sql, params).fetchone()[0])


def without_commune(ws: Workspace) -> int:
    """Take the commune away from one site and its cameras; return how many cameras lost it."""
    site = ws.db.execute(
        "SELECT s.id FROM sites s WHERE s.deleted = 0 AND EXISTS (SELECT 1 FROM cameras c "
        "WHERE c.site_id = s.id AND c.deleted = 0) LIMIT 1"
    ).fetchone()[0]
    ws.db.execute("UPDATE sites SET commune_code = NULL WHERE id = ?", [site])
    ws.db.execute("UPDATE cameras SET commune_code = NULL WHERE site_id = ?", [site])
    ws.db.conn.commit()
    return live_cameras(ws, "site_id = ?", (site,))


def test_names_from_outside_stay_plain_file_names_in_the_folder(demo: Workspace) -> None:
    hostile = [
        "../../etc/passwd",
        "..\\..\\Windows\\Công an ⁄ phường",
        "CON",
        "/",
        "Công an phường Ba Đình",
        "CÔNG AN PHƯỜNG BA ĐÌNH",
    ]
    units = demo.db.execute(
        "SELECT DISTINCT owner_unit_id FROM cameras WHERE deleted = 0 ORDER BY 1 LIMIT ?",
        [len(hostile)],
    ).fetchall()
    for (unit,), name in zip(units, hostile, strict=True):
        demo.update("units", unit, {"name": name})
    plan = plan_reports(demo.db, "unit", "pdf", draft=True)
    names = {p.key: p.file_name for p in plan.parts}
    assert len(set(names.values())) == len(names)  # never two documents under one name
    for (unit,) in units:
        file_name = names[unit]
        assert Path(file_name).name == file_name and not file_name.startswith(".")
        assert set(file_name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        assert file_name.endswith(f"-{unit[:8]}.pdf") and file_name.startswith("bao-cao-")
    assert names[units[0][0]] == f"bao-cao-etc-passwd-{units[0][0][:8]}.pdf"
    assert names[units[4][0]] == f"bao-cao-cong-an-phuong-ba-dinh-{units[4][0][:8]}.pdf"
    assert names[units[3][0]] == f"bao-cao-khong-ten-{units[3][0][:8]}.pdf"


def test_one_workbook_per_commune_adds_up_to_the_whole(demo: Workspace, tmp_path: Path) -> None:
    lost = without_commune(demo)
    assert lost > 0
    folder = tmp_path / "theo xã"  # made by the run
    written = write_reports(demo.db, "commune", "xlsx", folder, draft=True)
    communes = dict(
        demo.db.execute(
            "SELECT code, name FROM admin_units WHERE level = 'commune' AND code IN "
            "(SELECT commune_code FROM cameras WHERE deleted = 0 UNION "
            "SELECT commune_code FROM sites WHERE deleted = 0)"
        ).fetchall()
    )
    assert len(written.paths) == len(communes)
    assert written.skipped == 126 - len(communes) and written.left_out == lost
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written.paths)
    total = 0
    for path in written.paths:
        code = path.stem.rsplit("-", 1)[1]
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            assert book.properties.title.endswith(f" — {communes[code]}")
            rows = book["Camera hiện có"].max_row - 2  # header, totals
        finally:
            book.close()
        assert rows == live_cameras(demo, "commune_code = ?", (code,)), path.name
        total += rows
    assert total + written.left_out == live_cameras(demo)


def test_a_units_workbook_holds_its_cameras_and_the_needs_at_its_sites(
    demo: Workspace, tmp_path: Path
) -> None:
    written = write_reports(demo.db, "unit", "xlsx", tmp_path / "units", draft=True)
    owners = {r[0] for r in demo.db.execute("SELECT owner_unit_id FROM cameras WHERE deleted = 0")}
    managing = {
        r[0]
        for r in demo.db.execute(
            "SELECT s.unit_id FROM needs n JOIN sites s ON s.id = n.site_id "
            "WHERE n.deleted = 0 AND s.unit_id IS NOT NULL"
        )
    }
    assert managing - owners  # units with needs at their sites and no camera get one too
    assert len(written.paths) == len(owners | managing)
    all_units = {r[0] for r in demo.db.execute("SELECT id FROM units WHERE deleted = 0")}
    assert written.skipped == len(all_units - owners - managing)
    needs_total = 0
    for path in written.paths:
        (unit,) = [u for u in owners | managing if path.stem.endswith(f"-{u[:8]}")]
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            cameras = book["Camera hiện có"].max_row - 2
            needs = book["Nhu cầu lắp mới"].max_row - 2
        finally:
            book.close()
        assert cameras == live_cameras(demo, "owner_unit_id = ?", (unit,)), path.name
        assert (
            needs
            == demo.db.execute(
                "SELECT count(*) FROM needs n JOIN sites s ON s.id = n.site_id "
                "WHERE n.deleted = 0 AND s.unit_id = ?",
                [unit],
            ).fetchone()[0]
        ), path.name
        needs_total += needs
    assert (
        needs_total
        == demo.db.execute(
            "SELECT count(*) FROM needs n JOIN sites s ON s.id = n.site_id "
            "WHERE n.deleted = 0 AND s.unit_id IS NOT NULL"
        ).fetchone()[0]
    )


def test_a_unit_filter_and_the_per_unit_run_agree(demo: Workspace, tmp_path: Path) -> None:
    written = write_reports(
        demo.db, "unit", "xlsx", tmp_path, where=["commune=Phường Ba Đình"], draft=True
    )
    units = demo.db.execute(
        "SELECT owner_unit_id FROM cameras WHERE deleted = 0 AND commune_code = '00004' UNION "
        "SELECT s.unit_id FROM needs n JOIN sites s ON s.id = n.site_id "
        "WHERE n.deleted = 0 AND s.commune_code = '00004' AND s.unit_id IS NOT NULL"
    ).fetchall()
    assert len(written.paths) == len(units) > 1
    total = 0
    for path in written.paths:
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            total += book["Camera hiện có"].max_row - 2
        finally:
            book.close()
    assert total == live_cameras(demo, "commune_code = '00004'")


def test_existing_files_are_refused_unless_replacing(demo: Workspace, tmp_path: Path) -> None:
    plan = plan_reports(demo.db, "commune", "xlsx", ["commune=00004", "commune=00008"], draft=True)
    assert [p.file_name for p in plan.parts] == [
        "bao-cao-phuong-ba-dinh-00004.xlsx",
        "bao-cao-phuong-ngoc-ha-00008.xlsx",
    ]
    (tmp_path / plan.parts[0].file_name).write_bytes(b"")  # empty: replaced without asking
    (tmp_path / plan.parts[1].file_name).write_bytes(b"someone's file")
    assert existing_files(tmp_path, plan) == [tmp_path / plan.parts[1].file_name]
    with pytest.raises(ReportError, match="đã có 1 tệp cùng tên"):
        write_reports(demo.db, "commune", "xlsx", tmp_path, plan=plan, draft=True)
    assert (tmp_path / plan.parts[1].file_name).read_bytes() == b"someone's file"
    assert (tmp_path / plan.parts[0].file_name).read_bytes() == b""
    written = write_reports(
        demo.db, "commune", "xlsx", tmp_path, plan=plan, overwrite=True, draft=True
    )
    for path in written.paths:
        openpyxl.load_workbook(path, read_only=True).close()


def test_bad_choices_are_refused_in_words(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="theo 'ward'"):
        plan_reports(demo.db, "ward", "pdf", draft=True)
    with pytest.raises(ReportError, match="chỉ lập dạng pdf, xlsx, không 'csv'"):
        plan_reports(demo.db, "unit", "csv", draft=True)
    a_file = tmp_path / "a file"
    a_file.write_text("x")
    with pytest.raises(ReportError, match="không phải là thư mục"):
        write_reports(demo.db, "unit", "pdf", a_file, draft=True)
    with pytest.raises(ReportError, match="Không tạo được thư mục"):
        write_reports(demo.db, "unit", "pdf", a_file / "inside", draft=True)


def test_a_cancel_keeps_the_finished_documents_whole(demo: Workspace, tmp_path: Path) -> None:
    seen: list[str] = []

    def progress(done: int, total: int, what: object) -> None:
        seen.append(str(what))

    def cancel() -> bool:  # once the second document has begun
        return len(set(seen) - {"OK"}) > 1

    folder = tmp_path / "out"
    with pytest.raises(PerReportCancelled) as raised:
        write_reports(demo.db, "unit", "pdf", folder, progress=progress, cancel=cancel, draft=True)
    assert len(raised.value.written) == 1
    assert list(folder.iterdir()) == list(raised.value.written)  # no temporary file left
    assert raised.value.written[0].read_bytes().rstrip().endswith(b"%%EOF")
    assert "đã ghi 1 trong" in str(raised.value)


def test_what_cameras_see_is_worked_out_once_per_run_and_matches_a_single_report(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldsurvey.core.office import coverage
    from fieldsurvey.core.reports.writing import write_report

    calls = []
    real = coverage.need_coverage

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(coverage, "need_coverage", counted)
    written = write_reports(demo.db, "unit", "xlsx", tmp_path / "units", draft=True)
    assert len(written.paths) > 3 and len(calls) == 1

    def seen_column(path: Path) -> list[object]:
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            rows = list(book["Nhu cầu lắp mới"].iter_rows(values_only=True))
        finally:
            book.close()
        at = next(i for i, row in enumerate(rows) if "Camera hiện có đã thấy" in row)
        column = rows[at].index("Camera hiện có đã thấy")
        return [row[column] for row in rows[at + 1 :]]

    path = max(written.paths, key=lambda p: len(seen_column(p)))
    unit = path.stem.rsplit("-", 1)[1]
    (unit_id,) = demo.db.execute(
        "SELECT id FROM units WHERE substr(id, 1, 8) = ?", [unit]
    ).fetchone()
    alone = tmp_path / "alone.xlsx"
    write_report(
        demo.db, "xlsx", alone, where=Where(owners=(unit_id,), site_units=(unit_id,)), draft=True
    )
    assert len(calls) == 2  # a report of its own works it out itself
    assert len(seen_column(path)) > 5 and seen_column(path) == seen_column(alone)
