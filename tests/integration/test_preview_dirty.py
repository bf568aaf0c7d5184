"""The fast preview (issue 17): under ``mkdocs serve --dirty`` a rebuild after one edit
rewrites only the pages whose inputs changed, and the site it leaves is the site a fresh
build of the edited content gives, page for page.

Both builds of the preview run in one process, as ``mkdocs serve`` runs them (its own
folder in the temp dir, ``on_startup`` with ``dirty=True``); the fresh build is an
ordinary ``mkdocs build`` in another process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitekit import make_project, run_build

SCRIPT = textwrap.dedent('''
    import json, os, sys, tempfile, time, logging
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    root, course = Path(sys.argv[1]), Path(sys.argv[2])
    site = tempfile.mkdtemp(prefix="mkdocs_")  # where mkdocs serve builds
    def once(dirty):
        config = load_config(str(root / "mkdocs.yml"), site_dir=site)
        if not dirty:
            config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=dirty)
    once(False)
    before = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in Path(site).rglob("*.html")}
    time.sleep(0.05)
    text = course.read_text(encoding="utf-8")
    old, new = sys.argv[3], sys.argv[4]
    assert old in text
    course.write_text(text.replace(old, new, 1), encoding="utf-8")
    once(True)
    after = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in Path(site).rglob("*.html")}
    rewritten = sorted(k for k in after if before.get(k) != after[k])
    print(json.dumps({"site": site, "rewritten": rewritten, "pages": len(after)}))
''')


#: An edit of the description changes only the course's own page; one of the summary
#: changes every page that shows the course's card too (the front page among them).
EDITS = {
    "description": ("description: |\n  ", "description: |\n  Forhåndsvisningsprøve. "),
    "summary": ("summary: Et roligt", "summary: Forhåndsvisningsprøve. Et roligt"),
}


def _preview(tmp_path, edit="description", **env_extra) -> tuple[Path, dict, Path]:
    root = make_project(tmp_path / "project", fixture="portal")
    course = root / "courses" / "hvad-er-recovery.yml"
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_TODAY"}
    env.update(NO_MKDOCS_2_WARNING="1", **env_extra)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(root), str(course), *EDITS[edit]], capture_output=True, text=True,
                          env=env, cwd=root, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return root, out, Path(out["site"])


@pytest.mark.parametrize("edit", list(EDITS))
def test_dirty_rebuild_rewrites_only_what_changed_and_matches_a_fresh_build(tmp_path, edit):
    root, out, preview = _preview(tmp_path, edit, PORTAL_TODAY="2026-11-22")
    try:
        # The edited course's page was rewritten; most pages were left alone.
        assert "kurser/hvad-er-recovery/index.html" in out["rewritten"]
        assert len(out["rewritten"]) < out["pages"] // 4, out["rewritten"]
        assert "Forhåndsvisningsprøve" in (preview / "kurser/hvad-er-recovery/index.html").read_text(encoding="utf-8")

        fresh = run_build(root, strict=False, site=tmp_path / "fresh")
        assert fresh.returncode == 0, fresh.stderr
        pages = sorted(p.relative_to(fresh.site).as_posix() for p in fresh.site.rglob("*.html"))
        assert pages == sorted(p.relative_to(preview).as_posix() for p in preview.rglob("*.html"))
        differ = [name for name in pages if (fresh.site / name).read_bytes() != (preview / name).read_bytes()]
        assert differ == []
        fresh_index = json.loads((fresh.site / "search/search_index.json").read_text(encoding="utf-8"))
        preview_index = json.loads((preview / "search/search_index.json").read_text(encoding="utf-8"))
        # The same search entries (in any order: a rebuild adds its pages at the end).
        def entries(index):
            return sorted(json.dumps(e, sort_keys=True) for e in index["docs"])
        fresh_entries, preview_entries = entries(fresh_index), entries(preview_index)
        missing = [json.loads(e)["location"] for e in fresh_entries if e not in preview_entries]
        extra = [json.loads(e)["location"] for e in preview_entries if e not in fresh_entries]
        assert (missing, extra) == ([], []) and preview_entries == fresh_entries
        for feed in ("kurser.json", "kalender.ics", "kurser/hvad-er-recovery.ics", "feed.xml"):
            assert (fresh.site / feed).read_bytes() == (preview / feed).read_bytes(), feed
    finally:
        import shutil
        shutil.rmtree(preview, ignore_errors=True)


def test_dirty_rebuild_under_the_running_clock_rewrites_only_what_changed(tmp_path):
    # An editor's preview has no PORTAL_TODAY: the clock moves between two rebuilds, and
    # pages whose views do not change with it must still be left alone.
    root, out, preview = _preview(tmp_path)
    try:
        assert "kurser/hvad-er-recovery/index.html" in out["rewritten"]
        assert len(out["rewritten"]) < out["pages"] // 4, out["rewritten"]
        assert "Forhåndsvisningsprøve" in (preview / "kurser/hvad-er-recovery/index.html").read_text(encoding="utf-8")
    finally:
        import shutil
        shutil.rmtree(preview, ignore_errors=True)
