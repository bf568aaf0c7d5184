"""The sanitiser of editors' rendered Markdown (rskole/safety.py): what survives and what not."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from rskole import safety

#: Event handlers an editor could paste from a web page or an email.
HANDLERS = ["onclick", "onmouseover", "onfocus", "onerror", "onload", "onpointerenter", "onanimationstart", "ONCLICK"]
#: The attributes each element may keep, so a test can tell "kept" from "dropped".
VOID = {"br", "hr"}


class Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def parsed(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Attributes()
    parser.feed(html)
    return parser.tags


def element(tag: str, attrs: str) -> str:
    return f"<{tag} {attrs}>" if tag in VOID else f"<{tag} {attrs}>tekst</{tag}>"


@pytest.mark.parametrize("tag", sorted(safety.TAGS))
def test_no_event_handler_survives_on_any_allowed_element(tag):
    handlers = " ".join(f'{h}="alert(1)"' for h in HANDLERS)
    html = element(tag, f'{handlers} href="https://example.dk" class="x"')
    # Inside a table or a list where the element belongs, so the parser keeps it.
    wrapped = {"td": "<table><tr>{}</tr></table>", "th": "<table><tr>{}</tr></table>", "tr": "<table>{}</table>",
               "li": "<ul>{}</ul>", "dt": "<dl>{}</dl>", "dd": "<dl>{}</dl>", "summary": "<details>{}</details>",
               "caption": "<table>{}</table>", "thead": "<table>{}</table>", "tbody": "<table>{}</table>",
               "tfoot": "<table>{}</table>"}.get(tag, "{}")
    out = parsed(safety.clean(wrapped.format(html)))
    kept = [t for t, _ in out]
    assert tag in kept, f"<{tag}> is in the allow-list and must survive: {out}"
    for name, attrs in out:
        assert not [a for a in attrs if a.lower().startswith("on")], (name, attrs)


def test_allowed_attributes_survive_and_others_are_dropped():
    html = ('<p class="note" style="color:red" id="p1">a <a href="https://example.dk" title="t" target="_blank">l</a>'
            ' <span class="s" title="x">s</span> <abbr title="forkortelse">fx</abbr></p>'
            '<h2 id="del-1" class="c">H</h2><ol start="3" type="a"><li>x</li></ol>'
            '<table><tr><th scope="col" colspan="2" align="left">h</th><td rowspan="2" align="right" width="9">d</td></tr></table>'
            '<details class="note" open><summary>s</summary>d</details><pre class="p"><code class="language-py">c</code></pre>')
    assert parsed(safety.clean(html)) == [
        ("p", {"class": "note"}),
        ("a", {"href": "https://example.dk", "title": "t"}),
        ("span", {"class": "s", "title": "x"}),  # nh3 keeps lang and title on every element
        ("abbr", {"title": "forkortelse"}),
        ("h2", {"id": "del-1"}),
        ("ol", {"start": "3"}),
        ("li", {}),
        ("table", {}), ("tbody", {}), ("tr", {}),
        ("th", {"scope": "col", "colspan": "2", "align": "left"}),
        ("td", {"rowspan": "2", "align": "right"}),
        ("details", {"class": "note", "open": ""}),
        ("summary", {}),
        ("pre", {"class": "p"}),
        ("code", {"class": "language-py"}),
    ]


@pytest.mark.parametrize("href, kept", [
    ("https://example.dk", True), ("http://example.dk", True), ("mailto:a@example.dk", True), ("tel:+4570201201", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False), ("vbscript:x", False),
    ("ftp://example.dk", False),
])
def test_only_http_mailto_and_tel_links(href, kept):
    [(tag, attrs)] = parsed(safety.clean(f'<a href="{href}">l</a>'))
    assert ("href" in attrs) is kept
    assert "rel" not in attrs  # no rel is added (link_rel=None): editors' links stay as written


@pytest.mark.parametrize("tag", ["script", "style", "iframe", "object", "template", "noscript", "svg", "math"])
def test_dangerous_elements_go_with_their_content(tag):
    out = safety.clean(f"før<{tag}>alert('x')</{tag}>efter")
    assert out == "førefter"


def test_unknown_elements_keep_their_text_and_comments_are_dropped():
    assert safety.clean("<blink>hej</blink><!-- <script>x</script> --> du") == "hej du"
    assert safety.clean("<img src=x onerror=alert(1)>billede") == "billede"
    assert safety.clean('<embed src="https://evil.example/x.swf">video') == "video"


def test_ordinary_markdown_output_is_unchanged():
    html = ("<h3 id=\"maal\">Mål</h3>\n<p>Tekst med <strong>fed</strong>, <em>kursiv</em> og <code>kode</code>.</p>\n"
            "<ul>\n<li>et</li>\n<li>to</li>\n</ul>\n<blockquote>\n<p>citat</p>\n</blockquote>\n<hr>")
    assert safety.clean(html) == html
