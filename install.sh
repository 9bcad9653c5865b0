#!/usr/bin/env bash
# Set up briefing on a fresh Debian machine with Python 3.11:
#   - the system libraries WeasyPrint draws PDFs with (Pango, HarfBuzz's font
#     subsetter), when missing;
#   - a virtual environment in .venv with briefing installed in it.
# Usage: ./install.sh           the tool
#        ./install.sh --test    the tool and what its tests need
set -euo pipefail
cd "$(dirname "$0")"

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)  # not on a normal user's PATH on Debian
need_apt=()
"$ldconfig" -p 2>/dev/null | grep -q 'libpango-1.0.so' || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
"$ldconfig" -p 2>/dev/null | grep -q 'libharfbuzz-subset.so' || need_apt+=(libharfbuzz-subset0)
python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "install.sh: installing system packages: ${need_apt[*]}"
    # Wait (up to 10 minutes) rather than fail when another program holds apt's lock.
    wait_lock=(-o DPkg::Lock::Timeout=600)
    if as_root fuser /var/lib/dpkg/lock-frontend /var/lib/apt/lists/lock >/dev/null 2>&1; then
      echo "install.sh: another program is using the package manager; waiting for it to finish"
    fi
    as_root apt-get "${wait_lock[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get "${wait_lock[@]}" install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "install.sh: please install with your package manager: ${need_apt[*]}" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# setuptools warns at length that an editable install can be shadowed by a folder
# named like the package; this checkout is that folder, so the warning says nothing.
PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install --quiet --editable ".${extras}"
echo "install.sh: ready: .venv/bin/briefing"
