"""Content checks: what must hold for any valid content, run on the school's own content
(the project these tests live in: courses/, glossary/, content/ and mkdocs.yml).

They assert nothing about particular courses or terms, so an editor's ordinary edit passes
them as long as the content itself is sound. The publish workflow gates on these checks
only (scripts/check-content.sh); the code tests run on fixtures in tests/fixtures/.

The site is built as it would be published: for today in the site's timezone, or for
PORTAL_TODAY when that is set (to preview a later day).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from sitekit import REPO, BuildResult

ROOT = REPO  # the project these checks live in: its own content is what they judge

# The browser fixtures (Chromium with the foreign-request guard, axe-core) are the browser
# tests' own; they are imported rather than copied so both judge pages the same way.
_spec = importlib.util.spec_from_file_location("browser_conftest", REPO / "tests" / "browser" / "conftest.py")
_browser_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_browser_conftest)
browser = _browser_conftest.browser
axe = _browser_conftest.axe


@pytest.fixture(scope="session")
def content_site(tmp_path_factory) -> BuildResult:
    """The school's content built with `mkdocs build --strict` (into a temporary folder)."""
    site = tmp_path_factory.mktemp("content") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    result = BuildResult(ROOT, site, proc.returncode, proc.stdout, proc.stderr)
    assert result.returncode == 0, "mkdocs build --strict failed:\n" + result.stderr
    return result
