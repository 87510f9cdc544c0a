"""The sync package's format: its version and entries, the error sync raises, and the
device identity that signs what leaves."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldsurvey.core.errors import FieldSurveyError
from fieldsurvey.core.kinds import ReviewState
from fieldsurvey.core.messages import Message
from fieldsurvey.core.store.workspace import (
    Workspace,
)
from fieldsurvey.core.sync.package import Refusal
from fieldsurvey.core.trust import keys

log = logging.getLogger(__name__)


# Version 2: every change travels in its author's signed log (ledger.py); version 1 packages,
# whose changes nobody signed, are refused. Version 3: a change whose time is its clock's wall
# time (``workspace.clock_time``, every change FieldSurvey makes) travels without "at"; the
# reader puts it back before the change's digest is checked. Both are read.
FORMAT_VERSION = 3
SIGNED_LOG_FORMAT = 2
HEADS_ENTRY = "heads.json"
CHANGED_AFTER_APPROVAL = ReviewState.CHANGED_AFTER_APPROVAL
AUTHORS_ENTRY = "authors.json"
# The office's street basemap, offered to its surveyors: an opaque file to sync, checked and
# installed by what the caller hands over (the map room's ``basemaps.check``/``install``).
BASEMAP_ENTRY = "basemap.mbtiles"
BASEMAP_KEY = "basemap"
# A package stamped more than a day ahead of this machine's clock is held back, not applied:
# one wrong laptop clock would otherwise win every field for ever.
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000


class BasemapFacts(Protocol):
    """What sync needs to know of a street basemap (``basemaps.Basemap`` is one)."""

    @property
    def path(self) -> Path: ...

    @property
    def name(self) -> str: ...

    @property
    def date(self) -> str: ...

    @property
    def size(self) -> int: ...


class SyncError(FieldSurveyError):
    """A package cannot be exported or imported; the message says which check failed."""

    def __init__(self, message: Message | FieldSurveyError, reason: Refusal) -> None:
        """``message`` says which check failed; an error of another check (a key, a profile) is
        passed on with its own message."""
        said = message.message if isinstance(message, FieldSurveyError) else message
        super().__init__(said, code=reason)
        self.reason = reason


# -- identity ------------------------------------------------------------------------------------


def identity(ws: Workspace) -> keys.DeviceIdentity:
    """This workspace's device identity with its private keys (unlocked through the workspace,
    which asks for a passphrase if needed), made on first use."""
    return ws.identity()


def _signer(ws: Workspace) -> Any:
    def trusted(device_id: str) -> Ed25519PublicKey | None:
        peer = keys.trusted_peer(ws.db, device_id)
        return None if peer is None else Ed25519PublicKey.from_public_bytes(peer.signing_public)

    return trusted
