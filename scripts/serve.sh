#!/usr/bin/env bash
# Set up (only what changed since the last run) and serve the portal on http://127.0.0.1:8000/
# ("scripts/serve.sh build" builds into site/ instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "build" ]; then
  exec .venv/bin/mkdocs build --strict
fi
exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
