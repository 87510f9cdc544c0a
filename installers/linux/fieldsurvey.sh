#!/bin/sh
# /usr/bin/fieldsurvey: the app installed in /opt/fieldsurvey (the frozen build finds its own
# files from its real location, so this runs it rather than linking to it).
exec /opt/fieldsurvey/fieldsurvey "$@"
