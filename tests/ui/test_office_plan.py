"""The plan screen on a real demo office workspace: propose with progress, totals, filters that
never leave the buttons on a hidden item, accept / reject, and the plan's layer on the real map
page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from fieldsurvey.core import vocabulary
from fieldsurvey.core.office import plan
from fieldsurvey.core.store.workspace import Workspace
from fieldsurvey.ui.map_view import MapView
from fieldsurvey.ui.office.plan import PlanDialog
from fieldsurvey.ui.tables import ID_ROLE, rows_of, selected_id
from tests.helpers.page import js


def _column_of(table: QTableView, column: int) -> list[str]:
    model = rows_of(table)
    return [str(model.index(r, column).data()) for r in range(model.rowCount())]


@pytest.fixture
def dialog(qtbot: QtBot, demo: Workspace) -> Iterator[PlanDialog]:
    shown = PlanDialog(demo)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    yield shown


def test_proposing_fills_the_plan_and_its_totals(
    qtbot: QtBot, dialog: PlanDialog, demo: Workspace
) -> None:
    assert rows_of(dialog.items).rowCount() == 0
    assert not dialog.accept_button.isEnabled() and not dialog.reject_button.isEnabled()
    with qtbot.waitSignal(dialog.loaded, timeout=60_000):
        qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    items = plan.plan_items(demo.db)
    assert items and rows_of(dialog.items).rowCount() == len(items)
    totals = plan.totals(demo.db)
    new = totals["by_decision"]["new"]["items"]
    assert f"{new} camera lắp mới" in dialog.summary.text()
    assert str(totals["needs_served"]) in dialog.summary.text()
    phases = rows_of(dialog.by_phase)
    assert sum(int(phases.index(r, 1).data()) for r in range(phases.rowCount())) == len(items)
    # The filter keeps one decision; the labels are the plan's words, never codes.
    dialog.decision.setCurrentIndex(dialog.decision.findData("new"))
    assert set(_column_of(dialog.items, 0)) == {vocabulary.label("plan_decision", "new")}
    assert len(_column_of(dialog.items, 0)) == new


def test_a_decision_acts_on_the_item_shown_and_moves_on(
    qtbot: QtBot, dialog: PlanDialog, demo: Workspace
) -> None:
    plan.propose(demo)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    dialog.state.setCurrentIndex(dialog.state.findData("proposed"))
    dialog.items.selectRow(0)
    first = selected_id(dialog.items)
    assert dialog.accept_button.isEnabled()
    # A filter change that hides the selected item leaves nothing to act on.
    dialog.decision.setCurrentIndex(dialog.decision.findData("reuse"))
    dialog.state.setCurrentIndex(dialog.state.findData("rejected"))
    assert rows_of(dialog.items).rowCount() == 0 and not dialog.accept_button.isEnabled()
    dialog.decide("accepted")  # the shortcut with nothing shown: nothing happens
    assert plan.plan_items(demo.db, states=["accepted"]) == []
    dialog.decision.setCurrentIndex(0)
    dialog.state.setCurrentIndex(dialog.state.findData("proposed"))
    dialog.items.selectRow(0)
    first = selected_id(dialog.items)
    second = rows_of(dialog.items).index(1, 0).data(ID_ROLE)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    [accepted] = plan.plan_items(demo.db, states=["accepted"])
    assert accepted["id"] == first and accepted["decided_by"] == "tester"
    assert first not in [i["id"] for i in dialog.shown_items()]
    if second is not None:
        assert selected_id(dialog.items) == second
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert len(plan.plan_items(demo.db, states=["rejected"])) == 1


def test_the_plan_layer_draws_proposed_cameras_and_cones(qtbot: QtBot, demo: Workspace) -> None:
    plan.propose(demo)
    items = plan.plan_items(demo.db)
    new = sum(i["decision"] == "new" for i in items)
    view = MapView()
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    try:
        with qtbot.waitSignal(view.ready, timeout=60_000):
            view.show_workspace(demo)
        count = (
            "(function () { var n = 0; FSBoot.layers.plan.eachLayer(function (g) { "
            "n += g.getLayers().length; }); return n; })()"
        )
        assert js(qtbot, view, count) == 0  # read only when shown
        js(qtbot, view, "FSBoot.map.addLayer(FSBoot.layers.plan); 1")
        qtbot.waitUntil(lambda: js(qtbot, view, count) == len(items) + new, timeout=10_000)
        # Rejecting an item and reloading takes it off the shown layer.
        plan.decide(demo, [items[0]["id"]], "rejected")
        view.reload_cameras(demo)
        less = len(items) + new - (2 if items[0]["decision"] == "new" else 1)
        qtbot.waitUntil(lambda: js(qtbot, view, count) == less, timeout=10_000)
    finally:
        view.shutdown()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_coverage_lists_needs_with_the_cameras_that_see_them(qtbot: QtBot, demo: Workspace) -> None:
    from fieldsurvey.core.office.coverage import need_coverage, sites_without_cameras
    from fieldsurvey.ui.office.coverage import CoverageDialog

    dialog = CoverageDialog(demo)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20_000):
        dialog.show()
    covered = need_coverage(demo.db)
    seen = sum(any(c["direction_known"] for c in n["cameras"]) for n in covered)
    assert rows_of(dialog.needs).rowCount() == len(covered)
    dialog.seen.setCurrentIndex(dialog.seen.findData(False))
    assert rows_of(dialog.needs).rowCount() == len(covered) - seen
    assert set(_column_of(dialog.needs, 2)) == {"0"}
    dialog.seen.setCurrentIndex(dialog.seen.findData(True))
    assert rows_of(dialog.needs).rowCount() == seen > 0
    without = sites_without_cameras(demo.db)
    assert rows_of(dialog.sites).rowCount() == sum(len(v) for v in without.values())
    assert f"{seen} trong {len(covered)} nhu cầu" in dialog.summary.text()
    # A need is shown on the map on request.
    dialog.needs.selectRow(0)
    with qtbot.waitSignal(dialog.locate, timeout=1000) as located:
        qtbot.mouseClick(dialog.locate_button, Qt.MouseButton.LeftButton)
    need = next(n for n in covered if n["need"] == selected_id(dialog.needs))
    assert located.args == [need["lat"], need["lon"]]
