"""`python -m fieldsurvey` runs the `fieldsurvey` command."""

from fieldsurvey.cli.main import main

main()
