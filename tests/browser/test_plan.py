"""Min plan: add from a course page and a card, list, clash, weeks, reload, empty,
and not one request to any other host."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def add(page, url, slug):
    page.goto(url)
    button = page.locator(f'.rs-course [data-rs-plan-toggle="{slug}"], .rs-card [data-rs-plan-toggle="{slug}"]').first
    assert button.inner_text() == "Tilføj til min plan"
    button.click()
    assert button.inner_text() == "Fjern fra min plan"


def test_plan_adds_lists_detects_clash_and_survives_reload(page, sample_url, foreign_requests):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    # Two courses whose sessions overlap: find them from the plan page's own data.
    page.goto(sample_url + "min-plan/")
    assert page.locator("#rs-plan-empty").is_visible()
    pair = page.evaluate("""() => {
      const c = JSON.parse(document.getElementById('rs-plan-data').textContent).courses;
      const slugs = Object.keys(c);
      for (const a of slugs) for (const b of slugs) if (a < b)
        for (const x of c[a].sessions) for (const y of c[b].sessions)
          if (!x.cancelled && !y.cancelled && Date.parse(x.start) < Date.parse(y.end) && Date.parse(y.start) < Date.parse(x.end)) return [a, b];
      return null;
    }""")
    assert pair, "the sample catalogue should have two overlapping courses to show clashes"
    add(page, sample_url + f"kurser/{pair[0]}/", pair[0])
    add(page, sample_url + "kurser/", pair[1])
    page.goto(sample_url + "min-plan/")
    assert page.locator(".rs-plan__course").count() == 2
    assert page.locator(".rs-plan__clash").count() >= 2
    assert "samtidig" in page.locator("#rs-plan-clashes").inner_text()
    assert page.locator("#rs-plan-weeks tr").count() >= 1
    assert page.locator("#rs-plan-weeks th").first.inner_text().startswith("Uge ")
    page.reload()
    assert page.locator(".rs-plan__course").count() == 2
    # Remove one, then empty the plan.
    page.locator(".rs-plan__remove").first.click()
    assert page.locator(".rs-plan__course").count() == 1
    page.locator("#rs-plan-clear").click()
    assert page.locator("#rs-plan-empty").is_visible()
    assert page.evaluate("localStorage.getItem('rs-min-plan')") == "[]"
    assert foreign_requests == []
    assert page.js_errors == []


def test_plan_prints_as_a_draft_learning_plan(page, sample_url):
    page.clock.install(time="2026-11-22T12:00:00+01:00")
    add(page, sample_url + "kurser/recovery-cafe/", "recovery-cafe")
    page.goto(sample_url + "min-plan/")
    page.emulate_media(media="print")
    assert page.locator(".rs-plan__print-only").is_visible()
    assert page.locator("#rs-plan-clear").is_hidden()
    assert page.locator(".md-header").is_hidden()
