#!/usr/bin/env bash
# Mutation testing of the core (hooks/rskole/) with mutmut, against the fast unit tests.
# Slow (minutes per module on two cores), so not part of scripts/test.sh.
#
#   bash scripts/mutation.sh                      # every module of the core
#   bash scripts/mutation.sh safety schedule      # only these modules (rskole.<name>)
#   bash scripts/mutation.sh --results            # the survivors of the last run
#   bash scripts/mutation.sh --score              # the last run's score and unlisted survivors
#
# mutmut works in .mutation/ (git-ignored): src/rskole is hooks/rskole (mutmut names mutants
# after the file path minus "src/", which must match the module name the tests import),
# and its mutated copies go to .mutation/mutants/. The source files are never changed.
# Survivors that no test can kill are listed, with the reason, in tests/mutation-equivalent.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
python=${PYTHON:-$repo/.venv/bin/python}
stage=$repo/.mutation
mkdir -p "$stage"
cd "$stage"
# Links to the repository (refreshed each run), and a pyproject whose test path finds the core in src/.
ln -sfn ../hooks src
for name in hooks tests docs schemas scripts theme .vscode .github .pre-commit-config.yaml README.md mkdocs.yml \
            requirements.txt requirements-dev.txt package.json package-lock.json; do
  ln -sfn "../$name" "$name"
done
sed 's/^pythonpath = \["hooks", /pythonpath = ["src", /' "$repo/pyproject.toml" > pyproject.toml
grep -q '^pythonpath = \["src", ' pyproject.toml || { echo "mutation.sh: pytest's pythonpath in pyproject.toml no longer starts with \"hooks\"" >&2; exit 1; }
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "--results" ]; then
  exec "$python" -m mutmut results
fi
if [ "${1:-}" = "--score" ]; then
  "$python" -m mutmut results --all true | "$python" "$repo/scripts/mutation_unlisted.py"
  exit 0
fi
# Sources and tests may have changed since the last run: start from fresh copies.
rm -rf mutants
# Named modules: mutate only those files (mutmut's only_mutate), which saves minutes.
if [ $# -gt 0 ]; then
  only=$(printf '"src/rskole/%s.py", ' "$@")
  sed -i "s|^\[tool.mutmut\]\$|[tool.mutmut]\nonly_mutate = [${only%, }]|" pyproject.toml
fi
"$python" -m mutmut run --max-children "${MUTMUT_CHILDREN:-2}"
# Score per module: killed among the mutants that were run, the survivors listed as
# equivalent in tests/mutation-equivalent.md, and every survivor neither killed nor listed.
"$python" -m mutmut results --all true | "$python" "$repo/scripts/mutation_unlisted.py"
