"""A course page in a real Chromium: readable, accessible, and talking to no other host."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_course_page_in_chromium(page, sample_url, axe, foreign_requests):
    page.goto(sample_url + "kurser/haab-i-hverdagen/")
    assert page.locator("h1").inner_text() == "Håb i hverdagen"
    sessions = page.locator(".rs-sessions li")
    assert sessions.count() == 6
    assert "onsdag den 10. marts 2027, kl.\xa010.00\u2060–\u206012.00" in sessions.first.inner_text()
    # The two kinds of teacher, side by side.
    assert page.get_by_role("heading", name="Med levede erfaringer").is_visible()
    assert page.get_by_role("heading", name="Fagprofessionel").is_visible()
    assert page.locator("html").get_attribute("lang") == "da"
    assert axe(page) == []
    assert foreign_requests == []
    assert page.js_errors == []


def test_cancelled_session_is_said_in_words(page, sample_url):
    page.goto(sample_url + "kurser/soevn-og-hvile/")
    cancelled = page.locator(".rs-session--cancelled")
    assert cancelled.count() == 1
    assert "Aflyst" in cancelled.inner_text()
