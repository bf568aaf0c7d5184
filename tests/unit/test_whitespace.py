"""Indentation between tags is left out of a page; text, and every element whose white
space is shown or is code, stays exactly as it was."""

from __future__ import annotations

import pytest

from rskole.whitespace import compact


def test_indentation_between_tags_becomes_one_line_break():
    html = "<header>\n    <nav>\n\n        <a href=\"/\">Forside</a>\n      </nav>\n</header>\n"
    assert compact(html) == "<header>\n<nav>\n<a href=\"/\">Forside</a>\n</nav>\n</header>\n"


@pytest.mark.parametrize("html", [
    "<p>To ord</p> <p>på linje</p>",          # no line break: a space, kept as written
    "<p>Tekst\n    fortsætter</p>",           # white space inside text, not between tags
    "<span>a</span>\u00a0\n<span>b</span>",   # a no-break space is text
    "<b>x</b>\u2003\n  <i>y</i>",             # so is an em space
    "<td>\t</td>",
])
def test_text_and_spaces_that_show_are_kept(html):
    assert compact(html) == html


@pytest.mark.parametrize("tag", ["pre", "PRE", "textarea", "script", "style", "code", "kbd"])
def test_elements_whose_white_space_shows_or_is_code_are_kept_whole(tag):
    inner = "<span class=\"n\">a</span>\n    <span class=\"o\">=</span>\n        <span>1</span>"
    html = f"<div>\n  <{tag} class=\"x\">{inner}</{tag}>\n  <p>efter</p>\n</div>"
    assert compact(html) == f"<div>\n<{tag} class=\"x\">{inner}</{tag}>\n<p>efter</p>\n</div>"


def test_a_code_block_inside_pre_and_text_after_it():
    html = "<pre><code><span>if x:</span>\n    <span>y()</span>\n</code></pre>\n    <p>Slut</p>"
    assert compact(html) == "<pre><code><span>if x:</span>\n    <span>y()</span>\n</code></pre>\n<p>Slut</p>"


def test_an_element_left_open_keeps_the_rest_of_the_page():
    html = "<p>a</p>\n   <pre><b>x</b>\n    <b>y</b>\n   <p>b</p>"
    assert compact(html) == "<p>a</p>\n<pre><b>x</b>\n    <b>y</b>\n   <p>b</p>"


def test_names_that_only_begin_like_a_kept_element_are_compacted():
    html = "<codex>\n   <i>a</i>\n</codex>"
    assert compact(html) == "<codex>\n<i>a</i>\n</codex>"


def test_compact_twice_changes_nothing_more():
    html = "<ul>\n  <li>a</li>\n\n  <li>b</li>\n</ul>\n<script>\n  var a = '>\n  <';\n</script>\n  <p>c</p>"
    once = compact(html)
    assert once == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<script>\n  var a = '>\n  <';\n</script>\n<p>c</p>"
    assert compact(once) == once


def test_white_space_around_a_kept_element_with_none_inside_is_compacted():
    html = "<div>\n  <script>var a = 1;</script>\n  <code>x = 1</code>\n  <p>x</p>\n</div>"
    assert compact(html) == "<div>\n<script>var a = 1;</script>\n<code>x = 1</code>\n<p>x</p>\n</div>"
