"""Danish search in Chromium finds courses, glossary terms and pages (typed with key
events, as Material's search listens to keys)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("query, expected", [
    ("hverdagen", "/kurser/haab-i-hverdagen/"),              # a word of a course title
    ("Ungecaféen", "/kurser/ungecafe/"),                     # a title word with é
    ("kurserne", "/ordbog/recoveryskole/"),                  # an inflected word, by prefix
    ("Kjærgaard", "/undervisere/maja-kjaergaard/"),          # a teacher's name
    ("Køge", "/steder/koege-huset/"),                        # a place
    ("erfaringskompetencer", "/ordbog/erfaringskompetence/"),  # a glossary term by a form
])
def test_search_finds(page, sample_url, foreign_requests, query, expected):
    page.set_viewport_size({"width": 1280, "height": 900})
    results = search(page, sample_url, query)
    assert expected in results[:5], results
    assert foreign_requests == []


def test_term_page_ranks_first_for_its_form(page, sample_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert search(page, sample_url, "peer-støtten")[0] == "/ordbog/peer-stoette/"
    assert search(page, sample_url, "erfaringskompetencer")[0] == "/ordbog/erfaringskompetence/"


def test_teacher_name_finds_their_courses(page, sample_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    results = search(page, sample_url, "Thomas Brandt")
    assert any(r.startswith("/kurser/") for r in results), results
