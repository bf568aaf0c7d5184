#!/usr/bin/env bash
# Set up and run the whole test suite: unit, build and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  # Browser tests use Debian's Chromium (Playwright cannot download browsers here).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' first." >&2
    exit 1
  fi
fi
bash scripts/setup.sh dev
# The Nu HTML Checker and Lighthouse come from npm, pinned in package-lock.json.
npm ci --no-audit --no-fund --loglevel=error
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
