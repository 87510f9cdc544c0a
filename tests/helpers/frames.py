"""Zstandard frames made wrong on purpose, for the checks of ``core/packing.py``."""

from __future__ import annotations

import zstandard


def claiming(frame: bytes, size: int) -> bytes:
    """``frame`` with its header's content size made ``size`` (written in the width the header
    already gives it, so the frame is otherwise the same): a frame that lies about its size."""
    descriptor = frame[4]
    single_segment = bool(descriptor & 0x20)
    at = 5 + (0 if single_segment else 1) + (0, 1, 2, 4)[descriptor & 3]
    width = (1 if single_segment else 0, 2, 4, 8)[descriptor >> 6]
    lying = frame[:at] + size.to_bytes(width, "little") + frame[at + width :]
    assert zstandard.get_frame_parameters(lying).content_size == size
    return lying
