"""Review, conflict and progress commands (no Qt imported here)."""

from __future__ import annotations
