"""The office's screens, one module each: inbox, review, conflicts, progress and dashboard,
duplicates and merging, inventories, reports."""
