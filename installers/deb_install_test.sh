#!/usr/bin/env bash
# Install the .deb as a ward office's administrator would, use it, remove it:
#
#   installers/deb_install_test.sh OUT_DIR/fieldsurvey_<version>_amd64.deb      (as root)
#
# installs the Depends that are missing (apt-get), then the package with dpkg -i; checks the
# command on the PATH, the menu entry and the icon; runs the installed `fieldsurvey selftest`
# in the smoke test's clean environment; makes a workspace in a user's data folder
# (~/.local/share/FieldSurvey) with the installed app; removes the package with dpkg -r and
# checks that the app is gone and the workspace is still there, byte for byte, and opens.
set -euo pipefail

deb=$(realpath "${1:?usage: deb_install_test.sh PACKAGE.deb}")
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" = 0 ] || { echo "deb_install_test.sh installs a package: run it as root" >&2; exit 2; }
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/fieldsurvey-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The first choice of each Depends entry that no installed package satisfies.
missing=()
while read -r entry; do
    satisfied=0
    for choice in ${entry//|/ }; do
        dpkg -s "$choice" >/dev/null 2>&1 && satisfied=1
    done
    [ "$satisfied" = 1 ] || missing+=("${entry%%|*}")
done < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/ //g' | grep .)
if ((${#missing[@]})); then
    echo "Installing the package's dependencies: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dpkg -i "$deb" >/dev/null
version=$(dpkg-deb -f "$deb" Version)
fail() {
    echo "FAIL $*" >&2
    exit 1
}
[ "$(dpkg-query -W -f '${Status}' fieldsurvey)" = "install ok installed" ] || fail "not installed"
[ "$(command -v fieldsurvey)" = /usr/bin/fieldsurvey ] || fail "fieldsurvey is not on the PATH"
[ -f /usr/share/applications/fieldsurvey.desktop ] || fail "no menu entry"
grep -q '^Name\[vi\]\|^GenericName\[vi\]' /usr/share/applications/fieldsurvey.desktop ||
    fail "the menu entry has no Vietnamese name"
[ -f /usr/share/icons/hicolor/scalable/apps/fieldsurvey.svg ] || fail "no icon"
clean_env=(env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring)
shown=$(cd / && "${clean_env[@]}" HOME="$work" fieldsurvey --version)
[ "$shown" = "fieldsurvey, version $version" ] || fail "fieldsurvey --version says: $shown"
echo "ok   installed $version: /usr/bin/fieldsurvey, menu entry, icon ($((SECONDS - started)) s)"

SMOKE_ONLY=selftest "$here/smoke_test.sh" /usr/bin/fieldsurvey

# A user's workspace in the app's data folder (FIELDSURVEY_HOME unset: the platform's folders).
home=$work/user
mkdir -p "$home"
workspace=$home/.local/share/FieldSurvey/khao-sat.sqlite
mkdir -p "$(dirname "$workspace")"
(cd "$home" && "${clean_env[@]}" HOME="$home" fieldsurvey demo --db "$workspace" --quiet)
before=$(sha256sum "$workspace" | cut -d' ' -f1)
data_files=$(find "$home" -type f | wc -l)

dpkg -r fieldsurvey >/dev/null
[ ! -e /usr/bin/fieldsurvey ] || fail "/usr/bin/fieldsurvey left after dpkg -r"
[ ! -e /opt/fieldsurvey ] || fail "/opt/fieldsurvey left after dpkg -r"
[ ! -e /usr/share/applications/fieldsurvey.desktop ] || fail "menu entry left after dpkg -r"
[ -f "$workspace" ] || fail "the user's workspace was removed with the package"
[ "$(sha256sum "$workspace" | cut -d' ' -f1)" = "$before" ] || fail "the workspace changed"
[ "$(find "$home" -type f | wc -l)" = "$data_files" ] || fail "files of the user's folders went"
python3 - "$workspace" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
print(f"ok   workspace kept: {db.execute('SELECT count(*) FROM cameras').fetchone()[0]} cameras")
EOF
echo "ok   removed with dpkg -r; the user's $data_files files are all still there ($((SECONDS - started)) s)"
