"""What Material's search index holds for the portal's pages (the fixture portal)."""

from __future__ import annotations

import json
import re

import pytest


@pytest.fixture(scope="module")
def docs(sample_site) -> dict[str, dict]:
    index = json.loads((sample_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {d["location"]: d for d in index["docs"]}


@pytest.mark.parametrize("location, kind", [
    ("kurser/haab-i-hverdagen/", "Kursus"),
    ("ordbog/haab-og-optimisme/", "Ord i mini-ordbogen"),
    ("temaer/hope/", "Tema"),
    ("undervisere/maja-kjaergaard/", "Underviser"),
    ("steder/koege-huset/", "Sted"),
    ("chime/", "Side"),  # an editor's own page
])
def test_each_page_says_what_it_is(docs, location, kind):
    # Material's search shows a page's tags with each of its results.
    assert docs[location]["tags"][0] == kind


def test_term_and_theme_of_the_same_name_are_told_apart(docs):
    term, theme = docs["ordbog/haab-og-optimisme/"], docs["temaer/hope/"]
    assert term["title"] == theme["title"] == "Håb og optimisme"
    assert term["tags"] != theme["tags"]


def test_a_course_says_when_it_is_next_held(docs):
    assert docs["kurser/haab-i-hverdagen/"]["tags"] == [
        "Kursus", "Næste gang: onsdag den 10. marts 2027, kl.\u00a010.00\u2060–\u206012.00"]
    assert docs["kurser/moeder-med-kommunen/"]["tags"] == ["Kursus", "Kurset er aflyst"]
    assert docs["kurser/netvaerk-for-paaroerende-2026/"]["tags"][1].startswith("Kurset sluttede ")
    assert docs["kurser/kreativ-recovery/"]["tags"] == ["Kursus", "Datoer følger"]


def test_listings_and_repeated_parts_stay_out(docs):
    # Listings are excluded with search.exclude, repeated parts with data-search-exclude.
    assert not any(loc.startswith(("kurser/#", "kalender/", "arkiv/", "program/", "min-plan/")) or loc == "kurser/"
                   for loc in docs)
    course = " ".join(d["text"] for loc, d in docs.items() if loc.startswith("kurser/haab-i-hverdagen/"))
    assert "Næste gang" not in course and "Tilføj til min plan" not in course


def test_each_thing_is_searched_on_its_own_page_only(docs):
    # A course page's "Sted" and "Undervisere" are not searched there (repeated on every
    # course page), nor are a teacher's or a place's courses on theirs: a teacher is found
    # by name, role and bio, a place by its facts, a course on its own page.
    course = " ".join(d["text"] for loc, d in docs.items() if loc.startswith("kurser/haab-i-hverdagen/"))
    assert "Thomas Brandt" not in course and "Eksempelvej 12" not in course
    assert docs["undervisere/thomas-brandt/"]["title"] == "Thomas Brandt"
    assert "peer-medarbejder i socialpsykiatrien" in docs["undervisere/thomas-brandt/"]["text"]
    place = docs["steder/vaerkstedet/"]
    # Each fact its own paragraph: a result shows the one that matched, not all run together.
    assert place["title"] == "Værkstedet" and place["text"].startswith("<p>Eksempelvej 12, 4000 Roskilde</p><p>")
    for page in ("undervisere/thomas-brandt/", "steder/vaerkstedet/", "temaer/hope/"):
        assert [loc for loc in docs if loc.startswith(page + "#")] == []
        assert "Håb i hverdagen" not in docs[page]["text"]
    # Course titles are searched once, on the course's own entry.
    titles = [loc for loc, d in docs.items() if "Håb i hverdagen" in d["title"] + d["text"]]
    assert titles == ["kurser/haab-i-hverdagen/"], titles
    # An online course still says so in search: it has no place page of its own.
    assert docs["kurser/fem-veje-til-et-godt-liv/"]["text"].endswith(
        "<p>Kurset foregår online. Du får linket på mail, når du har meldt dig til.</p>")
    assert "online" in docs["kurser/peer-stoette-hvad-er-det/"]["text"]


def test_a_course_is_one_entry_with_all_its_own_words(docs):
    # One result a course, opening the page at its top (the date, the way to sign up):
    # its summary, its description and what you get from it, in the page's order.
    assert not [loc for loc in docs if loc.startswith("kurser/") and "#" in loc]
    text = docs["kurser/haab-i-hverdagen/"]["text"]
    summary = "<p>Seks formiddage om, hvad der giver håb"
    description = "<p>Håb er ikke noget, man enten har eller ikke har."
    listed = "<li>tid til at tale sammen i små grupper</li>"
    outcome = "<li>Du ved, hvordan andre kan være med til at bære håbet.</li>"
    assert text.startswith(summary)
    assert text.index(summary) < text.index(description) < text.index(listed) < text.index(outcome), text
    # The template's headings are not searched ("Om kurset", "Det får du med dig", "Sted"):
    # on no course, so registry.COURSE_HEADINGS names every id course.html gives them.
    for loc, d in docs.items():
        if loc.startswith("kurser/"):
            assert not {"<p>Om kurset</p>", "<p>Det får du med dig</p>", "<p>Sted</p>"} & set(
                re.findall(r"<p>[^<]*</p>", d["text"])), (loc, d["text"])
    assert "Om kurset" not in text and "Det får du med dig" not in text
    assert docs["kurser/haab-i-hverdagen/"]["title"] == "Håb i hverdagen"


def test_links_to_other_pages_are_not_searched_again(docs):
    # "Se også", "Hele mini-ordbogen", "Alle undervisere", the courses of a theme, a teacher
    # or a place, and the other themes: each is found on its own page. No entry is a
    # heading without text.
    for d in docs.values():
        assert d["text"].strip(), d
        for words in ("Se også", "Hele mini-ordbogen", "Alle undervisere", "Alle steder",
                      "Læs mere om ordet", "De andre temaer", "Kurser med temaet",
                      "Kommende kurser", "Tidligere kurser", "ingen kommende kurser"):
            assert words not in d["title"] and words not in d["text"], (d["location"], words)
    assert docs["ordbog/haab-og-optimisme/"]["text"]
    assert docs["temaer/hope/"]["text"].startswith("<p>At tro på, at det kan blive bedre")


def test_a_pages_tags_are_on_its_own_entry_only(docs):
    # Material's results show an entry's tags with it: the chips show once for a page.
    assert all("tags" not in d for loc, d in docs.items() if "#" in loc)
    assert all("tags" in d for loc, d in docs.items() if "#" not in loc and loc.startswith(("kurser/", "undervisere/", "steder/")))


def test_words_of_two_elements_do_not_run_together(docs):
    # Search splits words at white space only: "VærkstedetEksempelvej" or "AdresseEksempelvej"
    # could not be found by "Eksempelvej".
    for d in docs.values():
        text = re.sub(r"<[^>]+>", " ", d["text"])
        glued = [w for w in re.findall(r"\w*[a-zæøå.,;:!?)][A-ZÆØÅ]\w*", text) if w not in {"localStorage"}]
        assert glued == [], (d["location"], glued)


def test_text_reads_as_written(docs):
    for d in docs.values():
        # No space left before punctuation where a link was taken out ("CHIME .").
        assert not re.search(r"\w \.(\s|<|$)", d["text"]), (d["location"], d["text"][:300])


def test_generated_text_keeps_its_paragraphs_and_says_each_thing_once(docs):
    text = docs["ordbog/haab-og-optimisme/"]["text"]
    assert text.count("At tro på, at det er muligt") == 1
    assert docs["steder/koege-huset/"]["text"].count("Eksempeltorvet 2") == 1


def test_the_index_is_written_in_utf8(sample_site):
    # Danish letters as themselves: "\u00e5" would take six bytes for one å.
    raw = (sample_site.site / "search" / "search_index.json").read_bytes()
    text = raw.decode("utf-8")
    assert "Pårørende" in text or "pårørende" in text
    assert "\\u00" not in text


def test_a_heading_in_a_course_description_is_searched_with_the_course(project):
    # An editor's heading in a description is the course's own words (Material makes it a
    # section; the course is one entry): its title is searched, the template's are not.
    from pathlib import Path

    from sitekit import run_build

    root = project("spec-example")
    course = Path(root, "courses", "haab.yml")
    text = course.read_text(encoding="utf-8").replace(
        "  På kurset undersøger vi, hvad håb er, og hvordan personlig recovery kan se ud.\n",
        "  På kurset undersøger vi, hvad håb er, og hvordan personlig recovery kan se ud.\n\n"
        "  ### Program med søvnhygiejne\n\n  Første gang taler vi om drømme.\n")
    course.write_text(text, encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    index = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    courses = [d for d in index["docs"] if d["location"].startswith("kurser/haab/")]
    assert [d["location"] for d in courses] == ["kurser/haab/"]
    assert "<p>Program med søvnhygiejne</p><p>Første gang taler vi om drømme.</p>" in courses[0]["text"]
    assert "Om kurset" not in courses[0]["text"] and "Det får du med dig" not in courses[0]["text"]
