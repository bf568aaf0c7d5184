#!/usr/bin/env bash
# Show that the code tests do not read the school's content and that the content checks
# judge whatever content there is. On a throw-away copy of the project:
#   1. rewrite the sample courses' titles, texts and dates (scripts/mutate_sample.py);
#   2. the code tests still pass (the unit tests and one build test file);
#   3. the content checks pass on the new content (check, strict build, links, valid HTML);
#   4. one mistake added to it is caught by the check, with its file.
# Uses the tools set up in this project (scripts/setup.sh dev); the browser checks are left
# to scripts/check-content.sh, to keep CI short.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy=$work/project
mkdir "$copy"
tar -C "$here" --exclude=./.git --exclude=./.venv --exclude=./node_modules --exclude=./site \
    --exclude=./.site.building --exclude=__pycache__ --exclude=.pytest_cache --exclude=.hypothesis -cf - . \
  | tar -C "$copy" -xf -
ln -s "$here/.venv" "$copy/.venv"
ln -s "$here/node_modules" "$copy/node_modules"
cd "$copy"
export NO_MKDOCS_2_WARNING=1

echo "== rewriting the sample courses"
.venv/bin/python scripts/mutate_sample.py . --weeks "${MUTATE_WEEKS:-9}"
if git -C "$here" diff --no-index --quiet "$here/courses" "$copy/courses"; then
  echo "mutate_sample.py changed nothing" >&2
  exit 1
fi

echo "== the code tests still pass"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/unit tests/integration/test_sample_site.py

echo "== the content checks judge the new content"
bash scripts/check.sh
.venv/bin/python -m pytest -q -p no:cacheprovider tests/content -m "not browser"

echo "== a mistake in it is caught"
.venv/bin/python scripts/mutate_sample.py . --break
if bash scripts/check.sh > "$work/check.out" 2>&1; then
  echo "the check passed a course with a teacher that does not exist" >&2
  exit 1
fi
grep "findes-ikke" "$work/check.out"
echo "== the code tests do not depend on the content, and the content checks judge it"
