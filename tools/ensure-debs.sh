#!/bin/sh
# Install the Debian packages a make target needs, and nothing when they are already here.
# Usage: tools/ensure-debs.sh site|test
# Each need is "check-command:package"; a need whose check passes costs one quick test.
set -eu
group=${1:?usage: tools/ensure-debs.sh site|test}

has_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
py_ok() { python3 -c "$1" >/dev/null 2>&1; }

missing=""
need() { missing="$missing $1"; }

case "$group" in
site)
  command -v cc >/dev/null && command -v make >/dev/null || need build-essential
  command -v pkg-config >/dev/null || need pkg-config
  py_ok 'import ensurepip, venv' || need python3-venv
  py_ok 'import sysconfig, os, sys; sys.exit(not os.path.exists(sysconfig.get_paths()["include"] + "/Python.h"))' || need python3-dev
  pkg-config --exists cairo 2>/dev/null || need libcairo2-dev
  pkg-config --exists pangocairo 2>/dev/null || need libpango1.0-dev
  command -v fc-list >/dev/null || need fontconfig
  fc-list 2>/dev/null | grep -q 'Noto Sans CJK SC' || need fonts-noto-cjk
  command -v node >/dev/null || need nodejs
  command -v npm >/dev/null || need npm
  ;;
test)
  command -v chromium >/dev/null || need chromium
  command -v pdftotext >/dev/null || need poppler-utils  # the PDF tests read the text with it
  ;;
*) echo "ensure-debs: unknown group '$group' (site or test)" >&2; exit 2 ;;
esac

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=""
elif command -v sudo >/dev/null; then sudo="sudo"
else echo "missing Debian packages:$missing (install them as root: apt-get install$missing)" >&2; exit 1
fi
echo "installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
{ $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends $missing; } >/tmp/ensure-debs.log 2>&1 || {
  echo "could not install Debian packages:$missing (see /tmp/ensure-debs.log; try: sudo apt-get install$missing)" >&2
  exit 1
}
