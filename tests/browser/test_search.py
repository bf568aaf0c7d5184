"""Danish search in Chromium finds courses, glossary terms and pages (typed with key
events, as Material's search listens to keys)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)
    return settled_results(page)


def settled_results(page, readings: int = 5, gap_ms: int = 250, limit: int = 60) -> list[str]:
    """The result list once it has stayed the same for a second. Material shows the
    results of each keystroke as its worker answers: right after the last key the list
    can still be an earlier query's ("peer-s" lists a course first, "peer-støtten" the
    term), and on a busy CI machine it was read too early."""
    def links() -> list[str]:
        return page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.map(a => new URL(a.href).pathname)")

    last, same = links(), 1
    for _ in range(limit):
        page.wait_for_timeout(gap_ms)
        now = links()
        same = same + 1 if now == last else 1
        if same >= readings:
            return now
        last = now
    return last


@pytest.mark.parametrize("query, expected", [
    ("hverdagen", "/kurser/haab-i-hverdagen/"),              # a word of a course title
    ("Ungecaféen", "/kurser/ungecafe/"),                     # a title word with é
    ("kurserne", "/ordbog/recoveryskole/"),                  # an inflected word, by prefix
    ("Kjærgaard", "/undervisere/maja-kjaergaard/"),          # a teacher's name
    ("Køge", "/steder/koege-huset/"),                        # a place
    ("Eksempelvej", "/steder/vaerkstedet/"),                 # a place by its street
    ("erfaringskompetencer", "/ordbog/erfaringskompetence/"),  # a glossary term by a form
    ("håbsliste", "/kurser/haab-i-hverdagen/"),              # a word in quotes ("håbsliste")
    ("power", "/ordbog/empowerment/"),                      # the same: "power" (empowerment)
    ("12.00", "/kurser/haab-i-hverdagen/"),                  # the end of "kl. 10.00–12.00"
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


def test_teacher_name_finds_their_page_first(page, sample_url):
    # A teacher is found on their own page (a course page does not search its teachers),
    # which lists their courses; a word of a course's title finds the course, and not the
    # pages of its teachers and its place, which name it.
    open_results(page, sample_url, "Thomas Brandt", 1280)
    assert results(page)[0]["path"] == "/undervisere/thomas-brandt/"
    open_results(page, sample_url, "hverdagen", 1280)
    found = every_result(page)
    assert found[0] == "/kurser/haab-i-hverdagen/", found
    assert not {"/undervisere/thomas-brandt/", "/undervisere/camilla-frost/", "/steder/vaerkstedet/"} & set(found), found


def every_result(page) -> list[str]:
    """Every result's page address: Material lists ten, and more as the list is scrolled."""
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.search(r"\d+", meta).group()) if re.search(r"\d+", meta) else 0
    items = page.locator(".md-search-result__item")
    for _ in range(30):
        if items.count() >= total:
            break
        page.locator(".md-search__scrollwrap").evaluate(
            "el => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); }")
        page.wait_for_timeout(200)
    found = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link:first-child", "links => links.map(a => new URL(a.href).pathname)")
    assert len(found) == total, (total, found)
    return found


def open_results(page, url: str, query: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    if width < 960:  # on a phone the search box opens from the header's button
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)
    settled_results(page)


def results(page) -> list[dict]:
    """Each result as a visitor sees it: address, what it is, title, date, visible excerpt."""
    # The first link of an item is its page (h1); sections of that page follow (h2).
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link:first-child", """links => links.map(a => {
        // What the result is, and a course's next date: the page's tags, shown by Material.
        const h1 = a.querySelector('h1'), tags = [...a.querySelectorAll('.md-tag')].map(t => t.innerText.trim());
        const excerpt = [...a.querySelectorAll('article > :is(p, ul, ol):not(.md-search-result__terms)')].filter(p => p.offsetHeight > 0);
        return {path: new URL(a.href).pathname, kind: tags[0] || null,
                title: h1.innerText.trim(), when: tags[1] || null,
                excerpt: excerpt.map(p => p.innerText).join(' '),
                excerptLines: excerpt.map(p => Math.round(p.getBoundingClientRect().height /
                                                          parseFloat(getComputedStyle(p).lineHeight)))};
    })""")


@pytest.mark.parametrize("width", [390, 1280])
def test_results_say_what_they_are(page, sample_url, foreign_requests, width):
    open_results(page, sample_url, "håb", width)
    found = {r["path"]: r for r in results(page)}
    # The term and the theme share a name; each result says which one it is.
    assert found["/ordbog/haab-og-optimisme/"]["title"] == found["/temaer/hope/"]["title"] == "Håb og optimisme"
    assert found["/ordbog/haab-og-optimisme/"]["kind"] == "Ord i mini-ordbogen"
    assert found["/temaer/hope/"]["kind"] == "Tema"
    # A course says it is a course, and when it is next held (the build's today is 2026-11-22).
    course = found["/kurser/haab-i-hverdagen/"]
    assert course["kind"] == "Kursus"
    assert course["when"] == "Næste gang: onsdag den 10. marts 2027, kl.\u00a010.00\u2060–\u206012.00"
    assert foreign_requests == []


def items(page) -> list[dict]:
    """Each result item whole, as Material lays it out: its page (h1) with that page's tags,
    then the sections of the page that matched (h2), each with the tags it shows."""
    return page.eval_on_selector_all(".md-search-result__item", """items => items.map(li => {
        const tags = el => [...el.querySelectorAll('.md-tag')].map(t => t.textContent.trim());
        const articles = [...li.querySelectorAll('.md-search-result__article')];
        return {path: new URL(li.querySelector('.md-search-result__link').href).pathname,
                tags: tags(li), pageTags: tags(articles[0]),
                sections: articles.slice(1).map(a => ({title: a.querySelector('h2').textContent.trim(),
                                                      text: a.textContent, tags: tags(a)}))};
    })""")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_course_is_one_result_that_opens_at_its_top(page, sample_url, width):
    # "håb" is in the course's title, its description and its outcomes: the course is one
    # result, its title with the paragraph that matched, "Kursus" and its next date once.
    open_results(page, sample_url, "håb", width)
    [item] = [i for i in items(page) if i["path"] == "/kurser/haab-i-hverdagen/"]
    when = "Næste gang: onsdag den 10. marts 2027, kl.\u00a010.00\u2060–\u206012.00"
    assert item["pageTags"] == item["tags"] == ["Kursus", when], item
    assert item["sections"] == [], item
    [found] = [r for r in results(page) if r["path"] == "/kurser/haab-i-hverdagen/"]
    assert "håb" in found["excerpt"].lower() and found["excerptLines"] and found["excerptLines"][0] <= 3, found
    # It opens the page at its top, where the date and the way to sign up are.
    link = page.locator(".md-search-result__item > .md-search-result__link", has=page.locator("h1", has_text="Håb i hverdagen"))
    assert "#" not in link.first.get_attribute("href")
    link.first.click()
    page.wait_for_url("**/kurser/haab-i-hverdagen/**")
    assert page.evaluate("window.scrollY") == 0
    assert page.locator(".rs-keyfacts").first.bounding_box()["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_word_of_a_courses_outcomes_shows_them(page, sample_url, width):
    # Of this course, "bære" is only in what it says you get from it: the outcomes are the
    # excerpt, as one text of at most three lines, the word marked.
    open_results(page, sample_url, "bære", width)
    [found] = [r for r in results(page) if r["path"] == "/kurser/haab-i-hverdagen/"]
    assert found["excerpt"].startswith("Du kan sætte ord på, hvad der giver dig håb."), found
    assert found["excerptLines"] == [3 if width == 390 else 2], found
    link = page.locator(".md-search-result__link", has=page.locator("h1", has_text="Håb i hverdagen")).first
    assert link.locator("mark").all_inner_texts() == ["bære"]
    # The items are parted by a dot on the screen (not read aloud): no "håb.Du" run-on.
    first = link.locator("article > ul > li").nth(1)
    assert page.evaluate("li => getComputedStyle(li, '::before').content", first.element_handle()) == '" · " / ""'


@pytest.mark.parametrize("query, path, kind", [
    ("Kjærgaard", "/undervisere/maja-kjaergaard/", "Underviser"),
    ("Køge", "/steder/koege-huset/", "Sted"),
    ("CHIME", "/chime/", "Side"),  # an editor's own page
])
def test_teacher_place_and_listing_results_are_labelled(page, sample_url, query, path, kind):
    open_results(page, sample_url, query, 1280)
    found = {r["path"]: r for r in results(page)}
    assert found[path]["kind"] == kind


@pytest.mark.parametrize("width", [390, 1280])
def test_a_place_shows_the_fact_that_matched(page, sample_url, width):
    # Its address, accessibility and directions are each a paragraph: "Køge" shows the
    # address alone, not the three facts run together and cut off.
    open_results(page, sample_url, "Køge", width)
    found = {r["path"]: r for r in results(page)}
    assert found["/steder/koege-huset/"]["excerpt"] == "Eksempeltorvet 2, 4600 Køge", found
    assert found["/steder/koege-huset/"]["excerptLines"] == [1], found


def test_ended_and_cancelled_courses_say_so(page, sample_url):
    open_results(page, sample_url, "kommunen", 1280)
    found = {r["path"]: r for r in results(page)}
    assert found["/kurser/moeder-med-kommunen/"]["when"] == "Kurset er aflyst"
    open_results(page, sample_url, "netværk", 1280)
    found = {r["path"]: r for r in results(page)}
    assert found["/kurser/netvaerk-for-paaroerende-2026/"]["when"].startswith("Kurset sluttede ")


@pytest.mark.parametrize("width", [390, 1280])
def test_excerpts_are_short_and_read_as_written(page, sample_url, width):
    for query in ("chime", "håb", "peer"):
        open_results(page, sample_url, query, width)
        for r in results(page):
            # One paragraph of at most three lines per result.
            assert len(r["excerptLines"]) <= 1 and all(n <= 3 for n in r["excerptLines"]), r
            # No space left before punctuation where a link was taken out ("CHIME .").
            assert not re.search(r"\s[.,:;!?)]", r["excerpt"]), r


@pytest.mark.parametrize("width", [390, 1280])
def test_results_pass_axe(page, sample_url, axe, width):
    open_results(page, sample_url, "håb", width)
    assert axe(page) == []
