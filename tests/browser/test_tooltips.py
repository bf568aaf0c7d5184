"""Glossary links show the short definition on hover and on keyboard focus, and expose it
to screen readers as the link's description."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DEFINITION_START = "Støtte mellem mennesker"


def active_tooltip(page) -> str:
    page.wait_for_timeout(500)
    return page.evaluate("(document.querySelector('.md-tooltip2--active') || {}).textContent || ''")


def test_tooltip_on_hover_and_keyboard_focus(page, sample_url, axe):
    page.goto(sample_url + "peer-stoette/")
    link = page.locator('a.rs-term[data-rs-term="peer-stoette"]').first
    link.hover()
    assert active_tooltip(page).startswith(DEFINITION_START)
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)
    # Reach the link with the keyboard: Tab until it has focus.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset && document.activeElement.dataset.rsTerm === 'peer-stoette'"):
            break
    else:
        pytest.fail("the glossary link was not reachable by keyboard")
    assert active_tooltip(page).startswith(DEFINITION_START)
    described = page.evaluate("""() => {
      const id = document.activeElement.getAttribute('aria-describedby');
      return id && document.getElementById(id) ? document.getElementById(id).textContent : '';
    }""")
    assert described.startswith(DEFINITION_START)
    assert axe(page) == []


def test_term_link_leads_to_full_definition_on_touch(page, sample_url):
    # On a touch screen a tap follows the link to the term's own page with the whole entry.
    page.goto(sample_url + "peer-stoette/")
    page.locator('a.rs-term[data-rs-term="peer-stoette"]').first.click()
    assert page.url.endswith("/ordbog/peer-stoette/")
    assert page.locator(".rs-definition").inner_text().startswith(DEFINITION_START)
