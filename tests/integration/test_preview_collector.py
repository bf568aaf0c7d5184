"""A served preview's rebuilds run without Python's collector, which runs after each one
(rskole.collector, wired in hooks/portal.py); a one-off build leaves it alone.

The builds run in one process, as ``mkdocs serve`` runs them (its own folder in the temp
dir), with the collector's passes counted by ``gc.callbacks``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from sitekit import make_project

SCRIPT = textwrap.dedent('''
    import gc, json, sys, tempfile, time, logging
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
    root, course = Path(sys.argv[1]), Path(sys.argv[2])
    seen = {}
    passes = []
    counting = [False]
    gc.callbacks.append(lambda phase, info: passes.append(info["generation"]) if phase == "start" and counting[0] else None)

    def once(site, first=False, dirty=False):
        config = load_config(str(root / "mkdocs.yml"), site_dir=site)
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        counting[0] = True
        try:
            build(config, dirty=dirty)
            return True
        except Exception:
            return False
        finally:
            counting[0] = False

    # A one-off build (staged beside its site folder): the collector is not touched.
    once(str(Path(tempfile.mkdtemp()) / "site"), first=True)
    collector = sys.modules["rskole.collector"].PREVIEW
    seen["one_off"] = {"enabled": gc.isenabled(), "builds": collector._builds}

    site = tempfile.mkdtemp(prefix="mkdocs_")  # where mkdocs serve builds
    once(site, first=True)
    seen["first"] = {"enabled": gc.isenabled()}
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("description: |\\n  ", "description: |\\n  Rettet. ", 1), encoding="utf-8")
    del passes[:]
    ok = once(site, dirty=True)
    seen["rebuild"] = {"ok": ok, "enabled": gc.isenabled(), "passes": len(passes),
                       "shown": "Rettet." in (Path(site) / "kurser/hvad-er-recovery/index.html").read_text(encoding="utf-8")}
    time.sleep(collector.delay + 1.0)
    seen["after"] = {"enabled": gc.isenabled(), "collections": collector.collections}

    # A rebuild that fails (a misspelt key) has ended too: the collector runs after it.
    course.write_text(text.replace("\\nthemes:", "\\ntemes:"), encoding="utf-8")
    ok = once(site, dirty=True)
    seen["failed"] = {"ok": ok, "enabled": gc.isenabled()}
    time.sleep(collector.delay + 1.0)
    seen["after_failed"] = {"enabled": gc.isenabled(), "collections": collector.collections}
    print(json.dumps(seen))
''')


def test_a_served_rebuild_runs_without_the_collector_and_it_runs_after(tmp_path):
    root = make_project(tmp_path / "project", fixture="portal")
    course = root / "courses" / "hvad-er-recovery.yml"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_TODAY="2026-11-22")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(root), str(course)], capture_output=True, text=True,
                          env=env, cwd=root, timeout=300)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["one_off"] == {"enabled": True, "builds": 0}
    assert seen["first"] == {"enabled": True}  # the preview's first build is an ordinary one
    # The rebuild shows the edit, and the collector made no passes during it (one may come
    # before the portal's on_config turns it off; with it on, a rebuild sets off about
    # 170 here) ...
    passes = seen["rebuild"].pop("passes")
    assert seen["rebuild"] == {"ok": True, "enabled": False, "shown": True}
    assert passes <= 1
    # ... which runs once, a moment after, and is on again.
    assert seen["after"] == {"enabled": True, "collections": 1}
    assert seen["failed"] == {"ok": False, "enabled": False}
    assert seen["after_failed"] == {"enabled": True, "collections": 2}
