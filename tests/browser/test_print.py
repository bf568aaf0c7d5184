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


QR_BOXES_JS = """() => {
  const svg = document.querySelector('.rs-handout-link svg.rs-qr'), box = svg.getBoundingClientRect();
  const drawn = svg.querySelector('g').getBoundingClientRect(), title = document.querySelector('h1').getBoundingClientRect();
  const onTop = svg.contains(document.elementFromPoint(box.left + box.width / 2, box.bottom - 2));
  return {box: [box.left, box.top, box.right, box.bottom], drawn: [drawn.left, drawn.top, drawn.right, drawn.bottom],
          titleTop: title.top, onTop};
}"""


@pytest.mark.parametrize("slug", ["haab-i-hverdagen", "hvad-er-recovery"])
def test_handout_qr_code_is_drawn_whole_beside_the_title(page, sample_url, slug):
    # The code is scaled to its box, not cut off by it; it starts on the page, level with
    # the title; nothing is painted over its lower edge.
    page.set_viewport_size({"width": 718, "height": 1050})  # A4's width inside the margins
    page.goto(sample_url + f"kurser/{slug}/")
    page.emulate_media(media="print")
    got = page.evaluate(QR_BOXES_JS)
    left, top, right, bottom = got["box"]
    assert right - left == pytest.approx(2.6 / 2.54 * 96, abs=1) and bottom - top == pytest.approx(right - left, abs=1)
    assert all(abs(a - b) <= 1 for a, b in zip(got["drawn"], got["box"])), got
    assert top >= 0 and abs(top - got["titleTop"]) <= 12, got
    assert got["onTop"], got  # the code itself is the topmost thing at its lower edge


def test_programme_prints(page, sample_url):
    page.goto(sample_url + "program/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".rs-programme li").count() >= 10


LINES_JS = """el => { const out = []; let cur = '', top = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); const r = document.createRange();
  while (walker.nextNode()) { const t = walker.currentNode;
    for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1); const rect = r.getClientRects()[0];
      if (rect && top !== null && rect.top > top + 2) { out.push(cur); cur = ''; }
      if (rect) top = rect.top; cur += t.data[i]; } }
  out.push(cur); return out; }"""


@pytest.mark.parametrize("slug", ["haab-i-hverdagen", "recoveryorienteret-praksis", "hvad-er-recovery"])
def test_handout_body_is_at_least_11pt(page, sample_url, slug):
    page.goto(sample_url + f"kurser/{slug}/")
    page.emulate_media(media="print")
    for selector in (".rs-lead", ".rs-keyfacts__list dd", ".rs-description p", ".rs-sessions li", ".rs-signup p",
                     ".rs-facts--course dd", "#sted ~ p"):
        size = page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 11 * 96 / 72 - 0.01, (selector, size)  # 11 pt = 14.67 CSS px
    # The address under the QR code is small print, but not tiny.
    size = page.eval_on_selector(".rs-handout-link figcaption", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 9 * 96 / 72 - 0.01


def test_qr_address_breaks_only_between_parts_and_fits(page, sample_url, sample_site):
    # Every sample course, the longest addresses included: the caption's address breaks
    # after a slash, or before a hyphen that then begins the next line, never inside a
    # word; nothing runs out of the caption.
    slugs = sorted(p.parent.name for p in (sample_site.site / "kurser").glob("*/index.html"))
    assert max(map(len, slugs)) >= 29  # a slug longer than a line of the caption
    for slug in slugs:
        page.goto(sample_url + f"kurser/{slug}/")
        page.emulate_media(media="print")
        caption = page.locator(".rs-handout-link figcaption")
        lines = caption.evaluate(LINES_JS)
        assert "".join(lines).replace(" ", "").endswith(f"recoveryskolen.example.dk/kurser/{slug}/")
        for line, following in zip(lines, lines[1:]):
            assert line.endswith(("/", " ", ":")) or following.startswith("-"), lines
        assert caption.evaluate("e => [...e.querySelectorAll('*')].every(c => c.getBoundingClientRect().right <= e.getBoundingClientRect().right + 1)"), (slug, lines)
        assert caption.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), (slug, lines)


def test_links_print_with_their_address(page, sample_url):
    page.goto(sample_url + "kurser/hvad-er-recovery/")
    page.emulate_media(media="print")
    signup = page.locator(".rs-signup__now").inner_text()
    assert "recoveryskolen.example.dk/tilmelding/hvad-er-recovery" in signup
    # An address is not broken inside a word.
    url = page.locator(".rs-signup__now .rs-print-url").first
    for line in url.evaluate(LINES_JS)[:-1]:
        assert line.endswith(("/", " ")), line
