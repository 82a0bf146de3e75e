#!/usr/bin/env bash
# Smoke test of the frozen Linux app, then of the installed .deb (run by .ci/run after
# `python3 dev.py package`, inside a D-Bus session with an unlocked gnome-keyring).
#
#   bash packaging/smoke_test.sh            # bundle in dist/icanal-desktop, .deb in dist/
#
# For each of the bundle and the installed /usr/bin/icanal-desktop: `--version`, then
# `--self-test` (icanal_desktop/gui/self_test.py) against a sandbox process: the app starts
# offscreen, shows the sign-in window, signs in through the real dialog and does a keyring
# round trip with the real CredentialStore. It fails when the bundle's keyring falls back to
# `fail` (or any insecure backend), when sign-in fails, or when the French translation or the
# SVG icons do not load. The bundle also runs `--self-test --demo` (its embedded sandbox).
# The .deb part needs root (CI is root); elsewhere it is skipped, and fails under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${ICANAL_SMOKE_BUNDLE:-dist/icanal-desktop}/icanal-desktop  # another bundle to check
deb=${ICANAL_SMOKE_DEB:-$(ls dist/icanal-desktop_*_amd64.deb 2>/dev/null | head -1 || true)}
login=demo@icanal.example
password=Demo-2026!
work=$(mktemp -d)
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
[ -x "$bundle" ] || fail "no bundle at $bundle (run: python3 dev.py package)"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no D-Bus session: run inside dbus-run-session with gnome-keyring (see .ci/run)"
export QT_QPA_PLATFORM=offscreen

# A sandbox process of the source tree, for the app to sign in to.
.venv/bin/icanal-sandbox --host 127.0.0.1 --port 0 --db "$work/sandbox.sqlite3" --seed demo \
  >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's/^listening on //p' "$work/sandbox.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/sandbox.log" >&2; fail "the sandbox did not start"; }
echo "smoke: sandbox at $url"

check_version() {  # $1: the program
  local out
  out=$("$1" --version) || fail "$1 --version failed"
  [ "$out" = "iCanal Desktop $(sed -n 's/^__version__ = "\(.*\)"/\1/p' icanal_desktop/__init__.py)" ] \
    || fail "$1 --version said: $out"
  echo "smoke: $1 --version -> $out"
}

self_test() {  # $1: the program, $2: a name for the report, then extra arguments
  local program=$1 name=$2
  shift 2
  local report="$work/$name.json"
  if ! printf '%s\n' "$password" | timeout 180 "$program" --self-test --password-stdin "$@" \
      >"$report" 2>"$work/$name.err"; then
    cat "$report" "$work/$name.err" >&2
    fail "$name: the self-test failed"
  fi
  python3 - "$report" "$name" <<'EOF'
import json
import sys

report = json.load(open(sys.argv[1]))
name = sys.argv[2]
problems = []
if not report.get("frozen"):
    problems.append("not the frozen app")
if report.get("keyring_backend", "").endswith(("fail.Keyring", "null.Keyring")):
    problems.append(f"keyring fell back to {report['keyring_backend']}")
if not report.get("keyring_round_trip"):
    problems.append("no keyring round trip")
if not report.get("signed_in_as"):
    problems.append("did not sign in")
if report.get("bill_pdf_bytes", 0) < 500:
    problems.append("no bill PDF")
if report.get("translations", 0) < 1:
    problems.append("French translation not loaded")
if problems or not report.get("ok"):
    print(json.dumps(report, indent=2), file=sys.stderr)
    sys.exit(f"smoke: FAILED: {name}: {', '.join(problems) or report.get('errors')}")
print(
    f"smoke: {name}: signed in as {report['signed_in_as']}, keyring "
    f"{report['keyring_backend']} round trip ok, window '{report['window_title']}'"
)
EOF
}

# 1. The bundle, as built.
check_version "$bundle"
self_test "$bundle" bundle --server "$url" --login "$login" --lang fr
self_test "$bundle" bundle-demo --demo --lang fr

# 2. The .deb: install (with its dependencies), run from the installed path, remove.
# Installing needs root: CI is root; elsewhere password-less sudo is used for apt and dpkg
# only (the app itself runs as the user, on the user's D-Bus session and keyring).
as_root=()
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    [ "${CI:-}" = true ] && fail "the .deb install test needs root"
    echo "smoke: not root: .deb install test skipped"
    exit 0
  fi
fi
[ -n "$deb" ] || fail "no .deb in dist/"
dpkg-query -W -f='${Status}' icanal-desktop 2>/dev/null | grep -q "ok installed" \
  && fail "icanal-desktop is already installed here; remove it first (dpkg --purge icanal-desktop)"
echo "smoke: installing $deb"
install_deb() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$(realpath "$deb")" >/dev/null
}
install_deb || { "${as_root[@]}" apt-get update -qq && install_deb; } || fail "the .deb did not install"
trap '"${as_root[@]}" dpkg --purge icanal-desktop >/dev/null 2>&1 || true; cleanup' EXIT
[ "$(command -v icanal-desktop)" = /usr/bin/icanal-desktop ] || fail "no /usr/bin/icanal-desktop"
[ -x /opt/icanal-desktop/icanal-desktop ] || fail "nothing in /opt/icanal-desktop"
[ -f /usr/share/applications/icanal-desktop.desktop ] || fail "no .desktop entry"
[ -f /usr/share/icons/hicolor/scalable/apps/icanal-desktop.svg ] || fail "no icon"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/icanal-desktop.desktop
fi
check_version icanal-desktop
self_test /usr/bin/icanal-desktop installed --server "$url" --login "$login" --lang fr
"${as_root[@]}" dpkg --purge icanal-desktop >/dev/null
[ ! -e /opt/icanal-desktop ] && [ ! -e /usr/bin/icanal-desktop ] \
  && [ ! -e /usr/share/applications/icanal-desktop.desktop ] || fail "files left after removal"
echo "smoke: .deb installed, ran and removed"
echo "smoke: all passed"
