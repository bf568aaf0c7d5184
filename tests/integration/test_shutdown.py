"""What the adapter does as MkDocs' process ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_heap_is_frozen_when_mkdocs_shuts_down():
    # Frozen, the collector does not go over the build's objects while the interpreter
    # exits (the exit itself is timed by bench/run.py, not here).
    code = ("import gc, runpy; hooks = runpy.run_path('hooks/portal.py'); "
            "before = gc.get_freeze_count(); hooks['on_shutdown'](); "
            "print(before == 0 and gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "True", out.stderr
