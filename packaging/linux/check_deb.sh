#!/usr/bin/env bash
# Install a ReleaseWriter .deb with apt, check it as a user meets it, then purge it.
#
#     bash packaging/linux/check_deb.sh [--no-install-recommends] dist/releasewriter_VERSION_ARCH.deb
#
# Runs as root on a Debian 12 (or later) machine that may be used up: it
# installs the package (apt fetches what Depends names), runs both commands
# from the PATH, starts the editor under Xvfb, validates the installed desktop
# file and metainfo, asks the MIME database what a draft is, and finally purges
# the package and checks that nothing of it is left.
#
# Prints one "ok", "skip" or "FAIL" line per check and exits 1 when any check
# failed. A check whose tool is missing (xvfb-run, desktop-file-validate,
# appstreamcli, gio) is skipped, except with CI=true, where it fails: CI
# installs them (xvfb xauth desktop-file-utils appstream libglib2.0-bin).
set -uo pipefail

recommends=()
if [ "${1:-}" = "--no-install-recommends" ]; then
  recommends=(--no-install-recommends)
  shift
fi
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 [--no-install-recommends] PACKAGE.deb" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$0: run as root (it installs and removes the package)" >&2
  exit 2
fi

deb="$(realpath "$1")"
package="releasewriter"
app_id="org.releasewriter.ReleaseWriter"
mime_type="application/x-releasewriter-draft"
desktop="/usr/share/applications/$app_id.desktop"
metainfo="/usr/share/metainfo/$app_id.metainfo.xml"
launchers=(/usr/bin/releasewriter /usr/bin/releasewriter-gui)
in_ci=false
[ "${CI:-}" = "true" ] && in_ci=true

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

ok() { echo "ok    $*"; }
fail() {
  echo "FAIL  $*"
  failures=$((failures + 1))
}
# A check that needs a tool: skipped without it, failed without it in CI.
have() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if $in_ci; then
    fail "$2: $1 is not installed (CI must have it)"
  else
    echo "skip  $2: $1 is not installed"
  fi
  return 1
}
# check NAME COMMAND...: ok when the command succeeds, else FAIL with its output.
check() {
  local name="$1"
  shift
  local output
  if output="$("$@" 2>&1)"; then
    ok "$name"
  else
    fail "$name (exit $?)"
    printf '%s\n' "$output" | tail -n 20 | sed 's/^/      /'
  fi
}

# A clean place for the commands' drafts, settings and logs.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_STATE_HOME="$work/home/state" XDG_CACHE_HOME="$work/home/cache"
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$HOME"
unset QT_QPA_PLATFORM  # the real xcb platform under Xvfb, not the tests' offscreen one
cd "$work" || exit 2

deb_version="$(dpkg-deb -f "$deb" Version)"
echo "Checking $(basename "$deb") (version $deb_version, $(du -h "$deb" | cut -f1))"

# -- install ------------------------------------------------------------------
install_log="$work/install.log"
if apt-get install -y -q --reinstall "${recommends[@]}" "$deb" >"$install_log" 2>&1 \
  || { apt-get update -q >>"$install_log" 2>&1 \
    && apt-get install -y -q --reinstall "${recommends[@]}" "$deb" >>"$install_log" 2>&1; }; then
  ok "apt-get install ./$(basename "$deb")"
else
  fail "apt-get install ./$(basename "$deb")"
  tail -n 20 "$install_log" | sed 's/^/      /'
  exit 1
fi
check "dpkg knows $package $deb_version" \
  test "$(dpkg-query -W -f='${Status} ${Version}' "$package")" = "install ok installed $deb_version"

runs_from_opt() { [ -x "$1" ] && [[ "$(readlink -f "$1")" == "/opt/$package/"* ]]; }
for launcher in "${launchers[@]}"; do
  check "$launcher is a link into /opt/$package" runs_from_opt "$launcher"
done

# -- the command line ------------------------------------------------------------
release_version="$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" 2>/dev/null | head -n 1)"
cli_version="$(releasewriter --version 2>&1)"
if [ -n "$release_version" ] && [ "$cli_version" = "ReleaseWriter $release_version" ]; then
  ok "releasewriter --version: $cli_version (the metainfo's release)"
else
  fail "releasewriter --version printed '$cli_version', the metainfo's release is '$release_version'"
fi
check "releasewriter self-test" releasewriter self-test

# -- the editor --------------------------------------------------------------------
draft="$work/sample.rwdraft"
older_draft="$work/sample.release.json"  # how drafts were named before 0.1.0
sample="$(find "/opt/$package" -path '*/samples/*.release.json' -print -quit)"
if [ -n "$sample" ]; then
  cp "$sample" "$draft"
  cp "$sample" "$older_draft"
else
  fail "no sample draft in /opt/$package"
fi
gui_starts() {
  # The editor prints "shown" once its window is up, then quits.
  local output
  output="$(timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" releasewriter-gui \
    --report-startup "$@" 2>&1)"
  local status=$?
  if [ $status -eq 0 ] && grep -qx "shown" <<<"$output"; then
    return 0
  fi
  printf 'exit %s\n%s\n' "$status" "$output"
  return 1
}
if have xvfb-run "releasewriter-gui under Xvfb"; then
  check "releasewriter-gui --report-startup --sample shows its window under Xvfb" \
    gui_starts --sample
  if [ -f "$draft" ]; then
    # As the desktop file starts it: Exec=releasewriter-gui %f
    check "releasewriter-gui FILE opens a draft given as its argument" gui_starts "$draft"
  fi
fi

# -- desktop integration ---------------------------------------------------------------
if have desktop-file-validate "desktop-file-validate"; then
  check "desktop-file-validate $desktop" desktop-file-validate "$desktop"
fi
if have appstreamcli "appstreamcli validate"; then
  check "appstreamcli validate --no-net $metainfo" appstreamcli validate --no-net "$metainfo"
fi
check "icons in the hicolor theme" \
  test -f "/usr/share/icons/hicolor/48x48/apps/$app_id.png" \
  -a -f "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
  -a -f "/usr/share/icons/hicolor/48x48/mimetypes/${mime_type/\//-}.png"
# The triggers of shared-mime-info and desktop-file-utils ran.
check "update-mime-database knows $mime_type" test -f "/usr/share/mime/$mime_type.xml"
if [ -f /usr/share/applications/mimeinfo.cache ]; then
  check "the desktop database opens $mime_type with $app_id.desktop" \
    grep -q "^$mime_type=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache
fi
if [ -f "$draft" ] && have gio "the MIME type of a draft"; then
  for file in "$draft" "$older_draft"; do
    content_type="$(gio info -a standard::content-type "$file" 2>&1 | sed -n 's/.*content-type: //p')"
    if [ "$content_type" = "$mime_type" ]; then
      ok "gio: $(basename "$file") is $content_type"
    else
      fail "gio: $(basename "$file") is '$content_type', not $mime_type"
    fi
  done
fi

# -- removal ----------------------------------------------------------------------
if apt-get purge -y -q "$package" >"$work/purge.log" 2>&1; then
  ok "apt-get purge $package"
else
  fail "apt-get purge $package"
  tail -n 20 "$work/purge.log" | sed 's/^/      /'
fi
left=()
for path in "/opt/$package" "${launchers[@]}" "$desktop" "$metainfo" \
  "/usr/share/mime/packages/$package.xml" "/usr/share/mime/$mime_type.xml" \
  "/usr/share/doc/$package" "/usr/share/icons/hicolor/48x48/apps/$app_id.png"; do
  if [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done
if [ ${#left[@]} -eq 0 ]; then
  ok "nothing of $package is left after the purge"
else
  fail "left after the purge: ${left[*]}"
fi

if [ $failures -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "All checks passed."
