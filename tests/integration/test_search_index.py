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
    ("kalender/", "Side"),
])
def test_each_generated_page_says_what_it_is(docs, location, kind):
    assert docs[location]["title"].startswith(f"<sup>{kind}</sup> ")


def test_term_and_theme_of_the_same_name_are_told_apart(docs):
    term, theme = docs["ordbog/haab-og-optimisme/"]["title"], docs["temaer/hope/"]["title"]
    assert "Håb og optimisme" in term and "Håb og optimisme" in theme and term != theme


def test_a_course_says_when_it_is_next_held(docs):
    assert docs["kurser/haab-i-hverdagen/"]["title"].endswith(
        "<sub>Næste gang: onsdag den 10. marts 2027, kl.\u00a010.00\u2060–\u206012.00</sub>")
    assert docs["kurser/moeder-med-kommunen/"]["title"].endswith("<sub>Kurset er aflyst</sub>")
    assert "<sub>Kurset sluttede " in docs["kurser/netvaerk-for-paaroerende-2026/"]["title"]
    assert docs["kurser/kreativ-recovery/"]["title"].endswith("<sub>Datoer følger</sub>")


def test_text_reads_as_written(docs):
    for d in docs.values():
        # No space left before punctuation where a link was taken out ("CHIME .").
        assert not re.search(r"\w \.(\s|<|$)", d["text"]), (d["location"], d["text"][:300])


def test_generated_text_keeps_its_paragraphs_and_says_each_thing_once(docs):
    text = docs["ordbog/haab-og-optimisme/"]["text"]
    paragraphs = re.findall(r"<p>(.*?)</p>", text)
    assert paragraphs[0] == ("At tro på, at det er muligt at komme sig, og at have mod på fremtiden. "
                             "Håb og optimisme er ét af de fem elementer i CHIME.")
    assert text.count("At tro på, at det er muligt") == 1
    assert "at tro på, at recovery er mulig" in paragraphs  # a list item is its own paragraph
    assert docs["steder/koege-huset/"]["text"].count("Eksempeltorvet 2") == 1
