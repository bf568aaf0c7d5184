"""Plain text from rendered HTML (what search indexes for generated pages)."""

from __future__ import annotations

from rskole.text import plain


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
