"""The office's work: review, the inbox of imported packages, conflicts, duplicates,
inventories of existing cameras, coverage of needs, progress of the survey, the dashboard."""
