#!/usr/bin/env bash
# Create .venv and install the pinned dependencies; a second run only redoes what changed.
# Usage: scripts/setup.sh [dev]
#   (none)  .venv with requirements.txt: what serve.sh, check.sh and new.sh need
#   dev     also the test tools (requirements-dev.txt), the npm packages (package-lock.json:
#           the Nu HTML Checker, Lighthouse) and Chromium, for test.sh and check-content.sh
#
# Each install leaves a stamp holding the hash of what it installed from (the requirement
# files and the Python version; package-lock.json for npm). When the stamp still matches,
# the install is skipped, so a second run takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-run}
case "$kind" in run|dev) ;; *) echo "usage: scripts/setup.sh [dev]" >&2; exit 2 ;; esac

hash_of() { sha256sum "$@" | sha256sum | cut -d' ' -f1; }
python_id=$(python3 --version 2>&1)
run_hash=$( { echo "$python_id"; hash_of requirements.txt; } | sha256sum | cut -d' ' -f1)
dev_hash=$( { echo "$python_id"; hash_of requirements.txt requirements-dev.txt; } | sha256sum | cut -d' ' -f1)

if [ ! -x .venv/bin/python ]; then
  rm -f .venv/.setup-run .venv/.setup-dev
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
fi

stamp_is() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

if [ "$kind" = dev ]; then
  if ! stamp_is .venv/.setup-dev "$dev_hash"; then
    rm -f .venv/.setup-dev
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
    echo "$dev_hash" > .venv/.setup-dev
    echo "$run_hash" > .venv/.setup-run  # requirements-dev.txt includes requirements.txt
  fi
elif ! stamp_is .venv/.setup-run "$run_hash"; then
  rm -f .venv/.setup-run
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$run_hash" > .venv/.setup-run
fi

if [ "$kind" = dev ]; then
  # The Nu HTML Checker and Lighthouse come from npm, pinned in package-lock.json.
  lock_hash=$(hash_of package-lock.json)
  if ! stamp_is node_modules/.setup-npm "$lock_hash"; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" > node_modules/.setup-npm
  fi
  if [ ! -x /usr/bin/chromium ]; then
    # Browser tests use Debian's Chromium (Playwright cannot download browsers here).
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing: run 'sudo apt-get install chromium' first." >&2
      exit 1
    fi
  fi
fi
