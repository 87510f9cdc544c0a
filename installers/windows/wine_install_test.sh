#!/usr/bin/env bash
# Run the Windows installer under Wine (64-bit) as far as Wine allows, and its uninstaller:
#
#   installers/windows/wine_install_test.sh OUT_DIR/FieldSurvey-<version>-setup.exe
#
# Needs wine64 (Debian: apt-get install wine64). In a new Wine prefix set to Windows 10, it
# installs silently for the current user and checks the files, the Start-menu entries, the
# uninstall entry in HKCU, that the bundled Python is 3.12.9 with exactly the installation's
# paths (python312.zip, python\, app\) and that the installer compiled the app; then it puts a
# workspace in %LOCALAPPDATA%\FieldSurvey, uninstalls silently, and checks that everything the
# installer put there went and the workspace is still there, byte for byte.
#
# What Wine 8 cannot show: the app itself. Qt uses Windows' own ICU (icuuc.dll, Windows 10
# 1703+), cryptography's module imports bcryptprimitives.dll and NumPy calls ucrtbase's crealf;
# Wine 8 has none of them, so the app does not start under Wine. That is Wine's gap, not the
# installer's; the Windows workflow (.github/workflows/windows.yml) runs the app on Windows.
set -euo pipefail

setup=$(realpath "${1:?usage: wine_install_test.sh SETUP.exe}")
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
[ -x "$wine" ] || { echo "wine_install_test.sh needs wine64 (apt-get install wine64)" >&2; exit 2; }
started=$SECONDS
export WINEPREFIX
WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/fieldsurvey-wine.XXXXXX")
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineserver=$(dirname "$wine")/wineserver
trap '"$wineserver" -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
fail() {
    echo "FAIL $*" >&2
    exit 1
}

"$wine" wineboot -i >/dev/null 2>&1
"$wine" winecfg /v win10 >/dev/null 2>&1
"$wineserver" -w
user=$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -n 1)
local_app_data=$WINEPREFIX/drive_c/users/$user/AppData/Local
dir=$local_app_data/Programs/FieldSurvey
windows_dir="C:\\users\\$user\\AppData\\Local\\Programs\\FieldSurvey"
start_menu="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/FieldSurvey"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\FieldSurvey'

"$wine" "$setup" /S >/dev/null 2>&1
"$wineserver" -w
for file in FieldSurvey.exe fieldsurvey.cmd LICENSE.txt uninstall.exe python/python312.dll \
    python/pythonw.exe app/fieldsurvey/__main__.py; do
    [ -f "$dir/$file" ] || fail "not installed: $file"
done
ls "$start_menu"/*.lnk >/dev/null 2>&1 || fail "no Start-menu entries"
entries=$(cd "$start_menu" && ls -- *.lnk | tr '\n' ',')
"$wine" reg query "$key" /v DisplayVersion 2>/dev/null | grep -q DisplayVersion ||
    fail "no uninstall entry in HKCU"
compiled=$(find "$dir/app/fieldsurvey" -name '*.cpython-312.pyc' | wc -l)
[ "$compiled" -gt 100 ] || fail "the app was not compiled at install ($compiled .pyc files)"
paths=$("$wine" "$dir/python/python.exe" -c "import sys; print(sys.version.split()[0], *sys.path)" 2>/dev/null | tr -d '\r')
expected="3.12.9 $windows_dir\\python\\python312.zip $windows_dir\\python $windows_dir\\app"
[ "$paths" = "$expected" ] || fail "the bundled Python: got '$paths', expected '$expected'"
echo "ok   installed in $((SECONDS - started)) s: files, Start menu ($entries), HKCU uninstall entry," \
    "$compiled compiled modules, Python 3.12.9 with only the installation's paths"

mkdir -p "$local_app_data/FieldSurvey"
printf 'a workspace\n' >"$local_app_data/FieldSurvey/khao-sat.sqlite"
before=$(sha256sum "$local_app_data/FieldSurvey/khao-sat.sqlite")
"$wine" "$dir/uninstall.exe" /S >/dev/null 2>&1
"$wineserver" -w
[ ! -e "$dir" ] || fail "left after uninstalling: $(cd "$dir" && find . | head -n 5 | tr '\n' ' ')"
[ ! -e "$start_menu" ] || fail "Start-menu folder left after uninstalling"
if "$wine" reg query "$key" >/dev/null 2>&1; then fail "uninstall entry left in HKCU"; fi
[ "$(sha256sum "$local_app_data/FieldSurvey/khao-sat.sqlite")" = "$before" ] ||
    fail "the workspace in %LOCALAPPDATA%\\FieldSurvey changed or went"
echo "ok   uninstalled: the installation folder, Start-menu entries and HKCU entry gone;" \
    "the workspace kept ($((SECONDS - started)) s)"
