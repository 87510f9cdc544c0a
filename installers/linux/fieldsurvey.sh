#!/bin/bash
# /usr/bin/fieldsurvey: runs the app installed in /opt/fieldsurvey, with its arguments.
set -euo pipefail
exec /opt/fieldsurvey/fieldsurvey "$@"
