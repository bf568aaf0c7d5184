#!/usr/bin/env bash
# Check every course, teacher, place and glossary file with the build's own messages
# ("path:line: message"), in well under a second. Exit status 1 on problems, 0 if all is well.
# "bash scripts/check.sh --format github" writes GitHub Actions annotations instead (CI).
# Sets nothing up: run "bash scripts/setup.sh" (or scripts/serve.sh) once first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "Værktøjerne er ikke installeret endnu: kør først 'bash scripts/setup.sh'." >&2
  exit 1
fi
export PYTHONPATH="hooks${PYTHONPATH:+:$PYTHONPATH}"
exec .venv/bin/python -m rskole check "$@"
