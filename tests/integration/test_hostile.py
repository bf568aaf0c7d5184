"""An injection corpus rendered into a site: nothing unescaped reaches the HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from sitekit import make_project, run_build

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hostile") / "p", "hostile")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return result


class InjectionFinder(HTMLParser):
    """Finds injected code that would run: scripts with our payloads, event-handler
    attributes, javascript: URLs, frames. Escaped text (inert) is not a finding."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")
        # Only executable scripts count; JSON data blocks are not run.
        kind = dict(attrs).get("type", "") or ""
        self._in_script = tag == "script" and kind.lower() in ("", "text/javascript", "module")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"script: {data[:80]}")


def injections(html: str) -> list[str]:
    finder = InjectionFinder()
    finder.feed(html)
    return finder.found


def test_nothing_unescaped_in_any_page(hostile_site):
    for path in hostile_site.site.rglob("*.html"):
        assert injections(path.read_text(encoding="utf-8")) == [], path


def test_markdown_survives_sanitizing(hostile_site):
    html = hostile_site.html("kurser/ondsindet/index.html")
    assert "<strong>fed</strong>" in html and "<em>kursiv</em>" in html
    assert '<a href="https://example.dk">god link</a>' in html
    assert "<table>" in html and "<li>punkt et</li>" in html


def test_feeds_escape_hostile_text(hostile_site):
    data = json.loads((hostile_site.site / "kurser.json").read_text(encoding="utf-8"))
    titles = [c["title"] for c in data["courses"]]
    assert any("</script>" in t for t in titles)  # kept as text, valid JSON
    ics = (hostile_site.site / "kurser" / "ondsindet.ics").read_bytes()
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))  # folded per RFC 5545
    assert b"\x07" not in ics and "\u202e".encode() not in ics  # control and bidi characters are dropped
    # The Atom feed parses as XML, and a hostile title is in it as text, whole (not
    # dropped, not cut at "<", not turned into elements), without its bidi override.
    root = ET.fromstring((hostile_site.site / "feed.xml").read_bytes())
    titles = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")}
    assert titles["https://recoveryskolen.example.dk/kurser/ondsindet/"] == "Håb </script><script>alert('title')</script> evil"
    assert titles["https://recoveryskolen.example.dk/kurser/kommentar/"] == "Håb <!--<script x"
    assert not [e for e in root.iter() if not e.tag.startswith(ATOM)]  # no injected element


def test_json_ld_is_valid_json(hostile_site):
    html = hostile_site.html("kurser/ondsindet/index.html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "the course page has its Course JSON-LD"
    assert json.loads(blocks[0])["@type"] == "Course"


def json_ld_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


def test_json_ld_has_no_raw_less_than_on_any_page(hostile_site):
    # "<!--<script" inside a script element makes the HTML parser skip the "</script>"
    # that ends it (the double-escaped state), and the rest of the page is gone.
    seen = 0
    for path in hostile_site.site.rglob("*.html"):
        for block in json_ld_blocks(path.read_text(encoding="utf-8")):
            seen += 1
            assert not set(block) & {"<", ">", "&"}, (path, block[:200])
            json.loads(block)
    assert seen >= 5
    [block] = json_ld_blocks(hostile_site.html("kurser/kommentar/index.html"))
    data = json.loads(block)
    assert data["name"] == "Håb <!--<script x" and data["description"] == "Om håb <!-- og <script x"


class Elements(HTMLParser):
    """For each text node: the element it is directly in, with that element's attributes."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.texts: dict[str, tuple[str, dict]] = {}

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.texts[data.strip()] = self.stack[-1]


@pytest.mark.parametrize("tag", ["p", "span", "a", "strong", "em", "b", "i", "code", "mark", "abbr", "small", "q",
                                 "li", "th", "td", "blockquote", "summary", "div"])
def test_elements_the_sanitiser_keeps_lose_their_event_handlers(hostile_site, tag):
    finder = Elements()
    finder.feed(hostile_site.html("kurser/kommentar/index.html"))
    # The element is on the page (so its handler was put to the test) ...
    assert f"{tag}-med-handler" in finder.texts, f"<{tag}> was dropped: the fixture tests nothing"
    found, attrs = finder.texts[f"{tag}-med-handler"]
    assert found == tag
    # ... and none of its attributes is an event handler.
    assert [a for a in attrs if a.lower().startswith("on")] == []
