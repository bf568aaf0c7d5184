"""Plain text from rendered HTML (what search indexes for generated pages)."""

from __future__ import annotations

import pytest

from types import SimpleNamespace

from rskole.text import plain, print_address, short_text, with_print_addresses


def test_no_space_where_a_link_was_taken_out():
    html = '<p>Læs om <a href="../chime/">CHIME</a>. Og om <a href="#">håb</a>, <em>mod</em>!</p>'
    assert plain(html) == "Læs om CHIME. Og om håb, mod!"


def test_each_block_is_its_own_line():
    html = "<p>Hver gang har vi:</p>\n<ul>\n<li>et kort oplæg</li>\n<li>tid til at tale</li>\n</ul><h2>Mere</h2><p>Slut.<br>Ny linje</p>"
    assert plain(html).split("\n") == ["Hver gang har vi:", "et kort oplæg", "tid til at tale", "Mere", "Slut.", "Ny linje"]


def test_whitespace_and_entities_collapse_and_scripts_vanish():
    assert plain("<p>  a&nbsp;&amp;\n b </p><script>alert(1)</script><style>p{}</style>") == "a & b"


def test_words_are_not_glued_across_blocks():
    assert plain("<li>en</li><li>to</li>") == "en\nto"
    assert plain("<p>en</p><p>to</p>").split() == ["en", "to"]


def test_print_addresses_follow_web_links_and_break_only_after_slashes():
    from rskole.text import print_address, with_print_addresses
    assert print_address("https://www.sundhed.dk/borger/") == "www.sundhed.dk/borger"
    long = "https://www.example.dk/en/meget/lang/sti/til/en/side/om/recovery/og/haab"
    assert print_address(long) == "www.example.dk/en/meget/lang/sti/til/en/…"
    html = '<p>Læs <a href="https://www.sundhed.dk/borger/">Sundhed.dk</a> og <a href="#x">her</a>.</p>'
    assert with_print_addresses(html) == ('<p>Læs <a href="https://www.sundhed.dk/borger/">Sundhed.dk</a>'
                                          '<span class="rs-print-url" data-search-exclude="1"> (www.sundhed.dk/<wbr>borger)</span> og <a href="#x">her</a>.</p>')
    # A link that shows its own address is left as it is.
    same = '<a href="https://example.dk">example.dk</a>'
    assert with_print_addresses(same) == same


@pytest.mark.parametrize("url, shown", [
    ("https://example.dk/", "example.dk"),
    ("http://example.dk/side?a=1&amp;b=2", "example.dk/side?a=1&b=2"),
    ("https://example.dk/a://b", "example.dk/a://b"),         # only the scheme's "://" goes
    ("https://example.dk/BOX/", "example.dk/BOX"),            # only the slash is stripped
    ("https://example.dk/" + "a" * 29, "example.dk/" + "a" * 29),                   # 40 characters: kept
    ("https://example.dk/" + "a" * 30, "example.dk/…"),                             # 41: cut at the slash
    ("https://example.dk/abc/" + "d" * 30, "example.dk/abc/…"),                     # at the last slash before 40
    ("https://" + "a" * 45 + ".dk/x/y", "a" * 45 + ".dk/…"),                       # no slash in 40: the host
])
def test_print_address(url, shown):
    assert print_address(url) == shown


@pytest.mark.parametrize("html, shown", [
    ('<a href="https://example.dk/s?a=1&amp;b=2">x</a>', "example.dk/<wbr>s?a=1&amp;b=2"),
    ('<a href="https://example.dk/&lt;b&gt;">x</a>', "example.dk/<wbr>&lt;b&gt;"),
])
def test_the_printed_address_is_escaped_html(html, shown):
    assert with_print_addresses(html) == html + f'<span class="rs-print-url" data-search-exclude="1"> ({shown})</span>'


def test_a_link_whose_text_is_its_address_in_markup_gets_no_second_address():
    html = '<a href="https://example.dk/"><code>example.dk</code></a>'
    assert with_print_addresses(html) == html


@pytest.mark.parametrize("body, short", [
    ("En *proces*, hvor man __kommer sig__.", "En proces, hvor man kommer sig."),
    ("Se [CHIME](../chime/) og ![et billede](x.png) her.", "Se CHIME og et billede her."),
    ("Tekst <em>med</em> `kode` og > citat.", "Tekst med kode og citat."),
    ("Før<script>\nalert(1)\n</script> efter <STYLE>p{}</style>.", "Før efter ."),
    ("# Overskrift\n\n<!-- en note -->\n\nDen første\nrigtige   afsnit.\n\nDet andet.", "Den første rigtige afsnit."),
    ("&amp; og &lt;b&gt;", "& og <b>"),
    ("# Kun en overskrift", ""),
    ("", ""),
])
def test_a_terms_short_text_is_its_first_paragraph_without_marks(body, short):
    assert short_text(SimpleNamespace(body=body)) == short
