#!/usr/bin/env bash
# Make a new course or glossary file from a commented template:
#   bash scripts/new.sh kursus "Håb og mod" [--mappe 2027-foraar]
#   bash scripts/new.sh ord "Levede erfaringer"
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "Værktøjerne er ikke installeret endnu: kør først 'bash scripts/setup.sh'." >&2
  exit 1
fi
export PYTHONPATH="hooks${PYTHONPATH:+:$PYTHONPATH}"
exec .venv/bin/python -m rskole new "$@"
