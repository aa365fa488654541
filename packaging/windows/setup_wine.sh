#!/usr/bin/env bash
# Installs what packaging/windows/build_installer.py, check_installer.py and
# check_signing.py need on Debian 12 (as root): 32- and 64-bit wine, Xvfb, and the Inno Setup 6
# compiler from the npm package "innosetup" (it ships ISCC.exe and the
# language files). Idempotent: when everything is there it returns at once.
#
#   bash packaging/windows/setup_wine.sh
#
# INNOSETUP_PREFIX picks where the compiler goes (default /opt/innosetup);
# ISCC.exe then is $INNOSETUP_PREFIX/node_modules/innosetup/bin/ISCC.exe.
set -euo pipefail

INNOSETUP_VERSION="6.4.1"
INNOSETUP_PREFIX="${INNOSETUP_PREFIX:-/opt/innosetup}"
export DEBIAN_FRONTEND=noninteractive

# Exit status when the Debian mirror cannot provide wine (see below): the
# caller tells it apart from a failure of ours.
EXIT_MIRROR_INCOMPLETE=75

# A mirror in the middle of a sync serves an index of the wrong size for a
# minute or two ("Mirror sync in progress?"): try again; after that, go on
# with the indexes that did arrive and remember that one did not.
index_incomplete=""
apt_update() {
  local attempt
  for attempt in 1 2 3; do
    apt-get update -q && return 0
    echo "apt-get update failed (attempt $attempt of 3)" >&2
    [ "$attempt" -lt 3 ] && sleep 20
  done
  index_incomplete=1
}

# ISCC.exe is a 32-bit program: wine64 alone runs it, but it fails (and still
# exits 0), so the i386 architecture and wine32 are needed.
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  dpkg --add-architecture i386
  need_update=1
fi

# xvfb and xauth for xvfb-run: the installer (Setup) needs an X display.
# osslsigncode and openssl for check_signing.py (a test certificate, no real one).
packages=(wine wine64 wine32:i386 xvfb xauth osslsigncode openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ] || [ -n "${need_update:-}" ]; then
  apt_update
fi
if [ "${#missing[@]}" -gt 0 ]; then
  # No recommends: they pull in fonts, GStreamer, CUPS, ... that neither ISCC
  # nor the silent installer needs.
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    if [ -n "$index_incomplete" ]; then
      # 32-bit libraries must be the very versions of their 64-bit twins; with
      # the i386 security index missing, apt cannot find them.
      echo "setup_wine: the Debian mirror's package index is incomplete (apt-get update" \
        "failed) and wine cannot be installed from what it has" >&2
      exit "$EXIT_MIRROR_INCOMPLETE"
    fi
    exit 1
  fi
fi

iscc="$INNOSETUP_PREFIX/node_modules/innosetup/bin/ISCC.exe"
installed_version=""
if [ -f "$INNOSETUP_PREFIX/node_modules/innosetup/package.json" ]; then
  installed_version="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
    "$INNOSETUP_PREFIX/node_modules/innosetup/package.json" | head -n 1)"
fi
if [ ! -f "$iscc" ] || [ "$installed_version" != "$INNOSETUP_VERSION" ]; then
  mkdir -p "$INNOSETUP_PREFIX"
  npm install --prefix "$INNOSETUP_PREFIX" --no-save --ignore-scripts --no-audit --no-fund \
    --loglevel=error "innosetup@$INNOSETUP_VERSION"
fi
test -f "$iscc"

echo "wine: $(wine --version 2>/dev/null)"
echo "ISCC: $iscc (Inno Setup $INNOSETUP_VERSION)"
