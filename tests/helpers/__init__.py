"""What several test modules share: the test data folder, demo office workspaces and the
packages between them (office.py), reading a QtWebEngine page (page.py), and search() as it
asked m016's index (m016.py, which benchmarks/bench_search_index.py uses too)."""

from pathlib import Path

# Real files copied into the repository, each folder with a note of its source.
DATA = Path(__file__).parents[1] / "data"
