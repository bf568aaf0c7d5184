"""No page jumps while it loads: the first paint is already the final layout.

Layout-shift entries are collected with a PerformanceObserver (buffered, so every shift
since navigation counts) once the page is idle; their total must stay below 0.05 on
every page type at phone and desktop width, with and without a choice in the address
and with courses in "min plan". For a given page and clock this is deterministic: it
measures what the script changes after the first paint, not how fast anything is.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "front": "",
    "catalogue": "kurser/",
    "catalogue with a choice": "kurser/?form=online",
    "catalogue with two choices": "kurser/?tema=hope&dag=ons",
    "course": "kurser/haab-i-hverdagen/",
    "course cancelled": "kurser/moeder-med-kommunen/",
    "calendar": "kalender/",
    "glossary A-Z": "ordbog/",
    "glossary term": "ordbog/erfaringskompetence/",
    "teacher": "undervisere/maja-kjaergaard/",
    "theme": "temaer/hope/",
    "place": "steder/vaerkstedet/",
    "archive": "arkiv/",
    "min plan, empty": "min-plan/",
    "min plan, two courses": "min-plan/#plan",
    "programme": "program/",
    "content page": "peer-stoette/",
}
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
LIMIT = 0.05

COLLECT = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      shifts.push({value: e.value, sources: (e.sources || []).map(s => {
        const n = s.node;
        if (!n || !n.nodeType) return '?';
        if (n.nodeType !== 1) return '#text in ' + (n.parentElement ? n.parentElement.className || n.parentElement.tagName : '?');
        return n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined ? '.' + n.className.split(' ').join('.') : '');
      })});
    }
  }).observe({type: 'layout-shift', buffered: true});
  // The observer delivers buffered entries in a task after observe().
  setTimeout(() => resolve(shifts), 50);
})"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_no_layout_shift_while_loading(browser, sample_url, name, viewport):
    w, h = VIEWPORTS[viewport]
    ctx = browser.new_context(viewport={"width": w, "height": h}, locale="da-DK", timezone_id="Europe/Copenhagen")
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(sample_url) else r.abort())
    if name.endswith("two courses"):
        ctx.add_init_script('localStorage.setItem("rs-min-plan", %s)'
                            % json.dumps(json.dumps(["haab-i-hverdagen", "recovery-cafe"])))
    pg = ctx.new_page()
    # The visitor's clock is the build's day, so the re-check agrees with the build.
    pg.clock.install(time="2026-11-22T12:00:00+01:00")
    pg.goto(sample_url + PAGES[name], wait_until="networkidle")
    pg.wait_for_timeout(300)
    shifts = pg.evaluate(COLLECT)
    total = sum(s["value"] for s in shifts)
    ctx.close()
    assert total < LIMIT, f"{name} at {w} px shifts {total:.3f}: {shifts}"
