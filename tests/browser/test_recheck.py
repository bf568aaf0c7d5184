"""Pages re-check time-dependent states in the browser, so a page read after the build
(here: a mocked clock weeks later) says what is past, what is next, and whether
registration has closed, without a rebuild."""

from __future__ import annotations

import pytest

from browser_helpers import serve

pytestmark = pytest.mark.browser


def test_passed_sessions_marked_in_browser(page, sample_url):
    # Built as of 2026-11-22; read on 18 March 2027 at noon.
    page.clock.install(time="2027-03-18T12:00:00+01:00")
    page.goto(sample_url + "kurser/haab-i-hverdagen/")
    items = page.locator(".rs-sessions li")
    assert "rs-session--past" in items.nth(0).get_attribute("class")
    assert "rs-session--past" in items.nth(1).get_attribute("class")
    assert "Afholdt" in items.nth(1).inner_text()
    assert "Næste gang" in items.nth(2).inner_text()
    assert page.locator(".rs-session--next").count() == 1
    assert "Næste gang" not in items.nth(0).inner_text()


def test_without_javascript_the_build_answer_stands(browser, sample_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(sample_url + "kurser/haab-i-hverdagen/")
    items = pg.locator(".rs-sessions li")
    assert "Næste gang" in items.nth(0).inner_text()
    assert "rs-session--past" not in items.nth(1).get_attribute("class")
    ctx.close()


def test_ended_course_leaves_catalogue_and_says_so(page, spec_site):
    server, url = serve(spec_site.site)
    try:
        page.clock.install(time="2027-05-01T12:00:00+02:00")
        page.goto(url + "kurser/haab/")
        assert page.locator("[data-rs-next]").inner_text().startswith("Kurset sluttede ")
        assert "Du kan ikke længere melde dig til." in page.locator(".rs-signup").inner_text()
        assert page.locator("[data-rs-plan-toggle], [data-rs-calendar]").count() == 0
        page.goto(url + "kurser/")
        assert page.locator(".rs-card").first.is_hidden()
    finally:
        server.shutdown()


def test_registration_closes_after_deadline_in_browser(page, spec_site):
    server, url = serve(spec_site.site)
    try:
        page.clock.install(time="2027-02-25T09:00:00+01:00")  # deadline was 24 February
        page.goto(url + "kurser/haab/")
        box = page.locator(".rs-signup")
        assert "Tilmeldingen er lukket. Sidste dag var onsdag den 24. februar 2027." in box.inner_text()
        assert box.locator(".rs-action").count() == 0
        page.goto(url + "kurser/")
        assert page.locator(".rs-card .rs-status").inner_text().strip() == "Tilmelding lukket"
    finally:
        server.shutdown()
