"""An injection corpus rendered into a site: nothing unescaped reaches the HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from sitekit import make_project, run_build


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
    feed = (hostile_site.site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed


def test_json_ld_is_valid_json(hostile_site):
    html = hostile_site.html("kurser/ondsindet/index.html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "the course page has its Course JSON-LD"
    assert json.loads(blocks[0])["@type"] == "Course"
