"""`python -m fieldsurvey` runs the `fieldsurvey` command."""

from fieldsurvey.cli import main

main()
