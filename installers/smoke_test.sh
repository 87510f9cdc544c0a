#!/usr/bin/env bash
# Start a frozen FieldSurvey the way a user's machine would and use it, headless:
#
#   installers/smoke_test.sh BUILD_DIR_OR_BINARY    (a one-folder build, or its executable,
#                                                   or the installed /usr/bin/fieldsurvey)
#
# Every command runs from an empty folder outside the source tree, in a clean environment
# (env -i: PATH, HOME, FIELDSURVEY_HOME, QT_QPA_PLATFORM=offscreen, the sandbox flag root needs,
# and a keyring backend that stores nothing), so nothing of a checkout or a developer's setup can
# stand in for what the build lacks. It runs `selftest` (the map loaded, a camera with a photo made
# in the window and found again after reopening, zero outside requests), `demo`, `report` in three
# formats and `places` (the basemap's place search). Each command's stderr is checked against the
# short list of lines Qt and Chromium print on a machine without a screen, GPU or D-Bus; any other
# line fails the test. SMOKE_ONLY=selftest runs the selftest alone.
set -euo pipefail

target=${1:?usage: smoke_test.sh BUILD_DIR_OR_BINARY}
# Windows (Git Bash on the Windows CI runner): the same test of fieldsurvey.exe; a Windows
# process needs a few of the system's variables even in a clean environment.
windows_env=()
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*)
        exe=.exe
        windows_env=(SYSTEMROOT="$SYSTEMROOT" WINDIR="$WINDIR" TEMP="$TEMP" TMP="$TMP")
        ;;
    *) exe= ;;
esac
if [ -d "$target" ]; then
    target=$target/fieldsurvey$exe
fi
binary=$(realpath "$target")
[ -x "$binary" ] || { echo "smoke test: $binary is not an executable" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fieldsurvey-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/run"
cd "$work/run"

# What a machine without a display, GPU, Vulkan or D-Bus makes Qt and Chromium say (extended
# regular expressions, whole lines). Nothing else may appear on stderr.
allowed=(
    'Detected locale "C" with character encoding "ANSI_X3\.4-1968", which is not UTF-8\.'
    'Qt depends on a UTF-8 locale, and has switched to "C\.UTF-8" instead\.'
    'If this causes problems, reconfigure your locale\. See the locale\(1\) manual'
    'for more information\.'
    'QRhiGles2: Failed to create (temporary )?context'
    'Failed to create RHI for backend: OpenGL'
    'This plugin does not support (createPlatformVulkanInstance|propagateSizeHints\(\))'
    'QVulkanInstance: Failed to initialize Vulkan'
    'GBM is not supported with the current configuration and Vulkan is not available\. Fallback to software rendering\.'
    'GPUInfo not initialized on GpuInfoUpdate'
    '\[[0-9:/.]+:ERROR:[^]]*dbus/bus\.cc:[0-9]+\] Failed to connect to the bus: .*'
    # Ours: the place search's first run indexes the basemap.
    'Đang lập chỉ mục địa danh / Building the place index…'
)
pattern=$(printf '^(%s)$|' "${allowed[@]}")
pattern=${pattern%|}

failures=0
run() {  # run NAME COMMAND...: the frozen app in the clean environment, stderr checked
    local name=$1
    shift
    local started=$SECONDS status=0
    env -i PATH=/usr/bin:/bin HOME="$work/home" FIELDSURVEY_HOME="$work/home/fieldsurvey" \
        QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox \
        PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "${windows_env[@]}" \
        "$binary" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
    local unexpected
    unexpected=$(grep -Ev "$pattern" "$work/$name.err" || true)
    if [ "$status" -ne 0 ]; then
        echo "FAIL $name: exit status $status" >&2
        cat "$work/$name.err" >&2
        failures=$((failures + 1))
    elif [ -n "$unexpected" ]; then
        echo "FAIL $name: unexpected lines on stderr:" >&2
        printf '%s\n' "$unexpected" >&2
        failures=$((failures + 1))
    else
        echo "ok   $name ($((SECONDS - started)) s)"
    fi
}

check() {  # check DESCRIPTION CONDITION...
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
    else
        echo "FAIL $what" >&2
        failures=$((failures + 1))
    fi
}

starts_with() {  # starts_with FILE TEXT: the file's first bytes
    [ -s "$1" ] && [ "$(head -c "${#2}" "$1")" = "$2" ]
}

echo "Smoke test of $binary (in $work/run)"
run selftest selftest
echo "     $(tail -n 1 "$work/selftest.out")"
check "selftest reports ok" grep -q '"ok": true' "$work/selftest.out"
check "selftest: zero outside requests" grep -q '"external_requests": 0,' "$work/selftest.out"

if [ "${SMOKE_ONLY:-}" != selftest ]; then
    run demo demo --db demo.sqlite --quiet
    check "demo workspace written" test -s demo.sqlite
    run report-xlsx report --db demo.sqlite --format xlsx --out report.xlsx --quiet
    check "XLSX report is a workbook (zip)" starts_with report.xlsx PK
    run report-pdf report --db demo.sqlite --format pdf --out report.pdf --lang en --quiet
    check "PDF report is a PDF" starts_with report.pdf %PDF-
    run report-gpkg report --db demo.sqlite --format gpkg --out report.gpkg --quiet
    check "GeoPackage report is SQLite" starts_with report.gpkg "SQLite format 3"
    run places places "hang bai" --json
    check "the basemap's place search finds Hàng Bài" grep -q '"name": "Phố Hàng Bài"' "$work/places.out"
fi

if [ "$failures" -ne 0 ]; then
    echo "Smoke test: $failures failure(s)" >&2
    exit 1
fi
echo "Smoke test passed"
