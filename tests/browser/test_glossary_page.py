"""The mini-ordbog as a visitor reads it: short, with a heading outline screen readers can
follow, and glossary links only where a word is meant (not inside names or English)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OUTLINE_JS = "() => [...document.querySelectorAll('article h1, article h2, article h3, article h4')].map(h => [+h.tagName[1], h.innerText.trim()])"


@pytest.mark.parametrize("width, most", [(1280, 8000), (390, 11000)])
def test_az_is_short(page, sample_url, axe, width, most):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_url + "ordbog/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < most, height  # was ~21,000 px at 1280 and ~39,000 px at 390
    assert axe(page) == []


def test_az_outline_is_letters_under_the_title(page, sample_url):
    page.goto(sample_url + "ordbog/")
    outline = page.evaluate(OUTLINE_JS)
    assert outline[0] == [1, "Mini-ordbog"]
    assert all(level == 2 and len(text) == 1 for level, text in outline[1:]), outline
    # Each term links to its own page, where the full entry is.
    page.locator(".rs-glossary dt a", has_text="Empowerment").click()
    page.wait_for_url("**/ordbog/empowerment/")
    page.wait_for_load_state()
    outline = page.evaluate(OUTLINE_JS)
    assert outline[0] == [1, "Empowerment"]
    assert [1, "Empowerment"] not in outline[1:] and all(level >= 2 for level, _ in outline[1:])
    assert [2, "Tre niveauer"] in outline and [2, "Bruges i"] in outline
    levels = [level for level, _ in outline]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), outline  # no level skipped


def test_names_are_not_linked_but_the_word_is(page, sample_url):
    page.goto(sample_url + "ordbog/forbundethed/")
    para = page.locator(".rs-definition p", has_text="Peer-støtte i Region Hovedstaden")
    assert "projektet Peer-støtte i Region Hovedstaden" in para.inner_text()
    # The name stays plain text; the common noun later in the text is the link.
    assert "Peer-støtte" not in para.locator("a.rs-term").all_inner_texts()
    assert page.locator('.rs-definition a.rs-term[data-rs-term="peer-stoette"]').inner_text() == "peer-støtte"


def test_english_labels_are_not_linked(page, sample_url):
    page.goto(sample_url + "ordbog/chime/")
    english = page.locator('.rs-definition [lang="en"]')
    assert english.count() == 5
    assert "Meaning in life" in english.all_inner_texts()
    assert page.locator('.rs-definition [lang="en"] a').count() == 0
    for slug in ("forbundethed", "haab-og-optimisme", "identitet", "mening", "empowerment"):
        assert page.locator(f'.rs-definition a.rs-term[data-rs-term="{slug}"]').count() == 1, slug
