"""Every course page prints as a one-page handout without the site's navigation."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def pdf_pages(pdf: bytes) -> int:
    # Each page object in Chromium's PDF has "/Type /Page" (not "/Pages").
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_every_course_prints_on_one_page(page, sample_url, sample_site):
    slugs = sorted(p.parent.name for p in (sample_site.site / "kurser").glob("*/index.html"))
    assert len(slugs) >= 12
    too_long = {}
    for slug in slugs:
        page.goto(sample_url + f"kurser/{slug}/")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=False)
        n = pdf_pages(pdf)
        if n != 1:
            too_long[slug] = n
    assert too_long == {}


def test_handout_has_essentials_and_no_navigation(page, sample_url):
    page.goto(sample_url + "kurser/haab-i-hverdagen/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".rs-plan-toggle", ".rs-calendar-link"):
        assert page.locator(hidden).first.is_hidden(), hidden
    for visible in ("h1", ".rs-facts--course", ".rs-sessions", ".rs-keyfacts", ".rs-signup", ".rs-qr"):
        assert page.locator(visible).first.is_visible(), visible
    assert "kurser/haab-i-hverdagen/" in page.locator(".rs-handout-link figcaption").inner_text()


def test_programme_prints(page, sample_url):
    page.goto(sample_url + "program/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".rs-programme li").count() >= 10
