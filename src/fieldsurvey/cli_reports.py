"""Report commands (no Qt imported here)."""

from __future__ import annotations
