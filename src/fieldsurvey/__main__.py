"""`python -m fieldsurvey` runs the `fieldsurvey` command; it is also the frozen build's entry.

The photo workers are spawned processes: in a frozen build they start this same executable, and
``freeze_support`` turns such a start into the worker instead of a second app (elsewhere it does
nothing).
"""

import multiprocessing

from fieldsurvey.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
