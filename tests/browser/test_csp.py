"""Every page type loads under the portal's own security headers without a CSP violation,
including a search and min plan."""

from __future__ import annotations

import pytest

from browser_helpers import serve
from rskole.headers import parse_netlify

pytestmark = pytest.mark.browser

PAGES = ["", "kurser/", "kurser/haab-i-hverdagen/", "kurser/fem-veje-til-et-godt-liv/", "kalender/", "ordbog/",
         "ordbog/erfaringskompetence/", "undervisere/", "undervisere/maja-kjaergaard/", "steder/vaerkstedet/",
         "temaer/hope/", "arkiv/", "min-plan/", "program/", "peer-stoette/", "findes-ikke/"]

RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_pages_meet_their_csp(browser, sample_site):
    headers = parse_netlify((sample_site.site / "_headers").read_text(encoding="utf-8"))
    assert "script-src 'self' 'sha256-" in headers["Content-Security-Policy"]
    server, url = serve(sample_site.site, not_found=sample_site.site / "404.html", headers=headers)
    ctx = browser.new_context()
    ctx.add_init_script(RECORD)
    page = ctx.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    violations = {}
    try:
        for path in PAGES:
            response = page.goto(url + path)
            assert response.headers.get("content-security-policy") == headers["Content-Security-Policy"]
            if path == "kurser/":
                page.locator("#filter-tema-hope").check()
            if path == "kurser/haab-i-hverdagen/":
                page.locator(".rs-course [data-rs-plan-toggle]").click()
            if path == "min-plan/":
                assert page.locator(".rs-plan__course").count() == 1
            if path == "":
                page.locator(".md-search__input").click()
                page.locator(".md-search__input").press_sequentially("håb", delay=20)
                page.locator(".md-search-result__item").first.wait_for(timeout=5000)
            found = page.evaluate("window.__csp")
            if found:
                violations[path] = found
    finally:
        ctx.close()
        server.shutdown()
    assert violations == {}
    assert [c for c in console if "Content Security Policy" in c or "Refused" in c] == []
