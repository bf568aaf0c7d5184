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
