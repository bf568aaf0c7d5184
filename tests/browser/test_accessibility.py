"""Every page type passes axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) at desktop and phone
width, with filters open and a glossary tooltip shown, and makes no foreign request."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "front": "",
    "catalogue": "kurser/",
    "course in-person": "kurser/haab-i-hverdagen/",
    "course online": "kurser/fem-veje-til-et-godt-liv/",
    "course hybrid": "kurser/recoveryorienteret-praksis/",
    "course full": "kurser/at-vaere-paaroerende/",
    "course cancelled": "kurser/moeder-med-kommunen/",
    "course without dates": "kurser/kreativ-recovery/",
    "course past": "kurser/introduktion-til-recovery-2026/",
    "calendar": "kalender/",
    "glossary A-Z": "ordbog/",
    "glossary term": "ordbog/erfaringskompetence/",
    "teachers": "undervisere/",
    "teacher": "undervisere/maja-kjaergaard/",
    "places": "steder/",
    "place": "steder/vaerkstedet/",
    "themes": "temaer/",
    "theme": "temaer/hope/",
    "archive": "arkiv/",
    "min plan": "min-plan/",
    "programme": "program/",
    "content page": "peer-stoette/",
    "404": "findes-ikke/",
}

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}



@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_on_every_page_type(browser, site_404_url, axe, viewport):
    width, height = VIEWPORTS[viewport]
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    foreign = []
    ctx.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url or r.request.url.startswith("data:") else (foreign.append(r.request.url), r.abort()))
    page = ctx.new_page()
    failures = {}
    for name, path in PAGES.items():
        page.goto(site_404_url + path)
        if name == "catalogue":
            page.locator("#rs-filters").wait_for(state="visible")
            if page.locator("#rs-filters-toggle").get_attribute("aria-expanded") != "true":
                page.locator("#rs-filters-toggle").click()  # filters open
        if name == "min plan":
            # a plan with a course in it, so the list, clashes and week table are checked too
            page.evaluate("localStorage.setItem('rs-min-plan', JSON.stringify(['haab-i-hverdagen', 'recovery-cafe']))")
            page.reload()
        if name == "content page":
            term = page.locator("a.rs-term").first
            term.hover()
            page.wait_for_timeout(400)  # the tooltip is shown while axe runs
        violations = axe(page)
        if violations:
            failures[name] = violations
    ctx.close()
    assert failures == {}
    assert foreign == []
