"""The Nu HTML Checker reports no errors on the built sites."""

from __future__ import annotations

import shutil
import subprocess

from sitekit import REPO, make_project, run_build

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from mkdocs-material itself and cannot be fixed from our templates.
KNOWN = [
    # base.html writes <input type="checkbox" ... autocomplete="off"> for its drawer and
    # search toggles outside any template block, so no override can reach them.
    'error: Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, '
    '“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.',
]


def vnu_errors(*sites) -> list[str]:
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker"
    assert VNU.is_file(), "run 'npm ci' (scripts/test.sh does) to install vnu-jar"
    proc = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu",
                           *map(str, sites)], capture_output=True, text=True, timeout=600)
    lines = [l for l in (proc.stdout + proc.stderr).splitlines() if l.strip()]
    return [l for l in lines if not any(l.endswith(k) for k in KNOWN)]


def test_built_sites_are_valid_html(sample_site, spec_site, tmp_path):
    hostile = run_build(make_project(tmp_path / "hostile", "hostile"))
    assert hostile.returncode == 0, hostile.stderr
    assert vnu_errors(sample_site.site, spec_site.site, hostile.site) == []


def test_checker_finds_errors(tmp_path):
    # The filter must not hide real errors: a broken page is reported.
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=da><title>x</title><p><div></span>")
    assert vnu_errors(tmp_path)
