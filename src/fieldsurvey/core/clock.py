"""Hybrid logical clock: wall time in milliseconds plus a counter, so changes order causally
even when laptop clocks disagree."""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def physical_ms(clock: int) -> int:
    """The wall-time part of a clock value, in milliseconds since 1970."""
    return clock >> COUNTER_BITS


class HybridClock:
    """Issues strictly increasing clock values ``(ms << 16) | counter``.

    ``now`` is injected so tests and the demo builder get the same clock values every run.
    """

    def __init__(self, last: int = 0, now: Callable[[], int] = wall_ms) -> None:
        self._last = last
        self._now = now

    @property
    def last(self) -> int:
        return self._last

    def tick(self) -> int:
        """A new clock value for a local change."""
        candidate = self._now() << COUNTER_BITS
        self._last = candidate if candidate > self._last else self._last + 1
        return self._last

    def observe(self, remote: int) -> None:
        """Take a clock value seen in someone else's change into account."""
        if remote > self._last:
            self._last = remote
