"""sitemap.xml lastmod from the date each page's source last changed (rskole.sitemap)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from rskole import sitemap
from rskole.registry import PageSpec

MKDOCS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://example.dk/skole/</loc><lastmod>2031-01-01</lastmod></url>
    <url><loc>https://example.dk/skole/kurser/haab/</loc><lastmod>2031-01-01</lastmod></url>
    <url><loc>https://example.dk/skole/kurser/</loc><lastmod>2031-01-01</lastmod></url>
    <url><loc>https://example.dk/skole/a&amp;b/</loc><lastmod>2031-01-01</lastmod></url>
</urlset>
"""
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_lastmod_is_the_sources_date_or_left_out():
    out = sitemap.with_lastmod(MKDOCS, "https://example.dk/skole/", {"kurser/haab/": date(2026, 11, 3), "": date(2026, 1, 2)})
    root = ET.fromstring(out)
    got = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS) for u in root.findall("s:url", NS)}
    assert got == {"https://example.dk/skole/": "2026-01-02", "https://example.dk/skole/kurser/haab/": "2026-11-03",
                   "https://example.dk/skole/kurser/": None, "https://example.dk/skole/a&b/": None}
    assert b"2031" not in out


def test_page_sources(tmp_path):
    (tmp_path / "content" / "om").mkdir(parents=True)
    (tmp_path / "content" / "index.md").write_text("# Hej\n")
    (tmp_path / "content" / "om" / "index.md").write_text("# Om\n")
    (tmp_path / "content" / "kontakt.md").write_text("# Kontakt\n")
    specs = [PageSpec("kurser/index.md", "courses", None, "Kurser"),
             PageSpec("kurser/haab.md", "course", "haab", "Håb", source="courses/haab.yml")]
    assert sitemap.page_sources(tmp_path, tmp_path / "content", specs) == {
        "": "content/index.md", "om/": "content/om/index.md", "kontakt/": "content/kontakt.md",
        "kurser/": None, "kurser/haab/": "courses/haab.yml"}
