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
