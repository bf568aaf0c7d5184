"""Min plan: add from a course page and a card, list, clash, weeks, reload, empty,
and not one request to any other host."""

from __future__ import annotations

import re
import json

import pytest

pytestmark = pytest.mark.browser


def now_step(steps: list[dict], now: str) -> dict:
    """The registration state that has begun at ``now`` (the first has no start)."""
    from datetime import datetime

    at = datetime.fromisoformat(now)
    return [s for s in steps if s["start"] is None or datetime.fromisoformat(s["start"]) <= at][-1]


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
    weeks = page.locator("#rs-plan-weeks li").all_inner_texts()
    assert weeks and all(re.fullmatch(r"Uge \d+ i 20\d\d: \d+ kursusgange?", w) for w in weeks), weeks
    # Two courses at the same time: counted in words ("2 kursusgange") in that week.
    assert any(w.endswith(": 2 kursusgange") for w in weeks), weeks
    page.reload()
    assert page.locator(".rs-plan__course").count() == 2
    # Remove one, then empty the plan.
    page.locator(".rs-plan__remove").first.click()
    assert page.locator(".rs-plan__course").count() == 1
    page.locator("#rs-plan-clear").click()
    assert page.locator("#rs-plan-empty").is_visible()
    assert page.evaluate("localStorage.getItem('rs-min-plan')") == "[]"
    # Emptying can be undone.
    assert page.locator("#rs-plan-undo").inner_text().startswith("Din plan er tømt.")
    page.locator("#rs-plan-undo-button").click()
    assert page.locator(".rs-plan__course").count() == 1
    assert page.locator("#rs-plan-empty").is_hidden()
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


@pytest.mark.parametrize("width", [390, 1280])
def test_each_course_with_its_next_date_and_way_to_sign_up(browser, sample_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 800},
                              locale="da-DK", timezone_id="Europe/Copenhagen")
    ctx.add_init_script("localStorage.setItem('rs-min-plan', %s)"
                        % json.dumps(json.dumps(["haab-i-hverdagen", "recovery-cafe"])))
    pg = ctx.new_page()
    pg.clock.install(time="2026-11-22T12:00:00+01:00")
    pg.goto(sample_url + "min-plan/")
    data = pg.evaluate("JSON.parse(document.getElementById('rs-plan-data').textContent).courses")
    for slug in ("haab-i-hverdagen", "recovery-cafe"):
        section = pg.locator(f'[data-rs-plan-course="{slug}"]')
        upcoming = [s for s in data[slug]["sessions"] if not s["cancelled"] and s["end"] > "2026-11-22T12"]
        assert section.locator(".rs-facts dt").first.text_content() == "Næste gang"
        assert section.locator(".rs-facts dd").first.text_content() == upcoming[0]["text"]
        # The state's label, then only what its detail adds: the state is said once.
        step = now_step(data[slug]["steps"], "2026-11-22T12:00:00+01:00")
        state = " ".join(section.locator(".rs-plan__state").inner_text().split())
        assert state == f'{step["status"]} {step["detail"]}'.strip(), state
        want = [a["href"] for a in step["actions"]]
        assert section.locator(".rs-actions a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == want
        # The label and its value share a line; nothing runs off the screen.
        dt = section.locator(".rs-facts dt").first.bounding_box()
        dd = section.locator(".rs-facts dd").first.bounding_box()
        assert abs(dt["y"] - dd["y"]) < 4
        box = section.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # The state is a label, not a button: no border, no pill.
    status = pg.locator(".rs-plan__course .rs-status").first
    assert status.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"
    # "Tøm planen" is well away from "Udskriv planen" (no mistaken tap).
    pr, cl = pg.locator("#rs-plan-print").bounding_box(), pg.locator("#rs-plan-clear").bounding_box()
    assert cl["y"] - (pr["y"] + pr["height"]) >= 32
    ctx.close()


def test_a_plan_opened_after_the_deadline_says_registration_has_closed(browser, sample_url):
    """The plan page is built once; a visitor opens it weeks later. A course whose
    deadline has passed since shows the closed state, and no way to sign up."""
    shown = {}
    for moment in ("2026-11-22T12:00:00+01:00", "2027-01-10T12:00:00+01:00"):
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK", timezone_id="Europe/Copenhagen")
        ctx.add_init_script("localStorage.setItem('rs-min-plan', %s)" % json.dumps(json.dumps(["hvad-er-recovery"])))
        pg = ctx.new_page()
        pg.clock.install(time=moment)
        pg.goto(sample_url + "min-plan/")
        section = pg.locator('[data-rs-plan-course="hvad-er-recovery"]')
        shown[moment] = (" ".join(section.locator(".rs-plan__state").inner_text().split()),
                         section.locator(".rs-actions a").count(),
                         section.locator(".rs-status").get_attribute("class"))
        ctx.close()
    before, after = shown["2026-11-22T12:00:00+01:00"], shown["2027-01-10T12:00:00+01:00"]
    assert before[0].startswith("Åben for tilmelding") and before[1] >= 1 and "rs-status--open" in before[2], before
    assert after[0] == "Tilmelding lukket Sidste dag var fredag den 8. januar 2027.", after
    assert after[1] == 0 and "rs-status--closed" in after[2], after
