"""Find bundled files the same way from a checkout, an installed package and a frozen build."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (installed as the ``fieldsurvey.resources`` package)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        base = Path(frozen_root) / "fieldsurvey" / "resources"
    else:
        base = Path(str(files("fieldsurvey.resources")))
    return base.joinpath(*parts)
