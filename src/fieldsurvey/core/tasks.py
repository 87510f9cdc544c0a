"""Long work (imports, reports, the demo build, photo batches, inventories) reports progress and
can be cancelled the same way everywhere: the worker calls ``progress(done, total, what)`` now
and then and checks ``cancelled()``; when it is, it stops and leaves nothing half-done behind."""

from __future__ import annotations

from collections.abc import Callable

# progress(done, total, what): ``what`` is a short sentence for the status line ("" if none).
Progress = Callable[[int, int, str], None]
# cancelled(): True once the person asked to stop.
Cancel = Callable[[], bool]
