#!/usr/bin/env bash
# Create .venv and install the pinned dependencies. Usage: scripts/setup.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ "${1:-}" = "dev" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi
