#!/usr/bin/env bash
# Build FieldSurvey for Linux from this checkout:
#
#   installers/build_linux.sh OUT_DIR
#
# writes OUT_DIR/fieldsurvey/ (the PyInstaller one-folder build: run OUT_DIR/fieldsurvey/fieldsurvey)
# and OUT_DIR/fieldsurvey_<version>_amd64.deb (the same folder in /opt/fieldsurvey, `fieldsurvey`
# on the PATH, a menu entry in Vietnamese and English, the icon). The build has its own virtual
# environment (the app's dependencies from pyproject.toml and PyInstaller), made in a temporary
# folder unless FIELDSURVEY_BUILD_VENV names one to reuse. Needs python3 (3.11+) with venv, and
# dpkg-deb. The package's Depends is checked against the system libraries the build really links
# (installers/linux/system_libraries.py): a library missing from it fails the build.
set -euo pipefail

out=${1:?usage: build_linux.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fieldsurvey-build.XXXXXX")
trap 'rm -rf "$work"' EXIT

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/src/fieldsurvey/__init__.py")
[ -n "$version" ] || { echo "no __version__ in src/fieldsurvey/__init__.py" >&2; exit 1; }
started=$SECONDS

# 1. The build environment: the app's runtime dependencies (not the app: it is frozen from src/).
venv=${FIELDSURVEY_BUILD_VENV:-$work/venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
python3 - "$root/pyproject.toml" >"$work/requirements.txt" <<'EOF'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["dependencies"]))
EOF
echo "pyinstaller>=6.10,<7" >>"$work/requirements.txt"
"$venv/bin/pip" install -q -r "$work/requirements.txt"
echo "build environment ready ($((SECONDS - started)) s)"

# 2. The one-folder build.
rm -rf "$out/fieldsurvey"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$out" --workpath "$work/pyinstaller" "$root/installers/fieldsurvey.spec"
echo "one-folder build: $out/fieldsurvey, $(du -sh "$out/fieldsurvey" | cut -f1) ($((SECONDS - started)) s)"

# 3. The .deb.
pkg=$work/deb
linux=$root/installers/linux
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
    "$pkg/usr/share/doc/fieldsurvey" "$pkg/usr/share/icons/hicolor/scalable/apps"
cp -a "$out/fieldsurvey" "$pkg/opt/fieldsurvey"
install -m 0755 "$linux/fieldsurvey.sh" "$pkg/usr/bin/fieldsurvey"
install -m 0755 "$linux/postrm" "$pkg/DEBIAN/postrm"
install -m 0644 "$linux/fieldsurvey.desktop" "$pkg/usr/share/applications/fieldsurvey.desktop"
install -m 0644 "$linux/fieldsurvey.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/fieldsurvey.svg"
for png in "$linux"/fieldsurvey-*.png; do
    size=$(basename "$png" .png)
    size=${size#fieldsurvey-}
    install -D -m 0644 "$png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/fieldsurvey.png"
done
cat "$root/LICENSE" "$linux/copyright-bundled.txt" >"$pkg/usr/share/doc/fieldsurvey/copyright"
chmod 0644 "$pkg/usr/share/doc/fieldsurvey/copyright"
# Read-only for everyone but root, whatever the build machine's umask.
chmod -R u+rwX,go+rX,go-w "$pkg"

python3 "$linux/system_libraries.py" "$pkg/opt/fieldsurvey" >"$work/libraries.txt"
glibc=$(sed -n 's/^glibc: >= //p' "$work/libraries.txt")
installed_size=$(du -sk --apparent-size "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@GLIBC@/$glibc/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    "$linux/control.in" >"$pkg/DEBIAN/control"
depends=$(sed -n '/^Depends:/,/^[A-Z]/p' "$pkg/DEBIAN/control" | sed '$d' | sed 's/^Depends://' | tr -d '\n')
if ! python3 "$linux/system_libraries.py" "$pkg/opt/fieldsurvey" --check-depends "$depends" >/dev/null; then
    echo "The build links system libraries whose packages installers/linux/control.in does not" >&2
    echo "name in Depends:" >&2
    cat "$work/libraries.txt" >&2
    exit 1
fi

deb=$out/fieldsurvey_${version}_amd64.deb
# zstd: seconds where xz takes minutes on two cores (dpkg reads it from Debian 12, Ubuntu 21.10);
# FIELDSURVEY_DEB_COMPRESSION="-Zxz -z9" makes the smallest file when time does not matter.
read -r -a compression <<<"${FIELDSURVEY_DEB_COMPRESSION:--Zzstd -z12}"
dpkg-deb --root-owner-group "${compression[@]}" --threads-max=2 --build "$pkg" "$deb" >/dev/null
echo "package: $deb, $(du -h "$deb" | cut -f1), installed size $((installed_size / 1024)) MiB ($((SECONDS - started)) s)"
