#!/usr/bin/env bash
# The other engines the portal is proven on (tests/integration/test_engines.py and
# tests/content/test_engines.py): .venv-properdocs (ProperDocs with the hooks) and
# .venv-zensical (Zensical, which builds the compiled tree). A second run only redoes what
# changed: each venv keeps a stamp with the hash of its requirement files.
set -euo pipefail
cd "$(dirname "$0")/.."
python_id=$(python3 --version 2>&1)
for engine in properdocs zensical; do
  venv=".venv-$engine"
  files="requirements-$engine.txt"
  [ "$engine" = properdocs ] && files="$files requirements.txt"
  want=$( { echo "$python_id"; sha256sum $files; } | sha256sum | cut -d' ' -f1)
  if [ -f "$venv/.setup" ] && [ "$(cat "$venv/.setup")" = "$want" ]; then
    continue
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "requirements-$engine.txt"
  echo "$want" > "$venv/.setup"
done
