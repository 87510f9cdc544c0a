"""What several test modules share: the test data folder, demo office workspaces and the
packages between them (office.py), and reading a QtWebEngine page (page.py)."""

from pathlib import Path

# Real files copied into the repository, each folder with a note of its source.
DATA = Path(__file__).parents[1] / "data"
