"""The glossary linker: one rule per test, on small rendered-HTML fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from rskole.glossary import TermIndex, link

REPO = Path(__file__).resolve().parents[2]

ENTRIES = [
    ("recovery", ["Recovery", "recoveryproces", "recoveryprocessen"]),
    ("personlig-recovery", ["Personlig recovery", "personlige recovery"]),
    ("recovery-cafe", ["Recovery-café", "recovery café", "recovery caféen"]),
    ("peer-stoette", ["Peer-støtte", "peer-støtten"]),
    ("peer-stoettegiver", ["Peer-støttegiver", "peer-støttegivere"]),
    ("empowerment", ["Empowerment"]),
    ("haab-og-optimisme", ["Håb og optimisme"]),
]


@pytest.fixture
def index() -> TermIndex:
    return TermIndex.build(ENTRIES)


def href(slug: str) -> str:
    return f"/ordbog/{slug}/"


def title(slug: str) -> str:
    return f"Om {slug}"


def run(html: str, index: TermIndex, **kwargs) -> tuple[str, set[str]]:
    return link(html, index, href, title, **kwargs)


def linked_texts(html: str) -> list[tuple[str, str]]:
    """(slug, text) of every term link, in order."""
    return re.findall(r'<a class="rs-term" [^>]*data-rs-term="([^"]*)">(.*?)</a>', html, re.S)


# --- matching words ------------------------------------------------------------------------

def test_link_element_keeps_the_text_as_written(index):
    html, slugs = run("<p>Hvad er RECOVERY?</p>", index)
    assert html == ('<p>Hvad er <a class="rs-term" href="/ordbog/recovery/" title="Om recovery" '
                    'data-rs-term="recovery">RECOVERY</a>?</p>')
    assert slugs == {"recovery"}


def test_inflected_form_links_to_its_term(index):
    html, _ = run("<p>Det er en del af recoveryprocessen.</p>", index)
    assert linked_texts(html) == [("recovery", "recoveryprocessen")]


def test_case_does_not_matter(index):
    html, _ = run("<p>Personlig Recovery og EMPOWERMENT.</p>", index)
    assert linked_texts(html) == [("personlig-recovery", "Personlig Recovery"), ("empowerment", "EMPOWERMENT")]


def test_compound_word_is_not_its_first_part(index):
    html, slugs = run("<p>Velkommen på recoveryskolen og til recoveryarbejdet.</p>", index)
    assert slugs == set() and "rs-term" not in html


def test_compound_word_links_when_it_is_its_own_term():
    index = TermIndex.build(ENTRIES + [("recoveryskole", ["Recoveryskole", "recoveryskolen"])])
    html, _ = run("<p>Velkommen på recoveryskolen.</p>", index)
    assert linked_texts(html) == [("recoveryskole", "recoveryskolen")]


def test_longest_match_wins(index):
    html, _ = run("<p>Det handler om personlig recovery.</p>", index)
    assert linked_texts(html) == [("personlig-recovery", "personlig recovery")]


def test_longest_single_word_wins(index):
    html, _ = run("<p>En peer-støttegiver giver peer-støtte.</p>", index)
    assert linked_texts(html) == [("peer-stoettegiver", "peer-støttegiver"), ("peer-stoette", "peer-støtte")]


def test_multi_word_term_across_a_newline(index):
    html, _ = run("<p>Vi taler om personlig\n  recovery og om recovery\ncaféen.</p>", index)
    assert linked_texts(html) == [("personlig-recovery", "personlig\n  recovery"), ("recovery-cafe", "recovery\ncaféen")]


def test_multi_word_term_across_nbsp_entity(index):
    html, _ = run("<p>Håb&nbsp;og optimisme</p>", index)
    assert linked_texts(html) == [("haab-og-optimisme", "Håb&nbsp;og optimisme")]


def test_multi_word_term_not_across_punctuation_or_tags(index):
    html, _ = run("<p>personlig, recovery</p><p>personlig <em>recovery</em></p>", index)
    assert linked_texts(html) == [("recovery", "recovery")]


def test_hyphenated_words(index):
    html, _ = run("<p>Peer er engelsk. Om peer-støtten.</p>", index)
    assert linked_texts(html) == [("peer-stoette", "peer-støtten")]


def test_peer_alone_is_not_a_hyphenated_term(index):
    html, slugs = run("<p>En peer og en anden peer.</p>", index)
    assert slugs == set()


def test_hyphenated_compound_and_truncated_compound_are_not_words(index):
    html, slugs = run("<p>recovery-skolen, peer-støtte-projekterne og recovery- og støtteforløb</p>", index)
    assert slugs == set()


def test_unicode_spellings_of_the_same_word(index):
    # Decomposed "é" (e + combining accent), a non-breaking hyphen, letters in other cases.
    html, _ = run("<p>recovery cafe\u0301en og PEER\u2011STØTTEN</p>", index)
    assert linked_texts(html) == [("recovery-cafe", "recovery cafe\u0301en"), ("peer-stoette", "PEER\u2011STØTTEN")]


def test_soft_hyphen_does_not_split_a_compound(index):
    src = "<p>recovery\u00adskolen og recovery&shy;skolen</p>"
    assert run(src, index) == (src, set())


def test_words_next_to_punctuation(index):
    html, _ = run("<p>Om recovery, og (empowerment).</p>", index)
    assert linked_texts(html) == [("recovery", "recovery"), ("empowerment", "empowerment")]
    assert "(<a " in html and "</a>)." in html


# --- where not to link -----------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p><code>recovery</code></p>",
    "<pre><code>recovery\n</code></pre>",
    "<pre>personlig recovery</pre>",
    '<p><a href="/x/">om recovery</a></p>',
    "<h2>Recovery</h2>",
    "<h1 id='r'>Om <em>recovery</em></h1>",
    "<p><abbr title='x'>recovery</abbr> <kbd>recovery</kbd></p>",
    "<button>recovery</button><label>recovery</label><textarea>recovery</textarea>",
    "<svg><text>recovery</text></svg>",
    "<script>var recovery = '<p>recovery</p>';</script><style>.recovery {}</style>",
    '<div class="x" data-rs-nolink><p>recovery</p><div>nested</div><p>recovery</p></div>',
    "<p>Ikke <span data-rs-nolink=\"\">recovery</span></p>",
])
def test_never_inside_skipped_elements(index, html):
    out, slugs = run(html, index)
    assert out == html and slugs == set()


def test_links_again_after_a_skipped_element(index):
    html, _ = run("<h2>Recovery</h2><p><code>recovery</code> og recovery</p>", index)
    assert linked_texts(html) == [("recovery", "recovery")]
    assert html.startswith("<h2>Recovery</h2><p><code>recovery</code> og <a ")


def test_nested_nolink_element_of_the_same_name(index):
    html, _ = run("<div data-rs-nolink><div>recovery</div>recovery</div><div>recovery</div>", index)
    assert linked_texts(html) == [("recovery", "recovery")]
    assert html.endswith('">recovery</a></div>')


def test_comments_and_attributes_pass_through(index):
    src = '<!-- recovery --><p title="recovery" class="recovery">x</p><img alt="recovery"><br/>'
    out, slugs = run(src, index)
    assert out == src and slugs == set()


def test_quoted_attribute_may_hold_a_bracket(index):
    src = '<p title="a > recovery">tekst</p>'
    assert run(src, index)[0] == src


def test_entities_untouched(index):
    # An entity standing for a letter makes the word next to it a fragment: not linked.
    src = "<p>&#114;ecovery caf&eacute;recovery recovery&shy;proces R&amp;D &lt;recovery&gt;</p>"
    out, slugs = run(src, index)
    # "&lt;recovery&gt;" is a whole word between two brackets: linked, entities kept as written.
    assert out == src.replace("&lt;recovery&gt;", "&lt;" + link("recovery", index, href, title)[0] + "&gt;")
    assert slugs == {"recovery"}


def test_word_between_punctuation_entities_is_whole(index):
    out, _ = run("<p>&amp;recovery;</p>", index)
    assert linked_texts(out) == [("recovery", "recovery")] and out.startswith("<p>&amp;<a ")


def test_entity_name_is_not_a_word():
    index = TermIndex.build([("amp", ["amp"]), ("nbsp", ["nbsp"])])
    src = "<p>A &amp; B&nbsp;C</p>"
    assert run(src, index) == (src, set())


# --- per page ------------------------------------------------------------------------------

def test_once_per_page(index):
    html, slugs = run("<p>recovery og recovery</p><p>Recovery</p>", index)
    assert linked_texts(html) == [("recovery", "recovery")]
    assert slugs == {"recovery"}


def test_once_is_shared_across_calls_for_one_page(index):
    once: set[str] = set()
    first, s1 = run("<p>Om recovery.</p>", index, once=once)
    second, s2 = run("<ul><li>Recovery og empowerment</li></ul>", index, once=once)
    assert s1 == {"recovery"} and s2 == {"empowerment"}
    assert once == {"recovery", "empowerment"}
    assert linked_texts(second) == [("empowerment", "empowerment")]


def test_own_page_is_not_linked(index):
    html, slugs = run("<p>Personlig recovery er recovery.</p>", index, skip={"personlig-recovery"})
    # The phrase is consumed (its "recovery" is not a link to recovery); the later one is.
    assert linked_texts(html) == [("recovery", "recovery")]
    assert html.startswith("<p>Personlig recovery er <a ")


def test_title_and_href_are_attribute_escaped(index):
    html, _ = link("<p>recovery</p>", index, lambda s: '/o?a=1&b="2"', lambda s: 'Et "ord" <b> & \'x\'')
    assert 'href="/o?a=1&amp;b=&quot;2&quot;"' in html
    assert 'title="Et &quot;ord&quot; &lt;b&gt; &amp; &#x27;x&#x27;"' in html


# --- malformed HTML ------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p>recovery <a href='/x'>ingen slutning recovery",
    "<p>recovery <code>ingen slutning recovery",
    "<p>recovery <a href=\"/x",
    "<p>recovery <!-- ingen slutning recovery",
    "<script>recovery",
    "</p></div>recovery<p",
    "<<>><p>a < b recovery > c</p>",
    "<h2>overskrift</h3> recovery",
    "<br><hr/><img src=x> recovery",
    "<p title='uafsluttet>recovery</p>",
    "&amp &#; &#x; & recovery &",
    "",
])
def test_malformed_html_does_not_raise(index, html):
    out, slugs = run(html, index)
    assert re.sub(r'<a class="rs-term"[^>]*>|(?<=recovery)</a>', "", out) == html
    assert slugs <= {"recovery"}


def test_unclosed_skip_element_skips_to_the_end(index):
    src = "<p>recovery <code>empowerment personlig recovery"
    out, slugs = run(src, index)
    assert slugs == {"recovery"} and out.endswith("<code>empowerment personlig recovery")


def test_any_heading_end_closes_a_heading(index):
    out, _ = run("<h2>recovery</h3><p>empowerment</p>", index)
    assert linked_texts(out) == [("empowerment", "empowerment")]


# --- the index -----------------------------------------------------------------------------

def test_lookup(index):
    assert index.lookup("Peer-Støtten") == "peer-stoette"
    assert index.lookup("personlig   RECOVERY") == "personlig-recovery"
    assert index.lookup("personlig") is None  # a prefix of a phrase is not a term
    assert index.lookup("recoveryskolen") is None
    assert index.lookup("recovery, café") is None


def test_term_name_wins_over_another_terms_form():
    index = TermIndex.build([("a", ["Alfa", "beta"]), ("b", ["Beta"])])
    assert index.lookup("beta") == "b"
    assert index.conflicts == [("beta", "b", "a")]


def test_unmatchable_forms_are_reported():
    index = TermIndex.build([("rd", ["R&D", "Forskning"])])
    assert index.unmatchable == [("rd", "R&D")]
    assert index.lookup("forskning") == "rd"


# --- the real glossary -----------------------------------------------------------------------

def load_glossary(folder: Path) -> list[tuple[str, list[str]]]:
    entries = []
    for path in sorted(folder.glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---", 2)[1]
        meta = yaml.safe_load(front)
        entries.append((path.stem, [meta["term"], *meta.get("forms", [])]))
    return entries


def test_real_glossary():
    index = TermIndex.build(load_glossary(REPO / "tests" / "fixtures" / "portal" / "glossary"))
    assert index.conflicts == [] and index.unmatchable == []
    paragraph = (
        "<p>På recoveryskolen underviser en med <strong>levede erfaringer</strong> og en fagprofessionel. "
        "Vi taler om personlig\nrecovery, om CHIME-modellen og om peer-støtte. "
        "Mange peer-støttegivere mødes på en recovery café. Recovery er for alle.</p>"
        "<h2>Recovery</h2><p><code>chime</code></p>"
    )
    html, slugs = link(paragraph, index, href, title, skip={"recoveryskole"})
    assert linked_texts(html) == [
        ("levede-erfaringer", "levede erfaringer"),
        ("personlig-recovery", "personlig\nrecovery"),
        ("chime", "CHIME-modellen"),
        ("peer-stoette", "peer-støtte"),
        ("peer-stoettegiver", "peer-støttegivere"),
        ("recovery-cafe", "recovery café"),
        ("recovery", "Recovery"),
    ]
    assert "recoveryskole" not in slugs
    assert html.endswith("<h2>Recovery</h2><p><code>chime</code></p>")


@pytest.mark.parametrize("text, slug", [
    # The five CHIME elements, as Danish text names them (the theme names and their forms).
    ("forbundethed", "forbundethed"), ("forbundetheden", "forbundethed"),
    ("håb og optimisme", "haab-og-optimisme"), ("fremtidsoptimisme", "haab-og-optimisme"),
    ("identitet", "identitet"), ("identiteten", "identitet"), ("en positiv identitet", None),
    ("positiv identitet", "identitet"),
    ("mening", "mening"), ("meningen", "mening"), ("mening med livet", "mening"),
    ("empowerment", "empowerment"),
])
def test_real_glossary_finds_the_chime_elements(text, slug):
    index = TermIndex.build(load_glossary(REPO / "tests" / "fixtures" / "portal" / "glossary"))
    assert index.lookup(text) == slug


def test_real_glossary_links_all_five_chime_elements_in_a_sentence():
    index = TermIndex.build(load_glossary(REPO / "tests" / "fixtures" / "portal" / "glossary"))
    html, slugs = link("<p>De fem temaer er forbundethed, håb og optimisme, identitet, mening og empowerment.</p>",
                       index, href, title)
    assert linked_texts(html) == [("forbundethed", "forbundethed"), ("haab-og-optimisme", "håb og optimisme"),
                                  ("identitet", "identitet"), ("mening", "mening"), ("empowerment", "empowerment")]


def test_real_glossary_leaves_names_and_english_alone():
    index = TermIndex.build(load_glossary(REPO / "tests" / "fixtures" / "portal" / "glossary"))
    html, _ = link('<p>En rapport fra projektet Peer-støtte i Region Hovedstaden viser, at peer-støtte virker.</p>'
                   '<ul><li><strong>M – <span lang="en">Meaning in life</span>:</strong> mening med livet</li></ul>',
                   index, href, title)
    assert linked_texts(html) == [("peer-stoette", "peer-støtte"), ("mening", "mening med livet")]


# --- cost ----------------------------------------------------------------------------------

def synthetic_entries(count: int) -> list[tuple[str, list[str]]]:
    """count terms with 3 forms each; every fifth term is two words, every tenth three."""
    entries = []
    for i in range(count):
        stem = f"ord{i}"
        words = [stem] + [f"led{i}"] * (i % 5 == 0) + [f"del{i}"] * (i % 10 == 0)
        name = " ".join(words)
        entries.append((f"t{i}", [name, name + "en", name + "er", name + "erne"]))
    return entries


def test_work_is_linear_in_words_not_terms():
    text_words = []
    for i in range(2000):
        text_words += [f"ord{i % 400}", "og", f"led{i % 300}", "tekst", "ord0"]
    html = "<p>" + " ".join(text_words) + "</p>"
    words = len(text_words)

    big = TermIndex.build(synthetic_entries(300))
    assert len(big) == 1200 and big.max_words == 3
    link(html, big, href, title)
    assert big.words_scanned == words
    assert big.lookups <= words * big.max_words

    # Ten times fewer terms: the same text costs about the same number of lookups.
    small = TermIndex.build(synthetic_entries(30))
    link(html, small, href, title)
    assert small.words_scanned == words
    assert big.lookups <= 2 * small.lookups


# --- proper names and other languages ------------------------------------------------

NAMES = ENTRIES + [
    ("chime", ["CHIME", "chime-modellen"]),
    ("socialstyrelsen", ["Socialstyrelsen", "Socialstyrelsens"]),
    ("mening", ["Mening", "meningen", "mening med livet", "meaning in life"]),
]


@pytest.fixture
def names() -> TermIndex:
    return TermIndex.build(NAMES)


def test_capitalised_inside_a_sentence_is_a_name(names):
    html, slugs = run("<p>Rapporten fra Projekt Peer-støtte i Region Hovedstaden viser, at peer-støtte virker.</p>", names)
    assert linked_texts(html) == [("peer-stoette", "peer-støtte")]  # the common noun, not the name


def test_capitalised_at_the_start_of_a_sentence_is_the_word(names):
    for html in ("<p>Peer-støtte er støtte.</p>", "<p>Det er godt. Peer-støtte hjælper.</p>",
                 "<ul><li>Peer-støtte i grupper</li></ul>", "<p>Sådan: Peer-støtte hjælper.</p>",
                 "<p><strong>Peer-støtte</strong> hjælper.</p>", "<td>Peer-støtte</td>",
                 '<p>Hun sagde: &quot;Peer-støtte hjælper.&quot;</p>', "<p>Først.<br>Peer-støtte</p>"):
        assert run(html, names)[1] == {"peer-stoette"}, html


def test_a_name_does_not_use_up_the_term(names):
    html, _ = run("<p>Hos Peer-støtte Danmark taler vi om peer-støtte.</p>", names)
    assert linked_texts(html) == [("peer-stoette", "peer-støtte")]


def test_terms_written_with_capitals_are_linked_anywhere(names):
    html, slugs = run("<p>Modellen hedder CHIME, og Socialstyrelsens rapport bruger CHIME-modellen.</p>", names)
    assert slugs == {"chime", "socialstyrelsen"}
    assert names.capitalised == {"chime", "socialstyrelsen"}


def test_all_capitals_is_emphasis_not_a_name(names):
    assert run("<p>Det hedder PEER-STØTTE.</p>", names)[1] == {"peer-stoette"}


def test_text_in_another_language_is_not_linked(names):
    html, slugs = run('<ul><li><strong>M – <span lang="en">Meaning in life</span>:</strong> mening med livet</li></ul>', names)
    assert linked_texts(html) == [("mening", "mening med livet")]
    for marked in ('<p lang="en">meaning in life</p>', "<p><i lang='en-GB'>meaning in life</i></p>",
                   '<p><span xml:lang="en" lang=en>meaning in life</span></p>'):
        assert run(marked, names)[1] == set(), marked
    assert run('<p lang="da">mening med livet</p>', names)[1] == {"mening"}
    assert run('<p lang="da-DK">mening med livet</p>', names)[1] == {"mening"}


def test_words_after_skipped_text_are_inside_the_sentence(names):
    # A link or code before the word: the word does not begin a sentence.
    assert run('<p><a href="#">Læs</a> Peer-støtte</p>', names)[1] == set()
    assert run('<p>Se <code>x</code> Peer-støtte</p>', names)[1] == set()
