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
# --dirty: after an edit only the pages made from what changed are written again (the
# core decides, see README "Preview"); the result is the site a fresh build gives. Not
# --strict: MkDocs warns on every --dirty build, and strict mode would turn that into an
# error. Warnings still show; "scripts/serve.sh build" and CI build with --strict.
exec .venv/bin/mkdocs serve --dirty -a 127.0.0.1:8000
