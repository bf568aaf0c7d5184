#!/usr/bin/env bash
# Set up (only what changed) and run the code tests: unit, build and browser tests, all on
# fixtures in tests/fixtures/. The school's own content is judged by scripts/check-content.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
bash scripts/setup-engines.sh  # ProperDocs and Zensical, for the engine comparison
# The browser scripts' logic in Node, under three time zones: the answers must not move.
for zone in Europe/Copenhagen America/Nuuk Asia/Tokyo; do
  TZ=$zone node --test tests/js/
done
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
