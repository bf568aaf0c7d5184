"""No broken link or anchor anywhere in the built site: pages, generated pages, the
calendar files' and kurser.json's URLs included."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from icalendar import Calendar

SITE_URL = "https://recoveryskolen.example.dk/"


class Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("id", "name"):
            if a.get(name):
                self.ids.add(a[name])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "link" and a.get("rel") in ("preconnect", "dns-prefetch")):
                self.refs.append(a[name])


def parse(path: Path) -> Refs:
    refs = Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def check_site(site: Path) -> list[str]:
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, refs in pages.items():
        page_url = "http://site/" + page.relative_to(site).as_posix()
        for ref in refs.refs:
            if ref.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = urljoin(page_url, ref)
            parts = urlsplit(absolute)
            if parts.netloc != "site":
                continue  # links to other hosts are not fetched (the site makes no such request)
            target = target_file(site, parts.path)
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {ref}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {ref} (no anchor)")
    return broken


def site_path(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return target_file(site, "/" + url[len(SITE_URL):])


def test_no_broken_links_in_sample(sample_site):
    assert check_site(sample_site.site) == []


def test_no_broken_links_in_spec_example(spec_site):
    assert check_site(spec_site.site) == []


def test_feed_and_json_urls_resolve(sample_site):
    site = sample_site.site
    data = json.loads((site / "kurser.json").read_text(encoding="utf-8"))
    for course in data["courses"]:
        assert site_path(site, course["url"]).exists(), course["url"]
        assert site_path(site, course["ics_url"]).exists(), course["ics_url"]
    for ics in [site / "kalender.ics", *(site / "kurser").glob("*.ics")]:
        for event in Calendar.from_ical(ics.read_bytes()).walk("VEVENT"):
            assert site_path(site, str(event["URL"])).exists(), (ics, event["URL"])
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"]+)"', feed):
        assert site_path(site, href).exists(), href
