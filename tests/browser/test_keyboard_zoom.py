"""Keyboard and zoom: a skip link first, every control reachable and visibly focused,
and no horizontal scrolling at 320 px (WCAG reflow) or at 200 % zoom."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "kurser/", "kurser/haab-i-hverdagen/", "kurser/recoveryorienteret-praksis/", "kalender/", "ordbog/",
         "ordbog/erfaringskompetence/", "undervisere/", "undervisere/maja-kjaergaard/", "steder/vaerkstedet/",
         "temaer/hope/", "arkiv/", "min-plan/", "program/", "peer-stoette/"]


@pytest.mark.parametrize("path", ["", "kurser/haab-i-hverdagen/", "ordbog/", "peer-stoette/"])
def test_skip_link_is_first_and_works(page, sample_url, path):
    page.goto(sample_url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert "md-skip" in focused[0] and focused[1] == "Gå til indholdet"
    assert page.locator(".md-skip").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null || location.hash !== ''")


FOCUS_VISIBLE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return outline || shadow;
}"""


TAB_STEP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  if (e.dataset.tabSeen) return 'again';
  e.dataset.tabSeen = '1';
  return 'new';
}"""


@pytest.mark.parametrize("path", ["kurser/", "kurser/haab-i-hverdagen/", "min-plan/", "ordbog/"])
def test_every_control_reachable_and_visibly_focused(page, sample_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(sample_url + path)
    invisible = []
    for _ in range(600):
        page.keyboard.press("Tab")
        step = page.evaluate(TAB_STEP)
        if step != "new":
            break
        if not page.evaluate(FOCUS_VISIBLE):
            invisible.append(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    assert invisible == []
    # Every visible control in the page's content was reached by Tab.
    missed = page.eval_on_selector_all(
        ".md-content a[href], .md-content button, .md-content input, .md-content summary",
        "els => els.filter(e => e.offsetParent !== null && !e.dataset.tabSeen).map(e => e.outerHTML.slice(0, 100))")
    assert missed == []


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px = a 1280 px window at 200 % zoom
def test_no_horizontal_scroll(browser, sample_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    page = ctx.new_page()
    wide = {}
    for path in PAGES:
        page.goto(sample_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[path] = overflow
    ctx.close()
    assert wide == {}
