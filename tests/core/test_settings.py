"""The user's options file: written whole, and read back safely whatever it holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldsurvey.core import settings


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(settings.HOME_VARIABLE, str(tmp_path))
    return tmp_path


def test_options_survive_a_save_and_a_load() -> None:
    saved = settings.Settings(
        user_name="Nguyễn Văn An",
        user_unit="Công an phường Hoàn Kiếm",
        user_role="office",
        gps_port="COM3",
        gps_baud=4800,
    )
    settings.save_settings(saved)
    assert settings.load_settings() == saved


@pytest.mark.parametrize(
    "raw",
    [
        {"gps_port": 7, "gps_baud": "fast"},
        {"gps_port": "x" * 5000, "gps_baud": 12345},
        {"gps_port": None, "gps_baud": None},
    ],
)
def test_a_hand_edited_gps_setting_falls_back_to_the_defaults(raw: dict[str, object]) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"user_name": "An", **raw}), encoding="utf-8")
    loaded = settings.load_settings()
    assert (loaded.user_name, loaded.gps_port, loaded.gps_baud) == ("An", "", 9600)


def test_the_cache_lives_under_the_portable_home(home: Path) -> None:
    assert settings.cache_dir() == home / "cache"


@pytest.mark.parametrize("role", ["admin", 3, None])
def test_a_hand_edited_role_is_forgotten(role: object) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"user_name": "An", "user_role": role}), encoding="utf-8")
    loaded = settings.load_settings()
    assert (loaded.user_name, loaded.user_role) == ("An", "")


def test_where_the_person_was_is_kept_per_workspace_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    place = settings.Place(
        record=("cameras", "c-1"),
        tab="cameras",
        filters={"text": "hồ gươm", "commune": "00070"},
        map_view=(21.03, 105.85, 16),
        sorts={"sites": ("commune", True), "cameras": ("name", False)},
    )
    settings.save_place(first, place)
    settings.save_place(second, settings.Place())
    assert settings.load_place(first) == place
    assert settings.load_place(second) == settings.Place()
    assert settings.load_place(tmp_path / "never.sqlite") is None
    settings.forget_place(first)
    assert settings.load_place(first) is None


def test_only_the_latest_workspaces_places_are_kept(tmp_path: Path) -> None:
    for number in range(settings.MAX_PLACES + 3):
        settings.save_place(tmp_path / f"{number}.sqlite", settings.Place(tab="cameras"))
    assert settings.load_place(tmp_path / "0.sqlite") is None
    assert settings.load_place(tmp_path / f"{settings.MAX_PLACES + 2}.sqlite") is not None


def test_a_hand_edited_place_keeps_only_what_makes_sense(tmp_path: Path) -> None:
    path = settings.places_path()
    path.parent.mkdir(parents=True)
    key = str((tmp_path / "a.sqlite").resolve())
    raw = {
        "record": ["changes", "x"],
        "tab": "needs",
        "filters": {"commune": "00070", "sql": "1; DROP", "text": 7},
        "map_view": [95, 105.8, 14],
        "sorts": {"sites": ["commune", "yes"], "needs": ["name", False], "cameras": ["site", True]},
    }
    path.write_text(json.dumps({key: raw}), encoding="utf-8")
    assert settings.load_place(tmp_path / "a.sqlite") == settings.Place(
        filters={"commune": "00070"}, sorts={"cameras": ("site", True)}
    )
    path.write_text("not json", encoding="utf-8")
    assert settings.load_place(tmp_path / "a.sqlite") is None
