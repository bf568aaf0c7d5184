"""The school's content passes its own checks: the content check, a strict build with a
page for every file, no broken link, valid HTML, axe-core on every page and no request
to any other host. Nothing here names a particular course or term."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from sitecheck import check_site, unresolved_feed_urls, vnu_errors
from sitekit import REPO

ROOT = REPO  # the project these checks live in: its own content is what they judge


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match, "mkdocs.yml has no site_url"
    return match.group(1).rstrip("/") + "/"


def course_files():
    return sorted(p for p in (ROOT / "courses").rglob("*.y*ml") if not p.name.startswith("_"))


def test_content_check_passes():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "rskole", "check"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Alt indhold er i orden"), proc.stdout


def test_strict_build_makes_a_page_for_every_file(content_site):
    site = content_site.site
    for path in course_files():
        assert (site / "kurser" / path.stem / "index.html").is_file(), path.relative_to(ROOT)
        assert (site / "kurser" / f"{path.stem}.ics").is_file(), path.relative_to(ROOT)
    for path in sorted((ROOT / "glossary").glob("*.md")):
        assert (site / "ordbog" / path.stem / "index.html").is_file(), path.relative_to(ROOT)
    for path in sorted((ROOT / "content").rglob("*.md")):
        rel = path.relative_to(ROOT / "content").with_suffix("")
        folder = rel.parent if rel.name == "index" else rel
        assert (site / folder / "index.html").is_file(), path.relative_to(ROOT)
    for name in ("kurser.json", "kalender.ics", "feed.xml", "_headers", "404.html", "search/search_index.json"):
        assert (site / name).is_file(), name


def test_no_broken_link_or_anchor(content_site):
    assert check_site(content_site.site) == []


def test_feed_urls_resolve(content_site):
    assert unresolved_feed_urls(content_site.site, site_url()) == []


def test_html_is_valid(content_site):
    assert vnu_errors(content_site.site) == []


VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_on_every_page_and_no_foreign_request(browser, axe, content_site, viewport):
    from browser_helpers import guard_requests, serve

    site = content_site.site
    server, url = serve(site, not_found=site / "404.html")
    width, height = VIEWPORTS[viewport]
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK", timezone_id="Europe/Copenhagen")
    foreign: list[str] = []
    guard_requests(ctx, foreign)
    page = ctx.new_page()
    failures = {}
    try:
        paths = sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html"))
        for path in [p.removeprefix("./") for p in paths] + ["findes-ikke/"]:
            page.goto(url + path)
            violations = axe(page)
            if violations:
                failures[path] = violations
    finally:
        ctx.close()
        server.shutdown()
    assert failures == {}
    assert foreign == []
