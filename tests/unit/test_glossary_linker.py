"""The glossary linker, continued: sentence starts around markup, raw text and skipped
elements, the catalogue's terms in a fixed order, and the work counters the bench reads."""

from __future__ import annotations

import re

import pytest

from rskole.catalogue import Term
from rskole.glossary import TermIndex, link
from rskole.model import TermSpec

from helpers import problems_of

ENTRIES = [
    ("recovery", ["Recovery", "recoveryproces"]),
    ("personlig-recovery", ["Personlig recovery", "personlige recovery"]),
    ("peer-stoette", ["Peer-støtte", "peer-støtten"]),
    ("empowerment", ["Empowerment"]),
]


@pytest.fixture
def index() -> TermIndex:
    return TermIndex.build(ENTRIES)


def run(html: str, index: TermIndex) -> str:
    return link(html, index, lambda slug: f"/ordbog/{slug}/", lambda slug: f"Om {slug}")[0]


def linked(html: str) -> list[tuple[str, str]]:
    """(slug, text) of every term link, in order."""
    return re.findall(r'<a class="rs-term" [^>]*data-rs-term="([^"]*)">(.*?)</a>', html, re.S)


# --- a capital letter: the word beginning a sentence, or part of a name -------------------

@pytest.mark.parametrize("html", [
    # The sentence ends just before the tag around the word.
    "<p>Det virker. <strong>Peer-støtte</strong> hjælper.</p>",
    # The full stop is written as an entity.
    "<p>Det virker&#33; Peer-støtte hjælper.</p>",
    "<p>Det virker&period; Peer-støtte hjælper.</p>",
    # A stray end tag of a skipped element changes nothing.
    "<p>Det virker.</code> Peer-støtte hjælper.</p>",
])
def test_capitalised_term_beginning_a_sentence_is_linked(index, html):
    assert linked(run(html, index)) == [("peer-stoette", "Peer-støtte")]


@pytest.mark.parametrize("html", [
    # Inside a sentence, across an inline tag: a name.
    "<p>Rapporten fra <em>Projekt Peer-støtte</em> viser det.</p>",
    "<p>Læs om <strong>Peer-støtte</strong> i Region Hovedstaden.</p>",
    # A name made of two terms: neither is linked.
    "<p>Vi samarbejder med Recovery Peer-støtte Netværket.</p>",
    # English words stand in the sentence too.
    '<p><span lang="en">Recovery College</span> Peer-støtte er et projekt.</p>',
    # So does a truncated compound ("gruppe- eller peer-støtte").
    "<li>Gruppe-/Peer-støtte</li>",
])
def test_capitalised_term_inside_a_sentence_is_a_name(index, html):
    assert linked(run(html, index)) == []


# --- markup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<!-- kommentar --><p>Om recovery.</p>",
    "<!DOCTYPE html><p>Om recovery.</p>",
    "<script>var a = 1;</script><p>Om recovery.</p>",
    "<SCRIPT>var a = 1;</SCRIPT><p>Om recovery.</p>",
    "<script>var a = 1;</script><p>x</p><script>var b = 2;</script><p>Om recovery.</p>",
    # Script text that looks like markup is not markup.
    '<script>var tag = "<script>";</script><p>Om recovery.</p>',
    "<style>p::before { content: '<!--'; }</style><p>Om recovery.</p>",
    # Void elements close themselves, even with lang or data-rs-nolink.
    '<p><img src="logo.png" alt="Recovery College" lang="en"> Om recovery.</p>',
    '<p>Linje<br data-rs-nolink>Om recovery.</p>',
    # In SVG, "/>" closes an element, a nested <svg/> too.
    '<p><svg viewBox="0 0 1 1"><svg x="0"/><path d="M0 0"/></svg> Om recovery.</p>',
    # Optional end tags (</li>, </p>) inside a skipped element.
    "<div data-rs-nolink><ul><li>recovery</ul><p>recovery</div><p>Om recovery.</p>",
])
def test_text_after_markup_is_linked(index, html):
    out = run(html, index)
    assert linked(out) == [("recovery", "recovery")]
    assert out.endswith('Om <a class="rs-term" href="/ordbog/recovery/" title="Om recovery" '
                        'data-rs-term="recovery">recovery</a>.</p>')


# --- the index --------------------------------------------------------------------------------

def test_phrase_right_after_an_entity(index):
    out = run("<p>Hun kalder det &quot;personlig recovery&quot;.</p>", index)
    assert linked(out) == [("personlig-recovery", "personlig recovery")]


@pytest.mark.parametrize("form", ["recovery-", "(recovery", "recovery,"])
def test_form_that_is_not_whole_words_is_reported_to_the_editor(tmp_path, form):
    text = f"---\nterm: Recovery\nforms: ['{form}']\n---\nEn proces.\n"
    assert problems_of(tmp_path, {"glossary/recovery.md": text}) == [
        f"glossary/recovery.md:3: bøjningsformen '{form}' kan aldrig findes i en tekst, fordi det ikke er hele ord "
        "(fx tegn som & eller / midt i); skriv det med bogstaver, tal og bindestreger"
    ]


def test_term_whose_name_has_a_capital_after_its_first_letter_is_linked_inside_a_sentence():
    # "IT-hjælp": a capitalised occurrence inside a sentence is the term, not a name.
    index = TermIndex.build([("it-hjaelp", ["IT-hjælp"])])
    assert index.capitalised == {"it-hjaelp"}
    assert linked(run("<p>Vi tilbyder IT-hjælp om tirsdagen.</p>", index)) == [("it-hjaelp", "IT-hjælp")]


def term(slug: str, name: str, *forms: str) -> Term:
    return Term(slug, TermSpec(term=name, forms=list(forms)), "Definition.\n", f"glossary/{slug}.md")


def test_terms_from_the_catalogue_take_precedence_in_slug_order():
    # Whatever order the files were read in, the first slug keeps a form claimed twice.
    terms = [term("stoette", "Støtte", "peerstøtte"), term("peer-stoette", "Peer-støtte", "peerstøtte")]
    index = TermIndex.from_terms(terms)
    assert index.lookup("peerstøtte") == "peer-stoette"
    assert index.conflicts == [("peerstøtte", "peer-stoette", "stoette")]
    assert index.lookup("Støtte") == "stoette"


@pytest.mark.parametrize("entries, forms, max_words", [
    ([], 0, 0),
    ([("recovery", ["Recovery", "recoveryen"])], 2, 1),
    (ENTRIES, 7, 2),
    ([("haab", ["Håb og optimisme", "håb"])], 2, 3),
])
def test_index_size_and_longest_form(entries, forms, max_words):
    index = TermIndex.build(entries)
    assert len(index) == forms and index.max_words == max_words


def test_counters_add_up_over_text_runs_and_calls_and_reset(index):
    html = "<p>personlig recovery og empowerment</p><p>Om <em>recovery</em> caf&eacute;</p>"
    # Words: personlig, recovery, og, empowerment | Om | recovery | (caf&eacute; is no word).
    # Lookups: "personlig", "personlig recovery", "og", "empowerment", "om", "recovery".
    run(html, index)
    assert (index.words_scanned, index.lookups) == (6, 6)
    run(html, index)
    assert (index.words_scanned, index.lookups) == (12, 12)
    index.reset_counters()
    assert (index.words_scanned, index.lookups) == (0, 0)
    run(html, index)
    assert (index.words_scanned, index.lookups) == (6, 6)
