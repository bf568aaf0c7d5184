"""A failed build, and a build killed mid-way, leave the last good site byte for byte."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

from sitekit import make_project, run_build


def snapshot(site):
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def sample_project(tmp_path):
    return make_project(tmp_path / "p", "portal")


def test_failed_build_keeps_last_good_site(sample_project):
    good = run_build(sample_project)
    assert good.returncode == 0, good.stderr
    before = snapshot(good.site)
    assert len(before) > 100
    course = next((sample_project / "courses").rglob("haab-i-hverdagen.yml"))
    course.write_text(course.read_text(encoding="utf-8").replace("themes:", "temaer:"), encoding="utf-8")
    bad = run_build(sample_project)
    assert bad.returncode != 0
    assert snapshot(good.site) == before
    assert not (sample_project / ".site.building").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_killed_build_keeps_last_good_site(sample_project, sig):
    good = run_build(sample_project)
    assert good.returncode == 0, good.stderr
    before = snapshot(good.site)
    env = dict(os.environ, PORTAL_TODAY="2026-11-22", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(sample_project / "mkdocs.yml"),
                             "-d", str(good.site)], cwd=sample_project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = sample_project / ".site.building"
    deadline = time.monotonic() + 60
    # Kill it once it has started writing pages into its staging folder.
    while time.monotonic() < deadline and proc.poll() is None:
        if staging.exists() and any(staging.rglob("*.html")):
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert snapshot(good.site) == before
    # The next build cleans up after the killed one and succeeds.
    again = run_build(sample_project)
    assert again.returncode == 0 and not staging.exists()


def test_headers_cover_exactly_the_sites_inline_scripts(spec_site):
    from rskole.headers import parse_netlify, script_hashes

    csp = parse_netlify((spec_site.site / "_headers").read_text())["Content-Security-Policy"]
    allowed = {part.rstrip(";") for part in csp.split() if part.startswith("'sha256-")}
    assert allowed == set().union(*(script_hashes(p.read_text(encoding="utf-8")) for p in spec_site.site.rglob("*.html")))
