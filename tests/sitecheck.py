"""Checks of a built site that hold for any valid content: no broken link or anchor, and
no error from the Nu HTML Checker. Used by the code tests on fixture sites and by the
content checks (tests/content/) on the school's own content."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from icalendar import Calendar

from sitekit import REPO

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


def site_path(site: Path, url: str, site_url: str = SITE_URL) -> Path:
    """The file a URL of the site (as written in the feeds) points at."""
    assert url.startswith(site_url), url
    return target_file(site, "/" + url[len(site_url):])


def unresolved_feed_urls(site: Path, site_url: str = SITE_URL) -> list[str]:
    """URLs in kurser.json, the .ics files and feed.xml that point at no file of the site."""
    missing = []
    data = json.loads((site / "kurser.json").read_text(encoding="utf-8"))
    urls = [u for course in data["courses"] for u in (course["url"], course["ics_url"])]
    for ics in [site / "kalender.ics", *(site / "kurser").glob("*.ics")]:
        urls += [str(event["URL"]) for event in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    urls += re.findall(r'href="([^"]+)"', (site / "feed.xml").read_text(encoding="utf-8"))
    for url in urls:
        if not url.startswith(site_url) or not site_path(site, url, site_url).exists():
            missing.append(url)
    return missing


VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from mkdocs-material itself and cannot be fixed from our templates.
KNOWN = [
    # base.html writes <input type="checkbox" ... autocomplete="off"> for its drawer and
    # search toggles outside any template block, so no override can reach them.
    'error: Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, '
    '“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.',
]


def vnu_errors(*sites) -> list[str]:
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker"
    assert VNU.is_file(), "run 'npm ci' (scripts/test.sh does) to install vnu-jar"
    proc = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu",
                           *map(str, sites)], capture_output=True, text=True, timeout=600)
    lines = [l for l in (proc.stdout + proc.stderr).splitlines() if l.strip()]
    return [l for l in lines if not any(l.endswith(k) for k in KNOWN)]
