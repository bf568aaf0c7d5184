"""What search is handed of a generated page (rskole.indexing)."""

import json
import random
import re

import pytest

from rskole import indexing

PAGE = ('<h1>Kursus</h1><!--rs:unindexed--><dl data-search-exclude="1"><dt>Næste gang</dt></dl><!--/rs:unindexed-->\n'
        '<h2 id="om">Om kurset</h2><p>Håb.</p>'
        '<!--rs:unindexed--><ol data-search-exclude="1"><li>1. marts</li></ol><!--/rs:unindexed-->'
        '<h2 id="sted">Sted</h2>')


def test_the_published_page_keeps_every_part_and_loses_the_markers():
    out = indexing.published(PAGE)
    assert "rs:unindexed" not in out
    assert "Næste gang" in out and "1. marts" in out
    assert out == PAGE.replace(indexing.START, "").replace(indexing.END, "")


def test_a_page_in_utf8_is_published_as_the_same_text():
    assert indexing.published_bytes(PAGE.encode("utf-8")).decode("utf-8") == indexing.published(PAGE)
    assert indexing.published_bytes(b"<p>uden markering</p>") == b"<p>uden markering</p>"


@pytest.mark.parametrize("html", [
    '<div class="a" data-search-exclude="1"><p data-search-boost="2">Håb – mod</p></div>',
    '<p>ingen</p>',
    '<li\tdata-search-exclude="ja">æ</li><b data-search-x="1">ø</b>',
])
def test_search_attributes_go_alike_from_text_and_from_utf8(html):
    assert indexing.without_search_attributes(html.encode("utf-8")) == indexing.without_search_attributes(html).encode("utf-8")


def test_search_gets_only_the_unmarked_parts_each_region_ending_at_its_own_end():
    out = indexing.indexed(PAGE)
    assert out == '<h1>Kursus</h1>\n<h2 id="om">Om kurset</h2><p>Håb.</p><h2 id="sted">Sted</h2>'


def test_search_attributes_go_as_materials_search_removes_them():
    html = '<div class="a" data-search-exclude="1"><p data-search-boost="2">x</p></div>'
    assert indexing.without_search_attributes(html) == '<div class="a"><p>x</p></div>'


def test_an_unclosed_region_is_left_to_search():
    # A template that forgot its end marker: search sees the rest rather than nothing.
    assert indexing.indexed("<p>a</p><!--rs:unindexed--><p>b</p>") == "<p>a</p><!--rs:unindexed--><p>b</p>"


MATERIAL = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # material/plugins/search/plugin.py


@pytest.mark.parametrize("seed", range(200))
def test_search_attributes_go_exactly_as_materials_pattern_removes_them(seed):
    rng = random.Random(seed)
    pieces = ["data-search-exclude=\"1\"", "data-search-boost=\"2\"", "data-search-", "data-search-x=\"\"",
              " ", "\n", "\t", "\u00a0", "\"", "=", "<p", ">", "a", "data-search-exclude", "x data-search-ab=\"c d\""]
    html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
    assert indexing.without_search_attributes(html) == MATERIAL.sub("", html)


def test_a_dirty_rebuild_keeps_every_page_it_did_not_build_again():
    previous = [{"location": "", "title": "Forside"}, {"location": "kurser/a/", "title": "A"},
                {"location": "kurser/a/#om-kurset", "title": "Om kurset"}, {"location": "kurser/b/", "title": "B"},
                {"location": "ordbog/c/", "title": "C"}]
    current = [{"location": "", "title": "Forside (ny)"}, {"location": "kurser/a/", "title": "A (ny)"}]
    site = {"", "kurser/a/", "kurser/b/", "ordbog/c/"}
    # The front page and A were built again; C was too, and gives no entry now.
    merged = indexing.merge_entries(previous, current, {"", "kurser/a/", "ordbog/c/"}, site)
    assert [e["title"] for e in merged] == ["B", "Forside (ny)", "A (ny)"]
    # B's course file was deleted: its page is no longer in the site, nor in search.
    merged = indexing.merge_entries(previous, current, {"", "kurser/a/"}, site - {"kurser/b/"})
    assert [e["title"] for e in merged] == ["C", "Forside (ny)", "A (ny)"]


def test_tags_stay_on_a_pages_own_entry_only():
    tags = ["Kursus", "Næste gang: onsdag den 10. marts 2027"]
    entries = [{"location": "", "title": "Forside", "text": ""},
               {"location": "kurser/a/", "title": "A", "text": "a", "tags": tags},
               {"location": "kurser/a/#om-kurset", "title": "Om kurset", "text": "b", "tags": tags},
               {"location": "kurser/a/#det-faar-du-med", "title": "Det får du med dig", "text": "c", "tags": tags, "boost": 2},
               {"location": "ordbog/haab/", "title": "Håb", "text": "d", "tags": ["Ord"], "boost": 5}]
    before = [dict(e) for e in entries]
    out = indexing.tags_on_pages_only(entries)
    assert [e.get("tags") for e in out] == [None, tags, None, None, ["Ord"]]
    # Everything else of every entry is kept, in the same order.
    assert [{k: v for k, v in e.items() if k != "tags"} for e in out] == [{k: v for k, v in e.items() if k != "tags"} for e in before]
    assert entries == before  # the entries handed in are not changed
    assert indexing.tags_on_pages_only([]) == []


def test_the_index_is_written_in_utf8_with_the_same_value():
    # What Material writes: compact, every letter beyond ASCII escaped.
    value = {"config": {"lang": ["da"]},
             "docs": [{"location": "ordbog/haab/", "title": "Håb", "tags": ["Næste gang: kl. 17.00\u2060–\u206019.00"],
                       "text": '<p>Pårørende "og" fagfolk\\ æøå ÆØÅ</p>'}]}
    material = json.dumps(value, separators=(",", ":"))
    written = indexing.in_utf8(material)
    assert json.loads(written) == value
    assert "Håb" in written and "Pårørende" in written and "\\u" not in written
    assert len(written.encode("utf-8")) < len(material.encode("utf-8"))
    assert indexing.in_utf8(written) == written


def test_an_index_that_utf8_cannot_hold_is_left_escaped():
    material = json.dumps({"docs": [{"text": "a\ud800b"}]}, separators=(",", ":"))
    assert indexing.in_utf8(material) == material


def test_a_whole_page_is_one_entry_with_its_sections_texts_in_order():
    tags = ["Kursus", "Næste gang: onsdag den 10. marts 2027"]
    entries = [{"location": "", "title": "Forside", "text": "<p>x</p>"},
               {"location": "kurser/a/", "title": "A", "text": "<p>Kort</p>", "tags": tags, "boost": 2},
               {"location": "kurser/a/#om-kurset", "title": "Om kurset", "text": "<p>Lang</p> <ul><li>et</li></ul>"},
               {"location": "kurser/a/#tom", "title": "Tom", "text": " "},
               {"location": "kurser/a/#det-faar-du-med", "title": "Det får du med dig", "text": "<ul><li>to</li></ul>"},
               {"location": "kurser/ab/#om-kurset", "title": "Om kurset", "text": "<p>Andet kursus</p>"},
               {"location": "ordbog/b/", "title": "B", "text": "<p>d</p>"},
               {"location": "ordbog/b/#se", "title": "Se", "text": "<p>e</p>"}]
    before = [dict(e) for e in entries]
    labels = frozenset({"om-kurset", "tom", "det-faar-du-med"})
    out = indexing.whole_pages(entries, {"kurser/a/": labels, "kurser/c/": labels})
    assert out == [before[0],
                   {"location": "kurser/a/", "title": "A", "tags": tags, "boost": 2,
                    "text": "<p>Kort</p><p>Lang</p> <ul><li>et</li></ul><ul><li>to</li></ul>"},
                   before[5], before[6], before[7]]
    assert entries == before  # the entries handed in are not changed
    assert indexing.whole_pages(entries, {}) == before


def test_a_heading_an_editor_wrote_is_searched_in_the_whole_page():
    # A description with its own "### Program" heading: Material makes it a section; its
    # title is the editor's words, unlike the template's "Om kurset".
    entries = [{"location": "kurser/a/", "title": "Søvn", "text": "<p>Kort</p>"},
               {"location": "kurser/a/#om-kurset", "title": "Om kurset", "text": "<p>Intro</p>"},
               {"location": "kurser/a/#program", "title": "Program: <code>mindfulness</code> og søvnhygiejne",
                "text": "<p>Uge 1</p>"},
               {"location": "kurser/a/#uden-titel", "title": "Søvn", "text": "<p>Mere</p>"},
               {"location": "kurser/a/#tom-titel", "title": "", "text": "<p>Sidst</p>"}]
    [page] = indexing.whole_pages(entries, {"kurser/a/": frozenset({"om-kurset"})})
    assert page["text"] == ("<p>Kort</p><p>Intro</p><p>Program: <code>mindfulness</code> og søvnhygiejne</p>"
                            "<p>Uge 1</p><p>Mere</p><p>Sidst</p>")


def test_text_outside_tags_is_parted_by_a_space_when_sections_join():
    entries = [{"location": "p/", "title": "P", "text": "første ord"},
               {"location": "p/#a", "title": "A", "text": "andet"},
               {"location": "p/#b", "title": "B", "text": "<p>tredje</p>"},
               {"location": "p/#c", "title": "C", "text": "fjerde <code>x</code>"},
               {"location": "p/#d", "title": "D", "text": "<code>y</code>"}]
    labels = {"p/": frozenset("abcd")}
    [page] = indexing.whole_pages(entries, labels)
    # Inline tags at the seam keep a space: "x y", not "xy".
    assert page["text"] == "første ord andet<p>tredje</p>fjerde <code>x</code> <code>y</code>"
    # A page whose own entry has no text takes its first section's as it is.
    [page] = indexing.whole_pages([{"location": "p/", "title": "P", "text": ""}, entries[2]], labels)
    assert page["text"] == "<p>tredje</p>"


def test_sections_without_their_page_entry_stay_as_they_are():
    # A page search left out but a section of it (or sections listed before their page).
    entries = [{"location": "p/#a", "title": "A", "text": "<p>a</p>"},
               {"location": "p/", "title": "P", "text": "<p>p</p>"}]
    assert indexing.whole_pages(entries, {"p/": frozenset()}) == entries


def test_no_space_is_left_between_two_blocks():
    entries = [{"location": "a/", "title": "A", "text": "<p>Et</p> <p>to</p>\n<ul> <li>tre</li> <li>fire</li> </ul> <p>fem</p>"},
               {"location": "b/", "title": "B", "text": "tekst <p>og</p> mere <code>x</code> <code>y</code>"},
               {"location": "c/", "title": "C", "text": "<pre><ul> <li>kode</li>\n</ul></pre> <p>p</p> <p>q</p><pre> </pre>"},
               {"location": "d/", "title": "D"}]
    before = [dict(e) for e in entries]
    out = indexing.tight(entries)
    assert out[0]["text"] == "<p>Et</p><p>to</p><ul><li>tre</li><li>fire</li></ul><p>fem</p>"
    # Text beside a tag, and inline tags, keep their spaces; so does the inside of <pre>.
    assert out[1] is entries[1]
    assert out[2]["text"] == "<pre><ul> <li>kode</li>\n</ul></pre> <p>p</p><p>q</p><pre> </pre>"
    assert out[3] is entries[3]
    assert entries == before


@pytest.mark.parametrize("seed", range(100))
def test_tightening_keeps_every_word_and_every_block(seed):
    rng = random.Random(seed)
    pieces = ["<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<code>", "</code>", "<pre>", "</pre>",
              " ", "  ", "\n", "ord", "æøå", ".", "\u00a0"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
    [entry] = indexing.tight([{"location": "a/", "title": "A", "text": text}])

    def words(t):  # what Material's script reads: the text between tags, split at spaces
        return [w for run in re.split(r"<[^>]+>", t) for w in run.split()]

    assert words(entry["text"]) == words(text)
    assert re.findall(r"<[^>]+>", entry["text"]) == re.findall(r"<[^>]+>", text)
    # Inside a <pre> block nothing changes.
    assert re.findall(r"<pre>.*?</pre>", entry["text"], re.S) == re.findall(r"<pre>.*?</pre>", text, re.S)
