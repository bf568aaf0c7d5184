"""The injection corpus in Chromium: nothing executes, and the pages stay accessible."""

from __future__ import annotations

import pytest

from browser_helpers import serve
from sitekit import make_project, run_build

pytestmark = pytest.mark.browser

PAGES = ["", "kurser/", "kurser/ondsindet/", "kurser/lang-titel/", "undervisere/peer-one/", "undervisere/",
         "steder/sted/", "ordbog/", "ordbog/ondt-ord/", "kalender/", "min-plan/", "program/", "temaer/hope/"]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hostile-browser") / "p", "hostile")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    server, url = serve(result.site)
    yield url
    server.shutdown()


def test_nothing_executes(context, hostile_url, foreign_requests):
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in PAGES:
        page.goto(hostile_url + path)
        page.evaluate("localStorage.setItem('rs-min-plan', JSON.stringify(['ondsindet', 'lang-titel']))")
        # Fire the events injected handlers would listen to, on every element.
        page.evaluate("""() => document.querySelectorAll('body *').forEach(e => {
          for (const type of ['mouseover', 'click', 'focus', 'load', 'error']) {
            if (type === 'click' && (e.closest('a') || e.closest('button') || e.closest('label'))) continue;
            e.dispatchEvent(new Event(type, {bubbles: true}));
          }
        })""")
    page.goto(hostile_url + "min-plan/")
    assert page.locator(".rs-plan__course").count() == 2
    assert dialogs == []
    assert errors == []
    assert foreign_requests == []


@pytest.mark.parametrize("width", [1280, 390])
def test_hostile_pages_pass_axe(browser, hostile_url, axe, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    failures = {}
    for path in PAGES:
        page.goto(hostile_url + path)
        found = axe(page)
        if found:
            failures[path] = found
    ctx.close()
    assert failures == {}
