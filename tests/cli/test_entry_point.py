"""The module that `python -m fieldsurvey` and the frozen build start."""

from __future__ import annotations

import multiprocessing
import runpy

import pytest

import fieldsurvey.cli.main as cli_main


def test_spawned_workers_are_recognised_before_the_command_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen build's photo worker starts the app's executable: ``freeze_support`` must see
    it before the command line parses the worker's arguments."""
    calls: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze_support"))
    monkeypatch.setattr(cli_main, "main", lambda: calls.append("main"))
    runpy.run_module("fieldsurvey", run_name="__main__")
    assert calls == ["freeze_support", "main"]
