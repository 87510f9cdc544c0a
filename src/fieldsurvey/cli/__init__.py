"""The `fieldsurvey` command line: one module per command group, added to the main group in
`cli.main` (thin click commands over fieldsurvey.core; no Qt imported here)."""
