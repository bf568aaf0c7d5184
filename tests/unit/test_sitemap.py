"""sitemap.xml lastmod from the date each page's source last changed (rskole.sitemap)."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from rskole import history, sitemap
from rskole.history import Commit
from rskole.registry import PageSpec
from sitekit import write_files

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


def test_the_whole_sitemap_as_written():
    xml = (b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc> https://example.dk/skole/kurser/haab/ </loc></url>"
           b"<url><loc>https://example.dk/skole/a&lt;b&gt;&amp;c/</loc></url><url></url>"
           # Not under the site's path (same length as /skole/): never given a date.
           b"<url><loc>https://example.dk/andet/kurser/haab/</loc></url></urlset>")
    out = sitemap.with_lastmod(xml, "https://example.dk/skole", {"kurser/haab/": date(2026, 11, 3), "": date(2026, 1, 2)})
    assert out.decode("utf-8") == """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.dk/skole/kurser/haab/</loc>
    <lastmod>2026-11-03</lastmod>
  </url>
  <url>
    <loc>https://example.dk/skole/a&lt;b&gt;&amp;c/</loc>
  </url>
  <url>
    <loc></loc>
  </url>
  <url>
    <loc>https://example.dk/andet/kurser/haab/</loc>
  </url>
</urlset>
"""


def test_without_a_site_url_pages_are_at_the_root():
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x.dk/kurser/haab/</loc></url></urlset>'
    out = sitemap.with_lastmod(xml, None, {"kurser/haab/": date(2026, 11, 3)})
    assert b"<lastmod>2026-11-03</lastmod>" in out


def test_hidden_pages_are_skipped_and_docs_outside_the_project_have_no_source(tmp_path):
    write_files(tmp_path / "p" / "content", {".a/x.md": "x", "a/.udkast.md": "u", "b.md": "B"})
    write_files(tmp_path / "docs", {"om.md": "x"})
    assert sitemap.page_sources(tmp_path / "p", tmp_path / "p" / "content", []) == {"b/": "content/b.md"}
    assert sitemap.page_sources(tmp_path / "p", tmp_path / "docs", []) == {"om/": None}
    assert sitemap.page_sources(tmp_path / "p", tmp_path / "mangler", [PageSpec("arkiv.md", "archive", None, "Arkiv")]) == {
        "arkiv/": None}


def fake_log(calls: list, commits: dict):
    def log(root, paths):
        calls.append((root, paths))
        return commits
    return log


CPH = ZoneInfo("Europe/Copenhagen")


def test_lastmod_is_the_newest_commit_of_the_source_in_the_sites_zone(tmp_path, monkeypatch):
    calls: list = []
    commits = {
        # 23:30 UTC on 2 November is 3 November in Copenhagen.
        "courses/haab.yml": [Commit("b", datetime(2026, 11, 2, 23, 30, tzinfo=timezone.utc)),
                             Commit("a", datetime(2026, 10, 1, 12, 0, tzinfo=timezone.utc))],
        "content/om.md": [Commit("a", datetime(2026, 10, 1, 12, 0, tzinfo=timezone.utc))],
    }
    monkeypatch.setattr(history, "log", fake_log(calls, commits))
    sources = {"kurser/haab/": "courses/haab.yml", "om/": "content/om.md", "ny/": "content/ny.md", "kurser/": None,
               "ogsaa-haab/": "courses/haab.yml"}
    assert sitemap.last_changed(tmp_path, sources, CPH) == {
        "kurser/haab/": date(2026, 11, 3), "ogsaa-haab/": date(2026, 11, 3), "om/": date(2026, 10, 1)}
    # One git call for every source, each named once.
    assert calls == [(tmp_path, ["content/ny.md", "content/om.md", "courses/haab.yml"])]


MKDOCS_ROOT = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.dk/om/</loc><lastmod>2031-01-01</lastmod></url></urlset>
"""


def test_update_rewrites_the_sitemap_and_its_gzip_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(history, "log", fake_log([], {"content/om.md": [Commit("a", datetime(2026, 10, 1, 12, 0, tzinfo=timezone.utc))]}))
    write_files(tmp_path, {"content/om.md": "# Om\n", "site/sitemap.xml": MKDOCS_ROOT, "site/sitemap.xml.gz": b"old"})
    sitemap.update(tmp_path / "site", tmp_path, tmp_path / "content", [], "https://example.dk/", CPH)
    data = (tmp_path / "site" / "sitemap.xml").read_bytes()
    assert data == sitemap.with_lastmod(MKDOCS_ROOT, "https://example.dk/", {"om/": date(2026, 10, 1)})
    packed = (tmp_path / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == data and packed[4:8] == b"\0\0\0\0"  # mtime 0: the same bytes every build


def test_update_without_a_sitemap_or_its_gzip_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(history, "log", fake_log([], {}))
    sitemap.update(tmp_path / "site", tmp_path, tmp_path / "content", [], None, CPH)
    assert not (tmp_path / "site").exists()
    write_files(tmp_path, {"site/sitemap.xml": MKDOCS_ROOT})
    sitemap.update(tmp_path / "site", tmp_path, tmp_path / "content", [], None, CPH)
    assert b"2031" not in (tmp_path / "site" / "sitemap.xml").read_bytes()
    assert not (tmp_path / "site" / "sitemap.xml.gz").exists()


def test_update_dates_pages_in_the_sites_zone_under_its_path(tmp_path, monkeypatch):
    # Noon UTC is already the next day at UTC+14.
    monkeypatch.setattr(history, "log", fake_log([], {"content/om.md": [Commit("a", datetime(2026, 10, 1, 12, 0, tzinfo=timezone.utc))]}))
    xml = MKDOCS_ROOT.replace(b"https://example.dk/om/", b"https://example.dk/skole/om/")
    write_files(tmp_path, {"content/om.md": "# Om\n", "site/sitemap.xml": xml})
    sitemap.update(tmp_path / "site", tmp_path, tmp_path / "content", [], "https://example.dk/skole/", ZoneInfo("Pacific/Kiritimati"))
    assert b"<lastmod>2026-10-02</lastmod>" in (tmp_path / "site" / "sitemap.xml").read_bytes()
