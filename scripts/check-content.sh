#!/usr/bin/env bash
# The content checks that gate publishing: what must hold for any valid content, run on the
# school's own courses/, glossary/ and content/. The content check (path:line: messages),
# a strict build with a page for every file, no broken link or anchor, valid HTML (the Nu
# HTML Checker), and axe-core on every page in Chromium with no request to another host.
# Usage: scripts/check-content.sh [pytest options], e.g. -m "not browser" to skip Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
bash scripts/setup-engines.sh  # ProperDocs and Zensical, for the engine comparison
bash scripts/check.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest tests/content "$@"
