"""Glossary words are linked in the built site, with tooltips and backlinks."""

from __future__ import annotations

import re


def links(html: str, slug: str) -> list[str]:
    return re.findall(rf'<a class="rs-term" href="[^"]*" title="[^"]*" data-rs-term="{slug}">([^<]*)</a>', html)


def test_course_description_linked_once(spec_site):
    html = spec_site.html("kurser/haab/index.html")
    assert links(html, "personlig-recovery") == ["personlig recovery"]
    assert 'href="../../ordbog/personlig-recovery/"' in html
    # the tooltip is the term's short definition
    assert 'title="En proces, hvor man kommer sig og finder et meningsfuldt liv, med eller uden symptomer."' in html


def test_content_page_linked_but_not_in_code_or_links(spec_site):
    html = spec_site.html("index.html")
    assert links(html, "personlig-recovery") == ["personlig recovery"]
    assert links(html, "levede-erfaringer") == ["levede erfaringer"]
    assert "<code>personlig recovery</code>" in html
    assert '<a href="https://example.dk">personlig recovery</a>' in html


def test_definitions_link_other_terms_not_themselves(spec_site):
    html = spec_site.html("ordbog/erfaringskompetence/index.html")
    assert links(html, "levede-erfaringer") == ["levede erfaringer"]
    assert links(html, "erfaringskompetence") == []
    html = spec_site.html("ordbog/dobbeltkompetence/index.html")
    assert links(html, "erfaringskompetence") == ["erfaringskompetence"]
    az = spec_site.html("ordbog/index.html")
    assert links(az, "levede-erfaringer")  # definitions on the A-Z page link other terms


def test_term_page_lists_where_it_is_used(spec_site):
    html = spec_site.html("ordbog/personlig-recovery/index.html")
    usage = html.split('id="bruges-i"')[1].split("</section>")[0]
    assert "Kursus: Håb og recovery" in usage and 'href="../../kurser/haab/"' in usage
    assert 'href="../.."' in usage or 'href="../../"' in usage  # the front page uses it too
    html = spec_site.html("ordbog/dobbeltkompetence/index.html")
    assert "Ordet bruges ikke på andre sider endnu." in html


# --- the mini-ordbog as the fixture portal builds it --------------------------------------

def test_az_shows_each_short_definition_and_links_to_the_full_entry(sample_site):
    html = sample_site.html("ordbog/index.html")
    main = html.split('<article', 1)[1].split("</article>", 1)[0]
    entries = re.findall(r'<div class="rs-glossary__entry" id="([^"]+)">(.*?)</div>', main, re.S)
    assert len(entries) == 32
    for slug, entry in entries:
        assert f'<dt><a href="../{slug}/">' in entry or f'<dt><a href="{slug}/">' in entry, entry
        assert entry.count("<p>") == 1, (slug, entry)  # the first paragraph only
    # Only the letters are headings: the entries' own sub-headings live on their pages.
    assert re.findall(r"<h2[^>]*>([^<]*)</h2>", main) == re.findall(r'<h2 id="bogstav-[^"]+">([^<]*)</h2>', main)
    assert "Tre niveauer" not in main and "Kilde:" not in main
    assert "Tre niveauer" in sample_site.html("ordbog/empowerment/index.html")


def test_chime_definition_links_all_five_elements(sample_site):
    html = sample_site.html("ordbog/chime/index.html")
    for slug, word in [("forbundethed", "forbundethed"), ("haab-og-optimisme", "håb og optimisme"),
                       ("identitet", "identitet"), ("mening", "mening"), ("empowerment", "empowerment")]:
        assert links(html, slug) == [word], slug


def test_names_and_english_are_not_linked(sample_site):
    html = sample_site.html("ordbog/forbundethed/index.html")
    assert "projektet Peer-støtte i Region Hovedstaden" in html  # the name, as written, not a link
    assert links(html, "peer-stoette") == ["peer-støtte"]
    html = sample_site.html("ordbog/chime/index.html")
    assert '<span lang="en">Meaning in life</span>' in html
