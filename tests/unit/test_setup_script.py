"""scripts/setup.sh installs only what changed: a second run (as serve.sh and test.sh make
it) skips pip and npm while the stamps match the requirement files and package-lock.json.

python3, pip and npm are stand-ins that log their calls, so the test runs offline in a
fraction of a second; the script under test is the repository's own."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FAKE_PYTHON3 = """#!/bin/sh
# python3 --version | python3 -m venv DIR
echo "python3 $*" >> "$SETUP_LOG"
if [ "$1" = --version ]; then echo "Python 3.11.99"; exit 0; fi
mkdir -p "$3/bin"
cat > "$3/bin/python" <<'PY'
#!/bin/sh
echo "venv-python $*" >> "$SETUP_LOG"
[ -z "$FAIL_PIP" ]
PY
chmod +x "$3/bin/python"
"""

FAKE_NPM = """#!/bin/sh
echo "npm $*" >> "$SETUP_LOG"
rm -rf node_modules && mkdir node_modules
"""


@pytest.fixture
def setup(tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("setup.sh dev wants Chromium at /usr/bin/chromium")
    root = tmp_path / "p"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "setup.sh", root / "scripts" / "setup.sh")
    for name in ("requirements.txt", "requirements-dev.txt", "package-lock.json"):
        shutil.copy(REPO / name, root / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("python3", FAKE_PYTHON3), ("npm", FAKE_NPM)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "log"

    def run(*args: str, **env: str) -> list[str]:
        """Run setup.sh; the installs it made (not the version queries)."""
        log.write_text("")
        environ = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SETUP_LOG=str(log), **env)
        proc = subprocess.run(["bash", "scripts/setup.sh", *args], cwd=root, env=environ, capture_output=True, text=True, timeout=30)
        calls = [line for line in log.read_text().splitlines() if line != "python3 --version"]
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, "setup.sh", proc.stdout, proc.stderr + "\n".join(calls))
        return calls

    run.root = root
    return run


def pip_installs(calls: list[str]) -> list[str]:
    return [c.split(" -r ")[1] for c in calls if " pip install " in c and " -r " in c]


def test_second_run_installs_nothing(setup):
    first = setup()
    assert "python3 -m venv .venv" in first
    assert pip_installs(first) == ["requirements.txt"]
    started = time.monotonic()
    assert setup() == []
    assert time.monotonic() - started < 5


def test_changed_requirements_are_installed_again(setup):
    setup()
    with open(setup.root / "requirements.txt", "a") as f:
        f.write("# a new pin\n")
    calls = setup()
    assert pip_installs(calls) == ["requirements.txt"]
    assert "python3 -m venv .venv" not in calls  # the venv is kept
    assert setup() == []


def test_dev_installs_test_tools_and_npm_once(setup):
    first = setup("dev")
    assert pip_installs(first) == ["requirements-dev.txt"]
    assert [c for c in first if c.startswith("npm ")] == ["npm ci --no-audit --no-fund --loglevel=error"]
    assert setup("dev") == []
    assert setup() == []  # the dev install includes requirements.txt
    (setup.root / "package-lock.json").write_text((setup.root / "package-lock.json").read_text() + "\n")
    assert [c.split()[0] for c in setup("dev")] == ["npm"]  # only npm, pip's stamp still matches


def test_a_failed_install_is_retried(setup):
    with pytest.raises(subprocess.CalledProcessError):
        setup(FAIL_PIP="1")
    assert pip_installs(setup()) == ["requirements.txt"]
    assert setup() == []
