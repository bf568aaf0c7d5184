"""`python -m rskole compile DIR`: the portal as an ordinary docs tree, and its wrong inputs."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from sitekit import make_project


def _compile(root, out, **env):
    return subprocess.run([sys.executable, "-m", "rskole", "-f", str(root / "mkdocs.yml"), "compile", str(out)],
                          capture_output=True, text=True, cwd=root, timeout=300,
                          env=dict(os.environ, PORTAL_TODAY="2027-03-01", PYTHONPATH=str(root / "hooks"), **env))


def test_compile_writes_pages_feeds_and_settings_without_hooks(tmp_path):
    root = make_project(tmp_path / "p", "spec-example")
    out = tmp_path / "out"
    proc = _compile(root, out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Skrev ")
    page = (out / "docs" / "kurser" / "haab" / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(page.split("---")[1])
    assert front["title"] == "Håb og recovery" and front["tags"][0] == "Kursus"
    assert '<script type="application/ld+json">' in page and 'class="rs-keyfacts' in page
    assert (out / "docs" / "kalender" / "index.md").is_file()  # kalender.md as its own folder
    assert (out / "docs" / "kurser.json").is_file() and (out / "docs" / "kurser" / "haab.ics").is_file()
    settings = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in settings and "docs_dir: docs" in settings and "portal_footer:" in settings
    # The editors' own files are copied, never changed.
    assert (root / "content" / "index.md").read_text(encoding="utf-8") in (out / "docs" / "index.md").read_text(encoding="utf-8")


def test_compile_refuses_the_projects_own_folder(tmp_path):
    root = make_project(tmp_path / "p", "spec-example")
    proc = _compile(root, root)
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("er projektets egen mappe; vælg en anden mappe at skrive i.")
    assert (root / "courses" / "haab.yml").is_file()


def test_compile_reports_broken_content_as_the_build_does(tmp_path):
    root = make_project(tmp_path / "p", "spec-example")
    course = root / "courses" / "haab.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("\nthemes:", "\ntemes:"), encoding="utf-8")
    out = tmp_path / "out"
    proc = _compile(root, out)
    assert proc.returncode == 1
    assert "courses/haab.yml:" in proc.stderr and "ukendt felt 'temes' (mente du 'themes'?)" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
